"""Oral and practical parts scored by the panel (Ban kiểm tra sát hạch): a rubric adding up to
the part's maximum, locked once scoring starts; each member scores independently and once; no
relative scores a candidate; within the tolerance the average is final, beyond it the head
decides with a reason (domain.md §1.4 by analogy); the final scores reach results."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.grading.constants import Method, PanelState
from sathach.grading.models import PanelCase, PanelScore, Rubric
from sathach.grading.selectors import (
    part_candidates,
    part_final_scores,
    part_marking_progress,
    remark_is_settled,
)
from sathach.grading.services import (
    examiners_for,
    expected_examiners,
    panel_close,
    panel_decide,
    panel_score_submit,
    rubric_set,
)
from sathach.grading.testing import RUBRIC, make_oral_exam
from sathach.org.constants import Relation
from sathach.org.models import Relative
from sathach.plans.models import Plan, Seat
from sathach.plans.services import board_member_add

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def oral(db):
    """Three candidates, a panel of three (the head first), the rubric 30 + 50 + 20."""
    exam = make_oral_exam(3)
    exam.set_rubric()
    return exam


def _case(exam, candidate) -> PanelCase:
    return PanelCase.objects.get(part=exam.part, candidate=candidate)


# --- The rubric -------------------------------------------------------------------------------


def test_the_rubric_is_set_by_ban_de_thi_and_adds_up_to_the_maximum(db):
    exam = make_oral_exam(2)
    rubric = exam.set_rubric()
    assert rubric.criteria == [
        {"name": "Nắm vững vấn đề, căn cứ pháp lý", "max": "30.00"},
        {"name": "Giải pháp xử lý tình huống", "max": "50.00"},
        {"name": "Trình bày, trả lời câu hỏi", "max": "20.00"},
    ]
    assert AuditEvent.objects.get(action="grading.rubric_set").data["criteria"] == rubric.criteria
    # The organiser may replace it before scoring starts.
    rubric_set(actor=exam.organiser, part=exam.part, criteria=[("Toàn bài", D(100))])
    assert Rubric.objects.get(part=exam.part).criteria == [{"name": "Toàn bài", "max": "100.00"}]
    with pytest.raises(PermissionDeniedError) as refused:
        rubric_set(actor=exam.head, part=exam.part, criteria=RUBRIC)
    assert (
        refused.value.message == "Chỉ Ban đề thi hoặc cán bộ tổ chức kỳ kiểm tra đặt tiêu chí chấm."
    )


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ([], "Hãy nhập ít nhất một tiêu chí chấm."),
        (
            [("Nắm vấn đề", D(30)), ("Giải pháp", D(60))],
            "Tổng điểm tối đa các tiêu chí (90) khác điểm tối đa của phần thi (100).",
        ),
        (
            [("Nắm vấn đề", D("30.1")), ("Giải pháp", D("69.9"))],
            "Tiêu chí “Nắm vấn đề”: điểm tối đa (30,1) phải là bội số của 0,25 điểm.",
        ),
        (
            [("Nắm vấn đề", D(0)), ("Giải pháp", D(100))],
            "Tiêu chí “Nắm vấn đề”: điểm tối đa phải lớn hơn 0.",
        ),
        ([("Giải pháp", D(50)), ("giải pháp", D(50))], "Tiêu chí “giải pháp” bị trùng tên."),
        ([("Giải pháp", D(50)), (" ", D(50))], "Tiêu chí thứ 2 chưa có tên."),
    ],
)
def test_a_malformed_rubric_is_refused(db, criteria, message):
    exam = make_oral_exam(1)
    with pytest.raises(ServiceError) as refused:
        rubric_set(actor=exam.papers, part=exam.part, criteria=criteria)
    assert refused.value.message == message
    assert not Rubric.objects.exists()


def test_the_rubric_is_locked_once_a_member_has_scored(oral):
    oral.score(oral.candidates[0], oral.panel[1], "70")
    with pytest.raises(ServiceError) as refused:
        rubric_set(actor=oral.papers, part=oral.part, criteria=[("Toàn bài", D(100))])
    assert refused.value.message == (
        "Đã có thành viên Ban kiểm tra sát hạch nộp điểm: không sửa tiêu chí chấm được nữa."
    )
    assert len(Rubric.objects.get(part=oral.part).criteria) == 3


def test_scoring_needs_a_rubric(db):
    exam = make_oral_exam(1)
    with pytest.raises(ServiceError) as refused:
        exam.score(exam.candidates[0], exam.head, "60")
    assert refused.value.message == (
        "Phần thi chưa có tiêu chí chấm: Ban đề thi cần nhập trước khi chấm."
    )


# --- One member's score ------------------------------------------------------------------------


def test_each_criterion_is_checked_and_the_total_is_their_sum(oral):
    candidate, member = oral.candidates[0], oral.panel[1]

    def submit(scores):
        return panel_score_submit(actor=member, part=oral.part, candidate=candidate, scores=scores)

    for scores, message in [
        ([D(31), D(40), D(10)], "Nắm vững vấn đề, căn cứ pháp lý (31) lớn hơn điểm tối đa 30."),
        (
            [D(30), D("40.1"), D(10)],
            "Giải pháp xử lý tình huống (40,1) phải là bội số của 0,25 điểm.",
        ),
        ([D(30), D(40), D(-1)], "Trình bày, trả lời câu hỏi (-1) không được âm."),
        ([D(30), D(40)], "Hãy chấm đủ 3 tiêu chí."),
    ]:
        with pytest.raises(ServiceError) as refused:
            submit(scores)
        assert refused.value.message == message
    score = submit([D("27.5"), D(40), D("12.25")])
    assert score.total == D("79.75")
    assert score.criterion_scores == ["27.5", "40", "12.25"]
    event = AuditEvent.objects.get(action="grading.panel_score_submit")
    assert event.actor_username == member.username
    assert event.data == {
        "candidate": candidate.number,
        "part": 1,
        "criteria": ["27.5", "40", "12.25"],
        "total": "79.75",
    }


def test_a_submitted_score_is_never_changed(oral):
    candidate = oral.candidates[0]
    oral.score(candidate, oral.panel[1], "70")
    with pytest.raises(ServiceError) as refused:
        oral.score(candidate, oral.panel[1], "75")
    assert refused.value.message == (
        f"Bạn đã nộp điểm của {candidate.person.full_name}: điểm đã nộp không sửa được."
    )
    assert PanelScore.objects.get().total == D(70)


def test_only_members_of_the_panel_score(oral):
    for user in (oral.papers, oral.chair, oral.organiser):
        with pytest.raises(PermissionDeniedError) as refused:
            oral.score(oral.candidates[0], user, "60")
        assert refused.value.message == (
            "Bạn không phải thành viên Ban kiểm tra sát hạch được chấm phần thi này."
        )


def test_a_relative_of_the_candidate_is_refused_for_that_candidate_only(oral):
    first, second = oral.candidates[0], oral.candidates[1]
    Relative.objects.create(
        person=first.person, relative=oral.panel[1].person, relation=Relation.SPOUSE
    )
    with pytest.raises(ServiceError) as refused:
        oral.score(first, oral.panel[1], "70")
    assert refused.value.message == (
        f"Bạn là người thân của người dự kiểm tra {first.person.full_name} (hoặc chính là "
        "người này): không được chấm người này."
    )
    assert refused.value.code == "conflict" and "NĐ 138/2020" in refused.value.basis
    assert {m.user_id for m in examiners_for(oral.part, first)} == {
        oral.panel[0].pk,
        oral.panel[2].pk,
    }
    oral.score(second, oral.panel[1], "70")  # another candidate: allowed
    # The other two members are the whole panel for the first candidate.
    oral.score(first, oral.panel[0], "60")
    oral.score(first, oral.panel[2], "64")
    case = _case(oral, first)
    assert case.state == PanelState.FINAL and case.score == D(62) and case.examiners == 2


def test_a_member_who_is_also_a_paper_setter_never_scores(oral):
    board_member_add(actor=oral.organiser, plan=oral.plan, board="papers", user=oral.panel[2])
    with pytest.raises(PermissionDeniedError):
        oral.score(oral.candidates[0], oral.panel[2], "60")
    assert oral.panel[2].pk not in expected_examiners(oral.part)[oral.candidates[0].pk]


# --- The panel rule ----------------------------------------------------------------------------


def test_the_average_is_final_only_once_every_member_has_scored(oral):
    candidate = oral.candidates[0]
    oral.score(candidate, oral.panel[0], "60")
    oral.score(candidate, oral.panel[1], "62")
    assert _case(oral, candidate).state == PanelState.SCORING
    assert part_final_scores(oral.part) == {}
    oral.score(candidate, oral.panel[2], "66")
    case = _case(oral, candidate)
    assert case.state == PanelState.FINAL and case.method == Method.AVERAGE
    assert case.score == D("62.67")  # 188 / 3 = 62.666…, half-up
    assert (case.lowest, case.highest, case.spread, case.tolerance) == (D(60), D(66), D(6), D(10))
    assert case.profile == f"{oral.plan.exam_profile}"
    event = AuditEvent.objects.get(action="grading.panel_final")
    assert event.data["score"] == "62.67" and event.data["totals"] == ["60.00", "62.00", "66.00"]


def test_a_spread_at_the_tolerance_takes_the_average(oral):
    candidate = oral.candidates[0]
    for member, total in zip(oral.panel, ("60", "65", "70"), strict=True):
        oral.score(candidate, member, total)
    case = _case(oral, candidate)
    assert case.state == PanelState.FINAL and case.score == D(65) and case.spread == D(10)


def test_beyond_the_tolerance_the_head_decides_with_a_reason(oral):
    candidate = oral.candidates[0]
    for member, total in zip(oral.panel, ("60", "64", "70.25"), strict=True):
        oral.score(candidate, member, total)
    case = _case(oral, candidate)
    assert case.state == PanelState.HEAD and case.score is None and case.spread == D("10.25")
    assert AuditEvent.objects.filter(action="grading.panel_head_needed").count() == 1
    assert part_final_scores(oral.part) == {}
    with pytest.raises(PermissionDeniedError) as refused:
        panel_decide(
            actor=oral.panel[1], part=oral.part, candidate=candidate, score=D(65), reason="x"
        )
    assert refused.value.message == (
        "Chỉ Trưởng ban kiểm tra sát hạch được quyết định điểm khi chênh lệch vượt mức."
    )
    with pytest.raises(ServiceError) as refused:
        panel_decide(actor=oral.head, part=oral.part, candidate=candidate, score=D(65), reason=" ")
    assert refused.value.message == "Hãy ghi lý do quyết định điểm."
    with pytest.raises(ServiceError) as refused:
        panel_decide(
            actor=oral.head, part=oral.part, candidate=candidate, score=D("65.1"), reason="x"
        )
    assert refused.value.message == "Điểm quyết định (65,1) phải là bội số của 0,25 điểm."
    panel_decide(
        actor=oral.head,
        part=oral.part,
        candidate=candidate,
        score=D("65.5"),
        reason="Giải pháp khả thi nhưng căn cứ pháp lý chưa đủ",
    )
    case.refresh_from_db()
    assert case.state == PanelState.FINAL and case.method == Method.HEAD
    assert case.score == D("65.5") and case.decided_by == oral.head
    assert part_final_scores(oral.part) == {candidate.pk: D("65.50")}
    event = AuditEvent.objects.get(action="grading.panel_decide")
    assert event.data["reason"] == "Giải pháp khả thi nhưng căn cứ pháp lý chưa đủ"
    with pytest.raises(ServiceError) as refused:
        panel_decide(actor=oral.head, part=oral.part, candidate=candidate, score=D(60), reason="x")
    assert refused.value.message == (
        f"Điểm của {candidate.person.full_name} không chờ Trưởng ban quyết định."
    )


def test_the_head_may_end_scoring_with_the_members_present(oral):
    candidate = oral.candidates[0]
    oral.score(candidate, oral.panel[1], "70")
    with pytest.raises(ServiceError) as refused:
        panel_close(actor=oral.head, part=oral.part, candidate=candidate, reason="Vắng")
    assert refused.value.message == (
        f"Mới có 1 thành viên chấm {candidate.person.full_name}: cần ít nhất 2 thành viên."
    )
    oral.score(candidate, oral.panel[0], "74")
    with pytest.raises(PermissionDeniedError):
        panel_close(actor=oral.panel[1], part=oral.part, candidate=candidate, reason="Vắng")
    panel_close(actor=oral.head, part=oral.part, candidate=candidate, reason="Thành viên thứ ba ốm")
    case = _case(oral, candidate)
    assert case.state == PanelState.FINAL and case.score == D(72) and case.examiners == 2
    assert case.close_reason == "Thành viên thứ ba ốm" and case.closed_by == oral.head
    with pytest.raises(ServiceError) as refused:
        oral.score(candidate, oral.panel[2], "50")
    assert refused.value.message == (
        f"Đã kết thúc chấm {candidate.person.full_name}: không nhận thêm điểm."
    )


# --- What results read ------------------------------------------------------------------------


def test_final_oral_scores_reach_results_and_progress_counts_them(oral):
    first, second, third = oral.candidates
    assert part_marking_progress(oral.part) == (0, 3)
    for member, total in zip(oral.panel, ("80", "82", "84"), strict=True):
        oral.score(first, member, total)
    for member, total in zip(oral.panel, ("40", "60", "45"), strict=True):
        oral.score(second, member, total)  # beyond tolerance: waits for the head
    oral.score(third, oral.panel[0], "55")
    assert part_final_scores(oral.part) == {first.pk: D("82.00")}
    assert part_marking_progress(oral.part) == (1, 3)
    panel_decide(actor=oral.head, part=oral.part, candidate=second, score=D(50), reason="Họp")
    assert part_final_scores(oral.part) == {first.pk: D("82.00"), second.pk: D("50.00")}
    assert part_marking_progress(oral.part) == (2, 3)
    assert not remark_is_settled(oral.part, first)


def test_an_oral_part_with_a_sitting_has_the_seated_candidates(db):
    exam = make_oral_exam(3, seated=True)
    exam.set_rubric()
    assert part_candidates(exam.part).count() == 3
    left_out = exam.candidates[2]
    Seat.objects.filter(candidate=left_out).delete()
    assert list(part_candidates(exam.part).order_by("number")) == exam.candidates[:2]
    assert part_marking_progress(exam.part) == (0, 2)
    with pytest.raises(ServiceError) as refused:
        exam.score(left_out, exam.head, "60")
    assert refused.value.message == (
        f"{left_out.person.full_name} không dự phần thi “Xử lý tình huống”."
    )


def test_published_results_lock_the_panel(oral):
    candidate = oral.candidates[0]
    oral.score(candidate, oral.panel[0], "70")
    Plan.objects.filter(pk=oral.plan.pk).update(results_published_at=timezone.now())
    with pytest.raises(ServiceError) as refused:
        oral.score(candidate, oral.panel[1], "70")
    assert refused.value.message == (
        "Kết quả của kế hoạch “VANDAP” đã công bố: điểm vấn đáp, thực hành không thay đổi được nữa."
    )
