"""Scoring and every report for 20,000 submitted attempts × 60 items (issue 6; target < 30 s).

``sathach bench results [--db sqlite|postgres] [--scale S] [--json]``

Seeding (not timed): a province of 4 blocks, 40 agencies (each with a department) and 10
communes; 20,000 civil servants (× ``scale``) of five ranks, twelve job positions and ages 25
to 60; a plan over the province with one computer part of 60 single-choice items (15 from each
of 4 topics, pool of 120) in rooms of 50, assembled, sealed and opened through the services a
real organiser uses. Then every candidate but 2% (absent) answers their form (a 1-parameter
logistic model: topics of different difficulty; 3% of items left blank), the 1.2 million
answers are bulk inserted, the attempts are marked submitted with their scores, the rooms are
closed, a few incidents (machine changes, reprimands) are recorded, and the database gathers
its planner statistics (``ANALYZE``, as autovacuum would after such a load).

Timed, each on its own and in the order an organiser meets them when the sitting ends:

- ``score_attempts_s``: the objective scoring of every attempt from its stored answers
  (``form_score``, what submission does for one attempt), in one pass over value lists;
- ``results_compute_s``: ``results_compute`` (part results, overall results, classes);
- every report of ``sathach.results.reports``: the dashboard aggregates (summary, histograms,
  the breakdowns by block, unit, rank, position and age band), the topic statistics, the list
  below the bar, the Excel exports, the PDFs (the tally by unit, the list below the bar, and
  the results summary of every candidate);
- ``total_s``: ``results_compute`` and every report; ``total_with_scoring_s`` adds the
  scoring.

Baselines, same process, same data: the pure scoring loop on answers already in memory
(``pure_scoring_s``: the rest of ``score_attempts_s`` is reading the answers), and one raw SQL
``GROUP BY`` of the same overall results by unit (``sql_group_by_s``: the floor of an
aggregate query on this database).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import random
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from sathach.accounts.constants import Role
from sathach.accounts.models import RoleAssignment, User
from sathach.bank.models import ItemVersion, Topic
from sathach.bank.services import item_approve, item_create, item_submit, topic_fill_derived
from sathach.core import profiles
from sathach.delivery.constants import AttemptState, RoomState, Sanction
from sathach.delivery.models import Attempt, Incident, Response, RoomSession
from sathach.delivery.services import sitting_open
from sathach.delivery.services.proctoring import sanction_deduction
from sathach.delivery.services.rescoring import part_items
from sathach.delivery.services.scoring import form_score
from sathach.lib.formats.items import Difficulty, ItemData, Kind, OptionData
from sathach.org.constants import Block, Gender, UnitKind, UnitLevel
from sathach.org.models import Person, Position, Rank, Unit
from sathach.org.services import person_fill_derived, unit_fill_derived
from sathach.plans.constants import Board, PartKind
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BlueprintPart, BoardMembership, Plan, ProctorAssignment, Sitting
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
from sathach.results.models import PlanResult
from sathach.results.reports import selectors
from sathach.results.reports.access import report_scope_get
from sathach.results.reports.pdf import results_summary_pdf
from sathach.results.reports.services import (
    BELOW_BAR,
    DISTRIBUTIONS,
    SUMMARY,
    report_export,
)
from sathach.results.services import results_compute

NAME = "results"
N_CANDIDATES = 20_000
FORM_ITEMS = 60
# Four topics (code, name, difficulty offset): harder from the first to the last.
TOPICS: tuple[tuple[str, str, float], ...] = (
    ("KTC-HT", "Hệ thống chính trị", -0.6),
    ("KTC-TC", "Tổ chức bộ máy", 0.0),
    ("KTC-HC", "Quản lý hành chính nhà nước", 0.4),
    ("KTC-CV", "Công vụ, công chức", 0.8),
)
ITEMS_PER_TOPIC = 30
ROOM_SIZE = 50  # TT 06/2020/TT-BNV art. 16
ABSENT_SHARE = 0.02
BLANK_SHARE = 0.03
TARGET_S = 30.0
T0 = dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC)  # 08:00 in Hà Nội
RANK_CODES = ("01.002", "01.003", "01.003", "01.004", "06.031", "02.007")
POSITIONS = (
    "Chuyên viên tổng hợp",
    "Chuyên viên tổ chức cán bộ",
    "Chuyên viên kế hoạch - tài chính",
    "Chuyên viên pháp chế",
    "Chuyên viên thanh tra",
    "Chuyên viên văn thư - lưu trữ",
    "Chuyên viên quản lý công sở",
    "Chuyên viên công nghệ thông tin",
    "Chuyên viên tuyên giáo",
    "Chuyên viên dân vận",
    "Kế toán viên",
    "Lãnh đạo cấp phòng",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Đạt", "Hà", "Hùng", "Lan", "Mai", "Nam", "Sơn", "Yến")


# --- Seeding --------------------------------------------------------------------------------------


def _unit(code: str, name: str, parent: Unit | None, **fields: Any) -> Unit:
    unit = unit_fill_derived(Unit(code=code, name=name, parent=parent, **fields))
    unit.save()
    return unit


def _province() -> tuple[Unit, list[Unit]]:
    """Return the root and the units people work in (agencies, departments, communes)."""
    root = _unit("BT", "Tỉnh thử", None, kind=UnitKind.PROVINCE, level=UnitLevel.PROVINCE)
    places = []
    blocks = (Block.PARTY, Block.STATE, Block.FRONT, Block.MASS)
    for b, block in enumerate(blocks):
        parent = _unit(
            f"BT-K{b}", str(block.label), root, kind=UnitKind.BLOCK, level="tinh", block=block
        )
        for a in range(10):
            agency = _unit(
                f"BT-K{b}-{a:02d}",
                f"Cơ quan {a + 1} — {block.label}",
                parent,
                kind=UnitKind.AGENCY,
                level=UnitLevel.PROVINCE,
                block=block,
            )
            department = _unit(
                f"BT-K{b}-{a:02d}-P",
                f"Văn phòng cơ quan {a + 1} — {block.label}",
                agency,
                kind=UnitKind.DEPARTMENT,
                level=UnitLevel.PROVINCE,
                block=block,
            )
            places += [agency, department]
    for c in range(10):
        places.append(
            _unit(
                f"BT-X{c:02d}",
                f"Xã thử {c + 1}",
                root,
                kind=UnitKind.COMMUNE,
                level=UnitLevel.COMMUNE,
            )
        )
    return root, places


def _people(n: int, places: list[Unit], rng: random.Random) -> None:
    ranks = {r.code: r for r in Rank.objects.filter(code__in=set(RANK_CODES))}
    positions = Position.objects.bulk_create(
        [Position(code=f"VT{i:02d}", name=name) for i, name in enumerate(POSITIONS)]
    )
    people = [
        person_fill_derived(
            Person(
                code=f"B{i:06d}",
                full_name=f"{FAMILY[i % 10]} {MIDDLE[i // 10 % 8]} {GIVEN[i // 80 % 12]}",
                birth_date=dt.date(1966 + rng.randrange(35), 1 + rng.randrange(12), 1 + i % 28),
                gender=Gender.FEMALE if i % 2 else Gender.MALE,
                unit=places[rng.randrange(len(places))],
                rank=ranks[RANK_CODES[rng.randrange(len(RANK_CODES))]],
                position=positions[rng.randrange(len(positions))],
                hired_on=dt.date(2010, 1, 1),
            )
        )
        for i in range(n)
    ]
    Person.objects.bulk_create(people, batch_size=2000)


def _item(topic: int, i: int) -> ItemData:
    key = (topic + i) % 4
    return ItemData(
        kind=Kind.SINGLE,
        stem=f"Câu hỏi chủ đề {topic + 1}, số {i + 1}: phương án nào đúng?",
        difficulty=Difficulty.MEDIUM,
        options=[
            OptionData(
                text=f"Phương án {'ABCD'[o]} của câu {topic + 1}.{i + 1}",
                correct=o == key,
                fraction=1.0 if o == key else 0.0,
            )
            for o in range(4)
        ],
    )


def _plan(root: Unit, n_rooms: int, seed: int) -> tuple[Plan, BlueprintPart, Sitting]:
    plan = plan_create(
        actor=None,
        code="BENCH-KQ",
        name="Kiểm tra, sát hạch công chức (đo hiệu năng báo cáo)",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 4, 30),
        exam_profile="TT22-2025",
    )
    plan_scope_set(actor=None, plan=plan, units=[root])
    candidates_generate(actor=None, plan=plan)
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
    for t, (code, name, _offset) in enumerate(TOPICS):
        topic = topic_fill_derived(Topic(code=code, name=name))
        topic.save()
        for i in range(ITEMS_PER_TOPIC):
            item = item_create(actor=None, topic=topic, data=_item(t, i))
            item_submit(actor=None, item=item)
            item_approve(actor=None, item=item)
        blueprint_cell_add(
            actor=None,
            part=part,
            topic=topic,
            count=FORM_ITEMS // len(TOPICS),
            points=Decimal(1),
            item_kind="single",
        )
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
    proctors = Person.objects.bulk_create(
        [
            person_fill_derived(
                Person(
                    code=f"GT{i:05d}",
                    full_name=f"Giám Thị {i + 1}",
                    birth_date=dt.date(1980, 1, 1),
                    gender=Gender.MALE,
                    unit=root,
                )
            )
            for i in range(2 * n_rooms)
        ]
    )
    memberships = BoardMembership.objects.bulk_create(
        [BoardMembership(plan=plan, board=Board.PROCTORING, person=p) for p in proctors]
    )
    ProctorAssignment.objects.bulk_create(
        [
            ProctorAssignment(sitting=sitting, room=rooms[i // 2], membership=m, role=1 + i % 2)
            for i, m in enumerate(memberships)
        ]
    )
    sitting_finalise(actor=None, sitting=sitting)
    part_assemble(actor=None, part=part, seed=seed)
    forms_seal(actor=None, part=part)
    sitting_open(actor=None, sitting=sitting)
    return plan, part, sitting


def _answers(part: BlueprintPart, rng: random.Random) -> tuple[list[tuple], list[tuple]]:
    """Return the response rows and the attempt updates of every candidate who sits."""
    versions = ItemVersion.objects.filter(pk__in=part_items(part)).values_list(
        "pk", "content", "item__topic__code"
    )
    offset = {code: off for code, _name, off in TOPICS}
    keys, difficulty = {}, {}
    for pk, content, topic in versions:
        keys[pk] = next(i for i, o in enumerate(content["options"]) if o["correct"])
        difficulty[pk] = offset[topic] + rng.gauss(0, 0.7)
    saved = connection.ops.adapt_datetimefield_value(T0 + dt.timedelta(minutes=30))
    responses: list[tuple] = []
    updates: list[tuple] = []
    attempts = Attempt.objects.filter(sitting__part=part).values_list(
        "pk", "form__items", "form__option_orders"
    )
    for attempt_id, items, orders in attempts:
        if rng.random() < ABSENT_SHARE:
            continue
        ability = rng.gauss(0.9, 1.0)
        correct = 0
        for position, vid in enumerate(items):
            if rng.random() < BLANK_SHARE:
                continue
            order = orders[position] or [0, 1, 2, 3]
            right = order.index(keys[vid])
            if rng.random() < 1 / (1 + math.exp(difficulty[vid] - ability)):
                choice = right
                correct += 1
            else:
                choice = rng.choice([p for p in range(len(order)) if p != right])
            responses.append((attempt_id, vid, json.dumps({"choice": choice}), position + 1, saved))
        updates.append((correct, correct, attempt_id))
    return responses, updates


def _insert_responses(rows: list[tuple]) -> None:
    table = Response._meta.db_table
    columns = "attempt_id, item_id, answer, seq, saved_at"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor: COPY
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
                rows,
            )


def _submit(updates: list[tuple], sitting: Sitting) -> None:
    adapt = connection.ops.adapt_datetimefield_value
    started, finished = adapt(T0), adapt(T0 + dt.timedelta(minutes=50))
    checked_in = adapt(T0 - dt.timedelta(minutes=10))
    deadline = adapt(T0 + dt.timedelta(minutes=60))
    table = Attempt._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET state = %s, checked_in_at = %s, started_at = %s, "  # noqa: S608
            "finished_at = %s, deadline = %s, last_seen_at = %s, updated_at = %s, "
            "raw_score = %s, max_score = %s, correct_count = %s WHERE id = %s",
            [
                (
                    AttemptState.SUBMITTED,
                    checked_in,
                    started,
                    finished,
                    deadline,
                    finished,
                    finished,
                    points,
                    FORM_ITEMS,
                    count,
                    pk,
                )
                for points, count, pk in updates
            ],
        )
    RoomSession.objects.filter(sitting=sitting).update(
        state=RoomState.CLOSED, started_at=T0, closed_at=T0 + dt.timedelta(minutes=60)
    )


def _incidents(plan: Plan, sitting: Sitting, n: int) -> None:
    """Record ``n`` incidents: machine changes, and a reprimand in every fifth."""
    profile = profiles.get(plan.exam_profile)
    attempts = list(
        Attempt.objects.filter(sitting=sitting, state=AttemptState.SUBMITTED)
        .order_by("pk")
        .values_list("pk", flat=True)[:n]
    )
    rows = []
    for i, pk in enumerate(attempts):
        sanction = Sanction.REPRIMAND if i % 5 == 0 else Sanction.NONE
        deduction, basis = sanction_deduction(profile, sanction)
        description = (
            "Trao đổi bài sau khi đã được nhắc nhở"
            if sanction == Sanction.REPRIMAND
            else "Máy tính bị treo, đổi sang máy dự phòng"
        )
        rows.append(
            Incident(
                attempt_id=pk,
                sanction=sanction,
                description=description,
                deduction_percent=deduction,
                basis=basis,
                profile=profile.ref,
            )
        )
    Incident.objects.bulk_create(rows)


def _organiser(root: Unit) -> User:
    user = User(username="tochuc-bench", full_name="Cán bộ Ban Tổ chức")
    user.set_unusable_password()
    user.save()
    RoleAssignment.objects.create(user=user, role=Role.ORGANISER, unit=root)
    return user


def seed(n: int, seed_value: int) -> dict[str, Any]:
    rng = random.Random(seed_value)
    root, places = _province()
    _people(n, places, rng)
    n_rooms = max(1, math.ceil(n / ROOM_SIZE))
    plan, part, sitting = _plan(root, n_rooms, seed_value)
    responses, updates = _answers(part, rng)
    with transaction.atomic():
        _insert_responses(responses)
        _submit(updates, sitting)
    _incidents(plan, sitting, max(1, n // 500))
    # Fresh planner statistics, as autovacuum (PostgreSQL) would gather after a load this size;
    # without them PostgreSQL guesses two rows where there are twenty thousand.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "plan": plan,
        "part": part,
        "organiser": _organiser(root),
        "rooms": n_rooms,
        "responses": len(responses),
        "submitted": len(updates),
    }


# --- Timing ---------------------------------------------------------------------------------------


def _timed(figures: dict[str, Any], name: str, call: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = call()
    figures[name] = round(time.perf_counter() - started, 3)
    return value


def _score_all(part: BlueprintPart) -> tuple[float, float, int]:
    """Score every submitted attempt from its stored answers with ``form_score`` (what
    submission does for one attempt), reading the answers as a bulk rescoring would: one
    value list, each distinct answer text parsed once; return (seconds end to end, seconds of
    the pure scoring loop, attempts scored)."""
    started = time.perf_counter()
    plan = part.plan
    versions = ItemVersion.objects.only("id", "kind", "content", "points").in_bulk(part_items(part))
    submitted = Attempt.objects.filter(sitting__part=part, state=AttemptState.SUBMITTED)
    forms = {
        pk: (json.loads(items), json.loads(orders))
        for pk, items, orders in submitted.values_list(
            "pk", Cast("form__items", TextField()), Cast("form__option_orders", TextField())
        )
    }
    answers: dict[int, dict[int, Any]] = {pk: {} for pk in forms}
    parsed: dict[str, Any] = {}
    for attempt_id, item_id, text in (
        Response.objects.filter(attempt__in=submitted)
        .values_list("attempt_id", "item_id", Cast("answer", TextField()))
        .iterator(chunk_size=10000)
    ):
        answer = parsed.get(text)
        if answer is None:
            answer = parsed[text] = json.loads(text)
        answers[attempt_id][item_id] = answer
    loop_started = time.perf_counter()
    for pk, (items, orders) in forms.items():
        form_score(
            items=items,
            option_orders=orders,
            versions=versions,
            answers=answers[pk],
            rule=plan.multiple_response_rule,
        )
    ended = time.perf_counter()
    return ended - started, ended - loop_started, len(forms)


def _sql_group_by(plan: Plan) -> int:
    """One raw aggregate of the overall results by unit: the floor of a GROUP BY here."""
    results = PlanResult._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.unit_id, COUNT(*), SUM(CASE WHEN r.passed THEN 1 ELSE 0 END), "  # noqa: S608
            f"SUM(r.percent) FROM {results} r "
            "JOIN plans_candidate c ON c.id = r.candidate_id "
            "JOIN org_person p ON p.id = c.person_id "
            "WHERE r.plan_id = %s GROUP BY p.unit_id",
            [plan.pk],
        )
        return len(cursor.fetchall())


def run(args: Any = None) -> dict[str, Any]:
    """Seed 20,000 (× ``scale``) submitted attempts and time scoring and every report."""
    scale = float(getattr(args, "scale", 1.0))
    seed_value = int(getattr(args, "seed", 2019))
    n = max(10, round(N_CANDIDATES * scale))
    figures: dict[str, Any] = {}

    started = time.perf_counter()
    seeded = seed(n, seed_value)
    figures["seed_s"] = round(time.perf_counter() - started, 1)
    plan, part, organiser = seeded["plan"], seeded["part"], seeded["organiser"]
    figures |= {
        "candidates": n,
        "submitted": seeded["submitted"],
        "responses": seeded["responses"],
        "rooms": seeded["rooms"],
    }

    scoring_s, pure_s, scored = _score_all(part)
    figures["score_attempts_s"] = round(scoring_s, 3)
    figures["pure_scoring_s"] = round(pure_s, 3)
    report = _timed(
        figures, "results_compute_s", lambda: results_compute(actor=organiser, plan=plan)
    )
    figures["results_complete"] = report.candidates - report.pending
    figures["results_passed"] = report.passed

    scope = report_scope_get(user=organiser, plan=plan)
    timed = ["results_compute_s"]

    def time_it(name: str, call: Callable[[], Any]) -> Any:
        timed.append(name)
        return _timed(figures, name, call)

    total = time_it("summary_s", lambda: selectors.summary(scope))
    time_it("histogram_total_s", lambda: selectors.total_histogram(scope))
    time_it("histogram_parts_s", lambda: selectors.part_histograms(scope))
    for dimension in selectors.DIMENSIONS:
        time_it(f"by_{dimension}_s", functools.partial(selectors.breakdown, scope, dimension))
    topics = time_it("topic_stats_s", lambda: selectors.topic_stats(scope))
    below = time_it("below_bar_s", lambda: selectors.below_bar(scope))
    for kind, label in ((SUMMARY, "summary_by_unit"), (DISTRIBUTIONS, "distributions")):
        for fmt in ("xlsx", "pdf"):
            export = functools.partial(
                report_export, actor=organiser, scope=scope, kind=kind, fmt=fmt
            )
            time_it(f"{fmt}_{label}_s", export)
    for fmt in ("xlsx", "pdf"):
        export = functools.partial(
            report_export, actor=organiser, scope=scope, kind=BELOW_BAR, fmt=fmt
        )
        time_it(f"{fmt}_below_bar_s", export)
    summary_pdf = time_it("pdf_results_summary_s", lambda: results_summary_pdf(scope))

    _timed(figures, "sql_group_by_s", lambda: _sql_group_by(plan))

    figures["total_s"] = round(sum(figures[name] for name in timed), 3)
    figures["total_with_scoring_s"] = round(figures["total_s"] + figures["score_attempts_s"], 3)
    figures["under_target"] = figures["total_s"] < TARGET_S
    figures["target_s"] = TARGET_S
    figures["attempts_scored"] = scored
    figures["pass_rate_pct"] = float(total.pass_rate or 0)
    figures["below_bar"] = sum(len(g.rows) for g in below)
    for part_topics in topics:
        for row in part_topics.rows:
            figures[f"pct_correct_{row.code}"] = float(row.percent_correct or 0)
    figures["results_summary_pdf_bytes"] = len(summary_pdf)
    figures["scoring_to_pure"] = round(scoring_s / pure_s, 2) if pure_s else None
    figures["by_unit_to_sql"] = (
        round(figures["by_unit_s"] / figures["sql_group_by_s"], 2)
        if figures["sql_group_by_s"]
        else None
    )
    return figures
