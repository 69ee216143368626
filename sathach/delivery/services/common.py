"""What the delivery services share: tokens, deadlines, the proctor guard, late-arrival rules."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import Any

from django.utils.translation import gettext as _

from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.rules.profiles import RuleProfile
from sathach.plans.constants import Board
from sathach.plans.models import Plan, ProctorAssignment
from sathach.plans.permissions import plan_permissions

from ..models import Attempt, RoomSession

# Check-in codes: no 0/O, 1/I/L, so a code read aloud or off a slip is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """Return ``code`` as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_new(attempt: Attempt) -> str:
    """Give ``attempt`` a new bearer token (``<attempt id>.<secret>``) and return it.

    The caller saves ``token_hash``; only the hash is stored.
    """
    secret = secrets.token_urlsafe(32)
    attempt.token_hash = token_hash(secret)
    return f"{attempt.pk}.{secret}"


def token_matches(attempt: Attempt, secret: str) -> bool:
    return bool(attempt.token_hash) and hmac.compare_digest(attempt.token_hash, token_hash(secret))


def plan_profile(plan: Plan) -> RuleProfile:
    return profiles.get(plan.exam_profile)


def deadline_at_start(session: RoomSession, minutes: int, attempt: Attempt) -> dt.datetime:
    """Return the deadline of an attempt that starts now in a running room.

    Everyone in a room ends together (a late starter loses the minutes they missed, as on
    paper); room and personal pauses and extensions push it back.
    """
    assert session.started_at is not None
    return session.started_at + dt.timedelta(
        seconds=minutes * 60
        + session.paused_seconds
        + session.extra_seconds
        + attempt.paused_seconds
        + attempt.extra_seconds
    )


def late_limit_minutes(profile: RuleProfile, part_minutes: int) -> tuple[int, str]:
    """Return how many minutes after the room starts a candidate may still check in, and why.

    TT 001/2025/TT-BNV, Nội quy thi: 5 minutes for parts of 30 minutes or less, 10 for longer
    parts (TT 06/2020/TT-BNV allowed 30 for all); the profile holds the numbers.
    """
    if part_minutes <= profile.value("short_part_max_minutes"):
        key = "late_arrival_minutes_short_part"
    else:
        key = "late_arrival_minutes_long_part"
    return int(profile.value(key)), profile.basis(key)


def can_proctor(actor: Any, session: RoomSession) -> bool:
    """Return whether ``actor`` may run ``session``: its proctors, or who administers the plan.

    Members of Ban giám sát see the console but change nothing (domain.md §1.1).
    """
    plan = session.sitting.plan
    access = plan_permissions(actor, plan)
    if access.write:
        return True
    return ProctorAssignment.objects.filter(
        sitting_id=session.sitting_id, room_id=session.room_id, membership__user=actor
    ).exists()


def can_watch(actor: Any, session: RoomSession) -> bool:
    """Return whether ``actor`` may see ``session``'s console: its proctors, who administers
    the plan, and members of Ban giám sát."""
    if can_proctor(actor, session):
        return True
    return Board.SUPERVISION in plan_permissions(actor, session.sitting.plan).boards


def require_proctor(actor: Any, session: RoomSession) -> None:
    if actor is None or can_proctor(actor, session):
        return
    raise PermissionDeniedError(
        _("Bạn không phải giám thị của phòng thi “%(r)s” trong ca thi này.")
        % {"r": session.room.name},
        code="not_proctor",
    )


def seconds_of(value: Any, *, allow_zero: bool = False) -> int:
    """Return ``value`` as a whole number of seconds, refusing nonsense (negative, > 4 hours)."""
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        raise ServiceError(_("Số phút không hợp lệ."), code="bad_seconds") from None
    if seconds < 0 or (seconds == 0 and not allow_zero) or seconds > 4 * 3600:
        raise ServiceError(
            _("Thời gian cộng thêm phải từ 1 phút đến 240 phút."), code="bad_seconds"
        )
    return seconds
