"""Pages of the results app: the plan's results table (compute, publish, export, corrections)
under /ke-hoach/<code>/ket-qua/, and a candidate's own published results under /ket-qua/.

Thin views: look the plan up for the user (404 outside their scope), check the action is
theirs (403), call one service, show its refusal as it is worded.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sathach.core.errors import ServiceError
from sathach.plans.models import BlueprintPart, Plan
from sathach.plans.selectors import plan_get_for_user

from .constants import CorrectionState
from .forms import CorrectionProposeForm, DecisionNoteForm, PublishForm
from .pdf import result_slip_pdf
from .permissions import can_manage_results
from .selectors import (
    correction_get,
    correction_list,
    own_result_get,
    own_result_list,
    part_result_get,
    publication_of,
    result_table,
    results_access,
)
from .services import (
    result_correction_approve,
    result_correction_propose,
    result_correction_reject,
    results_compute,
    results_export_xlsx,
    results_publish,
)

PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def refusal_text(exc: ServiceError) -> str:
    if exc.basis:
        return _("%(message)s (căn cứ: %(basis)s)") % {"message": exc.message, "basis": exc.basis}
    return exc.message


def _form_errors(form: Any) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def _results_url(plan: Plan) -> str:
    return reverse("results:plan-results", args=[plan.code])


def _managed_plan(request: HttpRequest, code: str) -> Plan:
    """Return the plan if the user runs it: 404 outside their scope, 403 for a reader."""
    plan = plan_get_for_user(user=request.user, code=code)
    if not can_manage_results(request.user, plan):
        raise PermissionDenied(_("Chỉ người điều hành kế hoạch được thao tác với kết quả."))
    return plan


def _part_cells(result: Any, parts: list[BlueprintPart]) -> list[Any]:
    by_part = {row.part_id: row for row in result.candidate.part_results.all()}
    return [by_part.get(part.pk) for part in parts]


class PlanResultsView(LoginRequiredMixin, View):
    """The plan's results by registration number, 50 a page, with its actions."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        access = results_access(user=request.user, plan=plan)
        results = result_table(user=request.user, plan=plan, access=access)
        parts = list(BlueprintPart.objects.filter(plan=plan).order_by("order"))
        page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        rows = [{"result": r, "cells": _part_cells(r, parts)} for r in page.object_list]
        publication = publication_of(plan)
        corrections = (
            list(correction_list(user=request.user, plan=plan, access=access)[:100])
            if publication is not None
            else []
        )
        context = {
            "plan": plan,
            "parts": parts,
            "page": page,
            "rows": rows,
            "can_manage": access.write,
            "publication": publication,
            "corrections": corrections,
            "proposed": CorrectionState.PROPOSED,
            "note_form": DecisionNoteForm(auto_id=False),
        }
        return render(request, "results/plan_results.html", context)


class _ActionView(LoginRequiredMixin, View, ABC):
    """A POST that runs one results service and returns to the results page; a refusal
    (including the second-person rule) is shown there as the service worded it."""

    @abstractmethod
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        """Call the one service of this action; return the message shown on success."""

    def post(self, request: HttpRequest, code: str, **kwargs: Any) -> HttpResponse:
        plan = _managed_plan(request, code)
        try:
            message = self.act(request, plan, **kwargs)
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
        else:
            messages.success(request, message)
        return HttpResponseRedirect(_results_url(plan))


