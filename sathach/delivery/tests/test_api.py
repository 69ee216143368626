"""The exam page's JSON API: what it sends a candidate, and to whom."""

import json

import pytest

from sathach.bank.models import ItemVersion
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response
from sathach.delivery.selectors import attempt_for_token, form_view
from sathach.delivery.services import room_start
from sathach.delivery.testing import key_answer, make_exam

pytestmark = pytest.mark.django_db

API = "/api/v1/exam"


@pytest.fixture
def exam():
    return make_exam(2, minutes=30)


def _post(client, path, token=None, **data):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(f"{API}{path}", json.dumps(data), content_type="application/json", **headers)


def _get(client, path, token):
    return client.get(f"{API}{path}", HTTP_AUTHORIZATION=f"Bearer {token}")


def _checked_in(client, attempt):
    response = _post(client, "/checkin", code=attempt.checkin_code)
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _secrets_of(version):
    """Every piece of the version's key and marking data, as it could appear in JSON."""
    content = version.content
    found = []
    for option in content.get("options", []):
        found.append(f'"correct": {json.dumps(option["correct"])}')
        found.append(f'"fraction": {json.dumps(option["fraction"])}')
    if "truth" in content:
        found.append('"truth"')
    for answer in content.get("answers", []):
        found.append(answer["text"])
    for value in content.get("numeric", []):
        found.append('"tolerance"')
        found.append(f'"value": {json.dumps(value["value"])}')
    return found


def test_check_in_start_save_and_submit_through_the_api(client, exam):
    attempt = exam.attempts()[0]
    token = _checked_in(client, attempt)
    waiting = _get(client, "/state", token).json()
    assert (waiting["state"], waiting["room_state"]) == ("checked_in", "waiting")
    refused = _post(client, "/start", token)
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Giám thị chưa cho bắt đầu làm bài."
    room_start(actor=exam.proctors[0], session=exam.session)
    started = _post(client, "/start", token).json()
    assert [i["id"] for i in started["items"]] == attempt.form.items
    assert started["remaining_s"] > 29 * 60 and started["answers"] == {}
    versions = ItemVersion.objects.in_bulk(attempt.form.items)
    for position, vid in enumerate(attempt.form.items):
        answer = key_answer(versions[vid], attempt.form.option_orders[position])
        saved = _post(client, "/answers", token, item=vid, answer=answer, seq=position + 1)
        assert saved.status_code == 200, saved.content
        assert saved.json()["seq"] == position + 1 and saved.json()["stale"] is False
    reloaded = _post(client, "/start", token).json()
    assert len(reloaded["answers"]) == 7
    unconfirmed = _post(client, "/submit", token)
    assert unconfirmed.json()["detail"] == "Hãy xác nhận nộp bài."
    end = _post(client, "/submit", token, confirm=True).json()
    assert end == {
        "state": "submitted",
        "state_label": "Đã nộp bài",
        "score": 100.0,
        "max_score": 100.0,
        "correct": 7,
        "total": 7,
    }


def test_no_response_to_a_candidate_contains_the_answer_key(client, exam):
    attempt = exam.attempts()[0]
    token = _checked_in(client, attempt)
    room_start(actor=exam.proctors[0], session=exam.session)
    # Compare on decoded text: the JSON on the wire escapes Vietnamese letters.
    body = json.dumps(_post(client, "/start", token).json(), ensure_ascii=False)
    assert "Thủ đô của Việt Nam" in body
    versions = ItemVersion.objects.filter(pk__in=attempt.form.items)
    for version in versions:
        for secret in _secrets_of(version):
            assert secret not in body, (version.kind, secret)
    for field in ("correct", "fraction", "truth", "tolerance", "essay_guide", "feedback"):
        assert f'"{field}"' not in body
    state = json.dumps(_get(client, "/state", token).json(), ensure_ascii=False)
    assert '"correct"' not in state and '"items"' not in state


def test_the_show_score_policy_hides_the_score(client, exam):
    exam.plan.show_score = False
    exam.plan.save(update_fields=["show_score"])
    token = _checked_in(client, exam.attempts()[0])
    room_start(actor=exam.proctors[0], session=exam.session)
    _post(client, "/start", token)
    end = _post(client, "/submit", token, confirm=True).json()
    assert end == {"state": "submitted", "state_label": "Đã nộp bài"}


def test_a_token_opens_its_own_attempt_only(client, exam):
    mine, theirs = exam.attempts()
    token = _checked_in(client, mine)
    _checked_in(client, theirs)
    room_start(actor=exam.proctors[0], session=exam.session)
    secret = token.partition(".")[2]
    forged = f"{theirs.pk}.{secret}"
    assert _post(client, "/start", forged).status_code == 401
    item = theirs.layout["items"][0]
    refused = _post(client, "/answers", forged, item=item, answer={"choice": 0}, seq=1)
    assert refused.status_code == 401
    assert _get(client, "/state", "garbage").status_code == 401
    assert _post(client, "/answers", None, item=item, answer={}, seq=1).status_code == 401
    # Their item is not on my form (forms differ): refused, nothing written.
    _post(client, "/start", token)
    if item not in mine.layout["items"]:
        own = _post(client, "/answers", token, item=item, answer={"choice": 0}, seq=1)
        assert own.json()["detail"] == "Câu hỏi không có trong đề của bạn."
    assert not Response.objects.filter(attempt=theirs).exists()


