"""Browser-test fixtures: Playwright for Python driving Debian's chromium.

Registered for the whole suite in the root ``conftest.py``::

    pytest_plugins = ["sathach.core.pytest_browser"]

A browser test is marked ``@pytest.mark.browser``, serves the site with pytest-django's
``live_server`` (which needs ``transactional_db``: the server thread must see committed rows) and
drives it through the ``page`` fixture::

    @pytest.mark.browser
    def test_something(page, live_server, transactional_db):
        sign_in(page, live_server.url, "canbo")

Playwright cannot download its own browser on exam sites and CI machines without internet, so it
drives ``/usr/bin/chromium`` from Debian (``scripts/install-system-deps.sh`` installs it). When a
test fails, a screenshot of its page is saved under ``test-results/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCALE = "vi-VN"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_TIMEOUT_MS = 10_000
SCREENSHOT_DIR = "test-results"

_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the test item, so ``page`` knows whether the test failed."""
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless chromium for the whole test session."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: browser tests drive Debian's chromium. "
            "Install it with scripts/install-system-deps.sh",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context (no cookies) in Vietnamese and Vietnam's time zone."""
    context = browser.new_context(locale=LOCALE, timezone_id=TIMEZONE)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    new_page = context.new_page()
    try:
        yield new_page
    finally:
        reports = request.node.stash.get(_REPORTS, {})
        if any(r.failed for r in reports.values()):
            _save_screenshot(new_page, request)
        context.close()


def _save_screenshot(page: Page, request: pytest.FixtureRequest) -> None:
    folder = request.config.rootpath / SCREENSHOT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid).strip("_")
    path = folder / f"{name}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
    except Exception as exc:  # a crashed page must not hide the test's own failure
        request.node.add_report_section("teardown", "screenshot", f"not saved: {exc}")
    else:
        request.node.add_report_section("teardown", "screenshot", str(path))


def sign_in(page: Page, base_url: str, username: str, password: str | None = None) -> None:
    """Sign in through the login page, as a person would, and wait for the home page."""
    from playwright.sync_api import expect

    from sathach.core.testing import TEST_PASSWORD

    page.goto(f"{base_url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD if password is None else password)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    expect(page).to_have_url(f"{base_url}/")


def sign_out(page: Page, base_url: str) -> None:
    """Sign out with the button in the top bar and wait for the login page."""
    from playwright.sync_api import expect

    page.get_by_role("button", name="Đăng xuất", exact=True).click()
    expect(page).to_have_url(f"{base_url}/tai-khoan/dang-nhap/")
