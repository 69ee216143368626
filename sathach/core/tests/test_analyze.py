"""`sathach analyze`: item analysis of a response matrix, end to end."""

import io
import json

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from sathach import cli
from sathach.lib.psychometrics.irt import simulate_2pl

# The six-by-four matrix of the psychometrics tests (KR-20 = 32/123, SEM = 1.0055402).
SMALL = [[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]


def write_csv(path, header, rows):
    lines = [",".join(map(str, header))] + [",".join(map(str, r)) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path, header, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("analyze", *map(str, args), stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def small_rows():
    return [[f"TS{p + 1}", *row] for p, row in enumerate(SMALL)]


def test_json_of_a_csv_has_the_documented_keys_and_values(tmp_path):
    path = write_csv(tmp_path / "m.csv", ["SBD", "C1", "C2", "C3", "C4"], small_rows())
    code, out, _ = run(path, "--json")
    assert code == 0
    report = json.loads(out)
    assert {"alpha", "sem", "persons", "items"} <= set(report)
    assert report["persons"] == 6
    assert report["alpha"] == pytest.approx(32 / 123, abs=1e-6)
    assert report["sem"] == pytest.approx(1.0055402, abs=1e-6)
    assert [item["item"] for item in report["items"]] == ["C1", "C2", "C3", "C4"]
    c1, c4 = report["items"][0], report["items"][3]
    assert {"item", "facility", "discrimination_index", "point_biserial", "flags"} <= set(c1)
    assert c1["facility"] == pytest.approx(4 / 6, abs=1e-6)
    assert c1["point_biserial"] == pytest.approx(0.462910, abs=1e-6)
    assert c1["discrimination_index"] == pytest.approx(46.291005, abs=1e-5)
    assert c4["flags"] == [
        {
            "code": "negative_discrimination",
            "reason": "Phân biệt ngược: nên kiểm tra đáp án (r = −0,22)",
        }
    ]
    assert "a" not in c1


def test_xlsx_with_a_key_and_irt(tmp_path):
    sim = simulate_2pl(400, 6, seed=4)
    rows = [
        [f"TS{p:03d}", *("A" if v else "BCD"[(p + i) % 3] for i, v in enumerate(row))]
        for p, row in enumerate(sim.responses)
    ]
    items = [f"Q{i + 1}" for i in range(6)]
    matrix = write_xlsx(tmp_path / "m.xlsx", ["Mã", *items], rows)
    key = write_xlsx(tmp_path / "key.xlsx", ["Câu", "Đáp án"], [[q, "A"] for q in items])
    code, out, _ = run(matrix, "--key", key, "--irt", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["persons"] == 400
    first = report["items"][0]
    assert {"a", "b"} <= set(first)
    assert first["a"] == pytest.approx(sim.a[0], abs=0.4)
    assert first["b"] == pytest.approx(sim.b[0], abs=0.4)
    assert [o["option"] for o in first["distractors"]] == ["A", "B", "C", "D"]
    assert first["distractors"][0]["is_key"] is True
    assert report["irt"]["converged"] is True


def test_the_table_is_vietnamese_and_shows_a_and_b(tmp_path):
    path = write_csv(tmp_path / "m.csv", ["SBD", "C1", "C2", "C3", "C4"], small_rows())
    code, out, _ = run(path, "--irt")
    assert code == 0
    assert "Độ tin cậy (KR-20): 0,260" in out
    assert "Sai số chuẩn đo lường (SEM): 1,01" in out
    header = next(line for line in out.splitlines() if line.startswith("Câu"))
    assert header.split() == [
        "Câu", "n", "Độ", "khó", "p", "ĐLC", "Chỉ", "số", "PB", "%", "Hiệu", "quả", "PB", "%",
        "r", "(hc)", "a", "b", "Cảnh", "báo",
    ]  # fmt: skip
    c4 = next(line for line in out.splitlines() if line.startswith("C4"))
    assert "0,33" in c4 and "Phân biệt ngược: nên kiểm tra đáp án (r = −0,22)" in c4


def test_a_malformed_file_exits_1_naming_the_row_and_column(tmp_path):
    path = write_csv(tmp_path / "bad.csv", ["id", "Q1", "Q2"], [["T1", 1, 0], ["T2", "x", 1]])
    code, out, err = run(path)
    assert code == 1
    assert out == ""
    assert err.strip() == (
        "Dòng 3, cột B: giá trị “x” không hợp lệ (cần 0 hoặc 1, hoặc số từ 0 đến 1)."
    )
    code, out, _ = run(path, "--json")
    assert code == 1
    assert json.loads(out) == {
        "error": "Dòng 3, cột B: giá trị “x” không hợp lệ (cần 0 hoặc 1, hoặc số từ 0 đến 1)."
    }


def test_a_malformed_key_and_a_missing_file_exit_1(tmp_path):
    matrix = write_csv(tmp_path / "m.csv", ["id", "Q1"], [["T1", "A"]])
    key = write_csv(tmp_path / "key.csv", ["Q1", "A"], [["Q2", "Z9"]])
    code, _, err = run(matrix, "--key", key)
    assert code == 1
    assert err.startswith("Tệp đáp án: dòng 2, cột B: đáp án “Z9” không hợp lệ")
    code, _, err = run(tmp_path / "none.csv")
    assert code == 1
    assert (
        err.strip() == f"Không đọc được tệp “{tmp_path / 'none.csv'}”: No such file or directory."
    )


def test_irt_refuses_partial_scores(tmp_path):
    path = write_csv(tmp_path / "m.csv", ["id", "Q1", "Q2"], [["T1", "0.5", 1], ["T2", 1, 0]])
    code, _, err = run(path, "--irt")
    assert code == 1
    assert err.strip() == "IRT 2PL cần điểm 0 hoặc 1; tệp có điểm lẻ."


def test_the_sathach_script_dispatches_analyze(tmp_path, capsys):
    path = write_csv(tmp_path / "m.csv", ["SBD", "C1", "C2", "C3", "C4"], small_rows())
    assert cli.main(["analyze", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["persons"] == 6
    bad = write_csv(tmp_path / "bad.csv", ["id", "Q1"], [["T1", 7]])
    assert cli.main(["analyze", str(bad)]) == 1
    assert "Dòng 2, cột B" in capsys.readouterr().err


def test_with_a_key_the_table_shows_how_often_each_option_was_chosen(tmp_path):
    matrix = write_csv(
        tmp_path / "m.csv",
        ["id", "Q1", "Q2", "Q3"],
        [["T1", "A", "B", "C"], ["T2", "B", "B", ""], ["T3", "A", "C", "C"], ["T4", "D", "B", "A"]],
    )
    key = write_csv(tmp_path / "key.csv", ["Q1", "A"], [["Q2", "B"], ["Q3", "C"]])
    code, out, _ = run(matrix, "--key", key, "--blank-wrong")
    assert code == 0
    lines = out.splitlines()
    start = lines.index("Tần suất chọn phương án (* là đáp án):")
    assert lines[start + 1 : start + 4] == [
        "Q1  A* 2 (50%)   B 1 (25%)   D 1 (25%)",
        "Q2  B* 3 (75%)   C 1 (25%)",
        "Q3  A 1 (25%)   C* 2 (50%)   (trống) 1 (25%)",
    ]
