"""`sathach simulate`: a whole testing cycle, headless, on the demo province."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from sathach.core.errors import ServiceError
from sathach.evaluation.simulate import simulate

LABEL_COLUMN = 48


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


class Command(BaseCommand):
    help = (
        "Run a whole cycle on the demo province (seeded if missing): plan, forms, simulated "
        "sittings, marking (objective at submit; the written part coded, double marked, "
        "reconciled, re-matched), results, training, re-test, classification with Party "
        "ratings, streamlining list; print the figures of each step and write the main "
        "reports into a folder. Run it on a database of its own (DATABASE_URL)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--candidates", type=int, default=2000, help="number of candidates")
        parser.add_argument("--seed", type=int, default=1, help="seed (same seed, same run)")
        parser.add_argument("--out", default="", help="output folder (var/simulate-<seed>/)")
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="share of the roster when the demo province must be seeded first",
        )
        parser.add_argument(
            "--marking-records",
            action="store_true",
            help="also write the coding and reconciliation records (PDF) of the written part",
        )

    def handle(self, *args: object, **options: object) -> None:
        seed = int(options["seed"])  # type: ignore[call-overload]
        candidates = int(options["candidates"])  # type: ignore[call-overload]
        if candidates < 1:
            raise CommandError("--candidates phải lớn hơn 0.")
        out = Path(str(options["out"]) or f"var/simulate-{seed}")
        self.stdout.write(f"Cơ sở dữ liệu: {connection.vendor} {connection.settings_dict['NAME']}")
        call_command("migrate", interactive=False, verbosity=0)
        started = time.perf_counter()
        try:
            report = simulate(
                candidates=candidates,
                seed=seed,
                out=out,
                scale=float(options["scale"]),  # type: ignore[arg-type]
                say=self.stdout.write,
                marking_records=bool(options["marking_records"]),
            )
        except ServiceError as exc:
            raise CommandError(exc.message) from exc
        elapsed = _seconds(time.perf_counter() - started)
        self.stdout.write("")
        self.stdout.write(f"Tóm tắt (seed {seed}, {candidates} thí sinh, {elapsed} giây):")
        for step in report.steps:
            self.stdout.write(f"  {step.title}")
            # Pad short labels into a column; a long one (a ground and its article) runs on.
            width = min(LABEL_COLUMN, max((len(label) for label, _v in step.figures), default=0))
            for label, value in step.figures:
                self.stdout.write(f"    {label:<{width}}  {value}")
        timings = "; ".join(f"{phase} {_seconds(s)}" for phase, s in report.seconds.items())
        self.stdout.write(f"\nThời gian (giây): {timings}")
        self.stdout.write(f"\nBáo cáo trong thư mục {out.resolve()}:")
        for path in report.files:
            self.stdout.write(f"  {path.name}")
