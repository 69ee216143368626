"""`sathach export-roster --unit CODE -o FILE.xlsx`: export a unit subtree's roster.

The file has the import layout and imports back with no change. Exit 0, or 1 with the reason.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sathach.accounts.models import User
from sathach.core.errors import ServiceError
from sathach.org.models import Unit
from sathach.org.roster import roster_export


class Command(BaseCommand):
    help = "Xuất danh sách công chức của một đơn vị (và các đơn vị trực thuộc) ra tệp .xlsx."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", metavar="CODE", required=True)
        parser.add_argument("-o", "--output", metavar="FILE.xlsx", required=True)
        parser.add_argument(
            "--user", metavar="USERNAME", help="xuất với phạm vi của người dùng này"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise ServiceError(f"Không có đơn vị mã “{options['unit']}”.")
            actor = None  # the system: every unit is in scope
            if options["user"]:
                actor = User.objects.filter(username=options["user"], is_active=True).first()
                if actor is None:
                    raise ServiceError(f"Không có người dùng “{options['user']}”.")
            data = roster_export(actor=actor, unit=unit)
            _write_private(Path(options["output"]), data)
        except ServiceError as exc:
            self.stderr.write(exc.message)
            sys.exit(1)
        except OSError as exc:
            self.stderr.write(f"Không ghi được tệp “{options['output']}”: {exc.strerror}.")
            sys.exit(1)
        self.stdout.write(f"Đã xuất danh sách của đơn vị {unit.code} vào “{options['output']}”.")


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, readable by its owner only when the file is new.

    The roster holds personal data (names, birth dates, relatives).
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
