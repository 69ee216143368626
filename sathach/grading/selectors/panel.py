"""Reads of the panel's pages (oral and practical parts, Ban kiểm tra sát hạch).

The panel meets candidates face to face, so its pages show names; but a member sees only the
candidates of the parts of a plan they sit on (404 otherwise), and never another member's
scores of a candidate before submitting their own (independence).

``expected`` arguments map a candidate's pk to the accounts that may score them
(``services.panel.expected_examiners``: the panel without the candidate's relatives).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.http import Http404

from sathach.plans.models import BlueprintPart, Candidate, Plan

from ..constants import PanelState
from ..models import PanelCase, PanelScore, Rubric
from ..permissions import can_follow_panel, is_panel_member
from .scores import is_oral, part_candidates


def oral_part_get_for_user(
    *, user: Any, pk: int, allowed: Callable[[Any, Plan], bool]
) -> BlueprintPart:
    """Return oral part ``pk`` when ``allowed(user, plan)``; 404 otherwise."""
    part = BlueprintPart.objects.select_related("plan").filter(pk=pk).first()
    if part is None or not is_oral(part) or not allowed(user, part.plan):
        raise Http404
    return part


def rubric_for(part: BlueprintPart) -> Rubric | None:
    return Rubric.objects.filter(part=part).first()


def panel_candidate_get(*, user: Any, part: BlueprintPart, pk: int) -> Candidate:
    """Return candidate ``pk`` of oral ``part`` for a member of its plan's panel or one who
    follows it; 404 for anyone else, or a candidate who does not sit the part."""
    if not (is_panel_member(user, part.plan) or can_follow_panel(user, part.plan)):
        raise Http404
    candidate = (
        part_candidates(part).select_related("person__unit").filter(pk=pk).first()
        if is_oral(part)
        else None
    )
    if candidate is None:
        raise Http404
    return candidate


def panel_case_of(part: BlueprintPart, candidate: Candidate) -> PanelCase | None:
    return PanelCase.objects.filter(part=part, candidate=candidate).first()


def panel_scores(case: PanelCase | None) -> list[PanelScore]:
    """Return every submitted score of ``case`` (for who may see them), in the order given."""
    if case is None:
        return []
    return list(
        case.scores.select_related("examiner", "membership__person").order_by("submitted_at", "pk")
    )


@dataclass(frozen=True)
class PanelRow:
    """One line of a member's list: the candidate, where the panel stands, the member's own
    score (if submitted) and whether the member may not score them (a relative)."""

    candidate: Candidate
    case: PanelCase | None
    mine: PanelScore | None
    barred: bool


def _cases(part: BlueprintPart) -> dict[int, PanelCase]:
    return {case.candidate_id: case for case in PanelCase.objects.filter(part=part)}


def panel_rows(
    *, user: Any, part: BlueprintPart, expected: Mapping[int, set[int]]
) -> list[PanelRow]:
    """Return the candidates of ``part`` by registration number for a member of its panel."""
    if not is_panel_member(user, part.plan):
        raise Http404
    cases = _cases(part)
    mine = {
        score.case.candidate_id: score
        for score in PanelScore.objects.filter(case__part=part, examiner_id=user.pk).select_related(
            "case"
        )
    }
    candidates = part_candidates(part).select_related("person__unit").order_by("number", "pk")
    return [
        PanelRow(
            candidate=c,
            case=cases.get(c.pk),
            mine=mine.get(c.pk),
            barred=user.pk not in expected.get(c.pk, set()),
        )
        for c in candidates
    ]


@dataclass(frozen=True)
class PanelProgressRow:
    """One line of the head's table: every member's total once the reader may see them."""

    candidate: Candidate
    case: PanelCase | None
    expected: int  # members who may score this candidate
    hidden: bool  # the reader may score this candidate and has not: scores not shown
    scores: list[PanelScore] = field(default_factory=list)

    @property
    def scored(self) -> int:
        return self.case.examiners if self.case is not None else 0


def panel_progress_rows(
    *, user: Any, part: BlueprintPart, expected: Mapping[int, set[int]]
) -> list[PanelProgressRow]:
    """Return where the panel stands with every candidate of ``part`` (the head of the panel,
    the organiser, the council Chair). A reader who scores a candidate and has not submitted
    yet does not see the others' scores of that candidate."""
    if not can_follow_panel(user, part.plan):
        raise Http404
    cases = {
        case.candidate_id: case
        for case in PanelCase.objects.filter(part=part).prefetch_related(
            Prefetch(
                "scores",
                queryset=PanelScore.objects.select_related(
                    "examiner", "membership__person"
                ).order_by("submitted_at", "pk"),
                to_attr="given",
            )
        )
    }
    rows = []
    for candidate in part_candidates(part).select_related("person__unit").order_by("number", "pk"):
        case = cases.get(candidate.pk)
        given: list[PanelScore] = getattr(case, "given", []) if case is not None else []
        may_score = user.pk in expected.get(candidate.pk, set())
        open_ = case is None or case.state == PanelState.SCORING
        hidden = may_score and open_ and all(s.examiner_id != user.pk for s in given)
        rows.append(
            PanelProgressRow(
                candidate=candidate,
                case=case,
                expected=len(expected.get(candidate.pk, set())),
                hidden=hidden,
                scores=[] if hidden else given,
            )
        )
    return rows


def panel_pending_for(*, user: Any, part: BlueprintPart, expected: Mapping[int, set[int]]) -> int:
    """Return how many candidates of ``part`` ``user`` may score, whose scoring is still open,
    and has not scored: while any, the others' scores of the part stay hidden from ``user``."""
    scored = set(
        PanelScore.objects.filter(case__part=part, examiner_id=user.pk).values_list(
            "case__candidate_id", flat=True
        )
    )
    closed = set(
        PanelCase.objects.filter(part=part)
        .exclude(state=PanelState.SCORING)
        .values_list("candidate_id", flat=True)
    )
    return sum(
        1
        for candidate_id, users in expected.items()
        if user.pk in users and candidate_id not in scored and candidate_id not in closed
    )
