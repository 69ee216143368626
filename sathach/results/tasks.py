"""The item analysis of a computer part as a background job (``sathach.tasks``).

``part_analyse_enqueue`` is what the page calls (it refuses at once what the analysis would
refuse, then queues the job); ``part_analyse_job`` is the handler the worker runs, registered
in ``ResultsConfig.ready``. The handler looks the part up again as the user who asked, through
the same selectors and permissions as the pages, runs ``part_analyse`` with the job's progress,
and offers the item table as a workbook.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sathach.plans.models import BlueprintPart
from sathach.plans.selectors import plan_get_for_user
from sathach.tasks.models import Job
from sathach.tasks.registry import JobOutput, register
from sathach.tasks.services import job_enqueue, job_progress

from .analysis import analysis_part_get, analysis_workbook, part_analyse, part_analyse_check

PART_ANALYSE = "results.part_analyse"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def part_analyse_enqueue(*, actor: Any, part: BlueprintPart, irt: bool) -> Job:
    """Queue the item analysis of ``part`` (with the 2PL calibration if ``irt``)."""
    plan = part_analyse_check(actor=actor, part=part)
    return job_enqueue(
        actor=actor,
        kind=PART_ANALYSE,
        title=_("Phân tích câu hỏi phần %(n)d — %(c)s") % {"n": part.order, "c": plan.code},
        params={"plan": plan.code, "part": part.pk, "irt": bool(irt)},
    )


def part_analyse_job(job: Job) -> JobOutput:
    user = job.created_by
    plan = plan_get_for_user(user=user, code=job.params["plan"])
    part = analysis_part_get(user=user, plan=plan, pk=job.params["part"])

    def progress(done: int, total: int, message: str) -> None:
        job_progress(job_id=job.pk, done=done, total=total, message=message)

    analysis = part_analyse(
        actor=user, part=part, irt=bool(job.params.get("irt")), progress=progress
    )
    return JobOutput(
        content=analysis_workbook(analysis),
        filename=f"{plan.code}-phan{part.order}-phan-tich-cau-hoi-{analysis.pk}.xlsx",
        content_type=XLSX,
    )


def part_analyse_jobs(*, user: Any, part: BlueprintPart, limit: int = 5) -> list[Job]:
    """Return ``user``'s latest analysis jobs of ``part``, newest first (their progress)."""
    return list(
        Job.objects.filter(created_by_id=user.pk, kind=PART_ANALYSE, params__part=part.pk)
        .defer("result")
        .order_by("-created_at", "-pk")[:limit]
    )


def register_jobs() -> None:
    """Tell the worker which handler runs the analysis (called once, from ``ready``)."""
    register(PART_ANALYSE, part_analyse_job)
