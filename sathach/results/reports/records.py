"""What the records of a computer sitting show (domain.md §1.6), read from the delivery app:
the signed attendance list of a room from its attempts, and the room's record (biên bản phòng
thi: who was present, absent, submitted, voided; incidents and their sanctions; the times).

Reads only; the PDFs are laid out by ``pdf``. Access is checked by the caller
(``access.records_access_get``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from sathach.delivery.constants import AttemptState, LedgerKind, Sanction
from sathach.delivery.models import Attempt, Incident, LedgerEntry, RoomSession
from sathach.plans.constants import ProctorRole
from sathach.plans.models import Plan, ProctorAssignment

from .texts import LOCAL_TZ

# Events of the time ledger that the room record lists (check-in, start and submission are
# the attendance list's columns).
RECORDED_EVENTS = (
    LedgerKind.PAUSE,
    LedgerKind.RESUME,
    LedgerKind.EXTEND,
    LedgerKind.CREDIT,
    LedgerKind.DEVICE,
    LedgerKind.LATE_ADMIT,
    LedgerKind.VOID,
)
PRESENT = "present"
ABSENT = "absent"
VOIDED = "voided"


def clock(value: dt.datetime | None) -> str:
    return f"{value.astimezone(LOCAL_TZ):%H:%M}" if value else ""


def moment(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(LOCAL_TZ)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def duration(seconds: int) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"


def attendance_of(state: str) -> str:
    """Return how the attendance list marks an attempt in ``state``: never checked in is
    absent, voided is voided, anything else was present."""
    if state == AttemptState.SCHEDULED:
        return ABSENT
    if state == AttemptState.VOIDED:
        return VOIDED
    return PRESENT


def session_list(plan: Plan) -> QuerySet[RoomSession]:
    """Return the rooms of the plan's computer sittings, by sitting then room, with their
    counts (one query): ``n_attempts``, ``n_absent``, ``n_voided``, ``n_submitted``,
    ``n_incidents``."""
    return (
        RoomSession.objects.filter(sitting__plan=plan)
        .select_related("sitting__part", "room")
        .annotate(
            n_attempts=Count("attempts", distinct=True),
            n_absent=Count(
                "attempts", filter=Q(attempts__state=AttemptState.SCHEDULED), distinct=True
            ),
            n_voided=Count(
                "attempts", filter=Q(attempts__state=AttemptState.VOIDED), distinct=True
            ),
            n_submitted=Count(
                "attempts",
                filter=Q(attempts__state__in=(AttemptState.SUBMITTED, AttemptState.EXPIRED)),
                distinct=True,
            ),
            n_incidents=Count("attempts__incidents", distinct=True),
        )
        .order_by("sitting__starts_at", "sitting_id", "room__name", "pk")
    )


def proctor_names(session: RoomSession) -> dict[int, str]:
    """Return the room's proctors by role (1: in charge, 2: second)."""
    names = {}
    for duty in ProctorAssignment.objects.filter(
        sitting_id=session.sitting_id, room_id=session.room_id
    ).select_related("membership__person", "membership__user"):
        membership = duty.membership
        names[duty.role] = (
            membership.person.full_name if membership.person else str(membership.user)
        )
    return names


@dataclass
class AttendanceRow:
    stt: int
    number: str
    name: str
    birth_date: str
    unit: str
    checked_in: str
    finished: str
    status: str  # PRESENT, ABSENT, VOIDED
    note: str


@dataclass
class Attendance:
    session: RoomSession
    rows: list[AttendanceRow]
    proctor1: str
    proctor2: str

    @property
    def present(self) -> int:
        return sum(r.status == PRESENT for r in self.rows)

    @property
    def absent(self) -> int:
        return sum(r.status == ABSENT for r in self.rows)

    @property
    def voided(self) -> int:
        return sum(r.status == VOIDED for r in self.rows)


def _attempts(session: RoomSession) -> list[Attempt]:
    return list(
        Attempt.objects.filter(session=session)
        .select_related("candidate__person__unit")
        .order_by("candidate__number", "pk")
    )


