"""Rescoring pages under the plan: a part's items, voiding one or correcting its key with a dry
run of who changes before anything is written, and the plan's multiple-response rule.

Only those who run the plan act here (403 for other readers, 404 outside their scope). The dry
run is a POST that writes no score; the confirmation posts the same correction again with the
confirmation box ticked, and ``rescore_apply`` redoes the computation in its transaction.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sathach.bank.models import ItemVersion
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.scoring import MULTIPLE, NUMERIC, SHORT_TEXT, SINGLE, TRUE_FALSE
from sathach.plans.constants import PartKind
from sathach.plans.forms import ScoringRuleForm
from sathach.plans.models import BlueprintPart, Plan
from sathach.plans.permissions import plan_permissions
from sathach.plans.selectors import part_get, part_list, plan_get_for_user

from .forms import ConfirmForm
from .models import CorrectionAction, ItemCorrection, VoidRule
from .services.common import plan_profile
from .services.rescoring import (
    Correction,
    part_items,
    plan_scoring_rule_set,
    rescore_apply,
    rescore_preview,
)
from .views_proctor import refusal_text

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _number(value: float) -> str:
    return f"{Decimal(str(value)).normalize():f}".replace(".", ",")


def key_text(kind: str, content: dict[str, Any]) -> str:
    """Return an item's key as organisers read it: "A, C", "Đúng", "Hà Nội", "50 (± 0,5)"."""
    if kind in (SINGLE, MULTIPLE):
        return ", ".join(
            LETTERS[i] for i, o in enumerate(content.get("options", [])) if o.get("correct")
        )
    if kind == TRUE_FALSE:
        return _("Đúng") if content.get("truth") else _("Sai")
    if kind == SHORT_TEXT:
        return "; ".join(a["text"] for a in content.get("answers", []) if a.get("fraction", 1) > 0)
    if kind == NUMERIC:
        return "; ".join(
            f"{_number(a['value'])} (± {_number(a.get('tolerance', 0))})"
            for a in content.get("numeric", [])
        )
    return ""


def _writable_plan(request: HttpRequest, code: str) -> Plan:
    plan = plan_get_for_user(user=request.user, code=code)
    if not plan_permissions(request.user, plan).write:
        raise PermissionDenied(_("Chỉ người điều hành kế hoạch được chấm lại bài thi."))
    return plan


def _computer_part(request: HttpRequest, code: str, pk: int) -> BlueprintPart:
    plan = _writable_plan(request, code)
    part = part_get(user=request.user, plan=plan, pk=pk)
    if part.kind != PartKind.COMPUTER_MCQ:
        raise Http404
    return part


def _item(part: BlueprintPart, item_pk: int) -> ItemVersion:
    if item_pk not in part_items(part):
        raise Http404
    return ItemVersion.objects.get(pk=item_pk)


