"""Seed an opened computer sitting of any size, for the delivery benchmark and crash test.

``delivery_seed(candidates=N)`` builds a plan over the mini province's two agencies with ``N``
candidates, a computer part of 60 single-choice items drawn from a pool of 120, rooms of up to
50 seats with two proctors each, one sealed form per candidate, and the sitting opened
(``sitting_open``: one attempt and one check-in code per seat). The rules run through the
services a real organiser uses; only the rows made in thousands with nothing to check (people,
proctors) are bulk-created, so 10,000 candidates seed in seconds.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from sathach.bank.models import Topic
from sathach.bank.services import item_approve, item_create, item_submit, topic_fill_derived
from sathach.core.testing import make_province
from sathach.delivery.services import sitting_open
from sathach.lib.formats.items import Difficulty, ItemData, Kind, OptionData
from sathach.org.models import Person, Rank
from sathach.org.services import person_fill_derived
from sathach.plans.constants import Board, PartKind
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BoardMembership, ProctorAssignment, Sitting
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    candidates_generate,
    plan_create,
    plan_scope_set,
    room_create,
    seats_allocate,
    sitting_create,
    sitting_finalise,
)

ROOM_SIZE = 50  # TT 06/2020/TT-BNV art. 16: at most 50 candidates a room
FORM_ITEMS = 60
POOL_ITEMS = 120
_GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga", "Phúc", "Quân")


@dataclass(frozen=True)
class SeededSitting:
    sitting: Sitting
    candidates: int
    rooms: int


def _people(n: int, prefix: str, units: list, rank: Rank | None) -> list[Person]:
    people = [
        person_fill_derived(
            Person(
                code=f"{prefix}{i + 1:05d}",
                full_name=f"Nguyễn Văn {_GIVEN[i % len(_GIVEN)]}",
                unit=units[i % len(units)],
                birth_date=dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                gender="M" if i % 2 else "F",
                rank=rank,
            )
        )
        for i in range(n)
    ]
    return Person.objects.bulk_create(people, batch_size=2000)


def _item(i: int) -> ItemData:
    key = i % 4
    return ItemData(
        kind=Kind.SINGLE,
        stem=f"Câu hỏi kiểm tra số {i + 1}: phương án nào đúng?",
        difficulty=Difficulty.MEDIUM,
        options=[
            OptionData(
                text=f"Phương án {'ABCD'[o]} của câu {i + 1}",
                correct=o == key,
                fraction=1.0 if o == key else 0.0,
            )
            for o in range(4)
        ],
    )


def delivery_seed(*, candidates: int, minutes: int = 90, seed: int = 2019) -> SeededSitting:
    """Build an opened computer sitting with ``candidates`` seats (see the module docstring)."""
    province = make_province()
    units = [province.unit_a, province.unit_b]
    rank = Rank.objects.filter(code="01.003").first()
    _people(candidates, "TS", units, rank)
    plan = plan_create(
        actor=None,
        code="TAI",
        name="Kiểm tra chịu tải ca thi trên máy tính",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 4, 30),
    )
    plan_scope_set(actor=None, plan=plan, units=units)
    candidates_generate(actor=None, plan=plan)

    topic = topic_fill_derived(Topic(code="TAI", name="Kiến thức chung (tải)"))
    topic.save()
    for i in range(POOL_ITEMS):
        item = item_create(actor=None, topic=topic, data=_item(i))
        item_submit(actor=None, item=item)
        item_approve(actor=None, item=item)
    part = blueprint_part_add(
        actor=None,
        plan=plan,
        order=1,
        kind=PartKind.COMPUTER_MCQ,
        name="Kiến thức chung",
        minutes=minutes,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    blueprint_cell_add(
        actor=None, part=part, topic=topic, count=FORM_ITEMS, points=Decimal(1), item_kind="single"
    )
    n_rooms = max(1, math.ceil(candidates / ROOM_SIZE))
    rooms = [
        room_create(
            actor=None,
            plan=plan,
            name=f"Phòng {r + 1:03d}",
            capacity=ROOM_SIZE,
            computers=ROOM_SIZE,
        )
        for r in range(n_rooms)
    ]
    sitting = sitting_create(
        actor=None, plan=plan, part=part, date=dt.date(2026, 3, 10), start_time=dt.time(8, 0)
    )
    seats_allocate(actor=None, sitting=sitting, rooms=rooms, seed=seed)
    # Two proctors a room (Điều 27): people and board seats in bulk, then the duties.
    proctors = _people(2 * n_rooms, "GT", [province.commune], rank)
    memberships = BoardMembership.objects.bulk_create(
        [BoardMembership(plan=plan, board=Board.PROCTORING, person=p) for p in proctors],
        batch_size=2000,
    )
    ProctorAssignment.objects.bulk_create(
        [
            ProctorAssignment(
                sitting=sitting, room=rooms[i // 2], membership=membership, role=1 + i % 2
            )
            for i, membership in enumerate(memberships)
        ],
        batch_size=2000,
    )
    sitting_finalise(actor=None, sitting=sitting)
    part_assemble(actor=None, part=part, seed=seed)
    forms_seal(actor=None, part=part)
    opened = sitting_open(actor=None, sitting=sitting)
    return SeededSitting(sitting=sitting, candidates=opened, rooms=n_rooms)
