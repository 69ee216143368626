"""Background jobs: enqueue after commit, run by the database worker, progress, file, failure."""

from __future__ import annotations

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.core.errors import ServiceError
from sathach.core.testing import TEST_PASSWORD, make_user
from sathach.tasks.constants import JobState
from sathach.tasks.models import Job
from sathach.tasks.registry import JobOutput, register
from sathach.tasks.services import job_enqueue, job_progress
from sathach.tasks.testing import run_jobs

SEEN: list[tuple[int, int, str]] = []


def _echo(job: Job) -> JobOutput:
    """Two steps; between them, what the job's page would read is recorded."""
    job_progress(job_id=job.pk, done=1, total=2, message="Bước một")
    row = Job.objects.get(pk=job.pk)
    SEEN.append((row.done, row.total, row.message))
    return JobOutput(job.params["text"].encode(), "Bảng kê.txt", "text/plain; charset=utf-8")


def _refuse(job: Job) -> JobOutput:
    raise ServiceError("Phòng P101 chưa có ai ngồi.")


def _crash(job: Job) -> JobOutput:
    raise RuntimeError("bug")


register("tests.echo", _echo)
register("tests.refuse", _refuse)
register("tests.crash", _crash)


@pytest.fixture
def owner(province):
    return make_user("tochuc", Role.ORGANISER, province.root)


def _client(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


@pytest.mark.django_db(transaction=True)
def test_a_job_is_queued_on_commit_and_the_worker_runs_it_to_its_file(owner):
    SEEN.clear()
    job = job_enqueue(actor=owner, kind="tests.echo", title="Bảng  kê", params={"text": "Đạt"})
    job.refresh_from_db()
    assert (job.state, job.title, job.created_by) == (JobState.QUEUED, "Bảng kê", owner)
    queued = DBTaskResult.objects.get()
    assert job.task_result_id == str(queued.id)
    assert queued.task_path == "sathach.tasks.tasks.job_run" and queued.args_kwargs == {
        "args": [job.pk],
        "kwargs": {},
    }

    run_jobs()

    job.refresh_from_db()
    assert SEEN == [(1, 2, "Bước một")]
    assert (job.state, job.done, job.total, job.percent) == (JobState.DONE, 2, 2, 100)
    assert bytes(job.result) == "Đạt".encode() and job.filename == "Bảng kê.txt"
    assert job.started_at <= job.finished_at
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-2:] == ["tasks.job_enqueue", "tasks.job_finish"]


@pytest.mark.django_db(transaction=True)
def test_a_refusal_fails_the_job_with_its_message(owner):
    job = job_enqueue(actor=owner, kind="tests.refuse", title="Hồ sơ phòng", params={})
    run_jobs()
    job.refresh_from_db()
    assert (job.state, job.error, job.filename) == (
        JobState.FAILED,
        "Phòng P101 chưa có ai ngồi.",
        "",
    )
    assert AuditEvent.objects.filter(action="tasks.job_fail").count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_unexpected_error_fails_the_job_and_the_queue_keeps_the_traceback(owner):
    job = job_enqueue(actor=owner, kind="tests.crash", title="Hồ sơ phòng", params={})
    run_jobs()
    job.refresh_from_db()
    assert (job.state, job.error) == (
        JobState.FAILED,
        "Công việc gặp lỗi ngoài dự kiến. Hãy báo quản trị.",
    )
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED" and "RuntimeError: bug" in result.traceback


@pytest.mark.django_db(transaction=True)
def test_a_job_that_rolls_back_is_never_queued(owner):
    from django.db import transaction

    with pytest.raises(ZeroDivisionError), transaction.atomic():
        job_enqueue(actor=owner, kind="tests.echo", title="Bảng kê", params={"text": "x"})
        1 / 0  # noqa: B018
    assert not Job.objects.exists() and not DBTaskResult.objects.exists()


def test_an_unknown_kind_is_refused(owner):
    with pytest.raises(ServiceError) as refusal:
        job_enqueue(actor=owner, kind="tests.nothing", title="x", params={})
    assert refusal.value.message == "Không có loại công việc “tests.nothing”."
    assert not Job.objects.exists()


