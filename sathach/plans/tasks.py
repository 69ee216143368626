"""The plan's printable records made as background jobs, one PDF a job.

Each kind has a ``*_enqueue`` function that the pages call (it names the job and queues it) and
a handler that the worker runs (registered in ``PlansConfig.ready``). The handler looks the
records up again as the user who asked, through the same selectors and permissions as the
pages, so a job never prints what its owner may no longer see; it reports each section or
room as it goes. WeasyPrint is imported inside the handlers: only a worker lays out PDFs.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sathach.core.errors import PermissionDeniedError
from sathach.tasks.models import Job
from sathach.tasks.registry import JobOutput, register
from sathach.tasks.services import job_enqueue, job_progress

from .models import BlueprintPart, BoardMembership, Form, Plan, Room, Sitting
from .permissions import can_print, can_print_declaration
from .selectors import (
    membership_get,
    part_get,
    plan_get_for_user,
    room_get,
    sitting_get,
    variant_get,
)

PDF = "application/pdf"
ROOM_PDF = "plans.room_pdf"
VARIANT_PDF = "plans.variant_pdf"
ANSWER_SHEET_PDF = "plans.answer_sheet_pdf"
ADMISSION_SLIPS_PDF = "plans.admission_slips_pdf"
DECLARATION_PDF = "plans.declaration_pdf"


def _reporter(job: Job) -> Any:
    def progress(done: int, total: int, message: str) -> None:
        job_progress(job_id=job.pk, done=done, total=total, message=message)

    return progress


def _printable_plan(job: Job) -> Plan:
    """Return the job's plan if its owner may still print it (404 if they cannot read it)."""
    plan = plan_get_for_user(user=job.created_by, code=job.params["plan"])
    if not can_print(job.created_by, plan):
        raise PermissionDeniedError(
            _("Bạn không có quyền in hồ sơ của kế hoạch “%(c)s”.") % {"c": plan.code}
        )
    return plan


def _pdf(content: bytes, filename: str) -> JobOutput:
    return JobOutput(content=content, filename=filename, content_type=PDF)


# --- Room pack ----------------------------------------------------------------------------------


def room_pdf_enqueue(*, actor: Any, sitting: Sitting, room: Room) -> Job:
    return job_enqueue(
        actor=actor,
        kind=ROOM_PDF,
        title=_("Hồ sơ phòng %(r)s — %(s)s") % {"r": room.name, "s": sitting},
        params={"plan": sitting.plan.code, "sitting": sitting.pk, "room": room.pk},
    )


def room_pdf_job(job: Job) -> JobOutput:
    from .pdf import room_pdf

    plan = _printable_plan(job)
    sitting = sitting_get(user=job.created_by, plan=plan, pk=job.params["sitting"])
    room = room_get(user=job.created_by, plan=plan, pk=job.params["room"])
    content = room_pdf(sitting, room, progress=_reporter(job))
    return _pdf(content, f"{plan.code}-ca{sitting.pk}-phong{room.pk}.pdf")


# --- Paper variants -----------------------------------------------------------------------------


def variant_pdf_enqueue(*, actor: Any, form: Form, answer_sheet_only: bool = False) -> Job:
    part = form.part
    if answer_sheet_only:
        kind = ANSWER_SHEET_PDF
        title = _("Phiếu trả lời trắc nghiệm, đề số %(v)d — phần %(n)d, %(c)s")
    else:
        kind = VARIANT_PDF
        title = _("Đề số %(v)d và phiếu trả lời — phần %(n)d, %(c)s")
    return job_enqueue(
        actor=actor,
        kind=kind,
        title=title % {"v": form.variant, "n": part.order, "c": part.plan.code},
        params={"plan": part.plan.code, "part": part.pk, "variant": form.variant},
    )


def _variant(job: Job) -> tuple[Plan, BlueprintPart, Form]:
    plan = _printable_plan(job)
    part = part_get(user=job.created_by, plan=plan, pk=job.params["part"])
    form = variant_get(user=job.created_by, part=part, variant=job.params["variant"])
    return plan, part, form


def variant_pdf_job(job: Job) -> JobOutput:
    from .pdf import variant_pdf

    plan, part, form = _variant(job)
    content = variant_pdf(form, progress=_reporter(job))
    return _pdf(content, f"{plan.code}-phan{part.order}-de{form.variant}.pdf")


def answer_sheet_pdf_job(job: Job) -> JobOutput:
    from .pdf import answer_sheet_pdf

    plan, part, form = _variant(job)
    job_progress(job_id=job.pk, done=0, total=1, message=_("Phiếu trả lời"))
    content = answer_sheet_pdf(form)
    return _pdf(content, f"{plan.code}-phan{part.order}-phieu-tra-loi-de{form.variant}.pdf")


# --- Admission slips ----------------------------------------------------------------------------


def admission_slips_enqueue(*, actor: Any, sitting: Sitting) -> Job:
    return job_enqueue(
        actor=actor,
        kind=ADMISSION_SLIPS_PDF,
        title=_("Giấy báo dự kiểm tra — %(s)s") % {"s": sitting},
        params={"plan": sitting.plan.code, "sitting": sitting.pk},
    )


def admission_slips_job(job: Job) -> JobOutput:
    from .pdf import admission_slips_pdf

    plan = _printable_plan(job)
    sitting = sitting_get(user=job.created_by, plan=plan, pk=job.params["sitting"])
    content = admission_slips_pdf(sitting, progress=_reporter(job))
    return _pdf(content, f"{plan.code}-ca{sitting.pk}-giay-bao.pdf")


# --- Conflict-of-interest declaration -------------------------------------------------------------


def declaration_pdf_enqueue(*, actor: Any, membership: BoardMembership) -> Job:
    who = membership.person.full_name if membership.person else str(membership.user)
    return job_enqueue(
        actor=actor,
        kind=DECLARATION_PDF,
        title=_("Bản cam kết xung đột lợi ích — %(p)s") % {"p": who},
        params={"plan": membership.plan.code, "membership": membership.pk},
    )


def declaration_pdf_job(job: Job) -> JobOutput:
    from .pdf import conflict_declaration_pdf

    user = job.created_by
    plan = plan_get_for_user(user=user, code=job.params["plan"])
    membership = membership_get(user=user, plan=plan, pk=job.params["membership"])
    if not can_print_declaration(user, membership):
        raise PermissionDeniedError(_("Bạn không được in bản cam kết của người khác."))
    job_progress(job_id=job.pk, done=0, total=1, message=_("Bản cam kết"))
    content = conflict_declaration_pdf(membership)
    return _pdf(content, f"{plan.code}-cam-ket-{membership.pk}.pdf")


def register_jobs() -> None:
    """Tell the worker which handler runs each kind (called once, from ``PlansConfig.ready``)."""
    register(ROOM_PDF, room_pdf_job)
    register(VARIANT_PDF, variant_pdf_job)
    register(ANSWER_SHEET_PDF, answer_sheet_pdf_job)
    register(ADMISSION_SLIPS_PDF, admission_slips_job)
    register(DECLARATION_PDF, declaration_pdf_job)
