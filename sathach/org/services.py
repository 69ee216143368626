"""Writes on the organisation tree and the roster. Roster import lives in ``roster.py``."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.lib.text import clean_name, fold, person_sort_key, split_name
from sathach.lib.tree import depth

from .models import Person, Unit


def person_fill_derived(person: Person) -> Person:
    """Set the NFC name, its parts, the Vietnamese sort key and the search text of ``person``.

    Every write of a person (form, import, demo seed, API) goes through here.
    """
    person.full_name = clean_name(person.full_name)
    parts = split_name(person.full_name)
    person.family_name = parts.family
    person.middle_name = parts.middle
    person.given_name = parts.given
    person.sort_key = person_sort_key(person.full_name)
    person.search_text = f"{fold(person.full_name)} {fold(person.code)}"
    return person


def unit_fill_derived(unit: Unit) -> Unit:
    unit.name = clean_name(unit.name)
    unit.code = clean_name(unit.code)
    unit.path = unit.compute_path()
    unit.depth = depth(unit.path)
    return unit


@transaction.atomic
def unit_create(
    *,
    actor: Any,
    code: str,
    name: str,
    kind: str,
    level: str,
    parent: Unit | None = None,
    block: str = "",
    sort_order: int = 0,
) -> Unit:
    """Create a unit under ``parent``."""
    if Unit.objects.filter(code=clean_name(code)).exists():
        raise ServiceError(_("Mã đơn vị “%(c)s” đã tồn tại.") % {"c": code}, code="unit_exists")
    unit = unit_fill_derived(
        Unit(
            code=code,
            name=name,
            kind=kind,
            level=level,
            parent=parent,
            block=block,
            sort_order=sort_order,
        )
    )
    unit.full_clean()
    unit.save()
    audit_record(
        actor=actor,
        action="org.unit_create",
        target=unit,
        data={"code": unit.code, "parent": parent.code if parent else None},
    )
    return unit
