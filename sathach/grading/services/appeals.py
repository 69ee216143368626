"""Appeals (phúc khảo), domain.md §1.4: filed by the candidate, re-marked, settled.

1. After the plan's results are published, a candidate files an appeal against the mark of a
   written part within ``appeal_window_days`` (``sathach.lib.rules.marking.appeal_last_day``).
   Oral parts and MCQ parts are never re-marked, parts sat on computer only when the profile
   allows it (``appeal_allowed_for_computer_tests``); one appeal per part.
2. The organiser or the head of Ban phúc khảo opens its re-marking round (``remark_open``) or
   turns it down with a reason (no script to re-mark, say).
3. The re-marking flow (``remarks``, ``marking``) settles the round and, with it, the appeal
   (``remarks.appeal_settle_from``): the outcome is the round's final mark.
4. The results app writes the outcome into the published results
   (``sathach.results.services.result_appeal_apply``), which records it here through
   ``appeal_applied_record``. Outcomes are due ``appeal_result_days`` after the window closes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.plans.models import BlueprintPart, Candidate

from ..constants import AppealState, ScriptState
from ..models import Appeal, ScriptIdentity
from ..permissions import can_handle_appeals
from ..selectors import appeal_window, day_text, own_candidate, part_final_scores
from .common import clean_text, require_actor
from .remarks import remark_open, require_appealable


def appeal_refusal(
    *, candidate: Candidate, part: BlueprintPart, now: dt.datetime
) -> ServiceError | None:
    """Return why ``candidate`` may not appeal against ``part`` at ``now``, or None.

    In this order: results not published, a part never re-marked, already appealed, the
    window closed, no script to re-mark.
    """
    plan = part.plan
    profile = profiles.get(plan.exam_profile)
    window = appeal_window(plan)
    if window is None:
        return ServiceError(
            _("Kết quả của kế hoạch “%(c)s” chưa công bố: chưa nhận đơn phúc khảo.")
            % {"c": plan.code},
            code="not_published",
            basis=profile.basis("appeal_window_days"),
        )
    try:
        require_appealable(part)
    except ServiceError as exc:
        return exc
    if Appeal.objects.filter(candidate=candidate, part=part).exists():
        return ServiceError(
            _("Bạn đã nộp đơn phúc khảo phần thi “%(p)s”: mỗi phần thi chỉ phúc khảo một lần.")
            % {"p": part.name},
            code="already_filed",
        )
    # NĐ 138/2020/NĐ-CP Điều 11 (profile appeal_window_days): within N days of publication.
    if not window.open_on(timezone.localdate(now)):
        return ServiceError(
            _(
                "Đã hết hạn nhận đơn phúc khảo: đơn phải nộp trong %(n)d ngày kể từ ngày công bố "
                "kết quả (%(pub)s), chậm nhất ngày %(last)s."
            )
            % {
                "n": window.window_days,
                "pub": day_text(window.published_on),
                "last": day_text(window.last_day),
            },
            code="late",
            basis=window.window_basis,
        )
    identity = ScriptIdentity.objects.filter(part=part, candidate=candidate).select_related(
        "script"
    )
    found = identity.first()
    if found is None or found.script.state == ScriptState.ABSENT:
        return ServiceError(
            _("Bạn không có bài thi của phần “%(p)s”: không có bài để phúc khảo.")
            % {"p": part.name},
            code="no_script",
        )
    return None


@transaction.atomic
def appeal_file(
    *, actor: Any, part: BlueprintPart, reason: str, now: dt.datetime | None = None
) -> Appeal:
    """File ``actor``'s appeal against their published mark of written part ``part``."""
    now = now or timezone.now()
    candidate = own_candidate(actor, part.plan)
    if candidate is None:
        raise PermissionDeniedError(
            _("Chỉ người dự kiểm tra của kế hoạch được nộp đơn phúc khảo của mình."),
            code="not_candidate",
        )
    # One filing at a time per candidate: a second click waits, then finds the first.
    Candidate.objects.select_for_update().filter(pk=candidate.pk).get()
    reason = clean_text(reason, _("Hãy ghi nội dung đơn phúc khảo."))
    refusal = appeal_refusal(candidate=candidate, part=part, now=now)
    if refusal is not None:
        raise refusal
    window = appeal_window(part.plan)
    assert window is not None
    appeal = Appeal.objects.create(
        candidate=candidate,
        part=part,
        filed_by=actor,
        filed_at=now,
        reason=reason,
        original_score=part_final_scores(part).get(candidate.pk),
        profile=part.plan.exam_profile,
    )
    audit_record(
        actor=actor,
        action="grading.appeal_file",
        target=appeal,
        data={
            "candidate": candidate.number,
            "part": part.order,
            "reason": reason,
            "original": appeal.original_score,
            "last_day": window.last_day,
        },
        profile=appeal.profile,
    )
    return appeal


