"""The question bank's Excel template (.xlsx), one item a row: parse, write, and the template.

docs/formats/bank-xlsx.md explains the template to authors; ``make_template()`` gives the file
the bank's download page serves (the header, three example rows and a "Hướng dẫn" sheet).

Row 1 holds the headers, matched without regard to case, diacritics, spaces or punctuation
("Nội dung câu hỏi", "noi dung cau hoi"). A cell holding an HTML tag (``<b>``, ``<img ...>``)
is HTML; any other text is plain text. Excel cannot carry the pictures of a question: the
writer keeps ``<img src="asset:NAME">`` as text and the parser warns that the picture is
missing. Pure Python and openpyxl; no Django.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sathach.lib.formats.items import (
    Difficulty,
    Issue,
    ItemData,
    ItemFormatError,
    Kind,
    NumericAnswerData,
    OptionData,
    ParseResult,
    ShortAnswerData,
    validate_item,
)
from sathach.lib.formats.office_common import (
    DIFFICULTY_LABELS,
    ILLEGAL_XML_RE,
    KIND_LABELS,
    asset_refs,
    format_number,
    html_to_text,
    key_letters,
    label_key,
    open_package,
    parse_difficulty,
    parse_kind,
    parse_number,
    parse_truth,
    shown,
    text_to_html,
    truth_label,
)
from sathach.lib.text import nfc

# --- Layout ---------------------------------------------------------------------------------

LETTERS = "ABCDEF"


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # exactly as in the template
    width: float  # characters
    required: bool = False
    hint: str = ""  # for the "Hướng dẫn" sheet
    aliases: tuple[str, ...] = ()  # other headers the parser accepts


COLUMNS: tuple[Column, ...] = (
    Column(
        "external_id",
        "Mã câu hỏi",
        12,
        hint="Không bắt buộc. Mã của câu hỏi ở nơi khác, để đối chiếu khi nhập lại.",
    ),
    Column(
        "topic",
        "Chủ đề",
        30,
        hint="Các cấp cách nhau bởi “ > ”, ví dụ: Kiến thức chung > Hệ thống chính trị. "
        "Chủ đề chưa có sẽ được tạo khi nhập.",
    ),
    Column(
        "kind",
        "Loại câu hỏi",
        16,
        True,
        "Một lựa chọn, Nhiều lựa chọn, Đúng/Sai, Trả lời ngắn, Số hoặc Tự luận (gõ không dấu "
        "cũng được). Để trống: câu có phương án được hiểu là Một lựa chọn (hoặc Nhiều lựa "
        "chọn nếu đáp án có nhiều chữ cái).",
        ("Loại",),
    ),
    Column("difficulty", "Mức độ", 12, hint="Dễ, Trung bình hoặc Khó. Có thể để trống."),
    Column(
        "stem",
        "Nội dung câu hỏi",
        50,
        True,
        "Bắt buộc. Xuống dòng trong ô bằng Alt+Enter. Có thể dùng thẻ HTML <b>, <i>, <u>, "
        "<sup>, <sub>.",
        ("Câu hỏi", "Nội dung"),
    ),
    *(
        Column(
            f"option_{letter.lower()}",
            f"Phương án {letter}",
            24,
            hint=(
                "Các phương án của câu Một lựa chọn và Nhiều lựa chọn, điền liên tục từ A "
                "(ít nhất 2). Có thể bỏ các cột E, F."
                if letter == "A"
                else "Như Phương án A."
            ),
        )
        for letter in LETTERS
    ),
    Column(
        "key",
        "Đáp án",
        14,
        True,
        "Một lựa chọn: chữ cái, ví dụ B. Nhiều lựa chọn: các chữ cái, ví dụ A, C. Đúng/Sai: "
        "Đúng hoặc Sai. Trả lời ngắn: các đáp án được chấp nhận cách nhau bởi “|”. Số: "
        "giá trị, ví dụ 3,14 (dấu phẩy thập phân) hoặc 3.14. Tự luận: để trống.",
        ("Đáp án đúng",),
    ),
    Column("tolerance", "Sai số", 10, hint="Câu hỏi Số: sai số cho phép, ví dụ 0,01. Mặc định 0."),
    Column("points", "Điểm", 8, hint="Điểm tối đa của câu hỏi, lớn hơn 0. Mặc định 1."),
    Column("guide", "Hướng dẫn chấm", 40, hint="Câu Tự luận: đáp án và thang điểm cho người chấm."),
    Column("feedback", "Giải thích", 40, hint="Không bắt buộc. Giải thích đáp án."),
    Column(
        "source",
        "Nguồn / căn cứ",
        30,
        hint="Không bắt buộc. Văn bản làm căn cứ, ví dụ: Điều 4 Luật Cán bộ, công chức.",
        aliases=("Nguồn", "Căn cứ"),
    ),
    Column(
        "keep_order",
        "Không đảo phương án",
        12,
        hint="Ghi “x” khi thứ tự phương án phải giữ nguyên (ví dụ có phương án “Cả A và B "
        "đều đúng”). Để trống: phương án được đảo khi thi.",
    ),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
HEADERS = tuple(c.header for c in COLUMNS)
OPTION_KEYS = tuple(f"option_{letter.lower()}" for letter in LETTERS)
SHEET_TITLE = "Ngân hàng câu hỏi"
GUIDE_TITLE = "Hướng dẫn"

# 10,000 items is a big bank; 100,000 rows in one file is a mistake or an attack.
MAX_ROWS = 100_000


def _header_key(text: str) -> str:
    return label_key(text)


# Row-number columns many offices add ("STT", "TT"): not in the template, not worth a warning.
_QUIET_HEADERS = {"stt", "tt", "sothutu"}
_KEY_BY_HEADER = {
    _header_key(spelling): c.key for c in COLUMNS for spelling in (c.header, *c.aliases)
}

# --- Messages -------------------------------------------------------------------------------

MSG_NOT_XLSX = "Tệp không phải là tệp Excel .xlsx. Hãy lưu tệp dưới dạng “Excel Workbook (.xlsx)”."
MSG_XLS = (
    "Tệp là định dạng Excel 97-2003 (.xls) hoặc có đặt mật khẩu, không đọc được. Hãy mở bằng "
    "Excel, bỏ mật khẩu nếu có, rồi lưu lại dưới dạng .xlsx."
)
MSG_CORRUPT = "Tệp Excel bị hỏng hoặc không đầy đủ, không đọc được."
MSG_NO_SHEET = "Tệp không có trang tính nào."
MSG_EMPTY_SHEET = "Trang tính “%(sheet)s” trống: không có dòng tiêu đề."
MSG_NO_DATA = "Trang tính “%(sheet)s” không có câu hỏi nào dưới dòng tiêu đề."
MSG_TOO_MANY_ROWS = "Tệp có quá %(max)s dòng; hãy chia thành nhiều tệp."
MSG_MISSING_HEADERS = "Thiếu cột bắt buộc ở dòng tiêu đề (dòng 1): %(columns)s."
MSG_DUPLICATE_HEADER = "Cột “%(column)s” xuất hiện hai lần ở dòng tiêu đề."
MSG_MERGED = "Trang tính có ô gộp (%(ranges)s). Hãy bỏ gộp ô (Unmerge) rồi nhập lại."

# Row-level messages are lower-case fragments, like those of items.validate_item.
MSG_REQUIRED = "không được để trống"
MSG_BAD_KIND = (
    "loại câu hỏi “%(value)s” không hợp lệ (nhận: Một lựa chọn, Nhiều lựa chọn, Đúng/Sai, "
    "Trả lời ngắn, Số, Tự luận)"
)
MSG_NO_KIND = "chưa ghi loại câu hỏi"
MSG_BAD_DIFFICULTY = "mức độ “%(value)s” không hợp lệ (nhận: Dễ, Trung bình, Khó)"
MSG_BAD_POINTS = "điểm “%(value)s” không phải là số"
MSG_BAD_NUMBER = "đáp án “%(value)s” không phải là số"
MSG_BAD_TOLERANCE = "sai số “%(value)s” không phải là số"
MSG_TOLERANCE_COUNT = (
    "có %(tolerances)d sai số cho %(answers)d đáp án (cần 1 sai số hoặc mỗi đáp án 1)"
)
MSG_NO_KEY = "chưa có đáp án"
MSG_KEY_NOT_AN_OPTION = "đáp án “%(key)s” không có trong các phương án"
MSG_BAD_TRUTH = "đáp án của câu Đúng/Sai phải là “Đúng” hoặc “Sai”, không phải “%(value)s”"
MSG_OPTION_GAP = "phương án %(letter)s để trống nhưng phương án %(after)s có nội dung"

WARN_UNKNOWN_COLUMN = "cột “%(column)s” không thuộc mẫu, đã bỏ qua"
WARN_OPTIONS_IGNORED = "câu hỏi loại “%(kind)s” không dùng phương án; các phương án đã bỏ qua"
WARN_KEY_AS_GUIDE = "câu tự luận không có đáp án; nội dung ô Đáp án được dùng làm hướng dẫn chấm"
WARN_KEY_IGNORED = "câu tự luận không có đáp án; ô Đáp án đã bỏ qua (đã có hướng dẫn chấm)"
WARN_PICTURE = (
    "ảnh “%(name)s” không có trong tệp Excel (Excel không mang được ảnh của câu hỏi); "
    "hãy thêm ảnh cho câu hỏi sau khi nhập"
)

# Merged ranges are in <mergeCell ref="A2:B3"/> after the cell data; cell text holds no raw
# "<", so the pattern only finds the element itself.
_MERGE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref=\"([^\"]*)\"")
_ROW_OF_RANGE_RE = re.compile(r"[A-Z]+(\d+)(?::[A-Z]+(\d+))?")


# --- Reading --------------------------------------------------------------------------------


def _as_text(value: Any) -> str:
    """Return a cell value as NFC text ("" for an empty cell; 12345.0 as "12345")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return truth_label(value)
    if isinstance(value, float):
        return format_number(value) if math.isfinite(value) else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value: Any) -> float | None:
    """Return the number in a cell (a number cell, or text "3,14" / "3.14"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    return parse_number(_as_text(value))


def _merged_data_ranges(data: bytes, path: str) -> list[str]:
    """Return the merged ranges below the header row of the sheet at ``path``.

    openpyxl's read-only mode streams the rows and never reads ``<mergeCells>`` (it comes
    after the data); loading the workbook in normal mode to learn about merges would read it
    a second time (4 s for 10,000 rows). Scanning the sheet's XML for the elements takes
    under 0.1 s.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(path.lstrip("/"))
    except KeyError:
        return []
    ranges = []
    for ref in (m.decode("ascii", "replace") for m in _MERGE_RE.findall(xml)):
        rows = _ROW_OF_RANGE_RE.fullmatch(ref)
        if rows is None or max(int(r) for r in rows.groups() if r) >= 2:
            ranges.append(ref)
    return ranges


