"""Rescoring a computer part: the plan's multiple-response rule at submission, a dry run that
writes nothing and lists exactly who changes, the audited apply, both void rules, re-keying,
the publication lock, and the pages (dry-run table, confirmation, scope)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.bank.models import ItemVersion
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import TEST_PASSWORD, make_unit, make_user
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, CorrectionAction, ItemCorrection, VoidRule
from sathach.delivery.services import answer_save, attempt_submit
from sathach.delivery.services.rescoring import (
    Correction,
    ScoreChange,
    plan_scoring_rule_set,
    rescore_apply,
    rescore_preview,
)
from sathach.delivery.testing import Exam, key_answer, make_exam
from sathach.plans.constants import MultipleResponseRule
from sathach.plans.models import Plan

from .test_proctor_services import T0, start

pytestmark = pytest.mark.django_db

LOCKED = (
    "Kết quả của kế hoạch “THI” đã công bố: không chấm lại được nữa. Điểm đã công bố chỉ "
    "thay đổi qua đính chính do một người đề xuất và một người khác duyệt."
)
SEVEN = Decimal(7)


def _refused(message: str, call: Any, **kwargs: Any) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        call(**kwargs)
    assert caught.value.message == message
    return caught.value


def _target(exam: Exam) -> ItemVersion:
    """A single-choice item on every candidate's form (so every candidate is concerned)."""
    attempts = exam.attempts()
    common = set.intersection(*(set(a.form.items) for a in attempts))
    version = ItemVersion.objects.filter(pk__in=common, kind="single").order_by("pk").first()
    assert version is not None
    return version


def _first_wrong(version: ItemVersion) -> int:
    """Return the bank index of the first wrong option of a single-choice item."""
    return next(i for i, o in enumerate(version.content["options"]) if not o["correct"])


def _wrong(version: ItemVersion, order: list[int] | None) -> int:
    """Return where a form shows the first wrong option of a single-choice item."""
    order = order or list(range(len(version.content["options"])))
    return order.index(_first_wrong(version))


def _sit(exam: Exam, plan: dict[int, tuple[set[int] | None, dict[int, Any]]]) -> list[Attempt]:
    """Let candidates sit and submit: ``plan[i] = (right, answers)`` answers the items whose
    ids are in ``right`` (None: all) with the key and the items in ``answers`` as given."""
    attempts = start(exam, max(plan) + 1)
    done = []
    for index, attempt in enumerate(attempts):
        if index not in plan:
            continue
        right, given = plan[index]
        form = attempt.form
        versions = ItemVersion.objects.in_bulk(form.items)
        for position, vid in enumerate(form.items):
            if vid in given:
                answer = given[vid]
            elif right is None or vid in right:
                answer = key_answer(versions[vid], form.option_orders[position])
            else:
                continue
            answer_save(attempt=attempt, item=vid, answer=answer, seq=position + 1, now=T0)
        done.append(attempt_submit(attempt=attempt, now=T0 + dt.timedelta(minutes=10)))
    return done


@pytest.fixture
def exam() -> Exam:
    return make_exam(4)


@pytest.fixture
def sat(exam: Exam) -> dict[str, Any]:
    """Four candidates; the target item T is on every form.

    0001: everything right (7/7 = 100); 0002: three items right, T wrong (3/7 = 42.86, fails);
    0003: everything right but T (6/7 = 85.71); 0004: absent.
    """
    target = _target(exam)
    attempts = exam.attempts()
    wrong = {}
    for attempt in attempts:
        position = attempt.form.items.index(target.pk)
        wrong[attempt.pk] = {"choice": _wrong(target, attempt.form.option_orders[position])}
    second = attempts[1].form.items
    three = {vid for vid in second if vid != target.pk}
    three = set(sorted(three, key=second.index)[:3])
    _sit(
        exam,
        {
            0: (None, {}),
            1: (three, {target.pk: wrong[attempts[1].pk]}),
            2: (None, {target.pk: wrong[attempts[2].pk]}),
        },
    )
    return {"target": target, "wrong": wrong, "attempts": exam.attempts()}


