"""The bank's Excel template: reading rows, row and file errors, writing, the template, fuzzing."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from sathach.lib.formats import xlsx_items
from sathach.lib.formats.items import (
    Difficulty,
    ItemData,
    ItemFormatError,
    Kind,
    NumericAnswerData,
    OptionData,
    ShortAnswerData,
)

HEADER = [
    "Chủ đề",
    "Loại câu hỏi",
    "Mức độ",
    "Nội dung câu hỏi",
    "Phương án A",
    "Phương án B",
    "Phương án C",
    "Phương án D",
    "Đáp án",
    "Sai số",
    "Điểm",
]


def make_xlsx(
    *rows: dict[str, Any] | list[Any], header: list[str] = HEADER, merge: str = ""
) -> bytes:
    """Return a workbook with ``header`` in row 1 and one row per argument.

    A row given as a dict names its cells by header; missing cells are empty.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(h) for h in header] if isinstance(row, dict) else row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def row(**cells: Any) -> dict[str, Any]:
    """Return a row of the default header; keyword names are headers with "_" for spaces."""
    names = {h.replace(" ", "_"): h for h in HEADER}
    return {names[k]: v for k, v in cells.items()}


def single(**cells: Any) -> dict[str, Any]:
    base = {
        "Loại câu hỏi": "Một lựa chọn",
        "Nội dung câu hỏi": "Cơ quan quyền lực nhà nước cao nhất là cơ quan nào?",
        "Phương án A": "Chính phủ",
        "Phương án B": "Quốc hội",
        "Phương án C": "Chủ tịch nước",
        "Đáp án": "B",
    }
    base.update(row(**cells))
    return base


def messages(issues: list[Any]) -> list[str]:
    return [str(issue) for issue in issues]


# --- Reading rows -------------------------------------------------------------------------------


def test_a_single_choice_row_becomes_an_item() -> None:
    result = xlsx_items.parse(make_xlsx(single(Chủ_đề="Kiến thức chung > Hệ thống chính trị")))
    assert result.errors == []
    (item,) = result.items
    assert item.kind == Kind.SINGLE
    assert item.stem == "Cơ quan quyền lực nhà nước cao nhất là cơ quan nào?"
    assert [o.text for o in item.options] == ["Chính phủ", "Quốc hội", "Chủ tịch nước"]
    assert item.correct_options() == [1]
    assert item.options[1].fraction == 1.0
    assert item.topic_path == ("Kiến thức chung", "Hệ thống chính trị")
    assert item.points == 1.0
    assert item.location == "dòng 2"


@pytest.mark.parametrize(
    ("spelling", "kind"),
    [
        ("Một lựa chọn", Kind.SINGLE),
        ("mot lua chon", Kind.SINGLE),
        ("SINGLE", Kind.SINGLE),
        ("Nhiều lựa chọn", Kind.MULTIPLE),
        ("multiple", Kind.MULTIPLE),
    ],
)
def test_kind_is_read_in_vietnamese_without_diacritics_or_as_a_code(
    spelling: str, kind: Kind
) -> None:
    (item,) = xlsx_items.parse(make_xlsx(single(Loại_câu_hỏi=spelling))).items
    assert item.kind == kind


@pytest.mark.parametrize("key", ["A,C", "A, C", "a; c", "AC", "A và C"])
def test_multiple_response_key_lists_letters(key: str) -> None:
    data = make_xlsx(single(Loại_câu_hỏi="Nhiều lựa chọn", Đáp_án=key))
    (item,) = xlsx_items.parse(data).items
    assert item.correct_options() == [0, 2]
    assert [o.fraction for o in item.options] == [0.5, 0.0, 0.5]


def test_empty_kind_is_inferred_from_the_options_and_the_key() -> None:
    data = make_xlsx(single(Loại_câu_hỏi=None), single(Loại_câu_hỏi="", Đáp_án="A, B"))
    assert [i.kind for i in xlsx_items.parse(data).items] == [Kind.SINGLE, Kind.MULTIPLE]


@pytest.mark.parametrize(
    ("cell", "truth"), [("Đúng", True), ("sai", False), ("Đ", True), (True, True), (False, False)]
)
def test_true_false_key_is_dung_or_sai(cell: Any, truth: bool) -> None:
    data = make_xlsx(row(Loại_câu_hỏi="Đúng/Sai", Nội_dung_câu_hỏi="Nhận định?", Đáp_án=cell))
    (item,) = xlsx_items.parse(data).items
    assert item.kind == Kind.TRUE_FALSE
    assert item.truth is truth


