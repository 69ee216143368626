"""`sathach serve`: run the application under gunicorn (static files via WhiteNoise)."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve Sát Hạch with gunicorn (migrates first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Sát Hạch đang chạy tại http://{options['bind']}/ (Ctrl+C để dừng)")
        self.stdout.flush()
        argv = [
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
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
        os.execv(sys.executable, argv)  # noqa: S606 - replace this process with gunicorn
