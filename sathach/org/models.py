from django.db import models
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel
from sathach.lib.tree import child_path

from .constants import Block, Gender, Relation, UnitKind, UnitLevel


class Unit(TimeStampedModel):
    """A node of the organisation tree: province → block → agency → department, and communes.

    ``path`` is the chain of codes from the root ("/NA/NA-DANG/NA-BTC/"): a subtree is
    ``path__startswith``, one indexed range scan on both databases.
    """

    code = models.CharField(_("mã đơn vị"), max_length=30, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=UnitLevel.choices)
    block = models.CharField(_("khối"), max_length=10, choices=Block.choices, blank=True)
    path = models.CharField(max_length=500, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    dissolved_on = models.DateField(_("ngày giải thể"), null=True, blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(code__contains="/"), name="unit_code_has_no_slash"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def compute_path(self) -> str:
        return child_path(self.parent.path if self.parent else None, self.code)


class Rank(TimeStampedModel):
    """An administrative rank (ngạch), e.g. 01.003 Chuyên viên (TT 2/2021/TT-BNV)."""

    code = models.CharField(_("mã ngạch"), max_length=10, unique=True)
    name = models.CharField(_("tên ngạch"), max_length=150)
    salary_group = models.CharField(_("nhóm lương"), max_length=10, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ngạch")
        verbose_name_plural = _("ngạch")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Position(TimeStampedModel):
    """A job position (vị trí việc làm): test content is linked to it, as Nghệ An did."""

    code = models.CharField(_("mã vị trí"), max_length=30, unique=True)
    name = models.CharField(_("tên vị trí việc làm"), max_length=255)
    required_rank = models.ForeignKey(
        Rank,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ngạch tối thiểu"),
    )
    is_leadership = models.BooleanField(_("vị trí lãnh đạo, quản lý"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("vị trí việc làm")
        verbose_name_plural = _("vị trí việc làm")

    def __str__(self) -> str:
        return self.name


class Person(TimeStampedModel):
    """A civil servant (công chức) on the roster."""

    code = models.CharField(_("mã công chức"), max_length=30, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=150)
    family_name = models.CharField(_("họ"), max_length=50, blank=True)
    middle_name = models.CharField(_("tên đệm"), max_length=80, blank=True)
    given_name = models.CharField(_("tên"), max_length=50, blank=True)
    # Vietnamese order (given, middle, family; letters then tones), as digits: see lib.text.
    sort_key = models.CharField(max_length=400, db_index=True, editable=False)
    # Lower-case, diacritic-free name and code, for search that ignores both.
    search_text = models.CharField(max_length=300, editable=False)
    birth_date = models.DateField(_("ngày sinh"))
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="persons", verbose_name=_("đơn vị")
    )
    rank = models.ForeignKey(
        Rank,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("ngạch"),
    )
    position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("vị trí việc làm"),
    )
    qualification = models.CharField(_("trình độ chuyên môn"), max_length=255, blank=True)
    hired_on = models.DateField(_("ngày tuyển dụng"), null=True, blank=True)
    is_leader = models.BooleanField(_("lãnh đạo, quản lý"), default=False)
    is_party_member = models.BooleanField(_("đảng viên"), default=False)
    # Anyone under disciplinary review may not sit on a council or board (domain.md §1.1).
    under_discipline = models.BooleanField(_("đang xem xét kỷ luật"), default=False)
    is_active = models.BooleanField(_("đang công tác"), default=True)

    class Meta:
        ordering = ["sort_key", "code"]
        verbose_name = _("công chức")
        verbose_name_plural = _("công chức")
        indexes = [models.Index(fields=["unit", "sort_key"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.code})"


class Relative(models.Model):
    """A relative declared in the personnel record (sơ yếu lý lịch), both on the roster.

    Stored once per declaration; conflict checks read both directions.
    """

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="relatives_declared",
        verbose_name=_("công chức"),
    )
    relative = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="declared_by",
        verbose_name=_("người thân"),
    )
    relation = models.CharField(_("quan hệ"), max_length=20, choices=Relation.choices)

    class Meta:
        verbose_name = _("người thân")
        verbose_name_plural = _("người thân")
        constraints = [
            models.UniqueConstraint(fields=["person", "relative"], name="relative_unique"),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("relative")), name="relative_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_relation_display()} — {self.relative}"
