"""Plans: creation with a pinned exam profile, scope, states, and who sees and writes them."""

import datetime as dt

import pytest
from django.http import Http404

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_person, make_user
from sathach.plans.constants import Board, PlanStatus
from sathach.plans.models import PlanScope
from sathach.plans.permissions import can_write, plan_permissions
from sathach.plans.selectors import candidate_list, plan_get_for_user, plan_list
from sathach.plans.services import (
    board_member_add,
    candidates_generate,
    plan_close,
    plan_create,
    plan_publish,
    plan_rules_set,
    plan_scope_set,
)
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db


def test_the_profile_in_force_on_the_start_date_is_pinned(organiser):
    plan = make_plan("DEMO", actor=organiser, starts_on=dt.date(2026, 3, 2))
    assert plan.exam_profile == "TT22-2025@1"
    old = make_plan("CU", actor=organiser, starts_on=dt.date(2023, 9, 1))
    assert old.exam_profile == "TT06-2020@1"
    chosen = plan_create(
        actor=organiser,
        code="CHON",
        name="Chọn bộ quy tắc",
        starts_on=dt.date(2026, 3, 2),
        ends_on=dt.date(2026, 4, 2),
        exam_profile="TT06-2020",
    )
    assert chosen.exam_profile == "TT06-2020@1"
    event = AuditEvent.objects.get(action="plans.plan_create", target_id=str(chosen.pk))
    assert event.profile == "TT06-2020@1" and event.actor_username == "tochuc"


def test_a_start_date_without_a_profile_in_force_asks_for_one(organiser):
    # TT 06/2020 ended 30/4/2025; TT 22/2025 starts 10/12/2025 (TT 001/2025 is not shipped).
    with pytest.raises(ServiceError) as exc:
        make_plan("GIUA", actor=organiser, starts_on=dt.date(2025, 6, 1))
    assert exc.value.message == (
        "Không có bộ quy tắc thi nào có hiệu lực ngày 01/06/2025: hãy chọn bộ quy tắc cho kế hoạch."
    )


def test_an_unknown_profile_or_a_bad_code_is_refused(organiser):
    with pytest.raises(ServiceError) as exc:
        plan_create(
            actor=organiser,
            code="X",
            name="X",
            starts_on=dt.date(2026, 3, 2),
            ends_on=dt.date(2026, 4, 2),
            exam_profile="TT99-2030",
        )
    assert exc.value.message == "Không có bộ quy tắc thi “TT99-2030”."
    with pytest.raises(ServiceError) as exc:
        plan_create(
            actor=organiser,
            code="KẾ HOẠCH",
            name="X",
            starts_on=dt.date(2026, 3, 2),
            ends_on=dt.date(2026, 4, 2),
        )
    assert exc.value.message == (
        "Mã kế hoạch chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới."
    )
    make_plan("DEMO", actor=organiser)
    with pytest.raises(ServiceError) as exc:
        make_plan("DEMO", actor=organiser)
    assert exc.value.message == "Mã kế hoạch “DEMO” đã tồn tại."


def test_only_an_organiser_creates_a_plan(province):
    hr = make_user("tccb", Role.UNIT_HR, province.unit_a)
    with pytest.raises(PermissionDeniedError) as exc:
        make_plan("DEMO", actor=hr)
    assert exc.value.message == "Chỉ cán bộ Ban Tổ chức, Sở Nội vụ được lập kế hoạch."


def test_scope_keeps_the_outermost_units_and_is_audited(province, organiser):
    plan = make_plan("DEMO", actor=organiser)
    plan_scope_set(
        actor=organiser, plan=plan, units=[province.dept_a, province.party, province.unit_b]
    )
    assert sorted(PlanScope.objects.filter(plan=plan).values_list("unit__code", flat=True)) == [
        "NA-DANG",
        "SNV",
    ]
    # In tree order: Khối Chính quyền (NA-CQ) comes before Khối Đảng (NA-DANG).
    assert AuditEvent.objects.get(action="plans.plan_scope_set").data["units"] == [
        "SNV",
        "NA-DANG",
    ]


def test_rules_refuse_unknown_codes(organiser):
    plan = make_plan("DEMO", actor=organiser)
    with pytest.raises(ServiceError) as exc:
        plan_rules_set(actor=organiser, plan=plan, rank_codes=["01.003", "99.999"])
    assert exc.value.message == "Mã ngạch không hợp lệ: 99.999"
    with pytest.raises(ServiceError) as exc:
        plan_rules_set(actor=organiser, plan=plan, blocks=["army"])
    assert exc.value.message == "Khối không hợp lệ: army"


