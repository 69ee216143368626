"""Test helpers for delivery (also for grading and results): an open computer sitting.

``make_exam`` builds, through the services a real organiser uses, a plan over two agencies of
the mini province with ``n`` candidates, a computer part of seven items (one of every kind
but essay, plus two more single choice), one room with two proctors, sealed forms, and the
sitting opened for delivery.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sathach.accounts.constants import Role
from sathach.bank.constants import TopicRole
from sathach.bank.models import Item, ItemVersion, Topic
from sathach.bank.services import item_approve, item_create, item_submit
from sathach.bank.testing import make_bank_user, make_topic, single_choice
from sathach.core.testing import MiniProvince, make_person, make_province, make_user
from sathach.lib.formats.items import (
    Difficulty,
    ItemData,
    Kind,
    NumericAnswerData,
    OptionData,
    ShortAnswerData,
)
from sathach.plans.constants import Board, CandidateStatus, PartKind
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BlueprintPart, Candidate, Plan, Room, Sitting
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    board_member_add,
    candidates_generate,
    proctor_assign,
    room_create,
    seats_allocate,
    sitting_create,
    sitting_finalise,
)
from sathach.plans.testing import make_plan

from .models import Attempt, RoomSession
from .services import sitting_open


def exam_items() -> list[ItemData]:
    """Seven items: single ×3 (keys 0, 1, 2), multiple, true/false, short text, numeric."""
    items = [
        single_choice(stem=f"Câu hỏi một lựa chọn số {i + 1}?", key=i, difficulty=Difficulty.MEDIUM)
        for i in range(3)
    ]
    items.append(
        ItemData(
            kind=Kind.MULTIPLE,
            stem="Những cơ quan nào thuộc hệ thống hành chính nhà nước?",
            difficulty=Difficulty.MEDIUM,
            options=[
                OptionData("Chính phủ", True, 0.5),
                OptionData("Ủy ban nhân dân tỉnh", True, 0.5),
                OptionData("Tòa án nhân dân", False, -1.0),
                OptionData("Viện kiểm sát nhân dân", False, -1.0),
            ],
        )
    )
    items.append(
        ItemData(
            kind=Kind.TRUE_FALSE,
            stem="Công chức được đánh giá, xếp loại chất lượng hằng năm.",
            difficulty=Difficulty.MEDIUM,
            truth=True,
        )
    )
    items.append(
        ItemData(
            kind=Kind.SHORT_TEXT,
            stem="Thủ đô của Việt Nam là thành phố nào?",
            difficulty=Difficulty.MEDIUM,
            answers=[ShortAnswerData("Hà Nội", 1.0)],
        )
    )
    items.append(
        ItemData(
            kind=Kind.NUMERIC,
            stem="Một phòng thi viết có tối đa bao nhiêu thí sinh?",
            difficulty=Difficulty.MEDIUM,
            numeric=[NumericAnswerData(50, 0, 1.0)],
        )
    )
    return items


CELLS = (("single", 3), ("multiple", 1), ("true_false", 1), ("short_text", 1), ("numeric", 1))


@dataclass
class Exam:
    province: MiniProvince
    plan: Plan
    part: BlueprintPart
    sitting: Sitting
    room: Room
    session: RoomSession
    organiser: Any
    proctors: list[Any]
    candidates: list[Candidate] = field(default_factory=list)

    def attempts(self) -> list[Attempt]:
        return list(
            Attempt.objects.filter(sitting=self.sitting)
            .select_related("sitting__plan", "session", "form")
            .order_by("candidate__number")
        )


def _approved_items(topic: Topic, unit: Any) -> list[Item]:
    author = make_bank_user("tacgia", TopicRole.AUTHOR, topic, unit=unit)
    reviewer = make_bank_user("thamdinh", TopicRole.REVIEWER, topic, unit=unit)
    items = []
    # Two copies of every item, so that forms can differ.
    for copy in range(2):
        for data in exam_items():
            data.stem = f"{data.stem} (bộ {copy + 1})"
            item = item_create(actor=author, topic=topic, data=data)
            item_submit(actor=author, item=item)
            item_approve(actor=reviewer, item=item)
            items.append(item)
    return items


def make_exam(n: int = 4, *, minutes: int = 30, grace_seconds: int = 60) -> Exam:
    """Build an opened computer sitting with ``n`` candidates (see the module docstring)."""
    province = make_province()
    organiser = make_user("tochuc", Role.ORGANISER, province.root)
    for i in range(n):
        unit = province.unit_a if i % 2 == 0 else province.unit_b
        make_person(f"TS{i + 1:03d}", f"Nguyễn Văn Thí Sinh {i + 1}", unit)
    plan = make_plan("THI", [province.unit_a, province.unit_b], actor=organiser)
    plan.grace_seconds = grace_seconds
    plan.save(update_fields=["grace_seconds"])
    candidates_generate(actor=organiser, plan=plan)
    topic = make_topic("KTC", "Kiến thức chung")
    _approved_items(topic, province.unit_a)
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.COMPUTER_MCQ,
        name="Kiến thức chung",
        minutes=minutes,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    for kind, count in CELLS:
        blueprint_cell_add(
            actor=organiser, part=part, topic=topic, count=count, points=Decimal(1), item_kind=kind
        )
    room = room_create(actor=organiser, plan=plan, name="Phòng 1", capacity=max(n, 2), computers=n)
    sitting = sitting_create(
        actor=organiser,
        plan=plan,
        part=part,
        date=dt.date(2026, 3, 10),
        start_time=dt.time(8, 0),
    )
    seats_allocate(actor=organiser, sitting=sitting, rooms=[room])
    proctors = []
    for role, name in ((1, "giamthi1"), (2, "giamthi2")):
        person = make_person(f"GT{role}", f"Giám Thị {role}", province.commune)
        user = make_user(name, Role.PROCTOR, province.commune, person=person)
        membership = board_member_add(
            actor=organiser, plan=plan, board=Board.PROCTORING, person=person, user=user
        )
        proctor_assign(
            actor=organiser, sitting=sitting, room=room, membership=membership, role=role
        )
        proctors.append(user)
    sitting_finalise(actor=organiser, sitting=sitting)
    part_assemble(actor=organiser, part=part, seed=5)
    forms_seal(actor=organiser, part=part)
    sitting_open(actor=organiser, sitting=sitting)
    candidates = list(
        Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).order_by("number")
    )
    return Exam(
        province=province,
        plan=plan,
        part=part,
        sitting=sitting,
        room=room,
        session=RoomSession.objects.get(sitting=sitting, room=room),
        organiser=organiser,
        proctors=proctors,
        candidates=candidates,
    )


def key_answer(version: ItemVersion, option_order: list[int] | None) -> dict[str, Any]:
    """Return the fully right answer to ``version`` in the positions its form shows (tests only)."""
    content = version.content
    order = option_order or list(range(len(content.get("options", []))))
    if version.kind == "single":
        return {"choice": next(p for p, i in enumerate(order) if content["options"][i]["correct"])}
    if version.kind == "multiple":
        return {"choices": [p for p, i in enumerate(order) if content["options"][i]["correct"]]}
    if version.kind == "true_false":
        return {"value": content["truth"]}
    if version.kind == "short_text":
        return {"text": content["answers"][0]["text"]}
    if version.kind == "numeric":
        return {"text": str(content["numeric"][0]["value"])}
    return {"text": "Bài viết."}
