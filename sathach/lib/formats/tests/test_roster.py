import datetime as dt
import io
import unicodedata
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from sathach.lib.formats import roster as fmt
from sathach.lib.formats.roster import (
    HEADERS,
    RosterFormatError,
    RosterRow,
    RowError,
    parse_roster,
    write_error_report,
    write_roster,
)

from .roster_helpers import TODAY, as_excel_writes_it, good_row, make_xlsx, replace_part


def parse(data: bytes, **kwargs):
    return parse_roster(data, today=TODAY, **kwargs)


def refused(data: bytes, **kwargs) -> str:
    with pytest.raises(RosterFormatError) as exc:
        parse(data, **kwargs)
    return exc.value.message


def errors_of(**cells) -> list[tuple[int, str, str]]:
    roster = parse(make_xlsx([good_row(**cells)]))
    return [(e.row, e.column, e.message) for e in roster.errors]


# --- Good files -----------------------------------------------------------------------------


def test_valid_row_is_read_into_a_roster_row():
    row = good_row(
        relatives="NV002:vợ; NV003:Con",
        is_leader="có",
        under_discipline="KHÔNG",
        position_code="VT-01",
    )
    roster = parse(make_xlsx([row]))
    assert roster.errors == [] and roster.warnings == []
    assert roster.rows == [
        RosterRow(
            row=2,
            code="NV001",
            full_name="Nguyễn Văn An",
            birth_date=dt.date(1985, 5, 17),
            gender="M",
            unit_code="BTC",
            rank_code="01.003",
            position_code="VT-01",
            qualification="Cử nhân Luật",
            hired_on=dt.date(2010, 9, 1),
            is_leader=True,
            is_party_member=True,
            under_discipline=False,
            relatives=(("NV002", "spouse"), ("NV003", "child")),
        )
    ]
    assert set(roster.columns) == {c.key for c in fmt.COLUMNS}


def test_file_written_the_excel_way_with_shared_strings_reads_the_same():
    data = make_xlsx([good_row(), good_row("NV002", full_name="Trần Thị Bích", gender="Nữ")])
    assert parse(as_excel_writes_it(data)).rows == parse(data).rows


def test_nfd_text_and_headers_are_read_as_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn  Thị   Hồng ")
    header = [unicodedata.normalize("NFD", h).upper() + "  " for h in HEADERS]
    roster = parse(make_xlsx([good_row(full_name=nfd, gender="NỮ")], header=header))
    (row,) = roster.rows
    assert row.full_name == "Nguyễn Thị Hồng"
    assert unicodedata.is_normalized("NFC", row.full_name)
    assert row.gender == "F"


def test_dates_as_text_in_day_month_year_order_are_accepted():
    roster = parse(make_xlsx([good_row(birth_date="7/3/1990", hired_on="01-08-2015")]))
    assert roster.rows[0].birth_date == dt.date(1990, 3, 7)
    assert roster.rows[0].hired_on == dt.date(2015, 8, 1)


def test_dates_of_a_1904_workbook_are_read_right():
    data = make_xlsx([good_row()], epoch=CALENDAR_MAC_1904)
    assert parse(data).rows[0].birth_date == dt.date(1985, 5, 17)


def test_rank_typed_as_a_number_gets_its_code_back():
    assert parse(make_xlsx([good_row(rank_code=1.003)])).rows[0].rank_code == "01.003"


def test_numeric_person_code_is_read_as_text():
    assert parse(make_xlsx([good_row(code=12345)])).rows[0].code == "12345"


def test_relation_spellings_ignore_case_diacritics_and_punctuation():
    cell = "A1:Cha; A2:ME; A3:anh chi em; A4:Vợ/Chồng; A5:con; A6:cha me vo; A7:em chồng"
    relatives = parse(make_xlsx([good_row(relatives=cell)])).rows[0].relatives
    assert [r for _, r in relatives] == [
        "parent", "parent", "sibling", "spouse", "child", "spouse_parent", "spouse_sibling",
    ]  # fmt: skip


def test_every_relation_label_is_read_back_as_its_code():
    for code, label in fmt.RELATION_LABELS.items():
        assert fmt.RELATION_BY_SPELLING[fmt._relation_key(label)] == code


def test_optional_columns_may_be_left_out():
    header = ["Mã công chức", "Họ và tên", "Ngày sinh", "Giới tính", "Mã đơn vị"]
    roster = parse(make_xlsx([good_row()[:5]], header=header))
    assert roster.errors == []
    assert set(roster.columns) == {"code", "full_name", "birth_date", "gender", "unit_code"}
    assert roster.rows[0].rank_code == "" and roster.rows[0].is_party_member is False


