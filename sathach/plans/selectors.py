"""Reads of plans, always through the requesting user's access (``permissions``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from sathach.accounts.permissions import subtree_q
from sathach.bank.constants import DEFAULT_FACILITY, Difficulty
from sathach.lib.assembly import Blueprint, Cell, PoolItem

from .constants import MCQ_KINDS, PartKind, SittingMode
from .models import (
    BlueprintPart,
    BoardMembership,
    Candidate,
    Form,
    Plan,
    ProctorAssignment,
    Room,
    Seat,
    Sitting,
)
from .permissions import PlanAccess, plan_permissions, readable_q
from .services.blueprint import approved_items


def plan_list(*, user: Any) -> QuerySet[Plan]:
    """Return the plans ``user`` may read, newest first."""
    return Plan.objects.filter(readable_q(user)).order_by("-starts_on", "code")


def plan_get_for_user(*, user: Any, code: str) -> Plan:
    """Return the plan ``code`` if ``user`` may read it; 404 otherwise (never 403, so a user
    cannot learn that a plan exists outside their scope)."""
    plan = plan_list(user=user).filter(code=code).first()
    if plan is None:
        raise Http404
    return plan


def _access(user: Any, plan: Plan) -> PlanAccess:
    access = plan_permissions(user, plan)
    if not access.read:
        raise Http404
    return access


def candidate_list(*, user: Any, plan: Plan, status: str = "") -> QuerySet[Candidate]:
    """Return the candidates ``user`` may see, in Vietnamese name order.

    unit_hr and leaders see their own subtree's; markers, paper setters, appeals and IT see
    none (a marker never sees names).
    """
    access = _access(user, plan)
    candidates = Candidate.objects.filter(plan=plan)
    if access.candidate_paths is not None:
        candidates = candidates.filter(subtree_q(access.candidate_paths, "person__unit__path"))
    if status:
        candidates = candidates.filter(status=status)
    return candidates.select_related("person__unit", "person__rank", "person__position").order_by(
        "person__sort_key", "person__code"
    )


def membership_list(*, user: Any, plan: Plan) -> QuerySet[BoardMembership]:
    """Return the council and board seats of ``plan`` (every reader sees who serves)."""
    _access(user, plan)
    return (
        BoardMembership.objects.filter(plan=plan)
        .select_related("person__unit", "user")
        .order_by("board", "role", "person__sort_key", "pk")
    )


def part_list(*, user: Any, plan: Plan) -> QuerySet[BlueprintPart]:
    _access(user, plan)
    return BlueprintPart.objects.filter(plan=plan).prefetch_related("cells__topic")


def sitting_list(*, user: Any, plan: Plan) -> QuerySet[Sitting]:
    _access(user, plan)
    return Sitting.objects.filter(plan=plan).select_related("part").order_by("starts_at", "pk")


def seat_list(*, user: Any, sitting: Sitting) -> QuerySet[Seat]:
    """Return the seats of ``sitting`` whose candidates ``user`` may see, room by room."""
    access = _access(user, sitting.plan)
    seats = Seat.objects.filter(sitting=sitting)
    if access.candidate_paths is not None:
        seats = seats.filter(subtree_q(access.candidate_paths, "candidate__person__unit__path"))
    return seats.select_related("room", "candidate__person__unit").order_by("room__name", "number")


def _one(queryset: QuerySet[Any], pk: int) -> Any:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def part_get(*, user: Any, plan: Plan, pk: int) -> BlueprintPart:
    """Return part ``pk`` of ``plan``; 404 when it is not there or ``user`` cannot read it."""
    return _one(part_list(user=user, plan=plan), pk)


def sitting_get(*, user: Any, plan: Plan, pk: int) -> Sitting:
    return _one(sitting_list(user=user, plan=plan), pk)


def room_list(*, user: Any, plan: Plan) -> QuerySet[Room]:
    _access(user, plan)
    return Room.objects.filter(plan=plan).order_by("name")


def room_get(*, user: Any, plan: Plan, pk: int) -> Room:
    return _one(room_list(user=user, plan=plan), pk)


def membership_get(*, user: Any, plan: Plan, pk: int) -> BoardMembership:
    return _one(membership_list(user=user, plan=plan), pk)


def seat_get(*, user: Any, sitting: Sitting, pk: int) -> Seat:
    return _one(seat_list(user=user, sitting=sitting), pk)


def proctor_duty_list(*, user: Any, sitting: Sitting) -> QuerySet[ProctorAssignment]:
    """Return who proctors which room of ``sitting`` (every reader of the plan sees it)."""
    _access(user, sitting.plan)
    return (
        ProctorAssignment.objects.filter(sitting=sitting)
        .select_related("room", "membership__person", "membership__user")
        .order_by("room__name", "role")
    )


def variant_list(*, user: Any, part: BlueprintPart) -> QuerySet[Form]:
    """Return the paper variants of ``part``, in order (none for a computer part)."""
    _access(user, part.plan)
    return Form.objects.filter(part=part, variant__isnull=False).order_by("variant")


def variant_get(*, user: Any, part: BlueprintPart, variant: int) -> Form:
    form = variant_list(user=user, part=part).filter(variant=variant).first()
    if form is None:
        raise Http404
    return form


def part_forms_state(*, part: BlueprintPart) -> tuple[int, Any]:
    """Return how many forms ``part`` has and when they were sealed (None: not sealed)."""
    forms = Form.objects.filter(part=part)
    sealed = forms.filter(sealed_at__isnull=False).order_by("sealed_at").first()
    return forms.count(), sealed.sealed_at if sealed else None


def sealed_form_for_candidate(part: BlueprintPart, candidate: Candidate) -> Form | None:
    """Return the sealed form ``candidate`` sits in ``part``, or None (not assembled or not
    sealed yet): their own on a computer part, the variant at their seat on a paper part.

    The exam page reads only this: an unsealed form may still be replaced.
    """
    forms = Form.objects.filter(part=part, sealed_at__isnull=False)
    if part.kind == PartKind.COMPUTER_MCQ or (
        part.kind not in MCQ_KINDS and part.sitting_mode == SittingMode.COMPUTER
    ):  # one form per candidate (plans.forms_assembly.per_candidate_forms)
        return forms.filter(candidate=candidate).first()
    return forms.filter(seat_links__seat__candidate=candidate).order_by("variant").first()


def part_assembly_input(*, part: BlueprintPart) -> tuple[Blueprint, list[PoolItem]]:
    """Return the part's blueprint and item pool as the fair-assembly core reads them.

    A cell's key is its id; every pool item carries the cell's points (the plan decides what
    a question is worth). ``p`` is the observed facility when known, else the default of the
    item's difficulty. Cells never overlap (``blueprint_cell_add`` refuses it), so an item
    belongs to one cell at most. Calibrated ``irt_a``/``irt_b`` (written back by
    ``results.analysis.calibration_apply``) make the expected score follow the 2PL curve.
    """
    cells, pool = [], []
    for cell in part.cells.select_related("topic").order_by("pk"):
        key = str(cell.pk)
        cells.append(Cell(key, cell.count, topic=cell.topic.name, difficulty=cell.difficulty))
        for item in approved_items(cell).select_related("approved"):
            version = item.approved
            calibrated = version.irt_a is not None and version.irt_b is not None
            pool.append(
                PoolItem(
                    id=version.pk,
                    cell=key,
                    points=float(cell.points),
                    p=version.facility
                    if version.facility is not None
                    else DEFAULT_FACILITY[Difficulty(version.difficulty)],
                    irt_a=version.irt_a if calibrated else None,
                    irt_b=version.irt_b if calibrated else None,
                    n_options=len(version.content.get("options", [])),
                    shuffle=version.shuffle,
                )
            )
    return Blueprint(cells), pool
