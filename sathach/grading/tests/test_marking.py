"""Marking and reconciliation through the services (domain.md §1.4; the plan's profile
TT22-2025 sets 10 % of 100 = 10 points): marks checked per question and in total, never edited
once submitted;
the average at and below the tolerance, discussion above it, the agreed score, the head's
decision with a reason; the guide frozen once a mark is in; every step audited."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.grading.constants import Method, ScriptState
from sathach.grading.models import Reconciliation
from sathach.grading.services import guide_set, mark_agree, mark_submit, script_decide
from sathach.grading.testing import QUESTIONS, split

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def script(assigned):
    return assigned.scripts()[0]


def _marks(exam, script):
    return exam.marks(script)


def _submit(mark, total, questions=None, comment=""):
    return mark_submit(
        actor=mark.marker,
        mark=mark,
        total=D(total),
        question_scores=split(D(total)) if questions is None else [D(q) for q in questions],
        comment=comment,
    )


def _refusal(call) -> str:
    with pytest.raises(ServiceError) as refused:
        call()
    return refused.value.message


# --- One mark -----------------------------------------------------------------------------


def test_a_mark_is_stored_with_its_questions_comment_and_time(assigned, script):
    first, _second = _marks(assigned, script)
    _submit(first, "62.5", ["30.25", "32.25"], comment="  Trình bày rõ.  ")
    first.refresh_from_db()
    assert first.score == D("62.50")
    assert first.question_scores == ["30.25", "32.25"]
    assert first.comment == "Trình bày rõ."
    assert first.submitted_at is not None
    event = AuditEvent.objects.get(action="grading.mark_submit")
    assert event.data == {
        "code": script.code,
        "slot": 1,
        "score": "62.5",
        "questions": ["30.25", "32.25"],
        "remark": False,
    }
    script.refresh_from_db()
    assert script.state == ScriptState.MARKING  # one mark is not enough


@pytest.mark.parametrize(
    ("questions", "total", "message"),
    [
        (["41", "20"], "61", "Câu 1 (41) lớn hơn điểm tối đa 40."),
        (["-0.25", "20"], "19.75", "Câu 1 (-0,25) không được âm."),
        (["30", "20.1"], "50.1", "Câu 2 (20,1) phải là bội số của 0,25 điểm."),
        (["30", "20"], "51", "Tổng điểm các câu (50) khác tổng điểm đã ghi (51)."),
        (["30"], "30", "Hãy ghi điểm đủ 2 câu theo thang điểm."),
        (["40", "60.25"], "100.25", "Câu 2 (60,25) lớn hơn điểm tối đa 60."),
    ],
)
def test_a_mark_outside_the_scale_is_refused(assigned, script, questions, total, message):
    first, _ = _marks(assigned, script)
    assert _refusal(lambda: _submit(first, total, questions)) == message
    first.refresh_from_db()
    assert first.submitted_at is None and first.score is None


def test_off_step_refusal_cites_the_profile(assigned, script):
    first, _ = _marks(assigned, script)
    with pytest.raises(ServiceError) as refused:
        _submit(first, "50.1", ["30", "20.1"])
    assert "0,25" in refused.value.basis


def test_a_submitted_mark_cannot_be_edited(assigned, script):
    first, _ = _marks(assigned, script)
    _submit(first, "60")
    assert _refusal(lambda: _submit(first, "70")) == (
        f"Bạn đã nộp điểm bài số phách {script.code}: điểm đã nộp không sửa được."
    )
    first.refresh_from_db()
    assert first.score == D(60)


def test_nobody_submits_another_markers_mark(assigned, script):
    first, second = _marks(assigned, script)
    for actor in (second.marker, assigned.marking_head, assigned.organiser, None):
        with pytest.raises(PermissionDeniedError) as refused:
            mark_submit(actor=actor, mark=first, total=D(60), question_scores=split(D(60)))
        assert refused.value.message == "Bài này không được phân công cho bạn."


def test_a_total_only_guide_checks_the_total(assigned, script):
    guide = assigned.part.marking_guide
    guide.questions = []
    guide.save()
    first, _ = _marks(assigned, script)
    assert (
        _refusal(lambda: mark_submit(actor=first.marker, mark=first, total=D("100.5")))
        == "Tổng điểm (100,5) lớn hơn điểm tối đa 100."
    )
    mark_submit(actor=first.marker, mark=first, total=D("99.75"))


# --- Reconciliation -------------------------------------------------------------------------


def test_marks_ten_points_apart_are_averaged(assigned, script):
    first, second = _marks(assigned, script)
    _submit(first, "50")
    _submit(second, "60")
    script.refresh_from_db()
    assert script.state == ScriptState.FINAL
    assert script.final_score == D("55.00")
    record = Reconciliation.objects.get(script=script)
    assert record.method == Method.AVERAGE
    assert (record.first, record.second, record.difference) == (D(50), D(60), D(10))
    assert record.tolerance == D(10)
    assert record.profile == assigned.plan.exam_profile == "TT22-2025@1"
    final = AuditEvent.objects.get(action="grading.script_final")
    assert final.data == {"code": script.code, "method": "average", "score": "55.00"}


def test_marks_just_below_the_tolerance_are_averaged_half_up(assigned, script):
    first, second = _marks(assigned, script)
    _submit(first, "50")
    _submit(second, "59.75")
    script.refresh_from_db()
    assert script.state == ScriptState.FINAL
    assert script.final_score == D("54.88")  # 54.875 → 54.88


def test_marks_just_above_the_tolerance_go_to_discussion(assigned, script):
    first, second = _marks(assigned, script)
    _submit(first, "50")
    _submit(second, "60.25")
    script.refresh_from_db()
    assert script.state == ScriptState.DISCUSSION
    assert script.final_score is None
    assert not Reconciliation.objects.exists()
    event = AuditEvent.objects.get(action="grading.discussion_open")
    assert event.data == {"code": script.code, "difference": "10.25", "tolerance": "10.00"}


@pytest.fixture
def discussed(assigned, script):
    first, second = _marks(assigned, script)
    _submit(first, "50")
    _submit(second, "65")
    return script


def test_the_agreed_score_is_final_when_both_markers_enter_it(assigned, discussed):
    first, second = _marks(assigned, discussed)
    mark_agree(actor=first.marker, mark=first, score=D("56"))
    mark_agree(actor=first.marker, mark=first, score=D("57.5"))  # revised while discussing
    discussed.refresh_from_db()
    assert discussed.state == ScriptState.DISCUSSION
    mark_agree(actor=second.marker, mark=second, score=D("57.50"))
    discussed.refresh_from_db()
    assert discussed.state == ScriptState.FINAL
    assert discussed.final_score == D("57.50")
    record = Reconciliation.objects.get(script=discussed)
    assert record.method == Method.AGREED and record.difference == D(15)
    assert AuditEvent.objects.filter(action="grading.mark_agree").count() == 3


def test_different_agreed_scores_go_to_the_head_who_decides_with_a_reason(assigned, discussed):
    first, second = _marks(assigned, discussed)
    mark_agree(actor=first.marker, mark=first, score=D("55"))
    mark_agree(actor=second.marker, mark=second, score=D("60"))
    discussed.refresh_from_db()
    assert discussed.state == ScriptState.HEAD
    assert _refusal(lambda: mark_agree(actor=first.marker, mark=first, score=D("60"))) == (
        f"Bài số phách {discussed.code} không ở bước trao đổi thống nhất điểm."
    )
    assert (
        _refusal(
            lambda: script_decide(
                actor=assigned.marking_head, script=discussed, score=D("58"), reason=" "
            )
        )
        == "Hãy ghi lý do quyết định điểm."
    )
    with pytest.raises(PermissionDeniedError) as refused:
        script_decide(actor=assigned.markers[1], script=discussed, score=D(58), reason="x")
    assert refused.value.message == (
        "Chỉ Trưởng ban chấm thi được quyết định điểm khi hai giám khảo không thống nhất."
    )
    script_decide(
        actor=assigned.marking_head, script=discussed, score=D("58.25"), reason="Theo đáp án"
    )
    discussed.refresh_from_db()
    assert discussed.state == ScriptState.FINAL and discussed.final_score == D("58.25")
    record = Reconciliation.objects.get(script=discussed)
    assert record.method == Method.HEAD
    assert record.decided_by == assigned.marking_head and record.reason == "Theo đáp án"


def test_the_head_decides_only_a_script_waiting_for_it(assigned, discussed):
    assert (
        _refusal(
            lambda: script_decide(
                actor=assigned.marking_head, script=discussed, score=D(58), reason="x"
            )
        )
        == f"Bài số phách {discussed.code} không chờ Trưởng ban quyết định."
    )


def test_an_agreed_score_off_the_scale_is_refused(assigned, discussed):
    first, _ = _marks(assigned, discussed)
    assert _refusal(lambda: mark_agree(actor=first.marker, mark=first, score=D("100.5"))) == (
        "Điểm thống nhất (100,5) lớn hơn điểm tối đa 100."
    )


def test_no_agreed_score_while_marks_are_within_tolerance(assigned, script):
    first, _ = _marks(assigned, script)
    assert _refusal(lambda: mark_agree(actor=first.marker, mark=first, score=D(50))) == (
        f"Bài số phách {script.code} không ở bước trao đổi thống nhất điểm."
    )


def test_a_five_percent_profile_moves_the_boundary(assigned, script, monkeypatch):
    from dataclasses import replace

    from sathach.core import profiles
    from sathach.lib.rules.profiles import RuleValue

    real = profiles.get(assigned.plan.exam_profile)
    five = replace(
        real, rules={**real.rules, "marking_tolerance_percent": RuleValue(5, "thử nghiệm")}
    )
    monkeypatch.setattr(profiles, "get", lambda ref: five if ref == real.ref else real)
    first, second = _marks(assigned, script)
    _submit(first, "50")
    _submit(second, "55.25")
    script.refresh_from_db()
    assert script.state == ScriptState.DISCUSSION
    other = assigned.scripts()[1]
    first, second = _marks(assigned, other)
    _submit(first, "50")
    _submit(second, "55")
    other.refresh_from_db()
    assert other.state == ScriptState.FINAL and other.final_score == D("52.50")


# --- The guide ------------------------------------------------------------------------------


def test_the_guide_scale_must_add_up_to_the_part_maximum(coded):
    with pytest.raises(ServiceError) as refused:
        guide_set(
            actor=coded.papers,
            part=coded.part,
            text="Đáp án",
            questions=[("Câu 1", D(40)), ("Câu 2", D(50))],
        )
    assert refused.value.message == (
        "Tổng điểm tối đa các câu (90) khác điểm tối đa của phần thi (100)."
    )
    guide = guide_set(actor=coded.papers, part=coded.part, text=" Đáp án ", questions=QUESTIONS)
    assert guide.questions == [
        {"label": "Câu 1", "max": "40.00"},
        {"label": "Câu 2", "max": "60.00"},
    ]
    assert guide.text == "Đáp án"


def test_only_ban_de_thi_or_the_organiser_enters_the_guide(coded):
    with pytest.raises(PermissionDeniedError) as refused:
        guide_set(actor=coded.markers[1], part=coded.part, text="x")
    assert refused.value.message == (
        "Chỉ Ban đề thi hoặc cán bộ tổ chức kỳ kiểm tra nhập đáp án, thang điểm."
    )
    guide_set(actor=coded.organiser, part=coded.part, text="Đáp án của tổ chức")


def test_the_guide_is_frozen_once_a_mark_is_in(assigned, script):
    first, _ = _marks(assigned, script)
    _submit(first, "60")
    with pytest.raises(ServiceError) as refused:
        guide_set(actor=assigned.papers, part=assigned.part, text="Đáp án mới")
    assert refused.value.message == (
        "Đã có giám khảo nộp điểm: không sửa đáp án, thang điểm được nữa."
    )


def test_a_ten_point_part_sends_marks_three_points_apart_to_discussion(db):
    from sathach.grading.testing import make_written_exam

    exam = make_written_exam(2, max_score=D(10))
    exam.collect_and_code()
    exam.set_guide()
    exam.assign()
    near, far = exam.scripts()
    exam.mark(near, D(6), D(7))
    exam.mark(far, D(5), D(8))
    near.refresh_from_db()
    far.refresh_from_db()
    assert near.state == ScriptState.FINAL and near.final_score == D("6.50")
    assert far.state == ScriptState.DISCUSSION
    assert exam.part.marking_guide.questions == [
        {"label": "Câu 1", "max": "4.00"},
        {"label": "Câu 2", "max": "6.00"},
    ]
