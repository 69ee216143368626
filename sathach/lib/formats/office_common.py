"""Conventions the Excel template and the Word file share (the formats Vietnamese offices use).

Labels of item kinds and difficulty levels, numbers with a decimal comma, "Đúng"/"Sai", the
plain-text-or-HTML rule for cell and paragraph text, and the zip checks both packages need.
Pure Python; no Django.
"""

from __future__ import annotations

import html
import io
import math
import re
import zipfile
from decimal import Decimal

from sathach.lib.formats.items import Difficulty, ItemFormatError, Kind
from sathach.lib.text import fold, nfc

# --- Labels ---------------------------------------------------------------------------------

KIND_LABELS: dict[Kind, str] = {
    Kind.SINGLE: "Một lựa chọn",
    Kind.MULTIPLE: "Nhiều lựa chọn",
    Kind.TRUE_FALSE: "Đúng/Sai",
    Kind.SHORT_TEXT: "Trả lời ngắn",
    Kind.NUMERIC: "Số",
    Kind.ESSAY: "Tự luận",
}
DIFFICULTY_LABELS: dict[Difficulty, str] = {
    Difficulty.EASY: "Dễ",
    Difficulty.MEDIUM: "Trung bình",
    Difficulty.HARD: "Khó",
}
TRUE_LABEL, FALSE_LABEL = "Đúng", "Sai"

_NON_ALNUM_RE = re.compile(r"[\W_]+")


def label_key(text: str) -> str:
    """Return ``text`` folded for label matching: no diacritics, lower case, letters only.

    "Đúng/Sai", "dung sai" and "ĐÚNG - SAI" all give "dungsai".
    """
    return _NON_ALNUM_RE.sub("", fold(text))


_KIND_BY_KEY: dict[str, Kind] = {
    label_key(spelling): kind
    for kind, spellings in {
        Kind.SINGLE: ("Một lựa chọn", "single"),
        Kind.MULTIPLE: ("Nhiều lựa chọn", "multiple"),
        Kind.TRUE_FALSE: ("Đúng/Sai", "true_false"),
        Kind.SHORT_TEXT: ("Trả lời ngắn", "short_text"),
        Kind.NUMERIC: ("Số", "numeric"),
        Kind.ESSAY: ("Tự luận", "essay"),
    }.items()
    for spelling in spellings
}
_DIFFICULTY_BY_KEY: dict[str, Difficulty] = {
    label_key(spelling): level
    for level, spellings in {
        Difficulty.EASY: ("Dễ", "easy"),
        Difficulty.MEDIUM: ("Trung bình", "TB", "medium"),
        Difficulty.HARD: ("Khó", "hard"),
    }.items()
    for spelling in spellings
}
_TRUTH_BY_KEY = {"dung": True, "d": True, "true": True, "sai": False, "s": False, "false": False}


def parse_kind(text: str) -> Kind | None:
    """Return the kind named by ``text`` ("Một lựa chọn", "mot lua chon", "single"), or None."""
    return _KIND_BY_KEY.get(label_key(text))


def parse_difficulty(text: str) -> Difficulty | None:
    """Return the level named by ``text`` ("Dễ", "trung binh", "hard"), or None."""
    return _DIFFICULTY_BY_KEY.get(label_key(text))


def parse_truth(text: str) -> bool | None:
    """Return True for "Đúng" (also "Đ", "true"), False for "Sai" ("S", "false"), else None."""
    return _TRUTH_BY_KEY.get(label_key(text))


def truth_label(value: bool) -> str:
    return TRUE_LABEL if value else FALSE_LABEL


# --- Numbers --------------------------------------------------------------------------------

_NUMBER_RE = re.compile(r"([+-]?)([\d.,]*\d[\d.,]*)(?:[eE]([+-]?\d{1,3}))?")
_GROUPED_RE = re.compile(r"\d{1,3}(?:X\d{3})+")  # X stands for the grouping separator


def parse_number(text: str) -> float | None:
    """Return the number written in ``text``, or None when it is not one.

    Vietnamese writes a decimal comma ("3,14") and groups thousands with dots ("1.000.000");
    files made elsewhere write "3.14". One separator once is the decimal mark ("3,14" and
    "3.14"); a separator repeated in groups of three groups thousands ("1.000.000"); with both,
    the last one is the decimal mark ("1.234,5" and "1,234.5"). Spaces inside are ignored.
    """
    compact = re.sub(r"\s+", "", text.replace("\u2212", "-"))
    match = _NUMBER_RE.fullmatch(compact)
    if match is None:
        return None
    sign, digits, exponent = match.groups()
    marks = [ch for ch in digits if ch in ".,"]
    if digits[-1] in ".,":
        return None
    if digits[0] in ".,":  # ",5" and ".5"
        digits = "0" + digits
    if marks:
        decimal_mark = marks[-1] if len(set(marks)) == 2 or marks.count(marks[-1]) == 1 else ""
        integer, _, fraction = digits.rpartition(decimal_mark) if decimal_mark else (digits, "", "")
        if "." in fraction or "," in fraction:
            return None
        separators = {ch for ch in integer if ch in ".,"}
        if len(separators) > 1:
            return None
        if separators:
            separator = separators.pop()
            if not _GROUPED_RE.fullmatch(integer.replace(separator, "X")):
                return None
            integer = integer.replace(separator, "")
        digits = f"{integer}.{fraction}" if decimal_mark else integer
    literal = f"{sign}{digits}" + (f"e{exponent}" if exponent else "")
    value = float(literal)
    return value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """Return ``value`` the Vietnamese way, with a decimal comma and no grouping ("3,14").

    The digits are the shortest that read back as the same float, so parse_number gives
    ``value`` back exactly.
    """
    value = float(value)
    if not math.isfinite(value):
        return repr(value)
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return format(Decimal(repr(value)), "f").replace(".", ",")


