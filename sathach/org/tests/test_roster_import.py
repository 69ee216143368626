"""Roster import: every bad row reported, all or nothing, idempotent, scoped, NFC."""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata

import pytest
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_person, make_position, make_user
from sathach.lib.formats import roster as fmt
from sathach.lib.formats.roster import RowError
from sathach.org.constants import Gender, Relation
from sathach.org.models import Person, Rank, Relative
from sathach.org.roster import roster_import

from .roster_files import HEADERS, as_excel_writes_it, make_xlsx, row, xlsx

pytestmark = pytest.mark.django_db


def run(data: bytes, *, actor=None, unit=None, partial=False, dry_run=False, filename="ds.xlsx"):
    return roster_import(
        actor=actor, data=data, filename=filename, unit=unit, partial=partial, dry_run=dry_run
    )


def refused(data: bytes, **kwargs) -> str:
    with pytest.raises(ServiceError) as exc:
        run(data, **kwargs)
    return exc.value.message


def imports() -> int:
    return AuditEvent.objects.filter(action="org.roster_import").count()


def nothing_written() -> bool:
    return not Person.objects.exists() and not Relative.objects.exists() and imports() == 0


def test_the_file_format_speaks_the_models_codes():
    assert {str(label) for label in Relation.labels} == set(fmt.RELATION_LABELS.values())
    assert set(Relation.values) == set(fmt.RELATION_LABELS)
    assert (fmt.MALE, fmt.FEMALE) == (Gender.MALE, Gender.FEMALE)


# --- Good files -----------------------------------------------------------------------------


def test_valid_file_creates_persons_with_derived_fields_and_one_audit_event(province):
    make_position("VT-01", "Chuyên viên tổ chức")
    data = xlsx(
        row("NV001", "Nguyễn Văn An", relatives="NV002:vợ", position_code="VT-01"),
        row("NV002", "Trần Thị Bích", gender="Nữ", unit_code="BTC-P1", is_leader="Có"),
    )
    report = run(data)
    assert (report.created, report.updated, report.unchanged, report.errors) == (2, 0, 0, [])
    assert report.written and report.exit_code == 0
    an = Person.objects.get(code="NV001")
    assert (an.family_name, an.middle_name, an.given_name) == ("Nguyễn", "Văn", "An")
    assert an.search_text == "nguyen van an nv001"
    assert an.unit == province.unit_a and an.rank.code == "01.003"
    assert an.position.code == "VT-01" and an.hired_on == dt.date(2010, 9, 1)
    assert an.is_party_member and not an.is_leader
    bich = Person.objects.get(code="NV002")
    assert bich.gender == Gender.FEMALE and bich.unit == province.dept_a and bich.is_leader
    assert list(Relative.objects.values_list("person__code", "relative__code", "relation")) == [
        ("NV001", "NV002", Relation.SPOUSE)
    ]
    event = AuditEvent.objects.get(action="org.roster_import")
    assert event.data["filename"] == "ds.xlsx"
    assert (event.data["created"], event.data["updated"], event.data["unchanged"]) == (2, 0, 0)
    assert event.data["error_rows"] == 0 and len(event.data["sha256"]) == 64


def test_file_saved_by_excel_with_shared_strings_imports_the_same(province):
    report = run(as_excel_writes_it(xlsx(row("NV001"), row("NV002", gender="Nữ"))))
    assert report.created == 2 and report.errors == []


def test_nfd_input_is_stored_as_nfc(province):
    nfd = unicodedata.normalize("NFD", "Nguyễn   Thị Hồng")
    run(xlsx(row("NV001", nfd, qualification=unicodedata.normalize("NFD", "Thạc sĩ"))))
    person = Person.objects.get()
    assert person.full_name == "Nguyễn Thị Hồng"
    assert unicodedata.is_normalized("NFC", person.full_name)
    assert unicodedata.is_normalized("NFC", person.given_name + person.qualification)
    assert person.qualification == "Thạc sĩ"


