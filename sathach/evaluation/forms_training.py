"""Forms of the training and re-test pages: they check the shape; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import TrainingState
from .forms import DATE


class CourseForm(forms.Form):
    """The course the selected people are sent on (the people are the ``person`` boxes)."""

    course = forms.CharField(label=_("Khóa bồi dưỡng"), max_length=255)
    provider = forms.CharField(label=_("Cơ sở đào tạo, bồi dưỡng"), max_length=255)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE)


class CompletionForm(forms.Form):
    completed_on = forms.DateField(label=_("Ngày ghi nhận"), widget=DATE)
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[
            (TrainingState.COMPLETED, TrainingState.COMPLETED.label),
            (TrainingState.NOT_COMPLETED, TrainingState.NOT_COMPLETED.label),
        ],
    )
    certificate_ref = forms.CharField(
        label=_("Số chứng chỉ, giấy chứng nhận"), max_length=100, required=False
    )
    note = forms.CharField(label=_("Ghi chú"), required=False)


class RetestForm(forms.Form):
    code = forms.CharField(label=_("Mã kế hoạch kiểm tra lại"), max_length=30)
    name = forms.CharField(label=_("Tên kế hoạch"), max_length=255)
    starts_on = forms.DateField(label=_("Ngày bắt đầu"), widget=DATE)
    ends_on = forms.DateField(label=_("Ngày kết thúc"), widget=DATE)
    trained_only = forms.BooleanField(
        label=_("Chỉ những người đã hoàn thành bồi dưỡng"), required=False
    )
