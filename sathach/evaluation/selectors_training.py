"""Reads of training and re-tests after a published plan, scoped like the results table.

Who sees what follows ``results.selectors.result_table``: the organiser who runs the plan sees
every candidate, unit HR and leaders only their subtree's; anyone else, or a plan whose
results are not published, gets 404. Writing (assigning, recording completion) also needs the
evaluation write scope over the person's unit (``permissions.can_write_unit``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from sathach.accounts.permissions import subtree_q
from sathach.plans.models import BlueprintCell, BlueprintPart, Plan
from sathach.plans.permissions import plan_permissions
from sathach.plans.selectors import plan_get_for_user, plan_list
from sathach.results.constants import PartStatus
from sathach.results.models import PartResult, PlanResult
from sathach.results.selectors import result_table

from .constants import TrainingState
from .models import Retest, TrainingAssignment
from .permissions import write_paths


def published_plan_get(*, user: Any, code: str) -> Plan:
    """Return plan ``code`` if ``user`` may see some of its results and they are published;
    404 otherwise."""
    plan = plan_get_for_user(user=user, code=code)
    if plan.results_published_at is None:
        raise Http404
    access = plan_permissions(user, plan)
    if not access.read or access.candidate_paths == ():
        raise Http404
    return plan


def published_plan_list(*, user: Any) -> QuerySet[Plan]:
    """Return the plans with published results whose results ``user`` may see (some of)."""
    return plan_list(user=user).filter(results_published_at__isnull=False)


def below_bar(plan: Plan) -> QuerySet[PlanResult]:
    """Return every candidate's result of ``plan`` below the bar (not passed: a failed part,
    a total under the profile's pass percentage, or absent), empty while unpublished."""
    if plan.results_published_at is None:
        return PlanResult.objects.none()
    return PlanResult.objects.filter(plan=plan, passed=False)


def below_bar_list(*, user: Any, plan: Plan) -> QuerySet[PlanResult]:
    """Return the results below the bar that ``user`` may see, by registration number, with
    each part result (the failed parts are those not ``passed``)."""
    visible = result_table(user=user, plan=plan).filter(passed=False)
    if plan.results_published_at is None:
        return visible.none()
    return visible.select_related("candidate__person__position")


@dataclass(frozen=True)
class FailedPart:
    part: BlueprintPart
    score: Any
    status: str

    @property
    def status_label(self) -> str:
        return str(PartStatus(self.status).label)


def failed_parts(result: PlanResult) -> list[FailedPart]:
    """Return the parts ``result`` did not pass (from the prefetched part results)."""
    rows: list[PartResult] = list(result.candidate.part_results.all())
    return [FailedPart(r.part, r.score, r.status) for r in rows if not r.passed]


def assignment_list(*, user: Any, plan: Plan) -> QuerySet[TrainingAssignment]:
    """Return the training assignments made from ``plan`` that ``user`` may see."""
    access = plan_permissions(user, plan)
    if not access.read or access.candidate_paths == ():
        raise Http404
    rows = TrainingAssignment.objects.filter(plan=plan)
    if access.candidate_paths is not None:
        rows = rows.filter(subtree_q(access.candidate_paths, "person__unit__path"))
    return rows.select_related("person__unit", "created_by", "completed_by").order_by(
        "person__sort_key", "person__code", "starts_on", "pk"
    )


def assignment_get_for_user(*, user: Any, pk: int) -> TrainingAssignment:
    """Return assignment ``pk`` if ``user`` may write for its person's unit; 404 otherwise."""
    found = (
        TrainingAssignment.objects.filter(subtree_q(write_paths(user), "person__unit__path"))
        .filter(pk=pk)
        .select_related("person__unit", "plan")
        .first()
    )
    if found is None:
        raise Http404
    return found


# --- Outcomes (the report) --------------------------------------------------------------------


@dataclass
class RetestOutcome:
    retest: Retest
    published: bool
    passed: int = 0
    failed: int = 0
    by_person: dict[int, bool] = field(default_factory=dict)  # person id → passed


@dataclass
class PersonOutcome:
    """One person below the bar of the plan: their training and their re-test."""

    result: PlanResult
    assignments: list[TrainingAssignment]
    retest_passed: bool | None  # None: no published re-test result

    @property
    def person(self) -> Any:
        return self.result.candidate.person

    @property
    def training_state(self) -> str:
        """The latest assignment's state, or "" when never assigned."""
        return self.assignments[-1].state if self.assignments else ""


@dataclass
class PlanOutcomes:
    plan: Plan
    rows: list[PersonOutcome]
    retests: list[RetestOutcome]

    @property
    def below(self) -> int:
        return len(self.rows)

    def training_counts(self) -> dict[str, int]:
        """Assigned (still open), completed, not completed, never assigned."""
        counts = Counter(r.training_state for r in self.rows)
        return {
            "assigned": counts[TrainingState.ASSIGNED],
            "completed": counts[TrainingState.COMPLETED],
            "not_completed": counts[TrainingState.NOT_COMPLETED],
            "none": counts[""],
        }

    def retest_counts(self) -> dict[str, int]:
        """Re-tested and passed, re-tested and failed, not (yet) re-tested."""
        passed = sum(1 for r in self.rows if r.retest_passed is True)
        failed = sum(1 for r in self.rows if r.retest_passed is False)
        return {"passed": passed, "failed": failed, "pending": self.below - passed - failed}


