"""Who sees the reports of a plan, and over which candidates (one policy for pages, exports,
PDFs and jobs).

- Those who run the plan, the council and Ban giám sát see the whole plan (the province).
- unit_hr, leaders and organisers who only read the plan see their own unit subtrees: people
  outside them are neither counted nor listed.
- Everyone else gets 404, as for a plan outside their scope: proctors, Ban phách and the panel
  see candidates to do their work, not the results of the plan; markers never see names.

The records of the sittings (attendance, room records) are for those who run the plan, the
council and Ban giám sát only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from sathach.accounts.permissions import path_within, subtree_q, unit_paths
from sathach.org.models import Unit
from sathach.plans.constants import COUNCIL_SEATS, Board
from sathach.plans.models import Plan, PlanScope
from sathach.plans.permissions import VIEWER_ROLES, PlanAccess, overlap_q, plan_permissions

from ..models import PlanResult

# Boards that see the whole plan's reports and records (domain.md §1.1; §4.6: supervision
# reads everything, changes nothing).
WHOLE_PLAN_BOARDS = COUNCIL_SEATS | {Board.SUPERVISION}


@dataclass(frozen=True)
class ReportScope:
    """The candidates a report counts: the plan's, within ``paths`` (None: all of them) and,
    for a unit report, within ``unit``'s subtree."""

    plan: Plan
    paths: tuple[str, ...] | None
    unit: Unit | None = None

    @property
    def whole_plan(self) -> bool:
        return self.paths is None and self.unit is None

    def person_q(self, prefix: str = "candidate__person__") -> Q:
        """Return the filter on the people in scope, ``prefix`` leading to a ``Person``."""
        q = Q()
        if self.paths is not None:
            q &= subtree_q(self.paths, f"{prefix}unit__path")
        if self.unit is not None:
            q &= Q(**{f"{prefix}unit__path__startswith": self.unit.path})
        return q

    def results(self) -> QuerySet[PlanResult]:
        """Return the overall results in scope (unordered: aggregates add their own)."""
        return PlanResult.objects.filter(plan=self.plan).filter(self.person_q()).order_by()


def _full(access: PlanAccess) -> bool:
    return access.write or bool(access.boards & WHOLE_PLAN_BOARDS)


def report_paths(user: Any, plan: Plan) -> tuple[str, ...] | None:
    """Return the unit subtrees whose people ``user`` sees in ``plan``'s reports (None: the
    whole plan); 404 if they see no report of it."""
    access = plan_permissions(user, plan)
    if not access.read:
        raise Http404
    if _full(access):
        return None
    # DESIGN §1: unit_hr and leaders see their own unit subtree only, even when they also
    # sit on a board that sees the candidate list (that list serves the board's work).
    paths = tuple(unit_paths(user, VIEWER_ROLES))
    if not paths:
        raise Http404
    return paths


def can_see_reports(user: Any, plan: Plan) -> bool:
    try:
        report_paths(user, plan)
    except Http404:
        return False
    return True


def report_scope_get(*, user: Any, plan: Plan, unit_code: str | None = None) -> ReportScope:
    """Return the scope of ``user``'s report on ``plan`` (of ``unit_code``'s subtree if given).

    404 for a user who sees no report of the plan, and for a unit outside their subtrees or
    outside the plan's scope.
    """
    paths = report_paths(user, plan)
    if unit_code is None:
        return ReportScope(plan=plan, paths=paths)
    unit = Unit.objects.filter(code=unit_code).first()
    if unit is None or (paths is not None and not path_within(unit.path, paths)):
        raise Http404
    if not PlanScope.objects.filter(plan=plan).filter(overlap_q([unit.path])).exists():
        raise Http404
    return ReportScope(plan=plan, paths=paths, unit=unit)


def records_access_get(*, user: Any, plan: Plan) -> PlanAccess:
    """Return ``user``'s access to ``plan`` if they may print its sitting records; 404 if not."""
    access = plan_permissions(user, plan)
    if not access.read or not _full(access):
        raise Http404
    return access


def can_print_records(user: Any, plan: Plan) -> bool:
    try:
        records_access_get(user=user, plan=plan)
    except Http404:
        return False
    return True
