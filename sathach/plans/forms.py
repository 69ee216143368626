"""Forms of the plans pages: they check the shape of a request; the services decide."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sathach.bank.constants import Difficulty, ItemKind
from sathach.core import profiles

from .constants import ExemptionGround, MultipleResponseRule, ProctorRole

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


def _seat_label(obj: Any) -> str:
    person = obj.candidate.person
    return f"{obj.candidate.number} — {person.full_name} ({obj.room.name}, chỗ {obj.number})"


def _member_label(obj: Any) -> str:
    return obj.person.full_name if obj.person else str(obj.user)


class SeatMoveForm(forms.Form):
    seat = forms.ModelChoiceField(label=_("Thí sinh"), queryset=None, empty_label=None)
    room = forms.ModelChoiceField(label=_("Sang phòng"), queryset=None, empty_label=None)
    row = forms.IntegerField(label=_("Hàng"), min_value=1, max_value=200)
    col = forms.IntegerField(label=_("Cột"), min_value=1, max_value=50)
    reason = forms.CharField(label=_("Lý do đổi chỗ"), max_length=1000)

    def __init__(self, *args: Any, seats: Any, rooms: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "move-%s")
        super().__init__(*args, **kwargs)
        seat_field = self.fields["seat"]
        room_field = self.fields["room"]
        assert isinstance(seat_field, forms.ModelChoiceField)
        assert isinstance(room_field, forms.ModelChoiceField)
        seat_field.queryset = seats
        seat_field.label_from_instance = _seat_label  # type: ignore[method-assign]
        room_field.queryset = rooms


class ProctorAssignForm(forms.Form):
    role = forms.TypedChoiceField(label=_("Nhiệm vụ"), choices=ProctorRole.choices, coerce=int)
    membership = forms.ModelChoiceField(
        label=_("Thành viên Ban coi thi"), queryset=None, empty_label=None
    )

    def __init__(self, *args: Any, members: Any, room_pk: int, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"proctor-{room_pk}-%s")
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = members
        field.label_from_instance = _member_label  # type: ignore[method-assign]


class ScoringRuleForm(forms.Form):
    """The plan's partial-credit rule for multiple-response items."""

    multiple_response_rule = forms.ChoiceField(
        label=_("Cách tính điểm câu nhiều lựa chọn"), choices=MultipleResponseRule.choices
    )
