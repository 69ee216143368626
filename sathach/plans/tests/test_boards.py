"""Council and boards: every conflict-of-interest refusal, with its exact message and basis."""

import datetime as dt

import pytest

from sathach.accounts.constants import Role
from sathach.accounts.models import RoleAssignment
from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_person, make_user
from sathach.org.constants import Relation
from sathach.org.models import Relative
from sathach.plans.constants import (
    BASIS_CANDIDATE_ON_BOARD,
    BASIS_DISCIPLINE,
    BASIS_RELATIVES,
    BASIS_SEPARATION,
    BASIS_SUPERVISION,
    Board,
)
from sathach.plans.models import BoardMembership
from sathach.plans.permissions import can_read, can_write
from sathach.plans.selectors import plan_get_for_user
from sathach.plans.services import (
    board_member_add,
    board_member_remove,
    candidates_generate,
    conflict_declaration_data,
    conflict_declare,
    council_set,
    plan_candidate_add,
    plan_conflicts,
    plan_publish,
)
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db

RULE_RELATIVES = (
    "Người có quan hệ cha, mẹ, anh, chị, em ruột, vợ, chồng, con hoặc cha, mẹ, anh, chị, em "
    "ruột của vợ/chồng với người dự kiểm tra không được tham gia Hội đồng và các ban giúp việc."
)
RULE_CANDIDATE = (
    "Người dự kiểm tra không được tham gia Hội đồng và các ban giúp việc của kỳ kiểm tra mình dự."
)


