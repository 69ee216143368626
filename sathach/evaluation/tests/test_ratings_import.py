"""Import of past years' ratings: row and column errors in Vietnamese, nothing written when a
row is bad (or only good rows with partial), one transaction and one audit event, idempotent
re-import, scope, the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.evaluation.constants import Source, State
from sathach.evaluation.models import AnnualEvaluation, PartyEvaluation
from sathach.evaluation.services import ratings_import
from sathach.lib.formats.ratings import HEADERS, RowError

from .conftest import ND90_YEAR, decided, events

pytestmark = pytest.mark.django_db


def xlsx(*rows, header=HEADERS, title_rows=()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for title in title_rows:
        sheet.append(title)
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def run(data: bytes, actor=None, **kw):
    return ratings_import(actor=actor, data=data, filename="xep-loai.xlsx", **kw)


GOOD = (
    ["CC001", "Lê Thị An", 2023, "HTT", "", ""],
    ["CC002", "Nguyễn Văn Bình", 2023, "Hoàn thành xuất sắc nhiệm vụ", "HTXS", "Chiến sĩ thi đua"],
    ["CC005", "Hoàng Văn Em", 2023, "KHT", "", ""],
)


def test_good_rows_are_stored_published_with_the_party_rating_linked(staff):
    report = run(xlsx(*GOOD))
    assert (report.written, report.created, report.errors) == (True, 3, [])
    binh = AnnualEvaluation.objects.get(person=staff["binh"], year=2023)
    assert (binh.level, binh.state, binh.source) == ("htxs", State.PUBLISHED, Source.IMPORT)
    assert binh.profile == "ND90-2020@2" and binh.note == "Chiến sĩ thi đua"
    assert binh.unit == staff["binh"].unit
    assert binh.party.level == "htxs" and binh.party.profile == "QD124-2023@1"
    [event] = events("evaluation.ratings_import")
    assert event.data["created"] == 3 and event.data["filename"] == "xep-loai.xlsx"


def test_a_year_before_any_profile_is_stored_without_one(staff):
    run(xlsx(["CC001", "", 2019, "HT", "", ""]))
    assert AnnualEvaluation.objects.get(person=staff["an"], year=2019).profile == ""


def test_bad_rows_are_reported_with_row_and_column_and_nothing_is_written(staff, organiser):
    data = xlsx(
        *GOOD,
        ["CC999", "", 2023, "HT", "", ""],
        ["CC003", "Trần Văn Cường", 2023, "HT", "", ""],
        ["CC004", "", 2023, "HT", "HTT", ""],
        ["CC006", "", 2023, "Giỏi", "", ""],
    )
    report = run(data, actor=organiser)
    assert not report.written and report.exit_code == 1
    assert report.errors == [
        RowError(5, "Mã công chức", "Không có công chức mã “CC999”."),
        RowError(
            6,
            "Họ và tên",
            "Họ và tên “Trần Văn Cường” không khớp với công chức mã “CC003” (“Trần Đức Cường”).",
        ),
        RowError(
            7,
            "Xếp loại đảng viên",
            "Công chức “CC004” không phải đảng viên (theo danh sách công chức).",
        ),
        RowError(
            8,
            "Xếp loại",
            "Xếp loại “Giỏi” không hợp lệ (nhận: HTXS, HTT, HT, KHT hoặc Hoàn thành xuất sắc "
            "nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ).",
        ),
    ]
    assert report.outcome() == "Không ghi gì vào hệ thống vì tệp có dòng lỗi."
    assert not AnnualEvaluation.objects.exists()
    assert events("evaluation.ratings_import") == []
    assert "Dòng 5, cột “Mã công chức”: Không có công chức mã “CC999”." in report.to_text()


def test_partial_writes_only_the_good_rows(staff):
    report = run(xlsx(*GOOD, ["CC999", "", 2023, "HT", "", ""]), partial=True)
    assert (report.written, report.created, report.bad_rows, report.exit_code) == (True, 3, 1, 2)
    assert AnnualEvaluation.objects.count() == 3


def test_a_dry_run_writes_nothing_but_counts(staff):
    report = run(xlsx(*GOOD), dry_run=True)
    assert (report.written, report.created) == (False, 3)
    assert not AnnualEvaluation.objects.exists() and events("evaluation.ratings_import") == []


def test_reimporting_the_same_file_changes_nothing(staff):
    data = xlsx(*GOOD)
    run(data)
    before = {e.pk: e.updated_at for e in AnnualEvaluation.objects.all()}
    party_before = PartyEvaluation.objects.get().updated_at
    report = run(data)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert {e.pk: e.updated_at for e in AnnualEvaluation.objects.all()} == before
    assert PartyEvaluation.objects.get().updated_at == party_before
    assert AnnualEvaluation.objects.count() == 3


def test_reimporting_a_corrected_file_updates_the_changed_rows(staff):
    run(xlsx(*GOOD))
    corrected = [list(r) for r in GOOD]
    corrected[0][3] = "HT"
    corrected[1][4] = "HTT"
    report = run(xlsx(*corrected))
    assert (report.created, report.updated, report.unchanged) == (0, 2, 1)
    assert AnnualEvaluation.objects.get(person=staff["an"], year=2023).level == "ht"
    assert PartyEvaluation.objects.get().level == "htt"


def test_names_are_compared_in_nfc_ignoring_case_and_diacritic_encoding(staff):
    report = run(xlsx(["CC001", "LÊ THI\u0323 AN", 2023, "HT", "", ""]))
    assert report.errors == [] and report.created == 1


def test_a_rating_made_on_the_system_is_never_overwritten(hr_a, staff):
    decided(hr_a, staff["an"], "htt", year=ND90_YEAR)
    report = run(xlsx(["CC001", "", ND90_YEAR, "KHT", "", ""]))
    assert report.errors == [
        RowError(
            2,
            "Năm",
            "Năm 2025 của công chức “CC001” đã được đánh giá trên hệ thống; không ghi đè.",
        )
    ]
    assert AnnualEvaluation.objects.get(person=staff["an"]).level == "htt"


def test_unit_hr_imports_only_their_subtree(hr_a, staff):
    report = run(xlsx(*GOOD), actor=hr_a)
    assert report.errors == [
        RowError(
            4, "Mã công chức", "Công chức “CC005” thuộc đơn vị ngoài phạm vi bạn được quản lý."
        )
    ]
    assert not AnnualEvaluation.objects.exists()


def test_a_user_without_a_writing_role_cannot_import(leader_a, staff):
    with pytest.raises(PermissionDeniedError) as exc:
        run(xlsx(*GOOD), actor=leader_a)
    assert exc.value.message == "Bạn không có quyền nhập kết quả xếp loại."


def test_a_file_that_cannot_be_read_is_refused(staff):
    with pytest.raises(ServiceError) as exc:
        run(b"not a workbook")
    assert exc.value.message.startswith("Tệp không phải là tệp Excel .xlsx.")


def test_the_year_given_fills_empty_cells(staff):
    report = run(xlsx(["CC001", "", None, "HT", "", ""]), year=2022)
    assert report.created == 1
    assert AnnualEvaluation.objects.get(person=staff["an"]).year == 2022


def test_the_error_workbook_names_each_rows_problems(staff):
    report = run(xlsx(*GOOD, ["CC999", "", 2023, "HT", "", ""]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(report.error_workbook())).active
    assert sheet.cell(1, 7).value == "Lỗi"
    assert sheet.cell(5, 7).value == "Mã công chức: Không có công chức mã “CC999”."


# --- The command line -----------------------------------------------------------------------


def test_the_command_imports_and_prints_the_report(staff, tmp_path: Path, capsys):
    path = tmp_path / "xep-loai.xlsx"
    path.write_bytes(xlsx(*GOOD))
    call_command("import_ratings", str(path))
    out = capsys.readouterr().out
    assert "Số dòng: 3; thêm mới: 3; cập nhật: 0; không đổi: 0; dòng lỗi: 0." in out
    assert "Đã ghi vào hệ thống." in out
    assert AnnualEvaluation.objects.count() == 3


def test_the_command_exits_1_on_a_bad_row_and_writes_the_error_workbook(staff, tmp_path, capsys):
    path = tmp_path / "xep-loai.xlsx"
    path.write_bytes(xlsx(*GOOD, ["CC999", "", 2023, "HT", "", ""]))
    errors = tmp_path / "loi.xlsx"
    with pytest.raises(SystemExit) as exit_:
        call_command("import_ratings", str(path), "--json", "--errors-xlsx", str(errors))
    assert exit_.value.code == 1
    report = json.loads(capsys.readouterr().out)
    assert report["written"] is False
    assert report["errors"] == [
        {"row": 5, "column": "Mã công chức", "message": "Không có công chức mã “CC999”."}
    ]
    assert errors.exists()


def test_the_command_partial_exits_2(staff, tmp_path):
    path = tmp_path / "xep-loai.xlsx"
    path.write_bytes(xlsx(*GOOD, ["CC999", "", 2023, "HT", "", ""]))
    with pytest.raises(SystemExit) as exit_:
        call_command("import_ratings", str(path), "--partial", "--year", "2023")
    assert exit_.value.code == 2
    assert AnnualEvaluation.objects.count() == 3


def test_the_sathach_cli_knows_import_ratings():
    from sathach.cli import COMMANDS

    assert COMMANDS["import-ratings"] == "import_ratings"
