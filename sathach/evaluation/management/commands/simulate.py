"""`sathach simulate`: a whole testing cycle, headless, on the demo province."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sathach.core.errors import ServiceError
from sathach.evaluation.simulate import simulate


class Command(BaseCommand):
    help = (
        "Run a whole cycle on the demo province (seeded if missing): plan, forms, a simulated "
        "sitting, marking, results, training, re-test, classification, streamlining list; "
        "print the figures of each step and write the main reports into a folder."
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

    def handle(self, *args: object, **options: object) -> None:
        seed = int(options["seed"])  # type: ignore[call-overload]
        candidates = int(options["candidates"])  # type: ignore[call-overload]
        if candidates < 1:
            raise CommandError("--candidates phải lớn hơn 0.")
        out = Path(str(options["out"]) or f"var/simulate-{seed}")
        call_command("migrate", interactive=False, verbosity=0)
        started = time.perf_counter()
        try:
            report = simulate(
                candidates=candidates,
                seed=seed,
                out=out,
                scale=float(options["scale"]),  # type: ignore[arg-type]
                say=self.stdout.write,
            )
        except ServiceError as exc:
            raise CommandError(exc.message) from exc
        elapsed = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        self.stdout.write("")
        self.stdout.write(f"Tóm tắt (seed {seed}, {candidates} thí sinh, {elapsed} giây):")
        for step in report.steps:
            self.stdout.write(f"  {step.title}")
            width = max((len(label) for label, _v in step.figures), default=0)
            for label, value in step.figures:
                self.stdout.write(f"    {label:<{width}}  {value}")
        self.stdout.write(f"\nBáo cáo trong thư mục {out.resolve()}:")
        for path in report.files:
            self.stdout.write(f"  {path.name}")
