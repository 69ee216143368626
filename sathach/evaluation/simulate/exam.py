"""Steps 1–2 and 4–6 of the simulation: the plan and its two parts, the forms, the two
computer sittings (objective questions in the morning, essays typed in the afternoon), the
results, the training of those below the bar and the re-test plan."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

import numpy as np
from django.db import transaction
from django.utils import timezone

from sathach.bank.constants import Difficulty, ItemKind
from sathach.bank.models import ItemVersion, Topic
from sathach.core.errors import ServiceError
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, RoomSession
from sathach.delivery.services import (
    answer_save,
    attempt_check_in,
    attempt_start,
    attempt_submit,
    room_close,
    room_start,
    sitting_open,
)
from sathach.demo.plan_seed import demo_part_add
from sathach.demo.province import ROOT_CODE
from sathach.demo.sitting_seed import PROCTOR_UNIT, sitting_seed
from sathach.evaluation.selectors_training import below_bar
from sathach.evaluation.services import retest_create, training_assign_bulk, training_complete
from sathach.org.models import Person, Unit
from sathach.plans.constants import CandidateStatus, PartKind, SittingMode
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BlueprintPart, Candidate, Plan, ProctorAssignment, Room, Sitting
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    plan_candidate_add,
    plan_create,
    plan_scope_set,
    proctor_assign,
    seats_allocate,
    sitting_create,
    sitting_finalise,
)
from sathach.results.constants import Classification
from sathach.results.models import PlanResult
from sathach.results.services import results_compute, results_publish

from .base import DIFFICULTY_B, Context, D, logistic, percent, vn

ABSENT_SHARE = 0.01  # candidates who miss a sitting (the morning's, the afternoon's)
TRAINING_COMPLETED_SHARE = 0.85  # of those sent on the course, who complete it
TRAINING_GAIN, NO_TRAINING_GAIN = 0.9, 0.3  # ability gained before the re-test

# The written part: two essays of the demo bank's general topics (one medium essay each, so
# every form holds the same two questions), 50 points each, typed on computer.
WRITTEN_NAME = "Viết: xử lý tình huống quản lý nhà nước"
WRITTEN_TOPICS = ("KTC-LCBCC", "KTC-QLNN")
WRITTEN_POINTS = Decimal(50)
WRITTEN_MINUTES = 120
WRITTEN_START = dt.time(14, 0)
ESSAY_B = -0.7  # the essays' difficulty on the ability scale
ESSAY_A = 0.8  # and how sharply they separate abilities
ESSAY_NOISE = 6.0  # points: what the ability model leaves out of a script's quality


# --- 1. Plan, forms, sittings -----------------------------------------------------------------


def draw_persons(ctx: Context) -> list[Person]:
    """Draw whole units of the active roster in a seeded order until there are enough people
    (and some spares for those the conflict rules keep off): a province tests agencies, and
    the HTXS quota is counted within each unit, so a unit is rated whole. The proctors'
    agency is left out, so the sittings find their proctors there."""
    units = list(
        Unit.objects.filter(persons__is_active=True)
        .exclude(code__startswith=PROCTOR_UNIT)
        .distinct()
        .order_by("code")
        .values_list("pk", flat=True)
    )
    order = ctx.rng.permutation(len(units))
    by_unit: dict[int, list[int]] = {}
    for unit_id, pk in (
        Person.objects.filter(is_active=True, unit_id__in=units)
        .order_by("unit_id", "code")
        .values_list("unit_id", "pk")
    ):
        by_unit.setdefault(unit_id, []).append(pk)
    wanted = math.ceil(ctx.n * 1.05)
    chosen: list[int] = []
    for index in order:
        chosen += by_unit.get(units[index], [])
        if len(chosen) >= wanted:
            break
    if len(chosen) < ctx.n:
        raise ServiceError(
            f"Danh sách công chức chỉ có {len(chosen)} người, ít hơn {ctx.n} thí sinh.",
            code="too_few",
        )
    found = Person.objects.in_bulk(chosen)
    return [found[pk] for pk in chosen]


def written_part_add(ctx: Context, plan: Plan) -> BlueprintPart:
    """Add the written part, sat on computer: one essay of each general topic, 50 points."""
    part = blueprint_part_add(
        actor=ctx.actor,
        plan=plan,
        order=2,
        kind=PartKind.WRITTEN,
        name=WRITTEN_NAME,
        minutes=WRITTEN_MINUTES,
        max_score=WRITTEN_POINTS * len(WRITTEN_TOPICS),
        pass_mark=WRITTEN_POINTS * len(WRITTEN_TOPICS) / 2,
        sitting_mode=SittingMode.COMPUTER,
    )
    topics = {t.code: t for t in Topic.objects.filter(code__in=WRITTEN_TOPICS)}
    for code in WRITTEN_TOPICS:
        blueprint_cell_add(
            actor=ctx.actor,
            part=part,
            topic=topics[code],
            count=1,
            points=WRITTEN_POINTS,
            difficulty=Difficulty.MEDIUM,
            item_kind=ItemKind.ESSAY,
        )
    return part


def plan_prepare(ctx: Context, *, code: str, persons: Sequence[Person]) -> Plan:
    """Create the plan over the province with ``ctx.n`` of ``persons`` (the rest are spares
    for those the conflict rules keep off), its computer part and its written part."""
    plan = plan_create(
        actor=ctx.actor,
        code=code,
        name=f"Mô phỏng kiểm tra, sát hạch công chức (seed {ctx.seed})",
        starts_on=ctx.today,
        ends_on=ctx.today + dt.timedelta(days=60),
        exam_profile="TT22-2025",
        legal_basis="Kế hoạch mô phỏng (sathach simulate).",
    )
    plan_scope_set(actor=ctx.actor, plan=plan, units=[Unit.objects.get(code=ROOT_CODE)])
    added = 0
    for person in persons:
        if added == ctx.n:
            break
        try:
            plan_candidate_add(
                actor=ctx.actor,
                plan=plan,
                person=person,
                reason="Rút theo đơn vị từ danh sách công chức cho mô phỏng",
            )
        except ServiceError:
            continue
        added += 1
    demo_part_add(plan)
    written_part_add(ctx, plan)
    return plan


def _written_sitting(ctx: Context, plan: Plan, part: BlueprintPart, morning: Sitting) -> Sitting:
    """Schedule the afternoon sitting of ``part`` in the morning's rooms, with the same
    proctors, finalise and open it."""
    rooms = list(
        Room.objects.filter(pk__in=morning.seats.values("room_id")).distinct().order_by("name")
    )
    sitting = sitting_create(
        actor=ctx.actor,
        plan=plan,
        part=part,
        date=plan.starts_on,
        start_time=WRITTEN_START,
        name="Ca 2 — Viết trên máy tính",
    )
    seats_allocate(actor=ctx.actor, sitting=sitting, rooms=rooms, seed=ctx.seed)
    for duty in ProctorAssignment.objects.filter(sitting=morning).order_by("room__name", "role"):
        proctor_assign(
            actor=ctx.actor,
            sitting=sitting,
            room=duty.room,
            membership=duty.membership,
            role=duty.role,
        )
    sitting_finalise(actor=ctx.actor, sitting=sitting)
    sitting_open(actor=ctx.actor, sitting=sitting)
    return sitting


def sittings_prepare(ctx: Context, plan: Plan, title: str) -> tuple[Sitting, Sitting]:
    """Assemble and seal both parts' forms (one per candidate), then rooms of 50, the two
    sittings with their proctors, finalised and opened."""
    mcq = plan.parts.get(kind=PartKind.COMPUTER_MCQ)
    written = plan.parts.get(kind=PartKind.WRITTEN)
    assembled = part_assemble(actor=ctx.actor, part=mcq, seed=ctx.seed)
    forms_seal(actor=ctx.actor, part=mcq)
    essays = part_assemble(actor=ctx.actor, part=written, seed=ctx.seed)
    forms_seal(actor=ctx.actor, part=written)
    morning = sitting_seed(plan=plan, part=mcq)
    afternoon = _written_sitting(ctx, plan, written, morning)
    included = Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).count()
    ctx.step(
        title,
        [
            ("thí sinh", included),
            ("đề trắc nghiệm đã niêm phong", len(assembled.forms)),
            ("độ chênh điểm kỳ vọng", vn(assembled.spread, 2)),
            ("đề viết đã niêm phong (2 câu tự luận)", len(essays.forms)),
            ("phòng thi", RoomSession.objects.filter(sitting=morning).count()),
            ("ca thi", "2 ca đã mở (trắc nghiệm, viết)"),
        ],
    )
    return morning, afternoon


# --- 2. The sittings --------------------------------------------------------------------------


def _attempts(sitting: Sitting) -> list[Attempt]:
    return list(
        Attempt.objects.filter(sitting=sitting)
        .select_related("session", "sitting__plan", "candidate", "form")
        .order_by("candidate__number", "pk")
    )


def mcq_sitting_simulate(
    ctx: Context, sitting: Sitting, gains: dict[int, float]
) -> list[tuple[str, object]]:
    """Check everyone in, start the rooms, answer every item, submit, close the rooms."""
    attempts = _attempts(sitting)
    item_ids = {vid for a in attempts for vid in a.form.items}
    versions = {
        v.pk: v
        for v in ItemVersion.objects.filter(pk__in=item_ids).only("kind", "content", "difficulty")
    }
    # Abilities are drawn in candidate order, so they do not depend on the database ids.
    thetas = {a.pk: ctx.theta(a.candidate.person_id) for a in attempts}
    absent = {a.pk for a in attempts if ctx.rng.random() < ABSENT_SHARE}
    now = timezone.now()
    checked_in = {}
    for attempt in attempts:
        if attempt.pk not in absent:
            checked_in[attempt.pk], _token = attempt_check_in(attempt=attempt, now=now)
    sessions = list(RoomSession.objects.filter(sitting=sitting).order_by("pk"))
    for session in sessions:
        room_start(actor=ctx.actor, session=session, now=now)
    right = answered = 0
    for attempt in attempts:
        if attempt.pk not in checked_in:
            continue
        theta = thetas[attempt.pk] + gains.get(attempt.candidate.person_id, 0.0)
        with transaction.atomic():
            running = attempt_start(attempt=checked_in[attempt.pk], now=now)
            for position, vid in enumerate(attempt.form.items):
                version = versions[vid]
                options = version.content.get("options", [])
                key = next(i for i, o in enumerate(options) if o.get("correct"))
                order = attempt.form.option_orders[position] or list(range(len(options)))
                b = DIFFICULTY_B.get(version.difficulty, 0.0)
                correct = ctx.rng.random() < logistic(D * (theta - b))
                if correct:
                    original = key
                else:
                    wrong = [i for i in range(len(options)) if i != key]
                    original = wrong[int(ctx.rng.integers(len(wrong)))]
                answer_save(
                    attempt=running,
                    item=vid,
                    answer={"choice": order.index(original)},
                    seq=1,
                    now=now,
                )
                right += correct
                answered += 1
            attempt_submit(attempt=running, now=now)
    for session in sessions:
        room_close(actor=ctx.actor, session=session, now=now)
    submitted = Attempt.objects.filter(sitting=sitting, state=AttemptState.SUBMITTED).count()
    return [
        ("trắc nghiệm: vào phòng", len(checked_in)),
        ("trắc nghiệm: vắng", len(absent)),
        ("trắc nghiệm: đã nộp bài", submitted),
        ("trắc nghiệm: câu trả lời", answered),
        ("trắc nghiệm: tỷ lệ đúng", percent(right, answered)),
    ]


def essay_quality(ctx: Context, theta: float) -> float:
    """Return the share of the points a script deserves (0–1), drawn from the ability."""
    points = 100 * logistic(D * ESSAY_A * (theta - ESSAY_B)) + ctx.rng.normal(0, ESSAY_NOISE)
    return float(np.clip(points, 0, 100)) / 100


def written_sitting_simulate(
    ctx: Context, sitting: Sitting, gains: dict[int, float]
) -> tuple[list[tuple[str, object]], dict[int, float]]:
    """Each candidate who comes types an answer to both essays and submits; return the figures
    and what each handed-in script deserves (candidate pk → share of the points), for the
    markers. A few miss the afternoon: once their room is closed, Ban phách's collection
    records them as absent ("Không dự thi") and their part is absent in the results.
    """
    attempts = _attempts(sitting)
    now = timezone.now()
    absent = {a.pk for a in attempts if ctx.rng.random() < ABSENT_SHARE}
    attempts = [a for a in attempts if a.pk not in absent]
    checked_in = {a.pk: attempt_check_in(attempt=a, now=now)[0] for a in attempts}
    sessions = list(RoomSession.objects.filter(sitting=sitting).order_by("pk"))
    for session in sessions:
        room_start(actor=ctx.actor, session=session, now=now)
    deserved: dict[int, float] = {}
    for attempt in attempts:
        person_id = attempt.candidate.person_id
        quality = essay_quality(ctx, ctx.theta(person_id) + gains.get(person_id, 0.0))
        deserved[attempt.candidate_id] = quality
        with transaction.atomic():
            running = attempt_start(attempt=checked_in[attempt.pk], now=now)
            for question, vid in enumerate(running.layout["items"], start=1):
                # No name, number or unit in the text: a script carrying one is a violation.
                text = (
                    f"Câu {question}. Bài làm trình bày theo yêu cầu của đề "
                    f"(mô phỏng, mức độ đáp ứng khoảng {round(100 * quality)}% đáp án)."
                )
                answer_save(attempt=running, item=vid, answer={"text": text}, seq=question, now=now)
            attempt_submit(attempt=running, now=now)
    for session in sessions:
        room_close(actor=ctx.actor, session=session, now=now)
    submitted = Attempt.objects.filter(sitting=sitting, state=AttemptState.SUBMITTED).count()
    figures: list[tuple[str, object]] = [
        ("viết: vắng", len(absent)),
        ("viết: vào phòng", len(checked_in)),
        ("viết: đã nộp bài", submitted),
        ("phòng đã kết thúc", len(sessions)),
    ]
    return figures, deserved


# --- 4. Results -------------------------------------------------------------------------------


def results_step(ctx: Context, plan: Plan, title: str) -> None:
    computed = results_compute(actor=ctx.actor, plan=plan)
    results_publish(
        actor=ctx.actor,
        plan=plan,
        decision_number=f"{plan.code}/QĐ-HĐKT",
        decision_date=ctx.today,
    )
    scores = [
        float(p or 0)
        for p in PlanResult.objects.filter(plan=plan, percent__isnull=False).values_list(
            "percent", flat=True
        )
    ]
    levels: Counter[str] = Counter(computed.levels)
    shown = [
        f"{Classification(k).label} {levels[k]}" for k in Classification.values if levels.get(k)
    ]
    ctx.step(
        title,
        [
            ("đã tính", computed.candidates),
            ("đạt", computed.passed),
            ("chưa đạt", below_bar(Plan.objects.get(pk=plan.pk)).count()),
            ("điểm trung bình", f"{vn(float(np.mean(scores)) if scores else 0.0)}%"),
            ("xếp loại", ", ".join(shown) or "—"),
            ("công bố", "đã công bố"),
        ],
    )


# --- 5. Training ------------------------------------------------------------------------------


def training_step(ctx: Context, plan: Plan) -> set[int]:
    """Send everyone below the bar on one course; a seeded share completes it."""
    plan.refresh_from_db()
    ids = sorted(below_bar(plan).values_list("candidate__person_id", flat=True))
    completed: set[int] = set()
    if ids:
        assignments = training_assign_bulk(
            actor=ctx.actor,
            plan=plan,
            person_ids=ids,
            course="Bồi dưỡng kiến thức quản lý nhà nước (mô phỏng)",
            provider="Trường Chính trị tỉnh Nghệ An",
            starts_on=ctx.today - dt.timedelta(days=30),
            ends_on=ctx.today - dt.timedelta(days=2),
        )
        for assignment in sorted(assignments, key=lambda a: a.person_id):
            if ctx.rng.random() < TRAINING_COMPLETED_SHARE:
                training_complete(
                    actor=ctx.actor,
                    assignment=assignment,
                    completed_on=ctx.today - dt.timedelta(days=1),
                    passed=True,
                )
                completed.add(assignment.person_id)
    ctx.step(
        "5. Bồi dưỡng",
        [
            ("cử đi bồi dưỡng", len(ids)),
            ("hoàn thành", len(completed)),
            ("chưa hoàn thành", len(ids) - len(completed)),
        ],
    )
    return completed


# --- 6. Re-test -------------------------------------------------------------------------------


def retest_plan_create(ctx: Context, plan: Plan) -> Plan | None:
    """Create the re-test plan (both parts copied) from the failures of ``plan``."""
    if not below_bar(plan).exists():
        ctx.step("6. Kiểm tra lại", [("không có ai chưa đạt", 0)])
        return None
    link = retest_create(
        actor=ctx.actor,
        plan=plan,
        code=f"{plan.code}-KTL",
        name=f"Kiểm tra lại sau kế hoạch {plan.code}",
        starts_on=ctx.today,
        ends_on=ctx.today + dt.timedelta(days=30),
    )
    return link.plan


def retest_gains(plan: Plan, trained: set[int]) -> dict[int, float]:
    """Return what each re-tested person gained since the first test (by training or not)."""
    gains = {pid: TRAINING_GAIN for pid in trained}
    for pid in below_bar(plan).values_list("candidate__person_id", flat=True):
        gains.setdefault(pid, NO_TRAINING_GAIN)
    return gains
