"""Who may see and change ratings and streamlining reviews (one policy for pages, commands and
services).

- Unit HR (cán bộ tổ chức) sees and edits only their unit subtree; the organiser (Ban Tổ chức,
  Sở Nội vụ) the subtree of their assignment, usually the province; leaders read theirs.
- Everyone else sees nothing: pages answer 404, so no one learns a rating exists outside their
  scope. A reader (leader) who tries to write is refused (403).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sathach.accounts.constants import Role
from sathach.accounts.permissions import path_within, subtree_q, unit_paths
from sathach.org.models import Unit

READ_ROLES = frozenset({Role.ORGANISER, Role.UNIT_HR, Role.LEADER})
WRITE_ROLES = frozenset({Role.ORGANISER, Role.UNIT_HR})


def _paths(user: Any, roles: frozenset[str], attr: str) -> list[str]:
    """Return ``unit_paths(user, roles)``, kept on the user object for the rest of the
    request (a page asks several times; role assignments do not change mid-request)."""
    cached = getattr(user, attr, None)
    if cached is None:
        cached = unit_paths(user, roles)
        if getattr(user, "pk", None) is not None:
            setattr(user, attr, cached)
    return cached


def read_paths(user: Any) -> list[str]:
    """Return the unit subtrees whose ratings ``user`` may read."""
    return _paths(user, READ_ROLES, "_evaluation_read_paths")


def write_paths(user: Any) -> list[str]:
    """Return the unit subtrees whose ratings ``user`` may record and decide."""
    return _paths(user, WRITE_ROLES, "_evaluation_write_paths")


def can_read_unit(user: Any, unit: Unit) -> bool:
    return path_within(unit.path, read_paths(user))


def can_write_unit(user: Any, unit: Unit) -> bool:
    return path_within(unit.path, write_paths(user))


def read_q(user: Any, field: str = "unit__path") -> Q:
    """Match rows whose unit (``field`` is its path) ``user`` may read."""
    return subtree_q(read_paths(user), field)


def write_q(user: Any, field: str = "unit__path") -> Q:
    return subtree_q(write_paths(user), field)
