"""The plan's PDFs as background jobs: queued from the plan's page, made by the worker with
progress, downloaded from the job's page; scoped like the pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sathach.accounts.constants import Role
from sathach.core.testing import TEST_PASSWORD, make_unit, make_user
from sathach.plans.tasks import room_pdf_enqueue
from sathach.tasks.constants import JobState
from sathach.tasks.models import Job
from sathach.tasks.testing import run_jobs

from .test_pdf import _text, exam  # noqa: F401 - the fixture of a small paper exam


def _client(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def _job_of(response) -> Job:
    assert response.status_code == 302
    prefix = "/cong-viec/"
    assert response["Location"].startswith(prefix)
    return Job.objects.get(pk=int(response["Location"][len(prefix) :].strip("/")))


def _urls(exam):  # noqa: F811
    plan, sitting, room = exam["plan"], exam["sitting"], exam["room"]
    part = sitting.part
    return {
        "room": reverse("plans:room-pdf", args=[plan.code, sitting.pk, room.pk]),
        "slips": reverse("plans:admission-slips-pdf", args=[plan.code, sitting.pk]),
        "variant": reverse("plans:variant-pdf", args=[plan.code, part.pk, 2]),
        "sheet": reverse("plans:answer-sheet-pdf", args=[plan.code, part.pk, 1]),
        "declaration": reverse("plans:declaration-pdf", args=[plan.code, exam["proctors"][0].pk]),
    }


@pytest.mark.django_db(transaction=True)
def test_every_pdf_button_queues_a_job_that_the_worker_makes_with_progress(exam, organiser):  # noqa: F811
    client = _client(organiser)
    jobs = {name: _job_of(client.post(url)) for name, url in _urls(exam).items()}
    assert {j.state for j in jobs.values()} == {JobState.QUEUED}
    page = client.get(f"/cong-viec/{jobs['room'].pk}/").content.decode()
    assert "<h1>Hồ sơ phòng P.101 — " in page and "Đang chờ" in page

    run_jobs()

    for job in jobs.values():
        job.refresh_from_db()
        assert (job.state, job.error, job.content_type) == (JobState.DONE, "", "application/pdf")
    sitting, room = exam["sitting"], exam["room"]
    part = sitting.part
    assert jobs["room"].filename == f"TEST-PDF-ca{sitting.pk}-phong{room.pk}.pdf"
    assert jobs["room"].total == 5  # list, seat plan, two variants' papers, joining
    assert jobs["slips"].total == 6  # one step a candidate
    assert jobs["variant"].filename == f"TEST-PDF-phan{part.order}-de2.pdf"
    assert jobs["sheet"].filename == f"TEST-PDF-phan{part.order}-phieu-tra-loi-de1.pdf"
    assert jobs["declaration"].title == "Bản cam kết xung đột lợi ích — Đỗ Minh Khôi"

    def downloaded(name: str) -> str:
        response = client.get(f"/cong-viec/{jobs[name].pk}/tai-ve/")
        assert response["Content-Type"] == "application/pdf"
        return _text(response.content)

    text = downloaded("room")
    for expected in ("DANH SÁCH THÍ SINH DỰ KIỂM TRA", "SƠ ĐỒ CHỖ NGỒI PHÒNG THI", "Phòng: P.101"):
        assert expected in text, expected
    assert text.count("— HẾT —") == 2
    assert downloaded("slips").count("GIẤY BÁO DỰ KIỂM TRA") == 6
    text = downloaded("variant")
    assert "Đề số 2" in text and "PHIẾU TRẢ LỜI TRẮC NGHIỆM" in text
    text = downloaded("sheet")
    assert "PHIẾU TRẢ LỜI TRẮC NGHIỆM" in text and "— HẾT —" not in text
    text = downloaded("declaration")
    assert "BẢN CAM KẾT VÀ KHAI XUNG ĐỘT LỢI ÍCH" in text and "Đỗ Minh Khôi" in text


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_owner_lost_the_plan_fails_without_printing(exam, organiser):  # noqa: F811
    job = room_pdf_enqueue(actor=organiser, sitting=exam["sitting"], room=exam["room"])
    organiser.role_assignments.update(is_active=False)
    run_jobs()
    job.refresh_from_db()
    assert (job.state, job.error, bytes(job.result)) == (
        JobState.FAILED,
        "Không tìm thấy dữ liệu của công việc, hoặc bạn không còn quyền xem.",
        b"",
    )


@pytest.mark.django_db
def test_a_reader_may_not_print_and_an_outsider_does_not_see_the_plan(exam, province):  # noqa: F811
    reader = _client(make_user("canbo", Role.UNIT_HR, province.unit_a))
    school = make_unit("SGD-X", "Sở Giáo dục", province.state)
    outsider = _client(make_user("ngoai", Role.UNIT_HR, school))
    for name, url in _urls(exam).items():
        assert reader.post(url).status_code == 403, name
        assert outsider.post(url).status_code == 404, name
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_member_prints_their_own_declaration_only(exam):  # noqa: F811
    first, second = exam["proctors"]
    member = make_user("giamthi1", person=first.person)
    client = _client(member)
    plan = exam["plan"]
    own = client.post(reverse("plans:declaration-pdf", args=[plan.code, first.pk]))
    assert _job_of(own).created_by == member
    other = client.post(reverse("plans:declaration-pdf", args=[plan.code, second.pk]))
    assert other.status_code == 403
    assert Job.objects.count() == 1


@pytest.mark.django_db
def test_the_plan_page_offers_every_pdf_as_a_post_button(exam, organiser):  # noqa: F811
    html = _client(organiser).get(reverse("plans:plan-detail", args=["TEST-PDF"])).content
    html = html.decode()
    for url in _urls(exam).values():
        assert f'<form method="post" action="{url}">' in html, url
    assert "Tải hồ sơ phòng P.101 (PDF)</button>" in html
    assert "In giấy báo dự kiểm tra (PDF)</button>" in html
    assert "In đề số 2 (PDF)</button>" in html and "In phiếu trả lời đề số 1 (PDF)</button>" in html
    assert html.count("In bản cam kết (PDF)</button>") == 2
