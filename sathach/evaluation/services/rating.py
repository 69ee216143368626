"""The annual rating of one civil servant: self-assessment, collective comments, the head's
proposal, the competent person's decision, publication (domain.md §2.1); the Party rating
beside it (§2.3). The facts the rules read are recorded by ``rating_facts``; the months worked,
the NĐ 90/2020 criteria and the "not rated" outcome by ``rating_criteria``; the quota and its
exceptions by ``quota``.

The level is computed by ``sathach.lib.rules.rating`` under the year's profile. The decision
may differ from the computed level only with a written reason, audited as an override
(domain.md §4.7); it may never go above what the NĐ 90/2020 criteria allow when their inputs
are recorded; a decision that would break the HTXS quota of its unit and group of similar work
is refused with the numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.lib.rules import rating
from sathach.lib.rules.rating import RatingRules
from sathach.org.models import Person, Unit

from ..constants import DECIDED_STATES, Level, Source, State
from ..models import AnnualEvaluation, PartyEvaluation
from ..outcome import evaluation_outcome, triggers_json
from ..permissions import can_write_unit
from ..rules import party_rules, profile_for, rating_rules, year_end
from .common import (
    check_level,
    check_year,
    checked,
    points,
    require_person_write,
    require_unit_write,
    text,
)
from .quota import applied_percent, exception_for, quota_message
from .rating_criteria import (
    ceiling_audit,
    check_level_allowed,
    criteria_data,
    record_criteria,
    record_months,
    refuse_if_not_rated,
)
from .rating_state import locked as _locked
from .rating_state import require_state as _require_state

# --- 1. Self-assessment ---------------------------------------------------------------------


@transaction.atomic
def evaluation_self_assess(
    *,
    actor: Any,
    person: Person,
    year: int,
    self_assessment: str,
    self_level: str = "",
    general_points: Decimal | None = None,
    work_group: str = "",
    profile: str = "",
) -> AnnualEvaluation:
    """Record (or revise, while nothing came after it) the person's self-assessment of
    ``year``, opening the evaluation under the profile in force on 31 December of the year."""
    require_person_write(actor, person)
    check_year(year)
    check_level(self_level, blank=True)
    if not text(self_assessment):
        raise ServiceError(_("Phải ghi nội dung tự đánh giá."), code="required")
    evaluation = (
        AnnualEvaluation.objects.select_for_update()
        .select_related("person")
        .filter(person=person, year=year)
        .first()
    )
    if evaluation is not None:
        _require_state(evaluation, (State.SELF_ASSESSED,), _("sửa phần tự đánh giá"))
        rules = rating_rules(evaluation.profile)
    else:
        chosen = profile_for("rating", profile, year_end(year))
        assert chosen is not None
        rules = RatingRules.of(chosen)
        evaluation = AnnualEvaluation(
            person=person,
            year=year,
            unit=person.unit,
            is_leader=person.is_leader,
            profile=chosen.ref,
            source=Source.WORKFLOW,
        )
    evaluation.general_points = _general(general_points, rules)
    evaluation.self_assessment = text(self_assessment)
    evaluation.self_level = self_level
    evaluation.work_group = text(work_group)
    evaluation.state = State.SELF_ASSESSED
    checked(evaluation)
    created = evaluation.pk is None
    evaluation.save()
    audit_record(
        actor=actor,
        action="evaluation.self_assess",
        target=evaluation,
        data={
            "person": person.code,
            "year": year,
            "created": created,
            "self_level": self_level,
            "general_points": evaluation.general_points,
            "work_group": evaluation.work_group,
        },
        profile=evaluation.profile,
    )
    return evaluation


def _general(value: Decimal | None, rules: RatingRules) -> Decimal | None:
    if value is None:
        return None
    if not rules.scored:
        raise ServiceError(
            _("Bộ quy tắc %(r)s không chấm điểm tiêu chí chung.") % {"r": rules.ref},
            code="not_scored",
        )
    # NĐ 335/2025: general criteria score at most 30 points (profile ``general_points_max``).
    return points(value, rules.general_max, _("Điểm tiêu chí chung"))


# --- 2. Collective comments -----------------------------------------------------------------


@transaction.atomic
def evaluation_comment(
    *, actor: Any, evaluation: AnnualEvaluation, comments: str
) -> AnnualEvaluation:
    """Record the comments of the unit's minuted meeting (step 2)."""
    evaluation = _locked(evaluation)
    require_person_write(actor, evaluation.person)
    _require_state(evaluation, (State.SELF_ASSESSED, State.COMMENTED), _("ghi ý kiến tập thể"))
    if not text(comments):
        raise ServiceError(_("Phải ghi ý kiến của tập thể."), code="required")
    evaluation.collective_comments = text(comments)
    evaluation.commented_at = timezone.now()
    evaluation.state = State.COMMENTED
    evaluation.save()
    audit_record(
        actor=actor,
        action="evaluation.comment",
        target=evaluation,
        data={"person": evaluation.person.code, "year": evaluation.year},
        profile=evaluation.profile,
    )
    return evaluation