def parse(data: bytes, *, filename: str = "", max_rows: int = MAX_ROWS) -> ParseResult:
    """Read the Excel template; see the module docstring and docs/formats/bank-xlsx.md."""
    open_package(data, not_package=MSG_NOT_XLSX, old_format=MSG_XLS, corrupt=MSG_CORRUPT)
    try:
        header, rows = _read_sheet(data, max_rows)
    except ItemFormatError:
        raise
    except Exception as exc:
        # openpyxl raises whatever its zip and XML layers raise on a damaged file (KeyError,
        # ValueError, TypeError, zlib.error, ParseError, ...); to the user it is one thing.
        raise ItemFormatError(MSG_CORRUPT) from exc
    result = ParseResult()
    index = _read_header(header, result)
    for number, cells in rows:
        item = _RowReader(number, cells, index, result).read()
        if item is not None:
            result.items.append(item)
    return result


def _read_sheet(data: bytes, max_rows: int) -> tuple[list[Any], list[tuple[int, tuple[Any, ...]]]]:
    """Return the header row and the non-blank rows (numbered) of the items sheet."""
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
        if not sheets:
            raise ItemFormatError(MSG_NO_SHEET)
        headers = []
        for ws in sheets:
            ws.reset_dimensions()  # <dimension> is often wrong in files other tools write
            headers.append(list(next(ws.iter_rows(max_row=1, values_only=True), ())))
        # The items sheet is the first one with a "Nội dung câu hỏi" header.
        chosen = next(
            (i for i, h in enumerate(headers) if any(_header_is(v, "stem") for v in h)), 0
        )
        sheet, header = sheets[chosen], headers[chosen]
        title = shown(sheet.title)
        if all(_blank(v) for v in header):
            raise ItemFormatError(MSG_EMPTY_SHEET % {"sheet": title})
        merged = _merged_data_ranges(data, getattr(sheet, "_worksheet_path", ""))
        if merged:
            ranges = ", ".join(merged[:5]) + (", …" if len(merged) > 5 else "")
            raise ItemFormatError(MSG_MERGED % {"ranges": ranges})
        width = len(header)
        rows: list[tuple[int, tuple[Any, ...]]] = []
        for number, cells in enumerate(
            sheet.iter_rows(min_row=2, max_col=width, values_only=True), start=2
        ):
            if not cells or all(_blank(v) for v in cells):
                continue
            if len(rows) >= max_rows:
                limit = f"{max_rows:,}".replace(",", ".")  # Vietnamese digit grouping
                raise ItemFormatError(MSG_TOO_MANY_ROWS % {"max": limit})
            rows.append((number, tuple(cells) + (None,) * (width - len(cells))))
    finally:
        workbook.close()
    if not rows:
        raise ItemFormatError(MSG_NO_DATA % {"sheet": title})
    return header, rows


