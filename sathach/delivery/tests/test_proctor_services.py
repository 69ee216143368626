"""What a proctor does to the clock and to a candidate: pauses give time back, extensions reach
everyone in the room, sanctions follow the rule profile, every action is audited, and only the
room's proctors may act.

The helpers here (``start``, ``outsider``, ``supervisor``, ``later_sitting``) are shared by the
page and PDF tests.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.bank.models import ItemVersion
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_person, make_user
from sathach.delivery.constants import AttemptState, LedgerKind, RoomState, Sanction
from sathach.delivery.models import Attempt, LedgerEntry
from sathach.delivery.selectors import remaining_seconds
from sathach.delivery.services import (
    answer_save,
    attempt_admit_late,
    attempt_allow_device_change,
    attempt_check_in,
    attempt_extend,
    attempt_pause,
    attempt_resume,
    attempt_start,
    attempt_submit,
    attempt_void,
    incident_record,
    ledger_lines,
    room_close,
    room_extend,
    room_pause,
    room_resume,
    room_start,
    sanction_effect,
    score_after_sanctions,
    sitting_open,
)
from sathach.delivery.testing import Exam, key_answer, make_exam
from sathach.plans.constants import Board
from sathach.plans.models import BoardMembership, Sitting
from sathach.plans.services import (
    board_member_add,
    proctor_assign,
    seats_allocate,
    sitting_create,
    sitting_finalise,
)

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC)  # 08:00 in Hà Nội, the sitting's start
MIN = dt.timedelta(minutes=1)
NOT_PROCTOR = "Bạn không phải giám thị của phòng thi “Phòng 1” trong ca thi này."
BAD_MINUTES = "Thời gian cộng thêm phải từ 1 phút đến 240 phút."
NO_REASON = "Hãy ghi lý do."


# --- Shared helpers -----------------------------------------------------------------------------


def start(exam: Exam, count: int = 1, *, at: dt.datetime = T0) -> list[Attempt]:
    """Check in the first ``count`` candidates, let the room start at ``at``, start their tests."""
    checked = [
        attempt_check_in(code=attempt.checkin_code, now=at - 5 * MIN)[0]
        for attempt in exam.attempts()[:count]
    ]
    room_start(actor=exam.proctors[0], session=exam.session, now=at)
    return [attempt_start(attempt=attempt, now=at) for attempt in checked]


def outsider(exam: Exam) -> Any:
    """A proctor on the plan's Ban coi thi who is not assigned to this room."""
    person = make_person("GT3", "Giám Thị 3", exam.province.commune)
    user = make_user("giamthi3", Role.PROCTOR, exam.province.commune, person=person)
    board_member_add(
        actor=exam.organiser, plan=exam.plan, board=Board.PROCTORING, person=person, user=user
    )
    return user


def supervisor(exam: Exam) -> Any:
    """A member of Ban giám sát: sees every room of the plan, changes nothing."""
    person = make_person("GS1", "Giám Sát Một", exam.province.commune)
    user = make_user("giamsat", None, person=person)
    board_member_add(
        actor=exam.organiser, plan=exam.plan, board=Board.SUPERVISION, person=person, user=user
    )
    return user


def later_sitting(exam: Exam, *, opened: bool = True) -> Sitting:
    """A second sitting of the same plan, the next day, in the same room (opened unless not
    ``opened``)."""
    sitting = sitting_create(
        actor=exam.organiser,
        plan=exam.plan,
        part=exam.part,
        date=dt.date(2026, 3, 11),
        start_time=dt.time(8, 0),
    )
    seats_allocate(actor=exam.organiser, sitting=sitting, rooms=[exam.room])
    memberships = BoardMembership.objects.filter(
        plan=exam.plan, board=Board.PROCTORING, user__in=exam.proctors
    ).order_by("user__username")
    for role, membership in enumerate(memberships, start=1):
        proctor_assign(
            actor=exam.organiser, sitting=sitting, room=exam.room, membership=membership, role=role
        )
    sitting_finalise(actor=exam.organiser, sitting=sitting)
    if opened:
        sitting_open(actor=exam.organiser, sitting=sitting)
    return sitting


def answer_all(attempt: Attempt, *, at: dt.datetime) -> None:
    """Answer every item of ``attempt`` right."""
    form = attempt.form
    versions = ItemVersion.objects.in_bulk(form.items)
    for position, vid in enumerate(form.items):
        order = form.option_orders[position] if position < len(form.option_orders) else None
        answer_save(
            attempt=attempt, item=vid, answer=key_answer(versions[vid], order), seq=1, now=at
        )


