"""The PDF versions of the evaluation exports: the title, the people, the audit, the scope."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from django.test import Client

from sathach.accounts.constants import Role
from sathach.core.testing import make_user
from sathach.evaluation import services

from .conftest import ND90_YEAR, decided, events
from .training_fixtures import FAILED, make_published

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def test_the_report_pdf(organiser, hr_a, hr_b, staff):
    decided(hr_a, staff["an"], "htt")
    response = client_for(organiser).get(f"/danh-gia/bao-cao.pdf?tu=2025&den={ND90_YEAR}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC" in text(response.content)


def test_the_streamlining_pdf_and_its_scope(organiser, hr_b, staff, province):
    from .test_streamlining_services import REVIEW_DAY, rate

    rate(staff["an"], 2025, "kht")
    review = services.review_create(
        actor=organiser, unit=province.unit_a, year=2025, reviewed_on=REVIEW_DAY
    )
    url = f"/danh-gia/tinh-gian/{review.pk}/danh-sach.pdf"
    response = client_for(organiser).get(url)
    assert response.status_code == 200
    pdf = text(response.content)
    assert "DANH SÁCH XÉT TINH GIẢN BIÊN CHẾ NĂM 2025" in pdf
    assert "Lê Thị An" in pdf
    [event] = events("evaluation.streamlining_export_pdf")
    assert event.data["candidate"] == 1
    assert client_for(hr_b).get(url).status_code == 404


def test_the_training_pdfs_and_their_scope():
    pub = make_published()
    services.training_assign_bulk(
        actor=pub.organiser,
        plan=pub.plan,
        person_ids=pub.ids(*FAILED),
        course="Bồi dưỡng kiến thức quản lý nhà nước",
        provider="Trường Chính trị tỉnh",
        starts_on=dt.date(2026, 4, 1),
        ends_on=dt.date(2026, 4, 30),
    )
    client = client_for(pub.organiser)
    name = pub.person(FAILED[0]).full_name
    base = f"/danh-gia/boi-duong/{pub.plan.code}/"
    for suffix, title in (
        ("danh-sach.pdf", "DANH SÁCH CỬ ĐI BỒI DƯỠNG"),
        ("bao-cao.pdf", "KẾT QUẢ BỒI DƯỠNG VÀ KIỂM TRA LẠI"),
    ):
        response = client.get(base + suffix)
        assert response.status_code == 200, suffix
        pdf = text(response.content)
        assert title in pdf and name in pdf, suffix
    assert len(events("evaluation.training_export_pdf")) == 1
    assert len(events("evaluation.training_outcomes_export_pdf")) == 1
    stranger = make_user("tccb-xa", Role.UNIT_HR, pub.exam.province.commune)
    for suffix in ("danh-sach.pdf", "bao-cao.pdf"):
        assert client_for(stranger).get(base + suffix).status_code == 404, suffix
