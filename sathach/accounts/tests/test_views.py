"""The login page, its lock-out, and the POST-only logout."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from unittest.mock import patch

import pytest
from django.test import Client
from django.urls import reverse

from sathach.accounts.models import User
from sathach.audit.models import AuditEvent
from sathach.core.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN_URL = "/tai-khoan/dang-nhap/"
LOGOUT_URL = "/tai-khoan/dang-xuat/"
BAD_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."
LOCKED_15 = (
    "Tài khoản tạm thời bị khóa do đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."
)
_ALERT = re.compile(r'<div class="errors" role="alert">(.*?)</div>', re.S)


@pytest.fixture
def officer() -> User:
    return make_user("canbo")


@pytest.fixture
def frozen_now() -> Iterator[dt.datetime]:
    now = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
    with patch("sathach.accounts.services.timezone.now", return_value=now) as fake:
        yield fake


def alert(response) -> str:
    """Return the text of the page's error box ("" when there is none)."""
    match = _ALERT.search(response.content.decode())
    return match.group(1) if match else ""


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def post_login(client: Client, username: str, password: str, **extra: str):
    return client.post(LOGIN_URL, {"username": username, "password": password, **extra})


def test_urls_are_the_vietnamese_paths():
    assert reverse("accounts:login") == LOGIN_URL
    assert reverse("accounts:logout") == LOGOUT_URL


def test_login_page_shows_the_form(client):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    assert alert(response) == ""


def test_right_password_signs_in_and_goes_home(client, officer):
    response = post_login(client, "canbo", TEST_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    assert signed_in_user_id(client) == str(officer.pk)


def test_wrong_password_shows_the_message_and_does_not_sign_in(client, officer):
    response = post_login(client, "canbo", "sai-mat-khau")
    assert response.status_code == 200
    assert alert(response) == BAD_CREDENTIALS
    assert signed_in_user_id(client) is None


def test_unknown_user_name_gets_the_same_message(client, officer):
    assert alert(post_login(client, "khong-ton-tai", "sai-mat-khau")) == BAD_CREDENTIALS


def test_fifth_wrong_password_locks_and_then_the_right_one_is_refused(client, officer, frozen_now):
    alerts = [alert(post_login(client, "canbo", "sai-mat-khau")) for _ in range(5)]
    assert alerts == [BAD_CREDENTIALS] * 4 + [LOCKED_15]
    response = post_login(client, "canbo", TEST_PASSWORD)
    assert (response.status_code, alert(response)) == (200, LOCKED_15)
    assert signed_in_user_id(client) is None


def test_right_password_works_on_the_page_after_the_lock_period(client, officer, frozen_now):
    for _ in range(5):
        post_login(client, "canbo", "sai-mat-khau")
    frozen_now.return_value += dt.timedelta(minutes=15)
    response = post_login(client, "canbo", TEST_PASSWORD)
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(officer.pk)


def test_safe_next_is_followed_after_sign_in(client, officer):
    response = post_login(client, "canbo", TEST_PASSWORD, next="/to-chuc/cong-chuc/")
    assert response["Location"] == "/to-chuc/cong-chuc/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "http:/x"])
def test_next_to_another_site_is_ignored(client, officer, target):
    response = post_login(client, "canbo", TEST_PASSWORD, next=target)
    assert response["Location"] == "/"


def test_signed_in_user_opening_the_login_page_goes_home(client, officer):
    client.force_login(officer)
    response = client.get(LOGIN_URL)
    assert response.status_code == 302 and response["Location"] == "/"


def test_logout_by_get_is_refused_and_keeps_the_session(client, officer):
    client.force_login(officer)
    response = client.get(LOGOUT_URL)
    assert response.status_code == 405
    assert signed_in_user_id(client) == str(officer.pk)
    assert not AuditEvent.objects.filter(action="accounts.logout").exists()


def test_logout_by_post_signs_out_and_is_audited(client, officer):
    client.force_login(officer)
    response = client.post(LOGOUT_URL)
    assert response.status_code == 302 and response["Location"] == LOGIN_URL
    assert signed_in_user_id(client) is None
    event = AuditEvent.objects.get(action="accounts.logout")
    assert event.actor_id == officer.pk
    assert client.get("/").status_code == 302  # home now asks to sign in


def test_logout_form_on_every_page_posts_with_a_csrf_token(client, officer):
    client.force_login(officer)
    html = client.get("/").content.decode()
    form = re.search(
        r'<form method="post" action="/tai-khoan/dang-xuat/"[^>]*>(.*?)</form>', html, re.S
    )
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group(1)