def test_reimporting_the_same_file_changes_nothing(province):
    data = xlsx(row("NV001", relatives="NV002:con"), row("NV002", "Lê Văn Bình"))
    run(data)
    stamps = dict(Person.objects.values_list("code", "updated_at"))
    relatives = list(Relative.objects.values_list("pk", "relation"))
    report = run(data)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert dict(Person.objects.values_list("code", "updated_at")) == stamps
    assert list(Relative.objects.values_list("pk", "relation")) == relatives
    last = AuditEvent.objects.filter(action="org.roster_import").order_by("seq").last()
    assert last.data["unchanged"] == 2


def test_changed_row_updates_only_that_person(province):
    run(xlsx(row("NV001"), row("NV002", "Lê Văn Bình")))
    stamps = dict(Person.objects.values_list("code", "updated_at"))
    report = run(xlsx(row("NV001", "Nguyễn Văn Ân"), row("NV002", "Lê Văn Bình")))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    after = dict(Person.objects.values_list("code", "updated_at"))
    assert after["NV002"] == stamps["NV002"] and after["NV001"] > stamps["NV001"]
    person = Person.objects.get(code="NV001")
    assert person.full_name == "Nguyễn Văn Ân" and person.search_text == "nguyen van an nv001"


def test_declared_relatives_are_replaced_by_the_file(province):
    make_person("NV009", "Phạm Thị Cúc", province.unit_b)
    run(xlsx(row("NV001", relatives="NV002:vợ; NV009:mẹ"), row("NV002", "Lê Thị Mai")))
    report = run(
        xlsx(row("NV001", relatives="NV002:chồng; NV009:cha mẹ vợ"), row("NV002", "Lê Thị Mai"))
    )
    assert (report.updated, report.unchanged) == (1, 1)
    assert set(Relative.objects.values_list("relative__code", "relation")) == {
        ("NV002", Relation.SPOUSE),
        ("NV009", Relation.SPOUSE_PARENT),
    }


def test_left_out_optional_column_keeps_the_stored_value(province):
    run(xlsx(row("NV001", rank_code="01.002", relatives="")))
    make_person("NV002", "Đỗ Văn Hải", province.unit_a)
    Relative.objects.create(
        person=Person.objects.get(code="NV001"),
        relative=Person.objects.get(code="NV002"),
        relation=Relation.SIBLING,
    )
    header = ["Mã công chức", "Họ và tên", "Ngày sinh", "Giới tính", "Mã đơn vị"]
    report = run(make_xlsx([row("NV001")[:5]], header=header))
    assert (report.updated, report.unchanged) == (0, 1)
    person = Person.objects.get(code="NV001")
    assert person.rank.code == "01.002" and person.is_party_member
    assert person.relatives_declared.count() == 1


def test_empty_optional_cell_clears_the_stored_value(province):
    run(xlsx(row("NV001", rank_code="01.002")))
    report = run(xlsx(row("NV001", rank_code=None, is_party_member=None)))
    assert report.updated == 1
    person = Person.objects.get(code="NV001")
    assert person.rank is None and not person.is_party_member


def test_named_unit_fills_empty_unit_cells(province):
    report = run(xlsx(row("NV001", unit_code=None), row("NV002", unit_code="BTC-P1")),
                 unit=province.unit_a)  # fmt: skip
    assert report.created == 2
    assert dict(Person.objects.values_list("code", "unit__code")) == {
        "NV001": "BTC",
        "NV002": "BTC-P1",
    }


def test_named_unit_lets_the_unit_column_be_left_out(province):
    header = [h for h in HEADERS if h != "Mã đơn vị"]
    cells = row("NV001")
    del cells[4]
    assert run(make_xlsx([cells], header=header), unit=province.dept_a).created == 1
    assert Person.objects.get().unit == province.dept_a


def test_unknown_extra_column_is_a_warning(province):
    report = run(make_xlsx([[*row("NV001"), "x"]], header=[*HEADERS, "Ghi chú"]))
    assert report.warnings == ["Cột “Ghi chú” không thuộc mẫu, đã bỏ qua."]
    assert report.created == 1


