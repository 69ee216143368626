"""Aiken, Moodle's simplest question format: single-choice questions in plain text.

    Theo Luật Cán bộ, công chức, công chức được tuyển dụng qua hình thức nào?
    A. Bầu cử
    B) Thi tuyển hoặc xét tuyển
    ANSWER: B

The question text may take several lines; options are one line each, labelled A, B, C... in
order with '.' or ')'; the ``ANSWER:`` line ends the question. Blank lines are ignored. Aiken
has no categories, difficulty or feedback, and its text is plain: the parser turns it into HTML
('&', '<', '>' as entities, the lines of a question joined by <br>) and the writer turns HTML
back into text (other tags and images are lost).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .items import Issue, ItemData, Kind, OptionData, ParseResult, validate_item
from .moodletext import decode_text, html_to_plain, nfc, plain_to_html

_OPTION = re.compile(r"([A-Z])[.)](?:\s+(.*))?")
_ANSWER = re.compile(r"ANSWER:\s*(.*)")
_LETTER = re.compile(r"[A-Za-z]")
_NO_KEY = "không có đáp án đúng"

MISSING_ANSWER = "thiếu dòng “ANSWER:” ghi đáp án"
STRAY_ANSWER = "dòng “ANSWER:” không thuộc câu hỏi nào"


@dataclass
class _Question:
    line: int  # where the question text starts
    stem_lines: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def location(self) -> str:
        return f"dòng {self.line}"


def parse(data: bytes, *, filename: str = "") -> ParseResult:
    """Return the items of an Aiken file, with errors located by line.

    Raise ``ItemFormatError`` only when the file is not text.
    """
    text, warning = decode_text(data)
    result = ParseResult()
    if warning:
        result.warnings.append(Issue("", warning))
    question: _Question | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.fullmatch(line)
        if answer:
            if question is None:
                result.errors.append(Issue(f"dòng {number}", STRAY_ANSWER))
            else:
                _finish(question, answer.group(1).strip(), number, result)
            question = None
            continue
        option = _OPTION.fullmatch(line)
        if option and question is not None:
            _add_option(question, option.group(1), option.group(2) or "", number)
            continue
        if question is not None and question.options:
            # A new question begins although the previous one never had its ANSWER line.
            result.errors.append(Issue(question.location, MISSING_ANSWER))
            question = None
        if question is None:
            question = _Question(line=number)
        question.stem_lines.append(line)
    if question is not None:
        result.errors.append(Issue(question.location, MISSING_ANSWER))
    return result


def _add_option(question: _Question, label: str, text: str, number: int) -> None:
    expected = chr(ord("A") + len(question.options))
    if label != expected:
        question.issues.append(
            Issue(f"dòng {number}", f"phương án “{label}” sai thứ tự: ở đây phải là “{expected}”")
        )
    question.labels.append(label)
    question.options.append(text)


def _finish(question: _Question, key: str, number: int, result: ParseResult) -> None:
    """Build the question once its ANSWER line (line ``number``) is read."""
    issues = list(question.issues)
    key_index = -1
    if not _LETTER.fullmatch(key):
        issues.append(
            Issue(
                f"dòng {number}",
                f"dòng ANSWER phải ghi một chữ cái (A, B, C...), không phải “{key}”",
            )
        )
    elif key.upper() not in question.labels:
        issues.append(
            Issue(f"dòng {number}", f"đáp án “{key.upper()}” không có trong các phương án")
        )
    else:
        key_index = question.labels.index(key.upper())
    item = ItemData(
        kind=Kind.SINGLE,
        stem=nfc(plain_to_html("\n".join(question.stem_lines))),
        options=[
            OptionData(
                nfc(plain_to_html(text)),
                correct=i == key_index,
                fraction=1.0 if i == key_index else 0.0,
            )
            for i, text in enumerate(question.options)
        ],
        location=question.location,
    )
    problems = validate_item(item)
    if key_index == -1:  # the key line is already reported
        problems = [problem for problem in problems if problem != _NO_KEY]
    issues.extend(Issue(question.location, problem) for problem in problems)
    if issues:
        result.errors.extend(issues)
    else:
        result.items.append(item)


def write(items: Sequence[ItemData]) -> bytes:
    """Return single-choice ``items`` as a UTF-8 Aiken file.

    Raise ValueError naming the item for anything Aiken cannot hold: another kind of question,
    more than 26 options, not exactly one key, or a question line that would read as an option.
    """
    return "\n".join(_question(item, index) for index, item in enumerate(items, start=1)).encode(
        "utf-8"
    )


def _question(item: ItemData, index: int) -> str:
    name = _name(item, index)
    if item.kind != Kind.SINGLE:
        raise ValueError(
            f"Aiken chỉ chứa câu hỏi một lựa chọn: {name} là loại “{Kind(item.kind).value}”"
        )
    if len(item.options) > 26:
        raise ValueError(f"Aiken ghi được tối đa 26 phương án (A–Z): {name} có {len(item.options)}")
    keys = item.correct_options()
    if len(keys) != 1:
        raise ValueError(f"Aiken cần đúng một đáp án đúng: {name} có {len(keys)}")
    stem_lines = [line.strip() for line in html_to_plain(item.stem).split("\n") if line.strip()]
    if not stem_lines:
        raise ValueError(f"{name} không có nội dung")
    for i, line in enumerate(stem_lines):
        if _ANSWER.fullmatch(line) or (i > 0 and _OPTION.fullmatch(line)):
            raise ValueError(f"{name}: dòng “{line}” sẽ bị đọc thành phương án hoặc dòng ANSWER")
    lines = list(stem_lines)
    for i, option in enumerate(item.options):
        parts = html_to_plain(option.text).split("\n")
        text = " ".join(part.strip() for part in parts if part.strip())
        lines.append(f"{chr(ord('A') + i)}. {text}".rstrip())
    lines.append(f"ANSWER: {chr(ord('A') + keys[0])}")
    return "\n".join(lines) + "\n"


def _name(item: ItemData, index: int) -> str:
    """Return how an error message names an item: its number and a short label."""
    label = item.title or item.external_id or " ".join(html_to_plain(item.stem).split())
    if len(label) > 40:
        label = label[:39] + "…"
    return f"câu {index} (“{label}”)" if label else f"câu {index}"