class CorrectionForm(forms.Form):
    """Void an item or give its new key; the key fields shown depend on the item's kind."""

    action = forms.ChoiceField(
        label=gettext_lazy("Xử lý"),
        choices=CorrectionAction.choices,
        widget=forms.RadioSelect,
        initial=CorrectionAction.VOID,
    )
    reason = forms.CharField(
        label=gettext_lazy("Lý do"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        error_messages={"required": gettext_lazy("Hãy ghi lý do hủy câu hỏi hoặc sửa đáp án.")},
    )

    def __init__(self, *args: Any, version: ItemVersion, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "fix-%s")
        super().__init__(*args, **kwargs)
        self.version = version
        content = version.content
        kind = version.kind
        if kind in (SINGLE, MULTIPLE):
            choices = [
                (str(i), f"{LETTERS[i]}. {strip_tags(o.get('text', ''))}")
                for i, o in enumerate(content.get("options", []))
            ]
            self.fields["correct"] = forms.MultipleChoiceField(
                label=gettext_lazy("Phương án đúng theo đáp án mới"),
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        elif kind == TRUE_FALSE:
            self.fields["truth"] = forms.ChoiceField(
                label=gettext_lazy("Đáp án mới"),
                choices=[("true", gettext_lazy("Đúng")), ("false", gettext_lazy("Sai"))],
                required=False,
            )
        elif kind == SHORT_TEXT:
            self.fields["answers"] = forms.CharField(
                label=gettext_lazy("Các câu trả lời được chấp nhận (mỗi dòng một câu)"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
            )
        elif kind == NUMERIC:
            self.fields["value"] = forms.DecimalField(
                label=gettext_lazy("Đáp số mới"), required=False, max_digits=20, decimal_places=6
            )
            self.fields["tolerance"] = forms.DecimalField(
                label=gettext_lazy("Sai số cho phép"),
                required=False,
                min_value=Decimal(0),
                max_digits=20,
                decimal_places=6,
            )

    def correction(self) -> Correction:
        """Return the correction asked for (the service checks it)."""
        data = self.cleaned_data
        action = data["action"]
        key: dict[str, Any] = {}
        if action == CorrectionAction.REKEY:
            kind = self.version.kind
            if kind in (SINGLE, MULTIPLE):
                picked = {int(i) for i in data.get("correct", [])}
                n = len(self.version.content.get("options", []))
                key = {"options": [{"correct": i in picked} for i in range(n)]}
            elif kind == TRUE_FALSE:
                truth = data.get("truth")
                key = {"truth": {"true": True, "false": False}.get(truth or "")}
            elif kind == SHORT_TEXT:
                lines = (data.get("answers") or "").splitlines()
                key = {"answers": [{"text": line} for line in lines if line.strip()]}
            elif kind == NUMERIC:
                value = data.get("value")
                key = {
                    "numeric": []
                    if value is None
                    else [{"value": float(value), "tolerance": float(data.get("tolerance") or 0)}]
                }
        return Correction(item=self.version.pk, action=action, reason=data["reason"], key=key)


def _form_errors(form: forms.Form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


class RescoreView(LoginRequiredMixin, View):
    """A computer part's items with their keys and corrections, and the plan's scoring rule."""

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        part = _computer_part(request, code, pk)
        plan = part.plan
        corrections = {c.item_id: c for c in ItemCorrection.objects.filter(part=part)}
        rows = []
        for version in ItemVersion.objects.filter(pk__in=part_items(part)).order_by("pk"):
            correction = corrections.get(version.pk)
            rows.append(
                {
                    "version": version,
                    "stem": strip_tags(version.stem),
                    "key": key_text(version.kind, version.content),
                    "correction": correction,
                    "new_key": key_text(version.kind, {**version.content, **correction.key})
                    if correction is not None and correction.action == CorrectionAction.REKEY
                    else "",
                    "essay": version.kind == "essay",
                }
            )
        profile = plan_profile(plan)
        full = profile.value("rescore_void_full_credit")
        context = {
            "plan": plan,
            "part": part,
            "rows": rows,
            "locked": plan.results_published_at is not None,
            "rule": plan.get_multiple_response_rule_display(),
            "void_rule": VoidRule.FULL_CREDIT.label if full else VoidRule.REMOVED.label,
            "void_basis": profile.basis("rescore_void_full_credit"),
        }
        return render(request, "delivery/rescore.html", context)


class RescoreItemView(LoginRequiredMixin, View):
    """The form to void one item or correct its key; its POST is the dry run."""

    def _render(
        self, request: HttpRequest, part: BlueprintPart, form: CorrectionForm, status: int = 200
    ) -> HttpResponse:
        version = form.version
        context = {
            "plan": part.plan,
            "part": part,
            "version": version,
            "key": key_text(version.kind, version.content),
            "form": form,
            "weighted": version.kind == MULTIPLE
            and any(o.get("fraction") for o in version.content.get("options", [])),
        }
        return render(request, "delivery/rescore_item.html", context, status=status)

    def get(self, request: HttpRequest, code: str, pk: int, item: int) -> HttpResponse:
        part = _computer_part(request, code, pk)
        return self._render(request, part, CorrectionForm(version=_item(part, item)))

    def post(self, request: HttpRequest, code: str, pk: int, item: int) -> HttpResponse:
        part = _computer_part(request, code, pk)
        form = CorrectionForm(request.POST, version=_item(part, item))
        if not form.is_valid():
            return self._render(request, part, form, status=400)
        try:
            preview = rescore_preview(
                actor=request.user, part=part, corrections=[form.correction()]
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            form.add_error(None, refusal_text(exc))
            return self._render(request, part, form, status=400)
        context = {
            "plan": part.plan,
            "part": part,
            "version": form.version,
            "form": form,
            "preview": preview,
            "correction": preview.corrections[0],
            "new_key": key_text(
                form.version.kind, {**form.version.content, **preview.corrections[0].key}
            ),
            "void_label": VoidRule(preview.void_rule).label,
            "confirm_form": ConfirmForm(auto_id="confirm-%s"),
        }
        return render(request, "delivery/rescore_preview.html", context)


class RescoreApplyView(LoginRequiredMixin, View):
    """Apply the correction shown in the dry run, once confirmed."""

    def post(self, request: HttpRequest, code: str, pk: int, item: int) -> HttpResponse:
        part = _computer_part(request, code, pk)
        version = _item(part, item)
        form = CorrectionForm(request.POST, version=version)
        confirm = ConfirmForm(request.POST)
        back = reverse("delivery:rescore-item", args=[part.plan.code, part.pk, version.pk])
        if not form.is_valid() or not confirm.is_valid():
            messages.error(request, _form_errors(form) or _form_errors(confirm))
            return HttpResponseRedirect(back)
        try:
            result = rescore_apply(actor=request.user, part=part, corrections=[form.correction()])
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            return HttpResponseRedirect(back)
        messages.success(
            request,
            _("Đã chấm lại %(a)d bài làm: %(n)d người thay đổi điểm.")
            % {"a": result.attempts, "n": len(result.changes)},
        )
        return HttpResponseRedirect(reverse("delivery:rescore", args=[part.plan.code, part.pk]))


class ScoringRuleView(LoginRequiredMixin, View):
    """The plan's partial-credit rule for multiple-response items (before any scoring)."""

    def _render(
        self, request: HttpRequest, plan: Plan, form: forms.Form, status: int = 200
    ) -> HttpResponse:
        parts = part_list(user=request.user, plan=plan).filter(kind=PartKind.COMPUTER_MCQ)
        context = {"plan": plan, "form": form, "parts": parts.order_by("order")}
        return render(request, "delivery/rescore_rule.html", context, status=status)

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = _writable_plan(request, code)
        form = ScoringRuleForm(initial={"multiple_response_rule": plan.multiple_response_rule})
        return self._render(request, plan, form)

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = _writable_plan(request, code)
        form = ScoringRuleForm(request.POST)
        if not form.is_valid():
            return self._render(request, plan, form, status=400)
        try:
            plan_scoring_rule_set(
                actor=request.user,
                plan=plan,
                multiple_response_rule=form.cleaned_data["multiple_response_rule"],
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            form.add_error(None, refusal_text(exc))
            return self._render(request, plan, form, status=400)
        messages.success(request, _("Đã lưu cách tính điểm câu nhiều lựa chọn."))
        return HttpResponseRedirect(reverse("delivery:scoring-rule", args=[plan.code]))
