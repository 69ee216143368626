"""The unit and province report as a workbook, laid out like the reports organisers file: on
every sheet the issuer and national motto, the title, the table under its (merged) headers, and
the signature block. The first sheet has one row per year with counts, percentages, the
HTXS/HTT ratio and the quota check, then the groups beyond the quota; the next ones hold the
training outcomes, the re-test outcomes (per child unit, with the total) and the streamlining
candidates by legal ground."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sathach.org.models import Unit

from .constants import LEVEL_SHORT, Level
from .selectors import YearRow
from .selectors_report import OutcomeReport, RetestRow, StreamliningReport, TrainingRow

HEADER_ROW = 6
BOLD, ITALIC = Font(bold=True), Font(italic=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _ratio(row: YearRow) -> str:
    ratio = row.quota.ratio_percent
    return "—" if ratio is None else f"{ratio:f}%".replace(".", ",")


def years_text(years: Sequence[int]) -> str:
    return f"{years[0]}–{years[-1]}" if years else ""


def subtitle(unit: Unit) -> str:
    return f"(Đơn vị: {unit.name}; lập ngày {timezone.localdate():%d/%m/%Y})"


def _head(sheet: Worksheet, *, unit: Unit, title: str, width: int) -> None:
    """Write the issuer, the national motto, the title and the subtitle (rows 1–5)."""
    half = width // 2
    sheet.cell(1, 1, unit.name.upper()).font = BOLD
    sheet.cell(1, half + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").font = BOLD
    sheet.cell(2, half + 1, "Độc lập - Tự do - Hạnh phúc").font = BOLD
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=half)
    sheet.merge_cells(start_row=1, start_column=half + 1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=half + 1, end_row=2, end_column=width)
    lines = ((4, title, Font(bold=True, size=14)), (5, subtitle(unit), ITALIC))
    for row, text, font in lines:
        cell = sheet.cell(row, 1, text)
        cell.font, cell.alignment = font, CENTER
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _signatures(sheet: Worksheet, row: int, width: int) -> None:
    """Write the signature block two rows under ``row`` (as the streamlining list)."""
    half = width // 2
    sign = row + 2
    sheet.cell(sign, 1, "NGƯỜI LẬP BIỂU").font = BOLD
    sheet.cell(sign, half + 1, "THỦ TRƯỞNG ĐƠN VỊ").font = BOLD
    sheet.cell(sign + 1, 1, "(Ký, ghi rõ họ tên)").font = ITALIC
    sheet.cell(sign + 1, half + 1, "(Ký tên, đóng dấu)").font = ITALIC


def _header_cell(
    sheet: Worksheet, row: int, col: int, text: str, *, rows: int = 1, cols: int = 1
) -> None:
    for r in range(row, row + rows):
        for c in range(col, col + cols):
            sheet.cell(r, c).border = BOX
    cell = sheet.cell(row, col, text)
    cell.font, cell.alignment = BOLD, CENTER
    if rows > 1 or cols > 1:
        sheet.merge_cells(
            start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1
        )


def _rows(
    sheet: Worksheet, first: int, rows: Sequence[Sequence[Any]], *, bold_last: bool = False
) -> int:
    """Write ``rows`` boxed from row ``first``; return the last row written."""
    r = first - 1
    for values in rows:
        r += 1
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(r, col, value)
            cell.border, cell.alignment = BOX, WRAP
    if bold_last and rows:
        for col in range(1, len(rows[-1]) + 1):
            sheet.cell(r, col).font = BOLD
    return r


def _finish(sheet: Worksheet, widths: Sequence[int], freeze: str) -> None:
    for col, size in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = size
    sheet.freeze_panes = freeze
    sheet.page_setup.orientation = "landscape"


def distribution_xlsx(*, unit: Unit, rows: Sequence[YearRow]) -> bytes:
    """Return the distribution report of ``unit``'s subtree as .xlsx."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    _distribution_sheet(sheet, unit, rows)
    return _save(book)


