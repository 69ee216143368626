"""Writes of background jobs: enqueue, start, progress, finish, fail.

``job_enqueue`` runs in the caller's transaction and hands the job to the queue only once that
transaction commits, so a worker never picks up a job whose row it cannot see yet.
``job_progress`` is one UPDATE, cheap enough to call for every page or candidate.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError

from .constants import JobState
from .models import Job
from .registry import JobOutput, handler_for

logger = logging.getLogger(__name__)

ERROR_MAX = 2000


def _hand_to_queue(job_id: int) -> None:
    """Put the job on django-tasks' queue (after the enqueuing transaction committed)."""
    from .tasks import job_run  # the task module imports the backend; load it on first use

    try:
        result = job_run.enqueue(job_id)
    except Exception:
        logger.exception("could not enqueue job %s", job_id)
        Job.objects.filter(pk=job_id).update(
            state=JobState.FAILED,
            error=_("Không đưa được công việc vào hàng đợi. Hãy thử lại."),
            finished_at=timezone.now(),
        )
        return
    Job.objects.filter(pk=job_id).update(task_result_id=str(result.id))


@transaction.atomic
def job_enqueue(*, actor: Any, kind: str, title: str, params: dict[str, Any]) -> Job:
    """Record a job of ``kind`` for ``actor`` and queue it to run in the background.

    The caller has already checked that ``actor`` may have what the job makes; the handler
    checks again when it runs, as the same user.
    """
    if handler_for(kind) is None:
        raise ServiceError(_("Không có loại công việc “%(k)s”.") % {"k": kind}, code="unknown_kind")
    if actor is None or getattr(actor, "pk", None) is None:
        raise ServiceError(_("Công việc phải có người yêu cầu."), code="no_actor")
    job = Job(kind=kind, title=" ".join(title.split())[:255], params=params, created_by=actor)
    job.full_clean(exclude=["result"])
    job.save()
    audit_record(
        actor=actor, action="tasks.job_enqueue", target=job, data={"kind": kind, "params": params}
    )
    transaction.on_commit(lambda: _hand_to_queue(job.pk))
    return job


@transaction.atomic
def job_start(*, job_id: int) -> Job | None:
    """Mark a queued job as running; return None when it is not queued (already run)."""
    job = Job.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.state != JobState.QUEUED:
        return None
    job.state = JobState.RUNNING
    job.started_at = timezone.now()
    job.message = _("Đang bắt đầu…")
    job.save(update_fields=["state", "started_at", "message"])
    return job


def job_progress(*, job_id: int, done: int, total: int, message: str = "") -> None:
    """Record how far a running job has got: ``done`` of ``total`` steps.

    One UPDATE in its own autocommit, so the job's page sees it at once; no audit event (the
    start and the end of the job are audited, not every step).
    """
    total = max(total, 0)
    done = min(max(done, 0), total)
    Job.objects.filter(pk=job_id, state=JobState.RUNNING).update(
        done=done, total=total, message=message[:255]
    )


@transaction.atomic
def job_finish(*, job_id: int, output: JobOutput) -> Job:
    """Store the file a job made and mark it done."""
    job = Job.objects.select_for_update().get(pk=job_id)
    if job.state != JobState.RUNNING:
        raise ServiceError(_("Công việc không ở trạng thái đang chạy."), code="job_state")
    job.state = JobState.DONE
    job.result = output.content
    job.filename = output.filename
    job.content_type = output.content_type
    job.done = job.total = max(job.total, 1)
    job.message = _("Đã xong.")
    job.finished_at = timezone.now()
    job.save()
    audit_record(
        actor=None,
        action="tasks.job_finish",
        target=job,
        data={"kind": job.kind, "filename": job.filename, "bytes": len(output.content)},
    )
    return job


@transaction.atomic
def job_fail(*, job_id: int, error: str) -> Job:
    """Mark a job failed with ``error``, the message its owner reads."""
    job = Job.objects.select_for_update().get(pk=job_id)
    job.state = JobState.FAILED
    job.error = error[:ERROR_MAX]
    job.message = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "error", "message", "finished_at"])
    audit_record(
        actor=None,
        action="tasks.job_fail",
        target=job,
        data={"kind": job.kind, "error": job.error},
    )
    return job