def test_import_of_a_thousand_rows_makes_no_query_per_row(province, django_assert_max_num_queries):
    data = xlsx(*(row(f"NV{i:04d}", relatives=f"NV{(i + 1) % 1000:04d}:anh") for i in range(1000)))
    # Bulk inserts go in batches (SQLite takes at most 999 parameters: ~49 persons a query).
    with django_assert_max_num_queries(80):
        report = run(data)
    assert report.created == 1000 and Relative.objects.count() == 1000


# --- Files that cannot be used: a message, never a traceback, nothing written -----------------

NOT_XLSX = "Tệp không phải là tệp Excel .xlsx. Hãy lưu tệp dưới dạng “Excel Workbook (.xlsx)”."
CORRUPT = "Tệp Excel bị hỏng hoặc không đầy đủ, không đọc được."
VALID = xlsx(row("NV001"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param("Mã công chức,Họ và tên\nNV001,An\n".encode(), NOT_XLSX, id="csv"),
        pytest.param(bytes(range(256)) * 4, NOT_XLSX, id="random-bytes"),
        pytest.param(VALID[: len(VALID) * 2 // 3], CORRUPT, id="truncated-zip"),
        pytest.param(
            make_xlsx([], header=None), "Trang tính “Danh sách công chức” trống.", id="empty"
        ),
        pytest.param(
            make_xlsx([]),
            "Trang tính “Danh sách công chức” không có dòng dữ liệu nào dưới dòng tiêu đề.",
            id="header-only",
        ),
        pytest.param(
            make_xlsx([row("NV001")[:3]], header=HEADERS[:3]),
            "Thiếu cột bắt buộc ở dòng tiêu đề (dòng 1): “Giới tính”, “Mã đơn vị”.",
            id="missing-columns",
        ),
        pytest.param(
            make_xlsx([row("NV001"), row("NV002")], merged=["B2:B3"]),
            "Trang tính có ô gộp (B2:B3). Hãy bỏ gộp ô (Unmerge) rồi nhập lại.",
            id="merged-cells",
        ),
    ],
)
def test_unusable_file_is_refused_with_a_message_and_nothing_written(province, data, message):
    assert refused(data) == message
    assert nothing_written()


def test_file_over_the_size_limit_is_refused(province, monkeypatch):
    monkeypatch.setattr("sathach.org.roster.MAX_FILE_BYTES", 1000)
    assert refused(VALID) == "Tệp lớn quá 0 MB."


# --- Bad rows -------------------------------------------------------------------------------


def hr_of_a(province):
    return make_user("hr_a", Role.UNIT_HR, province.unit_a)


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"full_name": None}, "Họ và tên", "Không được để trống."),
        (
            {"birth_date": "32/01/1985"},
            "Ngày sinh",
            "Ngày không hợp lệ: “32/01/1985” (cần dạng dd/mm/yyyy).",
        ),
        (
            {"birth_date": dt.date(2100, 1, 1), "hired_on": None},
            "Ngày sinh",
            "Ngày sinh ở sau ngày nhập.",
        ),
        ({"gender": "Nu?"}, "Giới tính", "Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “Nu?”."),
        ({"rank_code": "99.999"}, "Ngạch", "Không có ngạch mã “99.999”."),
        ({"position_code": "VT-X"}, "Mã vị trí việc làm", "Không có vị trí việc làm mã “VT-X”."),
        ({"unit_code": "KHONG-CO"}, "Mã đơn vị", "Không có đơn vị mã “KHONG-CO”."),
        ({"unit_code": "SNV"}, "Mã đơn vị", "Đơn vị “SNV” nằm ngoài phạm vi bạn được quản lý."),
        (
            {"relatives": "NV404:vợ"},
            "Người thân",
            "Không có công chức mã “NV404” trong tệp hay trong hệ thống.",
        ),
        ({"relatives": "NV002:hàng xóm"}, "Người thân", fmt.MSG_RELATION % {"value": "hàng xóm"}),
        (
            {"full_name": "Nguyễn " + "A" * 60},
            "Họ và tên",
            "Họ và tên quá dài, hoặc có một từ quá dài.",
        ),
    ],
)
def test_bad_cell_is_reported_and_nothing_is_written(province, cells, column, message):
    report = run(xlsx(row("NV001", **cells), row("NV002", "Lê Thị Mai")), actor=hr_of_a(province))
    assert report.errors == [RowError(2, column, message)]
    assert not report.written and report.exit_code == 1
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    assert nothing_written()


