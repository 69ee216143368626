"""The council and its boards, with the conflict-of-interest rules enforced on every seat.

A person may not sit on the council or any board of a plan when (domain.md §1.1 and §4):

(e) they are a candidate of the plan;
(b) they are under disciplinary review or serving a sanction;
(a) a relative they declared, or who declared them (parent, sibling, spouse, child, spouse's
    parent or sibling), is a candidate of the plan;
(c) they already hold a seat the new one is incompatible with: papers, coding and proctoring
    each exclude marking, in both orders.

Ban giám sát reads and never writes (``permissions``). ``plan_conflicts`` re-checks every seat
against the current candidate list, since the list may change after the boards are formed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sathach.accounts.constants import Role
from sathach.accounts.models import RoleAssignment, User
from sathach.accounts.services import role_assign, role_revoke
from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.org.constants import INVERSE_RELATION, Relation
from sathach.org.models import Person, Relative

from ..constants import (
    BASIS_CANDIDATE_ON_BOARD,
    BASIS_DISCIPLINE,
    BASIS_RELATIVES,
    BASIS_SEPARATION,
    COUNCIL_SEATS,
    INCOMPATIBLE_BOARDS,
    Board,
    BoardRole,
    CandidateStatus,
)
from ..models import BoardMembership, Candidate, Council, Plan
from .common import OPEN, checked, clean_reason, person_label, require_status, require_write

# The plan-scoped account role that goes with a seat, for the apps that run sittings and
# marking (accounts.RoleAssignment.plan_id).
BOARD_ACCOUNT_ROLES = {
    Board.PROCTORING: Role.PROCTOR,
    Board.CODING: Role.CODER,
    Board.MARKING: Role.MARKER,
    Board.APPEALS: Role.APPEALS,
}
# Seats only one person may hold.
SINGLE_SEATS = frozenset({Board.COUNCIL_CHAIR, Board.COUNCIL_SECRETARY})

RULE_RELATIVES = gettext_lazy(
    "Người có quan hệ cha, mẹ, anh, chị, em ruột, vợ, chồng, con hoặc cha, mẹ, anh, chị, em "
    "ruột của vợ/chồng với người dự kiểm tra không được tham gia Hội đồng và các ban giúp việc."
)
RULE_DISCIPLINE = gettext_lazy(
    "Người đang bị xem xét, xử lý kỷ luật hoặc đang thi hành kỷ luật không được tham gia Hội "
    "đồng và các ban giúp việc."
)
RULE_CANDIDATE = gettext_lazy(
    "Người dự kiểm tra không được tham gia Hội đồng và các ban giúp việc của kỳ kiểm tra mình dự."
)


@dataclass(frozen=True)
class Refusal:
    """Why a seat (or a candidacy) is refused: the message names the rule, ``basis`` the law."""

    code: str
    message: str
    basis: str


@dataclass(frozen=True)
class ConflictFinding:
    membership: BoardMembership
    code: str
    message: str
    basis: str


def seat_label(board: str) -> str:
    """Return "Chủ tịch Hội đồng" for a council seat, "thành viên Ban chấm thi" for a board."""
    label = str(Board(board).label)
    return label if board in COUNCIL_SEATS else _("thành viên %(b)s") % {"b": label}


def _who(person: Person | None, user: Any) -> str:
    return person_label(person) if person is not None else str(user)


def _included_ids(plan: Plan) -> set[int]:
    return set(
        Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).values_list(
            "person_id", flat=True
        )
    )


def relatives_among(person: Person, others: set[int]) -> list[tuple[Person, str]]:
    """Return the relatives of ``person`` among the person ids ``others``, declared in either
    direction, each with what they are to ``person`` (a Relation code)."""
    found: dict[int, tuple[Person, str]] = {}
    declared = Relative.objects.filter(person=person, relative_id__in=others)
    for link in declared.select_related("relative").order_by("relative__sort_key"):
        found.setdefault(link.relative_id, (link.relative, link.relation))
    declared_by = Relative.objects.filter(relative=person, person_id__in=others)
    for link in declared_by.select_related("person").order_by("person__sort_key"):
        # They declared ``person`` as their <relation>: to ``person`` they are the inverse.
        found.setdefault(
            link.person_id, (link.person, str(INVERSE_RELATION[Relation(link.relation)]))
        )
    return list(found.values())


def _relation_text(relation: str) -> str:
    return str(Relation(relation).label).lower()


def _holder_q(person: Person | None, user: Any) -> Q:
    q = Q(pk__in=[])
    if person is not None:
        q |= Q(person=person)
    if user is not None:
        q |= Q(user=user)
    return q


def member_refusals(
    *,
    plan: Plan,
    board: str,
    person: Person | None,
    user: Any = None,
    exclude: BoardMembership | None = None,
) -> list[Refusal]:
    """Return every rule that bars ``person``/``user`` from ``board`` of ``plan``."""
    refusals: list[Refusal] = []
    who, seat = _who(person, user), seat_label(board)
    head = {"who": who, "seat": seat}
    if person is not None:
        candidacy = Candidate.objects.filter(
            plan=plan, person=person, status=CandidateStatus.INCLUDED
        ).first()
        if candidacy is not None:
            fact = _("là người dự kiểm tra của kế hoạch này (số báo danh %(n)s)") % {
                "n": candidacy.number or "—"
            }
            refusals.append(
                Refusal(
                    "member_is_candidate",
                    _("%(who)s không được là %(seat)s: %(fact)s. %(rule)s")
                    % {**head, "fact": fact, "rule": RULE_CANDIDATE},
                    BASIS_CANDIDATE_ON_BOARD,
                )
            )
        if person.under_discipline:
            refusals.append(
                Refusal(
                    "member_under_discipline",
                    _("%(who)s không được là %(seat)s: đang bị xem xét, xử lý kỷ luật. %(rule)s")
                    % {**head, "rule": RULE_DISCIPLINE},
                    BASIS_DISCIPLINE,
                )
            )
        for relative, relation in relatives_among(person, _included_ids(plan)):
            fact = _("người dự kiểm tra %(c)s là %(r)s của người này") % {
                "c": person_label(relative),
                "r": _relation_text(relation),
            }
            refusals.append(
                Refusal(
                    "member_relative_is_candidate",
                    _("%(who)s không được là %(seat)s: %(fact)s. %(rule)s")
                    % {**head, "fact": fact, "rule": RULE_RELATIVES},
                    BASIS_RELATIVES,
                )
            )
    held = BoardMembership.objects.filter(_holder_q(person, user), plan=plan)
    if exclude is not None:
        held = held.exclude(pk=exclude.pk)
    for other in held.order_by("pk"):
        why = INCOMPATIBLE_BOARDS.get(frozenset({board, other.board}))
        if why:
            refusals.append(
                Refusal(
                    "incompatible_boards",
                    _(
                        "%(who)s không được là %(seat)s: đang là %(other)s của kế hoạch này. "
                        "Tách bạch nhiệm vụ: %(why)s."
                    )
                    % {**head, "other": seat_label(other.board), "why": why},
                    BASIS_SEPARATION,
                )
            )
    return refusals


def candidate_conflicts(*, plan: Plan, person: Person) -> list[Refusal]:
    """Return why ``person`` may not be a candidate of ``plan``: they, or a relative, hold a
    seat on its council or boards."""
    refusals: list[Refusal] = []
    who = person_label(person)
    user = User.objects.filter(person=person).first()
    for seat in BoardMembership.objects.filter(_holder_q(person, user), plan=plan):
        refusals.append(
            Refusal(
                "candidate_is_member",
                _("Không bổ sung được %(who)s: đang là %(seat)s của kế hoạch này. %(rule)s")
                % {"who": who, "seat": seat_label(seat.board), "rule": RULE_CANDIDATE},
                BASIS_CANDIDATE_ON_BOARD,
            )
        )
    seats: dict[int, BoardMembership] = {}
    for m in BoardMembership.objects.filter(plan=plan, person__isnull=False).order_by("pk"):
        if m.person_id is not None:
            seats.setdefault(m.person_id, m)
    for relative, relation in relatives_among(person, set(seats)):
        refusals.append(
            Refusal(
                "candidate_relative_is_member",
                _(
                    "Không bổ sung được %(who)s: %(member)s (%(seat)s) là %(r)s của người này. "
                    "%(rule)s"
                )
                % {
                    "who": who,
                    "member": person_label(relative),
                    "seat": seat_label(seats[relative.pk].board),
                    "r": _relation_text(relation),
                    "rule": RULE_RELATIVES,
                },
                BASIS_RELATIVES,
            )
        )
    return refusals


def plan_conflicts(*, plan: Plan) -> list[ConflictFinding]:
    """Re-check every seat of ``plan`` against the rules and the current candidate list, and
    list the conflicts members declared themselves."""
    findings: list[ConflictFinding] = []
    pairs: set[frozenset[int]] = set()
    memberships = BoardMembership.objects.filter(plan=plan).select_related("person", "user")
    for membership in memberships.order_by("pk"):
        for refusal in member_refusals(
            plan=plan,
            board=membership.board,
            person=membership.person,
            user=membership.user,
            exclude=membership,
        ):
            if refusal.code == "incompatible_boards":
                others = BoardMembership.objects.filter(
                    _holder_q(membership.person, membership.user), plan=plan
                ).exclude(pk=membership.pk)
                key = frozenset({membership.pk, *others.values_list("pk", flat=True)})
                if key in pairs:
                    continue
                pairs.add(key)
            findings.append(
                ConflictFinding(membership, refusal.code, refusal.message, refusal.basis)
            )
        latest = membership.declarations.first()
        if latest is not None and latest.has_conflict:
            findings.append(
                ConflictFinding(
                    membership,
                    "declared_conflict",
                    _("%(who)s tự khai có xung đột lợi ích: %(t)s")
                    % {"who": _who(membership.person, membership.user), "t": latest.text},
                    BASIS_RELATIVES,
                )
            )
    return findings


# --- Writes ---------------------------------------------------------------------------------


@transaction.atomic
def council_set(
    *, actor: Any, plan: Plan, name: str, decision_number: str, decision_date: dt.date
) -> Council:
    """Record the decision that sets up the plan's council."""
    require_write(actor, plan)
    require_status(plan, OPEN, _("đổi quyết định thành lập Hội đồng"))
    council = Council.objects.filter(plan=plan).first() or Council(plan=plan)
    council.name = " ".join(name.split())
    council.decision_number = decision_number.strip()
    council.decision_date = decision_date
    checked(council)
    council.save()
    audit_record(
        actor=actor,
        action="plans.council_set",
        target=council,
        data={"decision_number": council.decision_number, "decision_date": decision_date},
    )
    return council


