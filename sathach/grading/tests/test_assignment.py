"""Assigning markers: two distinct markers per script, drawn at random from a recorded seed,
balanced, never a relative of the candidate, never someone who also sets papers, codes or
proctors (domain.md §1.1, §4.1, §4.2), only once the guide and every code are in."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import transaction
from django.utils import timezone

from sathach.audit.models import AuditEvent
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.grading.constants import ScriptState
from sathach.grading.models import Mark, PartMarking
from sathach.grading.services import eligible_markers, markers_assign, scripts_collect
from sathach.grading.testing import make_written_exam
from sathach.org.constants import Relation
from sathach.org.models import Relative
from sathach.plans.constants import Board
from sathach.plans.models import BoardMembership, ConflictDeclaration

pytestmark = pytest.mark.django_db


class _RollbackError(Exception):
    pass


def _draw(exam, seed: int) -> dict[tuple[str, int], int]:
    """Return (code, slot) → marker id of an assignment with ``seed``, then undo it."""
    result: dict[tuple[str, int], int] = {}
    try:
        with transaction.atomic():
            markers_assign(actor=exam.marking_head, part=exam.part, seed=seed)
            for mark in Mark.objects.filter(script__part=exam.part).select_related("script"):
                result[(mark.script.code, mark.slot)] = mark.marker_id
            raise _RollbackError
    except _RollbackError:
        return result


def test_every_script_gets_two_distinct_markers_balanced(coded):
    assert markers_assign(actor=coded.marking_head, part=coded.part, seed=7) == 4
    marks = list(Mark.objects.filter(script__part=coded.part))
    assert len(marks) == 8
    by_script: dict[int, list[Mark]] = {}
    for mark in marks:
        by_script.setdefault(mark.script_id, []).append(mark)
    for pair in by_script.values():
        assert sorted(m.slot for m in pair) == [1, 2]
        assert pair[0].marker_id != pair[1].marker_id
        assert all(m.score is None and m.remark_id is None for m in pair)
    load = Counter(m.marker_id for m in marks)
    assert set(load) == {u.pk for u in coded.markers}
    assert set(load.values()) == {2}
    assert {s.state for s in coded.scripts()} == {ScriptState.MARKING}


def test_load_differs_by_at_most_one_when_it_cannot_be_even(db):
    exam = make_written_exam(3, markers=4)
    exam.collect_and_code()
    exam.set_guide()
    exam.assign(seed=3)
    load = Counter(Mark.objects.filter(script__part=exam.part).values_list("marker_id", flat=True))
    assert sum(load.values()) == 6
    assert max(load.values()) - min(load.values()) <= 1


def test_the_draw_is_reproducible_from_its_seed_and_recorded(coded):
    first = _draw(coded, 11)
    assert _draw(coded, 11) == first
    assert any(_draw(coded, seed) != first for seed in (12, 13, 14, 15))
    markers_assign(actor=coded.marking_head, part=coded.part, seed=11)
    marking = PartMarking.objects.get(part=coded.part)
    assert marking.assign_seed == 11 and marking.assigned_by == coded.marking_head
    event = AuditEvent.objects.get(action="grading.markers_assign")
    assert event.data["seed"] == 11 and event.data["scripts"] == 4
    assert sum(event.data["load"].values()) == 8


def test_a_declared_relative_never_marks_the_candidates_script(coded):
    candidate = coded.candidates[0]
    relative_marker, other_marker = coded.markers[1], coded.markers[2]
    Relative.objects.create(
        person=relative_marker.person, relative=candidate.person, relation=Relation.SIBLING
    )
    # Declared the other way round: the candidate names the marker as spouse.
    Relative.objects.create(
        person=candidate.person, relative=other_marker.person, relation=Relation.SPOUSE
    )
    code = coded.script_of(candidate).code
    for seed in range(8):
        drawn = _draw(coded, seed)
        markers = {drawn[(code, 1)], drawn[(code, 2)]}
        assert relative_marker.pk not in markers
        assert other_marker.pk not in markers


def _seat_by_hand(exam, board: str, user) -> BoardMembership:
    """Seat ``user`` on ``board`` bypassing board_member_add (e.g. data imported before the
    rule), so that assignment must catch what the seating rules would have refused."""
    return BoardMembership.objects.create(
        plan=exam.plan, board=board, person=user.person, user=user
    )


@pytest.mark.parametrize("board", [Board.CODING, Board.PROCTORING, Board.PAPERS])
def test_members_of_incompatible_boards_never_mark(coded, board):
    outsider = coded.markers[3]
    _seat_by_hand(coded, board, outsider)
    assert outsider.pk not in {m.user_id for m in eligible_markers(coded.plan, Board.MARKING)}
    for seed in range(4):
        assert outsider.pk not in set(_draw(coded, seed).values())


def test_ban_phach_members_seated_on_marking_by_hand_are_left_out(coded):
    _seat_by_hand(coded, Board.MARKING, coded.coder)
    eligible = {m.user_id for m in eligible_markers(coded.plan, Board.MARKING)}
    assert coded.coder.pk not in eligible
    assert eligible == {u.pk for u in coded.markers}


def test_a_marker_who_declared_a_conflict_is_left_out(coded):
    membership = BoardMembership.objects.get(plan=coded.plan, user=coded.markers[2])
    ConflictDeclaration.objects.create(
        membership=membership, declared_at=timezone.now(), has_conflict=True, text="Người quen"
    )
    assert coded.markers[2].pk not in {m.user_id for m in eligible_markers(coded.plan, "marking")}
    later = ConflictDeclaration.objects.create(
        membership=membership, declared_at=timezone.now(), has_conflict=False
    )
    assert later.pk and coded.markers[2].pk in {
        m.user_id for m in eligible_markers(coded.plan, "marking")
    }


def test_too_few_markers_without_conflict_is_refused_naming_only_the_code(db):
    exam = make_written_exam(2, markers=2)
    exam.collect_and_code()
    exam.set_guide()
    candidate = exam.candidates[1]
    Relative.objects.create(
        person=exam.markers[1].person, relative=candidate.person, relation=Relation.CHILD
    )
    code = exam.script_of(candidate).code
    with pytest.raises(ServiceError) as refused:
        exam.assign(seed=1)
    assert refused.value.message == (
        f"Không đủ 2 giám khảo để chấm bài số phách {code}: Ban chấm thi chỉ có 1 người không "
        "kiêm nhiệm ra đề, làm phách, coi thi và không có quan hệ thân nhân với người dự kiểm tra."
    )
    assert candidate.person.full_name not in refused.value.message
    assert not Mark.objects.exists()


def test_assignment_waits_for_the_guide(exam):
    exam.collect_and_code()
    with pytest.raises(ServiceError) as refused:
        exam.assign()
    assert refused.value.message == (
        "Phần thi chưa có đáp án, thang điểm: Ban đề thi cần nhập trước khi phân công chấm."
    )


def test_assignment_waits_for_every_code(exam):
    scripts_collect(actor=exam.coder, part=exam.part)
    exam.set_guide()
    with pytest.raises(ServiceError) as refused:
        exam.assign()
    assert (
        refused.value.message == "Còn 4 bài chưa đánh số phách: Ban phách cần đánh số phách trước."
    )


def test_paper_scripts_need_their_pages_first(paper_exam):
    scripts_collect(actor=paper_exam.coder, part=paper_exam.part)
    from sathach.grading.services import scripts_code

    scripts_code(actor=paper_exam.coder, part=paper_exam.part)
    paper_exam.set_guide()
    with pytest.raises(ServiceError) as refused:
        paper_exam.assign()
    first = sorted(s.code for s in paper_exam.scripts())[0]
    assert refused.value.message == (
        f"Bài số phách {first} chưa có ảnh bài làm: Ban phách cần tải ảnh lên trước."
    )


def test_assigned_scripts_are_not_assigned_again(assigned):
    with pytest.raises(ServiceError) as refused:
        assigned.assign(seed=2)
    assert refused.value.message == "Không còn bài nào chờ phân công chấm."
    assert Mark.objects.count() == 8


@pytest.mark.parametrize("who", ["markers", "coders", "appeals"])
def test_only_the_head_of_marking_or_the_organiser_assigns(coded, who):
    user = getattr(coded, who)[1]
    with pytest.raises(PermissionDeniedError) as refused:
        markers_assign(actor=user, part=coded.part, seed=1)
    assert refused.value.message == (
        "Chỉ Trưởng ban chấm thi hoặc cán bộ tổ chức kỳ kiểm tra được phân công chấm."
    )
    assert markers_assign(actor=coded.organiser, part=coded.part, seed=1) == 4


def test_a_marker_under_disciplinary_review_is_left_out(coded):
    person = coded.markers[3].person
    person.under_discipline = True
    person.save(update_fields=["under_discipline"])
    assert coded.markers[3].pk not in {m.user_id for m in eligible_markers(coded.plan, "marking")}
