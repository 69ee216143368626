"""The response-matrix reader: CSV and .xlsx, scores or options with a key, and its errors."""

import io
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from sathach.lib.formats.matrix import (
    MatrixFormatError,
    ResponseMatrix,
    read_key,
    read_matrix,
)


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(text, encoding="utf-8"):
    return text.encode(encoding)


def refused(data, **kwargs):
    with pytest.raises(MatrixFormatError) as info:
        read_matrix(data, **kwargs)
    return info.value.message


def test_reads_a_csv_of_scores():
    matrix = read_matrix(csv_bytes("SBD,Q1,Q2,Q3\nTS01,1,0,1\nTS02,0,,1\n\nTS03,1,1,0\n"))
    assert matrix.persons == ["TS01", "TS02", "TS03"]
    assert matrix.items == ["Q1", "Q2", "Q3"]
    assert matrix.scores.shape == (3, 3)
    assert np.isnan(matrix.scores[1, 1])
    assert matrix.scores[2].tolist() == [1.0, 1.0, 0.0]
    assert matrix.choices is None and matrix.key is None


def test_reads_semicolons_decimal_commas_and_a_bom_as_vietnamese_excel_writes_them():
    matrix = read_matrix(csv_bytes("\ufeffMã;Câu 1;Câu 2\r\nA1;0,5;1\r\nA2;1;0\r\n"))
    assert matrix.items == ["Câu 1", "Câu 2"]
    assert matrix.scores.tolist() == [[0.5, 1.0], [1.0, 0.0]]


def test_reads_utf16_and_tabs():
    matrix = read_matrix(csv_bytes("id\tQ1\nX\t1\n", "utf-16"))
    assert matrix.scores.tolist() == [[1.0]]


def test_reads_an_xlsx_with_numbers_as_ids():
    matrix = read_matrix(xlsx([["Mã", 1, 2], [1001, 1, 0], [1002, 0.5, None]]))
    assert matrix.persons == ["1001", "1002"]
    assert matrix.items == ["1", "2"]
    assert matrix.scores[1, 0] == 0.5 and np.isnan(matrix.scores[1, 1])


def test_options_are_scored_against_the_key():
    key = read_key(csv_bytes('Câu,Đáp án\nQ1,A\nQ2,c\nQ3,"B, D"\nQ9,A\n'))
    assert key == {
        "Q1": frozenset("A"),
        "Q2": frozenset("C"),
        "Q3": frozenset("BD"),
        "Q9": frozenset("A"),
    }
    matrix = read_matrix(csv_bytes("id,Q1,Q2,Q3\nT1,a,C,D\nT2,2,1,\nT3,A,3,B\n"), key=key)
    assert matrix.choices == [["A", "C", "D"], ["B", "A", None], ["A", "C", "B"]]
    assert matrix.scores[0].tolist() == [1.0, 1.0, 1.0]
    assert matrix.scores[1, :2].tolist() == [0.0, 0.0] and np.isnan(matrix.scores[1, 2])
    assert matrix.key == {"Q1": frozenset("A"), "Q2": frozenset("C"), "Q3": frozenset("BD")}
    assert matrix.key_list == [frozenset("A"), frozenset("C"), frozenset("BD")]


def test_blank_answers_can_score_zero():
    key = {"Q1": frozenset("A")}
    matrix = read_matrix(csv_bytes("id,Q1\nT1,\nT2,A\n"), key=key, blank_wrong=True)
    assert matrix.choices == [[""], ["A"]]
    assert matrix.scores.tolist() == [[0.0], [1.0]]


def test_a_key_file_without_a_header_and_in_xlsx():
    assert read_key(xlsx([["Q1", "B"], ["Q2", 4]])) == {"Q1": frozenset("B"), "Q2": frozenset("D")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "id,Q1,Q2\nT1,1,0\nT2,0,1\nT3,x,1\n",
            "Dòng 4, cột B: giá trị “x” không hợp lệ (cần 0 hoặc 1, hoặc số từ 0 đến 1).",
        ),
        (
            "id,Q1,Q2\nT1,1,2\n",
            "Dòng 2, cột C: giá trị “2” không hợp lệ (cần 0 hoặc 1, hoặc số từ 0 đến 1).",
        ),
        ("id,Q1,,Q3\nT1,1,0,1\n", "Dòng 1, cột C: thiếu mã câu hỏi ở tiêu đề."),
        ("id,Q1,Q2,Q1\nT1,1,0,1\n", "Dòng 1, cột D: mã câu “Q1” trùng với cột B."),
        ("id,Q1\nT1,1\n,0\n", "Dòng 3, cột A: thiếu mã thí sinh."),
        ("id,Q1\nT1,1\nT2,0\nT1,1\n", "Dòng 4, cột A: mã thí sinh “T1” trùng với dòng 2."),
        (
            "id,Q1\nT1,1,,1\n",
            "Dòng 2, cột D: có dữ liệu nhưng cột không có mã câu hỏi ở tiêu đề.",
        ),
        (
            "id\nT1\n",
            "Dòng 1: không có cột câu hỏi nào (cột A là mã thí sinh, các cột sau là câu hỏi).",
        ),
        ("id,Q1\n", "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."),
        ("", "Tệp trống."),
        ("\n\n", "Tệp không có dòng tiêu đề (dòng đầu: mã thí sinh, rồi mã các câu hỏi)."),
        ('id,Q1\nT1,"1\n', "Dòng 2: không đọc được dòng CSV (unexpected end of data)."),
    ],
)
def test_malformed_csv_names_the_row_and_column(text, message):
    assert refused(csv_bytes(text)) == message


