"""Reads of the written-marking pages, scoped by the reader's seats (``permissions``): outside
them, Http404, so a marker cannot even learn that another script exists. Nothing a marker reads
carries a candidate's name, number, unit or person code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from sathach.plans.models import BlueprintPart, Plan
from sathach.plans.permissions import readable_q

from ..constants import REMARK_SETTLED, ScriptState
from ..models import (
    Mark,
    MarkingGuide,
    PanelScore,
    PartMarking,
    Remark,
    ScanPage,
    Script,
    ScriptIdentity,
)
from ..permissions import (
    can_code,
    can_follow_marking,
    can_follow_remarks,
    can_see_identities,
    grading_roles,
    is_appeals_head,
    is_chair,
    is_marking_head,
)
from .scores import is_oral, is_written

WRITTEN_ROLES = ("coding", "identities", "guide", "marking", "progress", "appeals", "remarks")
ORAL_ROLES = ("guide", "panel", "panel_follow")


@dataclass(frozen=True)
class GradingPart:
    """A written or oral part the user has a grading role in, and what they may do there."""

    part: BlueprintPart
    roles: dict[str, bool]
    assigned: int  # written: scripts assigned to the user (any round); oral: candidates scored
    oral: bool = False


def grading_parts(*, user: Any) -> list[GradingPart]:
    """Return the written and oral parts of the plans ``user`` reads where they have a grading
    role (written: ``WRITTEN_ROLES`` or scripts assigned; oral: ``ORAL_ROLES``)."""
    plans = Plan.objects.filter(readable_q(user)).order_by("-starts_on", "code")
    parts = []
    for plan in plans:
        roles = grading_roles(user, plan)
        for part in BlueprintPart.objects.filter(plan=plan).order_by("order"):
            if is_oral(part):
                scored = PanelScore.objects.filter(case__part=part, examiner_id=user.pk).count()
                if any(roles[r] for r in ORAL_ROLES):
                    parts.append(GradingPart(part, roles, scored, oral=True))
                continue
            if not is_written(part):
                continue
            assigned = Mark.objects.filter(script__part=part, marker_id=user.pk).count()
            if any(roles[r] for r in WRITTEN_ROLES) or assigned:
                parts.append(GradingPart(part, roles, assigned))
    return parts


def part_get_for_user(*, user: Any, pk: int, allowed: Callable[[Any, Plan], bool]) -> BlueprintPart:
    """Return written part ``pk`` when ``allowed(user, plan)``; 404 otherwise."""
    part = BlueprintPart.objects.select_related("plan").filter(pk=pk).first()
    if part is None or not is_written(part) or not allowed(user, part.plan):
        raise Http404
    return part


@dataclass(frozen=True)
class CodingRow:
    """One line of Ban phách's list: who, which code, how far (never shown to markers)."""

    script: Script
    number: str
    name: str
    unit: str
    pages: int
    final: Decimal | None  # the official mark (after a settled re-mark, that one)

    @property
    def editable(self) -> bool:
        """Whether Ban phách may still change the script (before it goes to markers)."""
        return self.script.state in (ScriptState.COLLECTED, ScriptState.CODED)


def official_score(script: Script) -> Decimal | None:
    """Return the script's official mark: a settled re-mark's, else the first marking's."""
    remark = getattr(script, "remark", None)
    if remark is not None and remark.state in REMARK_SETTLED:
        return remark.final_score
    return script.final_score


def coding_rows(*, user: Any, part: BlueprintPart) -> list[CodingRow]:
    """Return the code ↔ candidate list of ``part`` (404 unless ``user`` may see identities)."""
    if not can_see_identities(user, part.plan):
        raise Http404
    identities = (
        ScriptIdentity.objects.filter(part=part)
        .select_related("script__remark", "candidate__person__unit")
        .prefetch_related("script__pages")
        .order_by("candidate__number", "candidate_id")
    )
    return [
        CodingRow(
            script=identity.script,
            number=identity.candidate.number,
            name=identity.candidate.person.full_name,
            unit=identity.candidate.person.unit.name,
            pages=len(identity.script.pages.all()),
            final=official_score(identity.script),
        )
        for identity in identities
    ]


def mark_list_for_user(*, user: Any) -> QuerySet[Mark]:
    """Return the scripts assigned to ``user`` as a marker (first marking and re-marks)."""
    return (
        Mark.objects.filter(marker_id=user.pk)
        .select_related("script__part__plan", "remark")
        .order_by("script__part__plan__code", "script__part__order", "remark", "script__code")
    )


def mark_get_for_user(*, user: Any, pk: int) -> Mark:
    """Return the marker's own assignment ``pk``; 404 for anyone else's."""
    mark = mark_list_for_user(user=user).filter(pk=pk).first()
    if mark is None:
        raise Http404
    return mark


def other_mark(mark: Mark) -> Mark | None:
    """Return the other marker's mark of the same round; shown only in discussion."""
    return (
        Mark.objects.filter(script_id=mark.script_id, remark=mark.remark)
        .exclude(pk=mark.pk)
        .first()
    )


def marking_of(part: BlueprintPart) -> PartMarking | None:
    """Return the part's marking record (coding, assignment, re-matching), if any."""
    return PartMarking.objects.filter(part=part).first()


