"""`sathach import-ratings FILE.xlsx`: import past years' quality ratings (xếp loại chất lượng).

Exit codes: 0 every row imported (or would be, with --dry-run); 1 nothing written (a bad row
without --partial, or a file that cannot be used); 2 the good rows written, some refused.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from sathach.accounts.models import User
from sathach.core.errors import ServiceError
from sathach.evaluation.services import RatingsImportReport, ratings_import
from sathach.evaluation.services.ratings_import import MAX_FILE_BYTES


class Command(BaseCommand):
    help = (
        "Nhập kết quả xếp loại chất lượng các năm trước từ tệp Excel (.xlsx). Mặc định: có "
        "dòng lỗi thì không ghi gì. Mã thoát: 0 thành công, 1 không ghi gì, 2 đã ghi các dòng "
        "hợp lệ."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE.xlsx")
        parser.add_argument(
            "--year", type=int, metavar="NĂM", help="chỉ nhập năm này (ô “Năm” trống nhận năm này)"
        )
        parser.add_argument(
            "--partial", action="store_true", help="ghi các dòng hợp lệ, báo các dòng lỗi"
        )
        parser.add_argument("--dry-run", action="store_true", help="kiểm tra, không ghi gì")
        parser.add_argument("--json", action="store_true", help="báo cáo dạng JSON")
        parser.add_argument(
            "--errors-xlsx", metavar="OUT.xlsx", help="ghi bản sao tệp kèm cột “Lỗi”"
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help="nhập với phạm vi của người dùng này"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = self._import(options)
        except ServiceError as exc:
            self._fail(exc.message, options)
        self.stdout.write(report.to_json() if options["json"] else report.to_text())
        if options["errors_xlsx"] and report.errors:
            try:
                Path(options["errors_xlsx"]).write_bytes(report.error_workbook())
            except OSError as exc:
                self._fail(
                    f"Không ghi được tệp “{options['errors_xlsx']}”: {exc.strerror}.", options
                )
            if not options["json"]:
                self.stdout.write(f"Đã ghi danh sách lỗi vào “{options['errors_xlsx']}”.")
        if report.exit_code:
            sys.exit(report.exit_code)

    def _import(self, options: dict[str, Any]) -> RatingsImportReport:
        path = Path(options["file"])
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ServiceError(f"Tệp lớn quá {MAX_FILE_BYTES // (1024 * 1024)} MB.")
            data = path.read_bytes()
        except OSError as exc:
            raise ServiceError(f"Không đọc được tệp “{path}”: {exc.strerror}.") from exc
        actor = None  # the system: every unit is in scope
        if options["user"]:
            actor = User.objects.filter(username=options["user"], is_active=True).first()
            if actor is None:
                raise ServiceError(f"Không có người dùng “{options['user']}”.")
        return ratings_import(
            actor=actor,
            data=data,
            filename=path.name,
            year=options["year"],
            partial=options["partial"],
            dry_run=options["dry_run"],
        )

    def _fail(self, message: str, options: dict[str, Any]) -> NoReturn:
        """Say why nothing was imported, on stderr (and as JSON with --json); exit 1."""
        if options.get("json"):
            self.stdout.write(json.dumps({"written": False, "error": message}, ensure_ascii=False))
        self.stderr.write(message)
        sys.exit(1)
