"""Moodle XML, the question-bank export format of Moodle, to and from ``ItemData``.

A file is ``<quiz>`` holding ``<question type="...">`` elements in order. Read here:
multichoice (one or several correct answers), truefalse, shortanswer, numerical and essay;
``category`` pseudo-questions set the topic path of the questions after them; every other
type (matching, cloze, calculated, description, random, drag and drop...) is skipped and
counted by its Moodle name. Images travel inside the file as base64 ``<file>`` elements and
are referenced from the HTML as ``@@PLUGINFILE@@/name``; here they become ``AssetData`` and
``asset:name``. Conventions of our own (difficulty and source as tags) are documented in
docs/formats/moodle-qti.md.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import xml.etree.ElementTree as ET  # noqa: S405 - type names only; parsing uses defusedxml
from collections.abc import Callable, Sequence
from urllib.parse import quote, unquote

from sathach.lib.formats import html as markup
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

PLUGINFILE = "@@PLUGINFILE@@/"
DIFFICULTY_TAG = "difficulty:"
SOURCE_TAG = "source:"

DIFFICULTY_WORDS = {
    "easy": Difficulty.EASY,
    "dễ": Difficulty.EASY,
    "medium": Difficulty.MEDIUM,
    "trung bình": Difficulty.MEDIUM,
    "hard": Difficulty.HARD,
    "difficult": Difficulty.HARD,
    "khó": Difficulty.HARD,
}

# A category path separates names with "/"; Moodle writes a "/" inside a name as "//".
_CATEGORY_SEPARATOR = re.compile(r"(?<!/)/(?!/)")
_CONTEXT_PREFIX = re.compile(r"^\$[a-z0-9_]+\$$")


class _UnreadableError(Exception):
    """A value of one question cannot be read; the question is reported and left out."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


# --- Reading ---------------------------------------------------------------------------------


def parse(data: bytes, *, filename: str = "") -> ParseResult:
    """Read a Moodle XML file into items (see the module docstring)."""
    root, lines = markup.parse_xml(data, track=frozenset({"question"}))
    if root.tag != "quiz":
        raise ItemFormatError(
            f"Không phải tệp Moodle XML: phần tử gốc là <{root.tag}>, cần là <quiz>"
        )
    result = ParseResult()
    topic: tuple[str, ...] = ()
    number = 0
    for element in root:
        if element.tag != "question":
            continue
        qtype = (element.get("type") or "").strip()
        if qtype == "category":
            topic = _category_path(element)
            continue
        number += 1
        location = f"câu hỏi thứ {number} (dòng {lines.get(element, 0)})"
        reader = _READERS.get(qtype)
        if reader is None:
            result.skip(qtype or "(không ghi loại)", location)
            continue
        question = _Question(element, location, result)
        try:
            item = question.read(reader)
        except _UnreadableError as error:
            result.errors.append(Issue(location, error.message))
            continue
        item.topic_path = topic
        item.location = location
        markup.normalize_item(item)
        problems = validate_item(item)
        if problems:
            result.errors.extend(Issue(location, problem) for problem in problems)
            continue
        result.items.append(item)
    return result


def _category_path(element: ET.Element) -> tuple[str, ...]:
    """Return the topic path of a category pseudo-question, without "$course$/top"."""
    category = element.find("category")
    if category is None:
        return ()
    text_element = category.find("text")
    raw = (text_element.text if text_element is not None else category.text) or ""
    names = [
        part.replace("//", "/").strip() for part in _CATEGORY_SEPARATOR.split(raw.strip("/ \n"))
    ]
    names = [name for name in names if name]
    if names and _CONTEXT_PREFIX.match(names[0]):
        names = names[1:]
    if names and names[0] == "top":
        names = names[1:]
    return tuple(names)


