"""Every objective scoring rule, one test per item kind and partial-credit rule, with the exact
share of the item's points each answer earns (through a shuffled option order)."""

from __future__ import annotations

import pytest

from sathach.lib.scoring import (
    ALL_OR_NOTHING,
    ITEM_WEIGHTS,
    MULTIPLE_RULES,
    PROPORTIONAL,
    answer_fraction,
)


def _options(*flags: bool, fractions: tuple[float, ...] | None = None) -> dict:
    fractions = fractions or tuple(0.0 for _ in flags)
    return {
        "options": [
            {"text": f"Phương án {i}", "correct": c, "fraction": f}
            for i, (c, f) in enumerate(zip(flags, fractions, strict=True))
        ]
    }


# Three right options (0, 2, 4) of five; shown reversed: position p shows option 4 - p.
THREE_OF_FIVE = _options(True, False, True, False, True)
REVERSED = [4, 3, 2, 1, 0]
# Moodle-style weights: two right at 0.5 each, two wrong at -1.
WEIGHTED = _options(True, True, False, False, fractions=(0.5, 0.5, -1.0, -1.0))


def _multiple(content: dict, originals: list[int], rule: str, order: list[int] | None = None):
    order = order or list(range(len(content["options"])))
    shown = [order.index(i) for i in originals]
    return answer_fraction("multiple", content, {"choices": shown}, order, multiple_rule=rule)


def test_single_choice_is_right_or_wrong_through_the_shown_order():
    content = _options(False, False, True, False)
    order = [2, 0, 3, 1]  # the key (option 2) is shown first
    assert answer_fraction("single", content, {"choice": 0}, order) == 1.0
    assert answer_fraction("single", content, {"choice": 2}, order) == 0.0
    assert answer_fraction("single", content, {"choice": None}, order) == 0.0
    # The multiple-response rule never touches a single-choice item.
    assert (
        answer_fraction("single", content, {"choice": 0}, order, multiple_rule=PROPORTIONAL) == 1.0
    )


@pytest.mark.parametrize(
    ("originals", "fraction"),
    [([0, 1], 1.0), ([0], 0.5), ([1, 2], 0.0), ([0, 1, 3], 0.0), ([], 0.0)],
)
def test_multiple_item_weights_add_the_chosen_options_within_0_and_1(originals, fraction):
    assert _multiple(WEIGHTED, originals, ITEM_WEIGHTS, [3, 1, 0, 2]) == fraction


@pytest.mark.parametrize(
    ("originals", "fraction"), [([0, 2, 4], 1.0), ([0, 2], 0.0), ([0, 1, 2, 4], 0.0)]
)
def test_multiple_item_weights_without_weights_is_all_or_nothing(originals, fraction):
    assert _multiple(THREE_OF_FIVE, originals, ITEM_WEIGHTS, REVERSED) == fraction


@pytest.mark.parametrize(
    ("content", "originals", "fraction"),
    [
        (THREE_OF_FIVE, [0, 2, 4], 1.0),
        (THREE_OF_FIVE, [4, 2], 0.0),
        (THREE_OF_FIVE, [0, 1, 2, 3, 4], 0.0),
        (WEIGHTED, [0, 1], 1.0),
        (WEIGHTED, [0], 0.0),  # the item's weights are ignored
        (WEIGHTED, [], 0.0),
    ],
)
def test_multiple_all_or_nothing_wants_exactly_the_right_set(content, originals, fraction):
    assert _multiple(content, originals, ALL_OR_NOTHING, REVERSED[-len(content["options"]) :]) == (
        fraction
    )


@pytest.mark.parametrize(
    ("originals", "fraction"),
    [
        ([0, 2, 4], 1.0),
        ([0, 2], 2 / 3),
        ([4], 1 / 3),
        ([0, 2, 1], 1 / 3),  # two right, one wrong
        ([0, 2, 4, 1], 2 / 3),
        ([0, 1, 2, 3, 4], 1 / 3),  # everything: three right minus two wrong
        ([0, 1, 3], 0.0),  # one right minus two wrong, floored at 0
        ([1], 0.0),
        ([], 0.0),
    ],
)
def test_multiple_proportional_is_right_minus_wrong_over_the_right_count(originals, fraction):
    assert _multiple(THREE_OF_FIVE, originals, PROPORTIONAL, REVERSED) == fraction


def test_multiple_proportional_ignores_the_items_weights():
    assert _multiple(WEIGHTED, [0], PROPORTIONAL) == 0.5
    assert _multiple(WEIGHTED, [0, 1, 2], PROPORTIONAL) == 0.5
    assert _multiple(_options(False, False), [0], PROPORTIONAL) == 0.0  # no right option


def test_an_unknown_multiple_rule_is_a_programming_error():
    assert set(MULTIPLE_RULES) == {ITEM_WEIGHTS, ALL_OR_NOTHING, PROPORTIONAL}
    with pytest.raises(ValueError, match="unknown multiple-response rule"):
        _multiple(WEIGHTED, [0], "half")


@pytest.mark.parametrize(
    ("truth", "value", "fraction"),
    [(True, True, 1.0), (True, False, 0.0), (False, False, 1.0), (False, None, 0.0)],
)
def test_true_false_is_right_or_wrong(truth, value, fraction):
    assert answer_fraction("true_false", {"truth": truth}, {"value": value}) == fraction


SHORT = {
    "answers": [
        {"text": "Hà Nội", "fraction": 1.0},
        {"text": "Thủ đô Hà Nội", "fraction": 1.0},
        {"text": "Thăng Long", "fraction": 0.5},
    ],
    "case_sensitive": False,
}


@pytest.mark.parametrize(
    ("text", "fraction"),
    [
        ("hà nội", 1.0),
        ("  Thủ   đô Hà Nội ", 1.0),
        ("Thăng Long", 0.5),
        ("Hà Nam", 0.0),
        ("", 0.0),
    ],
)
def test_short_text_gives_the_best_matching_answers_credit(text, fraction):
    assert answer_fraction("short_text", SHORT, {"text": text}) == fraction


def test_short_text_case_sensitive_wants_the_exact_case():
    content = {**SHORT, "case_sensitive": True}
    assert answer_fraction("short_text", content, {"text": "Hà Nội"}) == 1.0
    assert answer_fraction("short_text", content, {"text": "hà nội"}) == 0.0


NUMERIC = {
    "numeric": [
        {"value": 2.5, "tolerance": 0.05, "fraction": 1.0},
        {"value": 2.5, "tolerance": 0.5, "fraction": 0.25},
    ]
}


@pytest.mark.parametrize(
    ("text", "fraction"),
    [
        ("2,5", 1.0),
        ("2.55", 1.0),  # on the tolerance
        ("2,56", 0.25),  # only within the wider band
        ("3", 0.25),
        ("3.01", 0.0),
        ("hai phẩy năm", 0.0),
    ],
)
def test_numeric_gives_the_best_band_containing_the_number(text, fraction):
    assert answer_fraction("numeric", NUMERIC, {"text": text}) == fraction


def test_essay_is_never_scored_here():
    assert answer_fraction("essay", {}, {"text": "Bài viết dài."}) == 0.0
