"""Background jobs: a long piece of work (a PDF batch, an import, a report) run by a worker.

The job row is what a person watches: its state, how far it has got and, when done, the file
it made. The queue itself is django-tasks' database backend; ``task_result_id`` links the two.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .constants import JobState


class Job(models.Model):
    """One background job started by a user."""

    kind = models.CharField(_("loại công việc"), max_length=60)
    title = models.CharField(_("tên công việc"), max_length=255)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="jobs",
        verbose_name=_("người yêu cầu"),
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    done = models.PositiveIntegerField(_("đã làm"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    message = models.CharField(_("đang làm"), max_length=255, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    result = models.BinaryField(_("kết quả"), blank=True, default=b"")
    filename = models.CharField(_("tên tệp"), max_length=255, blank=True)
    content_type = models.CharField(_("kiểu tệp"), max_length=100, blank=True)
    task_result_id = models.CharField(_("mã hàng đợi"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("công việc")
        verbose_name_plural = _("công việc")
        indexes = [models.Index(fields=["created_by", "-created_at"], name="job_owner_recent")]
        constraints = [
            models.CheckConstraint(condition=Q(done__lte=F("total")), name="job_done_le_total"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        """Return how far the job has got, 0–100 (100 once done)."""
        if self.state == JobState.DONE:
            return 100
        return 100 * self.done // self.total if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    @property
    def result_ready(self) -> bool:
        return self.state == JobState.DONE and bool(self.filename)
