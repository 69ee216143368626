"""Check-in, start, saving answers (sequence numbers, idempotence, deadline and grace), submit."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from sathach.bank.models import ItemVersion
from sathach.core.errors import ServiceError
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response
from sathach.delivery.services import (
    answer_save,
    attempt_check_in,
    attempt_start,
    attempt_submit,
    attempts_expire,
    room_start,
)
from sathach.delivery.services.common import normalise_code
from sathach.delivery.testing import key_answer, make_exam

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC)  # 08:00 in Hà Nội


def _refused(message, call, **kwargs):
    with pytest.raises(ServiceError) as caught:
        call(**kwargs)
    assert caught.value.message == message
    return caught.value


@pytest.fixture
def exam():
    return make_exam(3, minutes=30, grace_seconds=60)


@pytest.fixture
def running(exam):
    """The first candidate checked in and started, the room started at T0."""
    attempt = exam.attempts()[0]
    attempt_check_in(code=attempt.checkin_code, now=T0 - dt.timedelta(minutes=5))
    room_start(actor=exam.proctors[0], session=exam.session, now=T0)
    attempt.refresh_from_db()
    return attempt_start(attempt=attempt, now=T0 + dt.timedelta(seconds=30))


def _item(attempt, kind="single"):
    """Return the id of the first item of ``kind`` on the attempt's form."""
    return attempt.layout["items"][attempt.layout["kinds"].index(kind)]


def _stored(attempt, item):
    return Response.objects.get(attempt=attempt, item_id=item)


def test_check_in_takes_the_code_in_any_case_and_spacing_once(exam):
    attempt = exam.attempts()[0]
    code = attempt.checkin_code
    spaced = f" {code[:4].lower()}-{code[4:]} "
    assert normalise_code(spaced) == code
    checked, token = attempt_check_in(code=spaced, now=T0)
    assert checked.state == AttemptState.CHECKED_IN and token.startswith(f"{attempt.pk}.")
    _refused(
        "Mã này đã được dùng để vào phòng thi. Muốn làm tiếp trên máy khác, "
        "hãy báo giám thị cho phép.",
        attempt_check_in,
        code=code,
        now=T0,
    )
    _refused(
        "Mã vào phòng thi không đúng. Hãy kiểm tra lại mã trên phiếu.",
        attempt_check_in,
        code="ZZZZ2222",
    )


def test_check_in_after_the_late_limit_is_refused_with_its_basis(exam):
    attempt = exam.attempts()[1]
    room_start(actor=exam.proctors[0], session=exam.session, now=T0)
    # A 30-minute part is a short part: 5 minutes (TT 001/2025 via TT22-2025 profile).
    error = _refused(
        "Đã quá 5 phút kể từ khi bắt đầu làm bài: không được vào phòng thi. "
        "Trường hợp bất khả kháng do Chủ tịch Hội đồng quyết định; hãy báo giám thị.",
        attempt_check_in,
        code=attempt.checkin_code,
        now=T0 + dt.timedelta(minutes=5, seconds=1),
    )
    assert "TT 001/2025/TT-BNV" in error.basis
    checked, _ = attempt_check_in(code=attempt.checkin_code, now=T0 + dt.timedelta(minutes=5))
    assert checked.state == AttemptState.CHECKED_IN


def test_start_waits_for_the_proctor_then_writes_only_the_attempt(
    exam, django_assert_max_num_queries
):
    attempt = exam.attempts()[0]
    attempt, _ = attempt_check_in(code=attempt.checkin_code, now=T0)
    _refused("Giám thị chưa cho bắt đầu làm bài.", attempt_start, attempt=attempt, now=T0)
    room_start(actor=exam.proctors[0], session=exam.session, now=T0)
    attempt.refresh_from_db()
    with django_assert_max_num_queries(3) as captured:
        started = attempt_start(attempt=attempt, now=T0 + dt.timedelta(minutes=2))
    writes = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT")]
    assert len(writes) == 1 and writes[0].startswith("UPDATE")
    # Everyone in a room ends together: the deadline runs from the room's start.
    assert started.deadline == T0 + dt.timedelta(minutes=30)
    assert started.started_at == T0 + dt.timedelta(minutes=2)


def test_same_sequence_twice_is_idempotent(running):
    item = _item(running)
    first = answer_save(attempt=running, item=item, answer={"choice": 1}, seq=5, now=T0)
    again = answer_save(attempt=running, item=item, answer={"choice": 1}, seq=5, now=T0)
    assert (first.seq, first.stale) == (5, False)
    assert (again.seq, again.stale) == (5, True)
    assert Response.objects.filter(attempt=running).count() == 1
    assert _stored(running, item).answer == {"choice": 1}


