"""`sathach audit verify`: prove the audit chain is intact."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sathach.audit.services import audit_verify


class Command(BaseCommand):
    help = "Audit log tools. 'verify' walks the hash chain and names the first bad event."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: object, **options: object) -> None:
        report = audit_verify()
        if report.ok:
            self.stdout.write(f"OK: chuỗi nhật ký nguyên vẹn, {report.count} sự kiện.")
            return
        raise CommandError(
            f"BROKEN: sự kiện #{report.bad_seq} (id {report.bad_id}): {report.reason}. "
            f"{report.count} sự kiện trước đó hợp lệ.",
            returncode=3,
        )