def test_malformed_xlsx_cell_names_the_row_and_column():
    data = xlsx([["id", "Q1", "Q2"], ["T1", 1, 0], ["T2", True, 0]])
    assert refused(data) == (
        "Dòng 3, cột B: giá trị “TRUE” không hợp lệ (cần 0 hoặc 1, hoặc số từ 0 đến 1)."
    )


def test_bad_options_and_missing_keys_are_named():
    key = {"Q1": frozenset("A"), "Q2": frozenset("B")}
    assert refused(csv_bytes("id,Q1,Q2\nT1,A,E5\n"), key=key) == (
        "Dòng 2, cột C: giá trị “E5” không hợp lệ "
        "(cần một phương án: chữ cái A, B, C… hoặc số 1, 2, 3…)."
    )
    assert refused(csv_bytes("id,Q1,Q3\nT1,A,B\n"), key=key) == (
        "Tệp đáp án không có đáp án của câu “Q3” (cột C)."
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q1,A\nQ1,B\n", "Tệp đáp án: dòng 2, cột A: câu “Q1” đã có đáp án ở dòng 1."),
        ("câu,đáp án\nQ1,\n", "Tệp đáp án: dòng 2, cột B: thiếu đáp án."),
        (
            "Q1,A\nQ2,đúng\n",
            "Tệp đáp án: dòng 2, cột B: đáp án “đúng” không hợp lệ (cần chữ cái A, B, C… "
            "hoặc số 1, 2, 3…; nhiều đáp án cách nhau bằng dấu phẩy).",
        ),
        ("Q1,A\n,B\n", "Tệp đáp án: dòng 2, cột A: thiếu mã câu hỏi."),
        (
            "câu,đáp án\n",
            "Tệp đáp án: không có dòng đáp án nào (cột A mã câu, cột B đáp án).",
        ),
        ("", "Tệp đáp án: tệp trống."),
    ],
)
def test_malformed_key_files_are_named(text, message):
    with pytest.raises(MatrixFormatError) as info:
        read_key(csv_bytes(text))
    assert info.value.message == message


def test_files_that_are_not_tables_are_refused():
    assert refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == (
        "Tệp .xls (Excel 97-2003) không được hỗ trợ: hãy lưu lại thành .xlsx hoặc CSV."
    )
    assert refused(b"PK\x03\x04 not really a zip") == (
        "Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel."
    )
    assert refused("Tên,Câu\nT1,1\n".encode("cp1258")) == (
        "Tệp CSV phải dùng mã UTF-8 (trong Excel: lưu dạng “CSV UTF-8”)."
    )
    assert refused(b"id,Q1\x00\n") == "Tệp không phải CSV (văn bản) hay .xlsx."
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert refused(docx.getvalue()) == "Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel."


# --- Fuzzing --------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CELL = st.one_of(
    st.sampled_from(["", "0", "1", "0,5", "0.25", "A", "b", "3", "x", " ", '"', "1e3", "-0"]),
    st.text(max_size=6),
)


def parse_or_refuse(data, **kwargs):
    try:
        return read_matrix(data, **kwargs)
    except MatrixFormatError as exc:
        assert exc.message and isinstance(exc.message, str)
        return None


def check(matrix):
    if matrix is None:
        return
    assert isinstance(matrix, ResponseMatrix)
    assert matrix.scores.shape == (len(matrix.persons), len(matrix.items))
    finite = matrix.scores[~np.isnan(matrix.scores)]
    assert ((finite >= 0) & (finite <= 1)).all()
    assert len(set(matrix.persons)) == len(matrix.persons)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_give_data_or_a_format_error(data):
    check(parse_or_refuse(data))
    check(parse_or_refuse(data, key={"Q1": frozenset("A")}))
    try:
        read_key(data)
    except MatrixFormatError:
        pass


@FUZZ
@given(st.sampled_from(",;\t"), st.lists(st.lists(CELL, max_size=5), max_size=8))
def test_random_csv_text_gives_data_or_a_format_error(separator, rows):
    text = "\n".join(separator.join(row) for row in rows)
    check(parse_or_refuse(text.encode("utf-8")))
    key = {str(i): frozenset("A") for i in range(10)}
    check(parse_or_refuse(("id,0,1,2\n" + text).encode("utf-8"), key=key))


@FUZZ
@given(st.binary(min_size=30, max_size=300), st.integers(min_value=0, max_value=2000))
def test_damaged_workbooks_give_a_format_error(noise, offset):
    good = xlsx([["id", "Q1", "Q2"], ["T1", 1, 0], ["T2", 0, 1]])
    offset = offset % len(good)
    damaged = good[:offset] + noise + good[offset + len(noise) :]
    check(parse_or_refuse(damaged))
