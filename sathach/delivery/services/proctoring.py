"""What a proctor does: start, pause, resume and extend a room or one candidate; allow a
device change or a late entry; record incidents and sanctions; void an attempt.

Every action names who and why, goes into the time ledger of each attempt it touches and into
the audit log, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.lib.text import nfc
from sathach.plans.services.common import clean_reason

from ..constants import BASIS_SANCTIONS, FINISHED, AttemptState, LedgerKind, RoomState, Sanction
from ..models import Attempt, Incident, LedgerEntry, RoomSession
from .candidate import attempts_expire
from .common import plan_profile, require_proctor, seconds_of


def _reason(reason: str) -> str:
    return clean_reason(nfc(reason or ""), _("Hãy ghi lý do."))


def _ledger(
    attempts: Iterable[Attempt],
    kind: str,
    *,
    actor: Any,
    now: dt.datetime,
    reason: str,
    seconds: int = 0,
) -> None:
    LedgerEntry.objects.bulk_create(
        LedgerEntry(
            attempt=a,
            kind=kind,
            at=now,
            seconds=seconds,
            actor=actor,
            reason=reason,
            deadline=a.deadline,
        )
        for a in attempts
    )


def _locked_session(session: RoomSession) -> RoomSession:
    return (
        RoomSession.objects.select_for_update()
        .select_related("sitting__plan", "room")
        .get(pk=session.pk)
    )


def _locked_attempt(attempt: Attempt) -> Attempt:
    return (
        Attempt.objects.select_for_update()
        .select_related("session__room", "sitting__plan", "candidate__person")
        .get(pk=attempt.pk)
    )


def _audit(actor: Any, action: str, target: Any, plan: Any, **data: Any) -> None:
    audit_record(
        actor=actor, action=action, target=target, data=data, profile=plan_profile(plan).ref
    )


@transaction.atomic
def room_start(*, actor: Any, session: RoomSession, now: dt.datetime | None = None) -> RoomSession:
    """Let the room's checked-in candidates start (the proctor's "Bắt đầu làm bài")."""
    now = now or timezone.now()
    session = _locked_session(session)
    require_proctor(actor, session)
    if session.state != RoomState.WAITING:
        raise ServiceError(_("Phòng thi đã bắt đầu."), code="room_started")
    session.state = RoomState.RUNNING
    session.started_at = now
    session.save(update_fields=["state", "started_at", "updated_at"])
    _audit(actor, "delivery.room_start", session, session.sitting.plan, at=now)
    return session


def _running(session: RoomSession) -> list[Attempt]:
    return list(
        Attempt.objects.select_for_update().filter(
            session=session, state__in=(AttemptState.IN_PROGRESS, AttemptState.PAUSED)
        )
    )


@transaction.atomic
def room_pause(
    *, actor: Any, session: RoomSession, reason: str, now: dt.datetime | None = None
) -> RoomSession:
    """Pause the whole room (a power cut, a network failure): every clock in it stops."""
    now = now or timezone.now()
    reason = _reason(reason)
    session = _locked_session(session)
    require_proctor(actor, session)
    if session.state != RoomState.RUNNING:
        raise ServiceError(_("Chỉ tạm dừng được phòng thi đang làm bài."), code="room_state")
    session.state, session.paused_at = RoomState.PAUSED, now
    session.save(update_fields=["state", "paused_at", "updated_at"])
    attempts = [a for a in _running(session) if a.state == AttemptState.IN_PROGRESS]
    for attempt in attempts:
        attempt.state, attempt.paused_at = AttemptState.PAUSED, now
    Attempt.objects.bulk_update(attempts, ["state", "paused_at"])
    _ledger(attempts, LedgerKind.PAUSE, actor=actor, now=now, reason=reason)
    _audit(actor, "delivery.room_pause", session, session.sitting.plan, reason=reason)
    return session


def _resume(attempt: Attempt, now: dt.datetime) -> int:
    assert attempt.paused_at is not None and attempt.deadline is not None
    paused = max(0, int((now - attempt.paused_at).total_seconds()))
    attempt.paused_seconds += paused
    attempt.deadline += dt.timedelta(seconds=paused)
    attempt.state, attempt.paused_at = AttemptState.IN_PROGRESS, None
    return paused


@transaction.atomic
def room_resume(
    *, actor: Any, session: RoomSession, reason: str = "", now: dt.datetime | None = None
) -> RoomSession:
    """Resume the room; every paused attempt gets the paused time back."""
    now = now or timezone.now()
    session = _locked_session(session)
    require_proctor(actor, session)
    if session.state != RoomState.PAUSED or session.paused_at is None:
        raise ServiceError(_("Phòng thi không ở trạng thái tạm dừng."), code="room_state")
    session.paused_seconds += max(0, int((now - session.paused_at).total_seconds()))
    session.state, session.paused_at = RoomState.RUNNING, None
    session.save(update_fields=["state", "paused_at", "paused_seconds", "updated_at"])
    attempts = [a for a in _running(session) if a.state == AttemptState.PAUSED]
    for attempt in attempts:
        _resume(attempt, now)
    Attempt.objects.bulk_update(attempts, ["state", "paused_at", "paused_seconds", "deadline"])
    _ledger(attempts, LedgerKind.RESUME, actor=actor, now=now, reason=nfc(reason or ""))
    _audit(actor, "delivery.room_resume", session, session.sitting.plan)
    return session


@transaction.atomic
def room_extend(
    *,
    actor: Any,
    session: RoomSession,
    seconds: int,
    reason: str,
    now: dt.datetime | None = None,
) -> RoomSession:
    """Give everyone in the room more time, including those not yet started."""
    now = now or timezone.now()
    seconds = seconds_of(seconds)
    reason = _reason(reason)
    session = _locked_session(session)
    require_proctor(actor, session)
    if session.state == RoomState.CLOSED:
        raise ServiceError(_("Phòng thi đã kết thúc ca thi."), code="room_closed")
    session.extra_seconds += seconds
    session.save(update_fields=["extra_seconds", "updated_at"])
    attempts = _running(session)
    for attempt in attempts:
        _add_time(attempt, seconds, personal=False)
    Attempt.objects.bulk_update(attempts, ["deadline"])
    _ledger(attempts, LedgerKind.EXTEND, actor=actor, now=now, reason=reason, seconds=seconds)
    _audit(
        actor, "delivery.room_extend", session, session.sitting.plan, seconds=seconds, reason=reason
    )
    return session


@transaction.atomic
def room_close(*, actor: Any, session: RoomSession, now: dt.datetime | None = None) -> RoomSession:
    """End the room's sitting once every attempt is finished (overdue ones are closed now)."""
    now = now or timezone.now()
    session = _locked_session(session)
    require_proctor(actor, session)
    attempts_expire(now=now, session=session)
    running = Attempt.objects.filter(
        session=session, state__in=(AttemptState.IN_PROGRESS, AttemptState.PAUSED)
    ).count()
    if running:
        raise ServiceError(
            _("Còn %(n)d người đang làm bài: chưa kết thúc được phòng thi.") % {"n": running},
            code="still_running",
        )
    session.state, session.closed_at = RoomState.CLOSED, now
    session.save(update_fields=["state", "closed_at", "updated_at"])
    absent = Attempt.objects.filter(session=session, state=AttemptState.SCHEDULED).count()
    _audit(actor, "delivery.room_close", session, session.sitting.plan, absent=absent)
    return session


