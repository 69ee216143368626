"""The plans pages: an organiser runs a plan from the template; others only read it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sathach.accounts.constants import Role
from sathach.bank.constants import TopicRole
from sathach.bank.services import item_approve, item_create, item_submit
from sathach.bank.testing import make_bank_user, make_topic, single_choice
from sathach.core.testing import TEST_PASSWORD, make_user
from sathach.lib.formats.items import Difficulty
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import BlueprintCell, Candidate, Form, Plan, Room, Seat, Sitting
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db


def approved_items(topic, count, province, difficulty=Difficulty.EASY):
    """Write ``count`` approved single-choice items in ``topic`` through the bank services."""
    author = make_bank_user(f"author-{topic.code}", TopicRole.AUTHOR, topic, unit=province.root)
    reviewer = make_bank_user(
        f"reviewer-{topic.code}", TopicRole.REVIEWER, topic, unit=province.root
    )
    for i in range(count):
        item = item_create(
            actor=author,
            topic=topic,
            data=single_choice(stem=f"Câu hỏi số {i + 1} về {topic.name}?", difficulty=difficulty),
        )
        item_submit(actor=author, item=item)
        item_approve(actor=reviewer, item=item)


@pytest.fixture
def topic(province):
    topic = make_topic("HTCT", "Hệ thống chính trị")
    approved_items(topic, 8, province)
    return topic


def signed_in(client, user):
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def detail(plan_code="KT2026"):
    return reverse("plans:plan-detail", args=[plan_code])


def create_plan(client, province):
    return client.post(
        reverse("plans:plan-create"),
        {
            "code": "KT2026",
            "name": "Kiểm tra, sát hạch công chức năm 2026",
            "starts_on": "02/03/2026",
            "ends_on": "30/04/2026",
            "exam_profile": "TT06-2020",
            "units": [province.unit_a.pk, province.unit_b.pk],
        },
    )


def test_organiser_runs_a_plan_from_the_template_through_the_pages(
    client, province, organiser, staff, topic
):
    signed_in(client, organiser)
    page = client.get(reverse("plans:plan-list"))
    assert "Tạo kế hoạch từ mẫu NGHEAN-2019" in page.content.decode()

    response = create_plan(client, province)
    assert response.status_code == 302 and response["Location"] == detail()
    plan = Plan.objects.get(code="KT2026")
    assert plan.template == "NGHEAN-2019" and plan.exam_profile.startswith("TT06-2020@")
    assert sorted(plan.scopes.values_list("unit__code", flat=True)) == ["BTC", "SNV"]
    page = client.get(detail()).content.decode()
    # The bank has none of the template's topics: the skipped cells are reported.
    assert "bỏ qua ô chủ đề “KTC-HTCT” vì ngân hàng chưa có chủ đề này" in page
    assert "Sở Nội vụ; Ban Tổ chức Tỉnh ủy" in page  # tree order

    response = client.post(reverse("plans:candidates-generate", args=["KT2026"]))
    assert response.status_code == 302
    page = client.get(detail()).content.decode()
    assert "Đã lập danh sách: 5 người dự kiểm tra, 2 người được miễn" in page
    huu = Candidate.objects.get(plan=plan, person=staff["huu"])
    assert huu.status == CandidateStatus.EXEMPT and huu.reason
    assert huu.reason in page and "Miễn kiểm tra" in page

    an = Candidate.objects.get(plan=plan, person=staff["an"])
    client.post(
        reverse("plans:candidate-exempt", args=["KT2026", an.pk]),
        {"ground": "maternity", "reason": "Nghỉ thai sản từ 01/02/2026 đến 31/07/2026"},
    )
    an.refresh_from_db()
    assert an.status == CandidateStatus.EXEMPT
    assert "Nghỉ thai sản từ 01/02/2026 đến 31/07/2026" in client.get(detail()).content.decode()

    part = plan.parts.get(order=1)
    response = client.post(
        reverse("plans:cell-add", args=["KT2026"]),
        {
            "part": part.pk,
            "topic": topic.pk,
            "difficulty": "easy",
            "item_kind": "single",
            "count": "4",
            "points": "1",
        },
    )
    assert response.status_code == 302
    assert BlueprintCell.objects.filter(part=part, topic=topic, count=4).exists()

    client.post(
        reverse("plans:room-create", args=["KT2026"]),
        {"name": "P101", "capacity": "30", "computers": "30", "columns": "5"},
    )
    client.post(
        reverse("plans:sitting-create", args=["KT2026"]),
        {"part": part.pk, "date": "10/03/2026", "start_time": "08:00"},
    )
    room, sitting = Room.objects.get(plan=plan), Sitting.objects.get(plan=plan)
    assert (room.capacity, room.computers) == (30, 30)
    assert sitting.date == dt.date(2026, 3, 10)
    client.post(reverse("plans:seats-allocate", args=["KT2026", sitting.pk]))
    assert Seat.objects.filter(sitting=sitting).count() == 4
    page = client.get(detail()).content.decode()
    assert "Đã xếp chỗ cho 4 người vào 1 phòng." in page and "Phòng P101 (4 người)" in page

    client.post(reverse("plans:part-assemble", args=["KT2026", part.pk]), {"seed": "5"})
    assert Form.objects.filter(part=part).count() == 4
    page = client.get(detail()).content.decode()
    assert "Đã lập 4 đề cho phần 1. Độ chênh điểm kỳ vọng giữa các đề: 0.00" in page
    assert "(rút ngẫu nhiên:" in page


def test_a_cell_the_bank_cannot_fill_is_shown_in_red(client, province, organiser, topic):
    plan = make_plan("KT-RED", [province.unit_a], actor=organiser)
    signed_in(client, organiser)
    from sathach.plans.services import blueprint_part_add

    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind="computer_mcq",
        name="Kiến thức chung",
        minutes=30,
        max_score=20,
        pass_mark=10,
    )
    client.post(
        reverse("plans:cell-add", args=["KT-RED"]),
        {"part": part.pk, "topic": topic.pk, "difficulty": "hard", "count": "5", "points": "1"},
    )
    page = client.get(detail("KT-RED")).content.decode()
    assert 'class="row-error"' in page
    assert "Phần 1, chủ đề Hệ thống chính trị, mức Khó: cần 5 câu, ngân hàng có 0 câu" in page


def test_a_service_refusal_is_shown_to_the_organiser(client, province, organiser):
    make_plan("KT-EMPTY", [province.unit_a], actor=organiser)
    signed_in(client, organiser)
    client.post(
        reverse("plans:room-create", args=["KT-EMPTY"]),
        {"name": "P1", "capacity": "10", "computers": "0", "columns": "5"},
    )
    response = client.post(
        reverse("plans:room-create", args=["KT-EMPTY"]),
        {"name": "P1", "capacity": "10", "computers": "0", "columns": "5"},
        follow=True,
    )
    assert "Đã có phòng “P1”." in response.content.decode()


def test_unit_hr_reads_the_plan_without_forms_and_is_refused_on_post(
    client, province, organiser, staff
):
    plan = make_plan("KT-HR", [province.unit_a, province.unit_b], actor=organiser)
    from sathach.plans.services import candidates_generate

    candidates_generate(actor=organiser, plan=plan)
    hr = make_user("hr-btc", Role.UNIT_HR, province.unit_a)
    signed_in(client, hr)
    assert "KT-HR" in client.get(reverse("plans:plan-list")).content.decode()
    page = client.get(detail("KT-HR")).content.decode()
    assert "Bạn chỉ được xem kế hoạch này." in page
    assert '<form method="post" action="/ke-hoach/' not in page
    assert "Lê Thị An" in page and "Phạm Văn Đạt" not in page  # only their own unit's people
    assert "Tạo kế hoạch từ mẫu" not in client.get(reverse("plans:plan-list")).content.decode()

    an = Candidate.objects.get(plan=plan, person=staff["an"])
    assert client.post(reverse("plans:candidates-generate", args=["KT-HR"])).status_code == 403
    response = client.post(
        reverse("plans:candidate-remove", args=["KT-HR", an.pk]), {"reason": "Thử"}
    )
    assert response.status_code == 403
    assert Candidate.objects.get(pk=an.pk).status == CandidateStatus.INCLUDED
    assert client.get(reverse("plans:plan-create")).status_code == 403


def test_an_organiser_outside_the_scope_gets_404(client, province, organiser):
    make_plan("KT-BTC", [province.unit_a], actor=organiser)
    other = make_user("tochuc-snv", Role.ORGANISER, province.unit_b)
    signed_in(client, other)
    assert client.get(detail("KT-BTC")).status_code == 404
    assert client.post(reverse("plans:candidates-generate", args=["KT-BTC"])).status_code == 404
    assert "KT-BTC" not in client.get(reverse("plans:plan-list")).content.decode()


def test_plan_list_query_count_does_not_grow_with_plans(client, province, organiser):
    signed_in(client, organiser)
    make_plan("KT-1", [province.unit_a], actor=organiser)
    client.get(reverse("plans:plan-list"))  # warm the session and profile caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("plans:plan-list")).status_code == 200
    for i in range(2, 7):
        make_plan(f"KT-{i}", [province.unit_a, province.unit_b], actor=organiser)
    with CaptureQueriesContext(connection) as six:
        response = client.get(reverse("plans:plan-list"))
    assert response.content.decode().count("/ke-hoach/KT-") == 6
    assert len(six) == len(one)
