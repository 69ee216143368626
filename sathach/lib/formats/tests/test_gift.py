"""GIFT: every question kind is read, faults are reported with their line, and writing then
reading gives back the same items."""

from __future__ import annotations

import codecs
import dataclasses
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sathach.lib.formats import gift
from sathach.lib.formats.items import (
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

SAMPLE = Path(__file__).resolve().parents[4] / "docs" / "formats" / "samples" / "sample.gift.txt"


def parse(text: str) -> ParseResult:
    return gift.parse(text.encode("utf-8"))


def only_item(text: str) -> ItemData:
    result = parse(text)
    assert result.errors == []
    assert len(result.items) == 1
    return result.items[0]


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese the way Windows-1258 does: base letter, then a combining tone mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


# --- Question kinds ---------------------------------------------------------------------------


def test_equals_answer_makes_single_choice_keeping_feedback_and_partial_credit() -> None:
    item = only_item(
        "Cán bộ là gì? {\n"
        "  =Công dân được bầu cử, phê chuẩn, bổ nhiệm#Đúng theo Điều 4\n"
        "  ~Người lao động theo hợp đồng#Sai\n"
        "  ~%50%Người giữ chức vụ theo nhiệm kỳ\n"
        "}"
    )
    assert item.kind == Kind.SINGLE
    assert item.stem == "Cán bộ là gì?"
    assert item.options == [
        OptionData("Công dân được bầu cử, phê chuẩn, bổ nhiệm", True, 1.0, "Đúng theo Điều 4"),
        OptionData("Người lao động theo hợp đồng", False, 0.0, "Sai"),
        OptionData("Người giữ chức vụ theo nhiệm kỳ", False, 0.5, ""),
    ]


def test_weighted_answers_without_equals_make_multiple_response() -> None:
    item = only_item("Chọn các mức xếp loại: {~%50%Xuất sắc ~%50%Tốt ~%-100%Trung bình}")
    assert item.kind == Kind.MULTIPLE
    assert [(o.text, o.correct, o.fraction) for o in item.options] == [
        ("Xuất sắc", True, 0.5),
        ("Tốt", True, 0.5),
        ("Trung bình", False, -1.0),
    ]


def test_weighted_answers_with_one_positive_weight_stay_multiple_response() -> None:
    # Moodle reads a block without '=' as multiple response, whatever the count of keys.
    item = only_item("Chọn: {~%100%Quốc hội ~%-50%Chính phủ ~Tòa án}")
    assert item.kind == Kind.MULTIPLE
    assert item.correct_options() == [0]


@pytest.mark.parametrize(
    ("answer", "truth"),
    [("T", True), ("TRUE", True), ("true", True), ("F", False), ("FALSE", False), ("f", False)],
)
def test_true_false_accepts_t_true_f_false(answer: str, truth: bool) -> None:
    item = only_item(f"Quốc hội có nhiệm kỳ 5 năm. {{{answer}}}")
    assert (item.kind, item.truth) == (Kind.TRUE_FALSE, truth)


def test_true_false_answer_feedback_is_dropped_with_a_warning() -> None:
    result = parse("Đảng lãnh đạo Nhà nước. {T#Sai rồi#Đúng####Điều 4 Hiến pháp}")
    assert result.items[0].truth is True
    assert result.items[0].general_feedback == "Điều 4 Hiến pháp"
    assert result.warnings == [
        Issue("dòng 1", "phản hồi theo đáp án của câu đúng/sai không được lưu")
    ]


def test_true_false_with_empty_feedback_gives_no_warning() -> None:
    assert parse("Đảng lãnh đạo Nhà nước. {TRUE##}").warnings == []


def test_short_answer_keeps_every_accepted_answer_with_weight_and_feedback() -> None:
    item = only_item("Cơ quan quyền lực nhà nước cao nhất? {=Quốc hội =%50%QH#Viết đầy đủ}")
    assert item.kind == Kind.SHORT_TEXT
    assert item.answers == [
        ShortAnswerData("Quốc hội", 1.0, ""),
        ShortAnswerData("QH", 0.5, "Viết đầy đủ"),
    ]


def test_numeric_answer_with_tolerance() -> None:
    item = only_item("Số pi? {#3.14:0.01}")
    assert item.kind == Kind.NUMERIC
    assert item.numeric == [NumericAnswerData(3.14, 0.01, 1.0, "")]


def test_numeric_range_becomes_midpoint_and_half_width() -> None:
    assert only_item("Tuổi? {#2..4}").numeric == [NumericAnswerData(3.0, 1.0)]


def test_numeric_block_may_list_several_weighted_answers() -> None:
    item = only_item("Nhiệm kỳ? {# =5:0#Đúng =%50%4:0 }")
    assert item.numeric == [
        NumericAnswerData(5.0, 0.0, 1.0, "Đúng"),
        NumericAnswerData(4.0, 0.0, 0.5, ""),
    ]


def test_numeric_wrong_answer_feedback_is_dropped_with_a_warning() -> None:
    result = parse("Nhiệm kỳ? {#=5:0 ~#Sai}")
    assert result.items[0].numeric == [NumericAnswerData(5.0, 0.0)]
    assert result.warnings == [
        Issue("dòng 1", "phản hồi cho đáp án sai (sau “~”) của câu hỏi số không được lưu")
    ]


def test_empty_answer_block_is_an_essay_and_four_hashes_give_general_feedback() -> None:
    item = only_item("Trình bày các nguyên tắc thi hành công vụ. {####Xem Điều 3}")
    assert item.kind == Kind.ESSAY
    assert item.general_feedback == "Xem Điều 3"


def test_general_feedback_of_a_choice_question() -> None:
    item = only_item("Câu? {=Đúng ~Sai ####Giải thích chung}")
    assert item.general_feedback == "Giải thích chung"
    assert [o.text for o in item.options] == ["Đúng", "Sai"]


def test_title_is_read_apart_from_the_stem() -> None:
    item = only_item("::CBCC-01 Khái niệm::Cán bộ là gì? {=Được bầu ~Được tuyển}")
    assert (item.title, item.stem) == ("CBCC-01 Khái niệm", "Cán bộ là gì?")


def test_escaped_special_characters_are_text() -> None:
    item = only_item(
        "::Tỷ lệ 1\\:2::Chọn \\{a\\} \\~ \\= \\# \\\\ {=x \\= 1\\#2#phản hồi \\~ ~y\\:z}"
    )
    assert item.title == "Tỷ lệ 1:2"
    assert item.stem == "Chọn {a} ~ = # \\"
    assert item.options == [
        OptionData("x = 1#2", True, 1.0, "phản hồi ~"),
        OptionData("y:z", False, 0.0, ""),
    ]


def test_comment_lines_are_ignored_even_inside_a_question() -> None:
    item = only_item("// câu hỏi đầu\nCâu? {\n// chú thích\n=Đúng\n~Sai\n}")
    assert [o.text for o in item.options] == ["Đúng", "Sai"]


def test_questions_are_separated_by_blank_lines_and_located_by_their_first_line() -> None:
    result = parse("// đầu tệp\n\nCâu 1? {T}\n\n\n// chú thích\nCâu 2? {F}\n")
    assert [(i.stem, i.location) for i in result.items] == [
        ("Câu 1?", "dòng 3"),
        ("Câu 2?", "dòng 7"),
    ]


def test_line_breaks_of_the_default_format_become_br() -> None:
    assert only_item("Theo Luật Cán bộ, công chức,\ncán bộ là gì? {}").stem == (
        "Theo Luật Cán bộ, công chức,<br>cán bộ là gì?"
    )


# --- Categories and [sathach] comments --------------------------------------------------------


def test_category_sets_the_topic_path_of_the_questions_after_it() -> None:
    result = parse(
        "Câu 0? {T}\n\n"
        "$CATEGORY: $course$/top/Hệ thống chính trị/Luật Cán bộ, công chức\n\n"
        "Câu 1? {T}\n\n"
        "Câu 2? {F}\n\n"
        "$CATEGORY: Văn bản//Nghị định\n"
        "Câu 3? {T}\n"
    )
    assert [i.topic_path for i in result.items] == [
        (),
        ("Hệ thống chính trị", "Luật Cán bộ, công chức"),
        ("Hệ thống chính trị", "Luật Cán bộ, công chức"),
        ("Văn bản/Nghị định",),
    ]


def test_sathach_comments_set_difficulty_points_shuffle_source_guide_and_moodle_id() -> None:
    item = only_item(
        "// [sathach] difficulty=khó\n"
        "// [sathach] points=2.5\n"
        "// [sathach] shuffle=false\n"
        "// [sathach] source=Điều 3 Luật Cán bộ, công chức\n"
        "// [sathach] guide=Ý 1\\nÝ 2 \\\\ hết\n"
        "// [id:CBCC-003]\n"
        "Trình bày nguyên tắc thi hành công vụ. {}"
    )
    assert item.difficulty == Difficulty.HARD
    assert item.points == 2.5
    assert item.shuffle is False
    assert item.source == "Điều 3 Luật Cán bộ, công chức"
    assert item.essay_guide == "Ý 1\nÝ 2 \\ hết"
    assert item.external_id == "CBCC-003"
    assert item.location == "dòng 7"


def test_sathach_comment_sets_case_sensitive_short_answer() -> None:
    item = only_item("// [sathach] case_sensitive=true\nViết tắt? {=UBND}")
    assert item.case_sensitive is True


def test_bad_sathach_values_are_errors_on_their_own_lines_and_leave_the_question_out() -> None:
    result = parse(
        "// [sathach] difficulty=rất khó\n"
        "// [sathach] points=hai\n"
        "// [sathach] shuffle=không\n"
        "// [sathach] nguồn\n"
        "Câu? {T}"
    )
    assert result.items == []
    assert result.errors == [
        Issue("dòng 1", "độ khó “rất khó” không hợp lệ (dùng easy, medium hoặc hard)"),
        Issue("dòng 2", "số điểm “hai” không hợp lệ"),
        Issue("dòng 3", "giá trị “không” của “shuffle” phải là true hoặc false"),
        Issue("dòng 4", "chú thích “[sathach]” phải có dạng “[sathach] khoá=giá trị”"),
    ]


def test_unknown_sathach_key_is_a_warning() -> None:
    result = parse("// [sathach] tác_giả=An\nCâu? {T}")
    assert len(result.items) == 1
    assert result.warnings == [
        Issue("dòng 1", "khoá “tác_giả” trong chú thích [sathach] không được hỗ trợ nên bị bỏ qua")
    ]


def test_sathach_comment_separated_from_its_question_by_a_blank_line_is_ignored() -> None:
    result = parse("// [sathach] difficulty=easy\n\nCâu? {T}")
    assert result.items[0].difficulty is None
    assert result.warnings == [
        Issue("dòng 1", "chú thích “[sathach]” không đứng ngay trước câu hỏi nào nên bị bỏ qua")
    ]


# --- Text formats -----------------------------------------------------------------------------


def test_html_format_is_kept_as_it_is() -> None:
    item = only_item("[html]<p>Cán bộ <b>là</b> gì?</p>\n<p>Chọn một.</p> {=<i>A</i> ~B}")
    assert item.stem == "<p>Cán bộ <b>là</b> gì?</p>\n<p>Chọn một.</p>"
    assert item.options[0].text == "<i>A</i>"


def test_plain_format_escapes_html_characters() -> None:
    item = only_item("::T::[plain]Nếu x < 5 & y > 2\nthì? {=<b> ~c}")
    assert item.stem == "Nếu x &lt; 5 &amp; y &gt; 2<br>thì?"
    assert item.options[0].text == "&lt;b&gt;"


def test_markdown_format_keeps_bold_and_italic_only() -> None:
    item = only_item("[markdown]Chọn **một** đáp án *đúng* <nhất> {T}")
    assert item.stem == "Chọn <strong>một</strong> đáp án <em>đúng</em> &lt;nhất&gt;"


def test_image_reference_is_kept_with_a_warning_that_the_image_is_missing() -> None:
    result = parse('[html]Biểu đồ <img src\\="asset\\:bieu-do.png"> cho thấy? {T}')
    assert result.items[0].stem == 'Biểu đồ <img src="asset:bieu-do.png"> cho thấy?'
    assert result.warnings == [
        Issue(
            "dòng 1",
            "câu hỏi có ảnh nhưng tệp GIFT không chứa tệp ảnh: cần thêm lại ảnh sau khi nhập",
        )
    ]


# --- Skipped types ----------------------------------------------------------------------------


def test_matching_question_is_skipped_and_counted() -> None:
    result = parse("Ghép cơ quan với chức năng. {=Quốc hội -> lập pháp =Chính phủ -> hành pháp}")
    assert result.items == []
    assert result.skipped == {"matching": 1}
    assert result.warnings == [
        Issue("dòng 1", "bỏ qua câu hỏi loại “matching” (Sát Hạch không hỗ trợ)")
    ]


def test_answer_block_inside_a_sentence_is_skipped_as_missing_word() -> None:
    result = parse("Quốc hội {=là ~không là} cơ quan quyền lực nhà nước cao nhất.")
    assert result.items == []
    assert result.skipped == {"missing word": 1}


def test_text_without_answer_block_is_skipped_as_description() -> None:
    result = parse("Phần I. Kiến thức chung\n\nCâu? {T}")
    assert len(result.items) == 1
    assert result.skipped == {"description": 1}


# --- Errors -----------------------------------------------------------------------------------


def test_unclosed_brace_is_an_error_with_the_question_line() -> None:
    result = parse("Câu 1? {T}\n\n// chú thích\n::Q2::Câu 2? {\n=Đúng\n~Sai\n")
    assert [i.stem for i in result.items] == ["Câu 1?"]
    assert result.errors == [Issue("dòng 4", "thiếu dấu “}” đóng khối đáp án")]


def test_stray_closing_brace_is_an_error() -> None:
    assert parse("Câu } sai? {T}").errors == [
        Issue("dòng 1", "dấu “}” thừa: không có dấu “{” mở tương ứng")
    ]


def test_two_answer_blocks_without_a_blank_line_between_are_an_error() -> None:
    assert parse("Câu 1? {T}\nCâu 2? {F}").errors == [
        Issue(
            "dòng 1",
            "có hơn một khối đáp án “{...}”: các câu hỏi phải cách nhau bằng một dòng trống",
        )
    ]


def test_unclosed_title_is_an_error() -> None:
    assert parse("::Tiêu đề Câu? {T}").errors == [
        Issue("dòng 1", "tiêu đề mở bằng “::” nhưng thiếu “::” đóng")
    ]


def test_empty_question_text_is_an_error() -> None:
    assert parse("\n\n::Chỉ có tiêu đề:: {=a ~b}").errors == [
        Issue("dòng 3", "câu hỏi không có nội dung")
    ]


def test_multiple_choice_without_a_right_answer_is_an_error() -> None:
    assert parse("Câu? {~a ~b ~c}").errors == [Issue("dòng 1", "không có đáp án đúng")]


def test_single_choice_with_two_full_credit_answers_is_an_error() -> None:
    assert parse("Câu? {=a ~%100%b ~c}").errors == [
        Issue("dòng 1", "câu hỏi một lựa chọn có nhiều hơn một đáp án đúng")
    ]


def test_text_before_the_first_answer_marker_is_an_error() -> None:
    assert parse("Câu? {a =b ~c}").errors == [
        Issue("dòng 1", "“a” trong khối đáp án không bắt đầu bằng “=” hoặc “~”")
    ]


@pytest.mark.parametrize("spec", ["abc", "3,14", "1..x", "2:", "1e999", "nan"])
def test_bad_numeric_value_is_an_error(spec: str) -> None:
    assert parse(f"Giá trị? {{#{spec}}}").errors == [
        Issue("dòng 1", f"đáp án số “{spec}” không hợp lệ (viết 3.14, 3.14:0.01 hoặc 2..4)")
    ]


def test_reversed_numeric_range_is_an_error() -> None:
    assert parse("Giá trị? {#4..2}").errors == [Issue("dòng 1", "sai số cho phép không được âm")]


@pytest.mark.parametrize("weight", ["abc", "150", "-101", "5o"])
def test_unknown_weight_is_an_error(weight: str) -> None:
    assert parse(f"Câu? {{~%{weight}%a ~%50%b}}").errors == [
        Issue("dòng 1", f"trọng số “%{weight}%” không hợp lệ: cần số phần trăm từ -100 đến 100")
    ]


def test_faulty_questions_are_left_out_and_the_others_kept() -> None:
    result = parse("Câu 1? {T}\n\nCâu 2? {~a ~b}\n\nCâu 3? {F}\n")
    assert [i.stem for i in result.items] == ["Câu 1?", "Câu 3?"]
    assert result.errors == [Issue("dòng 3", "không có đáp án đúng")]


# --- Encoding ---------------------------------------------------------------------------------


def test_utf8_bom_and_windows_line_ends_are_accepted() -> None:
    result = gift.parse(codecs.BOM_UTF8 + "Câu 1? {T}\r\n\r\nCâu 2? {F}\r\n".encode())
    assert [(i.stem, i.location) for i in result.items] == [
        ("Câu 1?", "dòng 1"),
        ("Câu 2?", "dòng 3"),
    ]


def test_utf16_with_bom_is_read() -> None:
    assert gift.parse("Cán bộ? {T}".encode("utf-16")).items[0].stem == "Cán bộ?"


def test_vietnamese_windows_1258_file_is_read_with_a_warning() -> None:
    result = gift.parse(to_cp1258("Công chức được tuyển dụng thế nào? {=Thi tuyển ~Bầu cử}"))
    assert result.items[0].stem == "Công chức được tuyển dụng thế nào?"
    assert result.items[0].options[0].text == "Thi tuyển"
    assert result.warnings == [
        Issue("", "tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (cp1258)")
    ]


def test_bytes_that_are_not_text_are_refused_with_line_and_offset() -> None:
    data = "Câu 1? {T}\n\nCâu 2? {F}".encode() + b"\xff\xfe\x00\x81"
    with pytest.raises(ItemFormatError) as caught:
        gift.parse(data)
    assert caught.value.message == (
        "Tệp không phải văn bản UTF-8: byte không hợp lệ ở vị trí 24 (dòng 3). "
        "Hãy lưu lại tệp với bảng mã UTF-8."
    )
    assert caught.value.location == "dòng 3"


def test_western_single_byte_text_is_not_taken_for_vietnamese() -> None:
    with pytest.raises(ItemFormatError) as caught:
        gift.parse("Café crème? {T}".encode("latin-1"))
    assert caught.value.location == "dòng 1"


def test_nul_character_is_refused() -> None:
    with pytest.raises(ItemFormatError) as caught:
        gift.parse(b"Cau? {T}\n\x00")
    assert (caught.value.location, caught.value.message) == (
        "dòng 2",
        "Tệp chứa ký tự NUL: đây không phải tệp văn bản",
    )


def test_decomposed_text_comes_out_in_nfc() -> None:
    item = only_item(unicodedata.normalize("NFD", "::Tiêu đề::Cán bộ? {=Đúng ~Sai}"))
    texts = [item.title, item.stem, *(o.text for o in item.options)]
    assert texts == ["Tiêu đề", "Cán bộ?", "Đúng", "Sai"]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_sample_file_reads_without_errors() -> None:
    result = gift.parse(SAMPLE.read_bytes())
    assert (result.errors, result.warnings, result.skipped) == ([], [], {})
    assert [item.kind for item in result.items] == [
        Kind.SINGLE,
        Kind.NUMERIC,
        Kind.TRUE_FALSE,
        Kind.SHORT_TEXT,
        Kind.TRUE_FALSE,
        Kind.SINGLE,
        Kind.MULTIPLE,
        Kind.NUMERIC,
        Kind.ESSAY,
    ]
    assert {item.topic_path for item in result.items} == {
        ("Hệ thống chính trị", "Hiến pháp"),
        ("Hệ thống chính trị", "Luật Cán bộ, công chức"),
    }
    assert all(item.difficulty is not None for item in result.items)


# --- Writing ----------------------------------------------------------------------------------


def test_write_groups_by_category_escapes_and_adds_sathach_comments() -> None:
    items = [
        ItemData(
            kind=Kind.SINGLE,
            stem="Tỷ lệ {a:b}?",
            options=[OptionData("1=1", True, 1.0, "đúng#1"), OptionData("~2", False, 0.0)],
            topic_path=("Hiến pháp",),
            difficulty=Difficulty.EASY,
            source="Điều 69",
            title="HP:1",
            external_id="HP-1",
        ),
        ItemData(
            kind=Kind.TRUE_FALSE,
            stem="Đúng?",
            truth=False,
            topic_path=("Hiến pháp",),
            general_feedback="Xem lại",
        ),
        ItemData(
            kind=Kind.MULTIPLE,
            stem="Chọn hai",
            options=[
                OptionData("a", True, 0.5),
                OptionData("b", True, 0.5),
                OptionData("c", False, -1.0),
            ],
            topic_path=("Luật/Nghị định", "Cán bộ"),
            shuffle=False,
            points=2,
        ),
        ItemData(kind=Kind.ESSAY, stem="Trình bày.", essay_guide="Ý 1\nÝ 2"),
    ]
    assert gift.write(items).decode("utf-8") == (
        "// Sát Hạch — câu hỏi định dạng GIFT (Moodle), mã hoá UTF-8\n"
        "\n"
        "$CATEGORY: $course$/top/Hiến pháp\n"
        "\n"
        "// [sathach] difficulty=easy\n"
        "// [sathach] source=Điều 69\n"
        "// [id:HP-1]\n"
        "::HP\\:1::Tỷ lệ \\{a\\:b\\}? {\n"
        "\t=1\\=1#đúng\\#1\n"
        "\t~\\~2\n"
        "}\n"
        "\n"
        "Đúng? {FALSE####Xem lại}\n"
        "\n"
        "$CATEGORY: $course$/top/Luật//Nghị định/Cán bộ\n"
        "\n"
        "// [sathach] points=2\n"
        "// [sathach] shuffle=false\n"
        "Chọn hai {\n"
        "\t~%50%a\n"
        "\t~%50%b\n"
        "\t~%-100%c\n"
        "}\n"
        "\n"
        "$CATEGORY: $course$/top\n"
        "\n"
        "// [sathach] guide=Ý 1\\nÝ 2\n"
        "Trình bày. {}\n"
    )


def test_write_marks_html_and_keeps_image_references() -> None:
    item = ItemData(kind=Kind.ESSAY, stem='Xem <img src="asset:a.png"> và\ntrả lời')
    assert gift.write([item]).decode().splitlines()[-1] == (
        '[html]Xem <img src\\="asset\\:a.png"> và\\ntrả lời {}'
    )


def test_write_protects_stems_that_would_read_as_comment_format_or_category() -> None:
    stems = ["// không phải chú thích", "[plain] không phải định dạng", "$CATEGORY: không"]
    items = [ItemData(kind=Kind.TRUE_FALSE, stem=stem, truth=True) for stem in stems]
    assert [item.stem for item in gift.parse(gift.write(items)).items] == stems


def test_write_gives_option_text_starting_with_percent_an_explicit_weight() -> None:
    item = ItemData(
        kind=Kind.MULTIPLE,
        stem="Tỷ lệ?",
        options=[OptionData("%50 số phiếu%", True, 1.0), OptionData("%abc", False, 0.0)],
    )
    text = gift.write([item]).decode()
    assert "\t~%100%%50 số phiếu%\n\t~%0%%abc\n" in text
    assert gift.parse(text.encode()).items[0].options == item.options


def test_write_gives_correct_multiple_response_options_without_weight_an_equal_share() -> None:
    item = ItemData(
        kind=Kind.MULTIPLE,
        stem="Chọn",
        options=[OptionData("a", True), OptionData("b", True), OptionData("c", False, 0.5)],
    )
    options = gift.parse(gift.write([item])).items[0].options
    assert [(o.correct, o.fraction) for o in options] == [(True, 0.5), (True, 0.5), (False, 0.0)]


def test_write_refuses_short_answers_that_would_read_as_matching() -> None:
    item = ItemData(kind=Kind.SHORT_TEXT, stem="Chiều?", answers=[ShortAnswerData("A -> B")])
    with pytest.raises(ValueError, match="câu 1: mọi đáp án đều chứa “->”"):
        gift.write([item])


def test_write_refuses_numbers_that_are_not_finite() -> None:
    item = ItemData(kind=Kind.NUMERIC, stem="Số?", numeric=[NumericAnswerData(float("inf"))])
    with pytest.raises(ValueError, match="câu 1: đáp án số phải là số hữu hạn"):
        gift.write([item])


def test_sample_file_round_trips() -> None:
    items = gift.parse(SAMPLE.read_bytes()).items
    again = gift.parse(gift.write(items)).items
    assert [strip_location(i) for i in again] == [strip_location(i) for i in items]


# --- Properties -------------------------------------------------------------------------------

LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
# GIFT's special characters, and those that matter at the start of a text ('%', '[', '/', '$').
ALPHABET = LETTERS + LETTERS.upper() + "0123456789 .,?%/[]$&<\\\n\t~=#{}:"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def strip_location(item: ItemData) -> ItemData:
    return dataclasses.replace(item, location="")


# Beginnings that mean something in GIFT: a weight, a format, a comment, a category, a title.
TRICKY_STARTS = ["%", "%1%", "[html]", "[plain]", "//", "$CATEGORY: ", "::", "#", "\\", "T"]
texts = (
    st.tuples(st.sampled_from(["", "", "", *TRICKY_STARTS]), st.text(ALPHABET, max_size=24))
    .map(lambda parts: nfc("".join(parts)))
    .filter(bool)
)
maybe_texts = st.one_of(st.just(""), texts)
names = st.text(LETTERS + LETTERS.upper() + " ,.-~=#{}:", min_size=1, max_size=12)
topics = st.lists(names.map(nfc).filter(bool), max_size=3).map(tuple)
fractions = st.one_of(st.sampled_from([0.5, 0.25, 1 / 3, 0.1, 1.0]), st.floats(0.0001, 1.0))
penalties = st.one_of(st.sampled_from([0.0, -0.5, -1.0, -1 / 3]), st.floats(-1.0, 0.0))
finite = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def items(draw: st.DrawFn) -> ItemData:
    kind = draw(st.sampled_from(list(Kind)))
    item = ItemData(
        kind=kind,
        stem=draw(texts),
        difficulty=draw(st.one_of(st.none(), st.sampled_from(list(Difficulty)))),
        topic_path=draw(topics),
        title=draw(maybe_texts),
        general_feedback=draw(maybe_texts),
        source=draw(maybe_texts),
        points=draw(st.one_of(st.just(1.0), st.floats(0.01, 100.0))),
        shuffle=draw(st.booleans()),
        external_id=draw(st.text("ABCXYZ0123456789-_.", max_size=10)),
    )
    if kind == Kind.SINGLE:
        count = draw(st.integers(2, 5))
        key = draw(st.integers(0, count - 1))
        item.options = [
            OptionData(
                draw(texts),
                i == key,
                1.0 if i == key else draw(st.one_of(penalties, st.floats(0.0, 0.9))),
                draw(maybe_texts),
            )
            for i in range(count)
        ]
    elif kind == Kind.MULTIPLE:
        flags = draw(st.lists(st.booleans(), min_size=2, max_size=5))
        flags[draw(st.integers(0, len(flags) - 1))] = True
        item.options = [
            OptionData(draw(texts), flag, draw(fractions if flag else penalties), draw(maybe_texts))
            for flag in flags
        ]
    elif kind == Kind.TRUE_FALSE:
        item.truth = draw(st.booleans())
    elif kind == Kind.SHORT_TEXT:
        accepted = st.builds(ShortAnswerData, texts, fractions, maybe_texts)
        others = st.builds(ShortAnswerData, texts, st.floats(0.0, 1.0), maybe_texts)
        item.answers = [draw(accepted), *draw(st.lists(others, max_size=2))]
        item.case_sensitive = draw(st.booleans())
    elif kind == Kind.NUMERIC:
        item.numeric = draw(
            st.lists(
                st.builds(
                    NumericAnswerData,
                    finite,
                    st.floats(0.0, allow_infinity=False),
                    fractions,
                    maybe_texts,
                ),
                min_size=1,
                max_size=3,
            )
        )
    else:
        item.essay_guide = draw(maybe_texts)
    return item


@settings(max_examples=200, deadline=None)
@given(st.lists(items(), min_size=1, max_size=4))
def test_write_then_parse_gives_back_the_same_items(originals: list[ItemData]) -> None:
    assert all(validate_item(item) == [] for item in originals)
    result = gift.parse(gift.write(originals))
    assert (result.errors, result.skipped) == ([], {})
    assert [strip_location(item) for item in result.items] == originals


def assert_clean(result: ParseResult) -> None:
    """Check what any parse must give: located errors, valid NFC items."""
    assert all(issue.location.startswith("dòng ") for issue in result.errors)
    for item in result.items:
        assert validate_item(item) == []
        texts = [item.stem, item.title, *(option.text for option in item.options)]
        assert all(unicodedata.is_normalized("NFC", text) for text in texts)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_parses_without_exception(text: str) -> None:
    try:
        result = gift.parse(text.encode("utf-8"))
    except ItemFormatError:
        return
    assert_clean(result)


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_any_bytes_parse_or_raise_only_item_format_error(data: bytes) -> None:
    try:
        result = gift.parse(data)
    except ItemFormatError:
        return
    assert_clean(result)


PIECES = [
    "{", "}", "~", "=", "#", "####", "%50%", "%-100%", "%abc%", "%", "::", ":", "\\", "\n",
    "\n\n", "//", "// [sathach] difficulty=easy\n", "// [sathach] points=", "// [id:x]\n",
    "$CATEGORY: a/b\n", "T", "TRUE", "F", "->", "..", "1", "3.14", "-", " ", "Cán bộ", "Quốc hội",
    "[html]", "[plain]", "[markdown]", "**", "*", '<img src="asset:a.png">', "\r\n", "\u0301",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_corrupted_gift_parses_without_exception(text: str) -> None:
    assert_clean(gift.parse(text.encode("utf-8")))