def _proctored_attempt(actor: Any, attempt: Attempt) -> Attempt:
    attempt = _locked_attempt(attempt)
    require_proctor(actor, attempt.session)
    return attempt


@transaction.atomic
def attempt_pause(
    *, actor: Any, attempt: Attempt, reason: str, now: dt.datetime | None = None
) -> Attempt:
    """Stop one candidate's clock (their computer failed, they were taken ill)."""
    now = now or timezone.now()
    reason = _reason(reason)
    attempt = _proctored_attempt(actor, attempt)
    if attempt.state != AttemptState.IN_PROGRESS:
        raise ServiceError(_("Chỉ tạm dừng được bài đang làm."), code="attempt_state")
    attempt.state, attempt.paused_at = AttemptState.PAUSED, now
    attempt.save(update_fields=["state", "paused_at", "updated_at"])
    _ledger([attempt], LedgerKind.PAUSE, actor=actor, now=now, reason=reason)
    _audit(actor, "delivery.attempt_pause", attempt, attempt.sitting.plan, reason=reason)
    return attempt


@transaction.atomic
def attempt_resume(
    *, actor: Any, attempt: Attempt, reason: str = "", now: dt.datetime | None = None
) -> Attempt:
    """Restart one candidate's clock; the paused time is given back."""
    now = now or timezone.now()
    attempt = _proctored_attempt(actor, attempt)
    if attempt.state != AttemptState.PAUSED:
        raise ServiceError(_("Bài làm không ở trạng thái tạm dừng."), code="attempt_state")
    if attempt.session.state == RoomState.PAUSED:
        raise ServiceError(
            _("Cả phòng thi đang tạm dừng: hãy cho phòng thi tiếp tục."), code="room_paused"
        )
    paused = _resume(attempt, now)
    attempt.save(update_fields=["state", "paused_at", "paused_seconds", "deadline", "updated_at"])
    _ledger(
        [attempt], LedgerKind.RESUME, actor=actor, now=now, reason=nfc(reason or ""), seconds=paused
    )
    _audit(actor, "delivery.attempt_resume", attempt, attempt.sitting.plan, paused=paused)
    return attempt


