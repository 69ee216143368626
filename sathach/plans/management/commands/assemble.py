"""`sathach assemble PLAN`: build the forms of a plan's MCQ parts and show they are parallel.

Beside our spread of expected scores it prints the spread of a naive random draw from the
same cells (what a random-question quiz does), so the gain is visible at a glance.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sathach.core.errors import ServiceError
from sathach.plans.constants import MCQ_KINDS, PartKind
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BlueprintPart, Plan


def _points(value: float) -> str:
    return f"{value:.3f}".replace(".", ",")


def _percent(value: float, of: float) -> str:
    return f"{100 * value / of:.2f}%".replace(".", ",") if of else "—"


class Command(BaseCommand):
    help = (
        "Lập đề cho các phần trắc nghiệm của kế hoạch PLAN (mỗi thí sinh một đề với phần thi "
        "trên máy tính, N mã đề với phần thi trên giấy) và so độ chênh điểm kỳ vọng với cách "
        "rút ngẫu nhiên."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan", help="mã kế hoạch")
        parser.add_argument("--part", type=int, help="chỉ lập đề phần thứ N")
        parser.add_argument("--seed", type=int, help="hạt giống (mặc định: ngẫu nhiên)")
        parser.add_argument(
            "--variants", type=int, default=None, help="số mã đề của phần thi trên giấy (4)"
        )
        parser.add_argument(
            "--tolerance", type=float, default=0.02, help="dung sai, phần của điểm tối đa (0,02)"
        )
        parser.add_argument("--report", action="store_true", help="in thêm độ phơi nhiễm câu hỏi")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
        parser.add_argument(
            "--seal",
            action="store_true",
            help="niêm phong đề ngay sau khi lập (không lập lại được nữa)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        plan = Plan.objects.filter(code=options["plan"]).first()
        if plan is None:
            raise CommandError(f"Không có kế hoạch mã “{options['plan']}”.")
        parts = BlueprintPart.objects.filter(plan=plan, kind__in=MCQ_KINDS).order_by("order")
        if options["part"] is not None:
            parts = parts.filter(order=options["part"])
        parts_list = list(parts)
        if not parts_list:
            raise CommandError(f"Kế hoạch “{plan.code}” không có phần thi trắc nghiệm cần lập đề.")
        seed = options["seed"] if options["seed"] is not None else secrets.randbelow(2**31)
        if seed < 0:
            raise CommandError("Hạt giống phải là số nguyên không âm.")
        rows = []
        for part in parts_list:
            started = time.perf_counter()
            try:
                result = part_assemble(
                    actor=None,
                    part=part,
                    seed=seed,
                    n_variants=options["variants"],
                    tolerance_fraction=options["tolerance"],
                )
                sealed = forms_seal(actor=None, part=part) if options["seal"] else 0
            except ServiceError as exc:
                raise CommandError(exc.message) from exc
            rows.append(
                {
                    "part": part.order,
                    "name": part.name,
                    "kind": part.kind,
                    "part_max_score": float(part.max_score),
                    **{
                        k: round(v, 6) if isinstance(v, float) else v
                        for k, v in result.summary().items()
                    },
                    "seconds": round(time.perf_counter() - started, 3),
                    "sealed": sealed,
                }
            )
        if options["json"]:
            self.stdout.write(json.dumps(self._object(plan, seed, rows), ensure_ascii=False))
        else:
            self._table(plan, seed, rows, report=options["report"])

    @staticmethod
    def _object(plan: Plan, seed: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
        """One object: the part's figures at the top level; with several parts, those of the
        part whose spread is the largest share of its tolerance, and every part in ``parts``."""

        def strain(row: dict[str, Any]) -> float:
            return row["spread"] / row["tolerance"] if row["tolerance"] else float("inf")

        worst = max(rows, key=strain)
        return {
            "plan": plan.code,
            "seed": seed,
            "forms": sum(r["forms"] for r in rows),
            "spread": worst["spread"],
            "naive_spread": worst["naive_spread"],
            "max_score": worst["max_score"],
            "tolerance": worst["tolerance"],
            "blueprint_ok": all(r["blueprint_ok"] for r in rows),
            "within_tolerance": all(r["within_tolerance"] for r in rows),
            "sealed": sum(r["sealed"] for r in rows),
            "parts": rows,
        }

    def _table(self, plan: Plan, seed: int, rows: list[dict[str, Any]], *, report: bool) -> None:
        write = self.stdout.write
        write(f"Kế hoạch {plan.code} — {plan.name} (hạt giống {seed})")
        for row in rows:
            kind = "mỗi thí sinh một đề" if row["kind"] == PartKind.COMPUTER_MCQ else "mã đề"
            top = row["max_score"]
            lines = [
                ("Số đề", f"{row['forms']} ({kind})"),
                ("Điểm tối đa (thô)", _points(top)),
                ("Dung sai", f"{_points(row['tolerance'])}  ({_percent(row['tolerance'], top)})"),
                (
                    "Chênh lệch — đề cân bằng (Sát Hạch)",
                    f"{_points(row['spread'])}  ({_percent(row['spread'], top)})",
                ),
                (
                    "Chênh lệch — rút ngẫu nhiên (kiểu Moodle)",
                    f"{_points(row['naive_spread'])}  ({_percent(row['naive_spread'], top)})",
                ),
                ("Đúng ma trận", "có" if row["blueprint_ok"] else "KHÔNG"),
                ("Trong dung sai", "có" if row["within_tolerance"] else "KHÔNG"),
                ("Đã niêm phong", f"{row['sealed']} đề" if row["sealed"] else "chưa"),
                ("Đề khác nhau", str(row["distinct_forms"])),
                (
                    "Độ phơi nhiễm (lớn nhất / trung bình)",
                    f"{_percent(row['exposure_max'], 1)} / {_percent(row['exposure_mean'], 1)}",
                ),
            ]
            if report:
                lines.append(("Điểm kỳ vọng mục tiêu", _points(row["target"])))
                lines.append(("Thời gian", f"{row['seconds']:.2f} giây".replace(".", ",")))
            width = max(len(label) for label, _value in lines)
            write(f"\nPhần {row['part']}: {row['name']}")
            for label, value in lines:
                write(f"  {label:<{width}}  {value}")
