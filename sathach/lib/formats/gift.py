"""GIFT, Moodle's text format for questions: parse a file into items and write items back.

The syntax is Moodle's (see docs/formats/gift-aiken.md for the whole list); what GIFT has no
syntax for travels in comment lines that Moodle ignores, placed right before the question::

    // [sathach] difficulty=easy        easy | medium | hard (also dễ | trung bình | khó)
    // [sathach] points=2               maximum score, when it is not 1
    // [sathach] shuffle=false          keep the option order
    // [sathach] case_sensitive=true    short answer compared with case
    // [sathach] source=Điều 4 Luật Cán bộ, công chức
    // [sathach] guide=Nêu đủ 3 ý\\nMỗi ý 1 điểm      essay marking guide ("\\n" is a line break)
    // [id:CBCC-001]                    Moodle's own id comment (ItemData.external_id)

Multiple choice follows Moodle: a block with an '=' answer is single choice (partial credit on
'~%50%' options is kept in ``fraction``), a block of weighted '~' answers only is multiple
response, an option being correct when its weight is positive.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .items import (
    Difficulty,
    Issue,
    ItemData,
    Kind,
    NumericAnswerData,
    OptionData,
    ParseResult,
    ShortAnswerData,
    validate_item,
)
from .moodletext import decode_text, has_image, has_tags, nfc, plain_to_html

_SPECIALS = "~=#{}:"
_UNESCAPES = {"\\": "\\", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n"}
_FORMAT = re.compile(r"\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_CONTEXT = re.compile(r"\$[a-z0-9_]+\$")
_META = re.compile(r"\[sathach\]\s*(\w+)\s*=(.*)", re.IGNORECASE)
_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")

_DIFFICULTIES = {
    "easy": Difficulty.EASY,
    "dễ": Difficulty.EASY,
    "medium": Difficulty.MEDIUM,
    "trung bình": Difficulty.MEDIUM,
    "hard": Difficulty.HARD,
    "khó": Difficulty.HARD,
}
_BOOLEANS = {"true": True, "false": False}
_TRUTHS = {"T": True, "TRUE": True, "F": False, "FALSE": False}

EMPTY_STEM = "câu hỏi không có nội dung"
UNCLOSED_BRACE = "thiếu dấu “}” đóng khối đáp án"
STRAY_BRACE = "dấu “}” thừa: không có dấu “{” mở tương ứng"
TWO_BLOCKS = "có hơn một khối đáp án “{...}”: các câu hỏi phải cách nhau bằng một dòng trống"
UNCLOSED_TITLE = "tiêu đề mở bằng “::” nhưng thiếu “::” đóng"


# --- Escapes ------------------------------------------------------------------------------


def _protected(text: str) -> list[bool]:
    """Mark the characters a backslash takes out of the syntax (the backslash and the next one)."""
    mask = [False] * len(text)
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            mask[i] = mask[i + 1] = True
            i += 2
        else:
            i += 1
    return mask


def _find(text: str, token: str, start: int = 0) -> int:
    """Return the index of the first unescaped ``token`` at or after ``start``, or -1."""
    mask = _protected(text)
    i = text.find(token, start)
    while i != -1 and any(mask[i : i + len(token)]):
        i = text.find(token, i + 1)
    return i


def _split(text: str, markers: str) -> list[tuple[str, str]]:
    """Split ``text`` at unescaped marker characters into (marker, body) pairs.

    The first pair holds what comes before the first marker, with the marker "".
    """
    mask = _protected(text)
    parts: list[tuple[str, str]] = []
    marker, start = "", 0
    for i, ch in enumerate(text):
        if ch in markers and not mask[i]:
            parts.append((marker, text[start:i]))
            marker, start = ch, i + 1
    parts.append((marker, text[start:]))
    return parts


def _unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _UNESCAPES:
            out.append(_UNESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _escape(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch == "\\" or ch in _SPECIALS:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch != "\r":
            out.append(ch)
    return "".join(out)


def _meta_unescape(value: str) -> str:
    return re.sub(r"\\([\\n])", lambda m: "\n" if m.group(1) == "n" else "\\", value)


def _meta_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n")


# --- Parsing ------------------------------------------------------------------------------


@dataclass
class _Meta:
    """What the comment lines before a question say about it."""

    fields: dict[str, object] = field(default_factory=dict)
    first_line: int = 0  # line of the first [sathach] comment, 0 when none
    failed: bool = False


def parse(data: bytes, *, filename: str = "") -> ParseResult:
    """Return the items of a GIFT file, with warnings and errors located by line.

    Raise ``ItemFormatError`` only when the file is not text.
    """
    text, warning = decode_text(data)
    result = ParseResult()
    if warning:
        result.warnings.append(Issue("", warning))
    topic_path: tuple[str, ...] = ()
    for block in _blocks(text):
        topic_path = _read_block(block, topic_path, result)
    return result


def _blocks(text: str) -> Iterator[list[tuple[int, str]]]:
    """Yield the runs of non-blank lines, each line with its 1-based number."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _read_block(
    block: list[tuple[int, str]], topic_path: tuple[str, ...], result: ParseResult
) -> tuple[str, ...]:
    """Read one block (a question, a category, or both) and return the topic path after it."""
    meta = _Meta()
    content: list[tuple[int, str]] = []
    for number, line in block:
        stripped = line.strip()
        if stripped.startswith("//"):
            _read_comment(stripped[2:].strip(), number, meta, result)
        else:
            content.append((number, line))
    if content and content[0][1].lstrip().startswith("$CATEGORY:"):
        topic_path = _topic_path(content[0][1].lstrip()[len("$CATEGORY:") :])
        content = content[1:]
    if not content:
        if meta.first_line:
            result.warnings.append(
                Issue(
                    f"dòng {meta.first_line}",
                    "chú thích “[sathach]” không đứng ngay trước câu hỏi nào nên bị bỏ qua",
                )
            )
        return topic_path
    location = f"dòng {content[0][0]}"
    question = "\n".join(line for _, line in content).strip()
    item = _read_question(question, location, result)
    if item is None or meta.failed:
        return topic_path
    item.topic_path = topic_path
    for name, value in meta.fields.items():
        setattr(item, name, value)
    problems = validate_item(item)
    if problems:
        result.errors.extend(Issue(location, problem) for problem in problems)
        return topic_path
    if any(has_image(text) for text in _texts(item)):
        result.warnings.append(
            Issue(
                location,
                "câu hỏi có ảnh nhưng tệp GIFT không chứa tệp ảnh: cần thêm lại ảnh sau khi nhập",
            )
        )
    result.items.append(item)
    return topic_path


