"""The proctor console's pages: the live room view and its polled table, room and candidate
actions through forms, refusals shown as the services word them, read-only supervisors,
404 outside one's rooms, and a table whose query count does not grow with the room."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sathach.core.errors import ServiceError
from sathach.core.testing import TEST_PASSWORD
from sathach.delivery.constants import AttemptState, RoomState, Sanction
from sathach.delivery.models import Attempt, Incident, RoomSession
from sathach.delivery.services import (
    answer_save,
    attempt_check_in,
    attempt_start,
    incident_record,
    room_start,
)
from sathach.delivery.testing import make_exam
from sathach.delivery.views_proctor import clock_text, refusal_text
from sathach.plans.services import room_create

from .test_proctor_services import outsider, start, supervisor

pytestmark = pytest.mark.django_db

MIN = dt.timedelta(minutes=1)


@pytest.fixture
def exam():
    return make_exam(3)


def _login(client, username):
    assert client.login(username=username, password=TEST_PASSWORD)
    return client


def _messages(client, response) -> list[str]:
    """Return the messages the redirect's page shows (reading them there uses them up)."""
    assert response.status_code == 302
    page = client.get(response["Location"])
    return [str(m) for m in page.context["messages"]]


def _single_choice_item(attempt: Attempt) -> int:
    layout = attempt.layout
    return next(
        i for i, kind in zip(layout["items"], layout["kinds"], strict=True) if kind == "single"
    )


