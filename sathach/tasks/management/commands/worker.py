"""`sathach worker`: run background jobs (PDF batches, imports) from the database queue.

A thin wrapper of django-tasks-db's ``db_worker``: start as many as the machine allows, on
any machine that reaches the database. ``--batch`` runs what is queued, then stops.
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Chạy các công việc nền đang chờ (tạo PDF, nhập dữ liệu…); Ctrl+C để dừng."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch", action="store_true", help="chạy hết các công việc đang chờ rồi dừng"
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="số giây chờ giữa hai lần xem hàng đợi khi không có việc (1)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command(
            "db_worker",
            batch=options["batch"],
            interval=options["interval"],
            startup_delay=not options["batch"],
            reload=False,
            verbosity=options["verbosity"],
            stdout=self.stdout,
            stderr=self.stderr,
        )