def _topic_path(raw: str) -> tuple[str, ...]:
    """Return the category names of a ``$CATEGORY:`` path ("//" is a "/" inside a name)."""
    names: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(raw):
        if raw.startswith("//", i):
            current.append("/")
            i += 2
        elif raw[i] == "/":
            names.append("".join(current))
            current = []
            i += 1
        else:
            current.append(raw[i])
            i += 1
    names.append("".join(current))
    names = [nfc(name) for name in names]
    if names and _CONTEXT.fullmatch(names[0]):  # Moodle's "$course$", "$system$"...
        names = names[1:]
    if names and names[0] == "top":
        names = names[1:]
    return tuple(name for name in names if name)


def _read_comment(comment: str, number: int, meta: _Meta, result: ParseResult) -> None:
    location = f"dòng {number}"
    if comment.lower().startswith("[sathach]"):
        meta.first_line = meta.first_line or number
        match = _META.fullmatch(comment)
        if match is None:
            result.errors.append(
                Issue(location, "chú thích “[sathach]” phải có dạng “[sathach] khoá=giá trị”")
            )
            meta.failed = True
            return
        value = nfc(_meta_unescape(match.group(2)))
        _read_meta(match.group(1).lower(), value, location, meta, result)
        return
    found = _ID.search(comment)
    if found:
        meta.fields["external_id"] = nfc(found.group(1).replace("\\]", "]"))


