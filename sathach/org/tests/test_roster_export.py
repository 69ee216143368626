"""Roster export: the import layout, scoped to a unit subtree, re-importable with no change."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError
from sathach.core.testing import make_person, make_position, make_user
from sathach.org.constants import Gender, Relation
from sathach.org.models import Person, Relative
from sathach.org.roster import roster_export, roster_import

from .roster_files import HEADERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(province):
    position = make_position("VT-01", "Chuyên viên tổ chức")
    an = make_person(
        "NV001", "Nguyễn Văn An", province.unit_a, position=position, qualification="Thạc sĩ",
        hired_on=dt.date(2010, 9, 1), is_leader=True, is_party_member=True,
    )  # fmt: skip
    binh = make_person("NV002", "Trần Thị Bình", province.dept_a, gender=Gender.FEMALE,
                       rank=None, under_discipline=True)  # fmt: skip
    other = make_person("NV003", "Lê Văn Cường", province.unit_b)
    make_person("NV004", "Đã Nghỉ Hưu", province.unit_a, is_active=False)
    Relative.objects.create(person=an, relative=binh, relation=Relation.SPOUSE)
    Relative.objects.create(person=an, relative=other, relation=Relation.SPOUSE_SIBLING)
    return province


def _day(value):
    """Return a date cell's value as a date (openpyxl reads dates as midnight datetimes)."""
    return value.date() if isinstance(value, dt.datetime) else value


def sheet_of(data: bytes):
    return load_workbook(io.BytesIO(data))["Danh sách công chức"]


def test_export_holds_the_serving_persons_of_the_subtree_in_the_import_layout(staff):
    sheet = sheet_of(roster_export(actor=None, unit=staff.unit_a))
    assert [c.value for c in sheet[1]] == list(HEADERS)
    rows = [[_day(c.value) for c in r] for r in sheet.iter_rows(min_row=2)]
    assert rows == [
        [
            "NV001", "Nguyễn Văn An", dt.date(1985, 5, 17), "Nam", "BTC", "01.003",
            "VT-01", "Thạc sĩ", dt.date(2010, 9, 1), "Có", "Có", "Không",
            "NV002:Vợ, chồng; NV003:Anh, chị, em ruột của vợ/chồng",
        ],
        [
            "NV002", "Trần Thị Bình", dt.date(1985, 5, 17), "Nữ", "BTC-P1", None, None,
            None, None, "Không", "Không", "Có", None,
        ],
    ]  # fmt: skip
    assert sheet["C2"].number_format == "dd/mm/yyyy"


def test_export_then_import_changes_nothing(staff):
    data = roster_export(actor=None, unit=staff.root)
    stamps = dict(Person.objects.values_list("code", "updated_at"))
    relatives = list(Relative.objects.order_by("pk").values_list("pk", "relative_id", "relation"))
    report = roster_import(
        actor=None, data=data, filename="x.xlsx", unit=None, partial=False, dry_run=False
    )
    assert report.errors == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert dict(Person.objects.values_list("code", "updated_at")) == stamps
    assert (
        list(Relative.objects.order_by("pk").values_list("pk", "relative_id", "relation"))
        == relatives
    )


def test_unit_hr_exports_own_unit_and_the_export_is_audited(staff):
    hr = make_user("hr_a", Role.UNIT_HR, staff.unit_a)
    sheet = sheet_of(roster_export(actor=hr, unit=staff.dept_a))
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == ["NV002"]
    event = AuditEvent.objects.get(action="org.roster_export")
    assert event.actor_username == "hr_a"
    assert event.data == {"unit": "BTC-P1", "persons": 1}


def test_unit_hr_cannot_export_another_unit(staff):
    hr = make_user("hr_a", Role.UNIT_HR, staff.unit_a)
    with pytest.raises(PermissionDeniedError) as exc:
        roster_export(actor=hr, unit=staff.unit_b)
    assert exc.value.message == "Bạn không có quyền xuất danh sách của đơn vị “SNV”."
    assert not AuditEvent.objects.filter(action="org.roster_export").exists()


def test_leader_reads_but_cannot_export(staff):
    leader = make_user("leader", Role.LEADER, staff.root)
    with pytest.raises(PermissionDeniedError):
        roster_export(actor=leader, unit=staff.unit_a)


def test_export_of_an_empty_unit_is_the_template(staff):
    sheet = sheet_of(roster_export(actor=None, unit=staff.commune))
    assert sheet.max_row == 1 and [c.value for c in sheet[1]] == list(HEADERS)
