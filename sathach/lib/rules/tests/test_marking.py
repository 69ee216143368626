"""Double marking and re-marking rules of domain.md §1.4 (TT 06/2020/TT-BNV and later), with
exact decimal boundaries: at the tolerance the average applies, a quarter point beyond it does
not."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sathach.lib.rules.marking import (
    MarkingRules,
    MarkProblem,
    Outcome,
    PanelOutcome,
    PanelRules,
    RemarkOutcome,
    RubricIssue,
    RubricProblem,
    ScoreProblem,
    appeal_last_day,
    appeal_on_time,
    appeal_results_due,
    decimal_of,
    mark_problems,
    panel_reconcile,
    reconcile,
    remark_outcome,
    round_to_step,
    rubric_problems,
    score_problem,
    settle_discussion,
)

D = Decimal
RULES_10 = MarkingRules(max_score=D(100), tolerance_percent=D(10))
RULES_5 = MarkingRules(max_score=D(100), tolerance_percent=D(5))


def test_tolerance_is_the_profile_percent_of_the_maximum_exactly():
    assert RULES_10.tolerance == D(10)
    assert RULES_5.tolerance == D(5)
    assert MarkingRules(max_score=D(30), tolerance_percent=D("7.5")).tolerance == D("2.25")
    # A float from TOML is read through its text, not its binary expansion.
    assert MarkingRules.of(100, 7.5, 0.25, 0.01).tolerance == D("7.5")
    assert MarkingRules.of(100, 7.5, 0.25, 0.01).score_step == D("0.25")


def test_difference_at_the_tolerance_takes_the_average():
    result = reconcile(D("50"), D("60"), RULES_10)
    assert result.outcome == Outcome.AVERAGE
    assert result.difference == D(10)
    assert result.tolerance == D(10)
    assert result.score == D("55.00")


def test_difference_just_below_the_tolerance_takes_the_average_rounded_half_up():
    result = reconcile(D("50"), D("59.75"), RULES_10)
    assert result.outcome == Outcome.AVERAGE
    assert result.difference == D("9.75")
    # (50 + 59.75) / 2 = 54.875 → 54.88 (half-up to two decimals).
    assert result.score == D("54.88")


def test_difference_just_above_the_tolerance_goes_to_discussion():
    result = reconcile(D("50"), D("60.25"), RULES_10)
    assert result.outcome == Outcome.DISCUSSION
    assert result.difference == D("10.25")
    assert result.score is None


def test_order_of_the_two_marks_does_not_matter():
    assert reconcile(D("60.25"), D("50"), RULES_10) == reconcile(D("50"), D("60.25"), RULES_10)
    assert reconcile(D("60"), D("50"), RULES_10).score == D("55.00")


def test_five_percent_profile_sends_a_six_point_gap_to_discussion():
    assert reconcile(D("70"), D("75"), RULES_5).outcome == Outcome.AVERAGE
    assert reconcile(D("70"), D("75.25"), RULES_5).outcome == Outcome.DISCUSSION


def test_three_points_apart_on_a_ten_point_scale_is_beyond_ten_percent():
    rules = MarkingRules(max_score=D(10), tolerance_percent=D(10))
    assert rules.tolerance == D(1)
    assert reconcile(D("5"), D("8"), rules).outcome == Outcome.DISCUSSION
    assert reconcile(D("5"), D("6"), rules).score == D("5.50")


def test_average_rounds_to_the_profile_step_when_it_is_coarser():
    rules = MarkingRules(
        max_score=D(10), tolerance_percent=D(10), score_step=D("0.25"), final_step=D("0.25")
    )
    # (7 + 7.25) / 2 = 7.125 → 7.25 (half-up to a quarter).
    assert reconcile(D("7"), D("7.25"), rules).score == D("7.25")


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [
        (D("54.875"), D("0.01"), D("54.88")),
        (D("54.865"), D("0.01"), D("54.87")),
        (D("54.8749"), D("0.01"), D("54.87")),
        (D("7.125"), D("0.25"), D("7.25")),
        (D("7.124"), D("0.25"), D("7.00")),
        (D("55"), D("0.01"), D("55.00")),
        (D("5.5"), D("1"), D("6")),
    ],
)
def test_round_to_step_is_half_up(value, step, expected):
    assert round_to_step(value, step) == expected
    assert str(round_to_step(value, step)) == str(expected)


def test_round_to_step_refuses_a_zero_step():
    with pytest.raises(ValueError, match="positive"):
        round_to_step(D(1), D(0))


def test_agreed_score_settles_only_when_both_markers_entered_the_same():
    assert settle_discussion(None, D("60")) is None
    assert settle_discussion(D("60"), None) is None
    assert settle_discussion(D("60"), D("60.00")) == Outcome.AGREED
    assert settle_discussion(D("60"), D("60.25")) == Outcome.HEAD


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("7.25", None),
        ("0", None),
        ("10", None),
        ("-0.25", ScoreProblem.NEGATIVE),
        ("10.25", ScoreProblem.ABOVE_MAX),
        ("7.1", ScoreProblem.OFF_STEP),
        ("abc", ScoreProblem.NOT_A_NUMBER),
        ("NaN", ScoreProblem.NOT_A_NUMBER),
        (True, ScoreProblem.NOT_A_NUMBER),
    ],
)
def test_score_problem(value, problem):
    assert score_problem(value, D(10), D("0.25")) == problem


def test_mark_per_question_scores_must_add_up_to_the_total():
    rules = MarkingRules(max_score=D(100), tolerance_percent=D(10))
    maxima = [D(40), D(60)]
    assert mark_problems([D("35.5"), D("50")], maxima, D("85.5"), rules) == []
    assert mark_problems([D("35.5"), D("50")], maxima, D("86"), rules) == [MarkProblem("sum")]
    assert mark_problems([D("41"), D("50")], maxima, D("91"), rules) == [
        MarkProblem(ScoreProblem.ABOVE_MAX, 0)
    ]
    assert mark_problems([D("40"), D("50.1")], maxima, D("90.1"), rules) == [
        MarkProblem(ScoreProblem.OFF_STEP, 1),
        MarkProblem(ScoreProblem.OFF_STEP),
    ]
    assert mark_problems([D("40")], maxima, D("40"), rules) == [MarkProblem("count")]


def test_mark_without_questions_checks_the_total_only():
    assert mark_problems([], [], D("100"), RULES_10) == []
    assert mark_problems([], [], D("100.25"), RULES_10) == [MarkProblem(ScoreProblem.ABOVE_MAX)]


def test_remark_equal_to_the_original_confirms_it():
    assert remark_outcome(D("55.00"), D("55")) == RemarkOutcome.CONFIRMED
    assert remark_outcome(D("55.00"), D("55.25")) == RemarkOutcome.MEETING


def test_decimal_of_reads_profile_numbers_exactly():
    assert decimal_of(0.1) == D("0.1")
    assert decimal_of(10) == D(10)
    assert decimal_of("2.5") == D("2.5")
    with pytest.raises(TypeError):
        decimal_of(True)


quarters = st.integers(min_value=0, max_value=400).map(lambda n: D(n) / 4)


@given(quarters, quarters)
def test_average_lies_between_the_marks_and_within_tolerance_exactly(first, second):
    result = reconcile(first, second, RULES_10)
    if abs(first - second) <= D(10):
        assert result.outcome == Outcome.AVERAGE
        assert result.score is not None
        assert min(first, second) <= result.score <= max(first, second)
        assert result.score == round_to_step((first + second) / 2, D("0.01"))
    else:
        assert result.outcome == Outcome.DISCUSSION


# --- The panel of oral and practical parts -----------------------------------------------------

PANEL_10 = PanelRules(max_score=D(100), tolerance_percent=D(10), min_examiners=2)


def test_panel_spread_at_the_tolerance_takes_the_average():
    result = panel_reconcile([D(60), D(65), D(70)], PANEL_10)
    assert result.outcome == PanelOutcome.AVERAGE
    assert (result.spread, result.tolerance, result.score) == (D(10), D(10), D("65.00"))
    assert (result.lowest, result.highest) == (D(60), D(70))


def test_panel_average_is_rounded_half_up_to_the_final_step():
    assert panel_reconcile([D(60), D(62), D(66)], PANEL_10).score == D("62.67")
    assert panel_reconcile([D("60.25"), D(60)], PANEL_10).score == D("60.13")  # 60.125


def test_panel_spread_a_quarter_point_beyond_goes_to_the_head():
    result = panel_reconcile([D(60), D(64), D("70.25")], PANEL_10)
    assert result.outcome == PanelOutcome.HEAD
    assert result.spread == D("10.25") and result.score is None


def test_panel_needs_the_minimum_of_examiners():
    with pytest.raises(ValueError, match="at least 2"):
        panel_reconcile([D(60)], PANEL_10)
    three = PanelRules(max_score=D(100), tolerance_percent=D(10), min_examiners=3)
    with pytest.raises(ValueError):
        panel_reconcile([D(60), D(61)], three)


def test_panel_rules_read_the_profile_numbers_exactly():
    rules = PanelRules.of(20, 7.5, 2, 0.25, 0.01)
    assert rules.tolerance == D("1.5")
    assert rules.marking.max_score == D(20) and rules.marking.score_step == D("0.25")


def test_a_rubric_adds_up_to_the_parts_maximum_on_the_step():
    step = D("0.25")
    assert rubric_problems([("Nắm vấn đề", D(30)), ("Giải pháp", D(70))], D(100), step) == []
    assert rubric_problems([], D(100), step) == [RubricIssue(RubricProblem.EMPTY)]
    assert rubric_problems([("A", D(30)), ("B", D(60))], D(100), step) == [
        RubricIssue(RubricProblem.SUM)
    ]
    assert rubric_problems([("A", D("30.1")), ("B", D("69.9"))], D(100), step) == [
        RubricIssue(RubricProblem.OFF_STEP, 0),
        RubricIssue(RubricProblem.OFF_STEP, 1),
    ]
    assert rubric_problems([("A", D(0)), ("B", D(100))], D(100), step) == [
        RubricIssue(RubricProblem.NOT_POSITIVE, 0)
    ]
    assert rubric_problems([("  ", D(50)), ("B", D(50))], D(100), step) == [
        RubricIssue(RubricProblem.NAME, 0)
    ]
    assert rubric_problems([("Giải pháp", D(50)), ("giải  PHÁP", D(50))], D(100), step) == [
        RubricIssue(RubricProblem.DUPLICATE, 1)
    ]
    assert rubric_problems([("A", "x"), ("B", D(100))], D(100), step) == [
        RubricIssue(RubricProblem.NOT_POSITIVE, 0)
    ]


# --- The appeal window ------------------------------------------------------------------------


def test_the_appeal_window_counts_days_from_the_day_after_publication():
    published = date(2026, 3, 10)
    assert appeal_last_day(published, 15) == date(2026, 3, 25)
    assert appeal_results_due(published, 15, 15) == date(2026, 4, 9)
    assert appeal_on_time(date(2026, 3, 10), published, 15)  # the day of publication
    assert appeal_on_time(date(2026, 3, 25), published, 15)  # the last day
    assert not appeal_on_time(date(2026, 3, 26), published, 15)  # the next day
    assert not appeal_on_time(date(2026, 3, 9), published, 15)  # before publication
    # Across a month end and a leap day.
    assert appeal_last_day(date(2028, 2, 20), 15) == date(2028, 3, 6)
