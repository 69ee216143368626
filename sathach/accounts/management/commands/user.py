"""`sathach user`: create accounts and assign roles without the browser (e.g. the first admin)."""

from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sathach.accounts.constants import Role
from sathach.accounts.models import User
from sathach.accounts.services import role_assign, user_create
from sathach.core.errors import ServiceError


class Command(BaseCommand):
    help = "Tạo tài khoản, phân công vai trò, liệt kê tài khoản."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="tạo tài khoản")
        create.add_argument("username")
        create.add_argument("--full-name", default="")
        create.add_argument("--role", choices=Role.values)
        create.add_argument("--unit", help="mã đơn vị phạm vi của vai trò")
        create.add_argument("--password", help="mật khẩu (mặc định: hỏi)")
        assign = sub.add_parser("assign", help="phân công thêm vai trò")
        assign.add_argument("username")
        assign.add_argument("--role", choices=Role.values, required=True)
        assign.add_argument("--unit", required=True)
        sub.add_parser("list", help="liệt kê tài khoản và vai trò")

    def _unit(self, code: str | None) -> Any:
        if not code:
            return None
        from django.apps import apps

        unit = apps.get_model("org", "Unit").objects.filter(code=code).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị mã “{code}”.")
        return unit

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "create":
                password = options["password"] or getpass.getpass("Mật khẩu: ")
                with transaction.atomic():
                    user = user_create(
                        actor=None,
                        username=options["username"],
                        password=password,
                        full_name=options["full_name"],
                    )
                    if options["role"]:
                        role_assign(
                            actor=None,
                            user=user,
                            role=options["role"],
                            unit=self._unit(options["unit"]),
                        )
                self.stdout.write(f"Đã tạo tài khoản {user.username}.")
            elif action == "assign":
                user = User.objects.filter(username=options["username"]).first()
                if user is None:
                    raise CommandError(f"Không có tài khoản “{options['username']}”.")
                role_assign(
                    actor=None, user=user, role=options["role"], unit=self._unit(options["unit"])
                )
                self.stdout.write(f"Đã phân công {options['role']} cho {user.username}.")
            else:
                for user in User.objects.order_by("username").prefetch_related(
                    "role_assignments__unit"
                ):
                    roles = ", ".join(
                        f"{a.role}@{a.unit.code if a.unit else a.plan_id or '-'}"
                        for a in user.role_assignments.all()
                        if a.is_active
                    )
                    self.stdout.write(f"{user.username}\t{user.full_name}\t{roles}")
        except ServiceError as exc:
            raise CommandError(exc.message) from exc
