"""Choices of the grading app: script and re-marking states, how a final mark was reached."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScriptSource(models.TextChoices):
    TYPED = "typed", _("Làm bài trên máy tính")
    SCANNED = "scanned", _("Làm bài trên giấy (ảnh quét)")


class ScriptState(models.TextChoices):
    """collected → coded → marking → (discussion → head) → final; absent: no script to mark."""

    COLLECTED = "collected", _("Chưa đánh số phách")
    CODED = "coded", _("Đã đánh số phách, chờ phân công chấm")
    MARKING = "marking", _("Đang chấm")
    DISCUSSION = "discussion", _("Chênh lệch vượt mức: hai giám khảo trao đổi")
    HEAD = "head", _("Chờ Trưởng ban chấm thi quyết định")
    FINAL = "final", _("Đã có điểm chính thức")
    ABSENT = "absent", _("Không có bài thi")


# States in which a script still waits for markers to act.
IN_MARKING = frozenset({ScriptState.MARKING, ScriptState.DISCUSSION, ScriptState.HEAD})


class RemarkState(models.TextChoices):
    """marking → (discussion → head) → confirmed, or → meeting → (chair) → settled."""

    MARKING = "marking", _("Đang chấm phúc khảo")
    DISCUSSION = "discussion", _("Chênh lệch vượt mức: hai giám khảo phúc khảo trao đổi")
    HEAD = "head", _("Chờ Trưởng ban phúc khảo quyết định")
    MEETING = "meeting", _("Điểm phúc khảo khác điểm chấm lần đầu: chờ đối thoại giám khảo")
    CHAIR = "chair", _("Chờ Chủ tịch Hội đồng quyết định")
    CONFIRMED = "confirmed", _("Giữ nguyên điểm chấm lần đầu")
    SETTLED = "settled", _("Đã có điểm phúc khảo chính thức")


REMARK_SETTLED = frozenset({RemarkState.CONFIRMED, RemarkState.SETTLED})
REMARK_IN_MARKING = frozenset({RemarkState.MARKING, RemarkState.DISCUSSION, RemarkState.HEAD})


class PanelState(models.TextChoices):
    """scoring → (head) → final: one candidate before the panel in an oral part."""

    SCORING = "scoring", _("Đang chấm")
    HEAD = "head", _("Chênh lệch vượt mức: chờ Trưởng ban kiểm tra sát hạch quyết định")
    FINAL = "final", _("Đã có điểm chính thức")


class AppealState(models.TextChoices):
    """filed → re-marking → settled, or filed → rejected (domain.md §1.4)."""

    FILED = "filed", _("Đã nhận đơn, chờ chấm phúc khảo")
    REMARKING = "remarking", _("Đang chấm phúc khảo")
    SETTLED = "settled", _("Đã có kết quả phúc khảo")
    REJECTED = "rejected", _("Không chấp nhận đơn")


class Method(models.TextChoices):
    """How a round of double marking reached its mark (domain.md §1.4)."""

    AVERAGE = "average", _("Trung bình cộng (chênh lệch trong mức cho phép)")
    AGREED = "agreed", _("Hai giám khảo thống nhất sau trao đổi")
    HEAD = "head", _("Trưởng ban quyết định")


# Scanned pages: what is accepted, recognised by the first bytes, never by the name.
SCAN_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"%PDF-", "application/pdf", "pdf"),
)
SCAN_MAX_BYTES = 15 * 1024 * 1024  # per page file; settings.SATHACH_SCAN_MAX_BYTES overrides

# Codes (số phách): no 0/O, 1/I/L, so a code read aloud or copied off a script is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6

MARKERS_PER_SCRIPT = 2  # domain.md §1.4: two independent markers (profile min_markers_per_script)

BASIS_ANONYMITY = (
    "domain.md §1.4 và §4.4; Quy chế ban hành kèm TT 06/2020/TT-BNV: đánh số phách, rọc phách, "
    "chỉ ghép phách khi đã có điểm chính thức; giám khảo không được biết thông tin người dự thi"
)
BASIS_MARKER_SEPARATION = (
    "QĐ 205-QĐ/TW, QĐ 114-QĐ/TW; domain.md §4.1: không kết hợp ra đề, làm phách, coi thi với "
    "chấm thi"
)
BASIS_GUIDE = (
    "domain.md §1.4: giám khảo chấm theo đáp án, thang điểm chi tiết được thống nhất trước khi "
    "chấm (Thanh tra Bộ Nội vụ tại Hà Tĩnh 2015: đề thi không có thang điểm từng câu là sai phạm)"
)
BASIS_RUBRIC = (
    "domain.md §1.2 và §1.4: chấm theo thang điểm chi tiết được thống nhất trước khi chấm; tiêu "
    "chí chấm vấn đáp, thực hành cộng lại bằng điểm tối đa của phần thi và không sửa khi đã chấm"
)