def _header_is(value: Any, key: str) -> bool:
    return _KEY_BY_HEADER.get(_header_key(_as_text(value))) == key


def _read_header(header: list[Any], result: ParseResult) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, value in enumerate(header):
        text = _as_text(value)
        key = _KEY_BY_HEADER.get(_header_key(text))
        if key is None:
            if text and _header_key(text) not in _QUIET_HEADERS:
                result.warnings.append(
                    Issue("dòng 1", WARN_UNKNOWN_COLUMN % {"column": shown(text)})
                )
            continue
        if key in index:
            raise ItemFormatError(MSG_DUPLICATE_HEADER % {"column": COLUMN_BY_KEY[key].header})
        index[key] = i
    missing = [c.header for c in COLUMNS if c.required and c.key not in index]
    if missing:
        raise ItemFormatError(
            MSG_MISSING_HEADERS % {"columns": ", ".join(f"“{h}”" for h in missing)}
        )
    return index


class _RowReader:
    """Turn one row into an ``ItemData``, or its problems into ``result.errors``."""

    def __init__(
        self, number: int, cells: tuple[Any, ...], index: dict[str, int], result: ParseResult
    ) -> None:
        self.number = number
        self.cells = cells
        self.index = index
        self.result = result
        self.errors: list[Issue] = []
        self._texts: dict[str, str] = {}

    def raw(self, key: str) -> Any:
        i = self.index.get(key)
        return self.cells[i] if i is not None else None

    def text(self, key: str) -> str:
        if key not in self._texts:
            self._texts[key] = _as_text(self.raw(key))
        return self._texts[key]

    def where(self, key: str = "") -> str:
        if not key:
            return f"dòng {self.number}"
        return f"dòng {self.number}, cột {COLUMN_BY_KEY[key].header}"

    def error(self, key: str, message: str) -> None:
        self.errors.append(Issue(self.where(key), message))

    def warn(self, key: str, message: str) -> None:
        self.result.warnings.append(Issue(self.where(key), message))

    def read(self) -> ItemData | None:
        options = self._options()
        item = ItemData(kind=self._kind(options), stem=text_to_html(self.text("stem")))
        item.location = self.where()
        if not item.stem:
            self.error("stem", MSG_REQUIRED)
        item.external_id = self.text("external_id")
        item.topic_path = tuple(p for p in (s.strip() for s in self.text("topic").split(">")) if p)
        item.difficulty = self._difficulty()
        item.points = self._points()
        item.general_feedback = text_to_html(self.text("feedback"))
        item.source = " ".join(self.text("source").split())
        item.shuffle = label_key(self.text("keep_order")) in ("", "0", "khong", "false")
        self._answer(item, options)
        for key in ("stem", *OPTION_KEYS, "guide", "feedback"):
            for name in asset_refs(self.text(key)) if "asset:" in self.text(key) else ():
                self.warn(key, WARN_PICTURE % {"name": shown(name)})
        if not self.errors:
            self.errors.extend(Issue(self.where(), message) for message in validate_item(item))
        if self.errors:
            self.result.errors.extend(self.errors)
            return None
        return item

    def _options(self) -> list[str]:
        texts = [self.text(key) for key in OPTION_KEYS]
        last = max((i for i, t in enumerate(texts) if t), default=-1)
        for i in range(last):
            if not texts[i]:
                after = LETTERS[next(j for j in range(i + 1, last + 1) if texts[j])]
                self.error(OPTION_KEYS[i], MSG_OPTION_GAP % {"letter": LETTERS[i], "after": after})
        return texts[: last + 1]

    def _kind(self, options: list[str]) -> Kind:
        text = self.text("kind")
        if not text:
            if not options:
                self.error("kind", MSG_NO_KIND)
                return Kind.SINGLE
            letters = key_letters(self.text("key")) or []
            return Kind.MULTIPLE if len(letters) > 1 else Kind.SINGLE
        kind = parse_kind(text)
        if kind is None:
            self.error("kind", MSG_BAD_KIND % {"value": shown(text)})
            return Kind.SINGLE
        return kind

    def _difficulty(self) -> Difficulty | None:
        text = self.text("difficulty")
        if not text:
            return None
        level = parse_difficulty(text)
        if level is None:
            self.error("difficulty", MSG_BAD_DIFFICULTY % {"value": shown(text)})
        return level

    def _points(self) -> float:
        raw = self.raw("points")
        if _blank(raw):
            return 1.0
        value = _number(raw)
        if value is None:
            self.error("points", MSG_BAD_POINTS % {"value": shown(_as_text(raw))})
            return 1.0
        return value

    def _answer(self, item: ItemData, options: list[str]) -> None:
        key = self.text("key")
        if item.kind in (Kind.SINGLE, Kind.MULTIPLE):
            item.options = [OptionData(text_to_html(text)) for text in options]
            self._choice_key(item, key)
            return
        if options:
            self.warn("option_a", WARN_OPTIONS_IGNORED % {"kind": KIND_LABELS[item.kind]})
        if item.kind == Kind.ESSAY:
            item.essay_guide = text_to_html(self.text("guide"))
            if key and not item.essay_guide:
                item.essay_guide = text_to_html(key)
                self.warn("key", WARN_KEY_AS_GUIDE)
            elif key:
                self.warn("key", WARN_KEY_IGNORED)
            return
        if not key:
            self.error("key", MSG_NO_KEY)
        elif item.kind == Kind.TRUE_FALSE:
            raw = self.raw("key")
            item.truth = raw if isinstance(raw, bool) else parse_truth(key)
            if item.truth is None:
                self.error("key", MSG_BAD_TRUTH % {"value": shown(key)})
        elif item.kind == Kind.SHORT_TEXT:
            item.answers = [ShortAnswerData(a.strip()) for a in key.split("|") if a.strip()]
        else:
            self._numeric(item, key)

    def _choice_key(self, item: ItemData, key: str) -> None:
        if not key:
            self.error("key", MSG_NO_KEY)
            return
        letters = key_letters(key)
        if letters is None:
            self.error("key", MSG_KEY_NOT_AN_OPTION % {"key": shown(key)})
            return
        for letter in letters:
            if letter not in LETTERS[: len(item.options)]:
                self.error("key", MSG_KEY_NOT_AN_OPTION % {"key": letter})
                return
        share = 1.0 / len(letters)
        for letter in letters:
            option = item.options[LETTERS.index(letter)]
            option.correct, option.fraction = True, share

    def _numeric(self, item: ItemData, key: str) -> None:
        raw = self.raw("key")
        pieces: list[Any] = [raw] if isinstance(raw, int | float) else key.split("|")
        values = []
        for piece in pieces:
            if isinstance(piece, str) and not piece.strip():
                continue
            value = _number(piece)
            if value is None:
                self.error("key", MSG_BAD_NUMBER % {"value": shown(_as_text(piece))})
                return
            values.append(value)
        raw = self.raw("tolerance")
        if _blank(raw):
            tolerances = [0.0]
        elif isinstance(raw, int | float) and not isinstance(raw, bool):
            tolerances = [float(raw)]
        else:
            tolerances = []
            for text in _as_text(raw).split("|"):
                tolerance = parse_number(text)
                if tolerance is None:
                    self.error("tolerance", MSG_BAD_TOLERANCE % {"value": shown(text)})
                    return
                tolerances.append(tolerance)
        if len(tolerances) == 1:
            tolerances *= len(values)
        if len(tolerances) != len(values):
            message = MSG_TOLERANCE_COUNT % {"tolerances": len(tolerances), "answers": len(values)}
            self.error("tolerance", message)
            return
        item.numeric = [NumericAnswerData(v, t) for v, t in zip(values, tolerances, strict=True)]