# --- 3. The head's proposal -----------------------------------------------------------------


@transaction.atomic
def evaluation_propose(
    *,
    actor: Any,
    evaluation: AnnualEvaluation,
    level: str,
    note: str = "",
    general_points: Decimal | None = None,
    decline_finding: str = "",
    unit_corruption_finding: str = "",
    months_worked: int | None = None,
    tasks_done_percent: Decimal | None = None,
    tasks_exceeding_percent: Decimal | None = None,
    unit_targets_met_percent: Decimal | None = None,
    unit_targets_exceeded_percent: Decimal | None = None,
    managed_units: int | None = None,
    managed_units_completed: int | None = None,
    managed_units_good: int | None = None,
) -> AnnualEvaluation:
    """Record the head's proposal (step 3): the proposed level, the general-criteria points
    as the head scores them (NĐ 335), any finding that forces KHT, the months worked in the
    year, and the NĐ 90/2020 criteria inputs (optional; see ``rating_criteria``).

    Under the minimum months worked no level is proposed (the person is not rated); with
    criteria inputs, a level above the one they allow is refused."""
    evaluation = _locked(evaluation)
    require_person_write(actor, evaluation.person)
    _require_state(
        evaluation, (State.COMMENTED, State.PROPOSED, State.NOT_RATED), _("đề xuất xếp loại")
    )
    rules = rating_rules(evaluation.profile)
    record_months(evaluation, months_worked)
    rated = rating.is_rated(evaluation.months_worked, rules)
    if rated or level:
        check_level(level)
    if level and not rated:
        # NĐ 90/2020, NĐ 335/2025 (``rated_min_months_worked``, unverified): no level.
        refuse_if_not_rated(evaluation, rules)
    record_criteria(
        evaluation,
        {
            "tasks_done_percent": tasks_done_percent,
            "tasks_exceeding_percent": tasks_exceeding_percent,
            "unit_targets_met_percent": unit_targets_met_percent,
            "unit_targets_exceeded_percent": unit_targets_exceeded_percent,
            "managed_units": managed_units,
            "managed_units_completed": managed_units_completed,
            "managed_units_good": managed_units_good,
        },
    )
    # NĐ 90/2020 Điều 8–11: the proposal may not go above what the criteria allow.
    check_level_allowed(evaluation, level, rules)
    if general_points is not None:
        evaluation.general_points = _general(general_points, rules)
    evaluation.proposed_level = level
    evaluation.proposal_note = text(note)
    evaluation.decline_finding = text(decline_finding)
    evaluation.unit_corruption_finding = (
        text(unit_corruption_finding) if evaluation.is_leader else ""
    )
    evaluation.proposed_by = actor if getattr(actor, "pk", None) else None
    evaluation.proposed_at = timezone.now()
    evaluation.state = State.PROPOSED
    evaluation.save()
    audit_record(
        actor=actor,
        action="evaluation.propose",
        target=evaluation,
        data={
            "person": evaluation.person.code,
            "year": evaluation.year,
            "level": level,
            "general_points": evaluation.general_points,
            "decline_finding": bool(evaluation.decline_finding),
            "unit_corruption_finding": bool(evaluation.unit_corruption_finding),
            **criteria_data(evaluation),
            **ceiling_audit(evaluation, rules),
        },
        profile=evaluation.profile,
    )
    return evaluation


# --- 4. The decision ------------------------------------------------------------------------