def test_short_answer_lists_accepted_answers_separated_by_bars() -> None:
    data = make_xlsx(
        row(Loại_câu_hỏi="Trả lời ngắn", Nội_dung_câu_hỏi="Năm nào?", Đáp_án="2010 | năm 2010"),
        row(Loại_câu_hỏi="short_text", Nội_dung_câu_hỏi="Năm nào?", Đáp_án=2010),
    )
    first, second = xlsx_items.parse(data).items
    assert first.answers == [ShortAnswerData("2010"), ShortAnswerData("năm 2010")]
    assert second.answers == [ShortAnswerData("2010")]


@pytest.mark.parametrize(
    ("key", "tolerance", "expected"),
    [
        ("3,14", "0,01", [NumericAnswerData(3.14, 0.01)]),
        ("3.14", "0.01", [NumericAnswerData(3.14, 0.01)]),
        (3.14, 0.01, [NumericAnswerData(3.14, 0.01)]),
        ("1.000.000", None, [NumericAnswerData(1_000_000.0, 0.0)]),
        ("1.234,5", "0,5", [NumericAnswerData(1234.5, 0.5)]),
        ("3,14 | 3,1416", "0,01", [NumericAnswerData(3.14, 0.01), NumericAnswerData(3.1416, 0.01)]),
        ("1 | 2", "0 | 0,5", [NumericAnswerData(1.0, 0.0), NumericAnswerData(2.0, 0.5)]),
    ],
)
def test_numeric_key_reads_the_vietnamese_decimal_comma(
    key: Any, tolerance: Any, expected: list[NumericAnswerData]
) -> None:
    data = make_xlsx(
        row(Loại_câu_hỏi="Số", Nội_dung_câu_hỏi="Bao nhiêu?", Đáp_án=key, Sai_số=tolerance)
    )
    (item,) = xlsx_items.parse(data).items
    assert item.kind == Kind.NUMERIC
    assert item.numeric == expected


def test_essay_takes_its_marking_guide() -> None:
    header = [*HEADER, "Hướng dẫn chấm"]
    data = make_xlsx(
        {
            "Loại câu hỏi": "Tự luận",
            "Nội dung câu hỏi": "Trình bày khái niệm công chức.",
            "Hướng dẫn chấm": "Ý 1 (1 điểm)\nÝ 2 (1 điểm)",
            "Điểm": 2,
        },
        header=header,
    )
    (item,) = xlsx_items.parse(data).items
    assert item.kind == Kind.ESSAY
    assert item.essay_guide == "Ý 1 (1 điểm)<br>Ý 2 (1 điểm)"
    assert item.points == 2.0


def test_essay_key_becomes_the_guide_when_the_guide_is_empty_with_a_warning() -> None:
    data = make_xlsx(row(Loại_câu_hỏi="tu luan", Nội_dung_câu_hỏi="Trình bày.", Đáp_án="Ý chính"))
    result = xlsx_items.parse(data)
    assert result.items[0].essay_guide == "Ý chính"
    assert messages(result.warnings) == [
        "dòng 2, cột Đáp án: câu tự luận không có đáp án; nội dung ô Đáp án được dùng làm "
        "hướng dẫn chấm"
    ]


@pytest.mark.parametrize(
    ("cell", "level"),
    [("Dễ", Difficulty.EASY), ("trung binh", Difficulty.MEDIUM), ("hard", Difficulty.HARD)],
)
def test_difficulty_is_read_in_vietnamese_or_english(cell: str, level: Difficulty) -> None:
    (item,) = xlsx_items.parse(make_xlsx(single(Mức_độ=cell))).items
    assert item.difficulty == level


@pytest.mark.parametrize(("cell", "points"), [(2, 2.0), ("0,5", 0.5), (None, 1.0), (1.5, 1.5)])
def test_points_default_to_one_and_read_decimal_commas(cell: Any, points: float) -> None:
    (item,) = xlsx_items.parse(make_xlsx(single(Điểm=cell))).items
    assert item.points == points