def _ledger(attempt: Attempt) -> list[tuple[str, int, str, str]]:
    return list(
        LedgerEntry.objects.filter(attempt=attempt)
        .order_by("at", "pk")
        .values_list("kind", "seconds", "actor__username", "reason")
    )


@pytest.fixture
def exam() -> Exam:
    return make_exam(3)


# --- Pause and resume -----------------------------------------------------------------------------


def test_pause_and_resume_give_the_paused_time_back(exam):
    (attempt,) = start(exam)
    proctor = exam.proctors[0]
    assert attempt.deadline == T0 + 30 * MIN
    attempt_pause(actor=proctor, attempt=attempt, reason="Máy tính bị treo", now=T0 + 10 * MIN)
    attempt.refresh_from_db()
    # The clock is frozen while paused.
    assert remaining_seconds(attempt, now=T0 + 12 * MIN) == 20 * 60
    attempt = attempt_resume(
        actor=proctor, attempt=attempt, reason="Đã khởi động lại máy", now=T0 + 13 * MIN
    )
    assert attempt.state == AttemptState.IN_PROGRESS
    assert attempt.deadline == T0 + 33 * MIN
    assert attempt.paused_seconds == 180
    assert remaining_seconds(attempt, now=T0 + 13 * MIN) == 20 * 60
    assert _ledger(attempt) == [
        (LedgerKind.PAUSE, 0, "giamthi1", "Máy tính bị treo"),
        (LedgerKind.RESUME, 180, "giamthi1", "Đã khởi động lại máy"),
    ]
    lines = ledger_lines(attempt)
    assert [line["kind"] for line in lines] == ["check_in", "start", "pause", "resume"]
    assert lines[2]["actor"] == "giamthi1"
    assert LedgerEntry.objects.get(attempt=attempt, kind=LedgerKind.RESUME).deadline == (
        T0 + 33 * MIN
    )


def test_room_pause_and_resume_push_every_running_deadline(exam):
    first, second = start(exam, 2)
    proctor = exam.proctors[1]
    room_pause(actor=proctor, session=exam.session, reason="Mất điện", now=T0 + 5 * MIN)
    assert set(Attempt.objects.filter(session=exam.session).values_list("state", flat=True)) >= {
        AttemptState.PAUSED
    }
    session = room_resume(actor=proctor, session=exam.session, now=T0 + 9 * MIN)
    assert session.state == RoomState.RUNNING
    assert session.paused_seconds == 240
    for attempt in (first, second):
        attempt.refresh_from_db()
        assert attempt.state == AttemptState.IN_PROGRESS
        assert attempt.deadline == T0 + 34 * MIN
        assert _ledger(attempt) == [
            (LedgerKind.PAUSE, 0, "giamthi2", "Mất điện"),
            (LedgerKind.RESUME, 0, "giamthi2", ""),
        ]


def test_one_candidate_cannot_resume_while_the_room_is_paused(exam):
    (attempt,) = start(exam)
    room_pause(actor=exam.proctors[0], session=exam.session, reason="Mất điện", now=T0 + MIN)
    with pytest.raises(ServiceError) as refused:
        attempt_resume(actor=exam.proctors[0], attempt=attempt, now=T0 + 2 * MIN)
    assert refused.value.message == "Cả phòng thi đang tạm dừng: hãy cho phòng thi tiếp tục."


def test_pausing_an_attempt_that_is_not_running_is_refused(exam):
    attempt = exam.attempts()[0]
    with pytest.raises(ServiceError) as refused:
        attempt_pause(actor=exam.proctors[0], attempt=attempt, reason="Thử")
    assert refused.value.message == "Chỉ tạm dừng được bài đang làm."


# --- Extensions -------------------------------------------------------------------------------


def test_room_extend_applies_to_running_attempts_and_to_one_started_later(exam):
    (early,) = start(exam)
    room_extend(
        actor=exam.proctors[0],
        session=exam.session,
        seconds=600,
        reason="Mất điện 10 phút",
        now=T0 + 2 * MIN,
    )
    late, _token = attempt_check_in(code=exam.attempts()[1].checkin_code, now=T0 + 3 * MIN)
    late = attempt_start(attempt=late, now=T0 + 3 * MIN)
    early.refresh_from_db()
    assert early.deadline == T0 + 40 * MIN
    assert late.deadline == T0 + 40 * MIN  # everyone in a room ends together
    assert _ledger(early) == [(LedgerKind.EXTEND, 600, "giamthi1", "Mất điện 10 phút")]
    assert _ledger(late) == []  # the room's extension is part of its start


