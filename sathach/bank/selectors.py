"""Reads of the bank, scoped to the topics the requesting user works in."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from sathach.lib.similarity import normalise

from .constants import VersionState
from .models import Item, ItemVersion, Topic
from .permissions import can_manage_topics, paths_q, readable_paths, topic_paths


def topic_list(*, user: Any, role: str | None = None) -> QuerySet[Topic]:
    """Return the topics ``user`` works in (as ``role``, or either), in tree order.

    The organiser sees the whole tree (names only; items stay hidden)."""
    if role is None and can_manage_topics(user):
        return Topic.objects.order_by("path")
    paths = topic_paths(user, role) if role else readable_paths(user)
    return Topic.objects.filter(paths_q(paths, field="path")).order_by("path")


def topic_get_for_user(*, user: Any, code: str, role: str | None = None) -> Topic:
    topic = topic_list(user=user, role=role).filter(code=code).first()
    if topic is None:
        raise Http404
    return topic


def item_list(
    *,
    user: Any,
    query: str = "",
    topic: Topic | None = None,
    kind: str = "",
    difficulty: str = "",
    state: str = "",
    position_id: int | None = None,
) -> QuerySet[Item]:
    """Return the items in ``user``'s topics with their current version, filtered."""
    items = Item.objects.filter(paths_q(readable_paths(user)), is_retired=False)
    if topic is not None:
        items = items.filter(topic__path__startswith=topic.path)
    if kind:
        items = items.filter(kind=kind)
    if difficulty:
        items = items.filter(current__difficulty=difficulty)
    if state:
        items = items.filter(current__state=state)
    if position_id:
        items = items.filter(positions__id=position_id)
    for word in normalise(query).split():
        items = items.filter(current__norm_text__contains=word)
    return items.select_related("topic", "current", "approved").order_by("-updated_at", "-pk")


def item_get_for_user(*, user: Any, pk: int) -> Item:
    """Return item ``pk`` if it lies in ``user``'s topics; 404 otherwise."""
    item = (
        Item.objects.filter(paths_q(readable_paths(user)), pk=pk)
        .select_related("topic", "current", "approved")
        .first()
    )
    if item is None:
        raise Http404
    return item


def review_queue(*, user: Any) -> QuerySet[Item]:
    """Return items waiting for review in ``user``'s reviewer topics, others' items only."""
    paths = topic_paths(user, "reviewer")
    return (
        Item.objects.filter(paths_q(paths), current__state=VersionState.SUBMITTED)
        .exclude(current__author=user)
        .select_related("topic", "current")
        .order_by("current__updated_at")
    )


def version_list(*, item: Item) -> QuerySet[ItemVersion]:
    return item.versions.select_related("author").order_by("-number")
