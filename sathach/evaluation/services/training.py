"""Training after a failed test (domain.md §3, suggested pipeline: failed test → training
with a deadline → re-test). Training (đào tạo, bồi dưỡng) is governed by NĐ 101/2017 as
amended by NĐ 89/2021, and it comes first: a person is streamlined for lacking
qualifications only when retraining is impossible.

Only people below the bar of a plan whose results are published may be sent; nobody is sent
twice to courses that overlap while the first is still open.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.org.models import Person
from sathach.plans.models import Plan
from sathach.results.models import PlanResult

from ..constants import TrainingState
from ..models import TrainingAssignment
from ..selectors_training import assignment_list, below_bar, plan_outcomes
from .common import require_person_write, text


def _label(person: Person) -> str:
    return f"{person.full_name} ({person.code})"


def _dmy(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _actor(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def require_published(plan: Plan) -> None:
    if plan.results_published_at is None:
        raise ServiceError(
            _("Kết quả của kế hoạch “%(c)s” chưa được công bố.") % {"c": plan.code},
            code="not_published",
        )


@transaction.atomic
def training_assign_bulk(
    *,
    actor: Any,
    plan: Plan,
    person_ids: Iterable[int],
    course: str,
    provider: str,
    starts_on: dt.date,
    ends_on: dt.date,
) -> list[TrainingAssignment]:
    """Send the people ``person_ids``, all below the bar of ``plan``, on one course.

    All or nothing: if anyone is not below the bar, or is on an open course whose dates
    overlap, nobody is sent and the refusal names each of them. One audit event with the count.
    """
    require_published(plan)
    ids = sorted({int(i) for i in person_ids})
    if not ids:
        raise ServiceError(_("Hãy chọn ít nhất một người."), code="none_selected")
    course, provider = text(course), text(provider)
    if not course or not provider:
        raise ServiceError(
            _("Hãy ghi tên khóa bồi dưỡng và cơ sở đào tạo, bồi dưỡng."), code="required"
        )
    if ends_on < starts_on:
        raise ServiceError(_("Ngày kết thúc trước ngày bắt đầu."), code="bad_dates")
    persons = Person.objects.select_related("unit").in_bulk(ids)
    results = {
        r.candidate.person_id: r
        for r in below_bar(plan).filter(candidate__person_id__in=ids).select_related("candidate")
    }
    refusals: list[str] = []
    for pid in ids:
        person = persons.get(pid)
        if person is None or pid not in results:
            who = _label(person) if person else f"#{pid}"
            refusals.append(
                _("%(p)s không có tên trong danh sách chưa đạt của kế hoạch “%(c)s”.")
                % {"p": who, "c": plan.code}
            )
    if refusals:
        raise ServiceError(" ".join(refusals), code="not_below_bar")
    for person in persons.values():
        require_person_write(actor, person)
    # An open course (still "assigned") whose dates meet the new one's.
    overlapping = (
        TrainingAssignment.objects.select_for_update()
        .filter(person_id__in=ids, state=TrainingState.ASSIGNED)
        .filter(Q(starts_on__lte=ends_on) & Q(ends_on__gte=starts_on))
        .order_by("person__sort_key", "starts_on")
    )
    for row in overlapping:
        refusals.append(
            _("%(p)s đang được cử đi bồi dưỡng “%(k)s” từ %(a)s đến %(b)s, trùng thời gian.")
            % {
                "p": _label(persons[row.person_id]),
                "k": row.course,
                "a": _dmy(row.starts_on),
                "b": _dmy(row.ends_on),
            }
        )
    if refusals:
        raise ServiceError(" ".join(refusals), code="overlapping_course")
    rows = [
        TrainingAssignment(
            person=persons[pid],
            plan=plan,
            result=results[pid],
            course=course,
            provider=provider,
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=_actor(actor),
        )
        for pid in ids
    ]
    created = TrainingAssignment.objects.bulk_create(rows)
    audit_record(
        actor=actor,
        action="evaluation.training_assign",
        target=plan,
        data={
            "count": len(created),
            "persons": [persons[pid].code for pid in ids],
            "course": course,
            "provider": provider,
            "starts_on": starts_on,
            "ends_on": ends_on,
        },
        profile=plan.exam_profile,
    )
    return created


@transaction.atomic
def training_complete(
    *,
    actor: Any,
    assignment: TrainingAssignment,
    completed_on: dt.date,
    passed: bool,
    note: str = "",
    certificate_ref: str = "",
) -> TrainingAssignment:
    """Record how the course ended: completed (``passed``) or not completed, on
    ``completed_on``; once only."""
    row = (
        TrainingAssignment.objects.select_for_update()
        .select_related("person__unit", "plan")
        .get(pk=assignment.pk)
    )
    require_person_write(actor, row.person)
    if row.state != TrainingState.ASSIGNED:
        raise ServiceError(
            _("Đã ghi kết quả bồi dưỡng của %(p)s: %(s)s.")
            % {"p": _label(row.person), "s": TrainingState(row.state).label},
            code="already_recorded",
        )
    if completed_on < row.starts_on:
        raise ServiceError(
            _("Ngày ghi nhận kết quả trước ngày bắt đầu khóa bồi dưỡng (%(d)s).")
            % {"d": _dmy(row.starts_on)},
            code="bad_dates",
        )
    if completed_on > timezone.localdate():
        raise ServiceError(_("Ngày ghi nhận kết quả chưa đến."), code="bad_dates")
    row.state = TrainingState.COMPLETED if passed else TrainingState.NOT_COMPLETED
    row.completed_on = completed_on
    row.certificate_ref = text(certificate_ref)
    row.note = text(note)
    row.completed_by = _actor(actor)
    row.save()
    audit_record(
        actor=actor,
        action="evaluation.training_complete",
        target=row,
        data={
            "person": row.person.code,
            "plan": row.plan.code,
            "state": row.state,
            "completed_on": completed_on,
            "certificate": row.certificate_ref,
        },
    )
    return row


# --- Exports ----------------------------------------------------------------------------------

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(wrap_text=True, vertical="top")

ASSIGNMENT_HEADERS = (
    "STT",
    "Mã công chức",
    "Họ và tên",
    "Ngày sinh",
    "Đơn vị",
    "Số báo danh",
    "Kết quả kiểm tra",
    "Khóa bồi dưỡng",
    "Cơ sở đào tạo, bồi dưỡng",
    "Từ ngày",
    "Đến ngày",
    "Tình trạng",
    "Ngày ghi nhận",
    "Số chứng chỉ",
    "Ghi chú",
)
ASSIGNMENT_WIDTHS = (6, 14, 26, 12, 30, 10, 20, 30, 28, 12, 12, 18, 12, 16, 30)
OUTCOME_HEADERS = (
    "STT",
    "Mã công chức",
    "Họ và tên",
    "Đơn vị",
    "Số báo danh",
    "Kết quả kiểm tra",
    "Bồi dưỡng",
    "Kiểm tra lại",
)
OUTCOME_WIDTHS = (6, 14, 26, 30, 10, 20, 40, 18)
HEADER_ROW = 5


def _result_text(result: PlanResult) -> str:
    percent = f"{result.percent}%" if result.percent is not None else ""
    return " ".join(x for x in (result.get_classification_display() or "Không đạt", percent) if x)


def _sheet(
    book: Workbook, title: str, heading: str, subtitle: str, headers: tuple[str, ...]
) -> Any:
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    width = len(headers)
    for row, value, font in (
        (2, heading, Font(bold=True, size=14)),
        (3, subtitle, Font(italic=True)),
    ):
        cell = sheet.cell(row, 1, value)
        cell.font, cell.alignment = font, CENTER
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    for col, header in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font, cell.alignment, cell.border = Font(bold=True), CENTER, BOX
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    return sheet


def _put(sheet: Any, row: int, values: list[Any]) -> None:
    for col, value in enumerate(values, start=1):
        if isinstance(value, str) and value.startswith("="):
            value = "'" + value  # text that looks like a formula stays text
        cell = sheet.cell(row, col, value)
        cell.border, cell.alignment = BOX, WRAP


def _finish(sheet: Any, widths: tuple[int, ...]) -> bytes:
    for col, size in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = size
    sheet.page_setup.orientation = "landscape"
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def training_export_xlsx(*, actor: Any, plan: Plan) -> bytes:
    """Return "Danh sách cử đi bồi dưỡng" of ``plan``: one row per assignment ``actor`` may
    see. Audited: the list holds personal data."""
    rows = list(
        assignment_list(user=actor, plan=plan).select_related("result", "result__candidate")
    )
    book = Workbook()
    sheet = _sheet(
        book,
        "Cử đi bồi dưỡng",
        "DANH SÁCH CỬ ĐI BỒI DƯỠNG",
        f"(Sau kiểm tra, sát hạch theo kế hoạch {plan.code}; lập ngày "
        f"{_dmy(timezone.localdate())})",
        ASSIGNMENT_HEADERS,
    )
    for index, row in enumerate(rows, start=1):
        person = row.person
        _put(
            sheet,
            HEADER_ROW + index,
            [
                index,
                person.code,
                person.full_name,
                _dmy(person.birth_date),
                person.unit.name,
                row.result.candidate.number,
                _result_text(row.result),
                row.course,
                row.provider,
                _dmy(row.starts_on),
                _dmy(row.ends_on),
                str(TrainingState(row.state).label),
                _dmy(row.completed_on) if row.completed_on else "",
                row.certificate_ref,
                row.note,
            ],
        )
    data = _finish(sheet, ASSIGNMENT_WIDTHS)
    audit_record(
        actor=actor,
        action="evaluation.training_export",
        target=plan,
        data={"rows": len(rows)},
    )
    return data


@transaction.atomic
def outcomes_export_xlsx(*, actor: Any, plan: Plan) -> bytes:
    """Return the training and re-test outcomes of everyone below the bar of ``plan`` that
    ``actor`` sees, with the counts at the foot. Audited."""
    outcomes = plan_outcomes(user=actor, plan=plan)
    book = Workbook()
    sheet = _sheet(
        book,
        "Kết quả bồi dưỡng",
        "KẾT QUẢ BỒI DƯỠNG VÀ KIỂM TRA LẠI",
        f"(Người chưa đạt kế hoạch {plan.code}; lập ngày {_dmy(timezone.localdate())})",
        OUTCOME_HEADERS,
    )
    retest_text = {True: "Đạt", False: "Không đạt", None: "Chưa có kết quả"}
    for index, row in enumerate(outcomes.rows, start=1):
        person = row.person
        courses = "; ".join(
            f"{a.course} ({_dmy(a.starts_on)}–{_dmy(a.ends_on)}): {TrainingState(a.state).label}"
            for a in row.assignments
        )
        _put(
            sheet,
            HEADER_ROW + index,
            [
                index,
                person.code,
                person.full_name,
                person.unit.name,
                row.result.candidate.number,
                _result_text(row.result),
                courses or "Chưa cử",
                retest_text[row.retest_passed],
            ],
        )
    foot = HEADER_ROW + len(outcomes.rows) + 2
    training = outcomes.training_counts()
    retest = outcomes.retest_counts()
    summary = (
        ("Số người chưa đạt", outcomes.below),
        ("Đang bồi dưỡng", training["assigned"]),
        ("Hoàn thành bồi dưỡng", training["completed"]),
        ("Không hoàn thành bồi dưỡng", training["not_completed"]),
        ("Chưa cử đi bồi dưỡng", training["none"]),
        ("Kiểm tra lại: đạt", retest["passed"]),
        ("Kiểm tra lại: không đạt", retest["failed"]),
        ("Chưa có kết quả kiểm tra lại", retest["pending"]),
    )
    for offset, (label, value) in enumerate(summary):
        sheet.cell(foot + offset, 3, label).font = Font(bold=True)
        sheet.cell(foot + offset, 4, value)
    data = _finish(sheet, OUTCOME_WIDTHS)
    audit_record(
        actor=actor,
        action="evaluation.training_outcomes_export",
        target=plan,
        data={"rows": outcomes.below},
    )
    return data


def _assignment_rows(actor: Any, plan: Plan) -> list[list[Any]]:
    rows = assignment_list(user=actor, plan=plan).select_related("result", "result__candidate")
    return [
        [
            index,
            row.person.code,
            row.person.full_name,
            _dmy(row.person.birth_date),
            row.person.unit.name,
            row.result.candidate.number,
            _result_text(row.result),
            row.course,
            row.provider,
            _dmy(row.starts_on),
            _dmy(row.ends_on),
            str(TrainingState(row.state).label),
            _dmy(row.completed_on) if row.completed_on else "",
            row.certificate_ref,
            row.note,
        ]
        for index, row in enumerate(rows, start=1)
    ]


@transaction.atomic
def training_export_pdf(*, actor: Any, plan: Plan) -> bytes:
    """Return "Danh sách cử đi bồi dưỡng" of ``plan`` as PDF: the rows and columns of
    ``training_export_xlsx``. Audited like it."""
    from ..pdf import plan_list_pdf

    rows = _assignment_rows(actor, plan)
    data = plan_list_pdf(
        plan=plan,
        title="DANH SÁCH CỬ ĐI BỒI DƯỠNG",
        subtitle=f"(Sau kiểm tra, sát hạch theo kế hoạch {plan.code}; lập ngày "
        f"{_dmy(timezone.localdate())})",
        headers=ASSIGNMENT_HEADERS,
        widths=ASSIGNMENT_WIDTHS,
        rows=[[str(v) for v in row] for row in rows],
    )
    audit_record(
        actor=actor,
        action="evaluation.training_export_pdf",
        target=plan,
        data={"rows": len(rows)},
    )
    return data


@transaction.atomic
def outcomes_export_pdf(*, actor: Any, plan: Plan) -> bytes:
    """Return the training and re-test outcomes as PDF: the rows, columns and counts of
    ``outcomes_export_xlsx``. Audited like it."""
    from ..pdf import plan_list_pdf

    outcomes = plan_outcomes(user=actor, plan=plan)
    retest_text = {True: "Đạt", False: "Không đạt", None: "Chưa có kết quả"}
    rows = []
    for index, row in enumerate(outcomes.rows, start=1):
        person = row.person
        courses = "; ".join(
            f"{a.course} ({_dmy(a.starts_on)}–{_dmy(a.ends_on)}): {TrainingState(a.state).label}"
            for a in row.assignments
        )
        rows.append(
            [
                str(index),
                person.code,
                person.full_name,
                person.unit.name,
                row.result.candidate.number,
                _result_text(row.result),
                courses or "Chưa cử",
                retest_text[row.retest_passed],
            ]
        )
    training = outcomes.training_counts()
    retest = outcomes.retest_counts()
    summary = (
        ("Số người chưa đạt", outcomes.below),
        ("Đang bồi dưỡng", training["assigned"]),
        ("Hoàn thành bồi dưỡng", training["completed"]),
        ("Không hoàn thành bồi dưỡng", training["not_completed"]),
        ("Chưa cử đi bồi dưỡng", training["none"]),
        ("Kiểm tra lại: đạt", retest["passed"]),
        ("Kiểm tra lại: không đạt", retest["failed"]),
        ("Chưa có kết quả kiểm tra lại", retest["pending"]),
    )
    data = plan_list_pdf(
        plan=plan,
        title="KẾT QUẢ BỒI DƯỠNG VÀ KIỂM TRA LẠI",
        subtitle=f"(Người chưa đạt kế hoạch {plan.code}; lập ngày {_dmy(timezone.localdate())})",
        headers=OUTCOME_HEADERS,
        widths=OUTCOME_WIDTHS,
        rows=rows,
        notes=[(f"{label}: {value}", "bold") for label, value in summary],
    )
    audit_record(
        actor=actor,
        action="evaluation.training_outcomes_export_pdf",
        target=plan,
        data={"rows": outcomes.below},
    )
    return data
