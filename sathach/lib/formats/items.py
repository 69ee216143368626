"""Plain data for question-bank items, shared by every interchange format.

Parsers turn a file into a ``ParseResult`` (items + warnings + errors, each with a location);
writers turn a list of ``ItemData`` back into a file. No Django here: the bank app maps these to
its models. Contract for every format module in this package:

    parse(data: bytes, *, filename: str = "") -> ParseResult
        - never raises anything but ``ItemFormatError`` (file-level: cannot be read at all);
        - item-level problems go to ``ParseResult.errors`` with the item's location
          (a line "dòng 12", a row "dòng 5", a file "item3.xml") and a Vietnamese message;
          the faulty item is left out of ``items``;
        - question types the model lacks are counted in ``skipped`` by their format's name.
    write(items: Sequence[ItemData]) -> bytes
        - ``parse(write(items))`` gives back the same items: stem, options, key, kind,
          difficulty (and topic path where the format has categories).

Text is NFC. Stems, options and feedback are HTML fragments of a safe subset (the bank
sanitises them); plain text is valid HTML when it has no '<' or '&'. An image is an ``AssetData``
referenced from HTML as ``<img src="asset:NAME">``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

ASSET_SCHEME = "asset:"


class ItemFormatError(Exception):
    """The file cannot be read at all (wrong format, broken XML, truncated zip, bad encoding).

    ``message`` is Vietnamese, for the user; ``location`` points at the fault when known.
    """

    def __init__(self, message: str, location: str = "") -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class Kind(enum.StrEnum):
    SINGLE = "single"  # one correct option
    MULTIPLE = "multiple"  # multiple response: several correct options
    TRUE_FALSE = "true_false"
    SHORT_TEXT = "short_text"  # typed answer, several accepted answers
    NUMERIC = "numeric"  # value ± tolerance
    ESSAY = "essay"  # marked by people from a guide


class Difficulty(enum.StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass
class OptionData:
    text: str
    correct: bool = False
    # Credit for choosing this option, -1..1 (Moodle/GIFT weights). Single choice: 1 for the key.
    fraction: float = 0.0
    feedback: str = ""


@dataclass
class ShortAnswerData:
    text: str
    fraction: float = 1.0
    feedback: str = ""


@dataclass
class NumericAnswerData:
    value: float
    tolerance: float = 0.0
    fraction: float = 1.0
    feedback: str = ""


@dataclass
class AssetData:
    name: str  # file name, unique within one item, referenced as asset:NAME
    mime: str
    content: bytes


@dataclass
class ItemData:
    kind: Kind
    stem: str
    options: list[OptionData] = field(default_factory=list)  # SINGLE, MULTIPLE
    truth: bool | None = None  # TRUE_FALSE: the correct statement value
    answers: list[ShortAnswerData] = field(default_factory=list)  # SHORT_TEXT
    numeric: list[NumericAnswerData] = field(default_factory=list)  # NUMERIC
    essay_guide: str = ""  # ESSAY: the marking guide (hướng dẫn chấm)
    points: float = 1.0  # maximum score of the item
    difficulty: Difficulty | None = None
    topic_path: tuple[str, ...] = ()  # category names from the top, e.g. ("Kiến thức chung",)
    title: str = ""  # short name (Moodle <name>, GIFT ::title::)
    general_feedback: str = ""
    source: str = ""  # legal reference or source document (nguồn, căn cứ)
    shuffle: bool = True  # False: option order must be kept (e.g. "Cả A và B đều đúng")
    case_sensitive: bool = False  # SHORT_TEXT
    assets: list[AssetData] = field(default_factory=list)
    external_id: str = ""  # identifier in the source system (QTI identifier, Moodle idnumber)
    location: str = ""  # where the item was in the file, for reports

    def correct_options(self) -> list[int]:
        """Return the indexes of the correct options."""
        return [i for i, option in enumerate(self.options) if option.correct]


@dataclass
class Issue:
    location: str  # "dòng 12", "dòng 5, cột C", "items/q3.xml"
    message: str  # Vietnamese

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


@dataclass
class ParseResult:
    items: list[ItemData] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # unsupported type name → count

    def skip(self, type_name: str, location: str) -> None:
        self.skipped[type_name] = self.skipped.get(type_name, 0) + 1
        self.warnings.append(
            Issue(location, f"bỏ qua câu hỏi loại “{type_name}” (Sát Hạch không hỗ trợ)")
        )


def validate_item(item: ItemData) -> list[str]:
    """Return the Vietnamese reasons ``item`` is not a usable item (empty when it is).

    Every parser calls this on what it built, so the same item is refused the same way
    whatever the format.
    """
    problems: list[str] = []
    if not item.stem.strip():
        problems.append("câu hỏi không có nội dung")
    if item.kind in (Kind.SINGLE, Kind.MULTIPLE):
        if len(item.options) < 2:
            problems.append("câu hỏi trắc nghiệm cần ít nhất 2 phương án")
        if any(not option.text.strip() for option in item.options):
            problems.append("có phương án để trống")
        n_correct = len(item.correct_options())
        if n_correct == 0:
            problems.append("không có đáp án đúng")
        elif item.kind == Kind.SINGLE and n_correct > 1:
            problems.append("câu hỏi một lựa chọn có nhiều hơn một đáp án đúng")
    elif item.kind == Kind.TRUE_FALSE:
        if item.truth is None:
            problems.append("câu hỏi đúng/sai không có đáp án")
    elif item.kind == Kind.SHORT_TEXT:
        if not any(a.text.strip() and a.fraction > 0 for a in item.answers):
            problems.append("câu trả lời ngắn không có đáp án được chấp nhận")
    elif item.kind == Kind.NUMERIC:
        if not item.numeric:
            problems.append("câu hỏi số không có đáp án")
        elif any(a.tolerance < 0 for a in item.numeric):
            problems.append("sai số cho phép không được âm")
    if item.points <= 0:
        problems.append("điểm tối đa phải lớn hơn 0")
    return problems
