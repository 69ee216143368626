"""The evaluation exports as PDF, beside the workbooks: the unit and province report (the
classification distribution, training and re-test outcomes, streamlining by ground), the
streamlining list, the training list and the training outcomes. Same rows and columns as the
.xlsx, set by ``results.reports.tablepdf`` (the fonts, margins, title block and signatures of
the other reports). Official papers: always in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils import timezone, translation

from sathach.org.models import Unit
from sathach.plans.models import Council
from sathach.results.reports.tablepdf import (
    Column,
    HeaderCell,
    Section,
    TableDocument,
    table_pdf,
    tables_pdf,
)
from sathach.results.reports.texts import DEFAULT_ISSUER

from .constants import LEVEL_SHORT, Level
from .exports import (
    RETEST_TITLE,
    STREAMLINING_TITLE,
    TRAINING_TITLE,
    _ratio,
    ground_values,
    plans_note,
    retest_values,
    reviews_note,
    subtitle,
    training_values,
    years_text,
)
from .selectors import YearRow
from .selectors_report import OutcomeReport, StreamliningReport

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


def _distribution_document(unit: Unit, rows: Sequence[YearRow]) -> TableDocument:
    columns = [
        Column("Năm", 0.7, "center"),
        Column("Tổng số", 0.7, "right"),
        *(Column(f"{LEVEL_SHORT[lv]} (người)", 0.75, "right") for lv in Level),
        *(Column(f"{LEVEL_SHORT[lv]} (%)", 0.75, "right") for lv in Level),
        Column("Không xếp loại", 0.8, "right"),
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
            str(r.not_rated),
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
    years = years_text([r.year for r in rows])
    return _unit_document(
        unit,
        title=f"TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC {years}",
        columns=columns,
        sections=[Section("", table)],
        notes=[
            ("Nhóm vượt tỷ lệ (trong cùng đơn vị và nhóm có nhiệm vụ tương đồng)", "bold"),
            *notes,
        ],
    )


def _unit_document(unit: Unit, *, title: str, **rest: Any) -> TableDocument:
    """Return a table of the unit report (no plan: no "Kế hoạch" line)."""
    return TableDocument(
        issuer=unit.name.upper(),
        plan_code="",
        title=title,
        subtitles=[(subtitle(unit), "italic")],
        signatures=_signatures(),
        **rest,
    )


@translation.override("vi")
def distribution_pdf(*, unit: Unit, rows: Sequence[YearRow]) -> bytes:
    """Return the distribution report of ``unit``'s subtree (the rows of ``distribution_xlsx``)."""
    return table_pdf(_distribution_document(unit, rows))


def _merged(top: Sequence[tuple[str, int]], below: Sequence[str], first: int) -> list[HeaderCell]:
    """Return a two-row header: ``top`` cells (text, columns spanned; one column spans both
    rows), and under the spanning ones the ``below`` titles from column ``first``."""
    cells, col = [], 1
    for text, cols in top:
        cells.append(HeaderCell(text, 0, col, rows=1 if cols > 1 else 2, cols=cols))
        col += cols
    cells += [HeaderCell(text, 1, first + i) for i, text in enumerate(below)]
    return cells


def _strings(rows: Iterable[Sequence[Any]]) -> list[list[str]]:
    return [[str(v) for v in row] for row in rows]


@translation.override("vi")
def report_pdf(
    *,
    unit: Unit,
    years: Sequence[int],
    rows: Sequence[YearRow],
    outcomes: OutcomeReport,
    streamlining: StreamliningReport,
) -> bytes:
    """Return the whole report of ``unit``'s subtree: the sheets of ``report_xlsx`` one after
    the other, each from a new page with its title and signatures."""
    span = years_text(years)
    training_below = ["Tổng số", "Hoàn thành", "Không hoàn thành", "Đang bồi dưỡng"]
    training = _unit_document(
        unit,
        title=f"{TRAINING_TITLE} {span}",
        columns=[
            Column("Đơn vị", 3.0),
            *(Column("", 1.0, "right") for _i in range(6)),
        ],
        header_cells=_merged(
            [
                ("Đơn vị", 1),
                ("Số người chưa đạt", 1),
                ("Đã cử đi bồi dưỡng", 4),
                ("Chưa cử đi bồi dưỡng", 1),
            ],
            training_below,
            3,
        ),
        sections=[Section("", _strings(training_values(r) for r in outcomes.training))],
        totals=_strings([training_values(outcomes.training_total)]),
        notes=[(plans_note(outcomes), "italic")],
    )
    retest_below = [
        "Được kiểm tra lại",
        "Dự kiểm tra",
        "Đạt",
        "Không đạt",
        "Vắng",
        "Chưa có kết quả",
    ]
    retest = _unit_document(
        unit,
        title=f"{RETEST_TITLE} {span}",
        columns=[Column("Đơn vị", 3.0), *(Column("", 1.0, "right") for _i in range(7))],
        header_cells=_merged(
            [("Đơn vị", 1), ("Số người chưa đạt", 1), ("Kiểm tra lại", 6)], retest_below, 3
        ),
        sections=[Section("", _strings(retest_values(r) for r in outcomes.retest))],
        totals=_strings([retest_values(outcomes.retest_total)]),
        notes=[(plans_note(outcomes), "italic")],
    )
    decisions = [
        ("Quyết định đã ghi", "bold"),
        *(
            (
                f"{s.label}: {s.people} người — đề xuất tinh giản {s.propose}, "
                f"không đề xuất {s.not_propose}, chưa quyết định {s.pending}.",
                "regular",
            )
            for s in streamlining.sections
        ),
        (reviews_note(streamlining), "italic"),
    ]
    listed = [
        [s.label, "", str(s.people)] for s in streamlining.sections if s.section != "candidate"
    ]
    grounds = _unit_document(
        unit,
        title=f"{STREAMLINING_TITLE} {span}",
        columns=[
            Column("Căn cứ", 3.0),
            Column("Điều, khoản", 3.0),
            Column("Số người", 1.0, "right"),
        ],
        sections=[
            Section(
                "I. Đối tượng tinh giản biên chế, theo căn cứ",
                _strings(ground_values(streamlining)),
            ),
            Section("II. Không thuộc diện đề xuất tinh giản", listed),
        ],
        notes=decisions,
    )
    return tables_pdf([_distribution_document(unit, rows), training, retest, grounds])


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
