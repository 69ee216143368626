"""Sittings, rooms, seats and proctors.

Room limits come from the plan's exam profile: at most ``room_max_candidates`` a room
(TT 06/2020/TT-BNV, Điều 16: 50), never more than the room's seats, and on computers never
more than its computers; ``proctors_per_room`` proctors a room (Điều 27: 2) before a sitting
may be finalised. The profile gives no separate limit for computer rooms, so the same cap
holds there: one pair of proctors watches at most that many candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError

from ..allocation import AllocationError, RoomSpec, adjacent_colleagues, allocate
from ..constants import Board, CandidateStatus, ProctorRole, SittingMode, SittingStatus
from ..models import (
    BlueprintPart,
    BoardMembership,
    Candidate,
    Plan,
    ProctorAssignment,
    Room,
    Seat,
    Sitting,
)
from .common import (
    OPEN,
    UnitIndex,
    checked,
    clean_reason,
    exam_profile,
    person_label,
    require_status,
    require_write,
)


@transaction.atomic
def room_create(
    *,
    actor: Any,
    plan: Plan,
    name: str,
    capacity: int,
    computers: int = 0,
    columns: int = 5,
    location: str = "",
) -> Room:
    """Add an exam room: ``capacity`` seats in rows of ``columns``."""
    require_write(actor, plan)
    require_status(plan, OPEN, _("thêm phòng thi"))
    name = " ".join(name.split())
    if Room.objects.filter(plan=plan, name=name).exists():
        raise ServiceError(_("Đã có phòng “%(n)s”.") % {"n": name}, code="room_exists")
    if capacity <= 0 or columns <= 0 or computers < 0:
        raise ServiceError(_("Số chỗ, số chỗ mỗi hàng phải lớn hơn 0."), code="bad_room")
    room = checked(
        Room(
            plan=plan,
            name=name,
            capacity=capacity,
            computers=computers,
            columns=columns,
            location=location.strip(),
        )
    )
    room.save()
    audit_record(
        actor=actor,
        action="plans.room_create",
        target=room,
        data={"capacity": capacity, "computers": computers, "columns": columns},
    )
    return room


@transaction.atomic
def sitting_create(
    *,
    actor: Any,
    plan: Plan,
    part: BlueprintPart,
    date: dt.date,
    start_time: dt.time,
    duration_minutes: int | None = None,
    name: str = "",
) -> Sitting:
    """Schedule a sitting of ``part``; the start is stored in the site's time zone."""
    require_write(actor, plan)
    require_status(plan, OPEN, _("thêm ca thi"))
    if part.plan_id != plan.pk:
        raise ServiceError(_("Phần thi không thuộc kế hoạch này."), code="wrong_plan")
    minutes = duration_minutes or part.minutes
    if minutes <= 0:
        raise ServiceError(_("Thời gian ca thi phải lớn hơn 0 phút."), code="bad_minutes")
    starts_at = timezone.make_aware(
        dt.datetime.combine(date, start_time), timezone.get_default_timezone()
    )
    sitting = checked(
        Sitting(
            plan=plan,
            part=part,
            name=" ".join(name.split()),
            date=date,
            start_time=start_time,
            duration_minutes=minutes,
            starts_at=starts_at,
        )
    )
    sitting.save()
    audit_record(
        actor=actor,
        action="plans.sitting_create",
        target=sitting,
        data={"part": part.order, "starts_at": starts_at, "minutes": minutes},
    )
    return sitting


def room_limit(sitting: Sitting, room: Room) -> int:
    """Return how many candidates ``room`` may hold in ``sitting``."""
    # TT 06/2020/TT-BNV art. 16: at most room_max_candidates (50) a room, via the profile.
    limit = min(room.capacity, exam_profile(sitting.plan).value("room_max_candidates"))
    if sitting.part.sitting_mode == SittingMode.COMPUTER:
        limit = min(limit, room.computers)  # one computer per candidate
    return limit


def _limit_basis(sitting: Sitting) -> str:
    return exam_profile(sitting.plan).basis("room_max_candidates")


