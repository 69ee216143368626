"""Aiken: single-choice questions are read, faults are reported with their line, and writing
then reading gives back the same items."""

from __future__ import annotations

import codecs
import dataclasses
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sathach.lib.formats import aiken
from sathach.lib.formats.items import (
    Issue,
    ItemData,
    ItemFormatError,
    Kind,
    OptionData,
    ParseResult,
    validate_item,
)

SAMPLE = Path(__file__).resolve().parents[4] / "docs" / "formats" / "samples" / "sample.aiken.txt"

QUESTION = """\
Theo Luật Cán bộ, công chức, công chức được tuyển dụng qua hình thức nào?
A. Bầu cử
B) Thi tuyển hoặc xét tuyển
C. Bổ nhiệm theo nhiệm kỳ
ANSWER: B
"""


def parse(text: str) -> ParseResult:
    return aiken.parse(text.encode("utf-8"))


def test_question_with_lettered_options_and_answer_line_is_single_choice() -> None:
    result = parse(QUESTION)
    assert result.errors == []
    assert result.items == [
        ItemData(
            kind=Kind.SINGLE,
            stem="Theo Luật Cán bộ, công chức, công chức được tuyển dụng qua hình thức nào?",
            options=[
                OptionData("Bầu cử", False, 0.0),
                OptionData("Thi tuyển hoặc xét tuyển", True, 1.0),
                OptionData("Bổ nhiệm theo nhiệm kỳ", False, 0.0),
            ],
            location="dòng 1",
        )
    ]


def test_aiken_has_no_topic_and_no_difficulty() -> None:
    item = parse(QUESTION).items[0]
    assert (item.topic_path, item.difficulty) == ((), None)


def test_question_text_may_span_lines_joined_by_line_breaks() -> None:
    item = parse("Theo Luật Cán bộ, công chức,\n  cán bộ là gì?\nA. X\nB. Y\nANSWER: a\n").items[0]
    assert item.stem == "Theo Luật Cán bộ, công chức,<br>cán bộ là gì?"
    assert item.correct_options() == [0]


def test_plain_text_characters_special_to_html_become_entities() -> None:
    item = parse("Nếu x < 5 & y > 2?\nA. x <b>\nB. y\nANSWER: A\n").items[0]
    assert item.stem == "Nếu x &lt; 5 &amp; y &gt; 2?"
    assert item.options[0].text == "x &lt;b&gt;"


def test_blank_lines_and_windows_line_ends_are_ignored_and_questions_located() -> None:
    text = (
        "\r\n\r\nCâu 1?\r\n\r\nA. a\r\nB. b\r\n\r\nANSWER: B\r\n"
        "\r\nCâu 2?\r\nA) c\r\nB) d\r\nANSWER: A"
    )
    result = parse(text)
    assert [(i.stem, i.correct_options(), i.location) for i in result.items] == [
        ("Câu 1?", [1], "dòng 3"),
        ("Câu 2?", [0], "dòng 10"),
    ]


def test_answer_pointing_to_a_missing_option_is_an_error_with_its_line() -> None:
    result = parse("Câu hỏi?\nA. a\nB. b\nC. c\nD. d\n\nANSWER: E\n")
    assert result.items == []
    assert result.errors == [Issue("dòng 7", "đáp án “E” không có trong các phương án")]
    assert str(result.errors[0]) == "dòng 7: đáp án “E” không có trong các phương án"


def test_answer_that_is_not_one_letter_is_an_error() -> None:
    assert parse("Câu?\nA. a\nB. b\nANSWER: AB\n").errors == [
        Issue("dòng 4", "dòng ANSWER phải ghi một chữ cái (A, B, C...), không phải “AB”")
    ]


def test_missing_answer_line_is_an_error_at_the_question_line() -> None:
    result = parse("Câu 1?\nA. a\nB. b\n\nCâu 2?\nA. c\nB. d\nANSWER: B\n\nCâu 3?\nA. e\nB. f\n")
    assert [item.stem for item in result.items] == ["Câu 2?"]
    assert result.errors == [
        Issue("dòng 1", "thiếu dòng “ANSWER:” ghi đáp án"),
        Issue("dòng 10", "thiếu dòng “ANSWER:” ghi đáp án"),
    ]


