"""A candidate who never comes to a written part sat on computer is absent, not pending for
ever: the room closes, Ban phách's collection records "no script", and once re-matched the
results read the part as absent, so the plan can be published."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sathach.grading.constants import ScriptState
from sathach.grading.selectors import part_absent, part_marking_progress
from sathach.grading.services import scripts_collect
from sathach.grading.testing import make_written_exam
from sathach.results.models import PartResult, PlanResult
from sathach.results.services import results_compute, results_publish

pytestmark = pytest.mark.django_db

D = Decimal


def test_a_candidate_who_never_came_is_absent_and_the_plan_can_be_published():
    exam = make_written_exam(3, absent=1)
    came, absent = exam.candidates[:2], exam.candidates[2]
    exam.finish()
    script = exam.script_of(absent)
    assert script.state == ScriptState.ABSENT
    assert "phòng thi trên máy tính đã kết thúc" in script.absent_reason
    assert part_marking_progress(exam.part) == (2, 2)  # "no script" is not a script to mark
    assert part_absent(exam.part) == {absent.pk}
    report = results_compute(actor=exam.organiser, plan=exam.plan)
    assert report.pending == 0
    rows = {r.candidate_id: r for r in PartResult.objects.filter(part=exam.part)}
    assert rows[absent.pk].status == "absent" and rows[absent.pk].score is None
    assert {rows[c.pk].score for c in came} == {D("62.00")}
    assert PlanResult.objects.get(candidate=absent).passed is False
    results_publish(
        actor=exam.organiser,
        plan=exam.plan,
        decision_number="12/QĐ-HĐKT",
        decision_date=dt.date(2026, 4, 1),
    )


def test_absence_is_not_told_before_re_matching_and_a_second_collection_adds_nothing():
    exam = make_written_exam(2, absent=1)
    assert scripts_collect(actor=exam.coder, part=exam.part) == 2  # one script, one "no script"
    assert scripts_collect(actor=exam.coder, part=exam.part) == 0
    assert part_absent(exam.part) == set()  # the identity of a script is secret until ghép phách


def test_while_the_room_is_open_a_candidate_not_yet_come_is_not_absent():
    exam = make_written_exam(2, absent=1, close=False)
    assert scripts_collect(actor=exam.coder, part=exam.part) == 1  # only the handed-in script
    assert [s.state for s in exam.scripts()] == [ScriptState.COLLECTED]
