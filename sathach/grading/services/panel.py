"""Oral and practical parts scored by the panel (Ban kiểm tra sát hạch), domain.md §1.1 and §6.

The part's rubric (tiêu chí chấm) is set first by Ban đề thi or the organiser; its maxima add
up to the part's maximum, and it is locked once an examiner has scored. Each panel member with
an account scores each candidate of the part on the rubric, independently and once; a member
who is the candidate or a declared relative of the candidate (``org.Relative``, either way) is
refused for that candidate, as a marker is for a script (domain.md §1.1, §4.2).

When every member of the panel who may score the candidate has scored (at least
``panel_min_examiners``), the rule of ``sathach.lib.rules.marking.panel_reconcile`` decides:
within ``panel_tolerance_percent`` the average is final, beyond it the head of the panel decides
with a reason (domain.md §1.4 applied by analogy; unverified). The head may end a candidate's
scoring with fewer members (one absent), never fewer than the minimum. Once the plan's results
are published nothing here changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.rules.marking import (
    BASIS_PANEL,
    PanelOutcome,
    PanelRules,
    RubricProblem,
    ScoreProblem,
    mark_problems,
    panel_reconcile,
    rubric_problems,
)
from sathach.plans.constants import BASIS_RELATIVES, Board
from sathach.plans.models import BlueprintPart, Candidate, Plan

from ..constants import BASIS_RUBRIC, Method, PanelState
from ..models import PanelCase, PanelScore, Rubric
from ..permissions import can_edit_guide, is_panel_head
from ..selectors import is_oral, part_candidates
from .assignment import Marker, conflicted, eligible_markers, relative_pairs
from .common import (
    check_score,
    clean_text,
    part_profile,
    problem_message,
    require_actor,
    score_text,
)


def panel_rules(part: BlueprintPart) -> PanelRules:
    """Return the numbers the panel scores ``part`` by, from the plan's exam rule profile."""
    profile = part_profile(part)
    return PanelRules.of(
        part.max_score,
        profile.value("panel_tolerance_percent"),
        profile.value("panel_min_examiners"),
        profile.value("marking_score_step"),
        profile.value("marking_final_step"),
    )


def require_oral(part: BlueprintPart) -> None:
    if not is_oral(part):
        raise ServiceError(
            _(
                "Phần thi “%(p)s” không phải phần thi vấn đáp, thực hành: không chấm theo tiêu "
                "chí của Ban kiểm tra sát hạch."
            )
            % {"p": part.name},
            code="not_oral",
        )


def require_unpublished(plan: Plan) -> None:
    """Refuse once the plan's results are published (the lock results sets on the plan)."""
    if Plan.objects.filter(pk=plan.pk, results_published_at__isnull=False).exists():
        raise ServiceError(
            _(
                "Kết quả của kế hoạch “%(c)s” đã công bố: điểm vấn đáp, thực hành không thay "
                "đổi được nữa."
            )
            % {"c": plan.code},
            code="results_published",
        )


# --- The rubric -------------------------------------------------------------------------------


def _rubric_message(
    issue_problem: RubricProblem, name: str, index: int, value: Any, part: BlueprintPart
) -> str:
    if issue_problem == RubricProblem.EMPTY:
        return _("Hãy nhập ít nhất một tiêu chí chấm.")
    if issue_problem == RubricProblem.NAME:
        return _("Tiêu chí thứ %(n)d chưa có tên.") % {"n": index + 1}
    if issue_problem == RubricProblem.DUPLICATE:
        return _("Tiêu chí “%(c)s” bị trùng tên.") % {"c": name}
    if issue_problem == RubricProblem.NOT_POSITIVE:
        return _("Tiêu chí “%(c)s”: điểm tối đa phải lớn hơn 0.") % {"c": name}
    if issue_problem == RubricProblem.OFF_STEP:
        return _("Tiêu chí “%(c)s”: điểm tối đa (%(v)s) phải là bội số của %(s)s điểm.") % {
            "c": name,
            "v": score_text(Decimal(value)),
            "s": score_text(panel_rules(part).score_step),
        }
    return ""