class _Question:
    """One ``<question>`` being read: its text areas, its images, its problems."""

    def __init__(self, element: ET.Element, location: str, result: ParseResult) -> None:
        self.element = element
        self.location = location
        self.result = result
        self.assets: list[AssetData] = []
        self.text_format = "html"

    def read(self, reader: Callable[[_Question], ItemData]) -> ItemData:
        element = self.element
        questiontext = element.find("questiontext")
        if questiontext is not None:
            self.text_format = questiontext.get("format", "html")
        stem = self.area(questiontext)
        stem += self._old_image()
        item = reader(self)
        item.stem = stem
        item.title = _child_text(element, "name", "text")
        item.general_feedback = self.area(element.find("generalfeedback"))
        item.external_id = _child_text(element, "idnumber")
        grade = _child_text(element, "defaultgrade")
        if grade:
            item.points = _number(grade, "điểm tối đa (defaultgrade)")
        self._read_tags(item)
        item.assets = self.assets
        return item

    def warn(self, message: str) -> None:
        self.result.warnings.append(Issue(self.location, message))

    def area(self, element: ET.Element | None, *, default_format: str | None = None) -> str:
        """Return the HTML of a Moodle text area, its images turned into assets."""
        if element is None:
            return ""
        text = _child_text(element, "text", strip=False)
        text_format = element.get("format") or default_format or self.text_format
        if text_format in ("plain_text", "markdown"):
            text = markup.text_to_html(text)
        elif text_format == "moodle_auto_format":
            text = text.replace("\r\n", "\n").replace("\n", "<br>")
        files = {}
        for file_element in element.findall("file"):
            path = file_element.get("path") or "/"
            name = file_element.get("name") or ""
            files[path.rstrip("/") + "/" + name] = self._add_asset(name, file_element)
        if PLUGINFILE not in text:
            return text.strip()
        missing: list[str] = []

        def replace(url: str) -> str | None:
            if not url.startswith(PLUGINFILE):
                return None
            path = "/" + unquote(url[len(PLUGINFILE) :].split("?", 1)[0].split("#", 1)[0])
            if path in files:
                return ASSET_SCHEME + files[path]
            missing.append(path.lstrip("/"))
            return None

        text = markup.rewrite_urls(text, replace)
        for name in missing:
            self.warn(f"ảnh “{name}” được dùng nhưng không có trong câu hỏi")
        return text.strip()

    def _add_asset(self, name: str, file_element: ET.Element) -> str:
        """Decode one ``<file>``; return its asset name (reused when the same image repeats)."""
        if (file_element.get("encoding") or "base64") != "base64":
            raise _UnreadableError(f"tệp “{name}” không mã hoá base64")
        return self._add_base64(name, file_element.text or "")

    def _add_base64(self, name: str, data: str) -> str:
        try:
            content = base64.b64decode("".join(data.split()), validate=True)
        except (binascii.Error, ValueError):
            raise _UnreadableError(f"tệp “{name}” hỏng (dữ liệu base64 không đọc được)") from None
        safe = markup.safe_asset_name(name)
        for asset in self.assets:
            if asset.name == safe and asset.content == content:
                return safe
        safe = markup.unique_name(safe, {asset.name for asset in self.assets})
        self.assets.append(AssetData(safe, markup.guess_mime(safe, content), content))
        return safe

    def _old_image(self) -> str:
        """Return the ``<img>`` of the Moodle 1.x ``<image>``/``<image_base64>`` pair, if any."""
        name = _child_text(self.element, "image")
        data = self.element.find("image_base64")
        if not name or data is None:
            return ""
        asset_name = self._add_base64(name, data.text or "")
        return f' <img src="{ASSET_SCHEME}{html.escape(asset_name)}">'

    def _read_tags(self, item: ItemData) -> None:
        sources = []
        tags = self.element.find("tags")
        for tag in tags.findall("tag") if tags is not None else ():
            text = _child_text(tag, "text")
            lowered = text.lower()
            if lowered.startswith(DIFFICULTY_TAG):
                word = lowered[len(DIFFICULTY_TAG) :].strip()
                if word in DIFFICULTY_WORDS:
                    item.difficulty = DIFFICULTY_WORDS[word]
                else:
                    self.warn(f"không hiểu độ khó “{word}” (dùng easy, medium hoặc hard)")
            elif lowered.startswith(SOURCE_TAG):
                sources.append(text[len(SOURCE_TAG) :].strip())
        item.source = "; ".join(source for source in sources if source)

    def fraction(self, answer: ET.Element) -> float:
        return _number(answer.get("fraction") or "0", "điểm phần trăm (fraction)") / 100