def attendance(session: RoomSession) -> Attendance:
    """Return the room's attendance from its attempts, by registration number."""
    rows = []
    for i, attempt in enumerate(_attempts(session), start=1):
        person = attempt.candidate.person
        status = attendance_of(attempt.state)
        note = ""
        if status == VOIDED:
            note = attempt.void_reason
        elif attempt.late_admitted:
            note = "Vào muộn, được giám thị cho phép"
        rows.append(
            AttendanceRow(
                stt=i,
                number=attempt.candidate.number,
                name=person.full_name,
                birth_date=f"{person.birth_date:%d/%m/%Y}",
                unit=person.unit.name,
                checked_in=clock(attempt.checked_in_at),
                finished=clock(attempt.finished_at),
                status=status,
                note=note,
            )
        )
    names = proctor_names(session)
    return Attendance(
        session=session,
        rows=rows,
        proctor1=names.get(ProctorRole.FIRST, ""),
        proctor2=names.get(ProctorRole.SECOND, ""),
    )


@dataclass
class IncidentLine:
    number: int
    candidate: str  # "0003 — Nguyễn Văn A"
    at: str
    description: str
    sanction: str
    sanctioned: bool


@dataclass
class TimeLine:
    at: str
    event: str
    who: str  # the candidates concerned: one registration number, or "n thí sinh"
    seconds: str
    reason: str


@dataclass
class RoomRecord:
    attendance: Attendance
    submitted: int
    expired: int
    absent_people: list[str]
    voided_people: list[str]
    incidents: list[IncidentLine]
    events: list[TimeLine]
    started: str
    closed: str
    paused: str
    extended: str


def room_record(session: RoomSession) -> RoomRecord:
    """Return what the room's record states: attendance counts and names, submissions, the
    incidents with their sanctions, the room's times and the time changes."""
    sheet = attendance(session)
    states = dict(
        Attempt.objects.filter(session=session)
        .values_list("state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    absent = [f"{r.number} — {r.name}" for r in sheet.rows if r.status == ABSENT]
    voided = [
        f"{r.number} — {r.name}" + (f" ({r.note})" if r.note else "")
        for r in sheet.rows
        if r.status == VOIDED
    ]
    incidents = [
        IncidentLine(
            number=incident.pk,
            candidate=f"{incident.attempt.candidate.number} — "
            f"{incident.attempt.candidate.person.full_name}",
            at=clock(incident.created_at),
            description=incident.description,
            sanction=incident.get_sanction_display(),
            sanctioned=incident.sanction != Sanction.NONE,
        )
        for incident in Incident.objects.filter(attempt__session=session)
        .select_related("attempt__candidate__person")
        .order_by("created_at", "pk")
    ]
    grouped: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for kind, at, seconds, reason, number in (
        LedgerEntry.objects.filter(attempt__session=session, kind__in=RECORDED_EVENTS)
        .order_by("at", "pk")
        .values_list("kind", "at", "seconds", "reason", "attempt__candidate__number")
    ):
        grouped[(at, kind, seconds, reason)].append(number)
    events = [
        TimeLine(
            at=clock(at),
            event=str(LedgerKind(kind).label),
            who=numbers[0] if len(numbers) == 1 else f"{len(numbers)} thí sinh",
            seconds=duration(seconds) if seconds else "",
            reason=reason,
        )
        for (at, kind, seconds, reason), numbers in grouped.items()
    ]
    return RoomRecord(
        attendance=sheet,
        submitted=states.get(AttemptState.SUBMITTED, 0),
        expired=states.get(AttemptState.EXPIRED, 0),
        absent_people=absent,
        voided_people=voided,
        incidents=incidents,
        events=events,
        started=moment(session.started_at),
        closed=moment(session.closed_at),
        paused=duration(session.paused_seconds) if session.paused_seconds else "",
        extended=duration(session.extra_seconds) if session.extra_seconds else "",
    )
