"""Response matrices from elsewhere (CSV or .xlsx) for item analysis: ``sathach analyze``.

Layout (docs/formats/response-matrix.md): the first row is the header, the first column holds
the candidates' ids, every other column is an item whose header cell is the item's id. A cell
is the candidate's score on the item (0 or 1, or a fraction from 0 to 1 such as 0,5 for partial
credit), or, when a key file is given, the option the candidate chose (a letter A-Z, or a
number 1-26 meaning A-Z). A blank cell is missing: the item was not presented, or not answered,
and is left out of that item's statistics; with ``blank_wrong`` a blank answer scores 0 and
shows as "blank" in the distractor table. The key file has two columns, item id and key; the
key may name several accepted options ("A, C"). A header row is optional.

Contract:

    read_matrix(data, *, key=None, blank_wrong=False) -> ResponseMatrix
    read_key(data) -> dict[str, frozenset[str]]
        - never raise anything but ``MatrixFormatError``, whose ``message`` is Vietnamese and
          names the row and the column ("Dòng 4, cột C: ...") where one is to blame.

CSV: UTF-8 (with or without BOM) or UTF-16 with BOM; separator ",", ";" or tab (the one the
header uses most); decimal comma or point. Pure Python, NumPy and openpyxl; no Django.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sathach.lib.formats.office_common import parse_number
from sathach.lib.text import nfc

__all__ = ["MatrixFormatError", "ResponseMatrix", "read_key", "read_matrix"]

MAX_PERSONS = 200_000
MAX_ITEMS = 5_000
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
_SHOWN = 40  # characters of a bad value quoted in a message

MSG_EMPTY = "Tệp trống."
MSG_XLS = "Tệp .xls (Excel 97-2003) không được hỗ trợ: hãy lưu lại thành .xlsx hoặc CSV."
MSG_CORRUPT = "Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel."
MSG_TOO_BIG = "Tệp .xlsx quá lớn khi giải nén."
MSG_NOT_TEXT = "Tệp không phải CSV (văn bản) hay .xlsx."
MSG_ENCODING = "Tệp CSV phải dùng mã UTF-8 (trong Excel: lưu dạng “CSV UTF-8”)."
MSG_NO_SHEET = "Tệp .xlsx không có trang tính nào."
MSG_CSV = "Dòng {row}: không đọc được dòng CSV ({why})."
MSG_NO_HEADER = "Tệp không có dòng tiêu đề (dòng đầu: mã thí sinh, rồi mã các câu hỏi)."
MSG_NO_ITEMS = (
    "Dòng {row}: không có cột câu hỏi nào (cột A là mã thí sinh, các cột sau là câu hỏi)."
)
MSG_ITEM_BLANK = "Dòng {row}, cột {col}: thiếu mã câu hỏi ở tiêu đề."
MSG_ITEM_DUPLICATE = "Dòng {row}, cột {col}: mã câu “{item}” trùng với cột {first}."
MSG_TOO_MANY_ITEMS = "Dòng {row}: quá {max} cột câu hỏi."
MSG_NO_DATA = "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."
MSG_TOO_MANY_ROWS = "Tệp có quá {max} thí sinh."
MSG_ID_BLANK = "Dòng {row}, cột A: thiếu mã thí sinh."
MSG_ID_DUPLICATE = "Dòng {row}, cột A: mã thí sinh “{id}” trùng với dòng {first}."
MSG_EXTRA_CELL = "Dòng {row}, cột {col}: có dữ liệu nhưng cột không có mã câu hỏi ở tiêu đề."
MSG_BAD_SCORE = (
    "Dòng {row}, cột {col}: giá trị “{value}” không hợp lệ (cần 0 hoặc 1, hoặc số từ 0 đến 1)."
)
MSG_BAD_CHOICE = (
    "Dòng {row}, cột {col}: giá trị “{value}” không hợp lệ "
    "(cần một phương án: chữ cái A, B, C… hoặc số 1, 2, 3…)."
)
MSG_KEY_MISSING = "Tệp đáp án không có đáp án của câu “{item}” (cột {col})."
KEY_PREFIX = "Tệp đáp án: "
MSG_KEY_EMPTY = KEY_PREFIX + "không có dòng đáp án nào (cột A mã câu, cột B đáp án)."
MSG_KEY_ITEM_BLANK = KEY_PREFIX + "dòng {row}, cột A: thiếu mã câu hỏi."
MSG_KEY_BLANK = KEY_PREFIX + "dòng {row}, cột B: thiếu đáp án."
MSG_KEY_BAD = KEY_PREFIX + (
    "dòng {row}, cột B: đáp án “{value}” không hợp lệ "
    "(cần chữ cái A, B, C… hoặc số 1, 2, 3…; nhiều đáp án cách nhau bằng dấu phẩy)."
)
MSG_KEY_DUPLICATE = KEY_PREFIX + "dòng {row}, cột A: câu “{item}” đã có đáp án ở dòng {first}."

_OPTION_RE = re.compile(r"[A-Za-z]|[1-9]|1\d|2[0-6]")
_KEY_SEPARATOR_RE = re.compile(r"\s*[,;/+&]\s*|\s+")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class MatrixFormatError(Exception):
    """The file cannot be used; ``message`` is Vietnamese, for the user."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class ResponseMatrix:
    """Candidates × items: scores (NaN missing) and, with a key, the options chosen."""

    persons: list[str]
    items: list[str]
    scores: NDArray[np.float64]
    choices: list[list[str | None]] | None = None  # "" blank (with blank_wrong), None missing
    key: dict[str, frozenset[str]] | None = None

    @property
    def key_list(self) -> list[frozenset[str]] | None:
        """Return the key in column order (for ``item_analysis``)."""
        return None if self.key is None else [self.key[item] for item in self.items]


