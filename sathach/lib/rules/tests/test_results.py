"""Results rules: scaling, pass per part at the boundary, the weighted total, the classes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sathach.lib.rules import profiles as profiles_module
from sathach.lib.rules.results import (
    ABSENT,
    CANCELLED,
    EXCELLENT,
    FAIL,
    GOOD,
    PASS,
    PENDING,
    SCORED,
    Bands,
    PartOutcome,
    classify,
    mark_passed,
    mcq_passed,
    percent_of,
    plan_outcome,
    round_score,
    scale,
    weighted_total,
)

BANDS = Bands.of(90, 70, 50)
SHIPPED = profiles_module.load_profiles([Path(profiles_module.__file__).parent / "profiles"])


def part(score, *, status=SCORED, max_score="100", weight="1", passed=True):
    return PartOutcome(
        status=status,
        score=None if score is None else Decimal(score),
        max_score=Decimal(max_score),
        weight=Decimal(weight),
        passed=passed,
    )


def test_round_score_is_half_up_to_the_cent():
    assert round_score(Decimal("2.345")) == Decimal("2.35")
    assert round_score(Decimal("2.344")) == Decimal("2.34")
    assert round_score(Decimal("-0.005")) == Decimal("-0.01")


def test_scale_maps_points_to_the_part_maximum():
    assert scale(Decimal(5), Decimal(7), Decimal(100)) == Decimal("71.43")
    assert scale(Decimal("2.5"), Decimal(3), Decimal(10)) == Decimal("8.33")
    assert scale(Decimal(0), Decimal(60), Decimal(100)) == Decimal("0.00")
    with pytest.raises(ValueError):
        scale(Decimal(1), Decimal(0), Decimal(100))


@pytest.mark.parametrize(
    ("score", "passed"), [("50.00", True), ("49.99", False), ("100", True), (None, False)]
)
def test_mcq_part_passes_at_half_the_maximum_or_more(score, passed):
    value = None if score is None else Decimal(score)
    assert mcq_passed(value, Decimal(100), 50) is passed


def test_mcq_pass_percent_applies_to_any_part_maximum():
    assert mcq_passed(Decimal("30"), Decimal(60), 50) is True
    assert mcq_passed(Decimal("29.99"), Decimal(60), 50) is False
    assert mcq_passed(Decimal("5.5"), Decimal(10), 55.0) is True


def test_written_part_passes_at_its_pass_mark_or_more():
    assert mark_passed(Decimal("50"), Decimal("50")) is True
    assert mark_passed(Decimal("49.75"), Decimal("50")) is False
    assert mark_passed(None, Decimal("0")) is False


@pytest.mark.parametrize(
    ("percent", "level"),
    [
        ("100", EXCELLENT),
        ("90", EXCELLENT),
        ("89.99", GOOD),
        ("70", GOOD),
        ("69.99", PASS),
        ("50", PASS),
        ("49.99", FAIL),
        ("0", FAIL),
    ],
)
def test_classify_reads_the_bands_inclusively_from_below(percent, level):
    assert classify(Decimal(percent), passed_all=True, bands=BANDS) == level


def test_classify_fails_whoever_failed_a_part_whatever_the_total():
    assert classify(Decimal("95"), passed_all=False, bands=BANDS) == FAIL


def test_bands_must_be_in_order():
    with pytest.raises(ValueError):
        Bands.of(70, 90, 50)
    with pytest.raises(ValueError):
        Bands.of(101, 70, 50)


def test_weighted_total_multiplies_each_part_by_its_weight():
    total, max_total = weighted_total([part("80", weight="2"), part("6.5", max_score="10")])
    assert (total, max_total) == (Decimal("166.50"), Decimal("210.00"))
    assert percent_of(Decimal("166.5"), Decimal("210")).quantize(Decimal("0.0001")) == Decimal(
        "79.2857"
    )
    assert percent_of(Decimal(5), Decimal(0)) == 0


def test_plan_outcome_of_two_weighted_parts():
    outcome = plan_outcome([part("92"), part("45", max_score="50", weight="2")], BANDS)
    # (92 + 2 × 45) / (100 + 2 × 50) = 182 / 200 = 91%
    assert outcome.complete and outcome.passed
    assert (outcome.total, outcome.max_total, outcome.percent) == (
        Decimal("182.00"),
        Decimal(200),
        Decimal(91),
    )
    assert outcome.level == EXCELLENT


def test_plan_outcome_fails_a_candidate_who_failed_one_part():
    outcome = plan_outcome([part("100"), part("49", passed=False)], BANDS)
    assert outcome.total == Decimal("149.00") and outcome.percent == Decimal("74.50")
    assert not outcome.passed and outcome.level == FAIL


def test_plan_outcome_counts_an_absent_or_cancelled_part_as_zero_and_fails():
    absent = plan_outcome([part("90"), part(None, status=ABSENT, passed=False)], BANDS)
    assert absent.complete and absent.total == Decimal("90.00") and absent.level == FAIL
    cancelled = plan_outcome([part(None, status=CANCELLED, passed=False)], BANDS)
    assert cancelled.total == Decimal("0.00") and not cancelled.passed


def test_plan_outcome_waits_while_a_part_is_pending():
    outcome = plan_outcome([part("90"), part(None, status=PENDING, passed=False)], BANDS)
    assert not outcome.complete and outcome.total is None and outcome.percent is None
    assert outcome.level == "" and not outcome.passed
    assert not plan_outcome([], BANDS).complete


def test_passing_every_part_on_its_own_mark_but_below_the_pass_band_is_not_passed():
    # A written part with a pass mark of 40/100: every part passed, total 45% < 50%.
    outcome = plan_outcome([part("50"), part("40")], BANDS)
    assert outcome.percent == Decimal("45.00") and outcome.level == FAIL and not outcome.passed


def test_the_class_is_decided_on_the_exact_percentage_and_shown_cut():
    # 99.99 / 200 = 49.995%: rounded half up it would read 50.00 and pass; it fails, shown 49.99.
    outcome = plan_outcome([part("99.99", max_score="200")], BANDS)
    assert outcome.percent == Decimal("49.99") and outcome.level == FAIL
    assert plan_outcome([part("100", max_score="200")], BANDS).level == PASS
    assert plan_outcome([part("179.99", max_score="200")], BANDS).percent == Decimal("89.99")


@pytest.mark.parametrize("code", ["TT06-2020", "TT22-2025"])
def test_profiles_carry_the_bands_and_the_void_rule_with_their_basis(code):
    profile = SHIPPED.get(code)
    assert Bands.of(
        profile.value("result_band_excellent_percent"),
        profile.value("result_band_good_percent"),
        profile.value("result_band_pass_percent"),
    ) == Bands(Decimal(90), Decimal(70), Decimal(50))
    for key in (
        "result_band_excellent_percent",
        "result_band_good_percent",
        "result_band_pass_percent",
        "rescore_void_full_credit",
    ):
        assert profile.rules[key].unverified
    assert "Quảng Trị" in profile.basis("result_band_good_percent")
    assert "NĐ 335/2025" in profile.basis("result_band_excellent_percent")
    assert profile.value("rescore_void_full_credit") is True