def _void(target: ItemVersion) -> Correction:
    return Correction(
        item=target.pk, action=CorrectionAction.VOID, reason="Câu hỏi có hai đáp án đúng"
    )


def _rekey_to(target: ItemVersion, index: int) -> Correction:
    options = [{"correct": i == index} for i in range(len(target.content["options"]))]
    return Correction(
        item=target.pk,
        action=CorrectionAction.REKEY,
        reason="Đáp án gốc ghi nhầm",
        key={"options": options},
    )


def _scores(exam: Exam) -> list[tuple[str, Any, Any, Any, str]]:
    return [
        (a.candidate.number, a.raw_score, a.max_score, a.correct_count, a.state)
        for a in exam.attempts()
    ]


def _change(attempt: Attempt, old: str, new: str, before: bool, after: bool) -> ScoreChange:
    return ScoreChange(
        attempt_id=attempt.pk,
        candidate_id=attempt.candidate_id,
        number=attempt.candidate.number,
        name=attempt.candidate.person.full_name,
        old_score=Decimal(old),
        new_score=Decimal(new),
        passed_before=before,
        passed_after=after,
    )


# --- The plan's multiple-response rule at submission ------------------------------------------


def _multiple_answer(attempt: Attempt, picks: str) -> tuple[int, dict[str, Any]]:
    """Return the multiple item of the form and an answer choosing ``picks`` ("R": one right
    option, "RW": one right and one wrong, "RRW": both right and one wrong)."""
    form = attempt.form
    position = next(
        p for p, vid in enumerate(form.items) if ItemVersion.objects.get(pk=vid).kind == "multiple"
    )
    version = ItemVersion.objects.get(pk=form.items[position])
    order = form.option_orders[position]
    right = [p for p, i in enumerate(order) if version.content["options"][i]["correct"]]
    wrong = [p for p, i in enumerate(order) if not version.content["options"][i]["correct"]]
    chosen = {"R": right[:1], "RW": right[:1] + wrong[:1], "RRW": right + wrong[:1]}[picks]
    return version.pk, {"choices": chosen}


@pytest.mark.parametrize(
    ("rule", "picks", "raw"),
    [
        # The item's weights are 0.5, 0.5, -1, -1 (sathach.delivery.testing.exam_items).
        (MultipleResponseRule.ITEM_WEIGHTS, "R", "6.50"),
        (MultipleResponseRule.ITEM_WEIGHTS, "RRW", "6.00"),
        (MultipleResponseRule.ALL_OR_NOTHING, "R", "6.00"),
        (MultipleResponseRule.PROPORTIONAL, "R", "6.50"),
        (MultipleResponseRule.PROPORTIONAL, "RW", "6.00"),
        (MultipleResponseRule.PROPORTIONAL, "RRW", "6.50"),
    ],
)
def test_submission_scores_multiple_response_by_the_plans_rule(exam, rule, picks, raw):
    plan_scoring_rule_set(actor=exam.organiser, plan=exam.plan, multiple_response_rule=rule)
    attempt = start(exam, 1)[0]
    item, answer = _multiple_answer(attempt, picks)
    (done,) = _sit_one(exam, attempt, {item: answer})
    assert (done.raw_score, done.max_score) == (Decimal(raw), SEVEN)
    assert done.correct_count == 6


def _sit_one(exam: Exam, attempt: Attempt, given: dict[int, Any]) -> list[Attempt]:
    form = attempt.form
    versions = ItemVersion.objects.in_bulk(form.items)
    for position, vid in enumerate(form.items):
        answer = given.get(vid) or key_answer(versions[vid], form.option_orders[position])
        answer_save(attempt=attempt, item=vid, answer=answer, seq=position + 1, now=T0)
    return [attempt_submit(attempt=attempt, now=T0 + dt.timedelta(minutes=10))]


