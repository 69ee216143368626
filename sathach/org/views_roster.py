"""Pages of the roster import and export (danh sách công chức as Excel).

Only users with a roster-write role (organiser, unit HR) see them; anyone else gets a 404.
The import's error workbook is kept in the session (signed, server-side, per user) until the
next import, so it is never written to disk.
"""

from __future__ import annotations

import base64
from pathlib import PurePath
from typing import Any

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views import View

from sathach.accounts.permissions import roster_write_paths, subtree_q
from sathach.core.errors import ServiceError
from sathach.lib.formats.roster import write_roster

from .models import Unit
from .roster import MAX_FILE_BYTES, RosterImportReport, roster_export, roster_import
from .selectors import unit_writable_by

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "org.roster_import_errors"
# Error workbooks above this size are not kept in the session (the command line writes them).
MAX_SESSION_BYTES = 4 * 1024 * 1024
# Rows of the error table shown on the page; the workbook has them all.
ERRORS_SHOWN = 500


def _writable_units(user: Any) -> QuerySet[Unit]:
    """Return the active units whose roster ``user`` may change, in tree order."""
    paths = roster_write_paths(user)
    return Unit.objects.filter(subtree_q(paths, field="path"), is_active=True).order_by("path")


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response.headers["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


class UnitChoiceField(forms.ModelChoiceField):
    """Units in tree order, indented under the top of the user's scope."""

    base_depth = 0

    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        return f"{'— ' * (obj.depth - self.base_depth)}{obj.name} ({obj.code})"


class RosterImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp danh sách (.xlsx)"))
    unit = UnitChoiceField(
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="code",
        label=_("Nhập vào đơn vị"),
        empty_label=_("Theo cột “Mã đơn vị” trong tệp"),
    )
    partial = forms.BooleanField(required=False, label=_("Chỉ nhập các dòng hợp lệ"))
    dry_run = forms.BooleanField(required=False, label=_("Kiểm tra thử (không ghi gì)"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = _writable_units(user)
        field: UnitChoiceField = self.fields["unit"]  # type: ignore[assignment]
        field.queryset = units
        field.base_depth = min((u.depth for u in units), default=0)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn quá %(n)d MB."), params={"n": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


class RosterWriterMixin(LoginRequiredMixin):
    """Signed in, and holding a roster-write role for some unit; otherwise 404."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not roster_write_paths(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class RosterImportView(RosterWriterMixin, View):
    """Upload a roster workbook; show the report, row by row for the refused rows."""

    template_name = "org/roster_import.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, RosterImportForm(user=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = RosterImportForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self._render(request, form)
        upload = form.cleaned_data["file"]
        request.session.pop(SESSION_KEY, None)
        try:
            report = roster_import(
                actor=request.user,
                data=upload.read(),
                filename=PurePath(upload.name).name,
                unit=form.cleaned_data["unit"],
                partial=form.cleaned_data["partial"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except ServiceError as exc:
            form.add_error("file", exc.message)
            return self._render(request, form)
        kept = self._keep_error_workbook(request, report)
        return self._render(request, form, report=report, errors_kept=kept)

    def _keep_error_workbook(self, request: HttpRequest, report: RosterImportReport) -> bool:
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

    def _render(self, request: HttpRequest, form: RosterImportForm, **extra: Any) -> HttpResponse:
        report: RosterImportReport | None = extra.get("report")
        context = {
            "form": form,
            "report": report,
            "errors_shown": report.errors[:ERRORS_SHOWN] if report else [],
            "errors_hidden": max(0, len(report.errors) - ERRORS_SHOWN) if report else 0,
            "errors_kept": extra.get("errors_kept", False),
        }
        return render(request, self.template_name, context)


class RosterImportErrorsView(RosterWriterMixin, View):
    """Download the last import's input rows with their errors (.xlsx)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        kept = request.session.get(SESSION_KEY)
        if not kept:
            raise Http404
        stem = PurePath(kept["filename"]).stem or "danh-sach"
        return _xlsx_response(base64.b64decode(kept["data"]), f"loi-{stem}.xlsx")


class RosterTemplateView(RosterWriterMixin, View):
    """Download the empty roster template, with its guidance sheet."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return _xlsx_response(write_roster([]), "mau-danh-sach-cong-chuc.xlsx")


class RosterExportView(RosterWriterMixin, View):
    """Download the roster of a unit subtree (?unit=CODE) in the import layout."""

    def get(self, request: HttpRequest) -> HttpResponse:
        unit = Unit.objects.filter(code=request.GET.get("unit", "")).first()
        # 404, not 403, outside the user's scope: a user cannot learn that a unit exists.
        if unit is None or not unit_writable_by(user=request.user, unit=unit):
            raise Http404
        data = roster_export(actor=request.user, unit=unit)
        return _xlsx_response(data, f"danh-sach-{unit.code}.xlsx")
