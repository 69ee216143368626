"""Seed the demo plan's computer sitting: rooms, seats, proctors, and the sitting opened.

After it, the demo proctor (``giamthi``) runs room "Phòng máy 01" from /coi-thi/ and the demo
candidate (``thisinh``, added to the plan by hand with a recorded reason) checks in from
/thi/ with their own login; every other candidate's one-time code is on the room's code list.
"""

from __future__ import annotations

import datetime as dt
import math

from django.db import transaction

from sathach.accounts.models import User
from sathach.core.errors import ServiceError
from sathach.delivery.models import RoomSession
from sathach.delivery.services import sitting_open
from sathach.org.models import Person
from sathach.plans.constants import Board, CandidateStatus, ProctorRole
from sathach.plans.models import BlueprintPart, Candidate, Plan, Sitting
from sathach.plans.services import (
    board_member_add,
    proctor_assign,
    room_create,
    seats_allocate,
    sitting_create,
    sitting_finalise,
)

ROOM_SIZE = 50  # TT 06/2020/TT-BNV art. 16 (and TT22-2025 profile): at most 50 per room
PROCTOR_UNIT = "SGD"  # Sở Giáo dục và Đào tạo: outside the plan's scope, so no candidates
PROCTOR_LOGIN = "giamthi"


def _proctor_people(plan: Plan, needed: int) -> list[Person]:
    """Return ``needed`` people of the proctors' agency, the demo proctor's person first."""
    login = User.objects.filter(username=PROCTOR_LOGIN).select_related("person").first()
    first = [login.person] if login and login.person else []
    taken = {p.pk for p in first} | set(
        Candidate.objects.filter(plan=plan).values_list("person_id", flat=True)
    )
    # The education department first; on a small demo (--scale) anyone outside the list.
    agency = Person.objects.filter(unit__code__startswith=PROCTOR_UNIT).exclude(pk__in=taken)
    people = [*first, *agency.order_by("code")[: needed * 2]]
    if len(people) < needed * 2:
        others = Person.objects.exclude(pk__in=taken | {p.pk for p in people})
        people += list(others.order_by("code")[: needed * 2 - len(people)])
    return people


@transaction.atomic
def sitting_seed(*, plan: Plan, part: BlueprintPart) -> Sitting:
    """Create rooms for everyone, one sitting of ``part``, proctors, and open it."""
    included = Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).count()
    n_rooms = max(1, math.ceil(included / ROOM_SIZE))
    rooms = [
        room_create(
            actor=None,
            plan=plan,
            name=f"Phòng máy {i + 1:02d}",
            capacity=ROOM_SIZE,
            computers=ROOM_SIZE,
            columns=10,
            location="Trung tâm Tin học tỉnh, 15 Trường Thi, TP. Vinh",
        )
        for i in range(n_rooms)
    ]
    sitting = sitting_create(
        actor=None,
        plan=plan,
        part=part,
        date=plan.starts_on,
        start_time=dt.time(8, 0),
        name="Ca 1 — Trắc nghiệm trên máy tính",
    )
    seats_allocate(actor=None, sitting=sitting, rooms=rooms, seed=2019)
    login = User.objects.filter(username=PROCTOR_LOGIN).first()
    memberships = []
    for person in _proctor_people(plan, 2 * n_rooms * 2):
        try:
            memberships.append(
                board_member_add(
                    actor=None,
                    plan=plan,
                    board=Board.PROCTORING,
                    person=person,
                    user=login if login and login.person_id == person.pk else None,
                )
            )
        except ServiceError:
            continue  # a declared relative among the candidates: the rules keep them off
        if len(memberships) == 2 * n_rooms:
            break
    for index, room in enumerate(rooms):
        for role in (ProctorRole.FIRST, ProctorRole.SECOND):
            membership = memberships[2 * index + (role - 1)]
            proctor_assign(actor=None, sitting=sitting, room=room, membership=membership, role=role)
    sitting_finalise(actor=None, sitting=sitting)
    sitting_open(actor=None, sitting=sitting)
    return sitting


def sitting_exists(plan: Plan) -> bool:
    return RoomSession.objects.filter(sitting__plan=plan).exists()
