from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One privileged action, append-only and hash-chained to the event before it.

    ``hash`` is SHA-256 of the event's canonical JSON (which includes ``prev_hash``), so editing,
    deleting or inserting any event breaks the chain that ``sathach audit verify`` walks. The
    database refuses UPDATE and DELETE on this table (triggers in migration 0002).
    """

    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    created_at = models.DateTimeField(_("thời điểm"))
    actor_id = models.BigIntegerField(_("mã người thực hiện"), null=True, blank=True)
    actor_username = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=80, db_index=True)
    target_type = models.CharField(_("loại đối tượng"), max_length=80, blank=True)
    target_id = models.CharField(_("mã đối tượng"), max_length=80, blank=True)
    target_repr = models.CharField(_("đối tượng"), max_length=255, blank=True)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)
    profile = models.CharField(_("bộ quy tắc áp dụng"), max_length=40, blank=True)
    ip = models.CharField(_("địa chỉ IP"), max_length=45, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("sự kiện kiểm toán")
        verbose_name_plural = _("nhật ký kiểm toán")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.target_repr}".strip()
