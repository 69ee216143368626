"""What the head's proposal records beside the level (months worked; the NĐ 90/2020 criteria
inputs), the checks the proposal and the decision share, and the "not rated" outcome.

- Months worked: under the profile's ``rated_min_months_worked`` (6) months in the year the
  person is reviewed but not rated (NĐ 90/2020, NĐ 335/2025; unverified): the decision step
  records "không xếp loại" (state NOT_RATED), never a level.
- NĐ 90/2020 criteria (Điều 8–11 for công chức; ``sathach.lib.rules.rating_nd90``): optional;
  when recorded, neither the proposal nor the decision may go above the level they allow.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.lib.rules import rating
from sathach.lib.rules.rating import RatingRules

from ..constants import State
from ..models import AnnualEvaluation
from ..outcome import (
    ceiling_message,
    criteria_rules,
    evaluation_ceiling,
    not_rated_message,
    shortfall_rows,
)
from ..rules import rating_rules
from .common import points, require_person_write, text
from .rating_state import locked, require_state

MAX_UNITS = 999
UNIT_FIELDS = (
    "unit_targets_met_percent",
    "unit_targets_exceeded_percent",
    "managed_units",
    "managed_units_completed",
    "managed_units_good",
)


def _percent(value: Decimal | None, what: str) -> Decimal | None:
    return None if value is None else points(value, Decimal(100), what)


def _units(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= MAX_UNITS:
        raise ServiceError(
            _("Số đơn vị trực thuộc phải từ 0 đến %(m)d.") % {"m": MAX_UNITS}, code="bad_units"
        )
    return value


def record_months(evaluation: AnnualEvaluation, months_worked: int | None) -> None:
    """Set the months worked in the year (None: a full year), or refuse a value off 0–12."""
    if months_worked is not None and not 0 <= months_worked <= 12:
        raise ServiceError(_("Số tháng công tác trong năm phải từ 0 đến 12."), code="bad_months")
    evaluation.months_worked = months_worked


def record_criteria(evaluation: AnnualEvaluation, values: dict[str, Any]) -> None:
    """Set the NĐ 90/2020 criteria inputs of the proposal (each None when not given), or
    refuse: under a profile without criteria, an incomplete group, a unit group for someone
    who leads no unit, a part larger than its whole."""
    given = {k: v for k, v in values.items() if v is not None}
    if given and criteria_rules(evaluation.profile) is None:
        raise ServiceError(
            _(
                "Bộ quy tắc %(r)s không xếp loại theo tiêu chí của NĐ 90/2020 (tỷ lệ nhiệm vụ, "
                "chỉ tiêu); bỏ trống các ô này."
            )
            % {"r": evaluation.profile},
            code="no_criteria",
        )
    done = _percent(values.get("tasks_done_percent"), _("Tỷ lệ nhiệm vụ hoàn thành"))
    exceeding = _percent(values.get("tasks_exceeding_percent"), _("Tỷ lệ nhiệm vụ vượt mức"))
    if (done is None) != (exceeding is None):
        raise ServiceError(
            _("Phải nhập cả tỷ lệ nhiệm vụ hoàn thành và tỷ lệ nhiệm vụ vượt mức."),
            code="criteria_incomplete",
        )
    if done is not None and exceeding is not None and exceeding > done:
        raise ServiceError(
            _("Tỷ lệ nhiệm vụ vượt mức không được lớn hơn tỷ lệ nhiệm vụ hoàn thành."),
            code="criteria_inconsistent",
        )
    unit_given = [k for k in UNIT_FIELDS if values.get(k) is not None]
    if unit_given and not evaluation.is_leader:
        raise ServiceError(
            _("Chỉ công chức lãnh đạo, quản lý mới có chỉ tiêu của đơn vị và đơn vị trực thuộc."),
            code="not_leader",
        )
    if unit_given and len(unit_given) != len(UNIT_FIELDS):
        raise ServiceError(
            _(
                "Lãnh đạo, quản lý: phải nhập đủ tỷ lệ chỉ tiêu hoàn thành, tỷ lệ vượt mức và số "
                "đơn vị trực thuộc (ghi 0 nếu không có)."
            ),
            code="criteria_incomplete",
        )
    met = _percent(values.get("unit_targets_met_percent"), _("Tỷ lệ chỉ tiêu hoàn thành"))
    exceeded = _percent(values.get("unit_targets_exceeded_percent"), _("Tỷ lệ chỉ tiêu vượt mức"))
    units = _units(values.get("managed_units"))
    completed = _units(values.get("managed_units_completed"))
    good = _units(values.get("managed_units_good"))
    if met is not None and exceeded is not None and exceeded > met:
        raise ServiceError(
            _("Tỷ lệ chỉ tiêu vượt mức không được lớn hơn tỷ lệ chỉ tiêu hoàn thành."),
            code="criteria_inconsistent",
        )
    if units is not None and not (good or 0) <= (completed or 0) <= units:
        raise ServiceError(
            _(
                "Số đơn vị trực thuộc hoàn thành tốt, xuất sắc không được lớn hơn số hoàn thành "
                "nhiệm vụ trở lên, và số này không được lớn hơn tổng số đơn vị."
            ),
            code="criteria_inconsistent",
        )
    evaluation.tasks_done_percent, evaluation.tasks_exceeding_percent = done, exceeding
    evaluation.unit_targets_met_percent = met
    evaluation.unit_targets_exceeded_percent = exceeded
    evaluation.managed_units = units
    evaluation.managed_units_completed = completed
    evaluation.managed_units_good = good


def criteria_data(evaluation: AnnualEvaluation) -> dict[str, Any]:
    """Return the criteria inputs and months as audited."""
    return {
        "months_worked": evaluation.months_worked,
        "tasks_done_percent": evaluation.tasks_done_percent,
        "tasks_exceeding_percent": evaluation.tasks_exceeding_percent,
        **{k: getattr(evaluation, k) for k in UNIT_FIELDS},
    }


def check_level_allowed(evaluation: AnnualEvaluation, level: str, rules: RatingRules) -> str:
    """Refuse ``level`` above what the recorded criteria allow; return the allowed level
    ("" when no criteria inputs are recorded)."""
    ceiling = evaluation_ceiling(evaluation)
    if ceiling is None:
        return ""
    if level and not ceiling.allows(level):
        rule = ceiling.barring(level)[0].rule
        raise ServiceError(
            ceiling_message(ceiling, level, rules), code="criteria", basis=rules.basis(rule)
        )
    return ceiling.level


def ceiling_audit(evaluation: AnnualEvaluation, rules: RatingRules) -> dict[str, Any]:
    ceiling = evaluation_ceiling(evaluation)
    if ceiling is None:
        return {}
    return {
        "allowed_level": ceiling.level,
        "shortfalls": [r["rule"] for r in shortfall_rows(ceiling.shortfalls, rules)],
        "doubts": [r["rule"] for r in shortfall_rows(ceiling.doubts, rules)],
    }


def refuse_if_not_rated(evaluation: AnnualEvaluation, rules: RatingRules) -> None:
    """Refuse a level for a person under the minimum months worked."""
    if not rating.is_rated(evaluation.months_worked, rules):
        raise ServiceError(
            not_rated_message(evaluation, rules),
            code="not_rated",
            basis=rules.basis("rated_min_months_worked"),
        )


@transaction.atomic
def evaluation_not_rate(
    *, actor: Any, evaluation: AnnualEvaluation, decision_ref: str = "", note: str = ""
) -> AnnualEvaluation:
    """Record the decision step for a person who worked under the minimum months in the year:
    reviewed, "không xếp loại" (state NOT_RATED, no level; outside the quota and the counts)."""
    evaluation = locked(evaluation)
    require_person_write(actor, evaluation.person)
    require_state(evaluation, (State.PROPOSED, State.NOT_RATED), _("ghi không xếp loại"))
    rules = rating_rules(evaluation.profile)
    if rating.is_rated(evaluation.months_worked, rules):
        raise ServiceError(
            _(
                "Chỉ không xếp loại khi công tác dưới %(n)s tháng trong năm (số tháng đã ghi ở "
                "bước đề xuất: %(m)s)."
            )
            % {
                "n": rules.min_months,
                "m": "—" if evaluation.months_worked is None else evaluation.months_worked,
            },
            code="rated",
            basis=rules.basis("rated_min_months_worked") if rules.min_months else "",
        )
    evaluation.level = ""
    evaluation.computed_level = ""
    evaluation.allowed_level = ""
    evaluation.triggers = []
    evaluation.override_reason = ""
    evaluation.decision_ref = text(decision_ref)
    if text(note):
        evaluation.note = text(note)
    evaluation.decided_by = actor if getattr(actor, "pk", None) else None
    evaluation.decided_at = timezone.now()
    evaluation.state = State.NOT_RATED
    evaluation.save()
    audit_record(
        actor=actor,
        action="evaluation.not_rated",
        target=evaluation,
        data={
            "person": evaluation.person.code,
            "year": evaluation.year,
            "months_worked": evaluation.months_worked,
            "min_months": rules.min_months,
            "decision_ref": evaluation.decision_ref,
        },
        profile=evaluation.profile,
    )
    return evaluation
