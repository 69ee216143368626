"""An appeal from filing to the published result (domain.md §1.4, §4.5): the candidate files
within the window after publication, the head of Ban phúc khảo opens the re-marking, two
re-markers mark, the markers' meeting settles the mark, and ``result_appeal_apply`` writes it
into the published part result and overall result (total, pass, class), audited. It is the
only way besides the two-person correction that a published result changes."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import TEST_PASSWORD
from sathach.grading.constants import AppealState
from sathach.grading.models import Appeal, Mark
from sathach.grading.services import (
    appeal_file,
    appeal_remark_open,
    mark_submit,
    remark_meeting_record,
)
from sathach.grading.testing import WrittenExam, candidate_user, make_written_exam, split
from sathach.results.constants import Classification, PartStatus
from sathach.results.models import PartResult, PlanResult
from sathach.results.services import result_appeal_apply, results_compute, results_publish

pytestmark = pytest.mark.django_db

D = Decimal
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISHED = dt.datetime(2026, 4, 1, 10, 0, tzinfo=HANOI)
DECISION = {"decision_number": "21/QĐ-HĐKT", "decision_date": dt.date(2026, 4, 1)}
REASON = "Đề nghị chấm phúc khảo: câu 2 chưa được chấm đủ ý"


@pytest.fixture(autouse=True)
def _scan_root(settings: Any, tmp_path: Any) -> None:
    """Scanned pages of the paper scripts go to a folder of the test's own."""
    settings.SATHACH_SCAN_ROOT = str(tmp_path / "scans")


@pytest.fixture
def published(db: Any) -> WrittenExam:
    """A paper written part (100 points, pass 50): the first candidate marked 40 and 42 (41,
    fails), the others 60 and 64 (62); results computed and published on 01/04/2026."""
    exam = make_written_exam(3, sitting_mode="paper")
    exam.finish({exam.candidates[0].pk: (D(40), D(42))})
    results_compute(actor=exam.organiser, plan=exam.plan)
    results_publish(actor=exam.organiser, plan=exam.plan, now=PUBLISHED, **DECISION)
    exam.users = [candidate_user(c) for c in exam.candidates]
    return exam


def _settled(
    exam: WrittenExam, first: str = "70", second: str = "72", agreed: str = "70"
) -> Appeal:
    """File the first candidate's appeal, re-mark it ``first`` and ``second`` and, if that
    differs from the original, settle it at the markers' meeting on ``agreed``."""
    appeal = appeal_file(
        actor=exam.users[0],
        part=exam.part,
        reason=REASON,
        now=PUBLISHED + dt.timedelta(days=3),
    )
    appeal = appeal_remark_open(actor=exam.appeals_head, appeal=appeal)
    assert appeal.remark is not None
    for mark, total in zip(
        Mark.objects.filter(remark=appeal.remark).select_related("marker").order_by("slot"),
        (first, second),
        strict=True,
    ):
        mark_submit(actor=mark.marker, mark=mark, total=D(total), question_scores=split(D(total)))
    appeal.refresh_from_db()
    if appeal.state != AppealState.SETTLED:
        remark_meeting_record(
            actor=exam.appeals_head,
            remark=appeal.remark,
            agreed=True,
            score=D(agreed),
            note="Giám khảo chấm lần đầu và chấm phúc khảo thống nhất điểm",
        )
        appeal.refresh_from_db()
    return appeal


def _result(exam: WrittenExam, index: int = 0) -> tuple[PartResult, PlanResult]:
    candidate = exam.candidates[index]
    return (
        PartResult.objects.get(part=exam.part, candidate=candidate),
        PlanResult.objects.get(candidate=candidate),
    )


