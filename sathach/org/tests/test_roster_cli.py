"""`sathach import-roster` and `sathach export-roster`: exit codes, messages, no traceback."""

from __future__ import annotations

import io
import json
import stat

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from sathach import cli
from sathach.accounts.constants import Role
from sathach.core.testing import make_province, make_user
from sathach.org.models import Person

from .roster_files import HEADERS, row, xlsx

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[int, str, str]:
    """Run a command as the `sathach` entry point would; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path, province):
    def write(name: str, data: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)

    return write


def test_good_file_imports_with_exit_code_0(files):
    code, out, err = run("import_roster", files("ds.xlsx", xlsx(row("NV001"), row("NV002"))))
    assert code == 0 and err == ""
    assert out.splitlines()[:3] == [
        "Tệp: ds.xlsx",
        "Số dòng: 2; thêm mới: 2; cập nhật: 0; không đổi: 0; dòng lỗi: 0.",
        "Đã ghi vào hệ thống.",
    ]
    assert Person.objects.count() == 2


def test_bad_row_writes_nothing_and_exits_1(files):
    code, out, _err = run(
        "import_roster", files("ds.xlsx", xlsx(row("NV001"), row("NV2", gender="x")))
    )
    assert code == 1
    assert "Dòng 3, cột “Giới tính”: Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “x”." in out
    assert not Person.objects.exists()


def test_partial_writes_good_rows_and_exits_2(files):
    path = files("ds.xlsx", xlsx(row("NV001"), row("NV2", gender="x")))
    code, out, _err = run("import_roster", path, "--partial")
    assert code == 2 and "Đã ghi các dòng hợp lệ; các dòng lỗi bị bỏ qua." in out
    assert list(Person.objects.values_list("code", flat=True)) == ["NV001"]


def test_dry_run_writes_nothing_and_exits_0(files):
    code, out, _err = run("import_roster", files("ds.xlsx", xlsx(row("NV001"))), "--dry-run")
    assert code == 0 and "Chạy thử: chưa ghi gì vào hệ thống." in out
    assert not Person.objects.exists()


def test_json_report(files):
    path = files("ds.xlsx", xlsx(row("NV001"), row("NV2", birth_date="x")))
    code, out, _err = run("import_roster", path, "--json")
    report = json.loads(out)
    assert code == 1 and report["written"] is False
    assert report["errors"] == [
        {
            "row": 3,
            "column": "Ngày sinh",
            "message": "Ngày không hợp lệ: “x” (cần dạng dd/mm/yyyy).",
        }
    ]
    assert report["counts"]["error_rows"] == 1


def test_errors_workbook_is_written_on_request(files, tmp_path):
    out_path = tmp_path / "loi.xlsx"
    path = files("ds.xlsx", xlsx(row("NV001"), row("NV2", gender="x")))
    code, out, _err = run("import_roster", path, "--errors-xlsx", str(out_path))
    assert code == 1 and f"Đã ghi danh sách lỗi vào “{out_path}”." in out
    sheet = load_workbook(out_path).active
    assert sheet.cell(1, 14).value == "Lỗi"
    assert sheet.cell(3, 14).value.startswith("Giới tính: ")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"ma,ten\nNV001,An\n",
            "Tệp không phải là tệp Excel .xlsx. Hãy lưu tệp dưới dạng “Excel Workbook (.xlsx)”.",
        ),
        (
            xlsx(header=HEADERS[:2]),
            "Thiếu cột bắt buộc ở dòng tiêu đề (dòng 1): “Ngày sinh”, “Giới tính”, “Mã đơn vị”.",
        ),
    ],
    ids=["csv-renamed", "missing-columns"],  # stable ids: the xlsx bytes carry a timestamp
)
def test_unusable_file_gives_a_message_on_stderr_and_exit_1(files, data, message):
    code, out, err = run("import_roster", files("ds.csv", data))
    assert (code, out, err.strip()) == (1, "", message)
    assert "Traceback" not in err


def test_unusable_file_with_json_gives_a_json_error(files):
    code, out, _err = run("import_roster", files("ds.xlsx", b"x"), "--json")
    assert code == 1 and json.loads(out)["error"].startswith("Tệp không phải là tệp Excel")


def test_missing_file_is_a_message(tmp_path, province):
    code, _out, err = run("import_roster", str(tmp_path / "khong-co.xlsx"))
    assert code == 1
    assert (
        err.strip()
        == f"Không đọc được tệp “{tmp_path / 'khong-co.xlsx'}”: No such file or directory."
    )


def test_unknown_unit_and_user_are_messages(files):
    path = files("ds.xlsx", xlsx(row("NV001")))
    assert run("import_roster", path, "--unit", "XX")[::2] == (1, "Không có đơn vị mã “XX”.\n")
    assert run("import_roster", path, "--user", "ai")[::2] == (1, "Không có người dùng “ai”.\n")


def test_named_unit_limits_the_import(files, province):
    path = files("ds.xlsx", xlsx(row("NV001", unit_code=None), row("NV002", unit_code="SNV")))
    code, out, _err = run("import_roster", path, "--unit", "BTC")
    assert code == 1 and "Đơn vị “SNV” không thuộc đơn vị “BTC” đang nhập." in out


def test_user_option_imports_with_that_users_scope(files, province):
    make_user("hr_a", Role.UNIT_HR, province.unit_a)
    path = files("ds.xlsx", xlsx(row("NV001"), row("NV002", unit_code="SNV")))
    code, out, _err = run("import_roster", path, "--user", "hr_a")
    assert code == 1 and "Đơn vị “SNV” nằm ngoài phạm vi bạn được quản lý." in out
    code, _out, err = run("import_roster", path, "--user", "hr_a", "--unit", "SNV")
    assert (code, err.strip()) == (1, "Bạn không có quyền nhập danh sách cho đơn vị “SNV”.")


def test_export_writes_a_private_file_that_imports_back_unchanged(files, tmp_path):
    run("import_roster", files("ds.xlsx", xlsx(row("NV001"), row("NV002", unit_code="SNV"))))
    target = tmp_path / "btc.xlsx"
    code, out, _err = run("export_roster", "--unit", "BTC", "-o", str(target))
    assert code == 0 and out.strip() == f"Đã xuất danh sách của đơn vị BTC vào “{target}”."
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    code, out, _err = run("import_roster", str(target))
    assert code == 0 and "không đổi: 1" in out


def test_export_of_an_unknown_unit_or_out_of_scope_is_a_message(tmp_path, province):
    make_user("hr_a", Role.UNIT_HR, province.unit_a)
    target = str(tmp_path / "x.xlsx")
    assert run("export_roster", "--unit", "XX", "-o", target)[::2] == (
        1,
        "Không có đơn vị mã “XX”.\n",
    )
    code, _out, err = run("export_roster", "--unit", "SNV", "-o", target, "--user", "hr_a")
    assert (code, err.strip()) == (1, "Bạn không có quyền xuất danh sách của đơn vị “SNV”.")


# The entry point closes the database connection when the command ends, as `manage.py` does:
# that needs a real transaction. The official ranks come back after every flush (post_migrate).
@pytest.mark.django_db(transaction=True)
def test_sathach_entry_point_returns_the_exit_code(tmp_path, capsys):
    make_province()
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(xlsx(row("NV001")))
    bad.write_bytes(xlsx(row("NV002"), row("NV003", gender="?")))
    assert cli.main(["import-roster", str(good)]) == 0
    assert cli.main(["import-roster", str(bad), "--partial"]) == 2
    assert cli.main(["import-roster", str(tmp_path / "none.xlsx")]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert sorted(Person.objects.values_list("code", flat=True)) == ["NV001", "NV002"]
