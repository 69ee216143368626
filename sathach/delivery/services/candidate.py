"""What a candidate does: check in, start, save answers, submit; and the deadline sweep.

These run thousands of times at once at the start of a sitting, so each writes as little as
it can: check-in and start update the attempt row only (the ledger shows them from the
attempt's own timestamps), and a save is one upsert. Candidates' own actions are not audit
events (they would serialise 10,000 starts on the audit chain); every proctor action is.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.core.errors import ServiceError
from sathach.lib.scoring import AnswerError, answer_clean

from ..constants import FINISHED, AttemptState, LedgerKind, RoomState, Sanction
from ..models import Attempt, Incident, LedgerEntry, Response, RoomSession
from .common import (
    deadline_at_start,
    late_limit_minutes,
    normalise_code,
    plan_profile,
    token_new,
)
from .scoring import attempt_score

MAX_SEQ = 2**53  # what a browser's Number holds exactly


def _grace(attempt: Attempt) -> dt.timedelta:
    return dt.timedelta(seconds=attempt.sitting.plan.grace_seconds)


@transaction.atomic
def attempt_check_in(
    *, code: str = "", attempt: Attempt | None = None, now: dt.datetime | None = None
) -> tuple[Attempt, str]:
    """Check a candidate in with their one-time code (or, signed in, their own ``attempt``).

    Return the attempt and a new bearer token for the exam page. A second check-in is refused
    unless the proctor allowed a device change; then the old computer's token stops working.
    """
    now = now or timezone.now()
    if attempt is None:
        attempt = (
            Attempt.objects.select_for_update()
            .select_related("session", "sitting__plan", "candidate")
            .filter(checkin_code=normalise_code(code))
            .first()
        )
        if attempt is None:
            raise ServiceError(
                _("Mã vào phòng thi không đúng. Hãy kiểm tra lại mã trên phiếu."),
                code="bad_code",
            )
    else:
        attempt = (
            Attempt.objects.select_for_update()
            .select_related("session", "sitting__plan", "candidate")
            .get(pk=attempt.pk)
        )
    if attempt.state in FINISHED:
        raise ServiceError(_("Bài làm này đã kết thúc."), code="finished")
    plan = attempt.sitting.plan
    if Incident.objects.filter(
        attempt__candidate=attempt.candidate, sanction=Sanction.EXPULSION
    ).exists():
        # domain.md §1.5: a candidate expelled from a paper sits no further paper of the exam.
        raise ServiceError(
            _("Người dự kiểm tra đã bị đình chỉ thi nên không được dự các phần thi tiếp theo."),
            code="expelled",
            basis=_("TT 001/2025/TT-BNV, Nội quy thi: đình chỉ thi"),
        )
    if attempt.state != AttemptState.SCHEDULED:
        if not attempt.device_change_allowed:
            raise ServiceError(
                _(
                    "Mã này đã được dùng để vào phòng thi. Muốn làm tiếp trên máy khác, "
                    "hãy báo giám thị cho phép."
                ),
                code="already_checked_in",
            )
        attempt.device_change_allowed = False
        token = token_new(attempt)
        attempt.save(update_fields=["device_change_allowed", "token_hash", "updated_at"])
        return attempt, token
    session = attempt.session
    if session.state == RoomState.CLOSED:
        raise ServiceError(_("Phòng thi đã kết thúc ca thi."), code="room_closed")
    if session.started_at is not None and not attempt.late_admitted:
        profile = plan_profile(plan)
        minutes, basis = late_limit_minutes(profile, attempt.sitting.duration_minutes)
        if now > session.started_at + dt.timedelta(minutes=minutes):
            raise ServiceError(
                _(
                    "Đã quá %(m)d phút kể từ khi bắt đầu làm bài: không được vào phòng thi. "
                    "Trường hợp bất khả kháng do Chủ tịch Hội đồng quyết định; hãy báo giám thị."
                )
                % {"m": minutes},
                code="late",
                basis=basis,
            )
    attempt.state = AttemptState.CHECKED_IN
    attempt.checked_in_at = now
    attempt.last_seen_at = now
    token = token_new(attempt)
    attempt.save(
        update_fields=["state", "checked_in_at", "last_seen_at", "token_hash", "updated_at"]
    )
    return attempt, token


def attempt_start(*, attempt: Attempt, now: dt.datetime | None = None) -> Attempt:
    """Start the test once the proctor has started the room; a no-op if already started.

    One row is written (the attempt); the sealed form is only read.
    """
    now = now or timezone.now()
    if attempt.state in (AttemptState.IN_PROGRESS, AttemptState.PAUSED) or (
        attempt.state in FINISHED
    ):
        return attempt
    if attempt.state != AttemptState.CHECKED_IN:
        raise ServiceError(_("Chưa vào phòng thi."), code="not_checked_in")
    session = RoomSession.objects.get(pk=attempt.session_id)
    if session.state == RoomState.WAITING:
        raise ServiceError(_("Giám thị chưa cho bắt đầu làm bài."), code="room_waiting")
    if session.state == RoomState.PAUSED:
        raise ServiceError(_("Phòng thi đang tạm dừng."), code="room_paused")
    if session.state == RoomState.CLOSED:
        raise ServiceError(_("Phòng thi đã kết thúc ca thi."), code="room_closed")
    deadline = deadline_at_start(session, attempt.sitting.duration_minutes, attempt)
    updated = Attempt.objects.filter(pk=attempt.pk, state=AttemptState.CHECKED_IN).update(
        state=AttemptState.IN_PROGRESS,
        started_at=now,
        deadline=deadline,
        last_seen_at=now,
        updated_at=now,
    )
    if not updated:  # started meanwhile by a second tab or a retried request
        attempt.refresh_from_db()
        if attempt.state not in (AttemptState.IN_PROGRESS, AttemptState.PAUSED):
            raise ServiceError(_("Bài làm không còn ở trạng thái chờ bắt đầu."), code="state")
        return attempt
    attempt.state, attempt.started_at, attempt.deadline = AttemptState.IN_PROGRESS, now, deadline
    attempt.last_seen_at = attempt.updated_at = now
    attempt.session = session  # the caller shows the room's state without reading it again
    return attempt


@dataclass(frozen=True)
class Saved:
    """The server's acknowledgement: ``seq`` is what is stored now for the item."""

    item: int
    seq: int
    saved_at: dt.datetime
    stale: bool  # the stored answer has a newer sequence number; this one was not written


