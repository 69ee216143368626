"""Check and score a candidate's answer to one item (pure Python, no Django).

Answers travel as small JSON objects, in the positions the candidate saw (options shuffled by
the form's option order):

    single       {"choice": 2}            or {"choice": null} (cleared)
    multiple     {"choices": [0, 3]}
    true_false   {"value": true}          or {"value": null}
    short_text   {"text": "..."}
    numeric      {"text": "3,5"}          (what was typed: a comma or a point as decimal mark)
    essay        {"text": "..."}          (marked by people, never here)

``answer_clean`` refuses any other shape with a Vietnamese message; ``answer_fraction`` maps the
shown positions back to the item's options and returns the share of the item's points earned.

A multiple-response item gives credit by the rule its plan chooses (``MULTIPLE_RULES``):

    item_weights     the item's own per-option weights (Moodle/GIFT ``fraction``), added up
                     within 0…1; an item without weights is all or nothing (the default)
    all_or_nothing   full credit for exactly the right set of options, else nothing
    proportional     (right options chosen − wrong options chosen) / number of right options,
                     never below 0
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

MAX_SHORT_TEXT = 500
MAX_ESSAY_TEXT = 50_000

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true_false"
SHORT_TEXT, NUMERIC, ESSAY = "short_text", "numeric", "essay"
OBJECTIVE = frozenset({SINGLE, MULTIPLE, TRUE_FALSE, SHORT_TEXT, NUMERIC})

# Partial-credit rules for multiple-response items (the plan's choice; see the module docstring).
ITEM_WEIGHTS, ALL_OR_NOTHING, PROPORTIONAL = "item_weights", "all_or_nothing", "proportional"
MULTIPLE_RULES = (ITEM_WEIGHTS, ALL_OR_NOTHING, PROPORTIONAL)


class AnswerError(ValueError):
    """The answer does not have the shape its item kind takes; ``message`` is Vietnamese."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _position(value: Any, n_options: int) -> int:
    # bool is an int in Python: True must not pass for option 1.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < n_options:
        raise AnswerError("Phương án đã chọn không có trong câu hỏi.")
    return value


def _text(answer: Mapping[str, Any], limit: int) -> str:
    text = answer.get("text")
    if not isinstance(text, str):
        raise AnswerError("Câu trả lời phải là một đoạn chữ.")
    text = unicodedata.normalize("NFC", text)
    if len(text) > limit:
        raise AnswerError(f"Câu trả lời dài quá {limit:,} ký tự.".replace(",", "."))
    return text


def answer_clean(kind: str, answer: Any, *, n_options: int = 0) -> dict[str, Any]:
    """Return ``answer`` in its canonical shape for ``kind``, or raise ``AnswerError``."""
    if not isinstance(answer, Mapping):
        raise AnswerError("Câu trả lời không đúng định dạng.")
    if kind == SINGLE:
        choice = answer.get("choice")
        return {"choice": None if choice is None else _position(choice, n_options)}
    if kind == MULTIPLE:
        choices = answer.get("choices")
        if not isinstance(choices, list) or len(choices) > n_options:
            raise AnswerError("Các phương án đã chọn không đúng định dạng.")
        picked = sorted({_position(c, n_options) for c in choices})
        return {"choices": picked}
    if kind == TRUE_FALSE:
        value = answer.get("value")
        if value is not None and not isinstance(value, bool):
            raise AnswerError("Chỉ chọn Đúng hoặc Sai.")
        return {"value": value}
    if kind in (SHORT_TEXT, NUMERIC):
        return {"text": _text(answer, MAX_SHORT_TEXT)}
    if kind == ESSAY:
        return {"text": _text(answer, MAX_ESSAY_TEXT)}
    raise AnswerError("Loại câu hỏi không được hỗ trợ.")


def is_blank(kind: str, answer: Mapping[str, Any]) -> bool:
    """Return whether a (clean) answer gives nothing: a cleared choice or empty text."""
    if kind == SINGLE:
        return answer.get("choice") is None
    if kind == MULTIPLE:
        return not answer.get("choices")
    if kind == TRUE_FALSE:
        return answer.get("value") is None
    return not str(answer.get("text", "")).strip()


def _fold(text: str, case_sensitive: bool) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text if case_sensitive else text.casefold()


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text: str) -> float | None:
    """Return the number typed in ``text`` (``3,5`` and ``3.5`` alike), or None."""
    text = text.strip().replace(" ", "")
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", "."))
    return value if math.isfinite(value) else None


def _multiple_fraction(
    options: Sequence[Mapping[str, Any]], chosen: set[int], multiple_rule: str
) -> float:
    """Return the credit of the original option indexes ``chosen`` under ``multiple_rule``."""
    if multiple_rule not in MULTIPLE_RULES:
        raise ValueError(f"unknown multiple-response rule {multiple_rule!r}")
    if not chosen:
        return 0.0
    correct = {i for i, o in enumerate(options) if o.get("correct")}
    if multiple_rule == PROPORTIONAL:
        if not correct:
            return 0.0
        return max(0.0, (len(chosen & correct) - len(chosen - correct)) / len(correct))
    if multiple_rule == ITEM_WEIGHTS and any(o.get("fraction") for o in options):
        # Moodle/GIFT weights: the chosen options' credits add up, within 0…1.
        return max(0.0, min(1.0, sum(float(options[i].get("fraction", 0)) for i in chosen)))
    # All or nothing: exactly the correct set.
    return 1.0 if chosen == correct else 0.0


def answer_fraction(
    kind: str,
    content: Mapping[str, Any],
    answer: Mapping[str, Any],
    option_order: Sequence[int] | None = None,
    *,
    multiple_rule: str = ITEM_WEIGHTS,
) -> float:
    """Return the share of the item's points ``answer`` earns, 0…1 (essays: 0, marked later).

    ``option_order[p]`` is the original index of the option shown at position ``p``;
    ``multiple_rule`` is the plan's partial-credit rule for multiple-response items.
    """
    if kind in (SINGLE, MULTIPLE):
        options = content.get("options", [])
        order = list(option_order) if option_order is not None else list(range(len(options)))

        def original(position: int) -> Mapping[str, Any]:
            return options[order[position]]

        if kind == SINGLE:
            choice = answer.get("choice")
            if choice is None:
                return 0.0
            return 1.0 if original(choice).get("correct") else 0.0
        chosen = {order[p] for p in answer.get("choices", [])}
        return _multiple_fraction(options, chosen, multiple_rule)
    if kind == TRUE_FALSE:
        value = answer.get("value")
        return 0.0 if value is None else float(value == bool(content.get("truth")))
    if kind == SHORT_TEXT:
        given = _fold(answer.get("text", ""), bool(content.get("case_sensitive")))
        if not given:
            return 0.0
        credits = [
            float(a.get("fraction", 1.0))
            for a in content.get("answers", [])
            if _fold(a.get("text", ""), bool(content.get("case_sensitive"))) == given
        ]
        return max([0.0, *credits])
    if kind == NUMERIC:
        value = parse_number(answer.get("text", ""))
        if value is None:
            return 0.0
        credits = [
            float(a.get("fraction", 1.0))
            for a in content.get("numeric", [])
            if abs(value - float(a["value"])) <= float(a.get("tolerance", 0)) + 1e-9
        ]
        return max([0.0, *credits])
    return 0.0