# --- Keys -----------------------------------------------------------------------------------

_KEY_LETTER_TEXT_RE = re.compile(r"\(?([A-Za-z])\)?\s*[.):\-–]\s+\S.*")
_KEY_SEPARATOR_RE = re.compile(r"\s*(?:[,;/+&]|\svà\s)\s*|\s+")


def key_letters(value: str) -> list[str] | None:
    """Return the capital letters of a key: "B", "A, C", "A và C", "AC", "(B)", "B. text of B".

    Return None when ``value`` names no letter ("Đúng", "Hà Nội"). Several letters run
    together ("AC") are read only among A-F, so "Sai" stays a word.
    """
    text = value.strip().rstrip(".").strip()
    match = _KEY_LETTER_TEXT_RE.fullmatch(text)
    if match:
        return [match.group(1).upper()]
    pieces = [p.strip("()") for p in _KEY_SEPARATOR_RE.split(text) if p]
    if pieces and all(re.fullmatch(r"[A-Za-z]", p) for p in pieces):
        letters = [p.upper() for p in pieces]
    elif re.fullmatch(r"[A-Fa-f]{2,6}", text):
        letters = list(text.upper())
    else:
        return None
    return sorted(set(letters), key=letters.index)


# --- Text and HTML --------------------------------------------------------------------------

# Tags of the HTML subset stems are written in (and a few more editors produce). A cell or
# paragraph holding one of them is HTML; any other text is plain and gets escaped, so
# "a < b & c" stays what the author typed.
_HTML_TAG_RE = re.compile(
    r"<\s*/?\s*(?:a|b|i|u|s|em|strong|sub|sup|br|p|div|span|img|table|thead|tbody|tr|td|th|ul"
    r"|ol|li|code|pre|h[1-6]|blockquote|hr|font|strike|del|ins|mark|small|big|figure)"
    r"(?:\s[^<>]*)?/?\s*>",
    re.IGNORECASE,
)
_BR_RE = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_ASSET_REF_RE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']asset:([^"']+)["']""", re.IGNORECASE)
# Characters XML 1.0 cannot hold; Word, Excel, openpyxl and python-docx refuse them.
ILLEGAL_XML_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def looks_like_html(text: str) -> bool:
    return _HTML_TAG_RE.search(text) is not None


def text_to_html(text: str) -> str:
    """Return cell text as an HTML fragment (NFC, stripped).

    Text holding a known tag (``<b>``, ``<img src="asset:x.png">``) is taken as HTML; other
    text is escaped. Line breaks become ``<br>`` either way.
    """
    text = nfc(ILLEGAL_XML_RE.sub("", text))
    if not looks_like_html(text):
        text = html.escape(text, quote=False)
    return _NEWLINE_RE.sub("<br>", text)


def html_to_text(fragment: str) -> str:
    """Return an HTML fragment as cell text, the inverse of ``text_to_html``.

    A fragment with no tag but ``<br>`` becomes plain text (entities decoded, ``<br>`` as a
    line break); any other fragment is kept as HTML, its ``<br>`` written as line breaks.
    """
    with_breaks = _BR_RE.sub("\n", fragment)
    if looks_like_html(with_breaks):
        return with_breaks
    plain = html.unescape(with_breaks)
    # Decoded text that would read back as HTML ("&lt;b&gt;") stays escaped.
    return with_breaks if looks_like_html(plain) else plain


def asset_refs(fragment: str) -> list[str]:
    """Return the NAMEs of the ``<img src="asset:NAME">`` in ``fragment``, in order."""
    return _ASSET_REF_RE.findall(fragment)


def shown(text: str, limit: int = 40) -> str:
    """Return ``text`` cut to ``limit`` characters for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Packages -------------------------------------------------------------------------------

# Uncompressed size of all parts: stops zip bombs before openpyxl or python-docx see them.
# A bank of 10,000 items with pictures stays far below.
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MSG_TOO_BIG = "Tệp quá lớn để đọc (quá 512 MB khi giải nén)."


def open_package(data: bytes, *, not_package: str, old_format: str, corrupt: str) -> None:
    """Check that ``data`` is a readable OOXML zip package of sane size, or raise.

    ``not_package`` is the message for bytes that are no zip at all, ``old_format`` for the
    Office 97-2003 binary formats (also what password-protected files look like), ``corrupt``
    for a broken or truncated zip.
    """
    if data[:8] == _OLE_MAGIC:
        raise ItemFormatError(old_format)
    if data[:4] != b"PK\x03\x04":
        raise ItemFormatError(not_package)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ItemFormatError(corrupt) from exc
    if "[Content_Types].xml" not in names:
        raise ItemFormatError(not_package)
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise ItemFormatError(MSG_TOO_BIG)
