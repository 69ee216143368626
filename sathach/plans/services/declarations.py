"""Conflict-of-interest declarations (bản cam kết) of council and board members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError
from sathach.org.models import Relative

from ..constants import BASIS_RELATIVES
from ..models import BoardMembership, ConflictDeclaration, Council
from ..permissions import can_write
from .boards import seat_label
from .common import OPEN, require_status


@transaction.atomic
def conflict_declare(
    *, actor: Any, membership: BoardMembership, text: str = ""
) -> ConflictDeclaration:
    """Record a member's declaration: no conflict of interest (empty ``text``) or what it is.

    The member declares for themselves; the organiser may record a signed paper declaration.
    """
    plan = membership.plan
    is_member = actor is not None and (
        (membership.user_id is not None and membership.user_id == actor.pk)
        or (membership.person_id is not None and membership.person_id == actor.person_id)
    )
    if actor is not None and not is_member and not can_write(actor, plan):
        raise PermissionDeniedError(_("Bạn không được ghi bản khai của người khác."))
    require_status(plan, OPEN, _("ghi bản khai xung đột lợi ích"))
    text = text.strip()
    declaration = ConflictDeclaration(
        membership=membership,
        declared_at=timezone.now(),
        has_conflict=bool(text),
        text=text,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    declaration.save()
    audit_record(
        actor=actor,
        action="plans.conflict_declare",
        target=membership,
        data={"has_conflict": declaration.has_conflict, "text": text},
    )
    return declaration


# --- The printable declaration -----------------------------------------------------------------


@dataclass(frozen=True)
class DeclarationSheet:
    """What the printed declaration (bản cam kết) shows; the PDF is drawn elsewhere."""

    plan_code: str
    plan_name: str
    council_name: str
    council_decision: str
    member_name: str
    member_code: str
    member_unit: str
    seat: str
    role: str
    declared_at: dt.datetime | None
    has_conflict: bool | None
    text: str
    pledge: str
    basis: str
    relatives: list[tuple[str, str]] = field(default_factory=list)


PLEDGE = gettext_lazy(
    "Tôi cam đoan không có quan hệ cha, mẹ, anh, chị, em ruột, vợ, chồng, con hoặc cha, mẹ, "
    "anh, chị, em ruột của vợ/chồng với người dự kiểm tra; không đang bị xem xét, xử lý kỷ luật; "
    "và sẽ báo ngay cho Chủ tịch Hội đồng nếu phát sinh xung đột lợi ích."
)


def conflict_declaration_data(*, membership: BoardMembership) -> DeclarationSheet:
    """Return the data of the member's declaration form, with their latest declaration."""
    plan, person = membership.plan, membership.person
    council = Council.objects.filter(plan=plan).first()
    latest = membership.declarations.first()
    relatives = []
    if person is not None:
        for link in Relative.objects.filter(person=person).select_related("relative"):
            relatives.append((link.relative.full_name, link.get_relation_display()))
    return DeclarationSheet(
        plan_code=plan.code,
        plan_name=plan.name,
        council_name=council.name if council else "",
        council_decision=(
            f"{council.decision_number} ngày {council.decision_date:%d/%m/%Y}" if council else ""
        ),
        member_name=person.full_name if person else str(membership.user),
        member_code=person.code if person else "",
        member_unit=person.unit.name if person else "",
        seat=seat_label(membership.board),
        role=membership.get_role_display(),
        declared_at=latest.declared_at if latest else None,
        has_conflict=latest.has_conflict if latest else None,
        text=latest.text if latest else "",
        pledge=str(PLEDGE),
        basis=BASIS_RELATIVES,
        relatives=relatives,
    )