@pytest.fixture
def plan(province, staff, organiser):
    """A plan over the Party block: An, Ánh, Bảo, Hưu and Mới are its candidates."""
    plan = make_plan("DEMO", [province.party], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    return plan


@pytest.fixture
def member(province):
    return make_person("CC101", "Ngô Văn Mạnh", province.unit_b)


def _refused(plan, organiser, board, person):
    with pytest.raises(ServiceError) as exc:
        board_member_add(actor=organiser, plan=plan, board=board, person=person)
    assert not BoardMembership.objects.filter(plan=plan, board=board, person=person).exists()
    return exc.value


# (relation as declared, what the candidate is to the member when the candidate declares it)
RELATIONS = [
    (Relation.PARENT, "cha, mẹ", "con"),
    (Relation.SIBLING, "anh, chị, em ruột", "anh, chị, em ruột"),
    (Relation.SPOUSE, "vợ, chồng", "vợ, chồng"),
    (Relation.CHILD, "con", "cha, mẹ"),
    (Relation.SPOUSE_PARENT, "cha, mẹ của vợ/chồng", "con"),
    (Relation.SPOUSE_SIBLING, "anh, chị, em ruột của vợ/chồng", "anh, chị, em ruột của vợ/chồng"),
]


@pytest.mark.parametrize(("relation", "as_declared", "inverse"), RELATIONS)
def test_a_member_who_declared_a_candidate_as_relative_is_refused(
    plan, organiser, staff, member, relation, as_declared, inverse
):
    Relative.objects.create(person=member, relative=staff["an"], relation=relation)
    error = _refused(plan, organiser, Board.MARKING, member)
    assert error.message == (
        "Ngô Văn Mạnh (CC101) không được là thành viên Ban chấm thi: người dự kiểm tra "
        f"Lê Thị An (CC001) là {as_declared} của người này. {RULE_RELATIVES}"
    )
    assert error.code == "member_relative_is_candidate"
    assert error.basis == BASIS_RELATIVES
    assert "TT 06/2020/TT-BNV" in error.basis and "QĐ 114-QĐ/TW" in error.basis


@pytest.mark.parametrize(("relation", "as_declared", "inverse"), RELATIONS)
def test_a_member_whom_a_candidate_declared_as_relative_is_refused(
    plan, organiser, staff, member, relation, as_declared, inverse
):
    Relative.objects.create(person=staff["an"], relative=member, relation=relation)
    error = _refused(plan, organiser, Board.COUNCIL_CHAIR, member)
    assert error.message == (
        "Ngô Văn Mạnh (CC101) không được là Chủ tịch Hội đồng: người dự kiểm tra "
        f"Lê Thị An (CC001) là {inverse} của người này. {RULE_RELATIVES}"
    )
    assert error.basis == BASIS_RELATIVES


def test_a_relative_of_an_exempt_person_may_sit(plan, organiser, staff, member):
    # Đặng Văn Hưu is exempt (retirement window) only when the plan says so; remove him here.
    from sathach.plans.services import plan_candidate_remove

    plan_candidate_remove(actor=organiser, plan=plan, person=staff["huu"], reason="Nghỉ hưu sớm")
    Relative.objects.create(person=member, relative=staff["huu"], relation=Relation.SIBLING)
    board_member_add(actor=organiser, plan=plan, board=Board.MARKING, person=member)


def test_a_member_under_disciplinary_review_is_refused(plan, organiser, member):
    member.under_discipline = True
    member.save()
    error = _refused(plan, organiser, Board.PROCTORING, member)
    assert error.message == (
        "Ngô Văn Mạnh (CC101) không được là thành viên Ban coi thi: đang bị xem xét, xử lý kỷ "
        "luật. Người đang bị xem xét, xử lý kỷ luật hoặc đang thi hành kỷ luật không được tham "
        "gia Hội đồng và các ban giúp việc."
    )
    assert (error.code, error.basis) == ("member_under_discipline", BASIS_DISCIPLINE)
    assert "TT 06/2020/TT-BNV" in error.basis


def test_a_candidate_of_the_plan_cannot_sit_on_its_boards(plan, organiser, staff):
    error = _refused(plan, organiser, Board.PAPERS, staff["anh"])
    assert error.message == (
        "Nguyễn Văn Ánh (CC002) không được là thành viên Ban đề thi: là người dự kiểm tra của "
        f"kế hoạch này (số báo danh 0002). {RULE_CANDIDATE}"
    )
    assert (error.code, error.basis) == ("member_is_candidate", BASIS_CANDIDATE_ON_BOARD)


INCOMPATIBLE = [
    (Board.PAPERS, "Ban đề thi", "người ra đề không được chấm thi"),
    (Board.CODING, "Ban phách", "người làm phách không được chấm thi"),
    (Board.PROCTORING, "Ban coi thi", "người coi thi không được chấm thi"),
]


@pytest.mark.parametrize(("board", "label", "why"), INCOMPATIBLE)
def test_marking_is_refused_to_a_member_of_an_incompatible_board(
    plan, organiser, member, board, label, why
):
    board_member_add(actor=organiser, plan=plan, board=board, person=member)
    error = _refused(plan, organiser, Board.MARKING, member)
    assert error.message == (
        f"Ngô Văn Mạnh (CC101) không được là thành viên Ban chấm thi: đang là thành viên {label} "
        f"của kế hoạch này. Tách bạch nhiệm vụ: {why}."
    )
    assert (error.code, error.basis) == ("incompatible_boards", BASIS_SEPARATION)
    assert "QĐ 205-QĐ/TW" in error.basis and "QĐ 114-QĐ/TW" in error.basis


@pytest.mark.parametrize(("board", "label", "why"), INCOMPATIBLE)
def test_an_incompatible_board_is_refused_to_a_marker(plan, organiser, member, board, label, why):
    board_member_add(actor=organiser, plan=plan, board=Board.MARKING, person=member)
    error = _refused(plan, organiser, board, member)
    assert error.message == (
        f"Ngô Văn Mạnh (CC101) không được là thành viên {label}: đang là thành viên Ban chấm thi "
        f"của kế hoạch này. Tách bạch nhiệm vụ: {why}."
    )
    assert error.basis == BASIS_SEPARATION


def test_separation_follows_the_account_as_well_as_the_person(plan, organiser, member):
    account = make_user("manh", person=member)
    board_member_add(actor=organiser, plan=plan, board=Board.CODING, user=account)
    membership = BoardMembership.objects.get(plan=plan, board=Board.CODING)
    assert membership.person == member  # the account's person is recorded too
    error = _refused(plan, organiser, Board.MARKING, member)
    assert error.code == "incompatible_boards"


def test_compatible_seats_are_allowed(plan, organiser, member):
    board_member_add(actor=organiser, plan=plan, board=Board.COUNCIL_MEMBER, person=member)
    board_member_add(actor=organiser, plan=plan, board=Board.PAPERS, person=member)
    board_member_add(actor=organiser, plan=plan, board=Board.PROCTORING, person=member)
    assert BoardMembership.objects.filter(person=member).count() == 3
    event = AuditEvent.objects.filter(action="plans.board_member_add").order_by("seq").last()
    assert event.profile == plan.exam_profile and event.data["board"] == "proctoring"


def test_one_chair_and_one_head_per_board(plan, organiser, member, province):
    other = make_person("CC102", "Lý Thị Hà", province.unit_b)
    board_member_add(actor=organiser, plan=plan, board=Board.COUNCIL_CHAIR, person=member)
    with pytest.raises(ServiceError) as exc:
        board_member_add(actor=organiser, plan=plan, board=Board.COUNCIL_CHAIR, person=other)
    assert exc.value.message == "Đã có Chủ tịch Hội đồng: Ngô Văn Mạnh (CC101)."
    board_member_add(actor=organiser, plan=plan, board=Board.MARKING, person=other, role="head")
    third = make_person("CC103", "Tạ Văn Hùng", province.unit_b)
    with pytest.raises(ServiceError) as exc:
        board_member_add(actor=organiser, plan=plan, board=Board.MARKING, person=third, role="head")
    assert exc.value.message == "Đã có Trưởng ban chấm thi: Lý Thị Hà (CC102)."


def test_a_seat_on_a_working_board_gives_the_plan_scoped_account_role(plan, organiser, member):
    account = make_user("manh", person=member)
    seat = board_member_add(actor=organiser, plan=plan, board=Board.MARKING, person=member)
    assert seat.user == account
    assert RoleAssignment.objects.filter(
        user=account, role=Role.MARKER, plan_id=plan.pk, is_active=True
    ).exists()
    with pytest.raises(ServiceError) as exc:
        board_member_remove(actor=organiser, membership=seat, reason="")
    assert exc.value.message == "Hãy ghi lý do thay đổi thành viên."
    board_member_remove(actor=organiser, membership=seat, reason="Đi công tác dài ngày")
    assert not RoleAssignment.objects.filter(
        user=account, role=Role.MARKER, plan_id=plan.pk, is_active=True
    ).exists()
    event = AuditEvent.objects.get(action="plans.board_member_remove")
    assert event.data["reason"] == "Đi công tác dài ngày"


def test_supervision_members_read_the_plan_but_never_write(plan, organiser, province, member):
    # Even an organiser loses write access to a plan whose supervisory board they sit on.
    watcher = make_user("giamsat", Role.ORGANISER, province.root, person=member)
    board_member_add(actor=organiser, plan=plan, board=Board.SUPERVISION, person=member)
    assert can_read(watcher, plan) and not can_write(watcher, plan)
    assert plan_get_for_user(user=watcher, code="DEMO") == plan
    other = make_person("CC102", "Lý Thị Hà", province.unit_b)
    with pytest.raises(PermissionDeniedError) as exc:
        board_member_add(actor=watcher, plan=plan, board=Board.MARKING, person=other)
    assert exc.value.message == (
        "Thành viên Ban giám sát chỉ được xem kế hoạch, không được thay đổi."
    )
    assert (exc.value.code, exc.value.basis) == ("supervision_read_only", BASIS_SUPERVISION)
    # A supervisor who is not an organiser reads the plan too, and writes nothing.
    plain = make_person("CC104", "Mai Thị Lan", province.unit_b)
    outsider = make_user("lan", person=plain)
    board_member_add(actor=organiser, plan=plan, board=Board.SUPERVISION, person=plain)
    assert can_read(outsider, plan) and not can_write(outsider, plan)
    with pytest.raises(PermissionDeniedError) as exc:
        council_set(
            actor=outsider,
            plan=plan,
            name="HĐ",
            decision_number="1",
            decision_date=dt.date(2026, 2, 1),
        )
    assert exc.value.code == "supervision_read_only"


def test_a_board_member_or_their_relative_cannot_be_added_as_candidate(
    plan, organiser, member, province
):
    board_member_add(actor=organiser, plan=plan, board=Board.PROCTORING, person=member)
    with pytest.raises(ServiceError) as exc:
        plan_candidate_add(actor=organiser, plan=plan, person=member, reason="Bổ sung")
    assert exc.value.message == (
        "Không bổ sung được Ngô Văn Mạnh (CC101): đang là thành viên Ban coi thi của kế hoạch "
        f"này. {RULE_CANDIDATE}"
    )
    assert exc.value.basis == BASIS_CANDIDATE_ON_BOARD
    wife = make_person("CC105", "Đinh Thị Vợ", province.unit_b)
    Relative.objects.create(person=wife, relative=member, relation=Relation.SPOUSE)
    with pytest.raises(ServiceError) as exc:
        plan_candidate_add(actor=organiser, plan=plan, person=wife, reason="Bổ sung")
    assert exc.value.message == (
        "Không bổ sung được Đinh Thị Vợ (CC105): Ngô Văn Mạnh (CC101) (thành viên Ban coi thi) "
        f"là vợ, chồng của người này. {RULE_RELATIVES}"
    )
    assert exc.value.basis == BASIS_RELATIVES


def test_plan_conflicts_recheck_seats_when_the_list_changes_and_block_publication(
    plan, organiser, staff, province, member
):
    board_member_add(actor=organiser, plan=plan, board=Board.MARKING, person=member)
    assert plan_conflicts(plan=plan) == []
    # A relative declared after the seat was given turns it into a conflict.
    Relative.objects.create(person=staff["bao"], relative=member, relation=Relation.SIBLING)
    findings = plan_conflicts(plan=plan)
    assert [f.code for f in findings] == ["member_relative_is_candidate"]
    with pytest.raises(ServiceError) as exc:
        plan_publish(actor=organiser, plan=plan)
    assert exc.value.message.startswith(
        "Chưa ban hành được: 1 vướng mắc về thành phần Hội đồng và các ban. Ngô Văn Mạnh"
    )
    assert exc.value.basis == BASIS_RELATIVES


def test_declarations_are_recorded_and_printable(plan, organiser, member, province):
    council_set(
        actor=organiser,
        plan=plan,
        name="Hội đồng kiểm tra, sát hạch Khối Đảng",
        decision_number="15-QĐ/BTCTU",
        decision_date=dt.date(2026, 2, 20),
    )
    account = make_user("manh", person=member)
    seat = board_member_add(actor=organiser, plan=plan, board=Board.PAPERS, person=member)
    conflict_declare(actor=account, membership=seat)
    sheet = conflict_declaration_data(membership=seat)
    assert (sheet.member_name, sheet.seat, sheet.has_conflict) == (
        "Ngô Văn Mạnh",
        "thành viên Ban đề thi",
        False,
    )
    assert sheet.council_decision == "15-QĐ/BTCTU ngày 20/02/2026"
    assert sheet.pledge.startswith("Tôi cam đoan không có quan hệ")
    stranger = make_user("khac", Role.UNIT_HR, province.unit_a)
    with pytest.raises(PermissionDeniedError) as exc:
        conflict_declare(actor=stranger, membership=seat, text="x")
    assert exc.value.message == "Bạn không được ghi bản khai của người khác."
    conflict_declare(actor=account, membership=seat, text="Em rể dự kiểm tra ở cơ quan khác")
    assert conflict_declaration_data(membership=seat).has_conflict is True
    findings = plan_conflicts(plan=plan)
    assert [f.message for f in findings] == [
        "Ngô Văn Mạnh (CC101) tự khai có xung đột lợi ích: Em rể dự kiểm tra ở cơ quan khác"
    ]
    assert AuditEvent.objects.filter(action="plans.conflict_declare").count() == 2
