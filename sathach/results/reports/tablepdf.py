"""A direct PDF writer for long tables: the results summary and the list below the bar of a
whole province (thousands of rows).

WeasyPrint lays out any HTML but takes about 6 ms a table row on this machine (two minutes for
20,000 candidates); a list is only a grid of short texts, which this module sets itself in a
few seconds: DejaVu Serif Condensed (the fonts of the other records, subset and embedded, with
a ToUnicode map so the text can be searched and copied), A4, administrative margins, the
issuer and motto on the first page, the header row repeated on every page, section rows,
"Trang i/n", and the signature blocks at the end. pydyf and fontTools are WeasyPrint's own
dependencies (pinned with it). Text is set left to right with no kerning, which Vietnamese in
NFC needs no more (DejaVu has every precomposed letter).
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pydyf
from fontTools import subset
from fontTools.ttLib import TTFont

FONT_FILES = {
    "regular": "DejaVuSerifCondensed.ttf",
    "bold": "DejaVuSerifCondensed-Bold.ttf",
    "italic": "DejaVuSerifCondensed-Italic.ttf",
}
FONT_QUERIES = {
    "regular": "DejaVu Serif Condensed:style=Condensed",
    "bold": "DejaVu Serif Condensed:style=Condensed Bold",
    "italic": "DejaVu Serif Condensed:style=Condensed Italic",
}
FONT_NAMES = {"regular": "F1", "bold": "F2", "italic": "F3"}
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
)
MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
# plans/pdf/base.html: 2 cm top, right and bottom, 3 cm on the binding side.
MARGINS = (20 * MM, 20 * MM, 20 * MM, 30 * MM)  # top, right, bottom, left
SIZE = 9.0  # table text
LEADING = 1.22  # line height / font size
PAD_X, PAD_Y = 2.5, 2.2

Progress = Callable[[int, int], None]


def _no_progress(done: int, total: int) -> None:
    """Report nowhere."""


def font_path(style: str) -> Path:
    """Return the file of the DejaVu Serif Condensed ``style`` (the known directories, then
    fontconfig, which WeasyPrint needs anyway)."""
    name = FONT_FILES[style]
    for folder in FONT_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run(  # noqa: S603 - a fixed program and a fixed query
            [fc_match, "-f", "%{file}", FONT_QUERIES[style]],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if found and Path(found).name == name:
            return Path(found)
    raise FileNotFoundError(f"font {name} not found (install fonts-dejavu)")


@dataclass(frozen=True)
class FontMetrics:
    """What setting text needs from one font file: glyph ids and advances by character."""

    path: Path
    hexes: dict[str, str]  # character → its glyph id as 4 hex digits
    advances: dict[str, float]  # character → advance in 1/1000 em
    gids: dict[str, int]
    missing: float  # advance of .notdef
    ascent: float
    descent: float
    cap_height: float
    bbox: tuple[int, int, int, int]
    units: int


@functools.cache
def metrics(style: str) -> FontMetrics:
    path = font_path(style)
    font = TTFont(path, lazy=True)
    units = font["head"].unitsPerEm
    scale = 1000 / units
    hmtx = font["hmtx"]
    hexes, advances, gids = {}, {}, {}
    for codepoint, glyph in font.getBestCmap().items():
        char = chr(codepoint)
        gid = font.getGlyphID(glyph)
        gids[char] = gid
        hexes[char] = f"{gid:04X}"
        advances[char] = hmtx[glyph][0] * scale
    head = font["head"]
    os2 = font["OS/2"]
    return FontMetrics(
        path=path,
        hexes=hexes,
        advances=advances,
        gids=gids,
        missing=hmtx[".notdef"][0] * scale,
        ascent=font["hhea"].ascent * scale,
        descent=font["hhea"].descent * scale,
        cap_height=getattr(os2, "sCapHeight", 0) * scale or 700,
        bbox=(
            round(head.xMin * scale),
            round(head.yMin * scale),
            round(head.xMax * scale),
            round(head.yMax * scale),
        ),
        units=units,
    )


def text_width(text: str, style: str, size: float) -> float:
    font = metrics(style)
    advances, missing = font.advances, font.missing
    return sum([advances.get(c, missing) for c in text]) * size / 1000


def wrap(text: str, style: str, size: float, width: float) -> list[str]:
    """Return ``text`` broken into lines no wider than ``width`` (at spaces; a word longer
    than a line is cut)."""
    if text_width(text, style, size) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, style, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, style, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], style, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


# --- The document ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table's width
    align: str = "left"  # left, center, right


@dataclass(frozen=True)
class HeaderCell:
    """A header cell spanning ``rows`` × ``cols`` from header row ``row`` (0 first) and
    column ``col`` (1 first), for headers with merged cells."""

    text: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class Section:
    """Rows under a title row spanning the table (a unit's people); no title: rows alone."""

    title: str
    rows: Sequence[Sequence[str]]


Line = tuple[str, str]  # (text, style)


@dataclass
class TableDocument:
    issuer: str
    plan_code: str
    title: str
    subtitles: list[Line]
    columns: list[Column]
    sections: list[Section]
    totals: list[Sequence[str]] = field(default_factory=list)  # bold rows closing the table
    notes: list[Line] = field(default_factory=list)  # paragraphs after the table
    signatures: list[list[Line]] = field(default_factory=list)  # one list per signer
    numbered: bool = True  # a row of column numbers (1), (2)… under the header
    landscape: bool = True
    header_cells: list[HeaderCell] = field(default_factory=list)  # else one row of titles


class _Writer:
    """Lays documents out page after page (each document starts a page), then writes them."""

    def __init__(self, landscape: bool) -> None:
        width, height = A4
        self.width, self.height = (height, width) if landscape else (width, height)
        top, right, bottom, left = MARGINS
        self.left, self.right = left, self.width - right
        self.top, self.bottom = self.height - top, bottom
        self.pages: list[list[str]] = []
        self.ops: list[str] = []
        self.y = self.top
        self.used: dict[str, set[str]] = {style: set() for style in FONT_FILES}
        self._widths: dict[tuple[str, str], float] = {}
        self._hexes: dict[tuple[str, str], str] = {}
        self.doc: TableDocument | None = None
        self.widths: list[float] = []
        self.xs: list[float] = []

    def _start(self, document: TableDocument) -> None:
        self.doc = document
        inner = self.right - self.left
        total = sum(c.weight for c in document.columns)
        self.widths = [inner * c.weight / total for c in document.columns]
        self.xs = [self.left + sum(self.widths[:i]) for i in range(len(self.widths))]

    @property
    def document(self) -> TableDocument:
        assert self.doc is not None
        return self.doc

    # Text (widths and glyph codes are remembered: lists repeat dates, scores and results).

    def width_of(self, text: str, style: str, size: float) -> float:
        key = (text, style)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = text_width(text, style, 1000)
        return found * size / 1000

    def wrap(self, text: str, style: str, size: float, width: float) -> list[str]:
        if self.width_of(text, style, size) <= width:
            return [text]
        return wrap(text, style, size, width)

    def text(self, x: float, y: float, text: str, style: str, size: float) -> None:
        key = (text, style)
        encoded = self._hexes.get(key)
        if encoded is None:
            hexes = metrics(style).hexes
            self.used[style].update(text)
            encoded = self._hexes[key] = "".join([hexes.get(c, "0000") for c in text])
        name = FONT_NAMES[style]
        self.ops.append(f"BT /{name} {size:g} Tf {x:.2f} {y:.2f} Td <{encoded}> Tj ET")

    def centered(self, text: str, style: str, size: float, x0: float, x1: float) -> None:
        """Set ``text`` centred between ``x0`` and ``x1``, wrapped, from the current line."""
        for line in self.wrap(text, style, size, x1 - x0):
            self.y -= size * LEADING
            w = self.width_of(line, style, size)
            self.text(x0 + (x1 - x0 - w) / 2, self.y + size * 0.25, line, style, size)

    def rule(self, x0: float, x1: float, y: float) -> None:
        self.ops.append(f"0.8 w {x0:.2f} {y:.2f} m {x1:.2f} {y:.2f} l S")

    def new_page(self) -> None:
        if self.ops:
            self.pages.append(self.ops)
        self.ops = []
        self.y = self.top

    # Blocks.

    def opening(self) -> None:
        """The issuer and plan (left), the national motto (right), the title and subtitles."""
        doc = self.document
        split = self.left + (self.right - self.left) * 0.42
        top = self.y
        self.centered(doc.issuer, "bold", 11, self.left, split)
        inset = (split - self.left) * 0.35
        self.rule(self.left + inset, split - inset, self.y - 2)
        self.y -= 4
        if doc.plan_code:  # documents of a unit or a year (evaluation) belong to no plan
            self.centered(f"Kế hoạch: {doc.plan_code}", "regular", 10.5, self.left, split)
        left_bottom = self.y
        self.y = top
        self.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 11, split, self.right)
        self.centered("Độc lập - Tự do - Hạnh phúc", "bold", 12, split, self.right)
        middle = (split + self.right) / 2
        half = (self.right - split) * 0.25
        self.rule(middle - half, middle + half, self.y - 2)
        self.y = min(self.y, left_bottom) - 14
        self.centered(doc.title, "bold", 13, self.left, self.right)
        for text, style in doc.subtitles:
            self.centered(text, style, 10.5, self.left, self.right)
        self.y -= 8

    def _cells(self, values: Sequence[str], style: str) -> tuple[list[list[str]], float]:
        lines = [
            self.wrap(str(value), style, SIZE, width - 2 * PAD_X)
            for value, width in zip(values, self.widths, strict=True)
        ]
        height = max(len(cell) for cell in lines) * SIZE * LEADING + 2 * PAD_Y
        return lines, height

    def _lines(
        self, x: float, width: float, top: float, lines: list[str], style: str, align: str
    ) -> None:
        baseline = top - PAD_Y - SIZE * 0.95
        for line in lines:
            if line:
                if align == "left":
                    tx = x + PAD_X
                else:
                    w = self.width_of(line, style, SIZE)
                    tx = x + (width - w) / 2 if align == "center" else x + width - PAD_X - w
                self.text(tx, baseline, line, style, SIZE)
            baseline -= SIZE * LEADING

    def _draw_row(
        self, lines: list[list[str]], height: float, style: str, aligns: Sequence[str]
    ) -> None:
        top = self.y
        boxes = []
        for x, width, cell, align in zip(self.xs, self.widths, lines, aligns, strict=True):
            boxes.append(f"{x:.2f} {top - height:.2f} {width:.2f} {height:.2f} re")
            self._lines(x, width, top, cell, style, align)
        self.ops.append("0.6 w " + " ".join(boxes) + " S")
        self.y = top - height

    def _spanned_header(self, cells: Sequence[HeaderCell]) -> None:
        """Draw a header of merged cells: each row as tall as its cells need, a cell spanning
        rows as tall as those rows together (the last one grows if it needs more)."""
        n_rows = max(c.row + c.rows for c in cells)
        line = SIZE * LEADING
        heights = [line + 2 * PAD_Y] * n_rows
        laid = []
        for cell in cells:
            x = self.xs[cell.col - 1]
            width = sum(self.widths[cell.col - 1 : cell.col - 1 + cell.cols])
            lines = self.wrap(cell.text, "bold", SIZE, width - 2 * PAD_X)
            laid.append((cell, x, width, lines))
        for cell, _x, _w, lines in sorted(laid, key=lambda found: found[0].rows):
            need = len(lines) * line + 2 * PAD_Y
            spanned = heights[cell.row : cell.row + cell.rows]
            if sum(spanned) < need:
                heights[cell.row + cell.rows - 1] += need - sum(spanned)
        top = self.y
        boxes = []
        for cell, x, width, lines in laid:
            y0 = top - sum(heights[: cell.row])
            height = sum(heights[cell.row : cell.row + cell.rows])
            boxes.append(f"{x:.2f} {y0 - height:.2f} {width:.2f} {height:.2f} re")
            offset = (height - len(lines) * line - 2 * PAD_Y) / 2
            self._lines(x, width, y0 - offset, lines, "bold", "center")
        self.ops.append("0.6 w " + " ".join(boxes) + " S")
        self.y = top - sum(heights)

    def header(self) -> None:
        doc = self.document
        if doc.header_cells:
            self._spanned_header(doc.header_cells)
        else:
            titles = [c.title for c in doc.columns]
            lines, height = self._cells(titles, "bold")
            self._draw_row(lines, height, "bold", ["center"] * len(titles))
        if doc.numbered:
            numbers = [f"({i})" for i in range(1, len(doc.columns) + 1)]
            lines, height = self._cells(numbers, "italic")
            self._draw_row(lines, height, "italic", ["center"] * len(numbers))

    def row(self, values: Sequence[str], style: str = "regular") -> None:
        lines, height = self._cells(values, style)
        if self.y - height < self.bottom:
            self.new_page()
            self.header()
        self._draw_row(lines, height, style, [c.align for c in self.document.columns])

    def section_title(self, title: str) -> None:
        width = self.right - self.left
        lines = self.wrap(title, "bold", SIZE, width - 2 * PAD_X)
        height = len(lines) * SIZE * LEADING + 2 * PAD_Y
        # Keep a section title with its first row.
        if self.y - height - (SIZE * LEADING + 2 * PAD_Y) < self.bottom:
            self.new_page()
            self.header()
        top = self.y
        self.ops.append(f"0.6 w {self.left:.2f} {top - height:.2f} {width:.2f} {height:.2f} re S")
        self._lines(self.left, width, top, lines, "bold", "left")
        self.y = top - height

    def paragraph(self, text: str, style: str) -> None:
        lines = self.wrap(text, style, 10.5, self.right - self.left)
        if self.y - len(lines) * 10.5 * LEADING < self.bottom:
            self.new_page()
        for line in lines:
            self.y -= 10.5 * LEADING
            self.text(self.left, self.y + 2.5, line, style, 10.5)

    def signatures(self) -> None:
        """The signers side by side, each followed by room to sign."""
        blocks = self.document.signatures
        if not blocks:
            return
        needed = max(len(b) for b in blocks) * 11 * LEADING + 80
        if self.y - needed < self.bottom:
            self.new_page()
        self.y -= 12
        top = self.y
        width = (self.right - self.left) / len(blocks)
        for i, block in enumerate(blocks):
            self.y = top
            x0 = self.left + i * width
            for text, style in block:
                self.centered(text, style, 11 if style == "bold" else 10.5, x0, x0 + width)
        self.y = self.bottom  # the room to sign closes the document

    def lay_out(self, document: TableDocument, progress: Progress) -> None:
        self._start(document)
        self.new_page()
        self.opening()
        self.header()
        total = sum(len(s.rows) for s in document.sections)
        done = 0
        for section in document.sections:
            if section.title:
                self.section_title(section.title)
            for values in section.rows:
                self.row(values)
                done += 1
                if done % 500 == 0:
                    progress(done, total)
        for values in document.totals:
            self.row(values, "bold")
        self.y -= 6
        for text, style in document.notes:
            self.paragraph(text, style)
        self.signatures()
        self.pages.append(self.ops)
        self.ops = []
        progress(total, total)

    # The file.

    def _font(self, pdf: pydyf.PDF, style: str, tag: str) -> pydyf.Dictionary:
        font = metrics(style)
        chars = self.used[style] or {" "}
        options = subset.Options()
        options.retain_gids = True  # glyph ids in the content stay valid
        options.notdef_outline = True
        options.name_IDs = ["*"]
        options.layout_features = []
        options.drop_tables += ["FFTM"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(c) for c in chars])
        ttf = TTFont(font.path)
        subsetter.subset(ttf)
        buffer = io.BytesIO()
        ttf.save(buffer)
        data = buffer.getvalue()
        base = f"/{tag}+{font.path.stem.replace('-', '')}"
        file_stream = _deflated(data, {"Length1": len(data)})
        pdf.add_object(file_stream)
        descriptor = pydyf.Dictionary(
            {
                "Type": "/FontDescriptor",
                "FontName": base,
                "Flags": 4,
                "FontBBox": pydyf.Array(font.bbox),
                "ItalicAngle": -11 if style == "italic" else 0,
                "Ascent": round(font.ascent),
                "Descent": round(font.descent),
                "CapHeight": round(font.cap_height),
                "StemV": 80,
                "FontFile2": file_stream.reference,
            }
        )
        pdf.add_object(descriptor)
        pairs = sorted({(font.gids[c], c) for c in chars if c in font.gids})
        widths: list[object] = []
        for gid, char in pairs:
            widths.extend([gid, pydyf.Array([round(font.advances[char])])])
        cid_font = pydyf.Dictionary(
            {
                "Type": "/Font",
                "Subtype": "/CIDFontType2",
                "BaseFont": base,
                "CIDSystemInfo": pydyf.Dictionary(
                    {
                        "Registry": pydyf.String("Adobe"),
                        "Ordering": pydyf.String("Identity"),
                        "Supplement": 0,
                    }
                ),
                "FontDescriptor": descriptor.reference,
                "W": pydyf.Array(widths),
                "DW": round(font.missing),
                "CIDToGIDMap": "/Identity",
            }
        )
        pdf.add_object(cid_font)
        to_unicode = _deflated("\n".join(_to_unicode(pairs)).encode())
        pdf.add_object(to_unicode)
        type0 = pydyf.Dictionary(
            {
                "Type": "/Font",
                "Subtype": "/Type0",
                "BaseFont": base,
                "Encoding": "/Identity-H",
                "DescendantFonts": pydyf.Array([cid_font.reference]),
                "ToUnicode": to_unicode.reference,
            }
        )
        pdf.add_object(type0)
        return type0

    def pdf(self) -> bytes:
        pdf = pydyf.PDF()
        self.used["regular"].update("Trang 0123456789/")  # the page footers, set below
        fonts = pydyf.Dictionary(
            {
                name: self._font(pdf, style, tag).reference
                for name, style, tag in (
                    ("F1", "regular", "SHRPTA"),
                    ("F2", "bold", "SHRPTB"),
                    ("F3", "italic", "SHRPTC"),
                )
            }
        )
        resources = pydyf.Dictionary({"Font": fonts})
        pdf.add_object(resources)
        count = len(self.pages)
        for number, ops in enumerate(self.pages, start=1):
            footer = f"Trang {number}/{count}"
            w = text_width(footer, "regular", 9)
            hexes = metrics("regular").hexes
            encoded = "".join(hexes.get(c, "0000") for c in footer)
            x, y = (self.width - w) / 2, MARGINS[2] / 2
            ops.append(f"BT /F1 9 Tf {x:.2f} {y:.2f} Td <{encoded}> Tj ET")
            content = _deflated("\n".join(ops).encode())
            pdf.add_object(content)
            page = pydyf.Dictionary(
                {
                    "Type": "/Page",
                    "Parent": pdf.pages.reference,
                    "MediaBox": pydyf.Array([0, 0, round(self.width, 2), round(self.height, 2)]),
                    "Contents": content.reference,
                    "Resources": resources.reference,
                }
            )
            pdf.add_page(page)
        output = io.BytesIO()
        pdf.write(output, compress=True)
        return output.getvalue()


