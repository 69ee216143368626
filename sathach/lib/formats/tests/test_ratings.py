"""The ratings workbook: layout, cell checks with row and column, title rows, the template
and the error report; fuzzed so that only ``RatingsFormatError`` can escape."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from sathach.lib.formats.ratings import (
    HEADERS,
    RatingRow,
    RatingsFile,
    RatingsFormatError,
    RowError,
    parse_level,
    parse_ratings,
    write_error_report,
    write_template,
)

from .roster_helpers import as_excel_writes_it

TODAY = dt.date(2026, 3, 1)


def book(
    rows: list[list[Any]],
    *,
    header: list[Any] | None = None,
    title_rows: list[list[Any]] = (),  # type: ignore[assignment]
    merged: list[str] = (),  # type: ignore[assignment]
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for title in title_rows:
        sheet.append(title)
    sheet.append(list(HEADERS) if header is None else header)
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def row(code="NV001", name="Nguyễn Văn An", year=2024, level="HTT", party="", note=""):
    return [code, name, year, level, party, note]


def parse(data: bytes, **kw) -> RatingsFile:
    return parse_ratings(data, today=TODAY, **kw)


# --- Levels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("HTXS", "htxs"),
        ("htt", "htt"),
        ("H.T", "ht"),
        ("KHTNV", "kht"),
        ("Hoàn thành xuất sắc nhiệm vụ", "htxs"),
        ("hoàn thành tốt", "htt"),
        ("HOAN THANH NHIEM VU", "ht"),
        ("Không hoàn thành nhiệm vụ", "kht"),
        ("Khong hoan thanh", "kht"),
        ("Hoa\u0300n tha\u0300nh nhiệm vụ", "ht"),  # NFD input
        ("Giỏi", None),
        ("Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực", None),  # NĐ 56/2015 level
        ("", None),
    ],
)
def test_levels_are_read_as_abbreviations_or_full_words(text, level):
    assert parse_level(text) == level


# --- Reading --------------------------------------------------------------------------------


def test_good_rows_are_read_with_levels_party_levels_and_notes_in_nfc():
    data = book(
        [
            row(),
            row("NV002", "Le\u0302 Thi\u0323 Bi\u0300nh", "2025", "Hoàn thành xuất sắc", "HTT"),
            row("NV003", year=2023.0, level="kht", note="  Chuyển   công tác "),
        ]
    )
    ratings = parse(data)
    assert ratings.errors == [] and ratings.warnings == []
    assert ratings.rows == [
        RatingRow(2, "NV001", 2024, "htt", "Nguyễn Văn An"),
        RatingRow(3, "NV002", 2025, "htxs", "Lê Thị Bình", "htt"),
        RatingRow(4, "NV003", 2023, "kht", "Nguyễn Văn An", "", "Chuyển công tác"),
    ]


def test_the_shared_strings_excel_writes_are_read_the_same():
    data = book([row(), row("NV002", level="HT")])
    assert parse(as_excel_writes_it(data)).rows == parse(data).rows


def test_title_rows_above_the_header_are_skipped_and_row_numbers_kept():
    data = book(
        [["1", *row()]],
        header=["STT", *HEADERS],
        title_rows=[["DANH SÁCH XẾP LOẠI CHẤT LƯỢNG NĂM 2024"], [], ["Đơn vị: Sở Nội vụ"]],
        merged=["A1:G1"],
    )
    ratings = parse(data)
    assert ratings.header_row == 4
    assert [(r.row, r.code) for r in ratings.rows] == [(5, "NV001")]
    assert ratings.warnings == []  # "STT" is a known extra column


def test_every_bad_cell_is_reported_with_its_row_and_column_in_vietnamese():
    data = book(
        [
            row(),
            row("", level=""),
            row("NV 3", year=1999),
            row("NV004", year="năm 2024", level="Giỏi", party="Tốt"),
            row("NV005", year=2027, note="x" * 501),
        ]
    )
    ratings = parse(data)
    assert [r.code for r in ratings.rows] == ["NV001"]
    assert ratings.errors == [
        RowError(3, "Mã công chức", "Không được để trống."),
        RowError(3, "Xếp loại", "Không được để trống."),
        RowError(
            4,
            "Mã công chức",
            "Mã “NV 3” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và các dấu . - _.",
        ),
        RowError(4, "Năm", "Năm “1999” không hợp lệ (cần năm từ 2000 đến 2026)."),
        RowError(5, "Năm", "Năm “năm 2024” không hợp lệ (cần năm từ 2000 đến 2026)."),
        RowError(
            5,
            "Xếp loại",
            "Xếp loại “Giỏi” không hợp lệ (nhận: HTXS, HTT, HT, KHT hoặc Hoàn thành xuất sắc "
            "nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ).",
        ),
        RowError(
            5,
            "Xếp loại đảng viên",
            "Xếp loại “Tốt” không hợp lệ (nhận: HTXS, HTT, HT, KHT hoặc Hoàn thành xuất sắc "
            "nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ).",
        ),
        RowError(6, "Năm", "Năm “2027” không hợp lệ (cần năm từ 2000 đến 2026)."),
        RowError(6, "Ghi chú", "Dài quá 500 ký tự."),
    ]


def test_the_same_person_and_year_twice_refuses_both_rows():
    ratings = parse(book([row(), row("NV002"), row(level="HT"), row(year=2023)]))
    assert [r.row for r in ratings.rows] == [3, 5]
    message = "Công chức “NV001” có nhiều dòng cho năm 2024 (dòng 2, 4)."
    assert ratings.errors == [
        RowError(2, "Mã công chức", message),
        RowError(4, "Mã công chức", message),
    ]


def test_the_year_being_imported_fills_empty_cells_and_refuses_other_years():
    ratings = parse(book([row(year=None), row("NV002", year=2023)]), year=2024)
    assert [(r.code, r.year) for r in ratings.rows] == [("NV001", 2024)]
    assert ratings.errors == [RowError(3, "Năm", "Năm 2023 khác năm đang nhập (2024).")]


def test_the_year_column_may_be_left_out_when_the_year_is_given():
    header = ["Mã công chức", "Xếp loại"]
    ratings = parse(book([["NV001", "HT"]], header=header), year=2022)
    assert [(r.code, r.year, r.level) for r in ratings.rows] == [("NV001", 2022, "ht")]


def test_an_empty_year_without_a_year_given_is_refused():
    ratings = parse(book([row(year=None)]))
    assert ratings.errors == [RowError(2, "Năm", "Không được để trống.")]


def test_unknown_columns_are_warned_about_and_ignored():
    ratings = parse(book([[*row(), "x"]], header=[*HEADERS, "Điểm"]))
    assert ratings.warnings == ["Cột “Điểm” không thuộc mẫu, đã bỏ qua."]
    assert len(ratings.rows) == 1


# --- Files that cannot be used --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"hello",
            "Tệp không phải là tệp Excel .xlsx. Hãy lưu tệp dưới dạng “Excel Workbook (.xlsx)”.",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "Tệp là định dạng Excel 97-2003 (.xls), không được hỗ trợ. Hãy mở bằng Excel và lưu "
            "lại dưới dạng .xlsx.",
        ),
    ],
)
def test_a_file_that_is_not_an_xlsx_is_refused(data, message):
    with pytest.raises(RatingsFormatError) as exc:
        parse(data)
    assert exc.value.message == message


def test_missing_required_headers_are_named():
    with pytest.raises(RatingsFormatError) as exc:
        parse(book([["NV001", "x"]], header=["Mã công chức", "Họ và tên"]))
    assert exc.value.message == "Thiếu cột bắt buộc ở dòng tiêu đề (dòng 1): “Năm”, “Xếp loại”."


def test_no_header_in_the_first_ten_rows_is_refused():
    data = book([], header=["Họ và tên"], title_rows=[["Tiêu đề"]] * 3)
    with pytest.raises(RatingsFormatError) as exc:
        parse(data)
    assert exc.value.message == (
        "Không thấy dòng tiêu đề có cột “Mã công chức” trong 10 dòng đầu của trang tính “Sheet”."
    )


def test_merged_cells_in_the_table_are_refused_but_not_in_the_title():
    with pytest.raises(RatingsFormatError) as exc:
        parse(book([row(), row("NV002")], merged=["D2:D3"]))
    assert exc.value.message == (
        "Bảng có ô gộp từ dòng tiêu đề trở xuống (D2:D3). Hãy bỏ gộp ô rồi nhập lại."
    )


def test_a_header_with_no_data_is_refused():
    with pytest.raises(RatingsFormatError) as exc:
        parse(book([]))
    assert exc.value.message == "Trang tính “Sheet” không có dòng dữ liệu nào dưới dòng tiêu đề."


def test_a_duplicated_header_is_refused():
    with pytest.raises(RatingsFormatError) as exc:
        parse(book([row()], header=[*HEADERS, "Năm"]))
    assert exc.value.message == "Cột “Năm” xuất hiện hai lần ở dòng tiêu đề."


# --- Writing --------------------------------------------------------------------------------


def test_the_template_reads_back_with_no_error_and_has_a_guide():
    rows = [RatingRow(0, "NV001", 2024, "htxs", "Nguyễn Văn An", "htt", "=ghi chú")]
    data = write_template(rows)
    back = parse(data)
    assert back.errors == []
    assert [(r.code, r.year, r.level, r.party_level, r.note) for r in back.rows] == [
        ("NV001", 2024, "htxs", "htt", "=ghi chú")
    ]
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Xếp loại chất lượng", "Hướng dẫn"]
    assert [c.value for c in workbook["Xếp loại chất lượng"][1]] == list(HEADERS)


def test_the_empty_template_is_refused_as_having_no_data():
    with pytest.raises(RatingsFormatError):
        parse(write_template())


def test_the_error_report_keeps_row_numbers_and_adds_the_errors():
    data = book([row(), row("NV002", level="Giỏi")], title_rows=[["Tiêu đề"]])
    ratings = parse(data)
    report = load_workbook(io.BytesIO(write_error_report(ratings, ratings.errors))).active
    assert [c.value for c in report[2]] == [*HEADERS, "Lỗi"]
    assert report.cell(3, 1).value == "NV001" and report.cell(3, 7).value is None
    assert report.cell(4, 1).value == "NV002"
    assert report.cell(4, 7).value.startswith("Xếp loại: Xếp loại “Giỏi” không hợp lệ")


# --- Fuzzing --------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALID = book([row(), row("NV002", level="KHT", party="HT")])
VALID_EXCEL = as_excel_writes_it(VALID)
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("ăâđêôơư HTXSK"),
    max_size=30,
)
CELL = st.one_of(
    st.none(),
    TEXT,
    st.sampled_from(["HTXS", "HTT", "HT", "KHT", "Hoàn thành nhiệm vụ", "2024", "NV001"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)


def parse_or_refuse(data: bytes, **kw) -> RatingsFile | None:
    try:
        return parse(data, **kw)
    except RatingsFormatError as exc:
        assert exc.message
        return None


def check_invariants(ratings: RatingsFile) -> None:
    good = {r.row for r in ratings.rows}
    bad = {e.row for e in ratings.errors}
    assert not good & bad
    assert good | bad == {number for number, _ in ratings.raw}
    assert all(e.message and e.column in HEADERS for e in ratings.errors)
    for r in ratings.rows:
        assert r.level in {"htxs", "htt", "ht", "kht"}
        assert 2000 <= r.year <= TODAY.year


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_raise_only_the_format_error(data):
    parse_or_refuse(data)
    parse_or_refuse(b"PK\x03\x04" + data)


@FUZZ
@given(st.data(), st.sampled_from([VALID, VALID_EXCEL]))
def test_damaged_workbooks_raise_only_the_format_error(data, valid):
    damaged = bytearray(valid)
    for _ in range(data.draw(st.integers(1, 8))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    parse_or_refuse(bytes(damaged))


@FUZZ
@given(st.lists(st.lists(CELL, min_size=0, max_size=8), min_size=1, max_size=12))
def test_any_cells_are_read_or_refused_row_by_row(rows):
    ratings = parse_or_refuse(book(rows))
    if ratings is not None:
        check_invariants(ratings)
        write_error_report(ratings, ratings.errors)  # the report is writable for any input


@FUZZ
@given(st.lists(st.lists(CELL, max_size=8), min_size=1, max_size=6), st.integers(2000, 2026))
def test_any_cells_with_a_year_given_keep_only_that_year(rows, year):
    ratings = parse_or_refuse(book(rows), year=year)
    if ratings is not None:
        check_invariants(ratings)
        assert all(r.year == year for r in ratings.rows)


@FUZZ
@given(st.lists(TEXT, max_size=8))
def test_any_header_is_used_or_refused(header):
    parse_or_refuse(book([row()], header=header))


def test_a_zip_claiming_an_unsupported_zip_version_is_refused_as_corrupt():
    # Found by the fuzz test: zipfile raises NotImplementedError("zip file version 6.4").
    damaged = bytearray(VALID)
    central = damaged.index(b"PK\x01\x02")
    damaged[central + 6] = 64  # "version needed to extract" of the first entry
    with pytest.raises(RatingsFormatError) as exc:
        parse(bytes(damaged))
    assert exc.value.message == "Tệp Excel bị hỏng hoặc không đầy đủ, không đọc được."


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert parse_or_refuse(out.getvalue()) is None
