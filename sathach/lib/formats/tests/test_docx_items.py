"""Word .docx questions in the Vietnamese office convention: parsing, errors, writing, fuzzing."""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sathach.lib.formats import docx_items
from sathach.lib.formats.items import (
    AssetData,
    Difficulty,
    ItemData,
    ItemFormatError,
    Kind,
    NumericAnswerData,
    OptionData,
    ShortAnswerData,
)

# --- Building documents -------------------------------------------------------------------------


def png(width: int = 2, height: int = 1, rgb: bytes = b"\xff\x00\x00") -> bytes:
    """Return a small valid PNG (python-docx reads its size)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = b"".join(b"\x00" + rgb * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def bold(text: str) -> tuple[str, dict[str, Any]]:
    return (text, {"bold": True})


def underlined(text: str) -> tuple[str, dict[str, Any]]:
    return (text, {"underline": True})


def highlighted(text: str) -> tuple[str, dict[str, Any]]:
    return (text, {"highlight": True})


def picture(content: bytes) -> tuple[str, dict[str, Any]]:
    return ("", {"picture": content})


Run = str | tuple[str, dict[str, Any]]


def make_docx(*paragraphs: Run | list[Run], table: list[list[str]] | None = None) -> bytes:
    """Return a .docx with one paragraph per argument (a string, or a list of runs).

    ``table`` rows are added after the paragraphs, one paragraph per cell.
    """
    document = docx.Document()
    for paragraph in paragraphs:
        add_paragraph(document, paragraph)
    if table is not None:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_paragraph(document: Any, paragraph: Run | list[Run], style: str | None = None) -> Any:
    para = document.add_paragraph(style=style)
    for run in [paragraph] if isinstance(paragraph, str | tuple) else paragraph:
        text, fmt = (run, {}) if isinstance(run, str) else run
        if "picture" in fmt:
            para.add_run().add_picture(io.BytesIO(fmt["picture"]))
            continue
        out = para.add_run(text)
        out.bold = fmt.get("bold")
        out.underline = fmt.get("underline")
        if fmt.get("highlight"):
            out.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return para


def messages(issues: list[Any]) -> list[str]:
    return [str(issue) for issue in issues]


FOUR_OPTIONS = ["A. Quốc hội", "B. Chính phủ", "C. Chủ tịch nước", "D. Tòa án nhân dân tối cao"]


# --- The key ------------------------------------------------------------------------------------


def test_bold_option_is_the_key() -> None:
    data = make_docx(
        "Câu 1. Cơ quan quyền lực nhà nước cao nhất là cơ quan nào?",
        [bold("A. Quốc hội")],
        "B. Chính phủ",
        "C. Chủ tịch nước",
        "D. Tòa án nhân dân tối cao",
    )
    result = docx_items.parse(data)
    assert result.errors == []
    (item,) = result.items
    assert item.kind == Kind.SINGLE
    assert item.stem == "Cơ quan quyền lực nhà nước cao nhất là cơ quan nào?"
    assert [o.text for o in item.options] == [
        "Quốc hội",
        "Chính phủ",
        "Chủ tịch nước",
        "Tòa án nhân dân tối cao",
    ]
    assert item.correct_options() == [0]
    assert item.options[0].fraction == 1.0


def test_bold_letter_alone_marks_the_key() -> None:
    data = make_docx(
        "Câu 1. Cơ quan quyền lực nhà nước cao nhất là cơ quan nào?",
        "A. Quốc hội",
        [bold("B."), " Chính phủ"],
        "C. Chủ tịch nước",
    )
    (item,) = docx_items.parse(data).items
    assert item.correct_options() == [1]
    assert item.options[1].text == "Chính phủ"


def test_underlined_option_is_the_key() -> None:
    data = make_docx("Câu 1. Chọn một.", "A. Một", "B. Hai", [underlined("C. Ba")], "D. Bốn")
    (item,) = docx_items.parse(data).items
    assert item.correct_options() == [2]


def test_highlighted_option_is_the_key() -> None:
    data = make_docx("Câu 1. Chọn một.", "A. Một", [highlighted("B. Hai")], "C. Ba")
    (item,) = docx_items.parse(data).items
    assert item.correct_options() == [1]


def test_bold_from_a_character_style_marks_the_key() -> None:
    document = docx.Document()
    add_paragraph(document, "Câu 1. Chọn một.")
    add_paragraph(document, "A. Một")
    document.add_paragraph().add_run("B. Hai", style="Strong")
    add_paragraph(document, "C. Ba")
    out = io.BytesIO()
    document.save(out)
    (item,) = docx_items.parse(out.getvalue()).items
    assert item.correct_options() == [1]


def test_formatting_on_every_option_does_not_mark_a_key() -> None:
    data = make_docx(
        "Câu 1. Chọn một.",
        [bold("A."), " Một"],
        [bold("B."), " Hai"],
        [bold("C."), " Ba"],
        "Đáp án: C",
    )
    result = docx_items.parse(data)
    assert result.errors == []
    assert result.items[0].correct_options() == [2]


@pytest.mark.parametrize(
    "line",
    ["Đáp án: B", "ĐA: B", "Đáp án đúng: B", "Đ/A: b", "đáp án: (B)", "Đáp án: B. Chính phủ"],
)
def test_key_line_gives_the_key_in_its_usual_spellings(line: str) -> None:
    data = make_docx("Câu 1. Cơ quan nào?", *FOUR_OPTIONS, line)
    result = docx_items.parse(data)
    assert result.errors == []
    assert result.items[0].correct_options() == [1]


@pytest.mark.parametrize("line", ["Đáp án: A, C", "Đáp án: A; C", "Đáp án: A và C", "ĐA: AC"])
def test_key_line_with_several_letters_makes_a_multiple_response_item(line: str) -> None:
    data = make_docx("Câu 1. Những cơ quan nào?", *FOUR_OPTIONS, line)
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.MULTIPLE
    assert item.correct_options() == [0, 2]
    assert [o.fraction for o in item.options] == [0.5, 0.0, 0.5, 0.0]


def test_several_bold_options_make_a_multiple_response_item() -> None:
    data = make_docx("Câu 1. Những cơ quan nào?", [bold("A. Một")], "B. Hai", [bold("C. Ba")])
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.MULTIPLE
    assert item.correct_options() == [0, 2]


def test_key_line_agreeing_with_bold_is_accepted() -> None:
    data = make_docx("Câu 1. Chọn.", "A. Một", [bold("B. Hai")], "C. Ba", "Đáp án: B")
    result = docx_items.parse(data)
    assert result.errors == []
    assert result.items[0].correct_options() == [1]


# --- Questions and options ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "start", ["Câu 1.", "Câu 1:", "Câu 1)", "Câu hỏi 1.", "CÂU 1.", "câu 1 .", "Câu 1 (1 điểm):"]
)
def test_a_question_starts_with_its_number_in_the_usual_spellings(start: str) -> None:
    data = make_docx(f"{start} Nội dung câu hỏi", "A. Một", "B. Hai", "Đáp án: A")
    (item,) = docx_items.parse(data).items
    assert item.stem == "Nội dung câu hỏi"


def test_points_in_the_question_number_are_read() -> None:
    data = make_docx("Câu 1 (2,5 điểm): Trình bày khái niệm công chức. [Tự luận]")
    (item,) = docx_items.parse(data).items
    assert item.points == 2.5
    assert item.kind == Kind.ESSAY
    assert item.stem == "Trình bày khái niệm công chức."


def test_question_text_goes_on_over_several_paragraphs() -> None:
    data = make_docx(
        "Câu 1. Cho tình huống sau:",
        "Ông X là công chức cấp xã.",
        "Hỏi ông X thuộc ngạch nào?",
        "A. Chuyên viên",
        "B. Cán sự",
        "Đáp án: B",
    )
    (item,) = docx_items.parse(data).items
    assert (
        item.stem
        == "Cho tình huống sau:<br>Ông X là công chức cấp xã.<br>Hỏi ông X thuộc ngạch nào?"
    )


def test_options_separated_by_tabs_on_one_line() -> None:
    data = make_docx(
        "Câu 1. Luật Cán bộ, công chức được Quốc hội thông qua năm nào?",
        "A. 2007\tB. 2008",
        "C. 2009\t\tD. 2010",
        "Đáp án: B",
    )
    (item,) = docx_items.parse(data).items
    assert [o.text for o in item.options] == ["2007", "2008", "2009", "2010"]
    assert item.correct_options() == [1]


def test_bold_option_on_a_shared_line_is_the_key() -> None:
    data = make_docx("Câu 1. Chọn.", ["A. Một\t", bold("B. Hai")], "C. Ba\tD. Bốn")
    (item,) = docx_items.parse(data).items
    assert [o.text for o in item.options] == ["Một", "Hai", "Ba", "Bốn"]
    assert item.correct_options() == [1]


def test_lower_case_options_with_parenthesis_are_options() -> None:
    data = make_docx("Câu 1. Chọn.", "a) Một", "b) Hai", "c) Ba", "Đáp án: c")
    (item,) = docx_items.parse(data).items
    assert [o.text for o in item.options] == ["Một", "Hai", "Ba"]
    assert item.correct_options() == [2]


def test_lower_case_items_in_the_text_stay_text_when_options_are_capitals() -> None:
    data = make_docx(
        "Câu 1. Cho các nhận định:",
        "a) Công chức được hưởng lương từ ngân sách nhà nước.",
        "b) Công chức được bổ nhiệm vào ngạch.",
        "Số nhận định đúng là:",
        "A. 0\tB. 1\tC. 2",
        "Đáp án: C",
    )
    (item,) = docx_items.parse(data).items
    assert item.stem == (
        "Cho các nhận định:<br>a) Công chức được hưởng lương từ ngân sách nhà nước.<br>"
        "b) Công chức được bổ nhiệm vào ngạch.<br>Số nhận định đúng là:"
    )
    assert [o.text for o in item.options] == ["0", "1", "2"]


def test_keep_order_marker_turns_shuffling_off() -> None:
    data = make_docx(
        "Câu 1. Chọn. [Không đảo phương án]", "A. Một", "B. Hai", "C. Cả A và B", "Đáp án: C"
    )
    (item,) = docx_items.parse(data).items
    assert item.shuffle is False
    assert item.stem == "Chọn."


def test_text_after_the_options_is_joined_to_the_last_option_with_a_warning() -> None:
    data = make_docx("Câu 1. Chọn.", "A. Một", "B. Hai", "(theo Điều 4)", "Đáp án: A")
    result = docx_items.parse(data)
    assert result.items[0].options[1].text == "Hai<br>(theo Điều 4)"
    assert messages(result.warnings) == [
        "Câu 1 (đoạn 4): đoạn văn “(theo Điều 4)” sau phương án “B” được nối vào phương án đó"
    ]


def test_key_may_stand_on_the_line_below_an_empty_key_label() -> None:
    data = make_docx(
        "Câu 1. Năm nào?",
        "Đáp án:",
        "2010 | năm 2010",
        "Câu 2. Chọn.",
        "A. Một",
        [bold("B. Hai")],
        "Đáp án:",
    )
    result = docx_items.parse(data)
    assert result.errors == []
    short, choice = result.items
    assert [a.text for a in short.answers] == ["2010", "năm 2010"]
    assert choice.correct_options() == [1]


def test_text_after_the_key_line_is_ignored_with_a_warning() -> None:
    data = make_docx("Câu 1. Chọn.", "A. Một", "B. Hai", "Đáp án: A", "Vì A đúng.")
    result = docx_items.parse(data)
    assert result.items[0].correct_options() == [0]
    assert messages(result.warnings) == [
        "Câu 1 (đoạn 5): đoạn văn “Vì A đúng.” sau dòng “Đáp án” không thuộc phần nào, đã bỏ qua"
    ]


def test_empty_metadata_lines_say_nothing() -> None:
    data = make_docx("Câu 1. Một?", "Mức độ:", "Điểm:", "Chủ đề:", "Đáp án: Đúng")
    result = docx_items.parse(data)
    assert result.errors == []
    assert (result.items[0].difficulty, result.items[0].points) == (None, 1.0)


# --- The other kinds ----------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "truth"), [("Đúng", True), ("Sai", False), ("đúng.", True)])
def test_true_false_by_its_key_line(key: str, truth: bool) -> None:
    data = make_docx("Câu 1. Công chức được tuyển dụng theo vị trí việc làm.", f"Đáp án: {key}")
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.TRUE_FALSE
    assert item.truth is truth


def test_short_answer_lists_accepted_answers_separated_by_bars() -> None:
    data = make_docx(
        "Câu 1. Luật Cán bộ, công chức có hiệu lực năm nào?", "Đáp án: 2010 | năm 2010"
    )
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.SHORT_TEXT
    assert [a.text for a in item.answers] == ["2010", "năm 2010"]


def test_numeric_by_its_tolerance_line_reads_decimal_commas() -> None:
    data = make_docx("Câu 1. Tỷ lệ tinh giản tối thiểu (%)?", "Đáp án: 10,5", "Sai số: 0,25")
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.NUMERIC
    assert item.numeric == [NumericAnswerData(10.5, 0.25)]


def test_numeric_marker_without_tolerance_means_exact_value() -> None:
    data = make_docx("Câu 1. Số thành viên? [Số]", "Đáp án: 7")
    (item,) = docx_items.parse(data).items
    assert item.numeric == [NumericAnswerData(7.0, 0.0)]


def test_marking_guide_makes_an_essay_and_takes_the_paragraphs_up_to_the_next_question() -> None:
    data = make_docx(
        "Câu 1. Trình bày các nguyên tắc quản lý cán bộ, công chức.",
        "Hướng dẫn chấm:",
        "a) Bảo đảm sự lãnh đạo của Đảng (1 điểm);",
        "b) Kết hợp tiêu chuẩn chức danh với chỉ tiêu biên chế (1 điểm).",
        "Điểm: 2",
        "Câu 2. Tiếp theo.",
        "Đáp án: Đúng",
    )
    result = docx_items.parse(data)
    assert result.errors == []
    essay, following = result.items
    assert essay.kind == Kind.ESSAY
    assert essay.essay_guide == (
        "a) Bảo đảm sự lãnh đạo của Đảng (1 điểm);<br>"
        "b) Kết hợp tiêu chuẩn chức danh với chỉ tiêu biên chế (1 điểm)."
    )
    assert essay.points == 2.0
    assert following.kind == Kind.TRUE_FALSE


def test_essay_marker_alone_makes_an_essay_without_guide() -> None:
    data = make_docx("Câu 1. [Tự luận] Nêu khái niệm công chức.")
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.ESSAY
    assert item.stem == "Nêu khái niệm công chức."
    assert item.essay_guide == ""


def test_metadata_lines_anywhere_in_the_question() -> None:
    data = make_docx(
        "Câu 1. Chọn.",
        "Mức độ: Khó",
        "A. Một",
        "B. Hai",
        "Chủ đề: Kiến thức chung > Luật Cán bộ, công chức",
        "Đáp án: A",
        "Điểm: 0,5",
        "Nguồn: Điều 4 Luật Cán bộ, công chức",
        "Giải thích: Vì Điều 4 quy định như vậy.",
        "Mã câu hỏi: KTC-001",
    )
    result = docx_items.parse(data)
    assert result.errors == []
    (item,) = result.items
    assert item.difficulty == Difficulty.HARD
    assert item.topic_path == ("Kiến thức chung", "Luật Cán bộ, công chức")
    assert item.points == 0.5
    assert item.source == "Điều 4 Luật Cán bộ, công chức"
    assert item.general_feedback == "Vì Điều 4 quy định như vậy."
    assert item.external_id == "KTC-001"
    assert [o.text for o in item.options] == ["Một", "Hai"]


def test_topic_line_outside_questions_sets_the_topic_until_a_heading() -> None:
    document = docx.Document()
    add_paragraph(document, "ĐỀ CƯƠNG ÔN TẬP")
    add_paragraph(document, "Chủ đề: Kiến thức chung > Hệ thống chính trị")
    add_paragraph(document, "Câu 1. Một?")
    add_paragraph(document, "Đáp án: Đúng")
    add_paragraph(document, "Câu 2. Hai?")
    add_paragraph(document, "Chủ đề: Riêng")
    add_paragraph(document, "Đáp án: Sai")
    add_paragraph(document, "Câu 3. Ba?")
    add_paragraph(document, "Đáp án: Sai")
    add_paragraph(document, "PHẦN II. TỰ LUẬN")
    add_paragraph(document, "Câu 4. Bốn? [Tự luận]")
    add_paragraph(document, "Phần riêng", style="Heading 1")
    add_paragraph(document, "Chủ đề: Luật")
    add_paragraph(document, "Câu 5. Năm?")
    add_paragraph(document, "Đáp án: Đúng")
    out = io.BytesIO()
    document.save(out)
    items = docx_items.parse(out.getvalue()).items
    assert [i.topic_path for i in items] == [
        ("Kiến thức chung", "Hệ thống chính trị"),
        ("Riêng",),
        ("Kiến thức chung", "Hệ thống chính trị"),
        (),
        ("Luật",),
    ]


def test_text_of_the_stem_keeps_emphasis_but_not_the_look_of_the_whole_paragraph() -> None:
    data = make_docx(
        [bold("Câu 1. Theo Luật, công chức được hưởng lương từ đâu?")],
        ["Chọn ", bold("một"), " phương án."],
        "A. Ngân sách\tB. Quỹ",
        "Đáp án: A",
    )
    (item,) = docx_items.parse(data).items
    assert (
        item.stem == "Theo Luật, công chức được hưởng lương từ đâu?<br>Chọn <b>một</b> phương án."
    )


def test_plain_text_is_escaped_as_html_and_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Câu 1. Điều kiện a < b & c?")
    data = make_docx(decomposed, "Đáp án: Đúng")
    (item,) = docx_items.parse(data).items
    assert item.stem == "Điều kiện a &lt; b &amp; c?"
    assert unicodedata.is_normalized("NFC", item.stem)


def test_an_inline_picture_becomes_an_asset_referenced_from_the_stem() -> None:
    image = png()
    data = make_docx(["Câu 1. Quan sát sơ đồ ", picture(image), " và trả lời."], "Đáp án: Đúng")
    result = docx_items.parse(data)
    (item,) = result.items
    (asset,) = item.assets
    assert asset.mime == "image/png"
    assert asset.content == image
    assert item.stem == f'Quan sát sơ đồ <img src="asset:{asset.name}"> và trả lời.'


def test_a_picture_inside_an_option_goes_into_the_option() -> None:
    data = make_docx(
        "Câu 1. Sơ đồ nào đúng?", ["A. ", picture(png())], ["B. ", picture(png(1, 1))], "Đáp án: B"
    )
    (item,) = docx_items.parse(data).items
    first, second = item.assets
    assert [o.text for o in item.options] == [
        f'<img src="asset:{first.name}">',
        f'<img src="asset:{second.name}">',
    ]
    assert first.name != second.name


def test_a_picture_whose_part_is_missing_is_left_out_with_a_warning() -> None:
    data = make_docx(["Câu 1. Sơ đồ ", picture(png())], "Đáp án: Đúng")
    data = _rewrite_part(
        data, "word/document.xml", lambda xml: xml.replace(b'r:embed="rId', b'r:embed="xx')
    )
    result = docx_items.parse(data)
    assert result.items[0].stem == "Sơ đồ"
    assert result.items[0].assets == []
    assert messages(result.warnings) == [
        "đoạn 1: ảnh liên kết ra ngoài hoặc không có trong tệp, đã bỏ qua"
    ]


def test_an_equation_is_read_as_plain_text_with_a_warning() -> None:
    math = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    document = docx.Document()
    paragraph = document.add_paragraph("Câu 1. Tính ")
    paragraph._p.append(parse_xml(f'<m:oMath xmlns:m="{math}"><m:r><m:t>x+1</m:t></m:r></m:oMath>'))
    document.add_paragraph("Đáp án: 2")
    out = io.BytesIO()
    document.save(out)
    result = docx_items.parse(out.getvalue())
    assert result.items[0].stem == "Tính x+1"
    assert messages(result.warnings) == ["đoạn 1: công thức toán được chuyển thành văn bản thường"]


def _rewrite_part(data: bytes, name: str, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            content = source.read(info)
            archive.writestr(info, change(content) if info.filename == name else content)
    return out.getvalue()


def test_a_table_inside_a_question_is_kept_as_text_with_a_warning() -> None:
    data = make_docx(
        "Câu 1. Cho bảng số liệu:",
        table=[["Năm", "Số công chức"], ["2024", "1.200"]],
    )
    data = _append_after_table(data, ["Năm nào nhiều hơn?", "Đáp án: 2024"])
    result = docx_items.parse(data)
    (item,) = result.items
    assert (
        item.stem == "Cho bảng số liệu:<br>Năm | Số công chức<br>2024 | 1.200<br>Năm nào nhiều hơn?"
    )
    assert messages(result.warnings) == [
        "Câu 1 (đoạn 2): bảng trong câu hỏi được chuyển thành văn bản (các ô cách nhau bởi “ | ”)"
    ]


def test_options_laid_out_in_a_table_are_options() -> None:
    data = make_docx("Câu 1. Chọn.", table=[["A. Một", "B. Hai"], ["C. Ba", "D. Bốn"]])
    data = _append_after_table(data, ["Đáp án: D"])
    (item,) = docx_items.parse(data).items
    assert [o.text for o in item.options] == ["Một", "Hai", "Ba", "Bốn"]
    assert item.correct_options() == [3]


def _append_after_table(data: bytes, paragraphs: list[str]) -> bytes:
    document = docx.Document(io.BytesIO(data))
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_list_numbering_of_questions_and_options_is_read_as_typed() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            'main" w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="Câu %1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>'
            '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(
            '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        )
    )

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                f'main"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )

    for question in ("Một?", "Hai?"):
        numbered(question, 0)
        numbered("Đúng", 1)
        numbered("Sai", 1)
        document.add_paragraph("Đáp án: B")
    out = io.BytesIO()
    document.save(out)
    result = docx_items.parse(out.getvalue())
    assert result.errors == []
    assert [(i.stem, i.location) for i in result.items] == [
        ("Một?", "Câu 1 (đoạn 1)"),
        ("Hai?", "Câu 2 (đoạn 5)"),
    ]
    assert [o.text for o in result.items[1].options] == ["Đúng", "Sai"]
    assert result.items[1].correct_options() == [1]


def test_preamble_before_the_first_question_is_ignored_silently() -> None:
    data = make_docx("UBND TỈNH", "ĐỀ THI", "Thời gian: 60 phút", "Câu 1. Một?", "Đáp án: Sai")
    result = docx_items.parse(data)
    assert len(result.items) == 1
    assert result.warnings == []


# --- Item errors --------------------------------------------------------------------------------


def test_key_pointing_to_a_missing_option_is_an_error_with_its_location() -> None:
    data = make_docx(
        "Câu 1. Một?",
        "Đáp án: Đúng",
        "Câu 2. Hai?",
        "Đáp án: Sai",
        "Câu 3. Ba?",
        "A. Một",
        "B. Hai",
        "C. Ba",
        "D. Bốn",
        "Đáp án: E",
    )
    result = docx_items.parse(data)
    assert messages(result.errors) == ["Câu 3 (đoạn 10): đáp án “E” không có trong các phương án"]
    assert [i.location for i in result.items] == ["Câu 1 (đoạn 1)", "Câu 2 (đoạn 3)"]


def test_key_that_is_not_a_letter_for_a_choice_question_is_an_error() -> None:
    data = make_docx("Câu 1. Một?", "A. Một", "B. Hai", "Đáp án: Đúng")
    assert messages(docx_items.parse(data).errors) == [
        "Câu 1 (đoạn 4): đáp án “Đúng” không có trong các phương án"
    ]


def test_bold_option_and_key_line_disagreeing_is_an_error() -> None:
    data = make_docx("Câu 1. Một?", "A. Một", [bold("B. Hai")], "C. Ba", "Đáp án: C")
    result = docx_items.parse(data)
    assert result.items == []
    assert messages(result.errors) == [
        "Câu 1 (đoạn 5): dòng “Đáp án: C” khác với phương án được đánh dấu (in đậm: B)"
    ]


def test_different_formattings_marking_different_options_is_an_error() -> None:
    data = make_docx("Câu 1. Một?", "A. Một", [bold("B. Hai")], [underlined("C. Ba")])
    assert messages(docx_items.parse(data).errors) == [
        "Câu 1 (đoạn 1): các phương án được đánh dấu khác nhau (in đậm: B; gạch chân: C), "
        "không rõ đáp án nào đúng"
    ]


def test_question_without_a_key_is_an_error() -> None:
    data = make_docx("Câu 1. Một?", "A. Một", "B. Hai", "Câu 2. Hai?")
    assert messages(docx_items.parse(data).errors) == [
        "Câu 1 (đoạn 1): không có đáp án: hãy thêm dòng “Đáp án: …”, in đậm hoặc gạch chân "
        "phương án đúng, hoặc ghi [Tự luận] cho câu tự luận",
        "Câu 2 (đoạn 4): không có đáp án: hãy thêm dòng “Đáp án: …”, in đậm hoặc gạch chân "
        "phương án đúng, hoặc ghi [Tự luận] cho câu tự luận",
    ]


def test_empty_question_is_an_error() -> None:
    data = make_docx("Câu 1.", "A. Một", "B. Hai", "Đáp án: A", "Câu 2. Hai?", "Đáp án: Sai")
    result = docx_items.parse(data)
    assert messages(result.errors) == ["Câu 1 (đoạn 1): câu hỏi không có nội dung"]
    assert len(result.items) == 1


def test_options_without_a_question_are_an_error() -> None:
    data = make_docx("Đề thi", "A. Một", "Đáp án: A", "Câu 1. Một?", "Đáp án: Đúng")
    assert messages(docx_items.parse(data).errors) == [
        "đoạn 2: phương án “A” không thuộc câu hỏi nào (thiếu dòng “Câu N.” phía trên)",
        "đoạn 3: dòng “Đáp án” không thuộc câu hỏi nào (thiếu dòng “Câu N.” phía trên)",
    ]


def test_options_out_of_order_are_an_error() -> None:
    data = make_docx("Câu 1. Một?", "A. Một", "B. Hai", "D. Bốn", "Đáp án: A")
    assert messages(docx_items.parse(data).errors) == [
        "Câu 1 (đoạn 4): phương án “D” không đúng thứ tự (cần phương án “C”)"
    ]


def test_two_key_lines_are_an_error() -> None:
    data = make_docx("Câu 1. Một?", "A. Một", "B. Hai", "Đáp án: A", "Đáp án: B")
    assert messages(docx_items.parse(data).errors) == ["Câu 1 (đoạn 5): có hai dòng “Đáp án”"]


def test_bad_difficulty_and_points_are_errors() -> None:
    data = make_docx("Câu 1. Một?", "Mức độ: Vừa", "Điểm: hai", "Đáp án: Đúng")
    assert messages(docx_items.parse(data).errors) == [
        "Câu 1 (đoạn 2): mức độ “Vừa” không hợp lệ (nhận: Dễ, Trung bình, Khó)",
        "Câu 1 (đoạn 3): điểm “hai” không phải là số",
    ]


def test_bad_number_in_a_numeric_key_is_an_error() -> None:
    data = make_docx("Câu 1. Bao nhiêu?", "Đáp án: mười", "Sai số: 0")
    assert messages(docx_items.parse(data).errors) == [
        "Câu 1 (đoạn 2): đáp án “mười” không phải là số"
    ]


# --- Files that cannot be read ------------------------------------------------------------------


def _refused(data: bytes) -> str:
    with pytest.raises(ItemFormatError) as caught:
        docx_items.parse(data)
    return caught.value.message


def test_bytes_that_are_not_a_docx_are_refused() -> None:
    assert _refused(b"Cau 1. Mot?\nDap an: A") == docx_items.MSG_NOT_DOCX


def test_a_word_97_document_is_refused_with_advice() -> None:
    assert _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)) == docx_items.MSG_DOC


def test_a_truncated_docx_is_refused() -> None:
    data = make_docx("Câu 1. Một?", "Đáp án: Đúng")
    assert _refused(data[: len(data) // 2]) == docx_items.MSG_CORRUPT


def test_a_zip_that_is_not_a_word_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("hello.txt", "xin chào")
    assert _refused(out.getvalue()) == docx_items.MSG_CORRUPT


def test_broken_xml_in_the_document_is_refused() -> None:
    data = make_docx("Câu 1. Một?", "Đáp án: Đúng")
    data = _rewrite_part(data, "word/document.xml", lambda xml: xml[:-20])
    assert _refused(data) == docx_items.MSG_CORRUPT


def test_a_document_without_any_question_is_refused() -> None:
    data = make_docx("Danh sách công chức", "A. Nguyễn Văn A")
    assert _refused(data) == (
        "Không tìm thấy câu hỏi nào: mỗi câu hỏi phải bắt đầu bằng “Câu 1.”, “Câu 1:” hoặc "
        "“Câu 1)” ở đầu đoạn văn."
    )


# --- Writing ------------------------------------------------------------------------------------


def every_kind() -> list[ItemData]:
    image = png(3, 2)
    return [
        ItemData(
            kind=Kind.SINGLE,
            stem="Theo Hiến pháp năm 2013, cơ quan nào là cơ quan quyền lực nhà nước "
            "<b>cao nhất</b>?",
            options=[
                OptionData("Chính phủ"),
                OptionData("Quốc hội", correct=True, fraction=1.0),
                OptionData("Chủ tịch nước"),
                OptionData("Cả A, B và C"),
            ],
            difficulty=Difficulty.EASY,
            topic_path=("Kiến thức chung", "Hệ thống chính trị"),
            source="Điều 69 Hiến pháp năm 2013",
            general_feedback="Quốc hội là cơ quan đại biểu cao nhất của Nhân dân.",
            shuffle=False,
            external_id="HTCT-01",
        ),
        ItemData(
            kind=Kind.MULTIPLE,
            stem="Hệ thống chính trị ở nước ta gồm những tổ chức nào?",
            options=[
                OptionData("Đảng Cộng sản Việt Nam", correct=True, fraction=0.5),
                OptionData("Các doanh nghiệp nhà nước"),
                OptionData("Mặt trận Tổ quốc Việt Nam", correct=True, fraction=0.5),
            ],
            difficulty=Difficulty.MEDIUM,
            points=2.0,
        ),
        ItemData(
            kind=Kind.MULTIPLE,
            stem="Chọn các phương án đúng (có thể chỉ một).",
            options=[OptionData("Một", correct=True, fraction=1.0), OptionData("Hai")],
        ),
        ItemData(
            kind=Kind.TRUE_FALSE,
            stem="Cán bộ, công chức phải trung thành với Đảng, Nhà nước.",
            truth=True,
            difficulty=Difficulty.HARD,
        ),
        ItemData(
            kind=Kind.SHORT_TEXT,
            stem="Luật Cán bộ, công chức năm 2008 có hiệu lực từ năm nào?",
            answers=[ShortAnswerData("2010"), ShortAnswerData("năm 2010")],
        ),
        ItemData(
            kind=Kind.SHORT_TEXT,
            stem="Nhận định “Công chức không được kinh doanh” là đúng hay sai? Ghi một từ.",
            answers=[ShortAnswerData("Đúng")],
        ),
        ItemData(
            kind=Kind.NUMERIC,
            stem="Nhiệm kỳ của Quốc hội là bao nhiêu năm?",
            numeric=[NumericAnswerData(5.0, 0.0)],
        ),
        ItemData(
            kind=Kind.NUMERIC,
            stem="Giá trị gần đúng của số pi?",
            numeric=[NumericAnswerData(3.14159, 0.001), NumericAnswerData(3.14, 0.01)],
            points=0.25,
        ),
        ItemData(
            kind=Kind.ESSAY,
            stem="Phân tích vai trò của công chức cấp xã.<br>Liên hệ thực tiễn địa phương.",
            essay_guide="a) Nêu khái niệm (1 điểm).<br>b) Phân tích vai trò (2 điểm).",
            points=3.0,
            topic_path=("Tự luận",),
        ),
        ItemData(
            kind=Kind.SINGLE,
            stem='Quan sát sơ đồ: <img src="asset:so-do.png"> Cơ quan ở ô số 1 là gì?',
            options=[OptionData("Quốc hội", correct=True, fraction=1.0), OptionData("Chính phủ")],
            assets=[AssetData("so-do.png", "image/png", image)],
        ),
    ]


def comparable(item: ItemData) -> ItemData:
    item.location = ""
    return item


def test_write_then_parse_gives_back_every_kind() -> None:
    items = every_kind()
    result = docx_items.parse(docx_items.write(items))
    assert result.errors == []
    assert result.warnings == []
    assert [comparable(i) for i in result.items] == items


def test_writing_a_choice_item_with_more_than_six_options_is_refused() -> None:
    item = ItemData(
        kind=Kind.SINGLE,
        stem="Chọn.",
        options=[OptionData(str(i), correct=i == 0) for i in range(7)],
    )
    with pytest.raises(ValueError, match="tệp Word chỉ ghi được 6 phương án"):
        docx_items.write([item])


# --- The shipped sample ---------------------------------------------------------------------------

SAMPLE = Path(__file__).parents[4] / "docs/formats/samples/mau-cau-hoi.docx"


def diagram_png() -> bytes:
    """Return a 360x100 picture of three boxes, the middle one red (the sample's diagram)."""
    width, height = 360, 100
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            box, inside = divmod(x, 120)
            border = inside in (10, 110) or y in (20, 80)
            in_box = 10 <= inside <= 110 and 20 <= y <= 80
            if in_box and border:
                row += b"\x20\x20\x20"
            elif in_box:
                row += b"\xd0\x20\x20" if box == 1 else b"\xe0\xe0\xe0"
            else:
                row += b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def sample_document() -> bytes:
    """Return docs/formats/samples/mau-cau-hoi.docx: every way of the convention to give a key.

    Regenerate the shipped file with ``write_sample()`` (see docs/formats/bank-docx.md).
    """
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = docx.shared.Pt(13)
    for line in ("ỦY BAN NHÂN DÂN TỈNH", "ĐỀ CƯƠNG ÔN TẬP KIẾN THỨC CHUNG"):
        add_paragraph(document, [bold(line)])
    add_paragraph(document, "(Các câu trắc nghiệm có một hoặc nhiều đáp án đúng.)")
    paragraphs: list[tuple[Run | list[Run], str | None]] = [
        ("PHẦN I. HỆ THỐNG CHÍNH TRỊ", "Heading 1"),
        ("Chủ đề: Kiến thức chung > Hệ thống chính trị", None),
        (
            [
                bold("Câu 1."),
                " Theo Hiến pháp năm 2013, cơ quan nào là cơ quan quyền lực nhà nước cao nhất "
                "của nước Cộng hòa xã hội chủ nghĩa Việt Nam?",
            ],
            None,
        ),
        ("A. Chính phủ", None),
        ([bold("B. Quốc hội")], None),
        ("C. Chủ tịch nước", None),
        ("D. Tòa án nhân dân tối cao", None),
        ("Mức độ: Dễ", None),
        ("Nguồn: Điều 69 Hiến pháp năm 2013", None),
        (
            [
                bold("Câu 2."),
                " Theo Hiến pháp năm 2013, cơ quan hành chính nhà nước cao nhất của nước Cộng "
                "hòa xã hội chủ nghĩa Việt Nam là:",
            ],
            None,
        ),
        (["A. Quốc hội\t\t", underlined("B. Chính phủ")], None),
        ("C. Ủy ban Thường vụ Quốc hội\tD. Văn phòng Chủ tịch nước", None),
        ("Mức độ: Dễ", None),
        ("Nguồn: Điều 94 Hiến pháp năm 2013", None),
        ([bold("Câu 3."), " Nhiệm kỳ của mỗi khóa Quốc hội là bao nhiêu năm?"], None),
        ("A. 4 năm", None),
        ("B. 5 năm", None),
        ("C. 6 năm", None),
        ("D. 10 năm", None),
        ("Đáp án: B", None),
        ("Nguồn: Điều 71 Hiến pháp năm 2013", None),
        (
            [
                bold("Câu 4."),
                " Hệ thống chính trị ở nước ta gồm những tổ chức nào sau đây? (Chọn tất cả "
                "các phương án đúng)",
            ],
            None,
        ),
        ("A. Đảng Cộng sản Việt Nam", None),
        ("B. Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam", None),
        ("C. Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội", None),
        ("D. Các doanh nghiệp nhà nước", None),
        ("Đáp án: A, B, C", None),
        ("Mức độ: Trung bình", None),
        (
            [
                bold("Câu 5."),
                " Sơ đồ dưới đây thể hiện ba quyền lập pháp, hành pháp, tư pháp (từ trái sang "
                "phải). Cơ quan nào thực hiện quyền ở ô tô màu đỏ?",
            ],
            None,
        ),
        ([picture(diagram_png())], None),
        ("A. Quốc hội", None),
        ("B. Chính phủ", None),
        ("C. Tòa án nhân dân", None),
        ("Đáp án: B", None),
        ("Mức độ: Trung bình", None),
        ("PHẦN II. LUẬT CÁN BỘ, CÔNG CHỨC", "Heading 1"),
        ("Chủ đề: Kiến thức chung > Luật Cán bộ, công chức", None),
        (
            [
                bold("Câu 6."),
                " Cán bộ, công chức có nghĩa vụ trung thành với Đảng Cộng sản Việt Nam, Nhà "
                "nước Cộng hòa xã hội chủ nghĩa Việt Nam; bảo vệ danh dự Tổ quốc và lợi ích "
                "quốc gia. Nhận định trên đúng hay sai?",
            ],
            None,
        ),
        ("Đáp án: Đúng", None),
        ("Nguồn: Khoản 1 Điều 8 Luật Cán bộ, công chức năm 2008", None),
        (
            [
                bold("Câu 7."),
                " Luật Cán bộ, công chức năm 2008 có hiệu lực thi hành từ năm nào? (Ghi số năm)",
            ],
            None,
        ),
        ("Đáp án: 2010 | năm 2010", None),
        ("Mức độ: Dễ", None),
        ("PHẦN III. TỰ LUẬN", "Heading 1"),
        (
            [
                bold("Câu 8 (3 điểm)."),
                " Anh/chị hãy trình bày các nguyên tắc quản lý cán bộ, công chức theo Luật "
                "Cán bộ, công chức năm 2008.",
            ],
            None,
        ),
        ("Chủ đề: Kiến thức chung > Luật Cán bộ, công chức", None),
        ("Mức độ: Khó", None),
        ("Hướng dẫn chấm:", None),
        ("Nêu đủ 5 nguyên tắc tại Điều 5, mỗi nguyên tắc 0,5 điểm:", None),
        ("a) Bảo đảm sự lãnh đạo của Đảng Cộng sản Việt Nam, sự quản lý của Nhà nước;", None),
        ("b) Kết hợp giữa tiêu chuẩn chức danh, vị trí việc làm và chỉ tiêu biên chế;", None),
        (
            "c) Thực hiện nguyên tắc tập trung dân chủ, chế độ trách nhiệm cá nhân và phân "
            "công, phân cấp rõ ràng;",
            None,
        ),
        (
            "d) Việc sử dụng, đánh giá, phân loại cán bộ, công chức phải dựa trên phẩm chất "
            "chính trị, đạo đức và năng lực thi hành công vụ;",
            None,
        ),
        ("đ) Thực hiện bình đẳng giới.", None),
        ("Liên hệ thực tiễn tại cơ quan, đơn vị: 0,5 điểm.", None),
    ]
    for paragraph, style_name in paragraphs:
        add_paragraph(document, paragraph, style=style_name)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_sample() -> None:
    SAMPLE.write_bytes(sample_document())


def test_the_shipped_sample_reads_as_documented() -> None:
    result = docx_items.parse(SAMPLE.read_bytes())
    assert result.errors == []
    assert result.warnings == []
    kinds = [i.kind for i in result.items]
    assert kinds == [
        Kind.SINGLE,
        Kind.SINGLE,
        Kind.SINGLE,
        Kind.MULTIPLE,
        Kind.SINGLE,
        Kind.TRUE_FALSE,
        Kind.SHORT_TEXT,
        Kind.ESSAY,
    ]
    keys = [i.correct_options() for i in result.items[:5]]
    assert keys == [[1], [1], [1], [0, 1, 2], [1]]
    assert [i.topic_path[-1:] for i in result.items] == [("Hệ thống chính trị",)] * 5 + [
        ("Luật Cán bộ, công chức",)
    ] * 3
    image_item = result.items[4]
    (asset,) = image_item.assets
    assert image_item.stem.endswith(f'ô tô màu đỏ?<br><img src="asset:{asset.name}">')
    essay = result.items[7]
    assert essay.points == 3.0
    assert essay.difficulty == Difficulty.HARD
    assert essay.essay_guide.startswith("Nêu đủ 5 nguyên tắc tại Điều 5")
    assert essay.essay_guide.count("<br>") == 6


def test_the_shipped_sample_is_what_the_generator_writes() -> None:
    shipped = docx_items.parse(SAMPLE.read_bytes()).items
    assert shipped == docx_items.parse(sample_document()).items


# --- Fuzzing ------------------------------------------------------------------------------------

# What starts a paragraph in the convention, and what follows it: the fuzzer mixes them with
# random text and formatting so that most documents hold questions, good or bad.
PREFIXES = st.sampled_from(
    [
        "Câu 1. ",
        "Câu 2: ",
        "Câu hỏi 3) ",
        "CÂU 4 (2 điểm): ",
        "A. ",
        "B) ",
        "C.",
        "D. ",
        "E) ",
        "a) ",
        "b. ",
        "Đáp án: ",
        "ĐA: ",
        "Đáp án đúng: ",
        "Mức độ: ",
        "Điểm: ",
        "Chủ đề: ",
        "Sai số: ",
        "Hướng dẫn chấm: ",
        "Giải thích: ",
        "Nguồn: ",
        "PHẦN I. ",
        "[Tự luận] ",
        "",
    ]
)
PIECES = st.sampled_from(
    [
        "B",
        "A, C",
        "Đúng",
        "Sai",
        "G",
        "3,14",
        "1.000,5",
        "Khó",
        "x | y",
        "Kiến thức chung > Luật",
        "\tB. ",
        "\tC) ",
        "  D. ",
        "[Số]",
        "[Nhiều lựa chọn]",
        "[Không đảo phương án]",
        "Hệ thống chính trị",
        "\u0301",
        "\ufffc",
        " ",
    ]
) | st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=10)
FORMAT = st.fixed_dictionaries(
    {}, optional={"bold": st.booleans(), "underline": st.booleans(), "highlight": st.booleans()}
)
PARAGRAPH = st.tuples(
    st.tuples(PREFIXES, FORMAT), st.lists(st.tuples(PIECES, FORMAT), max_size=3)
).map(lambda p: [p[0], *p[1]])
# A well-formed question (options A-D, a key line) whose runs are then formatted at random.
QUESTION = st.tuples(
    st.lists(st.tuples(PIECES, FORMAT), min_size=1, max_size=2),
    st.lists(st.tuples(PIECES, FORMAT), min_size=4, max_size=4),
    PIECES,
).map(
    lambda q: [
        [("Câu 1. ", {}), *q[0]],
        *([(f"{letter}. ", {}), run] for letter, run in zip("ABCD", q[1], strict=True)),
        [(f"Đáp án: {q[2]}", {})],
    ]
)
PARAGRAPHS = st.lists(st.one_of(PARAGRAPH.map(lambda p: [p]), QUESTION), max_size=10).map(
    lambda blocks: [paragraph for block in blocks for paragraph in block]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, st.booleans())
