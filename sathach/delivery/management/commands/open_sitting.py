"""`sathach open-sitting PLAN SITTING_ID`: open a finalised computer sitting for delivery.

It creates a room session per room and an attempt (with its check-in code) per seat, as the
organiser would; the proctors then print the code slips from their console.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sathach.core.errors import ServiceError
from sathach.plans.models import Plan, Sitting

from ...models import RoomSession
from ...services import sitting_open


class Command(BaseCommand):
    help = (
        "Mở ca thi trên máy tính SITTING_ID của kế hoạch PLAN: tạo phòng thi và bài làm "
        "(kèm mã vào phòng thi) cho từng người đã được xếp chỗ."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan", help="mã kế hoạch")
        parser.add_argument("sitting", type=int, help="mã số ca thi")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = Plan.objects.filter(code=options["plan"]).first()
        if plan is None:
            raise CommandError(f"Không có kế hoạch mã “{options['plan']}”.")
        sitting = (
            Sitting.objects.filter(plan=plan, pk=options["sitting"])
            .select_related("plan", "part")
            .first()
        )
        if sitting is None:
            raise CommandError(
                f"Kế hoạch “{plan.code}” không có ca thi mã số {options['sitting']}."
            )
        try:
            attempts = sitting_open(actor=None, sitting=sitting)
        except ServiceError as exc:
            raise CommandError(exc.message) from exc
        rooms = RoomSession.objects.filter(sitting=sitting).count()
        self.stdout.write(
            f"Đã mở ca thi “{sitting}”: {rooms} phòng thi, {attempts} bài làm. "
            "Giám thị in phiếu mã vào phòng thi tại trang Coi thi."
        )
