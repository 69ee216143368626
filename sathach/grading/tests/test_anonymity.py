"""Anonymity (domain.md §1.4, §4.4; issue 6 acceptance): no page, record or file a marker, a
re-marker or the heads read ever carries a candidate's name, registration number, unit or
person code. Every such page and PDF is rendered at every step of marking, on computer and on
paper, and searched for all of them."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from sathach.core.testing import TEST_PASSWORD
from sathach.grading.models import Mark, Remark, ScanPage
from sathach.grading.services import mark_agree, mark_submit, remark_open, script_decide
from sathach.grading.testing import make_written_exam, split

pytestmark = pytest.mark.django_db

D = Decimal


def _pdf_text(content: bytes) -> str:
    """Return the PDF's text in drawing order (``-raw``): a table cell's wrapped lines stay
    together, so a name split over two lines is still found whole."""
    assert content.startswith(b"%PDF-")
    out = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(out.stdout.decode().split())


class Identities:
    """Everything that would tell who wrote a script."""

    def __init__(self, exam) -> None:
        self.words: list[str] = []
        self.numbers: list[str] = []
        for candidate in exam.candidates:
            person = candidate.person
            self.words += [person.full_name, person.code, person.unit.name]
            self.numbers.append(candidate.number)
        assert all(self.words) and all(self.numbers)

    def assert_absent(self, where: str, content: str) -> None:
        flat = " ".join(re.sub(r"<[^>]+>", " ", content).split())
        for word in self.words:
            assert word not in content and word not in flat, f"{word!r} appears in {where}"
        for number in self.numbers:
            assert not re.search(rf"(?<![\w-]){re.escape(number)}(?![\w-])", flat), (
                f"registration number {number!r} appears in {where}"
            )


class Reader:
    """Signs in as each user in turn and checks every page and PDF it fetches."""

    def __init__(self, client, identities: Identities) -> None:
        self.client = client
        self.identities = identities
        self.checked: list[str] = []

    def as_(self, user) -> Reader:
        self.client.logout()
        assert self.client.login(username=user.username, password=TEST_PASSWORD)
        self.user = user
        return self

    def page(self, url: str) -> None:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        content = response.content.decode()
        self.identities.assert_absent(f"{url} as {self.user.username}", content)
        self.checked.append(url)

    def pdf(self, url: str) -> None:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert response["Content-Type"] == "application/pdf"
        self.identities.assert_absent(f"{url} as {self.user.username}", _pdf_text(response.content))
        self.checked.append(url)

    def marker_pages(self, exam, marker) -> None:
        self.as_(marker)
        self.page(reverse("grading:home"))
        self.page(reverse("grading:mark-list"))
        for mark in Mark.objects.filter(marker=marker):
            self.page(reverse("grading:mark-detail", args=[mark.pk]))
        if Mark.objects.filter(marker=marker, script__part=exam.part).exists():
            self.pdf(reverse("grading:score-sheet-pdf", args=[exam.part.pk]))


@pytest.mark.parametrize("mode", ["computer", "paper"])
def test_no_marker_facing_page_or_record_names_a_candidate(client, mode):
    exam = make_written_exam(3, sitting_mode=mode)
    reader = Reader(client, Identities(exam))
    exam.collect_and_code()
    exam.set_guide()
    exam.assign(seed=2)
    part = exam.part

    # Marking: nobody has marked yet.
    for marker in exam.markers:
        reader.marker_pages(exam, marker)
    reader.as_(exam.marking_head)
    reader.page(reverse("grading:part-progress", args=[part.pk]))
    reader.page(reverse("grading:markers-assign", args=[part.pk]))
    reader.pdf(reverse("grading:reconciliation-pdf", args=[part.pk]))
    if mode == "paper":
        page = ScanPage.objects.filter(script__part=part).first()
        reader.as_(exam.marks(page.script)[0].marker)
        response = client.get(reverse("grading:scan-page", args=[page.pk]))
        assert response.status_code == 200
        disposition = response["Content-Disposition"]
        reader.identities.assert_absent("scan page headers", disposition)

    # One script within tolerance, one in discussion then decided by the head, one agreed.
    first, second, third = exam.scripts()
    exam.mark(first, D(60), D(64))
    exam.mark(second, D(40), D(70))
    exam.mark(third, D(30), D(50))
    for marker in exam.markers:
        reader.marker_pages(exam, marker)
    a, b = exam.marks(second)
    mark_agree(actor=a.marker, mark=a, score=D(50))
    mark_agree(actor=b.marker, mark=b, score=D(60))
    reader.as_(exam.marking_head)
    reader.page(reverse("grading:part-progress", args=[part.pk]))
    reader.page(reverse("grading:script-decide", args=[second.pk]))
    script_decide(actor=exam.marking_head, script=second, score=D(55), reason="Theo đáp án")
    a, b = exam.marks(third)
    for mark in (a, b):
        mark_agree(actor=mark.marker, mark=mark, score=D(40))
    for marker in exam.markers:
        reader.marker_pages(exam, marker)
    reader.as_(exam.marking_head)
    reader.pdf(reverse("grading:reconciliation-pdf", args=[part.pk]))
    reader.pdf(
        reverse("grading:score-sheet-pdf", args=[part.pk]) + f"?giam-khao={exam.markers[1].pk}"
    )

    # After re-matching: a re-mark, seen by re-markers, the head of appeals and the Chair.
    exam.rematch()
    if mode == "paper":
        remark = remark_open(
            actor=exam.organiser, part=part, candidate=exam.candidates[0], reason="Phúc khảo"
        )
        for mark in Mark.objects.filter(remark=remark):
            reader.marker_pages(exam, mark.marker)
            mark_submit(actor=mark.marker, mark=mark, total=D(80), question_scores=split(D(80)))
        remark = Remark.objects.get(pk=remark.pk)
        for user in (exam.appeals_head, exam.chair, *exam.appeals):
            reader.marker_pages(exam, user)
        for user in (exam.appeals_head, exam.chair):
            reader.as_(user)
            reader.page(reverse("grading:remark-list", args=[part.pk]))
            reader.page(reverse("grading:remark-detail", args=[remark.pk]))
            reader.pdf(reverse("grading:remark-pdf", args=[remark.pk]))
    assert len(reader.checked) > 20


def test_the_coding_record_is_the_one_paper_that_names_candidates(client):
    """The check above would catch a name: proven here on the one page that must show them."""
    exam = make_written_exam(2)
    exam.finish()
    identities = Identities(exam)
    reader = Reader(client, identities).as_(exam.coder)
    response = client.get(reverse("grading:coding-pdf", args=[exam.part.pk]))
    text = _pdf_text(response.content)
    with pytest.raises(AssertionError, match="appears in"):
        identities.assert_absent("coding record", text)
    for candidate in exam.candidates:
        code = exam.script_of(candidate).code
        assert candidate.number in text and candidate.person.full_name in text, text
        assert code in text
    assert "62" in text  # final marks once re-matched
    assert reader.user == exam.coder


def test_grading_audit_events_never_link_a_code_to_a_candidate(db):
    exam = make_written_exam(2, sitting_mode="paper")
    exam.finish()
    remark_open(actor=exam.organiser, part=exam.part, candidate=exam.candidates[0], reason="PK")
    from sathach.audit.models import AuditEvent

    events = AuditEvent.objects.filter(action__startswith="grading.")
    actions = set(events.values_list("action", flat=True))
    assert actions >= {
        "grading.scripts_collect",
        "grading.scripts_code",
        "grading.scan_upload",
        "grading.guide_set",
        "grading.markers_assign",
        "grading.mark_submit",
        "grading.script_final",
        "grading.scripts_rematch",
        "grading.remark_open",
    }
    identities = Identities(exam)
    for event in events:
        identities.assert_absent(event.action, f"{event.target_repr} {event.data}")
