"""Pages of the import of past years' ratings (.xlsx), as the roster import: upload, the
report with every bad row, the error workbook, the template.

Only users who may write ratings somewhere (organiser, unit HR) see them; anyone else 404.
The error workbook is kept in the session until the next import, never written to disk.
"""

from __future__ import annotations

import base64
from pathlib import PurePath
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from sathach.core.errors import ServiceError
from sathach.lib.formats.ratings import write_template

from .forms import RatingsImportForm
from .permissions import write_paths
from .services import RatingsImportReport, ratings_import
from .views import xlsx_response

SESSION_KEY = "evaluation.ratings_import_errors"
MAX_SESSION_BYTES = 4 * 1024 * 1024
ERRORS_SHOWN = 500


class WriterMixin(LoginRequiredMixin):
    """Signed in, and holding a rating-write role for some unit; otherwise 404."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not write_paths(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class RatingsImportView(WriterMixin, View):
    template_name = "evaluation/ratings_import.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, RatingsImportForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = RatingsImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, form)
        upload = form.cleaned_data["file"]
        request.session.pop(SESSION_KEY, None)
        try:
            report = ratings_import(
                actor=request.user,
                data=upload.read(),
                filename=PurePath(upload.name).name,
                year=form.cleaned_data["year"],
                partial=form.cleaned_data["partial"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except ServiceError as exc:
            form.add_error("file", exc.message)
            return self._render(request, form)
        kept = self._keep_error_workbook(request, report)
        return self._render(request, form, report=report, errors_kept=kept)

    def _keep_error_workbook(self, request: HttpRequest, report: RatingsImportReport) -> bool:
        if not report.errors:
            return False
        data = report.error_workbook()
        if len(data) > MAX_SESSION_BYTES:
            return False
        request.session[SESSION_KEY] = {
            "filename": report.filename,
            "data": base64.b64encode(data).decode("ascii"),
        }
        return True

    def _render(self, request: HttpRequest, form: RatingsImportForm, **extra: Any) -> HttpResponse:
        report: RatingsImportReport | None = extra.get("report")
        context = {
            "form": form,
            "report": report,
            "errors_shown": report.errors[:ERRORS_SHOWN] if report else [],
            "errors_hidden": max(0, len(report.errors) - ERRORS_SHOWN) if report else 0,
            "errors_kept": extra.get("errors_kept", False),
        }
        return render(request, self.template_name, context)


class RatingsImportErrorsView(WriterMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        kept = request.session.get(SESSION_KEY)
        if not kept:
            raise Http404
        stem = PurePath(kept["filename"]).stem or "xep-loai"
        return xlsx_response(base64.b64decode(kept["data"]), f"loi-{stem}.xlsx")


class RatingsTemplateView(WriterMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return xlsx_response(write_template(), "mau-xep-loai-chat-luong.xlsx")
