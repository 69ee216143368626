"""Past years' quality ratings (xếp loại chất lượng) as an .xlsx: read it, write the template.

Pure Python and openpyxl; no Django. The workbook is read with the roster's hardened reader
(zip-bomb and DOCTYPE checks, shared strings, date styles, merged ranges): see
``sathach.lib.formats.roster``. The evaluation app checks what needs the database (the person
exists, is in the importer's scope, the name matches the roster, an evaluation made on the
system is not overwritten). docs/formats/ratings.md describes the layout.

Contract:

    parse_ratings(data, *, today, year=None) -> RatingsFile
        - never raises anything but ``RatingsFormatError`` (the file cannot be used at all);
        - every bad cell becomes a ``RowError(row, column, message)`` with the sheet's row
          number and a Vietnamese message; the row is left out of ``RatingsFile.rows``;
        - the header row is the first of the first ten rows holding “Mã công chức”: title rows
          above it (merged or not) are skipped, as in the lists organisers file;
        - ``year`` is the year being imported: an empty or missing “Năm” takes it, another
          year in the cell is refused.
    write_template(rows=()) -> bytes        the layout with a guidance sheet
    write_error_report(ratings, errors) -> bytes
                                            the input rows as read, plus a "Lỗi" column

Levels are read as the abbreviations (HTXS, HTT, HT, KHT, and HTXSNV, HTTNV, HTNV, KHTNV) or
the full words, with or without diacritics and "nhiệm vụ". Text is NFC.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

# The roster's workbook reader is the project's one hardened .xlsx reader; reuse it as is.
from sathach.lib.formats.roster import (
    RosterFormatError,
    RowError,
    _as_text,
    _blank,
    _check_zip,
    _SheetReader,
    _shown,
    _top_left,
    _Workbook,
)
from sathach.lib.text import clean_name, fold

__all__ = [
    "COLUMNS",
    "HEADERS",
    "LEVEL_WORDS",
    "RatingRow",
    "RatingsFile",
    "RatingsFormatError",
    "RowError",
    "parse_level",
    "parse_ratings",
    "write_error_report",
    "write_template",
]

# Level codes: those of sathach.lib.rules.rating (kept literal: formats does not import rules).
LEVEL_WORDS: dict[str, str] = {
    "htxs": "Hoàn thành xuất sắc nhiệm vụ",
    "htt": "Hoàn thành tốt nhiệm vụ",
    "ht": "Hoàn thành nhiệm vụ",
    "kht": "Không hoàn thành nhiệm vụ",
}
_ABBREVIATIONS = {
    "htxs": ("htxs", "htxsnv"),
    "htt": ("htt", "httnv"),
    "ht": ("ht", "htnv"),
    "kht": ("kht", "khtnv"),
}


def _key(text: str) -> str:
    """Return ``text`` folded to lower-case ASCII letters and digits only."""
    return re.sub(r"[^a-z0-9]+", "", fold(text))


_LEVEL_BY_KEY: dict[str, str] = {}
for _level_code, _words in LEVEL_WORDS.items():
    for _spelling in (_words, _words.removesuffix(" nhiệm vụ"), *_ABBREVIATIONS[_level_code]):
        _LEVEL_BY_KEY[_key(_spelling)] = _level_code


def parse_level(text: str) -> str | None:
    """Return the level code ``text`` names ("HTT", "Hoàn thành tốt nhiệm vụ"), else None."""
    return _LEVEL_BY_KEY.get(_key(text))


# --- Layout ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float
    required: bool = False
    hint: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã công chức", 16, True, "Mã công chức đã có trong danh sách công chức"),
    Column("full_name", "Họ và tên", 28, False, "Nếu có, phải khớp họ tên trong danh sách"),
    Column("year", "Năm", 8, True, "Năm đánh giá, ví dụ 2024; để trống khi nhập theo một năm"),
    Column("level", "Xếp loại", 30, True, "HTXS, HTT, HT, KHT hoặc ghi đầy đủ"),
    Column("party_level", "Xếp loại đảng viên", 30, False, "Như cột Xếp loại; để trống nếu không"),
    Column("note", "Ghi chú", 30, False, "Tối đa 500 ký tự"),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
HEADERS = tuple(c.header for c in COLUMNS)
SHEET_TITLE = "Xếp loại chất lượng"
GUIDE_TITLE = "Hướng dẫn"
ERROR_HEADER = "Lỗi"
IGNORED_HEADERS = frozenset({"stt", "so thu tu", "loi"})  # folded; read and dropped silently

MAX_ROWS = 50_000
HEADER_SEARCH_ROWS = 10
MIN_YEAR = 2000
CODE_MAX = 30
NAME_MAX = 150
NOTE_MAX = 500
_CODE_RE = re.compile(r"[A-Za-z0-9._-]+")

# --- Messages -------------------------------------------------------------------------------

MSG_NO_SHEET = "Tệp không có trang tính nào."
MSG_EMPTY_SHEET = "Trang tính “%(sheet)s” trống."
MSG_NO_HEADER = (
    "Không thấy dòng tiêu đề có cột “Mã công chức” trong %(n)d dòng đầu của trang tính “%(sheet)s”."
)
MSG_NO_DATA = "Trang tính “%(sheet)s” không có dòng dữ liệu nào dưới dòng tiêu đề."
MSG_TOO_MANY_ROWS = "Tệp có quá %(max)s dòng dữ liệu; hãy chia thành nhiều tệp."
MSG_MISSING_HEADERS = "Thiếu cột bắt buộc ở dòng tiêu đề (dòng %(row)d): %(columns)s."
MSG_DUPLICATE_HEADER = "Cột “%(column)s” xuất hiện hai lần ở dòng tiêu đề."
MSG_MERGED = "Bảng có ô gộp từ dòng tiêu đề trở xuống (%(ranges)s). Hãy bỏ gộp ô rồi nhập lại."
MSG_UNKNOWN_COLUMN = "Cột “%(column)s” không thuộc mẫu, đã bỏ qua."

MSG_REQUIRED = "Không được để trống."
MSG_TOO_LONG = "Dài quá %(max)d ký tự."
MSG_CODE = "Mã “%(value)s” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và các dấu . - _."
MSG_YEAR = "Năm “%(value)s” không hợp lệ (cần năm từ %(min)d đến %(max)d)."
MSG_YEAR_OTHER = "Năm %(value)d khác năm đang nhập (%(year)d)."
MSG_LEVEL = (
    "Xếp loại “%(value)s” không hợp lệ (nhận: HTXS, HTT, HT, KHT hoặc Hoàn thành xuất sắc "
    "nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)."
)
MSG_DUPLICATE = "Công chức “%(code)s” có nhiều dòng cho năm %(year)d (dòng %(rows)s)."


class RatingsFormatError(Exception):
    """The file cannot be used at all; ``message`` is Vietnamese, for the user."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass
