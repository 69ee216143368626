"""The load kit: the app server as a subprocess, and an asyncio client of candidates.

Used by ``bench/bench_delivery.py`` (the load kit) and ``sathach/delivery/tests/test_crash.py``.
Each simulated candidate does what the exam page does: ``POST /checkin`` with the code on their
slip, ``POST /start`` with the bearer token, then one ``POST /answers`` per answer with the next
sequence number of the attempt. Its script (``answer_script``) answers every item in form order
with a think time between answers, changes some answers later (a second save of the item with a
higher sequence number) and resends some older saves after the newer one was acknowledged
(which must come back ``stale`` and leave the newer answer stored).

At most ``concurrency`` requests are in flight at once, over as many kept-alive connections;
a request's latency is measured from the moment it holds a connection slot and is sent, not
from when its candidate wanted to send it. ``Ledger`` keeps what the server acknowledged, so
the caller can prove every acknowledged answer is stored.

``AppServer`` runs ``sathach serve``'s gunicorn in its own process group, against the database
``DATABASE_URL`` names, so a test can SIGKILL the whole server and start it again.

With ``retry=True`` (the crash test) a save that gets no answer, or a 5xx, is sent again with
the same sequence number until it is acknowledged, as the page's outbox does.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import aiohttp

EXAM = "/api/v1/exam"
BARE = "/api/v1/bare/answers"


@dataclass
class Candidate:
    """One simulated exam page."""

    code: str
    token: str = ""
    attempt: int = 0
    items: list[int] = field(default_factory=list)
    options: list[int] = field(default_factory=list)
    seq: int = 0
    deadline: str | None = None


@dataclass(frozen=True)
class Action:
    """One step of a candidate's script: save ``choice`` to item ``position``, or resend."""

    position: int
    choice: int
    resend: bool = False  # send the item's previous (older) save again, after the newer one


@dataclass
class Ledger:
    """What the client sent and what the server acknowledged, with latencies and errors."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    # (attempt, item) → (highest sequence number acknowledged as written, its answer)
    acked: dict[tuple[int, int], tuple[int, dict[str, Any]]] = field(default_factory=dict)
    saves: int = 0  # answers acknowledged (written or stale)
    stale: int = 0  # resends of an older save that came back stale, as they must
    overwritten: int = 0  # resends of an older save that were written: a broken rule
    retries: int = 0

    def latency(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(f"{kind}: {detail}"[:300])

    def ack(self, attempt: int, item: int, seq: int, answer: dict[str, Any]) -> None:
        key = (attempt, item)
        held = self.acked.get(key)
        if held is None or held[0] < seq:
            self.acked[key] = (seq, answer)


def percentile(values: list[float], q: float) -> float:
    """Return the ``q``-th percentile (0–100) of ``values`` by nearest rank, 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def answer_script(
    rng: random.Random, options: list[int], *, change: float = 0.1, resend: float = 0.5
) -> list[Action]:
    """Return a candidate's answers: every item in order, a share ``change`` of them changed a
    few items later, and a share ``resend`` of the changed ones resent out of order."""
    actions = [Action(p, rng.randrange(n)) for p, n in enumerate(options)]
    for position, n in enumerate(options):
        if n < 2 or rng.random() >= change:
            continue
        old = next(a.choice for a in actions if a.position == position and not a.resend)
        later = min(len(actions), actions.index(Action(position, old)) + rng.randint(1, 8))
        new = (old + rng.randint(1, n - 1)) % n
        steps = [Action(position, new)]
        if rng.random() < resend:
            steps.append(Action(position, old, resend=True))
        actions[later:later] = steps
    return actions


