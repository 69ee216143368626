"""The re-test: one step from the failures of a published plan to a new draft plan with the
same profile, scope and blueprint (cell by cell), only the failures as candidates added by hand
with the reason, and the link; refused when unpublished or when nobody failed; its outcome in
the report once its results are published; and the page behind a confirmation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.evaluation import selectors_training as sel
from sathach.evaluation import services
from sathach.evaluation.models import Retest
from sathach.plans.constants import CandidateStatus, OverrideAction, PlanStatus
from sathach.plans.models import BlueprintCell, Candidate, CandidateOverride, PlanScope
from sathach.results.models import PlanResult

from .conftest import events
from .training_fixtures import FAILED, Published, make_computed, make_published

pytestmark = pytest.mark.django_db
DATES = {"starts_on": dt.date(2026, 6, 1), "ends_on": dt.date(2026, 6, 30)}


@pytest.fixture
def pub() -> Published:
    return make_published()


def create(pub: Published, actor=None, **kw) -> Retest:
    return services.retest_create(
        actor=actor or pub.organiser,
        plan=pub.plan,
        code=kw.pop("code", "THI-KTL"),
        name=kw.pop("name", "Kiểm tra lại sau kỳ THI"),
        **DATES,
        **kw,
    )


def _cells(plan) -> list[tuple]:
    return [
        (
            c.part.order,
            c.part.kind,
            c.part.name,
            c.part.minutes,
            c.part.max_score,
            c.part.pass_mark,
            c.part.weight,
            c.part.sitting_mode,
            c.topic_id,
            c.difficulty,
            c.item_kind,
            c.count,
            c.points,
        )  # fmt: skip
        for c in BlueprintCell.objects.filter(part__plan=plan)
        .select_related("part")
        .order_by("part__order", "pk")
    ]


def test_retest_copies_profile_scope_and_the_blueprint_cell_by_cell(pub):
    link = create(pub)
    retest = link.plan
    assert retest.status == PlanStatus.DRAFT
    assert retest.exam_profile == pub.plan.exam_profile
    assert retest.code == "THI-KTL"
    assert set(PlanScope.objects.filter(plan=retest).values_list("unit_id", flat=True)) == set(
        PlanScope.objects.filter(plan=pub.plan).values_list("unit_id", flat=True)
    )
    assert _cells(retest) == _cells(pub.plan)
    assert len(_cells(retest)) == 5
    assert not retest.parts.get().forms.exists()  # fresh forms come from the assembly later


def test_only_the_failures_are_candidates_added_by_hand_with_the_reason(pub):
    retest = create(pub).plan
    rows = Candidate.objects.filter(plan=retest).select_related("person").order_by("number")
    assert [c.person.code for c in rows] == list(FAILED)
    assert {c.status for c in rows} == {CandidateStatus.INCLUDED}
    assert [c.number for c in rows] == ["0001", "0002", "0003"]
    overrides = CandidateOverride.objects.filter(plan=retest)
    assert {o.action for o in overrides} == {OverrideAction.ADD}
    assert {o.reason for o in overrides} == {"Kiểm tra lại sau khi không đạt kế hoạch THI"}
    assert AuditEvent.objects.filter(action="plans.candidate_add").count() == 3


def test_the_retest_list_cannot_be_regenerated_from_the_scope(pub):
    from sathach.plans.services import candidates_generate

    retest = create(pub).plan
    with pytest.raises(ServiceError) as exc:
        candidates_generate(actor=pub.exam.organiser, plan=retest)
    assert exc.value.message == (
        "Kế hoạch kiểm tra lại chỉ gồm những người chưa đạt của kế hoạch trước: "
        "không lập danh sách theo phạm vi đơn vị."
    )
    assert Candidate.objects.filter(plan=retest).count() == len(FAILED)


def test_the_link_is_recorded_and_audited(pub):
    link = create(pub)
    assert link.source == pub.plan
    assert link.count == 3
    assert link.created_by == pub.organiser
    assert pub.plan.retests.get() == link
    audit = events("evaluation.retest_create")
    assert audit[0].data == {
        "source": "THI",
        "plan": "THI-KTL",
        "count": 3,
        "cells": 5,
        "trained_only": False,
    }


def test_retest_is_refused_while_results_are_unpublished():
    computed = make_computed()
    with pytest.raises(ServiceError) as exc:
        services.retest_create(
            actor=computed.organiser, plan=computed.plan, code="X", name="X", **DATES
        )
    assert exc.value.message == "Kết quả của kế hoạch “THI” chưa được công bố."
    assert not Retest.objects.exists()


def test_retest_is_refused_when_nobody_failed(pub):
    PlanResult.objects.filter(plan=pub.plan).update(passed=True)
    with pytest.raises(ServiceError) as exc:
        create(pub)
    assert exc.value.message == "Không có ai chưa đạt kế hoạch “THI”: không có ai để kiểm tra lại."
    assert not Retest.objects.exists()


def test_trained_only_takes_those_who_completed_training(pub):
    with pytest.raises(ServiceError) as exc:
        create(pub, trained_only=True)
    assert exc.value.message == (
        "Không có ai chưa đạt kế hoạch “THI” đã hoàn thành bồi dưỡng: không có ai để kiểm tra lại."
    )
    rows = services.training_assign_bulk(
        actor=pub.organiser,
        plan=pub.plan,
        person_ids=pub.ids("TS002", "TS003"),
        course="Bồi dưỡng",
        provider="Trường Chính trị",
        starts_on=dt.date(2026, 4, 1),
        ends_on=dt.date(2026, 4, 30),
    )
    services.training_complete(
        actor=pub.organiser, assignment=rows[0], completed_on=dt.date(2026, 4, 30), passed=True
    )
    services.training_complete(
        actor=pub.organiser, assignment=rows[1], completed_on=dt.date(2026, 4, 30), passed=False
    )
    link = create(pub, trained_only=True)
    assert link.count == 1
    assert [c.person.code for c in Candidate.objects.filter(plan=link.plan)] == ["TS002"]


def test_unit_hr_cannot_create_a_retest(pub):
    with pytest.raises(PermissionDeniedError):
        create(pub, actor=pub.hr_a)
    assert not Retest.objects.exists()


def test_an_organiser_who_does_not_run_the_plan_cannot_create_its_retest(pub):
    from sathach.accounts.constants import Role
    from sathach.core.testing import make_user

    other = make_user("tochuc-xa", Role.ORGANISER, pub.exam.province.commune)
    with pytest.raises(PermissionDeniedError) as exc:
        create(pub, actor=other)
    assert exc.value.message == "Bạn không có quyền lập kế hoạch kiểm tra lại của kế hoạch “THI”."
    assert not Retest.objects.exists()


def test_a_duplicate_code_is_refused_and_nothing_is_left_behind(pub):
    with pytest.raises(ServiceError) as exc:
        create(pub, code="THI")
    assert exc.value.message == "Mã kế hoạch “THI” đã tồn tại."
    assert not Retest.objects.exists()


def test_retest_outcomes_count_once_its_results_are_published(pub):
    link = create(pub)
    outcomes = sel.plan_outcomes(user=pub.organiser, plan=pub.plan)
    assert outcomes.retest_counts() == {"passed": 0, "failed": 0, "pending": 3}
    # The re-test's own sitting is the normal pipeline; its published results are what the
    # report reads, so stand them in directly here.
    stamp = dt.datetime(2026, 6, 20, tzinfo=dt.UTC)
    for candidate in Candidate.objects.filter(plan=link.plan).select_related("person"):
        passed = candidate.person.code == "TS002"
        PlanResult.objects.create(
            plan=link.plan,
            candidate=candidate,
            total=80 if passed else 20,
            max_total=100,
            percent=80 if passed else 20,
            passed=passed,
            classification="good" if passed else "fail",
            computed_at=stamp,
            profile=link.plan.exam_profile,
        )
    outcomes = sel.plan_outcomes(user=pub.organiser, plan=pub.plan)
    assert outcomes.retest_counts() == {"passed": 0, "failed": 0, "pending": 3}  # unpublished
    link.plan.results_published_at = stamp
    link.plan.save(update_fields=["results_published_at"])
    outcomes = sel.plan_outcomes(user=pub.organiser, plan=pub.plan)
    assert outcomes.retest_counts() == {"passed": 1, "failed": 2, "pending": 0}
    assert {r.person.code: r.retest_passed for r in outcomes.rows} == {
        "TS002": True,
        "TS003": False,
        "TS006": False,
    }


# --- The page -------------------------------------------------------------------------------


def test_the_retest_page_confirms_people_and_parts_then_creates(pub):
    client = Client()
    client.force_login(pub.organiser)
    url = f"/danh-gia/boi-duong/{pub.plan.code}/kiem-tra-lai/"
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "3 người" in html
    assert "Kiến thức chung" in html
    form = {"code": "THI-KTL", "name": "Kiểm tra lại", "starts_on": "2026-06-01",
            "ends_on": "2026-06-30"}  # fmt: skip
    response = client.post(url, form)
    assert response.status_code == 302
    link = Retest.objects.get()
    assert link.plan.code == "THI-KTL"
    assert response["Location"] == f"/ke-hoach/{link.plan.code}/"


def test_unit_hr_gets_404_on_the_retest_page_and_its_post(pub):
    client = Client()
    client.force_login(pub.hr_a)
    url = f"/danh-gia/boi-duong/{pub.plan.code}/kiem-tra-lai/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"code": "X"}).status_code == 404
