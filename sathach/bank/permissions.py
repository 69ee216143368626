"""Who sees and changes which items.

Item content is exam content: only the bank roles see it (DESIGN §1). An author works in the
topic subtrees assigned to them as author; a reviewer reviews in the subtrees assigned to them
as reviewer and never approves (or returns) their own item (power control, QĐ 205/114 §4.1).
The organiser manages the topic tree and the assignments, without seeing item content.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sathach.accounts.constants import Role
from sathach.lib.tree import outermost

from .constants import TopicRole
from .models import Topic, TopicAssignment

BANK_ROLES = {TopicRole.AUTHOR: Role.AUTHOR, TopicRole.REVIEWER: Role.REVIEWER}


def topic_paths(user: Any, role: str) -> list[str]:
    """Return the topic-tree paths where ``user`` acts as ``role`` (author or reviewer)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if not user.has_role(BANK_ROLES[TopicRole(role)]):
        return []
    return outermost(
        TopicAssignment.objects.filter(user=user, role=role).values_list("topic__path", flat=True)
    )


def readable_paths(user: Any) -> list[str]:
    return sorted(set(topic_paths(user, TopicRole.AUTHOR) + topic_paths(user, TopicRole.REVIEWER)))


def paths_q(paths: list[str], field: str = "topic__path") -> Q:
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def within(topic: Topic, paths: list[str]) -> bool:
    return any(topic.path.startswith(p) for p in paths)


def can_author(user: Any, topic: Topic) -> bool:
    return within(topic, topic_paths(user, TopicRole.AUTHOR))


def can_review(user: Any, topic: Topic) -> bool:
    return within(topic, topic_paths(user, TopicRole.REVIEWER))


def can_manage_topics(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.ORGANISER))