class RatingRow:
    """One valid row."""

    row: int
    code: str
    year: int
    level: str  # "htxs", "htt", "ht", "kht"
    full_name: str = ""
    party_level: str = ""
    note: str = ""


@dataclass
class RatingsFile:
    header: tuple[str, ...]
    header_row: int
    columns: dict[str, int]
    rows: list[RatingRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    raw: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.raw)


# --- Reading --------------------------------------------------------------------------------


class _CellError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def _header_key(value: Any) -> str:
    return " ".join(_as_text(value).split()).casefold()


_KEY_BY_HEADER = {_header_key(c.header): c.key for c in COLUMNS}


def _code(value: Any) -> str:
    text = _as_text(value)
    if len(text) > CODE_MAX:
        raise _CellError(MSG_TOO_LONG % {"max": CODE_MAX})
    if not _CODE_RE.fullmatch(text):
        raise _CellError(MSG_CODE % {"value": _shown(text)})
    return text


def _text(value: Any, limit: int) -> str:
    text = clean_name(_as_text(value))
    if len(text) > limit:
        raise _CellError(MSG_TOO_LONG % {"max": limit})
    return text


def _level(value: Any) -> str:
    level = parse_level(_as_text(value))
    if level is None:
        raise _CellError(MSG_LEVEL % {"value": _shown(value)})
    return level


