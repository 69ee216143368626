"""part_assemble and forms_seal on a written part: typed on computer it gets one form of essays
per candidate, in blueprint order, each essay counting half its points in the expected score;
sat on paper it is refused (Ban đề thi sets and prints its question paper)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from sathach.audit.models import AuditEvent
from sathach.bank.constants import TopicRole
from sathach.bank.models import ItemVersion
from sathach.bank.services import item_approve, item_create, item_submit
from sathach.bank.testing import make_bank_user, make_topic, single_choice
from sathach.core.errors import ServiceError
from sathach.core.testing import make_person
from sathach.lib.formats.items import Difficulty, ItemData, Kind
from sathach.plans.constants import CandidateStatus, PartKind, SittingMode
from sathach.plans.forms_assembly import (
    ESSAY_FACILITY,
    content_hash,
    forms_seal,
    part_assemble,
    per_candidate_forms,
)
from sathach.plans.models import BlueprintPart, Candidate, Form, Plan, Seat
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    candidates_generate,
    room_create,
    seats_allocate,
    sitting_create,
)
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db

N = 6


@dataclass
class Written:
    plan: Plan
    part: BlueprintPart
    medium: list[int]  # approved essay versions of the 20-point cell, by id
    hard: list[int]  # approved essay versions of the 60-point cell, by id
    single: list[int]


def _approve(author, reviewer, topic, data) -> int:
    item = item_create(actor=author, topic=topic, data=data)
    item_submit(actor=author, item=item)
    item_approve(actor=reviewer, item=item)
    item.refresh_from_db()
    return item.approved.pk


def _essay(n: int, points: float, difficulty: Difficulty) -> ItemData:
    return ItemData(
        kind=Kind.ESSAY,
        stem=f"Câu tự luận số {n}: trình bày nội dung quản lý nhà nước về công chức.",
        essay_guide=f"Hướng dẫn chấm câu {n}.",
        points=points,
        difficulty=difficulty,
    )


def _written(
    province,
    organiser,
    *,
    medium: int = 4,
    hard: int = 2,
    mode: str = SittingMode.COMPUTER,
    singles: int = 0,
) -> Written:
    """A written part of 100 points: 2 medium essays × 20 + 1 hard essay × 60 (and, with
    ``singles``, 5 single-choice items × 10 instead of one medium essay), over ``N``
    candidates seated in one room of rows of three."""
    for i in range(N):
        unit = province.unit_a if i % 2 == 0 else province.unit_b
        make_person(f"TLV{i + 1:03d}", f"Ngô Thị Tự Luận {i + 1}", unit)
    plan = make_plan("VIETMT", [province.unit_a, province.unit_b], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    topic = make_topic("TLX", "Tự luận quản lý nhà nước")
    author = make_bank_user("tacgia_tl", TopicRole.AUTHOR, topic, unit=province.unit_a)
    reviewer = make_bank_user("thamdinh_tl", TopicRole.REVIEWER, topic, unit=province.unit_a)
    made = Written(plan=plan, part=None, medium=[], hard=[], single=[])  # type: ignore[arg-type]
    for i in range(medium):
        made.medium.append(_approve(author, reviewer, topic, _essay(i + 1, 20, Difficulty.MEDIUM)))
    for i in range(hard):
        made.hard.append(_approve(author, reviewer, topic, _essay(10 + i, 60, Difficulty.HARD)))
    for i in range(singles):
        data = single_choice(stem=f"Câu trắc nghiệm {i + 1}?", key=i % 4)
        made.single.append(_approve(author, reviewer, topic, data))
    made.part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.WRITTEN,
        name="Thi viết trên máy tính",
        minutes=180,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
        sitting_mode=mode,
    )
    essay_cells = ((Difficulty.MEDIUM, 1 if singles else 2, 20), (Difficulty.HARD, 1, 60))
    for difficulty, count, points in essay_cells:
        blueprint_cell_add(
            actor=organiser,
            part=made.part,
            topic=topic,
            count=count,
            points=Decimal(points),
            difficulty=difficulty.value,
            item_kind="essay",
        )
    if singles:
        blueprint_cell_add(
            actor=organiser,
            part=made.part,
            topic=topic,
            count=singles,
            points=Decimal(20) / singles,
            item_kind="single",
        )
    room = room_create(
        actor=organiser, plan=plan, name="Phòng máy 1", capacity=N, computers=N, columns=3
    )
    sitting = sitting_create(
        actor=organiser, plan=plan, part=made.part, date=dt.date(2026, 3, 12), start_time=dt.time(8)
    )
    seats_allocate(actor=organiser, sitting=sitting, rooms=[room])
    return made


def _forms(part) -> list[Form]:
    return list(Form.objects.filter(part=part).order_by("candidate__number"))


def test_written_part_on_computer_gets_one_form_of_essays_per_candidate(province, organiser):
    written = _written(province, organiser)
    result = part_assemble(actor=organiser, part=written.part, seed=4)
    forms = _forms(written.part)
    included = Candidate.objects.filter(plan=written.plan, status=CandidateStatus.INCLUDED)
    assert len(forms) == N == included.count()
    assert {f.candidate_id for f in forms} == set(included.values_list("pk", flat=True))
    assert all(f.variant is None and f.sealed_at is None for f in forms)
    for form in forms:
        # Fair: every candidate two 20-point essays then one 60-point essay, in blueprint order
        # (by id within a cell), so question n is worth the same on every form.
        first, second, third = form.items
        assert {first, second} <= set(written.medium) and first < second
        assert third in written.hard
        assert form.option_orders == [None, None, None]
        assert form.content_hash == content_hash(form.items, form.option_orders)
        assert form.expected_score == pytest.approx(ESSAY_FACILITY * 100)
    assert result.spread == 0 and result.within_tolerance and result.blueprint_ok
    assert result.target == pytest.approx(50)
    used = {v for f in forms for v in f.items}
    assert all(v.frozen_at is not None for v in ItemVersion.objects.filter(pk__in=used)), (
        "the versions a form uses are frozen"
    )
    event = AuditEvent.objects.get(action="plans.part_assemble")
    assert event.data["kind"] == "written" and event.data["forms"] == N


def test_essays_count_half_their_points_whatever_their_facility_or_irt(province, organiser):
    written = _written(province, organiser)
    ItemVersion.objects.filter(pk=written.medium[0]).update(facility=0.95)
    ItemVersion.objects.filter(pk=written.medium[1]).update(facility=0.05)
    ItemVersion.objects.filter(pk=written.hard[0]).update(irt_a=1.7, irt_b=-2.0)
    result = part_assemble(actor=organiser, part=written.part, seed=9)
    assert {f.expected_score for f in _forms(written.part)} == {50.0}
    assert result.spread == 0


def test_neighbours_may_share_the_questions_of_a_written_part(province, organiser):
    # A pool no larger than the blueprint: one question paper for everyone, as on paper.
    written = _written(province, organiser, medium=2, hard=1)
    assert Seat.objects.filter(sitting__part=written.part).count() == N
    part_assemble(actor=organiser, part=written.part, seed=1)
    items = {tuple(f.items) for f in _forms(written.part)}
    assert items == {(*written.medium, *written.hard)}


def test_a_mixed_written_part_keeps_its_objective_items_parallel_and_shuffled(province, organiser):
    written = _written(province, organiser, singles=2)
    result = part_assemble(actor=organiser, part=written.part, seed=2)
    for form in _forms(written.part):
        medium, hard, *singles = form.items
        assert medium in written.medium and hard in written.hard
        assert sorted(singles) == singles and set(singles) <= set(written.single)
        orders = form.option_orders
        assert orders[:2] == [None, None]
        assert all(sorted(order) == [0, 1, 2, 3] for order in orders[2:])
        # Essays: half of 20 + 60; single-choice items: p 0.6 (medium, uncalibrated) × 10 each.
        assert form.expected_score == pytest.approx(0.5 * 80 + 0.6 * 20)
    assert result.within_tolerance


def test_forms_seal_seals_a_form_per_candidate_of_a_written_part(province, organiser):
    written = _written(province, organiser)
    part_assemble(actor=organiser, part=written.part, seed=4)
    Form.objects.filter(part=written.part).order_by("pk").first().delete()
    with pytest.raises(ServiceError) as refused:
        forms_seal(actor=organiser, part=written.part)
    assert refused.value.message == (
        "Còn 1 người dự kiểm tra chưa có đề thi phần 1: hãy lập lại đề trước khi niêm phong."
    )
    part_assemble(actor=organiser, part=written.part, seed=4)
    assert forms_seal(actor=organiser, part=written.part) == N
    assert not Form.objects.filter(part=written.part, sealed_at__isnull=True).exists()
    with pytest.raises(ServiceError) as again:
        part_assemble(actor=organiser, part=written.part, seed=5)
    assert again.value.code == "sealed"


def test_a_written_part_on_paper_is_not_assembled(province, organiser):
    written = _written(province, organiser, mode=SittingMode.PAPER)
    with pytest.raises(ServiceError) as refused:
        part_assemble(actor=organiser, part=written.part, seed=1)
    assert refused.value.code == "written_on_paper"
    assert refused.value.message == (
        "Phần 1 thi viết trên giấy: đề do Ban đề thi ra và in, không lập đề tự động. Muốn "
        "người dự kiểm tra làm bài trên máy tính, hãy chọn cách thi “Trên máy tính” cho phần "
        "này."
    )
    assert not Form.objects.filter(part=written.part).exists()
    with pytest.raises(ServiceError) as unsealed:
        forms_seal(actor=organiser, part=written.part)
    assert unsealed.value.code == "no_forms"


def test_an_oral_part_is_still_not_assembled(province, organiser):
    plan = make_plan("VANDAP", [province.unit_a], actor=organiser)
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.SITUATION,
        name="Xử lý tình huống",
        minutes=30,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    with pytest.raises(ServiceError) as refused:
        part_assemble(actor=organiser, part=part, seed=1)
    assert refused.value.code == "not_mcq"
    assert refused.value.message == (
        "Phần 1 không phải phần thi trắc nghiệm: không lập đề tự động."
    )


@pytest.mark.parametrize(
    ("kind", "mode", "expected"),
    [
        (PartKind.COMPUTER_MCQ, SittingMode.COMPUTER, True),
        (PartKind.PAPER_MCQ, SittingMode.PAPER, False),
        (PartKind.WRITTEN, SittingMode.COMPUTER, True),
        (PartKind.WRITTEN, SittingMode.PAPER, False),
        (PartKind.SITUATION, SittingMode.ORAL, False),
    ],
)
def test_which_parts_get_a_form_per_candidate(kind, mode, expected):
    assert per_candidate_forms(BlueprintPart(kind=kind, sitting_mode=mode)) is expected
