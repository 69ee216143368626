"""What the grading services share: the plan's marking rules, guards, score checks, reads audit."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.rules.marking import (
    MarkingRules,
    MarkProblem,
    ScoreProblem,
    mark_problems,
    score_problem,
)
from sathach.lib.rules.profiles import RuleProfile
from sathach.plans.models import BlueprintPart, Plan

from ..constants import BASIS_ANONYMITY
from ..models import PartMarking
from ..selectors import is_written


def part_profile(part: BlueprintPart) -> RuleProfile:
    return profiles.get(part.plan.exam_profile)


def marking_rules(part: BlueprintPart) -> MarkingRules:
    """Return the numbers ``part`` is marked by, from the plan's exam rule profile."""
    profile = part_profile(part)
    return MarkingRules.of(
        part.max_score,
        profile.value("marking_tolerance_percent"),
        profile.value("marking_score_step"),
        profile.value("marking_final_step"),
    )


def require_written(part: BlueprintPart) -> None:
    if not is_written(part):
        raise ServiceError(
            _("Phần thi “%(p)s” không phải phần thi viết: không có bài để chấm theo số phách.")
            % {"p": part.name},
            code="not_written",
        )


def require_actor(
    actor: Any, plan: Plan, allowed: Callable[[Any, Plan], bool], message: str
) -> None:
    """Refuse unless ``actor`` passes ``allowed`` on ``plan``; None is the system."""
    if actor is None or allowed(actor, plan):
        return
    raise PermissionDeniedError(message)


def part_marking(part: BlueprintPart, *, lock: bool = False) -> PartMarking:
    """Return the part's marking record, created on first use (locked when ``lock``)."""
    marking, _created = PartMarking.objects.get_or_create(part=part)
    if lock:
        marking = PartMarking.objects.select_for_update().get(pk=marking.pk)
    return marking


def require_not_rematched(marking: PartMarking) -> None:
    if marking.rematched_at is not None:
        raise ServiceError(
            _("Phần thi đã ghép phách: điểm đã chính thức, chỉ thay đổi qua phúc khảo."),
            code="rematched",
            basis=BASIS_ANONYMITY,
        )


def score_text(value: Decimal) -> str:
    """Return a score the Vietnamese way: 7,25 — 10 — 54,88."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def problem_message(
    problem: ScoreProblem | str, what: str, value: Any, maximum: Decimal, step: Decimal
) -> str:
    """Return why ``value`` (the score of ``what``) is refused, in the words pages show."""
    shown = score_text(value) if isinstance(value, Decimal) and value.is_finite() else str(value)
    if problem == ScoreProblem.NOT_A_NUMBER:
        return _("%(what)s không phải là số.") % {"what": what}
    if problem == ScoreProblem.NEGATIVE:
        return _("%(what)s (%(v)s) không được âm.") % {"what": what, "v": shown}
    if problem == ScoreProblem.ABOVE_MAX:
        return _("%(what)s (%(v)s) lớn hơn điểm tối đa %(m)s.") % {
            "what": what,
            "v": shown,
            "m": score_text(maximum),
        }
    return _("%(what)s (%(v)s) phải là bội số của %(s)s điểm.") % {
        "what": what,
        "v": shown,
        "s": score_text(step),
    }


def check_score(part: BlueprintPart, value: Any, what: str) -> Decimal:
    """Return ``value`` as a score of ``part`` (0…max on the profile's step), or refuse."""
    rules = marking_rules(part)
    problem = score_problem(value, rules.max_score, rules.score_step)
    if problem is not None:
        raise ServiceError(
            problem_message(problem, what, value, rules.max_score, rules.score_step),
            code=f"score_{problem}",
            basis=part_profile(part).basis("marking_score_step")
            if problem == ScoreProblem.OFF_STEP
            else "",
        )
    return Decimal(value)


def check_mark(
    part: BlueprintPart,
    question_scores: list[Any],
    question_maxima: list[Decimal],
    labels: list[str],
    total: Any,
) -> None:
    """Refuse a mark with the first problem (per-question ranges, total, their sum)."""
    rules = marking_rules(part)
    problems: list[MarkProblem] = mark_problems(question_scores, question_maxima, total, rules)
    if not problems:
        return
    first = problems[0]
    if first.problem == "count":
        raise ServiceError(
            _("Hãy ghi điểm đủ %(n)d câu theo thang điểm.") % {"n": len(question_maxima)},
            code="score_count",
        )
    if first.problem == "sum":
        added = sum((Decimal(s) for s in question_scores), Decimal(0))
        raise ServiceError(
            _("Tổng điểm các câu (%(sum)s) khác tổng điểm đã ghi (%(total)s).")
            % {"sum": score_text(added), "total": score_text(Decimal(total))},
            code="score_sum",
        )
    if first.question is None:
        what, value, maximum = _("Tổng điểm"), total, rules.max_score
    else:
        what = labels[first.question]
        value, maximum = question_scores[first.question], question_maxima[first.question]
    raise ServiceError(
        problem_message(first.problem, what, value, maximum, rules.score_step),
        code=f"score_{first.problem}",
        basis=part_profile(part).basis("marking_score_step")
        if first.problem == ScoreProblem.OFF_STEP
        else "",
    )


def clean_text(text: str, message: str) -> str:
    """Return ``text`` stripped, or refuse with ``message`` when it is empty."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise ServiceError(message, code="reason_required")
    return cleaned


@transaction.atomic
def access_record(
    *, actor: Any, action: str, target: Model, data: dict[str, Any] | None = None
) -> None:
    """Record a privileged read (a script opened, the code list shown, a record printed):
    domain.md §4.5, the audit log says who viewed what."""
    plan = getattr(target, "plan", None) or getattr(getattr(target, "part", None), "plan", None)
    audit_record(
        actor=actor,
        action=action,
        target=target,
        data=data or {},
        profile=plan.exam_profile if plan is not None else "",
    )