def test_the_rule_is_audited_and_cannot_change_once_an_attempt_is_scored(exam):
    plan_scoring_rule_set(
        actor=exam.organiser, plan=exam.plan, multiple_response_rule="proportional"
    )
    event = AuditEvent.objects.get(action="delivery.plan_scoring_rule_set")
    assert event.data == {"old": "item_weights", "new": "proportional"}
    _refused(
        "Cách tính điểm không hợp lệ.",
        plan_scoring_rule_set,
        actor=exam.organiser,
        plan=exam.plan,
        multiple_response_rule="half",
    )
    _sit_one(exam, start(exam, 1)[0], {})
    _refused(
        "Đã có bài làm được chấm điểm theo cách tính hiện hành: không đổi được cách tính "
        "điểm câu nhiều lựa chọn nữa.",
        plan_scoring_rule_set,
        actor=exam.organiser,
        plan=exam.plan,
        multiple_response_rule="all_or_nothing",
    )


# --- Dry run and apply --------------------------------------------------------------------------


def test_dry_run_lists_exactly_who_changes_and_writes_nothing(exam, sat):
    a1, a2, a3, _a4 = sat["attempts"]
    before = _scores(exam)
    events = AuditEvent.objects.count()
    preview = rescore_preview(
        actor=exam.organiser, part=exam.part, corrections=[_void(sat["target"])]
    )
    assert preview.changes == [
        _change(a2, "42.86", "57.14", False, True),
        _change(a3, "85.71", "100.00", True, True),
    ]
    assert (preview.attempts, preview.rewritten) == (3, 2)
    assert preview.void_rule == VoidRule.FULL_CREDIT and preview.profile == exam.plan.exam_profile
    assert _scores(exam) == before
    assert not ItemCorrection.objects.exists()
    assert AuditEvent.objects.count() == events
    assert a1.raw_score == SEVEN


def test_apply_voids_the_item_rescores_and_audits_once(exam, sat):
    target = sat["target"]
    result = rescore_apply(actor=exam.organiser, part=exam.part, corrections=[_void(target)])
    assert len(result.changes) == 2
    assert _scores(exam) == [
        ("0001", Decimal("7.00"), Decimal("7.00"), 7, AttemptState.SUBMITTED),
        ("0002", Decimal("4.00"), Decimal("7.00"), 4, AttemptState.SUBMITTED),
        ("0003", Decimal("7.00"), Decimal("7.00"), 7, AttemptState.SUBMITTED),
        ("0004", None, None, None, AttemptState.SCHEDULED),
    ]
    correction = ItemCorrection.objects.get()
    assert (correction.part, correction.item_id, correction.action) == (
        exam.part,
        target.pk,
        "void",
    )
    assert correction.void_rule == VoidRule.FULL_CREDIT and correction.created_by == exam.organiser
    assert correction.profile == exam.plan.exam_profile and "thông lệ" in correction.basis
    (event,) = AuditEvent.objects.filter(action="delivery.rescore_apply")
    assert event.actor_id == exam.organiser.pk and event.profile == exam.plan.exam_profile
    assert event.target_id == str(exam.part.pk)
    assert (
        event.data["changed"] == 2 and event.data["rescored"] == 2 and event.data["attempts"] == 3
    )
    assert event.data["changes"][0] == {
        "number": "0002",
        "old": "42.86",
        "new": "57.14",
        "passed_before": False,
        "passed_after": True,
    }
    # Applying the same void again changes nobody.
    again = rescore_preview(actor=exam.organiser, part=exam.part, corrections=[_void(target)])
    assert again.changes == [] and again.rewritten == 0


