"""Blueprint parts and cells, checked against the approved bank; the NGHEAN-2019 template."""

import datetime as dt
from decimal import Decimal

import pytest

from sathach.audit.models import AuditEvent
from sathach.bank.constants import VersionState
from sathach.bank.models import Item, ItemVersion
from sathach.bank.testing import make_topic, single_choice
from sathach.bank.transfer import items_bulk_create
from sathach.core.errors import ServiceError
from sathach.demo.bank_seed import bank_seed
from sathach.demo.province import province_generate, province_write
from sathach.lib.assembly import assemble
from sathach.lib.formats.items import Difficulty, ItemData, Kind
from sathach.plans.constants import PartKind, SittingMode
from sathach.plans.selectors import part_assembly_input
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    blueprint_validate,
    plan_create_from_template,
)
from sathach.plans.templates_data import NGHEAN_2019
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db


def _items(topic, count, difficulty=Difficulty.EASY, *, approved=True, retired=False, essay=False):
    """Put ``count`` items in ``topic``, approved (or left in draft), optionally retired."""
    start = Item.objects.count()
    data = []
    for i in range(count):
        if essay:
            item = ItemData(
                kind=Kind.ESSAY, stem=f"Tình huống số {start + i}?", difficulty=difficulty
            )
        else:
            item = single_choice(stem=f"Câu hỏi số {start + i}?", difficulty=difficulty)
        data.append((item, topic))
    items = items_bulk_create(actor=None, placed=data)
    if approved:
        ItemVersion.objects.filter(item__in=items).update(state=VersionState.APPROVED)
        for item in items:
            item.approved_id = item.current_id
            item.is_retired = retired
        Item.objects.bulk_update(items, ["approved", "is_retired"])
    return items


@pytest.fixture
def topics(db):
    ktc = make_topic("KTC", "Kiến thức chung")
    return {
        "ktc": ktc,
        "htct": make_topic("KTC-HTCT", "Hệ thống chính trị", ktc),
        "xdd": make_topic("KTC-XDD", "Công tác xây dựng Đảng", ktc),
        "cm": make_topic("CM", "Chuyên môn, nghiệp vụ"),
    }


@pytest.fixture
def part(organiser):
    plan = make_plan("DEMO", actor=organiser)
    return blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.COMPUTER_MCQ,
        name="Trắc nghiệm kiến thức chung",
        minutes=60,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )


def test_a_short_cell_says_how_many_approved_items_the_bank_has(part, topics, organiser):
    _items(topics["htct"], 12)
    _items(topics["htct"], 3, approved=False)  # drafts do not count
    _items(topics["htct"], 2, retired=True)  # nor retired items
    _items(topics["htct"], 5, Difficulty.MEDIUM)  # nor other levels
    blueprint_cell_add(
        actor=organiser, part=part, topic=topics["htct"], count=20, points=1, difficulty="easy"
    )
    issues = blueprint_validate(plan=part.plan)
    shortages = [i for i in issues if i.code == "shortage"]
    assert [i.message for i in shortages] == [
        "Phần 1, chủ đề Hệ thống chính trị, mức Dễ: cần 20 câu, ngân hàng có 12 câu đã duyệt"
    ]
    assert (shortages[0].needed, shortages[0].available, shortages[0].blocking) == (20, 12, True)


def test_a_cell_counts_its_whole_topic_subtree_and_filters_by_kind(part, topics, organiser):
    _items(topics["htct"], 4)
    _items(topics["xdd"], 3, Difficulty.HARD)
    _items(topics["xdd"], 2, Difficulty.HARD, essay=True)
    blueprint_cell_add(
        actor=organiser, part=part, topic=topics["ktc"], count=10, points=1, item_kind="single"
    )
    assert [i.message for i in blueprint_validate(plan=part.plan) if i.code == "shortage"] == [
        "Phần 1, chủ đề Kiến thức chung, loại Một lựa chọn: cần 10 câu, ngân hàng có 7 câu đã duyệt"
    ]


def test_an_mcq_part_scales_its_raw_score_to_the_maximum(part, topics, organiser):
    _items(topics["htct"], 25)
    blueprint_cell_add(actor=organiser, part=part, topic=topics["htct"], count=20, points=1)
    issues = blueprint_validate(plan=part.plan)
    assert [(i.code, i.message, i.blocking) for i in issues] == [
        (
            "score_scaled",
            "Phần 1: 20 câu, tổng 20 điểm; điểm phần thi quy đổi về thang 100 (điểm câu đúng "
            "× 100 / 20).",
            False,
        )
    ]


