"""What results reads: final marks only once re-matched, two decimals, absent scripts left
out, progress counts; MCQ parts are not grading's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sathach.bank.testing import tiny_png
from sathach.grading.selectors import part_final_scores, part_marking_progress
from sathach.grading.services import (
    scan_upload,
    script_absent,
    scripts_code,
    scripts_collect,
    scripts_rematch,
)
from sathach.grading.testing import make_written_exam
from sathach.plans.constants import PartKind
from sathach.plans.services import blueprint_part_add

pytestmark = pytest.mark.django_db

D = Decimal


def test_final_marks_appear_only_after_re_matching(assigned):
    assert part_marking_progress(assigned.part) == (0, 4)
    marks = [(D(60), D("64.25")), (D(50), D(50)), (D(70), D("70.25")), (D(0), D(0))]
    for candidate, (first, second) in zip(assigned.candidates, marks, strict=True):
        assigned.mark(assigned.script_of(candidate), first, second)
    # Every mark is final, but the part is not re-matched: nothing is final for results.
    assert part_final_scores(assigned.part) == {}
    assert part_marking_progress(assigned.part) == (0, 4)
    assigned.rematch()
    scores = part_final_scores(assigned.part)
    assert scores == {
        assigned.candidates[0].pk: D("62.13"),  # 62.125 half-up
        assigned.candidates[1].pk: D("50.00"),
        assigned.candidates[2].pk: D("70.13"),
        assigned.candidates[3].pk: D("0.00"),
    }
    assert all(str(v).count(".") == 1 and len(str(v).split(".")[1]) == 2 for v in scores.values())
    assert part_marking_progress(assigned.part) == (4, 4)


def test_progress_before_collection_counts_the_seated(exam):
    assert part_marking_progress(exam.part) == (0, 4)
    scripts_collect(actor=exam.coder, part=exam.part)
    assert part_marking_progress(exam.part) == (0, 4)


def test_absent_scripts_count_neither_as_final_nor_in_the_total(db):
    exam = make_written_exam(3, sitting_mode="paper")
    scripts_collect(actor=exam.coder, part=exam.part)
    scripts_code(actor=exam.coder, part=exam.part)
    absent, *present = exam.scripts()
    script_absent(actor=exam.coder, script=absent, reason="Vắng thi")
    for script in present:
        scan_upload(actor=exam.coder, script=script, content=tiny_png())
    exam.set_guide()
    exam.assign()
    for script in present:
        exam.mark(script, D(40), D(42))
    assert part_marking_progress(exam.part) == (0, 2)
    scripts_rematch(actor=exam.coder, part=exam.part)
    assert part_marking_progress(exam.part) == (2, 2)
    assert len(part_final_scores(exam.part)) == 2


def test_final_scores_take_a_constant_number_of_queries(assigned):
    for script in assigned.scripts():
        assigned.mark(script, D(60), D(60))
    assigned.rematch()
    with CaptureQueriesContext(connection) as queries:
        part_final_scores(assigned.part)
    assert len(queries) == 3


def test_mcq_parts_are_not_graded_here(exam):
    mcq = blueprint_part_add(
        actor=exam.organiser,
        plan=exam.plan,
        order=2,
        kind=PartKind.COMPUTER_MCQ,
        name="Trắc nghiệm",
        minutes=30,
        max_score=D(100),
        pass_mark=D(50),
    )
    with pytest.raises(ValueError, match="MCQ part"):
        part_final_scores(mcq)
    with pytest.raises(ValueError, match="MCQ part"):
        part_marking_progress(mcq)


def test_an_oral_part_without_scores_counts_the_plans_candidates(exam):
    oral = blueprint_part_add(
        actor=exam.organiser,
        plan=exam.plan,
        order=2,
        kind=PartKind.OUTLINE_DEFENCE,
        name="Bảo vệ đề cương",
        minutes=30,
        max_score=D(100),
        pass_mark=D(50),
    )
    # No sitting of its own: the panel meets the plan's list (see part_candidates).
    assert part_final_scores(oral) == {}
    assert part_marking_progress(oral) == (0, 4)