def test_correcting_the_key_rescores_both_ways(exam, sat):
    target = sat["target"]
    a1, a2, a3, _a4 = sat["attempts"]
    new_key = _first_wrong(target)
    result = rescore_apply(
        actor=exam.organiser, part=exam.part, corrections=[_rekey_to(target, new_key)]
    )
    # 0002 and 0003 chose the first wrong option, which is now the key; 0001 chose the old key.
    assert result.changes == [
        _change(a1, "100.00", "85.71", True, True),
        _change(a2, "42.86", "57.14", False, True),
        _change(a3, "85.71", "100.00", True, True),
    ]
    correction = ItemCorrection.objects.get()
    assert correction.action == CorrectionAction.REKEY and correction.void_rule == ""
    assert [o["correct"] for o in correction.key["options"]] == [
        i == new_key for i in range(len(target.content["options"]))
    ]
    assert correction.key["options"][0]["text"] == target.content["options"][0]["text"]
    _refused(
        "Đáp án mới giống đáp án đang dùng.",
        rescore_preview,
        actor=exam.organiser,
        part=exam.part,
        corrections=[_rekey_to(target, new_key)],
    )


def test_rekeying_to_the_key_in_use_is_refused(exam, sat):
    target = sat["target"]
    key = next(i for i, o in enumerate(target.content["options"]) if o["correct"])
    _refused(
        "Đáp án mới giống đáp án đang dùng.",
        rescore_preview,
        actor=exam.organiser,
        part=exam.part,
        corrections=[_rekey_to(target, key)],
    )


def test_rekeying_a_voided_item_to_its_own_key_brings_it_back(exam, sat):
    target = sat["target"]
    rescore_apply(actor=exam.organiser, part=exam.part, corrections=[_void(target)])
    key = next(i for i, o in enumerate(target.content["options"]) if o["correct"])
    result = rescore_apply(
        actor=exam.organiser, part=exam.part, corrections=[_rekey_to(target, key)]
    )
    assert [(c.number, c.old_score, c.new_score) for c in result.changes] == [
        ("0002", Decimal("57.14"), Decimal("42.86")),
        ("0003", Decimal("100.00"), Decimal("85.71")),
    ]
    assert ItemCorrection.objects.get().action == CorrectionAction.REKEY


def test_a_later_submission_in_the_part_is_scored_with_its_corrections(exam, sat):
    rescore_apply(actor=exam.organiser, part=exam.part, corrections=[_void(sat["target"])])
    # 0004 arrives late (admitted by the proctor) and leaves T unanswered: full credit anyway.
    attempt = Attempt.objects.get(candidate__number="0004")
    Attempt.objects.filter(pk=attempt.pk).update(
        state=AttemptState.IN_PROGRESS, started_at=T0, deadline=T0 + dt.timedelta(minutes=30)
    )
    attempt.refresh_from_db()
    form = attempt.form
    versions = ItemVersion.objects.in_bulk(form.items)
    for position, vid in enumerate(form.items):
        if vid != sat["target"].pk:
            answer = key_answer(versions[vid], form.option_orders[position])
            answer_save(attempt=attempt, item=vid, answer=answer, seq=position + 1, now=T0)
    done = attempt_submit(attempt=attempt, now=T0 + dt.timedelta(minutes=20))
    assert (done.raw_score, done.max_score, done.correct_count) == (SEVEN, SEVEN, 7)


@pytest.fixture
def removal_profile(tmp_path: Path):
    """A profile like TT22-2025 in which a voided item leaves the maximum."""
    text = (Path(settings.BASE_DIR) / "sathach/lib/rules/profiles/exam/TT22-2025.toml").read_text()
    text = text.replace('code = "TT22-2025"', 'code = "TT22-2025-BO"')
    head, _sep, tail = text.partition("[rules.rescore_void_full_credit]\nvalue = true")
    (tmp_path / "bo.toml").write_text(
        head + "[rules.rescore_void_full_credit]\nvalue = false" + tail
    )
    profiles.load([*settings.SATHACH_PROFILE_DIRS, tmp_path])
    yield "TT22-2025-BO@1"
    profiles.load(settings.SATHACH_PROFILE_DIRS)


