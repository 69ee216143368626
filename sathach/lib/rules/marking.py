"""Double marking of written scripts: checking a mark, reconciling two marks, re-marking.

domain.md §1.4, the rules of Quy chế thi under TT 06/2020/TT-BNV and later (TT 001/2025/TT-BNV,
TT 22/2025/TT-BNV), as the plan's exam rule profile sets them:

1. Every written script is marked independently by two markers (profile key
   ``min_markers_per_script``), on a scale whose marks are multiples of ``marking_score_step``
   (0.25 unless the profile says otherwise).
2. The tolerance is ``marking_tolerance_percent`` of the part's maximum score, computed exactly
   in decimals (10 % of 100 is 10, 5 % of 100 is 5).
3. ``|m1 − m2| ≤ tolerance``: the final mark is the average of the two, rounded half-up to a
   multiple of ``marking_final_step`` (0.01: two decimal places). At the tolerance exactly the
   average applies ("vượt" = exceeds).
4. ``|m1 − m2| > tolerance``: the two markers discuss and record an agreed score; both must enter
   the same score. If they still disagree, the head of Ban chấm thi decides.
   (The older rule, where the head reported to the council Chair, is not used by any shipped
   profile.)

Re-marking after an appeal (domain.md §1.4, TT 06/2020/TT-BNV art. 29(3), details unverified):
the two re-markers' marks are reconciled by the same rule into the re-mark. A re-mark equal to
the original final mark confirms it; a different one sends the original and the new markers to a
meeting with a written record; if they still disagree, the council Chair decides.

Oral and practical parts scored by a panel (Ban kiểm tra sát hạch), and the appeal window and
the deadline for its outcomes, are at the end of this module.

Pure Python with ``decimal``; no Django, no floats (a boundary of 10.00 must be 10.00).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

BASIS_DOUBLE_MARKING = (
    "domain.md §1.4; Quy chế thi ban hành kèm TT 06/2020/TT-BNV (chấm thi viết), TT 001/2025/"
    "TT-BNV, TT 22/2025/TT-BNV: hai giám khảo chấm độc lập; trong mức chênh lệch lấy điểm trung "
    "bình; vượt mức thì trao đổi, không thống nhất thì Trưởng ban chấm thi quyết định"
)
BASIS_REMARK = (
    "domain.md §1.4; TT 06/2020/TT-BNV, Điều 29 khoản 3 (chưa xác minh chi tiết): điểm phúc khảo "
    "khác điểm chấm lần đầu thì giám khảo hai lần chấm đối thoại, có biên bản; không thống nhất "
    "thì Chủ tịch Hội đồng quyết định"
)

HUNDRED = Decimal(100)


class Outcome(StrEnum):
    """How a round of double marking ends (or where it goes next)."""

    AVERAGE = "average"  # within tolerance: the average is final
    DISCUSSION = "discussion"  # beyond tolerance: the markers must agree
    AGREED = "agreed"  # the markers entered the same agreed score
    HEAD = "head"  # they still disagree: the head of Ban chấm thi decides


class RemarkOutcome(StrEnum):
    CONFIRMED = "confirmed"  # the re-mark equals the original final mark
    MEETING = "meeting"  # it differs: original and new markers meet


class ScoreProblem(StrEnum):
    """Why a score is refused (the service words the message)."""

    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    ABOVE_MAX = "above_max"
    OFF_STEP = "off_step"


def decimal_of(value: Any) -> Decimal:
    """Return ``value`` (int, str, Decimal or a profile's float) as an exact Decimal.

    Floats go through ``str`` so that 0.25 from a TOML file is 0.25, not its binary expansion.
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a score")
    if isinstance(value, float):
        return Decimal(str(value))
    return Decimal(value)


@dataclass(frozen=True)
class MarkingRules:
    """The numbers one part is marked by: its maximum and the profile's marking rules."""

    max_score: Decimal
    tolerance_percent: Decimal
    score_step: Decimal = Decimal("0.25")
    final_step: Decimal = Decimal("0.01")

    @classmethod
    def of(
        cls, max_score: Any, tolerance_percent: Any, score_step: Any, final_step: Any
    ) -> MarkingRules:
        return cls(
            max_score=decimal_of(max_score),
            tolerance_percent=decimal_of(tolerance_percent),
            score_step=decimal_of(score_step),
            final_step=decimal_of(final_step),
        )

    @property
    def tolerance(self) -> Decimal:
        """Return the largest difference still settled by the average, exactly."""
        return self.max_score * self.tolerance_percent / HUNDRED


def round_to_step(value: Decimal, step: Decimal) -> Decimal:
    """Return ``value`` rounded half-up to a multiple of ``step`` (0.125 → 0.13 for 0.01)."""
    if step <= 0:
        raise ValueError("step must be positive")
    units = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (units * step).quantize(step)


def score_problem(value: Any, maximum: Decimal, step: Decimal) -> ScoreProblem | None:
    """Return why ``value`` is not a valid score in 0…``maximum`` on ``step``, or None."""
    try:
        score = decimal_of(value)
    except (InvalidOperation, TypeError, ValueError):
        return ScoreProblem.NOT_A_NUMBER
    if not score.is_finite():
        return ScoreProblem.NOT_A_NUMBER
    if score < 0:
        return ScoreProblem.NEGATIVE
    if score > maximum:
        return ScoreProblem.ABOVE_MAX
    if score % step != 0:
        return ScoreProblem.OFF_STEP
    return None


@dataclass(frozen=True)
class MarkProblem:
    """One problem of a mark: ``question`` is the 0-based question, None for the total."""

    problem: ScoreProblem | str  # a ScoreProblem, or "sum" / "count"
    question: int | None = None


def mark_problems(
    question_scores: Sequence[Any],
    question_maxima: Sequence[Decimal],
    total: Any,
    rules: MarkingRules,
) -> list[MarkProblem]:
    """Return every problem of a mark: per-question scores within 0…their maximum on the step,
    the total within 0…the part's maximum on the step, and the questions adding up to it.

    With no questions in the guide, only the total is checked.
    """
    problems: list[MarkProblem] = []
    if len(question_scores) != len(question_maxima):
        return [MarkProblem("count")]
    for i, (score, maximum) in enumerate(zip(question_scores, question_maxima, strict=True)):
        problem = score_problem(score, decimal_of(maximum), rules.score_step)
        if problem is not None:
            problems.append(MarkProblem(problem, i))
    problem = score_problem(total, rules.max_score, rules.score_step)
    if problem is not None:
        problems.append(MarkProblem(problem))
    elif question_scores and not problems:
        if sum((decimal_of(s) for s in question_scores), Decimal(0)) != decimal_of(total):
            problems.append(MarkProblem("sum"))
    return problems


@dataclass(frozen=True)
class Reconciled:
    """The outcome of comparing two marks; ``score`` is set when the outcome is final."""

    outcome: Outcome
    difference: Decimal
    tolerance: Decimal
    score: Decimal | None


def reconcile(first: Decimal, second: Decimal, rules: MarkingRules) -> Reconciled:
    """Compare two independent marks (rule 3 and 4 of the module docstring)."""
    difference = abs(first - second)
    tolerance = rules.tolerance
    if difference <= tolerance:
        average = round_to_step((first + second) / 2, rules.final_step)
        return Reconciled(Outcome.AVERAGE, difference, tolerance, average)
    return Reconciled(Outcome.DISCUSSION, difference, tolerance, None)


def settle_discussion(
    first_agreed: Decimal | None, second_agreed: Decimal | None
) -> Outcome | None:
    """Return AGREED when both markers entered the same agreed score, HEAD when both entered
    and they differ (the head of Ban chấm thi decides), None while one has not entered yet."""
    if first_agreed is None or second_agreed is None:
        return None
    return Outcome.AGREED if first_agreed == second_agreed else Outcome.HEAD


def remark_outcome(original: Decimal, remark: Decimal) -> RemarkOutcome:
    """Return whether a re-mark confirms the original final mark or calls a meeting."""
    return RemarkOutcome.CONFIRMED if remark == original else RemarkOutcome.MEETING


# --- Oral and practical parts: the panel (Ban kiểm tra sát hạch) -------------------------------
#
# domain.md §1.1 and §6: the oral and practical parts (situation handling, defence of a plan
# outline, practical tasks) are scored by Ban kiểm tra sát hạch. No public text gives the rule
# for reconciling the examiners' scores; the written-paper rule of §1.4 (TT 06/2020/TT-BNV and
# later) is applied by analogy, and every number is a profile key marked unverified:
#
# 1. Each examiner of the panel scores the candidate independently on the part's rubric (the
#    criteria's maxima add up to the part's maximum); at least ``panel_min_examiners`` scores.
# 2. The spread is the highest minus the lowest examiner's total; the tolerance is
#    ``panel_tolerance_percent`` of the part's maximum, exactly in decimals.
# 3. Spread ≤ tolerance (at the tolerance too): the final score is the examiners' average,
#    rounded half-up to ``marking_final_step``.
# 4. Spread > tolerance: the head of the panel decides the score, with a written reason.

BASIS_PANEL = (
    "domain.md §1.1, §1.4 và §6 (chưa xác minh, áp dụng tương tự quy định chấm thi viết của "
    "TT 06/2020/TT-BNV và các thông tư sau): các thành viên Ban kiểm tra sát hạch chấm độc lập "
    "theo tiêu chí; trong mức chênh lệch lấy điểm trung bình; vượt mức thì Trưởng ban quyết định"
)


class PanelOutcome(StrEnum):
    AVERAGE = "average"  # spread within tolerance: the average is final
    HEAD = "head"  # beyond tolerance: the head of the panel decides


@dataclass(frozen=True)
class PanelRules:
    """The numbers a panel scores one oral part by."""

    max_score: Decimal
    tolerance_percent: Decimal
    min_examiners: int = 2
    score_step: Decimal = Decimal("0.25")
    final_step: Decimal = Decimal("0.01")

    @classmethod
    def of(
        cls,
        max_score: Any,
        tolerance_percent: Any,
        min_examiners: int,
        score_step: Any,
        final_step: Any,
    ) -> PanelRules:
        return cls(
            max_score=decimal_of(max_score),
            tolerance_percent=decimal_of(tolerance_percent),
            min_examiners=int(min_examiners),
            score_step=decimal_of(score_step),
            final_step=decimal_of(final_step),
        )

    @property
    def tolerance(self) -> Decimal:
        """Return the largest spread still settled by the average, exactly."""
        return self.max_score * self.tolerance_percent / HUNDRED

    @property
    def marking(self) -> MarkingRules:
        """Return the same numbers as marking rules (to check one examiner's scores)."""
        return MarkingRules(
            self.max_score, self.tolerance_percent, self.score_step, self.final_step
        )


@dataclass(frozen=True)
class PanelReconciled:
    """The outcome of comparing the examiners' totals; ``score`` is set for AVERAGE."""

    outcome: PanelOutcome
    spread: Decimal
    tolerance: Decimal
    score: Decimal | None
    lowest: Decimal
    highest: Decimal


def panel_reconcile(totals: Sequence[Decimal], rules: PanelRules) -> PanelReconciled:
    """Compare the examiners' totals (rules 2 to 4 of the panel comment above).

    Raise ValueError with fewer than ``rules.min_examiners`` totals: the panel has not scored.
    """
    if len(totals) < max(rules.min_examiners, 1):
        raise ValueError(f"{len(totals)} totals, at least {rules.min_examiners} needed")
    lowest, highest = min(totals), max(totals)
    spread = highest - lowest
    tolerance = rules.tolerance
    if spread <= tolerance:
        average = round_to_step(sum(totals, Decimal(0)) / len(totals), rules.final_step)
        return PanelReconciled(PanelOutcome.AVERAGE, spread, tolerance, average, lowest, highest)
    return PanelReconciled(PanelOutcome.HEAD, spread, tolerance, None, lowest, highest)


class RubricProblem(StrEnum):
    """Why a rubric is refused (the service words the message)."""

    EMPTY = "empty"  # no criterion
    NAME = "name"  # a criterion without a name
    DUPLICATE = "duplicate"  # two criteria with the same name
    NOT_POSITIVE = "not_positive"  # a maximum of 0 or less (or not a number)
    OFF_STEP = "off_step"  # a maximum not on the score step
    SUM = "sum"  # the maxima do not add up to the part's maximum


@dataclass(frozen=True)
class RubricIssue:
    problem: RubricProblem
    criterion: int | None = None  # 0-based


def rubric_problems(
    criteria: Sequence[tuple[str, Any]], max_score: Decimal, step: Decimal
) -> list[RubricIssue]:
    """Return every problem of a rubric: named, distinct criteria, positive maxima on the
    step, adding up to the part's maximum exactly (domain.md §1.2: a detailed score scale;
    the 2015 Hà Tĩnh inspection counted a paper without one as a fault)."""
    if not criteria:
        return [RubricIssue(RubricProblem.EMPTY)]
    issues: list[RubricIssue] = []
    seen: set[str] = set()
    total = Decimal(0)
    for i, (name, maximum) in enumerate(criteria):
        key = " ".join((name or "").split()).casefold()
        if not key:
            issues.append(RubricIssue(RubricProblem.NAME, i))
        elif key in seen:
            issues.append(RubricIssue(RubricProblem.DUPLICATE, i))
        seen.add(key)
        try:
            value = decimal_of(maximum)
        except (InvalidOperation, TypeError, ValueError):
            issues.append(RubricIssue(RubricProblem.NOT_POSITIVE, i))
            continue
        if not value.is_finite() or value <= 0:
            issues.append(RubricIssue(RubricProblem.NOT_POSITIVE, i))
            continue
        if value % step != 0:
            issues.append(RubricIssue(RubricProblem.OFF_STEP, i))
        total += value
    if not issues and total != max_score:
        issues.append(RubricIssue(RubricProblem.SUM))
    return issues


# --- Appeals: the window and the deadline for outcomes -----------------------------------------
#
# domain.md §1.4 (NĐ 138/2020/NĐ-CP Điều 11, kept by NĐ 170/2025/NĐ-CP; unverified): the candidate
# applies within ``appeal_window_days`` of the results; the outcome is published within
# ``appeal_result_days`` after the window closes. Days are counted the way the Civil Code counts
# a period in days (Bộ luật Dân sự 2015, Điều 147–148): the day of publication is not counted,
# and the last day runs to its end (24:00). Results published on 10/3 with 15 days: the last day
# to apply is 25/3. A last day falling on a holiday is not moved (no calendar of holidays here).


def appeal_last_day(published_on: dt.date, window_days: int) -> dt.date:
    """Return the last day an appeal is accepted for results published on ``published_on``."""
    return published_on + dt.timedelta(days=window_days)


def appeal_results_due(published_on: dt.date, window_days: int, result_days: int) -> dt.date:
    """Return the last day to publish the appeals' outcomes."""
    return appeal_last_day(published_on, window_days) + dt.timedelta(days=result_days)


def appeal_on_time(filed_on: dt.date, published_on: dt.date, window_days: int) -> bool:
    """Return whether an appeal filed on ``filed_on`` is within the window (both ends in)."""
    return published_on <= filed_on <= appeal_last_day(published_on, window_days)