def test_name_too_long_to_sort_is_refused_not_crashing_the_database(province):
    # 147 characters fit the name field, but the Vietnamese sort key would pass its 400.
    report = run(xlsx(row("NV001", " ".join(["Anh"] * 37))))
    assert report.errors == [RowError(2, "Họ và tên", "Họ và tên quá dài, hoặc có một từ quá dài.")]
    assert nothing_written()


def test_duplicate_code_in_the_file_is_reported_on_each_row(province):
    report = run(xlsx(row("NV001"), row("NV002"), row("NV001", "Lê Văn Tám")))
    message = "Mã công chức “NV001” xuất hiện nhiều lần trong tệp (dòng 2, 4)."
    assert report.errors == [
        RowError(2, "Mã công chức", message),
        RowError(4, "Mã công chức", message),
    ]
    assert nothing_written()


def test_every_bad_row_is_listed_in_the_report(province):
    report = run(xlsx(row("NV001", gender="?"), row("NV002"), row("NV003", rank_code="00.000")))
    assert [(e.row, e.column) for e in report.errors] == [(2, "Giới tính"), (4, "Ngạch")]
    assert report.bad_rows == 2 and nothing_written()


def test_inactive_unit_is_refused(province):
    province.unit_b.is_active = False
    province.unit_b.save()
    report = run(xlsx(row("NV001", unit_code="SNV")))
    assert report.errors == [RowError(2, "Mã đơn vị", "Đơn vị “SNV” đã ngừng hoạt động.")]


def test_unit_outside_the_named_unit_is_refused(province):
    report = run(xlsx(row("NV001", unit_code="SNV")), unit=province.unit_a)
    assert report.errors == [
        RowError(2, "Mã đơn vị", "Đơn vị “SNV” không thuộc đơn vị “BTC” đang nhập.")
    ]


def test_unit_hr_cannot_take_over_a_person_of_another_unit(province):
    make_person("NV001", "Phạm Văn Cường", province.unit_b)
    report = run(xlsx(row("NV001")), actor=hr_of_a(province))
    assert report.errors == [
        RowError(
            2, "Mã công chức", "Công chức “NV001” đang thuộc đơn vị ngoài phạm vi bạn được quản lý."
        )
    ]
    assert Person.objects.get().unit == province.unit_b


def test_unit_hr_imports_into_own_subtree(province):
    report = run(xlsx(row("NV001"), row("NV002", unit_code="BTC-P1")), actor=hr_of_a(province))
    assert report.created == 2
    assert AuditEvent.objects.get(action="org.roster_import").actor_username == "hr_a"


def test_user_without_a_roster_write_role_is_refused(province):
    leader = make_user("leader", Role.LEADER, province.root)
    with pytest.raises(PermissionDeniedError) as exc:
        run(VALID, actor=leader)
    assert exc.value.message == "Bạn không có quyền nhập danh sách công chức."


def test_named_unit_outside_the_users_scope_is_refused(province):
    with pytest.raises(PermissionDeniedError) as exc:
        run(VALID, actor=hr_of_a(province), unit=province.unit_b)
    assert exc.value.message == "Bạn không có quyền nhập danh sách cho đơn vị “SNV”."
    assert nothing_written()


# --- Partial, dry run -------------------------------------------------------------------------


