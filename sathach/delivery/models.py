"""Computer-based sittings: room sessions, attempts, answers, the time ledger and incidents.

The server clock is the only clock. An attempt's ``deadline`` is materialised: every start,
pause, resume, extension and credit recomputes it, so a save checks one column of the one row
it reads. Answers are one row per (attempt, item), overwritten only by a newer client sequence
number (``sathach.delivery.services.answers``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel

from .constants import AttemptState, LedgerKind, RoomState, Sanction


class RoomSession(TimeStampedModel):
    """One room of one computer sitting, as the proctor runs it (start, pause, extend)."""

    sitting = models.ForeignKey(
        "plans.Sitting", on_delete=models.CASCADE, related_name="room_sessions"
    )
    room = models.ForeignKey("plans.Room", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=RoomState.choices, default=RoomState.WAITING
    )
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    paused_at = models.DateTimeField(_("tạm dừng từ"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    # Room-wide pauses and extensions, added to the deadline of every attempt started here.
    paused_seconds = models.IntegerField(_("thời gian tạm dừng (giây)"), default=0)
    extra_seconds = models.IntegerField(_("thời gian cộng thêm (giây)"), default=0)

    class Meta:
        ordering = ["sitting_id", "room_id"]
        verbose_name = _("phòng thi trong ca")
        verbose_name_plural = _("phòng thi trong ca")
        constraints = [
            models.UniqueConstraint(fields=["sitting", "room"], name="room_session_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.sitting} — {self.room}"


class Attempt(TimeStampedModel):
    """A candidate's sitting of one computer part, on the sealed form made for them.

    ``token_hash`` is the SHA-256 of the bearer token the exam page holds; a new check-in (only
    when the proctor allows a device change) replaces it, which locks the old computer out.
    """

    sitting = models.ForeignKey("plans.Sitting", on_delete=models.PROTECT, related_name="attempts")
    session = models.ForeignKey(RoomSession, on_delete=models.PROTECT, related_name="attempts")
    candidate = models.ForeignKey(
        "plans.Candidate", on_delete=models.PROTECT, related_name="attempts"
    )
    form = models.ForeignKey("plans.Form", on_delete=models.PROTECT, related_name="attempts")
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=AttemptState.choices,
        default=AttemptState.SCHEDULED,
    )
    checkin_code = models.CharField(_("mã vào phòng thi"), max_length=12, unique=True)
    # The form as delivered: item version ids in order, their kinds and option counts, so that
    # saving an answer reads this one row and nothing else.
    layout = models.JSONField(default=dict, editable=False)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    device_change_allowed = models.BooleanField(_("được làm tiếp trên máy khác"), default=False)
    late_admitted = models.BooleanField(_("được phép vào muộn"), default=False)
    checked_in_at = models.DateTimeField(_("vào phòng lúc"), null=True, blank=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    # Seconds added for this candidate alone (extensions and incident credits) and seconds spent
    # in pauses of this candidate alone; the room's own pauses and extensions are added too.
    extra_seconds = models.IntegerField(_("thời gian cộng thêm (giây)"), default=0)
    paused_seconds = models.IntegerField(_("thời gian tạm dừng (giây)"), default=0)
    paused_at = models.DateTimeField(_("tạm dừng từ"), null=True, blank=True)
    deadline = models.DateTimeField(_("hạn nộp bài"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("liên lạc lần cuối"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    raw_score = models.DecimalField(
        _("điểm bài làm"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    max_score = models.DecimalField(
        _("điểm tối đa"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    correct_count = models.PositiveSmallIntegerField(_("số câu đúng"), null=True, blank=True)
    void_reason = models.TextField(_("lý do hủy"), blank=True)

    class Meta:
        ordering = ["sitting_id", "session_id", "pk"]
        verbose_name = _("bài làm")
        verbose_name_plural = _("bài làm")
        constraints = [
            # STYLE.md: one attempt per candidate per sitting.
            models.UniqueConstraint(
                fields=["sitting", "candidate"], name="attempt_one_per_sitting"
            ),
            models.CheckConstraint(
                condition=Q(raw_score__isnull=True)
                | (Q(raw_score__gte=0) & Q(raw_score__lte=models.F("max_score"))),
                name="attempt_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sitting}: {self.candidate_id} ({self.get_state_display()})"


class Response(models.Model):
    """The latest answer to one item of one attempt, with the client's sequence number."""

    # No index of its own on attempt_id: the unique (attempt, item) index leads with it and
    # serves every lookup by attempt, so each save updates one index fewer (a computer
    # sitting of 10,000 writes about 700,000 of these rows in an hour; docs/BENCHMARKS.md).
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="responses", db_index=False
    )
    item = models.ForeignKey("bank.ItemVersion", on_delete=models.PROTECT, related_name="+")
    answer = models.JSONField(_("câu trả lời"))
    seq = models.BigIntegerField(_("số thứ tự gửi"))
    saved_at = models.DateTimeField(_("lưu lúc"))

    class Meta:
        ordering = ["attempt_id", "item_id"]
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "item"], name="response_unique"),
            models.CheckConstraint(condition=Q(seq__gte=0), name="response_seq_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.item_id} #{self.seq}"


class LedgerEntry(models.Model):
    """One line of the time ledger: what happened to an attempt's clock, who did it and why."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="ledger")
    kind = models.CharField(_("sự kiện"), max_length=12, choices=LedgerKind.choices)
    at = models.DateTimeField(_("lúc"))
    seconds = models.IntegerField(_("số giây"), default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    reason = models.TextField(_("lý do"), blank=True)
    deadline = models.DateTimeField(_("hạn nộp bài sau sự kiện"), null=True, blank=True)

    class Meta:
        ordering = ["attempt_id", "at", "pk"]
        verbose_name = _("nhật ký thời gian")
        verbose_name_plural = _("nhật ký thời gian")

    def __str__(self) -> str:
        return f"{self.attempt_id}: {self.get_kind_display()} {self.at:%H:%M:%S}"


class Incident(TimeStampedModel):
    """A violation or incident recorded by a proctor (biên bản), with its sanction.

    ``deduction_percent`` and ``basis`` are copied from the plan's rule profile when recorded,
    so a later profile change does not alter a decided sanction.
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.PROTECT, related_name="incidents")
    sanction = models.CharField(_("hình thức xử lý"), max_length=10, choices=Sanction.choices)
    description = models.TextField(_("nội dung vi phạm, sự cố"))
    credit_seconds = models.PositiveIntegerField(_("thời gian bù (giây)"), default=0)
    deduction_percent = models.DecimalField(
        _("trừ điểm (%)"), max_digits=5, decimal_places=2, default=0
    )
    basis = models.CharField(_("căn cứ"), max_length=500, blank=True)
    profile = models.CharField(_("bộ quy tắc"), max_length=60, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người lập biên bản"),
    )

    class Meta:
        ordering = ["attempt_id", "created_at"]
        verbose_name = _("biên bản vi phạm, sự cố")
        verbose_name_plural = _("biên bản vi phạm, sự cố")

    def __str__(self) -> str:
        return f"{self.attempt_id}: {self.get_sanction_display()}"