@transaction.atomic
def rubric_set(
    *,
    actor: Any,
    part: BlueprintPart,
    criteria: Sequence[tuple[str, Decimal]],
    guidance: str = "",
) -> Rubric:
    """Enter or replace the rubric of oral part ``part``: named criteria whose maxima (on the
    profile's score step) add up to the part's maximum. Refused once an examiner has scored."""
    require_oral(part)
    require_actor(
        actor,
        part.plan,
        can_edit_guide,
        _("Chỉ Ban đề thi hoặc cán bộ tổ chức kỳ kiểm tra đặt tiêu chí chấm."),
    )
    rubric = Rubric.objects.select_for_update().filter(part=part).first() or Rubric(part=part)
    if PanelScore.objects.filter(case__part=part).exists():
        raise ServiceError(
            _("Đã có thành viên Ban kiểm tra sát hạch nộp điểm: không sửa tiêu chí chấm được nữa."),
            code="scoring_started",
            basis=BASIS_RUBRIC,
        )
    rows = [(" ".join((name or "").split()), maximum) for name, maximum in criteria]
    rules = panel_rules(part)
    issues = rubric_problems(rows, part.max_score, rules.score_step)
    if issues:
        issue = issues[0]
        if issue.problem == RubricProblem.SUM:
            added = sum((Decimal(m) for _n, m in rows), Decimal(0))
            raise ServiceError(
                _(
                    "Tổng điểm tối đa các tiêu chí (%(sum)s) khác điểm tối đa của phần thi "
                    "(%(max)s)."
                )
                % {"sum": score_text(added), "max": score_text(part.max_score)},
                code="rubric_sum",
                basis=BASIS_RUBRIC,
            )
        index = issue.criterion if issue.criterion is not None else 0
        name, value = rows[index] if rows else ("", 0)
        raise ServiceError(
            _rubric_message(issue.problem, name, index, value, part),
            code=f"rubric_{issue.problem}",
            basis=BASIS_RUBRIC,
        )
    rubric.criteria = [
        {"name": name, "max": str(Decimal(maximum).quantize(Decimal("0.01")))}
        for name, maximum in rows
    ]
    rubric.guidance = (guidance or "").strip()
    rubric.updated_by = actor if getattr(actor, "pk", None) else None
    rubric.save()
    audit_record(
        actor=actor,
        action="grading.rubric_set",
        target=rubric,
        data={"criteria": rubric.criteria},
        profile=part.plan.exam_profile,
    )
    return rubric


# --- Who scores whom --------------------------------------------------------------------------


def panel_examiners(part: BlueprintPart) -> list[Marker]:
    """Return the panel's seats whose holders may score candidates of ``part``: members of Ban
    kiểm tra sát hạch with an account, not under discipline, without a declared conflict, not
    candidates, and not also on Ban đề thi, Ban phách or Ban coi thi (domain.md §4.1: setting
    the paper, coding or proctoring is not combined with marking)."""
    return eligible_markers(part.plan, Board.PANEL)


def examiners_for(part: BlueprintPart, candidate: Candidate) -> list[Marker]:
    """Return the panel members who may score ``candidate``: the panel without the candidate
    and the candidate's declared relatives (domain.md §1.1, §4.2)."""
    pool = panel_examiners(part)
    pairs = relative_pairs((m.person_id for m in pool if m.person_id), [candidate.person_id])
    return [m for m in pool if not conflicted(m, candidate.person_id, pairs)]


def expected_examiners(part: BlueprintPart) -> dict[int, set[int]]:
    """Return, for every candidate of ``part``, the accounts of the panel members who may
    score them (``examiners_for``, for all candidates at once)."""
    pool = panel_examiners(part)
    persons = dict(part_candidates(part).values_list("pk", "person_id"))
    pairs = relative_pairs((m.person_id for m in pool if m.person_id), persons.values())
    return {
        candidate_id: {m.user_id for m in pool if not conflicted(m, person_id, pairs)}
        for candidate_id, person_id in persons.items()
    }


def examiner_refusal(actor: Any, part: BlueprintPart, candidate: Candidate) -> ServiceError | None:
    """Return why ``actor`` may not score ``candidate`` in ``part``, or None."""
    pool = panel_examiners(part)
    seat = next((m for m in pool if m.user_id == getattr(actor, "pk", None)), None)
    if seat is None:
        return PermissionDeniedError(
            _("Bạn không phải thành viên Ban kiểm tra sát hạch được chấm phần thi này."),
            code="not_examiner",
        )
    pairs = relative_pairs([seat.person_id] if seat.person_id else [], [candidate.person_id])
    if conflicted(seat, candidate.person_id, pairs):
        return ServiceError(
            _(
                "Bạn là người thân của người dự kiểm tra %(n)s (hoặc chính là người này): "
                "không được chấm người này."
            )
            % {"n": candidate.person.full_name},
            code="conflict",
            basis=BASIS_RELATIVES,
        )
    return None


def _seat_of(actor: Any, part: BlueprintPart) -> Marker:
    seat = next((m for m in panel_examiners(part) if m.user_id == actor.pk), None)
    assert seat is not None
    return seat


def _case(part: BlueprintPart, candidate: Candidate) -> PanelCase:
    """Return the candidate's case of ``part``, created on first use, locked."""
    case, _created = PanelCase.objects.get_or_create(part=part, candidate=candidate)
    return PanelCase.objects.select_for_update().get(pk=case.pk)


