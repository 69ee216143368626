"""The facts the rating rules read: monthly or quarterly task records (NĐ 335/2025) and
Party or administrative disciplinary decisions (NĐ 48/2023, NĐ 335/2025)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.org.models import Person

from ..constants import DECIDED_STATES, PERIOD_MAX, PeriodKind, SanctionForm, SanctionSystem, Source
from ..models import AnnualEvaluation, DisciplineRecord, TaskRecord
from ..rules import profile_for, rating_rules, year_end
from .common import check_year, checked, require_person_write, text

# --- Facts: task records and disciplinary decisions -----------------------------------------


def _require_open_year(person: Person, year: int) -> str:
    """Return the year's rating profile ref; refuse when the year's rating is decided or the
    profile tracks no tasks (NĐ 90/2020 rates by criteria)."""
    evaluation = AnnualEvaluation.objects.filter(person=person, year=year).first()
    if evaluation is not None and (
        evaluation.state in DECIDED_STATES or evaluation.source == Source.IMPORT
    ):
        raise ServiceError(
            _("Đã có xếp loại năm %(y)s của “%(p)s”; không sửa kết quả theo dõi nhiệm vụ.")
            % {"y": year, "p": person.full_name},
            code="year_decided",
        )
    if evaluation is not None:
        ref = evaluation.profile
    else:
        chosen = profile_for("rating", "", year_end(year))
        assert chosen is not None
        ref = chosen.ref
    if not rating_rules(ref).scored:
        raise ServiceError(
            _("Năm %(y)s xếp loại theo %(r)s, không chấm điểm theo dõi nhiệm vụ.")
            % {"y": year, "r": ref},
            code="not_scored",
        )
    return ref


@transaction.atomic
def task_record_add(
    *,
    actor: Any,
    person: Person,
    year: int,
    period_kind: str,
    period: int,
    title: str,
    assigned: Decimal,
    completed: Decimal,
    quality_failures: int = 0,
    quality_excused: int = 0,
    late_failures: int = 0,
    late_excused: int = 0,
    excuse_basis: str = "",
) -> TaskRecord:
    """Record one assigned product or task of a month or quarter (NĐ 335/2025)."""
    require_person_write(actor, person)
    check_year(year)
    ref = _require_open_year(person, year)
    if period_kind not in PeriodKind.values or not 1 <= period <= PERIOD_MAX[period_kind]:
        raise ServiceError(_("Kỳ theo dõi không hợp lệ."), code="bad_period")
    other = (
        TaskRecord.objects.filter(person=person, year=year)
        .exclude(period_kind=period_kind)
        .values_list("period_kind", flat=True)
        .first()
    )
    if other:
        raise ServiceError(
            _("Năm %(y)s đang theo dõi theo %(k)s; không ghi lẫn tháng và quý.")
            % {"y": year, "k": PeriodKind(other).label.lower()},
            code="mixed_periods",
        )
    if assigned <= 0 or completed < 0:
        raise ServiceError(
            _("Khối lượng giao phải lớn hơn 0 và khối lượng hoàn thành không âm."),
            code="bad_amounts",
        )
    if not (0 <= quality_excused <= quality_failures and 0 <= late_excused <= late_failures):
        raise ServiceError(
            _("Số lần do nguyên nhân khách quan không được lớn hơn số lần chưa đạt hoặc chậm."),
            code="bad_excused",
        )
    if (quality_excused or late_excused) and not text(excuse_basis):
        raise ServiceError(
            _("Phải ghi xác nhận nguyên nhân khách quan của cấp có thẩm quyền."),
            code="excuse_basis",
        )
    record = TaskRecord(
        person=person,
        year=year,
        period_kind=period_kind,
        period=period,
        title=text(title),
        assigned=assigned,
        completed=completed,
        quality_failures=quality_failures,
        quality_excused=quality_excused,
        late_failures=late_failures,
        late_excused=late_excused,
        excuse_basis=text(excuse_basis),
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    checked(record, exclude=["person", "recorded_by"])
    record.save()
    audit_record(
        actor=actor,
        action="evaluation.task_record_add",
        target=record,
        data={
            "person": person.code,
            "year": year,
            "period": f"{period_kind}:{period}",
            "assigned": assigned,
            "completed": completed,
            "quality_failures": quality_failures,
            "quality_excused": quality_excused,
            "late_failures": late_failures,
            "late_excused": late_excused,
        },
        profile=ref,
    )
    return record


@transaction.atomic
def task_record_delete(*, actor: Any, record: TaskRecord) -> None:
    """Remove a task record entered by mistake, while the year is not decided."""
    require_person_write(actor, record.person)
    _require_open_year(record.person, record.year)
    data = {"person": record.person.code, "year": record.year, "title": record.title,
            "period": f"{record.period_kind}:{record.period}"}  # fmt: skip
    audit_record(actor=actor, action="evaluation.task_record_delete", target=record, data=data)
    record.delete()


@transaction.atomic
def discipline_record_add(
    *,
    actor: Any,
    person: Person,
    act: str,
    description: str,
    system: str,
    form: str,
    decided_on: dt.date,
    decision_ref: str = "",
    official_duty: bool = True,
    counted_as_kht_year: int | None = None,
) -> DisciplineRecord:
    """Record a Party or administrative disciplinary decision. ``act`` groups the decisions
    for one violation; ``counted_as_kht_year`` is the year it was already rated KHT for."""
    require_person_write(actor, person)
    if system not in SanctionSystem.values or form not in SanctionForm.values:
        raise ServiceError(_("Loại hoặc hình thức kỷ luật không hợp lệ."), code="bad_sanction")
    if decided_on > timezone.localdate():
        raise ServiceError(_("Ngày quyết định kỷ luật ở sau hôm nay."), code="bad_date")
    if counted_as_kht_year is not None and counted_as_kht_year > decided_on.year:
        raise ServiceError(
            _("Năm đã xếp loại không hoàn thành nhiệm vụ phải trước hoặc bằng năm quyết định."),
            code="bad_counted_year",
        )
    record = DisciplineRecord(
        person=person,
        act=text(act),
        description=text(description),
        system=system,
        form=form,
        decided_on=decided_on,
        decision_ref=text(decision_ref),
        official_duty=official_duty,
        counted_as_kht_year=counted_as_kht_year,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    checked(record, exclude=["person", "recorded_by"])
    record.save()
    audit_record(
        actor=actor,
        action="evaluation.discipline_record_add",
        target=record,
        data={
            "person": person.code,
            "act": record.act,
            "system": system,
            "form": form,
            "decided_on": decided_on,
            "official_duty": official_duty,
            "counted_as_kht_year": counted_as_kht_year,
        },
    )
    return record