def test_the_whole_appeal_changes_the_published_total_pass_and_class(published):
    part_result, overall = _result(published)
    assert (part_result.score, part_result.passed) == (D("41.00"), False)
    assert (overall.total, overall.passed, overall.classification) == (
        D("41.00"),
        False,
        Classification.FAIL,
    )
    others_before = [_result(published, i) for i in (1, 2)]
    appeal = _settled(published)
    assert appeal.state == AppealState.SETTLED and appeal.outcome_score == D("70.00")
    # Settled, but the published result has not moved yet.
    assert _result(published)[0].score == D("41.00")

    returned = result_appeal_apply(actor=published.organiser, appeal=appeal)

    part_result, overall = _result(published)
    assert returned == part_result
    assert (part_result.score, part_result.status, part_result.passed) == (
        D("70.00"),
        PartStatus.SCORED,
        True,
    )
    assert part_result.corrected is True
    assert (overall.total, overall.percent, overall.passed, overall.classification) == (
        D("70.00"),
        D("70.00"),
        True,
        Classification.GOOD,
    )
    for i, (part_before, overall_before) in zip((1, 2), others_before, strict=True):
        part_after, overall_after = _result(published, i)
        assert (part_after.score, overall_after.total) == (part_before.score, overall_before.total)
    appeal.refresh_from_db()
    assert appeal.applied_at is not None and appeal.applied_by == published.organiser

    # Every step is in the audit log, in order.
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    path = [
        "results.results_publish",
        "grading.appeal_file",
        "grading.remark_open",
        "grading.appeal_remark_open",
        "grading.mark_submit",
        "grading.mark_submit",
        "grading.remark_marked",
        "grading.remark_meeting",
        "grading.appeal_settle",
        "grading.appeal_applied",
        "results.appeal_apply",
    ]
    found = [a for a in actions if a in set(path)]
    assert found[found.index("results.results_publish") :] == path
    event = AuditEvent.objects.get(action="results.appeal_apply")
    assert event.actor_username == published.organiser.username
    assert event.target_id == str(part_result.pk)
    assert event.profile == published.plan.exam_profile
    assert {k: event.data[k] for k in ("old", "new", "total_before", "total_after")} == {
        "old": "41.00",
        "new": "70.00",
        "total_before": "41.00",
        "total_after": "70.00",
    }
    assert (event.data["classification_before"], event.data["classification_after"]) == (
        Classification.FAIL,
        Classification.GOOD,
    )
    assert (event.data["overall_passed_before"], event.data["overall_passed_after"]) == (
        False,
        True,
    )

    # Once only; and the publication lock still holds for everything else.
    with pytest.raises(ServiceError) as refused:
        result_appeal_apply(actor=published.organiser, appeal=appeal)
    assert refused.value.message == (
        f"Kết quả phúc khảo của đơn số {appeal.pk} đã được cập nhật vào kết quả."
    )
    with pytest.raises(ServiceError) as refused:
        results_compute(actor=published.organiser, plan=published.plan)
    assert refused.value.code == "results_published"


def test_a_confirmed_re_mark_leaves_the_result_as_it_was(published):
    appeal = _settled(published, "40", "42")  # 41 again: confirmed
    assert appeal.state == AppealState.SETTLED and appeal.outcome_score == D("41.00")
    result_appeal_apply(actor=published.organiser, appeal=appeal)
    part_result, overall = _result(published)
    assert part_result.score == D("41.00") and part_result.corrected is False
    assert overall.total == D("41.00") and overall.classification == Classification.FAIL
    appeal.refresh_from_db()
    assert appeal.applied_at is not None


def test_only_a_settled_appeal_is_applied_and_only_by_who_runs_the_plan(published):
    waiting = appeal_file(
        actor=published.users[1], part=published.part, reason=REASON, now=PUBLISHED
    )
    with pytest.raises(ServiceError) as refused:
        result_appeal_apply(actor=published.organiser, appeal=waiting)
    assert refused.value.message == f"Đơn phúc khảo số {waiting.pk} chưa có kết quả phúc khảo."
    settled = _settled(published)
    for user in (published.appeals_head, published.chair, published.users[0]):
        with pytest.raises(PermissionDeniedError):
            result_appeal_apply(actor=user, appeal=settled)
    assert _result(published)[0].score == D("41.00")
    assert not AuditEvent.objects.filter(action="results.appeal_apply").exists()


def _login(client: Any, user: Any) -> None:
    client.logout()
    assert client.login(username=user.username, password=TEST_PASSWORD)


def _text(response: Any) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_organiser_applies_on_the_appeals_page_and_the_candidate_sees_it(client, published):
    candidate_user_ = published.users[0]
    _login(client, candidate_user_)
    mine = client.get(reverse("results:my-results"))
    assert reverse("grading:my-appeals", args=[published.plan.code]) in mine.content.decode()
    appeal = _settled(published)
    _login(client, published.organiser)
    page = client.get(reverse("grading:appeal-list", args=[published.plan.code]))
    assert f'id="apply-{appeal.pk}"' in page.content.decode()
    response = client.post(reverse("grading:appeal-apply", args=[appeal.pk]))
    assert response.status_code == 302
    listing = client.get(response["Location"])
    assert [str(m) for m in listing.context["messages"]] == [
        f"Đã cập nhật kết quả phúc khảo đơn số {appeal.pk} vào kết quả đã công bố."
    ]
    assert f'id="apply-{appeal.pk}"' not in listing.content.decode()
    # The head of Ban phúc khảo follows the appeal but may not change a published result.
    _login(client, published.appeals_head)
    assert client.post(reverse("grading:appeal-apply", args=[appeal.pk])).status_code == 403
    _login(client, candidate_user_)
    text = _text(client.get(reverse("results:my-results")))
    assert "70,00 đã điều chỉnh" in text and "Tổng điểm 70,00 / 100,00" in text and "Tốt" in text
    detail = _text(client.get(reverse("grading:my-appeal", args=[appeal.pk])))
    assert "Đã có kết quả phúc khảo" in detail and "70" in detail
    assert "Đã cập nhật vào kết quả lúc" in detail
