"""Appeal pages (phúc khảo): the candidate's own (file, follow; 404 for anyone else's), and
the plan's appeals list for the organiser, the head of Ban phúc khảo and the council Chair,
with the deadline for outcomes, overdue appeals marked, and the records as PDF.

Applying a settled outcome to the published results is the results app's service
(``sathach.results.services.result_appeal_apply``); ``AppealApplyView`` is the one place
where grading calls into results, lazily and only when that app is installed, because the
button belongs beside the appeal it applies (the results app comes after grading).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.plans.models import BlueprintPart

from ..forms import AppealFileForm, ReasonForm
from ..models import Appeal
from ..pdf import appeal_list_pdf, appeal_outcome_pdf
from ..permissions import can_follow_remarks, can_handle_appeals, can_see_identities, runs_plan
from ..selectors import (
    appeal_get_for_user,
    appeal_list,
    appeal_overdue,
    appeal_plan_get,
    appeal_window,
    own_appeal_get,
    own_appeal_list,
    own_candidate_get,
    own_part_get,
)
from ..services import access_record, appeal_file, appeal_refusal, appeal_reject, appeal_remark_open
from .common import ActionView, pdf_response, refusal_text, valid

# --- The candidate's own ----------------------------------------------------------------------


class MyAppealsView(LoginRequiredMixin, View):
    """The candidate's appeals of one plan: the window, each part with its form or the rule
    that refuses it, and the appeals filed with their outcome."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        candidate = own_candidate_get(user=request.user, code=code)
        plan = candidate.plan
        now = timezone.now()
        appeals = {a.part_id: a for a in own_appeal_list(user=request.user, candidate=candidate)}
        parts = []
        for part in BlueprintPart.objects.filter(plan=plan).order_by("order"):
            refusal = (
                None
                if part.pk in appeals
                else appeal_refusal(candidate=candidate, part=part, now=now)
            )
            parts.append(
                {
                    "part": part,
                    "appeal": appeals.get(part.pk),
                    "refusal": refusal_text(refusal) if refusal is not None else "",
                    "form": AppealFileForm(auto_id=f"appeal-{part.pk}-%s")
                    if refusal is None and part.pk not in appeals
                    else None,
                }
            )
        context = {
            "plan": plan,
            "candidate": candidate,
            "window": appeal_window(plan),
            "parts": parts,
        }
        return render(request, "grading/my_appeals.html", context)


class AppealFileView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, code: str, part: int) -> HttpResponse:
        candidate = own_candidate_get(user=request.user, code=code)
        found = own_part_get(candidate=candidate, pk=part)
        try:
            data = valid(AppealFileForm(request.POST))
            appeal_file(actor=request.user, part=found, reason=data["reason"])
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
        else:
            messages.success(
                request, _("Đã nhận đơn phúc khảo phần thi “%(p)s”.") % {"p": found.name}
            )
        return HttpResponseRedirect(reverse("grading:my-appeals", args=[code]))


class MyAppealDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        appeal = own_appeal_get(user=request.user, pk=pk)
        context = {"appeal": appeal, "window": appeal_window(appeal.part.plan)}
        return render(request, "grading/my_appeal_detail.html", context)


# --- The plan's appeals -------------------------------------------------------------------------


class AppealListView(LoginRequiredMixin, View):
    """Every appeal of the plan, with the window, the deadline for outcomes and overdue ones."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = appeal_plan_get(user=request.user, code=code)
        window = appeal_window(plan)
        today = timezone.localdate()
        show_identity = can_see_identities(request.user, plan)
        rows = [
            {"appeal": a, "overdue": appeal_overdue(a, window, today)}
            for a in appeal_list(user=request.user, plan=plan)
        ]
        if show_identity:
            access_record(actor=request.user, action="grading.appeal_list_view", target=plan)
        context = {
            "plan": plan,
            "window": window,
            "rows": rows,
            "overdue": sum(1 for r in rows if r["overdue"]),
            "show_identity": show_identity,
            "can_handle": can_handle_appeals(request.user, plan),
            "can_apply": runs_plan(request.user, plan),
            "remarks": can_follow_remarks(request.user, plan),
            "reject_form": ReasonForm(auto_id=False),
        }
        return render(request, "grading/appeal_list.html", context)


class _AppealAction(ActionView):
    def target(self, request: HttpRequest, pk: int) -> Appeal:
        return appeal_get_for_user(user=request.user, pk=pk)

    def done_url(self, obj: Appeal) -> str:
        return reverse("grading:appeal-list", args=[obj.part.plan.code])


class AppealOpenView(_AppealAction):
    def act(self, request: HttpRequest, obj: Appeal, data: dict[str, Any]) -> str:
        appeal = appeal_remark_open(actor=request.user, appeal=obj)
        assert appeal.remark is not None
        return _("Đã mở chấm phúc khảo đơn số %(n)d (bài số phách %(c)s).") % {
            "n": appeal.pk,
            "c": appeal.remark.script.code,
        }


class AppealRejectView(_AppealAction):
    form_class = ReasonForm

    def act(self, request: HttpRequest, obj: Appeal, data: dict[str, Any]) -> str:
        appeal_reject(actor=request.user, appeal=obj, reason=data["reason"])
        return _("Đã ghi không chấp nhận đơn phúc khảo số %(n)d.") % {"n": obj.pk}


class AppealApplyView(_AppealAction):
    """Write a settled outcome into the published results (see the module docstring)."""

    def act(self, request: HttpRequest, obj: Appeal, data: dict[str, Any]) -> str:
        if not apps.is_installed("sathach.results"):
            raise ServiceError(_("Chưa cài đặt phần kết quả: không cập nhật được."))
        from sathach.results.services import result_appeal_apply

        result_appeal_apply(actor=request.user, appeal=obj)
        return _("Đã cập nhật kết quả phúc khảo đơn số %(n)d vào kết quả đã công bố.") % {
            "n": obj.pk
        }


class _AppealPdfView(LoginRequiredMixin, View, ABC):
    """A record naming the appellants: for who follows the appeals and may see identities."""

    action = ""
    filename = ""

    @abstractmethod
    def render_pdf(self, plan: Any) -> bytes:
        """Return the record of ``plan`` as PDF bytes."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = appeal_plan_get(user=request.user, code=code)
        if not can_see_identities(request.user, plan):
            raise Http404
        access_record(actor=request.user, action=self.action, target=plan)
        return pdf_response(self.render_pdf(plan), f"{self.filename}-{plan.code}.pdf")


class AppealListPdfView(_AppealPdfView):
    action = "grading.appeal_list_print"
    filename = "danh-sach-don-phuc-khao"

    def render_pdf(self, plan: Any) -> bytes:
        return appeal_list_pdf(plan)


class AppealOutcomePdfView(_AppealPdfView):
    action = "grading.appeal_outcome_print"
    filename = "ket-qua-phuc-khao"

    def render_pdf(self, plan: Any) -> bytes:
        return appeal_outcome_pdf(plan)
