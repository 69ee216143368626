"""The opening lines every exported report shares (Excel and PDF): the issuer, the plan, the
decision that published the results (or the date of the figures), and the scope.

An official paper reads the same whatever the reader's language: Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

from sathach.org.models import Unit
from sathach.plans.models import Council

from ..models import Publication
from .access import ReportScope

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_ISSUER = "HỘI ĐỒNG KIỂM TRA, SÁT HẠCH"


@dataclass(frozen=True)
class PaperHeader:
    issuer: str  # upper case, top left
    plan_code: str
    plan_name: str
    plan_line: str  # "Kế hoạch CODE: name"
    decision_line: str  # the publishing decision, or the date of the figures
    scope_line: str  # whose figures these are
    signer: str  # who signs on the right: the head of the unit, or the council's chair


def paper_header(scope: ReportScope) -> PaperHeader:
    """Return the opening lines of a report on ``scope``: a unit's report is issued by the
    unit, the plan's by its council."""
    plan = scope.plan
    now = timezone.now().astimezone(LOCAL_TZ)
    if scope.unit is not None:
        issuer = scope.unit.name
        scope_line = f"Đơn vị: {scope.unit.name} (gồm các đơn vị trực thuộc)"
    else:
        council = Council.objects.filter(plan=plan).first()
        issuer = council.name if council and council.name else DEFAULT_ISSUER
        if scope.paths is None:
            scope_line = "Phạm vi: toàn bộ người dự kiểm tra của kế hoạch"
        else:
            names = list(
                Unit.objects.filter(path__in=scope.paths)
                .order_by("path")
                .values_list("name", flat=True)
            )
            scope_line = "Phạm vi: " + ", ".join(names) + " (gồm các đơn vị trực thuộc)"
    publication = Publication.objects.filter(plan=plan).first()
    if publication is not None:
        decision_line = (
            f"(Kèm theo Quyết định số {publication.decision_number} ngày "
            f"{publication.decision_date:%d/%m/%Y}; số liệu đến {now:%H:%M} ngày {now:%d/%m/%Y})"
        )
    else:
        decision_line = f"(Số liệu đến {now:%H:%M} ngày {now:%d/%m/%Y}; kết quả chưa công bố)"
    return PaperHeader(
        issuer=issuer.upper(),
        plan_code=plan.code,
        plan_name=plan.name,
        plan_line=f"Kế hoạch {plan.code}: {plan.name}",
        decision_line=decision_line,
        scope_line=scope_line,
        signer="THỦ TRƯỞNG ĐƠN VỊ",
    )
