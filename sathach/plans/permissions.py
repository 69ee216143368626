"""Who may see and change a plan (one policy for pages, API, commands and services).

- The organiser (Ban Tổ chức / Sở Nội vụ) writes the plans they run: those they created,
  those a plan-scoped organiser assignment names, and those whose whole scope lies in their
  organiser subtrees. They read every plan whose scope touches their subtrees, and plans that
  have no scope yet.
- unit_hr and leaders read, never write, the plans whose scope touches their subtree (covers
  their unit or lies inside it); they see only their own subtree's candidates.
- Board members read the plan they serve. Ban giám sát is read-only by rule (domain.md §4.6),
  even for an organiser who sits on it. Markers, paper setters, appeals and IT never see the
  candidate list (a marker never sees names; an author cannot see who sits: DESIGN §1).
- Candidates see nothing here: their own sittings come through the delivery app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from sathach.accounts.constants import Role
from sathach.accounts.permissions import subtree_q, unit_paths

from .constants import COUNCIL_SEATS, Board
from .models import BoardMembership, Plan, PlanScope

VIEWER_ROLES = (Role.ORGANISER, Role.UNIT_HR, Role.LEADER)
# Boards whose members see the whole candidate list: the council runs the plan, proctors
# check identities, Ban phách maps codes to candidates, the panel meets candidates face to
# face, and the supervisory board watches all of it.
CANDIDATE_LIST_BOARDS = COUNCIL_SEATS | {
    Board.PROCTORING,
    Board.CODING,
    Board.PANEL,
    Board.SUPERVISION,
}


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def ancestor_paths(path: str) -> list[str]:
    """Return the paths of ``path`` and its ancestors: "/A/B/" → ["/A/", "/A/B/"]."""
    codes = [c for c in path.split("/") if c]
    return ["/" + "/".join(codes[: i + 1]) + "/" for i in range(len(codes))]


def overlap_q(paths: list[str], field: str = "unit__path") -> Q:
    """Match units inside any of ``paths`` or on the way from the root down to one of them."""
    ancestors = sorted({a for p in paths for a in ancestor_paths(p)})
    q = subtree_q(paths, field)
    if ancestors:
        q |= Q(**{f"{field}__in": ancestors})
    return q


def member_q(user: Any) -> Q:
    """Match the board memberships held by ``user`` (as the account or as its person)."""
    q = Q(user_id=user.pk)
    if getattr(user, "person_id", None):
        q |= Q(person_id=user.person_id)
    return q


def _plan_role_ids(user: Any, *roles: str) -> Q:
    """Match the plans named by the user's plan-scoped role assignments."""
    assignments = user.role_assignments.filter(is_active=True, plan_id__isnull=False)
    if roles:
        assignments = assignments.filter(role__in=roles)
    else:
        assignments = assignments.exclude(role=Role.CANDIDATE)
    return Q(pk__in=assignments.values("plan_id"))


def administered_q(user: Any) -> Q:
    """Match the plans ``user`` runs as organiser (before the supervision bar)."""
    if not _signed_in(user) or not user.has_role(Role.ORGANISER):
        return Q(pk__in=[])
    paths = unit_paths(user, [Role.ORGANISER])
    inside = PlanScope.objects.filter(subtree_q(paths)).values("plan_id")
    outside = PlanScope.objects.exclude(subtree_q(paths)).values("plan_id")
    return (
        Q(created_by_id=user.pk)
        | _plan_role_ids(user, Role.ORGANISER)
        | (Q(pk__in=inside) & ~Q(pk__in=outside))
    )


def readable_q(user: Any) -> Q:
    """Match the plans ``user`` may read."""
    if not _signed_in(user):
        return Q(pk__in=[])
    q = administered_q(user)
    paths = unit_paths(user, VIEWER_ROLES)
    if paths:
        q |= Q(pk__in=PlanScope.objects.filter(overlap_q(paths)).values("plan_id"))
    if user.has_role(Role.ORGANISER):
        q |= ~Q(pk__in=PlanScope.objects.values("plan_id"))  # no scope yet: a draft in the making
    q |= Q(pk__in=BoardMembership.objects.filter(member_q(user)).values("plan_id"))
    q |= _plan_role_ids(user)
    return q


@dataclass(frozen=True)
class PlanAccess:
    """What one user may do with one plan.

    ``candidate_paths`` is None when the user sees every candidate, else the unit subtrees
    whose candidates they see (empty: none).
    """

    read: bool
    write: bool
    boards: frozenset[str]
    candidate_paths: tuple[str, ...] | None

    @property
    def supervisor(self) -> bool:
        return Board.SUPERVISION in self.boards


NO_ACCESS = PlanAccess(read=False, write=False, boards=frozenset(), candidate_paths=())


def plan_permissions(user: Any, plan: Plan) -> PlanAccess:
    """Return what ``user`` may do with ``plan``."""
    if not _signed_in(user):
        return NO_ACCESS
    plans = Plan.objects.filter(pk=plan.pk)
    if not plans.filter(readable_q(user)).exists():
        return NO_ACCESS
    boards = frozenset(
        BoardMembership.objects.filter(member_q(user), plan=plan).values_list("board", flat=True)
    )
    administers = plans.filter(administered_q(user)).exists()
    write = administers and Board.SUPERVISION not in boards
    candidate_paths: tuple[str, ...] | None
    if administers or boards & CANDIDATE_LIST_BOARDS:
        candidate_paths = None
    else:
        candidate_paths = tuple(unit_paths(user, VIEWER_ROLES))
    return PlanAccess(read=True, write=write, boards=boards, candidate_paths=candidate_paths)


def can_read(user: Any, plan: Plan) -> bool:
    return plan_permissions(user, plan).read


def can_write(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may change ``plan`` (never a member of Ban giám sát)."""
    return plan_permissions(user, plan).write


def can_create_plan(user: Any) -> bool:
    return _signed_in(user) and user.has_role(Role.ORGANISER)


def can_print(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may print the plan's papers, room packs and slips: those who
    run the plan (a room pack may hold the test papers)."""
    return plan_permissions(user, plan).write


def can_print_declaration(user: Any, membership: BoardMembership) -> bool:
    """Return whether ``user`` may print ``membership``'s declaration: the member, or those
    who run the plan."""
    if not _signed_in(user):
        return False
    own = BoardMembership.objects.filter(member_q(user), pk=membership.pk).exists()
    return own or plan_permissions(user, membership.plan).write
