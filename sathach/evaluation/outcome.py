"""What the rules compute for an evaluation from the facts recorded now (a read, used by the
decision service and by the evaluation page): the KHT triggers and points, the highest level
the NĐ 90/2020 criteria allow, and whether the person is rated at all (months worked)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from sathach.lib.rules import rating, rating_nd90
from sathach.lib.rules.rating import RatingInput, RatingOutcome, RatingRules, Sanction, TaskItem
from sathach.lib.rules.rating_nd90 import (
    Ceiling,
    CriteriaRules,
    Shortfall,
    TaskResults,
    UnitResults,
)
from sathach.org.models import Person

from .constants import Level, SanctionForm, SanctionSystem, Trigger
from .models import AnnualEvaluation, DisciplineRecord, TaskRecord
from .rules import profile_for, rating_rules


def task_items(person: Person, year: int) -> list[list[TaskItem]]:
    """Return the person's task records of ``year`` as periods of items (period order)."""
    periods: dict[int, list[TaskItem]] = defaultdict(list)
    for r in TaskRecord.objects.filter(person=person, year=year).order_by("period", "pk"):
        periods[r.period].append(
            TaskItem(
                r.assigned,
                r.completed,
                quality_failures=r.quality_failures,
                quality_excused=r.quality_excused,
                late_failures=r.late_failures,
                late_excused=r.late_excused,
            )
        )
    return [periods[p] for p in sorted(periods)]


def sanctions_of(person: Person) -> list[Sanction]:
    """Return every disciplinary decision of the person (other years matter: NĐ 48/2023)."""
    return [
        Sanction(
            act=d.act,
            system=d.system,
            year=d.decided_on.year,
            official_duty=d.official_duty,
            counted_year=d.counted_as_kht_year,
            label=f"{SanctionSystem(d.system).label}: {SanctionForm(d.form).label}"
            + (f" ({d.decision_ref})" if d.decision_ref else ""),
        )
        for d in DisciplineRecord.objects.filter(person=person).order_by("decided_on", "pk")
    ]


def evaluation_outcome(evaluation: AnnualEvaluation) -> RatingOutcome:
    """Return what the year's profile computes for ``evaluation`` from the facts recorded now."""
    rules = rating_rules(evaluation.profile)
    data = RatingInput(
        year=evaluation.year,
        general_points=evaluation.general_points,
        periods=task_items(evaluation.person, evaluation.year) if rules.scored else (),
        declined=bool(evaluation.decline_finding.strip()),
        sanctions=sanctions_of(evaluation.person),
        is_leader=evaluation.is_leader,
        unit_corruption=bool(evaluation.unit_corruption_finding.strip()),
    )
    return rating.compute(data, rules)


def triggers_json(outcome: RatingOutcome, rules: RatingRules) -> list[dict[str, str]]:
    """Return the triggers as stored: code, label, the rule key and its legal basis."""
    return [
        {
            "code": t.code,
            "label": str(Trigger(t.code).label),
            "rule": t.rule,
            "basis": rules.basis(t.rule),
            "detail": t.detail,
        }
        for t in outcome.triggers
    ]


# --- Months worked (NĐ 90/2020, NĐ 335/2025: under 6 months, reviewed but not rated) ---------


def not_rated_message(evaluation: AnnualEvaluation, rules: RatingRules) -> str:
    """Return why ``evaluation`` gets no level (its months worked are under the minimum)."""
    return _(
        "Công tác %(m)s tháng trong năm %(y)s, dưới %(n)s tháng: chỉ nhận xét, đánh giá, "
        "không xếp loại chất lượng (%(b)s)."
    ) % {
        "m": evaluation.months_worked,
        "y": evaluation.year,
        "n": rules.min_months,
        "b": cite(rules.basis("rated_min_months_worked")),
    }


# --- NĐ 90/2020 level criteria (Điều 8–11) ---------------------------------------------------


def cite(basis: str) -> str:
    """Return the citation part of a rule's basis (before the colon that quotes the text)."""
    return basis.split(":", 1)[0].strip()


