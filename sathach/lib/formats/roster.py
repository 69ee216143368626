"""The roster workbook (danh sách công chức): parse an .xlsx into rows, write it back.

Pure Python and openpyxl; no Django. The parser checks everything that needs no database
(required cells, dates, genders, yes/no flags, code shapes, duplicate codes, relatives syntax)
and returns a ``RosterFile``; the org app checks units, ranks, positions, relatives and scope.

Contract:

    parse_roster(data, *, today, unit_required=True) -> RosterFile
        - never raises anything but ``RosterFormatError`` (the file cannot be used at all:
          not an .xlsx, corrupt, empty sheet, missing header columns, merged cells, too big);
        - every bad cell becomes a ``RowError(row, column, message)`` with the sheet's row
          number and a Vietnamese message; the row is left out of ``RosterFile.rows``.
    write_roster(records) -> bytes          the template layout, one row per ``RosterRow``
    write_error_report(roster, errors) -> bytes
                                            the input rows as read, plus a "Lỗi" column

Text is NFC (``sathach.lib.text``). Dates are written dd/mm/yyyy.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET  # noqa: N817 - the usual name

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

from sathach.lib.text import clean_name, fold, nfc

# --- Layout ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # attribute of RosterRow
    header: str  # Vietnamese header, exactly as in the template
    width: float  # column width in the template (characters)
    required: bool = False
    hint: str = ""  # one line for the guidance sheet


COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã công chức", 16, True, "Chữ cái không dấu, chữ số, . - _; tối đa 30 ký tự"),
    Column("full_name", "Họ và tên", 28, True, "Tối đa 150 ký tự"),
    Column("birth_date", "Ngày sinh", 12, True, "dd/mm/yyyy; tuổi từ 16 đến 80"),
    Column("gender", "Giới tính", 10, True, "Nam hoặc Nữ"),
    Column("unit_code", "Mã đơn vị", 14, True, "Mã đơn vị đang hoạt động, trong phạm vi quản lý"),
    Column("rank_code", "Ngạch", 10, False, "Mã ngạch, ví dụ 01.003"),
    Column("position_code", "Mã vị trí việc làm", 18, False, "Mã vị trí việc làm đã khai báo"),
    Column("qualification", "Trình độ chuyên môn", 24, False, "Tối đa 255 ký tự"),
    Column("hired_on", "Ngày tuyển dụng", 14, False, "dd/mm/yyyy; khi đã đủ 16 tuổi"),
    Column("is_leader", "Lãnh đạo", 10, False, "Có hoặc Không (mặc định Không)"),
    Column("is_party_member", "Đảng viên", 10, False, "Có hoặc Không (mặc định Không)"),
    Column("under_discipline", "Đang xem xét kỷ luật", 12, False, "Có hoặc Không"),
    Column("relatives", "Người thân", 30, False, "MÃ:quan hệ; MÃ:quan hệ (ví dụ NV002:vợ)"),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
HEADERS = tuple(c.header for c in COLUMNS)
SHEET_TITLE = "Danh sách công chức"
GUIDE_TITLE = "Hướng dẫn"
ERROR_HEADER = "Lỗi"

# A province's largest agency has a few thousand civil servants; 50,000 rows is a whole province.
MAX_ROWS = 50_000
# Uncompressed size of all parts of the workbook: stops zip bombs before any XML is read.
MAX_UNZIPPED_BYTES = 128 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
MAX_SHEET_ROWS = 1_048_576  # Excel's last row

MIN_AGE, MAX_AGE = 16, 80
MIN_HIRING_AGE = 16

CODE_MAX = 30
NAME_MAX = 150
RANK_MAX = 10
QUALIFICATION_MAX = 255
_CODE_RE = re.compile(r"[A-Za-z0-9._-]+")
_DMY_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Characters XML 1.0 (and so Excel) cannot hold; openpyxl refuses them when writing.
_ILLEGAL_XML_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

MALE, FEMALE = "M", "F"  # the values of org.constants.Gender

# --- Relatives ------------------------------------------------------------------------------
# Relation codes are the values of org.constants.Relation. The label is what the export writes;
# the aliases are what the import accepts, compared after ``_relation_key`` (no diacritics,
# lower case, punctuation as spaces): "Vợ/Chồng", "vo chong" and "vợ, chồng" are one spelling.
RELATION_LABELS: dict[str, str] = {
    "parent": "Cha, mẹ",
    "sibling": "Anh, chị, em ruột",
    "spouse": "Vợ, chồng",
    "child": "Con",
    "spouse_parent": "Cha, mẹ của vợ/chồng",
    "spouse_sibling": "Anh, chị, em ruột của vợ/chồng",
}
# Each alias list is "|"-separated.
RELATION_ALIASES: dict[str, str] = {
    "parent": "cha | bố | mẹ | cha mẹ | bố mẹ | cha ruột | mẹ ruột",
    "sibling": "anh | chị | em | anh chị em | anh ruột | chị ruột | em ruột | anh chị em ruột",
    "spouse": "vợ | chồng | vợ chồng",
    "child": "con | con ruột | con đẻ",
    "spouse_parent": (
        "cha mẹ vợ | cha mẹ chồng | cha mẹ vợ chồng | bố mẹ vợ | bố mẹ chồng | cha vợ | mẹ vợ"
        " | bố vợ | cha chồng | mẹ chồng | bố chồng"
    ),
    "spouse_sibling": (
        "anh chị em vợ | anh chị em chồng | anh chị em vợ chồng | anh vợ | chị vợ | em vợ"
        " | anh chồng | chị chồng | em chồng"
    ),
}
_PUNCTUATION_RE = re.compile(r"[,/;.\-–()]+")


def _relation_key(text: str) -> str:
    return " ".join(_PUNCTUATION_RE.sub(" ", fold(text)).split())


RELATION_BY_SPELLING: dict[str, str] = {
    _relation_key(spelling): relation
    for relation, aliases in RELATION_ALIASES.items()
    for spelling in (*aliases.split("|"), RELATION_LABELS[relation], relation)
}


# --- Data -----------------------------------------------------------------------------------


class RosterFormatError(Exception):
    """The file cannot be used at all; ``message`` is Vietnamese, for the user."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True, order=True)