# --- Seats ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColleaguePair:
    room: str
    first: str  # registration numbers
    second: str


@dataclass(frozen=True)
class ProctorShortage:
    room: Room
    have: int
    need: int

    @property
    def message(self) -> str:
        return _("Phòng %(r)s có %(h)d/%(n)d giám thị") % {
            "r": self.room.name,
            "h": self.have,
            "n": self.need,
        }


@dataclass
class AllocationReport:
    seated: int
    rooms: dict[str, int]  # room name → candidates
    grouping: str  # "agency" or "unit": what counts as colleagues
    adjacent_colleagues: list[ColleaguePair] = field(default_factory=list)
    proctor_shortages: list[ProctorShortage] = field(default_factory=list)
    profile: str = ""


def _groups(candidates: Sequence[Candidate]) -> tuple[dict[Hashable, Hashable], str]:
    """Return candidate id → group (agency; or unit when everyone is in one agency)."""
    units = UnitIndex.load()
    agency: dict[Hashable, Hashable] = {c.pk: units.agency_of(c.person.unit_id) for c in candidates}
    if len(set(agency.values())) > 1:
        return agency, "agency"
    return {c.pk: c.person.unit_id for c in candidates}, "unit"


@transaction.atomic
def seats_allocate(
    *, actor: Any, sitting: Sitting, rooms: Sequence[Room], seed: int = 0
) -> AllocationReport:
    """Seat every included candidate of the plan in ``rooms`` (replacing earlier seats).

    The fewest rooms, in the order given, that hold everyone are used, their load balanced;
    colleagues (same agency) never sit left-right or front-back of each other where the
    candidates allow it (``allocation``); the report lists any pair that could not be kept
    apart and the rooms still short of proctors.
    """
    plan = sitting.plan
    require_write(actor, plan)
    require_status(plan, OPEN, _("xếp chỗ ngồi"))
    if sitting.status != SittingStatus.DRAFT:
        raise ServiceError(_("Ca thi đã chốt: không xếp lại chỗ ngồi."), code="sitting_final")
    if not rooms or any(room.plan_id != plan.pk for room in rooms):
        raise ServiceError(_("Hãy chọn các phòng thi của kế hoạch này."), code="bad_rooms")
    candidates = list(
        Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED)
        .select_related("person")
        .order_by("number")
    )
    if not candidates:
        raise ServiceError(_("Kế hoạch chưa có người dự kiểm tra."), code="no_candidates")
    profile = exam_profile(plan)
    specs = [
        RoomSpec(room.pk, room_limit(sitting, room), room.capacity, room.columns) for room in rooms
    ]
    groups, grouping = _groups(candidates)
    try:
        placements = allocate([(c.pk, groups[c.pk]) for c in candidates], specs, seed=seed)
    except AllocationError:
        places = sum(spec.allowed for spec in specs)
        raise ServiceError(
            _(
                "Không đủ chỗ: %(n)d người dự kiểm tra, các phòng đã chọn chỉ xếp được %(p)d "
                "(mỗi phòng tối đa %(max)d thí sinh, không quá số chỗ ngồi%(pc)s)."
            )
            % {
                "n": len(candidates),
                "p": places,
                "max": profile.value("room_max_candidates"),
                "pc": _(" và số máy tính")
                if sitting.part.sitting_mode == SittingMode.COMPUTER
                else "",
            },
            code="not_enough_places",
            basis=_limit_basis(sitting),
        ) from None
    Seat.objects.filter(sitting=sitting).delete()
    Seat.objects.bulk_create(
        [
            Seat(
                sitting=sitting,
                room_id=cast(int, p.room),
                candidate_id=cast(int, p.person),
                row=p.row,
                col=p.col,
                number=p.number,
            )
            for p in placements
        ]
    )
    names: dict[Hashable, str] = {room.pk: room.name for room in rooms}
    numbers: dict[Hashable, str] = {c.pk: c.number for c in candidates}
    used: dict[str, int] = {}
    for p in placements:
        used[names[p.room]] = used.get(names[p.room], 0) + 1
    report = AllocationReport(
        seated=len(placements),
        rooms=used,
        grouping=grouping,
        adjacent_colleagues=[
            ColleaguePair(names[a.room], numbers[a.person], numbers[b.person])
            for a, b in adjacent_colleagues(placements, groups)
        ],
        proctor_shortages=sitting_proctor_shortages(sitting=sitting),
        profile=profile.ref,
    )
    audit_record(
        actor=actor,
        action="plans.seats_allocate",
        target=sitting,
        data={
            "seated": report.seated,
            "rooms": report.rooms,
            "grouping": grouping,
            "adjacent_colleagues": len(report.adjacent_colleagues),
            "seed": seed,
        },
        profile=profile.ref,
    )
    return report


