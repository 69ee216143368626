"""The annual rating workflow: steps and their states, the computed level (NĐ 335 points and
bands with the 25% deduction; KHT triggers; NĐ 48 discipline), overrides with a reason, the
HTXS quota refused with the numbers, the Party rating beside it, audit events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.evaluation import services
from sathach.evaluation.constants import PeriodKind, SanctionForm, SanctionSystem, Source, State
from sathach.evaluation.models import AnnualEvaluation, PartyEvaluation

from .conftest import ND90_YEAR, ND335_YEAR, add_tasks, decided, events, to_proposed

pytestmark = pytest.mark.django_db
D = Decimal


def refusal(exc_info) -> str:
    return exc_info.value.message


# --- Steps ----------------------------------------------------------------------------------


def test_self_assessment_opens_the_evaluation_under_the_profile_of_the_year(hr_a, staff):
    evaluation = services.evaluation_self_assess(
        actor=hr_a,
        person=staff["an"],
        year=ND335_YEAR,
        self_assessment="  Hoa\u0300n tha\u0300nh tốt  ",
        self_level="htt",
        general_points=D("27.5"),
        work_group="Chuyên viên",
    )
    assert evaluation.profile == "ND335-2025@2"
    assert (evaluation.state, evaluation.source) == (State.SELF_ASSESSED, Source.WORKFLOW)
    assert evaluation.self_assessment == "Hoàn thành tốt"  # NFC, trimmed
    assert evaluation.unit == staff["an"].unit and evaluation.work_group == "Chuyên viên"
    [event] = events("evaluation.self_assess")
    assert event.profile == "ND335-2025@2" and event.data["person"] == "CC001"


def test_past_year_is_rated_under_nd90(hr_a, staff):
    evaluation = services.evaluation_self_assess(
        actor=hr_a, person=staff["an"], year=ND90_YEAR, self_assessment="x"
    )
    assert evaluation.profile == "ND90-2020@2"


def test_nd90_has_no_general_points(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        services.evaluation_self_assess(
            actor=hr_a,
            person=staff["an"],
            year=ND90_YEAR,
            self_assessment="x",
            general_points=D(20),
        )
    assert refusal(exc) == "Bộ quy tắc ND90-2020@2 không chấm điểm tiêu chí chung."


@pytest.mark.parametrize("points", ["30.01", "-1", "12.345"])
def test_general_points_outside_0_to_30_or_with_3_decimals_are_refused(hr_a, staff, points):
    with pytest.raises(ServiceError) as exc:
        services.evaluation_self_assess(
            actor=hr_a,
            person=staff["an"],
            year=ND335_YEAR,
            self_assessment="x",
            general_points=D(points),
        )
    assert refusal(exc) == "Điểm tiêu chí chung phải từ 0 đến 30, tối đa 2 chữ số thập phân."


def test_a_future_year_is_refused(hr_a, staff, today):
    with pytest.raises(ServiceError) as exc:
        services.evaluation_self_assess(
            actor=hr_a, person=staff["an"], year=today.year + 1, self_assessment="x"
        )
    assert refusal(exc) == f"Năm {today.year + 1} không hợp lệ (từ 2000 đến {today.year})."


def test_steps_must_come_in_order(hr_a, staff):
    evaluation = services.evaluation_self_assess(
        actor=hr_a, person=staff["an"], year=ND90_YEAR, self_assessment="x"
    )
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
    assert refusal(exc) == (
        "Phiếu đánh giá năm 2025 của “Lê Thị An” đang ở bước “Đã tự đánh giá”, không thể "
        "quyết định xếp loại."
    )
    with pytest.raises(ServiceError):
        services.evaluation_propose(actor=hr_a, evaluation=evaluation, level="htt")


def test_self_assessment_cannot_be_revised_after_the_comments(hr_a, staff):
    to_proposed(hr_a, staff["an"], ND90_YEAR)
    with pytest.raises(ServiceError) as exc:
        services.evaluation_self_assess(
            actor=hr_a, person=staff["an"], year=ND90_YEAR, self_assessment="sửa"
        )
    assert "không thể sửa phần tự đánh giá" in refusal(exc)


def test_the_whole_workflow_to_publication_is_audited_step_by_step(hr_a, staff):
    evaluation = decided(hr_a, staff["an"], "htt")
    evaluation = services.evaluation_publish(actor=hr_a, evaluation=evaluation)
    assert evaluation.state == State.PUBLISHED and evaluation.published_at is not None
    assert [e.action for e in events("evaluation.publish")] == ["evaluation.publish"]
    for action in ("self_assess", "comment", "propose", "decide"):
        assert len(events(f"evaluation.{action}")) == 1
    with pytest.raises(ServiceError):  # published: no more changes here
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="ht")


def test_unit_hr_cannot_write_outside_their_subtree(hr_b, staff):
    with pytest.raises(PermissionDeniedError) as exc:
        services.evaluation_self_assess(
            actor=hr_b, person=staff["an"], year=ND90_YEAR, self_assessment="x"
        )
    assert refusal(exc) == "Công chức “CC001” thuộc đơn vị ngoài phạm vi bạn được quản lý."


def test_a_leader_reads_but_cannot_write(leader_a, staff):
    with pytest.raises(PermissionDeniedError):
        services.evaluation_self_assess(
            actor=leader_a, person=staff["an"], year=ND90_YEAR, self_assessment="x"
        )


def test_hr_of_a_unit_writes_in_its_departments(hr_a, staff):
    evaluation = services.evaluation_self_assess(
        actor=hr_a, person=staff["cuong"], year=ND90_YEAR, self_assessment="x"
    )
    assert evaluation.unit.code == "BTC-P1"


# --- NĐ 335: the computed level -----------------------------------------------------------


@pytest.mark.parametrize(
    ("general", "level"),
    [("20", "htxs"), ("19.99", "htt"), ("0", "htt")],
)
def test_nd335_decision_at_the_computed_level_needs_no_reason(
    hr_a, staff, general, level, room_for_htxs
):
    add_tasks(hr_a, staff["an"])  # 70 task points
    evaluation = to_proposed(hr_a, staff["an"], general=D(general))
    decided_ = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level=level)
    assert decided_.computed_level == level and decided_.override_reason == ""
    assert decided_.task_points == D("70.00")
    assert decided_.score == D(general) + 70


@pytest.mark.parametrize(
    ("task", "general", "score", "computed"),
    [
        ({"quality_failures": 1}, "5.83", "70.00", "htt"),  # 64.17 task points
        ({"quality_failures": 1}, "5.82", "69.99", "ht"),
        ({"completed": D(5)}, "15", "50.00", "ht"),  # 35 task points
        ({"completed": D(5)}, "14.99", "49.99", "kht"),
    ],
    ids=["70", "69.99", "50", "49.99"],
)
def test_nd335_bands_at_70_and_50(hr_a, staff, task, general, score, computed):
    add_tasks(hr_a, staff["an"], **task)
    evaluation = to_proposed(hr_a, staff["an"], general=D(general))
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level=computed)
    assert (result.score, result.computed_level) == (D(score), computed)
    assert [t["code"] for t in result.triggers] == (["score_below"] if computed == "kht" else [])


def test_each_quality_failure_removes_25_percent_of_that_items_points(hr_a, staff, room_for_htxs):
    add_tasks(hr_a, staff["an"], quality_failures=1)  # quality 75%: 64.17 task points
    evaluation = to_proposed(hr_a, staff["an"], general=D(26))
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    assert (result.task_points, result.score, result.computed_level) == (
        D("64.17"),
        D("90.17"),
        "htxs",
    )


def test_a_failure_with_an_objective_cause_removes_nothing(hr_a, staff, room_for_htxs):
    add_tasks(
        hr_a,
        staff["an"],
        late_failures=1,
        late_excused=1,
        excuse_basis="Công văn số 12/UBND xác nhận do mất điện",
    )
    evaluation = to_proposed(hr_a, staff["an"], general=D(20))
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    assert result.task_points == D("70.00")


def test_an_excused_failure_needs_the_authoritys_confirmation(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        add_tasks(hr_a, staff["an"], late_failures=1, late_excused=1)
    assert refusal(exc) == "Phải ghi xác nhận nguyên nhân khách quan của cấp có thẩm quyền."


def test_months_and_quarters_are_not_mixed_in_one_year(hr_a, staff):
    add_tasks(hr_a, staff["an"])
    with pytest.raises(ServiceError) as exc:
        add_tasks(hr_a, staff["an"], period_kind=PeriodKind.MONTH, period=2)
    assert refusal(exc) == "Năm 2026 đang theo dõi theo quý; không ghi lẫn tháng và quý."


def test_task_records_are_refused_under_nd90(hr_a, staff):
    with pytest.raises(ServiceError) as exc:
        add_tasks(hr_a, staff["an"], year=ND90_YEAR)
    assert refusal(exc) == "Năm 2025 xếp loại theo ND90-2020@2, không chấm điểm theo dõi nhiệm vụ."


def test_task_records_are_closed_once_the_year_is_decided(hr_a, staff):
    add_tasks(hr_a, staff["an"])
    evaluation = to_proposed(hr_a, staff["an"], general=D(10))
    services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
    with pytest.raises(ServiceError) as exc:
        add_tasks(hr_a, staff["an"], period=2)
    assert refusal(exc) == (
        "Đã có xếp loại năm 2026 của “Lê Thị An”; không sửa kết quả theo dõi nhiệm vụ."
    )


def test_nd335_without_tasks_or_general_points_cannot_be_decided(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], general=D(25))
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
    assert refusal(exc) == (
        "Chưa tính được điểm năm 2026: cần điểm tiêu chí chung và kết quả theo dõi nhiệm vụ "
        "hằng tháng hoặc quý."
    )


# --- Overrides ------------------------------------------------------------------------------


def test_a_decision_other_than_the_computed_level_needs_a_reason(hr_a, staff):
    add_tasks(hr_a, staff["an"])
    evaluation = to_proposed(hr_a, staff["an"], general=D(25))  # 95: HTXS
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
    assert refusal(exc) == (
        "Xếp loại khác mức theo quy tắc (Hoàn thành xuất sắc nhiệm vụ): phải ghi lý do."
    )
    assert events("evaluation.level_override") == []


def test_an_override_with_a_reason_is_stored_and_audited_as_an_override(hr_a, staff):
    add_tasks(hr_a, staff["an"])
    evaluation = to_proposed(hr_a, staff["an"], general=D(25))
    result = services.evaluation_decide(
        actor=hr_a, evaluation=evaluation, level="htt", reason="Hội đồng thi đua đề nghị"
    )
    assert (result.level, result.computed_level) == ("htt", "htxs")
    assert result.override_reason == "Hội đồng thi đua đề nghị"
    [event] = events("evaluation.level_override")
    assert event.data["computed_level"] == "htxs" and event.data["level"] == "htt"
    assert event.data["reason"] == "Hội đồng thi đua đề nghị"
    assert event.profile == "ND335-2025@2"
    assert events("evaluation.decide") == []


def test_nd90_without_a_trigger_lets_the_competent_person_choose_the_level(
    hr_a, staff, room_for_htxs
):
    result = decided(hr_a, staff["an"], "htxs")
    assert (result.computed_level, result.triggers, result.override_reason) == ("", [], "")


# --- KHT triggers ---------------------------------------------------------------------------


def sanction(actor, person, *, act="V1", system=SanctionSystem.STATE, on=dt.date(2026, 3, 2),
             official_duty=True, counted=None):  # fmt: skip
    return services.discipline_record_add(
        actor=actor,
        person=person,
        act=act,
        description="Vi phạm quy chế làm việc",
        system=system,
        form=SanctionForm.REPRIMAND,
        decided_on=on,
        decision_ref="QĐ 5/QĐ-KL",
        official_duty=official_duty,
        counted_as_kht_year=counted,
    )


def test_nd335_reprimand_for_official_duty_in_the_year_forces_kht(hr_a, staff):
    sanction(hr_a, staff["an"])
    add_tasks(hr_a, staff["an"])
    evaluation = to_proposed(hr_a, staff["an"], general=D(30))
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    assert "Không hoàn thành nhiệm vụ" in refusal(exc)
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="kht")
    assert result.score == 100 and result.computed_level == "kht"
    [trigger] = result.triggers
    assert trigger["code"] == "discipline"
    assert trigger["detail"] == "Kỷ luật hành chính: Khiển trách (QĐ 5/QĐ-KL)"
    assert "khoản 4 điểm c" in trigger["basis"]


def test_nd335_sanction_unrelated_to_official_duty_does_not_force_kht(hr_a, staff, room_for_htxs):
    sanction(hr_a, staff["an"], official_duty=False)
    add_tasks(hr_a, staff["an"])
    evaluation = to_proposed(hr_a, staff["an"], general=D(30))
    assert services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs").level


def test_decline_finding_forces_kht(hr_a, staff):
    add_tasks(hr_a, staff["an"])
    evaluation = to_proposed(
        hr_a, staff["an"], general=D(30), decline_finding="Kết luận số 3-KL/UBKT"
    )
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="kht")
    assert [t["code"] for t in result.triggers] == ["decline"]


def test_leader_unit_corruption_forces_kht_only_for_leaders(hr_a, staff, room_for_htxs):
    for key in ("dung", "an"):
        add_tasks(hr_a, staff[key])
    leader = to_proposed(
        hr_a, staff["dung"], general=D(30), unit_corruption_finding="Bản án số 7/HS-ST"
    )
    assert services.evaluation_decide(actor=hr_a, evaluation=leader, level="kht").triggers
    staff_member = to_proposed(
        hr_a, staff["an"], general=D(30), unit_corruption_finding="Bản án số 7/HS-ST"
    )
    assert staff_member.unit_corruption_finding == ""  # only a leader carries it
    result = services.evaluation_decide(actor=hr_a, evaluation=staff_member, level="htxs")
    assert result.triggers == []


def test_nd90_party_sanction_in_the_year_forces_kht(hr_a, staff):
    sanction(hr_a, staff["an"], system=SanctionSystem.PARTY, on=dt.date(2025, 5, 1),
             official_duty=False)  # fmt: skip
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR)
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="kht")
    assert result.computed_level == "kht" and result.override_reason == ""


def test_nd90_same_act_in_two_years_affects_only_the_first(hr_a, staff):
    # Party sanction in 2024, administrative sanction for the same act in 2025: 2025 is free.
    sanction(hr_a, staff["an"], system=SanctionSystem.PARTY, on=dt.date(2024, 11, 5))
    sanction(hr_a, staff["an"], system=SanctionSystem.STATE, on=dt.date(2025, 2, 10))
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR)
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
    assert result.computed_level == "" and result.triggers == []


def test_nd90_act_already_counted_as_kht_does_not_count_again(hr_a, staff):
    sanction(hr_a, staff["an"], on=dt.date(2025, 3, 1), counted=2024)
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR)
    result = services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htt")
    assert result.triggers == []


def test_a_sanction_decided_in_the_future_is_refused(hr_a, staff, today):
    with pytest.raises(ServiceError) as exc:
        sanction(hr_a, staff["an"], on=today + dt.timedelta(days=1))
    assert refusal(exc) == "Ngày quyết định kỷ luật ở sau hôm nay."


# --- Quota ----------------------------------------------------------------------------------


@pytest.fixture
def ten_htt(hr_a, province):
    """Ten civil servants of unit A decided HTT in 2025, plus three more proposed."""
    from sathach.core.testing import make_person

    people = [make_person(f"Q{i:03d}", f"Người Thứ {i}", province.unit_a) for i in range(13)]
    for person in people[:10]:
        decided(hr_a, person, "htt")
    return people


def test_htxs_up_to_exactly_20_percent_of_htt_is_accepted(hr_a, ten_htt):
    for person in ten_htt[10:12]:
        decided(hr_a, person, "htxs")
    assert AnnualEvaluation.objects.filter(level="htxs").count() == 2


def test_a_decision_beyond_20_percent_of_htt_is_refused_naming_the_numbers(hr_a, ten_htt):
    for person in ten_htt[10:12]:
        decided(hr_a, person, "htxs")
    evaluation = to_proposed(hr_a, ten_htt[12], ND90_YEAR, level="htxs")
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    assert refusal(exc) == (
        "Vượt tỷ lệ: 3 người Hoàn thành xuất sắc nhiệm vụ trên 10 người Hoàn thành tốt nhiệm vụ "
        "(tối đa 20% = 2)."
    )
    assert exc.value.code == "quota"
    assert "NĐ 48/2023/NĐ-CP" in exc.value.basis
    evaluation.refresh_from_db()
    assert evaluation.state == State.PROPOSED  # nothing written


def test_lowering_an_htt_that_the_quota_needs_is_refused(hr_a, ten_htt):
    for person in ten_htt[10:12]:
        decided(hr_a, person, "htxs")
    first = AnnualEvaluation.objects.get(person=ten_htt[0])
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=first, level="ht")
    assert refusal(exc) == (
        "Vượt tỷ lệ: 2 người Hoàn thành xuất sắc nhiệm vụ trên 9 người Hoàn thành tốt nhiệm vụ "
        "(tối đa 20% = 1)."
    )


def test_the_quota_is_counted_per_group_of_similar_work(hr_a, ten_htt, staff):
    # Another group of unit A with no HTT: no HTXS is possible in it.
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="htxs", work_group="Lãnh đạo")
    with pytest.raises(ServiceError) as exc:
        services.evaluation_decide(actor=hr_a, evaluation=evaluation, level="htxs")
    assert refusal(exc) == (
        "Vượt tỷ lệ: 1 người Hoàn thành xuất sắc nhiệm vụ trên 0 người Hoàn thành tốt nhiệm vụ "
        "(tối đa 20% = 0)."
    )


def test_the_quota_is_counted_per_unit(hr_a, organiser, ten_htt, staff):
    # Unit B has no HTT: its HTXS is refused even though unit A has room.
    evaluation = to_proposed(organiser, staff["em"], ND90_YEAR, level="htxs")
    with pytest.raises(ServiceError):
        services.evaluation_decide(actor=organiser, evaluation=evaluation, level="htxs")


# --- Party rating ---------------------------------------------------------------------------


def test_party_rating_is_stored_beside_and_linked_to_the_state_rating(hr_a, staff):
    evaluation = decided(hr_a, staff["binh"], "htt")
    party = services.party_evaluation_record(
        actor=hr_a, evaluation=evaluation, level="htt", score=D("85")
    )
    assert party.evaluation == evaluation and evaluation.party == party
    assert party.profile == "QD366-2025@1" and party.computed_level == "htt"
    [event] = events("evaluation.party_record")
    assert event.profile == "QD366-2025@1"


def test_party_level_other_than_the_score_needs_a_reason(hr_a, staff):
    evaluation = decided(hr_a, staff["binh"], "htt")
    with pytest.raises(ServiceError) as exc:
        services.party_evaluation_record(
            actor=hr_a, evaluation=evaluation, level="htxs", score=D("89.99")
        )
    assert refusal(exc) == "Xếp loại khác mức theo điểm (Hoàn thành tốt nhiệm vụ): phải ghi lý do."
    services.party_evaluation_record(
        actor=hr_a, evaluation=evaluation, level="htxs", score=D("89.99"), reason="Chi bộ đề nghị"
    )
    assert events("evaluation.party_override")[0].data["reason"] == "Chi bộ đề nghị"


def test_party_rating_of_a_non_member_is_refused(hr_a, staff):
    evaluation = decided(hr_a, staff["an"], "htt")
    with pytest.raises(ServiceError) as exc:
        services.party_evaluation_record(actor=hr_a, evaluation=evaluation, level="htt")
    assert refusal(exc) == "Công chức “CC001” không phải đảng viên (theo danh sách công chức)."
    assert not PartyEvaluation.objects.exists()


def test_publish_all_publishes_the_decided_ratings_of_the_unit_in_one_event(hr_a, staff, province):
    decided(hr_a, staff["an"], "htt")
    decided(hr_a, staff["cuong"], "ht")
    to_proposed(hr_a, staff["binh"], ND90_YEAR)  # not decided: stays
    n = services.evaluations_publish(actor=hr_a, unit=province.unit_a, year=ND90_YEAR)
    assert n == 2
    assert set(AnnualEvaluation.objects.filter(state=State.PUBLISHED).values_list(
        "person__code", flat=True)) == {"CC001", "CC003"}  # fmt: skip
    [event] = events("evaluation.publish_all")
    assert sorted(event.data["persons"]) == ["CC001", "CC003"]


def test_facts_of_the_rating_are_audited(hr_a, staff):
    add_tasks(hr_a, staff["an"], quality_failures=2)
    sanction(hr_a, staff["an"])
    [task] = events("evaluation.task_record_add")
    assert task.data["quality_failures"] == 2 and task.profile == "ND335-2025@2"
    [discipline] = events("evaluation.discipline_record_add")
    assert discipline.data["act"] == "V1" and discipline.data["form"] == "reprimand"
