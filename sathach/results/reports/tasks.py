"""The long PDFs of the reports as background jobs (like ``sathach.plans.tasks``).

- The results summary of a whole plan (every candidate: thousands of rows).
- The records of every room of a sitting (attendance list and room record, hundreds of rooms).

Each ``*_enqueue`` is called by a page after it has checked the user; the handler looks the
plan up again as the job's owner, through the same access rules, so a job never prints what
its owner may no longer see, and reports its progress row by row or room by room. The kinds
are registered by ``register_jobs`` (idempotent).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from sathach.plans.models import Sitting
from sathach.plans.selectors import plan_get_for_user
from sathach.tasks.models import Job
from sathach.tasks.registry import JobOutput, register
from sathach.tasks.services import job_enqueue, job_progress

from .access import ReportScope, records_access_get, report_scope_get
from .services import PDF, export_audit

RESULTS_SUMMARY_PDF = "results.results_summary_pdf"
SITTING_RECORDS_PDF = "results.sitting_records_pdf"


def _reporter(job: Job) -> Any:
    def progress(done: int, total: int, message: str) -> None:
        job_progress(job_id=job.pk, done=done, total=total, message=message)

    return progress


# --- Results summary ------------------------------------------------------------------------------


def results_summary_enqueue(*, actor: Any, scope: ReportScope) -> Job:
    unit = scope.unit.code if scope.unit is not None else ""
    title = _("Bảng tổng hợp kết quả — %(c)s") % {"c": scope.plan.code}
    if scope.unit is not None:
        title = _("Bảng tổng hợp kết quả — %(c)s, %(u)s") % {
            "c": scope.plan.code,
            "u": scope.unit.name,
        }
    return job_enqueue(
        actor=actor,
        kind=RESULTS_SUMMARY_PDF,
        title=title,
        params={"plan": scope.plan.code, "unit": unit},
    )


def results_summary_job(job: Job) -> JobOutput:
    from .pdf import results_summary_pdf

    user = job.created_by
    plan = plan_get_for_user(user=user, code=job.params["plan"])
    scope = report_scope_get(user=user, plan=plan, unit_code=job.params.get("unit") or None)
    content = results_summary_pdf(scope, progress=_reporter(job))
    unit = job.params.get("unit") or ""
    export_audit(user, plan, {"kind": "bang-tong-hop", "format": "pdf", "unit": unit})
    suffix = f"-{scope.unit.code}" if scope.unit is not None else ""
    return JobOutput(content, f"bang-tong-hop-{plan.code}{suffix}.pdf", PDF)


# --- The records of a sitting's rooms -----------------------------------------------------------


def sitting_records_enqueue(*, actor: Any, sitting: Sitting) -> Job:
    return job_enqueue(
        actor=actor,
        kind=SITTING_RECORDS_PDF,
        title=_("Danh sách dự kiểm tra và biên bản các phòng — %(s)s") % {"s": sitting},
        params={"plan": sitting.plan.code, "sitting": sitting.pk},
    )


def sitting_records_job(job: Job) -> JobOutput:
    from .pdf import sitting_records_pdf

    user = job.created_by
    plan = plan_get_for_user(user=user, code=job.params["plan"])
    records_access_get(user=user, plan=plan)
    sitting = Sitting.objects.filter(plan=plan, pk=job.params["sitting"]).first()
    if sitting is None:
        raise Http404
    content = sitting_records_pdf(sitting, progress=_reporter(job))
    export_audit(user, plan, {"kind": "ho-so-phong-thi", "sitting": sitting.pk})
    return JobOutput(content, f"ho-so-phong-thi-{plan.code}-ca{sitting.pk}.pdf", PDF)


def register_jobs() -> None:
    """Tell the worker which handler runs each kind (safe to call more than once)."""
    register(RESULTS_SUMMARY_PDF, results_summary_job)
    register(SITTING_RECORDS_PDF, sitting_records_job)
