"""In the browser: a unit's HR officer finds a civil servant by a name typed without marks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from sathach.accounts.constants import Role
from sathach.core.pytest_browser import sign_in, sign_out
from sathach.core.testing import make_person, make_province, make_user

pytestmark = pytest.mark.browser


def test_unit_officer_finds_a_person_without_diacritics_and_not_other_units(
    page: Page, live_server, transactional_db
):
    province = make_province()
    make_person("BTC-001", "Nguyễn Văn An", province.unit_a)
    make_person("BTC-002", "Trần Thị Bình", province.dept_a)
    # Unit B's person folds to the same search text; scope must keep them out of every list.
    make_person("SNV-001", "Nguyễn Văn Ân", province.unit_b)
    make_user("hr-btc", Role.UNIT_HR, province.unit_a)
    base = live_server.url

    sign_in(page, base, "hr-btc")
    page.get_by_role("navigation").get_by_role("link", name="Danh sách công chức").click()
    expect(page.locator("h1")).to_have_text("Danh sách công chức")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("table.list")).not_to_contain_text("SNV-001")

    page.get_by_label("Tìm theo họ tên hoặc mã (không cần dấu)").fill("nguyen van an")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page).to_have_url(f"{base}/to-chuc/cong-chuc/?q=nguyen+van+an")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("BTC-001")
    expect(page.locator("table.list")).not_to_contain_text("Nguyễn Văn Ân")

    rows.first.get_by_role("link", name="Nguyễn Văn An").click()
    expect(page).to_have_url(f"{base}/to-chuc/cong-chuc/BTC-001/")
    expect(page.locator("h1")).to_have_text("Nguyễn Văn An")
    expect(page.locator("main")).to_contain_text("Ban Tổ chức Tỉnh ủy (BTC)")

    # Unit B's person is not reachable by address either.
    response = page.goto(f"{base}/to-chuc/cong-chuc/SNV-001/")
    assert response is not None and response.status == 404

    page.goto(f"{base}/to-chuc/cong-chuc/")
    sign_out(page, base)
    page.goto(f"{base}/to-chuc/cong-chuc/")
    expect(page).to_have_url(f"{base}/tai-khoan/dang-nhap/?next=/to-chuc/cong-chuc/")
