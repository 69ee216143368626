"""`sathach serve`: run the application under gunicorn (static files via WhiteNoise), with one
background worker beside it (`sathach worker`) so that PDF and other jobs run.

Both are child processes: when the server stops (Ctrl+C, SIGTERM, or it exits), the worker is
stopped too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from types import FrameType

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

STOP_TIMEOUT_S = 10


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    """Ask ``process`` to stop, then kill it if it has not within the timeout."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Serve Sát Hạch with gunicorn and one background worker (migrates first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--no-migrate", action="store_true")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="không chạy tiến trình công việc nền (khi đã chạy `sathach worker` nơi khác)",
        )

    def handle(self, *args: object, **options: object) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Sát Hạch đang chạy tại http://{options['bind']}/ (Ctrl+C để dừng)")
        self.stdout.flush()
        server_argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            str(options["bind"]),
            "--workers",
            str(options["workers"]),
            "--threads",
            str(options["threads"]),
            "--access-logfile",
            "-",
        ]
        worker_argv = [sys.executable, "-m", "sathach.cli", "worker"]
        env = {**os.environ}
        env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
        signal.signal(signal.SIGTERM, _raise_interrupt)  # stop the children on SIGTERM too
        worker = server = None
        try:
            if not options["no_worker"]:
                worker = subprocess.Popen(worker_argv, env=env)  # noqa: S603 - our own command
            server = subprocess.Popen(server_argv, env=env)  # noqa: S603 - our own command
            server.wait()
        except KeyboardInterrupt:
            pass
        finally:
            _stop(server)
            _stop(worker)
