"""part_assemble and `sathach assemble` on a small demo province, bank and plan."""

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sathach.audit.models import AuditEvent
from sathach.bank.models import ItemVersion, Topic
from sathach.demo.bank_seed import bank_seed
from sathach.demo.plan_seed import plan_seed
from sathach.demo.province import province_generate, province_write
from sathach.lib.assembly import Form as CoreForm
from sathach.lib.assembly import adjacent_pairs, check_forms
from sathach.plans.constants import CandidateStatus, PartKind
from sathach.plans.forms_assembly import content_hash, part_assemble
from sathach.plans.models import BlueprintPart, Candidate, Form, Seat, SeatForm
from sathach.plans.selectors import part_assembly_input
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    room_create,
    seats_allocate,
    sitting_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    province_write(province_generate(seed=7, scale=0.05))
    bank_seed(seed=7)
    return plan_seed(seed=7)


def _run(*args):
    out = StringIO()
    call_command("assemble", *args, stdout=out)
    return out.getvalue()


def _stored(part):
    return [
        (f.candidate_id, f.variant, f.items, f.option_orders, f.content_hash)
        for f in Form.objects.filter(part=part).order_by("candidate_id", "variant")
    ]


def _core_forms(part):
    return [
        CoreForm(
            number=f.pk,
            items=tuple(f.items),
            option_orders=tuple(None if o is None else tuple(o) for o in f.option_orders),
            expected=f.expected_score,
        )
        for f in Form.objects.filter(part=part)
    ]


def test_assemble_demo_json_is_parallel_and_meets_the_blueprint(demo):
    data = json.loads(_run("DEMO", "--json", "--seed", "11"))
    part = demo.parts.get()
    included = Candidate.objects.filter(plan=demo, status=CandidateStatus.INCLUDED).count()
    assert data["forms"] == included == Form.objects.filter(part=part).count() > 0
    assert data["blueprint_ok"] is True
    assert data["max_score"] == 60 and data["tolerance"] == pytest.approx(1.2)
    # Uncalibrated items expect p by difficulty alone, so cells by difficulty give every form
    # (ours and the naive draw's) the same expected score.
    assert data["spread"] <= data["tolerance"] and data["naive_spread"] >= 0
    assert [p["part"] for p in data["parts"]] == [1]


