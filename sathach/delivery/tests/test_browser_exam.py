"""In the browser: a candidate takes a computer test through a network cut, a time extension,
a pause and a reload, and sees their score (issue 5, acceptance)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sathach.bank.models import ItemVersion
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response
from sathach.delivery.services import (
    attempt_extend,
    room_pause,
    room_resume,
    room_start,
    score_after_sanctions,
)
from sathach.delivery.testing import Exam, key_answer, make_exam
from sathach.lib.scoring import answer_clean

pytestmark = pytest.mark.browser

OFFLINE = "Mất kết nối — câu trả lời được lưu tạm trên máy và sẽ tự gửi khi có mạng"
SAVED = "Đã lưu"
UNSENT = "Chưa gửi được — sẽ gửi lại"


class Paper:
    """The candidate's form, to answer it the way the page shows it."""

    def __init__(self, page: Page, attempt: Attempt) -> None:
        self.page = page
        self.attempt = attempt
        self.form = attempt.form
        self.versions = ItemVersion.objects.in_bulk(self.form.items)

    def item_id(self, number: int) -> int:
        return self.form.items[number - 1]

    def item(self, number: int):  # type: ignore[no-untyped-def]
        return self.page.locator(f"#item-{self.item_id(number)}")

    def status(self, number: int):  # type: ignore[no-untyped-def]
        return self.item(number).locator(".item-status")

    def key(self, number: int) -> dict[str, Any]:
        order = self.form.option_orders[number - 1] if self.form.option_orders else None
        return key_answer(self.versions[self.item_id(number)], order)

    def open(self, number: int) -> None:
        self.page.locator("#nav-grid").get_by_role(
            "button", name=re.compile(rf"^Câu {number},")
        ).click()
        expect(self.item(number)).to_be_visible()

    def answer(self, number: int, *, right: bool = True) -> dict[str, Any]:
        """Answer item ``number`` (rightly or not) and return the answer as the API stores it."""
        version = self.versions[self.item_id(number)]
        key = self.key(number)
        item = self.item(number)
        n_options = len(version.content.get("options", []))
        if version.kind == "single":
            choice = key["choice"] if right else (key["choice"] + 1) % n_options
            item.get_by_role("radio").nth(choice).check()
            given: dict[str, Any] = {"choice": choice}
        elif version.kind == "multiple":
            choices = (
                key["choices"]
                if right
                else [p for p in range(n_options) if p not in key["choices"]]
            )
            for p in choices:
                item.get_by_role("checkbox").nth(p).check()
            given = {"choices": choices}
        elif version.kind == "true_false":
            value = key["value"] if right else not key["value"]
            item.get_by_label("Đúng" if value else "Sai", exact=True).check()
            given = {"value": value}
        else:
            text = key["text"] if right else "Không biết"
            box = item.get_by_role("textbox")
            box.fill(text)
            box.press("Tab")
            given = {"text": text}
        return answer_clean(version.kind, given, n_options=n_options)


def _check_in(page: Page, base: str, exam: Exam, attempt: Attempt) -> None:
    page.goto(f"{base}/thi/")
    page.get_by_label("Mã vào phòng thi").fill(attempt.checkin_code.lower())
    page.get_by_role("button", name="Vào phòng thi", exact=True).click()
    expect(page).to_have_url(f"{base}/thi/lam-bai/")


def _stored(attempt: Attempt, item: int) -> dict[str, Any] | None:
    row = Response.objects.filter(attempt=attempt, item_id=item).values("answer").first()
    return None if row is None else row["answer"]


