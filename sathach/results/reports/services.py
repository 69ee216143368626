"""Exports of the reports: build the file and record who took it (a privileged read: the lists
name people; domain.md §4.5, every privileged read is in the audit log)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.delivery.models import RoomSession
from sathach.plans.models import BlueprintPart, Plan

from . import pdf, xlsx
from .access import ReportScope
from .selectors import AGE, BLOCK, POSITION, RANK, UNIT, below_bar, breakdown, summary

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"

# What each export holds: the unit tally, the distributions, the list below the bar.
SUMMARY, DISTRIBUTIONS, BELOW_BAR = "tong-hop-don-vi", "phan-bo", "khong-dat"
EXPORTS = (SUMMARY, DISTRIBUTIONS, BELOW_BAR)
FORMATS = ("xlsx", "pdf")
DISTRIBUTION_DIMENSIONS = (BLOCK, RANK, POSITION, AGE)


@dataclass(frozen=True)
class Export:
    content: bytes
    filename: str
    content_type: str


def _suffix(scope: ReportScope) -> str:
    return f"-{scope.unit.code}" if scope.unit is not None else ""


def export_audit(actor: Any, plan: Plan, data: dict[str, Any]) -> None:
    """Record that ``actor`` took a report of ``plan`` out of the system."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="results.report_export",
            target=plan,
            data=data,
            profile=plan.exam_profile,
        )


def report_export(*, actor: Any, scope: ReportScope, kind: str, fmt: str) -> Export:
    """Return export ``kind`` (``EXPORTS``) of ``scope`` as ``fmt`` (xlsx or pdf), audited.

    ``scope`` comes from ``access.report_scope_get``, which has checked ``actor`` sees it.
    """
    if kind not in EXPORTS or fmt not in FORMATS:
        raise ServiceError(_("Không có báo cáo này."), code="unknown_report")
    total = summary(scope)
    rows: int
    if kind == BELOW_BAR:
        parts = list(BlueprintPart.objects.filter(plan=scope.plan).order_by("order"))
        groups = below_bar(scope)
        rows = sum(len(g.rows) for g in groups)
        if fmt == "xlsx":
            content = xlsx.below_bar_workbook(scope, parts, groups)
        else:
            content = pdf.below_bar_pdf(scope, parts, groups)
    else:
        dimensions = (UNIT,) if kind == SUMMARY else DISTRIBUTION_DIMENSIONS
        tables = [(d, breakdown(scope, d)) for d in dimensions]
        rows = sum(len(t) for _d, t in tables)
        if fmt == "xlsx":
            content = xlsx.tally_workbook(scope, tables, total)
        else:
            content = pdf.tally_pdf(scope, tables, total)
    export_audit(
        actor,
        scope.plan,
        {
            "kind": kind,
            "format": fmt,
            "unit": scope.unit.code if scope.unit else "",
            "rows": rows,
        },
    )
    filename = f"{kind}-{scope.plan.code}{_suffix(scope)}.{fmt}"
    return Export(content, filename, XLSX if fmt == "xlsx" else PDF)


def record_export(*, actor: Any, session: RoomSession, kind: str) -> Export:
    """Return a room's attendance list (``danh-sach``) or record (``bien-ban``), audited.

    The caller has checked ``actor`` may print the plan's records
    (``access.records_access_get``)."""
    if kind == "danh-sach":
        content = pdf.attendance_pdf(session)
    elif kind == "bien-ban":
        content = pdf.room_record_pdf(session)
    else:
        raise ServiceError(_("Không có hồ sơ này."), code="unknown_record")
    plan = session.sitting.plan
    export_audit(actor, plan, {"kind": kind, "session": session.pk, "room": session.room.name})
    filename = f"{kind}-{plan.code}-ca{session.sitting_id}-phong{session.room_id}.pdf"
    return Export(content, filename, PDF)
