"""Choices of the delivery app: attempt states, time-ledger events, sanctions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttemptState(models.TextChoices):
    """DESIGN §2: scheduled → checked-in → in-progress ↔ paused → submitted / expired / voided."""

    SCHEDULED = "scheduled", _("Chưa vào phòng")
    CHECKED_IN = "checked_in", _("Đã vào phòng, chờ bắt đầu")
    IN_PROGRESS = "in_progress", _("Đang làm bài")
    PAUSED = "paused", _("Tạm dừng")
    SUBMITTED = "submitted", _("Đã nộp bài")
    EXPIRED = "expired", _("Hết giờ, tự động nộp")
    VOIDED = "voided", _("Đã hủy")


# States in which the candidate's work is over: no more answers are taken.
FINISHED = frozenset({AttemptState.SUBMITTED, AttemptState.EXPIRED, AttemptState.VOIDED})


class RoomState(models.TextChoices):
    WAITING = "waiting", _("Chờ bắt đầu")
    RUNNING = "running", _("Đang thi")
    PAUSED = "paused", _("Tạm dừng")
    CLOSED = "closed", _("Đã kết thúc")


class LedgerKind(models.TextChoices):
    """What the time ledger records (issue 5: every start, pause, resume, extension, credit)."""

    CHECK_IN = "check_in", _("Vào phòng thi")
    START = "start", _("Bắt đầu làm bài")
    PAUSE = "pause", _("Tạm dừng")
    RESUME = "resume", _("Tiếp tục")
    EXTEND = "extend", _("Cộng thêm thời gian")
    CREDIT = "credit", _("Bù thời gian do sự cố")
    DEVICE = "device", _("Cho phép làm tiếp trên máy khác")
    LATE_ADMIT = "late_admit", _("Cho phép vào muộn")
    SUBMIT = "submit", _("Nộp bài")
    EXPIRE = "expire", _("Hết giờ, tự động nộp")
    VOID = "void", _("Hủy bài làm")


class Sanction(models.TextChoices):
    """Candidate discipline of domain.md §1.5 (TT 001/2025/TT-BNV and TT 22/2025/TT-BNV)."""

    NONE = "none", _("Ghi nhận sự cố (không xử lý kỷ luật)")
    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    EXPULSION = "expulsion", _("Đình chỉ thi")
    CANCELLED = "cancelled", _("Hủy kết quả thi")


# Heavier sanctions outrank lighter ones: only the heaviest applies to the score.
SANCTION_WEIGHT = {
    Sanction.NONE: 0,
    Sanction.REPRIMAND: 1,
    Sanction.WARNING: 2,
    Sanction.EXPULSION: 3,
    Sanction.CANCELLED: 4,
}

BASIS_SANCTIONS = "TT 001/2025/TT-BNV, Nội quy thi (TT 22/2025/TT-BNV tương tự): xử lý vi phạm"
BASIS_LATE = "TT 001/2025/TT-BNV, Nội quy thi: thí sinh đến muộn"