def test_attempt_extend_gives_one_candidate_more_time(exam):
    first, second = start(exam, 2)
    attempt_extend(
        actor=exam.proctors[0],
        attempt=first,
        seconds=300,
        reason="Người khuyết tật",
        now=T0 + MIN,
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.deadline == T0 + 35 * MIN
    assert first.extra_seconds == 300
    assert second.deadline == T0 + 30 * MIN
    assert _ledger(first) == [(LedgerKind.EXTEND, 300, "giamthi1", "Người khuyết tật")]


@pytest.mark.parametrize(
    ("seconds", "reason", "message"),
    [
        (0, "Mất điện", BAD_MINUTES),
        (-60, "Mất điện", BAD_MINUTES),
        (241 * 60, "Mất điện", BAD_MINUTES),
        ("mười", "Mất điện", "Số phút không hợp lệ."),
        (300, "   ", NO_REASON),
    ],
)
def test_extension_refusals(exam, seconds, reason, message):
    (attempt,) = start(exam)
    for call in (
        lambda: room_extend(
            actor=exam.proctors[0], session=exam.session, seconds=seconds, reason=reason
        ),
        lambda: attempt_extend(
            actor=exam.proctors[0], attempt=attempt, seconds=seconds, reason=reason
        ),
    ):
        with pytest.raises(ServiceError) as refused:
            call()
        assert refused.value.message == message
    attempt.refresh_from_db()
    assert attempt.deadline == T0 + 30 * MIN
    assert _ledger(attempt) == []


def test_extending_a_closed_room_or_a_finished_attempt_is_refused(exam):
    (attempt,) = start(exam)
    attempt_submit(attempt=attempt, now=T0 + 5 * MIN)
    with pytest.raises(ServiceError) as refused:
        attempt_extend(actor=exam.proctors[0], attempt=attempt, seconds=60, reason="Xin thêm giờ")
    assert refused.value.message == "Bài làm đã kết thúc."
    room_close(actor=exam.proctors[0], session=exam.session, now=T0 + 6 * MIN)
    with pytest.raises(ServiceError) as refused:
        room_extend(actor=exam.proctors[0], session=exam.session, seconds=60, reason="Thêm")
    assert refused.value.message == "Phòng thi đã kết thúc ca thi."


def test_closing_a_room_with_someone_still_working_is_refused(exam):
    start(exam, 1)
    with pytest.raises(ServiceError) as refused:
        room_close(actor=exam.proctors[0], session=exam.session, now=T0 + 5 * MIN)
    assert refused.value.message == "Còn 1 người đang làm bài: chưa kết thúc được phòng thi."


def test_closing_a_room_expires_overdue_attempts(exam):
    (attempt,) = start(exam)
    session = room_close(actor=exam.proctors[0], session=exam.session, now=T0 + 32 * MIN)
    attempt.refresh_from_db()
    assert session.state == RoomState.CLOSED
    assert attempt.state == AttemptState.EXPIRED


# --- Incidents and sanctions ----------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["TT22-2025", "TT06-2020"])
@pytest.mark.parametrize(
    ("sanction", "key", "score"),
    [
        (Sanction.REPRIMAND, "sanction_reprimand_deduction_percent", Decimal("75.00")),
        (Sanction.WARNING, "sanction_warning_deduction_percent", Decimal("50.00")),
    ],
)
def test_reprimand_and_warning_deduct_the_profiles_percentage(exam, profile, sanction, key, score):
    exam.plan.exam_profile = profile
    exam.plan.save(update_fields=["exam_profile"])
    rules = profiles.get(profile)
    (attempt,) = start(exam)
    answer_all(attempt, at=T0 + MIN)
    incident = incident_record(
        actor=exam.proctors[0],
        attempt=attempt,
        sanction=sanction,
        description="Trao đổi với người bên cạnh sau khi đã nhắc nhở",
        now=T0 + 2 * MIN,
    )
    assert incident.deduction_percent == Decimal(str(rules.value(key)))
    assert incident.basis == rules.basis(key)
    assert incident.profile == rules.ref
    assert incident.recorded_by == exam.proctors[0]
    attempt = attempt_submit(attempt=attempt, now=T0 + 3 * MIN)
    assert attempt.state == AttemptState.SUBMITTED  # the attempt goes on
    assert attempt.raw_score == attempt.max_score == Decimal(7)
    assert sanction_effect(attempt).deduction_percent == rules.value(key)
    assert score_after_sanctions(attempt, Decimal(100)) == score


def test_profiles_name_their_own_basis(exam):
    bases = {
        code: profiles.get(code).basis("sanction_reprimand_deduction_percent")
        for code in ("TT22-2025", "TT06-2020")
    }
    assert bases == {
        "TT22-2025": "TT 001/2025/TT-BNV, Nội quy thi: hình thức khiển trách",
        "TT06-2020": "TT 06/2020/TT-BNV, Nội quy thi: khiển trách trừ 25% tổng số điểm bài thi",
    }


def test_only_the_heaviest_sanction_counts(exam):
    (attempt,) = start(exam)
    for sanction in (Sanction.REPRIMAND, Sanction.WARNING, Sanction.NONE):
        incident_record(
            actor=exam.proctors[0], attempt=attempt, sanction=sanction, description="Vi phạm"
        )
    effect = sanction_effect(attempt)
    assert effect.sanction == Sanction.WARNING
    assert effect.deduction_percent == 50
    assert not effect.cancelled


def test_expulsion_voids_the_attempt_and_bars_a_later_sitting(exam):
    expelled, other = start(exam, 2)
    incident_record(
        actor=exam.proctors[0],
        attempt=expelled,
        sanction=Sanction.EXPULSION,
        description="Sử dụng điện thoại trong phòng thi",
        now=T0 + 5 * MIN,
    )
    expelled.refresh_from_db()
    assert expelled.state == AttemptState.VOIDED
    assert expelled.void_reason == "Đình chỉ thi: Sử dụng điện thoại trong phòng thi"
    assert _ledger(expelled)[-1][0] == LedgerKind.VOID
    assert sanction_effect(expelled).cancelled
    later = later_sitting(exam)
    codes = dict(Attempt.objects.filter(sitting=later).values_list("candidate_id", "checkin_code"))
    with pytest.raises(ServiceError) as refused:
        attempt_check_in(code=codes[expelled.candidate_id])
    assert refused.value.message == (
        "Người dự kiểm tra đã bị đình chỉ thi nên không được dự các phần thi tiếp theo."
    )
    assert refused.value.basis == "TT 001/2025/TT-BNV, Nội quy thi: đình chỉ thi"
    # Everyone else sits the later paper as usual.
    attempt, _token = attempt_check_in(code=codes[other.candidate_id])
    assert attempt.state == AttemptState.CHECKED_IN


def test_cancelled_result_voids_the_attempt_without_barring_later_papers(exam):
    (attempt,) = start(exam)
    answer_all(attempt, at=T0 + MIN)
    incident_record(
        actor=exam.proctors[0],
        attempt=attempt,
        sanction=Sanction.CANCELLED,
        description="Làm bài hộ người khác",
        now=T0 + 5 * MIN,
    )
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.VOIDED
    assert attempt.void_reason == "Hủy kết quả thi: Làm bài hộ người khác"
    assert score_after_sanctions(attempt, Decimal(100)) is None
    later = later_sitting(exam)
    code = Attempt.objects.get(sitting=later, candidate=attempt.candidate).checkin_code
    assert attempt_check_in(code=code)[0].state == AttemptState.CHECKED_IN


def test_incident_credit_gives_time_back(exam):
    (attempt,) = start(exam)
    incident = incident_record(
        actor=exam.proctors[0],
        attempt=attempt,
        sanction=Sanction.NONE,
        description="Máy tính hỏng, chuyển sang máy dự phòng",
        credit_minutes=4,
        now=T0 + 10 * MIN,
    )
    attempt.refresh_from_db()
    assert incident.credit_seconds == 240
    assert incident.deduction_percent == 0
    assert attempt.deadline == T0 + 34 * MIN
    assert _ledger(attempt) == [
        (LedgerKind.CREDIT, 240, "giamthi1", "Máy tính hỏng, chuyển sang máy dự phòng")
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sanction": "expel", "description": "Vi phạm"}, "Hình thức xử lý không hợp lệ."),
        ({"sanction": Sanction.WARNING, "description": " "}, "Hãy ghi nội dung vi phạm, sự cố."),
        (
            {"sanction": Sanction.NONE, "description": "Máy hỏng", "credit_minutes": 300},
            BAD_MINUTES,
        ),
    ],
)
def test_incident_refusals(exam, kwargs, message):
    (attempt,) = start(exam)
    with pytest.raises(ServiceError) as refused:
        incident_record(actor=exam.proctors[0], attempt=attempt, **kwargs)
    assert refused.value.message == message
    assert not attempt.incidents.exists()