def test_an_older_sequence_never_overwrites_a_newer_one(running):
    item = _item(running)
    answer_save(attempt=running, item=item, answer={"choice": 2}, seq=9, now=T0)
    late = answer_save(attempt=running, item=item, answer={"choice": 0}, seq=7, now=T0)
    assert late.stale and late.seq == 9
    stored = _stored(running, item)
    assert (stored.answer, stored.seq) == ({"choice": 2}, 9)
    newer = answer_save(attempt=running, item=item, answer={"choice": 0}, seq=10, now=T0)
    assert not newer.stale
    assert _stored(running, item).answer == {"choice": 0}


def test_answers_are_refused_after_the_deadline_plus_grace_only(running):
    item = _item(running)
    deadline = running.deadline
    answer_save(attempt=running, item=item, answer={"choice": 1}, seq=1, now=deadline)
    answer_save(
        attempt=running,
        item=item,
        answer={"choice": 2},
        seq=2,
        now=deadline + dt.timedelta(seconds=60),
    )
    _refused(
        "Đã hết thời gian làm bài: câu trả lời không được ghi nhận.",
        answer_save,
        attempt=running,
        item=item,
        answer={"choice": 0},
        seq=3,
        now=deadline + dt.timedelta(seconds=61),
    )
    assert _stored(running, item).seq == 2


def test_malformed_saves_are_refused_and_write_nothing(running):
    foreign = (
        ItemVersion.objects.exclude(pk__in=running.layout["items"])
        .values_list("pk", flat=True)
        .first()
    )
    assert foreign is not None
    cases = [
        (
            {"item": foreign, "answer": {"choice": 0}, "seq": 1},
            "Câu hỏi không có trong đề của bạn.",
        ),
        (
            {"item": _item(running), "answer": {"choice": 0}, "seq": -1},
            "Số thứ tự gửi không hợp lệ.",
        ),
        (
            {"item": _item(running), "answer": {"choice": 0}, "seq": True},
            "Số thứ tự gửi không hợp lệ.",
        ),
        (
            {"item": _item(running), "answer": {"choice": 0}, "seq": 2**53},
            "Số thứ tự gửi không hợp lệ.",
        ),
    ]
    for kwargs, message in cases:
        _refused(message, answer_save, attempt=running, now=T0, **kwargs)
    _refused(
        "Phương án đã chọn không có trong câu hỏi.",
        answer_save,
        attempt=running,
        item=_item(running),
        answer={"choice": 4},
        seq=1,
        now=T0,
    )
    assert not Response.objects.filter(attempt=running).exists()


def test_a_checked_in_attempt_that_has_not_started_cannot_save(exam):
    attempt, _ = attempt_check_in(code=exam.attempts()[0].checkin_code, now=T0)
    _refused(
        "Bài làm chưa bắt đầu.",
        answer_save,
        attempt=attempt,
        item=_item(attempt),
        answer={"choice": 0},
        seq=1,
        now=T0,
    )


def test_submit_scores_every_kind_through_the_shown_option_order(running):
    form = running.form
    versions = ItemVersion.objects.in_bulk(form.items)
    for position, vid in enumerate(form.items):
        answer = key_answer(versions[vid], form.option_orders[position])
        answer_save(attempt=running, item=vid, answer=answer, seq=position + 1, now=T0)
    done = attempt_submit(attempt=running, now=T0 + dt.timedelta(minutes=10))
    assert done.state == AttemptState.SUBMITTED
    assert done.correct_count == len(form.items) == 7
    assert done.raw_score == done.max_score == Decimal(7)
    _refused(
        "Bài làm đã kết thúc: câu trả lời không được ghi nhận.",
        answer_save,
        attempt=done,
        item=form.items[0],
        answer={"choice": 0},
        seq=99,
        now=T0,
    )


def test_a_wrong_choice_scores_nothing(running):
    form = running.form
    position = running.layout["kinds"].index("single")
    version = ItemVersion.objects.get(pk=form.items[position])
    right = key_answer(version, form.option_orders[position])["choice"]
    answer_save(attempt=running, item=version.pk, answer={"choice": (right + 1) % 4}, seq=1, now=T0)
    done = attempt_submit(attempt=running, now=T0 + dt.timedelta(minutes=1))
    assert done.raw_score == 0 and done.correct_count == 0


def test_overdue_attempts_expire_with_what_was_saved_in_time(running):
    item = _item(running)
    answer_save(attempt=running, item=item, answer={"choice": 1}, seq=1, now=T0)
    deadline = running.deadline
    assert attempts_expire(now=deadline + dt.timedelta(seconds=60)) == 0
    assert attempts_expire(now=deadline + dt.timedelta(seconds=61)) == 1
    running.refresh_from_db()
    assert running.state == AttemptState.EXPIRED and running.finished_at == deadline
    assert running.raw_score is not None


def test_submit_after_grace_closes_as_expired(running):
    done = attempt_submit(attempt=running, now=running.deadline + dt.timedelta(minutes=5))
    assert done.state == AttemptState.EXPIRED


def test_expire_uses_the_real_clock_by_default(running):
    Attempt.objects.filter(pk=running.pk).update(deadline=timezone.now() - dt.timedelta(minutes=10))
    assert attempts_expire() == 1
