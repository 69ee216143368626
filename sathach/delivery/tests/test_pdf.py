"""The biên bản and the check-in code slips as PDF, read back with pdftotext: Vietnamese
intact, every field of the record present, and printed only for those who may see them."""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from sathach.core import profiles
from sathach.core.testing import TEST_PASSWORD
from sathach.delivery.constants import Sanction
from sathach.delivery.pdf import checkin_codes_pdf, incident_pdf
from sathach.delivery.services import incident_record
from sathach.delivery.testing import make_exam

from .test_proctor_services import outsider, start, supervisor

pytestmark = pytest.mark.django_db

HEADER = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _text(pdf: bytes) -> str:
    """Return the PDF's text with runs of white space made single (lines wrap anywhere)."""
    assert pdf.startswith(b"%PDF-")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _pages(pdf: bytes) -> int:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode().count("\f")


@pytest.fixture
def exam():
    return make_exam(3)


def test_violation_record_names_everything_in_vietnamese(exam):
    (attempt,) = start(exam)
    incident = incident_record(
        actor=exam.proctors[0],
        attempt=attempt,
        sanction=Sanction.REPRIMAND,
        description="Trao đổi với thí sinh ngồi bên cạnh sau khi đã được nhắc nhở",
        credit_minutes=0,
    )
    pdf = incident_pdf(incident)
    text = _text(pdf)
    rules = profiles.get("TT22-2025")
    local = timezone.localtime(incident.created_at)
    for expected in (
        *HEADER,
        "HỘI ĐỒNG KIỂM TRA, SÁT HẠCH",
        "Kế hoạch: THI",
        "BIÊN BẢN VI PHẠM QUY CHẾ",
        f"Số: {incident.pk}",
        "Kiểm tra, sát hạch công chức THI",
        f"Vào hồi {local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}",
        "tại phòng thi Phòng 1",
        "phần thi 1: Kiến thức chung",
        "ca thi bắt đầu lúc 08:00 ngày 10/03/2026, thời gian làm bài 30 phút",
        "Giám thị 1: Giám Thị 1",
        "Giám thị 2: Giám Thị 2",
        "Họ và tên: Nguyễn Văn Thí Sinh 1 — Số báo danh: 0001",
        "Ngày sinh: 17/05/1985 — Đơn vị công tác: Ban Tổ chức Tỉnh ủy",
        "Nội dung vi phạm: Trao đổi với thí sinh ngồi bên cạnh sau khi đã được nhắc nhở",
        "Hình thức xử lý: Khiển trách",
        f"Căn cứ: {rules.basis('sanction_reprimand_deduction_percent')} (bộ quy tắc TT22-2025@1)",
        "Ảnh hưởng đến điểm bài thi: Trừ 25% số điểm bài thi.",
        "Thời gian được bù: không.",
        "NGƯỜI DỰ KIỂM TRA",
        "GIÁM THỊ 2",
        "GIÁM THỊ 1",
        "(Ký, ghi rõ họ tên)",
        "Trường hợp người dự kiểm tra không ký biên bản, giám thị ghi rõ lý do",
    ):
        assert expected in text, expected
    assert "thông báo cho cơ quan quản lý" not in text
    assert _pages(pdf) == 1


def test_incident_record_without_a_sanction_shows_the_credit(exam):
    (attempt,) = start(exam)
    incident = incident_record(
        actor=exam.proctors[1],
        attempt=attempt,
        sanction=Sanction.NONE,
        description="Máy tính số 12 hỏng, chuyển sang máy dự phòng",
        credit_minutes=5,
    )
    text = _text(incident_pdf(incident))
    assert "BIÊN BẢN XỬ LÝ SỰ CỐ" in text
    assert "VI PHẠM QUY CHẾ" not in text
    assert "Nội dung sự cố: Máy tính số 12 hỏng, chuyển sang máy dự phòng" in text
    assert "Hình thức xử lý: Ghi nhận sự cố (không xử lý kỷ luật)" in text
    assert "Căn cứ:" not in text
    assert "Ảnh hưởng đến điểm bài thi: Không ảnh hưởng đến điểm." in text
    assert "Thời gian được bù: 5 phút." in text


def test_expulsion_record_says_the_paper_has_no_result(exam):
    exam.plan.exam_profile = "TT06-2020"
    exam.plan.save(update_fields=["exam_profile"])
    (attempt,) = start(exam)
    incident = incident_record(
        actor=exam.proctors[0],
        attempt=attempt,
        sanction=Sanction.EXPULSION,
        description="Sử dụng điện thoại di động trong phòng thi",
    )
    text = _text(incident_pdf(incident))
    assert "Hình thức xử lý: Đình chỉ thi" in text
    assert (
        "Ảnh hưởng đến điểm bài thi: Bài thi không có kết quả; "
        "không được dự các phần thi tiếp theo." in text
    )
    assert "(bộ quy tắc TT06-2020@1)" in text
    assert "Hội đồng thông báo cho cơ quan quản lý người dự kiểm tra" in text


def test_checkin_code_slips_carry_every_candidates_code(exam):
    pdf = checkin_codes_pdf(exam.session)
    text = _text(pdf)
    assert "MÃ VÀO PHÒNG THI — PHÒNG 1" in text
    assert "Phòng thi có 3 người dự kiểm tra." in text
    for attempt in exam.attempts():
        name = attempt.candidate.person.full_name
        assert f"Số báo danh: {attempt.candidate.number} Họ và tên: {name}" in text
        assert attempt.checkin_code in text
    assert _pages(pdf) == 1


def test_pdf_views_serve_only_who_may_see_them(client, exam):
    outsider(exam)
    supervisor(exam)
    (attempt,) = start(exam, at=timezone.now())
    incident = incident_record(
        actor=exam.proctors[0], attempt=attempt, sanction=Sanction.WARNING, description="Quay cóp"
    )
    record = reverse("delivery:incident-pdf", args=[incident.pk])
    codes = reverse("delivery:session-codes-pdf", args=[exam.session.pk])
    assert record == f"/coi-thi/bien-ban/{incident.pk}.pdf"
    expected = {
        "giamthi1": (200, 200),
        "giamthi2": (200, 200),
        "tochuc": (200, 200),
        "giamsat": (200, 403),
        "giamthi3": (404, 404),
    }
    for username, statuses in expected.items():
        assert client.login(username=username, password=TEST_PASSWORD)
        got = (client.get(record).status_code, client.get(codes).status_code)
        assert got == statuses, username
        client.logout()
    assert client.login(username="giamthi1", password=TEST_PASSWORD)
    response = client.get(record)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="bien-ban-{incident.pk}.pdf"'
    assert "Hình thức xử lý: Cảnh cáo" in _text(response.content)
    assert client.get(reverse("delivery:incident-pdf", args=[incident.pk + 99])).status_code == 404
