"""The evaluation exports as PDF, beside the workbooks: the classification report, the
streamlining list, the training list and the training outcomes. Same rows and columns as the
.xlsx, set by ``results.reports.tablepdf`` (the fonts, margins, title block and signatures of
the other reports). Official papers: always in Vietnamese."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone, translation

from sathach.org.models import Unit
from sathach.plans.models import Council
from sathach.results.reports.tablepdf import Column, Section, TableDocument, table_pdf
from sathach.results.reports.texts import DEFAULT_ISSUER

from .constants import LEVEL_SHORT, Level
from .selectors import YearRow

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _today_line() -> str:
    today = timezone.localdate()
    return f"……, ngày {today:%d} tháng {today:%m} năm {today:%Y}"


def _signatures() -> list[list[tuple[str, str]]]:
    return [
        [("NGƯỜI LẬP BIỂU", "bold"), ("(Ký, ghi rõ họ tên)", "italic")],
        [
            (_today_line(), "italic"),
            ("THỦ TRƯỞNG ĐƠN VỊ", "bold"),
            ("(Ký tên, đóng dấu)", "italic"),
        ],
    ]


def _document(
    *, issuer: str, reference: str, title: str, subtitle: str, columns: list[Column], **rest: Any
) -> bytes:
    return table_pdf(
        TableDocument(
            issuer=issuer.upper(),
            plan_code=reference,
            title=title,
            subtitles=[(subtitle, "italic")],
            columns=columns,
            signatures=_signatures(),
            **rest,
        )
    )


@translation.override("vi")
def distribution_pdf(*, unit: Unit, rows: Sequence[YearRow]) -> bytes:
    """Return the distribution report of ``unit``'s subtree (the rows of ``distribution_xlsx``)."""
    from .exports import _ratio

    columns = [
        Column("Năm", 0.7, "center"),
        Column("Tổng số", 0.7, "right"),
        *(Column(f"{LEVEL_SHORT[lv]} (người)", 0.75, "right") for lv in Level),
        *(Column(f"{LEVEL_SHORT[lv]} (%)", 0.75, "right") for lv in Level),
        Column("HTXS/HTT (%)", 0.9, "right"),
        Column("Tối đa HTXS", 0.8, "right"),
        Column("Tỷ lệ HTXS", 0.8, "center"),
    ]
    table = [
        [
            str(r.year),
            str(r.total),
            *(str(r.counts[lv]) for lv in Level),
            *(f"{float(r.percents[lv]):g}".replace(".", ",") for lv in Level),
            _ratio(r),
            str(r.quota.maximum),
            "Đạt" if r.quota_ok else "Vượt",
        ]
        for r in rows
    ]
    notes = [
        (
            f"Năm {r.year}: {g.unit.name}"
            + (f" — nhóm “{g.work_group}”" if g.work_group else "")
            + f": {g.check.excellent} HTXS trên {g.check.good} HTT (tối đa {g.check.maximum})",
            "regular",
        )
        for r in rows
        for g in r.failing
    ]
    years = f"{rows[0].year}–{rows[-1].year}" if rows else ""
    return _document(
        issuer=unit.name,
        reference="",  # not a plan: no "Kế hoạch" line
        title=f"TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC {years}",
        subtitle=f"(Đơn vị: {unit.name}; lập ngày {timezone.localdate():%d/%m/%Y})",
        columns=columns,
        sections=[Section("", table)],
        notes=[
            ("Nhóm vượt tỷ lệ (trong cùng đơn vị và nhóm có nhiệm vụ tương đồng)", "bold"),
            *notes,
        ],
    )


@translation.override("vi")
def review_pdf(
    *, review: Any, subtitle: str, parts: Sequence[tuple[str, list[list[str]]]]
) -> bytes:
    """Return the streamlining list: ``parts`` are (title, rows) in the order of the .xlsx."""
    columns = [
        Column("STT", 0.45, "center"),
        Column("Họ và tên", 1.6),
        Column("Ngày sinh", 0.9, "center"),
        Column("Chức vụ/đơn vị", 1.9),
        Column("Căn cứ (điều, khoản)", 3.0),
        Column("Dữ liệu", 2.6),
        Column("Đề xuất", 1.1),
        Column("Lý do", 1.8),
    ]
    return _document(
        issuer=review.unit.name,
        reference="",  # not a plan: no "Kế hoạch" line
        title=f"DANH SÁCH XÉT TINH GIẢN BIÊN CHẾ NĂM {review.year}",
        subtitle=subtitle,
        columns=columns,
        sections=[Section(title, rows) for title, rows in parts],
    )


@translation.override("vi")
def plan_list_pdf(
    *,
    plan: Any,
    title: str,
    subtitle: str,
    headers: Sequence[str],
    widths: Sequence[float],
    rows: list[list[str]],
    notes: Sequence[tuple[str, str]] = (),
) -> bytes:
    """Return a training list of ``plan`` (the headers and column widths of the .xlsx),
    issued by the plan's council like the plan's other reports."""
    council = Council.objects.filter(plan=plan).first()
    columns = [
        Column(
            h,
            w * 1.8 if h == "Họ và tên" else w,  # a name on one line
            "center" if h in ("STT", "Ngày sinh", "Từ ngày", "Đến ngày") else "left",
        )
        for h, w in zip(headers, widths, strict=True)
    ]
    return _document(
        issuer=council.name if council and council.name else DEFAULT_ISSUER,
        reference=plan.code,
        title=title,
        subtitle=subtitle,
        columns=columns,
        sections=[Section("", rows)],
        notes=list(notes),
    )
