"""Text helpers shared by Moodle's plain-text formats (GIFT and Aiken).

Decoding a text file the way both parsers accept it, and the small conversions between plain
text and the HTML fragments that ``ItemData`` holds. Pure Python; no Django.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

from .items import ItemFormatError

# Non-ASCII characters a Vietnamese Windows-1258 file may hold besides letters and tone marks.
_CP1258_PUNCTUATION = frozenset("“”‘’–—…•°±×÷§·")
_CP1258_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ")

_TAG = re.compile(r"<[A-Za-z!/]")
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|tr)\s*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_IMAGE = re.compile(r"<img\b", re.IGNORECASE)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with surrounding whitespace removed."""
    return unicodedata.normalize("NFC", text).strip()


def decode_text(data: bytes) -> tuple[str, str]:
    """Return the text of a text file with "\\n" line ends, and a warning (empty when none).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Other bytes are read as
    Windows-1258 only when the result is clearly Vietnamese text; otherwise the file is refused
    with the line and byte offset of the first byte that is not UTF-8.
    """
    warning = ""
    if data.startswith(codecs.BOM_UTF8):
        text = _decode_utf8(data[len(codecs.BOM_UTF8) :], offset=len(codecs.BOM_UTF8))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ItemFormatError(
                f"Tệp UTF-16 bị hỏng: byte không hợp lệ ở vị trí {exc.start}"
            ) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _decode_cp1258(data, exc.start)
            warning = "tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (cp1258)"
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ItemFormatError("Tệp chứa ký tự NUL: đây không phải tệp văn bản", f"dòng {line}")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warning


def _decode_utf8(data: bytes, *, offset: int = 0) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc.start, offset) from None


def _not_utf8(data: bytes, position: int, offset: int = 0) -> ItemFormatError:
    line = data.count(b"\n", 0, position) + 1
    return ItemFormatError(
        f"Tệp không phải văn bản UTF-8: byte không hợp lệ ở vị trí {position + offset} "
        f"(dòng {line}). Hãy lưu lại tệp với bảng mã UTF-8.",
        f"dòng {line}",
    )


def _decode_cp1258(data: bytes, first_bad: int) -> str:
    """Return ``data`` read as Windows-1258, or refuse it as not UTF-8 at ``first_bad``."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise _not_utf8(data, first_bad) from None
    if not _looks_like_vietnamese(text):
        raise _not_utf8(data, first_bad)
    return text


def _looks_like_vietnamese(text: str) -> bool:
    """Tell whether every non-ASCII character is what Vietnamese cp1258 text is made of."""
    vietnamese = False
    previous = ""
    for ch in text:
        if ch < "\x80":
            pass
        elif ch in _CP1258_TONES:
            if not previous.isalpha():
                return False
            vietnamese = True
        elif unicodedata.category(ch) in ("Lu", "Ll"):
            vietnamese = vietnamese or ch in _VIETNAMESE_LETTERS
        elif ch not in _CP1258_PUNCTUATION:
            return False
        previous = ch
    return vietnamese


def has_tags(text: str) -> bool:
    """Tell whether ``text`` holds an HTML tag (so it is HTML rather than plain text)."""
    return _TAG.search(text) is not None


def has_image(text: str) -> bool:
    return _IMAGE.search(text) is not None


def plain_to_html(text: str) -> str:
    """Return plain ``text`` as an HTML fragment: '&', '<', '>' as entities, "\n" as <br>."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\n", "<br>")


def html_to_plain(fragment: str) -> str:
    """Return the text of an HTML fragment: line breaks and block ends become "\\n".

    Every other tag is dropped (images too) and entities are decoded.
    """
    text = _BREAK.sub("\n", fragment)
    text = _ANY_TAG.sub("", text)
    return html.unescape(text)
