"""Who may do what, by role and scope. Every selector that scopes by unit starts here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from sathach.lib.tree import outermost

from .constants import ROSTER_READ_ROLES, ROSTER_WRITE_ROLES, Role


def unit_paths(user: Any, roles: Iterable[str]) -> list[str]:
    """Return the tree paths of the units where ``user`` holds any of ``roles``.

    A path covers its whole subtree. Overlapping paths are reduced to the outermost.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return outermost(
        user.role_assignments.filter(
            is_active=True, role__in=list(roles), unit__isnull=False, unit__is_active=True
        ).values_list("unit__path", flat=True)
    )


def subtree_q(paths: Iterable[str], field: str = "unit__path") -> Q:
    """Return a filter matching rows whose ``field`` lies under any of ``paths``.

    No paths match nothing.
    """
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def roster_read_paths(user: Any) -> list[str]:
    return unit_paths(user, ROSTER_READ_ROLES)


def roster_write_paths(user: Any) -> list[str]:
    return unit_paths(user, ROSTER_WRITE_ROLES)


def path_within(path: str, paths: Iterable[str]) -> bool:
    """Return whether the unit at ``path`` lies in one of the subtrees ``paths``."""
    return any(path.startswith(p) for p in paths)


def is_admin(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.ADMIN))
