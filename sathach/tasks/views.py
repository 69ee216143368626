"""The page of a background job: its progress, refreshed by htmx, and its file when done."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from .selectors import job_can_download, job_get_for_user, job_result


def ascii_filename(name: str) -> str:
    """Return ``name`` without Vietnamese marks ("Bảng kê đề.pdf" → "Bang ke de.pdf")."""
    name = name.replace("đ", "d").replace("Đ", "D")
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.replace('"', "") or "ket-qua"


def _context(request: HttpRequest, pk: int) -> dict[str, object]:
    job = job_get_for_user(user=request.user, pk=pk)
    return {"job": job, "can_download": job_can_download(user=request.user, job=job)}


class JobDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(request, "tasks/job_detail.html", _context(request, pk))


class JobProgressView(LoginRequiredMixin, View):
    """The progress block alone, polled every second while the job runs."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(request, "tasks/_job_progress.html", _context(request, pk))


class JobDownloadView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        job, content = job_result(user=request.user, pk=pk)
        response = HttpResponse(content, content_type=job.content_type)
        # RFC 6266: an ASCII fallback and the UTF-8 name, so Vietnamese names survive.
        ascii_name = ascii_filename(job.filename)
        response["Content-Disposition"] = (
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(job.filename)}"
        )
        return response
