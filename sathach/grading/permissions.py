"""Who may do what in marking (one policy for pages, PDFs and services).

Seats come from the plan's council and boards (``plans.BoardMembership``), held by the account or
by its person:

- Ban phách (coding) collects and codes scripts, uploads scanned pages and re-matches; it sees
  the code ↔ candidate link, as do the council Chair and those who run the plan (organiser).
  Nobody else ever reaches that link (domain.md §1.4, §4.4).
- Ban đề thi (papers) and the organiser enter the marking guide.
- The head of Ban chấm thi (and the organiser) assigns markers and follows marking by code; only
  the head decides when two markers still disagree.
- A marker (Ban chấm thi, or Ban phúc khảo for a re-mark) sees the scripts assigned to them by
  code, never by name.
- The head of Ban phúc khảo decides when two re-markers disagree and records the meeting of the
  original and new markers; the council Chair decides when that meeting does not agree.
- Ban giám sát reads nothing here that names a candidate (read-only elsewhere).

Oral and practical parts (Ban kiểm tra sát hạch, domain.md §1.1 and §6):

- Ban đề thi and the organiser set the rubric.
- Each panel member with an account scores the candidates of the part, face to face (names are
  shown: there is no anonymity in an oral exam), but never a declared relative.
- The head of the panel decides a score beyond tolerance and may end a candidate's scoring
  with fewer examiners; the head, the organiser and the council Chair follow the panel and
  print its records.

Appeals (phúc khảo, domain.md §1.4): the candidate files their own; the organiser and the head
of Ban phúc khảo open the re-marking or turn an appeal down. Only those who may see identities
(the organiser, the council Chair) see who filed: the head of Ban phúc khảo follows appeals by
number and re-marked scripts by code.
"""

from __future__ import annotations

from typing import Any

from sathach.plans.constants import Board, BoardRole
from sathach.plans.models import BoardMembership, Plan
from sathach.plans.permissions import member_q, plan_permissions


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def seats(user: Any, plan: Plan) -> set[tuple[str, str]]:
    """Return the (board, role) pairs ``user`` holds on ``plan``."""
    if not _signed_in(user):
        return set()
    return set(
        BoardMembership.objects.filter(member_q(user), plan=plan).values_list("board", "role")
    )


def _holds(user: Any, plan: Plan, board: str, role: str | None = None) -> bool:
    return any(b == board and (role is None or r == role) for b, r in seats(user, plan))


def runs_plan(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` runs the plan as organiser (never a member of Ban giám sát)."""
    return _signed_in(user) and plan_permissions(user, plan).write


def is_coder(user: Any, plan: Plan) -> bool:
    return _holds(user, plan, Board.CODING)


def is_chair(user: Any, plan: Plan) -> bool:
    return _holds(user, plan, Board.COUNCIL_CHAIR)


def is_marking_head(user: Any, plan: Plan) -> bool:
    return _holds(user, plan, Board.MARKING, BoardRole.HEAD)


def is_appeals_head(user: Any, plan: Plan) -> bool:
    return _holds(user, plan, Board.APPEALS, BoardRole.HEAD)


def can_see_identities(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may read the code ↔ candidate link: Ban phách, the council
    Chair, the organiser (domain.md §1.4: markers never see identities before re-matching)."""
    return is_coder(user, plan) or is_chair(user, plan) or runs_plan(user, plan)


def can_code(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may collect, code, upload pages and re-match: Ban phách."""
    return is_coder(user, plan)


def can_edit_guide(user: Any, plan: Plan) -> bool:
    return _holds(user, plan, Board.PAPERS) or runs_plan(user, plan)


def can_follow_marking(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may see marking progress by code and assign markers."""
    return is_marking_head(user, plan) or runs_plan(user, plan)


def can_follow_remarks(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may see the re-marking rounds (by code) and their records."""
    return is_appeals_head(user, plan) or is_chair(user, plan) or runs_plan(user, plan)


def can_record_meeting(user: Any, plan: Plan) -> bool:
    return is_appeals_head(user, plan) or runs_plan(user, plan)


def is_panel_member(user: Any, plan: Plan) -> bool:
    return _holds(user, plan, Board.PANEL)


def is_panel_head(user: Any, plan: Plan) -> bool:
    return _holds(user, plan, Board.PANEL, BoardRole.HEAD)


def can_follow_panel(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may see every examiner's scores of an oral part and print the
    combined sheet and the record: the head of the panel, the organiser, the council Chair."""
    return is_panel_head(user, plan) or runs_plan(user, plan) or is_chair(user, plan)


def can_handle_appeals(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may open the re-marking of an appeal or turn one down: the
    organiser and the head of Ban phúc khảo (domain.md §1.1, §1.4)."""
    return is_appeals_head(user, plan) or runs_plan(user, plan)


def can_follow_appeals(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may see the plan's appeals list: who handles them, and the
    council Chair."""
    return can_handle_appeals(user, plan) or is_chair(user, plan)


def grading_roles(user: Any, plan: Plan) -> dict[str, bool]:
    """Return every grading capability of ``user`` on ``plan`` (for the home page)."""
    held = seats(user, plan)
    boards = {b for b, _r in held}
    runs = runs_plan(user, plan)
    return {
        "coding": Board.CODING in boards,
        "identities": Board.CODING in boards or Board.COUNCIL_CHAIR in boards or runs,
        "guide": Board.PAPERS in boards or runs,
        "marking": Board.MARKING in boards,
        "progress": (Board.MARKING, BoardRole.HEAD) in held or runs,
        "appeals": Board.APPEALS in boards,
        "remarks": (Board.APPEALS, BoardRole.HEAD) in held or Board.COUNCIL_CHAIR in boards or runs,
        "appeals_list": (Board.APPEALS, BoardRole.HEAD) in held
        or Board.COUNCIL_CHAIR in boards
        or runs,
        "panel": Board.PANEL in boards,
        "panel_follow": (Board.PANEL, BoardRole.HEAD) in held
        or Board.COUNCIL_CHAIR in boards
        or runs,
    }
