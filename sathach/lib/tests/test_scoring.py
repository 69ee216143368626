"""Answer shapes and scoring of one item (sathach.lib.scoring)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sathach.lib.scoring import (
    AnswerError,
    answer_clean,
    answer_fraction,
    is_blank,
    parse_number,
)

SINGLE = {
    "options": [
        {"text": "A", "correct": False, "fraction": 0},
        {"text": "B", "correct": True, "fraction": 1},
        {"text": "C", "correct": False, "fraction": 0},
    ]
}
WEIGHTED = {
    "options": [
        {"text": "A", "correct": True, "fraction": 0.5},
        {"text": "B", "correct": True, "fraction": 0.5},
        {"text": "C", "correct": False, "fraction": -1},
    ]
}
UNWEIGHTED = {
    "options": [
        {"text": "A", "correct": True, "fraction": 0},
        {"text": "B", "correct": True, "fraction": 0},
        {"text": "C", "correct": False, "fraction": 0},
    ]
}


def test_single_choice_is_scored_through_the_shown_option_order():
    # Shown order [2, 1, 0]: position 1 shows original option 1 (the key).
    assert answer_fraction("single", SINGLE, {"choice": 1}, [2, 1, 0]) == 1.0
    # Shown order [1, 0, 2]: the key is at position 0; position 1 is original A.
    assert answer_fraction("single", SINGLE, {"choice": 0}, [1, 0, 2]) == 1.0
    assert answer_fraction("single", SINGLE, {"choice": 1}, [1, 0, 2]) == 0.0
    assert answer_fraction("single", SINGLE, {"choice": None}, None) == 0.0


def test_multiple_response_adds_weights_within_zero_and_one():
    assert answer_fraction("multiple", WEIGHTED, {"choices": [0, 1]}, None) == 1.0
    assert answer_fraction("multiple", WEIGHTED, {"choices": [0]}, None) == 0.5
    assert answer_fraction("multiple", WEIGHTED, {"choices": [0, 2]}, None) == 0.0
    assert answer_fraction("multiple", WEIGHTED, {"choices": []}, None) == 0.0


def test_multiple_response_without_weights_is_all_or_nothing():
    assert answer_fraction("multiple", UNWEIGHTED, {"choices": [1, 0]}, [1, 0, 2]) == 1.0
    assert answer_fraction("multiple", UNWEIGHTED, {"choices": [0]}, None) == 0.0
    assert answer_fraction("multiple", UNWEIGHTED, {"choices": [0, 1, 2]}, None) == 0.0


def test_true_false_short_text_and_numeric():
    assert answer_fraction("true_false", {"truth": False}, {"value": False}) == 1.0
    assert answer_fraction("true_false", {"truth": False}, {"value": None}) == 0.0
    short = {"answers": [{"text": "Hà Nội", "fraction": 1.0}], "case_sensitive": False}
    # Case, spacing and composed/decomposed diacritics do not matter.
    assert answer_fraction("short_text", short, {"text": "  hà   NỘI "}) == 1.0
    assert answer_fraction("short_text", short, {"text": "Ha\u0300 No\u0323\u0302i"}) == 1.0
    assert answer_fraction("short_text", short, {"text": "Hà Nam"}) == 0.0
    numeric = {"numeric": [{"value": 2.5, "tolerance": 0.1, "fraction": 1.0}]}
    assert answer_fraction("numeric", numeric, {"text": "2,45"}) == 1.0
    assert answer_fraction("numeric", numeric, {"text": "2.7"}) == 0.0
    assert answer_fraction("numeric", numeric, {"text": "hai"}) == 0.0
    assert answer_fraction("essay", {}, {"text": "Bài viết dài."}) == 0.0


def test_parse_number_accepts_both_decimal_marks_only():
    assert parse_number("3,5") == 3.5
    assert parse_number(" -0.25 ") == -0.25
    assert parse_number("1e9") is None
    assert parse_number("nan") is None
    assert parse_number("") is None


@pytest.mark.parametrize(
    ("kind", "answer", "n", "message"),
    [
        ("single", {"choice": 3}, 3, "Phương án đã chọn không có trong câu hỏi."),
        ("single", {"choice": True}, 3, "Phương án đã chọn không có trong câu hỏi."),
        ("single", {"choice": "1"}, 3, "Phương án đã chọn không có trong câu hỏi."),
        ("multiple", {"choices": 1}, 3, "Các phương án đã chọn không đúng định dạng."),
        ("multiple", {"choices": [0, 1, 2, 0]}, 3, "Các phương án đã chọn không đúng định dạng."),
        ("true_false", {"value": "true"}, 2, "Chỉ chọn Đúng hoặc Sai."),
        ("short_text", {"text": 5}, 0, "Câu trả lời phải là một đoạn chữ."),
        ("short_text", {"text": "x" * 501}, 0, "Câu trả lời dài quá 500 ký tự."),
        ("essay", {"text": "x" * 50_001}, 0, "Câu trả lời dài quá 50.000 ký tự."),
        ("single", [1], 3, "Câu trả lời không đúng định dạng."),
        ("drawing", {}, 0, "Loại câu hỏi không được hỗ trợ."),
    ],
)
def test_malformed_answers_are_refused_with_a_message(kind, answer, n, message):
    with pytest.raises(AnswerError) as caught:
        answer_clean(kind, answer, n_options=n)
    assert caught.value.message == message


def test_clean_answers_are_canonical_and_nfc():
    assert answer_clean("multiple", {"choices": [2, 0, 2]}, n_options=3) == {"choices": [0, 2]}
    assert answer_clean("essay", {"text": "Ha\u0300 No\u0323\u0302i", "x": 1}) == {"text": "Hà Nội"}
    assert is_blank("single", {"choice": None}) and not is_blank("single", {"choice": 0})


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@given(
    kind=st.sampled_from(["single", "multiple", "true_false", "short_text", "numeric", "essay"]),
    answer=st.dictionaries(st.sampled_from(["choice", "choices", "value", "text"]), _json) | _json,
    n=st.integers(min_value=0, max_value=6),
)
def test_any_json_is_either_cleaned_and_scorable_or_refused(kind, answer, n):
    try:
        clean = answer_clean(kind, answer, n_options=n)
    except AnswerError:
        return
    content = {
        "options": [{"text": str(i), "correct": i == 0, "fraction": 0} for i in range(n)],
        "truth": True,
        "answers": [{"text": "a"}],
        "numeric": [{"value": 1, "tolerance": 0}],
    }
    assert 0.0 <= answer_fraction(kind, content, clean, list(range(n))) <= 1.0