def parse_ratings(data: bytes, *, today: Any, year: int | None = None) -> RatingsFile:
    """Read a ratings workbook; see the module docstring for the contract.

    ``today`` (a date) bounds the years: a rating of a year not begun is refused.
    """
    try:
        archive = _check_zip(data)
    except RosterFormatError as exc:
        raise RatingsFormatError(exc.message) from exc
    except Exception as exc:
        # zipfile raises NotImplementedError for a central directory claiming a newer zip
        # version (found by the fuzz test); any such damage is "corrupt" to the user.
        raise RatingsFormatError(_CORRUPT) from exc
    try:
        return _parse(_Workbook(archive), today.year, year)
    except RatingsFormatError:
        raise
    except RosterFormatError as exc:
        raise RatingsFormatError(exc.message) from exc
    except Exception as exc:
        # A damaged file fails somewhere in the zip, XML or number layers; to the user it is
        # one problem (as the roster reader says).
        raise RatingsFormatError(_CORRUPT) from exc
    finally:
        archive.close()


_CORRUPT = "Tệp Excel bị hỏng hoặc không đầy đủ, không đọc được."


def _parse(book: _Workbook, max_year: int, year: int | None) -> RatingsFile:
    if not book.sheets:
        raise RatingsFormatError(MSG_NO_SHEET)
    title, path = next(
        ((name, path) for name, path in book.sheets if clean_name(name) == SHEET_TITLE),
        book.sheets[0],
    )
    title = _shown(title)
    sheet = _SheetReader(book, path)
    rows = sheet.rows()
    seen: list[tuple[int, list[Any]]] = []
    header: tuple[int, list[Any]] | None = None
    for number, cells in rows:
        if all(_blank(v) for v in cells):
            continue
        if any(_KEY_BY_HEADER.get(_header_key(v)) == "code" for v in cells):
            header = (number, cells)
            break
        seen.append((number, cells))
        if len(seen) >= HEADER_SEARCH_ROWS or number >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        if not seen:
            raise RatingsFormatError(MSG_EMPTY_SHEET % {"sheet": title})
        raise RatingsFormatError(MSG_NO_HEADER % {"n": HEADER_SEARCH_ROWS, "sheet": title})
    header_row, header_cells = header
    merged_below = [m for m in sheet.merged if _top_left(m)[0] >= header_row]
    if merged_below:
        shown = ", ".join(merged_below[:5]) + (", …" if len(merged_below) > 5 else "")
        raise RatingsFormatError(MSG_MERGED % {"ranges": _shown(shown, 80)})
    ratings = _read_header(header_row, header_cells, year)
    width = len(ratings.header)
    sheet.max_col = width
    parser = _RowParser(ratings, max_year, year)
    for number, cells in rows:
        if all(_blank(v) for v in cells[:width]):
            continue
        if len(ratings.raw) >= MAX_ROWS:
            limit = f"{MAX_ROWS:,}".replace(",", ".")
            raise RatingsFormatError(MSG_TOO_MANY_ROWS % {"max": limit})
        padded = tuple(cells[:width]) + (None,) * (width - len(cells[:width]))
        ratings.raw.append((number, padded))
        parser.parse(number, padded)
    if not ratings.raw:
        raise RatingsFormatError(MSG_NO_DATA % {"sheet": title})
    parser.finish()
    return ratings