def _neighbour_colleagues(seat: Seat) -> list[Seat]:
    """Return the seats beside, in front of and behind ``seat`` held by its colleagues."""
    units = UnitIndex.load()
    mine = units.agency_of(seat.candidate.person.unit_id)
    around = Seat.objects.filter(sitting=seat.sitting, room=seat.room).select_related(
        "candidate__person"
    )
    near = {(seat.row + dr, seat.col + dc) for dr, dc in ((0, 1), (0, -1), (1, 0), (-1, 0))}
    return [
        s
        for s in around
        if (s.row, s.col) in near
        and s.pk != seat.pk
        and units.agency_of(s.candidate.person.unit_id) == mine
    ]


@dataclass
class SeatMoveResult:
    seat: Seat
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def seat_move(
    *, actor: Any, seat: Seat, room: Room, row: int, col: int, reason: str
) -> SeatMoveResult:
    """Move a candidate to another seat, with the reason (recorded even after finalising)."""
    sitting = seat.sitting
    plan = sitting.plan
    require_write(actor, plan)
    require_status(plan, OPEN, _("đổi chỗ ngồi"))
    reason = clean_reason(reason, _("Hãy ghi lý do đổi chỗ ngồi."))
    if room.plan_id != plan.pk:
        raise ServiceError(_("Phòng thi không thuộc kế hoạch này."), code="wrong_plan")
    number = (row - 1) * room.columns + col
    if row < 1 or not 1 <= col <= room.columns or number > room.capacity:
        raise ServiceError(
            _("Phòng %(r)s không có chỗ hàng %(row)d, cột %(col)d.")
            % {"r": room.name, "row": row, "col": col},
            code="no_such_seat",
        )
    taken = Seat.objects.filter(sitting=sitting, room=room, row=row, col=col).exclude(pk=seat.pk)
    if taken.exists():
        raise ServiceError(
            _("Chỗ hàng %(row)d, cột %(col)d phòng %(r)s đã có người ngồi.")
            % {"r": room.name, "row": row, "col": col},
            code="seat_taken",
        )
    if room.pk != seat.room_id:
        limit = room_limit(sitting, room)
        if Seat.objects.filter(sitting=sitting, room=room).count() + 1 > limit:
            raise ServiceError(
                _("Phòng %(r)s đã đủ %(n)d thí sinh.") % {"r": room.name, "n": limit},
                code="room_full",
                basis=_limit_basis(sitting),
            )
    before = {"room": seat.room.name, "row": seat.row, "col": seat.col}
    seat.room, seat.row, seat.col, seat.number = room, row, col, number
    seat.save()
    result = SeatMoveResult(seat)
    for other in _neighbour_colleagues(seat):
        result.warnings.append(
            _("Chỗ mới ngồi cạnh %(p)s (số báo danh %(n)s), cùng cơ quan.")
            % {"p": person_label(other.candidate.person), "n": other.candidate.number}
        )
    audit_record(
        actor=actor,
        action="plans.seat_move",
        target=seat,
        data={
            "candidate": seat.candidate.number,
            "from": before,
            "to": {"room": room.name, "row": row, "col": col},
            "reason": reason,
            "sitting_status": sitting.status,
        },
    )
    return result


# --- Proctors -------------------------------------------------------------------------------