def test_optional_columns_feedback_source_id_and_keep_order() -> None:
    header = [*HEADER, "Mã câu hỏi", "Giải thích", "Nguồn / căn cứ", "Không đảo phương án"]
    cells = single()
    cells.update(
        {
            "Mã câu hỏi": "HTCT-001",
            "Giải thích": "Điều 69 Hiến pháp.",
            "Nguồn / căn cứ": "Điều 69 Hiến pháp năm 2013",
            "Không đảo phương án": "x",
        }
    )
    (item,) = xlsx_items.parse(make_xlsx(cells, header=header)).items
    assert item.external_id == "HTCT-001"
    assert item.general_feedback == "Điều 69 Hiến pháp."
    assert item.source == "Điều 69 Hiến pháp năm 2013"
    assert item.shuffle is False


def test_headers_match_whatever_their_case_diacritics_spaces_and_order() -> None:
    header = [
        "STT",
        "  DAP AN ",
        "noi dung cau hoi",
        "LOẠI CÂU HỎI",
        "phương  án a",
        "Phuong an B",
        "Ghi chú",
    ]
    data = make_xlsx([1, "A", "Câu hỏi?", "Một lựa chọn", "Có", "Không", "bỏ qua"], header=header)
    result = xlsx_items.parse(data)
    assert [o.text for o in result.items[0].options] == ["Có", "Không"]
    assert result.items[0].correct_options() == [0]
    assert messages(result.warnings) == ["dòng 1: cột “Ghi chú” không thuộc mẫu, đã bỏ qua"]


def test_plain_text_is_escaped_and_line_breaks_become_br_but_html_is_kept() -> None:
    data = make_xlsx(
        single(Nội_dung_câu_hỏi="Nếu a < b & b < c\nthì?"),
        single(Nội_dung_câu_hỏi="Theo <b>Hiến pháp</b>,\ncơ quan nào?"),
    )
    plain, marked_up = xlsx_items.parse(data).items
    assert plain.stem == "Nếu a &lt; b &amp; b &lt; c<br>thì?"
    assert marked_up.stem == "Theo <b>Hiến pháp</b>,<br>cơ quan nào?"


def test_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Cơ quan quyền lực?")
    (item,) = xlsx_items.parse(make_xlsx(single(Nội_dung_câu_hỏi=decomposed))).items
    assert item.stem == "Cơ quan quyền lực?"
    assert unicodedata.is_normalized("NFC", item.stem)


def test_blank_rows_are_skipped_and_rows_keep_their_sheet_numbers() -> None:
    data = make_xlsx(single(), [None] * len(HEADER), single(Đáp_án="Z"))
    result = xlsx_items.parse(data)
    assert [i.location for i in result.items] == ["dòng 2"]
    assert messages(result.errors) == [
        "dòng 4, cột Đáp án: đáp án “Z” không có trong các phương án"
    ]


def test_a_picture_reference_is_kept_with_a_warning_that_the_picture_is_missing() -> None:
    data = make_xlsx(single(Nội_dung_câu_hỏi='Sơ đồ <img src="asset:so-do.png"> là gì?'))
    result = xlsx_items.parse(data)
    assert result.items[0].stem == 'Sơ đồ <img src="asset:so-do.png"> là gì?'
    assert messages(result.warnings) == [
        "dòng 2, cột Nội dung câu hỏi: ảnh “so-do.png” không có trong tệp Excel (Excel không "
        "mang được ảnh của câu hỏi); hãy thêm ảnh cho câu hỏi sau khi nhập"
    ]


# --- Row errors ---------------------------------------------------------------------------------


def test_unknown_kind_is_an_error_with_row_and_column() -> None:
    result = xlsx_items.parse(make_xlsx(single(), single(Loại_câu_hỏi="Ghép đôi")))
    assert messages(result.errors) == [
        "dòng 3, cột Loại câu hỏi: loại câu hỏi “Ghép đôi” không hợp lệ (nhận: Một lựa chọn, "
        "Nhiều lựa chọn, Đúng/Sai, Trả lời ngắn, Số, Tự luận)"
    ]
    assert len(result.items) == 1


def test_key_letter_pointing_to_an_empty_option_is_an_error() -> None:
    result = xlsx_items.parse(make_xlsx(single(Đáp_án="D")))
    assert messages(result.errors) == [
        "dòng 2, cột Đáp án: đáp án “D” không có trong các phương án"
    ]
    assert result.items == []


