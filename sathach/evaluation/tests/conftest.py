"""Fixtures of the evaluation tests: the mini province, its rating staff, civil servants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.testing import make_person, make_user
from sathach.evaluation import services
from sathach.evaluation.constants import PeriodKind
from sathach.evaluation.models import AnnualEvaluation
from sathach.org.constants import Gender

ND335_YEAR = 2026  # rated under NĐ 335/2025 (from 1/1/2026)
ND90_YEAR = 2025  # the last year under NĐ 90/2020 as amended by NĐ 48/2023


@pytest.fixture
def organiser(province):
    return make_user("tochuc", Role.ORGANISER, province.root)


@pytest.fixture
def hr_a(province):
    """Unit HR of Ban Tổ chức (unit A, with its department)."""
    return make_user("tccb-a", Role.UNIT_HR, province.unit_a)


@pytest.fixture
def hr_b(province):
    return make_user("tccb-b", Role.UNIT_HR, province.unit_b)


@pytest.fixture
def leader_a(province):
    return make_user("lanhdao-a", Role.LEADER, province.unit_a)


@pytest.fixture
def staff(province):
    """Civil servants: four in unit A (one in its department), two in unit B."""
    return {
        "an": make_person("CC001", "Lê Thị An", province.unit_a, gender=Gender.FEMALE),
        "binh": make_person("CC002", "Nguyễn Văn Bình", province.unit_a, is_party_member=True),
        "cuong": make_person("CC003", "Trần Đức Cường", province.dept_a),
        "dung": make_person("CC004", "Phạm Thị Dung", province.unit_a, is_leader=True),
        "em": make_person("CC005", "Hoàng Văn Em", province.unit_b),
        "giang": make_person("CC006", "Vũ Thị Giang", province.unit_b, gender=Gender.FEMALE),
    }


def add_tasks(actor: Any, person: Any, year: int = ND335_YEAR, **kwargs: Any) -> None:
    """Record one fully done task in quarter 1, with ``kwargs`` overriding its fields."""
    fields: dict[str, Any] = {
        "period_kind": PeriodKind.QUARTER,
        "period": 1,
        "title": "Báo cáo quý",
        "assigned": Decimal(10),
        "completed": Decimal(10),
    }
    fields.update(kwargs)
    services.task_record_add(actor=actor, person=person, year=year, **fields)


def to_proposed(
    actor: Any,
    person: Any,
    year: int = ND335_YEAR,
    *,
    general: Decimal | None = None,
    level: str = "htt",
    work_group: str = "",
    **propose: Any,
) -> AnnualEvaluation:
    """Take a person's evaluation through self-assessment and comments to the proposal."""
    evaluation = services.evaluation_self_assess(
        actor=actor,
        person=person,
        year=year,
        self_assessment="Hoàn thành các nhiệm vụ được giao.",
        general_points=general,
        work_group=work_group,
    )
    evaluation = services.evaluation_comment(
        actor=actor, evaluation=evaluation, comments="Tập thể nhất trí."
    )
    return services.evaluation_propose(actor=actor, evaluation=evaluation, level=level, **propose)


def decided(actor: Any, person: Any, level: str, year: int = ND90_YEAR, **kw: Any) -> Any:
    """Return an NĐ 90 evaluation decided at ``level`` (no score: any level is allowed)."""
    evaluation = to_proposed(actor, person, year, level=level, **kw)
    return services.evaluation_decide(actor=actor, evaluation=evaluation, level=level)


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


@pytest.fixture
def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def room_for_htxs(province):
    """Five HTT ratings (imported, published) in unit A for 2025 and 2026: room for one HTXS
    under the quota (floor of 20% of 5 = 1)."""
    from sathach.core.testing import make_person
    from sathach.evaluation.constants import Source, State

    for i in range(5):
        person = make_person(f"HTT{i:02d}", f"Người Tốt {i}", province.unit_a)
        for year in (ND90_YEAR, ND335_YEAR):
            AnnualEvaluation.objects.create(
                person=person,
                year=year,
                unit=province.unit_a,
                source=Source.IMPORT,
                state=State.PUBLISHED,
                level="htt",
            )


def imported(person: Any, year: int, level: str) -> AnnualEvaluation:
    """Store a past year's rating as the import does: published, from a file."""
    from sathach.evaluation.constants import Source, State

    return AnnualEvaluation.objects.create(
        person=person,
        year=year,
        unit=person.unit,
        source=Source.IMPORT,
        state=State.PUBLISHED,
        level=level,
    )