@transaction.atomic
def proctor_assign(
    *, actor: Any, sitting: Sitting, room: Room, membership: BoardMembership, role: int
) -> ProctorAssignment:
    """Put a member of Ban coi thi on duty in ``room`` as proctor 1 or 2."""
    plan = sitting.plan
    require_write(actor, plan)
    require_status(plan, OPEN, _("phân công giám thị"))
    if membership.plan_id != plan.pk or membership.board != Board.PROCTORING:
        raise ServiceError(
            _("Chỉ thành viên Ban coi thi của kế hoạch này được phân công coi thi."),
            code="not_a_proctor",
        )
    if room.plan_id != plan.pk:
        raise ServiceError(_("Phòng thi không thuộc kế hoạch này."), code="wrong_plan")
    role = ProctorRole(role)
    holder = ProctorAssignment.objects.filter(sitting=sitting, room=room, role=role).first()
    if holder is not None:
        raise ServiceError(
            _("Phòng %(r)s đã có %(role)s: %(who)s.")
            % {"r": room.name, "role": role.label, "who": holder.membership},
            code="proctor_role_taken",
        )
    elsewhere = ProctorAssignment.objects.filter(sitting=sitting, membership=membership).first()
    if elsewhere is not None:
        raise ServiceError(
            _("%(who)s đã coi thi phòng %(r)s trong ca này.")
            % {"who": membership, "r": elsewhere.room.name},
            code="proctor_busy",
        )
    duty = checked(ProctorAssignment(sitting=sitting, room=room, membership=membership, role=role))
    duty.save()
    audit_record(
        actor=actor,
        action="plans.proctor_assign",
        target=duty,
        data={"room": room.name, "role": int(role), "membership": membership.pk},
    )
    return duty


def sitting_proctor_shortages(*, sitting: Sitting) -> list[ProctorShortage]:
    """Return the rooms with seats in ``sitting`` that have fewer proctors than the profile's
    ``proctors_per_room`` (TT 06/2020/TT-BNV, Điều 27: 2)."""
    need = exam_profile(sitting.plan).value("proctors_per_room")
    room_ids = set(Seat.objects.filter(sitting=sitting).values_list("room_id", flat=True))
    have: dict[int, int] = {}
    for room_id in ProctorAssignment.objects.filter(sitting=sitting).values_list(
        "room_id", flat=True
    ):
        have[room_id] = have.get(room_id, 0) + 1
    return [
        ProctorShortage(room, have.get(room.pk, 0), need)
        for room in Room.objects.filter(pk__in=room_ids).order_by("name")
        if have.get(room.pk, 0) < need
    ]


@transaction.atomic
def sitting_finalise(*, actor: Any, sitting: Sitting) -> Sitting:
    """Finalise a sitting: everyone seated, every room with its proctors."""
    plan = sitting.plan
    require_write(actor, plan)
    require_status(plan, OPEN, _("chốt ca thi"))
    if sitting.status != SittingStatus.DRAFT:
        raise ServiceError(_("Ca thi đã chốt."), code="sitting_final")
    profile = exam_profile(plan)
    seated = set(Seat.objects.filter(sitting=sitting).values_list("candidate_id", flat=True))
    unseated = Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).exclude(
        pk__in=seated
    )
    if unseated.exists():
        raise ServiceError(
            _("Còn %(n)d người dự kiểm tra chưa được xếp chỗ.") % {"n": unseated.count()},
            code="unseated",
        )
    shortages = sitting_proctor_shortages(sitting=sitting)
    if shortages:
        raise ServiceError(
            _("Chưa đủ giám thị: %(rooms)s (mỗi phòng thi cần %(n)d giám thị).")
            % {
                "rooms": "; ".join(s.message for s in shortages),
                "n": profile.value("proctors_per_room"),
            },
            code="proctors_short",
            basis=profile.basis("proctors_per_room"),
        )
    sitting.status = SittingStatus.FINAL
    sitting.finalised_at = timezone.now()
    sitting.save(update_fields=["status", "finalised_at", "updated_at"])
    audit_record(
        actor=actor,
        action="plans.sitting_finalise",
        target=sitting,
        data={"seated": len(seated)},
        profile=profile.ref,
    )
    return sitting
