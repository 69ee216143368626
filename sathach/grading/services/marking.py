"""Marking and reconciliation (domain.md §1.4, ``sathach.lib.rules.marking``).

Each marker submits their mark once (per question when the guide has a scale per question).
When both marks are in, the rule of the plan's profile decides: within the tolerance the
average is final; beyond it the two markers each record an agreed score, and if the two agreed
scores still differ the head of the board decides with a reason. The same round logic serves a
re-marking round (``remarks``), whose head is the head of Ban phúc khảo.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.rules.marking import (
    BASIS_DOUBLE_MARKING,
    BASIS_REMARK,
    Outcome,
    RemarkOutcome,
    reconcile,
    remark_outcome,
    settle_discussion,
)

from ..constants import Method, RemarkState, ScriptState
from ..models import Mark, MarkingGuide, Reconciliation, Remark, Script
from ..permissions import is_appeals_head, is_marking_head
from .common import (
    check_mark,
    check_score,
    clean_text,
    marking_rules,
    part_profile,
    require_actor,
    score_text,
)
from .remarks import appeal_settle_from


def _locked_mark(mark: Mark) -> Mark:
    """Lock the script (and its re-marking round) first, then the mark: the two markers of a
    script submitting at the same moment queue on the script instead of deadlocking."""
    Script.objects.select_for_update().filter(pk=mark.script_id).get()
    if mark.remark_id is not None:
        Remark.objects.select_for_update().filter(pk=mark.remark_id).get()
    # Lock the mark row only: PostgreSQL refuses FOR UPDATE on the outer join to ``remark``.
    return (
        Mark.objects.select_for_update(of=("self",))
        .select_related("script__part__plan", "remark")
        .get(pk=mark.pk)
    )


def _require_own(actor: Any, mark: Mark) -> None:
    if actor is None or getattr(actor, "pk", None) != mark.marker_id:
        raise PermissionDeniedError(_("Bài này không được phân công cho bạn."), code="not_yours")


def _round_state(mark: Mark) -> str:
    return mark.remark.state if mark.remark is not None else mark.script.state


def _round_marks(script: Script, remark: Remark | None) -> list[Mark]:
    marks = Mark.objects.select_for_update().filter(script=script, remark=remark).order_by("slot")
    return list(marks)


def _set_round_state(script: Script, remark: Remark | None, state: str) -> None:
    if remark is not None:
        remark.state = state
        remark.save(update_fields=["state", "updated_at"])
    else:
        script.state = state
        script.save(update_fields=["state", "updated_at"])


def _finish_round(
    *,
    actor: Any,
    script: Script,
    remark: Remark | None,
    marks: list[Mark],
    method: str,
    score: Decimal,
    difference: Decimal,
    tolerance: Decimal,
    reason: str = "",
) -> None:
    """Record how the round's mark was reached and move the script (or re-mark) on."""
    profile = part_profile(script.part)
    first, second = marks[0].score, marks[1].score
    assert first is not None and second is not None
    Reconciliation.objects.create(
        script=script,
        remark=remark,
        method=method,
        first=first,
        second=second,
        difference=difference,
        tolerance=tolerance,
        score=score,
        decided_by=actor if getattr(actor, "pk", None) else None,
        reason=reason,
        profile=profile.ref,
    )
    now = timezone.now()
    data: dict[str, Any] = {"code": script.code, "method": method, "score": score}
    target: Script | Remark
    if remark is None:
        script.final_score = score
        script.finalised_at = now
        script.state = ScriptState.FINAL
        script.save(update_fields=["final_score", "finalised_at", "state", "updated_at"])
        action, target = "grading.script_final", script
    else:
        remark.remark_score = score
        # domain.md §1.4 (appeals): a re-mark equal to the original confirms it; a different
        # one calls the original and the new markers to a meeting.
        if remark_outcome(remark.original_score, score) == RemarkOutcome.CONFIRMED:
            remark.state = RemarkState.CONFIRMED
            remark.final_score = remark.original_score
            remark.settled_at = now
        else:
            remark.state = RemarkState.MEETING
        remark.save(
            update_fields=["remark_score", "state", "final_score", "settled_at", "updated_at"]
        )
        data["outcome"] = remark.state
        action, target = "grading.remark_marked", remark
    audit_record(actor=actor, action=action, target=target, data=data, profile=profile.ref)
    if remark is not None:
        appeal_settle_from(actor, remark)


