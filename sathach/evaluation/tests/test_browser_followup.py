"""In the browser: what follows a published test — training, re-test, streamlining.

Issue 7's browser acceptance: the organiser publishes results, assigns training to those below
the bar, creates the re-test plan, and opens the streamlining list with grounds.

The plan is ``training_fixtures``' six candidates, sat but not computed: TS001, TS004 and TS005
pass; TS002 and TS003 fall short and TS006 is absent. TS002 was also rated "không hoàn thành
nhiệm vụ" in 2025 (one year: a streamlining ground under NĐ 154/2025, Điều 2, khoản 1), TS003
in 2024 and 2025 (two consecutive years: the dismissal route, never streamlining).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from sathach.core.pytest_browser import sign_in
from sathach.delivery.testing import make_exam
from sathach.org.models import Person
from sathach.results.testing import sit

from .conftest import imported
from .training_fixtures import FAILED, PASSED

pytestmark = pytest.mark.browser


def test_organiser_publishes_trains_retests_and_opens_the_streamlining_list(
    page: Page, live_server, transactional_db
):
    exam = make_exam(6)
    sit(exam, {0: None, 1: 3, 2: 2, 3: None, 4: None})
    people = {p.code: p for p in Person.objects.filter(code__in=FAILED + PASSED)}
    imported(people["TS002"], 2025, "kht")
    imported(people["TS003"], 2024, "kht")
    imported(people["TS003"], 2025, "kht")
    base = live_server.url
    sign_in(page, base, exam.organiser.username)

    # Results: compute, then publish with the council's decision and the confirmation.
    page.goto(f"{base}/ke-hoach/{exam.plan.code}/ket-qua/")
    page.get_by_role("button", name="Tính kết quả").click()
    expect(page.locator("body")).to_contain_text("Nguyễn Văn Thí Sinh 6")
    page.get_by_role("link", name="Công bố kết quả…").click()
    expect(page.locator("#publish-summary")).to_contain_text("6 người: 3 người đạt")
    page.get_by_label("Số quyết định phê duyệt kết quả").fill("15/QĐ-HĐKT")
    page.get_by_label("Ngày quyết định").fill("20/03/2026")
    page.get_by_label("Tôi hiểu rằng sau khi công bố").check()
    page.get_by_role("button", name="Công bố và khóa kết quả").click()
    expect(page.locator(".messages")).to_contain_text("công bố")
    expect(page.locator("#publication")).to_contain_text("15/QĐ-HĐKT")

    # Training: the published plan is listed; those below the bar are the three failures.
    page.goto(f"{base}/danh-gia/boi-duong/")
    page.get_by_role("link", name=exam.plan.code, exact=True).click()
    expect(page).to_have_url(f"{base}/danh-gia/boi-duong/{exam.plan.code}/")
    below = page.locator("section[aria-labelledby='below-title'] tbody tr")
    expect(below).to_have_count(3)
    for code in FAILED:
        expect(below.filter(has_text=f"({code})")).to_have_count(1)
    for code in PASSED:
        expect(below.filter(has_text=f"({code})")).to_have_count(0)
    expect(below.filter(has_text="(TS006)")).to_contain_text("Vắng")
    for code in FAILED:
        page.get_by_label(f"Chọn {people[code].full_name}", exact=True).check()
    page.get_by_label("Khóa bồi dưỡng").fill("Bồi dưỡng kiến thức quản lý nhà nước")
    page.get_by_label("Cơ sở đào tạo, bồi dưỡng").fill("Trường Chính trị tỉnh Nghệ An")
    page.get_by_label("Từ ngày").fill("2026-04-01")
    page.get_by_label("Đến ngày").fill("2026-04-30")
    page.get_by_role("button", name="Tiếp tục").click()

    # The confirmation names the count, the course and each person before anything is sent.
    expect(page.locator("h1")).to_contain_text("Xác nhận cử đi bồi dưỡng")
    expect(page.locator("body")).to_contain_text("Cử 3 người")
    expect(page.locator("body")).to_contain_text("01/04/2026")
    for code in FAILED:
        expect(page.locator("li").filter(has_text=f"({code})")).to_have_count(1)
    page.get_by_role("button", name="Xác nhận cử đi bồi dưỡng").click()
    expect(page.locator(".messages")).to_contain_text("Đã cử 3 người đi bồi dưỡng.")
    assigned = page.locator("section[aria-labelledby='assigned-title'] tbody tr")
    expect(assigned).to_have_count(3)
    for code in FAILED:
        row = assigned.filter(has_text=f"({code})")
        expect(row).to_contain_text("Bồi dưỡng kiến thức quản lý nhà nước")
        expect(row).to_contain_text("Trường Chính trị tỉnh Nghệ An")
        expect(row).to_contain_text("01/04/2026 – 30/04/2026")

    # The re-test: the confirmation shows how many, then the new plan has only the failures.
    page.get_by_role("link", name="Lập kế hoạch kiểm tra lại").click()
    expect(page.locator(".card").first).to_contain_text("3 người")
    for code in FAILED:
        expect(page.locator("li").filter(has_text=f"({code})")).to_have_count(1)
    expect(page.get_by_label("Mã kế hoạch kiểm tra lại")).to_have_value(f"{exam.plan.code}-KTL")
    page.get_by_label("Ngày bắt đầu").fill("2026-06-01")
    page.get_by_label("Ngày kết thúc").fill("2026-06-30")
    page.get_by_role("button", name="Xác nhận lập kế hoạch kiểm tra lại").click()
    expect(page).to_have_url(f"{base}/ke-hoach/{exam.plan.code}-KTL/")
    expect(page.locator(".messages")).to_contain_text(
        f"Đã lập kế hoạch kiểm tra lại “{exam.plan.code}-KTL” với 3 người."
    )
    candidates = page.locator("#candidate-table tbody tr")
    expect(candidates).to_have_count(3)
    for code in FAILED:
        expect(candidates.filter(has_text=f"({code})")).to_have_count(1)
    for code in PASSED:
        expect(candidates.filter(has_text=f"({code})")).to_have_count(0)

    # Streamlining: open the 2025 review of the province, see the ground and the data.
    page.goto(f"{base}/danh-gia/tinh-gian/")
    page.get_by_label("Mã đơn vị").fill(exam.province.root.code)
    page.get_by_label("Năm xét").fill("2025")
    page.get_by_label("Ngày xét").fill("2025-12-20")
    page.get_by_role("button", name="Mở đợt xét").click()
    expect(page.locator(".messages")).to_contain_text("Đã mở đợt xét tinh giản biên chế.")
    expect(page.locator("h1")).to_contain_text("Xét tinh giản biên chế năm 2025")
    expect(page.locator("body")).to_contain_text("ND154-2025")

    kht = page.locator("section[aria-labelledby='ground-ground_kht_one_year'] tbody tr")
    listed = kht.filter(has_text="TS002")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(people["TS002"].full_name)
    expect(listed).to_contain_text("NĐ 154/2025/NĐ-CP, Điều 2, khoản 1")
    expect(listed).to_contain_text("không hoàn thành nhiệm vụ trong năm trước liền kề")
    expect(listed).to_contain_text("Năm 2025: Không hoàn thành nhiệm vụ.")
    expect(listed).to_contain_text("Chưa quyết định")  # nothing is decided automatically
    expect(kht.filter(has_text="TS003")).to_have_count(0)

    # Two consecutive KHT years: listed apart, on the dismissal route, never as streamlining.
    dismissal = page.locator("section[aria-labelledby='dismissal-title'] tbody tr")
    expect(dismissal.filter(has_text="TS003")).to_have_count(1)
    expect(dismissal.filter(has_text="TS003")).to_contain_text("Luật Cán bộ, công chức")
