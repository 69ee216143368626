"""NĐ 90/2020 level criteria (Điều 8–11, công chức): the highest level the task results allow,
at the boundaries (49/50% exceeding, 79/80% targets, 69/70% managed units, 50% unfinished);
months worked (5 vs 6: not rated); the quota without a cap (exception for outstanding units)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sathach.lib.rules import profiles as profiles_module
from sathach.lib.rules import rating, rating_nd90
from sathach.lib.rules.profiles import load_profiles
from sathach.lib.rules.rating import HT, HTT, HTXS, KHT, RatingRules
from sathach.lib.rules.rating_nd90 import CriteriaRules, TaskResults, UnitResults, allowed_level

SHIPPED = load_profiles([Path(profiles_module.__file__).parent / "profiles"])
CRITERIA = CriteriaRules.of(SHIPPED.get("ND90-2020"))
D = Decimal


def tasks(done="100", exceeding="50") -> TaskResults:
    return TaskResults(D(done), D(exceeding))


def unit(met="100", exceeded="50", units=10, completed=10, good=7) -> UnitResults:
    return UnitResults(D(met), D(exceeded), units, completed, good)


def ceiling_of(**kw):
    assert CRITERIA is not None
    return allowed_level(CRITERIA, **kw)


# --- The profile ----------------------------------------------------------------------------


def test_nd90_profile_carries_the_criteria_with_their_articles():
    profile = SHIPPED.get("ND90-2020")
    assert CRITERIA is not None
    assert (CRITERIA.excellent_done, CRITERIA.excellent_exceeding, CRITERIA.good_done) == (
        100,
        50,
        100,
    )
    assert (CRITERIA.leader_excellent_targets, CRITERIA.leader_excellent_exceeded) == (100, 50)
    assert CRITERIA.leader_good_targets == 80
    assert (CRITERIA.units_completed, CRITERIA.units_good) == (100, 70)
    assert profile.basis("criteria_excellent_exceeding_percent").startswith(
        "NĐ 90/2020/NĐ-CP, Điều 8 khoản 1 điểm b"
    )
    assert profile.basis("criteria_leader_good_targets_percent").startswith(
        "NĐ 90/2020/NĐ-CP, Điều 9 khoản 2"
    )
    # domain.md §2.1 marks these unverified; the profile says so.
    for key in (
        "criteria_completed_not_done_max_percent",
        "criteria_kht_unfinished_over_percent",
        "rated_min_months_worked",
    ):
        assert profile.rules[key].unverified, key


def test_nd335_has_no_criteria_but_the_same_months_minimum():
    nd335 = SHIPPED.get("ND335-2025")
    assert CriteriaRules.of(nd335) is None
    assert RatingRules.of(nd335).min_months == 6
    assert "NĐ 335/2025" in nd335.basis("rated_min_months_worked")


def test_a_profile_with_only_some_criteria_is_refused():
    profile = SHIPPED.get("ND90-2020")
    rules = {k: v for k, v in profile.rules.items() if k != "criteria_leader_units_good_percent"}
    broken = type(profile)(**{**profile.__dict__, "rules": rules})
    with pytest.raises(ValueError, match="criteria_leader_units_good_percent"):
        CriteriaRules.of(broken)


# --- Civil servants without a leadership post (Điều 8–11 khoản 1) ---------------------------


def test_no_results_allow_any_level_as_before():
    assert ceiling_of() is None


@pytest.mark.parametrize(
    ("done", "exceeding", "level"),
    [
        ("100", "50", HTXS),
        ("100", "100", HTXS),
        ("100", "49.99", HTT),
        ("100", "49", HTT),
        ("99.99", "60", HT),
        ("50", "0", HT),  # 50% unfinished is not more than 50%
        ("49.99", "0", KHT),
        ("0", "0", KHT),
    ],
)
def test_non_leader_highest_level(done, exceeding, level):
    assert ceiling_of(tasks=tasks(done, exceeding)).level == level


def test_exceeding_below_50_percent_names_the_rule_and_the_numbers():
    ceiling = ceiling_of(tasks=tasks("100", "40"))
    [shortfall] = ceiling.shortfalls
    assert (shortfall.level, shortfall.code, shortfall.rule) == (
        HTXS,
        rating_nd90.EXCEEDING,
        "criteria_excellent_exceeding_percent",
    )
    assert (shortfall.actual, shortfall.required) == (D(40), D(50))
    assert ceiling.allows(HTT) and not ceiling.allows(HTXS)
    assert ceiling.barring(HTXS) == (shortfall,)


def test_tasks_not_all_done_bar_htxs_and_htt_and_barring_picks_the_levels_asked():
    ceiling = ceiling_of(tasks=tasks("90", "10"))
    assert ceiling.level == HT
    assert {s.level for s in ceiling.barring(HTXS)} == {HTXS, HTT}
    assert {s.level for s in ceiling.barring(HTT)} == {HTT}


@pytest.mark.parametrize(("done", "doubt"), [("80", False), ("79.99", True), ("51", True)])
def test_more_than_20_percent_late_is_a_doubt_not_a_kht(done, doubt):
    ceiling = ceiling_of(tasks=tasks(done, "0"))
    assert ceiling.level == HT
    assert bool(ceiling.doubts) == doubt
    if doubt:
        assert ceiling.doubts[0].rule == "criteria_completed_not_done_max_percent"


def test_exceeding_more_than_done_is_refused():
    with pytest.raises(ValueError):
        TaskResults(D(60), D(70))
    with pytest.raises(ValueError):
        TaskResults(D("100.01"), D(0))


# --- Leaders (Điều 8–9 khoản 2) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "level"),
    [
        ({}, HTXS),
        ({"exceeded": "49.99"}, HTT),
        ({"met": "99.99", "exceeded": "50"}, HTT),
        ({"met": "80", "exceeded": "0"}, HTT),
        ({"met": "79.99", "exceeded": "0"}, HT),
        ({"met": "79", "exceeded": "0"}, HT),
        ({"met": "49.99", "exceeded": "0"}, KHT),
    ],
)
def test_leader_targets(kw, level):
    assert ceiling_of(unit=unit(**kw)).level == level


@pytest.mark.parametrize(
    ("completed", "good", "level"),
    [(100, 70, HTXS), (100, 69, HT), (99, 70, HT), (100, 100, HTXS)],
    ids=["70%", "69%", "99% completed", "all good"],
)
def test_leader_managed_units_at_70_percent_good_and_100_percent_completed(completed, good, level):
    ceiling = ceiling_of(unit=unit(units=100, completed=completed, good=good))
    assert ceiling.level == level


def test_the_units_condition_binds_htt_too():
    ceiling = ceiling_of(unit=unit(met="90", exceeded="0", units=10, completed=10, good=6))
    assert ceiling.level == HT
    [htt_units] = [s for s in ceiling.shortfalls if s.level == HTT]
    assert (htt_units.code, htt_units.count, htt_units.total, htt_units.actual) == (
        rating_nd90.UNITS_GOOD,
        6,
        10,
        D(60),
    )


def test_a_leader_managing_no_unit_meets_the_units_condition():
    assert ceiling_of(unit=unit(units=0, completed=0, good=0)).level == HTXS


def test_a_leader_gets_the_lower_of_own_tasks_and_unit_targets():
    assert ceiling_of(tasks=tasks("100", "10"), unit=unit()).level == HTT
    assert ceiling_of(tasks=tasks("100", "60"), unit=unit(met="85", exceeded="0")).level == HTT


def test_unit_counts_out_of_order_are_refused():
    with pytest.raises(ValueError):
        UnitResults(D(100), D(50), 10, 11, 7)
    with pytest.raises(ValueError):
        UnitResults(D(100), D(50), 10, 6, 7)
    with pytest.raises(ValueError):
        UnitResults(D(80), D(90), 0, 0, 0)


# --- Months worked (NĐ 90/2020, NĐ 335/2025: under 6 months, not rated) ---------------------


@pytest.mark.parametrize(("months", "rated"), [(None, True), (0, False), (5, False), (6, True),
                                               (12, True)])  # fmt: skip
def test_under_6_months_is_not_rated(months, rated):
    rules = RatingRules.of(SHIPPED.get("ND90-2020"))
    assert rating.is_rated(months, rules) is rated


# --- Quota without a cap (exception for outstanding units) ----------------------------------


def test_no_cap_accepts_any_number_of_htxs():
    check = rating.quota_check([HTXS] * 5 + [HTT] * 2, None)
    assert check.ok and not check.capped and check.excess == 0
    assert check.maximum is None and check.ratio_percent == D(250)
    assert not rating.quota_refuses(rating.quota_check([HTT], None), check)


def test_a_higher_cap_counts_like_the_profiles():
    assert rating.quota_check([HTXS] * 3 + [HTT] * 10, D(30)).ok
    over = rating.quota_check([HTXS] * 4 + [HTT] * 10, D(30))
    assert (over.ok, over.maximum, over.excess) == (False, 3, 1)