def _both_marked(actor: Any, script: Script, remark: Remark | None) -> None:
    marks = _round_marks(script, remark)
    if len(marks) < 2 or any(m.score is None for m in marks):
        return
    first, second = marks[0].score, marks[1].score
    assert first is not None and second is not None
    # domain.md §1.4, TT 06/2020/TT-BNV and later; profile key marking_tolerance_percent.
    result = reconcile(first, second, marking_rules(script.part))
    if result.outcome == Outcome.AVERAGE:
        assert result.score is not None
        _finish_round(
            actor=actor,
            script=script,
            remark=remark,
            marks=marks,
            method=Method.AVERAGE,
            score=result.score,
            difference=result.difference,
            tolerance=result.tolerance,
        )
        return
    _set_round_state(script, remark, ScriptState.DISCUSSION)
    audit_record(
        actor=actor,
        action="grading.discussion_open",
        target=remark or script,
        data={"code": script.code, "difference": result.difference, "tolerance": result.tolerance},
        profile=part_profile(script.part).ref,
    )


def guide_questions(script: Script) -> tuple[list[str], list[Decimal]]:
    """Return the labels and maxima of the part's per-question scale (empty: total only)."""
    guide = MarkingGuide.objects.filter(part_id=script.part_id).first()
    questions = guide.questions if guide is not None else []
    return [q["label"] for q in questions], [Decimal(q["max"]) for q in questions]


