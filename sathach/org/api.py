"""Roster API: the same selectors as the pages, so scope is enforced in one place."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from .selectors import person_get_for_user, person_list, unit_get_for_user, unit_list

router = Router(tags=["org"])


class UnitOut(Schema):
    code: str
    name: str
    kind: str
    level: str
    block: str
    parent_code: str | None
    is_active: bool

    @staticmethod
    def resolve_parent_code(obj: object) -> str | None:
        parent = getattr(obj, "parent", None)
        return parent.code if parent else None


class PersonOut(Schema):
    code: str
    full_name: str
    birth_date: dt.date
    gender: str
    unit_code: str
    unit_name: str
    rank_code: str | None
    position_code: str | None
    qualification: str
    hired_on: dt.date | None
    is_leader: bool
    is_party_member: bool

    @staticmethod
    def resolve_unit_code(obj: object) -> str:
        return obj.unit.code  # type: ignore[attr-defined]

    @staticmethod
    def resolve_unit_name(obj: object) -> str:
        return obj.unit.name  # type: ignore[attr-defined]

    @staticmethod
    def resolve_rank_code(obj: object) -> str | None:
        rank = obj.rank  # type: ignore[attr-defined]
        return rank.code if rank else None

    @staticmethod
    def resolve_position_code(obj: object) -> str | None:
        position = obj.position  # type: ignore[attr-defined]
        return position.code if position else None


@router.get("/units", response=list[UnitOut])
@paginate(PageNumberPagination, page_size=200)
def units(request: HttpRequest):  # noqa: ANN201 - ninja reads the response schema
    return unit_list(user=request.user).select_related("parent")


@router.get("/units/{code}", response=UnitOut)
def unit_detail(request: HttpRequest, code: str):  # noqa: ANN201
    return unit_get_for_user(user=request.user, code=code)


@router.get("/persons", response=list[PersonOut])
@paginate(PageNumberPagination, page_size=50)
def persons(request: HttpRequest, q: str = "", unit: str = ""):  # noqa: ANN201
    scope_unit = unit_get_for_user(user=request.user, code=unit) if unit else None
    return person_list(user=request.user, query=q, unit=scope_unit)


@router.get("/persons/{code}", response=PersonOut)
def person_detail(request: HttpRequest, code: str):  # noqa: ANN201
    return person_get_for_user(user=request.user, code=code)