def test_forms_from_mixed_difficulty_cells_are_parallel_where_a_naive_draw_is_not(demo):
    part = blueprint_part_add(
        actor=None,
        plan=demo,
        order=2,
        kind=PartKind.COMPUTER_MCQ,
        name="Kiến thức chung (không chia mức độ)",
        minutes=60,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    for code in ("KTC-HTCT", "KTC-LCBCC", "KTC-QLNN", "KTC-XDD"):
        blueprint_cell_add(
            actor=None,
            part=part,
            topic=Topic.objects.get(code=code),
            count=15,
            points=Decimal(1),
            item_kind="single",
        )
    data = json.loads(_run("DEMO", "--json", "--seed", "8", "--part", "2"))
    assert data["blueprint_ok"] is True
    assert data["spread"] <= data["tolerance"] == pytest.approx(1.2)
    assert data["naive_spread"] > 2 * data["tolerance"]


def test_every_stored_form_meets_its_blueprint(demo):
    _run("DEMO", "--seed", "3")
    part = demo.parts.get()
    blueprint, pool = part_assembly_input(part=part)
    assert check_forms(_core_forms(part), pool, blueprint) == []
    cell_of = {item.id: item.cell for item in pool}
    need = {cell.key: cell.count for cell in blueprint.cells}
    for form in Form.objects.filter(part=part):
        assert Counter(cell_of[v] for v in form.items) == need
        assert form.content_hash == content_hash(form.items, form.option_orders)
        assert form.candidate_id is not None and form.sealed_at is None
    assert len({tuple(sorted(f.items)) for f in Form.objects.filter(part=part)}) == len(
        Form.objects.filter(part=part)
    )


def test_same_seed_same_forms_other_seed_other_forms(demo):
    part = demo.parts.get()
    _run("DEMO", "--seed", "5")
    first = _stored(part)
    _run("DEMO", "--seed", "5")
    assert _stored(part) == first
    _run("DEMO", "--seed", "6")
    assert _stored(part) != first


def test_used_versions_are_frozen_and_the_assembly_is_audited(demo):
    _run("DEMO", "--seed", "2")
    part = demo.parts.get()
    used = {
        v for items in Form.objects.filter(part=part).values_list("items", flat=True) for v in items
    }
    assert used and not ItemVersion.objects.filter(pk__in=used, frozen_at__isnull=True).exists()
    assert ItemVersion.objects.filter(frozen_at__isnull=False).count() == len(used)
    event = AuditEvent.objects.filter(action="plans.part_assemble").get()
    assert event.profile == demo.exam_profile and event.data["seed"] == 2
    assert event.data["blueprint_ok"] is True


def test_paper_variants_differ_on_adjacent_seats(demo):
    part = blueprint_part_add(
        actor=None,
        plan=demo,
        order=2,
        kind=PartKind.PAPER_MCQ,
        name="Trắc nghiệm trên giấy",
        minutes=30,
        max_score=Decimal(10),
        pass_mark=Decimal(5),
    )
    topic = Topic.objects.get(code="KTC-HTCT")
    for difficulty, count in (("easy", 4), ("medium", 4), ("hard", 2)):
        blueprint_cell_add(
            actor=None,
            part=part,
            topic=topic,
            count=count,
            points=Decimal(1),
            difficulty=difficulty,
            item_kind="single",
        )
    room = room_create(actor=None, plan=demo, name="P.101", capacity=500, columns=6)
    sitting = sitting_create(
        actor=None, plan=demo, part=part, date=dt.date(2026, 6, 10), start_time=dt.time(8)
    )
    seats_allocate(actor=None, sitting=sitting, rooms=[room])
    result = part_assemble(actor=None, part=part, seed=9, n_variants=4)
    assert len(result.forms) == 4 == Form.objects.filter(part=part, variant__isnull=False).count()
    seats = list(Seat.objects.filter(sitting=sitting).select_related("form_link"))
    assert len(seats) > 10 and SeatForm.objects.count() == len(seats)
    places = [(s.room_id, s.row, s.col) for s in seats]
    pairs = adjacent_pairs(places)
    assert pairs
    for i, j in pairs:
        assert seats[i].form_link.form_id != seats[j].form_link.form_id
    data = json.loads(_run("DEMO", "--json", "--seed", "4", "--part", "2"))
    assert data["forms"] == 4 and data["blueprint_ok"] is True


def test_shortage_exits_1_naming_each_short_cell(demo):
    part = demo.parts.get()
    cell = part.cells.get(topic__code="KTC-QLNN", difficulty="hard")
    cell.count = 40
    cell.save()
    with pytest.raises(CommandError) as exc:
        _run("DEMO", "--json")
    assert exc.value.returncode == 1
    assert str(exc.value) == (
        "Không đủ câu hỏi đã duyệt cho ma trận đề phần 1:\n"
        "  - Chủ đề Quản lý hành chính nhà nước, mức Khó: cần 40 câu, ngân hàng có 12 câu "
        "đã duyệt"
    )
    assert not Form.objects.exists()


def test_unknown_plan_exits_1():
    with pytest.raises(CommandError) as exc:
        _run("KHONGCO")
    assert exc.value.returncode == 1 and str(exc.value) == "Không có kế hoạch mã “KHONGCO”."


def test_plan_without_candidates_is_refused(demo):
    Candidate.objects.filter(plan=demo).delete()
    with pytest.raises(CommandError) as exc:
        _run("DEMO")
    assert str(exc.value) == "Kế hoạch “DEMO” chưa có người dự kiểm tra."


def test_table_shows_our_spread_beside_the_naive_draw(demo):
    text = _run("DEMO", "--seed", "1", "--report")
    assert "Chênh lệch — đề cân bằng (Sát Hạch)" in text and "rút ngẫu nhiên (kiểu Moodle)" in text
    assert "Đúng ma trận" in text and "có" in text
    assert BlueprintPart.objects.filter(plan=demo).count() == 1
