"""Forms of the proctor console: they check the shape of a request; the services decide.

A reason left empty, a number of minutes out of range or an unknown sanction is refused by
the service with its own message, so the page and the API say the same thing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sathach.plans.models import Plan

from .constants import Sanction
from .services.common import plan_profile
from .services.proctoring import sanction_deduction


def percent_text(value: Decimal | int | float) -> str:
    """Return a percentage the Vietnamese way: 25 → "25", 12.5 → "12,5"."""
    number = Decimal(str(value)).normalize()
    text = f"{number:f}"
    return text.replace(".", ",")


def sanction_effect_text(sanction: str, deduction_percent: Decimal | int | float) -> str:
    """Return what ``sanction`` does to the paper's score (domain.md §1.5), in words."""
    if sanction in (Sanction.REPRIMAND, Sanction.WARNING):
        return _("Trừ %(p)s%% số điểm bài thi") % {"p": percent_text(deduction_percent)}
    if sanction == Sanction.EXPULSION:
        return _("Bài thi không có kết quả; không được dự các phần thi tiếp theo")
    if sanction == Sanction.CANCELLED:
        return _("Hủy kết quả bài thi")
    return _("Không ảnh hưởng đến điểm")


def sanction_terms(plan: Plan) -> list[dict[str, Any]]:
    """Return every sanction with its effect on the score and its basis under the plan's
    rule profile, as the incident form offers them."""
    profile = plan_profile(plan)
    terms = []
    for sanction in Sanction:
        deduction, basis = sanction_deduction(profile, sanction)
        terms.append(
            {
                "value": sanction.value,
                "label": sanction.label,
                "effect": sanction_effect_text(sanction, deduction),
                "deduction": deduction,
                "basis": "" if sanction == Sanction.NONE else basis,
            }
        )
    return terms


def _reason_field(label: Any = None) -> forms.CharField:
    return forms.CharField(
        label=label or gettext_lazy("Lý do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 50}),
    )


# Django's own Vietnamese for "Enter a whole number." reads badly; say what is wanted.
MINUTES_ERRORS = {
    "invalid": gettext_lazy("Số phút phải là một số nguyên."),
    "required": gettext_lazy("Hãy nhập số phút."),
}


class ReasonForm(forms.Form):
    reason = _reason_field()


class OptionalReasonForm(forms.Form):
    reason = _reason_field(gettext_lazy("Lý do (nếu có)"))


class ExtendForm(forms.Form):
    minutes = forms.IntegerField(
        label=gettext_lazy("Số phút cộng thêm"), error_messages=MINUTES_ERRORS
    )
    reason = _reason_field()

    def seconds(self) -> int:
        return int(self.cleaned_data["minutes"]) * 60


class ConfirmForm(forms.Form):
    """The second step of an action that cannot be undone (closing a room)."""

    confirm = forms.BooleanField(
        label=gettext_lazy("Tôi đã kiểm tra và xác nhận"),
        error_messages={"required": gettext_lazy("Hãy đánh dấu ô xác nhận.")},
    )


class VoidForm(ConfirmForm):
    reason = _reason_field(gettext_lazy("Lý do hủy bài làm"))

    field_order = ["reason", "confirm"]


class IncidentForm(forms.Form):
    """A violation or incident record (biên bản); each sanction is shown with its effect on the
    score and its basis under the plan's rule profile."""

    sanction = forms.ChoiceField(
        label=gettext_lazy("Hình thức xử lý"),
        choices=Sanction.choices,
        initial=Sanction.NONE,
        error_messages={
            "invalid_choice": gettext_lazy("Hình thức xử lý không hợp lệ."),
            "required": gettext_lazy("Hãy chọn hình thức xử lý."),
        },
    )
    description = forms.CharField(
        label=gettext_lazy("Nội dung vi phạm, sự cố"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )
    credit_minutes = forms.IntegerField(
        label=gettext_lazy("Bù thời gian (phút)"),
        required=False,
        initial=0,
        error_messages=MINUTES_ERRORS,
        help_text=gettext_lazy("Thời gian thí sinh mất do sự cố (máy hỏng, mất điện)."),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.terms = sanction_terms(plan)