def _child_text(element: ET.Element, *names: str, strip: bool = True) -> str:
    """Return the text of ``element/names[0]/names[1]...`` ("" when missing)."""
    child: ET.Element | None = element
    for name in names:
        child = child.find(name) if child is not None else None
    text = (child.text or "") if child is not None else ""
    return text.strip() if strip else text


def _number(text: str, what: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise _UnreadableError(f"{what} không phải là số: “{text.strip()}”") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise _UnreadableError(f"{what} không phải là số: “{text.strip()}”")
    return value


def _flag(element: ET.Element, name: str, *, default: bool) -> bool:
    """Read a Moodle yes/no element the way Moodle does: "false", "0" or empty mean no."""
    child = element.find(name)
    if child is None:
        return default
    return (child.text or "").strip().lower() not in ("", "0", "false")


def _read_multichoice(question: _Question) -> ItemData:
    element = question.element
    single = _flag(element, "single", default=True)
    options = [
        OptionData(
            text=question.area(answer),
            fraction=question.fraction(answer),
            feedback=question.area(answer.find("feedback")),
        )
        for answer in element.findall("answer")
    ]
    if single:
        best = max((option.fraction for option in options), default=0.0)
        for option in options:
            option.correct = best > 0 and option.fraction == best
    else:
        for option in options:
            option.correct = option.fraction > 0
    return ItemData(
        kind=Kind.SINGLE if single else Kind.MULTIPLE,
        stem="",
        options=options,
        shuffle=_flag(element, "shuffleanswers", default=False),
    )


def _read_truefalse(question: _Question) -> ItemData:
    truth: bool | None = None
    for position, answer in enumerate(question.element.findall("answer")):
        value = _child_text(answer, "text").lower()
        if value not in ("true", "false"):
            # Old Moodle files wrote a translated word; then the order is true, false.
            value = "true" if position == 0 else "false"
        if question.fraction(answer) == 1.0:
            truth = value == "true"
        if _child_text(answer, "feedback", "text"):
            question.warn(
                "phản hồi riêng cho đáp án Đúng/Sai không được lưu (chỉ giữ phản hồi chung)"
            )
    return ItemData(kind=Kind.TRUE_FALSE, stem="", truth=truth)


def _read_shortanswer(question: _Question) -> ItemData:
    answers = [
        ShortAnswerData(
            text=_child_text(answer, "text"),
            fraction=question.fraction(answer),
            feedback=question.area(answer.find("feedback")),
        )
        for answer in question.element.findall("answer")
    ]
    return ItemData(
        kind=Kind.SHORT_TEXT,
        stem="",
        answers=answers,
        case_sensitive=_flag(question.element, "usecase", default=False),
    )


def _read_numerical(question: _Question) -> ItemData:
    numeric = []
    for answer in question.element.findall("answer"):
        text = _child_text(answer, "text")
        if text == "*":
            question.warn("bỏ qua đáp án “*” (mọi câu trả lời khác) của câu hỏi số")
            continue
        numeric.append(
            NumericAnswerData(
                value=_number(text, "đáp án số"),
                tolerance=_number(_child_text(answer, "tolerance") or "0", "sai số (tolerance)"),
                fraction=question.fraction(answer),
                feedback=question.area(answer.find("feedback")),
            )
        )
    units = question.element.find("units")
    if units is not None and units.find("unit") is not None:
        question.warn("bỏ qua đơn vị đo (units) của câu hỏi số")
    return ItemData(kind=Kind.NUMERIC, stem="", numeric=numeric)


def _read_essay(question: _Question) -> ItemData:
    guide = question.area(question.element.find("graderinfo"))
    return ItemData(kind=Kind.ESSAY, stem="", essay_guide=guide)


_READERS: dict[str, Callable[[_Question], ItemData]] = {
    "multichoice": _read_multichoice,
    "truefalse": _read_truefalse,
    "shortanswer": _read_shortanswer,
    "numerical": _read_numerical,
    "essay": _read_essay,
}


# --- Writing ---------------------------------------------------------------------------------


def write(items: Sequence[ItemData]) -> bytes:
    """Return a Moodle XML file with ``items``; a category line wherever the topic changes."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    topic: tuple[str, ...] = ()
    for number, item in enumerate(items, 1):
        if item.topic_path != topic:
            topic = item.topic_path
            parts.append(_category_xml(topic))
        parts.append(_Writer(item, number).question())
    parts.append("</quiz>\n")
    return "".join(parts).encode("utf-8")


def _category_xml(topic: tuple[str, ...]) -> str:
    path = "/".join(["$course$", "top", *(name.replace("/", "//") for name in topic)])
    return f'  <question type="category">\n    <category>{_text(path)}</category>\n  </question>\n'


def _cdata(text: str) -> str:
    """Return text for an XML element: as is when plain, else in CDATA (as Moodle writes it)."""
    text = markup.xml_text(text)
    if not any(ch in text for ch in "<>&"):
        return text
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(text: str) -> str:
    return f"<text>{_cdata(text)}</text>"


def _num(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _percent(fraction: float) -> str:
    """Return a fraction as Moodle writes it: a percentage with at most 5 decimals."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Writer:
    """Write one item as a ``<question>``, its assets as base64 ``<file>`` elements."""

    def __init__(self, item: ItemData, number: int) -> None:
        self.item = item
        self.number = number
        self.assets = {asset.name: asset for asset in item.assets}
        self.written: set[str] = set()

    def question(self) -> str:
        item = self.item
        moodle_type = {
            Kind.SINGLE: "multichoice",
            Kind.MULTIPLE: "multichoice",
            Kind.TRUE_FALSE: "truefalse",
            Kind.SHORT_TEXT: "shortanswer",
            Kind.NUMERIC: "numerical",
            Kind.ESSAY: "essay",
        }[item.kind]
        body = getattr(self, f"_{moodle_type}")()
        feedback = self.area("generalfeedback", item.general_feedback)
        # The question text goes last among the areas so that it also carries the images no
        # other area references (Moodle keeps files per area).
        stem = self.area("questiontext", item.stem, unreferenced=True)
        parts = [
            f'  <question type="{moodle_type}">\n',
            f"    <name>{_text(self._name())}</name>\n",
            f"    {stem}\n",
            f"    {feedback}\n",
            f"    <defaultgrade>{_num(item.points)}</defaultgrade>\n",
            "    <hidden>0</hidden>\n",
        ]
        if item.external_id:
            parts.append(f"    <idnumber>{_cdata(item.external_id)}</idnumber>\n")
        parts.append(body)
        parts.append(self._tags())
        parts.append("  </question>\n")
        return "".join(parts)

    def _name(self) -> str:
        if self.item.title:
            return self.item.title
        text = markup.plain_text(self.item.stem)
        return text[:80] if text else f"Câu {self.number}"

    def area(self, tag: str, fragment: str, *, unreferenced: bool = False) -> str:
        """Return ``<tag format="html"><text>...</text><file>...</file></tag>``."""
        return f'<{tag} format="html">{self.content(fragment, unreferenced=unreferenced)}</{tag}>'

    def content(self, fragment: str, *, unreferenced: bool = False) -> str:
        """Return ``<text>`` with the fragment and a ``<file>`` for each image it shows.

        With ``unreferenced``, also the images that no area written so far has carried.
        """
        used: list[str] = []

        def replace(url: str) -> str | None:
            if url.startswith(ASSET_SCHEME) and url[len(ASSET_SCHEME) :] in self.assets:
                name = url[len(ASSET_SCHEME) :]
                if name not in used:
                    used.append(name)
                return PLUGINFILE + quote(name)
            return None

        if ASSET_SCHEME in fragment:
            fragment = markup.rewrite_urls(fragment, replace)
        if unreferenced:
            used += [name for name in self.assets if name not in used and name not in self.written]
        self.written.update(used)
        files = "".join(
            f'<file name="{html.escape(markup.xml_text(name))}" path="/" encoding="base64">'
            f"{base64.b64encode(self.assets[name].content).decode('ascii')}</file>"
            for name in used
        )
        return _text(fragment) + files

    def _answer(self, fraction: float, text_xml: str, feedback: str, extra: str = "") -> str:
        return (
            f'    <answer fraction="{_percent(fraction)}" {text_xml}'
            f"      {self.area('feedback', feedback)}\n{extra}    </answer>\n"
        )

    def _multichoice(self) -> str:
        item = self.item
        single = item.kind == Kind.SINGLE
        n_correct = max(len(item.correct_options()), 1)
        parts = [
            f"    <single>{'true' if single else 'false'}</single>\n",
            f"    <shuffleanswers>{'true' if item.shuffle else 'false'}</shuffleanswers>\n",
            "    <answernumbering>abc</answernumbering>\n",
        ]
        for option in item.options:
            if single:
                fraction = 1.0 if option.correct else min(option.fraction, 0.99999)
            elif option.correct:
                fraction = option.fraction if option.fraction > 0 else 1 / n_correct
            else:
                fraction = min(option.fraction, 0.0)
            text_xml = f'format="html">\n      {self.content(option.text)}\n'
            parts.append(self._answer(fraction, text_xml, option.feedback))
        return "".join(parts)

    def _truefalse(self) -> str:
        truth = bool(self.item.truth)
        parts = []
        for value in (True, False):
            text_xml = f'format="moodle_auto_format">\n      {_text(str(value).lower())}\n'
            parts.append(self._answer(1.0 if truth == value else 0.0, text_xml, ""))
        return "".join(parts)

    def _shortanswer(self) -> str:
        parts = [f"    <usecase>{1 if self.item.case_sensitive else 0}</usecase>\n"]
        for answer in self.item.answers:
            text_xml = f'format="moodle_auto_format">\n      {_text(answer.text)}\n'
            parts.append(self._answer(answer.fraction, text_xml, answer.feedback))
        return "".join(parts)

    def _numerical(self) -> str:
        parts = []
        for answer in self.item.numeric:
            text_xml = f'format="moodle_auto_format">\n      {_text(_num(answer.value))}\n'
            extra = f"      <tolerance>{_num(answer.tolerance)}</tolerance>\n"
            parts.append(self._answer(answer.fraction, text_xml, answer.feedback, extra))
        return "".join(parts)

    def _essay(self) -> str:
        return (
            "    <responseformat>editor</responseformat>\n"
            "    <responserequired>1</responserequired>\n"
            "    <responsefieldlines>15</responsefieldlines>\n"
            "    <attachments>0</attachments>\n"
            "    <attachmentsrequired>0</attachmentsrequired>\n"
            f"    {self.area('graderinfo', self.item.essay_guide)}\n"
            '    <responsetemplate format="html"><text></text></responsetemplate>\n'
        )

    def _tags(self) -> str:
        tags = []
        if self.item.difficulty is not None:
            tags.append(DIFFICULTY_TAG + self.item.difficulty.value)
        if self.item.source:
            tags.append(SOURCE_TAG + self.item.source)
        if not tags:
            return ""
        inner = "".join(f"      <tag>{_text(tag)}</tag>\n" for tag in tags)
        return f"    <tags>\n{inner}    </tags>\n"