class RowError:
    """One problem of one row: the sheet's row number, the column header (or ""), and why."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class RosterRow:
    """One valid row. Optional cells left empty are "" / None / False."""

    row: int
    code: str
    full_name: str
    birth_date: dt.date
    gender: str  # MALE or FEMALE
    unit_code: str = ""  # "" only when the importer names the unit (--unit)
    rank_code: str = ""
    position_code: str = ""
    qualification: str = ""
    hired_on: dt.date | None = None
    is_leader: bool = False
    is_party_member: bool = False
    under_discipline: bool = False
    relatives: tuple[tuple[str, str], ...] = ()  # (person code, relation code)


@dataclass
class RosterFile:
    """What the parser read: valid rows, row errors, warnings and the raw cells.

    ``columns`` maps the key of each template column the file has to its position: a column
    the file leaves out is not changed on existing persons. ``codes`` maps every readable
    person code to its first row (bad rows included), for relatives that point into the file.
    """

    header: tuple[str, ...]
    columns: dict[str, int]
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    raw: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    codes: dict[str, int] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        """Return the number of non-blank data rows."""
        return len(self.raw)


# --- Messages (Vietnamese; the parser is framework-free, so no gettext here) -----------------

MSG_NOT_XLSX = "Tệp không phải là tệp Excel .xlsx. Hãy lưu tệp dưới dạng “Excel Workbook (.xlsx)”."
MSG_XLS = (
    "Tệp là định dạng Excel 97-2003 (.xls), không được hỗ trợ. Hãy mở bằng Excel và lưu lại "
    "dưới dạng .xlsx."
)
MSG_CORRUPT = "Tệp Excel bị hỏng hoặc không đầy đủ, không đọc được."
MSG_TOO_BIG = "Tệp quá lớn để đọc."
MSG_NO_SHEET = "Tệp không có trang tính nào."
MSG_EMPTY_SHEET = "Trang tính “%(sheet)s” trống."
MSG_NO_HEADER = "Dòng 1 của trang tính “%(sheet)s” trống; dòng 1 phải là dòng tiêu đề như tệp mẫu."
MSG_NO_DATA = "Trang tính “%(sheet)s” không có dòng dữ liệu nào dưới dòng tiêu đề."
MSG_TOO_MANY_ROWS = "Tệp có quá %(max)s dòng dữ liệu; hãy chia thành nhiều tệp."
MSG_MISSING_HEADERS = "Thiếu cột bắt buộc ở dòng tiêu đề (dòng 1): %(columns)s."
MSG_DUPLICATE_HEADER = "Cột “%(column)s” xuất hiện hai lần ở dòng tiêu đề."
MSG_MERGED = "Trang tính có ô gộp (%(ranges)s). Hãy bỏ gộp ô (Unmerge) rồi nhập lại."
MSG_UNKNOWN_COLUMN = "Cột “%(column)s” không thuộc mẫu, đã bỏ qua."

MSG_REQUIRED = "Không được để trống."
MSG_TOO_LONG = "Dài quá %(max)d ký tự."
MSG_NAME = "Họ và tên “%(value)s” không có chữ cái nào."
MSG_CODE = "Mã “%(value)s” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và các dấu . - _."
MSG_DATE = "Ngày không hợp lệ: “%(value)s” (cần dạng dd/mm/yyyy)."
MSG_BIRTH_FUTURE = "Ngày sinh ở sau ngày nhập."
MSG_BIRTH_AGE = "Tuổi phải từ 16 đến 80 (tính đến ngày nhập là %(age)d)."
MSG_HIRED_FUTURE = "Ngày tuyển dụng ở sau ngày nhập."
MSG_HIRED_YOUNG = "Ngày tuyển dụng trước khi đủ 16 tuổi."
MSG_GENDER = "Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “%(value)s”."
MSG_YES_NO = "Chỉ nhận “Có” hoặc “Không”, không nhận “%(value)s”."
MSG_DUPLICATE_CODE = "Mã công chức “%(code)s” xuất hiện nhiều lần trong tệp (dòng %(rows)s)."
MSG_RELATIVE_SYNTAX = "“%(value)s” không đúng dạng MÃ:quan hệ (ví dụ NV002:vợ)."
MSG_RELATION = (
    "Quan hệ “%(value)s” không hợp lệ (nhận: cha, mẹ, anh, chị, em, vợ, chồng, con, "
    "cha mẹ vợ/chồng, anh chị em vợ/chồng)."
)
MSG_RELATIVE_SELF = "Không thể khai chính mình là người thân."
MSG_RELATIVE_TWICE = "Người thân “%(code)s” được khai hai lần."


def _shown(value: Any, limit: int = 40) -> str:
    """Return ``value`` as short text for a message (long cells are cut)."""
    text = _ILLEGAL_XML_RE.sub("", _as_text(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Cell conversion ------------------------------------------------------------------------


def _as_text(value: Any) -> str:
    """Return a cell value as NFC text ("" for an empty cell; 12345.0 as "12345")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))