def _locked(appeal: Appeal) -> Appeal:
    return (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("part__plan", "candidate__person")
        .get(pk=appeal.pk)
    )


def _require_handler(actor: Any, appeal: Appeal) -> None:
    require_actor(
        actor,
        appeal.part.plan,
        can_handle_appeals,
        _("Chỉ Trưởng ban phúc khảo hoặc cán bộ tổ chức kỳ kiểm tra xử lý đơn phúc khảo."),
    )


def _require_filed(appeal: Appeal) -> None:
    if appeal.state != AppealState.FILED:
        raise ServiceError(
            _("Đơn phúc khảo số %(n)d đã được xử lý (%(s)s).")
            % {"n": appeal.pk, "s": appeal.get_state_display()},
            code="not_filed",
        )


@transaction.atomic
def appeal_remark_open(*, actor: Any, appeal: Appeal, now: dt.datetime | None = None) -> Appeal:
    """Open the re-marking round of ``appeal``: two members of Ban phúc khảo who did not mark
    the script first and have no conflict (``remark_open``)."""
    appeal = _locked(appeal)
    _require_handler(actor, appeal)
    _require_filed(appeal)
    remark = remark_open(
        actor=actor, part=appeal.part, candidate=appeal.candidate, reason=appeal.reason
    )
    appeal.remark = remark
    appeal.state = AppealState.REMARKING
    appeal.opened_by = actor if getattr(actor, "pk", None) else None
    appeal.opened_at = now or timezone.now()
    appeal.save(update_fields=["remark", "state", "opened_by", "opened_at", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.appeal_remark_open",
        target=appeal,
        data={"remark": remark.pk, "code": remark.script.code},
        profile=appeal.profile,
    )
    return appeal


@transaction.atomic
def appeal_reject(
    *, actor: Any, appeal: Appeal, reason: str, now: dt.datetime | None = None
) -> Appeal:
    """Turn ``appeal`` down, with a reason the candidate reads (before any re-marking)."""
    appeal = _locked(appeal)
    _require_handler(actor, appeal)
    _require_filed(appeal)
    appeal.reject_reason = clean_text(reason, _("Hãy ghi lý do không chấp nhận đơn."))
    appeal.state = AppealState.REJECTED
    appeal.rejected_by = actor if getattr(actor, "pk", None) else None
    appeal.settled_at = now or timezone.now()
    appeal.save(update_fields=["reject_reason", "state", "rejected_by", "settled_at", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.appeal_reject",
        target=appeal,
        data={"candidate": appeal.candidate.number, "reason": appeal.reject_reason},
        profile=appeal.profile,
    )
    return appeal


@transaction.atomic
def appeal_applied_record(
    *, actor: Any, appeal: Appeal, previous: Decimal | None, now: dt.datetime | None = None
) -> Appeal:
    """Record that the published results took ``appeal``'s outcome (called by
    ``sathach.results.services.result_appeal_apply`` in its transaction); ``previous`` is the
    published score it replaced."""
    appeal = _locked(appeal)
    if appeal.state != AppealState.SETTLED or appeal.applied_at is not None:
        raise ServiceError(
            _("Đơn phúc khảo số %(n)d chưa có kết quả hoặc đã được cập nhật vào kết quả.")
            % {"n": appeal.pk},
            code="not_applicable",
        )
    appeal.applied_by = actor if getattr(actor, "pk", None) else None
    appeal.applied_at = now or timezone.now()
    appeal.save(update_fields=["applied_by", "applied_at", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.appeal_applied",
        target=appeal,
        data={
            "candidate": appeal.candidate.number,
            "previous": previous,
            "outcome": appeal.outcome_score,
        },
        profile=appeal.profile,
    )
    return appeal
