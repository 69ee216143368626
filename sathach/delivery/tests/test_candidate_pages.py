"""The candidate's pages: check-in (code or personal login), the exam page, item images; and
what the page and the exam API send to a candidate (never the key, never another attempt)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import reverse

from sathach.accounts.constants import Role
from sathach.bank.models import Asset, ItemVersion
from sathach.bank.testing import tiny_png
from sathach.core.testing import TEST_PASSWORD, make_user
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response
from sathach.delivery.selectors import attempt_for_token
from sathach.delivery.services import attempt_check_in, room_start
from sathach.delivery.testing import make_exam
from sathach.delivery.views_candidate import ATTEMPT_COOKIE, ATTEMPT_COOKIE_SALT

pytestmark = pytest.mark.django_db

CHECKIN = "/thi/"
EXAM = "/thi/lam-bai/"
BAD_CODE = "Mã vào phòng thi không đúng. Hãy kiểm tra lại mã trên phiếu."
USED_CODE = (
    "Mã này đã được dùng để vào phòng thi. Muốn làm tiếp trên máy khác, hãy báo giám thị cho phép."
)
# What a bank item's content holds besides option texts: the key, credits, feedback, guides.
KEY_FIELDS = (
    "correct",
    "truth",
    "fraction",
    "answers",
    "numeric",
    "tolerance",
    "case_sensitive",
    "feedback",
    "general_feedback",
    "essay_guide",
)
ITEM_FIELDS = {"id", "number", "kind", "stem", "points", "options"}


@pytest.fixture
def exam():
    return make_exam(3)


def _token(client: Client) -> str:
    """Return the token the client's exam cookie holds, read as the server reads it."""
    request = HttpRequest()
    request.COOKIES[ATTEMPT_COOKIE] = client.cookies[ATTEMPT_COOKIE].value
    return request.get_signed_cookie(ATTEMPT_COOKIE, salt=ATTEMPT_COOKIE_SALT)


def _signed(token: str) -> str:
    response = HttpResponse()
    response.set_signed_cookie(ATTEMPT_COOKIE, token, salt=ATTEMPT_COOKIE_SALT)
    return response.cookies[ATTEMPT_COOKIE].value


def _bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _errors(response) -> str:
    return response.content.decode()


def test_urls_are_named():
    assert reverse("delivery:checkin") == CHECKIN
    assert reverse("delivery:exam") == EXAM