def _row(html: str, attempt: Attempt) -> str:
    match = re.search(rf'<tr id="attempt-{attempt.pk}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, f"no row for attempt {attempt.pk}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def _text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _text(response) -> str:
    return _text_of(response.content.decode())


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M:%S")


# --- Lists and scope ----------------------------------------------------------------------------


def test_session_list_shows_the_proctors_rooms_by_sitting(client, exam, django_assert_num_queries):
    _login(client, "giamthi1")
    url = reverse("delivery:session-list")
    response = client.get(url)
    assert response.status_code == 200
    text = _text(response)
    assert f"THI — {exam.sitting}" in text
    assert "Phòng 1 Chờ bắt đầu 0 / 3" in text
    assert reverse("delivery:session-detail", args=[exam.session.pk]) in response.content.decode()
    # Session and user, roles (nav), the proctor's rooms, then the list.
    with django_assert_num_queries(5):
        client.get(url)


def test_a_proctor_of_no_room_sees_an_empty_list_and_404_everywhere(client, exam):
    outsider(exam)
    attempt = exam.attempts()[0]
    _login(client, "giamthi3")
    response = client.get(reverse("delivery:session-list"))
    assert "Bạn chưa được phân công coi phòng thi nào trên máy tính." in _text(response)
    for name, pk in [
        ("delivery:session-detail", exam.session.pk),
        ("delivery:session-rows", exam.session.pk),
        ("delivery:session-close", exam.session.pk),
        ("delivery:session-codes-pdf", exam.session.pk),
        ("delivery:attempt-detail", attempt.pk),
        ("delivery:attempt-void", attempt.pk),
    ]:
        assert client.get(reverse(name, args=[pk])).status_code == 404, name
    for name, pk in [
        ("delivery:session-start", exam.session.pk),
        ("delivery:session-extend", exam.session.pk),
        ("delivery:attempt-admit-late", attempt.pk),
        ("delivery:incident-create", attempt.pk),
    ]:
        assert client.post(reverse(name, args=[pk]), {"reason": "x"}).status_code == 404, name
    assert RoomSession.objects.get(pk=exam.session.pk).state == RoomState.WAITING


def test_signed_out_users_are_sent_to_sign_in(client, exam):
    response = client.get(reverse("delivery:session-detail", args=[exam.session.pk]))
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_supervisor_sees_the_console_read_only(client, exam):
    supervisor(exam)
    (attempt,) = start(exam, at=timezone.now() - MIN)
    incident = incident_record(
        actor=exam.proctors[0], attempt=attempt, sanction=Sanction.NONE, description="Máy hỏng"
    )
    _login(client, "giamsat")
    response = client.get(reverse("delivery:session-detail", args=[exam.session.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bạn được xem phòng thi này (Ban giám sát)" in html
    assert 'id="room-actions"' not in html
    assert 'id="checkin-codes"' not in html
    assert attempt.checkin_code not in html  # codes are for the room's proctors only
    assert "Nguyễn Văn Thí Sinh 1" in _row(html, attempt)
    page = client.get(reverse("delivery:attempt-detail", args=[attempt.pk])).content.decode()
    assert 'id="attempt-actions"' not in page
    assert 'id="incident-form"' not in page
    assert '<form method="post" action="/coi-thi' not in page
    assert "Máy hỏng" in page
    for name, pk in [
        ("delivery:session-pause", exam.session.pk),
        ("delivery:session-close", exam.session.pk),
        ("delivery:attempt-pause", attempt.pk),
        ("delivery:attempt-void", attempt.pk),
        ("delivery:incident-create", attempt.pk),
    ]:
        response = client.post(reverse(name, args=[pk]), {"reason": "x", "confirm": "on"})
        assert response.status_code == 403, name
    for name, pk in [
        ("delivery:session-close", exam.session.pk),
        ("delivery:session-codes-pdf", exam.session.pk),
        ("delivery:attempt-void", attempt.pk),
    ]:
        assert client.get(reverse(name, args=[pk])).status_code == 403, name
    response = client.get(reverse("delivery:incident-pdf", args=[incident.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS


# --- The live room view -------------------------------------------------------------------------


def test_console_shows_each_seat_with_attendance_progress_and_contact(client, exam):
    now = timezone.now()
    first, second, third = exam.attempts()
    first, _t = attempt_check_in(code=first.checkin_code, now=now - 3 * MIN)
    second, _t = attempt_check_in(code=second.checkin_code, now=now - 3 * MIN)
    room_start(actor=exam.proctors[0], session=exam.session, now=now - 2 * MIN)
    first = attempt_start(attempt=first, now=now - 2 * MIN)
    second = attempt_start(attempt=second, now=now - 2 * MIN)
    item = _single_choice_item(first)
    answer_save(
        attempt=first, item=item, answer={"choice": 1}, seq=1, now=now - dt.timedelta(seconds=5)
    )
    incident_record(
        actor=exam.proctors[0], attempt=second, sanction=Sanction.REPRIMAND, description="Nói"
    )
    _login(client, "giamthi1")
    html = client.get(reverse("delivery:session-detail", args=[exam.session.pk])).content.decode()
    assert "Có mặt: 2 · Vắng: 1 · Tổng số: 3" in html
    rows_url = reverse("delivery:session-rows", args=[exam.session.pk])
    assert f'hx-get="{rows_url}" hx-trigger="every 5s"' in html
    row = _row(html, first)
    last = _local(now - dt.timedelta(seconds=5))
    assert re.fullmatch(
        rf"0001 Nguyễn Văn Thí Sinh 1 \S.* Có mặt Đang làm bài 1/7 {last} 2\d:\d\d 0", row
    ), row
    row = _row(html, second)
    assert "Đang làm bài Mất kết nối 0/7" in row  # nothing heard for two minutes
    assert row.endswith(" 1")  # one incident
    assert _row(html, third).endswith("Vắng Chưa vào phòng 0/7 — — 0")
    assert "late-rule" in html
    assert "Quá 5 phút sau khi bắt đầu làm bài thì không được vào phòng thi" in _text_of(html)


def test_console_shows_check_in_codes_to_the_rooms_proctors(client, exam):
    _login(client, "giamthi2")
    html = client.get(reverse("delivery:session-detail", args=[exam.session.pk])).content.decode()
    text = _text_of(html)
    for attempt in exam.attempts():
        name = attempt.candidate.person.full_name
        assert f"{attempt.candidate.number} {name} {attempt.checkin_code}" in text
    assert reverse("delivery:session-codes-pdf", args=[exam.session.pk]) in html


def test_refreshing_the_console_closes_overdue_attempts(client, exam):
    (attempt,) = start(exam, at=timezone.now() - dt.timedelta(hours=2))
    _login(client, "giamthi1")
    html = client.get(reverse("delivery:session-rows", args=[exam.session.pk])).content.decode()
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.EXPIRED
    assert "Hết giờ, tự động nộp" in _row(html, attempt)


def test_the_polled_table_stops_polling_once_the_room_is_closed(client, exam):
    _login(client, "giamthi1")
    response = client.post(
        reverse("delivery:session-close", args=[exam.session.pk]), {"confirm": "on"}
    )
    assert _messages(client, response) == ["Đã kết thúc ca thi của phòng thi."]
    html = client.get(reverse("delivery:session-rows", args=[exam.session.pk])).content.decode()
    assert "hx-trigger" not in html
    assert "Đã kết thúc" in html


def _fill(attempts: list[Attempt], proctor) -> None:
    """Put every seat in play: checked in, started, one answer, one incident."""
    now = timezone.now()
    for attempt in attempts:
        attempt, _t = attempt_check_in(code=attempt.checkin_code, now=now - 2 * MIN)
    session = attempts[0].session
    room_start(actor=proctor, session=session, now=now - MIN)
    for attempt in Attempt.objects.filter(pk__in=[a.pk for a in attempts]):
        attempt = attempt_start(attempt=attempt, now=now - MIN)
        answer_save(attempt=attempt, item=_single_choice_item(attempt), answer={"choice": 0}, seq=1)
        incident_record(actor=proctor, attempt=attempt, sanction=Sanction.NONE, description="Ồn")


def test_console_query_count_does_not_grow_with_the_room(client):
    exam = make_exam(9)
    attempts = exam.attempts()
    _fill(attempts, exam.proctors[0])
    _login(client, "giamthi1")
    rows_url = reverse("delivery:session-rows", args=[exam.session.pk])
    page_url = reverse("delivery:session-detail", args=[exam.session.pk])

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    nine = count(rows_url), count(page_url)
    # Move six seats to another room of the sitting: the same table, three rows.
    other = RoomSession.objects.create(
        sitting=exam.sitting,
        room=room_create(actor=exam.organiser, plan=exam.plan, name="Phòng 2", capacity=9),
    )
    Attempt.objects.filter(pk__in=[a.pk for a in attempts[3:]]).update(session=other)
    html = client.get(rows_url).content.decode()
    assert html.count('<tr id="attempt-') == 3
    three = count(rows_url), count(page_url)
    assert nine == three
    assert nine[0] <= 15


# --- Room actions -------------------------------------------------------------------------------


def test_room_actions_through_the_console(client, exam):
    _login(client, "giamthi1")
    session_url = reverse("delivery:session-detail", args=[exam.session.pk])

    def post(name: str, data: dict | None = None) -> list[str]:
        response = client.post(reverse(name, args=[exam.session.pk]), data or {})
        assert response.status_code == 302
        assert response["Location"] == session_url
        return _messages(client, response)

    assert post("delivery:session-start") == ["Đã cho phòng thi bắt đầu làm bài."]
    assert post("delivery:session-start") == ["Phòng thi đã bắt đầu."]
    assert post("delivery:session-pause", {"reason": "  "}) == ["Hãy ghi lý do."]
    assert post("delivery:session-pause", {"reason": "Mất điện"}) == ["Đã tạm dừng cả phòng thi."]
    assert RoomSession.objects.get(pk=exam.session.pk).state == RoomState.PAUSED
    assert post("delivery:session-resume") == [
        "Phòng thi làm bài tiếp; thời gian tạm dừng được bù cho từng người."
    ]
    assert post("delivery:session-extend", {"minutes": "300", "reason": "Mất điện"}) == [
        "Thời gian cộng thêm phải từ 1 phút đến 240 phút."
    ]
    assert post("delivery:session-extend", {"minutes": "mười", "reason": "Mất điện"}) == [
        "Số phút phải là một số nguyên."
    ]
    assert post("delivery:session-extend", {"minutes": "10", "reason": "Mất điện"}) == [
        "Đã cộng thêm 10 phút cho cả phòng thi."
    ]
    assert RoomSession.objects.get(pk=exam.session.pk).extra_seconds == 600


def test_closing_a_room_takes_a_confirmation_step(client, exam):
    (attempt,) = start(exam, at=timezone.now() - MIN)
    _login(client, "giamthi1")
    close_url = reverse("delivery:session-close", args=[exam.session.pk])
    page = _text(client.get(close_url))
    assert "Đã kết thúc: 0 bài · Vắng: 2 người · Đang làm bài: 1 người." in page
    assert "0001 — Nguyễn Văn Thí Sinh 1" in page
    response = client.post(close_url)
    assert response["Location"] == close_url
    assert _messages(client, response) == ["Hãy đánh dấu ô xác nhận."]
    response = client.post(close_url, {"confirm": "on"})
    assert _messages(client, response) == [
        "Còn 1 người đang làm bài: chưa kết thúc được phòng thi."
    ]
    assert RoomSession.objects.get(pk=exam.session.pk).state == RoomState.RUNNING
    Attempt.objects.filter(pk=attempt.pk).update(state=AttemptState.SUBMITTED)
    response = client.post(close_url, {"confirm": "on"})
    assert response["Location"] == reverse("delivery:session-detail", args=[exam.session.pk])
    assert _messages(client, response) == ["Đã kết thúc ca thi của phòng thi."]
    assert RoomSession.objects.get(pk=exam.session.pk).state == RoomState.CLOSED


# --- One candidate ------------------------------------------------------------------------------


def test_attempt_actions_through_the_console(client, exam):
    (attempt,) = start(exam, at=timezone.now() - MIN)
    late = exam.attempts()[1]
    _login(client, "giamthi1")
    page_url = reverse("delivery:attempt-detail", args=[attempt.pk])

    def post(name: str, target: Attempt, data: dict | None = None) -> list[str]:
        response = client.post(reverse(name, args=[target.pk]), data or {})
        assert response.status_code == 302
        assert response["Location"] == reverse("delivery:attempt-detail", args=[target.pk])
        return _messages(client, response)

    html = client.get(page_url).content.decode()
    assert 'id="attempt-pause"' in html and 'id="attempt-resume"' not in html
    assert post("delivery:attempt-pause", attempt, {"reason": ""}) == ["Hãy ghi lý do."]
    assert post("delivery:attempt-pause", attempt, {"reason": "Máy treo"}) == [
        "Đã tạm dừng bài làm của Nguyễn Văn Thí Sinh 1."
    ]
    html = client.get(page_url).content.decode()
    assert 'id="attempt-resume"' in html and 'id="attempt-pause"' not in html
    assert post("delivery:attempt-resume", attempt) == [
        "Nguyễn Văn Thí Sinh 1 làm bài tiếp; thời gian tạm dừng đã được bù."
    ]
    assert post("delivery:attempt-extend", attempt, {"minutes": "5", "reason": "Khuyết tật"}) == [
        "Đã cộng thêm 5 phút cho Nguyễn Văn Thí Sinh 1."
    ]
    assert post("delivery:attempt-device", attempt, {"reason": "Máy hỏng"}) == [
        "Đã cho phép Nguyễn Văn Thí Sinh 1 làm tiếp trên máy khác: nhập lại mã vào phòng thi "
        "trên máy mới."
    ]
    assert post("delivery:attempt-admit-late", attempt, {"reason": "Muộn"}) == [
        "Người này đã vào phòng thi."
    ]
    assert post("delivery:attempt-admit-late", late, {"reason": "Tắc đường do lũ"}) == [
        "Đã cho phép Nguyễn Văn Thí Sinh 2 vào phòng thi muộn."
    ]
    text = _text(client.get(page_url))
    for line in ("Tạm dừng giamthi1 Máy treo", "Tiếp tục", "Cộng thêm thời gian 300 giamthi1"):
        assert line in text, line
    assert "Được phép vào lại trên máy khác (chưa dùng)" in text


def test_incident_form_shows_each_sanctions_deduction_and_basis(client, exam):
    exam.plan.exam_profile = "TT06-2020"
    exam.plan.save(update_fields=["exam_profile"])
    (attempt,) = start(exam, at=timezone.now() - MIN)
    _login(client, "giamthi1")
    text = _text(client.get(reverse("delivery:attempt-detail", args=[attempt.pk])))
    assert (
        "Khiển trách — Trừ 25% số điểm bài thi Căn cứ: TT 06/2020/TT-BNV, Nội quy thi: "
        "khiển trách trừ 25% tổng số điểm bài thi"
    ) in text
    assert (
        "Cảnh cáo — Trừ 50% số điểm bài thi Căn cứ: TT 06/2020/TT-BNV, Nội quy thi: "
        "cảnh cáo trừ 50% tổng số điểm bài thi"
    ) in text
    assert "Đình chỉ thi — Bài thi không có kết quả; không được dự các phần thi tiếp theo" in text
    assert "Hủy kết quả thi — Hủy kết quả bài thi" in text
    assert "Ghi nhận sự cố (không xử lý kỷ luật) — Không ảnh hưởng đến điểm" in text


def test_recording_an_incident_through_the_console(client, exam):
    (attempt,) = start(exam, at=timezone.now() - MIN)
    _login(client, "giamthi2")
    url = reverse("delivery:incident-create", args=[attempt.pk])
    response = client.post(url, {"sanction": Sanction.WARNING, "description": ""})
    assert _messages(client, response) == ["Hãy ghi nội dung vi phạm, sự cố."]
    response = client.post(
        url,
        {
            "sanction": Sanction.WARNING,
            "description": "Mang tài liệu vào phòng",
            "credit_minutes": "",
        },
    )
    incident = Incident.objects.get(attempt=attempt)
    assert _messages(client, response) == [
        f"Đã lập biên bản số {incident.pk} (Cảnh cáo) với Nguyễn Văn Thí Sinh 1."
    ]
    assert incident.recorded_by == exam.proctors[1]
    assert incident.deduction_percent == 50
    html = client.get(reverse("delivery:attempt-detail", args=[attempt.pk])).content.decode()
    assert reverse("delivery:incident-pdf", args=[incident.pk]) in html
    assert "Cảnh cáo — Trừ 50% số điểm bài thi" in _text_of(html)
    response = client.post(url, {"sanction": "bogus", "description": "Mang tài liệu"})
    assert _messages(client, response) == ["Hình thức xử lý không hợp lệ."]


def test_voiding_takes_a_reason_and_a_confirmation(client, exam):
    (attempt,) = start(exam, at=timezone.now() - MIN)
    _login(client, "giamthi1")
    url = reverse("delivery:attempt-void", args=[attempt.pk])
    assert "Hủy bài làm của Nguyễn Văn Thí Sinh 1 (0001)" in _text(client.get(url))
    response = client.post(url, {"reason": "Nhầm người"})
    assert response["Location"] == url
    assert _messages(client, response) == ["Hãy đánh dấu ô xác nhận."]
    response = client.post(url, {"reason": " ", "confirm": "on"})
    assert _messages(client, response) == ["Hãy ghi lý do."]
    response = client.post(url, {"reason": "Nhầm người", "confirm": "on"})
    assert response["Location"] == reverse("delivery:attempt-detail", args=[attempt.pk])
    assert _messages(client, response) == ["Đã hủy bài làm của Nguyễn Văn Thí Sinh 1."]
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.VOIDED
    assert attempt.void_reason == "Nhầm người"


# --- Small helpers ------------------------------------------------------------------------------


def test_refusals_name_their_basis():
    refusal = ServiceError("Không được vào phòng thi.", basis="TT 001/2025/TT-BNV")
    assert refusal_text(refusal) == "Không được vào phòng thi. (căn cứ: TT 001/2025/TT-BNV)"
    assert refusal_text(ServiceError("Hãy ghi lý do.")) == "Hãy ghi lý do."


@pytest.mark.parametrize(
    ("seconds", "text"), [(None, ""), (0, "00:00"), (425, "07:05"), (3723, "1:02:03")]
)
def test_clock_text(seconds, text):
    assert clock_text(seconds) == text
