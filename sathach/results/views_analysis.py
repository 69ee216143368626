"""Pages of the item analysis of a computer part, under /ke-hoach/<code>/...: the latest run
with its item table (sortable, flagged items with a link to rescoring, distractor
frequencies), earlier runs, the Excel export, calibration back to the bank behind a
confirmation, and the flagged pairs of similar answers for human review.

Thin views: look the plan up for the user (404 outside their scope), then ``analysis``'s
selectors (404 for those who may not read item analyses: only those who run the plan and
Ban đề thi may), check the action is theirs (403 for Ban đề thi), call one service.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.plans.models import BlueprintPart, Plan
from sathach.plans.permissions import PlanAccess, plan_permissions
from sathach.plans.selectors import plan_get_for_user

from .analysis import (
    MIN_CALIBRATION_PERSONS,
    SORTS,
    analysis_access,
    analysis_part_get,
    calibration_apply,
    calibration_preview,
    item_analysis_export_xlsx,
    item_analysis_get,
    item_analysis_list,
    pair_seats,
    similarity_flag_get,
    similarity_flag_list,
    similarity_review,
    statistic_rows,
)
from .models import ItemAnalysis, SimilarityConclusion
from .tasks import XLSX, part_analyse_enqueue, part_analyse_jobs

METHOD_LABELS = {
    "KR-20": "KR-20",
    "alpha": gettext_lazy("hệ số alpha"),
    "alpha (incomplete)": gettext_lazy("hệ số alpha, ước lượng cho một đề khi mỗi người một đề"),
}
SORT_LABELS = {
    "position": gettext_lazy("Thứ tự"),
    "flags": gettext_lazy("Cảnh báo trước"),
    "facility": gettext_lazy("Độ khó (thấp trước)"),
    "discrimination": gettext_lazy("Độ phân biệt (thấp trước)"),
}


class RunForm(forms.Form):
    irt = forms.BooleanField(
        label=gettext_lazy("Ước lượng cả tham số IRT 2PL (a, b) và năng lực EAP"),
        required=False,
        initial=True,
    )


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Tôi đã xem các giá trị cũ và mới, đồng ý ghi vào ngân hàng câu hỏi"),
        error_messages={"required": gettext_lazy("Hãy đánh dấu xác nhận trước khi ghi.")},
    )


class ReviewForm(forms.Form):
    """The shape of a review; ``similarity_review`` decides what is missing."""

    conclusion = forms.ChoiceField(
        label=gettext_lazy("Kết luận"),
        choices=SimilarityConclusion.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("Nhận xét"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 50}),
    )


def _refusal(exc: ServiceError) -> str:
    if exc.basis:
        return _("%(message)s (căn cứ: %(basis)s)") % {"message": exc.message, "basis": exc.basis}
    return exc.message


def _require_manager(request: HttpRequest, plan: Plan) -> None:
    if not plan_permissions(request.user, plan).write:
        raise PermissionDenied(_("Chỉ người điều hành kế hoạch được thao tác ở đây."))


def _analysis_url(analysis: ItemAnalysis) -> str:
    return reverse("results:item-analysis-detail", args=[analysis.part.plan.code, analysis.pk])


def _render_analysis(
    request: HttpRequest,
    plan: Plan,
    access: PlanAccess,
    part: BlueprintPart,
    analysis: ItemAnalysis | None,
) -> HttpResponse:
    """Render ``analysis`` (default: the part's latest) with the part's runs and, for those
    who run the plan, the run form, their jobs and the number of flagged pairs."""
    can_manage = access.write
    analyses = list(item_analysis_list(user=request.user, part=part, access=access)[:20])
    analysis = analysis or (analyses[0] if analyses else None)
    sort = request.GET.get("sort", "position")
    if sort not in SORTS:
        sort = "position"
    rows = statistic_rows(analysis, sort) if analysis is not None else []
    pairs = {"all": 0, "unreviewed": 0}
    if can_manage and analysis is not None:
        flags = similarity_flag_list(user=request.user, analysis=analysis, access=access)
        pairs = flags.aggregate(all=Count("pk"), unreviewed=Count("pk", filter=Q(conclusion="")))
    summary = (analysis.summary or {}) if analysis is not None else {}
    context = {
        "plan": plan,
        "part": part,
        "analysis": analysis,
        "analyses": analyses,
        "rows": rows,
        "flagged": [row for row in rows if row.flags],
        "sort": sort,
        "sorts": [(key, SORT_LABELS[key]) for key in SORTS],
        "can_manage": can_manage,
        "run_form": RunForm(auto_id="run-%s"),
        "jobs": part_analyse_jobs(user=request.user, part=part) if can_manage else [],
        "similar_count": pairs["all"],
        "unreviewed_count": pairs["unreviewed"],
        "irt_summary": summary.get("irt"),
        "method": METHOD_LABELS.get(analysis.method, analysis.method) if analysis else "",
        "published": plan.results_published_at is not None,
    }
    return render(request, "results/analysis/detail.html", context)


class PartAnalysisView(LoginRequiredMixin, View):
    """A computer part's item analysis: its latest run, the earlier ones, and the run form."""

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        access = analysis_access(user=request.user, plan=plan)
        part = analysis_part_get(user=request.user, plan=plan, pk=pk, access=access)
        return _render_analysis(request, plan, access, part, None)


class ItemAnalysisDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        access = analysis_access(user=request.user, plan=plan)
        analysis = item_analysis_get(user=request.user, plan=plan, pk=pk, access=access)
        return _render_analysis(request, plan, access, analysis.part, analysis)


class ItemAnalysisRunView(LoginRequiredMixin, View):
    """Queue the analysis as a background job and show the job's progress page."""

    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        part = analysis_part_get(user=request.user, plan=plan, pk=pk)
        _require_manager(request, plan)
        form = RunForm(request.POST)
        irt = form.is_valid() and bool(form.cleaned_data["irt"])
        try:
            job = part_analyse_enqueue(actor=request.user, part=part, irt=irt)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, _refusal(exc))
            return HttpResponseRedirect(reverse("results:part-analysis", args=[plan.code, part.pk]))
        return HttpResponseRedirect(reverse("tasks:job-detail", args=[job.pk]))