def _read_header(row: int, cells: Sequence[Any], year: int | None) -> RatingsFile:
    header = [_as_text(v) for v in cells]
    while header and not header[-1]:
        header.pop()
    index: dict[str, int] = {}
    warnings: list[str] = []
    for i, text in enumerate(header):
        key = _KEY_BY_HEADER.get(_header_key(text))
        if key is None:
            if text and fold(text) not in IGNORED_HEADERS:
                warnings.append(MSG_UNKNOWN_COLUMN % {"column": _shown(text)})
            continue
        if key in index:
            raise RatingsFormatError(MSG_DUPLICATE_HEADER % {"column": COLUMN_BY_KEY[key].header})
        index[key] = i
    missing = [
        c.header
        for c in COLUMNS
        if c.required and c.key not in index and not (c.key == "year" and year is not None)
    ]
    if missing:
        raise RatingsFormatError(
            MSG_MISSING_HEADERS % {"row": row, "columns": ", ".join(f"“{h}”" for h in missing)}
        )
    return RatingsFile(header=tuple(header), header_row=row, columns=index, warnings=warnings)


class _RowParser:
    def __init__(self, ratings: RatingsFile, max_year: int, year: int | None) -> None:
        self.ratings = ratings
        self.max_year = max_year
        self.year = year
        self.rows_by_key: dict[tuple[str, int], list[int]] = {}

    def _year(self, value: Any) -> int:
        if _blank(value):
            if self.year is not None:
                return self.year
            raise _CellError(MSG_REQUIRED)
        text = _as_text(value)
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and re.fullmatch(r"\d{4}", text):
            number = int(text)
        elif isinstance(value, float) and value.is_integer() and abs(value) < 10_000:
            number = int(value)
        if number is None or not MIN_YEAR <= number <= self.max_year:
            raise _CellError(
                MSG_YEAR % {"value": _shown(value), "min": MIN_YEAR, "max": self.max_year}
            )
        if self.year is not None and number != self.year:
            raise _CellError(MSG_YEAR_OTHER % {"value": number, "year": self.year})
        return number

    def parse(self, number: int, cells: tuple[Any, ...]) -> None:
        errors: list[RowError] = []
        values: dict[str, Any] = {}
        index = self.ratings.columns

        def take(key: str, convert: Any, required: bool = False) -> None:
            i = index.get(key)
            raw = cells[i] if i is not None else None
            try:
                if required and _blank(raw):
                    raise _CellError(MSG_REQUIRED)
                if not required and _blank(raw) and key != "year":
                    values[key] = ""
                    return
                values[key] = convert(raw)
            except _CellError as exc:
                errors.append(RowError(number, COLUMN_BY_KEY[key].header, exc.message))

        take("code", _code, required=True)
        take("full_name", lambda v: _text(v, NAME_MAX))
        take("year", self._year)
        take("level", _level, required=True)
        take("party_level", _level)
        take("note", lambda v: _text(v, NOTE_MAX))
        code, year = values.get("code"), values.get("year")
        if code and year:
            self.rows_by_key.setdefault((code, year), []).append(number)
        if errors:
            self.ratings.errors.extend(errors)
            return
        self.ratings.rows.append(RatingRow(row=number, **values))

    def finish(self) -> None:
        """Refuse every row of a person and year that occurs more than once in the file."""
        header = COLUMN_BY_KEY["code"].header
        bad: set[int] = set()
        for (code, year), rows in self.rows_by_key.items():
            if len(rows) < 2:
                continue
            message = MSG_DUPLICATE % {
                "code": code, "year": year, "rows": ", ".join(map(str, rows))
            }  # fmt: skip
            self.ratings.errors.extend(RowError(r, header, message) for r in rows)
            bad.update(rows)
        self.ratings.rows = [r for r in self.ratings.rows if r.row not in bad]
        self.ratings.errors.sort(key=lambda e: e.row)  # stable: columns keep their order


# --- Writing --------------------------------------------------------------------------------