def test_fewer_than_two_options_is_an_error() -> None:
    assert parse("Câu?\nA. a\nANSWER: A\n").errors == [
        Issue("dòng 1", "câu hỏi trắc nghiệm cần ít nhất 2 phương án")
    ]


def test_options_out_of_order_are_an_error_at_the_option_line() -> None:
    assert parse("Câu?\nA. a\nC. c\nB. b\nANSWER: A\n").errors == [
        Issue("dòng 3", "phương án “C” sai thứ tự: ở đây phải là “B”"),
        Issue("dòng 4", "phương án “B” sai thứ tự: ở đây phải là “C”"),
    ]


def test_answer_line_without_a_question_is_an_error() -> None:
    assert parse("ANSWER: A\n").errors == [
        Issue("dòng 1", "dòng “ANSWER:” không thuộc câu hỏi nào")
    ]


def test_empty_option_is_an_error() -> None:
    assert parse("Câu?\nA.\nB. b\nANSWER: B\n").errors == [Issue("dòng 1", "có phương án để trống")]


def test_first_line_looking_like_an_option_is_question_text() -> None:
    item = parse("A. Lincoln là ai?\nA. Tổng thống\nB. Nhà văn\nANSWER: A\n").items[0]
    assert item.stem == "A. Lincoln là ai?"


def test_faulty_question_is_left_out_and_the_others_kept() -> None:
    result = parse(QUESTION + "\nCâu lỗi?\nA. a\nB. b\nANSWER: F\n\n" + QUESTION)
    assert len(result.items) == 2
    assert result.errors == [Issue("dòng 10", "đáp án “F” không có trong các phương án")]


def test_utf8_bom_is_accepted() -> None:
    assert len(aiken.parse(codecs.BOM_UTF8 + QUESTION.encode()).items) == 1


def test_bytes_that_are_not_text_are_refused() -> None:
    with pytest.raises(ItemFormatError) as caught:
        aiken.parse(b"Cau?\nA. a\xff\x81\xfe\n")
    assert caught.value.location == "dòng 2"
    assert caught.value.message == (
        "Tệp không phải văn bản UTF-8: byte không hợp lệ ở vị trí 9 (dòng 2). "
        "Hãy lưu lại tệp với bảng mã UTF-8."
    )


def test_sample_file_reads_without_errors() -> None:
    result = aiken.parse(SAMPLE.read_bytes())
    assert (result.errors, result.warnings) == ([], [])
    assert len(result.items) == 5
    assert result.items[2].stem == (
        "Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019),<br>"
        "việc tuyển dụng công chức được thực hiện thông qua hình thức nào?"
    )


# --- Writing ----------------------------------------------------------------------------------


def test_write_gives_question_lines_lettered_options_and_answer() -> None:
    item = ItemData(
        kind=Kind.SINGLE,
        stem="<p>Dòng 1 &amp; <b>2</b><br>dòng 3</p>",
        options=[OptionData("Bầu cử"), OptionData("Thi<br>tuyển", True, 1.0)],
    )
    assert aiken.write([item, item]).decode("utf-8") == (
        "Dòng 1 & 2\ndòng 3\nA. Bầu cử\nB. Thi tuyển\nANSWER: B\n"
        "\n"
        "Dòng 1 & 2\ndòng 3\nA. Bầu cử\nB. Thi tuyển\nANSWER: B\n"
    )


def test_write_refuses_other_kinds_naming_the_item() -> None:
    items = [
        ItemData(kind=Kind.SINGLE, stem="Câu 1?", options=[OptionData("a", True), OptionData("b")]),
        ItemData(kind=Kind.TRUE_FALSE, stem="Quốc hội có nhiệm kỳ 5 năm.", truth=True),
    ]
    with pytest.raises(ValueError) as caught:
        aiken.write(items)
    assert str(caught.value) == (
        "Aiken chỉ chứa câu hỏi một lựa chọn: câu 2 (“Quốc hội có nhiệm kỳ 5 năm.”) "
        "là loại “true_false”"
    )


