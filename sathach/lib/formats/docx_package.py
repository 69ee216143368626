"""Read the body of a Word .docx into lines of text with their formatting and pictures.

The question convention (docx_items) works on these lines, not on python-docx objects: a line
is a paragraph, or the part of one between line breaks, with the effective bold, italic,
underline and highlight of every character (direct formatting, then the character style,
then the paragraph style), the pictures it holds, and whether Word numbers it with a list
("Câu %1." or "A."). Content controls, hyperlinks, tracked insertions and fields are read
through; tracked deletions are not. Pure Python with python-docx; no Django.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from sathach.lib.formats.items import ASSET_SCHEME, AssetData
from sathach.lib.formats.office_common import label_key

WARN_MATH = "công thức toán được chuyển thành văn bản thường"
WARN_PICTURE_MISSING = "ảnh liên kết ra ngoài hoặc không có trong tệp, đã bỏ qua"

PICTURE = "\ufffc"  # stands for a picture inside a line's text
# Character formatting, one bit each.
BOLD, ITALIC, UNDERLINE, HIGHLIGHT, SUP, SUB = 1, 2, 4, 8, 16, 32
_TAGS = ((BOLD, "b"), (ITALIC, "i"), (UNDERLINE, "u"), (SUP, "sup"), (SUB, "sub"))
_FILE_NAME_RE = re.compile(r"[^\\/:*?\"<>|\s][^\\/:*?\"<>|]{0,80}\.[A-Za-z0-9]{2,5}")
_SPACE_RE = re.compile(r"\s+")

# --- XML names ------------------------------------------------------------------------------

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}


def _w(tag: str) -> str:
    return f"{{{_NS['w']}}}{tag}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC = (_w(t) for t in ("p", "r", "t", "tbl", "tr", "tc"))
W_VAL, W_RPR, W_PPR = _w("val"), _w("rPr"), _w("pPr")
_CONTAINERS = {
    _w(t)
    for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo")
} | {_w("sdt"), _w("sdtContent")}
_MATH = {f"{{{_NS['m']}}}oMath", f"{{{_NS['m']}}}oMathPara"}
_M_T = f"{{{_NS['m']}}}t"
# The name Word (or our writer) gave the picture: "so-do.png", or "Picture 1".
_PICTURE_NAMES = etree.XPath(".//pic:cNvPr/@name", namespaces=_NS)
R_EMBED, R_ID = (f"{{{_NS['r']}}}{t}" for t in ("embed", "id"))


# --- Lines ----------------------------------------------------------------------------------


@dataclass
class Picture:
    name: str
    mime: str
    content: bytes


@dataclass
class Line:
    """One line of text (a paragraph, or part of one cut by a line break) with its formatting.

    ``marks`` holds the formatting bits of each character of ``text``; each PICTURE character
    stands for the next of ``pictures``.
    """

    text: str
    marks: list[int]
    pictures: list[Picture]
    para: int  # paragraph number in the document, from 1
    heading: bool = False  # a paragraph in a Heading style or with an outline level
    table: bool = False  # a table row joined into one line
    math: bool = False  # holds an equation read as plain text
    auto: str = ""  # Word numbers it: "question" ("Câu %1."), "upper" or "lower" (A-F, a-f)

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def cut(self, start: int, end: int | None = None) -> Line:
        end = len(self.text) if end is None else end
        first = self.text.count(PICTURE, 0, start)
        count = self.text.count(PICTURE, start, end)
        return Line(
            self.text[start:end],
            self.marks[start:end],
            self.pictures[first : first + count],
            self.para,
            table=self.table,
            math=self.math,
        )

    def without(self, start: int, end: int) -> Line:
        head, tail = self.cut(0, start), self.cut(end)
        return Line(
            head.text + tail.text,
            head.marks + tail.marks,
            head.pictures + tail.pictures,
            self.para,
            self.heading,
            self.table,
            self.math,
        )


def join_lines(lines: Sequence[Line], separator: str) -> Line:
    text: list[str] = []
    marks: list[int] = []
    pictures: list[Picture] = []
    for i, line in enumerate(lines):
        if i:
            text.append(separator)
            marks.extend([0] * len(separator))
        text.append(line.text)
        marks.extend(line.marks)
        pictures.extend(line.pictures)
    return Line("".join(text), marks, pictures, lines[0].para)


def plain_text(line: Line) -> str:
    """Return the text of ``line`` without pictures, whitespace collapsed, NFC."""
    text = line.text.replace(PICTURE, " ")
    return unicodedata.normalize("NFC", _SPACE_RE.sub(" ", text).strip())


def line_html(line: Line, keep: int, assets: dict[str, AssetData]) -> str:
    """Return ``line`` as an HTML fragment with the formatting in ``keep``.

    Formatting that covers every character of the line is the paragraph's look (a question
    written all in bold), not emphasis, and is left out. Pictures become
    ``<img src="asset:NAME">`` and are added to ``assets``.
    """
    chars: list[tuple[str, int]] = []
    for ch, mark in zip(line.text, line.marks, strict=True):
        if ch.isspace():
            if chars and chars[-1][0] != " ":
                chars.append((" ", mark))
            continue
        chars.append((ch, mark))
    while chars and chars[-1][0] == " ":
        chars.pop()
    visible = [mark for ch, mark in chars if ch not in (" ", PICTURE)]
    for bit in (BOLD, ITALIC, UNDERLINE):
        if visible and all(mark & bit for mark in visible):
            keep &= ~bit
    pictures = iter(line.pictures)
    out: list[str] = []
    group: list[str] = []
    group_mark = 0

    def flush() -> None:
        if group:
            opened = [tag for bit, tag in _TAGS if group_mark & bit]
            text = html.escape("".join(group), quote=False)
            out.append("".join(f"<{t}>" for t in opened) + text)
            out.append("".join(f"</{t}>" for t in reversed(opened)))
            group.clear()

    for ch, mark in chars:
        if ch == PICTURE:
            flush()
            picture = next(pictures)
            assets.setdefault(picture.name, AssetData(picture.name, picture.mime, picture.content))
            out.append(f'<img src="{ASSET_SCHEME}{html.escape(picture.name)}">')
            continue
        mark &= keep
        if mark != group_mark:
            flush()
            group_mark = mark
        group.append(ch)
    flush()
    return unicodedata.normalize("NFC", "".join(out))


def lines_html(lines: Sequence[Line], keep: int, assets: dict[str, AssetData]) -> str:
    return "<br>".join(h for line in lines if (h := line_html(line, keep, assets)))


# --- Reading the package ----------------------------------------------------------------------


def _on(element: Any) -> bool:
    return element.get(W_VAL, "true").lower() not in ("0", "false", "off", "none")


W_B, W_I, W_U, W_HIGHLIGHT, W_SHD, W_FILL, W_VERT_ALIGN = (
    _w(t) for t in ("b", "i", "u", "highlight", "shd", "fill", "vertAlign")
)


def _run_props(rpr: Any) -> dict[int, bool]:
    """Return the formatting ``rpr`` (a w:rPr) sets, as {bit: on}."""
    props: dict[int, bool] = {}
    if rpr is None:
        return props
    shaded = None
    for child in rpr:
        tag = child.tag
        if tag == W_B:
            props[BOLD] = _on(child)
        elif tag == W_I:
            props[ITALIC] = _on(child)
        elif tag == W_U:
            props[UNDERLINE] = child.get(W_VAL, "single") != "none"
        elif tag == W_HIGHLIGHT:
            props[HIGHLIGHT] = child.get(W_VAL, "none") != "none"
        elif tag == W_SHD:
            shaded = child.get(W_FILL, "auto").lower() not in ("auto", "", "ffffff")
        elif tag == W_VERT_ALIGN:
            props[SUP] = child.get(W_VAL) == "superscript"
            props[SUB] = child.get(W_VAL) == "subscript"
    if shaded is not None:
        props[HIGHLIGHT] = props.get(HIGHLIGHT, False) or shaded
    return props


def _bits(props: dict[int, bool]) -> int:
    return sum(bit for bit, on in props.items() if on)


class _Styles:
    """The styles part: run formatting, heading-ness and list numbering of each style.

    Answers are cached per style: a document uses a handful of styles thousands of times.
    """

    def __init__(self, root: Any) -> None:
        self._raw: dict[str, Any] = {}
        self._run_props: dict[str, dict[int, bool]] = {}
        self._heading: dict[str, bool] = {}
        self._numbering: dict[str, tuple[str, int] | None] = {}
        self.default_paragraph = ""
        if root is None:
            return
        for style in root.iter(_w("style")):
            style_id = style.get(_w("styleId"), "")
            self._raw[style_id] = style
            if style.get(_w("type")) == "paragraph" and _on_attr(style.get(_w("default"))):
                self.default_paragraph = style_id

    def _chain(self, style_id: str) -> list[Any]:
        """Return the style and the styles it is based on, the most basic first."""
        chain: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id in self._raw and style_id not in seen:
            seen.add(style_id)
            style = self._raw[style_id]
            chain.append(style)
            based = style.find(_w("basedOn"))
            style_id = based.get(W_VAL, "") if based is not None else ""
        return chain[::-1]

    def run_props(self, style_id: str) -> dict[int, bool]:
        if style_id not in self._run_props:
            props: dict[int, bool] = {}
            for style in self._chain(style_id):
                props.update(_run_props(style.find(W_RPR)))
            self._run_props[style_id] = props
        return self._run_props[style_id]

    def is_heading(self, style_id: str) -> bool:
        if style_id not in self._heading:
            names = (style.find(_w("name")) for style in self._chain(style_id))
            self._heading[style_id] = any(
                name is not None
                and re.fullmatch(r"heading \d|title", name.get(W_VAL, "").strip().lower())
                for name in names
            )
        return self._heading[style_id]

    def numbering(self, style_id: str) -> tuple[str, int] | None:
        if style_id not in self._numbering:
            found = None
            for style in self._chain(style_id):
                found = _num_pr(style.find(W_PPR)) or found
            self._numbering[style_id] = found
        return self._numbering[style_id]


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num_pr = ppr.find(_w("numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(_w("numId"))
    level = num_pr.find(_w("ilvl"))
    if num_id is None:
        return None
    try:
        ilvl = int(level.get(W_VAL, "0")) if level is not None else 0
    except ValueError:
        ilvl = 0
    return num_id.get(W_VAL, ""), ilvl


class _Numbering:
    """Word list numbering: which lists number questions ("Câu %1.") or options ("%1.", A-F)."""

    def __init__(self, root: Any) -> None:
        self._levels: dict[str, dict[int, tuple[str, str]]] = {}
        self._nums: dict[str, str] = {}
        self._overrides: dict[str, dict[int, tuple[str, str]]] = {}
        if root is None:
            return
        for abstract in root.iter(_w("abstractNum")):
            levels = self._levels.setdefault(abstract.get(_w("abstractNumId"), ""), {})
            levels.update(_levels(abstract))
        for num in root.iter(_w("num")):
            num_id = num.get(_w("numId"), "")
            abstract_id = num.find(_w("abstractNumId"))
            self._nums[num_id] = abstract_id.get(W_VAL, "") if abstract_id is not None else ""
            for override in num.iter(_w("lvlOverride")):
                self._overrides.setdefault(num_id, {}).update(_levels(override))

    def kind(self, num: tuple[str, int]) -> str:
        """Return "question", "upper" or "lower" (option letters), or "" for other lists."""
        num_id, ilvl = num
        level = self._overrides.get(num_id, {}).get(ilvl) or self._levels.get(
            self._nums.get(num_id, ""), {}
        ).get(ilvl)
        if level is None:
            return ""
        fmt, text = level
        if label_key(text).startswith("cau"):
            return "question"
        if re.fullmatch(r"\s*%\d\s*[.)]\s*", text):
            return {"upperLetter": "upper", "lowerLetter": "lower"}.get(fmt, "")
        return ""


def _levels(parent: Any) -> dict[int, tuple[str, str]]:
    levels: dict[int, tuple[str, str]] = {}
    for lvl in parent.iter(_w("lvl")):
        try:
            ilvl = int(lvl.get(_w("ilvl"), "0"))
        except ValueError:
            continue
        fmt = lvl.find(_w("numFmt"))
        text = lvl.find(_w("lvlText"))
        levels[ilvl] = (
            fmt.get(W_VAL, "") if fmt is not None else "",
            text.get(W_VAL, "") if text is not None else "",
        )
    return levels


class _LineBuilder:
    def __init__(self) -> None:
        self.lines: list[tuple[list[str], list[int], list[Picture]]] = [([], [], [])]
        self.math = False

    def text(self, text: str, mark: int) -> None:
        text = unicodedata.normalize("NFC", text.replace(PICTURE, ""))
        chars, marks, _ = self.lines[-1]
        chars.append(text)
        marks.extend([mark] * len(text))

    def picture(self, picture: Picture) -> None:
        chars, marks, pictures = self.lines[-1]
        chars.append(PICTURE)
        marks.append(0)
        pictures.append(picture)

    def newline(self) -> None:
        self.lines.append(([], [], []))


class DocumentReader:
    """Turn the body of a python-docx ``document`` into lines, in reading order.

    ``structural(line)`` says whether a line starts something (a question, an option, a
    label): a table row whose cells start nothing is data, read as one line "a | b | c".
    """

    def __init__(self, document: Any, structural: Callable[[Line], bool]) -> None:
        self.part = document.part
        self.body = document.element.body
        self.structural = structural
        self.styles = _Styles(self._related_root(RT.STYLES))
        self.numbering = _Numbering(self._related_root(RT.NUMBERING))
        self.para = 0
        self.warnings: list[tuple[int, str]] = []  # (paragraph, message)
        self._pictures: dict[tuple[str, str], Picture] = {}
        self._names: dict[str, str] = {}  # picture name -> part name

    def _related_root(self, reltype: str) -> Any:
        for rel in self.part.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                return getattr(rel.target_part, "element", None)
        return None

    def read(self) -> list[Line]:
        lines: list[Line] = []
        for child in self.body:
            self._block(child, lines)
        return lines

    def _block(self, element: Any, out: list[Line]) -> None:
        tag = element.tag
        if tag == W_P:
            out.extend(self._paragraph(element))
        elif tag == W_TBL:
            self._table(element, out)
        elif tag in _CONTAINERS:
            for child in element:
                self._block(child, out)

    def _table(self, table: Any, out: list[Line]) -> None:
        for row in _children(table, W_TR):
            cells: list[list[Line]] = []
            for cell in _children(row, W_TC):
                lines: list[Line] = []
                for child in cell:
                    self._block(child, lines)
                cells.append([line for line in lines if not line.blank])
            filled = [cell for cell in cells if cell]
            if len(filled) > 1 and not any(self.structural(cell[0]) for cell in filled):
                # A row of data: one line, the cells separated by " | ".
                row_line = join_lines([join_lines(cell, " ") for cell in filled], " | ")
                row_line.table = True
                out.append(row_line)
            else:
                for cell in cells:
                    out.extend(cell)

    def _paragraph(self, paragraph: Any) -> list[Line]:
        self.para += 1
        ppr = paragraph.find(W_PPR)
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = style_el.get(W_VAL, "") if style_el is not None else ""
        style_id = style_id or self.styles.default_paragraph
        outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
        heading = self.styles.is_heading(style_id) or (
            outline is not None and outline.get(W_VAL, "9") in "012345678"
        )
        base = self.styles.run_props(style_id)
        builder = _LineBuilder()
        self._inline(paragraph, builder, base)
        lines = [
            Line("".join(chars), marks, pictures, self.para, math=builder.math)
            for chars, marks, pictures in builder.lines
        ]
        lines[0].heading = heading
        num = _num_pr(ppr) or self.styles.numbering(style_id)
        lines[0].auto = self.numbering.kind(num) if num is not None else ""
        if builder.math:
            self.warnings.append((self.para, WARN_MATH))
        return lines

    def _inline(self, element: Any, builder: _LineBuilder, base: dict[int, bool]) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self._run(child, builder, base)
            elif tag in _CONTAINERS:
                self._inline(child, builder, base)
            elif tag in _MATH:
                builder.text("".join(t.text or "" for t in child.iter(_M_T)), 0)
                builder.math = True

    def _run(self, run: Any, builder: _LineBuilder, base: dict[int, bool]) -> None:
        props = dict(base)
        rpr = run.find(W_RPR)
        if rpr is not None:
            char_style = rpr.find(_w("rStyle"))
            if char_style is not None:
                props.update(self.styles.run_props(char_style.get(W_VAL, "")))
            props.update(_run_props(rpr))
        mark = _bits(props)
        for child in run:
            tag = child.tag
            if tag == W_T:
                builder.text(child.text or "", mark)
            elif tag in (_w("tab"), _w("ptab")):
                builder.text("\t", mark)
            elif tag in (_w("br"), _w("cr")):
                builder.newline()
            elif tag == _w("noBreakHyphen"):
                builder.text("-", mark)
            elif tag in (
                _w("drawing"),
                _w("pict"),
                _w("object"),
                f"{{{_NS['mc']}}}AlternateContent",
            ):
                for picture in self._pictures_in(child):
                    builder.picture(picture)

    def _pictures_in(self, element: Any) -> Iterator[Picture]:
        choice = element.find("mc:Choice", _NS)
        if choice is not None:  # mc:AlternateContent: the first choice, else the fallback
            found = list(self._pictures_in(choice))
            if not found:
                fallback = element.find("mc:Fallback", _NS)
                found = list(self._pictures_in(fallback)) if fallback is not None else []
            yield from found
            return
        for blip in element.iter(f"{{{_NS['a']}}}blip", f"{{{_NS['v']}}}imagedata"):
            rid = blip.get(R_EMBED) or blip.get(R_ID) or ""
            names = _PICTURE_NAMES(element)
            picture = self._picture(rid, str(names[0]) if names else "")
            if picture is None:
                self.warnings.append((self.para, WARN_PICTURE_MISSING))
            else:
                yield picture

    def _picture(self, rid: str, preferred: str) -> Picture | None:
        part = self.part.related_parts.get(rid)
        if part is None:
            return None
        part_name = str(part.partname)
        cached = self._pictures.get((part_name, preferred))
        if cached is not None:
            return cached
        name = preferred if _FILE_NAME_RE.fullmatch(preferred) else posixpath.basename(part_name)
        stem, ext = posixpath.splitext(name)
        n = 2
        while self._names.get(name, part_name) != part_name:
            name = f"{stem}-{n}{ext}"
            n += 1
        self._names[name] = part_name
        picture = Picture(name, str(part.content_type), bytes(part.blob))
        self._pictures[(part_name, preferred)] = picture
        return picture


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Yield the ``tag`` children of ``element``, looking inside content controls."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)