def test_fuzzed_documents_give_items_or_item_format_errors_only(
    paragraphs: list[list[tuple[str, dict[str, Any]]]], with_picture: bool
) -> None:
    document = docx.Document()
    for runs in paragraphs:
        add_paragraph(document, [(text, fmt) for text, fmt in runs])
    if with_picture and paragraphs:
        add_paragraph(document, ["Câu 9. ", picture(png())])
    out = io.BytesIO()
    document.save(out)
    try:
        result = docx_items.parse(out.getvalue())
    except ItemFormatError as exc:
        assert exc.message
        return
    for item in result.items:
        assert item.stem.strip()
        assert unicodedata.is_normalized("NFC", item.stem)
    # What was read writes back to the same items, unless a line of some text looks like an
    # option, a label, a question or a heading (the convention has no escape for those).
    plain = [i for i in result.items if not any(map(_ambiguous, _texts(i)))]
    back = docx_items.parse(docx_items.write(plain)).items if plain else []
    assert [comparable(i) for i in back] == [comparable(i) for i in plain]


AMBIGUOUS_LINE = re.compile(r"<br>\s*(?:[A-Fa-f]\s*[.)]|[^<]{0,40}:|c[âa]u|PHẦN)", re.IGNORECASE)


def _texts(item: ItemData) -> list[str]:
    return [item.stem, item.essay_guide, item.general_feedback, *(o.text for o in item.options)]