def quota_group(evaluation: AnnualEvaluation) -> Any:
    """Return the decided evaluations of the evaluation's unit, year and group of similar work
    (NĐ 335/2025 and NĐ 48/2023: the quota is counted within each)."""
    return AnnualEvaluation.objects.filter(
        unit_id=evaluation.unit_id,
        year=evaluation.year,
        work_group=evaluation.work_group,
        state__in=DECIDED_STATES,
    )


@transaction.atomic
def evaluation_decide(
    *,
    actor: Any,
    evaluation: AnnualEvaluation,
    level: str,
    reason: str = "",
    decision_ref: str = "",
) -> AnnualEvaluation:
    """Record the competent person's decision (step 4), or change it before publication.

    The rules compute the level from the facts recorded now; a different decision needs a
    reason and is audited as an override. A person under the minimum months worked gets no
    level (``rating_criteria.evaluation_not_rate``); with NĐ 90/2020 criteria inputs, a level
    above the one they allow is refused. The HTXS quota of the unit and group is checked
    with every decided rating of the group (rows locked, so two decisions cannot both pass),
    under the unit's exception for outstanding units if one was granted.
    """
    evaluation = _locked(evaluation)
    require_person_write(actor, evaluation.person)
    _require_state(
        evaluation, (State.PROPOSED, State.DECIDED, State.NOT_RATED), _("quyết định xếp loại")
    )
    check_level(level)
    rules = rating_rules(evaluation.profile)
    # NĐ 90/2020, NĐ 335/2025 (``rated_min_months_worked``): under 6 months, not rated.
    refuse_if_not_rated(evaluation, rules)
    # NĐ 90/2020 Điều 8–11 (``criteria_*``): no level above what the criteria allow.
    allowed = check_level_allowed(evaluation, level, rules)
    outcome = evaluation_outcome(evaluation)
    if rules.scored and outcome.level is None:
        raise ServiceError(
            _(
                "Chưa tính được điểm năm %(y)s: cần điểm tiêu chí chung và kết quả theo dõi "
                "nhiệm vụ hằng tháng hoặc quý."
            )
            % {"y": evaluation.year},
            code="score_incomplete",
        )
    computed = outcome.level or ""
    reason = text(reason)
    override = bool(computed) and level != computed
    if override and not reason:
        raise ServiceError(
            _("Xếp loại khác mức theo quy tắc (%(c)s): phải ghi lý do.")
            % {"c": Level(computed).label},
            code="override_reason",
        )
    group = list(quota_group(evaluation).select_for_update().values_list("pk", "level"))
    # The unit's exception for outstanding units lifts or raises the cap (NĐ 335/2025 khoản 5
    # điểm b; domain.md §2.1).
    exception = exception_for(evaluation.unit_id, evaluation.year, lock=True)
    percent = applied_percent(exception, rules.quota_percent)
    before = rating.quota_check([lv for _pk, lv in group], percent)
    after = rating.quota_check([lv for pk, lv in group if pk != evaluation.pk] + [level], percent)
    if rating.quota_refuses(before, after):
        raise ServiceError(
            quota_message(after, exception),
            code="quota",
            basis=rules.basis("quota_excellent_percent_of_good"),
        )
    evaluation.task_points = outcome.task_points
    evaluation.score = outcome.score
    evaluation.computed_level = computed
    evaluation.allowed_level = allowed
    evaluation.triggers = triggers_json(outcome, rules)
    evaluation.level = level
    evaluation.override_reason = reason if override else ""
    evaluation.decision_ref = text(decision_ref)
    evaluation.decided_by = actor if getattr(actor, "pk", None) else None
    evaluation.decided_at = timezone.now()
    evaluation.state = State.DECIDED
    evaluation.save()
    audit_record(
        actor=actor,
        action="evaluation.level_override" if override else "evaluation.decide",
        target=evaluation,
        data={
            "person": evaluation.person.code,
            "year": evaluation.year,
            "level": level,
            "computed_level": computed,
            "score": evaluation.score,
            "triggers": [t["code"] for t in evaluation.triggers],
            "reason": evaluation.override_reason,
            "quota": {"excellent": after.excellent, "good": after.good, "max": after.maximum},
            "quota_exception": exception.decision_ref if exception else "",
            **criteria_data(evaluation),
            **ceiling_audit(evaluation, rules),
        },
        profile=evaluation.profile,
    )
    return evaluation


