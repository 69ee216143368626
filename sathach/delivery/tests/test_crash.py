"""Crash test (issue 5): the app server is SIGKILLed while candidates save answers.

The server runs as a subprocess (gunicorn, ``bench/loadclient.py``'s ``AppServer``) on a
database of its own that this test creates beside the suite's test database: a SQLite file, or
a PostgreSQL database on the same server when the suite runs on PostgreSQL. Candidates check
in, start and answer through the real API; mid-load the whole process group is killed; the
server is started again, and the clients resend what was not acknowledged with the same
sequence numbers, as the exam page's outbox does. Then the database itself is read: every
acknowledged answer must be stored with its highest acknowledged sequence number, and every
attempt's clock must be the one it had before the crash.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from bench.loadclient import AppServer, Candidate, Client, answer_script

pytestmark = [pytest.mark.xdist_group("crash")]

ROOT = Path(settings.BASE_DIR)
CANDIDATES = 40
THINK_S = 0.02
KILL_AFTER_SAVES = 700  # of about 40 × 69 saves

SETUP = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from sathach.delivery.models import Attempt, RoomSession
from sathach.delivery.services import room_start
from sathach.demo.delivery_seed import delivery_seed
seeded = delivery_seed(candidates={n})
for session in RoomSession.objects.filter(sitting=seeded.sitting):
    room_start(actor=None, session=session)
print(json.dumps(list(Attempt.objects.order_by("pk").values_list("checkin_code", flat=True))))
"""

READ = """
import json, django
django.setup()
from sathach.delivery.models import Attempt, Response
print(json.dumps({
    "responses": [
        [a, i, s, ans] for a, i, s, ans in
        Response.objects.values_list("attempt_id", "item_id", "seq", "answer")
    ],
    "attempts": {
        str(a.pk): {
            "state": a.state,
            "deadline": a.deadline.isoformat(),
            "due": (
                a.session.started_at + __import__("datetime").timedelta(
                    minutes=a.sitting.duration_minutes
                )
            ).isoformat(),
        }
        for a in Attempt.objects.select_related("session", "sitting")
    },
}))
"""


def _run_in_own_loop(coroutine):  # type: ignore[no-untyped-def]
    """Run ``coroutine`` on a new event loop in a thread of its own: a browser test run earlier
    in this worker leaves Playwright's loop installed on the main thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _django(code: str, database_url: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture
def server_database(tmp_path: Path) -> Iterator[str]:
    """Create an empty database for the server beside the suite's; yield its URL."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'crash.sqlite3'}"
        return
    import psycopg

    db = settings.DATABASES["default"]
    name = f"sathach_crash_{os.getpid()}"
    params = {
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or "postgres",
        "password": db.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = params["user"] + (f":{params['password']}" if params["password"] else "")
    try:
        yield f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _sit_through_a_crash(
    server: AppServer, candidates: list[Candidate]
) -> tuple[Client, dict[int, str | None], dict[str, int]]:
    """Start everyone, answer, SIGKILL the server mid-load, restart it, finish answering."""
    async with Client(server.url, concurrency=64, retry=True, give_up_s=45) as client:
        assert all(await asyncio.gather(*(client.check_in(c) for c in candidates)))
        assert all(await asyncio.gather(*(client.start(c) for c in candidates)))
        deadlines = {c.attempt: c.deadline for c in candidates}
        answering = asyncio.gather(
            *(
                client.answer(
                    c,
                    answer_script(random.Random(c.attempt), c.options, change=0.2, resend=0.5),
                    think_s=THINK_S,
                    rng=random.Random(-c.attempt),
                )
                for c in candidates
            )
        )
        while client.ledger.saves < KILL_AFTER_SAVES and not answering.done():
            await asyncio.sleep(0.01)
        crash = {"saves_before": client.ledger.saves}
        server.kill()
        await asyncio.sleep(0.5)  # the page keeps trying against a dead server meanwhile
        await asyncio.to_thread(server.start)
        await answering
        crash["saves_after"] = client.ledger.saves - crash["saves_before"]
        # The restarted server tells every page the same deadline, on the right clock.
        for c in candidates:
            status, state = await client.call("state", "/api/v1/exam/state", token=c.token)
            assert status == 200 and state is not None
            assert state["deadline"] == c.deadline
            lag = dt.datetime.fromisoformat(state["server_time"]) - dt.datetime.now(dt.UTC)
            assert abs(lag.total_seconds()) < 5
        return client, deadlines, crash


def test_sigkill_mid_load_loses_no_acknowledged_answer_and_keeps_the_clock(server_database):
    started = time.monotonic()
    codes = json.loads(_django(SETUP.format(n=CANDIDATES), server_database))
    candidates = [Candidate(code=code) for code in codes]
    server = AppServer(server_database, workers=2, threads=4, bench=False)
    server.start()
    try:
        client, deadlines, crash = _run_in_own_loop(_sit_through_a_crash(server, candidates))
    finally:
        server.stop()
    stored = json.loads(_django(READ, server_database))

    ledger = client.ledger
    # The kill happened mid-load: answers were acknowledged before it and after it, and
    # requests failed in between (and were sent again).
    assert crash["saves_before"] >= KILL_AFTER_SAVES
    assert crash["saves_after"] > 0
    assert ledger.retries > 0
    assert ledger.overwritten == 0
    assert ledger.stale > 0
    assert [kind for kind in ledger.errors if not kind.endswith("_network")] == []

    rows = {(a, i): (seq, answer) for a, i, seq, answer in stored["responses"]}
    lost = [
        (key, seq, rows.get(key))
        for key, (seq, answer) in ledger.acked.items()
        if key not in rows or rows[key][0] < seq or (rows[key][0] == seq and rows[key][1] != answer)
    ]
    assert lost == []
    assert len(ledger.acked) == CANDIDATES * 60  # every item of every form answered in the end

    for attempt, deadline in deadlines.items():
        row = stored["attempts"][str(attempt)]
        assert row["state"] == "in_progress"
        assert dt.datetime.fromisoformat(row["deadline"]) == dt.datetime.fromisoformat(deadline)
        # Nobody paused or extended: the deadline is the room's start plus the duration.
        assert dt.datetime.fromisoformat(row["deadline"]) == dt.datetime.fromisoformat(row["due"])
    assert time.monotonic() - started < 90
