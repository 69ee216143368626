"""Streamlining reviews on the database: the list by ground with the legal ground and the data,
deferrals and the dismissal route apart, human decisions (never automatic), the export."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.evaluation import selectors, services
from sathach.evaluation.models import StreamliningCase

from .conftest import events, imported

pytestmark = pytest.mark.django_db
REVIEW_DAY = dt.date(2025, 12, 20)


rate = imported


@pytest.fixture
def review(organiser, province):
    return services.review_create(
        actor=organiser, unit=province.root, year=2025, reviewed_on=REVIEW_DAY
    )


@pytest.fixture
def history(staff, organiser):
    """An: KHT 2025 (a candidate). Bình: KHT 2024 and 2025 (the dismissal route). Cường:
    lacks the training level. Dũng: HT both years (nobody). Em: KHT 2025 and pregnant
    (deferred). Giang: surplus from restructuring."""
    rate(staff["an"], 2024, "htt")
    rate(staff["an"], 2025, "kht")
    rate(staff["binh"], 2024, "kht")
    rate(staff["binh"], 2025, "kht")
    rate(staff["dung"], 2024, "ht")
    rate(staff["dung"], 2025, "ht")
    rate(staff["em"], 2025, "kht")
    services.qualification_gap_record(
        actor=organiser,
        person=staff["cuong"],
        required_level="Đại học",
        actual_level="Trung cấp",
        recorded_on=dt.date(2025, 3, 1),
        retraining_possible=False,
        other_post_available=False,
    )
    services.circumstance_record(
        actor=organiser, person=staff["em"], kind="pregnancy", starts_on=dt.date(2025, 9, 1)
    )
    services.surplus_record_add(
        actor=organiser,
        person=staff["giang"],
        kind="restructuring",
        decision_ref="Quyết định số 12/QĐ-UBND",
        decided_on=dt.date(2025, 7, 1),
    )
    return staff


def codes(people) -> list[str]:
    return [p.person.code for p in people]


def test_the_review_takes_the_profile_in_force_on_its_date(review):
    assert review.profile == "ND154-2025@1"
    [event] = events("evaluation.streamlining_review_create")
    assert event.profile == "ND154-2025@1"


def test_a_past_review_can_choose_nd29(organiser, province):
    review = services.review_create(
        actor=organiser, unit=province.root, year=2024, reviewed_on=dt.date(2024, 12, 1)
    )
    assert review.profile == "ND29-2023@1"


def test_the_same_review_twice_is_refused(organiser, province, review):
    with pytest.raises(ServiceError) as exc:
        services.review_create(
            actor=organiser, unit=province.root, year=2025, reviewed_on=REVIEW_DAY
        )
    assert exc.value.message == (
        "Đã có đợt xét tinh giản năm 2025 của đơn vị “NA” theo ND154-2025@1."
    )


def test_the_list_puts_each_person_in_one_section_with_the_ground_cited(organiser, review, history):
    listing = selectors.review_listing(user=organiser, review=review)
    assert codes(listing.sections["candidate"]) == ["CC001", "CC003", "CC006"]
    assert codes(listing.sections["deferred"]) == ["CC005"]
    assert codes(listing.sections["dismissal"]) == ["CC002"]
    by_ground = listing.by_ground()
    assert codes(by_ground["ground_kht_one_year"]) == ["CC001"]
    assert codes(by_ground["ground_qualification_gap"]) == ["CC003"]
    assert codes(by_ground["ground_surplus_restructuring"]) == ["CC006"]
    [an] = by_ground["ground_kht_one_year"]
    [ground] = an.assessment.grounds
    assert ground.basis.startswith("NĐ 154/2025/NĐ-CP, Điều 2, khoản 1")
    assert ground.data == "Năm 2025: Không hoàn thành nhiệm vụ."


def test_two_consecutive_kht_years_are_never_listed_as_streamlining(organiser, review, history):
    listing = selectors.review_listing(user=organiser, review=review)
    for people in listing.by_ground().values():
        assert "CC002" not in codes(people)
    [binh] = listing.sections["dismissal"]
    assert "thôi việc" in binh.assessment.dismissal.basis


def test_nothing_is_decided_automatically(organiser, review, history):
    selectors.review_listing(user=organiser, review=review)
    assert not StreamliningCase.objects.exists()


def test_a_candidate_is_proposed_with_a_reason_and_the_grounds_are_kept(organiser, review, history):
    case = services.case_decide(
        actor=organiser,
        review=review,
        person=history["an"],
        decision="propose",
        reason="Không bố trí được việc làm khác",
    )
    assert (case.section, case.decision, case.decided_by) == ("candidate", "propose", organiser)
    assert case.grounds[0]["key"] == "ground_kht_one_year"
    assert case.grounds[0]["data"] == "Năm 2025: Không hoàn thành nhiệm vụ."
    [event] = events("evaluation.streamlining_decide")
    assert event.data["decision"] == "propose" and event.profile == "ND154-2025@1"


def test_a_decision_can_be_changed_and_each_change_is_audited(organiser, review, history):
    for decision in ("propose", "not_propose"):
        services.case_decide(
            actor=organiser, review=review, person=history["an"], decision=decision, reason="x"
        )
    assert StreamliningCase.objects.get().decision == "not_propose"
    assert len(events("evaluation.streamlining_decide")) == 2


def test_proposing_someone_on_the_dismissal_route_is_refused(organiser, review, history):
    with pytest.raises(ServiceError) as exc:
        services.case_decide(
            actor=organiser, review=review, person=history["binh"], decision="propose", reason="x"
        )
    assert exc.value.message == (
        "Công chức “CC002” có 02 năm liên tiếp không hoàn thành nhiệm vụ: giải quyết thôi việc "
        "theo Luật Cán bộ, công chức, không đề xuất tinh giản biên chế."
    )
    case = services.case_decide(
        actor=organiser,
        review=review,
        person=history["binh"],
        decision="not_propose",
        reason="Chuyển giải quyết thôi việc",
    )
    assert case.section == "dismissal"


def test_proposing_a_deferred_person_is_refused(organiser, review, history):
    with pytest.raises(ServiceError) as exc:
        services.case_decide(
            actor=organiser, review=review, person=history["em"], decision="propose", reason="x"
        )
    assert exc.value.message == (
        "Công chức “CC005” thuộc diện chưa xem xét tinh giản biên chế: Đang mang thai (từ ngày "
        "01/09/2025)."
    )


def test_a_person_not_listed_cannot_be_decided(organiser, review, history):
    with pytest.raises(ServiceError) as exc:
        services.case_decide(
            actor=organiser, review=review, person=history["dung"], decision="propose", reason="x"
        )
    assert exc.value.message == "Công chức “CC004” không thuộc danh sách xét của đợt này."


def test_a_reason_is_required(organiser, review, history):
    with pytest.raises(ServiceError) as exc:
        services.case_decide(
            actor=organiser, review=review, person=history["an"], decision="propose", reason=" "
        )
    assert exc.value.message == "Phải ghi lý do."


def test_unit_hr_of_another_unit_cannot_decide(hr_b, review, history):
    with pytest.raises(PermissionDeniedError):
        services.case_decide(
            actor=hr_b, review=review, person=history["an"], decision="propose", reason="x"
        )


def test_unit_hr_sees_only_their_subtree_in_the_list(hr_a, organiser, province, history):
    review = services.review_create(
        actor=hr_a, unit=province.unit_a, year=2025, reviewed_on=REVIEW_DAY
    )
    listing = selectors.review_listing(user=hr_a, review=review)
    listed = {p.person.code for p in listing.rows()}
    assert listed == {"CC001", "CC002", "CC003"}


def test_the_export_has_the_title_rows_and_the_columns_organisers_file(organiser, review, history):
    services.case_decide(
        actor=organiser, review=review, person=history["an"], decision="propose", reason="Đủ"
    )
    data = services.review_export_xlsx(actor=organiser, review=review)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.cell(1, 5).value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet.cell(4, 1).value == "DANH SÁCH XÉT TINH GIẢN BIÊN CHẾ NĂM 2025"
    assert [sheet.cell(6, c).value for c in range(1, 9)] == [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Chức vụ/đơn vị",
        "Căn cứ (điều, khoản)",
        "Dữ liệu",
        "Đề xuất",
        "Lý do",
    ]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=7)]
    texts = [r[0] for r in rows if isinstance(r[0], str)]
    assert texts[0] == "I. Dôi dư do sắp xếp tổ chức bộ máy"
    assert "Chưa xem xét tinh giản biên chế" in texts[-2]
    assert texts[-1].startswith("VI") and "Giải quyết thôi việc" in texts[-1]
    an = next(r for r in rows if r[1] == "Lê Thị An")
    assert an[2] == "17/05/1985"
    assert an[4].startswith("Không hoàn thành nhiệm vụ (01 năm): NĐ 154/2025/NĐ-CP, Điều 2")
    assert an[5] == "Năm 2025: Không hoàn thành nhiệm vụ."
    assert (an[6], an[7]) == ("Đề xuất tinh giản", "Đủ")
    binh = next(r for r in rows if r[1] == "Nguyễn Văn Bình")
    assert "thôi việc" in binh[4] and binh[6] == "Chưa quyết định"
    [event] = events("evaluation.streamlining_export")
    assert event.data == {"candidate": 3, "deferred": 1, "dismissal": 1}


def test_facts_are_audited(history):
    assert len(events("evaluation.qualification_gap_record")) == 1
    assert len(events("evaluation.circumstance_record")) == 1
    assert len(events("evaluation.surplus_record_add")) == 1


def test_a_young_child_circumstance_needs_the_birth_date(organiser, staff):
    with pytest.raises(ServiceError) as exc:
        services.circumstance_record(
            actor=organiser, person=staff["an"], kind="young_child", starts_on=dt.date(2025, 1, 1)
        )
    assert exc.value.message == "Phải ghi ngày sinh của con."
