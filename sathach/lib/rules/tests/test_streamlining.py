"""Streamlining criteria (domain.md §3): each ground with its legal basis cited, positive and
negative; deferrals; the two-KHT-years dismissal route, never listed as streamlining."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sathach.lib.rules import profiles as profiles_module
from sathach.lib.rules import streamlining as s
from sathach.lib.rules.profiles import load_profiles
from sathach.lib.rules.rating import HT, HTT, HTXS, KHT
from sathach.lib.rules.streamlining import (
    Circumstance,
    PersonFacts,
    QualificationGap,
    StreamliningRules,
    Surplus,
)

SHIPPED = load_profiles([Path(profiles_module.__file__).parent / "profiles"])
ND154 = StreamliningRules.of(SHIPPED.get("ND154-2025"))
ND29 = StreamliningRules.of(SHIPPED.get("ND29-2023"))
YEAR = 2025
ON = dt.date(2025, 12, 20)


def assess(facts: PersonFacts, rules: StreamliningRules = ND154, **kw):
    return s.assess(facts, year=kw.get("year", YEAR), on=kw.get("on", ON), rules=rules)


def keys(findings) -> list[str]:
    return [f.key for f in findings]


# --- Profiles -------------------------------------------------------------------------------


def test_nd154_lists_its_grounds_with_the_decree_article_and_clause():
    assert set(ND154.grounds) == {
        s.RESTRUCTURING,
        s.LEADER_POST,
        s.POSITION_REVIEW,
        s.QUALIFICATION,
        s.KHT_ONE_YEAR,
    }
    for basis in ND154.grounds.values():
        assert basis.text.startswith("NĐ 154/2025/NĐ-CP, Điều 2, khoản 1")
    assert not ND154.grounds[s.KHT_ONE_YEAR].unverified
    assert ND154.grounds[s.RESTRUCTURING].unverified  # domain.md: wording not confirmed


def test_nd29_has_the_ht_plus_kht_ground_and_every_ground_is_unverified():
    assert s.HT_KHT_TWO_YEARS in ND29.grounds and s.LEADER_POST not in ND29.grounds
    assert all(b.unverified for b in ND29.grounds.values())
    assert all(
        b.text.startswith("NĐ 29/2023/NĐ-CP, Điều 2, khoản 1") for b in ND29.grounds.values()
    )


def test_streamlining_profiles_split_at_16_june_2025():
    assert SHIPPED.in_force("streamlining", dt.date(2025, 6, 15)).code == "ND29-2023"
    assert SHIPPED.in_force("streamlining", dt.date(2025, 6, 16)).code == "ND154-2025"


def test_a_non_streamlining_profile_is_refused():
    with pytest.raises(ValueError):
        StreamliningRules.of(SHIPPED.get("ND335-2025"))


# --- KHT in the previous year or the year under review (one year is enough) -----------------


@pytest.mark.parametrize("year", [YEAR - 1, YEAR])
def test_kht_in_the_previous_year_or_the_year_under_review_is_a_ground(year):
    result = assess(PersonFacts(ratings={year: KHT}))
    assert result.section == s.CANDIDATE
    [ground] = result.grounds
    assert ground.key == s.KHT_ONE_YEAR
    assert ground.basis == SHIPPED.get("ND154-2025").basis("ground_kht_one_year")
    assert ground.data == f"Năm {year}: Không hoàn thành nhiệm vụ."


def test_kht_two_years_back_is_not_a_ground():
    assert assess(PersonFacts(ratings={YEAR - 2: KHT, YEAR - 1: HT, YEAR: HTT})).section is None


@pytest.mark.parametrize("level", [HTXS, HTT, HT])
def test_any_level_but_kht_is_not_a_ground(level):
    assert assess(PersonFacts(ratings={YEAR - 1: level, YEAR: level})).section is None


# --- NĐ 29: one HT and one KHT in two consecutive years -------------------------------------


@pytest.mark.parametrize("pair", [(HT, KHT), (KHT, HT)])
def test_nd29_ht_and_kht_in_the_two_years_is_a_ground(pair):
    result = assess(PersonFacts(ratings={YEAR - 1: pair[0], YEAR: pair[1]}), ND29)
    assert keys(result.grounds) == [s.KHT_ONE_YEAR, s.HT_KHT_TWO_YEARS]
    pair_ground = result.grounds[1]
    assert pair_ground.basis.startswith("NĐ 29/2023/NĐ-CP, Điều 2, khoản 1, điểm đ")
    assert pair_ground.unverified


def test_nd29_htt_and_kht_is_only_the_one_year_ground():
    result = assess(PersonFacts(ratings={YEAR - 1: HTT, YEAR: KHT}), ND29)
    assert keys(result.grounds) == [s.KHT_ONE_YEAR]


def test_nd154_has_no_ht_plus_kht_ground():
    result = assess(PersonFacts(ratings={YEAR - 1: HT, YEAR: KHT}))
    assert keys(result.grounds) == [s.KHT_ONE_YEAR]


# --- Qualification gap --------------------------------------------------------------------


def gap(**kw) -> QualificationGap:
    fields = dict(
        required="Đại học",
        actual="Trung cấp",
        recorded_on=dt.date(2025, 3, 1),
        retraining_possible=False,
        other_post_available=False,
    )
    fields.update(kw)
    return QualificationGap(**fields)


def test_lacking_the_training_level_where_retraining_is_impossible_is_a_ground():
    [ground] = assess(PersonFacts(ratings={}, gaps=[gap()])).grounds
    assert ground.key == s.QUALIFICATION
    assert "chưa đạt trình độ đào tạo" in ground.basis
    assert ground.data.startswith("Trình độ yêu cầu: Đại học; hiện có: Trung cấp;")


@pytest.mark.parametrize(
    "kw",
    [
        {"retraining_possible": True},  # train first (NĐ 101/2017)
        {"other_post_available": True},
        {"resolved_on": dt.date(2025, 9, 1)},  # the gap was closed
        {"recorded_on": dt.date(2026, 1, 5)},  # recorded after the review
    ],
)
def test_a_qualification_gap_that_retraining_or_another_post_can_close_is_not_a_ground(kw):
    assert assess(PersonFacts(ratings={}, gaps=[gap(**kw)])).section is None


# --- Surplus ------------------------------------------------------------------------------


def surplus(kind: str, **kw) -> Surplus:
    return Surplus(kind, "Quyết định số 12/QĐ-UBND", dt.date(2025, 7, 1), **kw)


def test_restructuring_surplus_is_a_ground_citing_the_decision():
    [ground] = assess(PersonFacts(ratings={}, surplus=[surplus(s.SURPLUS_RESTRUCTURING)])).grounds
    assert ground.key == s.RESTRUCTURING
    assert ground.data == "Quyết định số 12/QĐ-UBND (ngày 01/07/2025)."
    assert "dôi dư do sắp xếp tổ chức bộ máy" in ground.basis


def test_a_surplus_decided_after_the_review_is_not_a_ground():
    fact = Surplus(s.SURPLUS_RESTRUCTURING, "QĐ 1", dt.date(2026, 2, 1))
    assert assess(PersonFacts(ratings={}, surplus=[fact])).section is None


def test_position_review_surplus_counts_only_when_no_post_can_be_found():
    found = assess(PersonFacts(ratings={}, surplus=[surplus(s.SURPLUS_POSITION_REVIEW)]))
    assert keys(found.grounds) == [s.POSITION_REVIEW]
    placed = surplus(s.SURPLUS_POSITION_REVIEW, can_be_replaced=True)
    assert assess(PersonFacts(ratings={}, surplus=[placed])).section is None


def test_leader_post_counts_only_with_the_persons_wish_and_the_agencys_consent():
    willing = surplus(s.SURPLUS_LEADER_POST, volunteered_with_consent=True)
    assert keys(assess(PersonFacts(ratings={}, surplus=[willing])).grounds) == [s.LEADER_POST]
    unwilling = surplus(s.SURPLUS_LEADER_POST)
    assert assess(PersonFacts(ratings={}, surplus=[unwilling])).section is None


def test_nd29_has_no_leader_post_ground():
    willing = surplus(s.SURPLUS_LEADER_POST, volunteered_with_consent=True)
    assert assess(PersonFacts(ratings={}, surplus=[willing]), ND29).section is None


def test_several_grounds_are_all_listed():
    facts = PersonFacts(
        ratings={YEAR: KHT}, gaps=[gap()], surplus=[surplus(s.SURPLUS_RESTRUCTURING)]
    )
    assert keys(assess(facts).grounds) == [s.RESTRUCTURING, s.QUALIFICATION, s.KHT_ONE_YEAR]


# --- Deferrals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (s.PREGNANCY, "Đang mang thai"),
        (s.MATERNITY, "Đang nghỉ thai sản"),
        (s.DISCIPLINE_REVIEW, "Đang trong thời gian xem xét kỷ luật"),
        (s.PROSECUTION, "Đang bị truy cứu trách nhiệm hình sự"),
        (s.INSPECTION, "Đang bị thanh tra, kiểm tra do có dấu hiệu vi phạm"),
    ],
)
def test_a_candidate_in_a_deferring_circumstance_is_listed_apart(kind, text):
    facts = PersonFacts(
        ratings={YEAR: KHT}, circumstances=[Circumstance(kind, dt.date(2025, 10, 1))]
    )
    result = assess(facts)
    assert result.section == s.DEFERRED
    [deferral] = result.deferrals
    assert deferral.data == f"{text} (từ ngày 01/10/2025)."
    assert "chưa thực hiện tinh giản biên chế" in deferral.basis


def test_a_circumstance_that_ended_before_the_review_defers_nothing():
    ended = Circumstance(s.MATERNITY, dt.date(2025, 1, 1), ends_on=dt.date(2025, 7, 1))
    assert assess(PersonFacts(ratings={YEAR: KHT}, circumstances=[ended])).section == s.CANDIDATE


def test_a_child_under_36_months_defers_and_at_36_months_no_longer_does():
    child = Circumstance(s.YOUNG_CHILD, dt.date(2023, 1, 1), child_birth_date=dt.date(2022, 12, 21))
    facts = PersonFacts(ratings={YEAR: KHT}, circumstances=[child])
    result = assess(facts, on=dt.date(2025, 12, 20))  # 35 months and 29 days
    assert result.section == s.DEFERRED
    assert (
        result.deferrals[0].data == "Đang nuôi con dưới 36 tháng tuổi (con sinh ngày 21/12/2022)."
    )
    assert assess(facts, on=dt.date(2025, 12, 21)).section == s.CANDIDATE  # 36 months


def test_a_family_circumstance_does_not_defer_a_person_who_volunteers():
    volunteer = Circumstance(s.PREGNANCY, dt.date(2025, 9, 1), volunteers=True)
    facts = PersonFacts(ratings={YEAR: KHT}, circumstances=[volunteer])
    assert assess(facts).section == s.CANDIDATE


def test_the_rosters_open_disciplinary_case_defers():
    result = assess(PersonFacts(ratings={YEAR: KHT}, under_discipline=True))
    assert result.section == s.DEFERRED
    assert result.deferrals[0].data == (
        "Đang trong thời gian xem xét kỷ luật (theo danh sách công chức)."
    )


def test_a_deferring_circumstance_alone_does_not_list_a_person():
    facts = PersonFacts(ratings={}, circumstances=[Circumstance(s.PREGNANCY, dt.date(2025, 9, 1))])
    assert assess(facts).section is None


# --- Two consecutive KHT years: the dismissal route, never streamlining --------------------


@pytest.mark.parametrize("rules", [ND154, ND29], ids=["ND154", "ND29"])
def test_two_consecutive_kht_years_go_to_the_dismissal_route_not_streamlining(rules):
    result = assess(PersonFacts(ratings={YEAR - 1: KHT, YEAR: KHT}), rules)
    assert result.section == s.DISMISSAL_ROUTE
    assert result.dismissal is not None
    assert result.dismissal.key == s.DISMISSAL
    assert "thôi việc" in result.dismissal.basis
    assert "không phải diện tinh giản biên chế" in result.dismissal.basis
    assert result.dismissal.data == (
        "Năm 2024: Không hoàn thành nhiệm vụ; Năm 2025: Không hoàn thành nhiệm vụ."
    )


def test_two_kht_years_ending_the_year_before_the_review_also_go_to_dismissal():
    result = assess(PersonFacts(ratings={YEAR - 2: KHT, YEAR - 1: KHT}))
    assert result.section == s.DISMISSAL_ROUTE


def test_the_dismissal_route_wins_over_every_other_ground_and_over_deferrals():
    facts = PersonFacts(
        ratings={YEAR - 1: KHT, YEAR: KHT},
        surplus=[surplus(s.SURPLUS_RESTRUCTURING)],
        circumstances=[Circumstance(s.PREGNANCY, dt.date(2025, 9, 1))],
    )
    result = assess(facts)
    assert result.section == s.DISMISSAL_ROUTE


def test_two_kht_years_with_a_gap_between_them_are_not_the_dismissal_route():
    result = assess(PersonFacts(ratings={YEAR - 2: KHT, YEAR - 1: HT, YEAR: KHT}))
    assert result.section == s.CANDIDATE


# --- add_months ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2022, 12, 21), 36, dt.date(2025, 12, 21)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2023, 1, 31), 1, dt.date(2023, 2, 28)),
    ],
)
def test_add_months(day, months, expected):
    assert s.add_months(day, months) == expected


def test_a_dismissal_route_row_cites_only_the_route_never_a_streamlining_ground():
    result = assess(PersonFacts(ratings={YEAR - 1: KHT, YEAR: KHT}))
    assert [f.key for f in result.cited()] == [s.DISMISSAL]


def test_a_deferred_row_cites_the_ground_and_the_deferral():
    facts = PersonFacts(
        ratings={YEAR: KHT}, circumstances=[Circumstance(s.PREGNANCY, dt.date(2025, 9, 1))]
    )
    assert [f.key for f in assess(facts).cited()] == [s.KHT_ONE_YEAR, "deferral_family"]
