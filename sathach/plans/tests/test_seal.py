"""Sealing a part's forms: refused until every candidate has one, final once done."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import TEST_PASSWORD, make_person, make_user
from sathach.plans.constants import CandidateStatus
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import Candidate, Form, Seat
from sathach.plans.selectors import sealed_form_for_candidate
from sathach.plans.services import plan_candidate_add

from .test_assembly_forms import demo  # noqa: F401 - the demo province, bank and plan
from .test_pdf import exam  # noqa: F401 - a small paper exam, assembled in 2 variants

pytestmark = pytest.mark.django_db


def _refusal(call) -> str:
    with pytest.raises(ServiceError) as refusal:
        call()
    return refusal.value.message


def test_sealing_needs_forms_for_every_candidate_then_freezes_them(demo):  # noqa: F811
    part = demo.parts.get()
    assert _refusal(lambda: forms_seal(actor=None, part=part)) == (
        "Phần 1 chưa có đề thi nào: hãy lập đề trước khi niêm phong."
    )
    part_assemble(actor=None, part=part, seed=4)
    unit = Candidate.objects.filter(plan=demo).first().person.unit
    late = make_person("MUON01", "Nguyễn Văn Muộn", unit)
    plan_candidate_add(actor=None, plan=demo, person=late, reason="Bổ sung theo quyết định")
    assert _refusal(lambda: forms_seal(actor=None, part=part)) == (
        "Còn 1 người dự kiểm tra chưa có đề thi phần 1: hãy lập lại đề trước khi niêm phong."
    )

    part_assemble(actor=None, part=part, seed=4)
    included = Candidate.objects.filter(plan=demo, status=CandidateStatus.INCLUDED)
    assert forms_seal(actor=None, part=part) == included.count()
    forms = Form.objects.filter(part=part)
    assert forms.filter(sealed_at__isnull=True).count() == 0
    assert len(set(forms.values_list("sealed_at", flat=True))) == 1  # one moment, one act
    event = AuditEvent.objects.get(action="plans.forms_seal")
    assert event.data["forms"] == included.count() and event.target_id == str(part.pk)

    assert _refusal(lambda: forms_seal(actor=None, part=part)) == "Đề thi phần 1 đã niêm phong."
    sealed_at = timezone.localtime(forms.first().sealed_at)
    assert _refusal(lambda: part_assemble(actor=None, part=part, seed=5)) == (
        f"Đề thi phần 1 đã niêm phong lúc {sealed_at:%H:%M %d/%m/%Y}: không thể lập lại, vì đề "
        "đã niêm phong là đề thí sinh sẽ làm trong ca thi."
    )


def test_the_exam_page_finds_only_a_sealed_form(demo):  # noqa: F811
    part = demo.parts.get()
    candidate = Candidate.objects.filter(plan=demo, status=CandidateStatus.INCLUDED).first()
    assert sealed_form_for_candidate(part, candidate) is None
    part_assemble(actor=None, part=part, seed=4)
    assert sealed_form_for_candidate(part, candidate) is None  # assembled, not sealed
    forms_seal(actor=None, part=part)
    assert sealed_form_for_candidate(part, candidate) == Form.objects.get(
        part=part, candidate=candidate
    )


def test_a_paper_part_is_sealed_with_each_seat_on_its_variant(exam):  # noqa: F811
    part = exam["sitting"].part
    assert forms_seal(actor=None, part=part) == 2
    seat = Seat.objects.filter(sitting=exam["sitting"]).select_related("form_link").first()
    assert sealed_form_for_candidate(part, seat.candidate) == seat.form_link.form


def test_a_paper_seat_without_a_variant_blocks_the_seal(exam):  # noqa: F811
    part = exam["sitting"].part
    Seat.objects.filter(sitting=exam["sitting"]).first().form_link.delete()
    assert _refusal(lambda: forms_seal(actor=None, part=part)) == (
        "Còn 1 chỗ ngồi chưa có đề thi phần 1: hãy lập lại đề trước khi niêm phong."
    )


def test_assemble_command_seals_with_seal_and_then_refuses_to_reassemble(demo):  # noqa: F811
    out = StringIO()
    call_command("assemble", "DEMO", "--seed", "3", "--json", "--seal", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["sealed"] == figures["forms"] > 0
    assert not Form.objects.filter(sealed_at__isnull=True).exists()
    with pytest.raises(CommandError) as refusal:
        call_command("assemble", "DEMO", "--seed", "3", stdout=StringIO())
    assert str(refusal.value).startswith("Đề thi phần 1 đã niêm phong lúc ")


def test_only_those_who_run_the_plan_seal_it_after_confirming(exam, organiser, province):  # noqa: F811
    part = exam["sitting"].part
    url = reverse("plans:part-seal", args=["TEST-PDF", part.pk])
    reader = make_user("canbo", Role.UNIT_HR, province.unit_a)
    with pytest.raises(PermissionDeniedError):
        forms_seal(actor=reader, part=part)
    client = Client()
    assert client.login(username="canbo", password=TEST_PASSWORD)
    assert client.get(url).status_code == 403 and client.post(url).status_code == 403

    assert client.login(username=organiser.username, password=TEST_PASSWORD)
    page = client.get(reverse("plans:plan-detail", args=["TEST-PDF"])).content.decode()
    assert f'<a class="button secondary" href="{url}">Niêm phong đề phần 1</a>' in page
    confirm = client.get(url).content.decode()
    assert "Phần này có 2 đề thi chưa niêm phong." in confirm
    assert f'<form method="post" action="{url}"' in confirm
    assert not Form.objects.filter(sealed_at__isnull=False).exists()  # GET changes nothing
    response = client.post(url, follow=True)
    assert "Đã niêm phong 2 đề thi của phần 1." in response.content.decode()
    assert Form.objects.filter(part=part, sealed_at__isnull=True).count() == 0
    page = client.get(reverse("plans:plan-detail", args=["TEST-PDF"])).content.decode()
    assert "2 đề, đã niêm phong lúc" in page
    assert url not in page  # nothing left to seal
    assert reverse("plans:part-assemble", args=["TEST-PDF", part.pk]) not in page
    again = client.post(url, follow=True).content.decode()
    assert "Đề thi phần 1 đã niêm phong." in again