class Client:
    """The load: ``async with Client(url, concurrency=...) as client: await client.…``."""

    def __init__(
        self,
        base_url: str,
        *,
        concurrency: int = 256,
        retry: bool = False,
        timeout_s: float = 120.0,
        give_up_s: float = 60.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.concurrency = concurrency
        self.retry = retry
        self.timeout_s = timeout_s
        self.give_up_s = give_up_s
        self.ledger = Ledger()
        self._slots = asyncio.Semaphore(concurrency)
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Client:
        connector = aiohttp.TCPConnector(limit=self.concurrency, keepalive_timeout=10)
        self._session = aiohttp.ClientSession(
            connector=connector, timeout=aiohttp.ClientTimeout(total=self.timeout_s)
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._session is not None
        await self._session.close()

    async def call(
        self, kind: str, path: str, payload: dict[str, Any] | None = None, *, token: str = ""
    ) -> tuple[int, dict[str, Any] | None]:
        """Send one request; return (status, JSON body), status 0 when no answer came back.

        Record the latency of every answered request, and an error for every failure.
        """
        assert self._session is not None
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        method = "GET" if payload is None else "POST"
        async with self._slots:
            sent = time.perf_counter()
            try:
                async with self._session.request(
                    method, self.base_url + path, json=payload, headers=headers
                ) as response:
                    body = await response.json(content_type=None)
                    status = response.status
            except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
                self.ledger.error(f"{kind}_network", f"{type(exc).__name__} {exc}")
                return 0, None
            self.ledger.latency(kind, time.perf_counter() - sent)
        if status != 200:
            self.ledger.error(f"{kind}_{status}", str(body))
        return status, body

    async def _until_answered(
        self, kind: str, path: str, payload: dict[str, Any], token: str = ""
    ) -> tuple[int, dict[str, Any] | None]:
        """Send until the server answers (``retry``), as the page's outbox does."""
        started = time.monotonic()
        pause = 0.05
        while True:
            status, body = await self.call(kind, path, payload, token=token)
            if not self.retry or (status and status < 500):
                return status, body
            if time.monotonic() - started > self.give_up_s:
                return status, body
            self.ledger.retries += 1
            await asyncio.sleep(pause)
            pause = min(1.0, pause * 2)

    async def check_in(self, candidate: Candidate) -> bool:
        status, body = await self._until_answered(
            "checkin", f"{EXAM}/checkin", {"code": candidate.code}
        )
        if status != 200 or body is None:
            return False
        candidate.token = body["token"]
        candidate.attempt = int(candidate.token.partition(".")[0])
        return True

    async def start(self, candidate: Candidate) -> bool:
        status, body = await self._until_answered(
            "start", f"{EXAM}/start", {}, token=candidate.token
        )
        if status != 200 or body is None:
            return False
        items = body.get("items") or []
        candidate.items = [int(item["id"]) for item in items]
        candidate.options = [len(item.get("options") or ()) or 2 for item in items]
        candidate.deadline = body.get("deadline")
        candidate.seq = max([a["seq"] for a in (body.get("answers") or {}).values()] or [0])
        return bool(candidate.items)

    async def save(
        self, candidate: Candidate, position: int, answer: dict[str, Any], seq: int, *, bare: bool
    ) -> dict[str, Any] | None:
        """Save one answer with ``seq``; record the acknowledgement; return the server's reply."""
        item = candidate.items[position]
        if bare:
            path, token = BARE, ""
            payload = {"attempt": candidate.attempt, "item": item, "answer": answer, "seq": seq}
        else:
            path, token = f"{EXAM}/answers", candidate.token
            payload = {"item": item, "answer": answer, "seq": seq}
        status, body = await self._until_answered("save", path, payload, token)
        if status != 200 or body is None:
            return None
        self.ledger.saves += 1
        if body["seq"] == seq:
            # Written now, or already stored by an earlier try of this very save (idempotent).
            self.ledger.ack(candidate.attempt, item, seq, answer)
        elif not body["stale"] or body["seq"] < seq:
            self.ledger.error("save_seq_mismatch", str(body))
        return body

    async def answer(
        self,
        candidate: Candidate,
        script: list[Action],
        *,
        think_s: float,
        rng: random.Random,
        bare: bool = False,
    ) -> None:
        """Play ``script``: think, save, and resend older saves out of order."""
        sent: dict[int, list[tuple[int, dict[str, Any]]]] = {}  # position → saves, in order
        await asyncio.sleep(rng.uniform(0, think_s))
        for action in script:
            if action.resend:
                older = sent.get(action.position, [])
                if len(older) < 2:
                    continue
                seq, answer = older[-2]
                body = await self.save(candidate, action.position, answer, seq, bare=bare)
                if body is not None:
                    if body["stale"] and body["seq"] > seq:
                        self.ledger.stale += 1
                    else:
                        self.ledger.overwritten += 1
                continue
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)
            candidate.seq += 1
            answer = {"choice": action.choice}
            body = await self.save(candidate, action.position, answer, candidate.seq, bare=bare)
            if body is not None and body["seq"] == candidate.seq:
                sent.setdefault(action.position, []).append((candidate.seq, answer))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AppServer:
    """gunicorn (gthread workers) serving the app on 127.0.0.1 in a process group of its own.

    ``database_url`` is the database the workers use; ``bench=True`` mounts the bare endpoint.
    """

    def __init__(
        self,
        database_url: str,
        *,
        workers: int = 2,
        threads: int = 8,
        port: int | None = None,
        bench: bool = True,
        log_path: str | None = None,
    ) -> None:
        self.database_url = database_url
        self.workers = workers
        self.threads = threads
        self.port = port or free_port()
        self.bench = bench
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, wait_s: float = 60.0) -> None:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=self.database_url,
            DJANGO_SETTINGS_MODULE="config.settings.base",
            SATHACH_ALLOWED_HOSTS="127.0.0.1,localhost",
            SATHACH_DEBUG="0",
        )
        if self.bench:
            env["SATHACH_BENCH"] = "1"
        argv = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--worker-class", "gthread",
            "--workers", str(self.workers),
            "--threads", str(self.threads),
            # Connections stay open between a candidate's saves; the client closes idle ones
            # first (10 s), so the server never closes one under a request being sent.
            "--keep-alive", "75",
            "--backlog", "4096",
            "--timeout", "120",
            "--graceful-timeout", "5",
            "--log-level", "warning",
        ]  # fmt: skip
        log = subprocess.DEVNULL
        if self.log_path:
            with open(self.log_path, "ab") as log_file:  # the child keeps its own descriptor
                self.process = self._popen(argv, env, log_file)
        else:
            self.process = self._popen(argv, env, log)
        self._wait_until_answering(wait_s)

    def _popen(self, argv: list[str], env: dict[str, str], log: Any) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            argv,
            env=env,
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group: kill() takes the workers too
        )

    def _wait_until_answering(self, wait_s: float) -> None:
        assert self.process is not None
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app server exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(f"{self.url}/api/v1/exam/state", timeout=2)  # noqa: S310
            except urllib.error.HTTPError:
                return  # 401: the app answers
            except OSError:
                time.sleep(0.1)
                continue
            return
        raise RuntimeError("the app server did not answer in time")

    def kill(self) -> None:
        """SIGKILL the master and every worker at once, as a power cut would."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self) -> AppServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