def _read_meta(key: str, value: str, location: str, meta: _Meta, result: ParseResult) -> None:
    problem = ""
    if key == "difficulty":
        if value.lower() in _DIFFICULTIES:
            meta.fields["difficulty"] = _DIFFICULTIES[value.lower()]
        else:
            problem = f"độ khó “{value}” không hợp lệ (dùng easy, medium hoặc hard)"
    elif key == "points":
        points = _number(value)
        if points is None:
            problem = f"số điểm “{value}” không hợp lệ"
        else:
            meta.fields["points"] = points
    elif key in ("shuffle", "case_sensitive"):
        if value.lower() in _BOOLEANS:
            meta.fields[key] = _BOOLEANS[value.lower()]
        else:
            problem = f"giá trị “{value}” của “{key}” phải là true hoặc false"
    elif key == "source":
        meta.fields["source"] = value
    elif key == "guide":
        meta.fields["essay_guide"] = value
    else:
        result.warnings.append(
            Issue(
                location, f"khoá “{key}” trong chú thích [sathach] không được hỗ trợ nên bị bỏ qua"
            )
        )
    if problem:
        result.errors.append(Issue(location, problem))
        meta.failed = True


def _read_question(text: str, location: str, result: ParseResult) -> ItemData | None:
    """Return the item a question's text describes, or None (its problems go to ``result``)."""
    title = ""
    if text.startswith("::"):
        end = _find(text, "::", 2)
        if end == -1:
            result.errors.append(Issue(location, UNCLOSED_TITLE))
            return None
        title = nfc(_unescape(text[2:end]))
        text = text[end + 2 :].lstrip()
    text_format = "moodle"
    match = _FORMAT.match(text)
    if match:
        text_format = match.group(1)
        text = text[match.end() :]
    opening, closing = _find(text, "{"), _find(text, "}")
    if closing != -1 and (opening == -1 or closing < opening):
        result.errors.append(Issue(location, STRAY_BRACE))
        return None
    if opening == -1:
        result.skip("description", location)
        return None
    closing, nested = _find(text, "}", opening), _find(text, "{", opening + 1)
    if closing == -1 or (nested != -1 and nested < closing):
        result.errors.append(Issue(location, UNCLOSED_BRACE))
        return None
    after = text[closing + 1 :]
    if _find(after, "{") != -1:
        result.errors.append(Issue(location, TWO_BLOCKS))
        return None
    if after.strip():
        result.skip("missing word", location)
        return None
    stem = _html(text[:opening], text_format)
    answers = text[opening + 1 : closing]
    general_feedback = ""
    separator = _find(answers, "####")
    if separator != -1:
        general_feedback = _html(answers[separator + 4 :], text_format)
        answers = answers[:separator]
    answers = answers.strip()
    if not answers.startswith("#") and _is_matching(answers):
        result.skip("matching", location)
        return None
    problems: list[str] = [] if stem else [EMPTY_STEM]
    item = ItemData(kind=Kind.ESSAY, stem=stem, title=title, general_feedback=general_feedback)
    if not answers:
        pass
    elif answers.startswith("#"):
        item.kind = Kind.NUMERIC
        item.numeric = _numeric_answers(answers[1:], text_format, location, problems, result)
    elif _find(answers, "~") != -1:
        item.kind, item.options = _choices(answers, text_format, problems)
    elif (truth := _truth(answers)) is not None:
        item.kind, item.truth = Kind.TRUE_FALSE, truth
        if any(body.strip() for _, body in _split(answers, "#")[1:]):
            result.warnings.append(
                Issue(location, "phản hồi theo đáp án của câu đúng/sai không được lưu")
            )
    else:
        item.kind = Kind.SHORT_TEXT
        item.answers = _short_answers(answers, text_format, problems)
    if problems:
        result.errors.extend(Issue(location, problem) for problem in problems)
        return None
    item.location = location
    return item


