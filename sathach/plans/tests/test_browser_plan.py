"""In the browser: the organiser runs a plan from the NGHEAN-2019 template, end to end."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

from sathach.accounts.constants import Role
from sathach.bank.testing import make_topic
from sathach.core.pytest_browser import sign_in
from sathach.core.testing import make_person, make_province, make_user
from sathach.plans.models import Form, Seat
from sathach.tasks.testing import run_jobs

from .test_views import approved_items

pytestmark = pytest.mark.browser


def test_organiser_creates_a_plan_for_two_units_and_runs_it_to_the_room_pdf(
    page: Page, live_server, transactional_db
):
    province = make_province()
    hired = {"hired_on": dt.date(2012, 8, 15)}
    make_person("CC001", "Lê Thị An", province.unit_a, **hired)
    make_person("CC002", "Trần Đức Bảo", province.dept_a, **hired)
    make_person("CC003", "Phạm Văn Đạt", province.unit_b, **hired)
    # Within 12 months of retirement when the plan starts (men: 61 years 6 months in 2026).
    make_person("CC004", "Đặng Văn Hưu", province.unit_b, birth_date=dt.date(1965, 1, 20), **hired)
    make_user("tochuc", Role.ORGANISER, province.root)
    topic = make_topic("HTCT", "Hệ thống chính trị")
    approved_items(topic, 8, province)
    base = live_server.url

    sign_in(page, base, "tochuc")
    page.get_by_role("navigation").get_by_role("link", name="Kế hoạch kiểm tra").click()
    expect(page.locator("h1")).to_have_text("Kế hoạch kiểm tra")
    page.get_by_role("link", name="Tạo kế hoạch từ mẫu NGHEAN-2019").click()
    page.get_by_label("Mã kế hoạch").fill("KT2026")
    page.get_by_label("Tên kế hoạch").fill("Kiểm tra, sát hạch công chức năm 2026")
    page.get_by_label("Ngày bắt đầu").fill("02/03/2026")
    page.get_by_label("Ngày kết thúc").fill("30/04/2026")
    page.get_by_label("Bộ quy tắc thi").select_option("TT06-2020")
    page.get_by_label("Đơn vị thuộc phạm vi").select_option(
        [str(province.unit_a.pk), str(province.unit_b.pk)]
    )
    page.get_by_role("button", name="Tạo kế hoạch").click()
    expect(page).to_have_url(f"{base}/ke-hoach/KT2026/")
    expect(page.locator("#scope")).to_have_text("Sở Nội vụ; Ban Tổ chức Tỉnh ủy")

    # The candidate list: three sit the test, one is exempt with the rule's reason.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Lập danh sách thí sinh").click()
    expect(page.locator(".messages")).to_contain_text(
        "Đã lập danh sách: 3 người dự kiểm tra, 1 người được miễn"
    )
    rows = page.locator("#candidate-table tbody tr")
    expect(rows).to_have_count(4)
    huu = rows.filter(has_text="Đặng Văn Hưu")
    expect(huu).to_contain_text("Miễn kiểm tra")
    expect(huu.locator("td").nth(4)).to_contain_text("tháng đến tuổi nghỉ hưu")

    # The blueprint: one cell of part 1 from the bank's approved items.
    cells = page.locator("#cell-form")
    cells.get_by_label("Phần thi").select_option(index=0)  # part 1, computer MCQ
    cells.get_by_label("Chủ đề").select_option(label="Hệ thống chính trị")
    cells.get_by_label("Mức độ").select_option("easy")
    cells.get_by_label("Loại câu hỏi").select_option("single")
    cells.get_by_label("Số câu").fill("4")
    cells.get_by_label("Điểm mỗi câu").fill("1")
    cells.get_by_role("button", name="Thêm ô").click()
    expect(page.locator(".messages")).to_contain_text("Đã thêm ô ma trận đề.")
    expect(page.locator("#part-1-cells")).to_contain_text("Hệ thống chính trị")

    # A room with computers, a sitting of part 1, and the seats.
    rooms = page.locator("#room-form")
    rooms.get_by_label("Tên phòng").fill("P101")
    rooms.get_by_label("Số chỗ ngồi").fill("20")
    rooms.get_by_label("Số máy tính").fill("20")
    rooms.get_by_role("button", name="Thêm phòng").click()
    expect(page.locator("#room-table")).to_contain_text("P101")
    sittings = page.locator("#sitting-form")
    sittings.get_by_label("Ngày thi").fill("10/03/2026")
    sittings.get_by_label("Giờ bắt đầu").fill("08:00")
    sittings.get_by_role("button", name="Thêm ca thi").click()
    expect(page.locator(".messages")).to_contain_text("Đã thêm ca thi.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Xếp chỗ").click()
    expect(page.locator(".messages")).to_contain_text("Đã xếp chỗ cho 3 người vào 1 phòng.")
    expect(page.locator(".seat-table tbody tr")).to_have_count(3)
    assert Seat.objects.count() == 3

    # The forms: one per candidate, parallel, with the naive draw's spread beside ours.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Lập đề phần 1").click()
    expect(page.locator(".messages")).to_contain_text("Đã lập 3 đề cho phần 1.")
    expect(page.locator(".messages")).to_contain_text("(rút ngẫu nhiên:")
    assert Form.objects.count() == 3

    # Sealing, after a confirmation page: the forms can no longer be replaced.
    page.get_by_role("link", name="Niêm phong đề phần 1").click()
    expect(page.locator("#seal-state")).to_have_text("Phần này có 3 đề thi chưa niêm phong.")
    page.get_by_role("button", name="Niêm phong đề").click()
    expect(page.locator(".messages")).to_contain_text("Đã niêm phong 3 đề thi của phần 1.")
    expect(page.locator("#part-1-forms")).to_contain_text("3 đề, đã niêm phong lúc")
    assert Form.objects.filter(sealed_at__isnull=False).count() == 3

    # The room's pack: a background job, watched on its page until the worker has made it.
    page.get_by_role("button", name="Tải hồ sơ phòng P101 (PDF)").click()
    expect(page).to_have_url(re.compile(rf"^{base}/cong-viec/\d+/$"))
    expect(page.locator("h1")).to_contain_text("Hồ sơ phòng P101")
    expect(page.locator("#job-state")).to_have_text("Đang chờ")
    run_jobs()  # the worker, in this process; the page polls until it sees the job done
    expect(page.locator("#job-state")).to_have_text("Hoàn thành")
    expect(page.locator("#job-bar")).to_have_attribute("value", "100")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Tải về KT2026-ca\d+-phong\d+\.pdf$")).click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    for expected in (
        "DANH SÁCH THÍ SINH DỰ KIỂM TRA",
        "SƠ ĐỒ CHỖ NGỒI PHÒNG THI",
        "Kế hoạch: KT2026",
        "Phòng: P101",
        "Lê Thị An",
        "Trần Đức Bảo",
        "Phạm Văn Đạt",
        "Danh sách có 3 thí sinh",
    ):
        assert expected in text, expected
    assert "Đặng Văn Hưu" not in text  # exempt: not in the room