class ItemAnalysisExportView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        analysis = item_analysis_get(user=request.user, plan=plan, pk=pk)
        data = item_analysis_export_xlsx(actor=request.user, analysis=analysis)
        response = HttpResponse(data, content_type=XLSX)
        name = f"phan-tich-cau-hoi-{plan.code}-phan{analysis.part.order}-{analysis.pk}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class CalibrationApplyView(LoginRequiredMixin, View):
    """List what calibration would write (old → new) and write it once confirmed."""

    def _render(
        self,
        request: HttpRequest,
        plan: Plan,
        analysis: ItemAnalysis,
        form: ConfirmForm,
        status: int = 200,
    ) -> HttpResponse:
        rows = calibration_preview(
            user=request.user, analysis=analysis, min_persons=MIN_CALIBRATION_PERSONS
        )
        context = {
            "plan": plan,
            "part": analysis.part,
            "analysis": analysis,
            "rows": rows,
            "eligible": sum(row.eligible for row in rows),
            "min_persons": MIN_CALIBRATION_PERSONS,
            "form": form,
        }
        return render(request, "results/analysis/calibration.html", context, status=status)

    def _get(self, request: HttpRequest, code: str, pk: int) -> tuple[Plan, ItemAnalysis]:
        plan = plan_get_for_user(user=request.user, code=code)
        analysis = item_analysis_get(user=request.user, plan=plan, pk=pk)
        _require_manager(request, plan)
        return plan, analysis

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan, analysis = self._get(request, code, pk)
        return self._render(request, plan, analysis, ConfirmForm(auto_id="calibrate-%s"))

    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan, analysis = self._get(request, code, pk)
        form = ConfirmForm(request.POST, auto_id="calibrate-%s")
        if not form.is_valid():
            return self._render(request, plan, analysis, form, status=400)
        try:
            applied = calibration_apply(
                actor=request.user, analysis=analysis, min_persons=MIN_CALIBRATION_PERSONS
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            form.add_error(None, _refusal(exc))
            return self._render(request, plan, analysis, form, status=400)
        messages.success(
            request,
            _("Đã ghi tham số của %(n)d câu hỏi vào ngân hàng; các đề lắp sau sẽ dùng chúng.")
            % {"n": len(applied)},
        )
        return HttpResponseRedirect(_analysis_url(analysis))


class SimilarityListView(LoginRequiredMixin, View):
    """The flagged pairs of an analysis, each with its review form (those who run the plan)."""

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        access = analysis_access(user=request.user, plan=plan)
        analysis = item_analysis_get(user=request.user, plan=plan, pk=pk, access=access)
        flags = list(similarity_flag_list(user=request.user, analysis=analysis, access=access))
        seats = pair_seats(flags)
        pairs = [
            {
                "flag": flag,
                "probability": f"{flag.probability:.1e}".replace(".", ","),
                "seat_a": seats.get((flag.attempt_a.sitting_id, flag.attempt_a.candidate_id)),
                "seat_b": seats.get((flag.attempt_b.sitting_id, flag.attempt_b.candidate_id)),
                "form": ReviewForm(
                    initial={"conclusion": flag.conclusion, "note": flag.note},
                    auto_id=f"review-{flag.pk}-%s",
                ),
            }
            for flag in flags
        ]
        context = {
            "plan": plan,
            "part": analysis.part,
            "analysis": analysis,
            "pairs": pairs,
            "summary": (analysis.summary or {}).get("similarity", {}),
            "alpha": (analysis.options or {}).get("similarity_alpha"),
        }
        return render(request, "results/analysis/similarity.html", context)


class SimilarityReviewView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        flag = similarity_flag_get(user=request.user, plan=plan, pk=pk)
        form = ReviewForm(request.POST)
        form.is_valid()  # both fields optional: the service names what is missing
        data: dict[str, Any] = form.cleaned_data
        try:
            similarity_review(
                actor=request.user,
                flag=flag,
                conclusion=data.get("conclusion") or "",
                note=data.get("note") or "",
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, _refusal(exc))
        else:
            messages.success(request, _("Đã ghi kết quả xem xét."))
        url = reverse("results:similarity-list", args=[plan.code, flag.analysis_id])
        return HttpResponseRedirect(f"{url}#pair-{flag.pk}")
