"""Score an attempt's objective items and apply the sanctions of its incidents.

Multiple-response items give credit by the plan's rule (``Plan.multiple_response_rule``), and
every attempt of a part is scored with the part's item corrections (voided items, corrected
keys: ``sathach.delivery.services.rescoring``), whichever sitting it was in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sathach.bank.models import ItemVersion
from sathach.lib.scoring import ESSAY, ITEM_WEIGHTS, answer_fraction

from ..constants import SANCTION_WEIGHT, Sanction
from ..models import Attempt, CorrectionAction, Incident, ItemCorrection, Response, VoidRule

CENT = Decimal("0.01")


@dataclass(frozen=True)
class AttemptScore:
    points: Decimal  # credit earned, in item points
    max_points: Decimal  # sum of the form's item points
    correct: int  # items answered fully right
    essays: int  # items left for markers


@dataclass(frozen=True)
class Fix:
    """A part's correction of one item as scoring applies it."""

    void: bool = False
    full_credit: bool = True  # a voided item: everyone gets its points (else it leaves the max)
    key: Mapping[str, Any] = field(default_factory=dict)  # content fields replacing the item's


def fix_of(correction: ItemCorrection) -> Fix:
    if correction.action == CorrectionAction.VOID:
        return Fix(void=True, full_credit=correction.void_rule == VoidRule.FULL_CREDIT)
    return Fix(key=correction.key)


def part_fixes(part_id: int) -> dict[int, Fix]:
    """Return the corrections of part ``part_id`` by item version id."""
    return {c.item_id: fix_of(c) for c in ItemCorrection.objects.filter(part_id=part_id)}


def form_score(
    *,
    items: Sequence[int],
    option_orders: Sequence[Any],
    versions: Mapping[int, ItemVersion],
    answers: Mapping[int, Any],
    rule: str = ITEM_WEIGHTS,
    fixes: Mapping[int, Fix] | None = None,
) -> AttemptScore:
    """Return the objective score of the answers to a form's ``items`` (no queries)."""
    points = Decimal(0)
    max_points = Decimal(0)
    correct = essays = 0
    for position, vid in enumerate(items):
        version = versions[vid]
        fix = fixes.get(vid) if fixes else None
        if fix is not None and fix.void:
            if fix.full_credit:
                max_points += version.points
                points += version.points
                correct += 1
            continue
        max_points += version.points
        if version.kind == ESSAY:
            essays += 1
            continue
        answer = answers.get(vid)
        if answer is None:
            continue
        content = {**version.content, **fix.key} if fix is not None else version.content
        order = option_orders[position] if position < len(option_orders) else None
        fraction = answer_fraction(version.kind, content, answer, order, multiple_rule=rule)
        points += (version.points * Decimal(str(fraction))).quantize(CENT, ROUND_HALF_UP)
        correct += fraction >= 1.0
    return AttemptScore(points=points, max_points=max_points, correct=correct, essays=essays)


def attempt_score(attempt: Attempt) -> AttemptScore:
    """Return the objective score of ``attempt`` from its saved answers and its form, by its
    plan's multiple-response rule and with its part's item corrections."""
    form = attempt.form
    versions = ItemVersion.objects.only("id", "kind", "content", "points").in_bulk(form.items)
    answers = dict(Response.objects.filter(attempt=attempt).values_list("item_id", "answer"))
    return form_score(
        items=form.items,
        option_orders=form.option_orders,
        versions=versions,
        answers=answers,
        rule=attempt.sitting.plan.multiple_response_rule,
        fixes=part_fixes(form.part_id),
    )


@dataclass(frozen=True)
class SanctionEffect:
    sanction: str
    deduction_percent: Decimal
    cancelled: bool  # expelled or result cancelled: the paper has no result


def _heaviest(rows: Iterable[tuple[str, Decimal]]) -> SanctionEffect:
    heaviest = max(
        rows,
        key=lambda row: SANCTION_WEIGHT[Sanction(row[0])],
        default=(Sanction.NONE, Decimal(0)),
    )
    sanction = Sanction(heaviest[0])
    return SanctionEffect(
        sanction=sanction,
        deduction_percent=Decimal(heaviest[1]),
        cancelled=sanction in (Sanction.EXPULSION, Sanction.CANCELLED),
    )


def sanction_effect(attempt: Attempt) -> SanctionEffect:
    """Return the heaviest sanction on ``attempt`` and what it does to the score.

    domain.md §1.5: a warning follows a reprimand for a repeat offence, so the heaviest
    sanction applies alone; expulsion and cancellation leave the paper without a result.
    """
    return _heaviest(
        Incident.objects.filter(attempt=attempt).values_list("sanction", "deduction_percent")
    )


def sanction_effects(attempt_ids: Iterable[int]) -> dict[int, SanctionEffect]:
    """Return ``sanction_effect`` of many attempts in one query (attempts without incidents
    get no sanction)."""
    ids = list(attempt_ids)
    rows: dict[int, list[tuple[str, Decimal]]] = {pk: [] for pk in ids}
    for attempt_id, sanction, deduction in Incident.objects.filter(attempt_id__in=ids).values_list(
        "attempt_id", "sanction", "deduction_percent"
    ):
        rows[attempt_id].append((sanction, deduction))
    return {pk: _heaviest(found) for pk, found in rows.items()}


def score_after_sanctions(
    attempt: Attempt, part_max: Decimal, effect: SanctionEffect | None = None
) -> Decimal | None:
    """Return the attempt's score on the part's scale after sanctions (None: no result).

    ``effect`` is the attempt's ``sanction_effect`` when the caller has it already.
    """
    if attempt.raw_score is None or not attempt.max_score:
        return None
    effect = effect or sanction_effect(attempt)
    if effect.cancelled:
        return None
    scaled = attempt.raw_score / attempt.max_score * part_max
    kept = (Decimal(100) - effect.deduction_percent) / Decimal(100)
    return (scaled * kept).quantize(CENT, ROUND_HALF_UP)
