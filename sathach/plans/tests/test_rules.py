"""Eligibility and exemption rules with their reasons (pure: no database)."""

import datetime as dt

import pytest

from sathach.plans.constants import Outcome
from sathach.plans.rules import EligibilityRules, Override, PersonFacts, decide, decide_all

ON = dt.date(2026, 3, 2)
RETIRE = "(Bộ luật Lao động 2019, Điều 169)"


def facts(**fields):
    base = {
        "id": 1,
        "code": "CC000001",
        "birth_date": dt.date(1985, 5, 17),
        "gender": "M",
        "hired_on": dt.date(2010, 9, 1),
        "block": "party",
        "level": "tinh",
        "rank_code": "01.003",
        "position_code": "TCCB",
        "is_leader": False,
    }
    return PersonFacts(**{**base, **fields})


def test_a_person_within_every_rule_is_included():
    decision = decide(facts(), EligibilityRules(retirement_window_months=12), ON)
    assert (decision.outcome, decision.reason) == (
        Outcome.INCLUDED,
        "Thuộc diện kiểm tra, sát hạch",
    )


@pytest.mark.parametrize(
    ("gender", "birth", "reason"),
    [
        # Men retiring in 2026 are 61 years 6 months: born 20/01/1965 → 20/07/2026.
        ("M", dt.date(1965, 1, 20), f"Miễn: còn 4 tháng đến tuổi nghỉ hưu {RETIRE}"),
        # Women retiring in 2026 are 57: born 10/06/1969 → 10/06/2026.
        ("F", dt.date(1969, 6, 10), f"Miễn: còn 3 tháng đến tuổi nghỉ hưu {RETIRE}"),
        # A man born 15/10/1964 reaches 61y3m (the 2025 age) only in 2026: 61y6m → 15/04/2026.
        ("M", dt.date(1964, 10, 15), f"Miễn: còn 1 tháng đến tuổi nghỉ hưu {RETIRE}"),
        ("M", dt.date(1964, 3, 20), f"Miễn: đã đủ tuổi nghỉ hưu {RETIRE}"),
        ("M", dt.date(1964, 10, 1), f"Miễn: còn dưới 1 tháng đến tuổi nghỉ hưu {RETIRE}"),
    ],
)
def test_people_close_to_retirement_age_are_exempt_with_the_months_left(gender, birth, reason):
    rules = EligibilityRules(retirement_window_months=6)
    decision = decide(facts(gender=gender, birth_date=birth), rules, ON)
    assert (decision.outcome, decision.reason) == (Outcome.EXEMPT, reason)


def test_retirement_counts_the_2025_age_for_a_2025_plan():
    rules = EligibilityRules(retirement_window_months=6)
    # Women retiring in 2025 are 56 years 8 months: born 10/12/1968 → 10/08/2025.
    decision = decide(
        facts(gender="F", birth_date=dt.date(1968, 12, 10)), rules, dt.date(2025, 6, 1)
    )
    assert decision.reason == f"Miễn: còn 2 tháng đến tuổi nghỉ hưu {RETIRE}"
    # Men retiring in 2025 are 61 years 3 months: born 01/01/1964 → 01/04/2025, already past.
    decision = decide(facts(birth_date=dt.date(1964, 1, 1)), rules, dt.date(2025, 6, 1))
    assert decision.reason == f"Miễn: đã đủ tuổi nghỉ hưu {RETIRE}"


def test_retirement_beyond_the_window_is_not_an_exemption():
    # A man born 10/07/1965 retires in 2027 at 61 years 9 months: 10/04/2027, 13 months away.
    decision = decide(
        facts(birth_date=dt.date(1965, 7, 10)), EligibilityRules(retirement_window_months=12), ON
    )
    assert decision.outcome == Outcome.INCLUDED
    # With no window set, nobody is exempt for age.
    decision = decide(facts(birth_date=dt.date(1965, 1, 20)), EligibilityRules(), ON)
    assert decision.outcome == Outcome.INCLUDED


def test_newly_recruited_are_exempt_with_the_date_and_months():
    rules = EligibilityRules(recruited_within_months=12)
    decision = decide(facts(hired_on=dt.date(2025, 12, 1)), rules, ON)
    assert (decision.outcome, decision.reason) == (
        Outcome.EXEMPT,
        "Miễn: mới tuyển dụng ngày 01/12/2025 (3 tháng, dưới 12 tháng)",
    )
    assert decide(facts(hired_on=dt.date(2025, 3, 2)), rules, ON).outcome == Outcome.INCLUDED