def _require_in_part(part: BlueprintPart, candidate: Candidate) -> None:
    if not part_candidates(part).filter(pk=candidate.pk).exists():
        raise ServiceError(
            _("%(n)s không dự phần thi “%(p)s”.")
            % {"n": candidate.person.full_name, "p": part.name},
            code="not_in_part",
        )


def _check_scores(part: BlueprintPart, rubric: Rubric, scores: Sequence[Any]) -> Decimal:
    """Return the total of ``scores`` (one per criterion, each 0…its maximum on the profile's
    step), or refuse with the first problem."""
    names = [c["name"] for c in rubric.criteria]
    maxima = [Decimal(c["max"]) for c in rubric.criteria]
    if len(scores) != len(maxima):
        raise ServiceError(
            _("Hãy chấm đủ %(n)d tiêu chí.") % {"n": len(maxima)}, code="score_count"
        )
    rules = panel_rules(part).marking
    try:
        total = sum((Decimal(s) for s in scores), Decimal(0))
    except (ArithmeticError, TypeError, ValueError):
        total = Decimal(0)
    problems = mark_problems(list(scores), maxima, total, rules)
    if problems:
        first = problems[0]
        index = first.question if first.question is not None else 0
        problem = ScoreProblem(first.problem)  # per criterion: the total is their sum
        raise ServiceError(
            problem_message(problem, names[index], scores[index], maxima[index], rules.score_step),
            code=f"score_{problem}",
            basis=part_profile(part).basis("marking_score_step")
            if problem == ScoreProblem.OFF_STEP
            else "",
        )
    return total


def _reconcile_case(actor: Any, case: PanelCase, part: BlueprintPart, now: dt.datetime) -> None:
    """Apply the panel rule to the case's scores: final average, or wait for the head."""
    totals = list(case.scores.values_list("total", flat=True))
    rules = panel_rules(part)
    result = panel_reconcile(totals, rules)
    profile = part_profile(part)
    case.examiners = len(totals)
    case.lowest, case.highest, case.spread = result.lowest, result.highest, result.spread
    case.tolerance = result.tolerance
    case.profile = profile.ref
    data: dict[str, Any] = {
        "candidate": case.candidate.number,
        "totals": totals,
        "spread": result.spread,
        "tolerance": result.tolerance,
    }
    if result.outcome == PanelOutcome.AVERAGE:
        assert result.score is not None
        case.state = PanelState.FINAL
        case.method = Method.AVERAGE
        case.score = result.score
        case.finalised_at = now
        action = "grading.panel_final"
        data["score"] = result.score
    else:
        case.state = PanelState.HEAD
        action = "grading.panel_head_needed"
    case.save()
    audit_record(actor=actor, action=action, target=case, data=data, profile=profile.ref)


