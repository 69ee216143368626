from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel
from sathach.lib.tree import child_path

from .constants import Difficulty, HistoryAction, ItemKind, TopicRole, VersionState


class Topic(TimeStampedModel):
    """A node of the topic tree (e.g. Kiến thức chung → Hệ thống chính trị)."""

    code = models.CharField(_("mã chủ đề"), max_length=40, unique=True)
    name = models.CharField(_("tên chủ đề"), max_length=255)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("chủ đề cha"),
    )
    # Professional topics are tied to a job position, as Nghệ An linked test content to it.
    position = models.ForeignKey(
        "org.Position",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vị trí việc làm"),
    )
    path = models.CharField(max_length=500, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["path"]
        verbose_name = _("chủ đề")
        verbose_name_plural = _("chủ đề")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(code__contains="/"), name="topic_code_has_no_slash"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def compute_path(self) -> str:
        return child_path(self.parent.path if self.parent else None, self.code)


class TopicAssignment(TimeStampedModel):
    """Who writes or reviews items in a topic subtree. Authors see only these topics."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_assignments"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(_("vai trò"), max_length=10, choices=TopicRole.choices)

    class Meta:
        verbose_name = _("phân công chủ đề")
        verbose_name_plural = _("phân công chủ đề")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic", "role"], name="topic_assignment_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.topic}"


class Asset(models.Model):
    """An image used by items, stored once by content hash (in the database: one backup)."""

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("tên tệp"), max_length=255)
    mime = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp ảnh")
        verbose_name_plural = _("tệp ảnh")

    def __str__(self) -> str:
        return self.name


class Item(TimeStampedModel):
    """A question. Its content lives in versions; ``current`` is the one being worked on and
    ``approved`` the latest approved (the only kind a test may use)."""

    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="items", verbose_name=_("chủ đề")
    )
    kind = models.CharField(_("loại câu hỏi"), max_length=20, choices=ItemKind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    external_id = models.CharField(_("mã ngoài"), max_length=100, blank=True)
    current = models.ForeignKey(
        "ItemVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved = models.ForeignKey(
        "ItemVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    positions = models.ManyToManyField(
        "org.Position", blank=True, related_name="+", verbose_name=_("vị trí việc làm áp dụng")
    )
    ranks = models.ManyToManyField(
        "org.Rank", blank=True, related_name="+", verbose_name=_("ngạch áp dụng")
    )
    is_retired = models.BooleanField(_("ngừng sử dụng"), default=False)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        indexes = [models.Index(fields=["topic", "kind"])]

    def __str__(self) -> str:
        return f"Câu hỏi #{self.pk}"


class ItemVersion(models.Model):
    """One version of an item's content. A version used in a sitting is frozen: it is never
    changed again; editing the item then creates a new version."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    kind = models.CharField(_("loại câu hỏi"), max_length=20, choices=ItemKind.choices)
    stem = models.TextField(_("nội dung câu hỏi"))  # sanitised HTML
    # Kind-specific content (options with key, truth, accepted answers, numeric, guide...),
    # the JSON form of lib.formats.items.ItemData without stem and assets.
    content = models.JSONField(_("nội dung chi tiết"), default=dict)
    difficulty = models.CharField(_("mức độ"), max_length=10, choices=Difficulty.choices)
    points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2, default=1)
    source = models.CharField(_("nguồn, căn cứ"), max_length=500, blank=True)
    shuffle = models.BooleanField(_("cho phép đảo phương án"), default=True)
    assets = models.ManyToManyField(Asset, blank=True, related_name="versions")
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=VersionState.choices, default=VersionState.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tác giả"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    frozen_at = models.DateTimeField(_("khóa lúc"), null=True, blank=True)
    # Diacritic-blind normalised text of stem and options, for duplicate detection and search.
    norm_text = models.TextField(editable=False, blank=True)
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    # Calibrated IRT 2PL parameters and observed facility, once known (results app).
    irt_a = models.FloatField(null=True, blank=True)
    irt_b = models.FloatField(null=True, blank=True)
    facility = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["item", "-number"]
        verbose_name = _("phiên bản câu hỏi")
        verbose_name_plural = _("phiên bản câu hỏi")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="item_version_unique"),
            models.CheckConstraint(condition=models.Q(points__gt=0), name="version_points_pos"),
        ]
        indexes = [models.Index(fields=["state", "difficulty"])]

    def __str__(self) -> str:
        return f"Câu hỏi #{self.item_id} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class ItemHistory(models.Model):
    """The visible history of an item: every step of writing and review, with comments."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="history")
    version = models.ForeignKey(ItemVersion, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(_("thao tác"), max_length=12, choices=HistoryAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    comment = models.TextField(_("ý kiến"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("lịch sử câu hỏi")
        verbose_name_plural = _("lịch sử câu hỏi")

    def __str__(self) -> str:
        return f"{self.item} {self.action}"
