"""Sign-in and its lock-out (accounts.services.login_attempt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from unittest.mock import patch

import pytest
from django.test import RequestFactory

from sathach.accounts.models import LoginThrottle, User
from sathach.accounts.services import LoginRefusedError, login_attempt
from sathach.audit.models import AuditEvent
from sathach.core.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db

BAD_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."
START = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)


def locked(minutes: int) -> str:
    return (
        "Tài khoản tạm thời bị khóa do đăng nhập sai quá nhiều lần. "
        f"Vui lòng thử lại sau {minutes} phút."
    )


class Clock:
    """A settable clock standing in for ``timezone.now`` (the outside world, STYLE habit 9)."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Iterator[Clock]:
    fake = Clock(START)
    with patch("sathach.accounts.services.timezone.now", fake):
        yield fake


@pytest.fixture
def officer() -> User:
    return make_user("canbo")


def attempt(username: str, password: str) -> str:
    """Return the refusal message of one sign-in, or "ok" when it succeeds."""
    request = RequestFactory().post("/tai-khoan/dang-nhap/", REMOTE_ADDR="10.0.0.7")
    try:
        login_attempt(request=request, username=username, password=password)
    except LoginRefusedError as exc:
        return exc.message
    return "ok"


def test_right_password_signs_in(officer):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.7")
    assert login_attempt(request=request, username="canbo", password=TEST_PASSWORD) == officer


def test_five_wrong_passwords_lock_the_account_name(clock, officer):
    messages = [attempt("canbo", "sai-mat-khau") for _ in range(5)]
    assert messages == [BAD_CREDENTIALS] * 4 + [locked(15)]
    # While locked, even the right password is refused with the lock message.
    assert attempt("canbo", TEST_PASSWORD) == locked(15)


def test_lock_message_counts_down_in_whole_minutes(clock, officer):
    for _ in range(5):
        attempt("canbo", "sai-mat-khau")
    clock.advance(minutes=10)
    assert attempt("canbo", TEST_PASSWORD) == locked(5)
    clock.advance(minutes=4, seconds=1)
    assert attempt("canbo", TEST_PASSWORD) == locked(5 - 4)
    clock.advance(seconds=58)  # one second before the end of the lock
    assert attempt("canbo", TEST_PASSWORD) == locked(1)


def test_right_password_works_once_the_lock_period_is_over(clock, officer):
    for _ in range(5):
        attempt("canbo", "sai-mat-khau")
    clock.advance(minutes=15)
    assert attempt("canbo", TEST_PASSWORD) == "ok"
    throttle = LoginThrottle.objects.get(username="canbo")
    assert (throttle.failures, throttle.locked_until) == (0, None)


def test_attempts_while_locked_do_not_extend_the_lock(clock, officer):
    for _ in range(5):
        attempt("canbo", "sai-mat-khau")
    clock.advance(minutes=14)
    assert attempt("canbo", "sai-mat-khau") == locked(1)
    clock.advance(minutes=1)
    assert attempt("canbo", TEST_PASSWORD) == "ok"


def test_success_resets_the_failure_count(clock, officer):
    for _ in range(4):
        attempt("canbo", "sai-mat-khau")
    assert attempt("canbo", TEST_PASSWORD) == "ok"
    messages = [attempt("canbo", "sai-mat-khau") for _ in range(5)]
    assert messages == [BAD_CREDENTIALS] * 4 + [locked(15)]


def test_failures_are_counted_for_an_unknown_user_name_too(clock):
    messages = [attempt("khong-ton-tai", "bat-ky") for _ in range(3)]
    assert messages == [BAD_CREDENTIALS] * 3
    assert LoginThrottle.objects.get(username="khong-ton-tai").failures == 3
    messages = [attempt("khong-ton-tai", "bat-ky") for _ in range(3)]
    assert messages == [BAD_CREDENTIALS, locked(15), locked(15)]


def test_refusals_do_not_reveal_whether_the_account_exists(clock, officer):
    real = [attempt("canbo", "sai-mat-khau") for _ in range(6)]
    unknown = [attempt("khong-ton-tai", "sai-mat-khau") for _ in range(6)]
    assert real == unknown == [BAD_CREDENTIALS] * 4 + [locked(15)] * 2


def test_user_name_case_shares_one_failure_counter(clock, officer):
    for name in ["CanBo", "CANBO", "canbo", "Canbo", "canBO"]:
        attempt(name, "sai-mat-khau")
    assert attempt("canbo", TEST_PASSWORD) == locked(15)


def test_inactive_account_is_refused_like_a_wrong_password(clock, officer):
    officer.is_active = False
    officer.save()
    assert attempt("canbo", TEST_PASSWORD) == BAD_CREDENTIALS


def test_each_failure_the_lock_and_the_sign_in_are_audited(clock, officer):
    for _ in range(5):
        attempt("canbo", "sai-mat-khau")
    attempt("canbo", TEST_PASSWORD)  # refused while locked
    clock.advance(minutes=15)
    attempt("canbo", TEST_PASSWORD)
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.action for e in events] == [
        *["accounts.login_failed"] * 4,
        "accounts.login_locked",
        "accounts.login_refused_locked",
        "accounts.login",
    ]
    for event in events[:6]:
        assert (event.actor_id, event.actor_username) == (None, "system")
        assert (event.data, event.ip) == ({"username": "canbo"}, "10.0.0.7")
    assert events[4].created_at == START
    assert (events[6].actor_id, events[6].target_id) == (officer.pk, str(officer.pk))
    assert events[6].created_at == START + dt.timedelta(minutes=15)


def test_failures_for_an_unknown_user_name_are_audited_under_that_name(clock):
    attempt("Khong-Ton-Tai", "bat-ky")
    event = AuditEvent.objects.get()
    assert (event.action, event.data) == ("accounts.login_failed", {"username": "khong-ton-tai"})