def _resolve(person: Person | None, user: Any) -> tuple[Person | None, Any]:
    if person is None and user is None:
        raise ServiceError(_("Hãy chọn công chức hoặc tài khoản."), code="nobody")
    if person is None and getattr(user, "person_id", None):
        person = user.person
    if user is None and person is not None:
        user = User.objects.filter(person=person).first()
    if person is not None and user is not None and user.person_id not in (None, person.pk):
        raise ServiceError(
            _("Tài khoản %(u)s không phải của %(p)s.") % {"u": user, "p": person_label(person)},
            code="person_user_mismatch",
        )
    return person, user


def _refuse_taken(plan: Plan, board: str, role: str, person: Person | None, user: Any) -> None:
    holders = BoardMembership.objects.filter(plan=plan, board=board)
    if holders.filter(_holder_q(person, user)).exists():
        raise ServiceError(
            _("%(who)s đã là %(seat)s.") % {"who": _who(person, user), "seat": seat_label(board)},
            code="already_member",
        )
    taken = None
    if board in SINGLE_SEATS:
        taken = holders.first()
    elif role == BoardRole.HEAD:
        taken = holders.filter(role=BoardRole.HEAD).first()
    if taken is not None:
        seat = (
            Board(board).label
            if board in SINGLE_SEATS
            else _("Trưởng %(b)s") % {"b": str(Board(board).label).lower()}
        )
        raise ServiceError(
            _("Đã có %(seat)s: %(who)s.") % {"seat": seat, "who": _who(taken.person, taken.user)},
            code="seat_taken",
        )