def retest_list(*, plan: Plan) -> list[RetestOutcome]:
    """Return the re-tests made from ``plan``, each with its published outcome per person."""
    outcomes = []
    for retest in Retest.objects.filter(source=plan).select_related("plan", "created_by"):
        outcome = RetestOutcome(retest, retest.plan.results_published_at is not None)
        if outcome.published:
            rows = PlanResult.objects.filter(plan=retest.plan).values_list(
                "candidate__person_id", "passed"
            )
            outcome.by_person = dict(rows)
            outcome.passed = sum(outcome.by_person.values())
            outcome.failed = len(outcome.by_person) - outcome.passed
        outcomes.append(outcome)
    return outcomes


def plan_outcomes(*, user: Any, plan: Plan) -> PlanOutcomes:
    """Return, for everyone below the bar of ``plan`` that ``user`` sees, their training and
    the outcome of the latest published re-test that included them."""
    results = list(below_bar_list(user=user, plan=plan))
    person_ids = [r.candidate.person_id for r in results]
    by_person: dict[int, list[TrainingAssignment]] = {pid: [] for pid in person_ids}
    for row in TrainingAssignment.objects.filter(plan=plan, person_id__in=person_ids).order_by(
        "starts_on", "pk"
    ):
        by_person[row.person_id].append(row)
    retests = retest_list(plan=plan)
    rows = []
    for result in results:
        pid = result.candidate.person_id
        verdict: bool | None = None
        for outcome in retests:  # newest first: the latest published re-test decides
            if outcome.published and pid in outcome.by_person:
                verdict = outcome.by_person[pid]
                break
        rows.append(PersonOutcome(result, by_person[pid], verdict))
    return PlanOutcomes(plan, rows, retests)


def retest_failures(plan: Plan, *, trained_only: bool = False) -> QuerySet[PlanResult]:
    """Return the results of ``plan`` a re-test would take: every active person below the
    bar, or (``trained_only``) those whose training from this plan is completed."""
    rows = below_bar(plan).filter(candidate__person__is_active=True)
    if trained_only:
        completed = TrainingAssignment.objects.filter(plan=plan, state=TrainingState.COMPLETED)
        rows = rows.filter(candidate__person_id__in=completed.values("person_id"))
    return rows.select_related("candidate__person").order_by("candidate__number", "pk")


def parts_of(plan: Plan) -> QuerySet[BlueprintPart]:
    return (
        BlueprintPart.objects.filter(plan=plan)
        .prefetch_related(
            Prefetch("cells", queryset=BlueprintCell.objects.select_related("topic").order_by("pk"))
        )
        .order_by("order")
    )


# --- Evidence for the streamlining ground "lacking the training level" -----------------------


def _dmy(day: Any) -> str:
    return f"{day:%d/%m/%Y}"


def training_evidence(person_ids: list[int]) -> dict[int, list[str]]:
    """Return, per person, the training that did not bring them up to standard: a course not
    completed, or completed and followed by a failed re-test of the same plan (published).

    It is data behind the ground "lacks the training level, retraining impossible" (NĐ 154/
    2025; training first under NĐ 101/2017, domain.md §3); it never makes the ground by itself
    (the gap against the job position is recorded as a ``QualificationGap``). Two queries.
    """
    rows = list(
        TrainingAssignment.objects.filter(person_id__in=person_ids)
        .exclude(state=TrainingState.ASSIGNED)
        .select_related("plan")
        .order_by("starts_on", "pk")
    )
    completed = [r for r in rows if r.state == TrainingState.COMPLETED]
    failed_retests: dict[tuple[int, int], str] = {}
    if completed:
        for source_id, person_id, code in PlanResult.objects.filter(
            plan__retest_of__source_id__in={r.plan_id for r in completed},
            plan__results_published_at__isnull=False,
            candidate__person_id__in={r.person_id for r in completed},
            passed=False,
        ).values_list("plan__retest_of__source_id", "candidate__person_id", "plan__code"):
            failed_retests[(source_id, person_id)] = code
    evidence: dict[int, list[str]] = {}
    for row in rows:
        course = (
            f"Đã cử bồi dưỡng “{row.course}” ({row.provider}, {_dmy(row.starts_on)}–"
            f"{_dmy(row.ends_on)}) sau khi không đạt kế hoạch {row.plan.code}"
        )
        if row.state == TrainingState.NOT_COMPLETED:
            text = f"{course}: không hoàn thành (ghi nhận ngày {_dmy(row.completed_on)})."
        elif (row.plan_id, row.person_id) in failed_retests:
            retest = failed_retests[(row.plan_id, row.person_id)]
            text = f"{course}: hoàn thành; kiểm tra lại theo kế hoạch {retest}: không đạt."
        else:
            continue
        evidence.setdefault(row.person_id, []).append(text)
    return evidence