def test_candidate_takes_the_test_through_a_network_cut_and_an_extension(
    page: Page, live_server, transactional_db, settings
):
    # The page polls the server clock every 2 s here (10 s by default).
    settings.SATHACH_EXAM_POLL_SECONDS = 2
    exam = make_exam(2)
    attempt = exam.attempts()[0]
    paper = Paper(page, attempt)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    base = live_server.url

    # Check in with the code on the slip; wait for the proctor.
    _check_in(page, base, exam, attempt)
    expect(page.get_by_role("heading", name="Chờ giám thị cho bắt đầu")).to_be_visible()
    expect(page.locator("#candidate-name")).to_have_text(attempt.candidate.person.full_name)
    expect(page.locator("#candidate-number")).to_have_text(attempt.candidate.number)
    expect(page.locator("#part-name")).to_have_text("Kiến thức chung")

    # The proctor starts the room; the page moves to the test by itself.
    room_start(actor=exam.proctors[0], session=exam.session)
    expect(page.locator("#screen-test")).to_be_visible()
    countdown = page.locator("#countdown")
    expect(countdown).to_have_text(re.compile(r"^(29|30):\d\d$"))
    expect(page.locator("#nav-grid button")).to_have_count(7)
    expect(page.locator("#position")).to_have_text("Câu 1/7")

    # Two answers online, one screen at a time.
    given = {}
    for number in (1, 2):
        paper.open(number)
        given[number] = paper.answer(number)
        expect(paper.status(number)).to_have_text(SAVED)
    expect(page.locator("#nav-grid .answered")).to_have_count(2)
    paper.open(2)
    paper.item(2).get_by_role("button", name="Đánh dấu xem lại").click()
    expect(page.locator("#nav-grid .flagged")).to_have_count(1)

    # The network is cut: three more answers, kept on the computer.
    page.context.set_offline(True)
    expect(page.get_by_text(OFFLINE)).to_be_visible()
    page.get_by_role("button", name="Xem dạng danh sách").click()
    expect(page.locator("#items .item:visible")).to_have_count(7)
    for number in (3, 4, 5):
        given[number] = paper.answer(number)
        expect(paper.status(number)).to_have_text(UNSENT)
    assert (
        page.evaluate(f"JSON.parse(localStorage.getItem('sathach.exam.{attempt.pk}.queue')).length")
        == 3
    )
    for number in (3, 4, 5):
        assert _stored(attempt, paper.item_id(number)) is None

    # The network returns: the three are sent by themselves, and stored.
    page.context.set_offline(False)
    for number in (3, 4, 5):
        expect(paper.status(number)).to_have_text(SAVED)
    expect(page.get_by_text(OFFLINE)).to_be_hidden()
    for number in (1, 2, 3, 4, 5):
        assert _stored(attempt, paper.item_id(number)) == given[number], number
    seqs = list(
        Response.objects.filter(attempt=attempt).order_by("saved_at").values_list("seq", flat=True)
    )
    assert seqs == sorted(seqs) and len(set(seqs)) == 5

    # The proctor gives this candidate ten more minutes: the countdown shows it.
    attempt_extend(actor=exam.proctors[0], attempt=attempt, seconds=600, reason="Máy tính bị treo")
    expect(countdown).to_have_text(re.compile(r"^(39|40):\d\d$"))

    # The last two items, back one screen at a time; one answered wrongly.
    page.get_by_role("button", name="Xem từng câu").click()
    paper.open(6)
    given[6] = paper.answer(6, right=False)
    paper.open(7)
    given[7] = paper.answer(7)
    for number in (6, 7):
        expect(paper.status(number)).to_have_text(SAVED)

    # Submit, confirming in the dialog.
    page.locator("#submit-open").click()
    dialog = page.locator("#submit-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Bạn đã trả lời tất cả 7 câu.")
    expect(dialog).to_contain_text("1 câu đang được đánh dấu xem lại.")
    dialog.get_by_role("button", name="Nộp bài").click()
    expect(page.locator("#screen-end")).to_be_visible()

    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.correct_count == 6
    score = score_after_sanctions(attempt, exam.part.max_score)
    shown = f"{score:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    expect(page.locator("#end-score")).to_have_text(f"Điểm: {shown}/100 — đúng 6/7 câu")
    expect(page.locator("#end-title")).to_have_text("Đã nộp bài")
    for number in range(1, 8):
        assert _stored(attempt, paper.item_id(number)) == given[number], number
    assert errors == []


