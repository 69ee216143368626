"""Annual rating rules (domain.md §2): ND335 points and bands, the 25% deduction, KHT triggers,
the NĐ 48/2023 discipline rule, the quota with its floor; and the shipped rating profiles."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sathach.lib.rules import profiles as profiles_module
from sathach.lib.rules import rating
from sathach.lib.rules.profiles import ProfileError, load_profile, load_profiles
from sathach.lib.rules.rating import (
    HT,
    HTT,
    HTXS,
    KHT,
    PARTY,
    STATE,
    PartyRules,
    RatingInput,
    RatingRules,
    Sanction,
    TaskItem,
)

SHIPPED = load_profiles([Path(profiles_module.__file__).parent / "profiles"])
ND335 = RatingRules.of(SHIPPED.get("ND335-2025"))
ND90 = RatingRules.of(SHIPPED.get("ND90-2020"))
D = Decimal


def item(assigned="10", completed="10", **kw) -> TaskItem:
    return TaskItem(D(assigned), D(completed), **kw)


# --- The shipped profiles -------------------------------------------------------------------


def test_nd335_profile_carries_the_points_bands_deduction_and_quota_with_their_basis():
    profile = SHIPPED.get("ND335-2025")
    assert profile.kind == "rating"
    assert (ND335.general_max, ND335.task_max) == (30, 70)
    assert (ND335.band_excellent, ND335.band_good, ND335.band_completed) == (90, 70, 50)
    assert ND335.deduction_percent == 25
    assert ND335.quota_percent == 20
    assert ND335.scored and ND335.official_duty_only and not ND335.same_act_once
    assert "NĐ 335/2025/NĐ-CP" in profile.basis("band_excellent_min")
    assert "25%" in profile.basis("task_failure_deduction_percent")
    assert profile.rules["task_points_max"].unverified  # the formula is unverified


def test_nd90_profile_has_no_score_and_counts_one_act_once():
    profile = SHIPPED.get("ND90-2020")
    assert not ND90.scored
    assert "band_excellent_min" not in profile.rules  # the optional score rules are absent
    assert ND90.same_act_once and not ND90.official_duty_only
    assert "NĐ 48/2023/NĐ-CP" in profile.basis("discipline_same_act_counted_once")


def test_rating_profiles_split_the_years_at_1_january_2026():
    import datetime as dt

    assert SHIPPED.in_force("rating", dt.date(2025, 12, 31)).code == "ND90-2020"
    assert SHIPPED.in_force("rating", dt.date(2026, 1, 1)).code == "ND335-2025"
    assert SHIPPED.in_force("party_rating", dt.date(2024, 12, 31)).code == "QD124-2023"
    assert SHIPPED.in_force("party_rating", dt.date(2025, 12, 31)).code == "QD366-2025"


def test_a_rating_profile_missing_a_required_rule_is_refused(tmp_path):
    text = (Path(profiles_module.__file__).parent / "profiles/rating/ND90-2020.toml").read_text()
    cut = text.replace("[rules.kht_on_decline]\nvalue = true\n", "[rules.unused]\nvalue = 1\n")
    path = tmp_path / "bad.toml"
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(ProfileError) as exc:
        load_profile(path)
    assert (exc.value.key, exc.value.message) == (
        "rules.kht_on_decline",
        "missing (required for kind 'rating')",
    )


def test_a_scored_profile_without_bands_is_refused():
    profile = SHIPPED.get("ND90-2020")
    rules = dict(profile.rules)
    rules["scored"] = type(rules["scored"])(True, "x")
    broken = type(profile)(**{**profile.__dict__, "rules": rules})
    with pytest.raises(ValueError, match="needs its points and bands"):
        RatingRules.of(broken)


def test_party_profiles_qd366_scores_and_qd124_rates_by_criteria():
    qd366 = PartyRules.of(SHIPPED.get("QD366-2025"))
    qd124 = PartyRules.of(SHIPPED.get("QD124-2023"))
    assert qd366.bands == (90, 70, 50) and qd124.bands is None
    assert rating.party_level_for_score(D("90"), qd366) == HTXS
    assert rating.party_level_for_score(D("89.99"), qd366) == HTT
    assert rating.party_level_for_score(D("49.99"), qd366) == KHT
    assert rating.party_level_for_score(D("95"), qd124) is None


def test_rules_of_the_wrong_kind_are_refused():
    with pytest.raises(ValueError):
        RatingRules.of(SHIPPED.get("TT22-2025"))
    with pytest.raises(ValueError):
        PartyRules.of(SHIPPED.get("ND335-2025"))


# --- Bands (NĐ 335/2025: ≥90, ≥70, ≥50) ------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "level"),
    [
        ("100", HTXS),
        ("90", HTXS),
        ("89.99", HTT),
        ("70", HTT),
        ("69.99", HT),
        ("50", HT),
        ("49.99", KHT),
        ("0", KHT),
    ],
)
def test_level_for_score_at_the_exact_boundaries(score, level):
    assert rating.level_for_score(D(score), ND335) == level


# --- Task points and the 25% deduction ------------------------------------------------------


def test_full_completion_on_time_and_to_quality_gives_70_points():
    assert rating.task_points([[item()]], ND335) == D("70.00")


def test_each_unexcused_quality_failure_removes_25_percent_of_that_items_quality_points():
    one = rating.item_percents(item(quality_failures=1), ND335.deduction_percent)
    assert (one.quantity, one.quality, one.timeliness) == (100, 75, 100)
    two = rating.item_percents(item(quality_failures=2), ND335.deduction_percent)
    assert two.quality == 50
    # (100 + 75 + 100) / 3 / 100 × 70 = 64.17
    assert rating.task_points([[item(quality_failures=1)]], ND335) == D("64.17")


def test_each_unexcused_delay_removes_25_percent_of_that_items_timeliness_points():
    p = rating.item_percents(item(late_failures=3), ND335.deduction_percent)
    assert (p.quality, p.timeliness) == (100, 25)


def test_deductions_never_go_below_zero():
    p = rating.item_percents(item(late_failures=7), ND335.deduction_percent)
    assert p.timeliness == 0


def test_a_failure_with_an_objective_cause_confirmed_removes_nothing():
    excused = item(quality_failures=1, quality_excused=1, late_failures=2, late_excused=1)
    p = rating.item_percents(excused, ND335.deduction_percent)
    assert (p.quality, p.timeliness) == (100, 75)


def test_the_deduction_applies_to_that_item_only_weighted_by_assigned_work():
    # Item 1 (assigned 30) has one quality failure, item 2 (assigned 10) none: quality 81.25%.
    period = [item("30", "30", quality_failures=1), item("10", "10")]
    p = rating.period_percents(period, ND335.deduction_percent)
    assert p.quality == D("81.25") and p.quantity == 100


def test_quantity_is_completed_over_assigned_and_capped_at_100():
    assert rating.item_percents(item("10", "5"), D(25)).quantity == 50
    assert rating.item_percents(item("10", "15"), D(25)).quantity == 100


def test_the_year_is_the_mean_of_its_tracked_periods():
    full = [item()]
    half = [item("10", "5")]  # 50% on all three → 35 points
    assert rating.task_points([full, half], ND335) == D("52.50")
    assert rating.task_points([full, [], half], ND335) == D("52.50")  # untracked period skipped


def test_no_tracked_period_gives_no_task_points():
    assert rating.task_points([], ND335) is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"assigned": D(0), "completed": D(0)},
        {"assigned": D(1), "completed": D(-1)},
        {"assigned": D(1), "completed": D(1), "quality_failures": 1, "quality_excused": 2},
        {"assigned": D(1), "completed": D(1), "late_excused": 1},
    ],
)
def test_impossible_task_items_are_refused(kwargs):
    with pytest.raises(ValueError):
        TaskItem(**kwargs)


def test_total_score_checks_each_maximum():
    assert rating.total_score(D("30"), D("70"), ND335) == D("100.00")
    with pytest.raises(ValueError):
        rating.total_score(D("30.01"), D("60"), ND335)
    with pytest.raises(ValueError):
        rating.total_score(D("20"), D("70.01"), ND335)


# --- The computed level and the KHT triggers ------------------------------------------------


def test_nd335_level_comes_from_general_plus_task_points():
    outcome = rating.compute(
        RatingInput(year=2026, general_points=D("20"), periods=[[item()]]), ND335
    )
    assert (outcome.task_points, outcome.score, outcome.level) == (D("70.00"), D("90.00"), HTXS)
    assert outcome.triggers == ()


def test_nd335_score_89_99_is_htt_not_htxs():
    outcome = rating.compute(
        RatingInput(year=2026, general_points=D("19.99"), periods=[[item()]]), ND335
    )
    assert (outcome.score, outcome.level) == (D("89.99"), HTT)


def test_nd335_score_under_50_is_kht_with_the_score_as_the_trigger():
    outcome = rating.compute(
        RatingInput(year=2026, general_points=D("14.99"), periods=[[item("10", "5")]]), ND335
    )
    assert outcome.score == D("49.99")
    assert outcome.level == KHT
    assert [t.code for t in outcome.triggers] == [rating.TRIGGER_SCORE]
    assert not outcome.forced_kht  # the score, not a finding


def test_nd335_score_50_is_ht():
    outcome = rating.compute(
        RatingInput(year=2026, general_points=D("15"), periods=[[item("10", "5")]]), ND335
    )
    assert (outcome.score, outcome.level) == (D("50.00"), HT)


def test_nd335_without_general_points_or_tasks_has_no_computed_level():
    assert rating.compute(RatingInput(year=2026, periods=[[item()]]), ND335).level is None
    assert rating.compute(RatingInput(year=2026, general_points=D(30)), ND335).level is None


def test_decline_forces_kht_whatever_the_score():
    outcome = rating.compute(
        RatingInput(year=2026, general_points=D(30), periods=[[item()]], declined=True), ND335
    )
    assert outcome.score == 100 and outcome.level == KHT and outcome.forced_kht
    assert [t.code for t in outcome.triggers] == [rating.TRIGGER_DECLINE]


def test_leader_with_corruption_punished_in_their_unit_is_kht_but_a_non_leader_is_not():
    data = dict(year=2026, general_points=D(30), periods=[[item()]], unit_corruption=True)
    assert rating.compute(RatingInput(**data, is_leader=True), ND335).level == KHT
    assert rating.compute(RatingInput(**data, is_leader=False), ND335).level == HTXS


def test_nd335_official_duty_sanction_in_the_year_forces_kht():
    reprimand = Sanction("V1", STATE, 2026, official_duty=True, label="Khiển trách")
    outcome = rating.compute(
        RatingInput(year=2026, general_points=D(30), periods=[[item()]], sanctions=[reprimand]),
        ND335,
    )
    assert outcome.level == KHT
    assert [(t.code, t.detail) for t in outcome.triggers] == [
        (rating.TRIGGER_DISCIPLINE, "Khiển trách")
    ]


def test_nd335_sanction_not_about_official_duty_or_in_another_year_does_not_count():
    private = Sanction("V1", PARTY, 2026, official_duty=False)
    last_year = Sanction("V2", STATE, 2025, official_duty=True)
    outcome = rating.compute(
        RatingInput(
            year=2026, general_points=D(30), periods=[[item()]], sanctions=[private, last_year]
        ),
        ND335,
    )
    assert outcome.level == HTXS


def test_nd90_has_no_computed_level_without_a_trigger():
    outcome = rating.compute(RatingInput(year=2024), ND90)
    assert (outcome.score, outcome.level, outcome.triggers) == (None, None, ())


def test_nd90_any_party_or_state_sanction_in_the_year_is_kht():
    party = Sanction("V1", PARTY, 2024, official_duty=False)
    assert rating.compute(RatingInput(year=2024, sanctions=[party]), ND90).level == KHT


def test_nd90_same_act_sanctioned_by_party_and_state_in_different_years_counts_once():
    # Party sanction in 2023, administrative sanction for the same act in 2024: only 2023.
    party = Sanction("V1", PARTY, 2023)
    state = Sanction("V1", STATE, 2024)
    assert rating.sanctions_counted(2023, [party, state], ND90) == [party]
    assert rating.sanctions_counted(2024, [party, state], ND90) == []


def test_nd90_act_already_counted_as_kht_is_not_counted_again_when_the_decision_comes():
    # Rated KHT in 2023 for the violation; the decision issued in 2024 does not count in 2024.
    late = Sanction("V1", STATE, 2024, counted_year=2023)
    assert rating.sanctions_counted(2024, [late], ND90) == []
    assert rating.sanctions_counted(2023, [late], ND90) == [late]


def test_nd90_different_acts_in_different_years_each_count_in_their_own_year():
    a, b = Sanction("V1", PARTY, 2023), Sanction("V2", STATE, 2024)
    assert rating.sanctions_counted(2023, [a, b], ND90) == [a]
    assert rating.sanctions_counted(2024, [a, b], ND90) == [b]


def test_nd335_counts_each_decision_in_its_own_year_with_no_same_act_rule():
    party, state = Sanction("V1", PARTY, 2026), Sanction("V1", STATE, 2027)
    assert rating.sanctions_counted(2027, [party, state], ND335) == [state]


# --- Quota: HTXS ≤ 20% of HTT, floor ---------------------------------------------------------


@pytest.mark.parametrize(
    ("good", "maximum"),
    [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (14, 2), (15, 3), (100, 20), (101, 20)],
)
def test_quota_maximum_is_the_floor_of_20_percent_of_htt(good, maximum):
    assert rating.quota_max_excellent(good, D(20)) == maximum


def test_quota_at_exactly_20_percent_passes_and_one_more_fails():
    at = rating.quota_check([HTXS] * 2 + [HTT] * 10 + [HT, KHT], D(20))
    assert (at.excellent, at.good, at.maximum, at.ok) == (2, 10, 2, True)
    assert at.ratio_percent == D("20.00")
    over = rating.quota_check([HTXS] * 3 + [HTT] * 10, D(20))
    assert (over.ok, over.excess) == (False, 1)
    assert over.ratio_percent == D("30.00")


def test_quota_with_no_htt_allows_no_htxs_and_has_no_ratio():
    check = rating.quota_check([HTXS, HT], D(20))
    assert (check.maximum, check.ok, check.ratio_percent) == (0, False, None)


def test_a_decision_that_breaks_the_quota_is_refused():
    before = rating.quota_check([HTXS] * 2 + [HTT] * 10, D(20))
    after = rating.quota_check([HTXS] * 3 + [HTT] * 10, D(20))
    assert rating.quota_refuses(before, after)


def test_lowering_htt_below_the_quota_is_refused_too():
    before = rating.quota_check([HTXS] * 2 + [HTT] * 10, D(20))
    after = rating.quota_check([HTXS] * 2 + [HTT] * 9 + [HT], D(20))
    assert rating.quota_refuses(before, after)


def test_a_group_already_beyond_the_quota_may_take_decisions_that_do_not_worsen_it():
    before = rating.quota_check([HTXS] * 3 + [HTT] * 10, D(20))
    same = rating.quota_check([HTXS] * 3 + [HTT] * 10 + [KHT], D(20))
    worse = rating.quota_check([HTXS] * 4 + [HTT] * 10, D(20))
    assert not rating.quota_refuses(before, same)
    assert rating.quota_refuses(before, worse)


def test_a_decision_within_the_quota_is_accepted():
    before = rating.quota_check([HTXS] + [HTT] * 10, D(20))
    after = rating.quota_check([HTXS] * 2 + [HTT] * 10, D(20))
    assert not rating.quota_refuses(before, after)
