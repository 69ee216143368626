"""A whole testing cycle, headless, on the demo province (``sathach simulate``).

plan → forms → a simulated computer sitting → objective marking at submit → results →
training for those below the bar → re-test plan and sitting → annual classification →
streamlining list. Every write goes through the services an organiser uses; only the
candidates' behaviour is simulated, from a seeded 2PL-style ability model, so one seed gives
the same figures every time on a fresh database.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone

from sathach.accounts.models import User
from sathach.bank.constants import Difficulty
from sathach.bank.models import ItemVersion
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
)
from sathach.demo.bank_seed import bank_exists, bank_seed
from sathach.demo.plan_seed import demo_part_add
from sathach.demo.province import DEFAULT_SEED, ROOT_CODE, demo_exists, province_seed
from sathach.demo.sitting_seed import PROCTOR_UNIT, sitting_seed
from sathach.evaluation.constants import Level, PeriodKind, Section
from sathach.evaluation.exports import distribution_xlsx
from sathach.evaluation.models import AnnualEvaluation, StreamliningReview
from sathach.evaluation.outcome import evaluation_outcome
from sathach.evaluation.selectors import distribution, review_listing
from sathach.evaluation.selectors_training import below_bar
from sathach.evaluation.services import (
    evaluation_comment,
    evaluation_decide,
    evaluation_propose,
    evaluation_self_assess,
    outcomes_export_xlsx,
    retest_create,
    review_create,
    review_export_xlsx,
    task_record_add,
    training_assign_bulk,
    training_complete,
    training_export_xlsx,
)
from sathach.org.models import Person, Unit
from sathach.plans.constants import CandidateStatus, PartKind
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BlueprintPart, Candidate, Plan, Sitting
from sathach.plans.services import plan_candidate_add, plan_create, plan_scope_set
from sathach.results.models import PlanResult
from sathach.results.reports.access import report_scope_get
from sathach.results.reports.services import BELOW_BAR, SUMMARY, report_export
from sathach.results.services import results_compute, results_export_xlsx, results_publish

ORGANISER_LOGIN = "bantochuc"  # the demo's organiser (Ban Tổ chức Tỉnh ủy), scope: province
# 2PL-style model: P(right) = 1 / (1 + exp(-D a (θ - b))), b by the item's difficulty level.
D = 1.7
DIFFICULTY_B: dict[str, float] = {
    Difficulty.EASY: -1.2,
    Difficulty.MEDIUM: -0.2,
    Difficulty.HARD: 0.9,
}
ABILITY_MEAN, ABILITY_SD = 0.45, 0.9
ABSENT_SHARE = 0.01  # candidates who do not come to the sitting
TRAINING_COMPLETED_SHARE = 0.85  # of those sent on the course, who complete it
TRAINING_GAIN, NO_TRAINING_GAIN = 0.9, 0.3  # ability gained before the re-test


def _vn(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


@dataclass
class Step:
    title: str
    figures: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class SimulationReport:
    seed: int
    out: Path
    steps: list[Step] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    plan: Plan | None = None
    retest_plan: Plan | None = None
    review: StreamliningReview | None = None
    seconds: dict[str, float] = field(default_factory=dict)


Say = Callable[[str], None]


class Simulation:
    """One run of the cycle for ``candidates`` people, seeded with ``seed``."""

    def __init__(
        self, *, candidates: int, seed: int, out: Path, scale: float = 1.0, say: Say = print
    ) -> None:
        self.n = candidates
        self.seed = seed
        self.scale = scale
        self.say = say
        self.rng = np.random.default_rng(seed)
        self.today = timezone.localdate()
        self.report = SimulationReport(seed=seed, out=out)
        self.ability: dict[int, float] = {}  # person pk → θ
        self.actor: User | None = None

    # --- the run --------------------------------------------------------------------------

    def run(self) -> SimulationReport:
        self._demo_ensure()
        self.actor = User.objects.get(username=ORGANISER_LOGIN)
        code = f"SIM{self.seed}"
        if Plan.objects.filter(code=code).exists():
            raise ServiceError(
                f"Đã có kế hoạch {code} trong cơ sở dữ liệu: hãy dùng seed khác "
                "hoặc một cơ sở dữ liệu mới.",
                code="plan_exists",
            )
        persons = self._draw_persons()
        plan, part = self.plan_prepare(code=code, persons=persons)
        sitting = self.sitting_prepare(plan, part)
        self.sitting_simulate(sitting, gains={})
        self._marking_step(plan)
        self.results_step(plan, "4. Kết quả")
        trained = self.training_step(plan)
        retest = self.retest_step(plan, trained)
        self.classification_step(plan, retest)
        self.streamlining_step()
        self.exports(plan, retest)
        return self.report

    def _step(self, title: str, figures: list[tuple[str, Any]]) -> None:
        step = Step(title, figures)
        self.report.steps.append(step)
        self.say(f"[{title}] " + "; ".join(f"{k}: {v}" for k, v in figures))

    # --- 0. the demo province -------------------------------------------------------------

    def _demo_ensure(self) -> None:
        """Seed the demo province and bank the way ``sathach demo --no-serve`` does."""
        if not demo_exists():
            self.say(f"Chưa có tỉnh mẫu: tạo (seed {DEFAULT_SEED}, quy mô {self.scale})…")
            province_seed(seed=DEFAULT_SEED, scale=self.scale)
        if not bank_exists():
            self.say("Chưa có ngân hàng câu hỏi mẫu: tạo…")
            bank_seed(seed=DEFAULT_SEED)

    def _draw_persons(self) -> list[Person]:
        """Draw the candidates from the active roster, in a seeded order (proctors' agency
        left out, so the sitting finds its proctors there)."""
        pool = list(
            Person.objects.filter(is_active=True)
            .exclude(unit__code__startswith=PROCTOR_UNIT)
            .order_by("code")
            .values_list("pk", flat=True)
        )
        if len(pool) < self.n:
            raise ServiceError(
                f"Danh sách công chức chỉ có {len(pool)} người, ít hơn {self.n} thí sinh.",
                code="too_few",
            )
        order = self.rng.permutation(len(pool))
        chosen = [pool[i] for i in order]
        by_pk = Person.objects.in_bulk(chosen[: self.n * 2])
        return [by_pk[pk] for pk in chosen[: self.n * 2] if pk in by_pk]

    # --- 1. plan, forms, sitting ----------------------------------------------------------

    def plan_prepare(self, *, code: str, persons: Sequence[Person]) -> tuple[Plan, BlueprintPart]:
        """Create the plan over the province with ``self.n`` of ``persons`` (the rest are
        spares for those the conflict rules keep off) and its computer part."""
        plan = plan_create(
            actor=self.actor,
            code=code,
            name=f"Mô phỏng kiểm tra, sát hạch công chức (seed {self.seed})",
            starts_on=self.today,
            ends_on=self.today + dt.timedelta(days=60),
            exam_profile="TT22-2025",
            legal_basis="Kế hoạch mô phỏng (sathach simulate).",
        )
        plan_scope_set(actor=self.actor, plan=plan, units=[Unit.objects.get(code=ROOT_CODE)])
        added = refused = 0
        for person in persons:
            if added == self.n:
                break
            try:
                plan_candidate_add(
                    actor=self.actor,
                    plan=plan,
                    person=person,
                    reason="Rút ngẫu nhiên từ danh sách công chức cho mô phỏng",
                )
            except ServiceError:
                refused += 1
                continue
            added += 1
        part = demo_part_add(plan)
        self.report.plan = plan
        return plan, part

    def sitting_prepare(self, plan: Plan, part: BlueprintPart) -> Sitting:
        """Assemble and seal the forms, then rooms of 50, the sitting, proctors, finalise, open."""
        result = part_assemble(actor=self.actor, part=part, seed=self.seed)
        forms_seal(actor=self.actor, part=part)
        sitting = sitting_seed(plan=plan, part=part)
        included = Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).count()
        rooms = RoomSession.objects.filter(sitting=sitting).count()
        self._step(
            f"1. Kế hoạch {plan.code}",
            [
                ("thí sinh", included),
                ("đề đã niêm phong", len(result.forms)),
                ("độ chênh điểm kỳ vọng", _vn(result.spread, 2)),
                ("phòng thi", rooms),
                ("ca thi", "đã mở"),
            ],
        )
        return sitting

    # --- 2. the sitting -------------------------------------------------------------------

    def _theta(self, person_id: int) -> float:
        if person_id not in self.ability:
            self.ability[person_id] = float(self.rng.normal(ABILITY_MEAN, ABILITY_SD))
        return self.ability[person_id]

    def sitting_simulate(self, sitting: Sitting, *, gains: dict[int, float]) -> None:
        """Check everyone in, start the rooms, answer every item, submit, close the rooms."""
        attempts = list(
            Attempt.objects.filter(sitting=sitting)
            .select_related("session", "sitting__plan", "candidate", "form")
            .order_by("candidate__number", "pk")
        )
        item_ids = {vid for a in attempts for vid in a.form.items}
        versions = {
            v.pk: v
            for v in ItemVersion.objects.filter(pk__in=item_ids).only(
                "kind", "content", "difficulty"
            )
        }
        # Abilities are drawn in candidate order, so they do not depend on the database ids.
        thetas = {a.pk: self._theta(a.candidate.person_id) for a in attempts}
        absent = {a.pk for a in attempts if self.rng.random() < ABSENT_SHARE}
        now = timezone.now()
        checked_in = {}
        for attempt in attempts:
            if attempt.pk in absent:
                continue
            checked_in[attempt.pk], _token = attempt_check_in(attempt=attempt, now=now)
        sessions = list(RoomSession.objects.filter(sitting=sitting).order_by("pk"))
        for session in sessions:
            room_start(actor=self.actor, session=session, now=now)
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
                    p = 1.0 / (1.0 + math.exp(-D * (theta - b)))
                    correct = self.rng.random() < p
                    if correct:
                        original = key
                    else:
                        wrong = [i for i in range(len(options)) if i != key]
                        original = wrong[int(self.rng.integers(len(wrong)))]
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
            room_close(actor=self.actor, session=session, now=now)
        submitted = Attempt.objects.filter(sitting=sitting, state=AttemptState.SUBMITTED).count()
        self._step(
            f"2. Ca thi {sitting.plan.code}",
            [
                ("vào phòng", len(checked_in)),
                ("vắng", len(absent)),
                ("đã nộp bài", submitted),
                ("câu trả lời", answered),
                ("tỷ lệ đúng", f"{_vn(100 * right / max(1, answered))}%"),
                ("phòng đã kết thúc", len(sessions)),
            ],
        )

    def _marking_step(self, plan: Plan) -> None:
        self._step(
            f"3. Chấm {plan.code}",
            [
                ("phần trắc nghiệm", "chấm tự động khi nộp bài"),
                ("phần viết", "không có (mô phỏng bỏ qua chấm bài viết)"),
            ],
        )

    # --- 4. results -----------------------------------------------------------------------

    def results_step(self, plan: Plan, title: str) -> None:
        computed = results_compute(actor=self.actor, plan=plan)
        results_publish(
            actor=self.actor,
            plan=plan,
            decision_number=f"{plan.code}/QĐ-HĐKT",
            decision_date=self.today,
        )
        scores = [
            float(p or 0)
            for p in PlanResult.objects.filter(plan=plan, percent__isnull=False).values_list(
                "percent", flat=True
            )
        ]
        levels = ", ".join(
            f"{k or 'không xếp loại'} {v}" for k, v in sorted(computed.levels.items())
        )
        self._step(
            f"{title} {plan.code}",
            [
                ("đã tính", computed.candidates),
                ("đạt", computed.passed),
                ("chưa đạt", below_bar(Plan.objects.get(pk=plan.pk)).count()),
                ("điểm trung bình", f"{_vn(float(np.mean(scores)) if scores else 0.0)}%"),
                ("xếp loại", levels or "—"),
                ("công bố", "đã công bố"),
            ],
        )

    # --- 5. training ----------------------------------------------------------------------

    def training_step(self, plan: Plan) -> set[int]:
        """Send everyone below the bar on one course; a seeded share completes it."""
        plan.refresh_from_db()
        ids = sorted(below_bar(plan).values_list("candidate__person_id", flat=True))
        completed: set[int] = set()
        if ids:
            assignments = training_assign_bulk(
                actor=self.actor,
                plan=plan,
                person_ids=ids,
                course="Bồi dưỡng kiến thức quản lý nhà nước (mô phỏng)",
                provider="Trường Chính trị tỉnh Nghệ An",
                starts_on=self.today - dt.timedelta(days=30),
                ends_on=self.today - dt.timedelta(days=2),
            )
            for assignment in sorted(assignments, key=lambda a: a.person_id):
                if self.rng.random() < TRAINING_COMPLETED_SHARE:
                    training_complete(
                        actor=self.actor,
                        assignment=assignment,
                        completed_on=self.today - dt.timedelta(days=1),
                        passed=True,
                    )
                    completed.add(assignment.person_id)
        self._step(
            "5. Bồi dưỡng",
            [
                ("cử đi bồi dưỡng", len(ids)),
                ("hoàn thành", len(completed)),
                ("chưa hoàn thành", len(ids) - len(completed)),
            ],
        )
        return completed

    # --- 6. re-test -----------------------------------------------------------------------

    def retest_step(self, plan: Plan, trained: set[int]) -> Plan | None:
        """Create the re-test plan from the failures and run it like the first (steps 1–4)."""
        if not below_bar(plan).exists():
            self._step("6. Kiểm tra lại", [("không có ai chưa đạt", 0)])
            return None
        link = retest_create(
            actor=self.actor,
            plan=plan,
            code=f"{plan.code}-KTL",
            name=f"Kiểm tra lại sau kế hoạch {plan.code}",
            starts_on=self.today,
            ends_on=self.today + dt.timedelta(days=30),
        )
        retest = link.plan
        self.report.retest_plan = retest
        part = retest.parts.get(kind=PartKind.COMPUTER_MCQ)
        sitting = self.sitting_prepare(retest, part)
        gains = {pid: TRAINING_GAIN for pid in trained}
        failed_ids = below_bar(plan).values_list("candidate__person_id", flat=True)
        for pid in failed_ids:
            gains.setdefault(pid, NO_TRAINING_GAIN)
        self.sitting_simulate(sitting, gains=gains)
        self._marking_step(retest)
        self.results_step(retest, "6. Kết quả kiểm tra lại")
        return retest

    # --- 7. classification ----------------------------------------------------------------

    def classification_step(self, plan: Plan, retest: Plan | None) -> None:
        """Rate every candidate for this year: self-assess → comments → proposal → decision
        (HTT and below first, HTXS last, so the quota sees the whole group; NĐ 335/2025)."""
        year = self.today.year
        results = dict(
            PlanResult.objects.filter(plan=plan).values_list("candidate__person_id", "percent")
        )
        still_failed: set[int] = set()
        if retest is not None:
            still_failed = set(
                PlanResult.objects.filter(plan=retest, passed=False).values_list(
                    "candidate__person_id", flat=True
                )
            )
        persons = list(
            Person.objects.filter(pk__in=results)
            .exclude(evaluations__year=year)
            .select_related("unit")
            .order_by("code")
        )
        proposed: list[AnnualEvaluation] = []
        for person in persons:
            percent = float(results[person.pk] or 0)
            z = (percent - 65.0) / 15.0 + float(self.rng.normal(0, 0.5))
            failed = person.pk in still_failed
            for quarter in range(1, 5):
                done = 10 if not failed else int(self.rng.integers(4, 8))
                quality = 0 if not failed else int(self.rng.integers(1, 3))
                if not failed and z < -0.5 and self.rng.random() < 0.5:
                    quality = 1
                task_record_add(
                    actor=self.actor,
                    person=person,
                    year=year,
                    period_kind=PeriodKind.QUARTER,
                    period=quarter,
                    title=f"Nhiệm vụ quý {quarter}",
                    assigned=Decimal(10),
                    completed=Decimal(done),
                    quality_failures=quality,
                )
            general = Decimal(int(np.clip(round(25 + 3 * z), 10, 30)))
            if failed:
                general = min(general, Decimal(18))
            evaluation = evaluation_self_assess(
                actor=self.actor,
                person=person,
                year=year,
                self_assessment="Tự đánh giá (mô phỏng).",
                general_points=general,
            )
            evaluation = evaluation_comment(
                actor=self.actor, evaluation=evaluation, comments="Tập thể thống nhất (mô phỏng)."
            )
            level = evaluation_outcome(evaluation).level or Level.HT
            proposed.append(
                evaluation_propose(actor=self.actor, evaluation=evaluation, level=level)
            )
        order = {Level.KHT: 0, Level.HT: 1, Level.HTT: 2, Level.HTXS: 3}
        proposed.sort(key=lambda e: (order[Level(e.proposed_level)], e.person.code))
        refused = 0
        levels: Counter[str] = Counter()
        for evaluation in proposed:
            try:
                decided = evaluation_decide(
                    actor=self.actor, evaluation=evaluation, level=evaluation.proposed_level
                )
            except ServiceError as exc:
                if exc.code != "quota":
                    raise
                refused += 1
                decided = evaluation_decide(
                    actor=self.actor,
                    evaluation=evaluation,
                    level=Level.HTT,
                    reason=f"Không vượt tỷ lệ xuất sắc của đơn vị: {exc.message}",
                )
            levels[decided.level] += 1
        self._step(
            f"7. Xếp loại năm {year}",
            [
                *(
                    (str(Level(k).label), levels.get(k, 0))
                    for k in (Level.HTXS, Level.HTT, Level.HT)
                ),
                (str(Level.KHT.label), levels.get(Level.KHT, 0)),
                ("HTXS bị từ chối do vượt tỷ lệ (quyết định HTT)", refused),
            ],
        )

    # --- 8. streamlining ------------------------------------------------------------------

    def streamlining_step(self) -> None:
        year = self.today.year
        root = Unit.objects.get(code=ROOT_CODE)
        try:
            review = review_create(actor=self.actor, unit=root, year=year)
        except ServiceError as exc:
            if exc.code != "review_exists":
                raise
            review = StreamliningReview.objects.filter(unit=root, year=year).latest("pk")
        self.report.review = review
        listing = review_listing(user=self.actor, review=review)
        figures: list[tuple[str, Any]] = [
            (f"căn cứ {ground}", len(rows)) for ground, rows in listing.by_ground().items()
        ]
        figures += [
            ("đối tượng tinh giản", len(listing.sections[Section.CANDIDATE])),
            ("chưa xem xét (hoãn)", len(listing.sections[Section.DEFERRED])),
            ("thôi việc (không phải tinh giản)", len(listing.sections[Section.DISMISSAL])),
        ]
        self._step(f"8. Tinh giản biên chế {review.profile}", figures)

    # --- reports --------------------------------------------------------------------------

    def _write(self, name: str, content: bytes) -> None:
        path = self.report.out / name
        path.write_bytes(content)
        self.report.files.append(path)

    def exports(self, plan: Plan, retest: Plan | None) -> None:
        self.report.out.mkdir(parents=True, exist_ok=True)
        for source in (plan, retest):
            if source is None:
                continue
            source.refresh_from_db()
            scope = report_scope_get(user=self.actor, plan=source)
            self._write(
                f"ket-qua-{source.code}.xlsx", results_export_xlsx(actor=self.actor, plan=source)
            )
            for kind in (SUMMARY, BELOW_BAR):
                for fmt in ("xlsx", "pdf"):
                    export = report_export(actor=self.actor, scope=scope, kind=kind, fmt=fmt)
                    self._write(export.filename, export.content)
        self._write(
            f"boi-duong-{plan.code}.xlsx", training_export_xlsx(actor=self.actor, plan=plan)
        )
        self._write(
            f"ket-qua-boi-duong-{plan.code}.xlsx",
            outcomes_export_xlsx(actor=self.actor, plan=plan),
        )
        root = Unit.objects.get(code=ROOT_CODE)
        year = self.today.year
        rows = distribution(user=self.actor, unit=root, years=[year])
        self._write(f"xep-loai-{year}.xlsx", distribution_xlsx(unit=root, rows=rows))
        review = self.report.review
        if review is not None:
            self._write(
                f"tinh-gian-{review.year}.xlsx", review_export_xlsx(actor=self.actor, review=review)
            )


def simulate(
    *, candidates: int, seed: int, out: Path, scale: float = 1.0, say: Say = print
) -> SimulationReport:
    """Run the whole cycle (see the module docstring) and return its figures and files."""
    return Simulation(candidates=candidates, seed=seed, out=out, scale=scale, say=say).run()
