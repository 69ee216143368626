"""A sitting's page: moving a candidate with a reason, and proctors for each room."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.testing import TEST_PASSWORD, make_person, make_user
from sathach.plans.constants import Board
from sathach.plans.models import ProctorAssignment, Seat
from sathach.plans.services import board_member_add, room_create

from .test_pdf import exam  # noqa: F401 - six candidates in room P.101, both proctors on duty

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_(organiser):
    client = Client()
    assert client.login(username=organiser.username, password=TEST_PASSWORD)
    return client


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_a_move_needs_a_reason_and_shows_the_service_refusal(exam, client_):  # noqa: F811
    sitting = exam["sitting"]
    page = client_.get(reverse("plans:sitting-detail", args=["TEST-PDF", sitting.pk]))
    html = page.content.decode()
    assert "Mọi phòng thi đã đủ giám thị." in html
    assert 'id="move-form"' in html and "Lý do đổi chỗ" in html
    url = reverse("plans:seat-move", args=["TEST-PDF", sitting.pk])
    seats = list(Seat.objects.filter(sitting=sitting).order_by("number"))
    first, second = seats[0], seats[1]
    data = {"seat": first.pk, "room": exam["room"].pk, "row": second.row, "col": second.col}

    response = client_.post(url, {**data, "reason": " "}, follow=True)
    assert _messages(response) == ["Lý do đổi chỗ: Trường này là bắt buộc."]
    response = client_.post(url, {**data, "reason": "Thí sinh khiếm thị"}, follow=True)
    assert _messages(response) == [
        f"Chỗ hàng {second.row}, cột {second.col} phòng P.101 đã có người ngồi."
    ]
    first.refresh_from_db()
    assert first.number == 1

    room2 = room_create(actor=None, plan=exam["plan"], name="P.102", capacity=10, columns=5)
    response = client_.post(
        url,
        {**data, "room": room2.pk, "row": 1, "col": 1, "reason": "Thí sinh khiếm thị"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "plans:sitting-detail", args=["TEST-PDF", sitting.pk]
    )
    person = first.candidate.person
    assert _messages(response) == [
        f"Đã chuyển {person.full_name} (số báo danh {first.candidate.number}) sang phòng "
        "P.102, hàng 1, cột 1."
    ]
    first.refresh_from_db()
    assert (first.room, first.row, first.col) == (room2, 1, 1)
    event = AuditEvent.objects.get(action="plans.seat_move")
    assert event.data["reason"] == "Thí sinh khiếm thị"
    html = response.content.decode()
    assert "Phòng P.102 có 0/2 giám thị" in html  # the shortage the move made


def test_proctors_are_assigned_from_ban_coi_thi_and_refusals_are_shown(exam, client_):  # noqa: F811
    plan, sitting = exam["plan"], exam["sitting"]
    room2 = room_create(actor=None, plan=plan, name="P.102", capacity=10, columns=5)
    seat = Seat.objects.filter(sitting=sitting).order_by("number").last()
    Seat.objects.filter(pk=seat.pk).update(room=room2, row=1, col=1, number=1)
    third = board_member_add(
        actor=None,
        plan=plan,
        board=Board.PROCTORING,
        person=make_person("GT3", "Cao Văn Lâm", exam["proctors"][0].person.unit),
    )
    page = client_.get(reverse("plans:sitting-detail", args=["TEST-PDF", sitting.pk]))
    html = page.content.decode()
    assert "Phòng P.102 có 0/2 giám thị" in html
    assert "Cao Văn Lâm</option>" in html
    url = reverse("plans:proctor-assign", args=["TEST-PDF", sitting.pk, room2.pk])

    response = client_.post(url, {"role": 1, "membership": third.pk}, follow=True)
    assert _messages(response) == ["Đã phân công Cao Văn Lâm làm Giám thị 1 phòng P.102."]
    assert ProctorAssignment.objects.filter(room=room2, membership=third, role=1).exists()
    assert "Phòng P.102 có 1/2 giám thị" in response.content.decode()

    busy = exam["proctors"][0]
    response = client_.post(url, {"role": 2, "membership": busy.pk}, follow=True)
    assert _messages(response) == [f"{busy} đã coi thi phòng P.101 trong ca này."]
    response = client_.post(url, {"role": 1, "membership": busy.pk}, follow=True)
    assert _messages(response) == ["Phòng P.102 đã có Giám thị 1: Cao Văn Lâm — Ban coi thi."]


def test_a_reader_sees_the_sitting_but_cannot_move_or_assign(exam, province):  # noqa: F811
    make_user("canbo", Role.UNIT_HR, province.unit_a)
    client = Client()
    assert client.login(username="canbo", password=TEST_PASSWORD)
    sitting = exam["sitting"]
    html = client.get(reverse("plans:sitting-detail", args=["TEST-PDF", sitting.pk]))
    assert html.status_code == 200
    assert 'id="move-form"' not in html.content.decode()
    assert "proctor-form" not in html.content.decode()
    seat = Seat.objects.filter(
        sitting=sitting, candidate__person__unit=province.unit_a
    ).first()  # a candidate the reader may see
    response = client.post(
        reverse("plans:seat-move", args=["TEST-PDF", sitting.pk]),
        {"seat": seat.pk, "room": exam["room"].pk, "row": 4, "col": 3, "reason": "x"},
    )
    assert response.status_code == 403
    seat.refresh_from_db()
    assert (seat.row, seat.col) != (4, 3)