def test_publish_needs_scope_and_candidates_then_the_plan_closes(province, staff, organiser):
    plan = make_plan("DEMO", actor=organiser)
    with pytest.raises(ServiceError) as exc:
        plan_publish(actor=organiser, plan=plan)
    assert exc.value.message == "Kế hoạch chưa có phạm vi đơn vị."
    plan_scope_set(actor=organiser, plan=plan, units=[province.party])
    with pytest.raises(ServiceError) as exc:
        plan_publish(actor=organiser, plan=plan)
    assert exc.value.message == "Kế hoạch chưa có người dự kiểm tra."
    candidates_generate(actor=organiser, plan=plan)
    assert plan_publish(actor=organiser, plan=plan).status == PlanStatus.PUBLISHED
    with pytest.raises(ServiceError) as exc:
        plan_scope_set(actor=organiser, plan=plan, units=[province.root])
    assert exc.value.message == (
        "Kế hoạch “DEMO” đang ở trạng thái “Đã ban hành”: không thể đổi phạm vi."
    )
    assert plan_close(actor=organiser, plan=plan).status == PlanStatus.CLOSED


# --- Who sees what -----------------------------------------------------------------------------


@pytest.fixture
def party_plan(province, staff):
    plan = make_plan("DANG", [province.party])
    candidates_generate(actor=None, plan=plan)
    return plan


def test_organisers_see_plans_touching_their_subtree_and_write_those_inside_it(
    province, party_plan
):
    province_organiser = make_user("btctu", Role.ORGANISER, province.root)
    party_organiser = make_user("dang", Role.ORGANISER, province.party)
    state_organiser = make_user("snv", Role.ORGANISER, province.state)
    assert list(plan_list(user=province_organiser)) == [party_plan]
    assert can_write(province_organiser, party_plan) and can_write(party_organiser, party_plan)
    assert list(plan_list(user=state_organiser)) == []
    with pytest.raises(Http404):
        plan_get_for_user(user=state_organiser, code="DANG")
    # A province-wide plan is read by an agency's organiser but run from above.
    whole = make_plan("TINH", [province.root])
    assert plan_get_for_user(user=state_organiser, code="TINH") == whole
    assert not can_write(state_organiser, whole)
    # Its creator runs a plan whatever its scope.
    own = make_plan("RIENG", [province.root], actor=state_organiser)
    assert can_write(state_organiser, own)


def test_unit_hr_reads_plans_covering_their_unit_and_only_their_candidates(province, party_plan):
    hr = make_user("tccb-btc", Role.UNIT_HR, province.unit_a)
    assert plan_get_for_user(user=hr, code="DANG") == party_plan
    access = plan_permissions(hr, party_plan)
    assert access.read and not access.write
    assert {c.person.unit.code for c in candidate_list(user=hr, plan=party_plan)} == {
        "BTC",
        "BTC-P1",
    }
    other = make_user("tccb-snv", Role.UNIT_HR, province.unit_b)
    with pytest.raises(Http404):
        plan_get_for_user(user=other, code="DANG")
    with pytest.raises(PermissionDeniedError):
        candidates_generate(actor=hr, plan=party_plan)


def test_board_members_see_their_plan_markers_never_see_names(province, party_plan):
    marker_person = make_person("CC201", "Kiều Văn Chấm", province.unit_b)
    proctor_person = make_person("CC202", "Lương Thị Coi", province.unit_b)
    marker = make_user("cham", person=marker_person)
    proctor = make_user("coi", person=proctor_person)
    board_member_add(actor=None, plan=party_plan, board=Board.MARKING, person=marker_person)
    board_member_add(actor=None, plan=party_plan, board=Board.PROCTORING, person=proctor_person)
    assert plan_get_for_user(user=marker, code="DANG") == party_plan
    assert not can_write(marker, party_plan)
    assert list(candidate_list(user=marker, plan=party_plan)) == []
    assert candidate_list(user=proctor, plan=party_plan).count() == 5


def test_candidates_and_strangers_see_no_plan(province, party_plan, staff):
    candidate = make_user("an", Role.CANDIDATE, person=staff["an"])
    assert list(plan_list(user=candidate)) == []
    with pytest.raises(Http404):
        plan_get_for_user(user=candidate, code="DANG")
    with pytest.raises(Http404):
        candidate_list(user=candidate, plan=party_plan)
    from django.contrib.auth.models import AnonymousUser

    assert list(plan_list(user=AnonymousUser())) == []


def test_the_plan_list_costs_the_same_queries_for_many_plans(
    province, organiser, django_assert_num_queries
):
    for i in range(3):
        make_plan(f"P{i}", [province.party])
    organiser = type(organiser).objects.get(pk=organiser.pk)
    # Roles, organiser subtrees, reader subtrees, then the one query for the plans.
    with django_assert_num_queries(4):
        assert len(list(plan_list(user=organiser))) == 3
    for i in range(3, 10):
        make_plan(f"P{i}", [province.unit_b])
    organiser = type(organiser).objects.get(pk=organiser.pk)
    with django_assert_num_queries(4):
        assert len(list(plan_list(user=organiser))) == 10
