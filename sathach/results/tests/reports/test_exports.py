"""The exports: workbooks laid out like the organisers' forms (titles, merged headers, numbers
as numbers, signature block), the PDFs read back with pdftotext, the records of a room, and
the audit of every export."""

from __future__ import annotations

import io
import subprocess
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sathach.audit.models import AuditEvent
from sathach.core.testing import TEST_PASSWORD
from sathach.results.reports import pdf
from sathach.results.reports.access import report_scope_get

from .helpers import unit_hr

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _login(client: Any, user: Any) -> None:
    client.logout()
    assert client.login(username=user.username, password=TEST_PASSWORD)


def _text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    out = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _get(client: Any, exam, kind: str, fmt: str, query: str = "") -> Any:
    url = reverse("reports:export", args=[exam.plan.code, kind, fmt]) + query
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


def _book(response: Any) -> Any:
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content))


def _row(sheet: Any, row: int, width: int) -> list[Any]:
    return [sheet.cell(row, col).value for col in range(1, width + 1)]


def _find(sheet: Any, text: str) -> int:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row
    raise AssertionError(f"{text!r} not in the sheet")


def test_summary_by_unit_workbook_is_laid_out_like_the_form(client, exam):
    _login(client, exam.organiser)
    response = _get(client, exam, "tong-hop-don-vi", "xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="tong-hop-don-vi-THI.xlsx"'
    sheet = _book(response)["Theo đơn vị"]
    assert sheet["A1"].value == "HỘI ĐỒNG KIỂM TRA, SÁT HẠCH"
    assert sheet["I1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet["I2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert sheet["A4"].value == "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO ĐƠN VỊ"
    assert sheet["A5"].value == f"Kế hoạch THI: {exam.plan.name}"
    assert "kết quả chưa công bố" in sheet["A6"].value
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A4:P4", "A9:A11", "B9:B11", "G9:N9", "G10:H10", "M10:N10", "O9:O11"} <= merged
    assert _row(sheet, 9, 16)[:7] == [
        "STT",
        "Đơn vị",
        "Tổng số người",
        "Vắng thi",
        "Chưa đủ kết quả",
        "Có kết quả",
        "Kết quả xếp loại",
    ]
    assert _row(sheet, 10, 16)[6:14:2] == ["Xuất sắc", "Tốt", "Đạt", "Không đạt"]
    assert _row(sheet, 11, 16)[6:8] == ["Số lượng", "Tỷ lệ (%)"]
    assert _row(sheet, 12, 3) == ["(1)", "(2)", "(3)"]
    # Sở Nội vụ first (Khối Chính quyền), then Ban Tổ chức: 0001 (Xuất sắc), 0003 (Tốt),
    # 0005 (absent): 2 of 3 passed.
    assert _row(sheet, 13, 3) == [1, "Sở Nội vụ", 3]
    assert _row(sheet, 14, 16) == [
        2, "Ban Tổ chức Tỉnh ủy", 3, 1, 0, 3,
        1, 33.33, 1, 33.33, 0, 0.0, 1, 33.33,
        66.67, 61.9,
    ]  # fmt: skip
    assert sheet.cell(14, 8).number_format == "0.00"
    assert _row(sheet, 15, 16)[1:7] == ["Tổng cộng", 6, 1, 0, 6, 1]
    assert sheet.cell(15, 15).value == 50.0
    signature = _find(sheet, "NGƯỜI LẬP BIỂU")
    assert sheet.cell(signature, 9).value == "THỦ TRƯỞNG ĐƠN VỊ"
    assert sheet.cell(signature + 1, 1).value == "(Ký, ghi rõ họ tên)"


def test_distributions_workbook_has_a_sheet_per_dimension(client, exam):
    _login(client, exam.organiser)
    book = _book(_get(client, exam, "phan-bo", "xlsx"))
    assert book.sheetnames == ["Theo khối", "Theo ngạch", "Theo vị trí việc làm", "Theo độ tuổi"]
    ages = book["Theo độ tuổi"]
    assert ages["A4"].value == "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO ĐỘ TUỔI"
    assert ages["B9"].value == "Độ tuổi"
    assert [_row(ages, r, 3) for r in range(13, 17)] == [
        [1, "Dưới 30 tuổi", 1],
        [2, "Từ 30 đến 39 tuổi", 2],
        [3, "Từ 40 đến 49 tuổi", 2],
        [4, "Từ 50 tuổi trở lên", 1],
    ]
    assert ages.cell(15, 15).value == 0.0 and ages.cell(14, 15).value == 50.0
    ranks = book["Theo ngạch"]
    assert _row(ranks, 13, 3) == [1, "01.002 — Chuyên viên chính", 3]
    assert ranks.cell(13, 15).value == 66.67


def test_below_bar_workbook_lists_people_by_unit_with_scores_as_numbers(client, exam):
    _login(client, exam.organiser)
    book = _book(_get(client, exam, "khong-dat", "xlsx"))
    sheet = book["Không đạt yêu cầu"]
    assert sheet["A4"].value == "DANH SÁCH CÔNG CHỨC KHÔNG ĐẠT YÊU CẦU"
    assert _row(sheet, 9, 10) == [
        "STT",
        "Số báo danh",
        "Họ và tên",
        "Ngày sinh",
        "Ngạch",
        "Vị trí việc làm",
        "Đơn vị công tác",
        "Phần 1: Kiến thức chung (tối đa 100)",
        "Tổng điểm",
        "Lý do không đạt",
    ]
    assert sheet["A11"].value == "I. Sở Nội vụ (2 người)"
    assert "A11:J11" in {str(r) for r in sheet.merged_cells.ranges}
    assert _row(sheet, 12, 9)[1:3] + [sheet.cell(12, 8).value] == [
        "0002",
        "Nguyễn Văn Thí Sinh 2",
        42.86,
    ]
    assert sheet.cell(12, 8).number_format == "0.00"
    assert sheet["A14"].value == "II. Ban Tổ chức Tỉnh ủy (1 người)"
    assert _row(sheet, 15, 10) == [
        3, "0005", "Nguyễn Văn Thí Sinh 5", "01/01/1980", "Chuyên viên",
        "Chuyên viên tổ chức cán bộ", "Ban Tổ chức Tỉnh ủy", "Vắng thi", 0.0,
        "Phần 1: Vắng thi",
    ]  # fmt: skip
    total = _find(sheet, "Tổng số: 3 người không đạt yêu cầu.")
    assert _find(sheet, "NGƯỜI LẬP BIỂU") > total


def test_unit_hr_exports_hold_only_their_subtree(client, exam):
    _login(client, unit_hr(exam, exam.province.unit_b))
    sheet = _book(_get(client, exam, "khong-dat", "xlsx"))["Không đạt yêu cầu"]
    names = {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert "Nguyễn Văn Thí Sinh 2" in names and "Nguyễn Văn Thí Sinh 5" not in names
    assert "Phạm vi: Sở Nội vụ (gồm các đơn vị trực thuộc)" in names


def test_pdf_exports_read_back_in_vietnamese(client, exam):
    _login(client, exam.organiser)
    text = _text(_get(client, exam, "tong-hop-don-vi", "pdf").content)
    assert "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO ĐƠN VỊ" in text
    assert "Ban Tổ chức Tỉnh ủy 3 1 0 3 1 33,33 1 33,33 0 0,00 1 33,33 66,67 61,90" in text
    assert "NGƯỜI LẬP BIỂU" in text and "THỦ TRƯỞNG ĐƠN VỊ" in text
    text = _text(_get(client, exam, "phan-bo", "pdf").content)
    assert "THEO NGẠCH CÔNG CHỨC" in text and "Từ 50 tuổi trở lên" in text
    text = _text(_get(client, exam, "khong-dat", "pdf").content)
    assert "DANH SÁCH CÔNG CHỨC KHÔNG ĐẠT YÊU CẦU" in text
    assert "Nguyễn Văn Thí Sinh 6" in text and "Phần 1: Vắng thi" in text
    assert "II. Ban Tổ chức Tỉnh ủy (1 người)" in text
    assert "Tổng số: 3 người không đạt yêu cầu." in text


def test_results_summary_pdf_lists_everyone_with_counts_and_signatures(exam):
    scope = report_scope_get(user=exam.organiser, plan=exam.plan)
    seen: list[tuple[int, int]] = []
    text = _text(pdf.results_summary_pdf(scope, progress=lambda d, t, m: seen.append((d, t))))
    assert "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH" in text
    for i in range(1, 7):
        assert f"Nguyễn Văn Thí Sinh {i}" in text
    assert "0001 Nguyễn Văn Thí Sinh 1 17/05/1985" not in text  # births were changed
    assert "0001 Nguyễn Văn Thí Sinh 1 11/03/1998 100,00 100,00 Đạt Xuất sắc" in text
    assert "Vắng thi" in text
    assert "Tổng số: 6 người; có đủ kết quả: 6; đạt: 3; không đạt: 3" in text
    assert "TM. HỘI ĐỒNG" in text and "CHỦ TỊCH" in text
    assert seen[-1][0] == seen[-1][1]


def test_room_attendance_list_marks_present_absent_with_a_signature_column(client, exam):
    _login(client, exam.organiser)
    url = reverse("reports:attendance-pdf", args=[exam.plan.code, exam.session.pk])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "DANH SÁCH THÍ SINH DỰ KIỂM TRA" in text and "Chữ ký" in text
    assert "Phòng: Phòng 1" in text
    assert "Nguyễn Văn Thí Sinh 5" in text and "Vắng" in text and "Có mặt" in text
    assert "có mặt 5; vắng 1; bị hủy bài 0" in text
    assert "Giám Thị 1" in text and "Giám Thị 2" in text


def test_room_record_states_attendance_submissions_incidents_and_times(client, exam):
    _login(client, exam.organiser)
    url = reverse("reports:room-record-pdf", args=[exam.plan.code, exam.session.pk])
    text = _text(client.get(url).content)
    assert "BIÊN BẢN PHÒNG THI" in text
    assert "Số thí sinh theo danh sách: 6; có mặt: 5; vắng: 1; bị hủy bài: 0." in text
    assert "Số bài đã nộp: 5; hết giờ, tự động nộp: 0." in text
    assert "0005 — Nguyễn Văn Thí Sinh 5" in text
    assert "Máy tính bị treo, đã đổi sang máy dự phòng" in text
    assert "Ghi nhận sự cố (không xử lý kỷ luật)" in text
    assert "Bù thời gian do sự cố" in text and "2 phút" in text
    assert "Cộng thêm thời gian" in text and "Mất điện cục bộ tại bàn thi" in text
    assert "bắt đầu làm bài vào hồi 08 giờ 00 phút, ngày 10/03/2026" in text


def test_every_export_is_audited_and_an_unknown_one_is_404(client, exam):
    _login(client, exam.organiser)
    _get(client, exam, "khong-dat", "pdf", f"?don-vi={exam.province.unit_b.code}")
    event = AuditEvent.objects.filter(action="results.report_export").latest("seq")
    assert event.actor_id == exam.organiser.pk
    assert event.data == {"kind": "khong-dat", "format": "pdf", "unit": "SNV", "rows": 2}
    url = reverse("reports:export", args=[exam.plan.code, "bang-luong", "xlsx"])
    assert client.get(url).status_code == 404
    url = reverse("reports:export", args=[exam.plan.code, "khong-dat", "docx"])
    assert client.get(url).status_code == 404
