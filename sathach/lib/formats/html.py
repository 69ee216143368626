"""Markup helpers shared by the XML formats (Moodle XML, QTI): HTML fragments and safe XML.

Stems, options and feedback are HTML fragments (see ``items``). The XML formats need to find
and rewrite the URLs that point at images, to turn a fragment into XML elements (QTI wants
well-formed XHTML) and back, and to read the plain text of a fragment (titles, Đúng/Sai).
No full HTML cleaning here: the bank sanitises what it stores.

``parse_xml`` reads untrusted XML with defusedxml (no DTD, no entities, no external
references) and turns every failure into an ``ItemFormatError`` that names the line.
"""

from __future__ import annotations

import html
import mimetypes
import re
import unicodedata
import xml.etree.ElementTree as ET  # noqa: S405 - builds trees only; parsing uses defusedxml
from collections.abc import Callable
from html.parser import HTMLParser
from xml.parsers import expat  # noqa: S408 - only for ErrorString; parsing uses defusedxml

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from sathach.lib.formats.items import ItemData, ItemFormatError

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Elements that make a fragment "block" content (QTI: not allowed in an inline container).
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote details dl div figure footer h1 h2 h3 h4 h5 h6 header hr "
    "ol p pre section table ul".split()
)

# One start tag, attributes quoted or not; a '>' inside a quoted value does not end it.
_START_TAG = re.compile(
    r"<([a-zA-Z][^\s/>]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>"
)
_URL_ATTRIBUTE = re.compile(
    r"(\s)(src|href|data)(\s*=\s*)(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+))", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
# Characters XML 1.0 does not allow at all (C0 controls other than tab, newline, return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_NAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
# Characters that would break ``src="asset:NAME"`` or read as part of a URL, and line breaks.
_UNSAFE_NAME_CHARS = re.compile("[\\x00-\\x1f\\x7f\"'<>`&?#%\\\\/]+")

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def rewrite_urls(fragment: str, replace: Callable[[str], str | None]) -> str:
    """Return ``fragment`` with each src/href/data URL passed through ``replace``.

    ``replace`` gets the URL with HTML entities decoded and returns the new URL, or None to
    keep the attribute as it was.
    """

    def attribute(match: re.Match[str]) -> str:
        quoted = match.group(4) if match.group(4) is not None else match.group(5)
        value = quoted if quoted is not None else match.group(6)
        new = replace(html.unescape(value))
        if new is None:
            return match.group(0)
        return f'{match.group(1)}{match.group(2)}{match.group(3)}"{_escape_attribute(new)}"'

    def tag(match: re.Match[str]) -> str:
        return _URL_ATTRIBUTE.sub(attribute, match.group(0))

    return _START_TAG.sub(tag, fragment)


def plain_text(fragment: str) -> str:
    """Return the text of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return _SPACES.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def text_to_html(text: str) -> str:
    """Return plain text as an HTML fragment (escaped, line breaks kept)."""
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def has_block(fragment: str) -> bool:
    """Tell whether an HTML fragment contains a block element (paragraph, list, table...)."""
    return any(m.group(1).lower() in BLOCK_ELEMENTS for m in _START_TAG.finditer(fragment))


def xml_text(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)


def safe_asset_name(name: str) -> str:
    """Return a file name usable in ``asset:NAME``: no folder, no quote, ``&``, ``?``, ``#``."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    base = _UNSAFE_NAME_CHARS.sub("_", base).strip("._") or "image"
    return base


def guess_mime(name: str, content: bytes) -> str:
    """Return the MIME type of an image from its name, or from its first bytes."""
    guessed, _ = mimetypes.guess_type(name, strict=False)
    if guessed:
        return guessed
    for magic, mime in _MAGIC:
        if content.startswith(magic):
            return mime
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    if b"<svg" in content[:512]:
        return "image/svg+xml"
    return "application/octet-stream"


def unique_name(name: str, taken: set[str]) -> str:
    """Return ``name``, or ``stem-2.ext``, ``stem-3.ext``... whichever is not in ``taken``."""
    if name not in taken:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 2
    while True:
        candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
        if candidate not in taken:
            return candidate
        n += 1


def normalize_item(item: ItemData) -> ItemData:
    """Put every text of ``item`` in NFC with surrounding white space removed."""

    def nfc(text: str) -> str:
        return unicodedata.normalize("NFC", text).strip()

    item.stem = nfc(item.stem)
    item.title = nfc(item.title)
    item.general_feedback = nfc(item.general_feedback)
    item.source = nfc(item.source)
    item.essay_guide = nfc(item.essay_guide)
    item.external_id = nfc(item.external_id)
    item.topic_path = tuple(nfc(name) for name in item.topic_path if nfc(name))
    for option in item.options:
        option.text = nfc(option.text)
        option.feedback = nfc(option.feedback)
    for answer in item.answers:
        answer.text = nfc(answer.text)
        answer.feedback = nfc(answer.feedback)
    for numeric in item.numeric:
        numeric.feedback = nfc(numeric.feedback)
    for asset in item.assets:
        asset.name = nfc(asset.name)
    return item


# --- HTML fragment <-> XML elements (QTI) --------------------------------------------------


class _TreeBuilder(HTMLParser):
    """Build XML elements under ``parent`` from an HTML fragment, closing what HTML leaves open."""

    def __init__(self, parent: ET.Element, keep_attribute: Callable[[str, str], bool]) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [parent]
        self.keep_attribute = keep_attribute

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, self_closing: bool) -> None:
        if not _XML_NAME.match(tag):
            return
        element = ET.SubElement(self.stack[-1], tag)
        for name, value in attrs:
            if _XML_NAME.match(name) and self.keep_attribute(tag, name):
                element.set(name, xml_text(value if value is not None else name))
        if not self_closing and tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        data = xml_text(data)
        parent = self.stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def fragment_to_xml(
    fragment: str,
    parent: ET.Element,
    keep_attribute: Callable[[str, str], bool] = lambda tag, name: True,
) -> ET.Element:
    """Append the HTML ``fragment`` to ``parent`` as well-formed XML elements; return parent."""
    builder = _TreeBuilder(parent, keep_attribute)
    builder.feed(fragment)
    builder.close()
    return parent