# --- Writing --------------------------------------------------------------------------------

_HEADER_FILL = "EEF1F4"


def _safe(value: str) -> str:
    return ILLEGAL_XML_RE.sub("", value)


def _check_fits(item: ItemData) -> None:
    if len(item.options) > len(LETTERS):
        raise ValueError(
            f"Câu hỏi “{shown(html_to_text(item.stem))}” có {len(item.options)} phương án; "
            f"mẫu Excel chỉ có {len(LETTERS)} cột phương án (A-F)."
        )


def _cells(item: ItemData) -> dict[str, Any]:
    """Return the cell values of ``item`` by column key."""
    cells: dict[str, Any] = {
        "external_id": item.external_id,
        "topic": " > ".join(item.topic_path),
        "kind": KIND_LABELS[Kind(item.kind)],
        "difficulty": DIFFICULTY_LABELS[Difficulty(item.difficulty)] if item.difficulty else "",
        "stem": html_to_text(item.stem),
        "points": item.points,
        "guide": html_to_text(item.essay_guide) if item.kind == Kind.ESSAY else "",
        "feedback": html_to_text(item.general_feedback),
        "source": item.source,
        "keep_order": "" if item.shuffle else "x",
    }
    for key, option in zip(OPTION_KEYS, item.options, strict=False):
        cells[key] = html_to_text(option.text)
    if item.kind in (Kind.SINGLE, Kind.MULTIPLE):
        cells["key"] = ", ".join(LETTERS[i] for i in item.correct_options())
    elif item.kind == Kind.TRUE_FALSE and item.truth is not None:
        cells["key"] = truth_label(item.truth)
    elif item.kind == Kind.SHORT_TEXT:
        cells["key"] = " | ".join(a.text for a in item.answers)
    elif item.kind == Kind.NUMERIC and item.numeric:
        tolerances = {a.tolerance for a in item.numeric}
        if len(item.numeric) == 1:
            cells["key"] = item.numeric[0].value  # a number cell: Excel shows it the local way
        else:
            cells["key"] = " | ".join(format_number(a.value) for a in item.numeric)
        if len(tolerances) == 1:
            cells["tolerance"] = item.numeric[0].tolerance
        else:
            cells["tolerance"] = " | ".join(format_number(a.tolerance) for a in item.numeric)
    return cells