# --- Cells -------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    """Return a cell as text: 12.0 is "12", text is NFC and stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return nfc(str(value))


def _shown(value: Any) -> str:
    text = " ".join(_text(value).split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _score(value: Any) -> float | None:
    """Return a score cell as a number from 0 to 1, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number: float | None = float(value)
    elif isinstance(value, str):
        number = parse_number(value.strip())
    else:
        return None
    if number is None or not math.isfinite(number) or not 0.0 <= number <= 1.0:
        return None
    return number


def _option(value: Any) -> str | None:
    """Return an option as a capital letter ("b" and 2 are "B"), or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = str(value).strip()
    if not _OPTION_RE.fullmatch(text):
        return None
    return chr(ord("A") + int(text) - 1) if text.isdigit() else text.upper()


# --- Tables ------------------------------------------------------------------------------------


def _table(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """Yield (row number, cells) of a CSV or .xlsx file (row 1 is the first)."""
    if not data:
        raise MatrixFormatError(MSG_EMPTY)
    if data[:8] == _OLE_MAGIC:
        raise MatrixFormatError(MSG_XLS)
    if data[:2] == b"PK":
        return _xlsx_rows(data)
    return _csv_rows(data)


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as exc:  # BadZipFile, ValueError, OSError, EOFError, ...
        raise MatrixFormatError(MSG_CORRUPT) from exc
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise MatrixFormatError(MSG_TOO_BIG)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not book.worksheets:
            raise MatrixFormatError(MSG_NO_SHEET)
        sheet = book.worksheets[0]
        # Ignore the <dimension> the file claims: rows are as long as their last cell.
        sheet.reset_dimensions()  # type: ignore[union-attr]
        rows: list[tuple[int, list[Any]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values)
            if all(_blank(v) for v in cells):
                continue
            if len(rows) > MAX_PERSONS:
                raise MatrixFormatError(MSG_TOO_MANY_ROWS.format(max=_count(MAX_PERSONS)))
            rows.append((number, cells))
        book.close()
    except MatrixFormatError:
        raise
    except Exception as exc:
        # A damaged workbook fails somewhere in the zip, XML or number layers (KeyError,
        # ValueError, zlib.error, ParseError, ...); to the user it is one problem.
        raise MatrixFormatError(MSG_CORRUPT) from exc
    return iter(rows)


def _decode(data: bytes) -> str:
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise MatrixFormatError(MSG_ENCODING) from exc
    if b"\x00" in data:
        raise MatrixFormatError(MSG_NOT_TEXT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MatrixFormatError(MSG_ENCODING) from exc


def _delimiter(text: str) -> str:
    """Return the separator the first line uses most: ",", ";" or tab (Excel in Vietnamese
    settings writes ";", since the comma is the decimal mark)."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    text = _decode(data)
    if "\x00" in text:
        raise MatrixFormatError(MSG_NOT_TEXT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):  # noqa: B007 - used after the loop
            yield number, list(row)
    except csv.Error as exc:
        raise MatrixFormatError(MSG_CSV.format(row=number + 1, why=str(exc))) from exc


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Vietnamese digit grouping


def _non_blank(rows: Iterable[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    for number, cells in rows:
        if not all(_blank(v) for v in cells):
            yield number, cells


# --- Reading -----------------------------------------------------------------------------------


def read_key(data: bytes) -> dict[str, frozenset[str]]:
    """Read a key file (item id, key) into {item: accepted options}; see the module doc."""
    try:
        return _read_key(data)
    except MatrixFormatError as exc:
        if exc.message.startswith(KEY_PREFIX):
            raise
        # A problem of the file as a table ("Tệp trống."): say it is the key file's.
        raise MatrixFormatError(f"{KEY_PREFIX}{exc.message[:1].lower()}{exc.message[1:]}") from exc


def _read_key(data: bytes) -> dict[str, frozenset[str]]:
    key: dict[str, frozenset[str]] = {}
    first_row: dict[str, int] = {}
    seen_any = False
    for number, cells in _non_blank(_table(data)):
        item = _text(cells[0]) if cells else ""
        raw = cells[1] if len(cells) > 1 else None
        options = _key_options(raw)
        if not seen_any:
            seen_any = True
            if options is None:
                continue  # a header row ("Câu", "Đáp án")
        if not item:
            raise MatrixFormatError(MSG_KEY_ITEM_BLANK.format(row=number))
        if _blank(raw):
            raise MatrixFormatError(MSG_KEY_BLANK.format(row=number))
        if options is None:
            raise MatrixFormatError(MSG_KEY_BAD.format(row=number, value=_shown(raw)))
        if item in key:
            raise MatrixFormatError(
                MSG_KEY_DUPLICATE.format(row=number, item=_shown(item), first=first_row[item])
            )
        key[item] = options
        first_row[item] = number
    if not key:
        raise MatrixFormatError(MSG_KEY_EMPTY)
    return key


def _key_options(value: Any) -> frozenset[str] | None:
    if _blank(value):
        return None
    single = _option(value)
    if single is not None:
        return frozenset({single})
    pieces = [p for p in _KEY_SEPARATOR_RE.split(_text(value)) if p]
    options = [_option(p) for p in pieces]
    if not options or any(o is None for o in options):
        return None
    return frozenset(o for o in options if o is not None)


def read_matrix(
    data: bytes, *, key: dict[str, frozenset[str]] | None = None, blank_wrong: bool = False
) -> ResponseMatrix:
    """Read a response matrix (CSV or .xlsx); see the module docstring for the layout.

    With ``key``, cells are options and are scored against it; ``blank_wrong`` scores a blank
    answer 0 instead of leaving it missing.
    """
    rows = _non_blank(_table(data))
    header = next(rows, None)
    if header is None:
        raise MatrixFormatError(MSG_NO_HEADER)
    header_row, header_cells = header
    items = [_text(v) for v in header_cells[1:]]
    while items and not items[-1]:
        items.pop()
    if not items:
        raise MatrixFormatError(MSG_NO_ITEMS.format(row=header_row))
    if len(items) > MAX_ITEMS:
        raise MatrixFormatError(MSG_TOO_MANY_ITEMS.format(row=header_row, max=_count(MAX_ITEMS)))
    columns: dict[str, str] = {}
    for i, item in enumerate(items):
        col = get_column_letter(i + 2)
        if not item:
            raise MatrixFormatError(MSG_ITEM_BLANK.format(row=header_row, col=col))
        if item in columns:
            raise MatrixFormatError(
                MSG_ITEM_DUPLICATE.format(
                    row=header_row, col=col, item=_shown(item), first=columns[item]
                )
            )
        columns[item] = col
    if key is not None:
        for i, item in enumerate(items):
            if item not in key:
                raise MatrixFormatError(
                    MSG_KEY_MISSING.format(item=_shown(item), col=get_column_letter(i + 2))
                )

    width = len(items)
    persons: list[str] = []
    first_row: dict[str, int] = {}
    scores: list[list[float]] = []
    choices: list[list[str | None]] | None = [] if key is not None else None
    for number, cells in rows:
        if len(persons) >= MAX_PERSONS:
            raise MatrixFormatError(MSG_TOO_MANY_ROWS.format(max=_count(MAX_PERSONS)))
        person = _text(cells[0]) if cells else ""
        if not person:
            raise MatrixFormatError(MSG_ID_BLANK.format(row=number))
        if person in first_row:
            raise MatrixFormatError(
                MSG_ID_DUPLICATE.format(row=number, id=_shown(person), first=first_row[person])
            )
        for j in range(width + 1, len(cells)):
            if not _blank(cells[j]):
                raise MatrixFormatError(
                    MSG_EXTRA_CELL.format(row=number, col=get_column_letter(j + 1))
                )
        row_scores = [math.nan] * width
        row_choices: list[str | None] = [None] * width
        for i in range(width):
            value = cells[i + 1] if i + 1 < len(cells) else None
            if _blank(value):
                if key is not None and blank_wrong:
                    row_scores[i], row_choices[i] = 0.0, ""
                continue
            if key is None:
                score = _score(value)
                if score is None:
                    raise MatrixFormatError(
                        MSG_BAD_SCORE.format(
                            row=number, col=get_column_letter(i + 2), value=_shown(value)
                        )
                    )
                row_scores[i] = score
            else:
                option = _option(value)
                if option is None:
                    raise MatrixFormatError(
                        MSG_BAD_CHOICE.format(
                            row=number, col=get_column_letter(i + 2), value=_shown(value)
                        )
                    )
                row_choices[i] = option
                row_scores[i] = 1.0 if option in key[items[i]] else 0.0
        persons.append(person)
        first_row[person] = number
        scores.append(row_scores)
        if choices is not None:
            choices.append(row_choices)
    if not persons:
        raise MatrixFormatError(MSG_NO_DATA)
    return ResponseMatrix(
        persons=persons,
        items=items,
        scores=np.array(scores, dtype=np.float64).reshape(len(persons), width),
        choices=choices,
        key=None if key is None else {item: key[item] for item in items},
    )
