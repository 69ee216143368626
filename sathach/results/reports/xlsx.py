"""The reports as workbooks laid out like the forms organisers file (openpyxl).

Each sheet opens like an administrative form: the issuer and the national motto, the title,
the plan, the decision (or the date of the figures), the scope; then a table with merged
header cells and numbered columns, numbers stored as numbers; then the signature block
"Người lập biểu / Thủ trưởng đơn vị". Official papers: always in Vietnamese, whatever the
reader's language.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from weakref import WeakKeyDictionary

from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sathach.plans.models import BlueprintPart

from ..constants import PartStatus
from .access import ReportScope
from .selectors import AGE, BLOCK, POSITION, RANK, UNIT, Tally, UnitGroup
from .texts import LOCAL_TZ, PaperHeader, paper_header

BOLD = Font(bold=True)
ITALIC = Font(italic=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PERCENT_FORMAT = "0.00"  # rates and scores alike

TALLY_TITLES = {
    UNIT: "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO ĐƠN VỊ",
    BLOCK: "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO KHỐI",
    RANK: "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO NGẠCH CÔNG CHỨC",
    POSITION: "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO VỊ TRÍ VIỆC LÀM",
    AGE: "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH THEO ĐỘ TUỔI",
}
TALLY_SHEETS = {
    UNIT: "Theo đơn vị",
    BLOCK: "Theo khối",
    RANK: "Theo ngạch",
    POSITION: "Theo vị trí việc làm",
    AGE: "Theo độ tuổi",
}
TALLY_GROUP_HEADERS = {
    UNIT: "Đơn vị",
    BLOCK: "Khối",
    RANK: "Ngạch công chức",
    POSITION: "Vị trí việc làm",
    AGE: "Độ tuổi",
}
BELOW_BAR_TITLE = "DANH SÁCH CÔNG CHỨC KHÔNG ĐẠT YÊU CẦU"
LEVELS = ("Xuất sắc", "Tốt", "Đạt", "Không đạt")
TALLY_WIDTH = 16  # columns of the tally table


@dataclass(frozen=True)
class Merged:
    """A header cell: text at (row, col) of the header block, spanning rows × cols."""

    text: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1


def tally_headers(group_header: str) -> tuple[list[Merged], int]:
    """Return the header cells of a tally table and the number of header rows (the last one
    numbers the columns, as the forms do)."""
    cells = [
        Merged("STT", 0, 1, rows=3),
        Merged(group_header, 0, 2, rows=3),
        Merged("Tổng số người", 0, 3, rows=3),
        Merged("Vắng thi", 0, 4, rows=3),
        Merged("Chưa đủ kết quả", 0, 5, rows=3),
        Merged("Có kết quả", 0, 6, rows=3),
        Merged("Kết quả xếp loại", 0, 7, cols=8),
        Merged("Tỷ lệ đạt (%)", 0, 15, rows=3),
        Merged("Điểm trung bình (% tổng điểm tối đa)", 0, 16, rows=3),
    ]
    for i, level in enumerate(LEVELS):
        cells.append(Merged(level, 1, 7 + 2 * i, cols=2))
        cells.append(Merged("Số lượng", 2, 7 + 2 * i))
        cells.append(Merged("Tỷ lệ (%)", 2, 8 + 2 * i))
    cells.extend(Merged(f"({i})", 3, i) for i in range(1, TALLY_WIDTH + 1))
    return cells, 4


def _decimal(value: Decimal | None) -> float | str:
    return float(value) if value is not None else ""


def tally_values(index: int | str, tally: Tally) -> list[Any]:
    """Return one row of a tally table (numbers as numbers, an empty cell for no rate)."""
    values: list[Any] = [
        index,
        tally.label,
        tally.candidates,
        tally.absent,
        tally.pending,
        tally.complete,
    ]
    for _label, count, share in tally.levels:
        values.extend([count, _decimal(share)])
    values.extend([_decimal(tally.pass_rate), _decimal(tally.mean_percent)])
    return values


# --- Sheet layout ---------------------------------------------------------------------------------


def _title_block(sheet: Worksheet, header: PaperHeader, title: str, width: int) -> int:
    """Write the issuer, the motto, the title and the plan lines; return the next free row."""
    half = max(2, width // 2)
    sheet.cell(1, 1, header.issuer).font = BOLD
    sheet.cell(1, half + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").font = BOLD
    sheet.cell(2, half + 1, "Độc lập - Tự do - Hạnh phúc").font = BOLD
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=half)
    sheet.merge_cells(start_row=1, start_column=half + 1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=half + 1, end_row=2, end_column=width)
    for row in (1, 2):
        for col in (1, half + 1):
            sheet.cell(row, col).alignment = CENTER
    lines = [
        (4, title, Font(bold=True, size=14)),
        (5, header.plan_line, BOLD),
        (6, header.decision_line, ITALIC),
        (7, header.scope_line, ITALIC),
    ]
    for row, text, font in lines:
        cell = sheet.cell(row, 1, text)
        cell.font, cell.alignment = font, CENTER
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    return 9


def _header_block(sheet: Worksheet, first: int, cells: Sequence[Merged], height: int) -> int:
    """Write merged header cells from row ``first``; return the first row after them."""
    for cell in cells:
        top, left = first + cell.row, cell.col
        bottom, right = top + cell.rows - 1, left + cell.cols - 1
        for r in range(top, bottom + 1):  # borders on every cell a merge covers
            for c in range(left, right + 1):
                sheet.cell(r, c).border = BOX
        target = sheet.cell(top, left, cell.text)
        target.font = BOLD if cell.row < height - 1 else ITALIC
        target.alignment = CENTER
        if bottom > top or right > left:
            sheet.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
    return first + height


RIGHT = Alignment(horizontal="right", vertical="center")

# Styling a cell through openpyxl's descriptors hashes every style object on each assignment
# (most of the time of a sheet of thousands of rows); a cell styled once lends its style
# indexes (``_style``, a small array) to every later cell of the same kind.
_STYLES: WeakKeyDictionary[Workbook, dict[tuple[str, bool, bool], Any]] = WeakKeyDictionary()


def _style(cell: Any, value: Any, first: bool, bold: bool) -> None:
    kind = "float" if isinstance(value, float) else "int" if isinstance(value, int) else "text"
    key = (kind, first, bold)
    styles = _STYLES.setdefault(cell.parent.parent, {})  # the cell's workbook
    array = styles.get(key)
    if array is not None:
        cell._style = copy(array)
        return
    cell.border = BOX
    if kind == "float":
        cell.number_format = PERCENT_FORMAT
    cell.alignment = RIGHT if kind != "text" else (CENTER if first else LEFT)
    if bold:
        cell.font = BOLD
    styles[key] = copy(cell._style)


def _row(sheet: Worksheet, row: int, values: Sequence[Any], *, bold: bool = False) -> None:
    for col, value in enumerate(values, start=1):
        cell = sheet.cell(row, col, value)
        _style(cell, value, col == 1, bold)


def _signatures(sheet: Worksheet, row: int, width: int, today: dt.date) -> None:
    """Write "Người lập biểu" on the left and the place-date line and "Thủ trưởng đơn vị" on
    the right, as the forms end."""
    half = max(2, width // 2)
    right = half + 1
    dated = sheet.cell(row, right, f"……, ngày {today:%d} tháng {today:%m} năm {today:%Y}")
    dated.font, dated.alignment = ITALIC, CENTER
    sheet.merge_cells(start_row=row, start_column=right, end_row=row, end_column=width)
    for col, end, lines in (
        (1, half, (("NGƯỜI LẬP BIỂU", BOLD), ("(Ký, ghi rõ họ tên)", ITALIC))),
        (right, width, (("THỦ TRƯỞNG ĐƠN VỊ", BOLD), ("(Ký tên, đóng dấu)", ITALIC))),
    ):
        for offset, (text, font) in enumerate(lines, start=1):
            cell = sheet.cell(row + offset, col, text)
            cell.font, cell.alignment = font, CENTER
            sheet.merge_cells(
                start_row=row + offset, start_column=col, end_row=row + offset, end_column=end
            )


def _print_setup(sheet: Worksheet, header_rows: str) -> None:
    sheet.print_title_rows = header_rows
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _today() -> dt.date:
    return timezone.now().astimezone(LOCAL_TZ).date()


# --- Tally workbooks ------------------------------------------------------------------------------


def _tally_sheet(
    sheet: Worksheet,
    header: PaperHeader,
    dimension: str,
    tallies: Sequence[Tally],
    total: Tally,
    today: dt.date,
) -> None:
    sheet.title = TALLY_SHEETS[dimension]
    first = _title_block(sheet, header, TALLY_TITLES[dimension], TALLY_WIDTH)
    cells, height = tally_headers(TALLY_GROUP_HEADERS[dimension])
    row = _header_block(sheet, first, cells, height)
    top = row
    for index, tally in enumerate(tallies, start=1):
        _row(sheet, row, tally_values(index, tally))
        row += 1
    _row(sheet, row, tally_values("", total), bold=True)
    sheet.cell(row, 2, "Tổng cộng")
    _signatures(sheet, row + 2, TALLY_WIDTH, today)
    for col, size in enumerate([6, 34, *([10] * 14)], start=1):
        sheet.column_dimensions[get_column_letter(col)].width = size
    sheet.freeze_panes = f"C{top}"
    _print_setup(sheet, f"{first}:{top - 1}")


@translation.override("vi")
def tally_workbook(
    scope: ReportScope, tables: Sequence[tuple[str, Sequence[Tally]]], total: Tally
) -> bytes:
    """Return a workbook with one tally sheet per (dimension, tallies) of ``tables``, each
    closed by the scope's total: "Bảng tổng hợp kết quả … theo đơn vị" alone, or the
    distributions by block, rank, position and age band."""
    book = Workbook()
    header = paper_header(scope)
    today = _today()
    first = book.active
    assert first is not None
    for i, (dimension, tallies) in enumerate(tables):
        sheet = first if i == 0 else book.create_sheet()
        _tally_sheet(sheet, header, dimension, tallies, total, today)
    return _save(book)


# --- The list below the bar ---------------------------------------------------------------------


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out if n == 0 else str(n)


def roman(n: int) -> str:
    """Return ``n`` in Roman numerals (the forms number groups I, II, III…), up to 39, then
    in digits."""
    return _roman(n) if n < 40 else str(n)


def part_title(part: BlueprintPart) -> str:
    maximum = f"{part.max_score.normalize():f}".replace(".", ",")
    return f"Phần {part.order}: {part.name} (tối đa {maximum})"


def cell_value(cell: Any) -> Any:
    """Return a part cell as the forms show it: the score as a number, else its status."""
    if cell is None:
        return ""
    status, score = (cell.status, cell.score) if hasattr(cell, "status") else cell
    if status == PartStatus.SCORED and score is not None:
        return float(score)
    return str(PartStatus(status).label) if status else ""


@translation.override("vi")
def below_bar_workbook(
    scope: ReportScope, parts: Sequence[BlueprintPart], groups: Sequence[UnitGroup]
) -> bytes:
    """Return "Danh sách công chức không đạt yêu cầu": one group per reporting unit (I, II…),
    each person's rank, position, part scores, total and why they are below the bar."""
    fixed = [
        "STT",
        "Số báo danh",
        "Họ và tên",
        "Ngày sinh",
        "Ngạch",
        "Vị trí việc làm",
        "Đơn vị công tác",
    ]
    headers = [*fixed, *(part_title(p) for p in parts), "Tổng điểm", "Lý do không đạt"]
    width = len(headers)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Không đạt yêu cầu"
    header = paper_header(scope)
    first = _title_block(sheet, header, BELOW_BAR_TITLE, width)
    cells = [Merged(text, 0, col) for col, text in enumerate(headers, start=1)]
    cells += [Merged(f"({col})", 1, col) for col in range(1, width + 1)]
    row = _header_block(sheet, first, cells, 2)
    top = row
    index = 0
    for number, group in enumerate(groups, start=1):
        title = sheet.cell(row, 1, f"{roman(number)}. {group.name} ({len(group.rows)} người)")
        title.font, title.alignment = BOLD, LEFT
        for col in range(1, width + 1):
            sheet.cell(row, col).border = BOX
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
        for person in group.rows:
            index += 1
            values = [
                index,
                person.number,
                person.name,
                f"{person.birth_date:%d/%m/%Y}",
                person.rank,
                person.position,
                person.unit,
                *(cell_value(c) for c in person.cells),
                float(person.total) if person.total is not None else "",
                "; ".join(person.reasons),
            ]
            _row(sheet, row, values)  # scores: floats shown with two decimals
            row += 1
    summary = sheet.cell(row + 1, 1, f"Tổng số: {index} người không đạt yêu cầu.")
    summary.font = BOLD
    _signatures(sheet, row + 3, width, _today())
    sizes = [6, 12, 26, 12, 18, 24, 28, *(14 for _p in parts), 11, 40]
    for col, size in enumerate(sizes, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = size
    sheet.freeze_panes = f"D{top}"
    _print_setup(sheet, f"{first}:{top - 1}")
    return _save(book)
