"""The reports and the sitting's records as PDF.

A room's records (the attendance list and the room record) are Django templates under
``results/reports/pdf/`` extending the plans' base (A4, administrative margins, DejaVu fonts),
laid out by WeasyPrint like ``plans/pdf.py``. The report forms are tables, some of thousands
of people (the results summary, the list below the bar), set by ``tablepdf`` a hundred times
faster, with the same fonts, margins, header and signatures. Official papers: always in
Vietnamese; they read and never write.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML, Document

from sathach.core.errors import ServiceError
from sathach.delivery.models import RoomSession
from sathach.plans.models import BlueprintPart, Council, Sitting

from ..constants import Classification, PartStatus
from . import records
from .access import ReportScope
from .selectors import Tally, UnitGroup, results_rows
from .tablepdf import Column, HeaderCell, Section, TableDocument, table_pdf, tables_pdf
from .texts import DEFAULT_ISSUER, LOCAL_TZ, paper_header
from .xlsx import (
    TALLY_GROUP_HEADERS,
    TALLY_TITLES,
    TALLY_WIDTH,
    roman,
    tally_headers,
)

Progress = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, message: str) -> None:
    """Report nowhere (a PDF made in the request, or in a test)."""


def _document(template: str, context: Mapping[str, Any]) -> Document:
    html = render_to_string(f"results/reports/pdf/{template}", dict(context))
    return HTML(string=html, base_url=None).render()


def _concatenate(documents: Sequence[Document]) -> bytes:
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def number(value: Any, digits: int = 2) -> str:
    """Return a number the Vietnamese way: 85.5 → "85,50"; None → ""."""
    if value is None or value == "":
        return ""
    return f"{value:.{digits}f}".replace(".", ",")


def _today_line() -> str:
    today = timezone.now().astimezone(LOCAL_TZ)
    return f"……, ngày {today:%d} tháng {today:%m} năm {today:%Y}"


# --- Tallies ------------------------------------------------------------------------------------


def _tally_values(index: Any, tally: Tally) -> list[str]:
    values = [
        str(index),
        tally.label,
        str(tally.candidates),
        str(tally.absent),
        str(tally.pending),
        str(tally.complete),
    ]
    for _label, count, share in tally.levels:
        values += [str(count), number(share)]
    return [*values, number(tally.pass_rate), number(tally.mean_percent)]


@translation.override("vi")
def tally_pdf(
    scope: ReportScope, tables: Sequence[tuple[str, Sequence[Tally]]], total: Tally
) -> bytes:
    """Return the tally tables (by unit; or by block, rank, position and age band), one form
    each, laid out like the Excel forms: merged headers, numbered columns, the total row, the
    signatures."""
    documents = []
    for dimension, tallies in tables:
        cells, _height = tally_headers(TALLY_GROUP_HEADERS[dimension])
        header = [HeaderCell(c.text, c.row, c.col, c.rows, c.cols) for c in cells[:-TALLY_WIDTH]]
        columns = [Column("STT", 0.55, "center"), Column("", 3.4)]
        columns += [Column("", 0.78, "right") for _i in range(TALLY_WIDTH - 2)]
        documents.append(
            TableDocument(
                **_opening(scope, TALLY_TITLES[dimension]),
                columns=columns,
                header_cells=header,
                sections=[
                    Section("", [_tally_values(i, t) for i, t in enumerate(tallies, start=1)])
                ],
                totals=[["", "Tổng cộng", *_tally_values("", total)[2:]]],
                signatures=_signatures(["THỦ TRƯỞNG ĐƠN VỊ"], _today_line()),
            )
        )
    return tables_pdf(documents)


# --- Long lists (tablepdf) ---------------------------------------------------------------------


def _signatures(right_role: Sequence[str], dated: str) -> list[list[tuple[str, str]]]:
    return [
        [("NGƯỜI LẬP BIỂU", "bold"), ("(Ký, ghi rõ họ tên)", "italic")],
        [
            (dated, "italic"),
            *((role, "bold") for role in right_role),
            ("(Ký tên, đóng dấu)", "italic"),
        ],
    ]


def _opening(scope: ReportScope, title: str) -> dict[str, Any]:
    header = paper_header(scope)
    return {
        "issuer": header.issuer,
        "plan_code": header.plan_code,
        "title": title,
        "subtitles": [
            (header.plan_line, "bold"),
            (header.decision_line, "italic"),
            (header.scope_line, "italic"),
        ],
    }


def _score(status: str, score: Any) -> str:
    if status == PartStatus.SCORED and score is not None:
        return number(score)
    return str(PartStatus(status).label) if status else ""


def _part_columns(parts: Sequence[BlueprintPart]) -> list[Column]:
    return [Column(f"Phần {p.order} (tối đa {_short(p.max_score)})", 1.1, "right") for p in parts]


def _short(value: Any) -> str:
    """Return 100.00 as "100" and 7.50 as "7,5"."""
    return f"{value.normalize():f}".replace(".", ",")


@translation.override("vi")
def below_bar_pdf(
    scope: ReportScope, parts: Sequence[BlueprintPart], groups: Sequence[UnitGroup]
) -> bytes:
    """Return "Danh sách công chức không đạt yêu cầu" (by reporting unit, with reasons)."""
    columns = [
        Column("STT", 0.55, "center"),
        Column("Số báo danh", 0.95, "center"),
        Column("Họ và tên", 2.1),
        Column("Ngày sinh", 1.0, "center"),
        Column("Ngạch", 1.3),
        Column("Vị trí việc làm", 1.6),
        *_part_columns(parts),
        Column("Tổng điểm", 0.9, "right"),
        Column("Lý do không đạt", 2.6),
    ]
    sections, index = [], 0
    for n, group in enumerate(groups, start=1):
        rows = []
        for person in group.rows:
            index += 1
            cells = [_score(c.status, c.score) if c is not None else "" for c in person.cells]
            rows.append(
                [
                    str(index),
                    person.number,
                    person.name,
                    f"{person.birth_date:%d/%m/%Y}",
                    person.rank,
                    person.position,
                    *cells,
                    number(person.total),
                    "; ".join(person.reasons),
                ]
            )
        sections.append(Section(f"{roman(n)}. {group.name} ({len(rows)} người)", rows))
    header = paper_header(scope)
    document = TableDocument(
        **_opening(scope, "DANH SÁCH CÔNG CHỨC KHÔNG ĐẠT YÊU CẦU"),
        columns=columns,
        sections=sections,
        notes=[(f"Tổng số: {index} người không đạt yêu cầu.", "bold")],
        signatures=_signatures([header.signer], _today_line()),
    )
    return table_pdf(document)


@translation.override("vi")
def results_summary_pdf(scope: ReportScope, progress: Progress = _no_progress) -> bytes:
    """Return the results summary (Bảng tổng hợp kết quả, domain.md §1.6): every candidate in
    scope by reporting unit and registration number, each part's score, the total, the result
    and the class, the counts, and the signatures of the preparer and the council's chair.
    ``progress`` counts the rows."""
    progress(0, 1, _("Đọc kết quả"))
    parts, groups = results_rows(scope)
    columns = [
        Column("STT", 0.55, "center"),
        Column("Số báo danh", 0.95, "center"),
        Column("Họ và tên", 2.2),
        Column("Ngày sinh", 1.0, "center"),
        *_part_columns(parts),
        Column("Tổng điểm", 0.9, "right"),
        Column("Kết quả", 1.0, "center"),
        Column("Xếp loại", 0.9, "center"),
    ]
    levels = {c.value: str(c.label) for c in Classification}
    sections, index, passed, complete = [], 0, 0, 0
    for n, group in enumerate(groups, start=1):
        rows = []
        for row in group.rows:
            index += 1
            complete += row.total is not None
            passed += row.passed
            outcome = (
                "Chưa đủ kết quả" if row.total is None else ("Đạt" if row.passed else "Không đạt")
            )
            rows.append(
                [
                    str(index),
                    row.number,
                    row.name,
                    f"{row.birth_date:%d/%m/%Y}",
                    *(_score(status, score) for status, score in row.scores),
                    number(row.total),
                    outcome,
                    levels.get(row.classification, ""),
                ]
            )
        sections.append(Section(f"{roman(n)}. {group.name} ({len(rows)} người)", rows))
    total = max(index, 1)

    def report(done: int, _total: int) -> None:
        progress(done, total, _("Đã xếp %(d)d/%(t)d dòng") % {"d": done, "t": index})

    document = TableDocument(
        **_opening(scope, "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH"),
        columns=columns,
        sections=sections,
        notes=[
            (
                f"Tổng số: {index} người; có đủ kết quả: {complete}; đạt: {passed}; "
                f"không đạt: {complete - passed}; chưa đủ kết quả: {index - complete}.",
                "bold",
            )
        ],
        signatures=_signatures(["TM. HỘI ĐỒNG", "CHỦ TỊCH"], _today_line()),
    )
    return table_pdf(document, progress=report)


# --- The sitting's records (WeasyPrint) -------------------------------------------------------


def _sitting_context(session: RoomSession) -> dict[str, Any]:
    sitting: Sitting = session.sitting
    start = sitting.starts_at.astimezone(LOCAL_TZ)
    plan = sitting.plan
    council = Council.objects.filter(plan=plan).first()
    issuer = council.name if council is not None and council.name else DEFAULT_ISSUER
    return {
        "issuer": issuer.upper(),
        "plan_code": plan.code,
        "plan_name": plan.name,
        "sitting_name": sitting.name,
        "part_name": sitting.part.name,
        "part_order": sitting.part.order,
        "date": f"{start:%d/%m/%Y}",
        "time": f"{start:%H:%M}",
        "minutes": sitting.duration_minutes,
        "room": session.room,
    }


def _session(session: RoomSession) -> RoomSession:
    return RoomSession.objects.select_related("sitting__part", "sitting__plan", "room").get(
        pk=session.pk
    )


def _attendance_document(session: RoomSession) -> Document:
    sheet = records.attendance(session)
    context = {
        **_sitting_context(session),
        "sheet": sheet,
        "PRESENT": records.PRESENT,
        "ABSENT": records.ABSENT,
        "VOIDED": records.VOIDED,
    }
    return _document("attendance.html", context)


def _room_record_document(session: RoomSession) -> Document:
    context = {**_sitting_context(session), "record": records.room_record(session)}
    return _document("room_record.html", context)


@translation.override("vi")
def attendance_pdf(session: RoomSession) -> bytes:
    """Return the room's signed attendance list from its attempts (present, absent, voided)."""
    return _attendance_document(_session(session)).write_pdf()


@translation.override("vi")
def room_record_pdf(session: RoomSession) -> bytes:
    """Return the room's record (biên bản phòng thi)."""
    return _room_record_document(_session(session)).write_pdf()


@translation.override("vi")
def sitting_records_pdf(sitting: Sitting, progress: Progress = _no_progress) -> bytes:
    """Return, room by room, the attendance list and the record of every room of ``sitting``
    in one PDF; ``progress`` counts the rooms."""
    sessions = list(
        RoomSession.objects.filter(sitting=sitting)
        .select_related("sitting__part", "sitting__plan", "room")
        .order_by("room__name", "pk")
    )
    total = len(sessions) + 1
    documents: list[Document] = []
    for i, session in enumerate(sessions):
        progress(i, total, _("Phòng %(r)s") % {"r": session.room.name})
        documents.append(_attendance_document(session))
        documents.append(_room_record_document(session))
    if not documents:
        raise ServiceError(
            _("Ca thi “%(s)s” chưa có phòng thi trên máy tính nào: chưa có hồ sơ phòng thi.")
            % {"s": sitting},
            code="no_rooms",
        )
    progress(len(sessions), total, _("Ghép tệp PDF"))
    return _concatenate(documents)
