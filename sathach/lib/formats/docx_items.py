"""Questions in a Word .docx file, in the convention Vietnamese offices use: parse and write.

docs/formats/bank-docx.md explains the convention to authors. In short:

    PHẦN I. ...                       a heading (or a Word "Heading" style) closes the question
    Chủ đề: Kiến thức chung > Luật    outside a question: the topic of the questions after it
    Câu 1. Theo Luật Cán bộ, ...      a question starts ("Câu 1:", "Câu 1)", "Câu hỏi 1.",
                                      "Câu 1 (2 điểm):"); its text may go on over paragraphs
    A. ...   B. ...                   options, one a paragraph or several separated by tabs
    Đáp án: B                         the key ("A, C" for several), or the correct option in
                                      bold, underlined or highlighted
    Mức độ: Dễ / Điểm: 2 / Chủ đề: …  metadata lines, anywhere in the question
    Hướng dẫn chấm: ...               an essay's marking guide, to the next question

Parsing reads the package's XML itself (paragraphs, tables, runs with their effective
formatting, Word list numbering, pictures) into lines, cuts the lines into questions, and
reads each question. Writing produces the same convention, so ``parse(write(items))`` gives
the items back. Pure Python with python-docx; no Django.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from sathach.lib.formats.docx_package import (
    BOLD,
    HIGHLIGHT,
    ITALIC,
    PICTURE,
    SUB,
    SUP,
    UNDERLINE,
    DocumentReader,
    Line,
    lines_html,
    plain_text,
)
from sathach.lib.formats.items import (
    ASSET_SCHEME,
    AssetData,
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
    format_number,
    key_letters,
    label_key,
    open_package,
    parse_difficulty,
    parse_number,
    parse_truth,
    shown,
    truth_label,
)

# --- Messages -------------------------------------------------------------------------------

MSG_NOT_DOCX = "Tệp không phải là tệp Word .docx. Hãy lưu tệp dưới dạng “Word Document (.docx)”."
MSG_DOC = (
    "Tệp là định dạng Word 97-2003 (.doc) hoặc có đặt mật khẩu, không đọc được. Hãy mở bằng "
    "Word, bỏ mật khẩu nếu có, rồi lưu lại dưới dạng .docx."
)
MSG_CORRUPT = "Tệp Word bị hỏng hoặc không đầy đủ, không đọc được."
MSG_NO_QUESTION = (
    "Không tìm thấy câu hỏi nào: mỗi câu hỏi phải bắt đầu bằng “Câu 1.”, “Câu 1:” hoặc "
    "“Câu 1)” ở đầu đoạn văn."
)

# Item-level messages are lower-case fragments, like those of items.validate_item, because the
# report prints them after the location ("Câu 3 (đoạn 12): đáp án “E” không có ...").
MSG_KEY_NOT_AN_OPTION = "đáp án “%(key)s” không có trong các phương án"
MSG_KEY_DISAGREES = "dòng “Đáp án: %(key)s” khác với phương án được đánh dấu (%(marks)s)"
MSG_MARKS_DISAGREE = "các phương án được đánh dấu khác nhau (%(marks)s), không rõ đáp án nào đúng"
MSG_NO_KEY = (
    "không có đáp án: hãy thêm dòng “Đáp án: …”, in đậm hoặc gạch chân phương án đúng, "
    "hoặc ghi [Tự luận] cho câu tự luận"
)
MSG_TWO_KEYS = "có hai dòng “Đáp án”"
MSG_OPTION_ORDER = "phương án “%(letter)s” không đúng thứ tự (cần phương án “%(expected)s”)"
MSG_OPTION_OUTSIDE = (
    "phương án “%(letter)s” không thuộc câu hỏi nào (thiếu dòng “Câu N.” phía trên)"
)
MSG_KEY_OUTSIDE = "dòng “Đáp án” không thuộc câu hỏi nào (thiếu dòng “Câu N.” phía trên)"
MSG_BAD_DIFFICULTY = "mức độ “%(value)s” không hợp lệ (nhận: Dễ, Trung bình, Khó)"
MSG_BAD_POINTS = "điểm “%(value)s” không phải là số"
MSG_BAD_NUMBER = "đáp án “%(value)s” không phải là số"
MSG_BAD_TOLERANCE = "sai số “%(value)s” không phải là số"
MSG_TOLERANCE_COUNT = (
    "có %(tolerances)d sai số cho %(answers)d đáp án (cần 1 sai số hoặc mỗi đáp án 1)"
)

WARN_OPTION_CONTINUED = "đoạn văn “%(text)s” sau phương án “%(letter)s” được nối vào phương án đó"
WARN_IGNORED_AFTER_KEY = "đoạn văn “%(text)s” sau dòng “Đáp án” không thuộc phần nào, đã bỏ qua"
WARN_IGNORED_OUTSIDE = "đoạn văn “%(text)s” không thuộc câu hỏi nào, đã bỏ qua"
WARN_TABLE = "bảng trong câu hỏi được chuyển thành văn bản (các ô cách nhau bởi “ | ”)"

# --- Conventions ----------------------------------------------------------------------------

LETTERS = "ABCDEF"
_QUESTION_RE = re.compile(
    r"\s*c[âa]u(?:\s+h[ỏo]i)?\s*(\d{1,6})\s*"
    r"(?:\(\s*([\d.,]+)\s*(?:[đd]i[ểe]m|[đd])\s*\)\s*[.:)]?|[.:)])\s*",
    re.IGNORECASE,
)
# "PHẦN I", "PHẦN 2" in capitals: in mixed case, "Phần 1: ..." is as likely a line of a guide.
_HEADING_RE = re.compile(r"\s*PHẦN\s+(?:[IVXLCDM]+|\d+)(?=[\s.:)\-–]|$)")
_OPTION_RE = re.compile(r"\s*([A-Fa-f])\s*[.)]\s*")
# Between two options on one line: a tab, or two spaces or more.
_OPTION_GAP_RE = re.compile(r"(?:\t|[ \u00a0]{2,})\s*([A-Fa-f])\s*[.)]\s*")
_MARKER_RE = re.compile(r"\[([^\[\]]{1,30})\]")
_SPACE_RE = re.compile(r"\s+")

KEY, DIFFICULTY, TOPIC, POINTS, SOURCE, FEEDBACK, GUIDE, TOLERANCE, EXTERNAL_ID = (
    "key difficulty topic points source feedback guide tolerance external_id".split()
)
# Labels before a colon, compared by office_common.label_key (diacritic- and case-blind).
_LABELS: dict[str, str] = {
    label_key(spelling): name
    for name, spellings in {
        KEY: ("Đáp án", "Đáp án đúng", "Đáp án đúng là", "ĐA", "Đ/A"),
        DIFFICULTY: ("Mức độ", "Độ khó"),
        TOPIC: ("Chủ đề",),
        POINTS: ("Điểm", "Số điểm"),
        SOURCE: ("Nguồn", "Căn cứ", "Nguồn / căn cứ"),
        FEEDBACK: ("Giải thích",),
        GUIDE: ("Hướng dẫn chấm", "HDC"),
        TOLERANCE: ("Sai số",),
        EXTERNAL_ID: ("Mã câu hỏi",),
    }.items()
    for spelling in spellings
}
_BLOCK_LABELS = {KEY, FEEDBACK, GUIDE}  # their text goes on over the following paragraphs

ESSAY_MARK, MULTIPLE_MARK, SHORT_MARK, NUMERIC_MARK, KEEP_ORDER_MARK = (
    "Tự luận",
    "Nhiều lựa chọn",
    "Trả lời ngắn",
    "Số",
    "Không đảo phương án",
)
_MARKERS = {
    label_key(m): m for m in (ESSAY_MARK, MULTIPLE_MARK, SHORT_MARK, NUMERIC_MARK, KEEP_ORDER_MARK)
}
_MARKERS[label_key("Không đảo")] = KEEP_ORDER_MARK

_KEY_MARKS = ((BOLD, "in đậm"), (UNDERLINE, "gạch chân"), (HIGHLIGHT, "tô màu"))
_STEM_KEEP = BOLD | ITALIC | UNDERLINE | SUP | SUB
# In an option, bold and underline say which option is the key, not how the text looks.
_OPTION_KEEP = ITALIC | SUP | SUB


def _label(text: str) -> tuple[str, int] | None:
    """Return (label name, start of the value) for "Đáp án: B", "Mức độ: Dễ"..., else None."""
    colon = text.find(":", 0, 40)
    if colon < 0:
        return None
    name = _LABELS.get(label_key(text[:colon]))
    return (name, colon + 1) if name else None


def _is_structural(line: Line) -> bool:
    """Return whether ``line`` starts a question, an option, a heading or a labelled line."""
    text = line.text
    return bool(
        line.auto
        or _QUESTION_RE.match(text)
        or _OPTION_RE.match(text)
        or _HEADING_RE.match(text)
        or _label(text)
    )


def _number(lines: list[Line]) -> None:
    """Write Word's automatic "Câu 1." and "A." in front of the lines it numbers, as if typed.

    Options are lettered from A again after every question, whatever Word's counter says.
    """
    questions = options = 0
    for line in lines:
        prefix = ""
        if line.auto == "question":
            prefix = f"Câu {questions + 1}. "
        elif line.auto in ("upper", "lower") and options < len(LETTERS):
            letter = LETTERS[options]
            prefix = f"{letter if line.auto == 'upper' else letter.lower()}. "
            options += 1
        if prefix:
            line.text = prefix + line.text
            line.marks = [0] * len(prefix) + line.marks
        if _QUESTION_RE.match(line.text):
            questions += 1
            options = 0


# --- Cutting lines into questions -------------------------------------------------------------


@dataclass
class _Question:
    number: str
    para: int
    lines: list[Line]
    topic: tuple[str, ...]
    points: str = ""  # from "Câu 1 (2 điểm)."

    @property
    def location(self) -> str:
        return _location(self.number, self.para)


def _location(number: str, para: int) -> str:
    return f"Câu {number} (đoạn {para})"


def _topic_path(value: str) -> tuple[str, ...]:
    return tuple(part for part in (p.strip() for p in value.split(">")) if part)


def _split(lines: list[Line], result: ParseResult) -> list[_Question]:
    questions: list[_Question] = []
    current: _Question | None = None
    section: tuple[str, ...] = ()
    for line in lines:
        if line.blank and not line.pictures:
            continue
        match = _QUESTION_RE.match(line.text)
        if match:
            current = _Question(
                match.group(1), line.para, [line.cut(match.end())], section, match.group(2) or ""
            )
            questions.append(current)
            continue
        if line.heading or _HEADING_RE.match(line.text):
            current, section = None, ()
            continue
        if current is not None:
            current.lines.append(line)
            continue
        label = _label(line.text)
        option = _OPTION_RE.match(line.text)
        where = f"đoạn {line.para}"
        if label and label[0] == TOPIC:
            section = _topic_path(plain_text(line.cut(label[1])))
        elif label and label[0] == KEY:
            result.errors.append(Issue(where, MSG_KEY_OUTSIDE))
        elif option:
            letter = option.group(1).upper()
            result.errors.append(Issue(where, MSG_OPTION_OUTSIDE % {"letter": letter}))
        elif questions:
            text = shown(plain_text(line))
            result.warnings.append(Issue(where, WARN_IGNORED_OUTSIDE % {"text": text}))
    return questions


# --- Reading one question ---------------------------------------------------------------------


@dataclass
class _Option:
    letter: str
    lines: list[Line]
    letter_mark: int


@dataclass
class _Parts:
    """What the lines of one question say, before it becomes an item."""

    stem: list[Line] = field(default_factory=list)
    options: list[_Option] = field(default_factory=list)
    key_seen: bool = False
    key_lines: list[Line] = field(default_factory=list)  # from "Đáp án:" to the next label
    key: str | None = None  # the key's text: the rest of its line, or the line below
    key_para: int = 0
    guide: list[Line] = field(default_factory=list)
    has_guide: bool = False
    feedback: list[Line] = field(default_factory=list)
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)  # name -> (value, para)
    markers: set[str] = field(default_factory=set)


class _QuestionReader:
    def __init__(self, question: _Question, result: ParseResult) -> None:
        self.question = question
        self.result = result
        self.errors: list[tuple[str, str]] = []  # (location, message)
        self.warnings: list[tuple[str, str]] = []
        self.parts = _Parts()
        self._marks: dict[str, set[int]] = {}  # formatting name -> options it marks

    def error(self, message: str, para: int | None = None) -> None:
        self.errors.append((self._where(para), message))

    def warn(self, message: str, para: int | None = None) -> None:
        self.warnings.append((self._where(para), message))

    def _where(self, para: int | None) -> str:
        return _location(self.question.number, para or self.question.para)

    def read(self) -> ItemData | None:
        lines = [self._strip_markers(line) for line in self.question.lines]
        case = self._option_case(lines)
        self._collect(lines, case)
        item = self._build()
        for location, message in self.warnings:
            self.result.warnings.append(Issue(location, message))
        if not self.errors:  # the generic checks, when the question's own are clean
            for message in validate_item(item):
                self.error(message)
        if self.errors:
            self.result.errors.extend(Issue(loc, msg) for loc, msg in self.errors)
            return None
        return item

    def _strip_markers(self, line: Line) -> Line:
        label = _label(line.text)
        if label is not None and label[0] in (TOPIC, SOURCE, FEEDBACK, GUIDE):
            # Free text after a label ("Chủ đề: [Số] ..." names a topic): never a marker.
            return line
        for match in reversed(list(_MARKER_RE.finditer(line.text))):
            marker = _MARKERS.get(label_key(match.group(1)))
            if marker is not None:
                self.parts.markers.add(marker)
                line = line.without(match.start(), match.end())
        return line

    def _option_case(self, lines: list[Line]) -> str:
        """Return "upper" or "lower": which option letters this question uses ("" for none).

        Capital options win, so "a) ... b) ..." in the text of a question with options A-D
        stays text. An essay (a marker or a marking guide), short-answer or numeric (a marker
        or a tolerance line) question has no options at all, so its "a) ..." lines are text.
        """
        if self.parts.markers & {ESSAY_MARK, SHORT_MARK, NUMERIC_MARK}:
            return ""
        labels = [_label(line.text) for line in lines]
        if any(label is not None and label[0] in (GUIDE, TOLERANCE) for label in labels):
            return ""
        found = ""
        for line, label in zip(lines, labels, strict=True):
            if label is not None and label[0] in _BLOCK_LABELS:
                break
            match = _OPTION_RE.match(line.text)
            if match and match.group(1) == "A":
                return "upper"
            if match and match.group(1) == "a":
                found = "lower"
        return found

    def _collect(self, lines: list[Line], case: str) -> None:
        parts = self.parts
        block = ""  # KEY, GUIDE or FEEDBACK while its paragraphs go on
        for line in lines:
            if line.blank and not line.pictures:
                continue
            if line.table and not any(w[1] == WARN_TABLE for w in self.warnings):
                self.warn(WARN_TABLE, line.para)  # once per question
            label = _label(line.text)
            if label is not None:
                block = self._labelled(label[0], line, label[1]) or block
                continue
            if block == GUIDE:
                parts.guide.append(line)
            elif block == FEEDBACK:
                parts.feedback.append(line)
            elif block == KEY:
                parts.key_lines.append(line)
            else:
                self._stem_or_option(line, case)

    def _labelled(self, name: str, line: Line, start: int) -> str:
        """Record a labelled line; return the label when its text goes on below."""
        parts = self.parts
        value_line = line.cut(start)
        value = plain_text(value_line)
        if name == KEY:
            if parts.key_seen:
                self.error(MSG_TWO_KEYS, line.para)
            parts.key_seen = True
            parts.key_lines = [value_line] if not value_line.blank else []
        elif name == GUIDE:
            parts.has_guide = True
            if not value_line.blank or value_line.pictures:
                parts.guide.append(value_line)
        elif name == FEEDBACK:
            if not value_line.blank or value_line.pictures:
                parts.feedback.append(value_line)
        elif value:  # "Mức độ:" left empty says nothing
            parts.meta[name] = (value, line.para)
        return name if name in _BLOCK_LABELS else ""

    def _stem_or_option(self, line: Line, case: str) -> None:
        parts = self.parts
        match = _OPTION_RE.match(line.text) if case else None
        letter = match.group(1) if match else ""
        if match and (letter.isupper() != (case == "upper")):
            match = None
        if match is None or (not parts.options and letter.upper() != "A"):
            if parts.options:
                option = parts.options[-1]
                option.lines.append(line)
                text = shown(plain_text(line))
                self.warn(
                    WARN_OPTION_CONTINUED % {"text": text, "letter": option.letter}, line.para
                )
            else:
                parts.stem.append(line)
            return
        expected = LETTERS[len(parts.options)] if len(parts.options) < len(LETTERS) else "?"
        if letter.upper() != expected:
            self.error(
                MSG_OPTION_ORDER % {"letter": letter.upper(), "expected": expected}, line.para
            )
            return
        self._add_options(line, match)

    def _add_options(self, line: Line, first: re.Match[str]) -> None:
        """Add the option starting ``line`` and any after it on the same line (tab-separated)."""
        # (where the letter is, where its text starts, where the gap before it starts)
        starts = [(first.start(1), first.end(), 0)]
        count = len(self.parts.options) + 1
        for gap in _OPTION_GAP_RE.finditer(line.text, first.end()):
            letter = gap.group(1)
            if count < len(LETTERS) and letter.upper() == LETTERS[count]:
                if letter.isupper() == first.group(1).isupper():
                    starts.append((gap.start(1), gap.end(), gap.start()))
                    count += 1
        ends = [gap_at for _, _, gap_at in starts[1:]] + [len(line.text)]
        for (letter_at, text_at, _), end in zip(starts, ends, strict=True):
            letter = LETTERS[len(self.parts.options)]
            option = _Option(letter, [line.cut(text_at, end)], line.marks[letter_at])
            self.parts.options.append(option)

    # --- building the item

    def _build(self) -> ItemData:
        parts = self.parts
        if parts.key_lines:  # "Đáp án: B", or "Đáp án:" with B on the line below
            parts.key, parts.key_para = plain_text(parts.key_lines[0]), parts.key_lines[0].para
        assets: dict[str, AssetData] = {}
        item = ItemData(kind=Kind.SINGLE, stem=lines_html(parts.stem, _STEM_KEEP, assets))
        item.location = self.question.location
        # Option order matters only where there are options to keep in order.
        item.shuffle = KEEP_ORDER_MARK not in parts.markers or not parts.options
        self._metadata(item)
        if parts.options:
            self._choice(item, assets)
        elif ESSAY_MARK in parts.markers or parts.has_guide:
            item.kind = Kind.ESSAY
            item.essay_guide = lines_html(parts.key_lines + parts.guide, _STEM_KEEP, assets)
        else:
            self._typed_answer(item)
        if parts.feedback:
            item.general_feedback = lines_html(parts.feedback, _STEM_KEEP, assets)
        item.assets = list(assets.values())
        return item

    def _metadata(self, item: ItemData) -> None:
        meta = self.parts.meta
        item.topic_path = self.question.topic
        if TOPIC in meta:
            item.topic_path = _topic_path(meta[TOPIC][0])
        if DIFFICULTY in meta:
            value, para = meta[DIFFICULTY]
            item.difficulty = parse_difficulty(value)
            if item.difficulty is None:
                self.error(MSG_BAD_DIFFICULTY % {"value": shown(value)}, para)
        points, para = meta.get(POINTS, (self.question.points, self.question.para))
        if points:
            number = parse_number(points)
            if number is None:
                self.error(MSG_BAD_POINTS % {"value": shown(points)}, para)
            else:
                item.points = number
        item.source = meta.get(SOURCE, ("", 0))[0]
        item.external_id = meta.get(EXTERNAL_ID, ("", 0))[0]

    def _choice(self, item: ItemData, assets: dict[str, AssetData]) -> None:
        parts = self.parts
        item.options = [
            OptionData(lines_html(option.lines, _OPTION_KEEP, assets)) for option in parts.options
        ]
        marked = self._marked()
        correct: set[int] | None = marked
        if parts.key is not None:
            letters = key_letters(parts.key)
            if letters is None:
                self.error(MSG_KEY_NOT_AN_OPTION % {"key": shown(parts.key)}, parts.key_para)
                return
            missing = [x for x in letters if x not in LETTERS[: len(parts.options)]]
            if missing:
                self.error(MSG_KEY_NOT_AN_OPTION % {"key": missing[0]}, parts.key_para)
                return
            correct = {LETTERS.index(x) for x in letters}
            if marked and marked != correct:
                self.error(
                    MSG_KEY_DISAGREES
                    % {"key": ", ".join(letters), "marks": self._marks_text(self._marks)},
                    parts.key_para,
                )
                return
            for line in parts.key_lines[1:]:
                self.warn(WARN_IGNORED_AFTER_KEY % {"text": shown(plain_text(line))}, line.para)
        if correct is None:
            if not self.errors:
                self.error(MSG_NO_KEY)
            return
        for i in correct:
            item.options[i].correct = True
        share = 1.0 / len(correct)
        for option in item.options:
            option.fraction = share if option.correct else 0.0
        many = len(correct) > 1 or MULTIPLE_MARK in parts.markers
        item.kind = Kind.MULTIPLE if many else Kind.SINGLE

    def _marked(self) -> set[int] | None:
        """Return the options marked as the key by bold, underline or highlight, if any.

        A formatting counts when it marks some options but not all: the letter ("A.") or the
        whole text of the option. Different formattings marking different options is an error.
        """
        options = self.parts.options
        n = len(options)
        self._marks = {}
        for bit, name in _KEY_MARKS:
            letter = {i for i, o in enumerate(options) if o.letter_mark & bit}
            whole = {i for i, o in enumerate(options) if _all_marked(o.lines[0], bit)}
            chosen = (letter if len(letter) < n else set()) | (whole if len(whole) < n else set())
            if chosen and len(chosen) < n:
                self._marks[name] = chosen
        distinct = {frozenset(s) for s in self._marks.values()}
        if len(distinct) > 1:
            self.error(MSG_MARKS_DISAGREE % {"marks": self._marks_text(self._marks)})
            return None
        return set(distinct.pop()) if distinct else None

    @staticmethod
    def _marks_text(marks: dict[str, set[int]]) -> str:
        return "; ".join(
            f"{name}: {', '.join(LETTERS[i] for i in sorted(chosen))}"
            for name, chosen in marks.items()
        )

    def _typed_answer(self, item: ItemData) -> None:
        parts = self.parts
        numeric = NUMERIC_MARK in parts.markers or TOLERANCE in parts.meta
        if parts.key is None or not parts.key:
            if not numeric:
                self.error(MSG_NO_KEY)
            item.kind = Kind.NUMERIC if numeric else Kind.SHORT_TEXT
            return
        for line in parts.key_lines[1:]:
            self.warn(WARN_IGNORED_AFTER_KEY % {"text": shown(plain_text(line))}, line.para)
        answers = [a.strip() for a in parts.key.split("|") if a.strip()]
        if numeric:
            item.kind = Kind.NUMERIC
            self._numeric(item, answers)
            return
        truth = parse_truth(parts.key) if SHORT_MARK not in parts.markers else None
        if truth is not None:
            item.kind, item.truth = Kind.TRUE_FALSE, truth
        else:
            item.kind = Kind.SHORT_TEXT
            item.answers = [ShortAnswerData(a) for a in answers]

    def _numeric(self, item: ItemData, answers: list[str]) -> None:
        parts = self.parts
        values = []
        for answer in answers:
            value = parse_number(answer)
            if value is None:
                self.error(MSG_BAD_NUMBER % {"value": shown(answer)}, parts.key_para)
                return
            values.append(value)
        text, para = parts.meta.get(TOLERANCE, ("0", parts.key_para))
        tolerances = []
        for piece in text.split("|") if text.strip() else ["0"]:
            tolerance = parse_number(piece)
            if tolerance is None:
                self.error(MSG_BAD_TOLERANCE % {"value": shown(piece)}, para)
                return
            tolerances.append(tolerance)
        if len(tolerances) == 1:
            tolerances *= len(values)
        if len(tolerances) != len(values):
            self.error(
                MSG_TOLERANCE_COUNT % {"tolerances": len(tolerances), "answers": len(values)}, para
            )
            return
        item.numeric = [NumericAnswerData(v, t) for v, t in zip(values, tolerances, strict=True)]


def _all_marked(line: Line, bit: int) -> bool:
    marks = [m for ch, m in zip(line.text, line.marks, strict=True) if ch.strip() and ch != PICTURE]
    return bool(marks) and all(m & bit for m in marks)


# --- Parsing --------------------------------------------------------------------------------


def parse(data: bytes, *, filename: str = "") -> ParseResult:
    """Read a .docx question file; see the module docstring and docs/formats/bank-docx.md."""
    open_package(data, not_package=MSG_NOT_DOCX, old_format=MSG_DOC, corrupt=MSG_CORRUPT)
    try:
        document = docx.Document(io.BytesIO(data))
        reader = DocumentReader(document, _is_structural)
        lines = reader.read()
    except ItemFormatError:
        raise
    except Exception as exc:
        # python-docx and lxml raise whatever their zip and XML layers raise on a damaged or
        # foreign file (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zlib.error,
        # ...); to the user they all mean the file cannot be read.
        raise ItemFormatError(MSG_CORRUPT) from exc
    result = ParseResult()
    for para, message in reader.warnings:
        result.warnings.append(Issue(f"đoạn {para}", message))
    _number(lines)
    questions = _split(lines, result)
    if not questions:
        raise ItemFormatError(MSG_NO_QUESTION)
    for question in questions:
        item = _QuestionReader(question, result).read()
        if item is not None:
            result.items.append(item)
    return result


# --- Writing --------------------------------------------------------------------------------

FONT_NAME = "Times New Roman"  # the font of Vietnamese administrative documents
FONT_SIZE = Pt(13)
MAX_PICTURE_WIDTH = Cm(14)


class _HtmlRuns(HTMLParser):
    """Cut an HTML fragment into paragraphs of (text, formatting bits) runs and pictures."""

    _BREAKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul"}
    _BITS = {
        "b": BOLD,
        "strong": BOLD,
        "i": ITALIC,
        "em": ITALIC,
        "u": UNDERLINE,
        "ins": UNDERLINE,
        "sup": SUP,
        "sub": SUB,
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[tuple[str, int] | str]] = [[]]  # str alone: picture src
        self._open: dict[int, int] = {}
        self._cell = 0

    def _mark(self) -> int:
        return sum(bit for bit, n in self._open.items() if n > 0)

    def _break(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in self._BREAKS:
            self._break()
            self._cell = 0
        elif tag in ("td", "th"):
            if self._cell:
                self.paragraphs[-1].append((" | ", 0))
            self._cell += 1
        elif tag == "img":
            src = dict(attrs).get("src") or ""
            self.paragraphs[-1].append(src)
        elif tag in self._BITS:
            bit = self._BITS[tag]
            self._open[bit] = self._open.get(bit, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS:
            self._break()
        elif tag in self._BITS:
            bit = self._BITS[tag]
            self._open[bit] = max(0, self._open.get(bit, 0) - 1)

    def handle_data(self, data: str) -> None:
        text = _SPACE_RE.sub(" ", data)
        if text:
            self.paragraphs[-1].append((text, self._mark()))


def _html_paragraphs(fragment: str) -> list[list[tuple[str, int] | str]]:
    parser = _HtmlRuns()
    parser.feed(ILLEGAL_XML_RE.sub("", fragment))
    parser.close()
    return [p for p in parser.paragraphs if p]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Run properties in the order the schema wants them inside w:rPr: (bit, element, w:val).
_RUN_PROPERTIES = (
    (BOLD, "b", ""),
    (ITALIC, "i", ""),
    (UNDERLINE, "u", "single"),
    (SUP, "vertAlign", "superscript"),
    (SUB, "vertAlign", "subscript"),
)


class _Writer:
    """Build the document's XML directly: python-docx's run and font setters cost about ten
    times as much, which a bank of 10,000 items feels."""

    def __init__(self) -> None:
        self.document = docx.Document()
        style = self.document.styles["Normal"]
        style.font.name = FONT_NAME
        style.font.size = FONT_SIZE
        self._end = self.document.element.body.sectPr  # paragraphs go before it
        title = Paragraph(self._add_paragraph(), self.document._body)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._text(title._p, "NGÂN HÀNG CÂU HỎI", BOLD)
        self.assets: dict[str, AssetData] = {}

    def _add_paragraph(self) -> Any:
        """Add an empty w:p at the end of the body and return it."""
        # Document.add_paragraph looks for the section properties among all the body's
        # children each time, which makes writing a big bank quadratic; insert before them.
        element = self._end.makeelement(f"{_W}p", {})
        self._end.addprevious(element)
        return element

    @staticmethod
    def _text(paragraph: Any, text: str, mark: int = 0) -> None:
        run = etree.SubElement(paragraph, f"{_W}r")
        if mark:
            properties = etree.SubElement(run, f"{_W}rPr")
            for bit, tag, value in _RUN_PROPERTIES:
                if mark & bit:
                    element = etree.SubElement(properties, f"{_W}{tag}")
                    if value:
                        element.set(f"{_W}val", value)
                    if bit == SUP:
                        mark &= ~SUB  # one vertical alignment only
        element = etree.SubElement(run, f"{_W}t")
        element.text = text
        if text[:1].isspace() or text[-1:].isspace():
            element.set(_XML_SPACE, "preserve")

    def paragraph(self, prefix: str = "", fragment: str = "", *, bold_prefix: bool = False) -> None:
        """Add ``prefix`` and the first paragraph of ``fragment``, then its other paragraphs."""
        paragraphs = _html_paragraphs(fragment) if fragment else []
        first = self._add_paragraph()
        if prefix:
            self._text(first, prefix, BOLD if bold_prefix else 0)
        for i, runs in enumerate(paragraphs or [[]]):
            self._runs(first if i == 0 else self._add_paragraph(), runs, strip=not prefix or i > 0)

    def _runs(self, paragraph: Any, runs: list[tuple[str, int] | str], strip: bool = True) -> None:
        for i, run in enumerate(runs):
            if isinstance(run, str):
                self._picture(paragraph, run)
                continue
            text, mark = run
            if i == 0 and strip:
                text = text.lstrip()
            if i == len(runs) - 1:
                text = text.rstrip()
            if text:
                self._text(paragraph, text, mark)

    def _picture(self, paragraph: Any, src: str) -> None:
        name = src[len(ASSET_SCHEME) :] if src.startswith(ASSET_SCHEME) else ""
        asset = self.assets.get(name)
        if asset is None:
            self._text(paragraph, f"[ảnh: {src}]")
            return
        run = Paragraph(paragraph, self.document._body).add_run()
        try:
            shape = run.add_picture(io.BytesIO(asset.content))
        except Exception:  # a format python-docx cannot size (SVG, WMF): keep a reference
            run.text = f"[ảnh: {name}]"
            return
        if shape.width > MAX_PICTURE_WIDTH:
            shape.height = Emu(int(shape.height * MAX_PICTURE_WIDTH / shape.width))
            shape.width = MAX_PICTURE_WIDTH
        for element in run._r.xpath(".//pic:cNvPr"):
            element.set("name", name)  # read back as the asset's name

    def item(self, number: int, item: ItemData) -> None:
        self.assets = {asset.name: asset for asset in item.assets}
        if len(item.options) > len(LETTERS):
            raise ValueError(
                f"Câu {number} có {len(item.options)} phương án; tệp Word chỉ ghi được "
                f"{len(LETTERS)} phương án (A-F)."
            )
        self.paragraph(f"Câu {number}. ", item.stem, bold_prefix=True)
        for marker in _markers(item):
            self.paragraph(f"[{marker}]")
        for letter, option in zip(LETTERS, item.options, strict=False):
            self.paragraph(f"{letter}. ", option.text)
        for label, value in _key_lines(item):
            self.paragraph(f"{label}: {value}")
        if item.difficulty is not None:
            self.paragraph(f"Mức độ: {DIFFICULTY_LABELS[Difficulty(item.difficulty)]}")
        if item.points != 1:
            self.paragraph(f"Điểm: {format_number(item.points)}")
        if item.topic_path:
            self.paragraph(f"Chủ đề: {' > '.join(item.topic_path)}")
        if item.external_id:
            self.paragraph(f"Mã câu hỏi: {_one_line(item.external_id)}")
        if item.source:
            self.paragraph(f"Nguồn: {_one_line(item.source)}")
        if item.general_feedback:
            self.paragraph("Giải thích: ", item.general_feedback)
        if item.kind == Kind.ESSAY and item.essay_guide:
            self.paragraph("Hướng dẫn chấm:")
            for runs in _html_paragraphs(item.essay_guide):
                self._runs(self._add_paragraph(), runs)
        self._add_paragraph()  # an empty line between questions

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _one_line(text: str) -> str:
    return _SPACE_RE.sub(" ", ILLEGAL_XML_RE.sub("", text)).strip()


def _markers(item: ItemData) -> list[str]:
    markers = []
    if item.kind == Kind.ESSAY:
        markers.append(ESSAY_MARK)
    if item.kind == Kind.MULTIPLE and len(item.correct_options()) < 2:
        markers.append(MULTIPLE_MARK)
    if item.kind == Kind.SHORT_TEXT and parse_truth(_short_key(item)) is not None:
        markers.append(SHORT_MARK)  # "Đáp án: Sai" alone would read as a true/false key
    if not item.shuffle and item.options:
        markers.append(KEEP_ORDER_MARK)
    return markers


def _short_key(item: ItemData) -> str:
    return " | ".join(_one_line(a.text) for a in item.answers)


def _key_lines(item: ItemData) -> list[tuple[str, str]]:
    if item.kind in (Kind.SINGLE, Kind.MULTIPLE):
        return [("Đáp án", ", ".join(LETTERS[i] for i in item.correct_options()))]
    if item.kind == Kind.TRUE_FALSE and item.truth is not None:
        return [("Đáp án", truth_label(item.truth))]
    if item.kind == Kind.SHORT_TEXT:
        return [("Đáp án", _short_key(item))]
    if item.kind == Kind.NUMERIC:
        answers = " | ".join(format_number(a.value) for a in item.numeric)
        tolerances = [format_number(a.tolerance) for a in item.numeric] or ["0"]
        tolerance = tolerances[0] if len(set(tolerances)) == 1 else " | ".join(tolerances)
        return [("Đáp án", answers), ("Sai số", tolerance)]
    return []


def write(items: Sequence[ItemData]) -> bytes:
    """Return a .docx holding ``items`` in the convention ``parse`` reads.

    Raise ValueError for an item with more options than letters A-F.
    """
    writer = _Writer()
    for number, item in enumerate(items, start=1):
        writer.item(number, item)
    return writer.bytes()
