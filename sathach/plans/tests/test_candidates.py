"""The candidate list: computed from the rules, adjusted by hand with a reason, exported."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_person, make_user
from sathach.plans.constants import CandidateStatus, Outcome
from sathach.plans.models import Candidate
from sathach.plans.services import (
    EXPORT_HEADERS,
    candidates_compute,
    candidates_export_xlsx,
    candidates_generate,
    plan_candidate_add,
    plan_candidate_exempt,
    plan_candidate_remove,
    plan_rules_set,
)
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db

RETIRE = "(Bộ luật Lao động 2019, Điều 169)"


@pytest.fixture
def plan(province, staff, organiser):
    return make_plan(
        "DEMO",
        [province.root],
        actor=organiser,
        retirement_window_months=12,
        recruited_within_months=12,
    )


def _rows(plan):
    return [
        (c.person.code, c.number, c.status, c.reason)
        for c in Candidate.objects.filter(plan=plan).order_by("person__sort_key")
    ]


def test_compute_gives_everyone_in_scope_an_outcome_and_a_reason(plan, staff):
    computed = {c.person.code: (c.outcome, c.reason) for c in candidates_compute(plan=plan)}
    assert computed == {
        "CC001": (Outcome.INCLUDED, "Thuộc diện kiểm tra, sát hạch"),
        "CC002": (Outcome.INCLUDED, "Thuộc diện kiểm tra, sát hạch"),
        "CC003": (Outcome.INCLUDED, "Thuộc diện kiểm tra, sát hạch"),
        "CC004": (Outcome.INCLUDED, "Thuộc diện kiểm tra, sát hạch"),
        "CC005": (Outcome.INCLUDED, "Thuộc diện kiểm tra, sát hạch"),
        "CC006": (Outcome.INCLUDED, "Thuộc diện kiểm tra, sát hạch"),
        "CC007": (Outcome.EXEMPT, f"Miễn: còn 4 tháng đến tuổi nghỉ hưu {RETIRE}"),
        "CC008": (Outcome.EXEMPT, "Miễn: mới tuyển dụng ngày 01/12/2025 (3 tháng, dưới 12 tháng)"),
    }
    assert not Candidate.objects.exists()  # computing writes nothing


def test_compute_reads_block_and_level_from_the_unit_tree(plan, organiser):
    plan_rules_set(actor=organiser, plan=plan, blocks=["party"], levels=["tinh"])
    computed = {c.person.code: (c.outcome, c.reason) for c in candidates_compute(plan=plan)}
    # A department has no block of its own here: it inherits the Party block of its agency.
    assert computed["CC001"][0] == Outcome.INCLUDED
    assert computed["CC004"] == (
        Outcome.INELIGIBLE,
        "Không thuộc diện: Khối Chính quyền, kế hoạch áp dụng cho Khối Đảng",
    )
    assert computed["CC006"] == (Outcome.INELIGIBLE, "Không thuộc diện: đơn vị chưa xác định khối")


def test_scope_limits_who_is_computed(province, staff):
    plan = make_plan("KHOI-DANG", [province.party])
    codes = {c.person.code for c in candidates_compute(plan=plan)}
    assert codes == {"CC001", "CC002", "CC003", "CC007", "CC008"}


def test_generate_numbers_the_included_in_vietnamese_name_order(plan, organiser):
    report = candidates_generate(actor=organiser, plan=plan)
    assert (report.included, report.exempt, report.ineligible, report.numbered) == (6, 2, 0, 6)
    assert [(code, number, status) for code, number, status, _ in _rows(plan)] == [
        ("CC001", "0001", CandidateStatus.INCLUDED),  # Lê Thị An
        ("CC002", "0002", CandidateStatus.INCLUDED),  # Nguyễn Văn Ánh
        ("CC003", "0003", CandidateStatus.INCLUDED),  # Trần Đức Bảo
        ("CC005", "0004", CandidateStatus.INCLUDED),  # Hoàng Thị Dung
        ("CC004", "0005", CandidateStatus.INCLUDED),  # Phạm Văn Đạt
        ("CC007", "", CandidateStatus.EXEMPT),  # Đặng Văn Hưu
        ("CC008", "", CandidateStatus.EXEMPT),  # Bùi Thị Mới
        ("CC006", "0006", CandidateStatus.INCLUDED),  # Vi Văn Xã
    ]
    event = AuditEvent.objects.get(action="plans.candidates_generate")
    assert event.profile == "TT22-2025@1" and event.data["included"] == 6


def test_regenerating_drops_the_newly_ineligible_and_keeps_numbers(plan, organiser):
    candidates_generate(actor=organiser, plan=plan)
    plan_rules_set(
        actor=organiser, plan=plan, blocks=["party", "state"], retirement_window_months=12
    )
    report = candidates_generate(actor=organiser, plan=plan)
    assert report.dropped == 1 and report.numbered == 1  # the commune out, Bùi Thị Mới in
    numbers = {code: number for code, number, _, _ in _rows(plan)}
    assert "CC006" not in numbers
    assert numbers["CC001"] == "0001" and numbers["CC008"] == "0007"  # never reused


def test_adding_by_hand_needs_a_reason_and_survives_regeneration(plan, organiser, province):
    candidates_generate(actor=organiser, plan=plan)
    with pytest.raises(ServiceError) as exc:
        plan_candidate_add(actor=organiser, plan=plan, person=_outsider(province), reason="  ")
    assert exc.value.message == "Hãy ghi lý do bổ sung người dự kiểm tra."
    row = plan_candidate_add(
        actor=organiser,
        plan=plan,
        person=Candidate.objects.get(plan=plan, person__code="CC007").person,
        reason="Tự nguyện đăng ký dự kiểm tra",
    )
    assert (row.status, row.number, row.reason, row.manual) == (
        CandidateStatus.INCLUDED,
        "0007",
        "Bổ sung: Tự nguyện đăng ký dự kiểm tra",
        True,
    )
    candidates_generate(actor=organiser, plan=plan)
    row.refresh_from_db()
    assert (row.status, row.number) == (CandidateStatus.INCLUDED, "0007")
    event = AuditEvent.objects.get(action="plans.candidate_add")
    assert event.data["reason"] == "Tự nguyện đăng ký dự kiểm tra"
    assert event.actor_username == "tochuc"


def _outsider(province):
    return make_person("CC099", "Ngô Văn Ngoài", province.unit_b)


def test_a_person_outside_the_scope_can_be_added_by_hand(province, staff, organiser):
    plan = make_plan("KHOI-DANG", [province.party], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    row = plan_candidate_add(
        actor=organiser, plan=plan, person=staff["dat"], reason="Biệt phái về Ban Tổ chức"
    )
    assert row.status == CandidateStatus.INCLUDED
    assert row.reason == "Bổ sung: Biệt phái về Ban Tổ chức"
    codes = {c.person.code for c in candidates_compute(plan=plan)}
    assert "CC004" in codes


def test_removing_by_hand_needs_a_reason_and_is_kept(plan, organiser, staff):
    candidates_generate(actor=organiser, plan=plan)
    with pytest.raises(ServiceError) as exc:
        plan_candidate_remove(actor=organiser, plan=plan, person=staff["an"], reason="")
    assert exc.value.message == "Hãy ghi lý do đưa ra khỏi danh sách."
    row = plan_candidate_remove(
        actor=organiser, plan=plan, person=staff["an"], reason="Chuyển công tác ngày 15/02/2026"
    )
    assert (row.status, row.number, row.reason) == (
        CandidateStatus.REMOVED,
        "0001",
        "Đưa ra khỏi danh sách: Chuyển công tác ngày 15/02/2026",
    )
    candidates_generate(actor=organiser, plan=plan)
    row.refresh_from_db()
    assert row.status == CandidateStatus.REMOVED
    assert AuditEvent.objects.filter(action="plans.candidate_remove").count() == 1


def test_long_sick_and_maternity_leave_are_recorded_by_hand(plan, organiser, staff):
    row = plan_candidate_exempt(
        actor=organiser,
        plan=plan,
        person=staff["an"],
        ground="maternity",
        reason="Nghỉ thai sản từ 01/02/2026 đến 31/07/2026",
    )
    assert (row.status, row.reason) == (
        CandidateStatus.EXEMPT,
        "Miễn: nghỉ thai sản — Nghỉ thai sản từ 01/02/2026 đến 31/07/2026",
    )
    row = plan_candidate_exempt(
        actor=organiser,
        plan=plan,
        person=staff["bao"],
        ground="sick_leave",
        reason="Điều trị dài ngày",
    )
    assert row.reason == "Miễn: nghỉ ốm dài ngày — Điều trị dài ngày"
    with pytest.raises(ServiceError) as exc:
        plan_candidate_exempt(
            actor=organiser, plan=plan, person=staff["bao"], ground="sick_leave", reason=""
        )
    assert exc.value.message == "Hãy ghi lý do miễn kiểm tra."


def test_only_a_draft_plan_regenerates_its_list(plan, organiser):
    plan.status = "closed"
    plan.save()
    with pytest.raises(ServiceError) as exc:
        candidates_generate(actor=organiser, plan=plan)
    assert exc.value.message == (
        "Kế hoạch “DEMO” đang ở trạng thái “Đã kết thúc”: không thể lập lại danh sách người "
        "dự kiểm tra."
    )


def test_export_has_vietnamese_headers_and_name_order(plan, organiser):
    candidates_generate(actor=organiser, plan=plan)
    data = candidates_export_xlsx(actor=organiser, plan=plan)
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == EXPORT_HEADERS
    assert rows[0] == (
        "STT",
        "Số báo danh",
        "Mã công chức",
        "Họ và tên",
        "Ngày sinh",
        "Đơn vị",
        "Ngạch",
        "Vị trí việc làm",
        "Trạng thái",
        "Lý do",
    )
    assert [r[3] for r in rows[1:]] == [
        "Lê Thị An",
        "Nguyễn Văn Ánh",
        "Trần Đức Bảo",
        "Hoàng Thị Dung",
        "Phạm Văn Đạt",
        "Đặng Văn Hưu",
        "Bùi Thị Mới",
        "Vi Văn Xã",
    ]
    first = rows[1]
    assert first[:3] == (1, "0001", "CC001")
    assert first[4].date() == dt.date(1985, 5, 17)  # a date cell (openpyxl reads datetimes)
    assert first[5:] == (
        "Phòng Tổ chức cán bộ",
        "Chuyên viên",
        None,
        "Dự kiểm tra",
        "Thuộc diện kiểm tra, sát hạch",
    )
    assert rows[6][8:] == ("Miễn kiểm tra", f"Miễn: còn 4 tháng đến tuổi nghỉ hưu {RETIRE}")
    assert sheet.cell(row=2, column=5).number_format == "DD/MM/YYYY"
    assert AuditEvent.objects.filter(action="plans.candidates_export").count() == 1


def test_unit_hr_exports_only_their_own_units_candidates(plan, organiser, province):
    candidates_generate(actor=organiser, plan=plan)
    hr = make_user("tccb-snv", Role.UNIT_HR, province.unit_b)
    sheet = load_workbook(io.BytesIO(candidates_export_xlsx(actor=hr, plan=plan))).active
    assert [r[3] for r in list(sheet.iter_rows(values_only=True))[1:]] == [
        "Hoàng Thị Dung",
        "Phạm Văn Đạt",
    ]


def test_a_text_that_looks_like_a_formula_is_exported_as_text(plan, organiser, province):
    person = make_person("CC050", "=HYPERLINK(1)", province.unit_a)
    plan_candidate_add(actor=organiser, plan=plan, person=person, reason="=1+1")
    sheet = load_workbook(io.BytesIO(candidates_export_xlsx(actor=organiser, plan=plan))).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value == "=HYPERLINK(1)"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_writes_by_someone_who_does_not_run_the_plan_are_refused(plan, province, staff):
    hr = make_user("tccb", Role.UNIT_HR, province.unit_a)
    with pytest.raises(PermissionDeniedError) as exc:
        plan_candidate_remove(actor=hr, plan=plan, person=staff["an"], reason="Thử")
    assert exc.value.message == "Bạn không có quyền thay đổi kế hoạch “DEMO”."