def criteria_rules(ref: str) -> CriteriaRules | None:
    """Return the level criteria of the profile ``ref``; None when it has none (NĐ 335)."""
    profile = profile_for("rating", ref, dt.date.min)
    assert profile is not None
    return CriteriaRules.of(profile)


def evaluation_ceiling(evaluation: AnnualEvaluation) -> Ceiling | None:
    """Return the highest level the recorded criteria inputs allow (None without inputs or
    under a profile without criteria)."""
    tasks = unit = None
    if evaluation.tasks_done_percent is not None and evaluation.tasks_exceeding_percent is not None:
        tasks = TaskResults(evaluation.tasks_done_percent, evaluation.tasks_exceeding_percent)
    if evaluation.unit_targets_met_percent is not None:
        unit = UnitResults(
            evaluation.unit_targets_met_percent,
            evaluation.unit_targets_exceeded_percent or Decimal(0),
            evaluation.managed_units or 0,
            evaluation.managed_units_completed or 0,
            evaluation.managed_units_good or 0,
        )
    if (tasks is None and unit is None) or not evaluation.profile:
        return None
    rules = criteria_rules(evaluation.profile)
    if rules is None:
        return None
    return rating_nd90.allowed_level(rules, tasks=tasks, unit=unit)


def _number(value: Any) -> str:
    return f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)


def shortfall_text(shortfall: Shortfall) -> str:
    """Return one unmet criterion in words, with the numbers (no citation)."""
    numbers = {
        "a": _number(shortfall.actual),
        "r": _number(shortfall.required),
        "n": shortfall.count,
        "t": shortfall.total,
    }
    sentences = {
        rating_nd90.DONE: _(
            "%(a)s%% nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng, cần %(r)s%%"
        ),
        rating_nd90.EXCEEDING: _("%(a)s%% nhiệm vụ vượt mức, cần ít nhất %(r)s%%"),
        rating_nd90.TARGETS: _(
            "%(a)s%% chỉ tiêu, nhiệm vụ của đơn vị hoàn thành, cần ít nhất %(r)s%%"
        ),
        rating_nd90.TARGETS_EXCEEDED: _(
            "%(a)s%% chỉ tiêu, nhiệm vụ của đơn vị vượt mức, cần ít nhất %(r)s%%"
        ),
        rating_nd90.UNITS_COMPLETED: _(
            "%(n)s/%(t)s đơn vị trực thuộc (%(a)s%%) hoàn thành nhiệm vụ trở lên, cần %(r)s%%"
        ),
        rating_nd90.UNITS_GOOD: _(
            "%(n)s/%(t)s đơn vị trực thuộc (%(a)s%%) hoàn thành tốt hoặc xuất sắc nhiệm vụ, "
            "cần ít nhất %(r)s%%"
        ),
        rating_nd90.UNFINISHED: _("%(a)s%% nhiệm vụ, chỉ tiêu chưa hoàn thành, quá %(r)s%%"),
        rating_nd90.NOT_DONE: _(
            "%(a)s%% nhiệm vụ, chỉ tiêu chưa bảo đảm tiến độ, chất lượng, quá %(r)s%% của mức "
            "Hoàn thành nhiệm vụ (ngưỡng chưa xác minh; người có thẩm quyền quyết định)"
        ),
    }
    return sentences[shortfall.code] % numbers


def shortfall_rows(shortfalls: tuple[Shortfall, ...], rules: RatingRules) -> list[dict[str, str]]:
    """Return the shortfalls as shown and audited: the level barred, the words, the basis."""
    return [
        {
            "level": s.level,
            "level_label": str(Level(s.level).label),
            "rule": s.rule,
            "text": shortfall_text(s),
            "basis": cite(rules.basis(s.rule)),
        }
        for s in shortfalls
    ]


def ceiling_message(ceiling: Ceiling, level: str, rules: RatingRules) -> str:
    """Return why ``level`` is above the ceiling: each shortfall barring it, with its article."""
    reasons = "; ".join(
        f"{shortfall_text(s)} ({cite(rules.basis(s.rule))})" for s in ceiling.barring(level)
    )
    return _("Chỉ được xếp tối đa %(c)s: %(r)s.") % {
        "c": Level(ceiling.level).label,
        "r": reasons,
    }