@transaction.atomic
def mark_submit(
    *,
    actor: Any,
    mark: Mark,
    total: Decimal,
    question_scores: list[Decimal] | None = None,
    comment: str = "",
) -> Mark:
    """Submit the marker's own mark for an assigned script; it cannot be changed afterwards.

    With a per-question scale, every question gets a score within 0…its maximum on the
    profile's step, and they add up to ``total``.
    """
    mark = _locked_mark(mark)
    _require_own(actor, mark)
    script, remark = mark.script, mark.remark
    if mark.submitted_at is not None:
        raise ServiceError(
            _("Bạn đã nộp điểm bài số phách %(c)s: điểm đã nộp không sửa được.")
            % {"c": script.code},
            code="already_submitted",
        )
    if _round_state(mark) != ScriptState.MARKING:
        raise ServiceError(
            _("Bài số phách %(c)s không còn ở bước chấm điểm.") % {"c": script.code},
            code="not_marking",
        )
    labels, maxima = guide_questions(script)
    scores = list(question_scores or [])
    check_mark(script.part, scores, maxima, labels, total)
    mark.score = Decimal(total)
    mark.question_scores = [str(Decimal(s)) for s in scores]
    mark.comment = (comment or "").strip()
    mark.submitted_at = timezone.now()
    mark.save(update_fields=["score", "question_scores", "comment", "submitted_at", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.mark_submit",
        target=mark,
        data={
            "code": script.code,
            "slot": mark.slot,
            "score": mark.score,
            "questions": mark.question_scores,
            "remark": remark is not None,
        },
        profile=part_profile(script.part).ref,
    )
    _both_marked(actor, script, remark)
    return mark


@transaction.atomic
def mark_agree(*, actor: Any, mark: Mark, score: Decimal) -> Mark:
    """Record the score the marker agrees on after discussing a difference beyond tolerance.

    When both markers have entered the same score it is final; when both have entered and the
    scores differ, the head of the board decides (domain.md §1.4).
    """
    mark = _locked_mark(mark)
    _require_own(actor, mark)
    script, remark = mark.script, mark.remark
    if _round_state(mark) != ScriptState.DISCUSSION:
        raise ServiceError(
            _("Bài số phách %(c)s không ở bước trao đổi thống nhất điểm.") % {"c": script.code},
            code="not_discussion",
        )
    mark.agreed_score = check_score(script.part, score, _("Điểm thống nhất"))
    mark.agreed_at = timezone.now()
    mark.save(update_fields=["agreed_score", "agreed_at", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.mark_agree",
        target=mark,
        data={"code": script.code, "slot": mark.slot, "agreed": mark.agreed_score},
        profile=part_profile(script.part).ref,
    )
    marks = _round_marks(script, remark)
    outcome = settle_discussion(marks[0].agreed_score, marks[1].agreed_score)
    if outcome is None:
        return mark
    first, second = marks[0].score, marks[1].score
    assert first is not None and second is not None
    if outcome == Outcome.AGREED:
        assert mark.agreed_score is not None
        _finish_round(
            actor=actor,
            script=script,
            remark=remark,
            marks=marks,
            method=Method.AGREED,
            score=mark.agreed_score,
            difference=abs(first - second),
            tolerance=marking_rules(script.part).tolerance,
        )
    else:
        _set_round_state(script, remark, ScriptState.HEAD)
        audit_record(
            actor=actor,
            action="grading.disagreement",
            target=remark or script,
            data={
                "code": script.code,
                "agreed": [marks[0].agreed_score, marks[1].agreed_score],
            },
            profile=part_profile(script.part).ref,
        )
    return mark


def _decide(actor: Any, script: Script, remark: Remark | None, score: Decimal, reason: str) -> None:
    reason = clean_text(reason, _("Hãy ghi lý do quyết định điểm."))
    score = check_score(script.part, score, _("Điểm quyết định"))
    marks = _round_marks(script, remark)
    first, second = marks[0].score, marks[1].score
    assert first is not None and second is not None
    _finish_round(
        actor=actor,
        script=script,
        remark=remark,
        marks=marks,
        method=Method.HEAD,
        score=score,
        difference=abs(first - second),
        tolerance=marking_rules(script.part).tolerance,
        reason=reason,
    )


@transaction.atomic
def script_decide(*, actor: Any, script: Script, score: Decimal, reason: str) -> Script:
    """Decide the mark of a script whose two markers still disagree: the head of Ban chấm
    thi, with a reason (domain.md §1.4, TT 06/2020/TT-BNV and later)."""
    script = Script.objects.select_for_update().select_related("part__plan").get(pk=script.pk)
    require_actor(
        actor,
        script.part.plan,
        is_marking_head,
        _("Chỉ Trưởng ban chấm thi được quyết định điểm khi hai giám khảo không thống nhất."),
    )
    if script.state != ScriptState.HEAD:
        raise ServiceError(
            _("Bài số phách %(c)s không chờ Trưởng ban quyết định.") % {"c": script.code},
            code="not_head",
            basis=BASIS_DOUBLE_MARKING,
        )
    _decide(actor, script, None, score, reason)
    script.refresh_from_db()
    return script


@transaction.atomic
def remark_decide(*, actor: Any, remark: Remark, score: Decimal, reason: str) -> Remark:
    """Decide the re-mark when the two re-markers still disagree: the head of Ban phúc khảo."""
    remark = (
        Remark.objects.select_for_update().select_related("script__part__plan").get(pk=remark.pk)
    )
    script = remark.script
    require_actor(
        actor,
        script.part.plan,
        is_appeals_head,
        _("Chỉ Trưởng ban phúc khảo được quyết định điểm khi hai giám khảo không thống nhất."),
    )
    if remark.state != RemarkState.HEAD:
        raise ServiceError(
            _("Bài phúc khảo số phách %(c)s không chờ Trưởng ban quyết định.") % {"c": script.code},
            code="not_head",
            basis=BASIS_REMARK,
        )
    _decide(actor, script, remark, score, reason)
    remark.refresh_from_db()
    return remark


def mark_label(mark: Mark) -> str:
    """Return "7,25" for a submitted mark, "—" otherwise (for lists and records)."""
    return score_text(mark.score) if mark.score is not None else "—"