# --- Rescoring (sathach.delivery.services.rescoring) ---------------------------------------------


class CorrectionAction(models.TextChoices):
    VOID = "void", _("Hủy câu hỏi")
    REKEY = "rekey", _("Sửa đáp án")


class VoidRule(models.TextChoices):
    """What voiding does to the scores (profile key ``rescore_void_full_credit``)."""

    FULL_CREDIT = "full_credit", _("Tính đủ điểm câu hỏi cho mọi người")
    REMOVED = "removed", _("Bỏ câu hỏi khỏi tổng điểm")


class ItemCorrection(TimeStampedModel):
    """A faulty item of a part voided, or its key corrected, after the sitting.

    ``key`` holds, for a corrected key, the fields of the item's ``content`` that replace the
    item's own (``options``, ``truth``, ``answers`` or ``numeric``, in the same shape); the item
    version itself is frozen and never changes. ``void_rule``, ``profile`` and ``basis`` are
    copied from the plan's rule profile when applied, so a later profile change does not alter a
    decided rescoring. Every attempt of the part, in every sitting, is scored with its part's
    corrections.
    """

    part = models.ForeignKey(
        "plans.BlueprintPart", on_delete=models.PROTECT, related_name="item_corrections"
    )
    item = models.ForeignKey("bank.ItemVersion", on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("xử lý"), max_length=10, choices=CorrectionAction.choices)
    key = models.JSONField(_("đáp án mới"), default=dict, blank=True)
    void_rule = models.CharField(
        _("cách tính khi hủy câu"), max_length=12, choices=VoidRule.choices, blank=True
    )
    reason = models.TextField(_("lý do"))
    profile = models.CharField(_("bộ quy tắc"), max_length=60, blank=True)
    basis = models.CharField(_("căn cứ"), max_length=1000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người quyết định"),
    )

    class Meta:
        ordering = ["part_id", "item_id"]
        verbose_name = _("xử lý câu hỏi sai sót")
        verbose_name_plural = _("xử lý câu hỏi sai sót")
        constraints = [
            models.UniqueConstraint(fields=["part", "item"], name="item_correction_unique"),
            models.CheckConstraint(condition=~Q(reason=""), name="item_correction_has_reason"),
            models.CheckConstraint(
                condition=(Q(action=CorrectionAction.VOID) & ~Q(void_rule=""))
                | (Q(action=CorrectionAction.REKEY) & Q(void_rule="")),
                name="item_correction_void_rule",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.part}: {self.get_action_display()} #{self.item_id}"
