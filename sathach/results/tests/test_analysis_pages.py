"""The item analysis pages (no browser): summary, flagged items with their reasons and a link to
rescoring, the table sorted by flags, distractor frequencies, the Excel export, calibration
behind a confirmation listing old → new values, the similarity review page, and who may see
what (organiser; Ban đề thi reads; proctors, candidates, unit readers get 404)."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.bank.models import ItemVersion
from sathach.core.testing import TEST_PASSWORD, make_person, make_user
from sathach.delivery.testing import make_exam
from sathach.plans.constants import Board
from sathach.plans.services import board_member_add
from sathach.results import views_analysis
from sathach.results.analysis import part_analyse
from sathach.results.models import ItemAnalysis, SimilarityConclusion, SimilarityFlag
from sathach.results.tasks import PART_ANALYSE
from sathach.results.tests.test_analysis import TwoRooms, sit_two_rooms
from sathach.tasks.models import Job

pytestmark = pytest.mark.django_db

NOT_PROOF = (
    "Đây là tín hiệu thống kê để người có thẩm quyền xem xét, không phải bằng chứng vi phạm."
)


def _login(client: Any, user: Any) -> None:
    client.logout()
    assert client.login(username=user.username, password=TEST_PASSWORD)


@pytest.fixture
def sat() -> TwoRooms:
    return sit_two_rooms(make_exam(12))


@pytest.fixture
def analysis(sat: TwoRooms) -> ItemAnalysis:
    return part_analyse(actor=sat.exam.organiser, part=sat.exam.part, irt=True)


@pytest.fixture
def papers(sat: TwoRooms) -> Any:
    """A member of Ban đề thi of the plan."""
    person = make_person("DT1", "Người Ra Đề", sat.exam.province.commune)
    user = make_user("bandethi", None, person=person)
    board_member_add(
        actor=sat.exam.organiser, plan=sat.exam.plan, board=Board.PAPERS, person=person, user=user
    )
    return user


def _part_url(sat: TwoRooms) -> str:
    return reverse("results:part-analysis", args=["THI", sat.exam.part.pk])


def _url(name: str, pk: int) -> str:
    return reverse(f"results:{name}", args=["THI", pk])


def _ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr id="stat-(\d+)"', page)]


# --- The organiser's pages ------------------------------------------------------------------------


def test_part_page_shows_the_summary_flags_with_reasons_and_links_and_distractors(
    client, sat, analysis
):
    _login(client, sat.exam.organiser)
    page = client.get(_part_url(sat)).content.decode()
    assert '<dd id="summary-persons">12</dd>' in page
    assert '<dd id="summary-items">14</dd>' in page
    assert f"{analysis.alpha:.3f}".replace(".", ",") in page
    assert f"{analysis.sem:.2f}".replace(".", ",") in page
    flagged = list(analysis.statistics.exclude(flags=[]).select_related("item"))
    assert flagged
    for stat in flagged:
        block = page[page.index(f'id="flagged-{stat.item_id}"') :]
        block = block[: block.index("</li>\n    \n")]
        for flag in stat.flags:
            assert flag["reason"].replace("<", "&lt;").replace(">", "&gt;") in block
        rescore = reverse("delivery:rescore-item", args=["THI", sat.exam.part.pk, stat.item_id])
        assert f'href="{rescore}"' in block
    single = analysis.statistics.filter(item__kind="single").first()
    assert f'id="distractors-{single.item_id}"' in page
    for distractor in single.distractors:
        assert distractor["text"] in page
    assert 'id="calibration-link"' in page and 'id="similarity-link"' in page
    assert "Bài làm giống nhau bất thường: 1 cặp (1 chưa xem xét)" in page


def test_the_table_sorts_flagged_items_first(client, sat, analysis):
    _login(client, sat.exam.organiser)
    by_position = _ids(client.get(_part_url(sat)).content.decode())
    by_flags = _ids(client.get(_part_url(sat) + "?sort=flags").content.decode())
    stats = {s.item_id: s for s in analysis.statistics.all()}
    assert by_position == [s.item_id for s in analysis.statistics.order_by("position")]
    counts = [stats[i].flag_count for i in by_flags]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert sorted(by_flags) == sorted(by_position)


def test_the_detail_page_reads_in_a_fixed_number_of_queries(
    client, sat, analysis, django_assert_num_queries
):
    _login(client, sat.exam.organiser)
    url = _url("item-analysis-detail", analysis.pk)
    client.get(url)
    with django_assert_num_queries(17):
        assert client.get(url).status_code == 200


def test_a_part_without_analysis_offers_the_run_which_queues_a_job(client, sat):
    _login(client, sat.exam.organiser)
    page = client.get(_part_url(sat)).content.decode()
    assert "Chưa có lần phân tích nào." in page and 'id="run-form"' in page
    response = client.post(
        reverse("results:item-analysis-run", args=["THI", sat.exam.part.pk]), {"irt": "on"}
    )
    job = Job.objects.get(kind=PART_ANALYSE)
    assert response.status_code == 302
    assert response["Location"] == reverse("tasks:job-detail", args=[job.pk])
    assert job.params == {"plan": "THI", "part": sat.exam.part.pk, "irt": True}
    page = client.get(_part_url(sat)).content.decode()
    assert reverse("tasks:job-detail", args=[job.pk]) in page


def test_the_export_is_the_item_table_as_a_workbook_and_is_audited(client, sat, analysis):
    _login(client, sat.exam.organiser)
    response = client.get(_url("item-analysis-export", analysis.pk))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    stats = list(analysis.statistics.order_by("position"))
    assert sheet.cell(5, 6).value == "Độ khó p"
    assert [sheet.cell(6 + i, 2).value for i in range(len(stats))] == [
        f"#{s.item_id}" for s in stats
    ]
    first = stats[0]
    assert sheet.cell(6, 5).value == first.n
    assert sheet.cell(6, 6).value == pytest.approx(first.facility)
    (event,) = AuditEvent.objects.filter(action="results.item_analysis_export")
    assert event.actor_id == sat.exam.organiser.pk


def test_calibration_page_lists_old_and_new_values_and_writes_after_confirmation(
    client, sat, analysis, monkeypatch
):
    _login(client, sat.exam.organiser)
    url = _url("calibration-apply", analysis.pk)
    page = client.get(url).content.decode()
    assert "Mới có" in page and "cần ít nhất 200." in page
    assert "disabled" in page
    refused = client.post(url, {"confirm": "on"})
    assert refused.status_code == 400
    assert (
        "Chưa câu hỏi nào đủ điều kiện đưa tham số về ngân hàng: mỗi câu cần ít nhất 200 người "
        "làm." in refused.content.decode()
    )

    monkeypatch.setattr(views_analysis, "MIN_CALIBRATION_PERSONS", 1)
    stat = analysis.statistics.exclude(irt_a=None).first()
    ItemVersion.objects.filter(pk=stat.item_id).update(facility=0.123)
    page = client.get(url).content.decode()
    row = page[page.index(f'id="calibrate-{stat.item_id}"') :]
    row = row[: row.index("</tr>")]
    new_p = f"{stat.facility:.3f}".replace(".", ",")
    assert f"0,123 → {new_p}" in row
    assert f"— → {stat.irt_a:.3f}".replace(".", ",") in row
    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 400
    assert "Hãy đánh dấu xác nhận trước khi ghi." in unconfirmed.content.decode()
    assert ItemVersion.objects.get(pk=stat.item_id).irt_a is None

    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    version = ItemVersion.objects.get(pk=stat.item_id)
    assert (version.irt_a, version.irt_b) == (stat.irt_a, stat.irt_b)
    assert version.facility == pytest.approx(stat.facility)
    assert AuditEvent.objects.filter(action="results.calibration_apply").count() == 1


def test_similarity_page_says_it_is_a_signal_not_proof_and_records_a_review(client, sat, analysis):
    _login(client, sat.exam.organiser)
    flag = SimilarityFlag.objects.get(analysis=analysis)
    url = _url("similarity-list", analysis.pk)
    page = client.get(url).content.decode()
    assert NOT_PROOF in page
    assert flag.attempt_a.candidate.number in page and flag.attempt_b.candidate.number in page
    assert "Chưa xem xét" in page
    review = reverse("results:similarity-review", args=["THI", flag.pk])
    response = client.post(review, {"conclusion": SimilarityConclusion.NO_CONCERN, "note": ""})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Hãy ghi nhận xét" in page
    client.post(
        review,
        {"conclusion": SimilarityConclusion.NO_CONCERN, "note": "Hai người ngồi hai đầu phòng."},
    )
    flag.refresh_from_db()
    assert flag.reviewed and flag.conclusion == SimilarityConclusion.NO_CONCERN
    page = client.get(url).content.decode()
    assert "Đã xem xét" in page and "Hai người ngồi hai đầu phòng." in page


# --- Who sees what ---------------------------------------------------------------------------


def _get_urls(sat: TwoRooms, analysis: ItemAnalysis) -> list[str]:
    return [
        _part_url(sat),
        _url("item-analysis-detail", analysis.pk),
        _url("item-analysis-export", analysis.pk),
        _url("calibration-apply", analysis.pk),
        _url("similarity-list", analysis.pk),
    ]


def test_proctors_candidates_and_unit_readers_get_404_everywhere(client, sat, analysis):
    candidate = sat.exam.candidates[0]
    outsiders = [
        sat.exam.proctors[0],
        make_user("ts0001", Role.CANDIDATE, person=candidate.person),
        make_user("canbo", Role.UNIT_HR, sat.exam.province.unit_a),
    ]
    flag = SimilarityFlag.objects.get(analysis=analysis)
    for user in outsiders:
        _login(client, user)
        for url in _get_urls(sat, analysis):
            assert client.get(url).status_code == 404, (user, url)
        run = reverse("results:item-analysis-run", args=["THI", sat.exam.part.pk])
        assert client.post(run, {"irt": "on"}).status_code == 404
        review = reverse("results:similarity-review", args=["THI", flag.pk])
        assert client.post(review, {"conclusion": "referred", "note": "x"}).status_code == 404
        assert (
            client.post(_url("calibration-apply", analysis.pk), {"confirm": "on"}).status_code
            == 404
        )
    assert not Job.objects.exists()
    flag.refresh_from_db()
    assert not flag.reviewed


def test_the_papers_board_reads_the_statistics_but_acts_on_nothing(client, sat, analysis, papers):
    _login(client, papers)
    page = client.get(_part_url(sat)).content.decode()
    assert '<dd id="summary-persons">12</dd>' in page
    assert 'id="run-form"' not in page and 'id="calibration-link"' not in page
    assert 'id="similarity-link"' not in page and "rescore-link" not in page
    assert client.get(_url("item-analysis-detail", analysis.pk)).status_code == 200
    assert client.get(_url("item-analysis-export", analysis.pk)).status_code == 200
    assert client.get(_url("calibration-apply", analysis.pk)).status_code == 403
    assert client.post(_url("calibration-apply", analysis.pk), {"confirm": "on"}).status_code == 403
    run = reverse("results:item-analysis-run", args=["THI", sat.exam.part.pk])
    assert client.post(run, {"irt": "on"}).status_code == 403
    # The similarity pages name candidates: not for a paper setter.
    assert client.get(_url("similarity-list", analysis.pk)).status_code == 404
    flag = SimilarityFlag.objects.get(analysis=analysis)
    review = reverse("results:similarity-review", args=["THI", flag.pk])
    assert client.post(review, {"conclusion": "referred", "note": "x"}).status_code == 404
    assert not Job.objects.exists()