@transaction.atomic
def board_member_add(
    *,
    actor: Any,
    plan: Plan,
    board: str,
    person: Person | None = None,
    user: Any = None,
    role: str = BoardRole.MEMBER,
    note: str = "",
) -> BoardMembership:
    """Seat a person (and/or their account) on the council or a board, refusing with the
    first rule that bars them (see the module docstring)."""
    require_write(actor, plan)
    require_status(plan, OPEN, _("đổi thành phần Hội đồng, các ban"))
    if board not in Board.values:
        raise ServiceError(_("Ban không hợp lệ: %(b)s") % {"b": board}, code="bad_board")
    role = BoardRole.MEMBER if board in COUNCIL_SEATS else BoardRole(role)
    person, user = _resolve(person, user)
    _refuse_taken(plan, board, role, person, user)
    refusals = member_refusals(plan=plan, board=board, person=person, user=user)
    if refusals:
        first = refusals[0]
        raise ServiceError(first.message, code=first.code, basis=first.basis)
    membership = BoardMembership(
        plan=plan, board=board, role=role, person=person, user=user, note=note.strip()
    )
    checked(membership)
    membership.save()
    audit_record(
        actor=actor,
        action="plans.board_member_add",
        target=membership,
        data={
            "board": board,
            "role": role,
            "person": person.code if person else None,
            "user": user.username if user else None,
        },
        profile=plan.exam_profile,
    )
    if user is not None and board in BOARD_ACCOUNT_ROLES:
        role_assign(actor=actor, user=user, role=BOARD_ACCOUNT_ROLES[Board(board)], plan_id=plan.pk)
    return membership


@transaction.atomic
def board_member_remove(*, actor: Any, membership: BoardMembership, reason: str) -> None:
    """Take a seat away, with the reason; their plan-scoped account role goes with it."""
    plan = membership.plan
    require_write(actor, plan)
    require_status(plan, OPEN, _("đổi thành phần Hội đồng, các ban"))
    reason = clean_reason(reason, _("Hãy ghi lý do thay đổi thành viên."))
    if membership.proctor_duties.exists():
        raise ServiceError(
            _("Người này đang được phân công coi thi: hãy thay giám thị trước."),
            code="has_duties",
        )
    audit_record(
        actor=actor,
        action="plans.board_member_remove",
        target=membership,
        data={"board": membership.board, "reason": reason},
    )
    user, board = membership.user, membership.board
    membership.delete()
    account_role = BOARD_ACCOUNT_ROLES.get(Board(board))
    if user is not None and account_role is not None:
        still = BoardMembership.objects.filter(
            plan=plan,
            user=user,
            board__in=[b for b, r in BOARD_ACCOUNT_ROLES.items() if r == account_role],
        ).exists()
        assignment = RoleAssignment.objects.filter(
            user=user, role=account_role, plan_id=plan.pk, is_active=True
        ).first()
        if not still and assignment is not None:
            role_revoke(actor=actor, assignment=assignment)