class ResultsComputeView(_ActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        report = results_compute(actor=request.user, plan=plan)
        return _(
            "Đã tính kết quả của %(n)d người: %(p)d người đạt, %(w)d người chưa đủ kết quả."
        ) % {"n": report.candidates, "p": report.passed, "w": report.pending}


class ResultsPublishView(LoginRequiredMixin, View):
    """Publish the results, after a confirmation page saying that it locks them."""

    def _render(
        self, request: HttpRequest, plan: Plan, form: PublishForm, status: int = 200
    ) -> HttpResponse:
        results = result_table(user=request.user, plan=plan)
        context = {
            "plan": plan,
            "form": form,
            "publication": publication_of(plan),
            "count": results.count(),
            "pending": results.filter(total__isnull=True).count(),
            "passed": results.filter(passed=True).count(),
        }
        return render(request, "results/publish.html", context, status=status)

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = _managed_plan(request, code)
        return self._render(request, plan, PublishForm(auto_id="publish-%s"))

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = _managed_plan(request, code)
        form = PublishForm(request.POST, auto_id="publish-%s")
        if not form.is_valid():
            return self._render(request, plan, form, status=400)
        try:
            results_publish(
                actor=request.user,
                plan=plan,
                decision_number=form.cleaned_data["decision_number"],
                decision_date=form.cleaned_data["decision_date"],
            )
        except ServiceError as exc:
            form.add_error(None, refusal_text(exc))
            return self._render(request, plan, form, status=400)
        messages.success(request, _("Đã công bố kết quả. Từ nay điểm chỉ thay đổi qua đính chính."))
        return HttpResponseRedirect(_results_url(plan))


class ResultsExportView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        result_table(user=request.user, plan=plan)  # 404 for who may not see results
        data = results_export_xlsx(actor=request.user, plan=plan)
        response = HttpResponse(data, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="ket-qua-{plan.code}.xlsx"'
        return response


class CorrectionProposeView(LoginRequiredMixin, View):
    """Propose a new score for one published part result."""

    def _render(
        self, request: HttpRequest, plan: Plan, row: Any, form: Any, status: int = 200
    ) -> HttpResponse:
        context = {"plan": plan, "row": row, "form": form}
        return render(request, "results/correction_propose.html", context, status=status)

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = _managed_plan(request, code)
        row = part_result_get(user=request.user, plan=plan, pk=pk)
        return self._render(request, plan, row, CorrectionProposeForm(auto_id="fix-%s"))

    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = _managed_plan(request, code)
        row = part_result_get(user=request.user, plan=plan, pk=pk)
        form = CorrectionProposeForm(request.POST, auto_id="fix-%s")
        if not form.is_valid():
            return self._render(request, plan, row, form, status=400)
        try:
            result_correction_propose(
                actor=request.user,
                part_result=row,
                new_score=form.cleaned_data["new_score"],
                reason=form.cleaned_data["reason"],
            )
        except ServiceError as exc:
            form.add_error(None, refusal_text(exc))
            return self._render(request, plan, row, form, status=400)
        messages.success(request, _("Đã gửi đề xuất đính chính; cần một người khác duyệt."))
        return HttpResponseRedirect(_results_url(plan))


class CorrectionApproveView(_ActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        correction = correction_get(user=request.user, plan=plan, pk=kwargs["pk"])
        form = DecisionNoteForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        result_correction_approve(actor=request.user, correction=correction, note=note)
        return _("Đã duyệt đính chính; kết quả của người dự kiểm tra đã được tính lại.")


class CorrectionRejectView(_ActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        correction = correction_get(user=request.user, plan=plan, pk=kwargs["pk"])
        form = DecisionNoteForm(request.POST)
        if not form.is_valid():
            raise ServiceError(_form_errors(form), code="invalid_form")
        result_correction_reject(
            actor=request.user, correction=correction, note=form.cleaned_data["note"]
        )
        return _("Đã không duyệt đề xuất đính chính.")


# --- The candidate's own results ----------------------------------------------------------------


class MyResultsView(LoginRequiredMixin, View):
    """The signed-in civil servant's published results: parts, pass, class, the slip."""

    def get(self, request: HttpRequest) -> HttpResponse:
        results = [
            {"result": r, "rows": list(r.candidate.part_results.all())}
            for r in own_result_list(user=request.user)
        ]
        return render(request, "results/my_results.html", {"results": results})


class MySlipView(LoginRequiredMixin, View):
    """The result slip of one of the user's own published results (404 for anyone else's)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        result = own_result_get(user=request.user, pk=pk)
        response = HttpResponse(result_slip_pdf(result), content_type="application/pdf")
        filename = f"phieu-bao-ket-qua-{result.plan.code}-{result.candidate.number}.pdf"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response
