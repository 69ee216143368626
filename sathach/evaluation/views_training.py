"""Pages of training and re-tests after a published plan (domain.md §3: training first, then
a re-test): the plans with published results, one plan's people below the bar with the
course form (behind a confirmation), the assignments with their completion, the outcomes
report, the exports, and the re-test button (behind a confirmation).

Scope follows the results table: the organiser who runs the plan sees everyone, unit HR and
leaders their subtree; anyone else, or an unpublished plan, gets 404. Every write is one
service call; a refused permission is 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.plans.permissions import plan_permissions

from . import selectors_training as sel
from . import services
from .constants import TrainingState
from .forms_training import CompletionForm, CourseForm, RetestForm
from .permissions import can_write_unit
from .views import ReaderMixin, form_errors, pdf_response, xlsx_response


def _plan_url(code: str, name: str = "training-plan") -> str:
    return reverse(f"evaluation:{name}", args=[code])


class TrainingPlanListView(ReaderMixin, View):
    """The plans with published results the user may see, to pick one."""

    def get(self, request: HttpRequest) -> HttpResponse:
        plans = sel.published_plan_list(user=request.user).order_by("-results_published_at")
        return render(request, "evaluation/training_plans.html", {"plans": plans})


def _rows(request: HttpRequest, plan: Any) -> list[dict[str, Any]]:
    return [
        {
            "result": r,
            "person": r.candidate.person,
            "parts": sel.failed_parts(r),
            "can_write": can_write_unit(request.user, r.candidate.person.unit),
        }
        for r in sel.below_bar_list(user=request.user, plan=plan)
    ]


class TrainingPlanView(ReaderMixin, View):
    """One plan: those below the bar with boxes and the course form; the assignments."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = sel.published_plan_get(user=request.user, code=code)
        rows = _rows(request, plan)
        assignments = [
            {"row": a, "can_write": can_write_unit(request.user, a.person.unit)}
            for a in sel.assignment_list(user=request.user, plan=plan)
        ]
        return render(
            request,
            "evaluation/training_plan.html",
            {
                "plan": plan,
                "rows": rows,
                "can_assign": any(r["can_write"] for r in rows),
                "assignments": assignments,
                "form": CourseForm(),
                "completion": CompletionForm(),
                "assigned": TrainingState.ASSIGNED,
                "can_retest": plan_permissions(request.user, plan).write,
            },
        )


class TrainingAssignView(ReaderMixin, View):
    """POST the boxes and the course: first a confirmation page, then (``confirm``) send."""

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = sel.published_plan_get(user=request.user, code=code)
        form = CourseForm(request.POST)
        try:
            ids = [int(v) for v in request.POST.getlist("person")]
        except ValueError:
            raise Http404 from None
        try:
            if not form.is_valid():
                raise ServiceError(form_errors(form), code="invalid_form")
            if not ids:
                raise ServiceError(_("Hãy chọn ít nhất một người."), code="none_selected")
            if request.POST.get("confirm") != "1":
                chosen = [r for r in _rows(request, plan) if r["person"].pk in set(ids)]
                return render(
                    request,
                    "evaluation/training_confirm.html",
                    {"plan": plan, "rows": chosen, "form": form, "ids": ids},
                )
            created = services.training_assign_bulk(
                actor=request.user, plan=plan, person_ids=ids, **form.cleaned_data
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã cử %(n)d người đi bồi dưỡng.") % {"n": len(created)})
        return HttpResponseRedirect(_plan_url(plan.code))


class TrainingCompleteView(ReaderMixin, View):
    """Record how one assignment ended (404 outside the user's write scope)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assignment = sel.assignment_get_for_user(user=request.user, pk=pk)
        form = CompletionForm(request.POST)
        try:
            if not form.is_valid():
                raise ServiceError(form_errors(form), code="invalid_form")
            data = form.cleaned_data
            services.training_complete(
                actor=request.user,
                assignment=assignment,
                completed_on=data["completed_on"],
                passed=data["outcome"] == TrainingState.COMPLETED,
                note=data["note"],
                certificate_ref=data["certificate_ref"],
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Đã ghi kết quả bồi dưỡng của %(p)s.") % {"p": assignment.person.full_name},
            )
        return HttpResponseRedirect(_plan_url(assignment.plan.code))


class TrainingExportView(ReaderMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = sel.published_plan_get(user=request.user, code=code)
        data = services.training_export_xlsx(actor=request.user, plan=plan)
        return xlsx_response(data, f"cu-di-boi-duong-{plan.code}.xlsx")


class TrainingExportPdfView(ReaderMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = sel.published_plan_get(user=request.user, code=code)
        data = services.training_export_pdf(actor=request.user, plan=plan)
        return pdf_response(data, f"cu-di-boi-duong-{plan.code}.pdf")


class TrainingReportView(ReaderMixin, View):
    """Training and re-test outcomes of those below the bar of one plan."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = sel.published_plan_get(user=request.user, code=code)
        outcomes = sel.plan_outcomes(user=request.user, plan=plan)
        return render(
            request,
            "evaluation/training_report.html",
            {
                "plan": plan,
                "outcomes": outcomes,
                "training": outcomes.training_counts(),
                "retest": outcomes.retest_counts(),
            },
        )


class TrainingReportExportView(ReaderMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = sel.published_plan_get(user=request.user, code=code)
        data = services.outcomes_export_xlsx(actor=request.user, plan=plan)
        return xlsx_response(data, f"ket-qua-boi-duong-{plan.code}.xlsx")


class TrainingReportPdfView(ReaderMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = sel.published_plan_get(user=request.user, code=code)
        data = services.outcomes_export_pdf(actor=request.user, plan=plan)
        return pdf_response(data, f"ket-qua-boi-duong-{plan.code}.pdf")


class RetestCreateView(ReaderMixin, View):
    """The re-test: GET shows how many people and which parts, with the form; POST creates.
    Only those who run the plan (others: 404)."""

    def _plan(self, request: HttpRequest, code: str) -> Any:
        plan = sel.published_plan_get(user=request.user, code=code)
        if not plan_permissions(request.user, plan).write:
            raise Http404
        return plan

    def _render(self, request: HttpRequest, plan: Any, form: RetestForm) -> HttpResponse:
        return render(
            request,
            "evaluation/retest_confirm.html",
            {
                "plan": plan,
                "form": form,
                "failures": list(sel.retest_failures(plan)),
                "trained": sel.retest_failures(plan, trained_only=True).count(),
                "parts": sel.parts_of(plan),
                "retests": sel.retest_list(plan=plan),
            },
        )

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = self._plan(request, code)
        form = RetestForm(
            initial={
                "code": f"{plan.code}-KTL"[:30],
                "name": _("Kiểm tra lại sau %(n)s") % {"n": plan.name},
            }
        )
        return self._render(request, plan, form)

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = self._plan(request, code)
        form = RetestForm(request.POST)
        try:
            if not form.is_valid():
                raise ServiceError(form_errors(form), code="invalid_form")
            link = services.retest_create(actor=request.user, plan=plan, **form.cleaned_data)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, exc.message)
            return self._render(request, plan, form)
        messages.success(
            request,
            _("Đã lập kế hoạch kiểm tra lại “%(c)s” với %(n)d người.")
            % {"c": link.plan.code, "n": link.count},
        )
        return HttpResponseRedirect(reverse("plans:plan-detail", args=[link.plan.code]))
