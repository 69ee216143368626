"""In a browser: unit HR reach their unit's report from the menu and see its charts, drawn
without a script and without any inline style the content security policy would refuse."""

from __future__ import annotations

import pytest

from sathach.core.pytest_browser import sign_in

from .helpers import make_report_exam, unit_hr


@pytest.mark.browser
def test_unit_hr_opens_the_unit_report_and_sees_the_charts(page, live_server, transactional_db):
    from playwright.sync_api import expect

    exam = make_report_exam()
    hr = unit_hr(exam, exam.province.unit_a)
    blocked: list[str] = []

    def watch(message) -> None:
        # Only what this page's markup does: the vendored htmx's own indicator style is
        # refused on every page of the site, and is not a report's doing.
        if "Content Security Policy" in message.text and "vendor/htmx" not in (
            message.location.get("url") or ""
        ):
            blocked.append(message.text)

    page.on("console", watch)
    sign_in(page, live_server.url, hr.username)
    page.locator("nav.mainnav").get_by_role("link", name="Báo cáo kết quả").click()
    page.get_by_role("link", name="Xem báo cáo").click()
    expect(page.locator("#count-candidates")).to_have_text("3")
    page.locator("#by-unit").get_by_role("link", name="Ban Tổ chức Tỉnh ủy").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ban Tổ chức Tỉnh ủy")
    chart = page.get_by_role("img", name="Tỷ lệ đạt theo đơn vị")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["height"] > 40
    expect(page.locator("#chart-total")).to_be_visible()
    expect(page.locator("#below-0005")).to_contain_text("Nguyễn Văn Thí Sinh 5")
    assert blocked == []
