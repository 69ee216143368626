"""A computer sitting under load: N candidates start together and answer 60 items each.

``sathach bench delivery --candidates N [--db sqlite|postgres] [--workers W] [--json]``

Seeds an opened sitting of N candidates in rooms of 50 on sealed 60-item single-choice forms
(``sathach.demo.delivery_seed``), serves the app with gunicorn (gthread workers) in a
subprocess on the benchmark's fresh database, and runs ``bench/loadclient.py`` on it:

1. every candidate checks in with their code (timed on its own);
2. the proctors start every room, then all N candidates ``POST /start`` at once;
3. every candidate answers all 60 items, a think time apart (compressed: a 60-minute test in
   a few minutes); one item in ten is changed a few items later and half of those changes are
   followed by the older save sent again, which must come back ``stale`` and not overwrite;
4. the database is read directly: every acknowledged answer must be stored with the highest
   acknowledged sequence number of its (attempt, item) — ``lost`` counts those that are not.

Baseline, same run, same database: the answers table is emptied and the same candidates play
the same scripts against the bare endpoint (``sathach/delivery/bare.py``: a plain Django view
doing the same single-row upsert without ninja, token, or checks). ``ratio`` is the exam API's
saves/s over the bare endpoint's. At most ``CONCURRENCY`` requests are in flight; latency is
measured from when a request is sent. Targets (issue 5): 10,000 candidates on PostgreSQL, the
synchronised start finished within 60 s, p99 save < 250 ms, 0 errors, 0 lost, ratio ≥ 0.5.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection, connections

from bench.loadclient import (
    AppServer,
    Candidate,
    Client,
    Ledger,
    answer_script,
    percentile,
)
from sathach.delivery.models import Attempt, Response, RoomSession
from sathach.delivery.services import room_start
from sathach.demo.delivery_seed import delivery_seed

NAME = "delivery"
DEFAULT_CANDIDATES = 1000
CONCURRENCY = 256  # connections the load generator keeps open, a few hundred as a proxy would
THREADS = 8  # per gunicorn worker: requests wait on the database, threads overlap the waits
DEFAULT_WORKERS = 2  # one per core
# Think time between two answers, compressed: in a real sitting a candidate answers an item a
# minute; here SAVE_RATE_PER_CANDIDATE answers a second, so a 60-item test takes two minutes.
SAVE_RATE_PER_CANDIDATE = 0.5
# Saves/s the whole load offers at most (candidates think longer for large N): below what the
# app serves on this 2-core machine, so latency is service time, not a queue (at a real pace a
# sitting of 10,000 offers about 170 saves/s: 60 items in 60 minutes).
MAX_OFFERED_RATE = 500.0
# The bare endpoint is measured saturated: 1,000 candidates thinking 0.1 s offer 10,000
# saves/s, more than it can take on this machine.
CEILING_CANDIDATES = 1000
CEILING_THINK_S = 0.1


def database_url() -> str:
    """Return a URL of the benchmark's database (the runner's fresh one) for the server."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings.get("USER") or "")
    password = settings.get("PASSWORD") or ""
    auth = f"{user}:{quote(password)}@" if password else (f"{user}@" if user else "")
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings['NAME']}"


def think_time(n: int) -> float:
    """Return the mean seconds between a candidate's answers for ``n`` candidates."""
    return max(1.0 / SAVE_RATE_PER_CANDIDATE, n / MAX_OFFERED_RATE)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _latency(figures: dict[str, Any], prefix: str, values: list[float]) -> None:
    for q in (50, 95, 99):
        figures[f"{prefix}_p{q}_ms"] = _ms(percentile(values, q))


