"""Streamlining reviews (domain.md §3): open a review, record the facts its criteria read,
record a human decision per listed person, export the list in the layout organisers file.

Nothing is decided automatically: the criteria (``sathach.lib.rules.streamlining``) list who
may be a candidate and why; a person records "propose" or "not propose" with a reason. A
deferred person, and anyone on the two-KHT-years dismissal route, cannot be proposed.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.org.models import Person, Unit

from ..constants import (
    CircumstanceKind,
    Decision,
    Ground,
    Section,
    SurplusKind,
    finding_label,
)
from ..models import (
    Circumstance,
    QualificationGap,
    StreamliningCase,
    StreamliningReview,
    SurplusRecord,
)
from ..rules import profile_for, streamlining_rules
from ..selectors import assess_persons, review_listing
from .common import check_year, require_person_write, require_unit_write, text


@transaction.atomic
def review_create(
    *,
    actor: Any,
    unit: Unit,
    year: int,
    profile: str = "",
    reviewed_on: dt.date | None = None,
) -> StreamliningReview:
    """Open the review of ``unit``'s subtree for ``year``; the profile defaults to the one in
    force on the review date (``ND154-2025`` since 16/6/2025)."""
    require_unit_write(actor, unit)
    check_year(year)
    reviewed_on = reviewed_on or timezone.localdate()
    chosen = profile_for("streamlining", profile, reviewed_on)
    assert chosen is not None
    if StreamliningReview.objects.filter(unit=unit, year=year, profile=chosen.ref).exists():
        raise ServiceError(
            _("Đã có đợt xét tinh giản năm %(y)s của đơn vị “%(u)s” theo %(p)s.")
            % {"y": year, "u": unit.code, "p": chosen.ref},
            code="review_exists",
        )
    review = StreamliningReview.objects.create(
        unit=unit,
        year=year,
        profile=chosen.ref,
        reviewed_on=reviewed_on,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action="evaluation.streamlining_review_create",
        target=review,
        data={"unit": unit.code, "year": year, "reviewed_on": reviewed_on},
        profile=chosen.ref,
    )
    return review


@transaction.atomic
def case_decide(
    *,
    actor: Any,
    review: StreamliningReview,
    person: Person,
    decision: str,
    reason: str,
) -> StreamliningCase:
    """Record whether to propose ``person`` for streamlining, with the reason.

    The person must be listed by the review's criteria now; their grounds and deferrals are
    stored with the decision. Only a candidate can be proposed: a deferred person waits, and
    two consecutive KHT years lead to dismissal under the Civil Servants Law, never to
    streamlining (domain.md §3).
    """
    require_unit_write(actor, review.unit)
    require_person_write(actor, person)
    if not person.unit.path.startswith(review.unit.path):
        raise ServiceError(
            _("Công chức “%(c)s” không thuộc đơn vị của đợt xét.") % {"c": person.code},
            code="outside_review",
        )
    if decision not in Decision.values:
        raise ServiceError(_("Quyết định không hợp lệ."), code="bad_decision")
    reason = text(reason)
    if not reason:
        raise ServiceError(_("Phải ghi lý do."), code="required")
    rules = streamlining_rules(review.profile)
    assessment = assess_persons([person], year=review.year, on=review.reviewed_on, rules=rules)[
        person.pk
    ]
    section = assessment.section
    if section is None:
        raise ServiceError(
            _("Công chức “%(c)s” không thuộc danh sách xét của đợt này.") % {"c": person.code},
            code="not_listed",
        )
    if decision == Decision.PROPOSE and section == Section.DISMISSAL:
        raise ServiceError(
            _(
                "Công chức “%(c)s” có 02 năm liên tiếp không hoàn thành nhiệm vụ: giải quyết "
                "thôi việc theo Luật Cán bộ, công chức, không đề xuất tinh giản biên chế."
            )
            % {"c": person.code},
            code="dismissal_route",
            basis=assessment.dismissal.basis if assessment.dismissal else "",
        )
    if decision == Decision.PROPOSE and section == Section.DEFERRED:
        raise ServiceError(
            _("Công chức “%(c)s” thuộc diện chưa xem xét tinh giản biên chế: %(d)s")
            % {"c": person.code, "d": " ".join(d.data for d in assessment.deferrals)},
            code="deferred",
        )
    findings = [f for f in assessment.cited() if f not in assessment.deferrals]
    case, created = StreamliningCase.objects.select_for_update().get_or_create(
        review=review,
        person=person,
        defaults={
            "section": section,
            "decision": decision,
            "reason": reason,
            "decided_at": timezone.now(),
        },  # fmt: skip
    )
    case.section = section
    case.grounds = [f.as_dict() for f in findings]
    case.deferrals = [f.as_dict() for f in assessment.deferrals]
    case.decision = decision
    case.reason = reason
    case.decided_by = actor if getattr(actor, "pk", None) else None
    case.decided_at = timezone.now()
    case.save()
    audit_record(
        actor=actor,
        action="evaluation.streamlining_decide",
        target=case,
        data={
            "review": review.pk,
            "person": person.code,
            "section": section,
            "decision": decision,
            "reason": reason,
            "grounds": [f.key for f in findings],
            "created": created,
        },
        profile=review.profile,
    )
    return case


# --- Facts the criteria read ----------------------------------------------------------------


def _actor(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _check_dates(first: dt.date, last: dt.date | None) -> None:
    if last is not None and last < first:
        raise ServiceError(_("Ngày kết thúc trước ngày bắt đầu."), code="bad_dates")


@transaction.atomic
def qualification_gap_record(
    *,
    actor: Any,
    person: Person,
    required_level: str,
    actual_level: str,
    recorded_on: dt.date,
    retraining_possible: bool,
    other_post_available: bool,
    resolved_on: dt.date | None = None,
    note: str = "",
) -> QualificationGap:
    """Record that the person lacks the training level their job position requires."""
    require_person_write(actor, person)
    if not text(required_level) or not text(actual_level):
        raise ServiceError(_("Phải ghi trình độ yêu cầu và trình độ hiện có."), code="required")
    _check_dates(recorded_on, resolved_on)
    gap = QualificationGap.objects.create(
        person=person,
        required_level=text(required_level),
        actual_level=text(actual_level),
        recorded_on=recorded_on,
        retraining_possible=retraining_possible,
        other_post_available=other_post_available,
        resolved_on=resolved_on,
        note=text(note),
        recorded_by=_actor(actor),
    )
    audit_record(
        actor=actor,
        action="evaluation.qualification_gap_record",
        target=gap,
        data={
            "person": person.code,
            "required": gap.required_level,
            "actual": gap.actual_level,
            "retraining_possible": retraining_possible,
            "other_post_available": other_post_available,
            "resolved_on": resolved_on,
        },
    )
    return gap


@transaction.atomic
def surplus_record_add(
    *,
    actor: Any,
    person: Person,
    kind: str,
    decision_ref: str,
    decided_on: dt.date,
    can_be_replaced: bool = False,
    volunteered_with_consent: bool = False,
    note: str = "",
) -> SurplusRecord:
    """Record a surplus or a lost leadership post, with the decision behind it."""
    require_person_write(actor, person)
    if kind not in SurplusKind.values:
        raise ServiceError(_("Trường hợp không hợp lệ."), code="bad_kind")
    if not text(decision_ref):
        raise ServiceError(_("Phải ghi số, ngày quyết định."), code="required")
    record = SurplusRecord.objects.create(
        person=person,
        kind=kind,
        decision_ref=text(decision_ref),
        decided_on=decided_on,
        can_be_replaced=can_be_replaced,
        volunteered_with_consent=volunteered_with_consent,
        note=text(note),
        recorded_by=_actor(actor),
    )
    audit_record(
        actor=actor,
        action="evaluation.surplus_record_add",
        target=record,
        data={
            "person": person.code,
            "kind": kind,
            "decision": record.decision_ref,
            "decided_on": decided_on,
            "can_be_replaced": can_be_replaced,
            "volunteered_with_consent": volunteered_with_consent,
        },  # fmt: skip
    )
    return record


@transaction.atomic
def circumstance_record(
    *,
    actor: Any,
    person: Person,
    kind: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    child_birth_date: dt.date | None = None,
    volunteers: bool = False,
    note: str = "",
) -> Circumstance:
    """Record a circumstance that defers streamlining (pregnancy, a young child, an open
    disciplinary case, prosecution, inspection)."""
    require_person_write(actor, person)
    if kind not in CircumstanceKind.values:
        raise ServiceError(_("Trường hợp không hợp lệ."), code="bad_kind")
    _check_dates(starts_on, ends_on)
    if kind == CircumstanceKind.YOUNG_CHILD and child_birth_date is None:
        raise ServiceError(_("Phải ghi ngày sinh của con."), code="required")
    try:
        with transaction.atomic():
            record = Circumstance.objects.create(
                person=person,
                kind=kind,
                starts_on=starts_on,
                ends_on=ends_on,
                child_birth_date=child_birth_date,
                volunteers=volunteers,
                note=text(note),
                recorded_by=_actor(actor),
            )
    except IntegrityError as exc:  # pragma: no cover - checked above
        raise ServiceError(_("Dữ liệu không hợp lệ."), code="invalid") from exc
    audit_record(
        actor=actor,
        action="evaluation.circumstance_record",
        target=record,
        data={
            "person": person.code,
            "kind": kind,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "child_birth_date": child_birth_date,
            "volunteers": volunteers,
        },  # fmt: skip
    )
    return record


# --- Export ---------------------------------------------------------------------------------

EXPORT_HEADERS = (
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Chức vụ/đơn vị",
    "Căn cứ (điều, khoản)",
    "Dữ liệu",
    "Đề xuất",
    "Lý do",
)
EXPORT_WIDTHS = (6, 26, 12, 32, 60, 50, 16, 36)
HEADER_ROW = 6


def _basis_text(finding: Any) -> str:
    label = finding_label(finding.key)
    flag = " (chưa xác minh)" if finding.unverified else ""
    return f"{label}: {finding.basis}{flag}"


def review_export_xlsx(*, actor: Any, review: StreamliningReview) -> bytes:
    """Return the review's list as organisers file it: the issuer and national motto, the
    title, then the candidates by ground, the deferred and the dismissal route in separate
    parts, one row per person (STT, name, birth date, post and unit, legal ground, data,
    proposal, reason). Audited: the list holds personal data."""
    listing = review_listing(user=actor, review=review)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách tinh giản"
    width = len(EXPORT_HEADERS)
    bold, italic = Font(bold=True), Font(italic=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    half = width // 2
    sheet.cell(1, 1, review.unit.name.upper()).font = bold
    sheet.cell(1, half + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").font = bold
    sheet.cell(2, half + 1, "Độc lập - Tự do - Hạnh phúc").font = bold
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=half)
    sheet.merge_cells(start_row=1, start_column=half + 1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=half + 1, end_row=2, end_column=width)
    title = f"DANH SÁCH XÉT TINH GIẢN BIÊN CHẾ NĂM {review.year}"
    subtitle = (
        f"(Theo {listing.rules.ref}; ngày xét {review.reviewed_on:%d/%m/%Y}; "
        f"lập ngày {timezone.localdate():%d/%m/%Y})"
    )
    for row, value, font in ((4, title, Font(bold=True, size=14)), (5, subtitle, italic)):
        cell = sheet.cell(row, 1, value)
        cell.font, cell.alignment = font, center
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    for row in (1, 2):
        for col in (1, half + 1):
            sheet.cell(row, col).alignment = center
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, header in enumerate(EXPORT_HEADERS, start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font, cell.alignment, cell.border = bold, center, box
    row = HEADER_ROW

    def part(label: str) -> None:
        nonlocal row
        row += 1
        cell = sheet.cell(row, 1, label)
        cell.font = bold
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)

    def person_row(index: int, listed: Any, findings: list[Any]) -> None:
        nonlocal row
        row += 1
        person, case = listed.person, listed.case
        post = ", ".join(
            x for x in (person.position.name if person.position else "", person.unit.name) if x
        )
        values = [
            index,
            person.full_name,
            f"{person.birth_date:%d/%m/%Y}",
            post,
            "\n".join(_basis_text(f) for f in findings),
            "\n".join(f.data for f in findings),
            Decision(case.decision).label if case else "Chưa quyết định",
            case.reason if case else "",
        ]
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row, col, str(value) if col != 1 else value)
            cell.border, cell.alignment = box, wrap

    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
    number = 0
    index = 0
    for key, people in listing.by_ground().items():
        number += 1
        part(f"{roman[number - 1]}. {Ground(key).label}")
        for listed in people:
            index += 1
            own = [f for f in listed.assessment.grounds if f.key == key]
            person_row(index, listed, own)
    for section, label in (
        (Section.DEFERRED, "Chưa xem xét tinh giản biên chế"),
        (Section.DISMISSAL, "Giải quyết thôi việc (02 năm liên tiếp không hoàn thành nhiệm vụ)"),
    ):
        number += 1
        part(f"{roman[number - 1]}. {label}")
        for listed in listing.sections[section]:
            index += 1
            person_row(index, listed, list(listed.assessment.cited()))
    sign = row + 2
    sheet.cell(sign, 2, "NGƯỜI LẬP BIỂU").font = bold
    sheet.cell(sign, half + 2, "THỦ TRƯỞNG ĐƠN VỊ").font = bold
    sheet.cell(sign + 1, 2, "(Ký, ghi rõ họ tên)").font = italic
    sheet.cell(sign + 1, half + 2, "(Ký tên, đóng dấu)").font = italic
    for col, size in enumerate(EXPORT_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = size
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    buffer = io.BytesIO()
    book.save(buffer)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="evaluation.streamlining_export",
            target=review,
            data={s: len(listing.sections[s]) for s in Section.values},
            profile=review.profile,
        )
    return buffer.getvalue()


def review_export_pdf(*, actor: Any, review: StreamliningReview) -> bytes:
    """Return the review's list as PDF: the rows and parts of ``review_export_xlsx``. Audited
    like it."""
    from ..pdf import review_pdf

    listing = review_listing(user=actor, review=review)
    subtitle = (
        f"(Theo {listing.rules.ref}; ngày xét {review.reviewed_on:%d/%m/%Y}; "
        f"lập ngày {timezone.localdate():%d/%m/%Y})"
    )
    index = 0

    def person_row(listed: Any, findings: list[Any]) -> list[str]:
        nonlocal index
        index += 1
        person, case = listed.person, listed.case
        post = ", ".join(
            x for x in (person.position.name if person.position else "", person.unit.name) if x
        )
        return [
            str(index),
            person.full_name,
            f"{person.birth_date:%d/%m/%Y}",
            post,
            "; ".join(_basis_text(f) for f in findings),
            " ".join(f.data for f in findings),
            str(Decision(case.decision).label) if case else "Chưa quyết định",
            case.reason if case else "",
        ]

    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
    parts: list[tuple[str, list[list[str]]]] = []
    for key, people in listing.by_ground().items():
        rows = [
            person_row(listed, [f for f in listed.assessment.grounds if f.key == key])
            for listed in people
        ]
        parts.append((f"{roman[len(parts)]}. {Ground(key).label}", rows))
    for section, label in (
        (Section.DEFERRED, "Chưa xem xét tinh giản biên chế"),
        (Section.DISMISSAL, "Giải quyết thôi việc (02 năm liên tiếp không hoàn thành nhiệm vụ)"),
    ):
        rows = [
            person_row(listed, list(listed.assessment.cited()))
            for listed in listing.sections[section]
        ]
        parts.append((f"{roman[len(parts)]}. {label}", rows))
    data = review_pdf(review=review, subtitle=subtitle, parts=parts)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="evaluation.streamlining_export_pdf",
            target=review,
            data={s: len(listing.sections[s]) for s in Section.values},
            profile=review.profile,
        )
    return data