def _html(raw: str, text_format: str) -> str:
    """Return question text in ``text_format`` as an NFC HTML fragment.

    [html] is kept as it is. Moodle's own format (the default) is HTML whose line breaks
    show, so they become <br>. [plain] and [markdown] are plain text (markdown keeps only
    **bold** and *italic*).
    """
    text = nfc(_unescape(raw))
    if text_format in ("plain", "markdown"):
        text = plain_to_html(text)
    elif text_format == "moodle":
        text = text.replace("\n", "<br>")
    if text_format == "markdown":
        text = _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", text))
    return text


def _is_matching(answers: str) -> bool:
    """Tell whether an answer block is Moodle's matching question ("=a -> 1 =b -> 2")."""
    if _find(answers, "~") != -1:
        return False
    parts = [body for marker, body in _split(answers, "=") if marker == "="]
    return bool(parts) and all(_find(body, "->") != -1 for body in parts)


def _truth(answers: str) -> bool | None:
    hash_at = _find(answers, "#")
    value = answers if hash_at == -1 else answers[:hash_at]
    return _TRUTHS.get(value.strip().upper())


def _weight(body: str, problems: list[str]) -> tuple[float | None, str]:
    """Split a leading "%50%" weight off an answer; return (fraction or None, the rest)."""
    if not body.startswith("%"):
        return None, body
    end = body.find("%", 1)
    if end == -1:
        return None, body
    token = body[1:end]
    if not _WEIGHT.fullmatch(token) or abs(Decimal(token)) > 100:
        problems.append(f"trọng số “%{token}%” không hợp lệ: cần số phần trăm từ -100 đến 100")
        return None, body[end + 1 :].lstrip()
    return float(Decimal(token) / 100), body[end + 1 :].lstrip()


def _feedback(body: str, text_format: str) -> tuple[str, str]:
    """Split an answer into its text (unescaped, not yet converted) and feedback HTML."""
    hash_at = _find(body, "#")
    if hash_at == -1:
        return body, ""
    return body[:hash_at], _html(body[hash_at + 1 :], text_format)


def _choices(answers: str, text_format: str, problems: list[str]) -> tuple[Kind, list[OptionData]]:
    parts = _split(answers, "=~")
    if parts[0][1].strip():
        stray = nfc(_unescape(parts[0][1]))
        problems.append(f"“{stray}” trong khối đáp án không bắt đầu bằng “=” hoặc “~”")
    single = any(marker == "=" for marker, _ in parts[1:])
    options: list[OptionData] = []
    for marker, body in parts[1:]:
        body = body.strip()
        if marker == "=":  # Moodle gives '=' full credit and reads no weight after it
            fraction, correct = 1.0, True
        else:
            weight, body = _weight(body, problems)
            fraction = weight or 0.0
            correct = fraction >= 1 if single else fraction > 0
        text, feedback = _feedback(body, text_format)
        options.append(OptionData(_html(text, text_format), correct, fraction, feedback))
    return (Kind.SINGLE if single else Kind.MULTIPLE), options


def _short_answers(answers: str, text_format: str, problems: list[str]) -> list[ShortAnswerData]:
    accepted: list[ShortAnswerData] = []
    for marker, body in _split(answers, "="):
        body = body.strip()
        if not marker and not body:
            continue
        weight, body = _weight(body, problems)
        text, feedback = _feedback(body, text_format)
        fraction = 1.0 if weight is None else weight
        accepted.append(ShortAnswerData(nfc(_unescape(text)), fraction, feedback))
    return accepted


def _numeric_answers(
    answers: str, text_format: str, location: str, problems: list[str], result: ParseResult
) -> list[NumericAnswerData]:
    tilde = _find(answers, "~")
    if tilde != -1:
        result.warnings.append(
            Issue(location, "phản hồi cho đáp án sai (sau “~”) của câu hỏi số không được lưu")
        )
        answers = answers[:tilde]
    numeric: list[NumericAnswerData] = []
    for marker, body in _split(answers, "="):
        body = body.strip()
        if not marker and not body:
            continue
        weight, body = _weight(body, problems)
        spec, feedback = _feedback(body, text_format)
        spec = nfc(_unescape(spec))
        value_tolerance = _numeric_spec(spec)
        if value_tolerance is None:
            problems.append(f"đáp án số “{spec}” không hợp lệ (viết 3.14, 3.14:0.01 hoặc 2..4)")
            continue
        value, tolerance = value_tolerance
        fraction = 1.0 if weight is None else weight
        numeric.append(NumericAnswerData(value, tolerance, fraction, feedback))
    return numeric