# --- 5. Publication -------------------------------------------------------------------------


@transaction.atomic
def evaluation_publish(*, actor: Any, evaluation: AnnualEvaluation) -> AnnualEvaluation:
    """Publish a decided rating inside the agency (step 5); it no longer changes here."""
    evaluation = _locked(evaluation)
    require_person_write(actor, evaluation.person)
    _require_state(evaluation, (State.DECIDED,), _("công khai"))
    evaluation.state = State.PUBLISHED
    evaluation.published_at = timezone.now()
    evaluation.save(update_fields=["state", "published_at", "updated_at"])
    audit_record(
        actor=actor,
        action="evaluation.publish",
        target=evaluation,
        data={"person": evaluation.person.code, "year": evaluation.year, "level": evaluation.level},
        profile=evaluation.profile,
    )
    return evaluation


@transaction.atomic
def evaluations_publish(*, actor: Any, unit: Unit, year: int) -> int:
    """Publish every decided rating of ``year`` in ``unit``'s subtree; return how many.

    One audit event lists the persons published.
    """
    require_unit_write(actor, unit)
    decided = list(
        AnnualEvaluation.objects.select_for_update()
        .filter(
            unit__path__startswith=unit.path,
            year=year,
            state=State.DECIDED,
            source=Source.WORKFLOW,
        )
        .select_related("person__unit")
        .order_by("pk")
    )
    if actor is not None:
        decided = [e for e in decided if can_write_unit(actor, e.person.unit)]
    if not decided:
        raise ServiceError(
            _("Không có phiếu nào đã quyết định xếp loại để công khai."), code="nothing"
        )
    now = timezone.now()
    AnnualEvaluation.objects.filter(pk__in=[e.pk for e in decided]).update(
        state=State.PUBLISHED, published_at=now, updated_at=now
    )
    audit_record(
        actor=actor,
        action="evaluation.publish_all",
        target=unit,
        data={"year": year, "unit": unit.code, "persons": [e.person.code for e in decided]},
    )
    return len(decided)


# --- The Party rating -----------------------------------------------------------------------


@transaction.atomic
def party_evaluation_record(
    *,
    actor: Any,
    evaluation: AnnualEvaluation,
    level: str,
    score: Decimal | None = None,
    profile: str = "",
    reason: str = "",
    note: str = "",
) -> PartyEvaluation:
    """Record the Party committee's rating of a Party member beside their state rating.

    Under a profile with bands (QĐ 366-QĐ/TW: 90/70/50) a score computes a level; a different
    level needs a reason, audited as an override.
    """
    evaluation = _locked(evaluation)
    person = evaluation.person
    require_person_write(actor, person)
    if not person.is_party_member:
        raise ServiceError(
            _("Công chức “%(c)s” không phải đảng viên (theo danh sách công chức).")
            % {"c": person.code},
            code="not_party_member",
        )
    check_level(level)
    existing = PartyEvaluation.objects.filter(evaluation=evaluation).first()
    ref = profile or (existing.profile if existing else "")
    chosen = profile_for("party_rating", ref, year_end(evaluation.year), required=False)
    rules = party_rules(chosen.ref) if chosen else None
    computed = ""
    if score is not None:
        score = points(score, Decimal(100), _("Điểm xếp loại đảng viên"))
        computed = (rating.party_level_for_score(score, rules) or "") if rules else ""
    reason = text(reason)
    override = bool(computed) and level != computed
    if override and not reason:
        raise ServiceError(
            _("Xếp loại khác mức theo điểm (%(c)s): phải ghi lý do.")
            % {"c": Level(computed).label},
            code="override_reason",
        )
    party = existing or PartyEvaluation(evaluation=evaluation)
    party.profile = chosen.ref if chosen else ""
    party.score = score
    party.computed_level = computed
    party.level = level
    party.override_reason = reason if override else ""
    party.note = text(note)
    party.recorded_by = actor if getattr(actor, "pk", None) else None
    party.save()
    audit_record(
        actor=actor,
        action="evaluation.party_override" if override else "evaluation.party_record",
        target=evaluation,
        data={
            "person": person.code,
            "year": evaluation.year,
            "level": level,
            "score": score,
            "computed_level": computed,
            "reason": party.override_reason,
        },
        profile=party.profile,
    )
    return party