def test_a_marked_part_must_add_up_to_its_maximum(part, topics, organiser):
    essay = blueprint_part_add(
        actor=organiser,
        plan=part.plan,
        order=2,
        kind=PartKind.SITUATION,
        name="Xử lý tình huống",
        minutes=30,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    assert essay.sitting_mode == SittingMode.ORAL
    _items(topics["cm"], 3, Difficulty.MEDIUM, essay=True)
    blueprint_cell_add(
        actor=organiser,
        part=essay,
        topic=topics["cm"],
        count=1,
        points=Decimal("80"),
        item_kind="essay",
    )
    messages = [i.message for i in blueprint_validate(plan=part.plan)]
    assert messages == [
        "Phần 1 (Trắc nghiệm kiến thức chung): chưa có ô nào trong ma trận đề.",
        "Phần 2: tổng điểm các câu là 80, khác điểm tối đa 100.",
    ]


def test_overlapping_cells_are_refused(part, topics, organiser):
    blueprint_cell_add(
        actor=organiser, part=part, topic=topics["ktc"], count=5, points=1, difficulty="easy"
    )
    with pytest.raises(ServiceError) as exc:
        blueprint_cell_add(actor=organiser, part=part, topic=topics["htct"], count=5, points=1)
    assert exc.value.message == (
        "Phần 1, chủ đề Hệ thống chính trị trùng phạm vi với ô đã có (Phần 1, chủ đề Kiến thức "
        "chung, mức Dễ): một câu hỏi chỉ được thuộc một ô."
    )
    # Another level of the same topic does not overlap.
    blueprint_cell_add(
        actor=organiser, part=part, topic=topics["htct"], count=5, points=1, difficulty="hard"
    )


def test_a_pass_mark_above_the_maximum_is_refused(part, organiser):
    with pytest.raises(ServiceError) as exc:
        blueprint_part_add(
            actor=organiser,
            plan=part.plan,
            order=2,
            kind=PartKind.WRITTEN,
            name="Viết",
            minutes=180,
            max_score=Decimal(100),
            pass_mark=Decimal("100.5"),
        )
    assert exc.value.message == "Điểm đạt (100,5) lớn hơn điểm tối đa (100)."


def test_template_skips_cells_of_missing_topics_with_a_warning(organiser, topics):
    result = plan_create_from_template(
        actor=organiser,
        template_code="NGHEAN-2019",
        code="NA-2026",
        name="Sát hạch 2026",
        starts_on=dt.date(2026, 3, 2),
        ends_on=dt.date(2026, 4, 30),
    )
    plan = result.plan
    assert plan.template == "NGHEAN-2019" and plan.exam_profile == "TT22-2025@1"
    assert "212-KH/TU" in plan.legal_basis
    assert (plan.retirement_window_months, plan.recruited_within_months) == (12, 12)
    assert sorted(plan.eligible_blocks) == ["front", "mass", "party", "state"]
    parts = list(plan.parts.order_by("order"))
    assert [(p.kind, p.minutes, p.max_score, p.pass_mark, p.sitting_mode) for p in parts] == [
        ("computer_mcq", 60, Decimal(100), Decimal(50), "computer"),
        ("situation", 30, Decimal(100), Decimal(50), "oral"),
        ("outline_defence", 90, Decimal(100), Decimal(50), "oral"),
    ]
    # KTC-QLNN is not in this bank: its three cells are skipped, each with a warning.
    assert (
        result.warnings
        == ["Mẫu NGHEAN-2019, phần 1: bỏ qua ô chủ đề “KTC-QLNN” vì ngân hàng chưa có chủ đề này."]
        * 3
    )
    assert parts[0].cells.count() == 6
    event = AuditEvent.objects.get(action="plans.plan_create_from_template")
    assert event.data["cells"] == 8 and len(event.data["warnings"]) == 3


def test_unknown_template_is_refused(organiser):
    with pytest.raises(ServiceError) as exc:
        plan_create_from_template(
            actor=organiser,
            template_code="HN-2020",
            code="X",
            name="X",
            starts_on=dt.date(2026, 3, 2),
            ends_on=dt.date(2026, 4, 30),
        )
    assert exc.value.message == "Không có mẫu kế hoạch “HN-2020”."


def test_template_numbers_not_in_public_sources_are_marked_unverified():
    part1 = NGHEAN_2019.parts[0]
    assert sum(c.count for c in part1.cells) == 60
    assert {"minutes", "sitting_mode", "cells"} <= set(part1.unverified)
    assert "retirement_window_months" in NGHEAN_2019.unverified


@pytest.fixture
def demo_bank(db):
    province_write(province_generate(seed=7, scale=0.02))
    bank_seed(seed=7)


def test_the_template_plan_is_fully_covered_by_the_demo_bank(demo_bank):
    result = plan_create_from_template(
        actor=None,
        template_code="NGHEAN-2019",
        code="NA-2026",
        name="Sát hạch 2026",
        starts_on=dt.date(2026, 3, 2),
        ends_on=dt.date(2026, 4, 30),
    )
    assert result.warnings == []
    issues = blueprint_validate(plan=result.plan)
    assert [(i.code, i.part) for i in issues] == [("score_scaled", 1)]
    assert issues[0].message == (
        "Phần 1: 60 câu, tổng 60 điểm; điểm phần thi quy đổi về thang 100 (điểm câu đúng × "
        "100 / 60)."
    )
    blueprint, pool = part_assembly_input(part=result.plan.parts.get(order=1))
    assert blueprint.length == 60
    forms = assemble(pool, blueprint, 4, seed=1)
    assert forms.blueprint_ok and len(forms.forms) == 4


def test_a_bigger_cell_than_the_demo_bank_holds_is_short(demo_bank):
    result = plan_create_from_template(
        actor=None,
        template_code="NGHEAN-2019",
        code="NA-2026",
        name="Sát hạch 2026",
        starts_on=dt.date(2026, 3, 2),
        ends_on=dt.date(2026, 4, 30),
    )
    result.plan.parts.get(order=1).cells.filter(topic__code="KTC-HTCT", difficulty="hard").update(
        count=30
    )
    shortages = [i for i in blueprint_validate(plan=result.plan) if i.code == "shortage"]
    assert [i.message for i in shortages] == [
        "Phần 1, chủ đề Hệ thống chính trị, mức Khó, loại Một lựa chọn: cần 30 câu, ngân hàng "
        "có 22 câu đã duyệt"
    ]