def test_an_incident_before_check_in_is_refused(exam):
    with pytest.raises(ServiceError) as refused:
        incident_record(
            actor=exam.proctors[0],
            attempt=exam.attempts()[0],
            sanction=Sanction.NONE,
            description="Vắng",
        )
    assert refused.value.message == "Người này chưa vào phòng thi."


# --- Device change, late entry, void ------------------------------------------------------------


def test_device_change_lets_the_candidate_check_in_once_more(exam):
    (attempt,) = start(exam)
    with pytest.raises(ServiceError) as refused:
        attempt_check_in(code=attempt.checkin_code)
    assert refused.value.code == "already_checked_in"
    attempt_allow_device_change(actor=exam.proctors[0], attempt=attempt, reason="Máy hỏng")
    moved, _token = attempt_check_in(code=attempt.checkin_code)
    assert moved.state == AttemptState.IN_PROGRESS
    assert not moved.device_change_allowed
    assert _ledger(attempt) == [(LedgerKind.DEVICE, 0, "giamthi1", "Máy hỏng")]


def test_admit_late_lifts_the_profiles_late_limit(exam):
    start(exam, 1)
    late = exam.attempts()[1]
    with pytest.raises(ServiceError) as refused:
        attempt_check_in(code=late.checkin_code, now=T0 + 6 * MIN)
    assert refused.value.message == (
        "Đã quá 5 phút kể từ khi bắt đầu làm bài: không được vào phòng thi. "
        "Trường hợp bất khả kháng do Chủ tịch Hội đồng quyết định; hãy báo giám thị."
    )
    assert refused.value.basis == profiles.get("TT22-2025").basis("late_arrival_minutes_short_part")
    attempt_admit_late(
        actor=exam.proctors[0], attempt=late, reason="Tắc đường do mưa lũ (Chủ tịch HĐ đồng ý)"
    )
    attempt, _token = attempt_check_in(code=late.checkin_code, now=T0 + 6 * MIN)
    assert attempt.state == AttemptState.CHECKED_IN


