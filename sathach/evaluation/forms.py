"""Forms of the evaluation pages: they check the shape of the input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sathach.core import profiles

from .constants import (
    CircumstanceKind,
    Decision,
    Level,
    PeriodKind,
    SanctionForm,
    SanctionSystem,
    SurplusKind,
)
from .services.ratings_import import MAX_FILE_BYTES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LEVEL_CHOICES = [("", "—"), *Level.choices]


def _text(label: Any, required: bool = True, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


def _profile_choices(kind: str) -> list[tuple[str, Any]]:
    return [("", _("Theo năm (bộ quy tắc đang có hiệu lực)")), *profiles.choices(kind)]


class SelfAssessForm(forms.Form):
    self_assessment = _text(_("Tự đánh giá"), rows=6)
    self_level = forms.ChoiceField(label=_("Tự xếp loại"), choices=LEVEL_CHOICES, required=False)
    general_points = forms.DecimalField(
        label=_("Điểm tiêu chí chung (tối đa 30, NĐ 335/2025)"),
        required=False,
        max_digits=5,
        decimal_places=2,
        min_value=0,
    )
    work_group = forms.CharField(
        label=_("Nhóm có nhiệm vụ tương đồng"), required=False, max_length=100
    )
    profile = forms.ChoiceField(label=_("Bộ quy tắc xếp loại"), required=False, choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = _profile_choices("rating")  # type: ignore[attr-defined]


class CommentForm(forms.Form):
    comments = _text(_("Ý kiến của tập thể (theo biên bản họp)"), rows=5)


def _percent(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=False, max_digits=5, decimal_places=2, min_value=0, max_value=100
    )


def _units(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=999)


class ProposeForm(forms.Form):
    # Blank only for a person not rated (under the minimum months worked); the service decides.
    level = forms.ChoiceField(label=_("Mức đề xuất"), choices=LEVEL_CHOICES, required=False)
    months_worked = forms.IntegerField(
        label=_("Số tháng công tác trong năm (để trống: đủ năm; dưới 6 tháng: không xếp loại)"),
        required=False,
        min_value=0,
        max_value=12,
    )
    # NĐ 90/2020 Điều 8–11 (years up to 2025): optional; when given, the level may not go
    # above what they allow.
    tasks_done_percent = _percent(
        _("NĐ 90: tỷ lệ nhiệm vụ hoàn thành đúng tiến độ, chất lượng (%)")
    )
    tasks_exceeding_percent = _percent(_("NĐ 90: tỷ lệ nhiệm vụ hoàn thành vượt mức (%)"))
    unit_targets_met_percent = _percent(
        _("Lãnh đạo (NĐ 90): tỷ lệ chỉ tiêu, nhiệm vụ của đơn vị hoàn thành (%)")
    )
    unit_targets_exceeded_percent = _percent(
        _("Lãnh đạo (NĐ 90): tỷ lệ chỉ tiêu, nhiệm vụ của đơn vị vượt mức (%)")
    )
    managed_units = _units(_("Lãnh đạo (NĐ 90): số đơn vị trực thuộc quản lý trực tiếp"))
    managed_units_completed = _units(_("— trong đó hoàn thành nhiệm vụ trở lên"))
    managed_units_good = _units(_("— trong đó hoàn thành tốt hoặc xuất sắc nhiệm vụ"))
    general_points = forms.DecimalField(
        label=_("Điểm tiêu chí chung do người đứng đầu chấm"),
        required=False,
        max_digits=5,
        decimal_places=2,
        min_value=0,
    )
    note = _text(_("Nhận xét của người đứng đầu"), required=False)
    decline_finding = _text(
        _("Kết luận của cấp có thẩm quyền về suy thoái (nếu có)"), required=False, rows=2
    )
    unit_corruption_finding = _text(
        _("Lãnh đạo: kết luận về tham nhũng, lãng phí ở đơn vị phụ trách (nếu có)"),
        required=False,
        rows=2,
    )


class DecideForm(forms.Form):
    level = forms.ChoiceField(label=_("Xếp loại"), choices=Level.choices)
    reason = _text(_("Lý do (bắt buộc nếu khác mức theo quy tắc)"), required=False, rows=2)
    decision_ref = forms.CharField(
        label=_("Quyết định, người có thẩm quyền"), required=False, max_length=255
    )


class NotRateForm(forms.Form):
    decision_ref = forms.CharField(
        label=_("Quyết định, người có thẩm quyền"), required=False, max_length=255
    )
    note = _text(_("Nhận xét, đánh giá"), required=False, rows=2)


class QuotaExceptionForm(forms.Form):
    unit = forms.CharField(label=_("Mã đơn vị"), max_length=30)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    cap_percent = forms.DecimalField(
        label=_("Tỷ lệ tối đa (phần trăm số Hoàn thành tốt nhiệm vụ; để trống: không giới hạn)"),
        required=False,
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
    )
    decision_ref = forms.CharField(label=_("Số quyết định"), max_length=255)
    basis = _text(_("Căn cứ, thành tích nổi trội của đơn vị"), rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class QuotaExceptionRevokeForm(forms.Form):
    reason = forms.CharField(label=_("Lý do bỏ ngoại lệ"), max_length=500)


class PartyForm(forms.Form):
    level = forms.ChoiceField(label=_("Xếp loại đảng viên"), choices=Level.choices)
    score = forms.DecimalField(
        label=_("Điểm (nếu có)"),
        required=False,
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
    )
    profile = forms.ChoiceField(label=_("Bộ quy tắc"), required=False, choices=())
    reason = _text(_("Lý do (bắt buộc nếu khác mức theo điểm)"), required=False, rows=2)
    note = _text(_("Ghi chú"), required=False, rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = _profile_choices("party_rating")  # type: ignore[attr-defined]


class TaskRecordForm(forms.Form):
    period_kind = forms.ChoiceField(label=_("Theo dõi"), choices=PeriodKind.choices)
    period = forms.IntegerField(label=_("Kỳ (tháng 1–12 hoặc quý 1–4)"), min_value=1, max_value=12)
    title = forms.CharField(label=_("Sản phẩm, công việc"), max_length=255)
    assigned = forms.DecimalField(
        label=_("Khối lượng giao (quy đổi)"), max_digits=9, decimal_places=2, min_value=0
    )
    completed = forms.DecimalField(
        label=_("Khối lượng hoàn thành"), max_digits=9, decimal_places=2, min_value=0
    )
    quality_failures = forms.IntegerField(
        label=_("Số lần chưa đạt chất lượng"), min_value=0, initial=0
    )
    quality_excused = forms.IntegerField(label=_("— do khách quan"), min_value=0, initial=0)
    late_failures = forms.IntegerField(label=_("Số lần chậm tiến độ"), min_value=0, initial=0)
    late_excused = forms.IntegerField(label=_("— do khách quan"), min_value=0, initial=0)
    excuse_basis = forms.CharField(
        label=_("Xác nhận nguyên nhân khách quan"), required=False, max_length=500
    )


class DisciplineForm(forms.Form):
    act = forms.CharField(label=_("Mã vụ việc"), max_length=30)
    description = forms.CharField(label=_("Hành vi vi phạm"), max_length=255)
    system = forms.ChoiceField(label=_("Loại kỷ luật"), choices=SanctionSystem.choices)
    form = forms.ChoiceField(label=_("Hình thức"), choices=SanctionForm.choices)
    decided_on = forms.DateField(label=_("Ngày quyết định"), widget=DATE)
    decision_ref = forms.CharField(label=_("Số quyết định"), required=False, max_length=100)
    official_duty = forms.BooleanField(
        label=_("Vi phạm liên quan hoạt động công vụ"), required=False, initial=True
    )
    counted_as_kht_year = forms.IntegerField(
        label=_("Đã dùng để xếp loại không hoàn thành nhiệm vụ năm"),
        required=False,
        min_value=2000,
        max_value=2100,
    )


class RatingsImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp kết quả xếp loại (.xlsx)"))
    year = forms.IntegerField(
        label=_("Chỉ nhập năm"), required=False, min_value=2000, max_value=2100
    )
    partial = forms.BooleanField(required=False, label=_("Chỉ nhập các dòng hợp lệ"))
    dry_run = forms.BooleanField(required=False, label=_("Kiểm tra thử (không ghi gì)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn quá %(n)d MB."), params={"n": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


class ReviewCreateForm(forms.Form):
    unit = forms.CharField(label=_("Mã đơn vị"), max_length=30)
    year = forms.IntegerField(label=_("Năm xét"), min_value=2000, max_value=2100)
    profile = forms.ChoiceField(label=_("Bộ quy tắc tinh giản"), required=False, choices=())
    reviewed_on = forms.DateField(label=_("Ngày xét"), required=False, widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = _profile_choices("streamlining")  # type: ignore[attr-defined]
        self.fields["year"].initial = timezone.localdate().year


class CaseDecideForm(forms.Form):
    decision = forms.ChoiceField(label=_("Quyết định"), choices=Decision.choices)
    reason = forms.CharField(label=_("Lý do"), max_length=2000)


class QualificationGapForm(forms.Form):
    required_level = forms.CharField(label=_("Trình độ vị trí việc làm yêu cầu"), max_length=150)
    actual_level = forms.CharField(label=_("Trình độ hiện có"), max_length=150)
    recorded_on = forms.DateField(label=_("Ngày ghi nhận"), widget=DATE)
    retraining_possible = forms.BooleanField(
        label=_("Có thể đào tạo lại để chuẩn hóa"), required=False
    )
    other_post_available = forms.BooleanField(
        label=_("Có vị trí việc làm khác phù hợp"), required=False
    )
    resolved_on = forms.DateField(label=_("Ngày đã đạt chuẩn"), required=False, widget=DATE)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)


class SurplusForm(forms.Form):
    kind = forms.ChoiceField(label=_("Trường hợp"), choices=SurplusKind.choices)
    decision_ref = forms.CharField(label=_("Quyết định (số, cơ quan)"), max_length=255)
    decided_on = forms.DateField(label=_("Ngày quyết định"), widget=DATE)
    can_be_replaced = forms.BooleanField(label=_("Bố trí được việc làm khác"), required=False)
    volunteered_with_consent = forms.BooleanField(
        label=_("Tự nguyện và được cơ quan đồng ý"), required=False
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)


class CircumstanceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Trường hợp"), choices=CircumstanceKind.choices)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE)
    ends_on = forms.DateField(label=_("Đến ngày"), required=False, widget=DATE)
    child_birth_date = forms.DateField(
        label=_("Ngày sinh của con (nuôi con nhỏ)"), required=False, widget=DATE
    )
    volunteers = forms.BooleanField(label=_("Tự nguyện tinh giản biên chế"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)