def test_unit_column_is_optional_when_the_importer_names_the_unit():
    header = [h for h in HEADERS if h != "Mã đơn vị"]
    row = good_row()
    del row[4]
    roster = parse(make_xlsx([row], header=header), unit_required=False)
    assert roster.errors == [] and roster.rows[0].unit_code == ""


def test_blank_rows_are_skipped_and_row_numbers_stay_those_of_the_sheet():
    roster = parse(make_xlsx([good_row("A1"), [None] * 13, ["  "], good_row("A2", gender="x")]))
    assert [r.row for r in roster.rows] == [2]
    assert [e.row for e in roster.errors] == [5]
    assert roster.n_rows == 2


def test_unknown_columns_are_ignored_with_a_warning():
    roster = parse(make_xlsx([[*good_row(), "ghi chú"]], header=[*HEADERS, "Ghi chú"]))
    assert roster.warnings == ["Cột “Ghi chú” không thuộc mẫu, đã bỏ qua."]
    assert len(roster.rows) == 1


def test_error_column_of_an_earlier_report_is_ignored_silently():
    roster = parse(make_xlsx([[*good_row(), "cũ"]], header=[*HEADERS, "Lỗi"]))
    assert roster.warnings == [] and len(roster.rows) == 1


def test_progress_is_reported_every_thousand_rows_and_at_the_end():
    seen: list[int] = []
    parse(make_xlsx([good_row(f"N{i}") for i in range(2100)]), progress=seen.append)
    assert seen == [1000, 2000, 2100]


# --- Files that cannot be used ----------------------------------------------------------------

NOT_XLSX = "Tệp không phải là tệp Excel .xlsx. Hãy lưu tệp dưới dạng “Excel Workbook (.xlsx)”."
CORRUPT = "Tệp Excel bị hỏng hoặc không đầy đủ, không đọc được."


def test_csv_file_is_refused_as_not_an_xlsx():
    assert refused("Mã công chức,Họ và tên\nNV001,An\n".encode()) == NOT_XLSX


def test_empty_file_is_refused_as_not_an_xlsx():
    assert refused(b"") == NOT_XLSX


def test_old_xls_file_is_refused_with_its_own_message():
    assert refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)) == (
        "Tệp là định dạng Excel 97-2003 (.xls), không được hỗ trợ. Hãy mở bằng Excel và lưu "
        "lại dưới dạng .xlsx."
    )


def test_other_zip_file_is_refused_as_not_an_xlsx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><Default ContentType='word'/></Types>")
    assert refused(out.getvalue()) == NOT_XLSX