def test_unsent_answers_survive_a_reload_and_a_pause_freezes_the_page(
    page: Page, live_server, transactional_db, settings
):
    settings.SATHACH_EXAM_POLL_SECONDS = 2
    exam = make_exam(2)
    attempt = exam.attempts()[0]
    paper = Paper(page, attempt)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    base = live_server.url
    room_start(actor=exam.proctors[0], session=exam.session)
    _check_in(page, base, exam, attempt)
    expect(page.locator("#screen-test")).to_be_visible()

    first = paper.answer(1)
    expect(paper.status(1)).to_have_text(SAVED)

    # The server cannot be reached for saves; the candidate answers item 2.
    page.route("**/api/v1/exam/answers", lambda route: route.abort())
    paper.open(2)
    second = paper.answer(2)
    expect(paper.status(2)).to_have_text(UNSENT)
    expect(page.get_by_text(OFFLINE)).to_be_visible()
    assert _stored(attempt, paper.item_id(2)) is None

    # A reload (the browser was closed and reopened): the answer comes back from the local
    # queue, and is sent once the server can be reached.
    page.reload()
    expect(page.locator("#screen-test")).to_be_visible()
    expect(paper.status(2)).to_have_text(UNSENT)
    expect(page.locator(f"#nav-grid button[data-item='{paper.item_id(2)}']")).to_have_class(
        re.compile(r"\banswered\b")
    )
    page.unroute("**/api/v1/exam/answers")
    expect(paper.status(2)).to_have_text(SAVED)
    expect(paper.status(1)).to_have_text(SAVED)
    assert _stored(attempt, paper.item_id(1)) == first
    assert _stored(attempt, paper.item_id(2)) == second
    # The reload restored the page at item 2, with its answer shown.
    expect(page.locator("#position")).to_have_text("Câu 2/7")
    seq_before = Response.objects.get(attempt=attempt, item_id=paper.item_id(2)).seq

    # A later answer carries a higher sequence number than any before the reload.
    paper.open(3)
    paper.answer(3)
    expect(paper.status(3)).to_have_text(SAVED)
    assert Response.objects.get(attempt=attempt, item_id=paper.item_id(3)).seq > seq_before

    # The proctor pauses the room: the page says so, freezes the clock and the answers.
    room_pause(actor=exam.proctors[0], session=exam.session, reason="Mất điện")
    expect(page.locator("#paused-banner")).to_be_visible()
    paper.open(4)
    expect(paper.item(4).locator("input, textarea").first).to_be_disabled()
    expect(page.locator("#submit-open")).to_be_disabled()
    expect(page.locator("#clock")).to_have_class(re.compile(r"\bfrozen\b"))
    room_resume(actor=exam.proctors[0], session=exam.session)
    expect(page.locator("#paused-banner")).to_be_hidden()
    expect(paper.item(4).locator("input, textarea").first).to_be_enabled()
    paper.answer(4)
    expect(paper.status(4)).to_have_text(SAVED)
    assert errors == []


def test_the_page_submits_by_itself_when_the_time_is_up(page: Page, live_server, transactional_db):
    exam = make_exam(2)
    attempt = exam.attempts()[0]
    paper = Paper(page, attempt)
    _check_in(page, live_server.url, exam, attempt)
    expect(page.get_by_role("heading", name="Chờ giám thị cho bắt đầu")).to_be_visible()
    # The room started 29 min 52 s ago (by the server's clock): 8 seconds are left.
    room_start(
        actor=exam.proctors[0],
        session=exam.session,
        now=timezone.now() - dt.timedelta(minutes=29, seconds=52),
    )
    expect(page.locator("#screen-test")).to_be_visible()
    expect(page.locator("#countdown")).to_have_text(re.compile(r"^00:0\d$"))
    given = paper.answer(1)
    expect(paper.status(1)).to_have_text(SAVED)

    expect(page.locator("#screen-end")).to_be_visible(timeout=20_000)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
    assert _stored(attempt, paper.item_id(1)) == given
    expect(page.locator("#end-score")).to_have_text("Điểm: 14,29/100 — đúng 1/7 câu")
