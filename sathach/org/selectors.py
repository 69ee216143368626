"""Reads of the organisation and roster, always through the requesting user's scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from sathach.accounts.constants import Role
from sathach.accounts.permissions import (
    path_within,
    roster_read_paths,
    roster_write_paths,
    subtree_q,
)
from sathach.lib.text import fold

from .models import Person, Unit


def _person_scope_q(user: Any) -> Q:
    """Persons ``user`` may read: their roster subtrees, plus their own record as a candidate."""
    q = subtree_q(roster_read_paths(user))
    if user.is_authenticated and user.has_role(Role.CANDIDATE) and user.person_id:
        q |= Q(pk=user.person_id)
    return q


def person_list(
    *, user: Any, query: str = "", unit: Unit | None = None, include_inactive: bool = False
) -> QuerySet[Person]:
    """Return the persons ``user`` may read, Vietnamese-sorted, optionally filtered.

    ``query`` ignores diacritics and case ("nguyen van an" finds "Nguyễn Văn An") and also
    matches the person code. ``unit`` limits to that unit's subtree (within the user's scope).
    """
    persons = Person.objects.filter(_person_scope_q(user))
    if not include_inactive:
        persons = persons.filter(is_active=True)
    if unit is not None:
        persons = persons.filter(unit__path__startswith=unit.path)
    folded = fold(query)
    for word in folded.split():
        persons = persons.filter(search_text__contains=word)
    return persons.select_related("unit", "rank", "position").order_by("sort_key", "code")


def person_get_for_user(*, user: Any, code: str) -> Person:
    """Return the person with ``code`` if ``user`` may read it; 404 otherwise (never 403,
    so a user cannot learn that a person exists outside their scope)."""
    person = (
        Person.objects.filter(_person_scope_q(user), code=code)
        .select_related("unit", "rank", "position")
        .first()
    )
    if person is None:
        raise Http404
    return person


def unit_list(*, user: Any) -> QuerySet[Unit]:
    """Return the units in ``user``'s roster subtrees, in tree order."""
    return Unit.objects.filter(subtree_q(roster_read_paths(user), field="path")).order_by("path")


def unit_get_for_user(*, user: Any, code: str) -> Unit:
    unit = unit_list(user=user).filter(code=code).first()
    if unit is None:
        raise Http404
    return unit


def unit_writable_by(*, user: Any, unit: Unit) -> bool:
    """Return whether ``user`` may change the roster of ``unit``."""
    return path_within(unit.path, roster_write_paths(user))


def unit_roots_for_user(*, user: Any) -> QuerySet[Unit]:
    """Return the top units of ``user``'s roster scope (the roots of the tree browser)."""
    paths = roster_read_paths(user)
    return Unit.objects.filter(path__in=paths).order_by("path")
