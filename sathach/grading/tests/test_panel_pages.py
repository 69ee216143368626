"""The panel's pages: a member sees only the candidates of their plan's part (404 otherwise),
scores on a tablet page one candidate per screen, never sees the others' scores before
submitting; the head decides on the table; the sheets and the record print as PDF."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from sathach.audit.models import AuditEvent
from sathach.core.testing import TEST_PASSWORD
from sathach.grading.constants import PanelState
from sathach.grading.models import PanelCase
from sathach.grading.testing import make_oral_exam
from sathach.org.constants import Relation
from sathach.org.models import Relative
from sathach.plans.constants import CandidateStatus, PartKind
from sathach.plans.models import Candidate
from sathach.plans.services import blueprint_part_add, candidates_generate
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db

D = Decimal


def _client(client, user):
    client.logout()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _messages(client, response) -> list[str]:
    assert response.status_code == 302, response.status_code
    page = client.get(response["Location"])
    return [str(m) for m in page.context["messages"]]


def _pdf_text(response) -> str:
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    out = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    )
    return " ".join(out.stdout.decode().split())


@pytest.fixture
def oral(db):
    exam = make_oral_exam(3)
    exam.set_rubric()
    return exam


def _page(exam, candidate) -> str:
    return reverse("grading:panel-candidate", args=[exam.part.pk, candidate.pk])


def test_a_member_sees_only_the_candidates_of_their_plans_part(client, oral):
    # Another plan over the same units: same people, other candidates, another oral part.
    other = make_plan("KHAC", [oral.province.unit_a, oral.province.unit_b], actor=oral.organiser)
    candidates_generate(actor=oral.organiser, plan=other)
    other_part = blueprint_part_add(
        actor=oral.organiser,
        plan=other,
        order=1,
        kind=PartKind.OUTLINE_DEFENCE,
        name="Bảo vệ đề cương",
        minutes=30,
        max_score=D(100),
        pass_mark=D(50),
    )
    stranger = Candidate.objects.filter(plan=other, status=CandidateStatus.INCLUDED).first()
    member = oral.panel[1]
    _client(client, member)
    listing = client.get(reverse("grading:panel-list", args=[oral.part.pk]))
    assert listing.status_code == 200
    for candidate in oral.candidates:
        assert candidate.person.full_name in _text(listing)
    assert client.get(_page(oral, oral.candidates[0])).status_code == 200
    # Another plan's candidate under this part, or that plan's part: nothing to see.
    assert client.get(_page(oral, stranger)).status_code == 404
    assert client.post(_page(oral, stranger), {"c0": "10"}).status_code == 404
    assert client.get(reverse("grading:panel-list", args=[other_part.pk])).status_code == 404
    url = reverse("grading:panel-candidate", args=[other_part.pk, stranger.pk])
    assert client.get(url).status_code == 404
    # A plain member does not follow the whole panel; nobody off the panel scores.
    assert client.get(reverse("grading:panel-progress", args=[oral.part.pk])).status_code == 404
    for user in (oral.papers, oral.organiser):
        _client(client, user)
        assert client.get(reverse("grading:panel-list", args=[oral.part.pk])).status_code == 404
        assert client.get(_page(oral, oral.candidates[0])).status_code == 404


def test_scoring_on_the_tablet_page_hides_the_others_until_submitted(client, oral):
    candidate = oral.candidates[0]
    oral.score(candidate, oral.panel[0], "81")
    _client(client, oral.panel[1])
    page = client.get(_page(oral, candidate))
    html = page.content.decode()
    assert 'id="panel-form"' in html and 'class="panel-input"' in html
    assert "grading/grading.css" in html and "<script" not in html.split("<main")[1]
    assert candidate.person.full_name in _text(page) and candidate.number in _text(page)
    assert "81" not in _text(page)  # the head's score, not yet
    assert 'id="next"' in html and 'id="prev"' not in html
    response = client.post(
        _page(oral, candidate), {"c0": "25", "c1": "40,5", "c2": "15", "comment": "Khá"}
    )
    assert _messages(client, response) == [f"Đã nộp điểm của {candidate.person.full_name}."]
    page = client.get(_page(oral, candidate))
    assert 'id="panel-form"' not in page.content.decode()
    text = _text(page)
    assert "80,5" in text and "81" in text  # my total, then the others'
    # Refusals are shown as worded, the form kept.
    second = oral.candidates[1]
    response = client.post(_page(oral, second), {"c0": "31", "c1": "40", "c2": "10"})
    assert response.status_code == 200
    assert "Nắm vững vấn đề, căn cứ pháp lý (31) lớn hơn điểm tối đa 30." in _text(response)
    assert not PanelCase.objects.filter(candidate=second).exists()


def test_a_relative_sees_the_candidate_but_cannot_score_them(client, oral):
    candidate = oral.candidates[0]
    Relative.objects.create(
        person=oral.panel[2].person, relative=candidate.person, relation=Relation.SIBLING
    )
    _client(client, oral.panel[2])
    listing = client.get(reverse("grading:panel-list", args=[oral.part.pk]))
    assert "Không được chấm (người thân)" in _text(listing)
    page = client.get(_page(oral, candidate))
    assert 'id="barred"' in page.content.decode() and 'id="panel-form"' not in page.content.decode()
    response = client.post(_page(oral, candidate), {"c0": "20", "c1": "30", "c2": "10"})
    assert "không được chấm người này" in _text(response)
    assert not PanelCase.objects.filter(candidate=candidate).exists()


def test_the_head_follows_decides_and_prints(client, oral):
    first, second, third = oral.candidates
    for member, total in zip(oral.panel, ("70", "72", "74"), strict=True):
        oral.score(first, member, total)
    for member, total in zip(oral.panel[1:], ("40", "75"), strict=True):
        oral.score(second, member, total)
    oral.score(third, oral.panel[1], "50")
    oral.score(third, oral.panel[2], "52")
    progress = reverse("grading:panel-progress", args=[oral.part.pk])
    _client(client, oral.head)
    page = client.get(progress)
    rows = {row.candidate.pk: row for row in page.context["rows"]}
    # The head scores the second and third and has not: their scores are hidden from the head.
    assert rows[second.pk].hidden and rows[second.pk].scores == []
    assert not rows[first.pk].hidden and len(rows[first.pk].scores) == 3
    assert AuditEvent.objects.filter(action="grading.panel_progress_view").exists()
    # Nor do the combined sheet, the record or another member's sheet show them yet.
    for url in (
        reverse("grading:panel-summary-pdf", args=[oral.part.pk]),
        reverse("grading:panel-record-pdf", args=[oral.part.pk]),
        reverse("grading:panel-sheet-pdf", args=[oral.part.pk]) + f"?giam-khao={oral.panel[1].pk}",
    ):
        assert client.get(url).status_code == 403
    # The head scores the second: beyond tolerance, the decision form appears.
    oral.score(second, oral.head, "60")
    page = client.get(progress)
    assert f'id="decide-{second.pk}"' in page.content.decode()
    response = client.post(
        reverse("grading:panel-decide", args=[oral.part.pk, second.pk]),
        {"score": "62,5", "reason": "Thống nhất theo tiêu chí 2"},
    )
    assert _messages(client, response) == [f"Đã quyết định điểm của {second.person.full_name}."]
    # The head ends the third's scoring without scoring (two members scored).
    response = client.post(
        reverse("grading:panel-close", args=[oral.part.pk, third.pk]), {"reason": "Bận họp"}
    )
    assert _messages(client, response) == [f"Đã kết thúc chấm {third.person.full_name}."]
    states = dict(PanelCase.objects.values_list("candidate_id", "state"))
    assert states == {f.pk: PanelState.FINAL for f in (first, second, third)}
    # A plain member may not decide (the table is not theirs: 404).
    _client(client, oral.panel[1])
    url = reverse("grading:panel-decide", args=[oral.part.pk, second.pk])
    assert client.post(url, {"score": "1", "reason": "x"}).status_code == 404

    # The records, read back with pdftotext.
    _client(client, oral.head)
    summary = _pdf_text(client.get(reverse("grading:panel-summary-pdf", args=[oral.part.pk])))
    assert "BẢNG TỔNG HỢP ĐIỂM CHẤM VẤN ĐÁP, THỰC HÀNH" in summary
    for candidate in oral.candidates:
        assert candidate.person.full_name in summary
    assert "72" in summary and "62,5" in summary and "51" in summary
    record = _pdf_text(client.get(reverse("grading:panel-record-pdf", args=[oral.part.pk])))
    assert "BIÊN BẢN CHẤM VẤN ĐÁP, THỰC HÀNH" in record
    assert "Thống nhất theo tiêu chí 2" in record and "Bận họp" in record
    assert "Giải pháp xử lý tình huống (50 điểm)" in record
    assert "Trưởng ban quyết định 1 người" in record
    sheet_url = reverse("grading:panel-sheet-pdf", args=[oral.part.pk])
    mine = _pdf_text(client.get(sheet_url))
    assert "PHIẾU CHẤM ĐIỂM VẤN ĐÁP, THỰC HÀNH" in mine and "Thành Viên sathach1" in mine
    other = _pdf_text(client.get(f"{sheet_url}?giam-khao={oral.panel[2].pk}"))
    assert "Thành Viên sathach3" in other and third.person.full_name in other
    assert [
        e.data["examiner"]
        for e in AuditEvent.objects.filter(action="grading.panel_sheet_print").order_by("seq")
    ] == [oral.head.username, oral.panel[2].username]
    # A plain member prints only their own sheet.
    _client(client, oral.panel[1])
    assert client.get(sheet_url).status_code == 200
    assert client.get(f"{sheet_url}?giam-khao={oral.panel[2].pk}").status_code == 404
    assert client.get(reverse("grading:panel-record-pdf", args=[oral.part.pk])).status_code == 404


def test_the_rubric_page_and_the_home_page(client, db):
    exam = make_oral_exam(2)
    url = reverse("grading:rubric-edit", args=[exam.part.pk])
    _client(client, exam.head)
    assert client.get(url).status_code == 404
    _client(client, exam.papers)
    response = client.post(url, {"criteria": "Nắm vấn đề | 30\nGiải pháp | 60", "guidance": ""})
    assert "Tổng điểm tối đa các tiêu chí (90) khác điểm tối đa của phần thi (100)." in _text(
        response
    )
    response = client.post(
        url, {"criteria": "Nắm vấn đề | 30\nGiải pháp | 70", "guidance": "Theo đáp án"}
    )
    assert _messages(client, response) == ["Đã lưu tiêu chí chấm."]
    assert "Giải pháp | 70" in client.get(url).content.decode()
    _client(client, exam.panel[1])
    home = client.get(reverse("grading:home")).content.decode()
    assert reverse("grading:panel-list", args=[exam.part.pk]) in home
    assert reverse("grading:panel-progress", args=[exam.part.pk]) not in home
    _client(client, exam.head)
    home = client.get(reverse("grading:home")).content.decode()
    assert reverse("grading:panel-progress", args=[exam.part.pk]) in home


def test_the_panels_lists_take_a_fixed_number_of_queries(client, oral):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sathach.core.testing import make_person

    member, head = oral.panel[1], oral.head
    pages = (
        (member, reverse("grading:panel-list", args=[oral.part.pk])),
        (head, reverse("grading:panel-progress", args=[oral.part.pk])),
    )

    def counts():
        found = []
        for user, url in pages:
            _client(client, user)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    for examiner, total in zip(oral.panel, ("70", "71", "72"), strict=True):
        oral.score(oral.candidates[0], examiner, total)
    few = counts()
    # Two more candidates, and every candidate scored by everyone: no more queries.
    for i in (4, 5):
        make_person(f"TSVD{i:03d}", f"Lê Văn Vấn Đáp Số {i}", oral.province.unit_a)
    candidates_generate(actor=oral.organiser, plan=oral.plan)
    everyone = list(
        Candidate.objects.filter(plan=oral.plan, status=CandidateStatus.INCLUDED).order_by("number")
    )
    assert len(everyone) == 5
    for candidate in everyone[1:]:
        for examiner, total in zip(oral.panel, ("70", "71", "72"), strict=True):
            oral.score(candidate, examiner, total)
    assert counts() == few