def test_key_letter_beyond_the_option_columns_is_an_error() -> None:
    result = xlsx_items.parse(make_xlsx(single(Đáp_án="F")))
    assert messages(result.errors) == [
        "dòng 2, cột Đáp án: đáp án “F” không có trong các phương án"
    ]


def test_missing_key_is_an_error() -> None:
    result = xlsx_items.parse(make_xlsx(single(Đáp_án=None)))
    assert messages(result.errors) == ["dòng 2, cột Đáp án: chưa có đáp án"]


def test_empty_question_is_an_error() -> None:
    result = xlsx_items.parse(make_xlsx(single(Nội_dung_câu_hỏi="  ")))
    assert messages(result.errors) == ["dòng 2, cột Nội dung câu hỏi: không được để trống"]


def test_bad_numbers_are_errors() -> None:
    data = make_xlsx(
        row(Loại_câu_hỏi="Số", Nội_dung_câu_hỏi="Bao nhiêu?", Đáp_án="ba phẩy một"),
        row(Loại_câu_hỏi="Số", Nội_dung_câu_hỏi="Bao nhiêu?", Đáp_án="3", Sai_số="nhỏ"),
        single(Điểm="hai"),
        row(Loại_câu_hỏi="Số", Nội_dung_câu_hỏi="Bao nhiêu?", Đáp_án="1 | 2", Sai_số="0 | 1 | 2"),
    )
    assert messages(xlsx_items.parse(data).errors) == [
        "dòng 2, cột Đáp án: đáp án “ba phẩy một” không phải là số",
        "dòng 3, cột Sai số: sai số “nhỏ” không phải là số",
        "dòng 4, cột Điểm: điểm “hai” không phải là số",
        "dòng 5, cột Sai số: có 3 sai số cho 2 đáp án (cần 1 sai số hoặc mỗi đáp án 1)",
    ]


def test_bad_difficulty_is_an_error() -> None:
    result = xlsx_items.parse(make_xlsx(single(Mức_độ="Vừa phải")))
    assert messages(result.errors) == [
        "dòng 2, cột Mức độ: mức độ “Vừa phải” không hợp lệ (nhận: Dễ, Trung bình, Khó)"
    ]


def test_bad_true_false_key_is_an_error() -> None:
    data = make_xlsx(row(Loại_câu_hỏi="Đúng/Sai", Nội_dung_câu_hỏi="Nhận định?", Đáp_án="B"))
    assert messages(xlsx_items.parse(data).errors) == [
        "dòng 2, cột Đáp án: đáp án của câu Đúng/Sai phải là “Đúng” hoặc “Sai”, không phải “B”"
    ]


def test_an_empty_option_before_a_filled_one_is_an_error() -> None:
    result = xlsx_items.parse(make_xlsx(single(Phương_án_B=None, Đáp_án="A")))
    assert messages(result.errors) == [
        "dòng 2, cột Phương án B: phương án B để trống nhưng phương án C có nội dung"
    ]


def test_generic_item_checks_report_the_row() -> None:
    data = make_xlsx(
        single(Đáp_án="A, B"),
        single(Phương_án_B=None, Phương_án_C=None, Đáp_án="A"),
        single(Điểm=0),
    )
    assert messages(xlsx_items.parse(data).errors) == [
        "dòng 2: câu hỏi một lựa chọn có nhiều hơn một đáp án đúng",
        "dòng 3: câu hỏi trắc nghiệm cần ít nhất 2 phương án",
        "dòng 4: điểm tối đa phải lớn hơn 0",
    ]


def test_options_of_a_kind_without_options_are_ignored_with_a_warning() -> None:
    data = make_xlsx(
        row(Loại_câu_hỏi="Đúng/Sai", Nội_dung_câu_hỏi="?", Phương_án_A="Đúng", Đáp_án="Sai")
    )
    result = xlsx_items.parse(data)
    assert result.items[0].options == []
    assert messages(result.warnings) == [
        "dòng 2, cột Phương án A: câu hỏi loại “Đúng/Sai” không dùng phương án; các phương án "
        "đã bỏ qua"
    ]


# --- Files that cannot be read ------------------------------------------------------------------


def _refused(data: bytes) -> str:
    with pytest.raises(ItemFormatError) as caught:
        xlsx_items.parse(data)
    return caught.value.message


def test_bytes_that_are_not_an_xlsx_are_refused() -> None:
    assert _refused("Loại câu hỏi;Nội dung".encode()) == xlsx_items.MSG_NOT_XLSX