def test_voiding_under_a_removal_profile_takes_the_item_out_of_the_maximum(
    exam, sat, removal_profile
):
    Plan.objects.filter(pk=exam.plan.pk).update(exam_profile=removal_profile)
    exam.part.refresh_from_db()
    a1, a2, a3, _a4 = sat["attempts"]
    result = rescore_apply(actor=exam.organiser, part=exam.part, corrections=[_void(sat["target"])])
    # 0001: 6/6 = 100 (unchanged); 0002: 3/6 = 50 (passes at exactly 50%); 0003: 6/6.
    assert result.void_rule == VoidRule.REMOVED
    assert result.changes == [
        _change(a2, "42.86", "50.00", False, True),
        _change(a3, "85.71", "100.00", True, True),
    ]
    assert result.rewritten == 3  # 0001's maximum changes although the score does not
    assert [s[1:4] for s in _scores(exam)[:3]] == [
        (Decimal("6.00"), Decimal("6.00"), 6),
        (Decimal("3.00"), Decimal("6.00"), 3),
        (Decimal("6.00"), Decimal("6.00"), 6),
    ]
    assert ItemCorrection.objects.get().void_rule == VoidRule.REMOVED


def test_overdue_attempts_are_closed_before_rescoring(exam, sat):
    attempt = Attempt.objects.get(candidate__number="0004")
    Attempt.objects.filter(pk=attempt.pk).update(
        state=AttemptState.IN_PROGRESS,
        started_at=T0,
        deadline=timezone.now() - dt.timedelta(hours=1),
    )
    preview = rescore_preview(
        actor=exam.organiser, part=exam.part, corrections=[_void(sat["target"])]
    )
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.EXPIRED and preview.attempts == 4
    # It saved nothing: 0 of 7, rescored with T to 1 of 7.
    assert preview.changes[-1].old_score == Decimal("0.00") and preview.changes[
        -1
    ].new_score == Decimal("14.29")


@pytest.mark.parametrize(
    ("correction", "message"),
    [
        (lambda t: [], "Chưa chọn câu hỏi nào để hủy hoặc sửa đáp án."),
        (
            lambda t: [Correction(item=t.pk, action="void", reason="  ")],
            "Hãy ghi lý do hủy câu hỏi hoặc sửa đáp án.",
        ),
        (
            lambda t: [Correction(item=t.pk, action="drop", reason="Lỗi")],
            "Cách xử lý câu hỏi không hợp lệ.",
        ),
        (
            lambda t: [Correction(item=t.pk, action="void", reason="Lỗi")] * 2,
            "Câu hỏi #%(i)s được chọn hai lần.",
        ),
        (
            lambda t: [Correction(item=t.pk, action="rekey", reason="Lỗi", key={"options": []})],
            "Đáp án mới phải nêu đủ 4 phương án của câu hỏi.",
        ),
        (
            lambda t: [
                Correction(
                    item=t.pk,
                    action="rekey",
                    reason="Lỗi",
                    key={"options": [{"correct": True}] * 2 + [{"correct": False}] * 2},
                )
            ],
            "Câu một lựa chọn phải có đúng một phương án đúng.",
        ),
    ],
)
def test_bad_corrections_are_refused(exam, sat, correction, message):
    target = sat["target"]
    _refused(
        message.replace("%(i)s", str(target.pk)),
        rescore_preview,
        actor=exam.organiser,
        part=exam.part,
        corrections=correction(target),
    )


def test_an_item_not_on_the_part_is_refused(exam, sat):
    unused = ItemVersion.objects.exclude(
        pk__in={vid for a in sat["attempts"] for vid in a.form.items}
    ).first()
    assert unused is not None
    _refused(
        f"Câu hỏi #{unused.pk} không có trong đề của phần thi này.",
        rescore_preview,
        actor=exam.organiser,
        part=exam.part,
        corrections=[_void(unused)],
    )