def _upsert_sql() -> str:
    table = Response._meta.db_table
    json_param = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    # Only the table name (from the model) and the placeholder cast are interpolated; every
    # value is a query parameter.
    return (
        f"INSERT INTO {table} (attempt_id, item_id, answer, seq, saved_at) "  # noqa: S608
        f"VALUES (%s, %s, {json_param}, %s, %s) "
        "ON CONFLICT (attempt_id, item_id) DO UPDATE SET "
        "answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at "
        f"WHERE {table}.seq < excluded.seq "
        "RETURNING seq"
    )


def check_writable(attempt: Attempt, now: dt.datetime) -> None:
    """Refuse an answer to an attempt that is not running, or past its deadline and grace."""
    if attempt.state == AttemptState.PAUSED:
        raise ServiceError(
            _("Bài làm đang tạm dừng: câu trả lời chưa được ghi nhận."), code="paused"
        )
    if attempt.state in FINISHED:
        raise ServiceError(
            _("Bài làm đã kết thúc: câu trả lời không được ghi nhận."), code="finished"
        )
    if attempt.state != AttemptState.IN_PROGRESS or attempt.deadline is None:
        raise ServiceError(_("Bài làm chưa bắt đầu."), code="not_started")
    if now > attempt.deadline + _grace(attempt):
        raise ServiceError(
            _("Đã hết thời gian làm bài: câu trả lời không được ghi nhận."), code="deadline"
        )


def answer_save(
    *, attempt: Attempt, item: Any, answer: Any, seq: Any, now: dt.datetime | None = None
) -> Saved:
    """Store ``answer`` to ``item`` unless a newer sequence number is stored already.

    Idempotent: sending the same (item, seq) again changes nothing and is acknowledged again.
    An older sequence never overwrites a newer one, whatever order the requests arrive in.
    """
    now = now or timezone.now()
    check_writable(attempt, now)
    layout = attempt.layout
    try:
        position = layout["items"].index(item)
    except ValueError:
        raise ServiceError(_("Câu hỏi không có trong đề của bạn."), code="bad_item") from None
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < MAX_SEQ:
        raise ServiceError(_("Số thứ tự gửi không hợp lệ."), code="bad_seq")
    try:
        clean = answer_clean(
            layout["kinds"][position], answer, n_options=layout["options"][position]
        )
    except AnswerError as exc:
        raise ServiceError(exc.message, code="bad_answer") from None
    with connection.cursor() as cursor:
        cursor.execute(
            _upsert_sql(), [attempt.pk, item, json.dumps(clean, ensure_ascii=False), seq, now]
        )
        row = cursor.fetchone()
    if row is not None:
        return Saved(item=item, seq=seq, saved_at=now, stale=False)
    stored = Response.objects.filter(attempt=attempt, item_id=item).values("seq", "saved_at").get()
    return Saved(item=item, seq=stored["seq"], saved_at=stored["saved_at"], stale=True)


