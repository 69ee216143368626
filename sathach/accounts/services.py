"""Writes on users, role assignments and sign-in."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.lib.text import clean_name, nfc

from .constants import Role
from .models import LoginThrottle, RoleAssignment, User


def client_ip(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return str(request.META.get("REMOTE_ADDR", ""))[:45]


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    full_name: str = "",
    email: str = "",
    person: Any = None,
    validate: bool = True,
) -> User:
    """Create a user with an Argon2-hashed password."""
    username = nfc(username)
    if not username:
        raise ServiceError(_("Tên đăng nhập không được để trống."), code="username_required")
    if User.objects.filter(username__iexact=username).exists():
        raise ServiceError(
            _("Tên đăng nhập “%(u)s” đã tồn tại.") % {"u": username}, code="username_taken"
        )
    user = User(username=username, full_name=clean_name(full_name), email=nfc(email), person=person)
    if validate:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ServiceError(" ".join(exc.messages), code="weak_password") from exc
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(
        actor=actor, action="accounts.user_create", target=user, data={"username": username}
    )
    return user


@transaction.atomic
def role_assign(
    *, actor: Any, user: User, role: str, unit: Any = None, plan_id: int | None = None
) -> RoleAssignment:
    """Give ``user`` the ``role`` over a unit subtree or a plan."""
    if role not in Role.values:
        raise ServiceError(_("Vai trò không hợp lệ: %(r)s") % {"r": role}, code="bad_role")
    if unit is None and plan_id is None and role != Role.CANDIDATE:
        raise ServiceError(
            _("Vai trò phải gắn với một đơn vị hoặc một kế hoạch."), code="scope_required"
        )
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, unit=unit, plan_id=plan_id, defaults={"is_active": True}
    )
    if not created and not assignment.is_active:
        assignment.is_active = True
        assignment.save(update_fields=["is_active", "updated_at"])
    audit_record(
        actor=actor,
        action="accounts.role_assign",
        target=user,
        data={"role": role, "unit": getattr(unit, "code", None), "plan_id": plan_id},
    )
    return assignment


@transaction.atomic
def role_revoke(*, actor: Any, assignment: RoleAssignment) -> None:
    assignment.is_active = False
    assignment.save(update_fields=["is_active", "updated_at"])
    audit_record(
        actor=actor,
        action="accounts.role_revoke",
        target=assignment.user,
        data={
            "role": assignment.role,
            "unit": getattr(assignment.unit, "code", None),
            "plan_id": assignment.plan_id,
        },
    )


class LoginRefusedError(ServiceError):
    """Sign-in refused: wrong credentials or locked out (message is for the user)."""


def _lock_message(until: dt.datetime) -> str:
    # Whole minutes still to wait, rounded up: a fresh 15-minute lock says 15, not 16.
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return _(
        "Tài khoản tạm thời bị khóa do đăng nhập sai quá nhiều lần. "
        "Vui lòng thử lại sau %(m)d phút."
    ) % {"m": minutes}


def login_attempt(*, request: HttpRequest | None, username: str, password: str) -> User:
    """Check credentials, with a lock-out after repeated failures for one user name.

    The counter is kept per user name whether or not the account exists, so the lock-out does
    not reveal which names are real. A failure is committed before it is reported, so the
    count survives the refusal.
    """
    key = nfc(username).lower()[:150]
    with transaction.atomic():
        now = timezone.now()
        throttle, _created = LoginThrottle.objects.select_for_update().get_or_create(username=key)
        if throttle.locked_until and throttle.locked_until > now:
            refusal = LoginRefusedError(_lock_message(throttle.locked_until), code="locked")
            user = None
            # Guessing during a lock leaves a trace too (the password is not even checked).
            audit_record(
                actor=None,
                action="accounts.login_refused_locked",
                data={"username": key},
                ip=client_ip(request),
            )
        else:
            user = authenticate(request, username=nfc(username), password=password)
            refusal = None
            if user is None:
                throttle.failures += 1
                throttle.last_failure_at = now
                locked = throttle.failures >= settings.SATHACH_LOGIN_MAX_FAILURES
                if locked:
                    throttle.locked_until = now + dt.timedelta(
                        minutes=settings.SATHACH_LOGIN_LOCK_MINUTES
                    )
                    throttle.failures = 0
                throttle.save()
                audit_record(
                    actor=None,
                    action="accounts.login_locked" if locked else "accounts.login_failed",
                    data={"username": key},
                    ip=client_ip(request),
                )
                if locked and throttle.locked_until:
                    refusal = LoginRefusedError(_lock_message(throttle.locked_until), code="locked")
                else:
                    refusal = LoginRefusedError(
                        _("Tên đăng nhập hoặc mật khẩu không đúng."), code="bad_credentials"
                    )
            else:
                throttle.failures = 0
                throttle.locked_until = None
                throttle.save()
                audit_record(
                    actor=user, action="accounts.login", target=user, ip=client_ip(request)
                )
    if refusal is not None:
        raise refusal
    assert user is not None
    return user