def _deflated(data: bytes, extra: dict[str, object] | None = None) -> pydyf.Stream:
    """Return a stream of ``data`` deflated at level 6 (pydyf's own level 9 takes twice the
    time for a file a few percent smaller)."""
    return pydyf.Stream([zlib.compress(data, 6)], {**(extra or {}), "Filter": "/FlateDecode"})


def _to_unicode(pairs: Sequence[tuple[int, str]]) -> list[str]:
    """Return the ToUnicode CMap mapping the glyph ids of ``pairs`` back to their text."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(pairs), 100):
        chunk = pairs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for gid, char in chunk:
            lines.append(f"<{gid:04X}> <{char.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return lines


def _nfc(document: TableDocument) -> TableDocument:
    """Return ``document`` with every text in NFC (the fonts map precomposed letters only)."""

    def norm(text: str) -> str:
        return text if text.isascii() else unicodedata.normalize("NFC", text)

    document.sections = [
        Section(norm(s.title), [[norm(str(v)) for v in row] for row in s.rows])
        for s in document.sections
    ]
    document.totals = [[norm(str(v)) for v in row] for row in document.totals]
    return document


def table_pdf(document: TableDocument, progress: Progress = _no_progress) -> bytes:
    """Return ``document`` as a PDF; ``progress(done, total)`` counts the rows set."""
    return tables_pdf([document], progress)


def tables_pdf(documents: Sequence[TableDocument], progress: Progress = _no_progress) -> bytes:
    """Return ``documents`` one after the other in one PDF, each from a new page (in the
    orientation of the first)."""
    writer = _Writer(documents[0].landscape)
    for document in documents:
        writer.lay_out(_nfc(document), progress)
    return writer.pdf()
