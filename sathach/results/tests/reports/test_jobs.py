"""The long PDFs as background jobs: queued from the pages, made by the worker in this process
with progress, downloaded from the job's page; the job re-checks its owner's scope."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sathach.accounts.models import RoleAssignment
from sathach.core.testing import TEST_PASSWORD
from sathach.tasks.constants import JobState
from sathach.tasks.models import Job
from sathach.tasks.testing import run_jobs

from .helpers import make_report_exam, unit_hr

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def exam():
    return make_report_exam()


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def _job_of(response: Any) -> Job:
    assert response.status_code == 302
    prefix = "/cong-viec/"
    assert response["Location"].startswith(prefix)
    return Job.objects.get(pk=int(response["Location"][len(prefix) :].strip("/")))


def _text(content: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def test_results_summary_job_makes_the_pdf_with_progress(exam):
    client = _client(exam.organiser)
    job = _job_of(client.post(reverse("reports:summary-pdf", args=[exam.plan.code])))
    assert job.state == JobState.QUEUED and job.title == "Bảng tổng hợp kết quả — THI"
    page = client.get(f"/cong-viec/{job.pk}/").content.decode()
    assert "Đang chờ" in page

    run_jobs()

    job.refresh_from_db()
    assert (job.state, job.error, job.content_type) == (JobState.DONE, "", "application/pdf")
    assert job.filename == "bang-tong-hop-THI.pdf" and job.percent == 100
    text = _text(bytes(job.result))
    assert "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH" in text
    assert "Nguyễn Văn Thí Sinh 1" in text and "Nguyễn Văn Thí Sinh 6" in text
    download = client.get(reverse("tasks:job-download", args=[job.pk]))
    assert download.status_code == 200 and bytes(download.content) == bytes(job.result)


def test_a_unit_hr_job_prints_their_unit_only(exam):
    hr = unit_hr(exam, exam.province.unit_b)
    client = _client(hr)
    url = reverse("reports:summary-pdf", args=[exam.plan.code]) + "?don-vi=SNV"
    job = _job_of(client.post(url))
    assert job.params == {"plan": "THI", "unit": "SNV"}
    run_jobs()
    job.refresh_from_db()
    text = _text(bytes(job.result))
    assert job.filename == "bang-tong-hop-THI-SNV.pdf"
    assert "Nguyễn Văn Thí Sinh 2" in text and "Nguyễn Văn Thí Sinh 1" not in text
    other = reverse("reports:summary-pdf", args=[exam.plan.code]) + "?don-vi=BTC"
    assert client.post(other).status_code == 404


def test_a_job_whose_owner_lost_the_scope_fails_with_a_message(exam):
    hr = unit_hr(exam, exam.province.unit_b)
    job = _job_of(_client(hr).post(reverse("reports:summary-pdf", args=[exam.plan.code])))
    RoleAssignment.objects.filter(user=hr).update(is_active=False)
    run_jobs()
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error == "Không tìm thấy dữ liệu của công việc, hoặc bạn không còn quyền xem."


def test_sitting_records_job_prints_every_rooms_list_and_record(exam):
    client = _client(exam.organiser)
    url = reverse("reports:sitting-records", args=[exam.plan.code, exam.sitting.pk])
    job = _job_of(client.post(url))
    run_jobs()
    job.refresh_from_db()
    assert (job.state, job.error) == (JobState.DONE, "")
    assert job.filename == f"ho-so-phong-thi-THI-ca{exam.sitting.pk}.pdf"
    text = _text(bytes(job.result))
    assert text.index("DANH SÁCH THÍ SINH DỰ KIỂM TRA") < text.index("BIÊN BẢN PHÒNG THI")
    assert (job.done, job.total) == (2, 2)
    assert _client(unit_hr(exam, exam.province.unit_b)).post(url).status_code == 404