def _add_time(attempt: Attempt, seconds: int, *, personal: bool = True) -> None:
    """Push the attempt's deadline back by ``seconds``; personal time also counts on it (a
    room's time is counted on the room, so a later starter gets it too)."""
    if personal:
        attempt.extra_seconds += seconds
    if attempt.deadline is not None:
        attempt.deadline += dt.timedelta(seconds=seconds)


@transaction.atomic
def attempt_extend(
    *,
    actor: Any,
    attempt: Attempt,
    seconds: int,
    reason: str,
    now: dt.datetime | None = None,
) -> Attempt:
    """Give one candidate more time."""
    now = now or timezone.now()
    seconds = seconds_of(seconds)
    reason = _reason(reason)
    attempt = _proctored_attempt(actor, attempt)
    if attempt.state in FINISHED:
        raise ServiceError(_("Bài làm đã kết thúc."), code="finished")
    _add_time(attempt, seconds)
    attempt.save(update_fields=["extra_seconds", "deadline", "updated_at"])
    _ledger([attempt], LedgerKind.EXTEND, actor=actor, now=now, reason=reason, seconds=seconds)
    _audit(
        actor,
        "delivery.attempt_extend",
        attempt,
        attempt.sitting.plan,
        seconds=seconds,
        reason=reason,
    )
    return attempt


@transaction.atomic
def attempt_allow_device_change(
    *, actor: Any, attempt: Attempt, reason: str, now: dt.datetime | None = None
) -> Attempt:
    """Let the candidate check in again on another computer; the old one is locked out then."""
    now = now or timezone.now()
    reason = _reason(reason)
    attempt = _proctored_attempt(actor, attempt)
    if attempt.state in FINISHED or attempt.state == AttemptState.SCHEDULED:
        raise ServiceError(
            _("Chỉ cho phép đổi máy với bài đã vào phòng và chưa kết thúc."), code="attempt_state"
        )
    attempt.device_change_allowed = True
    attempt.save(update_fields=["device_change_allowed", "updated_at"])
    _ledger([attempt], LedgerKind.DEVICE, actor=actor, now=now, reason=reason)
    _audit(actor, "delivery.attempt_device", attempt, attempt.sitting.plan, reason=reason)
    return attempt


@transaction.atomic
def attempt_admit_late(
    *, actor: Any, attempt: Attempt, reason: str, now: dt.datetime | None = None
) -> Attempt:
    """Admit a candidate past the late-arrival limit (force majeure, decided by the Chair)."""
    now = now or timezone.now()
    reason = _reason(reason)
    attempt = _proctored_attempt(actor, attempt)
    if attempt.state != AttemptState.SCHEDULED:
        raise ServiceError(_("Người này đã vào phòng thi."), code="attempt_state")
    attempt.late_admitted = True
    attempt.save(update_fields=["late_admitted", "updated_at"])
    _ledger([attempt], LedgerKind.LATE_ADMIT, actor=actor, now=now, reason=reason)
    _audit(actor, "delivery.attempt_admit_late", attempt, attempt.sitting.plan, reason=reason)
    return attempt


