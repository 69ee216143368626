"""Choices of the plans app and the legal bases its rules cite."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class PlanStatus(models.TextChoices):
    """draft → published → closed; only a draft may change its rules and scope."""

    DRAFT = "draft", _("Dự thảo")
    PUBLISHED = "published", _("Đã ban hành")
    CLOSED = "closed", _("Đã kết thúc")


class CandidateStatus(models.TextChoices):
    INCLUDED = "included", _("Dự kiểm tra")
    EXEMPT = "exempt", _("Miễn kiểm tra")
    REMOVED = "removed", _("Đưa ra khỏi danh sách")


class Outcome(models.TextChoices):
    """What the eligibility rules decide for one person in scope (not stored for the
    ineligible: they are shown, never listed as candidates)."""

    INCLUDED = "included", _("Thuộc diện kiểm tra")
    EXEMPT = "exempt", _("Miễn kiểm tra")
    INELIGIBLE = "ineligible", _("Không thuộc diện")
    REMOVED = "removed", _("Đưa ra khỏi danh sách")


class OverrideAction(models.TextChoices):
    """A decision the organiser records by hand for one person, with a reason."""

    ADD = "add", _("Bổ sung vào danh sách")
    REMOVE = "remove", _("Đưa ra khỏi danh sách")
    EXEMPT = "exempt", _("Miễn kiểm tra")


class ExemptionGround(models.TextChoices):
    """Grounds an organiser records by hand (the roster has no leave records)."""

    SICK_LEAVE = "sick_leave", _("Nghỉ ốm dài ngày")
    MATERNITY = "maternity", _("Nghỉ thai sản")
    OTHER = "other", _("Lý do khác")


class Board(models.TextChoices):
    """Seats on the council and the boards that help it (domain.md §1.1)."""

    COUNCIL_CHAIR = "council_chair", _("Chủ tịch Hội đồng")
    COUNCIL_VICE_CHAIR = "council_vice_chair", _("Phó Chủ tịch Hội đồng")
    COUNCIL_SECRETARY = "council_secretary", _("Ủy viên kiêm Thư ký Hội đồng")
    COUNCIL_MEMBER = "council_member", _("Ủy viên Hội đồng")
    PAPERS = "papers", _("Ban đề thi")
    PROCTORING = "proctoring", _("Ban coi thi")
    CODING = "coding", _("Ban phách")
    MARKING = "marking", _("Ban chấm thi")
    APPEALS = "appeals", _("Ban phúc khảo")
    PANEL = "panel", _("Ban kiểm tra sát hạch")
    SUPERVISION = "supervision", _("Ban giám sát")
    IT = "it", _("Tổ kỹ thuật, công nghệ thông tin")


COUNCIL_SEATS = frozenset(
    {
        Board.COUNCIL_CHAIR,
        Board.COUNCIL_VICE_CHAIR,
        Board.COUNCIL_SECRETARY,
        Board.COUNCIL_MEMBER,
    }
)


class BoardRole(models.TextChoices):
    HEAD = "head", _("Trưởng ban")
    MEMBER = "member", _("Thành viên")


class PartKind(models.TextChoices):
    COMPUTER_MCQ = "computer_mcq", _("Trắc nghiệm trên máy tính")
    PAPER_MCQ = "paper_mcq", _("Trắc nghiệm trên giấy")
    WRITTEN = "written", _("Thi viết (tự luận)")
    SITUATION = "situation", _("Xử lý tình huống")
    OUTLINE_DEFENCE = "outline_defence", _("Viết và bảo vệ đề cương")
    PRACTICAL = "practical", _("Thực hành")


MCQ_KINDS = frozenset({PartKind.COMPUTER_MCQ, PartKind.PAPER_MCQ})


class MultipleResponseRule(models.TextChoices):
    """How a multiple-response item gives partial credit (sathach.lib.scoring.MULTIPLE_RULES)."""

    ITEM_WEIGHTS = "item_weights", _("Theo trọng số từng phương án của câu hỏi")
    ALL_OR_NOTHING = "all_or_nothing", _("Tất cả hoặc không")
    PROPORTIONAL = "proportional", _("Theo tỷ lệ: số phương án đúng đã chọn trừ số sai, không âm")


class SittingMode(models.TextChoices):
    COMPUTER = "computer", _("Trên máy tính")
    PAPER = "paper", _("Trên giấy")
    ORAL = "oral", _("Vấn đáp, thực hành")


# The mode a part sits in unless the organiser says otherwise.
DEFAULT_SITTING_MODE = {
    PartKind.COMPUTER_MCQ: SittingMode.COMPUTER,
    PartKind.PAPER_MCQ: SittingMode.PAPER,
    PartKind.WRITTEN: SittingMode.PAPER,
    PartKind.SITUATION: SittingMode.ORAL,
    PartKind.OUTLINE_DEFENCE: SittingMode.ORAL,
    PartKind.PRACTICAL: SittingMode.ORAL,
}


class SittingStatus(models.TextChoices):
    DRAFT = "draft", _("Đang chuẩn bị")
    FINAL = "final", _("Đã chốt")


class ProctorRole(models.IntegerChoices):
    """Proctor 1 is in charge and collects the papers; proctor 2 reads out the rules
    (TT 06/2020/TT-BNV, Điều 27)."""

    FIRST = 1, _("Giám thị 1")
    SECOND = 2, _("Giám thị 2")


# --- Legal bases the plans app cites -------------------------------------------------------------
# The article of the TT 06/2020 Quy chế on who may sit on the council is not numbered here:
# the domain notes do not give it; NĐ 138/2020 Điều 7 khoản 3 states the same bar.
BASIS_RELATIVES = (
    "NĐ 138/2020/NĐ-CP, Điều 7 khoản 3; Quy chế ban hành kèm TT 06/2020/TT-BNV (thành viên Hội "
    "đồng thi và các bộ phận giúp việc không được là người có quan hệ cha, mẹ, anh, chị, em "
    "ruột, vợ, chồng, con của người dự thi hoặc cha, mẹ, anh, chị, em ruột của vợ/chồng người "
    "dự thi); QĐ 114-QĐ/TW (kiểm soát quyền lực trong công tác cán bộ)"
)
BASIS_DISCIPLINE = (
    "NĐ 138/2020/NĐ-CP, Điều 7 khoản 3; Quy chế ban hành kèm TT 06/2020/TT-BNV (không cử người "
    "đang trong thời hạn xử lý kỷ luật hoặc đang thi hành quyết định kỷ luật)"
)
BASIS_SEPARATION = (
    "QĐ 205-QĐ/TW (2019) và QĐ 114-QĐ/TW (2023) về kiểm soát quyền lực trong công tác cán bộ; "
    "Quy chế ban hành kèm TT 06/2020/TT-BNV (tách bạch ra đề, coi thi, làm phách và chấm thi)"
)
BASIS_CANDIDATE_ON_BOARD = (
    "QĐ 114-QĐ/TW (kiểm soát quyền lực trong công tác cán bộ); Luật Phòng, chống tham nhũng "
    "2018, Điều 23 (kiểm soát xung đột lợi ích)"
)
BASIS_SUPERVISION = "TT 22/2025/TT-BNV (Ban giám sát kỳ thi); QĐ 114-QĐ/TW: giám sát chỉ được xem"

# Boards that may never be held together by one person, and why (domain.md §1.1 and §4.1).
INCOMPATIBLE_BOARDS: dict[frozenset[str], StrOrPromise] = {
    frozenset({Board.PAPERS, Board.MARKING}): _("người ra đề không được chấm thi"),
    frozenset({Board.CODING, Board.MARKING}): _("người làm phách không được chấm thi"),
    frozenset({Board.PROCTORING, Board.MARKING}): _("người coi thi không được chấm thi"),
}
