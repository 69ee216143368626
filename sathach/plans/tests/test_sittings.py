"""Sittings, rooms, seats and proctors against the exam profile's limits."""

import datetime as dt
from decimal import Decimal

import pytest

from sathach.audit.models import AuditEvent
from sathach.core.errors import ServiceError
from sathach.core.testing import make_person, make_unit
from sathach.plans.constants import Board, PartKind, SittingStatus
from sathach.plans.models import Candidate, Seat
from sathach.plans.services import (
    blueprint_part_add,
    board_member_add,
    candidates_generate,
    plan_candidate_add,
    proctor_assign,
    room_create,
    seat_move,
    seats_allocate,
    sitting_create,
    sitting_finalise,
)
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db

TT22_ROOM = (
    "TT 22/2025/TT-BNV (như TT 06/2020/TT-BNV, Điều 16): tối đa 50 thí sinh một phòng thi viết"
)
TT22_PROCTORS = "TT 22/2025/TT-BNV (như TT 06/2020/TT-BNV, Điều 27): mỗi phòng thi có 2 giám thị"


def _staff(unit, prefix, count):
    return [make_person(f"{prefix}{i:03d}", f"Nguyễn Văn {prefix} {i}", unit) for i in range(count)]


@pytest.fixture
def setting(province, organiser):
    """90 candidates from three agencies (35, 30, 25) and six proctors from a fourth."""
    _staff(province.dept_a, "A", 20)
    _staff(province.unit_a, "B", 15)
    _staff(province.unit_b, "C", 30)
    _staff(province.commune, "D", 25)
    plan = make_plan("DEMO", [province.unit_a, province.unit_b, province.commune], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.PAPER_MCQ,
        name="Trắc nghiệm trên giấy",
        minutes=60,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    sitting = sitting_create(
        actor=organiser, plan=plan, part=part, date=dt.date(2026, 3, 20), start_time=dt.time(7, 30)
    )
    school = make_unit("SGD", "Sở Giáo dục và Đào tạo", province.state)
    proctors = [
        board_member_add(actor=organiser, plan=plan, board=Board.PROCTORING, person=p)
        for p in _staff(school, "G", 6)
    ]
    return {"plan": plan, "part": part, "sitting": sitting, "proctors": proctors}


def _rooms(plan, organiser, *capacities, computers=0, columns=6):
    return [
        room_create(
            actor=organiser,
            plan=plan,
            name=f"P{101 + i}",
            capacity=capacity,
            computers=computers,
            columns=columns,
        )
        for i, capacity in enumerate(capacities)
    ]


def _counts(sitting):
    counts = {}
    for seat in Seat.objects.filter(sitting=sitting).select_related("room"):
        counts[seat.room.name] = counts.get(seat.room.name, 0) + 1
    return counts


def test_the_start_is_stored_in_vietnam_time(setting):
    starts_at = setting["sitting"].starts_at
    assert starts_at.tzinfo is not None
    assert starts_at.astimezone(dt.UTC) == dt.datetime(2026, 3, 20, 0, 30, tzinfo=dt.UTC)
    assert setting["sitting"].duration_minutes == 60  # from the part


def test_every_candidate_is_seated_within_the_limit_and_apart_from_colleagues(setting, organiser):
    plan, sitting = setting["plan"], setting["sitting"]
    rooms = _rooms(plan, organiser, 60, 60, 60)
    report = seats_allocate(actor=organiser, sitting=sitting, rooms=rooms)
    assert report.seated == 90 == Seat.objects.filter(sitting=sitting).count()
    # Two rooms hold 90 within the limit of 50; the third stays free (fewer proctors needed).
    assert report.rooms == {"P101": 45, "P102": 45} == _counts(sitting)
    assert report.grouping == "agency"
    assert report.adjacent_colleagues == []
    assert [s.message for s in report.proctor_shortages] == [
        "Phòng P101 có 0/2 giám thị",
        "Phòng P102 có 0/2 giám thị",
    ]
    # Check the promise on the stored seats: no colleagues left-right or front-back.
    agency = {}
    for seat in Seat.objects.filter(sitting=sitting).select_related("candidate__person__unit"):
        unit = seat.candidate.person.unit
        top = unit.parent if unit.kind == "department" else unit
        agency[(seat.room_id, seat.row, seat.col)] = top.pk
    for (room, row, col), group in agency.items():
        for other in ((room, row, col + 1), (room, row + 1, col)):
            assert agency.get(other) != group
    event = AuditEvent.objects.get(action="plans.seats_allocate")
    assert event.profile == "TT22-2025@1" and event.data["seated"] == 90


def test_no_room_takes_more_than_the_profile_allows(setting, organiser):
    plan, sitting = setting["plan"], setting["sitting"]
    rooms = _rooms(plan, organiser, 80, 45)
    report = seats_allocate(actor=organiser, sitting=sitting, rooms=rooms)
    assert report.rooms == {"P101": 45, "P102": 45}
    with pytest.raises(ServiceError) as exc:
        seats_allocate(actor=organiser, sitting=sitting, rooms=[rooms[0]])
    assert exc.value.message == (
        "Không đủ chỗ: 90 người dự kiểm tra, các phòng đã chọn chỉ xếp được 50 (mỗi phòng tối "
        "đa 50 thí sinh, không quá số chỗ ngồi)."
    )
    assert exc.value.basis == TT22_ROOM


def test_a_plan_under_tt06_cites_article_16(province, organiser):
    _staff(province.unit_a, "A", 20)
    _staff(province.unit_b, "B", 20)
    plan = make_plan("CU", [province.root], actor=organiser, starts_on=dt.date(2024, 9, 23))
    assert plan.exam_profile == "TT06-2020@1"
    candidates_generate(actor=organiser, plan=plan)
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.WRITTEN,
        name="Viết",
        minutes=180,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    sitting = sitting_create(
        actor=organiser, plan=plan, part=part, date=dt.date(2024, 9, 24), start_time=dt.time(8)
    )
    with pytest.raises(ServiceError) as exc:
        seats_allocate(actor=organiser, sitting=sitting, rooms=_rooms(plan, organiser, 30))
    assert exc.value.basis == (
        "TT 06/2020/TT-BNV, Điều 16: tối đa 50 thí sinh một phòng thi viết, trắc nghiệm trên giấy"
    )


def test_a_computer_sitting_needs_a_computer_per_candidate(setting, organiser):
    plan = setting["plan"]
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=2,
        kind=PartKind.COMPUTER_MCQ,
        name="Máy tính",
        minutes=60,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    sitting = sitting_create(
        actor=organiser, plan=plan, part=part, date=dt.date(2026, 3, 21), start_time=dt.time(8)
    )
    rooms = _rooms(plan, organiser, 50, 50, computers=40)
    with pytest.raises(ServiceError) as exc:
        seats_allocate(actor=organiser, sitting=sitting, rooms=rooms)
    assert exc.value.message == (
        "Không đủ chỗ: 90 người dự kiểm tra, các phòng đã chọn chỉ xếp được 80 (mỗi phòng tối "
        "đa 50 thí sinh, không quá số chỗ ngồi và số máy tính)."
    )
    rooms.append(room_create(actor=organiser, plan=plan, name="Lab", capacity=50, computers=40))
    report = seats_allocate(actor=organiser, sitting=sitting, rooms=rooms)
    assert report.rooms == {"P101": 30, "P102": 30, "Lab": 30}


def test_a_sitting_of_one_agency_keeps_its_departments_apart(province, organiser):
    _staff(province.dept_a, "A", 12)
    _staff(province.unit_a, "B", 12)
    plan = make_plan("BTC", [province.unit_a], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.PAPER_MCQ,
        name="Giấy",
        minutes=60,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    sitting = sitting_create(
        actor=organiser, plan=plan, part=part, date=dt.date(2026, 3, 20), start_time=dt.time(8)
    )
    report = seats_allocate(actor=organiser, sitting=sitting, rooms=_rooms(plan, organiser, 24))
    assert report.grouping == "unit" and report.adjacent_colleagues == []


def test_finalising_needs_two_proctors_in_every_room(setting, organiser):
    plan, sitting, proctors = setting["plan"], setting["sitting"], setting["proctors"]
    rooms = _rooms(plan, organiser, 50, 50)
    seats_allocate(actor=organiser, sitting=sitting, rooms=rooms)
    proctor_assign(actor=organiser, sitting=sitting, room=rooms[1], membership=proctors[0], role=1)
    with pytest.raises(ServiceError) as exc:
        sitting_finalise(actor=organiser, sitting=sitting)
    assert exc.value.message == (
        "Chưa đủ giám thị: Phòng P101 có 0/2 giám thị; Phòng P102 có 1/2 giám thị (mỗi phòng "
        "thi cần 2 giám thị)."
    )
    assert exc.value.basis == TT22_PROCTORS
    proctor_assign(actor=organiser, sitting=sitting, room=rooms[1], membership=proctors[1], role=2)
    proctor_assign(actor=organiser, sitting=sitting, room=rooms[0], membership=proctors[2], role=1)
    proctor_assign(actor=organiser, sitting=sitting, room=rooms[0], membership=proctors[3], role=2)
    sitting = sitting_finalise(actor=organiser, sitting=sitting)
    assert sitting.status == SittingStatus.FINAL and sitting.finalised_at is not None
    with pytest.raises(ServiceError) as exc:
        seats_allocate(actor=organiser, sitting=sitting, rooms=rooms)
    assert exc.value.message == "Ca thi đã chốt: không xếp lại chỗ ngồi."
    assert AuditEvent.objects.get(action="plans.sitting_finalise").profile == "TT22-2025@1"


def test_a_candidate_added_after_seating_blocks_finalising(setting, organiser, province):
    plan, sitting = setting["plan"], setting["sitting"]
    seats_allocate(actor=organiser, sitting=sitting, rooms=_rooms(plan, organiser, 50, 50))
    late = make_person("Z001", "Võ Thị Muộn", province.unit_b)
    plan_candidate_add(actor=organiser, plan=plan, person=late, reason="Về công tác 01/03/2026")
    with pytest.raises(ServiceError) as exc:
        sitting_finalise(actor=organiser, sitting=sitting)
    assert exc.value.message == "Còn 1 người dự kiểm tra chưa được xếp chỗ."


def test_proctor_duties_are_for_ban_coi_thi_one_room_one_role_each(setting, organiser, province):
    plan, sitting, proctors = setting["plan"], setting["sitting"], setting["proctors"]
    rooms = _rooms(plan, organiser, 50, 50)
    outsider = make_person("H001", "Lò Văn Chấm", province.state)
    marker = board_member_add(actor=organiser, plan=plan, board=Board.MARKING, person=outsider)
    with pytest.raises(ServiceError) as exc:
        proctor_assign(actor=organiser, sitting=sitting, room=rooms[0], membership=marker, role=1)
    assert (
        exc.value.message == "Chỉ thành viên Ban coi thi của kế hoạch này được phân công coi thi."
    )
    proctor_assign(actor=organiser, sitting=sitting, room=rooms[0], membership=proctors[0], role=1)
    with pytest.raises(ServiceError) as exc:
        proctor_assign(
            actor=organiser, sitting=sitting, room=rooms[0], membership=proctors[1], role=1
        )
    assert exc.value.message == ("Phòng P101 đã có Giám thị 1: Nguyễn Văn G 0 — Ban coi thi.")
    with pytest.raises(ServiceError) as exc:
        proctor_assign(
            actor=organiser, sitting=sitting, room=rooms[1], membership=proctors[0], role=2
        )
    assert exc.value.message == "Nguyễn Văn G 0 — Ban coi thi đã coi thi phòng P101 trong ca này."


def test_moving_a_seat_needs_a_reason_a_free_place_and_room_to_spare(setting, organiser):
    plan, sitting = setting["plan"], setting["sitting"]
    rooms = _rooms(plan, organiser, 50, 50, 10)
    seats_allocate(actor=organiser, sitting=sitting, rooms=rooms[:2])
    seat = Seat.objects.filter(sitting=sitting, room=rooms[0]).order_by("number").first()
    with pytest.raises(ServiceError) as exc:
        seat_move(actor=organiser, seat=seat, room=rooms[2], row=1, col=1, reason=" ")
    assert exc.value.message == "Hãy ghi lý do đổi chỗ ngồi."
    with pytest.raises(ServiceError) as exc:
        seat_move(actor=organiser, seat=seat, room=rooms[2], row=3, col=1, reason="Máy hỏng")
    assert exc.value.message == "Phòng P103 không có chỗ hàng 3, cột 1."
    occupied = Seat.objects.filter(sitting=sitting, room=rooms[1]).first()
    with pytest.raises(ServiceError) as exc:
        seat_move(
            actor=organiser,
            seat=seat,
            room=rooms[1],
            row=occupied.row,
            col=occupied.col,
            reason="Máy hỏng",
        )
    assert exc.value.message == (
        f"Chỗ hàng {occupied.row}, cột {occupied.col} phòng P102 đã có người ngồi."
    )
    result = seat_move(actor=organiser, seat=seat, room=rooms[2], row=2, col=4, reason="Máy hỏng")
    seat.refresh_from_db()
    assert (seat.room, seat.row, seat.col, seat.number) == (rooms[2], 2, 4, 10)
    assert result.warnings == []
    event = AuditEvent.objects.get(action="plans.seat_move")
    assert event.data["reason"] == "Máy hỏng" and event.data["to"] == {
        "room": "P103",
        "row": 2,
        "col": 4,
    }


def test_moving_into_a_full_room_is_refused_with_the_rule(setting, organiser):
    plan, sitting = setting["plan"], setting["sitting"]
    rooms = _rooms(plan, organiser, 60, 40)
    seats_allocate(actor=organiser, sitting=sitting, rooms=rooms)  # 50 + 40 (P102 is full)
    seat = Seat.objects.filter(sitting=sitting, room=rooms[1]).first()
    assert Seat.objects.filter(sitting=sitting, room=rooms[0]).count() == 50
    with pytest.raises(ServiceError) as exc:
        seat_move(actor=organiser, seat=seat, room=rooms[0], row=10, col=1, reason="Đổi phòng")
    assert exc.value.message == "Phòng P101 đã đủ 50 thí sinh."
    assert exc.value.basis == TT22_ROOM


def test_moving_next_to_a_colleague_warns(setting, organiser):
    plan, sitting = setting["plan"], setting["sitting"]
    rooms = _rooms(plan, organiser, 50, 50, 10)
    seats_allocate(actor=organiser, sitting=sitting, rooms=rooms[:2])
    first, second = (
        Seat.objects.filter(sitting=sitting, candidate__person__unit__code="SNV")
        .select_related("candidate")
        .order_by("pk")[:2]
    )
    seat_move(actor=organiser, seat=first, room=rooms[2], row=1, col=1, reason="Sức khỏe")
    result = seat_move(actor=organiser, seat=second, room=rooms[2], row=1, col=2, reason="Sức khỏe")
    number = Candidate.objects.get(pk=first.candidate_id).number
    person = first.candidate.person
    assert result.warnings == [
        f"Chỗ mới ngồi cạnh {person.full_name} ({person.code}) (số báo danh {number}), "
        "cùng cơ quan."
    ]


def test_removing_a_candidate_frees_their_seat_in_a_draft_sitting(setting, organiser):
    from sathach.plans.services import plan_candidate_remove

    plan, sitting = setting["plan"], setting["sitting"]
    seats_allocate(actor=organiser, sitting=sitting, rooms=_rooms(plan, organiser, 50, 50))
    seat = Seat.objects.filter(sitting=sitting).select_related("candidate__person").first()
    plan_candidate_remove(
        actor=organiser, plan=plan, person=seat.candidate.person, reason="Ốm đột xuất"
    )
    assert not Seat.objects.filter(pk=seat.pk).exists()