def test_partial_writes_the_good_rows_and_reports_the_rest(province):
    data = xlsx(row("NV001"), row("NV002", gender="?"), row("NV003", "Lê Văn Ba"))
    report = run(data, partial=True)
    assert report.written and report.exit_code == 2
    assert (report.created, report.bad_rows) == (2, 1)
    assert [e.row for e in report.errors] == [3]
    assert set(Person.objects.values_list("code", flat=True)) == {"NV001", "NV003"}
    assert AuditEvent.objects.get(action="org.roster_import").data["error_rows"] == 1


def test_partial_refuses_a_row_whose_relative_is_a_refused_row(province):
    data = xlsx(
        row("NV001", relatives="NV002:vợ"),
        row("NV002", "Lê Thị Mai", gender="?"),
        row("NV003", "Lê Văn Ba", relatives="NV001:anh"),
        row("NV004", "Lê Văn Tư"),
    )
    report = run(data, partial=True)
    assert [(e.row, e.message) for e in report.errors if e.column == "Người thân"] == [
        (2, "Người thân “NV002” ở dòng 3 có lỗi nên chưa nhập được."),
        (4, "Người thân “NV001” ở dòng 2 có lỗi nên chưa nhập được."),
    ]
    assert list(Person.objects.values_list("code", flat=True)) == ["NV004"]


def test_partial_with_no_good_row_writes_nothing(province):
    report = run(xlsx(row("NV001", gender="?")), partial=True)
    assert report.exit_code == 1 and not report.written and nothing_written()


def test_dry_run_counts_but_writes_nothing(province):
    run(xlsx(row("NV001")))
    events = AuditEvent.objects.count()
    report = run(xlsx(row("NV001", "Nguyễn Văn Ân"), row("NV002")), dry_run=True)
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    assert not report.written and report.exit_code == 0
    assert list(Person.objects.values_list("full_name", flat=True)) == ["Nguyễn Văn An"]
    assert AuditEvent.objects.count() == events


# --- Report ---------------------------------------------------------------------------------


def test_report_as_text_and_json(province):
    report = run(xlsx(row("NV001"), row("NV002", gender="x"), header=[*HEADERS, "Ghi chú"]))
    assert report.to_text() == "\n".join(
        [
            "Tệp: ds.xlsx",
            "Số dòng: 2; thêm mới: 0; cập nhật: 0; không đổi: 0; dòng lỗi: 1.",
            "Không ghi gì vào hệ thống vì tệp có dòng lỗi.",
            "Cảnh báo: Cột “Ghi chú” không thuộc mẫu, đã bỏ qua.",
            "Dòng 3, cột “Giới tính”: Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “x”.",
        ]
    )
    assert json.loads(report.to_json()) == {
        "filename": "ds.xlsx",
        "written": False,
        "dry_run": False,
        "partial": False,
        "outcome": "Không ghi gì vào hệ thống vì tệp có dòng lỗi.",
        "counts": {"rows": 2, "created": 0, "updated": 0, "unchanged": 0, "error_rows": 1},
        "warnings": ["Cột “Ghi chú” không thuộc mẫu, đã bỏ qua."],
        "errors": [
            {
                "row": 3,
                "column": "Giới tính",
                "message": "Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “x”.",
            }
        ],
    }


def test_error_workbook_is_the_input_with_an_error_column(province):
    report = run(xlsx(row("NV001"), row("NV002", rank_code="77.777")))
    sheet = load_workbook(io.BytesIO(report.error_workbook())).active
    assert [c.value for c in sheet[1]] == [*HEADERS, "Lỗi"]
    assert [sheet.cell(r, 1).value for r in (2, 3)] == ["NV001", "NV002"]
    assert sheet.cell(2, 14).value is None
    assert sheet.cell(3, 14).value == "Ngạch: Không có ngạch mã “77.777”."


def test_rank_codes_come_from_the_rank_table(province):
    Rank.objects.create(code="99.001", name="Ngạch thử")
    assert run(xlsx(row("NV001", rank_code="99.001"))).created == 1
