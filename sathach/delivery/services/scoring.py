"""Score an attempt's objective items and apply the sanctions of its incidents."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sathach.bank.models import ItemVersion
from sathach.lib.scoring import ESSAY, answer_fraction

from ..constants import SANCTION_WEIGHT, Sanction
from ..models import Attempt, Incident, Response

CENT = Decimal("0.01")


@dataclass(frozen=True)
class AttemptScore:
    points: Decimal  # credit earned, in item points
    max_points: Decimal  # sum of the form's item points
    correct: int  # items answered fully right
    essays: int  # items left for markers


def attempt_score(attempt: Attempt) -> AttemptScore:
    """Return the objective score of ``attempt`` from its saved answers and its form."""
    form = attempt.form
    versions = ItemVersion.objects.only("id", "kind", "content", "points").in_bulk(form.items)
    answers = dict(Response.objects.filter(attempt=attempt).values_list("item_id", "answer"))
    points = Decimal(0)
    max_points = Decimal(0)
    correct = essays = 0
    for position, vid in enumerate(form.items):
        version = versions[vid]
        max_points += version.points
        if version.kind == ESSAY:
            essays += 1
            continue
        answer = answers.get(vid)
        if answer is None:
            continue
        order = form.option_orders[position] if position < len(form.option_orders) else None
        fraction = answer_fraction(version.kind, version.content, answer, order)
        points += (version.points * Decimal(str(fraction))).quantize(CENT, ROUND_HALF_UP)
        correct += fraction >= 1.0
    return AttemptScore(points=points, max_points=max_points, correct=correct, essays=essays)


@dataclass(frozen=True)
class SanctionEffect:
    sanction: str
    deduction_percent: Decimal
    cancelled: bool  # expelled or result cancelled: the paper has no result


def sanction_effect(attempt: Attempt) -> SanctionEffect:
    """Return the heaviest sanction on ``attempt`` and what it does to the score.

    domain.md §1.5: a warning follows a reprimand for a repeat offence, so the heaviest
    sanction applies alone; expulsion and cancellation leave the paper without a result.
    """
    heaviest = max(
        Incident.objects.filter(attempt=attempt).values_list("sanction", "deduction_percent"),
        key=lambda row: SANCTION_WEIGHT[Sanction(row[0])],
        default=(Sanction.NONE, Decimal(0)),
    )
    sanction = Sanction(heaviest[0])
    return SanctionEffect(
        sanction=sanction,
        deduction_percent=Decimal(heaviest[1]),
        cancelled=sanction in (Sanction.EXPULSION, Sanction.CANCELLED),
    )


def score_after_sanctions(attempt: Attempt, part_max: Decimal) -> Decimal | None:
    """Return the attempt's score on the part's scale after sanctions (None: no result)."""
    if attempt.raw_score is None or not attempt.max_score:
        return None
    effect = sanction_effect(attempt)
    if effect.cancelled:
        return None
    scaled = attempt.raw_score / attempt.max_score * part_max
    kept = (Decimal(100) - effect.deduction_percent) / Decimal(100)
    return (scaled * kept).quantize(CENT, ROUND_HALF_UP)