def _ambiguous(text: str) -> bool:
    return AMBIGUOUS_LINE.search("<br>" + text) is not None


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_fuzzed_bytes_raise_only_item_format_errors(data: bytes) -> None:
    try:
        docx_items.parse(data)
    except ItemFormatError:
        pass


VALID = make_docx("Câu 1. Một?", [bold("A. Một")], "B. Hai", "Câu 2. Hai?", "Đáp án: Sai")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8
    ),
    st.integers(1, len(VALID)),
)
def test_corrupted_zips_raise_only_item_format_errors(
    changes: list[tuple[int, int]], length: int
) -> None:
    data = bytearray(VALID)
    for position, value in changes:
        data[position] = value
    try:
        docx_items.parse(bytes(data[:length]))
    except ItemFormatError:
        pass


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_fuzzed_xml_inside_a_valid_package_raises_only_item_format_errors(data: Any) -> None:
    source = zipfile.ZipFile(io.BytesIO(VALID))
    target = data.draw(
        st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml"])
    )
    original = source.read(target)
    start = data.draw(st.integers(0, len(original) - 1))
    junk = data.draw(st.sampled_from([b"", b"<", b">", b"<w:b/>", b"<w:p>", b"&", b"\x00", b"'"]))
    content = original[:start] + junk + original[start + data.draw(st.integers(0, 40)) :]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, content if info.filename == target else source.read(info))
    try:
        docx_items.parse(out.getvalue())
    except ItemFormatError:
        pass


def test_marker_inside_a_topic_line_is_part_of_the_topic_not_a_marker() -> None:
    # Found by the fuzzer: "Chủ đề: [Số]" made the question numeric after a round trip.
    data = make_docx("Chủ đề: [Số]", "Câu 1. Cơ quan nào?", *FOUR_OPTIONS, "Đáp án: B")
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.SINGLE and item.topic_path == ("[Số]",)
    (again,) = docx_items.parse(docx_items.write([item])).items
    assert again.kind == Kind.SINGLE and again.topic_path == ("[Số]",)


def test_keep_order_marker_on_a_question_without_options_changes_nothing() -> None:
    # Found by the fuzzer: an essay marked "[Không đảo phương án]" lost the mark on a round trip.
    data = make_docx("Câu 1. Trình bày quy trình [Không đảo phương án]", "Hướng dẫn chấm: đủ ý")
    (item,) = docx_items.parse(data).items
    assert item.kind == Kind.ESSAY and item.shuffle is True
    assert docx_items.parse(docx_items.write([item])).items[0].shuffle is True
