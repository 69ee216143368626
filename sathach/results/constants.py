"""Choices of the results app: part statuses, classes, correction states, and their bases."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sathach.lib.rules import results as rules


class PartStatus(models.TextChoices):
    """Where a candidate's part stands (the values of ``sathach.lib.rules.results``)."""

    SCORED = rules.SCORED, _("Có điểm")
    ABSENT = rules.ABSENT, _("Vắng thi")
    PENDING = rules.PENDING, _("Chờ chấm, chưa có điểm")
    VOIDED = rules.VOIDED, _("Bài làm bị hủy")
    CANCELLED = rules.CANCELLED, _("Không có kết quả do xử lý kỷ luật")


class Classification(models.TextChoices):
    """Classes of the total (profile keys ``result_band_*_percent``; domain.md §1.3)."""

    EXCELLENT = rules.EXCELLENT, _("Xuất sắc")
    GOOD = rules.GOOD, _("Tốt")
    PASS = rules.PASS, _("Đạt")
    FAIL = rules.FAIL, _("Không đạt")


class CorrectionState(models.TextChoices):
    PROPOSED = "proposed", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")


BASIS_TWO_PERSON = _(
    "DESIGN §1 và domain.md §4.5: sau khi công bố, không một người nào tự thay đổi được điểm; "
    "đính chính do một người đề xuất và một người khác duyệt, đều được ghi nhật ký"
)