def test_truncated_file_is_refused_as_corrupt():
    data = make_xlsx([good_row()])
    assert refused(data[: len(data) // 2]) == CORRUPT


def test_zip_claiming_an_unsupported_zip_version_is_refused_as_corrupt():
    # Found by the ratings reader's fuzz test: zipfile raises NotImplementedError("zip file
    # version 6.4") while reading the central directory.
    damaged = bytearray(make_xlsx([good_row()]))
    central = damaged.index(b"PK\x01\x02")
    damaged[central + 6] = 64  # "version needed to extract" of the first entry
    assert refused(bytes(damaged)) == CORRUPT


def test_part_declaring_a_doctype_is_refused():
    data = make_xlsx([good_row()])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + sheet
    assert refused(replace_part(data, "xl/worksheets/sheet1.xml", evil)) == CORRUPT


def test_zip_bomb_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(fmt, "MAX_UNZIPPED_BYTES", 1000)
    assert refused(make_xlsx([good_row()])) == "Tệp quá lớn để đọc."


def test_empty_sheet_is_refused():
    assert refused(make_xlsx([], header=None)) == "Trang tính “Danh sách công chức” trống."


def test_header_only_is_refused():
    assert refused(make_xlsx([])) == (
        "Trang tính “Danh sách công chức” không có dòng dữ liệu nào dưới dòng tiêu đề."
    )


def test_data_without_a_header_on_row_one_is_refused():
    data = make_xlsx([list(HEADERS), good_row()], header=[None])
    assert refused(data) == (
        "Dòng 1 của trang tính “Danh sách công chức” trống; dòng 1 phải là dòng tiêu đề như "
        "tệp mẫu."
    )


def test_single_row_below_an_empty_first_row_is_named_as_missing_header():
    data = make_xlsx([[None], good_row()], header=None)  # row 1 empty, the data on row 2
    assert refused(data).startswith("Dòng 1 của trang tính “Danh sách công chức” trống;")


def test_row_number_past_excels_last_row_is_refused_as_corrupt():
    data = make_xlsx([good_row()])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b'<row r="2"', b'<row r="1048577"').replace(b'r="A2"', b'r="A1048577"')
    assert refused(replace_part(data, "xl/worksheets/sheet1.xml", sheet)) == CORRUPT


def test_missing_required_columns_are_named():
    header = ["Mã công chức", "Họ tên", "Ngày sinh", "Mã đơn vị"]
    assert refused(make_xlsx([good_row()[:4]], header=header)) == (
        "Thiếu cột bắt buộc ở dòng tiêu đề (dòng 1): “Họ và tên”, “Giới tính”."
    )


def test_duplicate_column_is_refused():
    header = [*HEADERS, "Ngày sinh"]
    assert refused(make_xlsx([good_row()], header=header)) == (
        "Cột “Ngày sinh” xuất hiện hai lần ở dòng tiêu đề."
    )


def test_merged_cells_are_refused_and_named():
    data = make_xlsx([good_row(), good_row("NV002")], merged=["A2:A3", "B2:C2"])
    assert refused(data) == (
        "Trang tính có ô gộp (A2:A3, B2:C2). Hãy bỏ gộp ô (Unmerge) rồi nhập lại."
    )


def test_merged_title_row_is_named_as_the_problem():
    data = make_xlsx([list(HEADERS), good_row()], header=["DANH SÁCH"], merged=["A1:M1"])
    assert refused(data) == "Trang tính có ô gộp (A1:M1). Hãy bỏ gộp ô (Unmerge) rồi nhập lại."


def test_too_many_rows_are_refused():
    data = make_xlsx([good_row(f"N{i}") for i in range(4)])
    assert refused(data, max_rows=3) == "Tệp có quá 3 dòng dữ liệu; hãy chia thành nhiều tệp."


def test_the_roster_sheet_is_found_by_name_when_it_is_not_first():
    data = make_xlsx([good_row()])
    workbook = load_workbook(io.BytesIO(data))
    workbook.create_sheet("Ghi chú", 0)
    out = io.BytesIO()
    workbook.save(out)
    assert len(parse(out.getvalue()).rows) == 1


# --- Bad cells ------------------------------------------------------------------------------

REQUIRED = "Không được để trống."


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"code": None}, "Mã công chức", REQUIRED),
        ({"full_name": "  "}, "Họ và tên", REQUIRED),
        ({"birth_date": None}, "Ngày sinh", REQUIRED),
        ({"gender": None}, "Giới tính", REQUIRED),
        ({"unit_code": None}, "Mã đơn vị", REQUIRED),
        (
            {"code": "NV 01"},
            "Mã công chức",
            "Mã “NV 01” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và các dấu . - _.",
        ),
        ({"code": "N" * 31}, "Mã công chức", "Dài quá 30 ký tự."),
        ({"full_name": "A" * 151}, "Họ và tên", "Dài quá 150 ký tự."),
        ({"full_name": "12345"}, "Họ và tên", "Họ và tên “12345” không có chữ cái nào."),
        (
            {"birth_date": "17.05.85"},
            "Ngày sinh",
            "Ngày không hợp lệ: “17.05.85” (cần dạng dd/mm/yyyy).",
        ),
        (
            {"birth_date": "31/02/1985"},
            "Ngày sinh",
            "Ngày không hợp lệ: “31/02/1985” (cần dạng dd/mm/yyyy).",
        ),
        (
            {"birth_date": 31121985},
            "Ngày sinh",
            "Ngày không hợp lệ: “31121985” (cần dạng dd/mm/yyyy).",
        ),
        (
            {"birth_date": dt.date(2027, 1, 1), "hired_on": None},
            "Ngày sinh",
            "Ngày sinh ở sau ngày nhập.",
        ),
        (
            {"birth_date": dt.date(2010, 3, 2), "hired_on": None},
            "Ngày sinh",
            "Tuổi phải từ 16 đến 80 (tính đến ngày nhập là 15).",
        ),
        (
            {"birth_date": dt.date(1945, 1, 1), "hired_on": None},
            "Ngày sinh",
            "Tuổi phải từ 16 đến 80 (tính đến ngày nhập là 81).",
        ),
        (
            {"gender": "Male"},
            "Giới tính",
            "Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “Male”.",
        ),
        ({"is_leader": "có lẽ"}, "Lãnh đạo", "Chỉ nhận “Có” hoặc “Không”, không nhận “có lẽ”."),
        (
            {"hired_on": dt.date(2026, 3, 2)},
            "Ngày tuyển dụng",
            "Ngày tuyển dụng ở sau ngày nhập.",
        ),
        (
            {"hired_on": dt.date(2001, 5, 16)},
            "Ngày tuyển dụng",
            "Ngày tuyển dụng trước khi đủ 16 tuổi.",
        ),
        ({"rank_code": "01.003.0001"}, "Ngạch", "Dài quá 10 ký tự."),
        (
            {"relatives": "NV002 vợ"},
            "Người thân",
            "“NV002 vợ” không đúng dạng MÃ:quan hệ (ví dụ NV002:vợ).",
        ),
        (
            {"relatives": "NV002:bạn"},
            "Người thân",
            "Quan hệ “bạn” không hợp lệ (nhận: cha, mẹ, anh, chị, em, vợ, chồng, con, "
            "cha mẹ vợ/chồng, anh chị em vợ/chồng).",
        ),
        ({"relatives": "NV001:vợ"}, "Người thân", "Không thể khai chính mình là người thân."),
        (
            {"relatives": "NV002:vợ; NV002:con"},
            "Người thân",
            "Người thân “NV002” được khai hai lần.",
        ),
    ],
)
def test_bad_cell_is_reported_with_row_column_and_reason(cells, column, message):
    assert errors_of(**cells) == [(2, column, message)]


