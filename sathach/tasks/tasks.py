"""The one background task: run a job with the handler of its kind (``registry``).

django-tasks is the backport of Django 6's ``django.tasks``; on Django 6 the import below
becomes ``from django.tasks import task`` and nothing else changes.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django_tasks import task

from sathach.core.errors import ServiceError

from .registry import handler_for
from .services import job_fail, job_finish, job_start

logger = logging.getLogger(__name__)


@task()
def job_run(job_id: int) -> None:
    """Run job ``job_id``: mark it running, call its handler, store the file or the error.

    A refusal (ServiceError) or a record that has gone (404) fails the job with a message for
    its owner; anything else fails it too and is raised again, so the queue records the
    traceback for whoever runs the worker.
    """
    job = job_start(job_id=job_id)
    if job is None:
        return  # gone, or already run by another worker
    handler = handler_for(job.kind)
    try:
        if handler is None:
            raise ServiceError(
                _("Không có loại công việc “%(k)s”.") % {"k": job.kind}, code="unknown_kind"
            )
        output = handler(job)
    except ServiceError as exc:
        job_fail(job_id=job_id, error=exc.message)
    except (Http404, PermissionDenied):
        job_fail(
            job_id=job_id,
            error=_("Không tìm thấy dữ liệu của công việc, hoặc bạn không còn quyền xem."),
        )
    except Exception:
        logger.exception("job %s (%s) failed", job_id, job.kind)
        job_fail(job_id=job_id, error=_("Công việc gặp lỗi ngoài dự kiến. Hãy báo quản trị."))
        raise
    else:
        job_finish(job_id=job_id, output=output)