def test_an_excel_97_workbook_is_refused_with_advice() -> None:
    assert _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)) == xlsx_items.MSG_XLS


def test_a_truncated_workbook_is_refused() -> None:
    data = make_xlsx(single())
    assert _refused(data[: len(data) - 300]) == xlsx_items.MSG_CORRUPT


def test_a_word_document_given_as_a_workbook_is_refused() -> None:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    assert _refused(out.getvalue()) == xlsx_items.MSG_CORRUPT


def test_missing_required_columns_are_named() -> None:
    data = make_xlsx(["Một lựa chọn"], header=["Loại câu hỏi", "Chủ đề"])
    assert _refused(data) == (
        "Thiếu cột bắt buộc ở dòng tiêu đề (dòng 1): “Nội dung câu hỏi”, “Đáp án”."
    )


def test_a_column_twice_is_refused() -> None:
    data = make_xlsx(single(), header=[*HEADER, "Đáp án"])
    assert _refused(data) == "Cột “Đáp án” xuất hiện hai lần ở dòng tiêu đề."


def test_merged_cells_in_the_data_are_refused() -> None:
    data = make_xlsx(single(), single(), merge="A2:A3")
    assert _refused(data) == ("Trang tính có ô gộp (A2:A3). Hãy bỏ gộp ô (Unmerge) rồi nhập lại.")


def test_an_empty_sheet_is_refused() -> None:
    workbook = Workbook()
    workbook.active.title = "Câu hỏi"
    out = io.BytesIO()
    workbook.save(out)
    assert _refused(out.getvalue()) == "Trang tính “Câu hỏi” trống: không có dòng tiêu đề."


def test_a_header_without_rows_is_refused() -> None:
    assert _refused(make_xlsx()) == "Trang tính “Sheet” không có câu hỏi nào dưới dòng tiêu đề."


def test_the_items_sheet_is_found_after_other_sheets() -> None:
    workbook = Workbook()
    workbook.active.title = "Bìa"
    workbook.active.append(["Ngân hàng câu hỏi năm 2025"])
    sheet = workbook.create_sheet("Câu hỏi")
    sheet.append(HEADER)
    cells = single()
    sheet.append([cells.get(h) for h in HEADER])
    out = io.BytesIO()
    workbook.save(out)
    assert len(xlsx_items.parse(out.getvalue()).items) == 1


# --- Writing and the template -------------------------------------------------------------------


def every_kind() -> list[ItemData]:
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
            stem="Hệ thống chính trị gồm những tổ chức nào?<br>Chọn các phương án đúng.",
            options=[
                OptionData("Đảng Cộng sản Việt Nam", correct=True, fraction=0.5),
                OptionData("Doanh nghiệp nhà nước"),
                OptionData("Mặt trận Tổ quốc Việt Nam", correct=True, fraction=0.5),
                OptionData("Hiệp hội A &amp; B"),
                OptionData("E"),
                OptionData("F"),
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
            truth=False,
            difficulty=Difficulty.HARD,
        ),
        ItemData(
            kind=Kind.SHORT_TEXT,
            stem="Luật Cán bộ, công chức năm 2008 có hiệu lực từ năm nào?",
            answers=[ShortAnswerData("2010"), ShortAnswerData("năm 2010")],
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
            stem="Phân tích vai trò của công chức cấp xã.",
            essay_guide="a) Nêu khái niệm (1 điểm).<br>b) Phân tích vai trò (2 điểm).",
            points=3.0,
            topic_path=("Tự luận",),
        ),
    ]


def comparable(item: ItemData) -> ItemData:
    item.location = ""
    return item


def test_write_then_parse_gives_back_every_kind() -> None:
    items = every_kind()
    result = xlsx_items.parse(xlsx_items.write(items))
    assert result.errors == []
    assert result.warnings == []
    assert [comparable(i) for i in result.items] == items


def test_written_workbook_has_the_template_look() -> None:
    workbook = load_workbook(io.BytesIO(xlsx_items.write(every_kind())))
    sheet = workbook.worksheets[0]
    assert workbook.sheetnames == ["Ngân hàng câu hỏi", "Hướng dẫn"]
    assert [c.value for c in sheet[1]] == list(xlsx_items.HEADERS)
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet["E2"].alignment.wrap_text is True
    assert sheet.column_dimensions["E"].width == 50
    assert (
        sheet["E3"].value == "Hệ thống chính trị gồm những tổ chức nào?\nChọn các phương án đúng."
    )
    assert sheet["I3"].value == "Hiệp hội A & B"


