"""Plan templates: a plan's parts, blueprint cells and default rules, ready to instantiate.

Why Python data and not a rule-profile TOML file: a profile holds flat, scalar rules, each
``[rules.<key>]`` with one value and its basis, and the loader reads every file under the
profile folder into the exam registry (whose shipped set the tests pin). A template is nested
(parts holding cells, each naming a topic), so it would need a second loader and schema;
plain frozen dataclasses say the same with their basis and "unverified" flags beside each
number, and are checked by the type checker.

Numbers marked ``unverified`` are not in public sources (domain.md §6): they are the
defaults an organiser is expected to review, never hard rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .constants import PartKind, SittingMode


@dataclass(frozen=True)
class CellTemplate:
    topic_code: str  # bank.Topic code; a cell whose topic does not exist is skipped
    count: int
    points: Decimal
    difficulty: str = ""  # "" = any
    item_kind: str = ""  # "" = any


@dataclass(frozen=True)
class PartTemplate:
    order: int
    kind: str
    name: str
    minutes: int
    max_score: Decimal
    pass_mark: Decimal
    sitting_mode: str
    weight: Decimal = Decimal(1)
    note: str = ""
    unverified: tuple[str, ...] = ()  # which of the numbers above are not confirmed
    cells: tuple[CellTemplate, ...] = ()


@dataclass(frozen=True)
class PlanTemplate:
    code: str
    title: str
    legal_basis: str
    parts: tuple[PartTemplate, ...]
    # Default rules (Plan fields); the organiser reviews them before generating the list.
    eligible_blocks: tuple[str, ...] = ()
    include_leaders: bool = True
    retirement_window_months: int = 0
    recruited_within_months: int = 0
    unverified: tuple[str, ...] = field(default=())


def _cells(topic: str, easy: int, medium: int, hard: int) -> tuple[CellTemplate, ...]:
    return tuple(
        CellTemplate(topic, count, Decimal(1), difficulty, "single")
        for difficulty, count in (("easy", easy), ("medium", medium), ("hard", hard))
        if count
    )


NGHEAN_2019 = PlanTemplate(
    code="NGHEAN-2019",
    title="Kiểm tra, sát hạch công chức theo Kế hoạch 212-KH/TU của Tỉnh ủy Nghệ An",
    legal_basis=(
        "Kế hoạch số 212-KH/TU ngày 09/10/2019 của Ban Thường vụ Tỉnh ủy Nghệ An về kiểm tra, "
        "sát hạch cán bộ, công chức trong cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc và các tổ "
        "chức chính trị - xã hội; Đề án 09-ĐA/TU (2018)"
    ),
    eligible_blocks=("party", "state", "front", "mass"),
    # The Provincial Agencies Party Bloc's own leaders sat the test too (domain.md §6).
    include_leaders=True,
    # Exemptions were not published (domain.md §6): these defaults are for review.
    retirement_window_months=12,
    recruited_within_months=12,
    unverified=("retirement_window_months", "recruited_within_months"),
    parts=(
        PartTemplate(
            order=1,
            kind=PartKind.COMPUTER_MCQ,
            name=(
                "Trắc nghiệm kiến thức chung: hệ thống chính trị; tổ chức bộ máy của Đảng, "
                "Nhà nước, Mặt trận Tổ quốc và các đoàn thể; công tác xây dựng Đảng"
            ),
            minutes=60,
            max_score=Decimal(100),
            pass_mark=Decimal(50),
            sitting_mode=SittingMode.COMPUTER,
            note=(
                "60 câu một lựa chọn, mỗi câu 1 điểm; điểm phần thi quy đổi về thang 100. "
                "Số câu, thời gian và việc thi trên máy tính theo mẫu thi tuyển công chức "
                "(NĐ 138/2020/NĐ-CP), chưa xác minh với Kế hoạch 212-KH/TU."
            ),
            unverified=("minutes", "max_score", "pass_mark", "sitting_mode", "cells"),
            cells=(
                # Hệ thống chính trị (and the organisation of the Party, State, MTTQ, unions).
                *_cells("KTC-HTCT", 8, 10, 6),
                # Tổ chức bộ máy nhà nước, quản lý hành chính nhà nước.
                *_cells("KTC-QLNN", 4, 5, 3),
                # Công tác xây dựng Đảng.
                *_cells("KTC-XDD", 8, 10, 6),
            ),
        ),
        PartTemplate(
            order=2,
            kind=PartKind.SITUATION,
            name="Xử lý tình huống, nhiệm vụ gắn với vị trí việc làm",
            minutes=30,
            max_score=Decimal(100),
            pass_mark=Decimal(50),
            sitting_mode=SittingMode.ORAL,
            note=(
                "Ban kiểm tra sát hạch hỏi, chấm trực tiếp; tình huống lấy theo vị trí việc làm "
                "của người dự kiểm tra. Ngân hàng mẫu ghi tình huống là câu tự luận mức Trung "
                "bình trong các chủ đề CM-*."
            ),
            unverified=("minutes", "pass_mark"),
            cells=(CellTemplate("CM", 1, Decimal(100), "medium", "essay"),),
        ),
        PartTemplate(
            order=3,
            kind=PartKind.OUTLINE_DEFENCE,
            name=("Viết và bảo vệ đề cương kế hoạch, chương trình, đề án theo vị trí việc làm"),
            minutes=90,
            max_score=Decimal(100),
            pass_mark=Decimal(50),
            sitting_mode=SittingMode.ORAL,
            note=(
                "Viết đề cương rồi bảo vệ trước Ban kiểm tra sát hạch. Ngân hàng mẫu ghi đề "
                "cương là câu tự luận mức Khó trong các chủ đề CM-*."
            ),
            unverified=("minutes", "pass_mark"),
            cells=(CellTemplate("CM", 1, Decimal(100), "hard", "essay"),),
        ),
    ),
)

TEMPLATES: dict[str, PlanTemplate] = {t.code: t for t in (NGHEAN_2019,)}
