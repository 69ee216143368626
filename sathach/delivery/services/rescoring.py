"""Rescore a computer part after a faulty item is voided or its key corrected (DESIGN §4).

``rescore_preview`` lists who changes (registration number, old and new score on the part's
scale after sanctions, pass before and after) without writing a score; ``rescore_apply`` writes
the corrections, the rescored attempts and one audit event with the number changed, in one
transaction. Both first close the part's overdue attempts (``attempts_expire``), so nobody is
left out of the rescoring. Once the plan's results are published neither runs: a published
score changes only through a two-person correction (DESIGN §1; domain.md §4.5).

Voiding follows the profile key ``rescore_void_full_credit``: true (the shipped value) gives
everyone the item's points, so no one loses a score already shown and confirmed at submission
(domain.md §1.3); false removes the item from the maximum. A corrected key is stored in the
shape of the item's ``content`` and replaces the item's own fields when scoring.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.bank.models import ItemVersion
from sathach.core.errors import ServiceError
from sathach.lib.rules.results import mcq_passed
from sathach.lib.scoring import (
    ESSAY,
    MULTIPLE,
    NUMERIC,
    SHORT_TEXT,
    SINGLE,
    TRUE_FALSE,
)
from sathach.lib.text import nfc
from sathach.plans.constants import MultipleResponseRule, PartKind
from sathach.plans.models import BlueprintPart, Form, Plan
from sathach.plans.services.common import checked, require_write

from ..constants import AttemptState
from ..models import Attempt, CorrectionAction, ItemCorrection, Response, VoidRule
from .candidate import attempts_expire
from .common import plan_profile
from .scoring import (
    AttemptScore,
    Fix,
    fix_of,
    form_score,
    sanction_effects,
    score_after_sanctions,
)

SCORED_STATES = (AttemptState.SUBMITTED, AttemptState.EXPIRED)
KEY_FIELDS = {SINGLE: "options", MULTIPLE: "options", TRUE_FALSE: "truth"}
KEY_FIELDS |= {SHORT_TEXT: "answers", NUMERIC: "numeric"}


@dataclass(frozen=True)
class Correction:
    """One item to void or re-key: ``item`` is the item version id; ``key`` (re-keying only)
    holds the replacement content field: ``{"options": [{"correct": bool, "fraction"?: float},
    ...]}`` (every option, in the bank's order), ``{"truth": bool}``, ``{"answers": [{"text":
    str, "fraction"?: float}]}`` or ``{"numeric": [{"value": float, "tolerance"?: float,
    "fraction"?: float}]}``."""

    item: int
    action: str
    reason: str
    key: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ScoreChange:
    """One candidate whose part score or pass changes."""

    attempt_id: int
    candidate_id: int
    number: str
    name: str
    old_score: Decimal | None
    new_score: Decimal | None
    passed_before: bool
    passed_after: bool


@dataclass(frozen=True)
class Rescore:
    """What a rescoring does (``rescore_preview``) or did (``rescore_apply``)."""

    part: BlueprintPart
    corrections: list[Correction]  # as cleaned: re-keyed items carry the full content field
    changes: list[ScoreChange]
    attempts: int  # finished attempts of the part, all rescored
    rewritten: int  # attempts whose stored points, maximum or count of right items change
    void_rule: str  # VoidRule the profile gives a voided item
    profile: str
    basis: str


def _locked_message(plan: Plan) -> str:
    return _(
        "Kết quả của kế hoạch “%(c)s” đã công bố: không chấm lại được nữa. Điểm đã công bố chỉ "
        "thay đổi qua đính chính do một người đề xuất và một người khác duyệt."
    ) % {"c": plan.code}


def require_unpublished(plan: Plan) -> None:
    """Refuse any rescoring once the plan's results are published (DESIGN §1)."""
    if plan.results_published_at is not None:
        raise ServiceError(_locked_message(plan), code="results_published")


def part_items(part: BlueprintPart) -> list[int]:
    """Return the item version ids on any form of ``part``, in order of first use."""
    seen: dict[int, None] = {}
    for items in Form.objects.filter(part=part).values_list("items", flat=True):
        seen.update(dict.fromkeys(items))
    return list(seen)


# --- Cleaning the corrections -------------------------------------------------------------------


def _fraction(value: Any, default: float, *, allow_negative: bool = False) -> float:
    try:
        number = float(default if value is None else value)
    except (TypeError, ValueError):
        number = math.nan
    low = -1.0 if allow_negative else 0.0
    if not math.isfinite(number) or not low <= number <= 1.0:
        raise ServiceError(_("Tỷ lệ điểm của đáp án phải từ 0 đến 1."), code="bad_key")
    return number


