"""Re-marking after an appeal (phúc khảo), domain.md §1.4.

Only written scripts are re-marked; interviews never, and tests sat on computer only when the
profile says so (``appeal_allowed_for_computer_tests``). Two members of Ban phúc khảo who did not
mark the script first and have no conflict mark it again from the same pages, independently;
their marks are reconciled as in first marking (the head of Ban phúc khảo decides a
disagreement). A re-mark equal to the original final mark confirms it. A different one calls the
original and the new markers to a meeting with a written record; the mark they agree is final,
and if they do not agree the council Chair decides. An appeal (``appeals``) opens its round
through ``remark_open``; when the round settles, ``appeal_settle_from`` settles the appeal in
the same transaction.
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.lib.rules.marking import BASIS_REMARK
from sathach.plans.constants import MCQ_KINDS, Board, SittingMode
from sathach.plans.models import BlueprintPart, Candidate

from ..constants import MARKERS_PER_SCRIPT, REMARK_SETTLED, AppealState, RemarkState, ScriptState
from ..models import Appeal, Mark, PartMarking, Remark, Script, ScriptIdentity
from ..permissions import can_handle_appeals, can_record_meeting, is_chair
from .assignment import (
    candidate_persons,
    conflicted,
    eligible_markers,
    markers_short_error,
    pick_two,
    random_for,
    relative_pairs,
)
from .common import check_score, clean_text, part_profile, require_actor


def require_appealable(part: BlueprintPart) -> None:
    """Refuse a part whose marks are never re-marked: oral and MCQ parts, and parts sat on
    computer unless the profile allows it (``appeal_allowed_for_computer_tests``)."""
    profile = part_profile(part)
    key = "appeal_allowed_for_computer_tests"
    if part.sitting_mode == SittingMode.ORAL or part.kind in MCQ_KINDS:
        raise ServiceError(
            _(
                "Phần thi “%(p)s” không phải bài thi viết: chỉ bài thi viết được phúc khảo "
                "(phỏng vấn, vấn đáp, trắc nghiệm không phúc khảo)."
            )
            % {"p": part.name},
            code="not_appealable",
            basis=profile.basis(key),
        )
    if part.sitting_mode == SittingMode.COMPUTER and not profile.value(key):
        raise ServiceError(
            _(
                "Phần thi “%(p)s” thi trên máy tính: không phúc khảo theo bộ quy tắc %(r)s "
                "(appeal_allowed_for_computer_tests = không)."
            )
            % {"p": part.name, "r": profile.ref},
            code="not_appealable",
            basis=profile.basis(key),
        )


@transaction.atomic
def remark_open(*, actor: Any, part: BlueprintPart, candidate: Candidate, reason: str) -> Remark:
    """Open a re-marking round for ``candidate``'s written script of ``part`` and assign two
    members of Ban phúc khảo who were not its original markers and have no conflict.

    Opened by the organiser or the head of Ban phúc khảo. Refused for oral parts, for computer
    parts unless the profile allows it, before the part is re-matched (its marks are not final
    yet), and for a script already re-marked.
    """
    require_actor(
        actor,
        part.plan,
        can_handle_appeals,
        _("Chỉ Trưởng ban phúc khảo hoặc cán bộ tổ chức kỳ kiểm tra mở chấm phúc khảo."),
    )
    reason = clean_text(reason, _("Hãy ghi nội dung đơn phúc khảo."))
    require_appealable(part)
    identity = (
        ScriptIdentity.objects.select_related("script")
        .filter(part=part, candidate=candidate)
        .first()
    )
    if identity is None or identity.script.state == ScriptState.ABSENT:
        raise ServiceError(
            _("Người dự kiểm tra không có bài thi của phần “%(p)s”.") % {"p": part.name},
            code="no_script",
        )
    script = Script.objects.select_for_update().get(pk=identity.script_id)
    rematched = PartMarking.objects.filter(part=part, rematched_at__isnull=False).exists()
    if script.state != ScriptState.FINAL or not rematched:
        raise ServiceError(
            _("Bài thi chưa có điểm chính thức (chưa ghép phách): chưa phúc khảo được."),
            code="not_final",
        )
    if Remark.objects.filter(script=script).exists():
        raise ServiceError(_("Bài thi này đã được phúc khảo."), code="already_remarked")
    assert script.final_score is not None
    originals = list(Mark.objects.filter(script=script, remark__isnull=True))
    original_users = {m.marker_id for m in originals}
    original_persons = {
        p
        for p in (m.membership.person_id or getattr(m.marker, "person_id", None) for m in originals)
        if p
    }
    pool = [
        m
        for m in eligible_markers(part.plan, Board.APPEALS)
        if m.user_id not in original_users
        and (m.person_id is None or m.person_id not in original_persons)
    ]
    persons = candidate_persons([script])
    pairs = relative_pairs((m.person_id for m in pool if m.person_id), persons.values())
    fit = [m for m in pool if not conflicted(m, persons[script.pk], pairs)]
    load: dict[int, int] = {}
    for membership_id in Mark.objects.filter(
        remark__isnull=False, script__part__plan=part.plan
    ).values_list("membership_id", flat=True):
        load[membership_id] = load.get(membership_id, 0) + 1
    seed = secrets.randbits(62)
    chosen = pick_two(fit, load, random_for(seed))
    if len(chosen) < MARKERS_PER_SCRIPT:
        raise markers_short_error(script.code, len(chosen), Board.APPEALS)
    remark = Remark.objects.create(
        script=script,
        reason=reason,
        original_score=script.final_score,
        seed=seed,
        opened_by=actor if getattr(actor, "pk", None) else None,
    )
    for slot, marker in enumerate(chosen, start=1):
        Mark.objects.create(
            script=script,
            remark=remark,
            slot=slot,
            marker_id=marker.user_id,
            membership=marker.membership,
        )
    audit_record(
        actor=actor,
        action="grading.remark_open",
        target=remark,
        data={
            "code": script.code,
            "reason": reason,
            "original": script.final_score,
            "seed": seed,
            "markers": [m.membership.user.get_username() for m in chosen if m.membership.user],
        },
        profile=part_profile(part).ref,
    )
    return remark


def appeal_settle_from(actor: Any, remark: Remark) -> None:
    """Settle the appeal whose re-marking round ``remark`` has just settled: its outcome is the
    round's final mark (inside the transaction that settled the round)."""
    if remark.state not in REMARK_SETTLED:
        return
    appeal = Appeal.objects.select_for_update().filter(remark=remark).first()
    if appeal is None or appeal.state != AppealState.REMARKING:
        return
    appeal.state = AppealState.SETTLED
    appeal.outcome_score = remark.final_score
    appeal.settled_at = remark.settled_at or timezone.now()
    appeal.save(update_fields=["state", "outcome_score", "settled_at", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.appeal_settle",
        target=appeal,
        data={
            "part": remark.script.part.order,
            "code": remark.script.code,
            "original": appeal.original_score,
            "outcome": appeal.outcome_score,
            "remark": remark.state,
        },
        profile=appeal.profile,
    )


def _locked_remark(remark: Remark) -> Remark:
    return Remark.objects.select_for_update().select_related("script__part__plan").get(pk=remark.pk)


@transaction.atomic
def remark_meeting_record(
    *, actor: Any, remark: Remark, agreed: bool, score: Decimal | None, note: str
) -> Remark:
    """Record the meeting of the original and the new markers (biên bản đối thoại): the mark
    they agree becomes final; without agreement the council Chair decides."""
    remark = _locked_remark(remark)
    script = remark.script
    require_actor(
        actor,
        script.part.plan,
        can_record_meeting,
        _("Chỉ Trưởng ban phúc khảo hoặc cán bộ tổ chức kỳ kiểm tra ghi biên bản đối thoại."),
    )
    if remark.state != RemarkState.MEETING:
        raise ServiceError(
            _("Bài phúc khảo số phách %(c)s không chờ đối thoại.") % {"c": script.code},
            code="not_meeting",
            basis=BASIS_REMARK,
        )
    remark.meeting_note = clean_text(note, _("Hãy ghi nội dung buổi đối thoại."))
    now = timezone.now()
    remark.meeting_agreed = bool(agreed)
    remark.meeting_by = actor if getattr(actor, "pk", None) else None
    remark.meeting_at = now
    if agreed:
        if score is None:
            raise ServiceError(_("Hãy ghi điểm đã thống nhất."), code="score_required")
        remark.meeting_score = check_score(script.part, score, _("Điểm thống nhất"))
        remark.final_score = remark.meeting_score
        remark.state = RemarkState.SETTLED
        remark.settled_at = now
    else:
        remark.state = RemarkState.CHAIR
    remark.save()
    audit_record(
        actor=actor,
        action="grading.remark_meeting",
        target=remark,
        data={
            "code": script.code,
            "agreed": remark.meeting_agreed,
            "score": remark.meeting_score,
            "note": remark.meeting_note,
        },
        profile=part_profile(script.part).ref,
    )
    appeal_settle_from(actor, remark)
    return remark


@transaction.atomic
def remark_chair_decide(*, actor: Any, remark: Remark, score: Decimal, reason: str) -> Remark:
    """Decide the final mark when the markers' meeting did not agree: the council Chair."""
    remark = _locked_remark(remark)
    script = remark.script
    require_actor(
        actor,
        script.part.plan,
        is_chair,
        _("Chỉ Chủ tịch Hội đồng được quyết định điểm phúc khảo khi giám khảo không thống nhất."),
    )
    if remark.state != RemarkState.CHAIR:
        raise ServiceError(
            _("Bài phúc khảo số phách %(c)s không chờ Chủ tịch Hội đồng quyết định.")
            % {"c": script.code},
            code="not_chair",
            basis=BASIS_REMARK,
        )
    remark.chair_reason = clean_text(reason, _("Hãy ghi lý do quyết định điểm."))
    remark.final_score = check_score(script.part, score, _("Điểm quyết định"))
    now = timezone.now()
    remark.chair_by = actor if getattr(actor, "pk", None) else None
    remark.chair_at = now
    remark.state = RemarkState.SETTLED
    remark.settled_at = now
    remark.save()
    audit_record(
        actor=actor,
        action="grading.remark_chair_decide",
        target=remark,
        data={"code": script.code, "score": remark.final_score, "reason": remark.chair_reason},
        profile=part_profile(script.part).ref,
    )
    appeal_settle_from(actor, remark)
    return remark
