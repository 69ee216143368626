"""The results pages: the organiser's table (scope, 50 a page, query count), compute, publish
behind a confirmation, corrections by two people, the Excel summary, and the candidate's own
published results with the result slip (PDF read back with pdftotext)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.testing import TEST_PASSWORD, make_person, make_unit, make_user
from sathach.delivery.testing import Exam
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import Candidate
from sathach.results.constants import Classification, CorrectionState
from sathach.results.models import PartResult, PlanResult, Publication, ResultCorrection
from sathach.results.services import result_headers, results_compute, results_publish
from sathach.results.testing import make_sat_exam

pytestmark = pytest.mark.django_db

DECISION = {"decision_number": "15/QĐ-HĐKT", "decision_date": dt.date(2026, 3, 20)}


def _login(client: Any, user: Any) -> None:
    client.logout()
    assert client.login(username=user.username, password=TEST_PASSWORD)


def _text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


@pytest.fixture
def exam() -> Exam:
    return make_sat_exam()


@pytest.fixture
def computed(exam: Exam) -> Exam:
    results_compute(actor=exam.organiser, plan=exam.plan)
    return exam


@pytest.fixture
def published(computed: Exam) -> Exam:
    results_publish(actor=computed.organiser, plan=computed.plan, **DECISION)
    return computed


def _url(name: str, exam: Exam, *args: Any) -> str:
    return reverse(f"results:{name}", args=[exam.plan.code, *args])


def _candidate_user(exam: Exam, number: str) -> Any:
    candidate = Candidate.objects.get(plan=exam.plan, number=number)
    return make_user(f"ts{number}", Role.CANDIDATE, person=candidate.person)


# --- Organiser pages ------------------------------------------------------------------------------


def test_results_table_lists_candidates_by_number_with_parts_total_and_class(client, computed):
    _login(client, computed.organiser)
    page = client.get(_url("plan-results", computed)).content.decode()
    assert (
        page.index('id="result-0001"')
        < page.index('id="result-0002"')
        < page.index('id="result-0004"')
    )
    assert "42,86" in page and "85,71" in page and "Vắng thi" in page
    assert "Xuất sắc" in page and "Tốt" in page and "Không đạt" in page
    assert 'id="compute-form"' in page and 'id="publish-link"' in page


def _extra_results(exam: Exam, count: int) -> None:
    """Add ``count`` candidates with computed results (no sitting: the table only reads)."""
    now = timezone.now()
    for i in range(count):
        person = make_person(f"TX{i:03d}", f"Trần Thị Thêm {i}", exam.province.unit_b)
        candidate = Candidate.objects.create(
            plan=exam.plan, person=person, number=f"9{i:03d}", status=CandidateStatus.INCLUDED
        )
        PartResult.objects.create(
            candidate=candidate,
            part=exam.part,
            score=Decimal(60),
            status="scored",
            passed=True,
            computed_at=now,
            profile=exam.plan.exam_profile,
        )
        PlanResult.objects.create(
            plan=exam.plan,
            candidate=candidate,
            total=Decimal(60),
            max_total=Decimal(100),
            percent=Decimal(60),
            passed=True,
            classification=Classification.PASS,
            computed_at=now,
            profile=exam.plan.exam_profile,
        )


def test_results_table_shows_50_a_page_in_a_fixed_number_of_queries(
    client, computed, django_assert_num_queries
):
    _extra_results(computed, 50)
    _login(client, computed.organiser)
    url = _url("plan-results", computed)
    client.get(url)  # warm the session and the rule-profile registry
    with django_assert_num_queries(17):
        first = client.get(url).content.decode()
    with django_assert_num_queries(17):
        second = client.get(url + "?page=2").content.decode()
    assert first.count('id="result-') == 50 and second.count('id="result-') == 4
    assert "Trang 1 / 2" in first and 'id="result-9049"' in second


def test_compute_then_publish_behind_a_confirmation_that_says_it_locks(client, exam):
    _login(client, exam.organiser)
    response = client.post(_url("results-compute", exam), follow=True)
    assert "Đã tính kết quả của 4 người: 2 người đạt, 0 người chưa đủ kết quả." in (
        response.content.decode()
    )
    page = client.get(_url("results-publish", exam)).content.decode()
    assert "Công bố sẽ khóa kết quả" in page and "4 người: 2 người đạt" in page
    refused = client.post(
        _url("results-publish", exam),
        {"decision_number": "15/QĐ-HĐKT", "decision_date": "20/03/2026"},
    )
    assert refused.status_code == 400 and "Hãy đánh dấu ô xác nhận." in refused.content.decode()
    assert not Publication.objects.exists()
    response = client.post(
        _url("results-publish", exam),
        {"decision_number": "15/QĐ-HĐKT", "decision_date": "20/03/2026", "confirm": "on"},
        follow=True,
    )
    page = response.content.decode()
    assert "Đã công bố kết quả." in page and "Quyết định số 15/QĐ-HĐKT ngày 20/03/2026" in page
    assert 'id="compute-form"' not in page
    response = client.post(_url("results-compute", exam), follow=True)
    assert "đã công bố: không tính lại được nữa" in response.content.decode()


def test_a_correction_through_the_pages_takes_two_people(client, published):
    exam = published
    second = make_user("tochuc2", Role.ORGANISER, exam.province.root)
    row = PartResult.objects.get(part=exam.part, candidate__number="0002")
    _login(client, exam.organiser)
    propose = _url("correction-propose", exam, row.pk)
    assert client.get(propose).status_code == 200
    response = client.post(propose, {"new_score": "55", "reason": "Nhập nhầm điểm"}, follow=True)
    assert "cần một người khác duyệt" in response.content.decode()
    correction = ResultCorrection.objects.get()
    page = client.get(_url("plan-results", exam)).content.decode()
    assert "Chờ người khác duyệt" in page
    response = client.post(_url("correction-approve", exam, correction.pk), follow=True)
    assert "Người đề xuất không được tự duyệt" in response.content.decode()
    correction.refresh_from_db()
    assert correction.state == CorrectionState.PROPOSED
    _login(client, second)
    response = client.post(
        _url("correction-approve", exam, correction.pk), {"note": "Đồng ý"}, follow=True
    )
    assert "Đã duyệt đính chính" in response.content.decode()
    correction.refresh_from_db()
    assert correction.state == CorrectionState.APPROVED and correction.decided_by == second
    assert PlanResult.objects.get(candidate__number="0002").classification == Classification.PASS


def test_export_is_laid_out_like_the_summary_form(client, published):
    exam = published
    _login(client, exam.organiser)
    response = client.get(_url("results-export", exam))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "HỘI ĐỒNG KIỂM TRA, SÁT HẠCH"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in [c.value for c in sheet[1]]
    assert sheet["A4"].value == "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH"
    assert sheet["A5"].value == f"Kế hoạch THI: {exam.plan.name}"
    assert sheet["A6"].value.startswith("(Kèm theo Quyết định số 15/QĐ-HĐKT ngày 20/03/2026")
    headers = [c.value for c in sheet[8]]
    assert headers == [
        "STT",
        "Số báo danh",
        "Họ và tên",
        "Ngày sinh",
        "Đơn vị",
        "Phần 1: Kiến thức chung (tối đa 100)",
        "Tổng điểm",
        "Kết quả",
        "Xếp loại",
    ]
    assert headers == result_headers([exam.part])
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=9, max_row=12)]
    assert rows[0] == [
        1,
        "0001",
        "Nguyễn Văn Thí Sinh 1",
        "17/05/1985",
        "Ban Tổ chức Tỉnh ủy",
        100,
        100,
        "Đạt",
        "Xuất sắc",
    ]
    assert rows[1][5:] == [42.86, 42.86, "Không đạt", "Không đạt"]
    assert rows[3][5:] == ["Vắng thi", 0, "Không đạt", "Không đạt"]
    event = AuditEvent.objects.get(action="results.results_export")
    assert event.data == {"rows": 4} and event.actor_id == exam.organiser.pk


def test_another_units_organiser_gets_404_everywhere(client, published):
    exam = published
    other = make_unit("HT", "Tỉnh Hà Tĩnh")
    outsider = make_user("tochuc_ht", Role.ORGANISER, other)
    row = PartResult.objects.filter(part=exam.part).first()
    _login(client, outsider)
    for name, args in (
        ("plan-results", ()),
        ("results-export", ()),
        ("results-publish", ()),
        ("correction-propose", (row.pk,)),
    ):
        assert client.get(_url(name, exam, *args)).status_code == 404
    assert client.post(_url("results-compute", exam)).status_code == 404
    assert not AuditEvent.objects.filter(action="results.results_export").exists()


def test_unit_hr_sees_only_their_units_results_and_cannot_act(client, computed):
    exam = computed
    reader = make_user("hr_a", Role.UNIT_HR, exam.province.unit_a)
    _login(client, reader)
    page = client.get(_url("plan-results", exam)).content.decode()
    # Candidates 1 and 3 work in unit A, 2 and 4 in unit B.
    assert 'id="result-0001"' in page and 'id="result-0003"' in page
    assert 'id="result-0002"' not in page and 'id="result-0004"' not in page
    assert 'id="compute-form"' not in page
    assert client.post(_url("results-compute", exam)).status_code == 403
    assert client.get(_url("results-publish", exam)).status_code == 403
    sheet = load_workbook(io.BytesIO(client.get(_url("results-export", exam)).content)).active
    assert [c.value for c in sheet["B"][8:10]] == ["0001", "0003"]


# --- The candidate's pages ------------------------------------------------------------------------


def test_a_candidate_sees_nothing_before_publication(client, computed):
    user = _candidate_user(computed, "0001")
    _login(client, user)
    page = client.get(reverse("results:my-results")).content.decode()
    assert 'id="no-results"' in page and "100,00" not in page
    result = PlanResult.objects.get(candidate__number="0001")
    assert client.get(reverse("results:my-slip", args=[result.pk])).status_code == 404


def test_a_candidate_sees_only_their_own_published_result(client, published):
    user = _candidate_user(published, "0003")
    _login(client, user)
    page = client.get(reverse("results:my-results")).content.decode()
    own = PlanResult.objects.get(candidate__number="0003")
    assert f'id="my-result-{own.pk}"' in page
    assert "85,71" in page and "Tốt" in page and "Đạt" in page
    assert page.count('id="my-result-') == 1
    assert "Thí Sinh 1" not in page and "42,86" not in page


def test_the_slip_shows_the_candidates_name_and_scores_and_no_one_elses(client, published):
    user = _candidate_user(published, "0003")
    _login(client, user)
    own = PlanResult.objects.get(candidate__number="0003")
    response = client.get(reverse("results:my-slip", args=[own.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHIẾU BÁO KẾT QUẢ KIỂM TRA, SÁT HẠCH",
        "Họ và tên: Nguyễn Văn Thí Sinh 3",
        "Số báo danh: 0003",
        "Phần 1: Kiến thức chung",
        "85,71",
        "Tổng điểm (theo hệ số các phần thi): 85,71 / 100,00",
        "Kết quả chung: Đạt",
        "Xếp loại: Tốt",
        "Quyết định số 15/QĐ-HĐKT ngày 20/03/2026",
        "≥ 50% số điểm",
    ):
        assert expected in text, expected
    other = PlanResult.objects.get(candidate__number="0001")
    assert client.get(reverse("results:my-slip", args=[other.pk])).status_code == 404
    _login(client, published.organiser)  # staff without a person record see no slip either
    assert client.get(reverse("results:my-slip", args=[own.pk])).status_code == 404