def _options_key(version: ItemVersion, key: Mapping[str, Any]) -> dict[str, Any]:
    options = version.content.get("options", [])
    given = key.get("options")
    if not isinstance(given, list) or len(given) != len(options):
        raise ServiceError(
            _("Đáp án mới phải nêu đủ %(n)d phương án của câu hỏi.") % {"n": len(options)},
            code="bad_key",
        )
    new = []
    for original, change in zip(options, given, strict=True):
        if not isinstance(change, Mapping) or not isinstance(change.get("correct"), bool):
            raise ServiceError(_("Mỗi phương án phải ghi rõ đúng hay sai."), code="bad_key")
        if version.kind == SINGLE:
            fraction = 1.0 if change["correct"] else 0.0  # as the bank stores a single key
        else:
            # A corrected key carries no per-option weights unless they are given again.
            fraction = _fraction(change.get("fraction"), 0.0, allow_negative=True)
        new.append({**original, "correct": change["correct"], "fraction": fraction})
    right = sum(o["correct"] for o in new)
    if version.kind == SINGLE and right != 1:
        raise ServiceError(_("Câu một lựa chọn phải có đúng một phương án đúng."), code="bad_key")
    if version.kind == MULTIPLE and right < 1:
        raise ServiceError(
            _("Câu nhiều lựa chọn phải có ít nhất một phương án đúng."), code="bad_key"
        )
    return {"options": new}


def _answers_key(key: Mapping[str, Any]) -> dict[str, Any]:
    given = key.get("answers")
    answers: list[dict[str, Any]] = []
    for answer in given if isinstance(given, list) else []:
        text = (
            " ".join(nfc(str(answer.get("text", ""))).split())
            if isinstance(answer, Mapping)
            else ""
        )
        if text:
            fraction = _fraction(answer.get("fraction"), 1.0)
            answers.append({"text": text, "fraction": fraction, "feedback": ""})
    if not any(a["fraction"] > 0 for a in answers):
        raise ServiceError(_("Hãy ghi ít nhất một câu trả lời được chấp nhận."), code="bad_key")
    return {"answers": answers}


def _numeric_key(key: Mapping[str, Any]) -> dict[str, Any]:
    given = key.get("numeric")
    refused = ServiceError(
        _("Hãy ghi ít nhất một đáp số, với sai số cho phép không âm."), code="bad_key"
    )
    if not isinstance(given, list) or not given:
        raise refused
    numeric = []
    for answer in given:
        try:
            value = float(answer["value"])
            tolerance = float(answer.get("tolerance") or 0)
        except (TypeError, ValueError, KeyError):
            raise refused from None
        if not (math.isfinite(value) and math.isfinite(tolerance)) or tolerance < 0:
            raise refused
        fraction = _fraction(answer.get("fraction"), 1.0)
        numeric.append(
            {"value": value, "tolerance": tolerance, "fraction": fraction, "feedback": ""}
        )
    return {"numeric": numeric}


