"""`sathach bank import|export|duplicates`: the question bank without the browser."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sathach.bank.models import Topic
from sathach.bank.transfer import (
    DEFAULT_DUPLICATE_THRESHOLD,
    EXPORT_FORMATS,
    FORMATS,
    bank_export,
    bank_import,
)
from sathach.core.errors import ServiceError


class Command(BaseCommand):
    help = "Nhập, xuất ngân hàng câu hỏi; tìm câu hỏi trùng lặp."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="nhập câu hỏi từ tệp")
        imp.add_argument("file")
        imp.add_argument("--format", default="auto", choices=["auto", *FORMATS])
        imp.add_argument("--topic", help="mã chủ đề đích (các danh mục trong tệp thành chủ đề con)")
        imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
        imp.add_argument(
            "--partial", action="store_true", help="nhập các câu hợp lệ, báo lỗi các câu còn lại"
        )
        imp.add_argument("--json", action="store_true", help="in báo cáo dạng JSON")
        imp.add_argument(
            "--similarity",
            type=float,
            default=DEFAULT_DUPLICATE_THRESHOLD,
            help="ngưỡng gần trùng (0–1)",
        )
        exp = sub.add_parser("export", help="xuất câu hỏi ra tệp")
        exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
        exp.add_argument("--topic")
        exp.add_argument("--approved-only", action="store_true")
        exp.add_argument("-o", "--output", required=True)
        dup = sub.add_parser("duplicates", help="báo cáo câu hỏi trùng và gần trùng")
        dup.add_argument("--topic")
        dup.add_argument("--similarity", type=float, default=DEFAULT_DUPLICATE_THRESHOLD)
        dup.add_argument("--json", action="store_true")

    def _topic(self, code: str | None) -> Topic | None:
        if not code:
            return None
        topic = Topic.objects.filter(code=code).first()
        if topic is None:
            raise CommandError(f"Không có chủ đề mã “{code}”.")
        return topic

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ServiceError as exc:
            raise CommandError(exc.message) from exc

    def _import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc.strerror}") from exc
        report = bank_import(
            actor=None,
            data=data,
            filename=path.name,
            fmt=options["format"],
            topic=self._topic(options["topic"]),
            dry_run=options["dry_run"],
            partial=options["partial"],
            duplicate_threshold=options["similarity"],
        )
        self.stdout.write(report.to_json() if options["json"] else report.to_text())
        if report.errors and not report.written:
            sys.exit(1)
        if report.errors:
            sys.exit(2)

    def _export(self, options: dict[str, Any]) -> None:
        payload, count = bank_export(
            actor=None,
            fmt=options["format"],
            topic=self._topic(options["topic"]),
            approved_only=options["approved_only"],
        )
        Path(options["output"]).write_bytes(payload)
        self.stdout.write(f"Đã xuất {count} câu hỏi ra {options['output']}.")

    def _duplicates(self, options: dict[str, Any]) -> None:
        import json

        from sathach.bank.duplicates import bank_duplicates

        pairs = bank_duplicates(
            topic=self._topic(options["topic"]), threshold=options["similarity"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(pairs, ensure_ascii=False, indent=2))
            return
        if not pairs:
            self.stdout.write("Không có câu hỏi trùng lặp.")
        for p in pairs:
            kind = "trùng hoàn toàn" if p["exact"] else f"gần trùng {p['similarity']:.0%}"
            self.stdout.write(f"Câu hỏi #{p['left']} và #{p['right']}: {kind}")
