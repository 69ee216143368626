"""`sathach bench [NAME ...] [--json]`: run the benchmarks of bench/ (see bench/runner.py)."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


def _runner() -> ModuleType:
    """Import ``bench.runner``; ``bench/`` lives beside the project, not inside the package.

    The installed ``sathach`` script does not run from the repository, so put the repository
    root on the path when ``bench`` is not importable already.
    """
    try:
        return importlib.import_module("bench.runner")
    except ModuleNotFoundError as exc:
        if exc.name not in {"bench", "bench.runner"}:
            raise
    root = str(settings.BASE_DIR)
    if not (settings.BASE_DIR / "bench" / "runner.py").exists():
        raise CommandError(
            f"the benchmarks live in bench/ of a source checkout; none found at {root}"
        )
    sys.path.insert(0, root)
    return importlib.import_module("bench.runner")


class Command(BaseCommand):
    help = (
        "Run benchmarks from bench/ (all, or those named) on a fresh temporary database "
        "and print their figures with the machine they ran on."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--db",
            choices=["sqlite", "postgres"],
            help="the database to run on (must match DATABASE_URL)",
        )
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
        parser.add_argument(
            "--candidates", type=int, help="delivery: candidates who sit the test at once"
        )
        parser.add_argument("--workers", type=int, help="delivery: gunicorn workers")
        parser.add_argument(
            "--pg-tune",
            action="store_true",
            help=(
                "delivery: set PostgreSQL's checkpoint settings for a sitting during the run "
                "(ALTER SYSTEM, reset afterwards; needs a superuser)"
            ),
        )

    def handle(self, *args: object, **options: object) -> None:
        runner = _runner()
        if options["list"]:
            for name, module in runner.discover().items():
                summary = (module.__doc__ or "").strip().splitlines()
                self.stdout.write(f"{name:<12} {summary[0] if summary else ''}")
            return
        try:
            report = runner.run(
                list(options["names"]),  # type: ignore[call-overload]
                args=runner.BenchArgs(
                    seed=options["seed"],
                    scale=options["scale"],
                    candidates=options["candidates"],
                    workers=options["workers"],
                    pg_tune=bool(options["pg_tune"]),
                ),
                db=options["db"],
            )
        except runner.BenchError as exc:
            raise CommandError(str(exc)) from exc
        runner.print_report(report, as_json=bool(options["json"]), out=self.stdout)