def guide_for(part: BlueprintPart) -> MarkingGuide | None:
    return MarkingGuide.objects.filter(part=part).first()


def can_view_script(user: Any, script: Script) -> bool:
    """Return whether ``user`` may read ``script``'s content (typed text, scanned pages): its
    markers (any round), Ban phách, the head of Ban chấm thi, and for a re-marked script the
    head of Ban phúc khảo and the council Chair."""
    if not getattr(user, "is_authenticated", False):
        return False
    if Mark.objects.filter(script=script, marker_id=user.pk).exists():
        return True
    plan = script.part.plan
    if can_code(user, plan) or is_marking_head(user, plan):
        return True
    remarked = Remark.objects.filter(script=script).exists()
    return remarked and (is_appeals_head(user, plan) or is_chair(user, plan))


def scan_page_get_for_user(*, user: Any, pk: int) -> ScanPage:
    page = ScanPage.objects.select_related("script__part__plan").filter(pk=pk).first()
    if page is None or not can_view_script(user, page.script):
        raise Http404
    return page


def script_get_for_user(*, user: Any, pk: int) -> Script:
    script = Script.objects.select_related("part__plan").filter(pk=pk).first()
    if script is None or not can_view_script(user, script):
        raise Http404
    return script


@dataclass(frozen=True)
class ProgressRow:
    """One line of the head of marking's table, by code only."""

    script: Script
    first: Decimal | None
    second: Decimal | None
    difference: Decimal | None
    hidden: bool  # the reader marks this script and has not submitted: marks not shown
    agreed: tuple[Decimal | None, Decimal | None]


def progress_rows(*, user: Any, part: BlueprintPart) -> list[ProgressRow]:
    """Return the first-marking state of every script of ``part`` by code (head of marking,
    organiser). A reader who is also a marker of a script does not see its marks before
    submitting their own (independence)."""
    if not can_follow_marking(user, part.plan):
        raise Http404
    first_round = Mark.objects.filter(remark__isnull=True).order_by("slot")
    scripts = (
        Script.objects.filter(part=part)
        .exclude(state=ScriptState.ABSENT)
        .prefetch_related(Prefetch("marks", queryset=first_round, to_attr="first_marks"))
        .order_by("code", "pk")
    )
    rows = []
    for script in scripts:
        marks = {m.slot: m for m in script.first_marks}  # type: ignore[attr-defined]
        hidden = any(m.marker_id == user.pk and m.submitted_at is None for m in marks.values())
        first = marks[1].score if 1 in marks and not hidden else None
        second = marks[2].score if 2 in marks and not hidden else None
        difference = abs(first - second) if first is not None and second is not None else None
        agreed = (
            marks[1].agreed_score if 1 in marks and not hidden else None,
            marks[2].agreed_score if 2 in marks and not hidden else None,
        )
        rows.append(ProgressRow(script, first, second, difference, hidden, agreed))
    return rows


def script_for_decision(*, user: Any, pk: int) -> Script:
    """Return a script waiting for the head of marking's decision; 404 for anyone else."""
    script = Script.objects.select_related("part__plan").filter(pk=pk).first()
    if script is None or not is_marking_head(user, script.part.plan):
        raise Http404
    return script


def remark_list(*, user: Any, part: BlueprintPart) -> QuerySet[Remark]:
    """Return the re-marking rounds of ``part`` (by code) for those who follow them."""
    if not can_follow_remarks(user, part.plan):
        raise Http404
    return Remark.objects.filter(script__part=part).select_related("script").order_by("created_at")


def remark_get_for_user(*, user: Any, pk: int) -> Remark:
    remark = Remark.objects.select_related("script__part__plan").filter(pk=pk).first()
    if remark is None or not can_follow_remarks(user, remark.script.part.plan):
        raise Http404
    return remark


def round_marks(script: Script, remark: Remark | None) -> list[Mark]:
    return list(
        Mark.objects.filter(script=script, remark=remark)
        .select_related("marker", "membership__person")
        .order_by("slot")
    )


def marker_marks(*, user: Any, part: BlueprintPart) -> QuerySet[Mark]:
    """Return the marks ``user`` gave in ``part`` (their score sheet), by round and code."""
    return (
        Mark.objects.filter(script__part=part, marker_id=user.pk)
        .select_related("script", "remark")
        .order_by("remark", "script__code")
    )


def scripts_waiting(part: BlueprintPart) -> dict[str, int]:
    """Return how many scripts of ``part`` are in each state."""
    counts: dict[str, int] = {}
    for state in Script.objects.filter(part=part).values_list("state", flat=True):
        counts[state] = counts.get(state, 0) + 1
    return counts


def state_counts(part: BlueprintPart) -> list[tuple[str, int]]:
    """Return (state label, how many scripts) for the states ``part``'s scripts are in."""
    counts = scripts_waiting(part)
    return [(str(state.label), counts[state]) for state in ScriptState if state in counts]


def decisions_waiting(part: BlueprintPart) -> QuerySet[Script]:
    return Script.objects.filter(part=part, state=ScriptState.HEAD).order_by("code")
