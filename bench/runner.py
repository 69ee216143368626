"""Discover and run the benchmarks of ``bench/``, each against a fresh temporary database.

A benchmark is a module ``bench/bench_<name>.py`` with ``NAME`` and ``run(args) -> dict`` of
figures. Each run measures its subject and, in the same process, a baseline to compare it with
(figures alone drift with the machine; a ratio to a baseline run beside it does not). The runner
gives every benchmark its own empty, migrated database (unless the module says
``DATABASE = False``: pure computation), so the working database is never touched: a temporary
SQLite file, or a ``<name>_bench`` database on the PostgreSQL server that ``DATABASE_URL``
names. Every report starts with the machine it ran on; docs/BENCHMARKS.md
records the latest figures.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import platform
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import django
from django.db import connections

import bench


class BenchError(Exception):
    """A benchmark cannot run as asked (unknown name, database not available)."""


@dataclass(frozen=True)
class BenchArgs:
    """What a benchmark may be told: the demo seed and how much of the demo to build."""

    seed: int = 2019
    scale: float = 1.0
    candidates: int | None = None  # `delivery`: simulated candidates (its default when None)
    workers: int | None = None  # `delivery`: gunicorn workers of the app under load
    pg_tune: bool = False  # `delivery`: PostgreSQL's checkpoint settings for a sitting, for the run


# A name that runs several benchmarks: `sathach bench assembly` times the pure assembly and
# the same through the database (a plan of 20,000 candidates, forms written and sealed).
GROUPS = {"assembly": ("assembly", "assembly_db")}


def discover() -> dict[str, ModuleType]:
    """Return the benchmark modules of ``bench/`` by their ``NAME``, in file-name order."""
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda i: i.name):
        if info.name.startswith("bench_"):
            module = importlib.import_module(f"bench.{info.name}")
            found[module.NAME] = module
    return found


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    except (ValueError, OSError, AttributeError):
        return 0.0


def _database(alias: str = "default") -> str:
    connection = connections[alias]
    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        version = connection.pg_version  # type: ignore[attr-defined]
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    return connection.vendor


def machine_info() -> dict[str, Any]:
    """Return what the figures depend on: CPU, cores, RAM, OS, Python, Django, database."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count() or 0,
        "ram_gib": _ram_gib(),
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": _database(),
    }


@contextmanager
def fresh_database(db: str | None = None, alias: str = "default") -> Iterator[str]:
    """Point ``alias`` at a new, migrated database for the duration; drop it afterwards.

    ``db`` ("sqlite" or "postgres") must match the configured engine: the engine is chosen at
    start-up by ``DATABASE_URL``, so benchmark PostgreSQL by setting it, SQLite by unsetting it.
    """
    connection = connections[alias]
    vendor = {"sqlite": "sqlite", "postgres": "postgresql"}.get(db or "", connection.vendor)
    if vendor != connection.vendor:
        hint = "set DATABASE_URL=postgres://..." if vendor == "postgresql" else "unset DATABASE_URL"
        raise BenchError(f"the configured database is {connection.vendor}; {hint}")
    old_name = connection.settings_dict["NAME"]
    old_test_name = connection.settings_dict["TEST"].get("NAME")
    tmpdir = None
    if vendor == "sqlite":
        tmpdir = tempfile.mkdtemp(prefix="sathach-bench-")
        connection.settings_dict["TEST"]["NAME"] = str(Path(tmpdir) / "bench.sqlite3")
    else:
        connection.settings_dict["TEST"]["NAME"] = f"{old_name}_bench"
    try:
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            yield str(name)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    finally:
        connection.settings_dict["TEST"]["NAME"] = old_test_name
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)


def run(
    names: Sequence[str] = (), *, args: BenchArgs | None = None, db: str | None = None
) -> dict[str, Any]:
    """Run the named benchmarks (all when none is named); return machine info and figures."""
    available = discover()
    names = list(dict.fromkeys(n for name in names for n in GROUPS.get(name, (name,))))
    unknown = [name for name in names if name not in available]
    if unknown:
        raise BenchError(
            f"unknown benchmark: {', '.join(unknown)} (available: {', '.join(available) or 'none'})"
        )
    args = args or BenchArgs()
    report: dict[str, Any] = {"machine": machine_info(), "args": asdict(args), "results": {}}
    for name in names or list(available):
        started = time.perf_counter()
        module = available[name]
        with fresh_database(db) if getattr(module, "DATABASE", True) else nullcontext():
            figures = module.run(args)
        figures["wall_s"] = round(time.perf_counter() - started, 2)
        report["results"][name] = figures
    return report


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def print_report(report: dict[str, Any], *, as_json: bool = False, out: TextIO) -> None:
    """Print ``report`` as one JSON object, or as a machine line and one table per benchmark."""
    if as_json:
        out.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    machine = report["machine"]
    out.write(
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['ram_gib']} GiB RAM; "
        f"{machine['os']}; Python {machine['python']}, Django {machine['django']}; "
        f"{machine['database']}\n"
    )
    for name, figures in report["results"].items():
        width = max(len(key) for key in figures)
        out.write(f"\n{name}\n")
        for key, value in figures.items():
            out.write(f"  {key:<{width}}  {_format(value):>14}\n")