def _local(name: str) -> str:
    if name == "{http://www.w3.org/XML/1998/namespace}lang" or name == "xml:lang":
        return "lang"
    return name.rsplit("}", 1)[-1]


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    return _escape_text(value).replace('"', "&quot;")


def outer_html(
    element: ET.Element, transform: Callable[[ET.Element], str | None] | None = None
) -> str:
    """Return ``element`` as HTML (tags without namespaces, void elements like ``<br>``).

    ``transform`` may return a string to use instead of an element (its tail is kept).
    """
    if transform is not None:
        replaced = transform(element)
        if replaced is not None:
            return replaced
    tag = _local(element.tag)
    attributes = "".join(
        f' {_local(name)}="{_escape_attribute(value)}"' for name, value in element.attrib.items()
    )
    if tag in VOID_ELEMENTS and not len(element) and not element.text:
        return f"<{tag}{attributes}>"
    return f"<{tag}{attributes}>{inner_html(element, transform)}</{tag}>"


def inner_html(
    element: ET.Element, transform: Callable[[ET.Element], str | None] | None = None
) -> str:
    """Return the content of ``element`` as an HTML fragment (see ``outer_html``)."""
    parts = [_escape_text(element.text or "")]
    for child in element:
        parts.append(outer_html(child, transform))
        parts.append(_escape_text(child.tail or ""))
    return "".join(parts)


# --- Safe XML reading ------------------------------------------------------------------------

_EXPAT_MESSAGES = {
    "mismatched tag": "thẻ đóng không khớp với thẻ mở",
    "not well-formed (invalid token)": "có ký tự hoặc thẻ không hợp lệ",
    "no element found": "tệp kết thúc giữa chừng (thiếu thẻ đóng)",
    "unclosed token": "thẻ chưa được đóng",
    "undefined entity": "thực thể không xác định (ví dụ &nbsp; phải viết là &#160;)",
    "junk after document element": "có nội dung sau phần tử gốc",
    "syntax error": "lỗi cú pháp",
    "unbound prefix": "tiền tố namespace chưa được khai báo",
    "duplicate attribute": "thuộc tính bị lặp",
    "unclosed CDATA section": "khối CDATA chưa được đóng",
    "XML declaration not well-formed": "khai báo <?xml ...?> không hợp lệ",
    "encoding specified in XML declaration is incorrect": "bảng mã khai báo trong <?xml ...?> sai",
    "unknown encoding": "bảng mã khai báo trong <?xml ...?> không được hỗ trợ",
}
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)")