def test_progress_is_clamped_and_touches_only_a_running_job(owner):
    job = Job.objects.create(kind="tests.echo", title="x", created_by=owner)
    job_progress(job_id=job.pk, done=3, total=5)
    job.refresh_from_db()
    assert (job.done, job.total) == (0, 0)  # still queued: not started, nothing to show
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING)
    job_progress(job_id=job.pk, done=9, total=5, message="Trang 5")
    job.refresh_from_db()
    assert (job.done, job.total, job.message, job.percent) == (5, 5, "Trang 5", 100)
    job_progress(job_id=job.pk, done=2, total=8)
    job.refresh_from_db()
    assert (job.done, job.total, job.percent) == (2, 8, 25)


# --- The job's page ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_owner_watches_the_bar_poll_until_done_then_downloads_the_file(owner):
    job = job_enqueue(actor=owner, kind="tests.echo", title="Bảng kê", params={"text": "Đạt"})
    client = _client(owner)
    html = client.get(f"/cong-viec/{job.pk}/").content.decode()
    assert "<h1>Bảng kê</h1>" in html
    assert '<span class="badge" id="job-state">Đang chờ</span>' in html
    assert '<progress id="job-bar" max="100" value="0"' in html
    assert f'hx-get="/cong-viec/{job.pk}/tien-do/" hx-trigger="every 1s"' in html
    assert "job-download" not in html
    assert "<script>" not in html and "style=" not in html  # CSP: nothing inline

    run_jobs()

    fragment = client.get(f"/cong-viec/{job.pk}/tien-do/").content.decode()
    assert fragment.startswith('<div id="job-progress">')  # finished: no more polling
    assert '<span class="badge" id="job-state">Hoàn thành</span>' in fragment
    assert '<progress id="job-bar" max="100" value="100"' in fragment
    assert f'href="/cong-viec/{job.pk}/tai-ve/"' in fragment
    response = client.get(f"/cong-viec/{job.pk}/tai-ve/")
    assert response.status_code == 200 and response.content == "Đạt".encode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Bang ke.txt\"; filename*=UTF-8''B%E1%BA%A3ng%20k%C3%AA.txt"
    )


def test_another_user_gets_404_and_an_administrator_sees_the_state_but_not_the_file(
    owner, province
):
    job = Job.objects.create(
        kind="tests.echo",
        title="Hồ sơ phòng P101",
        created_by=owner,
        state=JobState.DONE,
        result=b"%PDF-",
        filename="p101.pdf",
        content_type="application/pdf",
    )
    other = make_user("tochuc2", Role.ORGANISER, province.root)
    for tail in ("", "tien-do/", "tai-ve/"):
        assert _client(other).get(f"/cong-viec/{job.pk}/{tail}").status_code == 404
    admin = _client(make_user("quantri", Role.ADMIN, province.root))
    page = admin.get(f"/cong-viec/{job.pk}/")
    assert page.status_code == 200 and "Hoàn thành" in page.content.decode()
    assert "job-download" not in page.content.decode()
    assert admin.get(f"/cong-viec/{job.pk}/tai-ve/").status_code == 404
    assert _client(owner).get(f"/cong-viec/{job.pk}/tai-ve/").content == b"%PDF-"
    assert Client().get(f"/cong-viec/{job.pk}/").status_code == 302  # sign in first


def test_a_failed_job_shows_its_error(owner):
    job = Job.objects.create(
        kind="tests.refuse",
        title="Hồ sơ phòng",
        created_by=owner,
        state=JobState.FAILED,
        error="Phòng P101 chưa có ai ngồi.",
    )
    html = _client(owner).get(f"/cong-viec/{job.pk}/").content.decode()
    assert '<p class="errors" id="job-error">Phòng P101 chưa có ai ngồi.</p>' in html
    assert '<span class="badge" id="job-state">Lỗi</span>' in html
    assert "hx-trigger" not in html
