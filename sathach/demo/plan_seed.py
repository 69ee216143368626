"""Seed the demo plan ``DEMO``: two agencies, their candidates, one computer MCQ part.

The part draws 60 single-choice questions from the four general-knowledge topics of the demo
bank, 5 easy + 6 medium + 4 hard from each, which every topic holds with room to spare (the
smallest has 13 / 20 / 12), so assembly reaches the 2 % tolerance. ``plan_seed`` leaves the
plan ready to assemble; ``plan_forms_seal`` (run by ``sathach demo``) then assembles the part
and seals its forms, since the exam page reads only sealed forms.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from sathach.accounts.models import User
from sathach.bank.constants import Difficulty, ItemKind
from sathach.bank.models import Topic
from sathach.lib.assembly import AssemblyResult
from sathach.org.models import Unit
from sathach.plans.constants import PartKind
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BlueprintPart, Candidate, Form, Plan
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    candidates_generate,
    plan_candidate_add,
    plan_create,
    plan_scope_set,
)

PLAN_CODE = "DEMO"
PLAN_NAME = "Kiểm tra, sát hạch công chức năm 2026 (mẫu)"
AGENCIES = ("SNV", "BTC")  # Sở Nội vụ, Ban Tổ chức Tỉnh ủy (sathach/demo/units.py)
TOPICS = ("KTC-HTCT", "KTC-LCBCC", "KTC-QLNN", "KTC-XDD")
# Items each form draws per topic, by difficulty: 15 per topic, 60 in all.
PER_TOPIC = ((Difficulty.EASY, 5), (Difficulty.MEDIUM, 6), (Difficulty.HARD, 4))


def plan_exists() -> bool:
    return Plan.objects.filter(code=PLAN_CODE).exists()


@transaction.atomic
def plan_seed(*, seed: int) -> Plan:
    """Create the demo plan with its candidates and blueprint, ready to assemble.

    ``seed`` is recorded for symmetry with the other seeds; nothing here is random.
    """
    del seed  # the plan is the same for every seed of the province
    plan = plan_create(
        actor=None,
        code=PLAN_CODE,
        name=PLAN_NAME,
        starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 7, 31),
        exam_profile="TT22-2025",
        legal_basis="Kế hoạch mẫu của dữ liệu demo.",
    )
    units = list(Unit.objects.filter(code__in=AGENCIES))
    plan_scope_set(actor=None, plan=plan, units=units)
    candidates_generate(actor=None, plan=plan)
    demo_part_add(plan)
    return plan


def demo_part_add(plan: Plan) -> BlueprintPart:
    """Add the demo's computer part: 60 single-choice items, 15 from each general topic."""
    part = blueprint_part_add(
        actor=None,
        plan=plan,
        order=1,
        kind=PartKind.COMPUTER_MCQ,
        name="Kiến thức chung",
        minutes=60,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    topics = {t.code: t for t in Topic.objects.filter(code__in=TOPICS)}
    for code in TOPICS:
        for difficulty, count in PER_TOPIC:
            blueprint_cell_add(
                actor=None,
                part=part,
                topic=topics[code],
                count=count,
                points=Decimal(1),
                difficulty=difficulty,
                item_kind=ItemKind.SINGLE,
            )
    return part


def plan_forms_sealed() -> bool:
    return Form.objects.filter(part__plan__code=PLAN_CODE, sealed_at__isnull=False).exists()


@transaction.atomic
def plan_forms_seal(*, seed: int) -> AssemblyResult:
    """Assemble the demo plan's computer part with ``seed`` and seal its forms."""
    plan = Plan.objects.get(code=PLAN_CODE)
    _demo_candidate_add(plan)
    part = plan.parts.get(kind=PartKind.COMPUTER_MCQ)
    result = part_assemble(actor=None, part=part, seed=seed)
    forms_seal(actor=None, part=part)
    return result


DEMO_CANDIDATE_LOGIN = "thisinh"


def _demo_candidate_add(plan: Plan) -> None:
    """Put the demo candidate login's person on the list, so it can sit the demo test."""
    user = User.objects.filter(username=DEMO_CANDIDATE_LOGIN).select_related("person").first()
    if user is None or user.person is None:
        return
    if Candidate.objects.filter(plan=plan, person=user.person).exists():
        return
    plan_candidate_add(
        actor=None,
        plan=plan,
        person=user.person,
        reason="Tài khoản demo của người dự kiểm tra (thêm để thử bài thi trên máy tính)",
    )
