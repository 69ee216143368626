"""The SVG charts alone: well-formed, accessible, escaped, no inline style."""

from __future__ import annotations

from defusedxml.ElementTree import fromstring

from sathach.results.reports.charts import (
    Bar,
    Marker,
    bar_chart_svg,
    histogram_svg,
    vn_number,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_histogram_has_a_bar_per_bin_count_labels_and_the_pass_line():
    svg = fromstring(
        histogram_svg(
            [0, 2, 5, 1],
            chart_id="h",
            title="Tổng điểm",
            desc="Bốn khoảng",
            axis="% điểm tối đa",
            people="người",
            markers=[Marker(50, "Mức đạt 50%", strong=True)],
        )
    )
    assert svg.find(f"{SVG}title").text == "Tổng điểm"
    assert svg.find(f"{SVG}desc").text == "Bốn khoảng"
    rects = list(svg.iter(f"{SVG}rect"))
    assert [r.find(f"{SVG}title").text for r in rects] == [
        "0–25 %: 0 người",
        "25–50 %: 2 người",
        "50–75 %: 5 người",
        "75–100 %: 1 người",
    ]
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Mức đạt 50%" in texts and "% điểm tối đa" in texts
    lines = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-width") == "2"]
    assert len(lines) == 1 and lines[0].get("x1") == lines[0].get("x2")
    assert all(el.get("style") is None for el in svg.iter())


def test_bar_chart_escapes_labels_marks_groups_under_the_reference_and_empty_ones():
    markup = bar_chart_svg(
        [Bar("<script>alert(1)</script>", 80.0, "4/5"), Bar("Sở & Ban", 20.0), Bar("Mới", None)],
        chart_id="b",
        title="Tỷ lệ đạt",
        desc="Ba nhóm",
        empty="chưa có kết quả",
        reference=Marker(50.0, "Chung: 50%"),
    )
    assert "<script>" not in markup
    svg = fromstring(markup)
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "<script>alert(1)</script>" in texts and "Sở & Ban" in texts
    assert "80% (4/5)" in texts and "20%" in texts and "chưa có kết quả" in texts
    fills = [r.get("fill") for r in svg.iter(f"{SVG}rect")]
    assert fills == ["#0b5cad", "#b3261e"]


def test_numbers_read_the_vietnamese_way():
    assert (vn_number(66.666), vn_number(50.0), vn_number(7.25, 2)) == ("66,7", "50", "7,25")
