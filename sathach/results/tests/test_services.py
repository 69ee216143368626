"""Computing results (MCQ parts, sanctions, pending marking), publication and its lock, and the
two-person correction of a published score."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_user
from sathach.delivery.constants import AttemptState, Sanction
from sathach.delivery.models import Attempt, CorrectionAction
from sathach.delivery.services import incident_record
from sathach.delivery.services.rescoring import Correction, rescore_apply, rescore_preview
from sathach.delivery.testing import Exam, make_exam
from sathach.plans.constants import PartKind
from sathach.plans.services import blueprint_part_add
from sathach.results.constants import Classification, CorrectionState, PartStatus
from sathach.results.models import PartResult, PlanResult, Publication, ResultCorrection
from sathach.results.services import (
    result_correction_approve,
    result_correction_propose,
    result_correction_reject,
    results_compute,
    results_publish,
)
from sathach.results.testing import make_sat_exam, sit

pytestmark = pytest.mark.django_db

DECISION = {"decision_number": "15/QĐ-HĐKT", "decision_date": dt.date(2026, 3, 20)}
LOCKED = (
    "Kết quả của kế hoạch “THI” đã công bố: không tính lại được nữa. Điểm đã công bố chỉ thay "
    "đổi qua đính chính do một người đề xuất và một người khác duyệt."
)
RESCORE_LOCKED = (
    "Kết quả của kế hoạch “THI” đã công bố: không chấm lại được nữa. Điểm đã công bố chỉ "
    "thay đổi qua đính chính do một người đề xuất và một người khác duyệt."
)
NOT_FRESH = (
    "Kết quả chưa được tính, hoặc điểm đã thay đổi sau lần tính gần nhất: hãy tính lại kết "
    "quả trước khi công bố."
)
SAME_PERSON = "Người đề xuất không được tự duyệt đính chính của mình: cần một người khác duyệt."


def _refused(message: str, call: Any, **kwargs: Any) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        call(**kwargs)
    assert caught.value.message == message
    return caught.value


@pytest.fixture
def exam() -> Exam:
    return make_sat_exam()


@pytest.fixture
def second(exam: Exam) -> Any:
    """A second organiser of the province: the other person of a two-person correction."""
    return make_user("tochuc2", Role.ORGANISER, exam.province.root)


def _parts(exam: Exam) -> dict[str, tuple[str, Any, bool]]:
    return {
        r.candidate.number: (r.status, r.score, r.passed)
        for r in PartResult.objects.filter(part=exam.part).select_related("candidate")
    }


def _totals(exam: Exam) -> dict[str, tuple[Any, Any, bool, str]]:
    return {
        r.candidate.number: (r.total, r.percent, r.passed, r.classification)
        for r in PlanResult.objects.filter(plan=exam.plan).select_related("candidate")
    }


def _part_result(exam: Exam, number: str) -> PartResult:
    return PartResult.objects.get(part=exam.part, candidate__number=number)


# --- Computing ----------------------------------------------------------------------------------


def test_compute_scales_mcq_scores_and_decides_pass_and_class(exam):
    report = results_compute(actor=exam.organiser, plan=exam.plan)
    assert _parts(exam) == {
        "0001": (PartStatus.SCORED, Decimal("100.00"), True),
        "0002": (PartStatus.SCORED, Decimal("42.86"), False),
        "0003": (PartStatus.SCORED, Decimal("85.71"), True),
        "0004": (PartStatus.ABSENT, None, False),
    }
    assert _totals(exam) == {
        "0001": (Decimal("100.00"), Decimal("100.00"), True, Classification.EXCELLENT),
        "0002": (Decimal("42.86"), Decimal("42.86"), False, Classification.FAIL),
        "0003": (Decimal("85.71"), Decimal("85.71"), True, Classification.GOOD),
        "0004": (Decimal("0.00"), Decimal("0.00"), False, Classification.FAIL),
    }
    assert (report.candidates, report.pending, report.passed) == (4, 0, 2)
    assert report.levels == {"excellent": 1, "fail": 2, "good": 1}
    assert {r.profile for r in PartResult.objects.all()} == {exam.plan.exam_profile}
    assert {r.max_total for r in PlanResult.objects.all()} == {Decimal("100.00")}
    (event,) = AuditEvent.objects.filter(action="results.results_compute")
    assert event.actor_id == exam.organiser.pk and event.profile == exam.plan.exam_profile
    assert event.data == {
        "candidates": 4,
        "pending": 0,
        "passed": 2,
        "levels": {"excellent": 1, "fail": 2, "good": 1},
    }


def test_compute_again_updates_the_rows_in_place(exam):
    results_compute(actor=exam.organiser, plan=exam.plan)
    ids = set(PartResult.objects.values_list("pk", flat=True))
    results_compute(actor=exam.organiser, plan=exam.plan)
    assert set(PartResult.objects.values_list("pk", flat=True)) == ids
    assert PlanResult.objects.count() == 4


def test_sanctions_deduct_or_cancel_the_part(exam):
    attempts = {a.candidate.number: a for a in exam.attempts()}
    proctor = exam.proctors[0]
    incident_record(
        actor=proctor,
        attempt=attempts["0003"],
        sanction=Sanction.REPRIMAND,
        description="Trao đổi với người bên cạnh sau khi đã được nhắc nhở",
    )
    incident_record(
        actor=proctor,
        attempt=attempts["0001"],
        sanction=Sanction.CANCELLED,
        description="Làm bài hộ người khác",
    )
    results_compute(actor=exam.organiser, plan=exam.plan)
    parts = _parts(exam)
    # 6/7 × 100 = 85.714…, less 25% (TT22-2025 reprimand) = 64.29: still passes, class Đạt.
    assert parts["0003"] == (PartStatus.SCORED, Decimal("64.29"), True)
    assert parts["0001"] == (PartStatus.CANCELLED, None, False)
    totals = _totals(exam)
    assert totals["0003"] == (Decimal("64.29"), Decimal("64.29"), True, Classification.PASS)
    assert totals["0001"] == (Decimal("0.00"), Decimal("0.00"), False, Classification.FAIL)


def test_a_voided_attempt_without_sanction_is_voided(exam):
    Attempt.objects.filter(candidate__number="0002").update(state=AttemptState.VOIDED)
    results_compute(actor=exam.organiser, plan=exam.plan)
    assert _parts(exam)["0002"] == (PartStatus.VOIDED, None, False)


def test_a_running_attempt_is_pending_and_the_overall_result_waits():
    exam = make_exam(2)
    sit(exam, {0: None}, close=False)
    attempt = Attempt.objects.get(candidate__number="0002")
    Attempt.objects.filter(pk=attempt.pk).update(
        state=AttemptState.IN_PROGRESS, deadline=timezone.now() + dt.timedelta(hours=1)
    )
    report = results_compute(actor=exam.organiser, plan=exam.plan)
    assert _parts(exam)["0002"] == (PartStatus.PENDING, None, False)
    assert _totals(exam)["0002"] == (None, None, False, "")
    assert (report.pending, report.passed) == (1, 1)


def test_overdue_attempts_are_closed_before_computing():
    exam = make_exam(2)
    sit(exam, {0: 4, 1: 2}, close=False)
    attempt = Attempt.objects.get(candidate__number="0002")
    Attempt.objects.filter(pk=attempt.pk).update(
        state=AttemptState.IN_PROGRESS,
        raw_score=None,
        max_score=None,
        deadline=timezone.now() - dt.timedelta(hours=1),
    )
    results_compute(actor=exam.organiser, plan=exam.plan)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.EXPIRED
    # What was saved in time counts: two of seven.
    assert _parts(exam)["0002"] == (PartStatus.SCORED, Decimal("28.57"), False)
    # The expiry belongs to this computation: it does not make the results stale.
    assert results_publish(actor=exam.organiser, plan=exam.plan, **DECISION)


def test_a_written_part_waits_for_marking_and_blocks_publication(exam):
    written = blueprint_part_add(
        actor=exam.organiser,
        plan=exam.plan,
        order=2,
        kind=PartKind.WRITTEN,
        name="Thi viết chuyên môn",
        minutes=180,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    report = results_compute(actor=exam.organiser, plan=exam.plan)
    statuses = set(PartResult.objects.filter(part=written).values_list("status", flat=True))
    assert statuses == {PartStatus.PENDING}
    assert PartResult.objects.filter(part=written).count() == 4
    assert set(_totals(exam).values()) == {(None, None, False, "")}
    assert (report.pending, report.passed, report.levels) == (4, 0, {})
    # Overall: still 200 points possible (two parts of weight 1).
    assert {r.max_total for r in PlanResult.objects.all()} == {Decimal("200.00")}
    _refused(
        "Còn 4 người chưa đủ kết quả các phần thi: chưa công bố được.",
        results_publish,
        actor=exam.organiser,
        plan=exam.plan,
        **DECISION,
    )


def test_an_expelled_candidate_has_no_result_in_later_parts(exam):
    blueprint_part_add(
        actor=exam.organiser,
        plan=exam.plan,
        order=2,
        kind=PartKind.WRITTEN,
        name="Thi viết chuyên môn",
        minutes=180,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    attempt = Attempt.objects.get(candidate__number="0002")
    incident_record(
        actor=exam.proctors[0],
        attempt=attempt,
        sanction=Sanction.EXPULSION,
        description="Sử dụng điện thoại trong phòng thi",
    )
    results_compute(actor=exam.organiser, plan=exam.plan)
    rows = PartResult.objects.filter(candidate__number="0002").order_by("part__order")
    assert [r.status for r in rows] == [PartStatus.CANCELLED, PartStatus.CANCELLED]
    assert _totals(exam)["0002"] == (Decimal("0.00"), Decimal("0.00"), False, Classification.FAIL)


def test_only_who_runs_the_plan_computes(exam):
    with pytest.raises(PermissionDeniedError):
        results_compute(actor=exam.proctors[0], plan=exam.plan)
    assert not PlanResult.objects.exists()


# --- Publication --------------------------------------------------------------------------------


def test_publication_records_the_decision_locks_and_is_audited(exam):
    results_compute(actor=exam.organiser, plan=exam.plan)
    publication = results_publish(actor=exam.organiser, plan=exam.plan, **DECISION)
    exam.plan.refresh_from_db()
    assert publication.decision_number == "15/QĐ-HĐKT"
    assert publication.published_by == exam.organiser
    assert exam.plan.results_published_at == publication.published_at
    (event,) = AuditEvent.objects.filter(action="results.results_publish")
    assert event.data == {
        "decision_number": "15/QĐ-HĐKT",
        "decision_date": "2026-03-20",
        "candidates": 4,
        "passed": 2,
    }
    before = _totals(exam)
    error = _refused(LOCKED, results_compute, actor=exam.organiser, plan=exam.plan)
    assert error.code == "results_published"
    _refused(
        "Kết quả của kế hoạch “THI” đã được công bố.",
        results_publish,
        actor=exam.organiser,
        plan=exam.plan,
        **DECISION,
    )
    target = exam.attempts()[0].form.items[0]
    void = Correction(item=target, action=CorrectionAction.VOID, reason="Câu hỏi sai")
    for call in (rescore_preview, rescore_apply):
        _refused(RESCORE_LOCKED, call, actor=exam.organiser, part=exam.part, corrections=[void])
    assert _totals(exam) == before


def test_publication_needs_a_decision_and_a_fresh_computation(exam):
    _refused(NOT_FRESH, results_publish, actor=exam.organiser, plan=exam.plan, **DECISION)
    results_compute(actor=exam.organiser, plan=exam.plan)
    _refused(
        "Hãy ghi số và ngày của quyết định phê duyệt kết quả.",
        results_publish,
        actor=exam.organiser,
        plan=exam.plan,
        decision_number="  ",
        decision_date=dt.date(2026, 3, 20),
    )
    # A rescoring after the computation makes it stale.
    target = exam.attempts()[0].form.items[0]
    void = Correction(item=target, action=CorrectionAction.VOID, reason="Câu hỏi sai")
    rescore_apply(actor=exam.organiser, part=exam.part, corrections=[void])
    _refused(NOT_FRESH, results_publish, actor=exam.organiser, plan=exam.plan, **DECISION)
    results_compute(actor=exam.organiser, plan=exam.plan)
    assert results_publish(actor=exam.organiser, plan=exam.plan, **DECISION)
    assert Publication.objects.count() == 1


# --- Two-person correction --------------------------------------------------------------------


@pytest.fixture
def published(exam: Exam) -> Exam:
    results_compute(actor=exam.organiser, plan=exam.plan)
    results_publish(actor=exam.organiser, plan=exam.plan, **DECISION)
    return exam


def test_a_correction_needs_a_second_person_and_changes_the_result(published, second):
    exam = published
    row = _part_result(exam, "0002")
    correction = result_correction_propose(
        actor=exam.organiser,
        part_result=row,
        new_score=Decimal("55"),
        reason="Nhập nhầm điểm phần 1",
    )
    assert correction.state == CorrectionState.PROPOSED
    assert (correction.old_score, correction.new_score) == (Decimal("42.86"), Decimal("55"))
    error = _refused(
        SAME_PERSON, result_correction_approve, actor=exam.organiser, correction=correction
    )
    assert isinstance(error, PermissionDeniedError) and error.code == "same_person"
    assert _part_result(exam, "0002").score == Decimal("42.86")
    approved = result_correction_approve(actor=second, correction=correction, note="Đồng ý")
    assert approved.state == CorrectionState.APPROVED and approved.decided_by == second
    row = _part_result(exam, "0002")
    assert (row.status, row.score, row.passed, row.corrected) == (
        PartStatus.SCORED,
        Decimal("55.00"),
        True,
        True,
    )
    assert _totals(exam)["0002"] == (Decimal("55.00"), Decimal("55.00"), True, Classification.PASS)
    propose = AuditEvent.objects.get(action="results.correction_propose")
    assert propose.actor_id == exam.organiser.pk
    assert propose.data["old"] == "42.86" and propose.data["new"] == "55"
    approve = AuditEvent.objects.get(action="results.correction_approve")
    assert approve.actor_id == second.pk and approve.data["proposed_by"] == exam.organiser.pk
    assert (approve.data["total_before"], approve.data["total_after"]) == ("42.86", "55.00")
    assert (approve.data["classification_before"], approve.data["classification_after"]) == (
        "fail",
        "pass",
    )
    _refused(
        "Đề xuất đính chính này đã được xử lý.",
        result_correction_approve,
        actor=second,
        correction=correction,
    )


def test_an_absent_candidates_part_can_be_corrected(published, second):
    row = _part_result(published, "0004")
    correction = result_correction_propose(
        actor=second,
        part_result=row,
        new_score=Decimal("72.5"),
        reason="Bài làm bị ghi nhầm là vắng",
    )
    result_correction_approve(actor=published.organiser, correction=correction)
    assert _totals(published)["0004"] == (
        Decimal("72.50"),
        Decimal("72.50"),
        True,
        Classification.GOOD,
    )


def test_corrections_are_refused_before_publication_and_when_malformed(exam, second):
    results_compute(actor=exam.organiser, plan=exam.plan)
    row = _part_result(exam, "0002")
    _refused(
        "Kết quả chưa công bố: hãy sửa điểm bằng cách chấm lại hoặc tính lại kết quả, không cần "
        "đính chính.",
        result_correction_propose,
        actor=exam.organiser,
        part_result=row,
        new_score=Decimal(50),
        reason="Sai",
    )
    results_publish(actor=exam.organiser, plan=exam.plan, **DECISION)
    for score, reason, message in (
        (Decimal(50), " ", "Hãy ghi lý do đính chính."),
        (Decimal("100.01"), "Sai", "Điểm mới phải từ 0 đến 100, tối đa hai chữ số thập phân."),
        (Decimal("50.005"), "Sai", "Điểm mới phải từ 0 đến 100, tối đa hai chữ số thập phân."),
        (Decimal("42.86"), "Sai", "Điểm mới giống điểm đang có."),
    ):
        _refused(
            message,
            result_correction_propose,
            actor=exam.organiser,
            part_result=row,
            new_score=score,
            reason=reason,
        )
    result_correction_propose(
        actor=exam.organiser, part_result=row, new_score=Decimal(50), reason="Sai"
    )
    _refused(
        "Điểm này đang có một đề xuất đính chính chờ duyệt.",
        result_correction_propose,
        actor=second,
        part_result=row,
        new_score=Decimal(60),
        reason="Sai",
    )
    assert ResultCorrection.objects.count() == 1


def test_a_rejected_correction_changes_nothing_and_needs_a_reason(published, second):
    row = _part_result(published, "0003")
    correction = result_correction_propose(
        actor=published.organiser, part_result=row, new_score=Decimal(90), reason="Cộng sai"
    )
    _refused(
        "Hãy ghi lý do không duyệt.",
        result_correction_reject,
        actor=second,
        correction=correction,
        note="",
    )
    with pytest.raises(PermissionDeniedError):
        result_correction_reject(actor=published.organiser, correction=correction, note="Rút lại")
    rejected = result_correction_reject(actor=second, correction=correction, note="Điểm đúng")
    assert rejected.state == CorrectionState.REJECTED
    assert _part_result(published, "0003").score == Decimal("85.71")
    assert AuditEvent.objects.filter(action="results.correction_reject").count() == 1


def test_a_proctor_cannot_propose(published):
    with pytest.raises(PermissionDeniedError):
        result_correction_propose(
            actor=published.proctors[0],
            part_result=_part_result(published, "0002"),
            new_score=Decimal(60),
            reason="Sai",
        )