def test_too_few_years_of_service_is_ineligible():
    rules = EligibilityRules(min_service_years=5)
    decision = decide(facts(hired_on=dt.date(2023, 5, 1)), rules, ON)
    assert (decision.outcome, decision.reason) == (
        Outcome.INELIGIBLE,
        "Không thuộc diện: mới công tác 2 năm, kế hoạch áp dụng từ 5 năm",
    )
    assert decide(facts(hired_on=dt.date(2021, 3, 2)), rules, ON).outcome == Outcome.INCLUDED
    decision = decide(facts(hired_on=None), rules, ON)
    assert decision.reason == "Không thuộc diện: chưa có ngày tuyển dụng để tính số năm công tác"


def test_block_level_rank_and_position_filters_say_what_they_want():
    cases = [
        (
            EligibilityRules(blocks=frozenset({"party"})),
            facts(block="state"),
            "Không thuộc diện: Khối Chính quyền, kế hoạch áp dụng cho Khối Đảng",
        ),
        (
            EligibilityRules(blocks=frozenset({"party"})),
            facts(block=""),
            "Không thuộc diện: đơn vị chưa xác định khối",
        ),
        (
            EligibilityRules(levels=frozenset({"tinh"})),
            facts(level="xa"),
            "Không thuộc diện: đơn vị cấp xã, kế hoạch áp dụng cho cấp tỉnh",
        ),
        (
            EligibilityRules(rank_codes=frozenset({"01.003", "01.002"})),
            facts(rank_code="01.004"),
            "Không thuộc diện: ngạch 01.004, kế hoạch áp dụng cho ngạch 01.002, 01.003",
        ),
        (
            EligibilityRules(rank_codes=frozenset({"01.003"})),
            facts(rank_code=""),
            "Không thuộc diện: chưa có ngạch, kế hoạch áp dụng cho ngạch 01.003",
        ),
        (
            EligibilityRules(position_codes=frozenset({"KT"})),
            facts(position_code="TCCB"),
            "Không thuộc diện: vị trí việc làm TCCB, kế hoạch áp dụng cho KT",
        ),
        (
            EligibilityRules(include_leaders=False),
            facts(is_leader=True),
            "Không thuộc diện: lãnh đạo, quản lý (kế hoạch không áp dụng cho lãnh đạo)",
        ),
    ]
    for rules, person, reason in cases:
        decision = decide(person, rules, ON)
        assert (decision.outcome, decision.reason) == (Outcome.INELIGIBLE, reason)


def test_ineligibility_is_decided_before_exemption():
    rules = EligibilityRules(blocks=frozenset({"party"}), retirement_window_months=12)
    decision = decide(facts(block="state", birth_date=dt.date(1965, 1, 20)), rules, ON)
    assert decision.outcome == Outcome.INELIGIBLE


def test_decisions_by_hand_win_over_the_rules_and_keep_their_reason():
    rules = EligibilityRules(blocks=frozenset({"party"}))
    added = decide(facts(block="state"), rules, ON, Override("add", "Biệt phái về Ban Tổ chức"))
    assert (added.outcome, added.reason, added.manual) == (
        Outcome.INCLUDED,
        "Bổ sung: Biệt phái về Ban Tổ chức",
        True,
    )
    removed = decide(facts(), rules, ON, Override("remove", "Đã có quyết định nghỉ việc"))
    assert (removed.outcome, removed.reason) == (
        Outcome.REMOVED,
        "Đưa ra khỏi danh sách: Đã có quyết định nghỉ việc",
    )
    sick = decide(
        facts(), rules, ON, Override("exempt", "Từ 01/01/2026 đến 30/06/2026", "sick_leave")
    )
    assert (sick.outcome, sick.reason) == (
        Outcome.EXEMPT,
        "Miễn: nghỉ ốm dài ngày — Từ 01/01/2026 đến 30/06/2026",
    )
    maternity = decide(facts(), rules, ON, Override("exempt", "Sinh con 02/2026", "maternity"))
    assert maternity.reason == "Miễn: nghỉ thai sản — Sinh con 02/2026"
    other = decide(facts(), rules, ON, Override("exempt", "Đi học tập trung dài hạn", "other"))
    assert other.reason == "Miễn: Đi học tập trung dài hạn"


def test_decide_all_keeps_the_order_given():
    people = [facts(id=3), facts(id=1, block="state"), facts(id=2)]
    rules = EligibilityRules(blocks=frozenset({"party"}))
    assert [(d.person_id, d.outcome) for d in decide_all(people, rules, ON)] == [
        (3, Outcome.INCLUDED),
        (1, Outcome.INELIGIBLE),
        (2, Outcome.INCLUDED),
    ]
