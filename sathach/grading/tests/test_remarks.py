"""Re-marking after an appeal (domain.md §1.4): only written scripts (computer parts only when
the profile allows, interviews never), two members of Ban phúc khảo other than the original
markers and without conflict, the same pages; a re-mark equal to the original confirms it, a
different one goes to a meeting of the markers and, without agreement, to the council Chair;
the settled mark replaces the original in ``part_final_scores``."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from sathach.audit.models import AuditEvent
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.grading.constants import Method, RemarkState
from sathach.grading.models import Mark, Reconciliation, Remark
from sathach.grading.selectors import part_final_scores, remark_is_settled
from sathach.grading.services import (
    mark_agree,
    mark_submit,
    remark_chair_decide,
    remark_decide,
    remark_meeting_record,
    remark_open,
)
from sathach.grading.testing import make_written_exam, split
from sathach.lib.rules.profiles import RuleValue
from sathach.org.constants import Relation
from sathach.org.models import Relative
from sathach.plans.constants import Board, PartKind
from sathach.plans.services import blueprint_part_add, board_member_add

pytestmark = pytest.mark.django_db

D = Decimal
REASON = "Đề nghị chấm phúc khảo bài thi viết"


@pytest.fixture
def finished(db):
    """A paper written part, marked 60 and 64 (final 62) for everyone, re-matched."""
    exam = make_written_exam(3, sitting_mode="paper")
    exam.finish()
    return exam


def _open(exam, candidate=None):
    return remark_open(
        actor=exam.organiser,
        part=exam.part,
        candidate=candidate or exam.candidates[0],
        reason=REASON,
    )


def _remark_marks(remark):
    return list(Mark.objects.filter(remark=remark).select_related("marker").order_by("slot"))


def _remark_with(exam, first, second):
    remark = _open(exam)
    for mark, total in zip(_remark_marks(remark), (first, second), strict=True):
        mark_submit(actor=mark.marker, mark=mark, total=D(total), question_scores=split(D(total)))
    remark.refresh_from_db()
    return remark


def test_opening_assigns_two_appeals_members_who_did_not_mark_it(finished):
    candidate = finished.candidates[0]
    script = finished.script_of(candidate)
    originals = [m.marker for m in finished.marks(script)]
    # Both original markers also sit on Ban phúc khảo: they must not re-mark their script.
    for user in originals:
        board_member_add(
            actor=finished.organiser, plan=finished.plan, board=Board.APPEALS, user=user
        )
    remark = _open(finished, candidate)
    chosen = {m.marker for m in _remark_marks(remark)}
    assert len(chosen) == 2
    assert not chosen & set(originals)
    assert chosen <= set(finished.appeals)
    assert remark.state == RemarkState.MARKING
    assert remark.original_score == D("62.00")
    event = AuditEvent.objects.get(action="grading.remark_open")
    assert event.data["code"] == script.code and event.data["reason"] == REASON
    assert sorted(event.data["markers"]) == sorted(u.username for u in chosen)


def test_a_relative_on_ban_phuc_khao_never_re_marks(finished):
    candidate = finished.candidates[0]
    Relative.objects.create(
        person=finished.appeals[1].person, relative=candidate.person, relation=Relation.SIBLING
    )
    remark = _open(finished, candidate)
    assert {m.marker for m in _remark_marks(remark)} == {finished.appeals[0], finished.appeals[2]}


def test_too_few_appeals_members_is_refused(finished):
    candidate = finished.candidates[0]
    Relative.objects.create(
        person=finished.appeals[1].person, relative=candidate.person, relation=Relation.SIBLING
    )
    Relative.objects.create(
        person=finished.appeals[2].person, relative=candidate.person, relation=Relation.SPOUSE
    )
    with pytest.raises(ServiceError) as refused:
        _open(finished, candidate)
    code = finished.script_of(candidate).code
    assert refused.value.message == (
        f"Không đủ 2 giám khảo để chấm bài số phách {code}: Ban phúc khảo chỉ có 1 người không "
        "kiêm nhiệm ra đề, làm phách, coi thi và không có quan hệ thân nhân với người dự kiểm tra."
    )
    assert not Remark.objects.exists()


def test_a_re_mark_equal_to_the_original_confirms_it(finished):
    remark = _remark_with(finished, "61", "63")
    assert remark.state == RemarkState.CONFIRMED
    assert remark.remark_score == D("62.00") and remark.final_score == D("62.00")
    assert remark.settled_at is not None
    assert remark_is_settled(finished.part, finished.candidates[0])
    assert part_final_scores(finished.part)[finished.candidates[0].pk] == D("62.00")
    assert Reconciliation.objects.get(remark=remark).method == Method.AVERAGE


def test_a_different_re_mark_goes_to_a_meeting_and_the_agreed_mark_is_final(finished):
    remark = _remark_with(finished, "70", "72")
    assert remark.state == RemarkState.MEETING and remark.remark_score == D("71.00")
    assert remark.final_score is None
    assert not remark_is_settled(finished.part, finished.candidates[0])
    assert part_final_scores(finished.part)[finished.candidates[0].pk] == D("62.00")
    with pytest.raises(ServiceError) as refused:
        remark_meeting_record(
            actor=finished.appeals_head, remark=remark, agreed=True, score=None, note="Họp"
        )
    assert refused.value.message == "Hãy ghi điểm đã thống nhất."
    with pytest.raises(ServiceError) as refused:
        remark_meeting_record(
            actor=finished.appeals_head, remark=remark, agreed=True, score=D(68), note=" "
        )
    assert refused.value.message == "Hãy ghi nội dung buổi đối thoại."
    remark_meeting_record(
        actor=finished.appeals_head,
        remark=remark,
        agreed=True,
        score=D("68.5"),
        note="Bốn giám khảo đối thoại, thống nhất 68,5 điểm.",
    )
    remark.refresh_from_db()
    assert remark.state == RemarkState.SETTLED and remark.final_score == D("68.50")
    assert remark.meeting_agreed is True and remark.meeting_by == finished.appeals_head
    assert remark_is_settled(finished.part, finished.candidates[0])
    scores = part_final_scores(finished.part)
    assert scores[finished.candidates[0].pk] == D("68.50")
    assert scores[finished.candidates[1].pk] == D("62.00")
    assert AuditEvent.objects.filter(action="grading.remark_meeting").count() == 1


def test_without_agreement_the_council_chair_decides(finished):
    remark = _remark_with(finished, "70", "72")
    remark_meeting_record(
        actor=finished.organiser,
        remark=remark,
        agreed=False,
        score=None,
        note="Giám khảo chấm lần đầu giữ 62, giám khảo phúc khảo giữ 71.",
    )
    remark.refresh_from_db()
    assert remark.state == RemarkState.CHAIR
    with pytest.raises(PermissionDeniedError) as refused:
        remark_chair_decide(actor=finished.appeals_head, remark=remark, score=D(66), reason="x")
    assert refused.value.message == (
        "Chỉ Chủ tịch Hội đồng được quyết định điểm phúc khảo khi giám khảo không thống nhất."
    )
    remark_chair_decide(
        actor=finished.chair, remark=remark, score=D("66"), reason="Theo thang điểm câu 2"
    )
    remark.refresh_from_db()
    assert remark.state == RemarkState.SETTLED and remark.final_score == D(66)
    assert remark.chair_by == finished.chair
    assert part_final_scores(finished.part)[finished.candidates[0].pk] == D("66.00")
    event = AuditEvent.objects.get(action="grading.remark_chair_decide")
    assert event.data["score"] == "66" and event.data["reason"] == "Theo thang điểm câu 2"


def test_re_markers_beyond_tolerance_agree_or_the_head_of_appeals_decides(finished):
    remark = _remark_with(finished, "50", "75")
    assert remark.state == RemarkState.DISCUSSION
    first, second = _remark_marks(remark)
    mark_agree(actor=first.marker, mark=first, score=D(60))
    mark_agree(actor=second.marker, mark=second, score=D(70))
    remark.refresh_from_db()
    assert remark.state == RemarkState.HEAD
    with pytest.raises(PermissionDeniedError):
        remark_decide(actor=finished.marking_head, remark=remark, score=D(62), reason="x")
    remark_decide(actor=finished.appeals_head, remark=remark, score=D(62), reason="Đối chiếu")
    remark.refresh_from_db()
    # The decided re-mark equals the original: confirmed.
    assert remark.state == RemarkState.CONFIRMED and remark.final_score == D("62.00")
    assert Reconciliation.objects.get(remark=remark).method == Method.HEAD


def test_the_meeting_and_the_chair_act_only_in_their_turn(finished):
    remark = _open(finished)
    with pytest.raises(ServiceError) as refused:
        remark_meeting_record(
            actor=finished.appeals_head, remark=remark, agreed=False, score=None, note="x"
        )
    assert refused.value.message == (
        f"Bài phúc khảo số phách {remark.script.code} không chờ đối thoại."
    )
    with pytest.raises(ServiceError) as refused:
        remark_chair_decide(actor=finished.chair, remark=remark, score=D(60), reason="x")
    assert refused.value.message == (
        f"Bài phúc khảo số phách {remark.script.code} không chờ Chủ tịch Hội đồng quyết định."
    )


def test_a_script_is_re_marked_once_opened_by_the_organiser_or_the_head_of_appeals(finished):
    for user in (finished.appeals[1], finished.marking_head, finished.chair):
        with pytest.raises(PermissionDeniedError) as refused:
            remark_open(
                actor=user,
                part=finished.part,
                candidate=finished.candidates[0],
                reason=REASON,
            )
        assert refused.value.message == (
            "Chỉ Trưởng ban phúc khảo hoặc cán bộ tổ chức kỳ kiểm tra mở chấm phúc khảo."
        )
    by_head = remark_open(
        actor=finished.appeals_head,
        part=finished.part,
        candidate=finished.candidates[1],
        reason=REASON,
    )
    assert by_head.opened_by == finished.appeals_head
    with pytest.raises(ServiceError) as refused:
        remark_open(
            actor=finished.organiser,
            part=finished.part,
            candidate=finished.candidates[0],
            reason="",
        )
    assert refused.value.message == "Hãy ghi nội dung đơn phúc khảo."
    _open(finished)
    with pytest.raises(ServiceError) as refused:
        _open(finished)
    assert refused.value.message == "Bài thi này đã được phúc khảo."


def test_a_remark_needs_final_re_matched_marks(db):
    exam = make_written_exam(2, sitting_mode="paper")
    exam.collect_and_code()
    exam.set_guide()
    exam.assign()
    for script in exam.scripts():
        exam.mark(script, D(60), D(60))
    with pytest.raises(ServiceError) as refused:
        _open(exam)
    assert refused.value.message == (
        "Bài thi chưa có điểm chính thức (chưa ghép phách): chưa phúc khảo được."
    )


def test_a_computer_part_is_not_re_marked_under_the_profile(assigned):
    with pytest.raises(ServiceError) as refused:
        _open(assigned)
    ref = assigned.plan.exam_profile
    assert refused.value.message == (
        f"Phần thi “Thi viết chuyên môn” thi trên máy tính: không phúc khảo theo bộ quy tắc "
        f"{ref} (appeal_allowed_for_computer_tests = không)."
    )
    assert refused.value.basis == profiles.get(ref).basis("appeal_allowed_for_computer_tests")


def test_a_computer_part_is_re_marked_when_the_profile_allows_it(exam, monkeypatch):
    real = profiles.get(exam.plan.exam_profile)
    allowing = replace(
        real,
        rules={**real.rules, "appeal_allowed_for_computer_tests": RuleValue(True, "thử nghiệm")},
    )
    monkeypatch.setattr(profiles, "get", lambda ref: allowing if ref == real.ref else real)
    exam.finish()
    assert _open(exam).state == RemarkState.MARKING


def test_an_oral_part_is_never_re_marked(finished):
    finished.plan.refresh_from_db()
    oral = blueprint_part_add(
        actor=finished.organiser,
        plan=finished.plan,
        order=2,
        kind=PartKind.SITUATION,
        name="Xử lý tình huống",
        minutes=30,
        max_score=D(100),
        pass_mark=D(50),
    )
    with pytest.raises(ServiceError) as refused:
        remark_open(
            actor=finished.organiser, part=oral, candidate=finished.candidates[0], reason=REASON
        )
    assert refused.value.message == (
        "Phần thi “Xử lý tình huống” không phải bài thi viết: chỉ bài thi viết được phúc khảo "
        "(phỏng vấn, vấn đáp, trắc nghiệm không phúc khảo)."
    )
    assert not remark_is_settled(oral, finished.candidates[0])
    assert part_final_scores(oral) == {}


def test_ban_phach_sees_the_settled_re_mark_as_the_official_mark(finished):
    from sathach.grading.selectors import coding_rows

    remark = _remark_with(finished, "70", "72")
    remark_meeting_record(
        actor=finished.appeals_head, remark=remark, agreed=True, score=D(70), note="Thống nhất"
    )
    rows = {row.number: row.final for row in coding_rows(user=finished.coder, part=finished.part)}
    assert rows[finished.candidates[0].number] == D(70)
    assert rows[finished.candidates[1].number] == D("62.00")