def _void(attempt: Attempt, *, actor: Any, now: dt.datetime, reason: str) -> None:
    attempt.state, attempt.void_reason, attempt.finished_at = AttemptState.VOIDED, reason, now
    attempt.save(update_fields=["state", "void_reason", "finished_at", "updated_at"])
    _ledger([attempt], LedgerKind.VOID, actor=actor, now=now, reason=reason)


@transaction.atomic
def attempt_void(
    *, actor: Any, attempt: Attempt, reason: str, now: dt.datetime | None = None
) -> Attempt:
    """Void an attempt (it has no result); the reason is kept on it and in the ledger."""
    now = now or timezone.now()
    reason = _reason(reason)
    attempt = _proctored_attempt(actor, attempt)
    if attempt.state == AttemptState.VOIDED:
        raise ServiceError(_("Bài làm đã bị hủy."), code="attempt_state")
    _void(attempt, actor=actor, now=now, reason=reason)
    _audit(actor, "delivery.attempt_void", attempt, attempt.sitting.plan, reason=reason)
    return attempt


def sanction_deduction(profile: Any, sanction: str) -> tuple[Decimal, str]:
    """Return the score deduction of ``sanction`` and its basis, from the rule profile."""
    key = {
        Sanction.REPRIMAND: "sanction_reprimand_deduction_percent",
        Sanction.WARNING: "sanction_warning_deduction_percent",
    }.get(Sanction(sanction))
    if key is None:
        return Decimal(0), BASIS_SANCTIONS
    return Decimal(str(profile.value(key))), profile.basis(key)


@transaction.atomic
def incident_record(
    *,
    actor: Any,
    attempt: Attempt,
    sanction: str,
    description: str,
    credit_minutes: int = 0,
    now: dt.datetime | None = None,
) -> Incident:
    """Record an incident or a violation (biên bản) and apply its sanction (domain.md §1.5).

    Reprimand and warning deduct the profile's percentage from the paper's score; expulsion and
    cancellation void the attempt (expulsion also bars the candidate's later papers). A credit
    gives back time lost to a machine failure.
    """
    now = now or timezone.now()
    if sanction not in Sanction.values:
        raise ServiceError(_("Hình thức xử lý không hợp lệ."), code="bad_sanction")
    description = clean_reason(nfc(description or ""), _("Hãy ghi nội dung vi phạm, sự cố."))
    credit = seconds_of(int(credit_minutes or 0) * 60, allow_zero=True)
    attempt = _proctored_attempt(actor, attempt)
    if attempt.state == AttemptState.SCHEDULED:
        raise ServiceError(_("Người này chưa vào phòng thi."), code="attempt_state")
    profile = plan_profile(attempt.sitting.plan)
    deduction, basis = sanction_deduction(profile, sanction)
    incident = Incident.objects.create(
        attempt=attempt,
        sanction=sanction,
        description=description,
        credit_seconds=credit,
        deduction_percent=deduction,
        basis=basis,
        profile=profile.ref,
        recorded_by=actor,
    )
    if credit and attempt.state not in FINISHED:
        _add_time(attempt, credit)
        attempt.save(update_fields=["extra_seconds", "deadline", "updated_at"])
        _ledger(
            [attempt], LedgerKind.CREDIT, actor=actor, now=now, reason=description, seconds=credit
        )
    if (
        sanction in (Sanction.EXPULSION, Sanction.CANCELLED)
        and attempt.state != AttemptState.VOIDED
    ):
        _void(attempt, actor=actor, now=now, reason=f"{Sanction(sanction).label}: {description}")
    audit_record(
        actor=actor,
        action="delivery.incident_record",
        target=incident,
        data={
            "attempt": attempt.pk,
            "sanction": sanction,
            "credit": credit,
            "deduction": str(deduction),
        },
        profile=profile.ref,
    )
    return incident
