"""Printable records of a plan as PDF: attendance lists, admission slips, seat plans, test papers,
answer sheets, per-room packs and conflict-of-interest declarations.

Each function reads the plan through the models (never writes), renders a Django template
under ``plans/pdf/`` to HTML and lays it out with WeasyPrint (A4, Vietnamese administrative
margins, DejaVu fonts, which cover Vietnamese). A paper shows the questions and options only,
in the form's option order: never the key, feedback or source.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML, Document

from sathach.bank.constants import ItemKind
from sathach.bank.models import ItemVersion

from .constants import PartKind, ProctorRole, SittingMode
from .models import (
    BoardMembership,
    Council,
    Form,
    Plan,
    ProctorAssignment,
    Room,
    Seat,
    Sitting,
)
from .services import conflict_declaration_data

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_ISSUER = "HỘI ĐỒNG KIỂM TRA, SÁT HẠCH"
LETTERS = "ABCDEFGHIJ"
ANSWER_SHEET_ROWS = 15  # questions per column of the answer sheet
SLIPS_PER_ROW = 2

_ASSET_SRC = re.compile(r'src="asset:([^"]+)"')

# Called as ``progress(done, total, message)`` while a long PDF is laid out (a background job
# shows it as a progress bar).
Progress = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, message: str) -> None:
    """Report nowhere (a PDF made in the request, or in a test)."""


# --- Rendering --------------------------------------------------------------------------------


def _document(template: str, context: Mapping[str, Any]) -> Document:
    html = render_to_string(f"plans/pdf/{template}", dict(context))
    return HTML(string=html, base_url=None).render()


def _pdf(template: str, context: Mapping[str, Any]) -> bytes:
    return _document(template, context).write_pdf()


def _concatenate(documents: Sequence[Document]) -> bytes:
    """Return one PDF of the pages of ``documents``, in order."""
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


# --- Shared context -----------------------------------------------------------------------------


def _header(plan: Plan) -> dict[str, str]:
    council = Council.objects.filter(plan=plan).first()
    issuer = council.name if council and council.name else DEFAULT_ISSUER
    return {"issuer": issuer.upper(), "plan_code": plan.code, "plan_name": plan.name}


def _local(sitting: Sitting) -> dt.datetime:
    return sitting.starts_at.astimezone(LOCAL_TZ)


def _sitting_info(sitting: Sitting) -> dict[str, Any]:
    start = _local(sitting)
    part = sitting.part
    return {
        "sitting_name": sitting.name,
        "part_name": part.name,
        "part_order": part.order,
        "date": f"{start:%d/%m/%Y}",
        "time": f"{start:%H:%M}",
        "minutes": sitting.duration_minutes,
    }


def _date(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _room_seats(sitting: Sitting, room: Room) -> list[Seat]:
    return list(
        Seat.objects.filter(sitting=sitting, room=room)
        .select_related("candidate__person__unit", "form_link__form")
        .order_by("number")
    )


def _variant(seat: Seat) -> int | None:
    link = getattr(seat, "form_link", None)
    return link.form.variant if link is not None else None


def _is_paper(sitting: Sitting) -> bool:
    return sitting.part.kind == PartKind.PAPER_MCQ or sitting.part.sitting_mode == (
        SittingMode.PAPER
    )


# --- Attendance list ------------------------------------------------------------------------------


def _attendance_document(sitting: Sitting, room: Room) -> Document:
    seats = _room_seats(sitting, room)
    proctors = {
        a.role: a.membership
        for a in ProctorAssignment.objects.filter(sitting=sitting, room=room).select_related(
            "membership__person", "membership__user"
        )
    }

    def proctor_name(role: int) -> str:
        membership = proctors.get(role)
        if membership is None:
            return ""
        return membership.person.full_name if membership.person else str(membership.user)

    rows = [
        {
            "stt": i,
            "number": seat.candidate.number,
            "name": seat.candidate.person.full_name,
            "birth_date": _date(seat.candidate.person.birth_date),
            "unit": seat.candidate.person.unit.name,
        }
        for i, seat in enumerate(seats, start=1)
    ]
    context = {
        **_header(sitting.plan),
        **_sitting_info(sitting),
        "room": room,
        "rows": rows,
        "count": len(rows),
        "proctor1": proctor_name(ProctorRole.FIRST),
        "proctor2": proctor_name(ProctorRole.SECOND),
    }
    return _document("attendance.html", context)


def attendance_list_pdf(sitting: Sitting, room: Room) -> bytes:
    """Return the signed attendance list (danh sách thí sinh) of ``room`` in ``sitting``."""
    return _attendance_document(sitting, room).write_pdf()


# --- Admission slips ------------------------------------------------------------------------------


def _slip(seat: Seat) -> dict[str, Any]:
    return {
        "name": seat.candidate.person.full_name,
        "birth_date": _date(seat.candidate.person.birth_date),
        "unit": seat.candidate.person.unit.name,
        "number": seat.candidate.number,
        "room": seat.room.name,
        "location": seat.room.location,
        "seat": seat.number,
    }


def admission_slips_pdf(sitting: Sitting, progress: Progress = _no_progress) -> bytes:
    """Return one admission slip (giấy báo dự kiểm tra) per seated candidate of ``sitting``,
    several to an A4 page, in room and seat order; each room starts a new page (slips are
    handed out room by room). ``progress`` counts candidates."""
    seats = list(
        Seat.objects.filter(sitting=sitting)
        .select_related("room", "candidate__person__unit")
        .order_by("room__name", "number")
    )
    by_room: dict[int, list[Seat]] = {}
    for seat in seats:
        by_room.setdefault(seat.room_id, []).append(seat)
    header = {**_header(sitting.plan), **_sitting_info(sitting)}
    documents, done = [], 0
    for room_seats in by_room.values() or [[]]:
        slips = [_slip(seat) for seat in room_seats]
        rows = [slips[i : i + SLIPS_PER_ROW] for i in range(0, len(slips), SLIPS_PER_ROW)]
        documents.append(_document("admission_slips.html", {**header, "rows": rows}))
        done += len(room_seats)
        if room_seats:
            progress(done, len(seats), _("Phòng %(r)s") % {"r": room_seats[0].room.name})
    return _concatenate(documents)


# --- Seat plan ---------------------------------------------------------------------------------


def _seat_plan_document(sitting: Sitting, room: Room) -> Document:
    seats = _room_seats(sitting, room)
    by_place = {(s.row, s.col): s for s in seats}
    columns = max([room.columns, *(s.col for s in seats)])
    n_rows = max([-(-room.capacity // room.columns), *(s.row for s in seats)], default=0)
    paper = _is_paper(sitting)
    grid = []
    for r in range(1, n_rows + 1):
        cells = []
        for c in range(1, columns + 1):
            seat = by_place.get((r, c))
            cells.append(
                None
                if seat is None
                else {
                    "seat": seat.number,
                    "number": seat.candidate.number,
                    "variant": _variant(seat) if paper else None,
                }
            )
        grid.append({"row": r, "cells": cells})
    context = {
        **_header(sitting.plan),
        **_sitting_info(sitting),
        "room": room,
        "grid": grid,
        "columns": range(1, columns + 1),
        "count": len(seats),
        "paper": paper,
    }
    return _document("seat_plan.html", context)


def seat_plan_pdf(sitting: Sitting, room: Room) -> bytes:
    """Return the seat plan (sơ đồ chỗ ngồi) of ``room``: rows from the front, with each seat's
    registration number and, for a paper part, its variant."""
    return _seat_plan_document(sitting, room).write_pdf()


# --- Test paper and answer sheet ------------------------------------------------------------------


@dataclass
class _Question:
    number: int
    stem: SafeString
    options: list[tuple[str, SafeString]] = field(default_factory=list)
    lines: Sequence[int] = ()  # answer lines for a question without options


def _inline_assets(html: str, assets: Mapping[str, Any]) -> SafeString:
    """Replace ``asset:NAME`` sources by data: URIs (the PDF needs no server)."""

    def replace(match: re.Match[str]) -> str:
        asset = assets.get(match.group(1))
        if asset is None:
            return 'src="" data-missing-asset="1"'
        encoded = base64.b64encode(bytes(asset.content)).decode()
        return f'src="data:{asset.mime};base64,{encoded}"'

    # Stems and options were sanitised when stored (bank.content.sanitize).
    return mark_safe(_ASSET_SRC.sub(replace, html))  # noqa: S308


def _questions(form: Form) -> list[_Question]:
    versions = {
        v.pk: v for v in ItemVersion.objects.filter(pk__in=form.items).prefetch_related("assets")
    }
    questions = []
    for i, version_id in enumerate(form.items):
        version = versions[version_id]
        assets = {a.name: a for a in version.assets.all()}
        order = form.option_orders[i] if i < len(form.option_orders) else None
        stored = version.content.get("options", [])
        question = _Question(number=i + 1, stem=_inline_assets(version.stem, assets))
        if stored:
            positions: Iterable[int] = order if order is not None else range(len(stored))
            question.options = [
                (LETTERS[p], _inline_assets(stored[original]["text"], assets))
                for p, original in enumerate(positions)
            ]
        elif version.kind == ItemKind.TRUE_FALSE:
            question.options = [("A", mark_safe("Đúng")), ("B", mark_safe("Sai"))]
        else:
            question.lines = range(6)
        questions.append(question)
    return questions


def _paper_context(form: Form) -> dict[str, Any]:
    part = form.part
    return {
        **_header(part.plan),
        "part": part,
        "minutes": part.minutes,
        "variant": form.variant,
    }


def _paper_document(form: Form) -> Document:
    context = {**_paper_context(form), "questions": _questions(form)}
    return _document("test_paper.html", context)


def test_paper_pdf(form: Form) -> bytes:
    """Return the paper of a variant: the questions in order, options lettered in the form's
    option order, images inlined; no answer key."""
    return _paper_document(form).write_pdf()


test_paper_pdf.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def _answer_sheet_document(form: Form) -> Document:
    versions = {
        v.pk: v for v in ItemVersion.objects.filter(pk__in=form.items).only("pk", "content", "kind")
    }
    width = 4
    for version in versions.values():
        width = max(width, len(version.content.get("options", [])))
    numbers = list(range(1, len(form.items) + 1))
    columns = [
        numbers[i : i + ANSWER_SHEET_ROWS] for i in range(0, len(numbers), ANSWER_SHEET_ROWS)
    ]
    # Transpose into rows of the grid: row r holds question r of every column.
    grid = [
        [column[r] if r < len(column) else None for column in columns]
        for r in range(min(ANSWER_SHEET_ROWS, len(numbers)))
    ]
    context = {
        **_paper_context(form),
        "letters": LETTERS[:width],
        "grid": grid,
        "n_columns": len(columns),
        "count": len(numbers),
    }
    return _document("answer_sheet.html", context)


def answer_sheet_pdf(form: Form) -> bytes:
    """Return the answer sheet (phiếu trả lời trắc nghiệm) of a variant."""
    return _answer_sheet_document(form).write_pdf()


def variant_pdf(form: Form, progress: Progress = _no_progress) -> bytes:
    """Return a variant's paper followed by its answer sheet."""
    progress(0, 3, _("Đề thi"))
    paper = _paper_document(form)
    progress(1, 3, _("Phiếu trả lời"))
    sheet = _answer_sheet_document(form)
    progress(2, 3, _("Ghép tệp PDF"))
    return _concatenate([paper, sheet])


