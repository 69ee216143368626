"""The marking pages: each board sees its own pages and nobody else's (404), every action is
one form post, refusals are shown as the services word them, reads of scripts and identities
are audited, the marker's independence holds on every page."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sathach.audit.models import AuditEvent
from sathach.bank.testing import tiny_png
from sathach.core.testing import TEST_PASSWORD
from sathach.grading.constants import ScriptState
from sathach.grading.models import Mark, MarkingGuide, PartMarking, ScanPage

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


def _first_mark(exam) -> Mark:
    return exam.marks(exam.scripts()[0])[0]


# --- Scope ------------------------------------------------------------------------------------


def test_a_marker_opens_only_their_own_scripts(client, assigned):
    mine = _first_mark(assigned)
    others = Mark.objects.exclude(marker=mine.marker)
    _client(client, mine.marker)
    assert client.get(reverse("grading:mark-detail", args=[mine.pk])).status_code == 200
    for other in others:
        url = reverse("grading:mark-detail", args=[other.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"total": "50"}).status_code == 404
        assert client.post(reverse("grading:mark-agree", args=[other.pk])).status_code == 404


def test_identities_are_for_ban_phach_the_chair_and_the_organiser_only(client, assigned):
    url = reverse("grading:part-coding", args=[assigned.part.pk])
    pdf = reverse("grading:coding-pdf", args=[assigned.part.pk])
    for user in (*assigned.markers, *assigned.appeals, assigned.papers):
        _client(client, user)
        assert client.get(url).status_code == 404
        assert client.get(pdf).status_code == 404
    for user in (assigned.coder, assigned.chair, assigned.organiser):
        _client(client, user)
        response = client.get(url)
        assert response.status_code == 200
        for candidate in assigned.candidates:
            assert candidate.person.full_name in _text(response)
            assert assigned.script_of(candidate).code in _text(response)
    events = AuditEvent.objects.filter(action="grading.identities_view")
    assert [e.actor_username for e in events.order_by("seq")] == [
        assigned.coder.username,
        assigned.chair.username,
        assigned.organiser.username,
    ]


def test_only_ban_phach_acts_on_the_coding_page(client, exam):
    _client(client, exam.chair)
    response = client.get(reverse("grading:part-coding", args=[exam.part.pk]))
    assert 'id="collect"' not in response.content.decode()
    assert client.post(reverse("grading:scripts-collect", args=[exam.part.pk])).status_code == 404
    _client(client, exam.coder)
    response = client.post(reverse("grading:scripts-collect", args=[exam.part.pk]))
    assert _messages(client, response) == ["Đã thu thêm 4 bài thi."]
    response = client.post(reverse("grading:scripts-code", args=[exam.part.pk]))
    assert _messages(client, response) == ["Đã đánh số phách 4 bài thi."]
    response = client.post(reverse("grading:scripts-code", args=[exam.part.pk]))
    assert _messages(client, response) == ["Không còn bài nào chờ đánh số phách."]


def test_the_head_of_marking_follows_and_assigns_plain_markers_cannot(client, coded):
    progress = reverse("grading:part-progress", args=[coded.part.pk])
    assign = reverse("grading:markers-assign", args=[coded.part.pk])
    for user in (coded.markers[1], coded.coder, coded.appeals_head):
        _client(client, user)
        assert client.get(progress).status_code == 404
        assert client.get(assign).status_code == 404
    _client(client, coded.marking_head)
    assert client.get(progress).status_code == 200
    assert AuditEvent.objects.get(action="grading.progress_view").actor_username == (
        coded.marking_head.username
    )
    page = client.get(assign)
    assert _text(page).count("4") >= 1 and page.context["waiting"] == 4
    assert page.context["markers"] == 4
    response = client.post(assign, {"seed": "5"})
    assert _messages(client, response) == ["Tôi xác nhận: Trường này là bắt buộc."]
    assert not Mark.objects.exists()
    response = client.post(assign, {"seed": "5", "confirm": "on"})
    assert _messages(client, response) == ["Đã phân công chấm 4 bài (số ngẫu nhiên 5)."]
    assert PartMarking.objects.get(part=coded.part).assign_seed == 5
    assert Mark.objects.count() == 8


def test_scanned_pages_are_served_only_to_those_assigned(client, paper_exam):
    paper_exam.collect_and_code()
    paper_exam.set_guide()
    paper_exam.assign()
    script = paper_exam.scripts()[0]
    page = ScanPage.objects.get(script=script)
    url = reverse("grading:scan-page", args=[page.pk])
    markers = {m.marker for m in paper_exam.marks(script)}
    for user in set(paper_exam.markers[1:]) - markers:
        _client(client, user)
        assert client.get(url).status_code == 404
    for user in (paper_exam.organiser, paper_exam.chair, paper_exam.appeals[1]):
        _client(client, user)
        assert client.get(url).status_code == 404
    for user in (*markers, paper_exam.coder, paper_exam.marking_head):
        _client(client, user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response["Cache-Control"] == "private, no-store"
        assert script.code in response["Content-Disposition"]
        assert b"".join(response.streaming_content) == tiny_png()
    assert AuditEvent.objects.filter(action="grading.scan_view").count() == len(markers) + 2


def test_the_decision_page_is_the_head_of_markings(client, assigned):
    script = assigned.scripts()[0]
    url = reverse("grading:script-decide", args=[script.pk])
    for user in (*assigned.markers[1:], assigned.organiser, assigned.chair, assigned.coder):
        _client(client, user)
        assert client.get(url).status_code == 404
    _client(client, assigned.marking_head)
    assert client.get(url).status_code == 200


# --- Marking through the pages ---------------------------------------------------------------


def test_marking_page_shows_script_and_guide_side_by_side(client, assigned):
    mark = _first_mark(assigned)
    _client(client, mark.marker)
    response = client.get(reverse("grading:mark-detail", args=[mark.pk]))
    html = response.content.decode()
    assert 'class="editor"' in html
    assert 'id="script-content"' in html and 'id="guide"' in html
    text = _text(response)
    for answer in mark.script.answers:
        assert answer["text"] in text
    assert "Trình bày các nội dung quản lý cán bộ, công chức" in text
    assert "Nêu đủ: tuyển dụng, sử dụng, đánh giá, khen thưởng kỷ luật." in text
    assert "mỗi ý 10 điểm" in text
    assert 'id="mark-form"' in html
    event = AuditEvent.objects.get(action="grading.script_open")
    assert event.actor_username == mark.marker.username
    assert event.target_id == str(mark.script_id)


def test_a_mark_is_submitted_once_through_the_form(client, assigned):
    mark = _first_mark(assigned)
    url = reverse("grading:mark-detail", args=[mark.pk])
    _client(client, mark.marker)
    response = client.post(url, {"q0": "30", "q1": "20", "total": "51"})
    assert response.status_code == 200
    assert "Tổng điểm các câu (50) khác tổng điểm đã ghi (51)." in _text(response)
    response = client.post(url, {"q0": "30,5", "q1": "20", "total": "50,5", "comment": "Khá"})
    assert _messages(client, response) == [f"Đã nộp điểm bài số phách {mark.script.code}."]
    mark.refresh_from_db()
    assert mark.score == D("50.5") and mark.question_scores == ["30.5", "20"]
    page = client.get(url)
    assert 'id="mark-form"' not in page.content.decode()
    assert "50,5" in _text(page)
    response = client.post(url, {"q0": "40", "q1": "20", "total": "60"})
    assert f"Bạn đã nộp điểm bài số phách {mark.script.code}: điểm đã nộp không sửa được." in _text(
        response
    )
    mark.refresh_from_db()
    assert mark.score == D("50.5")


def test_the_second_marker_never_sees_the_first_mark_while_marking(client, assigned):
    script = assigned.scripts()[0]
    first, second = assigned.marks(script)
    first_score = "37,75"
    from sathach.grading.services import mark_submit

    mark_submit(
        actor=first.marker, mark=first, total=D("37.75"), question_scores=[D("17.75"), D(20)]
    )
    _client(client, second.marker)
    for url in (
        reverse("grading:mark-detail", args=[second.pk]),
        reverse("grading:mark-list"),
        reverse("grading:home"),
    ):
        text = _text(client.get(url))
        assert first_score not in text and "37.75" not in text and "17,75" not in text


def test_the_head_who_marks_a_script_sees_no_mark_of_it_until_submitting(client, assigned):
    head = assigned.marking_head
    own = Mark.objects.filter(marker=head, remark__isnull=True).select_related("script").first()
    other = Mark.objects.get(script=own.script, remark__isnull=True, slot=3 - own.slot)
    from sathach.grading.services import mark_submit

    mark_submit(
        actor=other.marker, mark=other, total=D("41.25"), question_scores=[D(40), D("1.25")]
    )
    _client(client, head)
    url = reverse("grading:part-progress", args=[assigned.part.pk])
    response = client.get(url)
    assert "41,25" not in _text(response)
    assert "điểm ẩn đến khi bạn nộp điểm" in _text(response)
    mark_submit(actor=head, mark=own, total=D("43.25"), question_scores=[D(40), D("3.25")])
    text = _text(client.get(url))
    assert "41,25" in text and "43,25" in text and "42,25" in text  # the average


def test_discussion_and_the_heads_decision_through_the_pages(client, assigned):
    script = assigned.scripts()[0]
    first, second = assigned.marks(script)
    from sathach.grading.services import mark_submit

    mark_submit(actor=first.marker, mark=first, total=D(40), question_scores=[D(20), D(20)])
    mark_submit(actor=second.marker, mark=second, total=D(70), question_scores=[D(30), D(40)])
    _client(client, first.marker)
    page = client.get(reverse("grading:mark-detail", args=[first.pk]))
    text = _text(page)
    assert "chênh lệch 30 điểm, vượt mức cho phép 10 điểm" in text
    assert 'id="agree-form"' in page.content.decode()
    response = client.post(reverse("grading:mark-agree", args=[first.pk]), {"score": "55"})
    assert _messages(client, response) == ["Đã ghi điểm thống nhất của bạn."]
    _client(client, second.marker)
    response = client.post(reverse("grading:mark-agree", args=[second.pk]), {"score": "58"})
    assert _messages(client, response) == ["Đã ghi điểm thống nhất của bạn."]
    script.refresh_from_db()
    assert script.state == ScriptState.HEAD
    _client(client, assigned.marking_head)
    progress = client.get(reverse("grading:part-progress", args=[assigned.part.pk]))
    assert reverse("grading:script-decide", args=[script.pk]) in progress.content.decode()
    url = reverse("grading:script-decide", args=[script.pk])
    response = client.post(url, {"score": "56,5", "reason": ""})
    assert response.status_code == 200
    response = client.post(url, {"score": "56,5", "reason": "Đối chiếu đáp án câu 2"})
    assert _messages(client, response) == [f"Đã quyết định điểm bài số phách {script.code}."]
    script.refresh_from_db()
    assert script.final_score == D("56.5") and script.state == ScriptState.FINAL


def test_the_guide_page_saves_the_scale(client, exam):
    url = reverse("grading:guide-edit", args=[exam.part.pk])
    _client(client, exam.markers[1])
    assert client.get(url).status_code == 404
    _client(client, exam.papers)
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Đáp án", "questions": "Câu 1 | 40\nCâu 2 | 50"})
    assert "Tổng điểm tối đa các câu (90) khác điểm tối đa của phần thi (100)." in _text(response)
    response = client.post(url, {"text": "Đáp án", "questions": "Câu 1 | 40\nCâu 2 | 60,00"})
    assert _messages(client, response) == ["Đã lưu đáp án, thang điểm."]
    assert MarkingGuide.objects.get(part=exam.part).questions[1] == {
        "label": "Câu 2",
        "max": "60.00",
    }
    response = client.post(url, {"text": "Đáp án", "questions": "Câu 1 40"})
    assert "Dòng 1: hãy ghi “tên câu | điểm tối đa”." in _text(response)


def test_upload_and_rematch_through_the_coding_page(client, paper_exam):
    _client(client, paper_exam.coder)
    response = client.post(reverse("grading:scripts-collect", args=[paper_exam.part.pk]))
    assert _messages(client, response) == ["Đã thu thêm 4 bài thi."]
    response = client.post(reverse("grading:scripts-code", args=[paper_exam.part.pk]))
    assert _messages(client, response) == ["Đã đánh số phách 4 bài thi."]
    script = paper_exam.scripts()[0]
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = reverse("grading:scan-upload", args=[script.pk])
    bad = SimpleUploadedFile("bai.png", b"GIF89a....", content_type="image/png")
    response = client.post(upload, {"file": bad})
    assert _messages(client, response) == ["Tệp “bai.png” không phải ảnh PNG, JPEG hoặc tệp PDF."]
    good = SimpleUploadedFile("bai.png", tiny_png(), content_type="image/png")
    response = client.post(upload, {"file": good})
    assert _messages(client, response) == [f"Đã tải trang 1 của bài số phách {script.code}."]
    _client(client, paper_exam.markers[1])
    assert client.post(upload, {"file": good}).status_code == 404
    _client(client, paper_exam.coder)
    rematch = reverse("grading:scripts-rematch", args=[paper_exam.part.pk])
    assert client.get(rematch).status_code == 200
    response = client.post(rematch, {"confirm": "on"})
    assert _messages(client, response)[0].startswith(
        "Còn 4/4 bài chưa có điểm chính thức: chỉ ghép phách khi mọi bài đã có điểm chính thức."
    )


def test_the_mark_list_takes_a_fixed_number_of_queries(client, assigned):
    marker = _first_mark(assigned).marker
    _client(client, marker)
    url = reverse("grading:mark-list")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    # Two more scripts for the same marker (a second, later part of work) cost no query.
    extra = assigned.scripts()
    Mark.objects.filter(script__in=extra, remark__isnull=True).exclude(marker=marker).filter(
        slot=1
    ).update(marker=marker)
    count = Mark.objects.filter(marker=marker).count()
    assert count > 2
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_the_menu_has_a_marking_entry_for_markers(client, assigned):
    _client(client, assigned.markers[1])
    response = client.get(reverse("grading:home"))
    assert any(item["url"] == reverse("grading:home") for item in response.context["nav_items"])
    assert 'id="part-' in response.content.decode()


def test_re_marking_through_the_pages(client):
    from sathach.grading.constants import RemarkState
    from sathach.grading.models import Remark
    from sathach.grading.services import mark_submit, remark_open
    from sathach.grading.testing import make_written_exam, split

    # Two members on Ban phúc khảo: both re-mark, the head among them.
    exam = make_written_exam(2, sitting_mode="paper", appeals=2)
    exam.finish()
    remark = remark_open(
        actor=exam.organiser, part=exam.part, candidate=exam.candidates[0], reason="Phúc khảo"
    )
    detail = reverse("grading:remark-detail", args=[remark.pk])
    for user in (exam.markers[1], exam.coder, exam.appeals[1]):
        _client(client, user)
        assert client.get(detail).status_code == 404
    first, second = Mark.objects.filter(remark=remark).order_by("slot")
    assert {first.marker, second.marker} == set(exam.appeals)
    _client(client, exam.appeals_head)
    page = client.get(detail)
    assert 'id="blind"' in page.content.decode() and not re.search(r"\b62\b", _text(page))
    for mark, total in ((first, "75"), (second, "77")):
        _client(client, mark.marker)
        page = client.get(reverse("grading:mark-detail", args=[mark.pk]))
        assert "Chấm phúc khảo" in _text(page) and not re.search(r"\b62\b", _text(page))
        mark_submit(actor=mark.marker, mark=mark, total=D(total), question_scores=split(D(total)))
    _client(client, exam.appeals_head)
    page = client.get(detail)
    assert 'id="meeting-form"' in page.content.decode()
    response = client.post(
        reverse("grading:remark-meeting", args=[remark.pk]),
        {"agreed": "0", "note": "Không thống nhất: 62 và 76."},
    )
    assert _messages(client, response) == ["Đã ghi biên bản đối thoại."]
    assert Remark.objects.get(pk=remark.pk).state == RemarkState.CHAIR
    response = client.post(
        reverse("grading:remark-chair", args=[remark.pk]), {"score": "70", "reason": "x"}
    )
    assert response.status_code == 403
    _client(client, exam.chair)
    assert 'id="chair-form"' in client.get(detail).content.decode()
    response = client.post(
        reverse("grading:remark-chair", args=[remark.pk]),
        {"score": "70", "reason": "Theo thang điểm"},
    )
    assert _messages(client, response) == ["Đã ghi quyết định của Chủ tịch Hội đồng."]
    remark.refresh_from_db()
    assert remark.state == RemarkState.SETTLED and remark.final_score == D(70)
    pdf = client.get(reverse("grading:remark-pdf", args=[remark.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    listing = client.get(reverse("grading:remark-list", args=[exam.part.pk]))
    assert remark.script.code in _text(listing)