_HEADER_FILL = PatternFill("solid", fgColor="EEF1F4")
_BAD_FILL = PatternFill("solid", fgColor="FFF3F2")
_ILLEGAL_XML_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _safe(value: Any) -> Any:
    """Return ``value`` as openpyxl can write it (no XML-illegal characters, no NaN)."""
    if isinstance(value, str):
        return _ILLEGAL_XML_RE.sub("", value) or None
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return value


def _append(sheet: Any, values: Sequence[Any]) -> None:
    """Append a row; text starting with "=" stays text, never a formula."""
    sheet.append([_safe(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _first_sheet(book: Workbook) -> Worksheet:
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_TITLE
    return sheet


def _sheet(book: Workbook, headers: Sequence[str], widths: Sequence[float]) -> Worksheet:
    sheet = _first_sheet(book)
    sheet.append(list(headers))
    for i, width in enumerate(widths, start=1):
        cell = sheet.cell(1, i)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_template(rows: Iterable[RatingRow] = ()) -> bytes:
    """Return the ratings template holding ``rows`` (none: the empty template), with a guide.

    The code column is formatted as text so Excel keeps leading zeros.
    """
    book = Workbook()
    sheet = _sheet(book, HEADERS, [c.width for c in COLUMNS])
    sheet.column_dimensions["A"].number_format = "@"
    for r in rows:
        _append(
            sheet,
            [r.code, r.full_name, r.year, LEVEL_WORDS[r.level],
             LEVEL_WORDS.get(r.party_level, ""), r.note],
        )  # fmt: skip
    guide = book.create_sheet(GUIDE_TITLE)
    guide.append(["Cột", "Bắt buộc", "Giá trị nhận"])
    for c in COLUMNS:
        guide.append([c.header, "Có" if c.required else "", c.hint])
    guide.append([])
    guide.append(["Xếp loại", "", "; ".join(f"{k.upper()} = {v}" for k, v in LEVEL_WORDS.items())])
    for letter, width in zip("ABC", (22, 10, 80), strict=True):
        guide.column_dimensions[letter].width = width
    for cell in guide[1]:
        cell.font = Font(bold=True)
    return _bytes(book)


def write_error_report(ratings: RatingsFile, errors: Iterable[RowError]) -> bytes:
    """Return the input rows as read with a "Lỗi" column naming each row's problems.

    Rows keep their input row numbers (title rows above the header are left empty), so
    "dòng 7" in the report is row 7 of this file too; rows with an error are shaded.
    """
    by_row: dict[int, list[RowError]] = {}
    for error in errors:
        by_row.setdefault(error.row, []).append(error)
    keep = [i for i, h in enumerate(ratings.header) if fold(h) != "loi"]
    headers = [ratings.header[i] for i in keep]
    book = Workbook()
    sheet = _first_sheet(book)
    for _ in range(ratings.header_row - 1):
        sheet.append([])
    sheet.append([*headers, ERROR_HEADER])
    for cell in sheet[ratings.header_row]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for i, h in enumerate([*headers, ERROR_HEADER], start=1):
        key = _KEY_BY_HEADER.get(_header_key(h))
        width = COLUMN_BY_KEY[key].width if key else (60 if h == ERROR_HEADER else 16)
        sheet.column_dimensions[get_column_letter(i)].width = width
    next_row = ratings.header_row + 1
    for number, cells in ratings.raw:
        while next_row < number:
            sheet.append([])
            next_row += 1
        problems = by_row.get(number, ())
        text = "\n".join(f"{e.column}: {e.message}" if e.column else e.message for e in problems)
        _append(sheet, [*(cells[i] for i in keep), text])
        if problems:
            for cell in sheet[number]:
                cell.fill = _BAD_FILL
            sheet.cell(number, len(headers) + 1).alignment = Alignment(wrap_text=True)
        next_row += 1
    return _bytes(book)