@transaction.atomic
def panel_score_submit(
    *,
    actor: Any,
    part: BlueprintPart,
    candidate: Candidate,
    scores: Sequence[Decimal],
    comment: str = "",
    now: dt.datetime | None = None,
) -> PanelScore:
    """Submit ``actor``'s score of ``candidate`` in oral part ``part``: one score per criterion
    of the rubric; the total is their sum. Submitted once, never edited. When every panel
    member who may score the candidate has scored, the panel rule decides."""
    now = now or timezone.now()
    require_oral(part)
    require_unpublished(part.plan)
    rubric = Rubric.objects.select_for_update().filter(part=part).first()
    if rubric is None:
        raise ServiceError(
            _("Phần thi chưa có tiêu chí chấm: Ban đề thi cần nhập trước khi chấm."),
            code="no_rubric",
            basis=BASIS_RUBRIC,
        )
    refusal = examiner_refusal(actor, part, candidate)
    if refusal is not None:
        raise refusal
    _require_in_part(part, candidate)
    case = _case(part, candidate)
    name = candidate.person.full_name
    if PanelScore.objects.filter(case=case, examiner_id=actor.pk).exists():
        raise ServiceError(
            _("Bạn đã nộp điểm của %(n)s: điểm đã nộp không sửa được.") % {"n": name},
            code="already_submitted",
        )
    if case.state != PanelState.SCORING:
        raise ServiceError(
            _("Đã kết thúc chấm %(n)s: không nhận thêm điểm.") % {"n": name},
            code="not_scoring",
        )
    total = _check_scores(part, rubric, scores)
    score = PanelScore.objects.create(
        case=case,
        examiner=actor,
        membership=_seat_of(actor, part).membership,
        criterion_scores=[str(Decimal(s)) for s in scores],
        total=total,
        comment=(comment or "").strip(),
        submitted_at=now,
    )
    case.examiners = case.scores.count()
    case.save(update_fields=["examiners", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.panel_score_submit",
        target=score,
        data={
            "candidate": candidate.number,
            "part": part.order,
            "criteria": score.criterion_scores,
            "total": total,
        },
        profile=part_profile(part).ref,
    )
    expected = {m.user_id for m in examiners_for(part, candidate)}
    scored = set(case.scores.values_list("examiner_id", flat=True))
    if len(scored) >= panel_rules(part).min_examiners and expected <= scored:
        _reconcile_case(actor, case, part, now)
    return score


def _locked_case_for_head(
    actor: Any, part: BlueprintPart, candidate: Candidate, message: str
) -> PanelCase:
    require_oral(part)
    require_unpublished(part.plan)
    require_actor(actor, part.plan, is_panel_head, message)
    case = PanelCase.objects.select_for_update().filter(part=part, candidate=candidate).first()
    if case is None:
        raise ServiceError(
            _("Chưa có thành viên nào chấm %(n)s.") % {"n": candidate.person.full_name},
            code="not_scored",
        )
    return case


@transaction.atomic
def panel_close(
    *,
    actor: Any,
    part: BlueprintPart,
    candidate: Candidate,
    reason: str,
    now: dt.datetime | None = None,
) -> PanelCase:
    """End the scoring of ``candidate`` with the members who have scored (one is absent): the
    head of the panel, with a reason, once at least ``panel_min_examiners`` have scored."""
    now = now or timezone.now()
    case = _locked_case_for_head(
        actor,
        part,
        candidate,
        _("Chỉ Trưởng ban kiểm tra sát hạch được kết thúc chấm khi còn thành viên chưa chấm."),
    )
    name = candidate.person.full_name
    if case.state != PanelState.SCORING:
        raise ServiceError(
            _("Đã kết thúc chấm %(n)s.") % {"n": name}, code="not_scoring", basis=BASIS_PANEL
        )
    reason = clean_text(reason, _("Hãy ghi lý do kết thúc chấm."))
    rules = panel_rules(part)
    count = case.scores.count()
    if count < rules.min_examiners:
        raise ServiceError(
            _("Mới có %(n)d thành viên chấm %(c)s: cần ít nhất %(m)d thành viên.")
            % {"n": count, "c": name, "m": rules.min_examiners},
            code="too_few_examiners",
            basis=part_profile(part).basis("panel_min_examiners"),
        )
    case.closed_by = actor if getattr(actor, "pk", None) else None
    case.closed_at = now
    case.close_reason = reason
    case.save(update_fields=["closed_by", "closed_at", "close_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.panel_close",
        target=case,
        data={"candidate": candidate.number, "examiners": count, "reason": reason},
        profile=part_profile(part).ref,
    )
    _reconcile_case(actor, case, part, now)
    return case


@transaction.atomic
def panel_decide(
    *,
    actor: Any,
    part: BlueprintPart,
    candidate: Candidate,
    score: Decimal,
    reason: str,
    now: dt.datetime | None = None,
) -> PanelCase:
    """Decide the score of ``candidate`` when the examiners' totals spread beyond the
    tolerance: the head of the panel, with a reason (domain.md §1.4 by analogy)."""
    now = now or timezone.now()
    case = _locked_case_for_head(
        actor,
        part,
        candidate,
        _("Chỉ Trưởng ban kiểm tra sát hạch được quyết định điểm khi chênh lệch vượt mức."),
    )
    name = candidate.person.full_name
    if case.state != PanelState.HEAD:
        raise ServiceError(
            _("Điểm của %(n)s không chờ Trưởng ban quyết định.") % {"n": name},
            code="not_head",
            basis=BASIS_PANEL,
        )
    person_id = getattr(actor, "person_id", None)
    pairs = relative_pairs([person_id] if person_id else [], [candidate.person_id])
    if person_id and (person_id == candidate.person_id or pairs):
        raise ServiceError(
            _(
                "Trưởng ban là người thân của người dự kiểm tra %(n)s: không được quyết định "
                "điểm người này; báo cáo Chủ tịch Hội đồng."
            )
            % {"n": name},
            code="conflict",
            basis=BASIS_RELATIVES,
        )
    case.reason = clean_text(reason, _("Hãy ghi lý do quyết định điểm."))
    case.score = check_score(part, score, _("Điểm quyết định"))
    case.state = PanelState.FINAL
    case.method = Method.HEAD
    case.decided_by = actor if getattr(actor, "pk", None) else None
    case.finalised_at = now
    case.save()
    audit_record(
        actor=actor,
        action="grading.panel_decide",
        target=case,
        data={
            "candidate": candidate.number,
            "score": case.score,
            "reason": case.reason,
            "spread": case.spread,
            "tolerance": case.tolerance,
        },
        profile=part_profile(part).ref,
    )
    return case