def test_template_explains_every_column_and_holds_examples_that_import() -> None:
    data = xlsx_items.make_template()
    workbook = load_workbook(io.BytesIO(data))
    explained = [r[0] for r in workbook["Hướng dẫn"].iter_rows(min_row=2, values_only=True)]
    assert [h for h in xlsx_items.HEADERS if h not in explained] == []
    result = xlsx_items.parse(data)
    assert result.errors == []
    assert [i.kind for i in result.items] == [Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE]


def test_the_shipped_sample_template_is_what_make_template_writes() -> None:
    from pathlib import Path

    sample = Path(__file__).parents[4] / "docs/formats/samples/mau-ngan-hang-cau-hoi.xlsx"
    shipped = xlsx_items.parse(sample.read_bytes()).items
    assert shipped == xlsx_items.parse(xlsx_items.make_template()).items


def test_writing_more_than_six_options_is_refused() -> None:
    item = ItemData(
        kind=Kind.SINGLE, stem="Chọn.", options=[OptionData(str(i), i == 0) for i in range(7)]
    )
    with pytest.raises(ValueError, match="mẫu Excel chỉ có 6 cột phương án"):
        xlsx_items.write([item])


def test_text_starting_with_an_equals_sign_is_written_as_text_not_a_formula() -> None:
    item = ItemData(kind=Kind.SHORT_TEXT, stem="=1+1", answers=[ShortAnswerData("=2")])
    (back,) = xlsx_items.parse(xlsx_items.write([item])).items
    assert (back.stem, back.answers[0].text) == ("=1+1", "=2")


# --- Fuzzing ------------------------------------------------------------------------------------

CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=15),
    st.sampled_from(
        [
            "Một lựa chọn",
            "nhieu lua chon",
            "Đúng/Sai",
            "Số",
            "Tự luận",
            "Trả lời ngắn",
            "A",
            "A, C",
            "E",
            "3,14",
            "1.000,5",
            "Đúng",
            "Khó",
            "a > b",
            "<b>x</b>",
            '<img src="asset:x.png">',
            "x | y",
            "=1+1",
        ]
    ),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(CELL, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=6))
def test_fuzzed_cells_under_a_valid_header_give_items_or_row_errors(rows: list[list[Any]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    clean = [
        [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in r] for r in rows
    ]
    try:
        result = xlsx_items.parse(make_xlsx(*clean))
    except ItemFormatError as exc:  # every row blank
        assert exc.message == "Trang tính “Sheet” không có câu hỏi nào dưới dòng tiêu đề."
        return
    for item in result.items:
        assert item.stem
        assert unicodedata.is_normalized("NFC", item.stem)
    for issue in result.errors:
        assert issue.location.startswith("dòng ")
    back = xlsx_items.parse(xlsx_items.write(result.items)).items if result.items else []
    assert [comparable(i) for i in back] == [comparable(i) for i in result.items]


VALID = make_xlsx(single(), single(Đáp_án="C"))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8
    ),
    st.integers(1, len(VALID)),
)
def test_corrupted_workbooks_raise_only_item_format_errors(
    changes: list[tuple[int, int]], length: int
) -> None:
    data = bytearray(VALID)
    for position, value in changes:
        data[position] = value
    try:
        xlsx_items.parse(bytes(data[:length]))
    except ItemFormatError:
        pass


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_fuzzed_xml_inside_a_valid_workbook_raises_only_item_format_errors(data: Any) -> None:
    source = zipfile.ZipFile(io.BytesIO(VALID))
    names = [n for n in source.namelist() if n.endswith(".xml")]
    target = data.draw(st.sampled_from(names))
    original = source.read(target)
    start = data.draw(st.integers(0, len(original) - 1))
    junk = data.draw(st.sampled_from([b"", b"<", b">", b"<c r='A9'/>", b"&", b"\x00", b'"']))
    content = original[:start] + junk + original[start + data.draw(st.integers(0, 40)) :]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, content if info.filename == target else source.read(info))
    try:
        xlsx_items.parse(out.getvalue())
    except ItemFormatError:
        pass
