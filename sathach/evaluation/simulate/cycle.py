"""The run: each step in turn, timed, then the reports written into the output folder."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils import timezone

from sathach.accounts.models import User
from sathach.core.errors import ServiceError
from sathach.demo.bank_seed import bank_exists, bank_seed
from sathach.demo.province import DEFAULT_SEED, ROOT_CODE, demo_exists, province_seed
from sathach.evaluation.exports import distribution_xlsx
from sathach.evaluation.selectors import distribution
from sathach.evaluation.services import (
    outcomes_export_xlsx,
    review_export_xlsx,
    training_export_xlsx,
)
from sathach.grading.pdf import coding_record_pdf, reconciliation_pdf
from sathach.org.models import Person, Unit
from sathach.plans.constants import PartKind
from sathach.plans.models import Plan
from sathach.results.reports.access import report_scope_get
from sathach.results.reports.services import BELOW_BAR, SUMMARY, report_export
from sathach.results.services import results_export_xlsx

from . import exam, marking
from .base import ORGANISER_LOGIN, Context, Say, SimulationReport
from .rating import classification_step
from .streamlining import streamlining_step


def demo_ensure(*, scale: float, say: Say) -> None:
    """Seed the demo province and bank the way ``sathach demo --no-serve`` does; refuse a
    database whose roster is not the demo's (a real province's data is never touched)."""
    if not demo_exists():
        if Person.objects.exists():
            raise ServiceError(
                "Cơ sở dữ liệu này có danh sách công chức không phải tỉnh mẫu: hãy chạy mô "
                "phỏng trên một cơ sở dữ liệu riêng (DATABASE_URL).",
                code="not_demo",
            )
        say(f"Chưa có tỉnh mẫu: tạo (seed {DEFAULT_SEED}, quy mô {scale})…")
        province_seed(seed=DEFAULT_SEED, scale=scale)
    if not bank_exists():
        say("Chưa có ngân hàng câu hỏi mẫu: tạo…")
        bank_seed(seed=DEFAULT_SEED)


class Simulation:
    """One run of the cycle for ``candidates`` people, seeded with ``seed``."""

    def __init__(
        self,
        *,
        candidates: int,
        seed: int,
        out: Path,
        scale: float = 1.0,
        say: Say = print,
        marking_records: bool = False,
    ) -> None:
        self.scale = scale
        # The two records of the written part list every script: about 70 s of PDF for
        # 2,000 scripts, so they are written on request only.
        self.marking_records = marking_records
        self.ctx = Context(
            n=candidates,
            seed=seed,
            today=timezone.localdate(),
            report=SimulationReport(seed=seed, out=out),
            say=say,
        )
        self.boards: marking.Boards | None = None

    @property
    def report(self) -> SimulationReport:
        return self.ctx.report

    def _timed(self, phase: str, call: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        value = call()
        self.report.seconds[phase] = self.report.seconds.get(phase, 0.0) + (
            time.perf_counter() - started
        )
        return value

    def run(self) -> SimulationReport:
        ctx = self.ctx
        self._timed("tỉnh mẫu", lambda: demo_ensure(scale=self.scale, say=ctx.say))
        ctx.actor = User.objects.get(username=ORGANISER_LOGIN)
        code = f"SIM{ctx.seed}"
        if Plan.objects.filter(code=code).exists():
            raise ServiceError(
                f"Đã có kế hoạch {code} trong cơ sở dữ liệu: hãy dùng seed khác "
                "hoặc một cơ sở dữ liệu mới.",
                code="plan_exists",
            )
        plan = self._timed("kế hoạch, đề, ca thi", lambda: self._plan(code))
        boards = self.boards = self._test(plan, "", gains={}, boards=None)
        trained = self._timed("bồi dưỡng", lambda: exam.training_step(ctx, plan))
        retest = self._timed("kế hoạch kiểm tra lại", lambda: exam.retest_plan_create(ctx, plan))
        if retest is not None:
            self.report.retest_plan = retest
            self._test(retest, "6. ", gains=exam.retest_gains(plan, trained), boards=boards)
        self._timed("xếp loại", lambda: classification_step(ctx, plan, retest))
        self.report.review = self._timed("tinh giản", lambda: streamlining_step(ctx))
        self._timed("báo cáo", lambda: self.exports(plan, retest))
        return self.report

    def _plan(self, code: str) -> Plan:
        plan = exam.plan_prepare(self.ctx, code=code, persons=exam.draw_persons(self.ctx))
        self.report.plan = plan
        return plan

    def _test(
        self, plan: Plan, prefix: str, *, gains: dict[int, float], boards: marking.Boards | None
    ) -> marking.Boards:
        """Steps 1–4 for ``plan`` (titles numbered "6." for the re-test)."""
        ctx = self.ctx
        retest = bool(prefix)
        title = f"6. Kế hoạch kiểm tra lại {plan.code}" if retest else f"1. Kế hoạch {plan.code}"
        morning, afternoon = self._timed(
            "kế hoạch, đề, ca thi", lambda: exam.sittings_prepare(ctx, plan, title)
        )
        figures = self._timed("ca thi", lambda: exam.mcq_sitting_simulate(ctx, morning, gains))
        written, deserved = self._timed(
            "ca thi", lambda: exam.written_sitting_simulate(ctx, afternoon, gains)
        )
        ctx.step(f"{prefix or '2. '}Ca thi {plan.code}", figures + written)
        seated = self._timed(
            "chấm bài viết",
            lambda: marking.marking_run(ctx, plan, boards, deserved),
        )
        ctx.step(f"{prefix or '3. '}Chấm {plan.code}", marking.marking_figures(plan))
        results_title = "6. Kết quả kiểm tra lại" if retest else "4. Kết quả"
        self._timed("kết quả", lambda: exam.results_step(ctx, plan, f"{results_title} {plan.code}"))
        return seated

    # --- reports ------------------------------------------------------------------------------

    def _write(self, name: str, content: bytes) -> None:
        path = self.report.out / name
        path.write_bytes(content)
        self.report.files.append(path)

    def exports(self, plan: Plan, retest: Plan | None) -> None:
        actor = self.ctx.actor
        self.report.out.mkdir(parents=True, exist_ok=True)
        for source in (plan, retest):
            if source is None:
                continue
            source.refresh_from_db()
            scope = report_scope_get(user=actor, plan=source)
            self._write(
                f"ket-qua-{source.code}.xlsx", results_export_xlsx(actor=actor, plan=source)
            )
            for kind in (SUMMARY, BELOW_BAR):
                for fmt in ("xlsx", "pdf"):
                    export = report_export(actor=actor, scope=scope, kind=kind, fmt=fmt)
                    self._write(export.filename, export.content)
        if self.marking_records:
            self._marking_records(plan)
        self._write(f"boi-duong-{plan.code}.xlsx", training_export_xlsx(actor=actor, plan=plan))
        self._write(
            f"ket-qua-boi-duong-{plan.code}.xlsx", outcomes_export_xlsx(actor=actor, plan=plan)
        )
        root = Unit.objects.get(code=ROOT_CODE)
        year = self.ctx.today.year
        rows = distribution(user=actor, unit=root, years=[year - 1, year])
        self._write(f"xep-loai-{year}.xlsx", distribution_xlsx(unit=root, rows=rows))
        review = self.report.review
        if review is not None:
            self._write(
                f"tinh-gian-{review.year}.xlsx", review_export_xlsx(actor=actor, review=review)
            )

    def _marking_records(self, plan: Plan) -> None:
        """The coding and re-matching record and the reconciliation record of the written
        part (domain.md §1.6), printed by Ban phách and the head of Ban chấm thi."""
        part = plan.parts.get(kind=PartKind.WRITTEN)
        if self.boards is not None:
            marking.marking_records(self.boards, part)
        self._write(f"bien-ban-phach-{plan.code}.pdf", coding_record_pdf(part))
        self._write(f"bien-ban-doi-chieu-{plan.code}.pdf", reconciliation_pdf(part))


def simulate(
    *,
    candidates: int,
    seed: int,
    out: Path,
    scale: float = 1.0,
    say: Say = print,
    marking_records: bool = False,
) -> SimulationReport:
    """Run the whole cycle (see the package docstring) and return its figures and files;
    ``marking_records`` adds the coding and reconciliation records of the written part."""
    simulation = Simulation(
        candidates=candidates,
        seed=seed,
        out=out,
        scale=scale,
        say=say,
        marking_records=marking_records,
    )
    return simulation.run()