def _finish(attempt: Attempt, state: str, now: dt.datetime) -> Attempt:
    score = attempt_score(attempt)
    attempt.state = state
    attempt.finished_at = now
    attempt.raw_score = score.points
    attempt.max_score = score.max_points
    attempt.correct_count = score.correct
    attempt.save(
        update_fields=[
            "state",
            "finished_at",
            "raw_score",
            "max_score",
            "correct_count",
            "updated_at",
        ]
    )
    return attempt


@transaction.atomic
def attempt_submit(*, attempt: Attempt, now: dt.datetime | None = None) -> Attempt:
    """Submit the attempt and score its objective items (DESIGN §3.6).

    Past the deadline and grace the attempt is closed as expired instead, with what was
    saved in time.
    """
    now = now or timezone.now()
    attempt = Attempt.objects.select_for_update().select_related("sitting__plan").get(pk=attempt.pk)
    if attempt.state in FINISHED:
        return attempt
    if attempt.state not in (AttemptState.IN_PROGRESS, AttemptState.PAUSED):
        raise ServiceError(_("Bài làm chưa bắt đầu."), code="not_started")
    assert attempt.deadline is not None
    if now > attempt.deadline + _grace(attempt):
        return _finish(attempt, AttemptState.EXPIRED, attempt.deadline)
    return _finish(attempt, AttemptState.SUBMITTED, now)


def attempts_expire(*, now: dt.datetime | None = None, **filters: Any) -> int:
    """Close every running attempt whose deadline and grace have passed; return how many.

    Runs from the proctor console, the candidate's state poll and ``sathach worker``; each
    attempt is closed in its own transaction, so one failure does not hold up the others.
    """
    now = now or timezone.now()
    due = Attempt.objects.filter(
        state__in=(AttemptState.IN_PROGRESS,), deadline__isnull=False, **filters
    ).select_related("sitting__plan")
    closed = 0
    for attempt in due:
        if attempt.deadline is None or now <= attempt.deadline + _grace(attempt):
            continue
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
            if locked.state != AttemptState.IN_PROGRESS or locked.deadline is None:
                continue
            locked.sitting = attempt.sitting
            _finish(locked, AttemptState.EXPIRED, locked.deadline)
            closed += 1
    return closed


def ledger_lines(attempt: Attempt) -> list[dict[str, Any]]:
    """Return the attempt's time ledger: its own timestamps and the recorded entries, in order."""
    lines: list[dict[str, Any]] = []
    own = (
        (LedgerKind.CHECK_IN, attempt.checked_in_at),
        (LedgerKind.START, attempt.started_at),
    )
    for kind, at in own:
        if at is not None:
            lines.append(
                {
                    "kind": kind,
                    "label": kind.label,
                    "at": at,
                    "seconds": 0,
                    "actor": "",
                    "reason": "",
                }
            )
    for entry in LedgerEntry.objects.filter(attempt=attempt).select_related("actor"):
        lines.append(
            {
                "kind": entry.kind,
                "label": entry.get_kind_display(),
                "at": entry.at,
                "seconds": entry.seconds,
                "actor": str(entry.actor) if entry.actor else "",
                "reason": entry.reason,
            }
        )
    if attempt.finished_at is not None and attempt.state in (
        AttemptState.SUBMITTED,
        AttemptState.EXPIRED,
    ):
        kind = LedgerKind.SUBMIT if attempt.state == AttemptState.SUBMITTED else LedgerKind.EXPIRE
        lines.append(
            {
                "kind": kind,
                "label": kind.label,
                "at": attempt.finished_at,
                "seconds": 0,
                "actor": "",
                "reason": "",
            }
        )
    lines.sort(key=lambda line: line["at"])
    return lines


def score_points(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