def test_void_keeps_the_reason_and_refuses_a_second_void(exam):
    (attempt,) = start(exam)
    attempt = attempt_void(
        actor=exam.proctors[0], attempt=attempt, reason="Nhầm người dự kiểm tra", now=T0 + MIN
    )
    assert attempt.state == AttemptState.VOIDED
    assert attempt.void_reason == "Nhầm người dự kiểm tra"
    with pytest.raises(ServiceError) as refused:
        attempt_void(actor=exam.proctors[0], attempt=attempt, reason="Lần nữa")
    assert refused.value.message == "Bài làm đã bị hủy."


# --- Audit --------------------------------------------------------------------------------------


def test_every_proctor_action_writes_an_audit_event(exam):
    proctor = exam.proctors[0]
    first, _token = attempt_check_in(code=exam.attempts()[0].checkin_code, now=T0 - MIN)
    second, third = exam.attempts()[1:]
    before = AuditEvent.objects.count()
    room_start(actor=proctor, session=exam.session, now=T0)
    first = attempt_start(attempt=first, now=T0)
    room_pause(actor=proctor, session=exam.session, reason="Mất điện", now=T0 + MIN)
    room_resume(actor=proctor, session=exam.session, now=T0 + 2 * MIN)
    room_extend(actor=proctor, session=exam.session, seconds=120, reason="Bù", now=T0 + 3 * MIN)
    attempt_pause(actor=proctor, attempt=first, reason="Máy treo", now=T0 + 4 * MIN)
    attempt_resume(actor=proctor, attempt=first, now=T0 + 5 * MIN)
    attempt_extend(actor=proctor, attempt=first, seconds=60, reason="Bù", now=T0 + 6 * MIN)
    attempt_allow_device_change(actor=proctor, attempt=first, reason="Đổi máy")
    attempt_admit_late(actor=proctor, attempt=second, reason="Bất khả kháng")
    incident_record(actor=proctor, attempt=first, sanction=Sanction.REPRIMAND, description="Nói")
    attempt_void(actor=proctor, attempt=first, reason="Nhầm người", now=T0 + 7 * MIN)
    attempt_void(actor=proctor, attempt=third, reason="Không đủ điều kiện", now=T0 + 8 * MIN)
    room_close(actor=proctor, session=exam.session, now=T0 + 9 * MIN)
    events = list(AuditEvent.objects.order_by("seq")[before:])
    assert [e.action for e in events] == [
        "delivery.room_start",
        "delivery.room_pause",
        "delivery.room_resume",
        "delivery.room_extend",
        "delivery.attempt_pause",
        "delivery.attempt_resume",
        "delivery.attempt_extend",
        "delivery.attempt_device",
        "delivery.attempt_admit_late",
        "delivery.incident_record",
        "delivery.attempt_void",
        "delivery.attempt_void",
        "delivery.room_close",
    ]
    assert {e.actor_username for e in events} == {"giamthi1"}
    assert {e.profile for e in events} == {"TT22-2025@1"}
    assert events[1].data == {"reason": "Mất điện"}
    assert events[3].data == {"seconds": 120, "reason": "Bù"}
    assert events[-1].data == {"absent": 1}  # admitted late, never came