def report_xlsx(
    *,
    unit: Unit,
    years: Sequence[int],
    rows: Sequence[YearRow],
    outcomes: OutcomeReport,
    streamlining: StreamliningReport,
) -> bytes:
    """Return the whole report of ``unit``'s subtree: the distribution, then one sheet each
    for training, re-test and streamlining."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    _distribution_sheet(sheet, unit, rows)
    _training_sheet(book.create_sheet("Bồi dưỡng"), unit, years, outcomes)
    _retest_sheet(book.create_sheet("Kiểm tra lại"), unit, years, outcomes)
    _streamlining_sheet(book.create_sheet("Tinh giản biên chế"), unit, years, streamlining)
    return _save(book)


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _distribution_sheet(sheet: Worksheet, unit: Unit, rows: Sequence[YearRow]) -> None:
    headers = [
        "Năm",
        "Tổng số",
        *(f"{LEVEL_SHORT[lv]} (người)" for lv in Level),
        *(f"{LEVEL_SHORT[lv]} (%)" for lv in Level),
        "Không xếp loại",
        "HTXS/HTT (%)",
        "Tối đa HTXS",
        "Tỷ lệ HTXS",
    ]
    width = len(headers)
    sheet.title = "Xếp loại chất lượng"
    years = years_text([r.year for r in rows])
    _head(
        sheet,
        unit=unit,
        title=f"TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC {years}",
        width=width,
    )
    for col, header in enumerate(headers, start=1):
        _header_cell(sheet, HEADER_ROW, col, header)
    r = _rows(
        sheet,
        HEADER_ROW + 1,
        [
            [
                year_row.year,
                year_row.total,
                *(year_row.counts[lv] for lv in Level),
                *(float(year_row.percents[lv]) for lv in Level),
                year_row.not_rated,
                _ratio(year_row),
                year_row.quota.maximum,
                "Đạt" if year_row.quota_ok else "Vượt",
            ]
            for year_row in rows
        ],
    )
    r += 2
    sheet.cell(
        r, 1, "Nhóm vượt tỷ lệ (trong cùng đơn vị và nhóm có nhiệm vụ tương đồng)"
    ).font = BOLD
    for year_row in rows:
        for group in year_row.failing:
            r += 1
            sheet.cell(
                r,
                1,
                f"Năm {year_row.year}: {group.unit.name}"
                + (f" — nhóm “{group.work_group}”" if group.work_group else "")
                + f": {group.check.excellent} HTXS trên {group.check.good} HTT"
                f" (tối đa {group.check.maximum})",
            )
    _signatures(sheet, r, width)
    _finish(sheet, [12] * width, f"B{HEADER_ROW + 1}")


TRAINING_TITLE = "KẾT QUẢ BỒI DƯỠNG NGƯỜI CHƯA ĐẠT KIỂM TRA, SÁT HẠCH"
RETEST_TITLE = "KẾT QUẢ KIỂM TRA LẠI SAU BỒI DƯỠNG"
STREAMLINING_TITLE = "TỔNG HỢP ĐỐI TƯỢNG TINH GIẢN BIÊN CHẾ THEO CĂN CỨ"


def training_values(row: TrainingRow) -> list[Any]:
    return [
        row.label,
        row.below,
        row.assigned,
        row.completed,
        row.not_completed,
        row.in_progress,
        row.not_assigned,
    ]


def retest_values(row: RetestRow) -> list[Any]:
    return [
        row.label,
        row.below,
        row.candidates,
        row.sat,
        row.passed,
        row.failed,
        row.absent,
        row.pending,
    ]


def plans_note(outcomes: OutcomeReport) -> str:
    codes = ", ".join(p.code for p in outcomes.plans) or "không có"
    return f"Các kế hoạch có kết quả công bố trong các năm báo cáo: {codes}."


def _training_sheet(
    sheet: Worksheet, unit: Unit, years: Sequence[int], outcomes: OutcomeReport
) -> None:
    width = 7
    _head(sheet, unit=unit, title=f"{TRAINING_TITLE} {years_text(years)}", width=width)
    _header_cell(sheet, HEADER_ROW, 1, "Đơn vị", rows=2)
    _header_cell(sheet, HEADER_ROW, 2, "Số người chưa đạt", rows=2)
    _header_cell(sheet, HEADER_ROW, 3, "Đã cử đi bồi dưỡng", cols=4)
    for col, text in enumerate(
        ("Tổng số", "Hoàn thành", "Không hoàn thành", "Đang bồi dưỡng"), start=3
    ):
        _header_cell(sheet, HEADER_ROW + 1, col, text)
    _header_cell(sheet, HEADER_ROW, 7, "Chưa cử đi bồi dưỡng", rows=2)
    table = [training_values(r) for r in [*outcomes.training, outcomes.training_total]]
    r = _rows(sheet, HEADER_ROW + 2, table, bold_last=True)
    sheet.cell(r + 2, 1, plans_note(outcomes)).font = ITALIC
    _signatures(sheet, r + 2, width)
    _finish(sheet, [40, 14, 12, 12, 14, 14, 14], f"B{HEADER_ROW + 2}")


def _retest_sheet(
    sheet: Worksheet, unit: Unit, years: Sequence[int], outcomes: OutcomeReport
) -> None:
    width = 8
    _head(sheet, unit=unit, title=f"{RETEST_TITLE} {years_text(years)}", width=width)
    _header_cell(sheet, HEADER_ROW, 1, "Đơn vị", rows=2)
    _header_cell(sheet, HEADER_ROW, 2, "Số người chưa đạt", rows=2)
    _header_cell(sheet, HEADER_ROW, 3, "Kiểm tra lại", cols=6)
    texts = (
        "Số người được kiểm tra lại",
        "Dự kiểm tra",
        "Đạt",
        "Không đạt",
        "Vắng",
        "Chưa có kết quả",
    )
    for col, text in enumerate(texts, start=3):
        _header_cell(sheet, HEADER_ROW + 1, col, text)
    table = [retest_values(r) for r in [*outcomes.retest, outcomes.retest_total]]
    r = _rows(sheet, HEADER_ROW + 2, table, bold_last=True)
    sheet.cell(r + 2, 1, plans_note(outcomes)).font = ITALIC
    _signatures(sheet, r + 2, width)
    _finish(sheet, [40, 14, 14, 12, 10, 10, 10, 14], f"B{HEADER_ROW + 2}")


def ground_values(report: StreamliningReport) -> list[list[Any]]:
    """Return the rows of the grounds table: ground, article and clause, people."""
    return [
        [g.label, "; ".join(g.citations) + (" (chưa xác minh)" if g.unverified else ""), g.people]
        for g in report.grounds
    ]


def section_values(report: StreamliningReport) -> list[list[Any]]:
    """Return the rows of the decisions table: part, people, propose, not propose, pending."""
    return [[s.label, s.people, s.propose, s.not_propose, s.pending] for s in report.sections]


def reviews_note(report: StreamliningReport) -> str:
    reviews = "; ".join(
        f"{r.unit.name} năm {r.year} ({r.profile}, ngày xét {r.reviewed_on:%d/%m/%Y})"
        for r in report.reviews
    )
    return (
        "Mỗi người được tính một lần, theo đợt xét mới nhất có phạm vi bao gồm người đó. "
        f"Các đợt xét: {reviews or 'không có'}."
    )


def _streamlining_sheet(
    sheet: Worksheet, unit: Unit, years: Sequence[int], report: StreamliningReport
) -> None:
    width = 5
    _head(sheet, unit=unit, title=f"{STREAMLINING_TITLE} {years_text(years)}", width=width)
    for col, text in enumerate(("Căn cứ", "Điều, khoản", "Số người"), start=1):
        _header_cell(sheet, HEADER_ROW, col, text)
    r = _rows(sheet, HEADER_ROW + 1, ground_values(report))
    r += 2
    for col, text in enumerate(
        ("Mục", "Số người", "Đề xuất tinh giản", "Không đề xuất", "Chưa quyết định"), start=1
    ):
        _header_cell(sheet, r, col, text)
    r = _rows(sheet, r + 1, section_values(report))
    sheet.cell(r + 2, 1, reviews_note(report)).font = ITALIC
    _signatures(sheet, r + 2, width)
    _finish(sheet, [44, 40, 14, 16, 16], f"A{HEADER_ROW + 1}")