# --- Per room pack -------------------------------------------------------------------------------


def room_pdf(sitting: Sitting, room: Room, progress: Progress = _no_progress) -> bytes:
    """Return one PDF for ``room``: attendance list, seat plan and, for a paper part, the paper
    of every variant handed out in the room. ``progress`` counts the sections."""
    forms: list[Form] = []
    if _is_paper(sitting):
        forms = list(
            Form.objects.filter(seat_links__seat__sitting=sitting, seat_links__seat__room=room)
            .select_related("part__plan")
            .distinct()
            .order_by("variant")
        )
    total = 3 + len(forms)  # list, seat plan, each paper, and joining them
    progress(0, total, _("Danh sách thí sinh"))
    documents = [_attendance_document(sitting, room)]
    progress(1, total, _("Sơ đồ chỗ ngồi"))
    documents.append(_seat_plan_document(sitting, room))
    for i, form in enumerate(forms, start=2):
        progress(i, total, _("Đề số %(n)s") % {"n": form.variant})
        documents.append(_paper_document(form))
    progress(total - 1, total, _("Ghép tệp PDF"))
    return _concatenate(documents)


# --- Conflict-of-interest declaration ---------------------------------------------------------


def conflict_declaration_pdf(membership: BoardMembership) -> bytes:
    """Return a member's declaration (bản cam kết) with their latest declared conflicts."""
    sheet = conflict_declaration_data(membership=membership)
    declared = sheet.declared_at.astimezone(LOCAL_TZ) if sheet.declared_at else None
    context = {
        **_header(membership.plan),
        "sheet": sheet,
        "declared": f"{declared:%d/%m/%Y %H:%M}" if declared else "",
    }
    return _pdf("conflict_declaration.html", context)
