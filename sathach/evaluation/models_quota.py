"""Exceptions to the HTXS quota for outstanding units (domain.md §2.1), apart from the rating
records of ``models`` (which imports this module, so the app registers the model)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel
from sathach.org.models import Unit


class QuotaException(TimeStampedModel):
    """An exception to the HTXS quota for an outstanding unit in one year (NĐ 335/2025,
    mức xếp loại công chức khoản 5 điểm b; domain.md §2.1 "with exceptions for outstanding
    units"): a higher cap, or none (``cap_percent`` None), for every group of the unit, granted
    by the competent authority's decision."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    cap_percent = models.DecimalField(
        _("tỷ lệ tối đa (phần trăm số Hoàn thành tốt nhiệm vụ)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Để trống: không giới hạn."),
    )
    decision_ref = models.CharField(_("số quyết định"), max_length=255)
    basis = models.TextField(_("căn cứ, thành tích nổi trội"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi"),
    )

    class Meta:
        ordering = ["-year", "unit__path"]
        verbose_name = _("ngoại lệ tỷ lệ Hoàn thành xuất sắc nhiệm vụ")
        verbose_name_plural = _("ngoại lệ tỷ lệ Hoàn thành xuất sắc nhiệm vụ")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="quota_exception_one_per_year"),
            models.CheckConstraint(
                condition=Q(cap_percent__isnull=True) | Q(cap_percent__gt=0, cap_percent__lte=100),
                name="quota_exception_cap_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}: {self.decision_ref}"
