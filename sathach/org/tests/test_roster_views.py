"""Roster pages: upload with a report, error workbook, template, export; scope and CSRF."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.core.testing import TEST_PASSWORD, make_person, make_user
from sathach.org.models import Person

from .roster_files import HEADERS, row, xlsx

pytestmark = pytest.mark.django_db

IMPORT = reverse("org:roster-import")
ERRORS = reverse("org:roster-import-errors")
TEMPLATE = reverse("org:roster-template")
EXPORT = reverse("org:roster-export")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def client_for(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


@pytest.fixture
def hr(province):
    return client_for(make_user("hr_a", Role.UNIT_HR, province.unit_a))


def upload(client: Client, data: bytes, name: str = "ds.xlsx", **fields):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data), **fields})


def text_of(response) -> str:
    """Return the page with runs of whitespace as one space and none between tags."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", response.content.decode()))


def test_page_needs_sign_in(province):
    response = Client().get(IMPORT)
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


@pytest.mark.parametrize("role", [Role.LEADER, Role.ADMIN, Role.AUTHOR, Role.CANDIDATE])
def test_page_is_a_404_without_a_roster_write_role(province, role):
    client = client_for(make_user("u", role, province.root if role != Role.CANDIDATE else None))
    for url in (IMPORT, ERRORS, TEMPLATE, f"{EXPORT}?unit=BTC"):
        assert client.get(url).status_code == 404


def test_form_offers_only_the_users_units(hr):
    page = text_of(hr.get(IMPORT))
    assert 'value="BTC"' in page and 'value="BTC-P1"' in page
    assert 'value="SNV"' not in page and 'value="NA"' not in page
    assert ">Ban Tổ chức Tỉnh ủy (BTC)<" in page  # indented under the top of the user's scope
    assert ">— Phòng Tổ chức cán bộ (BTC-P1)<" in page
    assert reverse("org:roster-template") in page


def test_page_has_no_inline_script(hr):
    page = hr.get(IMPORT).content.decode()
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None


def test_upload_with_an_error_row_shows_row_and_message_and_writes_nothing(hr):
    response = upload(hr, xlsx(row("NV001"), row("NV002", gender="Nữ?")))
    assert response.status_code == 200
    page = text_of(response)
    assert "Không ghi gì vào hệ thống vì tệp có dòng lỗi." in page
    assert (
        '<tr class="row-error"><td>3</td><td>Giới tính</td>'
        "<td>Giới tính chỉ nhận “Nam” hoặc “Nữ”, không nhận “Nữ?”.</td></tr>"
    ) in page
    assert ERRORS in page
    assert not Person.objects.exists()


def test_error_workbook_is_downloaded_from_the_session(hr):
    upload(hr, xlsx(row("NV001"), row("NV002", rank_code="55.555")), name="Đơn vị A.xlsx")
    response = hr.get(ERRORS)
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert "loi-%C4%90%C6%A1n%20v%E1%BB%8B%20A.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(3, 14).value == "Ngạch: Không có ngạch mã “55.555”."


def test_error_workbook_is_gone_after_a_clean_import(hr):
    upload(hr, xlsx(row("NV001", gender="?")))
    upload(hr, xlsx(row("NV001")))
    assert hr.get(ERRORS).status_code == 404


def test_good_upload_writes_and_reports_counts(hr):
    page = text_of(upload(hr, xlsx(row("NV001"), row("NV002", unit_code="BTC-P1"))))
    assert "Đã ghi vào hệ thống." in page
    assert "<td>2</td><td>2</td><td>0</td><td>0</td><td>0</td>" in page
    assert Person.objects.count() == 2


def test_partial_and_dry_run_boxes(hr):
    data = xlsx(row("NV001"), row("NV002", gender="?"))
    assert "Chạy thử" in text_of(upload(hr, data, partial="on", dry_run="on"))
    assert not Person.objects.exists()
    page = text_of(upload(hr, data, partial="on"))
    assert "Đã ghi các dòng hợp lệ; các dòng lỗi bị bỏ qua." in page
    assert list(Person.objects.values_list("code", flat=True)) == ["NV001"]


def test_unit_choice_fills_empty_unit_cells(hr, province):
    upload(hr, xlsx(row("NV001", unit_code=None)), unit="BTC-P1")
    assert Person.objects.get().unit == province.dept_a


def test_unit_outside_scope_is_not_a_valid_choice(hr):
    page = text_of(upload(hr, xlsx(row("NV001")), unit="SNV"))
    assert "Hãy chọn một lựa chọn hợp lệ." in page
    assert not Person.objects.exists()


def test_unit_hr_cannot_import_persons_into_another_unit(hr):
    page = text_of(upload(hr, xlsx(row("NV001", unit_code="SNV"))))
    assert (
        "<td>2</td><td>Mã đơn vị</td><td>Đơn vị “SNV” nằm ngoài phạm vi bạn được quản lý.</td>"
    ) in page
    assert not Person.objects.exists()


def test_file_that_is_not_an_xlsx_gets_a_message(hr):
    page = text_of(upload(hr, b"ma,ten\n", name="ds.csv"))
    assert "Tệp không phải là tệp Excel .xlsx." in page
    assert not Person.objects.exists()


def test_upload_without_csrf_token_is_refused(province):
    make_user("hr_b", Role.UNIT_HR, province.unit_a)
    client = Client(enforce_csrf_checks=True)
    client.login(username="hr_b", password=TEST_PASSWORD)
    response = client.post(IMPORT, {"file": SimpleUploadedFile("ds.xlsx", xlsx(row("NV001")))})
    assert response.status_code == 403
    assert not Person.objects.exists()


def test_template_download_has_the_headers(hr):
    response = hr.get(TEMPLATE)
    assert response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == list(HEADERS)


def test_export_of_own_unit(hr, province):
    make_person("NV001", "Nguyễn Văn An", province.dept_a)
    response = hr.get(EXPORT, {"unit": "BTC"})
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert 'filename="danh-sach-BTC.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "NV001"


@pytest.mark.parametrize("unit", ["SNV", "NA", "KHONG-CO", ""])
def test_export_outside_scope_or_unknown_is_a_404(hr, unit):
    assert hr.get(EXPORT, {"unit": unit}).status_code == 404
