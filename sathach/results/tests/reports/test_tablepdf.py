"""The direct table writer: Vietnamese text that pdftotext reads back, wrapping, the header on
every page, the page count."""

from __future__ import annotations

import subprocess

from sathach.results.reports.tablepdf import (
    Column,
    Section,
    TableDocument,
    table_pdf,
    text_width,
    wrap,
)


def _pages(content: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return [" ".join(page.split()) for page in out.stdout.decode().split("\f") if page.strip()]


def _document(rows: int) -> TableDocument:
    return TableDocument(
        issuer="HỘI ĐỒNG KIỂM TRA, SÁT HẠCH",
        plan_code="THI",
        title="BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH",
        subtitles=[("Kế hoạch THI: Kiểm tra, sát hạch công chức", "bold")],
        columns=[
            Column("STT", 0.5, "center"),
            Column("Họ và tên", 2.5),
            Column("Tổng điểm", 1, "right"),
        ],
        sections=[
            Section(
                "I. Ban Tổ chức Tỉnh ủy",
                [[str(i), f"Nguyễn Thị Ngọc Ánh {i}", "85,71"] for i in range(1, rows + 1)],
            )
        ],
        notes=[(f"Tổng số: {rows} người.", "bold")],
        signatures=[
            [("NGƯỜI LẬP BIỂU", "bold"), ("(Ký, ghi rõ họ tên)", "italic")],
            [("TM. HỘI ĐỒNG", "bold"), ("CHỦ TỊCH", "bold")],
        ],
    )


def test_wrap_breaks_at_spaces_and_cuts_a_word_longer_than_the_line():
    width = text_width("Nguyễn Văn", "regular", 9)
    assert wrap("Nguyễn Văn Thí Sinh", "regular", 9, width) == ["Nguyễn Văn", "Thí Sinh"]
    long = "Khôngcókhoảngtrắngnàocả"
    lines = wrap(long, "regular", 9, width)
    assert "".join(lines) == long and len(lines) > 1
    assert all(text_width(line, "regular", 9) <= width for line in lines)


def test_a_long_table_repeats_its_header_on_every_page_and_numbers_the_pages():
    pages = _pages(table_pdf(_document(120)))
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert "STT Họ và tên Tổng điểm" in page
        assert f"Trang {number}/{len(pages)}" in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in pages[1]
    text = " ".join(pages)
    assert "Nguyễn Thị Ngọc Ánh 1 " in text and "Nguyễn Thị Ngọc Ánh 120 " in text
    assert "Tổng số: 120 người." in text and "CHỦ TỊCH" in pages[-1]


def test_text_in_decomposed_form_is_set_composed():
    document = _document(1)
    document.sections = [Section("", [["1", "Nguye\u0302\u0303n Ánh", "1"]])]
    assert "Nguyễn Ánh" in " ".join(_pages(table_pdf(document)))
