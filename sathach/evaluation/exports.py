"""The classification report as a workbook, laid out like the reports organisers file: the
issuer and national motto, the title, one row per year with counts, percentages, the HTXS/HTT
ratio and the quota check, then the groups beyond the quota."""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from sathach.org.models import Unit

from .constants import LEVEL_SHORT, Level
from .selectors import YearRow

HEADER_ROW = 6


def _ratio(row: YearRow) -> str:
    ratio = row.quota.ratio_percent
    return "—" if ratio is None else f"{ratio:f}%".replace(".", ",")


def distribution_xlsx(*, unit: Unit, rows: Sequence[YearRow]) -> bytes:
    """Return the distribution report of ``unit``'s subtree as .xlsx."""
    headers = [
        "Năm",
        "Tổng số",
        *(f"{LEVEL_SHORT[lv]} (người)" for lv in Level),
        *(f"{LEVEL_SHORT[lv]} (%)" for lv in Level),
        "HTXS/HTT (%)",
        "Tối đa HTXS",
        "Tỷ lệ HTXS",
    ]
    width = len(headers)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Xếp loại chất lượng"
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    half = width // 2
    sheet.cell(1, 1, unit.name.upper()).font = bold
    sheet.cell(1, half + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").font = bold
    sheet.cell(2, half + 1, "Độc lập - Tự do - Hạnh phúc").font = bold
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=half)
    sheet.merge_cells(start_row=1, start_column=half + 1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=half + 1, end_row=2, end_column=width)
    years = f"{rows[0].year}–{rows[-1].year}" if rows else ""
    lines = (
        (4, f"TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC {years}", Font(bold=True, size=14)),
        (5, f"(Đơn vị: {unit.name}; lập ngày {timezone.localdate():%d/%m/%Y})", Font(italic=True)),
    )
    for row, text, font in lines:
        cell = sheet.cell(row, 1, text)
        cell.font, cell.alignment = font, center
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, header in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font, cell.alignment, cell.border = bold, center, box
        sheet.column_dimensions[get_column_letter(col)].width = 12
    r = HEADER_ROW
    for year_row in rows:
        r += 1
        values = [
            year_row.year,
            year_row.total,
            *(year_row.counts[lv] for lv in Level),
            *(float(year_row.percents[lv]) for lv in Level),
            _ratio(year_row),
            year_row.quota.maximum,
            "Đạt" if year_row.quota_ok else "Vượt",
        ]
        for col, value in enumerate(values, start=1):
            sheet.cell(r, col, value).border = box
    r += 2
    sheet.cell(
        r, 1, "Nhóm vượt tỷ lệ (trong cùng đơn vị và nhóm có nhiệm vụ tương đồng)"
    ).font = bold
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
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"
    sheet.page_setup.orientation = "landscape"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
