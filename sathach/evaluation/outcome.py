"""What the rules compute for an evaluation from the facts recorded now (a read, used by the
decision service and by the evaluation page)."""

from __future__ import annotations

from collections import defaultdict

from sathach.lib.rules import rating
from sathach.lib.rules.rating import RatingInput, RatingOutcome, RatingRules, Sanction, TaskItem
from sathach.org.models import Person

from .constants import SanctionForm, SanctionSystem, Trigger
from .models import AnnualEvaluation, DisciplineRecord, TaskRecord
from .rules import rating_rules


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