def parse_xml(
    data: bytes, *, track: frozenset[str] = frozenset()
) -> tuple[ET.Element, dict[ET.Element, int]]:
    """Parse untrusted XML; return the root and the start line of each element in ``track``.

    ``track`` holds element names as written, without namespace (Moodle's "question").

    Raise ``ItemFormatError`` (Vietnamese, with the line and column) for broken XML, text that
    is not in its declared encoding, and any DTD or entity declaration (refused outright: they
    are how entity-expansion bombs and external-file reads get in).

    The expat parser is defusedxml's (its DTD, entity and external-reference guards stay
    installed); the element handlers feed the C tree builder directly, which is several times
    faster than ElementTree's pure-Python parser on a 10,000-question file.
    """
    if not data.strip():
        raise ItemFormatError("Tệp rỗng")
    builder = ET.TreeBuilder()
    expat_parser = DefusedXMLParser(target=builder, forbid_dtd=True).parser
    expat_parser.ordered_attributes = False
    lines: dict[ET.Element, int] = {}
    builder_start = builder.start

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = builder_start(tag, attrs)
        if tag in track:
            lines[element] = expat_parser.CurrentLineNumber

    namespaces: list[str] = []
    expat_parser.StartElementHandler = start if track else builder_start
    expat_parser.EndElementHandler = builder.end
    expat_parser.CharacterDataHandler = builder.data
    expat_parser.StartNamespaceDeclHandler = lambda prefix, uri: namespaces.append(uri)
    # ElementTree's default handler only serves DOCTYPE bookkeeping, and DTDs are refused.
    expat_parser.DefaultHandlerExpand = None
    try:
        expat_parser.Parse(data, True)
        root = builder.close()
    except DefusedXmlException as error:
        raise ItemFormatError(
            "Tệp XML có khai báo DTD hoặc thực thể (<!DOCTYPE>, <!ENTITY>); Sát Hạch không đọc "
            f"loại tệp này vì lý do an toàn ({type(error).__name__})",
            f"dòng {expat_parser.CurrentLineNumber}",
        ) from None
    except (LookupError, ValueError):  # an encoding expat cannot use (after the DTD case)
        declared = _DECLARED_ENCODING.match(data)
        name = declared.group(1).decode("ascii") if declared else "?"
        raise ItemFormatError(
            f"Tệp XML khai báo bảng mã “{name}” không đọc được; hãy lưu lại tệp với bảng mã UTF-8",
            "dòng 1",
        ) from None
    except (expat.ExpatError, ParseError) as error:
        _raise_for_encoding(data)
        if isinstance(error, ParseError):
            line, column = error.position
        else:
            line, column = error.lineno, error.offset
        reason = expat.ErrorString(error.code)
        message = _EXPAT_MESSAGES.get(reason, reason)
        location = f"dòng {line}, cột {column + 1}"
        raise ItemFormatError(f"Tệp XML bị hỏng: {message}", location) from None
    if namespaces or b"xml:" in data:
        _spell_namespaces(root)
    return root, lines


def _spell_namespaces(root: ET.Element) -> None:
    """Write expat's ``uri}local`` names the ElementTree way, ``{uri}local``."""
    for element in root.iter():
        if "}" in element.tag:
            element.tag = "{" + element.tag
        if element.attrib and any("}" in name for name in element.attrib):
            attrib = {("{" + k if "}" in k else k): v for k, v in element.attrib.items()}
            element.attrib.clear()
            element.attrib.update(attrib)


def _raise_for_encoding(data: bytes) -> None:
    """Raise the encoding error for XML that claims UTF-8 (or nothing) but is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ItemFormatError(
            "Tệp không phải văn bản UTF-8: byte không hợp lệ ở vị trí "
            f"{error.start}; hãy lưu lại tệp với bảng mã UTF-8",
            f"dòng {line}",
        ) from None
