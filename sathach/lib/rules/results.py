"""Results rules as pure functions: part scores, pass per part, the weighted total, the class.

Plain Python and ``Decimal`` (no Django); the numbers come from the plan's exam rule profile
(``mcq_pass_percent`` and the ``result_band_*_percent`` keys) and from the plan's parts (maximum
score, pass mark, weight). Callers record the profile's ``code@version`` with what they store.

- An MCQ part's score is its points scaled to the part: points / max points × part maximum,
  after sanctions (``sathach.delivery.services.scoring.score_after_sanctions``).
- An MCQ part is passed at ``mcq_pass_percent`` of the part's maximum or more (NĐ 138/2020/NĐ-CP,
  Điều 8; NĐ 170/2025/NĐ-CP: "trả lời đúng từ 50% số câu hỏi trở lên cho mỗi phần thi"); the
  score is compared, so partial credit and sanction deductions count (domain.md §1.3, §1.5).
- A written or oral part is passed at its own pass mark or more (``BlueprintPart.pass_mark``;
  domain.md §1.3: 50/100 for round 2).
- The total is Σ weight × score; the class is read off the total as a percentage of Σ weight ×
  maximum (bands of domain.md §1.3 and §2.2: Quảng Trị pilot classes, NĐ 335/2025 90/70/50).
- Scores are rounded half up to 0.01, like the attempt scores of the delivery app, and a part's
  pass is decided on that official score. The class is decided on the exact percentage of the
  total; the percentage is shown cut (not rounded) to 0.01, so it never reads above its band.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)

# Part statuses (sathach.results.constants.PartStatus holds the labels).
SCORED = "scored"
ABSENT = "absent"
PENDING = "pending"
VOIDED = "voided"
CANCELLED = "cancelled"

# Classes of the total (sathach.results.constants.Classification holds the labels).
EXCELLENT = "excellent"  # Xuất sắc
GOOD = "good"  # Tốt
PASS = "pass"  # noqa: S105 - Đạt, a class of results, not a password
FAIL = "fail"  # Không đạt


def round_score(value: Decimal) -> Decimal:
    """Return ``value`` rounded half up to 0.01 (the precision of every stored score)."""
    return value.quantize(CENT, ROUND_HALF_UP)


def scale(points: Decimal, max_points: Decimal, part_max: Decimal) -> Decimal:
    """Return ``points`` out of ``max_points`` on the part's scale (0…``part_max``), rounded."""
    if max_points <= 0:
        raise ValueError("max_points must be positive")
    return round_score(points / max_points * part_max)


def mcq_passed(score: Decimal | None, part_max: Decimal, pass_percent: Decimal | float) -> bool:
    """Return whether an MCQ part's ``score`` reaches ``pass_percent`` of ``part_max``.

    NĐ 138/2020/NĐ-CP, Điều 8 (profile key ``mcq_pass_percent``): 50% or more passes.
    """
    if score is None:
        return False
    return score * HUNDRED >= Decimal(str(pass_percent)) * part_max


def mark_passed(score: Decimal | None, pass_mark: Decimal) -> bool:
    """Return whether a written or oral part's ``score`` reaches its pass mark (≥)."""
    return score is not None and score >= pass_mark


@dataclass(frozen=True)
class Bands:
    """The lower bounds (percent of the maximum total) of the classes: the profile keys
    ``result_band_excellent_percent``, ``result_band_good_percent`` and
    ``result_band_pass_percent``."""

    excellent: Decimal
    good: Decimal
    pass_: Decimal

    @classmethod
    def of(cls, excellent: float, good: float, pass_: float) -> Bands:
        bands = cls(Decimal(str(excellent)), Decimal(str(good)), Decimal(str(pass_)))
        if not HUNDRED >= bands.excellent >= bands.good >= bands.pass_ >= 0:
            raise ValueError("bands must satisfy 100 ≥ excellent ≥ good ≥ pass ≥ 0")
        return bands


def percent_of(total: Decimal, max_total: Decimal) -> Decimal:
    """Return ``total`` as an unrounded percentage of ``max_total`` (0 when there is no maximum)."""
    return total * HUNDRED / max_total if max_total > 0 else Decimal(0)


def classify(percent: Decimal, *, passed_all: bool, bands: Bands) -> str:
    """Return the class of a total at ``percent`` of the maximum.

    Xuất sắc from ``excellent``, Tốt from ``good``, Đạt from ``pass_``; Không đạt below it, and
    whenever a part was not passed (domain.md §1.3: ≥50% in each part), whatever the total.
    """
    if not passed_all or percent < bands.pass_:
        return FAIL
    if percent >= bands.excellent:
        return EXCELLENT
    if percent >= bands.good:
        return GOOD
    return PASS


@dataclass(frozen=True)
class PartOutcome:
    """One part of one candidate as the total reads it."""

    status: str  # SCORED, ABSENT, PENDING, VOIDED, CANCELLED
    score: Decimal | None
    max_score: Decimal
    weight: Decimal
    passed: bool


@dataclass(frozen=True)
class PlanOutcome:
    """A candidate's overall result; ``complete`` is False while a part is pending (then the
    total, percentage and class are not decided yet)."""

    complete: bool
    total: Decimal | None
    max_total: Decimal
    percent: Decimal | None
    passed: bool
    level: str  # "" while incomplete


def weighted_total(parts: Sequence[PartOutcome]) -> tuple[Decimal, Decimal]:
    """Return (Σ weight × score, Σ weight × maximum), rounded; a part without a score adds 0."""
    total = sum((p.weight * (p.score or Decimal(0)) for p in parts), Decimal(0))
    max_total = sum((p.weight * p.max_score for p in parts), Decimal(0))
    return round_score(total), round_score(max_total)


def plan_outcome(parts: Sequence[PartOutcome], bands: Bands) -> PlanOutcome:
    """Return the overall result of one candidate's ``parts``.

    Passed overall when every part is passed and the total reaches the pass band; a part that
    is absent, voided or cancelled by a sanction is not passed (domain.md §1.5: the paper has
    no result) and counts 0 in the total.
    """
    total, max_total = weighted_total(parts)
    if not parts or any(p.status == PENDING for p in parts):
        return PlanOutcome(False, None, max_total, None, False, "")
    exact = sum((p.weight * (p.score or Decimal(0)) for p in parts), Decimal(0))
    exact_max = sum((p.weight * p.max_score for p in parts), Decimal(0))
    percent = percent_of(exact, exact_max)
    passed_all = all(p.passed and p.status == SCORED for p in parts)
    level = classify(percent, passed_all=passed_all, bands=bands)
    shown = percent.quantize(CENT, ROUND_DOWN)
    return PlanOutcome(True, total, max_total, shown, level != FAIL, level)