def test_a_refused_action_writes_no_audit_event(exam):
    before = AuditEvent.objects.count()
    with pytest.raises(ServiceError):
        room_pause(actor=exam.proctors[0], session=exam.session, reason="Mất điện")
    with pytest.raises(ServiceError):
        room_extend(actor=exam.proctors[0], session=exam.session, seconds=60, reason="")
    assert AuditEvent.objects.count() == before


# --- Who may act --------------------------------------------------------------------------------


def _every_action(exam: Exam, attempt: Attempt) -> list[Callable[[Any], Any]]:
    session = exam.session
    return [
        lambda u: room_start(actor=u, session=session),
        lambda u: room_pause(actor=u, session=session, reason="Mất điện"),
        lambda u: room_resume(actor=u, session=session),
        lambda u: room_extend(actor=u, session=session, seconds=60, reason="Bù"),
        lambda u: room_close(actor=u, session=session),
        lambda u: attempt_pause(actor=u, attempt=attempt, reason="Máy treo"),
        lambda u: attempt_resume(actor=u, attempt=attempt),
        lambda u: attempt_extend(actor=u, attempt=attempt, seconds=60, reason="Bù"),
        lambda u: attempt_allow_device_change(actor=u, attempt=attempt, reason="Đổi máy"),
        lambda u: attempt_admit_late(actor=u, attempt=attempt, reason="Muộn"),
        lambda u: attempt_void(actor=u, attempt=attempt, reason="Hủy"),
        lambda u: incident_record(
            actor=u, attempt=attempt, sanction=Sanction.WARNING, description="Vi phạm"
        ),
    ]


@pytest.mark.parametrize("who", ["outsider", "supervisor"])
def test_only_the_rooms_proctors_may_act(exam, who):
    user = outsider(exam) if who == "outsider" else supervisor(exam)
    (attempt,) = start(exam)
    before = AuditEvent.objects.count()
    for action in _every_action(exam, attempt):
        with pytest.raises(PermissionDeniedError) as refused:
            action(user)
        assert refused.value.message == NOT_PROCTOR
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS
    assert attempt.deadline == T0 + 30 * MIN
    assert AuditEvent.objects.count() == before


def test_the_organiser_may_act_in_any_room(exam):
    (attempt,) = start(exam)
    attempt_extend(actor=exam.organiser, attempt=attempt, seconds=60, reason="Quyết định của HĐ")
    attempt.refresh_from_db()
    assert attempt.deadline == T0 + 31 * MIN


# --- Command -------------------------------------------------------------------------------------


def test_open_sitting_command_opens_a_sitting_once(exam):
    later = later_sitting(exam, opened=False)
    out = io.StringIO()
    call_command("open_sitting", exam.plan.code, later.pk, stdout=out)
    assert out.getvalue().strip() == (
        f"Đã mở ca thi “{later}”: 1 phòng thi, 3 bài làm. "
        "Giám thị in phiếu mã vào phòng thi tại trang Coi thi."
    )
    assert Attempt.objects.filter(sitting=later).count() == 3
    with pytest.raises(CommandError) as refused:
        call_command("open_sitting", exam.plan.code, later.pk)
    assert str(refused.value) == "Ca thi đã được mở."
    with pytest.raises(CommandError) as refused:
        call_command("open_sitting", exam.plan.code, 999999)
    assert str(refused.value) == "Kế hoạch “THI” không có ca thi mã số 999999."
    with pytest.raises(CommandError) as refused:
        call_command("open_sitting", "KHONG-CO", exam.sitting.pk)
    assert str(refused.value) == "Không có kế hoạch mã “KHONG-CO”."