def test_every_bad_cell_of_a_row_is_reported_in_column_order():
    assert errors_of(code=None, gender="?", birth_date="x") == [
        (2, "Mã công chức", REQUIRED),
        (2, "Ngày sinh", "Ngày không hợp lệ: “x” (cần dạng dd/mm/yyyy)."),
        (2, "Giới tính", "Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “?”."),
    ]


def test_long_value_is_cut_in_the_message():
    message = errors_of(gender="x" * 100)[0][2]
    assert message == f"Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “{'x' * 39}…”."


def test_duplicate_code_refuses_every_row_that_has_it():
    roster = parse(make_xlsx([good_row("A1"), good_row("B2"), good_row("A1")]))
    message = "Mã công chức “A1” xuất hiện nhiều lần trong tệp (dòng 2, 4)."
    assert roster.errors == [
        RowError(2, "Mã công chức", message),
        RowError(4, "Mã công chức", message),
    ]
    assert [r.code for r in roster.rows] == ["B2"]
    assert roster.codes == {"A1": 2, "B2": 3}


# --- Writing ----------------------------------------------------------------------------------


def test_written_roster_reads_back_the_same_records():
    records = [
        RosterRow(
            row=2, code="NV001", full_name="Nguyễn Văn An", birth_date=dt.date(1985, 5, 17),
            gender="M", unit_code="BTC", rank_code="01.003", position_code="VT-01",
            qualification="Thạc sĩ", hired_on=dt.date(2010, 9, 1), is_leader=True,
            is_party_member=True, under_discipline=True,
            relatives=(("NV002", "spouse_parent"), ("NV003", "sibling")),
        ),
        RosterRow(
            row=3, code="007", full_name="=Lê Thị Đào", birth_date=dt.date(1990, 2, 28),
            gender="F", unit_code="BTC",
        ),
    ]  # fmt: skip
    assert parse(write_roster(records)).rows == records


def test_written_roster_has_the_template_look():
    workbook = load_workbook(io.BytesIO(write_roster([])))
    sheet = workbook["Danh sách công chức"]
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 28
    assert workbook.sheetnames == ["Danh sách công chức", "Hướng dẫn"]


def test_written_dates_show_as_day_month_year():
    data = write_roster([RosterRow(2, "A", "An", dt.date(1985, 5, 17), "M", "BTC")])
    cell = load_workbook(io.BytesIO(data))["Danh sách công chức"]["C2"]
    assert cell.number_format == "dd/mm/yyyy"


def test_error_report_copies_the_input_and_adds_the_errors():
    rows = [good_row("A1"), good_row("A2", gender="x", birth_date="?"), None, good_row("A3")]
    data = make_xlsx([r or [] for r in rows], header=[*HEADERS, "Ghi chú"])
    roster = parse(data)
    extra = RowError(5, "Mã đơn vị", "Không có đơn vị mã “BTC”.")
    report = load_workbook(io.BytesIO(write_error_report(roster, [*roster.errors, extra])))
    sheet = report.active
    assert [c.value for c in sheet[1]] == [*HEADERS, "Ghi chú", "Lỗi"]
    assert sheet["A5"].value == "A3"  # the blank row 4 is kept: row numbers match the input
    assert sheet["O2"].value is None
    assert sheet["O3"].value == (
        "Ngày sinh: Ngày không hợp lệ: “?” (cần dạng dd/mm/yyyy).\n"
        "Giới tính: Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “x”."
    )
    assert sheet["O5"].value == "Mã đơn vị: Không có đơn vị mã “BTC”."
    (rule_range,) = [str(r.sqref) for r in sheet.conditional_formatting]
    assert rule_range == "A2:O5"


def test_error_report_reads_back_as_a_roster():
    roster = parse(make_xlsx([good_row("A1"), good_row("A2", gender="x")]))
    again = parse(write_error_report(roster, roster.errors))
    assert again.rows == roster.rows and again.errors == roster.errors
