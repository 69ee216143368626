"""`sathach demo`: create the database, seed the demo province (or reuse it), and serve it."""

from __future__ import annotations

import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from sathach.core.errors import ServiceError
from sathach.demo.bank_seed import bank_exists, bank_seed
from sathach.demo.plan_seed import (
    PLAN_CODE,
    plan_exists,
    plan_forms_seal,
    plan_forms_sealed,
    plan_seed,
)
from sathach.demo.province import (
    DEFAULT_SEED,
    DEMO_PASSWORD,
    database_counts,
    demo_exists,
    last_seed_event,
    logins_table,
    province_generate,
    province_rows,
    province_write,
)
from sathach.demo.sitting_seed import sitting_exists, sitting_seed
from sathach.plans.constants import PartKind
from sathach.plans.models import Plan

URL = "http://127.0.0.1:8000/"

# Labels of the printed figures.
FIGURES = (
    ("units", "Đơn vị"),
    ("blocks", "  khối"),
    ("agencies", "  cơ quan cấp tỉnh"),
    ("departments", "  phòng, ban"),
    ("communes", "  xã, phường"),
    ("former_districts", "  huyện cũ (đã giải thể 1/7/2025)"),
    ("persons", "Công chức"),
    ("leaders", "  lãnh đạo, quản lý"),
    ("party_members", "  đảng viên"),
    ("relatives", "Quan hệ thân nhân đã kê khai"),
    ("logins", "Tài khoản demo"),
)


class Command(BaseCommand):
    help = (
        "Create the database, seed the demo province of Nghệ An (reused if it already exists), "
        "print one login for every role, then serve on 127.0.0.1:8000."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help="seed of the generator (same seed, same province)",
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="share of the full roster to create (the tree is always full)",
        )
        parser.add_argument("--no-serve", action="store_true", help="seed and stop")

    def handle(self, *args: object, **options: object) -> None:
        seed = int(options["seed"])  # type: ignore[call-overload]
        scale = float(options["scale"])  # type: ignore[arg-type]
        call_command("migrate", interactive=False, verbosity=0)
        if demo_exists():
            event = last_seed_event()
            seeded = f" (seed {event.data.get('seed')})" if event else ""
            self.stdout.write(f"Cơ sở dữ liệu đã có tỉnh mẫu{seeded}: dùng lại, không tạo thêm.")
            counts = database_counts()
        else:
            started = time.perf_counter()
            province = province_generate(seed=seed, scale=scale)
            with tqdm(
                total=province_rows(province),
                desc="Tạo tỉnh mẫu",
                unit=" dòng",
                file=options.get("stderr") or sys.stderr,
                disable=options.get("verbosity") == 0,
            ) as bar:
                try:
                    report = province_write(province, progress=bar.update)
                except ServiceError as exc:
                    raise CommandError(exc.message) from exc
            counts = report.counts
            elapsed = f"{time.perf_counter() - started:.1f}".replace(".", ",")
            self.stdout.write(f"Đã tạo tỉnh mẫu (seed {seed}) trong {elapsed} giây.")
        if not bank_exists():
            bank_counts = bank_seed(seed=seed)
            self.stdout.write(
                f"Đã tạo ngân hàng câu hỏi mẫu: {bank_counts['items']} câu hỏi đã duyệt, "
                f"{bank_counts['topics']} chủ đề."
            )
        if not plan_exists():
            plan_seed(seed=seed)
            self.stdout.write(f"Đã tạo kế hoạch mẫu {PLAN_CODE}.")
        if not plan_forms_sealed():
            try:
                result = plan_forms_seal(seed=seed)
            except ServiceError as exc:
                raise CommandError(exc.message) from exc
            spread = f"{result.spread:.2f}".replace(".", ",")
            naive = f"{result.naive_spread:.2f}".replace(".", ",")
            self.stdout.write(
                f"Đã lập và niêm phong {len(result.forms)} đề phần 1 của kế hoạch {PLAN_CODE}: "
                f"độ chênh điểm kỳ vọng {spread} (rút ngẫu nhiên: {naive})."
            )
        plan = Plan.objects.get(code=PLAN_CODE)
        if not sitting_exists(plan):
            try:
                sitting = sitting_seed(plan=plan, part=plan.parts.get(kind=PartKind.COMPUTER_MCQ))
            except ServiceError as exc:
                raise CommandError(exc.message) from exc
            rooms = sitting.room_sessions.count()
            self.stdout.write(
                f"Đã mở ca thi trên máy tính của kế hoạch {PLAN_CODE}: {rooms} phòng máy; "
                "giám thị vào /coi-thi/, thí sinh vào /thi/."
            )
        self._figures(counts)
        self._logins()
        if not options["no_serve"]:
            call_command("serve", no_migrate=True)

    def _figures(self, counts: dict[str, int]) -> None:
        width = max(len(label) for _key, label in FIGURES)
        for key, label in FIGURES:
            figure = f"{counts.get(key, 0):,}".replace(",", ".")  # Vietnamese thousands mark
            self.stdout.write(f"  {label:<{width}}  {figure:>7}")

    def _logins(self) -> None:
        table = logins_table()
        if not table:
            return
        header = ("Đăng nhập", "Vai trò", "Phạm vi", "Công chức")
        widths = [max(len(row[i]) for row in (header, *table)) for i in range(len(header))]
        self.stdout.write("")
        for row in (header, tuple("-" * w for w in widths), *table):
            cells = (f"{cell:<{w}}" for cell, w in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())
        self.stdout.write(f"\nMật khẩu của mọi tài khoản demo: {DEMO_PASSWORD}")
        self.stdout.write(f"Mở {URL}")
