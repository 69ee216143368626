"""Forms of the plans pages: they check the shape of a request; the services decide."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sathach.bank.constants import Difficulty, ItemKind
from sathach.core import profiles

from .constants import ExemptionGround

DATE_FORMATS = ["%d/%m/%Y"]
DATE_HINT = _("dd/mm/yyyy")


def _indented(obj: Any) -> str:
    return "— " * obj.depth + obj.name


def _part_label(obj: Any) -> str:
    return f"{obj.order}. {obj.name}"


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": DATE_HINT}),
    )


class PlanFromTemplateForm(forms.Form):
    code = forms.CharField(label=_("Mã kế hoạch"), max_length=30)
    name = forms.CharField(label=_("Tên kế hoạch"), max_length=255)
    starts_on = _date_field(_("Ngày bắt đầu"))
    ends_on = _date_field(_("Ngày kết thúc"))
    exam_profile = forms.ChoiceField(label=_("Bộ quy tắc thi"))
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị thuộc phạm vi"), queryset=None, required=False
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["exam_profile"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = profiles.choices("exam")
        unit_field = self.fields["units"]
        assert isinstance(unit_field, forms.ModelMultipleChoiceField)
        unit_field.queryset = units
        unit_field.label_from_instance = _indented  # type: ignore[method-assign]
        unit_field.widget.attrs["size"] = 10


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=1000)


class ExemptForm(ReasonForm):
    ground = forms.ChoiceField(label=_("Căn cứ miễn"), choices=ExemptionGround.choices)


class CellAddForm(forms.Form):
    part = forms.ModelChoiceField(label=_("Phần thi"), queryset=None, empty_label=None)
    topic = forms.ModelChoiceField(label=_("Chủ đề"), queryset=None, empty_label=None)
    difficulty = forms.ChoiceField(
        label=_("Mức độ"), choices=[("", _("Mọi mức độ")), *Difficulty.choices], required=False
    )
    item_kind = forms.ChoiceField(
        label=_("Loại câu hỏi"), choices=[("", _("Mọi loại")), *ItemKind.choices], required=False
    )
    count = forms.IntegerField(label=_("Số câu"), min_value=1, max_value=500)
    points = forms.DecimalField(
        label=_("Điểm mỗi câu"), min_value=Decimal("0.01"), max_digits=6, decimal_places=2
    )

    def __init__(self, *args: Any, parts: Any, topics: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "cell-%s")
        super().__init__(*args, **kwargs)
        part_field = self.fields["part"]
        topic_field = self.fields["topic"]
        assert isinstance(part_field, forms.ModelChoiceField)
        assert isinstance(topic_field, forms.ModelChoiceField)
        part_field.queryset = parts
        part_field.label_from_instance = _part_label  # type: ignore[method-assign]
        topic_field.queryset = topics
        topic_field.label_from_instance = _indented  # type: ignore[method-assign]


class RoomForm(forms.Form):
    name = forms.CharField(label=_("Tên phòng"), max_length=100)
    capacity = forms.IntegerField(label=_("Số chỗ ngồi"), min_value=1, max_value=500)
    computers = forms.IntegerField(label=_("Số máy tính"), min_value=0, max_value=500, initial=0)
    columns = forms.IntegerField(label=_("Số chỗ mỗi hàng"), min_value=1, max_value=50, initial=5)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "room-%s")
        super().__init__(*args, **kwargs)


class SittingForm(forms.Form):
    part = forms.ModelChoiceField(label=_("Phần thi"), queryset=None, empty_label=None)
    date = _date_field(_("Ngày thi"))
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"),
        input_formats=["%H:%M"],
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm"}),
    )

    def __init__(self, *args: Any, parts: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "sitting-%s")
        super().__init__(*args, **kwargs)
        part_field = self.fields["part"]
        assert isinstance(part_field, forms.ModelChoiceField)
        part_field.queryset = parts
        part_field.label_from_instance = _part_label  # type: ignore[method-assign]


class AssembleForm(forms.Form):
    seed = forms.IntegerField(label=_("Hạt giống ngẫu nhiên"), min_value=0, initial=1)
