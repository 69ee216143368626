"""NĐ 90/2020 criteria in the workflow (recorded at the proposal; no decision above the level
they allow, refused naming the numbers and the article), months worked (under 6: "không xếp
loại", outside the quota and the counts), and the quota exception for outstanding units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from sathach.accounts.constants import Role
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_person, make_user
from sathach.evaluation import selectors, services
from sathach.evaluation.constants import State
from sathach.evaluation.models import AnnualEvaluation, QuotaException

from .conftest import ND90_YEAR, ND335_YEAR, decided, events, to_proposed

pytestmark = pytest.mark.django_db
D = Decimal
ART8 = "NĐ 90/2020/NĐ-CP, Điều 8 khoản 1 điểm b"
MONTHS_CITE = "NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP)"


def refusal(exc_info) -> str:
    return exc_info.value.message


def criteria(done="100", exceeding="50") -> dict:
    return {"tasks_done_percent": D(done), "tasks_exceeding_percent": D(exceeding)}


def leader_criteria(met="100", exceeded="50", units=10, completed=10, good=7) -> dict:
    return {
        "unit_targets_met_percent": D(met),
        "unit_targets_exceeded_percent": D(exceeded),
        "managed_units": units,
        "managed_units_completed": completed,
        "managed_units_good": good,
    }


# --- NĐ 90/2020 criteria ----------------------------------------------------------------------


def test_a_decision_above_the_criteria_is_refused_naming_the_numbers_and_the_article(
    hr_a, staff, room_for_htxs
):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="htt", **criteria("100", "40"))
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    assert refusal(exc) == (
        "Chỉ được xếp tối đa Hoàn thành tốt nhiệm vụ: 40% nhiệm vụ vượt mức, cần ít nhất 50% "
        f"({ART8})."
    )
    assert exc.value.code == "criteria" and "ít nhất 50%" in exc.value.basis
    evaluation.refresh_from_db()
    assert evaluation.state == State.PROPOSED and evaluation.level == ""  # nothing written


@pytest.mark.parametrize(("exceeding", "allowed"), [("50", "htxs"), ("49", "htt")])
def test_the_decision_at_the_allowed_level_is_stored_with_it(
    hr_a, staff, room_for_htxs, exceeding, allowed
):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level=allowed,
                             **criteria("100", exceeding))  # fmt: skip
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level=allowed)
    assert (result.level, result.allowed_level, result.computed_level) == (allowed, allowed, "")
    [event] = events("evaluation.decide")
    assert event.data["allowed_level"] == allowed
    assert event.data["tasks_exceeding_percent"] == f"{exceeding}.00"


def test_a_level_below_the_allowed_one_is_the_competent_persons_choice(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="ht", **criteria())
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="ht")
    assert (result.level, result.allowed_level, result.override_reason) == ("ht", "htxs", "")


def test_the_proposal_above_the_criteria_is_refused_too(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        to_proposed(hr_a, staff["an"], ND90_YEAR, level="htt", **criteria("95", "50"))
    assert refusal(exc) == (
        "Chỉ được xếp tối đa Hoàn thành nhiệm vụ: 95% nhiệm vụ hoàn thành đúng tiến độ, bảo đảm "
        "chất lượng, cần 100% (NĐ 90/2020/NĐ-CP, Điều 9 khoản 1 điểm b)."
    )


def test_more_than_half_unfinished_allows_only_kht(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="kht", **criteria("49", "0"))
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="ht")
    assert refusal(exc).startswith(
        "Chỉ được xếp tối đa Không hoàn thành nhiệm vụ: 51% nhiệm vụ, chỉ tiêu chưa hoàn thành, "
        "quá 50% (NĐ 90/2020/NĐ-CP, Điều 11 khoản 1)."
    )
    assert services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="kht").level


@pytest.mark.parametrize(("good", "ok"), [(70, True), (69, False)], ids=["70%", "69%"])
def test_leader_htt_needs_70_percent_of_managed_units_good(hr_a, staff, good, ok):
    evaluation = to_proposed(
        hr_a, staff["dung"], ND90_YEAR, level="ht",
        **leader_criteria(met="80", exceeded="0", units=100, completed=100, good=good),
    )  # fmt: skip
    if ok:
        result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
        assert result.allowed_level == "htt"
        return
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
    assert refusal(exc) == (
        "Chỉ được xếp tối đa Hoàn thành nhiệm vụ: 69/100 đơn vị trực thuộc (69%) hoàn thành tốt "
        "hoặc xuất sắc nhiệm vụ, cần ít nhất 70% (NĐ 90/2020/NĐ-CP, Điều 8 khoản 2 và Điều 9 "
        "khoản 2)."
    )


@pytest.mark.parametrize(("met", "allowed"), [("80", "htt"), ("79", "ht")])
def test_leader_htt_needs_80_percent_of_the_targets(hr_a, staff, met, allowed):
    evaluation = to_proposed(hr_a, staff["dung"], ND90_YEAR, level="ht",
                             **leader_criteria(met=met, exceeded="0"))  # fmt: skip
    assert evaluation.allowed_level == ""  # stored at the decision only
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level=allowed)
    assert result.allowed_level == allowed


def test_leader_htxs_with_all_targets_half_exceeded_and_units(hr_a, staff, room_for_htxs):
    evaluation = to_proposed(hr_a, staff["dung"], ND90_YEAR, level="htxs",
                             **leader_criteria(), **criteria())  # fmt: skip
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    assert result.allowed_level == "htxs"


@pytest.mark.parametrize(
    ("person", "kw", "message"),
    [
        ("an", {"tasks_done_percent": D(100)},
         "Phải nhập cả tỷ lệ nhiệm vụ hoàn thành và tỷ lệ nhiệm vụ vượt mức."),
        ("an", criteria("60", "70"),
         "Tỷ lệ nhiệm vụ vượt mức không được lớn hơn tỷ lệ nhiệm vụ hoàn thành."),
        ("an", criteria("100.5", "0"),
         "Tỷ lệ nhiệm vụ hoàn thành phải từ 0 đến 100, tối đa 2 chữ số thập phân."),
        ("an", leader_criteria(),
         "Chỉ công chức lãnh đạo, quản lý mới có chỉ tiêu của đơn vị và đơn vị trực thuộc."),
        ("dung", {"unit_targets_met_percent": D(90)},
         "Lãnh đạo, quản lý: phải nhập đủ tỷ lệ chỉ tiêu hoàn thành, tỷ lệ vượt mức và số đơn vị "
         "trực thuộc (ghi 0 nếu không có)."),
        ("dung", leader_criteria(units=5, completed=6, good=1),
         "Số đơn vị trực thuộc hoàn thành tốt, xuất sắc không được lớn hơn số hoàn thành nhiệm vụ "
         "trở lên, và số này không được lớn hơn tổng số đơn vị."),
    ],
    ids=["pair", "exceeding>done", "over 100", "not leader", "incomplete", "units"],
)  # fmt: skip
def test_bad_criteria_inputs_are_refused_and_nothing_is_written(hr_a, staff, person, kw, message):
    with pytest.raises(ServiceError) as exc:
        to_proposed(hr_a, staff[person], ND90_YEAR, level="ht", **kw)
    assert refusal(exc) == message
    evaluation = AnnualEvaluation.objects.get(person=staff[person])
    assert evaluation.state == State.COMMENTED and evaluation.tasks_done_percent is None


def test_criteria_inputs_are_refused_under_nd335(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        to_proposed(hr_a, staff["an"], ND335_YEAR, general=D(20), **criteria())
    assert refusal(exc) == (
        "Bộ quy tắc ND335-2025@2 không xếp loại theo tiêu chí của NĐ 90/2020 (tỷ lệ nhiệm vụ, "
        "chỉ tiêu); bỏ trống các ô này."
    )


# --- Months worked: under 6, reviewed but not rated ----------------------------------------


def test_under_6_months_a_level_is_refused_and_not_rated_is_recorded(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        to_proposed(hr_a, staff["an"], ND90_YEAR, level="htt", months_worked=5)
    expected = (
        "Công tác 5 tháng trong năm 2025, dưới 6 tháng: chỉ nhận xét, đánh giá, không xếp loại "
        f"chất lượng ({MONTHS_CITE})."
    )
    assert refusal(exc) == expected
    evaluation = services.evaluation_propose(
        actor=hr_a,
        evaluation=AnnualEvaluation.objects.get(person=staff["an"]),
        level="",
        months_worked=5,
    )
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="ht")
    assert refusal(exc) == expected and exc.value.code == "not_rated"
    result = services.evaluation_not_rate(actor=hr_a, evaluation=evaluation, decision_ref="QĐ 9")
    assert (result.state, result.level, result.decision_ref) == (State.NOT_RATED, "", "QĐ 9")
    [event] = events("evaluation.not_rated")
    assert event.data["months_worked"] == 5 and event.data["min_months"] == 6
    assert event.profile == "ND90-2020@2"


def test_6_months_is_rated_and_cannot_be_recorded_not_rated(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="ht", months_worked=6)
    with pytest.raises(ServiceError) as exc:
        services.evaluation_not_rate(actor=hr_a, evaluation=evaluation)
    assert refusal(exc) == (
        "Chỉ không xếp loại khi công tác dưới 6 tháng trong năm (số tháng đã ghi ở bước đề xuất: "
        "6)."
    )
    assert services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="ht").level == "ht"


def test_a_full_year_needs_a_proposed_level(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        to_proposed(hr_a, staff["an"], ND90_YEAR, level="")
    assert exc.value.code == "bad_level"


def test_months_off_0_to_12_are_refused(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        to_proposed(hr_a, staff["an"], ND90_YEAR, level="ht", months_worked=13)
    assert refusal(exc) == "Số tháng công tác trong năm phải từ 0 đến 12."


def test_a_not_rated_evaluation_can_be_proposed_again_with_corrected_months(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], ND335_YEAR, level="", months_worked=4)
    services.evaluation_not_rate(actor=hr_a, evaluation=evaluation)
    evaluation = services.evaluation_propose(
        actor=hr_a, evaluation=evaluation, level="ht", months_worked=7
    )
    assert evaluation.state == State.PROPOSED and evaluation.months_worked == 7


def test_not_rated_people_are_outside_the_quota_and_the_level_counts(
    hr_a, staff, province, organiser
):
    decided(hr_a, staff["an"], "htt")
    evaluation = to_proposed(hr_a, staff["binh"], ND90_YEAR, level="", months_worked=3)
    services.evaluation_not_rate(actor=hr_a, evaluation=evaluation)
    [group] = selectors.quota_groups(user=hr_a, unit=province.unit_a, year=ND90_YEAR)
    assert (group.check.excellent, group.check.good) == (0, 1)
    [row] = selectors.distribution(user=organiser, unit=province.root, years=[ND90_YEAR])
    assert (row.total, row.counts["htt"], row.not_rated) == (1, 1, 1)
    assert AnnualEvaluation.objects.get(pk=evaluation.pk).get_state_display() == (
        "Không xếp loại (công tác dưới 6 tháng)"
    )


# --- Quota exception for outstanding units --------------------------------------------------


@pytest.fixture
def ten_htt(hr_a, province):
    """Ten people of unit A decided HTT in 2025, two HTXS (the 20% cap), two more proposed."""
    people = [make_person(f"Q{i:03d}", f"Người Thứ {i}", province.unit_a) for i in range(14)]
    for person in people[:10]:
        decided(hr_a, person, "htt")
    for person in people[10:12]:
        decided(hr_a, person, "htxs")
    return [to_proposed(hr_a, person, ND90_YEAR, level="htxs") for person in people[12:]]


def grant(actor, unit, cap="30", ref="QĐ 15/QĐ-UBND"):
    return services.quota_exception_grant(
        actor=actor,
        unit=unit,
        year=ND90_YEAR,
        cap_percent=None if cap is None else D(cap),
        decision_ref=ref,
        basis="  Đơn vị dẫn đầu khối thi đua  ",
    )


def test_without_an_exception_the_third_htxs_is_refused(hr_a, ten_htt):
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=ten_htt[0], level="htxs")
    assert exc.value.code == "quota"


def test_a_higher_cap_admits_up_to_it_and_the_refusal_says_the_exception_applies(
    hr_a, organiser, province, ten_htt
):
    exception = grant(organiser, province.unit_a, "30")
    assert exception.basis == "Đơn vị dẫn đầu khối thi đua" and exception.granted_by == organiser
    services.evaluation_decide(actor=hr_a, evaluation=ten_htt[0], level="htxs")
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=ten_htt[1], level="htxs")
    assert refusal(exc) == (
        "Vượt tỷ lệ: 4 người Hoàn thành xuất sắc nhiệm vụ trên 10 người Hoàn thành tốt nhiệm vụ "
        "(tối đa 30% = 3). Đã áp dụng ngoại lệ cho đơn vị có thành tích nổi trội (QĐ 15/QĐ-UBND)."
    )
    [group] = selectors.quota_groups(user=hr_a, unit=province.unit_a, year=ND90_YEAR)
    assert (group.exception, group.check.maximum, group.check.ok) == ("QĐ 15/QĐ-UBND", 3, True)
    [event] = events("evaluation.quota_exception_grant")
    assert event.data["cap_percent"] == "30" and event.data["unit"] == "BTC"
    assert events("evaluation.decide")[-1].data["quota_exception"] == "QĐ 15/QĐ-UBND"


def test_no_cap_admits_every_htxs(hr_a, organiser, province, ten_htt):
    grant(organiser, province.unit_a, None)
    for evaluation in ten_htt:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    [group] = selectors.quota_groups(user=hr_a, unit=province.unit_a, year=ND90_YEAR)
    assert (group.check.excellent, group.check.capped, group.check.ok) == (4, False, True)
    [row] = selectors.distribution(user=organiser, unit=province.root, years=[ND90_YEAR])
    assert row.failing == []


def test_the_exception_is_per_unit(hr_b, organiser, province, staff):
    grant(organiser, province.unit_a, None)
    evaluation = to_proposed(hr_b, staff["em"], ND90_YEAR, level="htxs")
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_b, evaluation=evaluation, level="htxs")
    assert "ngoại lệ" not in refusal(exc)


def test_unit_hr_cannot_lift_their_own_cap(hr_a, province):
    with pytest.raises(PermissionDeniedError) as exc:
        grant(hr_a, province.unit_a)
    assert refusal(exc) == (
        "Chỉ cán bộ Ban Tổ chức / Sở Nội vụ phụ trách đơn vị “BTC” được ghi ngoại lệ tỷ lệ Hoàn "
        "thành xuất sắc nhiệm vụ."
    )
    assert not QuotaException.objects.exists()


@pytest.mark.parametrize(("cap", "ref"), [("20", "QĐ 1"), ("30", "  ")])
def test_a_cap_not_above_the_profiles_or_without_a_decision_is_refused(
    organiser, province, cap, ref
):
    with pytest.raises(ServiceError) as exc:
        grant(organiser, province.unit_a, cap, ref)
    assert refusal(exc) in (
        "Tỷ lệ ngoại lệ phải cao hơn tỷ lệ chung 20% (để trống: không giới hạn).",
        "Phải ghi số quyết định và căn cứ (thành tích nổi trội) của ngoại lệ.",
    )


def test_revoking_an_exception_the_decided_ratings_need_is_refused(
    hr_a, organiser, province, ten_htt
):
    exception = grant(organiser, province.unit_a, "30")
    services.evaluation_decide(actor=hr_a, evaluation=ten_htt[0], level="htxs")
    with pytest.raises(ServiceError) as exc:
        services.quota_exception_revoke(actor=organiser, exception=exception, reason="Thu hồi")
    assert refusal(exc).startswith("Vượt tỷ lệ: 3 người")
    services.evaluation_decide(actor=hr_a, evaluation=ten_htt[0], level="htt")
    services.quota_exception_revoke(actor=organiser, exception=exception, reason="Thu hồi")
    assert not QuotaException.objects.exists()
    assert events("evaluation.quota_exception_revoke")[0].data["reason"] == "Thu hồi"


# --- Pages ----------------------------------------------------------------------------------


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_detail_page_shows_the_allowed_level_and_the_reasons(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="htt", **criteria("100", "40"))
    html = client_for(hr_a).get(f"/danh-gia/phieu/{evaluation.pk}/").content.decode()
    assert "Mức cao nhất theo tiêu chí NĐ 90/2020" in html
    assert "40% nhiệm vụ vượt mức, cần ít nhất 50%" in html and ART8 in html


def test_the_pages_propose_with_criteria_and_record_not_rated(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="ht")
    client = client_for(hr_a)
    base = f"/danh-gia/phieu/{evaluation.pk}"
    client.post(f"{base}/de-xuat/", {"level": "htt", "tasks_done_percent": "100",
                                     "tasks_exceeding_percent": "20"})  # fmt: skip
    evaluation.refresh_from_db()
    assert evaluation.tasks_exceeding_percent == 20 and evaluation.proposed_level == "htt"
    client.post(f"{base}/de-xuat/", {"level": "", "months_worked": "5"})
    html = client.get(f"{base}/").content.decode()
    assert "Ghi không xếp loại" in html and "Ghi quyết định" not in html
    client.post(f"{base}/khong-xep-loai/", {"decision_ref": "QĐ 3"})
    evaluation.refresh_from_db()
    assert evaluation.state == State.NOT_RATED
    listing = client.get(f"/danh-gia/?year={ND90_YEAR}").content.decode()
    assert listing.count("Không xếp loại (công tác dưới 6 tháng)") == 2  # step and level


def test_the_exceptions_page_grants_for_the_organiser_only(organiser, hr_a, province):
    page = client_for(hr_a).get("/danh-gia/ngoai-le-ty-le/").content.decode()
    assert "Chưa có ngoại lệ nào." in page and "Ghi ngoại lệ" not in page
    assert client_for(hr_a).post(
        "/danh-gia/ngoai-le-ty-le/ghi/",
        {"unit": "BTC", "year": ND90_YEAR, "decision_ref": "QĐ 1", "basis": "x"},
    ).status_code == 403  # fmt: skip
    client = client_for(organiser)
    response = client.post(
        "/danh-gia/ngoai-le-ty-le/ghi/",
        {"unit": "BTC", "year": ND90_YEAR, "cap_percent": "", "decision_ref": "QĐ 7/QĐ-UBND",
         "basis": "Dẫn đầu khối thi đua"},
    )  # fmt: skip
    assert response.status_code == 302
    exception = QuotaException.objects.get()
    assert exception.cap_percent is None
    html = client.get("/danh-gia/ngoai-le-ty-le/?unit=BTC").content.decode()
    assert "QĐ 7/QĐ-UBND" in html and "Không giới hạn" in html
    client.post(f"/danh-gia/ngoai-le-ty-le/{exception.pk}/bo/", {"reason": "Nhầm", "unit": "BTC"})
    assert not QuotaException.objects.exists()


def test_the_exceptions_page_is_404_for_other_roles(province):
    user = make_user("giamthi", Role.PROCTOR, province.root)
    assert client_for(user).get("/danh-gia/ngoai-le-ty-le/").status_code == 404


def test_the_report_counts_the_not_rated_apart_on_the_page_and_in_the_export(
    hr_a, staff, province, organiser
):
    import io

    from openpyxl import load_workbook

    decided(hr_a, staff["an"], "htt")
    evaluation = to_proposed(hr_a, staff["binh"], ND90_YEAR, level="", months_worked=3)
    services.evaluation_not_rate(actor=hr_a, evaluation=evaluation)
    client = Client()
    client.force_login(organiser)
    query = f"unit={province.root.code}&tu={ND90_YEAR}&den={ND90_YEAR}"
    html = client.get(f"/danh-gia/bao-cao/?{query}").content.decode()
    assert "Không xếp loại (dưới 6 tháng)" in html
    sheet = load_workbook(io.BytesIO(client.get(f"/danh-gia/bao-cao.xlsx?{query}").content)).active
    header = [sheet.cell(6, c).value for c in range(1, sheet.max_column + 1)]
    row = [sheet.cell(7, c).value for c in range(1, sheet.max_column + 1)]
    assert row[0] == ND90_YEAR and row[1] == 1  # one rated (HTT); the not-rated are apart
    assert row[header.index("Không xếp loại")] == 1
