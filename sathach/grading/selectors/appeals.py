"""Reads of appeals (phúc khảo): the window of a plan, a candidate's own appeals (404 for
anyone else's), and the plan's appeals list for those who handle or follow them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from sathach.core import profiles
from sathach.lib.rules.marking import appeal_last_day, appeal_on_time, appeal_results_due
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import BlueprintPart, Candidate, Plan

from ..constants import AppealState
from ..models import Appeal
from ..permissions import can_follow_appeals


def day_text(value: dt.date) -> str:
    """Return a date the Vietnamese way: 25/03/2026."""
    return f"{value:%d/%m/%Y}"


@dataclass(frozen=True)
class AppealWindow:
    """When appeals against a plan's published results are accepted, and when their outcomes
    are due (profile keys ``appeal_window_days`` and ``appeal_result_days``)."""

    published_on: dt.date
    window_days: int
    result_days: int
    window_basis: str
    result_basis: str

    @property
    def last_day(self) -> dt.date:
        return appeal_last_day(self.published_on, self.window_days)

    @property
    def results_due(self) -> dt.date:
        return appeal_results_due(self.published_on, self.window_days, self.result_days)

    def open_on(self, day: dt.date) -> bool:
        return appeal_on_time(day, self.published_on, self.window_days)


def appeal_window(plan: Plan) -> AppealWindow | None:
    """Return the appeal window of ``plan``, or None while its results are not published."""
    published = (
        Plan.objects.filter(pk=plan.pk).values_list("results_published_at", flat=True).first()
    )
    if published is None:
        return None
    profile = profiles.get(plan.exam_profile)
    return AppealWindow(
        published_on=timezone.localdate(published),
        window_days=profile.value("appeal_window_days"),
        result_days=profile.value("appeal_result_days"),
        window_basis=profile.basis("appeal_window_days"),
        result_basis=profile.basis("appeal_result_days"),
    )


def appeal_done(appeal: Appeal) -> bool:
    """Return whether ``appeal``'s outcome is out: turned down, or written into the results."""
    return appeal.state == AppealState.REJECTED or appeal.applied_at is not None


def appeal_overdue(appeal: Appeal, window: AppealWindow | None, today: dt.date) -> bool:
    """Return whether ``appeal``'s outcome is late: not out after ``appeal_result_days`` from
    the window's close (NĐ 138/2020/NĐ-CP Điều 11, profile ``appeal_result_days``)."""
    return window is not None and not appeal_done(appeal) and today > window.results_due


# --- A candidate's own ------------------------------------------------------------------------


def own_candidate(user: Any, plan: Plan) -> Candidate | None:
    """Return the candidate ``user`` is on ``plan`` (through ``User.person``), if any."""
    person_id = getattr(user, "person_id", None)
    if not getattr(user, "is_authenticated", False) or person_id is None:
        return None
    return (
        Candidate.objects.filter(plan=plan, person_id=person_id, status=CandidateStatus.INCLUDED)
        .select_related("person")
        .first()
    )


def own_candidate_get(*, user: Any, code: str) -> Candidate:
    """Return the candidate ``user`` is on the plan ``code``; 404 for anyone else."""
    plan = Plan.objects.filter(code=code).first()
    candidate = own_candidate(user, plan) if plan is not None else None
    if candidate is None:
        raise Http404
    return candidate


def own_appeal_list(*, user: Any, candidate: Candidate) -> QuerySet[Appeal]:
    """Return ``candidate``'s appeals, when ``user`` is that candidate (else nothing)."""
    if getattr(user, "person_id", None) != candidate.person_id:
        return Appeal.objects.none()
    return Appeal.objects.filter(candidate=candidate).select_related("part").order_by("part__order")


def own_appeal_get(*, user: Any, pk: int) -> Appeal:
    """Return ``user``'s own appeal ``pk``; 404 for anyone else's."""
    person_id = getattr(user, "person_id", None)
    appeal = (
        Appeal.objects.select_related("part__plan", "candidate__person")
        .filter(pk=pk, candidate__person_id=person_id)
        .first()
        if person_id is not None and getattr(user, "is_authenticated", False)
        else None
    )
    if appeal is None:
        raise Http404
    return appeal


def own_part_get(*, candidate: Candidate, pk: int) -> BlueprintPart:
    """Return part ``pk`` of the candidate's plan; 404 for another plan's."""
    part = BlueprintPart.objects.select_related("plan").filter(pk=pk, plan=candidate.plan).first()
    if part is None:
        raise Http404
    return part


# --- Who handles and follows them -------------------------------------------------------------


def appeal_plan_get(*, user: Any, code: str) -> Plan:
    """Return plan ``code`` when ``user`` follows its appeals; 404 otherwise."""
    plan = Plan.objects.filter(code=code).first()
    if plan is None or not can_follow_appeals(user, plan):
        raise Http404
    return plan


def appeal_list(*, user: Any, plan: Plan) -> QuerySet[Appeal]:
    """Return the appeals of ``plan`` in the order filed (404 unless ``user`` follows them)."""
    if not can_follow_appeals(user, plan):
        raise Http404
    return (
        Appeal.objects.filter(part__plan=plan)
        .select_related("part", "candidate__person__unit", "remark__script")
        .order_by("filed_at", "pk")
    )


def appeal_get_for_user(*, user: Any, pk: int) -> Appeal:
    """Return appeal ``pk`` when ``user`` follows its plan's appeals; 404 otherwise."""
    appeal = Appeal.objects.select_related("part__plan", "candidate__person").filter(pk=pk).first()
    if appeal is None or not can_follow_appeals(user, appeal.part.plan):
        raise Http404
    return appeal