def _numeric_spec(spec: str) -> tuple[float, float] | None:
    """Return (value, tolerance) of "3.14", "3.14:0.01" or "2..4" (midpoint, half-width)."""
    if spec.find("..") > 0:
        low, high = (_number(part) for part in spec.split("..", 1))
        if low is None or high is None:
            return None
        value, tolerance = low / 2 + high / 2, high / 2 - low / 2
    elif ":" in spec:
        value_text, tolerance_text = spec.split(":", 1)
        number, margin = _number(value_text), _number(tolerance_text)
        if number is None or margin is None:
            return None
        value, tolerance = number, margin
    else:
        number = _number(spec)
        if number is None:
            return None
        value, tolerance = number, 0.0
    if not (math.isfinite(value) and math.isfinite(tolerance)):
        return None
    return value, tolerance


def _number(text: str) -> float | None:
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def _texts(item: ItemData) -> Iterator[str]:
    """Yield every HTML text of an item."""
    yield item.stem
    yield item.general_feedback
    for option in item.options:
        yield option.text
        yield option.feedback
    for answer in item.answers:
        yield answer.feedback
    for numeric in item.numeric:
        yield numeric.feedback


# --- Writing ------------------------------------------------------------------------------


def write(items: Sequence[ItemData]) -> bytes:
    """Return ``items`` as a UTF-8 GIFT file, with a ``$CATEGORY:`` line at each topic change.

    Images stay as ``<img src="asset:NAME">`` references; GIFT cannot carry their bytes.
    Raise ValueError for what GIFT cannot hold (a number that is not finite, a short answer
    that would read as a matching question).
    """
    chunks = ["// Sát Hạch — câu hỏi định dạng GIFT (Moodle), mã hoá UTF-8\n"]
    current: tuple[str, ...] = ()
    for index, item in enumerate(items, start=1):
        topic_path = tuple(item.topic_path)
        if topic_path != current:
            chunks.append(f"$CATEGORY: {_category(topic_path)}\n")
            current = topic_path
        chunks.append(_question(item, index))
    return "\n".join(chunks).encode("utf-8")


def _category(topic_path: tuple[str, ...]) -> str:
    names = [name.replace("\n", " ").strip().replace("/", "//") for name in topic_path]
    return "/".join(["$course$", "top", *names])


def _question(item: ItemData, index: int) -> str:
    lines = [f"// [sathach] {key}={_meta_escape(value)}" for key, value in _meta_pairs(item)]
    if item.external_id:
        external_id = item.external_id.replace("\n", " ").replace("]", "\\]")
        lines.append(f"// [id:{external_id}]")
    head = f"::{_escape(item.title)}::" if item.title else ""
    if any(has_tags(text) or "\n" in text for text in _texts(item)):
        head += "[html]"  # also keeps line breaks as they are
    elif item.stem.startswith(("[", "/", "$")):
        head += "[moodle]"  # so the stem is not read as a format, a comment or a category
    head += _escape(item.stem)
    general = f"####{_escape(item.general_feedback)}" if item.general_feedback else ""
    if item.kind == Kind.TRUE_FALSE:
        lines.append(f"{head} {{{'TRUE' if item.truth else 'FALSE'}{general}}}")
    elif item.kind == Kind.ESSAY:
        lines.append(f"{head} {{{general}}}")
    elif item.kind == Kind.NUMERIC and _is_plain_numeric(item) and not general:
        answer = item.numeric[0]
        lines.append(f"{head} {{#{_number_text(answer.value)}:{_number_text(answer.tolerance)}}}")
    else:
        answers = _answer_lines(item, index)
        if general:
            answers.append(general)
        lines.append(head + " {")
        lines.extend("\t" + answer for answer in answers)
        lines.append("}")
    return "\n".join(lines) + "\n"


