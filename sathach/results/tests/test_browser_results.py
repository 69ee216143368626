"""In the browser: an anonymised essay marked 3 points apart, reconciled, published, read.

Issue 6's browser acceptance: two markers mark the same anonymised essay 3 points apart (beyond
the tolerance of 10 % of a 10-point part), the reconciliation settles it, the results are
published, the candidate sees the score and downloads the slip, and the unit report shows the
chart.
"""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from sathach.accounts.constants import Role
from sathach.core.pytest_browser import sign_in, sign_out
from sathach.core.testing import make_user
from sathach.grading.testing import candidate_user, make_written_exam

pytestmark = pytest.mark.browser


def mark_in_browser(page: Page, base: str, username: str, code: str, q1: str, q2: str) -> None:
    sign_in(page, base, username)
    page.goto(f"{base}/cham-thi/bai-duoc-phan-cong/")
    page.get_by_role("link", name=code).click()
    # The marker sees the script and the guide, never who wrote it.
    expect(page.locator("h1")).to_have_text(f"Bài số phách {code}")
    page.get_by_label("Câu 1 (tối đa 4)").fill(q1)
    page.get_by_label("Câu 2 (tối đa 6)").fill(q2)
    page.get_by_label("Tổng điểm").fill(str(Decimal(q1.replace(",", ".")) + Decimal(q2)))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Nộp điểm").click()
    expect(page.locator("#my-score")).to_be_visible()


def agree_in_browser(page: Page, base: str, code: str, score: str) -> None:
    page.goto(f"{base}/cham-thi/bai-duoc-phan-cong/")
    page.get_by_role("link", name=code).click()
    expect(page.locator("#discussion")).to_contain_text("vượt mức cho phép 1 điểm")
    page.get_by_label("Điểm thống nhất sau trao đổi").fill(score)
    page.get_by_role("button", name="Ghi điểm thống nhất").click()
    expect(page.locator("#my-agreed")).to_have_text(score)


def test_essay_three_points_apart_is_reconciled_published_and_read_by_the_candidate(
    page: Page, live_server, transactional_db, tmp_path
):
    exam = make_written_exam(1, max_score=Decimal(10))
    exam.collect_and_code()
    exam.set_guide()
    exam.assign()
    candidate = exam.candidates[0]
    script = exam.script_of(candidate)
    first, second = exam.marks(script)
    person = candidate.person
    candidate_user(candidate, "thisinh")
    base = live_server.url

    # Two markers, independently: 5 and 8 out of 10, 3 points apart (tolerance 1 point).
    mark_in_browser(page, base, first.marker.username, script.code, "2", "3")
    page.goto(f"{base}/cham-thi/cham/{first.pk}/")
    expect(page.locator("body")).not_to_contain_text(person.full_name)
    sign_out(page, base)
    mark_in_browser(page, base, second.marker.username, script.code, "3", "5")
    expect(page.locator("body")).not_to_contain_text(person.full_name)
    # Beyond the tolerance: the two markers discuss and both record the agreed score.
    agree_in_browser(page, base, script.code, "6,5")
    sign_out(page, base)
    sign_in(page, base, first.marker.username)
    agree_in_browser(page, base, script.code, "6,5")
    sign_out(page, base)

    # Ban phách re-matches the code with the candidate once every mark is final.
    exam.rematch()

    # The organiser computes and publishes the results.
    sign_in(page, base, exam.organiser.username)
    page.goto(f"{base}/ke-hoach/{exam.plan.code}/ket-qua/")
    page.get_by_role("button", name="Tính kết quả").click()
    expect(page.locator("body")).to_contain_text("6,50")
    page.get_by_role("link", name="Công bố kết quả…").click()
    page.get_by_label("Số quyết định phê duyệt kết quả").fill("15/QĐ-HĐKT")
    page.get_by_label("Ngày quyết định").fill("20/03/2026")
    page.get_by_label("Tôi hiểu rằng sau khi công bố").check()
    page.get_by_role("button", name="Công bố và khóa kết quả").click()
    expect(page.locator(".messages")).to_contain_text("công bố")
    sign_out(page, base)

    # The candidate sees their score and downloads the slip.
    sign_in(page, base, "thisinh")
    page.goto(f"{base}/ket-qua/")
    expect(page.locator("body")).to_contain_text("6,50")
    href = page.get_by_role("link", name="Tải phiếu báo kết quả (PDF)").get_attribute("href")
    response = page.request.get(f"{base}{href}")  # the signed-in browser's own session
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    slip = tmp_path / "slip.pdf"
    slip.write_bytes(response.body())
    text = subprocess.run(
        ["pdftotext", "-layout", str(slip), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert person.full_name in text
    assert "6,50" in text
    sign_out(page, base)

    # The unit report shows the chart.
    make_user("canbo_dv", Role.UNIT_HR, person.unit)
    sign_in(page, base, "canbo_dv")
    page.goto(f"{base}/ke-hoach/{exam.plan.code}/bao-cao/don-vi/{person.unit.code}/")
    expect(page.locator("h1")).to_contain_text(person.unit.name)
    chart = page.locator("svg").first
    expect(chart).to_be_visible()
    expect(chart.locator("title").first).not_to_be_empty()
