"""Reads of the results app, each scoped to who asks (``permissions``): outside scope, 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from sathach.accounts.permissions import subtree_q
from sathach.plans.models import Plan
from sathach.plans.permissions import PlanAccess, plan_permissions

from .models import PartResult, PlanResult, Publication, ResultCorrection


def table_queryset(results: QuerySet[PlanResult]) -> QuerySet[PlanResult]:
    """Return ``results`` as the results table reads them: by registration number, with the
    person, their unit and every part result in part order, in a fixed number of queries."""
    return (
        results.select_related("candidate__person__unit")
        .prefetch_related(
            Prefetch(
                "candidate__part_results",
                queryset=PartResult.objects.select_related("part").order_by("part__order"),
            )
        )
        .order_by("candidate__number", "candidate_id")
    )


def results_access(*, user: Any, plan: Plan) -> PlanAccess:
    """Return ``user``'s access to ``plan`` if they may see some of its results; 404 if not."""
    access = plan_permissions(user, plan)
    if not access.read or access.candidate_paths == ():
        raise Http404
    return access


def result_table(
    *, user: Any, plan: Plan, access: PlanAccess | None = None
) -> QuerySet[PlanResult]:
    """Return the results of ``plan`` that ``user`` may see: everyone's for those who run the
    plan and for the council and the boards that see the candidate list; their own subtree's
    for unit_hr and leaders; 404 for anyone else. ``access`` saves computing it again."""
    access = access or results_access(user=user, plan=plan)
    results = PlanResult.objects.filter(plan=plan)
    if access.candidate_paths is not None:
        results = results.filter(subtree_q(access.candidate_paths, "candidate__person__unit__path"))
    return table_queryset(results)


def part_result_get(*, user: Any, plan: Plan, pk: int) -> PartResult:
    """Return part result ``pk`` of ``plan`` if ``user`` may see it; 404 otherwise."""
    found = (
        PartResult.objects.filter(pk=pk, part__plan=plan)
        .select_related("part", "candidate__person__unit")
        .first()
    )
    if (
        found is None
        or not result_table(user=user, plan=plan).filter(candidate_id=found.candidate_id).exists()
    ):
        raise Http404
    return found


def correction_list(
    *, user: Any, plan: Plan, access: PlanAccess | None = None
) -> QuerySet[ResultCorrection]:
    """Return the corrections of ``plan``'s results that ``user`` may see, newest first."""
    visible = result_table(user=user, plan=plan, access=access).values("candidate_id")
    return (
        ResultCorrection.objects.filter(
            part_result__part__plan=plan, part_result__candidate_id__in=visible
        )
        .select_related(
            "part_result__part", "part_result__candidate__person", "proposed_by", "decided_by"
        )
        .order_by("-created_at", "-pk")
    )


def correction_get(*, user: Any, plan: Plan, pk: int) -> ResultCorrection:
    found = correction_list(user=user, plan=plan).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def publication_of(plan: Plan) -> Publication | None:
    return Publication.objects.filter(plan=plan).select_related("published_by").first()


def own_result_list(*, user: Any) -> QuerySet[PlanResult]:
    """Return the published results of the civil servant ``user`` is (``User.person``), newest
    publication first; nothing for anyone else, and never an unpublished result."""
    person_id = getattr(user, "person_id", None)
    if not getattr(user, "is_authenticated", False) or person_id is None:
        return PlanResult.objects.none()
    return (
        table_queryset(
            PlanResult.objects.filter(
                candidate__person_id=person_id, plan__publication__isnull=False
            )
        )
        .select_related("plan__publication")
        .order_by("-plan__publication__published_at", "pk")
    )


def own_result_get(*, user: Any, pk: int) -> PlanResult:
    """Return ``user``'s own published result ``pk``; 404 for anyone else's or unpublished."""
    found = own_result_list(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
