"""In the browser: an author writes an item with an image, a reviewer returns it, the author
fixes it, the reviewer approves; the history shows every step."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from sathach.bank.constants import TopicRole, VersionState
from sathach.bank.models import Item
from sathach.bank.testing import make_bank_user, make_topic, tiny_png
from sathach.core.pytest_browser import sign_in, sign_out
from sathach.core.testing import make_province

pytestmark = pytest.mark.browser


def test_author_and_reviewer_take_an_item_through_review(
    page: Page, live_server, transactional_db, tmp_path
):
    province = make_province()
    topic = make_topic("KTC", "Kiến thức chung")
    make_bank_user("tacgia", TopicRole.AUTHOR, topic, unit=province.unit_a)
    make_bank_user("thamdinh", TopicRole.REVIEWER, topic, unit=province.unit_a)
    image = tmp_path / "so-do-bo-may.png"
    image.write_bytes(tiny_png())
    base = live_server.url

    # The author writes a single-choice item with an image and sees the live preview.
    sign_in(page, base, "tacgia")
    page.get_by_role("navigation").get_by_role("link", name="Ngân hàng câu hỏi").click()
    page.get_by_role("link", name="Soạn câu hỏi mới").click()
    page.get_by_label("Nội dung câu hỏi").fill("Sơ đồ dưới đây mô tả cơ quan nào?")
    page.get_by_label("Ảnh minh họa").set_input_files(str(image))
    page.get_by_label("Phương án A").fill("Quốc hội")
    page.get_by_label("Phương án B").fill("Chính phủ")
    page.get_by_label("Phương án C").fill("Ủy ban nhân dân tỉnh")
    page.get_by_label("Phương án D").fill("Hội đồng nhân dân tỉnh")
    page.locator('input[name="correct"][value="B"]').check()
    preview = page.locator("#preview")
    expect(preview).to_contain_text("Sơ đồ dưới đây mô tả cơ quan nào?")
    expect(preview.locator("img")).to_have_count(1)
    expect(preview).to_contain_text("Chính phủ")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator("#item-state")).to_have_text("Bản nháp")
    expect(page.locator(".stem img")).to_have_count(1)
    page.get_by_role("button", name="Gửi thẩm định").click()
    expect(page.locator("#item-state")).to_have_text("Chờ thẩm định")
    item_url = page.url
    sign_out(page, base)

    # The reviewer returns it with a comment.
    sign_in(page, base, "thamdinh")
    page.get_by_role("navigation").get_by_role("link", name="Thẩm định câu hỏi").click()
    page.get_by_role("link", name="Sơ đồ dưới đây mô tả cơ quan nào?").click()
    page.get_by_label("Ý kiến thẩm định").fill("Cần nêu rõ cấp của cơ quan trong câu hỏi.")
    page.get_by_role("button", name="Trả lại để sửa").click()
    expect(page.locator("#item-state")).to_have_text("Trả lại để sửa")
    sign_out(page, base)

    # The author fixes it and resubmits.
    sign_in(page, base, "tacgia")
    page.goto(item_url)
    expect(page.locator("#history")).to_contain_text("Cần nêu rõ cấp của cơ quan")
    page.get_by_role("link", name="Sửa", exact=True).click()
    page.get_by_label("Nội dung câu hỏi").fill("Sơ đồ dưới đây mô tả cơ quan nào ở cấp trung ương?")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_role("button", name="Gửi thẩm định").click()
    expect(page.locator("#item-state")).to_have_text("Chờ thẩm định")
    sign_out(page, base)

    # The reviewer approves; the history shows all steps.
    sign_in(page, base, "thamdinh")
    page.goto(item_url)
    page.get_by_role("button", name="Phê duyệt").click()
    expect(page.locator("#item-state")).to_have_text("Đã duyệt")
    history = page.locator("#history tbody tr")
    expect(history).to_have_count(6)
    for step in ["Tạo mới", "Gửi thẩm định", "Trả lại", "Sửa", "Phê duyệt"]:
        expect(page.locator("#history")).to_contain_text(step)

    item = Item.objects.get()
    assert item.approved_id == item.current_id
    assert item.current.state == VersionState.APPROVED
    assert "cấp trung ương" in item.current.stem
    assert item.current.assets.count() == 1
