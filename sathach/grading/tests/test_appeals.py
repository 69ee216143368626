"""Appeals (phúc khảo), domain.md §1.4: filed by the candidate within ``appeal_window_days`` of
publication (the last day in, the next day out), against a written part only, once; opened
for re-marking or turned down by the organiser or the head of Ban phúc khảo; settled by the
re-marking. The results app writes the outcome into the results (``results`` tests); here the
publication is the plan's lock field, which the results app sets."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from sathach.audit.models import AuditEvent
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import TEST_PASSWORD
from sathach.grading.constants import AppealState, RemarkState
from sathach.grading.models import Appeal, Mark
from sathach.grading.services import (
    appeal_file,
    appeal_reject,
    appeal_remark_open,
    mark_submit,
    remark_meeting_record,
)
from sathach.grading.testing import candidate_user, make_written_exam, split
from sathach.plans.constants import PartKind
from sathach.plans.models import Plan
from sathach.plans.services import blueprint_part_add

pytestmark = pytest.mark.django_db

D = Decimal
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISHED = dt.datetime(2026, 4, 1, 10, 0, tzinfo=HANOI)
REASON = "Đề nghị chấm phúc khảo câu 2"


def _publish(exam, at: dt.datetime) -> None:
    """Lock the plan as the results app does when it publishes."""
    Plan.objects.filter(pk=exam.plan.pk).update(results_published_at=at)
    exam.plan.refresh_from_db()


@pytest.fixture
def published(db):
    """A paper written part marked 60 and 64 (62) for three candidates, re-matched, published
    on 01/04/2026 10:00; every candidate has an account."""
    exam = make_written_exam(3, sitting_mode="paper")
    exam.finish()
    _publish(exam, PUBLISHED)
    exam.users = [candidate_user(c) for c in exam.candidates]
    return exam


def _file(exam, index=0, at=None, part=None):
    return appeal_file(
        actor=exam.users[index],
        part=part or exam.part,
        reason=REASON,
        now=at or PUBLISHED + dt.timedelta(days=1),
    )


# --- Filing -----------------------------------------------------------------------------------


def test_the_last_day_of_the_window_is_accepted_the_next_day_refused(published):
    last = dt.datetime(2026, 4, 16, 23, 59, tzinfo=HANOI)  # 15 days after 01/04
    appeal = _file(published, 0, at=last)
    assert appeal.state == AppealState.FILED and appeal.original_score == D("62.00")
    assert appeal.filed_by == published.users[0] and appeal.filed_at == last
    with pytest.raises(ServiceError) as refused:
        _file(published, 1, at=dt.datetime(2026, 4, 17, 0, 0, tzinfo=HANOI))
    assert refused.value.message == (
        "Đã hết hạn nhận đơn phúc khảo: đơn phải nộp trong 15 ngày kể từ ngày công bố kết quả "
        "(01/04/2026), chậm nhất ngày 16/04/2026."
    )
    profile = profiles.get(published.plan.exam_profile)
    assert refused.value.basis == profile.basis("appeal_window_days")
    assert Appeal.objects.count() == 1
    event = AuditEvent.objects.get(action="grading.appeal_file")
    assert event.actor_username == published.users[0].username
    assert event.data["last_day"] == "2026-04-16" and event.data["original"] == "62.00"


def test_an_appeal_before_publication_is_refused(db):
    exam = make_written_exam(2, sitting_mode="paper")
    exam.finish()
    user = candidate_user(exam.candidates[0])
    with pytest.raises(ServiceError) as refused:
        appeal_file(actor=user, part=exam.part, reason=REASON)
    assert refused.value.message == (
        "Kết quả của kế hoạch “VIET” chưa công bố: chưa nhận đơn phúc khảo."
    )


def test_a_computer_part_is_refused_under_the_profile(db):
    exam = make_written_exam(2)  # typed on computer
    exam.finish()
    _publish(exam, PUBLISHED)
    user = candidate_user(exam.candidates[0])
    with pytest.raises(ServiceError) as refused:
        appeal_file(actor=user, part=exam.part, reason=REASON, now=PUBLISHED)
    ref = exam.plan.exam_profile
    assert refused.value.message == (
        f"Phần thi “Thi viết chuyên môn” thi trên máy tính: không phúc khảo theo bộ quy tắc "
        f"{ref} (appeal_allowed_for_computer_tests = không)."
    )
    assert refused.value.basis == profiles.get(ref).basis("appeal_allowed_for_computer_tests")


def test_an_oral_part_is_refused(db):
    exam = make_written_exam(2, sitting_mode="paper")
    oral = blueprint_part_add(
        actor=exam.organiser,
        plan=exam.plan,
        order=2,
        kind=PartKind.SITUATION,
        name="Xử lý tình huống",
        minutes=30,
        max_score=D(100),
        pass_mark=D(50),
    )
    exam.finish()
    _publish(exam, PUBLISHED)
    exam.users = [candidate_user(c) for c in exam.candidates]
    with pytest.raises(ServiceError) as refused:
        _file(exam, 0, part=oral)
    assert refused.value.message == (
        "Phần thi “Xử lý tình huống” không phải bài thi viết: chỉ bài thi viết được phúc khảo "
        "(phỏng vấn, vấn đáp, trắc nghiệm không phúc khảo)."
    )


def test_a_second_appeal_for_the_same_part_is_refused(published):
    _file(published, 0)
    with pytest.raises(ServiceError) as refused:
        _file(published, 0, at=PUBLISHED + dt.timedelta(days=2))
    assert refused.value.message == (
        "Bạn đã nộp đơn phúc khảo phần thi “Thi viết chuyên môn”: mỗi phần thi chỉ phúc khảo "
        "một lần."
    )
    assert Appeal.objects.count() == 1


def test_only_a_candidate_of_the_plan_files_and_only_their_own(published):
    for user in (published.organiser, published.appeals_head):
        with pytest.raises(PermissionDeniedError) as refused:
            appeal_file(actor=user, part=published.part, reason=REASON, now=PUBLISHED)
        assert refused.value.message == (
            "Chỉ người dự kiểm tra của kế hoạch được nộp đơn phúc khảo của mình."
        )
    with pytest.raises(ServiceError) as refused:
        appeal_file(actor=published.users[0], part=published.part, reason="  ", now=PUBLISHED)
    assert refused.value.message == "Hãy ghi nội dung đơn phúc khảo."
    appeal = _file(published, 1)
    assert appeal.candidate == published.candidates[1]


# --- Handling ---------------------------------------------------------------------------------


def test_the_head_of_appeals_opens_the_re_marking(published):
    appeal = _file(published, 0)
    for user in (published.appeals[1], published.marking_head):
        with pytest.raises(PermissionDeniedError) as refused:
            appeal_remark_open(actor=user, appeal=appeal)
        assert refused.value.message == (
            "Chỉ Trưởng ban phúc khảo hoặc cán bộ tổ chức kỳ kiểm tra xử lý đơn phúc khảo."
        )
    appeal = appeal_remark_open(actor=published.appeals_head, appeal=appeal)
    assert appeal.state == AppealState.REMARKING and appeal.opened_by == published.appeals_head
    assert appeal.remark is not None and appeal.remark.reason == REASON
    assert appeal.remark.state == RemarkState.MARKING
    with pytest.raises(ServiceError) as refused:
        appeal_remark_open(actor=published.organiser, appeal=appeal)
    assert refused.value.message == (
        f"Đơn phúc khảo số {appeal.pk} đã được xử lý (Đang chấm phúc khảo)."
    )
    actions = list(
        AuditEvent.objects.filter(action__startswith="grading.")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == ["grading.remark_open", "grading.appeal_remark_open"]


def test_an_appeal_is_turned_down_with_a_reason(published):
    appeal = _file(published, 0)
    with pytest.raises(ServiceError) as refused:
        appeal_reject(actor=published.organiser, appeal=appeal, reason=" ")
    assert refused.value.message == "Hãy ghi lý do không chấp nhận đơn."
    appeal = appeal_reject(
        actor=published.organiser, appeal=appeal, reason="Đơn không do người dự thi ký"
    )
    assert appeal.state == AppealState.REJECTED and appeal.settled_at is not None
    assert appeal.remark is None
    assert AuditEvent.objects.get(action="grading.appeal_reject").data["reason"] == (
        "Đơn không do người dự thi ký"
    )


def _re_mark(appeal, first, second):
    for mark, total in zip(
        Mark.objects.filter(remark=appeal.remark).select_related("marker").order_by("slot"),
        (first, second),
        strict=True,
    ):
        mark_submit(actor=mark.marker, mark=mark, total=D(total), question_scores=split(D(total)))
    appeal.refresh_from_db()
    return appeal


def test_a_confirmed_re_mark_settles_the_appeal_with_the_original_mark(published):
    appeal = appeal_remark_open(actor=published.organiser, appeal=_file(published, 0))
    appeal = _re_mark(appeal, "61", "63")
    assert appeal.state == AppealState.SETTLED and appeal.outcome_score == D("62.00")
    assert appeal.settled_at is not None and appeal.applied_at is None
    event = AuditEvent.objects.get(action="grading.appeal_settle")
    assert event.data["original"] == "62.00" and event.data["outcome"] == "62.00"


def test_a_different_re_mark_settles_the_appeal_at_the_markers_meeting(published):
    appeal = appeal_remark_open(actor=published.organiser, appeal=_file(published, 0))
    appeal = _re_mark(appeal, "70", "72")
    assert appeal.state == AppealState.REMARKING  # the markers meet first
    remark_meeting_record(
        actor=published.appeals_head,
        remark=appeal.remark,
        agreed=True,
        score=D("70.5"),
        note="Thống nhất 70,5 điểm",
    )
    appeal.refresh_from_db()
    assert appeal.state == AppealState.SETTLED and appeal.outcome_score == D("70.50")


# --- Pages ------------------------------------------------------------------------------------


def _client(client, user):
    client.logout()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _messages(client, response) -> list[str]:
    assert response.status_code == 302, response.status_code
    page = client.get(response["Location"])
    return [str(m) for m in page.context["messages"]]


def _pdf_text(response) -> str:
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    out = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True)
    return " ".join(out.stdout.decode().split())


@pytest.fixture
def recent(db):
    """As ``published``, but published yesterday (the window is open today)."""
    exam = make_written_exam(3, sitting_mode="paper")
    exam.finish()
    _publish(exam, timezone.now() - dt.timedelta(days=1))
    exam.users = [candidate_user(c) for c in exam.candidates]
    return exam


def test_a_candidate_files_on_their_page_and_sees_only_their_own(client, recent):
    mine = reverse("grading:my-appeals", args=[recent.plan.code])
    _client(client, recent.users[0])
    page = client.get(mine)
    assert page.status_code == 200
    assert f'id="appeal-form-{recent.part.pk}"' in page.content.decode()
    response = client.post(
        reverse("grading:appeal-file", args=[recent.plan.code, recent.part.pk]),
        {"reason": REASON},
    )
    assert _messages(client, response) == ["Đã nhận đơn phúc khảo phần thi “Thi viết chuyên môn”."]
    appeal = Appeal.objects.get()
    detail = reverse("grading:my-appeal", args=[appeal.pk])
    assert "Đã nhận đơn, chờ chấm phúc khảo" in _text(client.get(detail))
    # A second filing is refused as the service words it.
    response = client.post(
        reverse("grading:appeal-file", args=[recent.plan.code, recent.part.pk]),
        {"reason": REASON},
    )
    assert _messages(client, response)[0].startswith("Bạn đã nộp đơn phúc khảo phần thi")
    # Another candidate neither sees this appeal nor files in someone else's name.
    _client(client, recent.users[1])
    assert client.get(detail).status_code == 404
    assert f'id="appeal-form-{recent.part.pk}"' in client.get(mine).content.decode()
    # Staff without a candidacy, and a stranger to the plan, have no such page.
    for user in (recent.organiser, recent.markers[1]):
        _client(client, user)
        assert client.get(mine).status_code == 404
        assert client.get(detail).status_code == 404
        url = reverse("grading:appeal-file", args=[recent.plan.code, recent.part.pk])
        assert client.post(url, {"reason": REASON}).status_code == 404


def test_the_appeals_list_names_appellants_only_to_who_may_see_identities(client, recent):
    appeal = appeal_file(actor=recent.users[0], part=recent.part, reason=REASON)
    url = reverse("grading:appeal-list", args=[recent.plan.code])
    name = recent.candidates[0].person.full_name
    for user in (recent.markers[1], recent.appeals[1], recent.coder, recent.users[0]):
        _client(client, user)
        assert client.get(url).status_code == 404
    _client(client, recent.appeals_head)
    page = client.get(url)
    assert page.status_code == 200 and name not in _text(page) and REASON in _text(page)
    assert (
        client.get(reverse("grading:appeal-list-pdf", args=[recent.plan.code])).status_code == 404
    )
    response = client.post(reverse("grading:appeal-open", args=[appeal.pk]))
    appeal.refresh_from_db()
    assert _messages(client, response) == [
        f"Đã mở chấm phúc khảo đơn số {appeal.pk} (bài số phách {appeal.remark.script.code})."
    ]
    _client(client, recent.organiser)
    page = client.get(url)
    assert name in _text(page) and appeal.remark.script.code in _text(page)
    assert reverse("grading:remark-pdf", args=[appeal.remark.pk]) in page.content.decode()
    assert AuditEvent.objects.filter(action="grading.appeal_list_view").count() == 1


def test_overdue_appeals_are_highlighted_and_the_records_print(client, db):
    exam = make_written_exam(3, sitting_mode="paper")
    exam.finish()
    long_ago = timezone.now() - dt.timedelta(days=40)  # window 15 + outcomes 15 days: past
    _publish(exam, long_ago)
    users = [candidate_user(c) for c in exam.candidates]
    late = appeal_file(
        actor=users[0], part=exam.part, reason=REASON, now=long_ago + dt.timedelta(days=3)
    )
    done = appeal_file(
        actor=users[1], part=exam.part, reason="Xin phúc khảo", now=long_ago + dt.timedelta(days=4)
    )
    appeal_reject(actor=exam.organiser, appeal=done, reason="Đơn nộp thay không có ủy quyền")
    _client(client, exam.organiser)
    page = client.get(reverse("grading:appeal-list", args=[exam.plan.code]))
    html = page.content.decode()
    assert f'<tr id="appeal-{late.pk}" class="overdue">' in html
    assert f'<tr id="appeal-{done.pk}">' in html
    assert page.context["overdue"] == 1 and "1 đơn quá hạn." in _text(page)
    due = (timezone.localdate(long_ago) + dt.timedelta(days=30)).strftime("%d/%m/%Y")
    assert f"tức chậm nhất ngày {due}" in _text(page)
    listing = _pdf_text(client.get(reverse("grading:appeal-list-pdf", args=[exam.plan.code])))
    assert "DANH SÁCH ĐƠN ĐỀ NGHỊ PHÚC KHẢO" in listing
    assert exam.candidates[0].person.full_name in listing and REASON in listing
    outcome = _pdf_text(client.get(reverse("grading:appeal-outcome-pdf", args=[exam.plan.code])))
    assert "BIÊN BẢN KẾT QUẢ PHÚC KHẢO" in outcome
    assert "Đơn nộp thay không có ủy quyền" in outcome and "(quá hạn)" in outcome
    assert f"hạn công bố kết quả phúc khảo: ngày {due}" in outcome
    assert "không chấp nhận: 1" in outcome
    assert AuditEvent.objects.filter(action="grading.appeal_outcome_print").count() == 1


def test_the_appeals_list_takes_a_fixed_number_of_queries(client, recent):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("grading:appeal-list", args=[recent.plan.code])
    appeal_file(actor=recent.users[0], part=recent.part, reason=REASON)
    _client(client, recent.organiser)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    first = Appeal.objects.get()
    appeal_remark_open(actor=recent.organiser, appeal=first)
    for user in recent.users[1:]:
        appeal_file(actor=user, part=recent.part, reason=REASON)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