def _meta_pairs(item: ItemData) -> Iterator[tuple[str, str]]:
    if item.difficulty is not None:
        yield "difficulty", Difficulty(item.difficulty).value
    if item.points != 1:
        yield "points", _number_text(item.points)
    if not item.shuffle:
        yield "shuffle", "false"
    if item.case_sensitive and item.kind == Kind.SHORT_TEXT:
        yield "case_sensitive", "true"
    if item.source:
        yield "source", item.source
    if item.essay_guide:
        yield "guide", item.essay_guide


def _answer_lines(item: ItemData, index: int) -> list[str]:
    if item.kind == Kind.SINGLE:
        return [_single_option(option) for option in item.options]
    if item.kind == Kind.MULTIPLE:
        return _multiple_options(item.options)
    if item.kind == Kind.SHORT_TEXT:
        if item.answers and all("->" in answer.text for answer in item.answers):
            raise ValueError(
                f"câu {index}: mọi đáp án đều chứa “->” nên GIFT sẽ đọc thành câu ghép nối"
            )
        return [
            "="
            + _weight_text(answer.fraction, answer.text, answer.fraction != 1)
            + _escape(answer.text)
            + _feedback_text(answer.feedback)
            for answer in item.answers
        ]
    lines = ["#"]
    for answer in item.numeric:
        if not (math.isfinite(answer.value) and math.isfinite(answer.tolerance)):
            raise ValueError(f"câu {index}: đáp án số phải là số hữu hạn")
        lines.append(
            "="
            + _weight_text(answer.fraction, "", answer.fraction != 1)
            + f"{_number_text(answer.value)}:{_number_text(answer.tolerance)}"
            + _feedback_text(answer.feedback)
        )
    return lines


def _is_plain_numeric(item: ItemData) -> bool:
    """Tell whether a numeric item fits on one line: one full-credit answer, no feedback."""
    if len(item.numeric) != 1:
        return False
    answer = item.numeric[0]
    return (
        answer.fraction == 1
        and not answer.feedback
        and math.isfinite(answer.value)
        and math.isfinite(answer.tolerance)
    )


def _single_option(option: OptionData) -> str:
    if option.correct:
        return "=" + _escape(option.text) + _feedback_text(option.feedback)
    # A wrong option's weight below 100% is partial credit; 100% would make it a second key.
    fraction = option.fraction if -1 <= option.fraction < 1 else 0.0
    return "~" + _weight_text(fraction, option.text, fraction != 0) + _option_rest(option)


def _multiple_options(options: Sequence[OptionData]) -> list[str]:
    """Write multiple response as weighted '~' answers: positive weight marks a correct option.

    A correct option without a positive fraction gets an equal share; a wrong option with a
    positive fraction gets none (it would read back as correct).
    """
    share = 1 / max(1, sum(option.correct for option in options))
    lines = []
    for option in options:
        if option.correct:
            fraction = option.fraction if 0 < option.fraction <= 1 else share
        else:
            fraction = option.fraction if -1 <= option.fraction <= 0 else 0.0
        lines.append(
            "~" + _weight_text(fraction, option.text, fraction != 0) + _option_rest(option)
        )
    return lines


def _option_rest(option: OptionData) -> str:
    return _escape(option.text) + _feedback_text(option.feedback)


def _weight_text(fraction: float, text: str, needed: bool) -> str:
    """Return "%50%" for a fraction; also when the text starts with '%' (read as a weight)."""
    if not needed and not text.startswith("%"):
        return ""
    percent = (Decimal(repr(float(fraction))) * 100).normalize()
    return f"%{percent:f}%"


def _feedback_text(feedback: str) -> str:
    return f"#{_escape(feedback)}" if feedback else ""


def _number_text(number: float) -> str:
    number = float(number)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)