def test_rescoring_is_refused_after_publication(exam, sat):
    Plan.objects.filter(pk=exam.plan.pk).update(results_published_at=timezone.now())
    before = _scores(exam)
    for call in (rescore_preview, rescore_apply):
        error = _refused(
            LOCKED, call, actor=exam.organiser, part=exam.part, corrections=[_void(sat["target"])]
        )
        assert error.code == "results_published"
    assert _scores(exam) == before and not ItemCorrection.objects.exists()
    _refused(
        LOCKED,
        plan_scoring_rule_set,
        actor=exam.organiser,
        plan=exam.plan,
        multiple_response_rule="proportional",
    )


def test_only_who_runs_the_plan_may_rescore(exam, sat):
    with pytest.raises(PermissionDeniedError):
        rescore_apply(actor=exam.proctors[0], part=exam.part, corrections=[_void(sat["target"])])
    assert not ItemCorrection.objects.exists()


# --- Pages ------------------------------------------------------------------------------------


def _login(client, user) -> None:
    assert client.login(username=user.username, password=TEST_PASSWORD)


def _urls(exam: Exam, target: ItemVersion) -> dict[str, str]:
    args = [exam.plan.code, exam.part.pk]
    return {
        "list": reverse("delivery:rescore", args=args),
        "item": reverse("delivery:rescore-item", args=[*args, target.pk]),
        "apply": reverse("delivery:rescore-apply", args=[*args, target.pk]),
        "rule": reverse("delivery:scoring-rule", args=[exam.plan.code]),
    }