def test_a_second_device_is_locked_out_until_the_proctor_allows_it(client, exam):
    from sathach.delivery.services import attempt_allow_device_change

    attempt = exam.attempts()[0]
    old = _checked_in(client, attempt)
    second = _post(client, "/checkin", code=attempt.checkin_code)
    assert second.status_code == 400
    attempt_allow_device_change(actor=exam.proctors[0], attempt=attempt, reason="Máy hỏng")
    new = _checked_in(client, attempt)
    assert new != old
    assert _get(client, "/state", old).status_code == 401
    assert _get(client, "/state", new).json()["state"] == AttemptState.CHECKED_IN


@pytest.mark.parametrize(
    "body",
    ["", "null", "[]", '{"item": "x", "answer": {}, "seq": 1}', '{"item": 1}', "{bad json"],
)
def test_malformed_save_bodies_get_a_4xx_not_a_crash(client, exam, body):
    token = _checked_in(client, exam.attempts()[0])
    room_start(actor=exam.proctors[0], session=exam.session)
    _post(client, "/start", token)
    response = client.post(
        f"{API}/answers",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert 400 <= response.status_code < 500


def test_item_views_are_cached_per_version_and_content(client, exam):
    attempt = exam.attempts()[0]
    first = form_view(attempt)
    vid = first[0]["id"]
    # A version's views are reused only while its content hash is the same.
    ItemVersion.objects.filter(pk=vid).update(stem="Câu hỏi đã đổi?", content_hash="0" * 64)
    again = form_view(attempt)
    assert again[0]["stem"] == "Câu hỏi đã đổi?" and first[0]["stem"] != again[0]["stem"]
    assert [i["id"] for i in again] == [i["id"] for i in first]
    # Option order is the form's, applied after the shared view.
    position = attempt.layout["kinds"].index("single")
    version = ItemVersion.objects.get(pk=attempt.form.items[position])
    shown = again[position]["options"]
    order = attempt.form.option_orders[position]
    assert shown == [version.content["options"][i]["text"] for i in order]


def test_the_token_lookup_gives_the_same_attempt_as_the_orm(client, exam):
    token = _checked_in(client, exam.attempts()[0])
    room_start(actor=exam.proctors[0], session=exam.session)
    _post(client, "/start", token)
    found = attempt_for_token(token)
    orm = Attempt.objects.select_related("sitting__plan").get(pk=found.pk)
    for name in ("state", "deadline", "layout", "last_seen_at", "session_id", "form_id"):
        assert getattr(found, name) == getattr(orm, name), name
    assert found.deadline.tzinfo is not None
    assert found.sitting.plan.grace_seconds == orm.sitting.plan.grace_seconds
    assert found.sitting.duration_minutes == 30
    # Fields not read are deferred, and load on access.
    assert found.checkin_code == orm.checkin_code
    assert attempt_for_token(token.replace(".", ".x", 1)) is None
    assert attempt_for_token("99999999.abc") is None
    assert attempt_for_token("1" * 40 + ".abc") is None


def test_the_start_burst_reads_each_row_once(client, exam, django_assert_max_num_queries):
    """The synchronised start of a whole sitting is the load peak (docs/BENCHMARKS.md): a
    start reads the token's row, the room, the part's name, the form, the item hashes and the
    stored answers, and writes the attempt once; it never re-reads the attempt."""
    attempt = exam.attempts()[0]
    token = _checked_in(client, attempt)
    room_start(actor=exam.proctors[0], session=exam.session)
    other = _checked_in(client, exam.attempts()[1])
    assert _post(client, "/start", other).status_code == 200
    # In a burst every item of every form has been rendered by the first few starts; the two
    # candidates here may hold different forms, so render this candidate's form once first.
    form_view(attempt)
    with django_assert_max_num_queries(7) as captured:
        started = _post(client, "/start", token)
    assert started.status_code == 200, started.content
    body = started.json()
    assert (body["state"], body["room_state"]) == ("in_progress", "running")
    assert body["part"] == exam.part.name
    assert [i["id"] for i in body["items"]] == attempt.form.items
    attempt_table = '"delivery_attempt"'
    reads = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith("SELECT") and f"FROM {attempt_table}" in q["sql"]
    ]
    assert reads == [], reads  # the token's statement reads it under an alias, unquoted
    writes = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT")]
    assert len(writes) == 1 and writes[0].startswith("UPDATE")
