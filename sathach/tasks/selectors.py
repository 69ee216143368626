"""Reads of background jobs: a job is its creator's (an administrator may watch it)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from sathach.accounts.constants import Role

from .models import Job


def _is_admin(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.ADMIN))


def job_list(*, user: Any) -> QuerySet[Job]:
    """Return the jobs ``user`` may watch, newest first, without their files."""
    if not getattr(user, "is_authenticated", False):
        return Job.objects.none()
    jobs = Job.objects.defer("result")
    if not _is_admin(user):
        jobs = jobs.filter(created_by_id=user.pk)
    return jobs.order_by("-created_at", "-pk")


def job_get_for_user(*, user: Any, pk: int) -> Job:
    """Return job ``pk`` if ``user`` may watch it; 404 otherwise, so nobody learns of another's
    job."""
    job = job_list(user=user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


def job_can_download(*, user: Any, job: Job) -> bool:
    """Only the creator downloads the file: it may hold exam content, which an administrator
    does not see by default (DESIGN §1)."""
    return bool(job.created_by_id == getattr(user, "pk", None) and job.result_ready)


def job_result(*, user: Any, pk: int) -> tuple[Job, bytes]:
    """Return job ``pk`` and its file, for its creator; 404 for anyone else or before it is
    done."""
    job = job_get_for_user(user=user, pk=pk)
    if not job_can_download(user=user, job=job):
        raise Http404
    content = Job.objects.filter(pk=pk).values_list("result", flat=True).get()
    return job, bytes(content)