def _progress(message: str) -> None:
    """Tell the operator how a long run goes (stderr: stdout carries the report)."""
    print(f"[delivery {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# What docs/BENCHMARKS.md recommends for the database server of a computer sitting: no
# checkpoint during an hour of answers (each one rewrites every page the sitting touched, with
# full-page images in the WAL, and showed as 1-1.5 s windows of slow saves at 10,000
# candidates). The price is a longer crash recovery (replaying up to max_wal_size of WAL);
# durability is unchanged (synchronous_commit stays on: an acknowledged answer is on disk).
PG_SITTING_SETTINGS = {"checkpoint_timeout": "30min", "max_wal_size": "8GB"}


@contextmanager
def pg_sitting_settings(enabled: bool) -> Iterator[dict[str, str]]:
    """Apply ``PG_SITTING_SETTINGS`` with ALTER SYSTEM for the run and reset them after.

    Yields the settings in force (empty when not applied: SQLite, or not asked for).
    """
    if not enabled or connection.vendor != "postgresql":
        yield {}
        return
    with connection.cursor() as cursor:
        for name, value in PG_SITTING_SETTINGS.items():
            cursor.execute(f"ALTER SYSTEM SET {name} = %s", [value])
        cursor.execute("SELECT pg_reload_conf()")
    try:
        yield dict(PG_SITTING_SETTINGS)
    finally:
        connection.close()
        with connection.cursor() as cursor:
            for name in PG_SITTING_SETTINGS:
                cursor.execute(f"ALTER SYSTEM RESET {name}")
            cursor.execute("SELECT pg_reload_conf()")


def _checkpoints() -> int | None:
    """Return PostgreSQL's count of checkpoints so far (None on SQLite).

    Run in a thread from the load's event loop (Django's connection is per thread and must not
    be used from async code); each window of the progress report records the checkpoints that
    fell in it, so a slow window can be told from a checkpoint's write burst.
    """
    conn = connections["default"]
    if conn.vendor != "postgresql":
        return None
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")
            row = cursor.fetchone()
        return int(row[0]) if row else None
    finally:
        conn.close()


async def _report_progress(
    ledger: Ledger, windows: list[dict[str, Any]], every_s: float = 30.0
) -> None:
    started, last = time.perf_counter(), 0
    checkpoints = await asyncio.to_thread(_checkpoints)
    while True:
        await asyncio.sleep(every_s)
        saves = ledger.saves
        recent = ledger.latencies.get("save", [])[-(saves - last) or 1 :]
        now_checkpoints = await asyncio.to_thread(_checkpoints)
        window = {
            "at_s": round(time.perf_counter() - started),
            "saves_per_s": round((saves - last) / every_s),
            "p99_ms": _ms(percentile(recent, 99)),
            "checkpoints": (
                now_checkpoints - checkpoints
                if now_checkpoints is not None and checkpoints is not None
                else None
            ),
        }
        windows.append(window)
        checkpoints = now_checkpoints
        _progress(
            f"{saves:,} saves in {window['at_s']} s, {window['saves_per_s']}/s, "
            f"p99 {window['p99_ms']} ms, errors {sum(ledger.errors.values())}"
            + (f", checkpoints {window['checkpoints']}" if window["checkpoints"] else "")
        )
        last = saves


def window_summary(windows: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the per-window p99 of saves split by whether a checkpoint fell in the window."""
    with_cp = [w["p99_ms"] for w in windows if w["checkpoints"]]
    without = [w["p99_ms"] for w in windows if not w["checkpoints"]]
    return {
        "windows": len(windows),
        "checkpoint_windows": len(with_cp),
        "window_p99_max_ms_with_checkpoint": max(with_cp, default=None),
        "window_p99_median_ms_without_checkpoint": (
            sorted(without)[len(without) // 2] if without else None
        ),
        "window_p99_max_ms_without_checkpoint": max(without, default=None),
    }


def verify(ledger: Ledger) -> tuple[int, int]:
    """Return (lost, unacknowledged): acknowledged answers not stored with their sequence
    number, and stored answers newer than anything acknowledged (a reply that never came)."""
    stored = {
        (attempt, item): (seq, answer)
        for attempt, item, seq, answer in Response.objects.values_list(
            "attempt_id", "item_id", "seq", "answer"
        ).iterator(chunk_size=20_000)
    }
    lost = unacknowledged = 0
    for key, (seq, answer) in ledger.acked.items():
        held = stored.get(key)
        if held is None or held[0] < seq or (held[0] == seq and held[1] != answer):
            lost += 1
        elif held[0] > seq:
            unacknowledged += 1
    return lost, unacknowledged


async def _check_in(url: str, candidates: list[Candidate]) -> tuple[Ledger, float]:
    async with Client(url, concurrency=CONCURRENCY) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client.check_in(c) for c in candidates))
        return client.ledger, time.perf_counter() - started


async def _start_and_answer(
    url: str,
    candidates: list[Candidate],
    think_s: float,
    seed: int,
    *,
    bare: bool,
    start: bool = True,
    windows: list[dict[str, Any]] | None = None,
) -> tuple[Ledger, float, float]:
    """Start everyone at once (unless ``bare`` or already started), then play every
    candidate's script."""
    async with Client(url, concurrency=CONCURRENCY) as client:
        started = time.perf_counter()
        if start and not bare:
            await asyncio.gather(*(client.start(c) for c in candidates))
        start_s = time.perf_counter() - started
        started = time.perf_counter()
        ready = [c for c in candidates if c.items]
        _progress(f"{len(ready):,} started in {start_s:.1f} s; answering")
        progress = asyncio.create_task(
            _report_progress(client.ledger, windows if windows is not None else [])
        )
        await asyncio.gather(
            *(
                client.answer(
                    c,
                    answer_script(random.Random(seed + c.attempt), c.options),
                    think_s=think_s,
                    rng=random.Random(seed - c.attempt),
                    bare=bare,
                )
                for c in ready
            )
        )
        progress.cancel()
        return client.ledger, start_s, time.perf_counter() - started


def run(args: Any) -> dict[str, Any]:
    n = int(getattr(args, "candidates", None) or DEFAULT_CANDIDATES)
    workers = int(getattr(args, "workers", None) or DEFAULT_WORKERS)
    seed = int(getattr(args, "seed", 2019))
    figures: dict[str, Any] = {"candidates": n, "workers": workers, "threads": THREADS}
    started = time.perf_counter()
    seeded = delivery_seed(candidates=n, seed=seed)
    figures["seed_s"] = round(time.perf_counter() - started, 1)
    _progress(f"seeded {n:,} candidates in {figures['seed_s']} s; checking in")
    codes = list(
        Attempt.objects.filter(sitting=seeded.sitting)
        .order_by("pk")
        .values_list("checkin_code", flat=True)
    )
    candidates = [Candidate(code=code) for code in codes]
    think_s = think_time(n)
    figures.update(
        concurrency=CONCURRENCY,
        think_ms=round(think_s * 1000),
        offered_saves_per_s=round(n / think_s),
    )
    log = Path(tempfile.gettempdir()) / f"sathach-bench-delivery-{os.getpid()}.log"
    connection.close()  # the server's workers open their own connections
    with (
        pg_sitting_settings(bool(getattr(args, "pg_tune", False))) as tuned,
        AppServer(database_url(), workers=workers, threads=THREADS, log_path=str(log)) as server,
    ):
        figures["pg_settings"] = ", ".join(f"{k}={v}" for k, v in tuned.items()) or "as found"
        checkin, checkin_s = asyncio.run(_check_in(server.url, candidates))
        figures["checkin_s"] = round(checkin_s, 1)
        _latency(figures, "checkin", checkin.latencies.get("checkin", []))
        for session in RoomSession.objects.filter(sitting=seeded.sitting):
            room_start(actor=None, session=session)
        connection.close()
        windows: list[dict[str, Any]] = []
        ledger, start_s, answer_s = asyncio.run(
            _start_and_answer(server.url, candidates, think_s, seed, bare=False, windows=windows)
        )
        figures.update(window_summary(windows))
        figures["start_burst_s"] = round(start_s, 1)
        _latency(figures, "start", ledger.latencies.get("start", []))
        figures["answer_s"] = round(answer_s, 1)
        figures["saves"] = ledger.saves
        figures["saves_per_s"] = round(ledger.saves / answer_s, 1)
        _latency(figures, "save", ledger.latencies.get("save", []))
        figures["stale_resends"] = ledger.stale
        figures["overwritten_by_older"] = ledger.overwritten
        errors = checkin.errors + ledger.errors
        figures["errors"] = sum(errors.values()) + ledger.overwritten
        figures["lost"], figures["stored_unacknowledged"] = verify(ledger)
        if errors:
            figures["error_kinds"] = ", ".join(f"{k} {v}" for k, v in errors.most_common(5))
            figures["error_sample"] = (checkin.error_samples + ledger.error_samples)[0]

        # The ceiling: the same scripts on the bare endpoint, played by the first
        # CEILING_CANDIDATES candidates (enough to saturate it; the whole sitting again would
        # double the run for the same figure).
        Response.objects.all().delete()
        connection.close()
        sample = candidates[:CEILING_CANDIDATES]
        for c in sample:
            c.seq = 0
        bare, _, bare_s = asyncio.run(
            _start_and_answer(server.url, sample, CEILING_THINK_S, seed, bare=True)
        )
        # The exam API saturated the same way: the same candidates (started already), the
        # same scripts and think time, so the ratio compares like with like.
        Response.objects.all().delete()
        connection.close()
        for c in sample:
            c.seq = 0
        full, _, full_s = asyncio.run(
            _start_and_answer(server.url, sample, CEILING_THINK_S, seed, bare=False, start=False)
        )
    figures["capacity_saves_per_s"] = round(full.saves / full_s, 1)
    _latency(figures, "capacity_save", full.latencies.get("save", []))
    figures["capacity_errors"] = sum(full.errors.values()) + full.overwritten
    figures["capacity_lost"] = verify(full)[0]
    figures["ceiling_candidates"] = len(sample)
    figures["ceiling_saves"] = bare.saves
    figures["ceiling_saves_per_s"] = round(bare.saves / bare_s, 1)
    _latency(figures, "ceiling_save", bare.latencies.get("save", []))
    figures["ceiling_errors"] = sum(bare.errors.values()) + bare.overwritten
    figures["ceiling_lost"] = verify(bare)[0]
    # Like with like: both endpoints saturated by the same load.
    figures["ratio"] = round(figures["capacity_saves_per_s"] / figures["ceiling_saves_per_s"], 2)
    return figures