def test_pages_show_items_dry_run_table_then_apply_on_confirmation(client, exam, sat):
    target = sat["target"]
    urls = _urls(exam, target)
    _login(client, exam.organiser)
    page = client.get(urls["list"]).content.decode()
    assert f'id="item-{target.pk}"' in page and "Tính đủ điểm câu hỏi cho mọi người" in page
    assert client.get(urls["item"]).status_code == 200
    data = {"action": "void", "reason": "Câu hỏi có hai đáp án đúng"}
    response = client.post(urls["item"], data)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<dd id="changed-count">2</dd>' in page
    assert "0002" in page and "42,86" in page and "57,14" in page and "0001" not in page
    assert not ItemCorrection.objects.exists()
    # Without the confirmation box nothing is written.
    response = client.post(urls["apply"], data, follow=True)
    assert "Hãy đánh dấu ô xác nhận." in response.content.decode()
    assert not ItemCorrection.objects.exists()
    response = client.post(urls["apply"], {**data, "confirm": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == urls["list"]
    assert "Đã chấm lại 3 bài làm: 2 người thay đổi điểm." in response.content.decode()
    assert ItemCorrection.objects.get().action == "void"


def test_rekey_page_builds_the_key_from_the_ticked_options(client, exam, sat):
    target = sat["target"]
    urls = _urls(exam, target)
    _login(client, exam.organiser)
    new_key = _first_wrong(target)
    data = {"action": "rekey", "reason": "Đáp án gốc ghi nhầm", "correct": [str(new_key)]}
    page = client.post(urls["item"], data).content.decode()
    assert '<dd id="changed-count">3</dd>' in page
    refused = client.post(urls["item"], {**data, "correct": []})
    assert refused.status_code == 400
    assert "Câu một lựa chọn phải có đúng một phương án đúng." in refused.content.decode()


def test_scoring_rule_page_saves_the_rule_until_scoring_starts(client, exam):
    urls = _urls(exam, ItemVersion.objects.first())
    _login(client, exam.organiser)
    assert client.get(urls["rule"]).status_code == 200
    response = client.post(urls["rule"], {"multiple_response_rule": "all_or_nothing"})
    assert response.status_code == 302
    exam.plan.refresh_from_db()
    assert exam.plan.multiple_response_rule == "all_or_nothing"


def test_pages_are_404_outside_the_scope_and_403_for_readers(client, exam, sat):
    urls = _urls(exam, sat["target"])
    other = make_unit("HT", "Tỉnh Hà Tĩnh")
    outsider = make_user("tochuc_ht", Role.ORGANISER, other)
    _login(client, outsider)
    for url in urls.values():
        assert client.get(url).status_code in (404, 405)
    assert (
        client.post(urls["apply"], {"action": "void", "reason": "x", "confirm": "on"}).status_code
        == 404
    )
    reader = make_user("hr_a", Role.UNIT_HR, exam.province.unit_a)
    _login(client, reader)
    assert client.get(urls["list"]).status_code == 403
    assert client.post(urls["item"], {"action": "void", "reason": "x"}).status_code == 403
    assert not ItemCorrection.objects.exists()


def _item_of_kind(attempt: Attempt, kind: str) -> ItemVersion:
    versions = ItemVersion.objects.in_bulk(attempt.form.items)
    return next(versions[vid] for vid in attempt.form.items if versions[vid].kind == kind)


@pytest.mark.parametrize(
    ("kind", "key", "stored"),
    [
        ("true_false", {"truth": False}, {"truth": False}),
        (
            "short_text",
            {"answers": [{"text": "  Hà   Nam "}]},
            {"answers": [{"text": "Hà Nam", "fraction": 1.0, "feedback": ""}]},
        ),
        (
            "numeric",
            {"numeric": [{"value": 40, "tolerance": 2}]},
            {"numeric": [{"value": 40.0, "tolerance": 2.0, "fraction": 1.0, "feedback": ""}]},
        ),
    ],
)
def test_every_objective_kind_can_be_rekeyed(exam, sat, kind, key, stored):
    a1 = sat["attempts"][0]
    item = _item_of_kind(a1, kind)
    correction = Correction(item=item.pk, action="rekey", reason="Đáp án sai", key=key)
    result = rescore_apply(actor=exam.organiser, part=exam.part, corrections=[correction])
    # 0001 answered every item with the old key: now one of seven is wrong.
    assert _change(a1, "100.00", "85.71", True, True) in result.changes
    assert ItemCorrection.objects.get().key == stored


def test_a_multiple_item_rekeyed_loses_its_weights(exam, sat):
    a1 = sat["attempts"][0]
    item = _item_of_kind(a1, "multiple")
    n = len(item.content["options"])
    key = {"options": [{"correct": i == 0} for i in range(n)]}
    correction = Correction(item=item.pk, action="rekey", reason="Chỉ một cơ quan", key=key)
    result = rescore_apply(actor=exam.organiser, part=exam.part, corrections=[correction])
    # 0001 chose both former right options: under the new key, without weights, nothing.
    assert _change(a1, "100.00", "85.71", True, True) in result.changes
    options = ItemCorrection.objects.get().key["options"]
    assert [(o["correct"], o["fraction"]) for o in options] == [(i == 0, 0.0) for i in range(n)]


@pytest.mark.parametrize(
    ("kind", "key", "message"),
    [
        ("true_false", {"truth": "sai"}, "Đáp án mới của câu Đúng/Sai phải là Đúng hoặc Sai."),
        (
            "short_text",
            {"answers": [{"text": "  "}]},
            "Hãy ghi ít nhất một câu trả lời được chấp nhận.",
        ),
        (
            "numeric",
            {"numeric": [{"value": 40, "tolerance": -1}]},
            "Hãy ghi ít nhất một đáp số, với sai số cho phép không âm.",
        ),
        ("numeric", {"numeric": []}, "Hãy ghi ít nhất một đáp số, với sai số cho phép không âm."),
        (
            "multiple",
            {"options": [{"correct": False}] * 4},
            "Câu nhiều lựa chọn phải có ít nhất một phương án đúng.",
        ),
        (
            "multiple",
            {"options": [{"correct": "có"}] * 4},
            "Mỗi phương án phải ghi rõ đúng hay sai.",
        ),
    ],
)
def test_malformed_keys_are_refused(exam, sat, kind, key, message):
    item = _item_of_kind(sat["attempts"][0], kind)
    _refused(
        message,
        rescore_preview,
        actor=exam.organiser,
        part=exam.part,
        corrections=[Correction(item=item.pk, action="rekey", reason="Sai", key=key)],
    )
