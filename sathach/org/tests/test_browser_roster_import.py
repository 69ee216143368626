"""In the browser: a unit HR officer imports a roster with one bad row, reads the row's error in
Vietnamese, fixes it, imports, and finds the person by a search without diacritics."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from sathach.accounts.constants import Role
from sathach.core.pytest_browser import sign_in
from sathach.core.testing import make_province, make_user
from sathach.org.models import Person
from sathach.org.tests.roster_files import row, xlsx

pytestmark = pytest.mark.browser


def test_hr_officer_fixes_a_bad_row_and_finds_the_person(
    page: Page, live_server, transactional_db, tmp_path
):
    province = make_province()
    make_user("hr-btc", Role.UNIT_HR, province.unit_a)
    rows = [
        row("BTC-101", "Nguyễn Văn Đức", unit_code="BTC"),
        row("BTC-102", "Trần Thị Hòa", unit_code="BTC-P1", birth_date="31/02/1990"),
        row("BTC-103", "Lê Minh Châu", unit_code="BTC"),
    ]
    bad = tmp_path / "danh-sach.xlsx"
    bad.write_bytes(xlsx(*rows))
    base = live_server.url

    sign_in(page, base, "hr-btc")
    page.get_by_role("navigation").get_by_role("link", name="Nhập danh sách").click()
    page.get_by_label("Tệp danh sách (.xlsx)").set_input_files(str(bad))
    page.get_by_role("button", name="Nhập", exact=True).click()

    errors = page.locator("table.list tr.row-error")
    expect(errors).to_have_count(1)
    expect(errors.first.locator("td").nth(0)).to_have_text("3")  # row 3 of the sheet
    expect(errors.first.locator("td").nth(1)).to_have_text("Ngày sinh")
    expect(errors.first.locator("td").nth(2)).to_have_text(
        "Ngày không hợp lệ: “31/02/1990” (cần dạng dd/mm/yyyy)."
    )
    expect(page.get_by_role("status")).to_contain_text("Không ghi")
    assert Person.objects.count() == 0  # all or nothing

    rows[1] = row("BTC-102", "Trần Thị Hòa", unit_code="BTC-P1", birth_date=dt.date(1990, 2, 28))
    fixed = tmp_path / "danh-sach-da-sua.xlsx"
    fixed.write_bytes(xlsx(*rows))
    page.get_by_label("Tệp danh sách (.xlsx)").set_input_files(str(fixed))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.locator("table.list tr.row-error")).to_have_count(0)
    expect(page.get_by_role("status")).to_have_text("Đã ghi vào hệ thống.")
    expect(page.locator("#report-title + ul + table tbody td").nth(1)).to_have_text("3")
    assert Person.objects.count() == 3

    page.get_by_role("navigation").get_by_role("link", name="Danh sách công chức").click()
    page.get_by_label("Tìm theo họ tên hoặc mã (không cần dấu)").fill("tran thi hoa")
    page.get_by_role("button", name="Tìm", exact=True).click()
    results = page.locator("table.list tbody tr")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Trần Thị Hòa")
    expect(results.first).to_contain_text("BTC-102")