class _Writer:
    """A workbook in the template's look: bold frozen header, widths, wrapping, drop-downs.

    A normal (not write-only) workbook: openpyxl writes it faster when every cell is styled,
    and it records the sheet's <dimension>, which spares the reader a whole extra pass.
    """

    def __init__(self) -> None:
        self.workbook = Workbook()
        self.sheet = cast(Worksheet, self.workbook.active)
        self.sheet.title = SHEET_TITLE
        self.sheet.freeze_panes = "A2"
        for i, column in enumerate(COLUMNS, start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = column.width
        self.bold = Font(bold=True)
        self.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self._lists()
        self.sheet.append([self._header(self.sheet, h) for h in HEADERS])

    def _lists(self) -> None:
        """Offer the kinds and levels as drop-down lists (typing other spellings still works)."""
        for key, labels in (
            ("kind", KIND_LABELS.values()),
            ("difficulty", DIFFICULTY_LABELS.values()),
        ):
            letter = get_column_letter(HEADERS.index(COLUMN_BY_KEY[key].header) + 1)
            validation = DataValidation(
                type="list", formula1='"' + ",".join(labels) + '"', showErrorMessage=False
            )
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            self.sheet.add_data_validation(validation)

    def _header(self, sheet: Worksheet, text: str) -> Cell:
        cell = Cell(sheet, row=1, column=1, value=text)  # append() puts it in its place
        cell.font = self.bold
        cell.fill = self.fill
        cell.alignment = self.wrap
        return cell

    def cell(self, sheet: Worksheet, value: Any) -> Cell | None:
        if value is None or value == "":
            return None
        if isinstance(value, float) and not math.isfinite(value):
            value = repr(value)
        if isinstance(value, str):
            value = _safe(value)
        cell = Cell(sheet, row=1, column=1, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula ("=...") or an error ("#N/A")
        cell.alignment = self.wrap
        return cell

    def append(self, item: ItemData) -> None:
        cells = _cells(item)
        self.sheet.append([self.cell(self.sheet, cells.get(c.key)) for c in COLUMNS])

    def add_guide(self) -> None:
        guide = self.workbook.create_sheet(GUIDE_TITLE)
        for letter, width in zip("ABC", (22, 10, 90), strict=True):
            guide.column_dimensions[letter].width = width
        guide.append([self._header(guide, h) for h in ("Cột", "Bắt buộc", "Cách ghi")])
        for column in COLUMNS:
            cells = [column.header, "Có" if column.required else "", column.hint]
            guide.append([self.cell(guide, v) for v in cells])
        guide.append([])
        for note in GUIDE_NOTES:
            guide.append([None, None, self.cell(guide, note)])

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.workbook.save(out)
        return out.getvalue()


GUIDE_NOTES = (
    "Mỗi dòng là một câu hỏi; dòng 1 là dòng tiêu đề, không đổi tên cột. Không gộp ô.",
    "Có thể thêm, bớt hoặc đổi thứ tự cột (trừ các cột bắt buộc); cột lạ được bỏ qua.",
    "Excel không mang được ảnh của câu hỏi: câu hỏi có ảnh hãy nhập bằng tệp Word, hoặc "
    "thêm ảnh trong ngân hàng sau khi nhập.",
    "Khi nhập, mọi dòng được kiểm tra; báo cáo nêu dòng và cột của từng lỗi. Có lỗi thì không "
    "câu nào được nhập, trừ khi chọn chỉ nhập các câu đúng.",
)


def write(items: Sequence[ItemData], *, guide: bool = True) -> bytes:
    """Return the template workbook holding ``items``, one a row.

    Raise ValueError for an item with more options than the columns A-F.
    """
    for item in items:  # all first: refuse before doing any work
        _check_fits(item)
    writer = _Writer()
    for item in items:
        writer.append(item)
    if guide:
        writer.add_guide()
    return writer.bytes()


EXAMPLE_ITEMS = (
    ItemData(
        kind=Kind.SINGLE,
        stem="Theo Hiến pháp năm 2013, cơ quan nào là cơ quan quyền lực nhà nước cao nhất của "
        "nước Cộng hòa xã hội chủ nghĩa Việt Nam?",
        options=[
            OptionData("Chính phủ"),
            OptionData("Quốc hội", correct=True, fraction=1.0),
            OptionData("Chủ tịch nước"),
            OptionData("Cả A, B và C"),
        ],
        difficulty=Difficulty.EASY,
        topic_path=("Kiến thức chung", "Hệ thống chính trị"),
        source="Điều 69 Hiến pháp năm 2013",
        shuffle=False,
        external_id="HTCT-001",
    ),
    ItemData(
        kind=Kind.MULTIPLE,
        stem="Hệ thống chính trị ở nước ta gồm những tổ chức nào sau đây?",
        options=[
            OptionData("Đảng Cộng sản Việt Nam", correct=True, fraction=1 / 3),
            OptionData("Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam", correct=True, fraction=1 / 3),
            OptionData(
                "Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội",
                correct=True,
                fraction=1 / 3,
            ),
            OptionData("Các doanh nghiệp nhà nước"),
        ],
        difficulty=Difficulty.MEDIUM,
        topic_path=("Kiến thức chung", "Hệ thống chính trị"),
        general_feedback="Doanh nghiệp nhà nước là tổ chức kinh tế, không thuộc hệ thống chính "
        "trị.",
        external_id="HTCT-002",
    ),
    ItemData(
        kind=Kind.TRUE_FALSE,
        stem="Cán bộ, công chức có nghĩa vụ trung thành với Đảng Cộng sản Việt Nam, Nhà nước "
        "Cộng hòa xã hội chủ nghĩa Việt Nam.",
        truth=True,
        difficulty=Difficulty.EASY,
        topic_path=("Kiến thức chung", "Luật Cán bộ, công chức"),
        source="Khoản 1 Điều 8 Luật Cán bộ, công chức năm 2008",
        external_id="CBCC-001",
    ),
)


def make_template() -> bytes:
    """Return the template the bank offers for download: headers, examples and the guide."""
    return write(EXAMPLE_ITEMS)