def test_write_refuses_an_item_without_exactly_one_key() -> None:
    item = ItemData(kind=Kind.SINGLE, stem="Câu?", title="Q1", options=[OptionData("a")])
    with pytest.raises(ValueError) as caught:
        aiken.write([item])
    assert str(caught.value) == "Aiken cần đúng một đáp án đúng: câu 1 (“Q1”) có 0"


def test_write_refuses_more_than_26_options() -> None:
    options = [OptionData(str(i), i == 0) for i in range(27)]
    with pytest.raises(ValueError) as caught:
        aiken.write([ItemData(kind=Kind.SINGLE, stem="Câu?", options=options)])
    assert str(caught.value) == "Aiken ghi được tối đa 26 phương án (A–Z): câu 1 (“Câu?”) có 27"


def test_write_refuses_a_question_line_that_would_read_as_an_option() -> None:
    item = ItemData(
        kind=Kind.SINGLE,
        stem="Chọn:<br>B. phương án trong câu hỏi",
        options=[OptionData("a", True), OptionData("b")],
    )
    with pytest.raises(ValueError) as caught:
        aiken.write([item])
    assert str(caught.value) == (
        "câu 1 (“Chọn: B. phương án trong câu hỏi”): "
        "dòng “B. phương án trong câu hỏi” sẽ bị đọc thành phương án hoặc dòng ANSWER"
    )


def test_sample_file_round_trips() -> None:
    items = aiken.parse(SAMPLE.read_bytes()).items
    again = aiken.parse(aiken.write(items)).items
    assert [strip_location(i) for i in again] == [strip_location(i) for i in items]


# --- Properties -------------------------------------------------------------------------------

LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
ALPHABET = LETTERS + LETTERS.upper() + "0123456789 .,?():;-–&<>\"'%/"
OPTION_OR_ANSWER = re.compile(r"[A-Z][.)](?:\s.*)?|ANSWER:.*")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def strip_location(item: ItemData) -> ItemData:
    return dataclasses.replace(item, location="")


lines = st.text(ALPHABET, min_size=1, max_size=30).map(nfc).filter(bool)
later_lines = lines.filter(lambda line: not OPTION_OR_ANSWER.fullmatch(line))


@st.composite
def single_choice_items(draw: st.DrawFn) -> ItemData:
    stem_lines = [draw(lines.filter(lambda line: not line.startswith("ANSWER:")))]
    stem_lines += draw(st.lists(later_lines, max_size=2))
    count = draw(st.integers(2, 6))
    key = draw(st.integers(0, count - 1))
    return ItemData(
        kind=Kind.SINGLE,
        stem="<br>".join(html(line) for line in stem_lines),
        options=[
            OptionData(html(draw(lines)), i == key, 1.0 if i == key else 0.0) for i in range(count)
        ],
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(single_choice_items(), min_size=1, max_size=4))
def test_write_then_parse_gives_back_the_same_items(originals: list[ItemData]) -> None:
    assert all(validate_item(item) == [] for item in originals)
    result = aiken.parse(aiken.write(originals))
    assert result.errors == []
    assert [strip_location(item) for item in result.items] == originals


def assert_clean(result: ParseResult) -> None:
    assert all(issue.location.startswith("dòng ") for issue in result.errors)
    for item in result.items:
        assert item.kind == Kind.SINGLE
        assert validate_item(item) == []
        texts = [item.stem, *(option.text for option in item.options)]
        assert all(unicodedata.is_normalized("NFC", text) for text in texts)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_parses_without_exception(text: str) -> None:
    try:
        result = aiken.parse(text.encode("utf-8"))
    except ItemFormatError:
        return
    assert_clean(result)


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_any_bytes_parse_or_raise_only_item_format_error(data: bytes) -> None:
    try:
        result = aiken.parse(data)
    except ItemFormatError:
        return
    assert_clean(result)


PIECES = [
    "Câu hỏi?", "A. ", "B) ", "C. ", "Z. ", "a. ", "A.", "ANSWER: ", "ANSWER:", "A", "B", "E",
    "AB", "\n", "\n\n", "\r\n", " ", "Quốc hội", "&", "<", "\u0301",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_corrupted_aiken_parses_without_exception(text: str) -> None:
    assert_clean(aiken.parse(text.encode("utf-8")))