class _CellError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def _date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = nfc(value)
        for pattern, order in ((_DMY_RE, (3, 2, 1)), (_ISO_RE, (1, 2, 3))):
            match = pattern.fullmatch(text)
            if match:
                year, month, day = (int(match.group(i)) for i in order)
                try:
                    parsed = dt.date(year, month, day)
                except ValueError:
                    break
                if year >= 1900:
                    return parsed
                break
    # A number is refused: 1985 or 31121985 typed in a General cell is not a date we can trust.
    raise _CellError(MSG_DATE % {"value": _shown(value)})


def _yes_no(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    key = fold(_as_text(value))
    if key in {"", "khong", "0", "false"}:
        return False
    if key in {"co", "x", "1", "true"}:
        return True
    raise _CellError(MSG_YES_NO % {"value": _shown(value)})


def _gender(value: Any) -> str:
    key = fold(_as_text(value))
    if key == "nam":
        return MALE
    if key == "nu":
        return FEMALE
    raise _CellError(MSG_GENDER % {"value": _shown(value)})


def _code(value: Any, max_length: int = CODE_MAX) -> str:
    text = _as_text(value)
    if len(text) > max_length:
        raise _CellError(MSG_TOO_LONG % {"max": max_length})
    if text and not _CODE_RE.fullmatch(text):
        raise _CellError(MSG_CODE % {"value": _shown(text)})
    return text


def _rank_code(value: Any) -> str:
    # "01.003" typed into a General cell becomes the number 1.003; give back the code.
    if isinstance(value, float) and math.isfinite(value) and 0 < value < 100:
        value = f"{value:06.3f}"
    return _code(value, RANK_MAX)


def _text(value: Any, max_length: int) -> str:
    text = clean_name(_as_text(value))
    if len(text) > max_length:
        raise _CellError(MSG_TOO_LONG % {"max": max_length})
    return text


def _name(value: Any) -> str:
    text = _text(value, NAME_MAX)
    if not any(ch.isalpha() for ch in text):
        raise _CellError(MSG_NAME % {"value": _shown(text)})
    return text


def _relatives(value: Any, own_code: str) -> tuple[tuple[str, str], ...]:
    """Parse "NV002:vợ; NV003:con" into ((code, relation code), ...)."""
    text = _as_text(value)
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    for entry in re.split(r"[;\n]+", text):
        entry = entry.strip()
        if not entry:
            continue
        code, sep, relation = entry.partition(":")
        code = code.strip()
        if not sep or not code or not _CODE_RE.fullmatch(code) or len(code) > CODE_MAX:
            raise _CellError(MSG_RELATIVE_SYNTAX % {"value": _shown(entry)})
        relation_code = RELATION_BY_SPELLING.get(_relation_key(relation))
        if relation_code is None:
            raise _CellError(MSG_RELATION % {"value": _shown(relation.strip())})
        if code == own_code:
            raise _CellError(MSG_RELATIVE_SELF)
        if code in seen:
            raise _CellError(MSG_RELATIVE_TWICE % {"code": code})
        seen.add(code)
        result.append((code, relation_code))
    return tuple(result)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Return the age in whole years of someone born on ``birth`` at ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


# --- Reading --------------------------------------------------------------------------------


def _header_key(value: Any) -> str:
    return " ".join(_as_text(value).split()).casefold()


_KEY_BY_HEADER = {_header_key(c.header): c.key for c in COLUMNS}


def _check_zip(data: bytes) -> zipfile.ZipFile:
    """Return the workbook's zip archive, or refuse a file that is not one or is too big."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise RosterFormatError(MSG_XLS)
    if data[:2] != b"PK":
        raise RosterFormatError(MSG_NOT_XLSX)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,  # a central directory claiming a newer zip version
        ValueError,
        OSError,
        EOFError,
    ) as exc:
        raise RosterFormatError(MSG_CORRUPT) from exc
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise RosterFormatError(MSG_TOO_BIG)
    try:
        content_types = archive.read("[Content_Types].xml")
    except Exception as exc:  # missing, or a damaged member (zlib.error, BadZipFile, ...)
        raise RosterFormatError(MSG_NOT_XLSX) from exc
    if b"spreadsheetml" not in content_types and b"ms-excel" not in content_types:
        raise RosterFormatError(MSG_NOT_XLSX)  # another Office Open XML file (.docx, .pptx)
    return archive


def parse_roster(
    data: bytes,
    *,
    today: dt.date,
    unit_required: bool = True,
    max_rows: int = MAX_ROWS,
    progress: Callable[[int], None] | None = None,
) -> RosterFile:
    """Read a roster workbook; see the module docstring for the contract.

    ``today`` is the import date (ages and "not in the future" are measured to it).
    ``unit_required`` is False when the importer names the unit, so "Mã đơn vị" may be empty
    or absent. ``progress`` is called with the number of rows read so far, every 1,000 rows.
    """
    archive = _check_zip(data)
    try:
        return _parse(_Workbook(archive), today, unit_required, max_rows, progress)
    except RosterFormatError:
        raise
    except Exception as exc:
        # A damaged file fails somewhere in the zip, XML or number layers (KeyError,
        # ValueError, IndexError, zlib.error, ParseError, ...); to the user it is one problem.
        raise RosterFormatError(MSG_CORRUPT) from exc
    finally:
        archive.close()


def _parse(
    book: _Workbook,
    today: dt.date,
    unit_required: bool,
    max_rows: int,
    progress: Callable[[int], None] | None,
) -> RosterFile:
    if not book.sheets:
        raise RosterFormatError(MSG_NO_SHEET)
    title, path = next(
        ((name, path) for name, path in book.sheets if clean_name(name) == SHEET_TITLE),
        book.sheets[0],
    )
    title = _shown(title)
    sheet = _SheetReader(book, path)
    if sheet.merged:
        shown = ", ".join(sheet.merged[:5]) + (", …" if len(sheet.merged) > 5 else "")
        raise RosterFormatError(MSG_MERGED % {"ranges": _shown(shown, 80)})
    rows = sheet.rows()
    first = next(rows, None)
    if first is None or first[0] != 1 or all(_blank(v) for v in first[1]):
        later = rows if first is None else itertools.chain([first], rows)
        if any(not all(_blank(v) for v in cells) for _, cells in later):
            raise RosterFormatError(MSG_NO_HEADER % {"sheet": title})
        raise RosterFormatError(MSG_EMPTY_SHEET % {"sheet": title})
    roster = _read_header(first[1], unit_required)
    width = len(roster.header)
    sheet.max_col = width
    parser = _RowParser(roster, today, unit_required)
    for number, cells in rows:
        if all(_blank(v) for v in cells):
            continue
        if len(roster.raw) >= max_rows:
            limit = f"{max_rows:,}".replace(",", ".")  # Vietnamese digit grouping
            raise RosterFormatError(MSG_TOO_MANY_ROWS % {"max": limit})
        padded = tuple(cells) + (None,) * (width - len(cells))
        roster.raw.append((number, padded))
        parser.parse(number, padded)
        if progress is not None and len(roster.raw) % 1000 == 0:
            progress(len(roster.raw))
    if not roster.raw:
        raise RosterFormatError(MSG_NO_DATA % {"sheet": title})
    parser.finish()
    if progress is not None:
        progress(len(roster.raw))
    return roster


# --- A small .xlsx reader -------------------------------------------------------------------
# Measured on 12,000 rows (2-core test machine, CPU time): openpyxl's read-only mode took
# 2.8 s just to hand over the cell values of a file as Excel writes it, and 7.6 s for one as
# openpyxl writes it (inline strings, no <dimension>, so the sheet is read twice); its XML also
# goes through defusedxml's pure-Python parser when defusedxml is installed. This reader, row
# checks included, takes 2.4-3.1 s. It reads only what a roster needs: sheet names, shared
# strings, which styles are dates, the cells of one sheet, and its merged ranges (which
# openpyxl's read-only mode does not report). XML goes through ElementTree's C parser, which
# never fetches external entities, and a part that declares a DOCTYPE is refused outright, so
# no entity can be declared at all.

_PROLOG_RE = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_DOC_REL = "/officeDocument"
_MERGE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([^\"]{0,40})\"")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _elements(data: bytes, events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, ET.Element]]:
    """Yield (event, element) for the XML document ``data`` (a DOCTYPE is refused)."""
    rest = data[_PROLOG_RE.match(data).end() :]  # type: ignore[union-attr]
    if rest[:2] == b"<!" or b"\x00" in data[:200]:  # a DOCTYPE, or UTF-16 (Excel never is)
        raise RosterFormatError(MSG_CORRUPT)
    # Safe without defusedxml: with no DOCTYPE there are no entities to expand or fetch.
    yield from ET.iterparse(io.BytesIO(data), events=events)  # noqa: S314


def _xml(archive: zipfile.ZipFile, name: str) -> Iterator[tuple[str, ET.Element]]:
    """Yield (local tag name, element) for every element of the XML part ``name``."""
    for _event, element in _elements(archive.read(name)):
        yield _local(element.tag), element


def _text_of(element: ET.Element) -> str:
    """Return the text of a string item (<si> or <is>): its runs, without phonetic hints."""
    parts: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _join(base: str, target: str) -> str:
    """Return the archive name of a relationship target, relative to the part at ``base``."""
    if target.startswith("/"):
        return target.lstrip("/")
    folder = base.rpartition("/")[0]
    parts = [p for p in f"{folder}/{target}".split("/") if p and p != "."]
    out: list[str] = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
        else:
            out.append(part)
    return "/".join(out)


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Return {relationship id: (type, archive name)} of ``part``."""
    folder, _, name = part.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if rels_name not in archive.NameToInfo:
        return {}
    rels = {}
    for tag, element in _xml(archive, rels_name):
        if tag == "Relationship" and element.get("TargetMode") != "External":
            target = _join(part, element.get("Target", ""))
            rels[element.get("Id", "")] = (element.get("Type", ""), target)
    return rels


class _Workbook:
    """The parts of a workbook every sheet needs: sheet list, shared strings, date styles."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        root_rels = _rels(archive, "")
        main = next((t for k, t in root_rels.values() if k.endswith(_DOC_REL)), "")
        main = main or "xl/workbook.xml"
        rels = _rels(archive, main)
        self.sheets: list[tuple[str, str]] = []
        self.epoch = WINDOWS_EPOCH
        for tag, element in _xml(archive, main):
            if tag == "sheet":
                rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
                kind, target = rels.get(rid, ("", ""))
                if kind.endswith("/worksheet") and target in archive.NameToInfo:
                    self.sheets.append((element.get("name", ""), target))
            elif tag == "workbookPr" and element.get("date1904", "") in {"1", "true"}:
                self.epoch = MAC_EPOCH
        self.strings: list[str] = []
        self.date_styles: frozenset[int] = frozenset()
        for kind, target in rels.values():
            if kind.endswith("/sharedStrings") and target in archive.NameToInfo:
                self.strings = [_text_of(e) for tag, e in _xml(archive, target) if tag == "si"]
            elif kind.endswith("/styles") and target in archive.NameToInfo:
                self.date_styles = self._date_styles(target)

    def _date_styles(self, name: str) -> frozenset[int]:
        """Return the indexes of the cell styles whose number format shows a date."""
        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        styles: list[int] = []
        in_cell_xfs = False
        for tag, element in _xml(self.archive, name):
            if tag == "numFmt":
                formats[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
            elif tag == "xf" and not in_cell_xfs:
                styles.append(int(element.get("numFmtId", "0")))
            elif tag == "cellStyleXfs":
                styles = []  # those were the named styles' xfs; the cell xfs come next
            elif tag == "cellXfs":
                in_cell_xfs = True  # its <xf> children have all been seen
        return frozenset(
            i
            for i, fmt in enumerate(styles)
            if is_date_format(formats.get(fmt)) and not is_timedelta_format(formats.get(fmt))
        )


def _top_left(cells: str) -> tuple[int, int, str]:
    """Return (row, column) of the first cell of a range such as "B2:C3", for sorting."""
    match = re.match(r"([A-Z]{1,3})(\d{1,7})", cells)
    if not match:
        return (0, 0, cells)
    return (int(match.group(2)), column_index_from_string(match.group(1)), cells)


class _SheetReader:
    """Stream the rows of one sheet as (row number, [values]); know its merged ranges."""

    def __init__(self, book: _Workbook, path: str) -> None:
        self.book = book
        self.path = path
        self.max_col = 16_384  # Excel's last column; lowered to the header's width
        self.data = book.archive.read(path)
        # <mergeCells> comes after the rows; find it first, so a merged title row is named as
        # the problem rather than the headers it hides. Cell text cannot hold a raw "<".
        merged = (m.decode("ascii", "replace") for m in _MERGE_RE.findall(self.data))
        self.merged = sorted(merged, key=_top_left)
        self._columns: dict[str, int] = {}  # "AB" -> 28

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        number = 0
        tags: dict[str, str] = {}
        sheet_data: ET.Element | None = None
        for event, element in _elements(self.data, ("start", "end")):
            tag = element.tag
            if not tags:  # every sheet element is in the namespace of the first one
                ns = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
                tags = {n: ns + n for n in ("row", "sheetData", "v", "is")}
            if event == "start":
                if tag == tags["sheetData"]:
                    sheet_data = element
            elif tag == tags["row"]:
                number = int(element.get("r") or number + 1)
                if number > MAX_SHEET_ROWS:
                    raise RosterFormatError(MSG_CORRUPT)
                yield number, self._cells(element, tags)
                # Drop the row from the tree: a sheet of a million empty rows stays small.
                if sheet_data is not None:
                    sheet_data.remove(element)

    def _cells(self, row: ET.Element, tags: dict[str, str]) -> list[Any]:
        values: list[Any] = []
        column = 0
        columns = self._columns
        for cell in row:
            ref = cell.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                if letters not in columns:
                    columns[letters] = column_index_from_string(letters)
                column = columns[letters]
            else:
                column += 1
            if column > self.max_col:
                continue
            if column > len(values):
                values.extend([None] * (column - len(values)))
            values[column - 1] = self._value(cell, tags)
        return values

    def _value(self, cell: ET.Element, tags: dict[str, str]) -> Any:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(tags["is"])
            return _text_of(inline) if inline is not None else None
        raw = cell.findtext(tags["v"])
        if not raw:
            return None  # empty, or a formula never calculated
        if kind == "s":
            return self.book.strings[int(raw)]
        if kind in {"str", "e"}:
            return raw
        if kind == "b":
            return raw.strip() in {"1", "true"}
        if kind == "d":
            return dt.datetime.fromisoformat(raw.strip())
        number = float(raw)
        if int(cell.get("s") or 0) in self.book.date_styles:
            try:
                return from_excel(number, self.book.epoch)
            except (OverflowError, ValueError):
                return number  # a date cell holding no possible date: the row check says so
        return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_header(cells: Sequence[Any], unit_required: bool) -> RosterFile:
    header = [_as_text(v) for v in cells]
    while header and not header[-1]:
        header.pop()
    index: dict[str, int] = {}
    warnings: list[str] = []
    for i, text in enumerate(header):
        key = _KEY_BY_HEADER.get(_header_key(text))
        if key is None:
            if text and _header_key(text) != _header_key(ERROR_HEADER):
                warnings.append(MSG_UNKNOWN_COLUMN % {"column": _shown(text)})
            continue
        if key in index:
            raise RosterFormatError(MSG_DUPLICATE_HEADER % {"column": COLUMN_BY_KEY[key].header})
        index[key] = i
    missing = [
        c.header
        for c in COLUMNS
        if c.required and c.key not in index and (unit_required or c.key != "unit_code")
    ]
    if missing:
        raise RosterFormatError(
            MSG_MISSING_HEADERS % {"columns": ", ".join(f"“{h}”" for h in missing)}
        )
    return RosterFile(header=tuple(header), columns=index, warnings=warnings)


class _RowParser:
    """Turn raw rows into ``RosterRow`` or ``RowError``; cross-row checks in ``finish``."""

    def __init__(self, roster: RosterFile, today: dt.date, unit_required: bool) -> None:
        self.roster = roster
        self.today = today
        self.unit_required = unit_required
        self.index = roster.columns
        self.rows_by_code: dict[str, list[int]] = {}

    def parse(self, number: int, cells: tuple[Any, ...]) -> None:
        errors: list[RowError] = []
        values: dict[str, Any] = {}

        def cell(key: str) -> Any:
            i = self.index.get(key)
            return cells[i] if i is not None else None

        def take(key: str, convert: Callable[[Any], Any], required: bool = False) -> None:
            raw = cell(key)
            try:
                if required and _blank(raw):
                    raise _CellError(MSG_REQUIRED)
                values[key] = convert(raw)
            except _CellError as exc:
                errors.append(RowError(number, COLUMN_BY_KEY[key].header, exc.message))

        take("code", _code, required=True)
        take("full_name", _name, required=True)
        take("birth_date", _date, required=True)
        take("gender", _gender, required=True)
        take("unit_code", _code, required=self.unit_required)
        take("rank_code", _rank_code)
        take("position_code", _code)
        take("qualification", lambda v: _text(v, QUALIFICATION_MAX))
        take("hired_on", _date)
        take("is_leader", _yes_no)
        take("is_party_member", _yes_no)
        take("under_discipline", _yes_no)
        take("relatives", lambda v: _relatives(v, values.get("code", "")))

        birth = values.get("birth_date")
        if birth is not None:
            if birth > self.today:
                errors.append(
                    RowError(number, COLUMN_BY_KEY["birth_date"].header, MSG_BIRTH_FUTURE)
                )
            elif not MIN_AGE <= age_on(birth, self.today) <= MAX_AGE:
                errors.append(
                    RowError(
                        number,
                        COLUMN_BY_KEY["birth_date"].header,
                        MSG_BIRTH_AGE % {"age": age_on(birth, self.today)},
                    )
                )
        hired = values.get("hired_on")
        if hired is not None:
            if hired > self.today:
                errors.append(RowError(number, COLUMN_BY_KEY["hired_on"].header, MSG_HIRED_FUTURE))
            elif birth is not None and age_on(birth, hired) < MIN_HIRING_AGE:
                errors.append(RowError(number, COLUMN_BY_KEY["hired_on"].header, MSG_HIRED_YOUNG))

        code = values.get("code")
        if code:
            self.rows_by_code.setdefault(code, []).append(number)
            self.roster.codes.setdefault(code, number)
        if errors:
            self.roster.errors.extend(errors)
            return
        self.roster.rows.append(RosterRow(row=number, **values))

    def finish(self) -> None:
        """Refuse every row whose person code occurs more than once in the file."""
        duplicated = {code: rows for code, rows in self.rows_by_code.items() if len(rows) > 1}
        if not duplicated:
            return
        header = COLUMN_BY_KEY["code"].header
        bad: set[int] = set()
        for code, rows in duplicated.items():
            message = MSG_DUPLICATE_CODE % {"code": code, "rows": ", ".join(map(str, rows))}
            self.roster.errors.extend(RowError(r, header, message) for r in rows)
            bad.update(rows)
        self.roster.rows = [r for r in self.roster.rows if r.row not in bad]
        self.roster.errors.sort(key=lambda e: e.row)  # stable: columns keep their order


# --- Writing --------------------------------------------------------------------------------

DATE_FORMAT = "dd/mm/yyyy"
TEXT_FORMAT = "@"
_TEXT_KEYS = {"code", "unit_code", "rank_code", "position_code"}
_BAD_FILL = "FFF3F2"
_HEADER_FILL = "EEF1F4"
_ERROR_INK = "B3261E"


def _safe_text(value: str) -> str:
    return _ILLEGAL_XML_RE.sub("", value)


def _yes_no_text(value: bool) -> str:
    return "Có" if value else "Không"


def relatives_text(relatives: Iterable[tuple[str, str]]) -> str:
    """Return the "Người thân" cell for ((code, relation code), ...)."""
    return "; ".join(f"{code}:{RELATION_LABELS[relation]}" for code, relation in relatives)


def _record_cells(row: RosterRow) -> list[Any]:
    return [
        row.code,
        row.full_name,
        row.birth_date,
        "Nam" if row.gender == MALE else "Nữ",
        row.unit_code,
        row.rank_code,
        row.position_code,
        row.qualification,
        row.hired_on,
        _yes_no_text(row.is_leader),
        _yes_no_text(row.is_party_member),
        _yes_no_text(row.under_discipline),
        relatives_text(row.relatives),
    ]


class _Writer:
    """A write-only workbook with the template's look: bold frozen header, widths, formats.

    Most cells go in as plain values (openpyxl's per-cell style objects cost more than the
    rest of the export together); only dates, shaded rows and text that Excel would read as
    a formula or an error value get a cell object.
    """

    def __init__(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        *,
        text_columns: Iterable[int] = (),
        error_column: int | None = None,
    ) -> None:
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(SHEET_TITLE)
        self.sheet.freeze_panes = "A2"
        for i, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = width
        for i in text_columns:
            # Whatever is typed later in a code column stays text: "01.003", "007".
            self.sheet.column_dimensions[get_column_letter(i + 1)].number_format = TEXT_FORMAT
        self.bold = Font(bold=True)
        self.red = Font(color=_ERROR_INK)
        self.header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
        # In a conditional format Excel paints a solid fill with bgColor: set both colours.
        self.bad_fill = PatternFill("solid", fgColor=_BAD_FILL, bgColor=_BAD_FILL)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.error_column = error_column
        self.sheet.append([self._header(h) for h in headers])
        self.next_row = 2

    def _header(self, text: str) -> Any:
        cell = WriteOnlyCell(self.sheet, value=text)
        cell.font = self.bold
        cell.fill = self.header_fill
        cell.alignment = self.wrap
        return cell

    def cell(self, value: Any) -> Any:
        """Return ``value`` ready for a row: a plain value, or a cell when it needs a format."""
        if isinstance(value, str):
            value = _safe_text(value) or None
        elif isinstance(value, float) and not math.isfinite(value):
            value = repr(value)
        elif not isinstance(value, int | float | dt.date | dt.time | dt.timedelta | None):
            value = _safe_text(str(value))
        risky = isinstance(value, str) and (value[0] in "=#" if value else False)
        if not (risky or isinstance(value, dt.date)):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula ("=...") or an error value ("#N/A")
        if isinstance(value, dt.datetime) and value.time() != dt.time():
            cell.number_format = DATE_FORMAT + " hh:mm"
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        return cell

    def error_cell(self, text: str) -> Any:
        if not text:
            return None
        cell = WriteOnlyCell(self.sheet, value=_safe_text(text))
        cell.data_type = "s"
        cell.font = self.red
        cell.alignment = self.wrap
        return cell

    def shade_error_rows(self) -> None:
        """Shade every data row whose error cell is not empty.

        A conditional format, not a fill per cell: it costs nothing per row, and a row loses
        its shading as soon as the user clears its error text.
        """
        assert self.error_column is not None
        letter = get_column_letter(self.error_column + 1)
        cells = f"A2:{letter}{max(self.next_row - 1, 2)}"
        self.sheet.conditional_formatting.add(
            cells, FormulaRule(formula=[f"LEN(${letter}2)>0"], fill=self.bad_fill)
        )

    def append(self, number: int, cells: Sequence[Any]) -> None:
        while self.next_row < number:  # keep the input's row numbers
            self.sheet.append([])
            self.next_row += 1
        self.sheet.append(cells)
        self.next_row += 1

    def add_guide(self) -> None:
        guide = self.workbook.create_sheet(GUIDE_TITLE)
        guide.column_dimensions["A"].width = 24
        guide.column_dimensions["B"].width = 12
        guide.column_dimensions["C"].width = 70
        guide.append([self._header(h) for h in ("Cột", "Bắt buộc", "Giá trị nhận")])
        for column in COLUMNS:
            guide.append([column.header, "Có" if column.required else "", column.hint])
        guide.append([])
        guide.append(["Quan hệ người thân", "", "; ".join(RELATION_LABELS.values())])
        guide.append(
            [
                "",
                "",
                "Cũng nhận: "
                + ", ".join(a.strip() for v in RELATION_ALIASES.values() for a in v.split("|")),
            ]
        )

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.workbook.save(out)
        return out.getvalue()


def write_roster(records: Iterable[RosterRow], *, guide: bool = True) -> bytes:
    """Return the template workbook holding ``records`` (none: the empty template).

    Code and rank columns are formatted as text, so Excel keeps "01.003" and leading zeros as
    they are typed.
    """
    text_columns = [i for i, c in enumerate(COLUMNS) if c.key in _TEXT_KEYS]
    writer = _Writer(HEADERS, [c.width for c in COLUMNS], text_columns=text_columns)
    for record in records:
        writer.append(writer.next_row, [writer.cell(v) for v in _record_cells(record)])
    if guide:
        writer.add_guide()
    return writer.bytes()


def write_error_report(roster: RosterFile, errors: Iterable[RowError]) -> bytes:
    """Return the input rows as read, with a "Lỗi" column naming every problem of a row.

    Rows with an error are shaded; row numbers are those of the input, so "dòng 7" in the
    report is row 7 of this file too.
    """
    by_row: dict[int, list[RowError]] = {}
    for error in errors:
        by_row.setdefault(error.row, []).append(error)
    # An earlier report's "Lỗi" column is dropped: the new one replaces it.
    keep = [i for i, h in enumerate(roster.header) if _header_key(h) != _header_key(ERROR_HEADER)]
    header = [roster.header[i] for i in keep]
    writer = _Writer(
        [*header, ERROR_HEADER], [*(_width(h) for h in header), 60], error_column=len(header)
    )
    for number, cells in roster.raw:
        problems = by_row.get(number, ())
        text = "\n".join(f"{e.column}: {e.message}" if e.column else e.message for e in problems)
        writer.append(number, [*(writer.cell(cells[i]) for i in keep), writer.error_cell(text)])
    writer.shade_error_rows()
    return writer.bytes()


def _width(header: str) -> float:
    key = _KEY_BY_HEADER.get(_header_key(header))
    return COLUMN_BY_KEY[key].width if key else 16
