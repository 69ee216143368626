"""Forms of the results pages: they check the shape of a request; the services decide."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_FORMATS = ["%d/%m/%Y"]


class PublishForm(forms.Form):
    """The council's decision approving the results, and the confirmation that it locks them."""

    decision_number = forms.CharField(label=_("Số quyết định phê duyệt kết quả"), max_length=50)
    decision_date = forms.DateField(
        label=_("Ngày quyết định"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": _("dd/mm/yyyy")}),
    )
    confirm = forms.BooleanField(
        label=_("Tôi hiểu rằng sau khi công bố, điểm chỉ thay đổi qua đính chính có hai người"),
        error_messages={"required": _("Hãy đánh dấu ô xác nhận.")},
    )


class CorrectionProposeForm(forms.Form):
    new_score = forms.DecimalField(
        label=_("Điểm mới"), min_value=Decimal(0), max_digits=7, decimal_places=2
    )
    reason = forms.CharField(
        label=_("Lý do đính chính"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
    )


class DecisionNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Ý kiến"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 50}),
    )
