from django.db import models
from django.utils.translation import gettext_lazy as _

from sathach.lib.formats.items import Difficulty as DifficultyCode
from sathach.lib.formats.items import Kind as KindCode


class ItemKind(models.TextChoices):
    SINGLE = KindCode.SINGLE.value, _("Một lựa chọn")
    MULTIPLE = KindCode.MULTIPLE.value, _("Nhiều lựa chọn")
    TRUE_FALSE = KindCode.TRUE_FALSE.value, _("Đúng/Sai")
    SHORT_TEXT = KindCode.SHORT_TEXT.value, _("Trả lời ngắn")
    NUMERIC = KindCode.NUMERIC.value, _("Số")
    ESSAY = KindCode.ESSAY.value, _("Tự luận")


class Difficulty(models.TextChoices):
    EASY = DifficultyCode.EASY.value, _("Dễ")
    MEDIUM = DifficultyCode.MEDIUM.value, _("Trung bình")
    HARD = DifficultyCode.HARD.value, _("Khó")


class VersionState(models.TextChoices):
    """Review workflow of one item version: draft → submitted → approved / returned."""

    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ thẩm định")
    RETURNED = "returned", _("Trả lại để sửa")
    APPROVED = "approved", _("Đã duyệt")
    SUPERSEDED = "superseded", _("Đã có phiên bản mới")


class TopicRole(models.TextChoices):
    AUTHOR = "author", _("Người ra đề")
    REVIEWER = "reviewer", _("Người thẩm định")


class HistoryAction(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    EDIT = "edit", _("Sửa")
    NEW_VERSION = "new_version", _("Tạo phiên bản mới")
    SUBMIT = "submit", _("Gửi thẩm định")
    RETURN = "return", _("Trả lại")
    APPROVE = "approve", _("Phê duyệt")
    FREEZE = "freeze", _("Khóa (đã dùng trong ca thi)")
    IMPORT = "import", _("Nhập từ tệp")


# Expected share of candidates answering correctly, by difficulty, before calibration.
# Used by fair assembly until item statistics or IRT parameters replace it.
DEFAULT_FACILITY = {Difficulty.EASY: 0.8, Difficulty.MEDIUM: 0.6, Difficulty.HARD: 0.4}