def test_checkin_page_shows_the_code_form_without_signing_in(client, exam):
    response = client.get(CHECKIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="code"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Vào phòng thi bằng mã" in html


def test_checkin_with_a_good_code_sets_the_exam_cookie_and_opens_the_exam_page(client, exam):
    attempt = exam.attempts()[0]
    typed = attempt.checkin_code.lower()[:4] + "-" + attempt.checkin_code.lower()[4:]
    response = client.post(CHECKIN, {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == EXAM
    morsel = response.cookies[ATTEMPT_COOKIE]
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "Strict"
    assert morsel["path"] == CHECKIN
    assert int(morsel["max-age"]) == 8 * 3600
    token = _token(client)
    assert attempt_for_token(token).pk == attempt.pk
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.CHECKED_IN

    page = client.get(EXAM)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'data-token="{token}"' in html
    assert 'data-api="/api/v1/exam/"' in html
    assert attempt.candidate.person.full_name in html
    assert attempt.candidate.number in html
    assert exam.part.name in html
    assert "Chờ giám thị cho bắt đầu" in html
    assert page["Cache-Control"] == "no-store"


def test_exam_page_has_no_inline_script_or_style(client, exam):
    client.post(CHECKIN, {"code": exam.attempts()[0].checkin_code})
    html = client.get(EXAM).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the page loads its script"
    for tag in scripts:
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "/static/delivery/exam.js" in html
    assert "/static/delivery/exam.css" in html
    assert " style=" not in html and "<style" not in html
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), "no inline event handler"
    strings = json.loads(re.search(r'id="exam-strings"[^>]*>(.*?)</script>', html, re.S)[1])
    assert strings["saved"] == "Đã lưu"
    assert strings["unsent"] == "Chưa gửi được — sẽ gửi lại"


def test_checkin_with_a_bad_code_is_refused(client, exam):
    response = client.post(CHECKIN, {"code": "ZZZZ9999"})
    assert response.status_code == 400
    assert BAD_CODE in _errors(response)
    assert ATTEMPT_COOKIE not in response.cookies


def test_checkin_with_an_empty_or_silly_code_is_refused_without_crashing(client, exam):
    response = client.post(CHECKIN, {"code": "   "})
    assert response.status_code == 400
    assert "Hãy nhập mã vào phòng thi in trên phiếu." in _errors(response)
    response = client.post(CHECKIN, {})
    assert response.status_code == 400
    response = client.post(CHECKIN, {"code": "x" * 5000})
    assert response.status_code == 400
    assert BAD_CODE in _errors(response)
    response = client.post(CHECKIN, {"code": "'; DROP TABLE --\x00"})
    assert response.status_code == 400
    response = client.post(CHECKIN, {"attempt": "abc"})
    assert response.status_code == 400
    assert "Không tìm thấy bài làm của bạn trong ca thi đang mở." in _errors(response)


def test_checkin_with_a_used_code_is_refused(client, exam):
    code = exam.attempts()[0].checkin_code
    assert client.post(CHECKIN, {"code": code}).status_code == 302
    other = Client()
    response = other.post(CHECKIN, {"code": code})
    assert response.status_code == 400
    assert USED_CODE in _errors(response)
    assert ATTEMPT_COOKIE not in response.cookies


def test_checkin_form_needs_the_csrf_token(exam):
    client = Client(enforce_csrf_checks=True)
    response = client.post(CHECKIN, {"code": exam.attempts()[0].checkin_code})
    assert response.status_code == 403
    assert Attempt.objects.filter(state=AttemptState.CHECKED_IN).count() == 0


def test_exam_page_needs_the_exam_cookie(client, exam):
    response = client.get(EXAM)
    assert response.status_code == 302
    assert response["Location"] == CHECKIN
    client.cookies[ATTEMPT_COOKIE] = "not-signed"
    assert client.get(EXAM)["Location"] == CHECKIN
    # A correctly signed cookie whose token opens nothing.
    attempt = exam.attempts()[0]
    client.cookies[ATTEMPT_COOKIE] = _signed(f"{attempt.pk}.guessed-secret")
    assert client.get(EXAM)["Location"] == CHECKIN


def test_a_signed_in_candidate_checks_in_on_their_own_attempt_without_a_code(client, exam):
    mine, theirs = exam.attempts()[:2]
    user = make_user("thisinh1", Role.CANDIDATE, person=mine.candidate.person)
    assert client.login(username=user.username, password=TEST_PASSWORD)
    page = client.get(CHECKIN)
    html = page.content.decode()
    assert f'name="attempt" value="{mine.pk}"' in html
    assert f'name="attempt" value="{theirs.pk}"' not in html
    assert exam.part.name in html

    refused = client.post(CHECKIN, {"attempt": theirs.pk})
    assert refused.status_code == 400
    assert "Không tìm thấy bài làm của bạn trong ca thi đang mở." in _errors(refused)
    theirs.refresh_from_db()
    assert theirs.state == AttemptState.SCHEDULED

    response = client.post(CHECKIN, {"attempt": mine.pk})
    assert response.status_code == 302
    assert response["Location"] == EXAM
    assert attempt_for_token(_token(client)).pk == mine.pk
    # Back on /thi/ with the cookie: carry on, no second check-in.
    assert "Tiếp tục làm bài" in client.get(CHECKIN).content.decode()
    again = client.post(CHECKIN, {"attempt": mine.pk})
    assert again.status_code == 302
    assert again["Location"] == EXAM


def test_a_second_personal_checkin_from_another_browser_is_refused(exam):
    mine = exam.attempts()[0]
    user = make_user("thisinh1", Role.CANDIDATE, person=mine.candidate.person)
    first, second = Client(), Client()
    for client in (first, second):
        assert client.login(username=user.username, password=TEST_PASSWORD)
    assert first.post(CHECKIN, {"attempt": mine.pk}).status_code == 302
    response = second.post(CHECKIN, {"attempt": mine.pk})
    assert response.status_code == 400
    assert USED_CODE in _errors(response)


def _started(client: Client, exam, index: int = 0) -> tuple[Attempt, str, dict]:
    attempt = exam.attempts()[index]
    client.post(CHECKIN, {"code": attempt.checkin_code})
    token = _token(client)
    if exam.session.state == "waiting":
        room_start(actor=exam.proctors[0], session=exam.session)
        exam.session.refresh_from_db()
    response = client.post("/api/v1/exam/start", **_bearer(token))
    assert response.status_code == 200, response.content
    return attempt, token, response.json()


def test_start_json_and_exam_page_never_carry_the_answer_key(client, exam):
    attempt, token, data = _started(client, exam)
    assert len(data["items"]) == 7
    for item in data["items"]:
        assert set(item) <= ITEM_FIELDS, item
    items_text = json.dumps(data["items"], ensure_ascii=False)
    whole_text = json.dumps(data, ensure_ascii=False)
    for field in KEY_FIELDS:
        assert f'"{field}":' not in items_text, field
    assert set(data) - {"answers"} >= {"items", "part", "deadline", "server_time"}
    # The accepted short answer and the key positions are nowhere in the response.
    assert "Hà Nội" not in whole_text
    versions = ItemVersion.objects.in_bulk(attempt.form.items)
    for vid in attempt.form.items:
        for field in KEY_FIELDS:
            if field in versions[vid].content:
                assert f'"{field}":' not in items_text

    page = client.get(EXAM).content.decode()
    for field in KEY_FIELDS:
        assert f'"{field}":' not in page, field
    assert "Hà Nội" not in page
    state = client.get("/api/v1/exam/state", **_bearer(token)).content.decode()
    for field in KEY_FIELDS:
        assert f'"{field}":' not in state, field


def test_start_json_carries_only_the_candidates_own_answers(client, exam):
    other_client = Client()
    attempt, token, data = _started(client, exam, 0)
    other, other_token, other_data = _started(other_client, exam, 1)
    item = other.layout["items"][other.layout["kinds"].index("single")]
    saved = other_client.post(
        "/api/v1/exam/answers",
        {"item": item, "answer": {"choice": 1}, "seq": 1},
        content_type="application/json",
        **_bearer(other_token),
    )
    assert saved.status_code == 200, saved.content
    again = client.post("/api/v1/exam/start", **_bearer(token)).json()
    assert again["answers"] == {}
    assert [i["id"] for i in again["items"]] == attempt.layout["items"]


def test_a_token_for_one_attempt_cannot_save_to_another(client, exam):
    mine, token, _ = _started(client, exam, 0)
    theirs, their_token, _ = _started(Client(), exam, 1)
    secret = token.partition(".")[2]
    forged = f"{theirs.pk}.{secret}"
    item = theirs.layout["items"][0]
    response = client.post(
        "/api/v1/exam/answers",
        {"item": item, "answer": {"choice": 0}, "seq": 5},
        content_type="application/json",
        **_bearer(forged),
    )
    assert response.status_code == 401
    assert client.get("/api/v1/exam/state", **_bearer(forged)).status_code == 401
    assert client.post("/api/v1/exam/start", **_bearer(forged)).status_code == 401
    submit = client.post(
        "/api/v1/exam/submit",
        {"confirm": True},
        content_type="application/json",
        **_bearer(forged),
    )
    assert submit.status_code == 401
    assert not Response.objects.filter(attempt=theirs).exists()
    # Their item, with my own token, is not on my form.
    foreign = [i for i in theirs.layout["items"] if i not in mine.layout["items"]]
    if foreign:
        refused = client.post(
            "/api/v1/exam/answers",
            {"item": foreign[0], "answer": {"choice": 0}, "seq": 6},
            content_type="application/json",
            **_bearer(token),
        )
        assert refused.status_code == 400
        assert refused.json()["detail"] == "Câu hỏi không có trong đề của bạn."
    assert not Response.objects.filter(attempt=theirs).exists()


def test_the_exam_cookie_is_not_an_api_credential(client, exam):
    _started(client, exam, 0)
    # The API takes the bearer token only: the cookie (also not sent to /api/) opens nothing.
    assert client.get("/api/v1/exam/state").status_code == 401


def _asset_on(version: ItemVersion, color: tuple[int, int, int]) -> Asset:
    content = tiny_png(color)
    sha = hashlib.sha256(content).hexdigest()
    asset = Asset.objects.create(
        sha256=sha, name=f"{sha[:8]}.png", mime="image/png", size=len(content), content=content
    )
    version.assets.add(asset)
    return asset


def test_item_images_are_served_only_from_the_candidates_own_form(client, exam):
    mine, theirs = exam.attempts()[:2]
    only_theirs = [i for i in theirs.form.items if i not in mine.form.items]
    assert only_theirs, "make_exam gives neighbours different forms"
    own = _asset_on(ItemVersion.objects.get(pk=mine.form.items[0]), (10, 200, 10))
    foreign = _asset_on(ItemVersion.objects.get(pk=only_theirs[0]), (10, 10, 200))
    anonymous = Client()
    assert anonymous.get(reverse("delivery:asset", args=[own.sha256])).status_code == 404

    client.post(CHECKIN, {"code": mine.checkin_code})
    response = client.get(reverse("delivery:asset", args=[own.sha256]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert bytes(response.content) == bytes(own.content)
    assert client.get(reverse("delivery:asset", args=[foreign.sha256])).status_code == 404
    assert client.get(reverse("delivery:asset", args=["0" * 64])).status_code == 404


def test_a_device_change_allowed_by_the_proctor_lets_the_code_in_again(client, exam):
    from sathach.delivery.services import attempt_allow_device_change

    attempt, token, _ = _started(client, exam, 0)
    attempt_allow_device_change(
        actor=exam.proctors[0], attempt=attempt, reason="Máy tính hỏng, chuyển sang máy số 5"
    )
    other = Client()
    response = other.post(CHECKIN, {"code": attempt.checkin_code})
    assert response.status_code == 302
    new_token = _token(other)
    assert new_token != token
    assert other.get(EXAM).status_code == 200
    # The old computer is locked out.
    assert client.get(EXAM)["Location"] == CHECKIN
    assert client.get("/api/v1/exam/state", **_bearer(token)).status_code == 401


def test_checkin_page_offers_to_carry_on_only_while_the_attempt_is_open(client, exam):
    attempt, token, _ = _started(client, exam, 0)
    assert "Tiếp tục làm bài" in client.get(CHECKIN).content.decode()
    done = client.post(
        "/api/v1/exam/submit",
        {"confirm": True},
        content_type="application/json",
        **_bearer(token),
    )
    assert done.status_code == 200
    assert "Tiếp tục làm bài" not in client.get(CHECKIN).content.decode()


def test_service_checkin_of_a_finished_attempt_is_refused_on_the_page(client, exam):
    attempt, token, _ = _started(client, exam, 0)
    client.post(
        "/api/v1/exam/submit",
        {"confirm": True},
        content_type="application/json",
        **_bearer(token),
    )
    response = Client().post(CHECKIN, {"code": attempt.checkin_code})
    assert response.status_code == 400
    assert "Bài làm này đã kết thúc." in _errors(response)
    with pytest.raises(Exception, match="Bài làm này đã kết thúc."):
        attempt_check_in(code=attempt.checkin_code)
