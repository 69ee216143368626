"""Helpers for the test suite: a small province, users with roles, persons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sathach.accounts.models import RoleAssignment, User
from sathach.org.constants import Block, Gender, UnitKind, UnitLevel
from sathach.org.models import Person, Position, Rank, Unit
from sathach.org.services import person_fill_derived, unit_fill_derived

TEST_PASSWORD = "Mat-khau-thu-2026"  # noqa: S105 - test accounts only


def make_unit(
    code: str,
    name: str,
    parent: Unit | None = None,
    *,
    kind: str = UnitKind.AGENCY,
    level: str = UnitLevel.PROVINCE,
    block: str = "",
) -> Unit:
    unit = unit_fill_derived(
        Unit(code=code, name=name, parent=parent, kind=kind, level=level, block=block)
    )
    unit.save()
    return unit


@dataclass
class MiniProvince:
    """Province → Party block → agency A (with a department), State block → agency B;
    and one commune."""

    root: Unit
    party: Unit
    state: Unit
    unit_a: Unit
    dept_a: Unit
    unit_b: Unit
    commune: Unit


def make_province() -> MiniProvince:
    root = make_unit("NA", "Tỉnh Nghệ An", kind=UnitKind.PROVINCE)
    party = make_unit("NA-DANG", "Khối Đảng", root, kind=UnitKind.BLOCK, block=Block.PARTY)
    state = make_unit("NA-CQ", "Khối Chính quyền", root, kind=UnitKind.BLOCK, block=Block.STATE)
    unit_a = make_unit("BTC", "Ban Tổ chức Tỉnh ủy", party, block=Block.PARTY)
    dept_a = make_unit(
        "BTC-P1", "Phòng Tổ chức cán bộ", unit_a, kind=UnitKind.DEPARTMENT, block=Block.PARTY
    )
    unit_b = make_unit("SNV", "Sở Nội vụ", state, block=Block.STATE)
    commune = make_unit(
        "XA-VINH", "Phường Vinh", root, kind=UnitKind.COMMUNE, level=UnitLevel.COMMUNE
    )
    return MiniProvince(root, party, state, unit_a, dept_a, unit_b, commune)


def make_person(code: str, full_name: str, unit: Unit, **fields: Any) -> Person:
    fields.setdefault("birth_date", dt.date(1985, 5, 17))
    fields.setdefault("gender", Gender.MALE)
    fields.setdefault("rank", Rank.objects.filter(code="01.003").first())
    person = person_fill_derived(Person(code=code, full_name=full_name, unit=unit, **fields))
    person.save()
    return person


def make_position(code: str, name: str) -> Position:
    return Position.objects.create(code=code, name=name)


def make_user(
    username: str,
    role: str | None = None,
    unit: Unit | None = None,
    *,
    person: Person | None = None,
    plan_id: int | None = None,
) -> User:
    user = User(username=username, full_name=username, person=person)
    user.set_password(TEST_PASSWORD)
    user.save()
    if role:
        RoleAssignment.objects.create(user=user, role=role, unit=unit, plan_id=plan_id)
    return user