def _clean_key(version: ItemVersion, key: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(key, Mapping):
        key = {}
    if version.kind in (SINGLE, MULTIPLE):
        return _options_key(version, key)
    if version.kind == TRUE_FALSE:
        if not isinstance(key.get("truth"), bool):
            raise ServiceError(
                _("Đáp án mới của câu Đúng/Sai phải là Đúng hoặc Sai."), code="bad_key"
            )
        return {"truth": key["truth"]}
    if version.kind == SHORT_TEXT:
        return _answers_key(key)
    return _numeric_key(key)


def _key_view(kind: str, content: Mapping[str, Any]) -> Any:
    """Return what decides credit in ``content`` (to tell a new key from the one in use)."""
    if kind == SINGLE:
        return [bool(o.get("correct")) for o in content["options"]]
    if kind == MULTIPLE:
        return [(bool(o.get("correct")), float(o.get("fraction", 0))) for o in content["options"]]
    if kind == TRUE_FALSE:
        return bool(content.get("truth"))
    if kind == SHORT_TEXT:
        return sorted((a["text"], float(a.get("fraction", 1))) for a in content["answers"])
    return sorted(
        (float(a["value"]), float(a.get("tolerance", 0)), float(a.get("fraction", 1)))
        for a in content["numeric"]
    )


def _clean(
    part: BlueprintPart,
    corrections: Sequence[Correction],
    versions: Mapping[int, ItemVersion],
    existing: Mapping[int, Fix],
) -> list[Correction]:
    if not corrections:
        raise ServiceError(
            _("Chưa chọn câu hỏi nào để hủy hoặc sửa đáp án."), code="no_corrections"
        )
    cleaned: list[Correction] = []
    for correction in corrections:
        version = versions.get(correction.item)
        if version is None:
            raise ServiceError(
                _("Câu hỏi #%(i)s không có trong đề của phần thi này.") % {"i": correction.item},
                code="bad_item",
            )
        if any(c.item == correction.item for c in cleaned):
            raise ServiceError(
                _("Câu hỏi #%(i)s được chọn hai lần.") % {"i": correction.item}, code="bad_item"
            )
        if version.kind == ESSAY:
            raise ServiceError(
                _("Câu tự luận do giám khảo chấm: không hủy hoặc sửa đáp án ở đây được."),
                code="bad_item",
            )
        reason = " ".join((correction.reason or "").split())
        if not reason:
            raise ServiceError(
                _("Hãy ghi lý do hủy câu hỏi hoặc sửa đáp án."), code="reason_required"
            )
        if correction.action == CorrectionAction.VOID:
            cleaned.append(Correction(item=version.pk, action=CorrectionAction.VOID, reason=reason))
            continue
        if correction.action != CorrectionAction.REKEY:
            raise ServiceError(_("Cách xử lý câu hỏi không hợp lệ."), code="bad_action")
        key = _clean_key(version, correction.key)
        fix = existing.get(version.pk)
        in_use = {**version.content, **fix.key} if fix is not None else version.content
        unchanged = _key_view(version.kind, {**version.content, **key}) == _key_view(
            version.kind, in_use
        )
        # Re-keying a voided item to its own key brings it back: that is a change.
        if unchanged and (fix is None or not fix.void):
            raise ServiceError(_("Đáp án mới giống đáp án đang dùng."), code="same_key")
        cleaned.append(
            Correction(item=version.pk, action=CorrectionAction.REKEY, reason=reason, key=key)
        )
    return cleaned


# --- Rescoring --------------------------------------------------------------------------------


def _guard(actor: Any, part: BlueprintPart, plan: Plan) -> None:
    require_write(actor, plan)
    require_unpublished(plan)
    if part.kind != PartKind.COMPUTER_MCQ:
        raise ServiceError(
            _("Chỉ chấm lại được phần thi trắc nghiệm trên máy tính."), code="not_computer_part"
        )


def _void_rule(plan: Plan) -> tuple[str, str]:
    profile = plan_profile(plan)
    full = bool(profile.value("rescore_void_full_credit"))
    return (VoidRule.FULL_CREDIT if full else VoidRule.REMOVED), profile.basis(
        "rescore_void_full_credit"
    )


def _rescore(
    actor: Any, part: BlueprintPart, plan: Plan, corrections: Sequence[Correction]
) -> tuple[Rescore, list[tuple[Attempt, AttemptScore]]]:
    """Return the rescoring of ``part`` with ``corrections`` on top of its stored ones, and the
    attempts whose stored score it changes with their new scores."""
    _guard(actor, part, plan)
    attempts_expire(sitting__part=part)
    profile = plan_profile(plan)
    void_rule, basis = _void_rule(plan)
    versions = ItemVersion.objects.only("id", "kind", "content", "points").in_bulk(part_items(part))
    stored = {c.item_id: fix_of(c) for c in ItemCorrection.objects.filter(part=part)}
    cleaned = _clean(part, corrections, versions, stored)
    fixes = dict(stored)
    for c in cleaned:
        if c.action == CorrectionAction.VOID:
            fixes[c.item] = Fix(void=True, full_credit=void_rule == VoidRule.FULL_CREDIT)
        else:
            fixes[c.item] = Fix(key=c.key)
    attempts = list(
        Attempt.objects.filter(sitting__part=part, state__in=SCORED_STATES)
        .select_related("form", "candidate__person")
        .order_by("candidate__number", "pk")
    )
    answers: dict[int, dict[int, Any]] = {a.pk: {} for a in attempts}
    for attempt_id, item_id, answer in Response.objects.filter(
        attempt__sitting__part=part, attempt__state__in=SCORED_STATES
    ).values_list("attempt_id", "item_id", "answer"):
        answers[attempt_id][item_id] = answer
    effects = sanction_effects(a.pk for a in attempts)
    pass_percent = profile.value("mcq_pass_percent")
    changes: list[ScoreChange] = []
    writes: list[tuple[Attempt, AttemptScore]] = []
    for attempt in attempts:
        new = form_score(
            items=attempt.form.items,
            option_orders=attempt.form.option_orders,
            versions=versions,
            answers=answers[attempt.pk],
            rule=plan.multiple_response_rule,
            fixes=fixes,
        )
        if (new.points, new.max_points, new.correct) != (
            attempt.raw_score,
            attempt.max_score,
            attempt.correct_count,
        ):
            writes.append((attempt, new))
        effect = effects[attempt.pk]
        old_score = score_after_sanctions(attempt, part.max_score, effect)
        rescored = Attempt(raw_score=new.points, max_score=new.max_points)
        new_score = score_after_sanctions(rescored, part.max_score, effect)
        before = mcq_passed(old_score, part.max_score, pass_percent)
        after = mcq_passed(new_score, part.max_score, pass_percent)
        if old_score != new_score or before != after:
            changes.append(
                ScoreChange(
                    attempt_id=attempt.pk,
                    candidate_id=attempt.candidate_id,
                    number=attempt.candidate.number,
                    name=attempt.candidate.person.full_name,
                    old_score=old_score,
                    new_score=new_score,
                    passed_before=before,
                    passed_after=after,
                )
            )
    result = Rescore(
        part=part,
        corrections=cleaned,
        changes=changes,
        attempts=len(attempts),
        rewritten=len(writes),
        void_rule=void_rule,
        profile=plan.exam_profile,
        basis=basis,
    )
    return result, writes


def rescore_preview(
    *, actor: Any, part: BlueprintPart, corrections: Sequence[Correction]
) -> Rescore:
    """Return who would change if ``corrections`` were applied to ``part``; write no score.

    Overdue attempts of the part are closed first (as the proctor console does), so that the
    dry run and the rescoring see the same attempts.
    """
    plan = Plan.objects.get(pk=part.plan_id)
    return _rescore(actor, part, plan, corrections)[0]


@transaction.atomic
def rescore_apply(*, actor: Any, part: BlueprintPart, corrections: Sequence[Correction]) -> Rescore:
    """Store ``corrections``, rescore every finished attempt of ``part`` and audit it."""
    # The plan row is locked so that publication cannot slip in between check and write.
    plan = Plan.objects.select_for_update().get(pk=part.plan_id)
    result, writes = _rescore(actor, part, plan, corrections)
    by = actor if getattr(actor, "pk", None) else None
    for c in result.corrections:
        correction = ItemCorrection.objects.filter(part=part, item_id=c.item).first()
        correction = correction or ItemCorrection(part=part, item_id=c.item)
        correction.action = c.action
        correction.key = dict(c.key)
        correction.void_rule = result.void_rule if c.action == CorrectionAction.VOID else ""
        correction.reason = c.reason
        correction.profile = plan.exam_profile
        correction.basis = result.basis if c.action == CorrectionAction.VOID else ""
        correction.created_by = by
        checked(correction).save()
    now = timezone.now()
    for attempt, score in writes:
        attempt.raw_score = score.points
        attempt.max_score = score.max_points
        attempt.correct_count = score.correct
        attempt.updated_at = now
    Attempt.objects.bulk_update(
        [attempt for attempt, _score in writes],
        ["raw_score", "max_score", "correct_count", "updated_at"],
        batch_size=500,
    )
    audit_record(
        actor=actor,
        action="delivery.rescore_apply",
        target=part,
        data={
            "corrections": [
                {"item": c.item, "action": c.action, "reason": c.reason, "key": dict(c.key)}
                for c in result.corrections
            ],
            "void_rule": result.void_rule,
            "attempts": result.attempts,
            "rescored": result.rewritten,
            "changed": len(result.changes),
            "changes": [
                {
                    "number": change.number,
                    "old": change.old_score,
                    "new": change.new_score,
                    "passed_before": change.passed_before,
                    "passed_after": change.passed_after,
                }
                for change in result.changes
            ],
        },
        profile=plan.exam_profile,
    )
    return result


@transaction.atomic
def plan_scoring_rule_set(*, actor: Any, plan: Plan, multiple_response_rule: str) -> Plan:
    """Set the plan's partial-credit rule for multiple-response items.

    Only before any attempt of the plan is scored: a rule changed afterwards would score the
    same answers two ways.
    """
    require_write(actor, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    require_unpublished(plan)
    if multiple_response_rule not in MultipleResponseRule.values:
        raise ServiceError(_("Cách tính điểm không hợp lệ."), code="bad_rule")
    old = plan.multiple_response_rule
    if multiple_response_rule == old:
        return plan
    if Attempt.objects.filter(sitting__plan=plan, raw_score__isnull=False).exists():
        raise ServiceError(
            _(
                "Đã có bài làm được chấm điểm theo cách tính hiện hành: không đổi được cách tính "
                "điểm câu nhiều lựa chọn nữa."
            ),
            code="already_scored",
        )
    plan.multiple_response_rule = multiple_response_rule
    plan.save(update_fields=["multiple_response_rule", "updated_at"])
    audit_record(
        actor=actor,
        action="delivery.plan_scoring_rule_set",
        target=plan,
        data={"old": old, "new": multiple_response_rule},
        profile=plan.exam_profile,
    )
    return plan
