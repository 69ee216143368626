"""What other apps read (results, reports): final scores and progress of a written or oral
part. They take a part, not a user, and return only what is final: for written parts, marks
double marked, reconciled and re-matched; for oral parts, the panel's final scores."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from sathach.plans.constants import MCQ_KINDS, CandidateStatus, SittingMode
from sathach.plans.models import BlueprintPart, Candidate, Seat, Sitting

from ..constants import REMARK_SETTLED, PanelState, ScriptState
from ..models import PanelCase, PartMarking, Remark, Script, ScriptIdentity

CENT = Decimal("0.01")


def is_written(part: BlueprintPart) -> bool:
    """Return whether ``part`` is marked as scripts: not MCQ, and sat on paper or typed."""
    return part.kind not in MCQ_KINDS and part.sitting_mode != SittingMode.ORAL


def is_oral(part: BlueprintPart) -> bool:
    """Return whether ``part`` is scored face to face by the panel (Ban kiểm tra sát hạch):
    situation handling, defence of an outline, practical tasks (domain.md §6)."""
    return part.kind not in MCQ_KINDS and part.sitting_mode == SittingMode.ORAL


def _require_not_mcq(part: BlueprintPart) -> None:
    if part.kind in MCQ_KINDS:
        raise ValueError(f"Part {part.pk} is an MCQ part: its scores come from delivery.")


def _rematched(part: BlueprintPart) -> bool:
    return PartMarking.objects.filter(part=part, rematched_at__isnull=False).exists()


def part_candidates(part: BlueprintPart) -> QuerySet[Candidate]:
    """Return the candidates who sit ``part``: those seated in its sittings, or, for a part
    without sittings (an oral part where the panel meets the plan's list), every included
    candidate of the plan."""
    included = Candidate.objects.filter(plan_id=part.plan_id, status=CandidateStatus.INCLUDED)
    if Sitting.objects.filter(part=part).exists():
        seated = Seat.objects.filter(sitting__part=part).values("candidate_id")
        included = included.filter(pk__in=seated)
    return included


def _cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


def part_final_scores(part: BlueprintPart) -> dict[int, Decimal]:
    """Final marks of a written or oral part (plans.constants.PartKind not in MCQ_KINDS),
    keyed by Candidate.pk, for candidates whose mark is final: for written parts, double
    marked, reconciled where needed and re-matched (ghép phách); for oral parts, the panel's
    final score. After an appeal's re-mark is settled, the settled mark replaces the old one.
    Scores are on the part's scale (0..part.max_score), Decimal with 2 places.
    Candidates still being marked are absent.
    """
    _require_not_mcq(part)
    if is_oral(part):
        return {
            candidate_id: _cents(score)
            for candidate_id, score in PanelCase.objects.filter(
                part=part, state=PanelState.FINAL, score__isnull=False
            ).values_list("candidate_id", "score")
            if score is not None
        }
    if not _rematched(part):
        return {}
    scores: dict[int, Decimal] = {}
    for candidate_id, score in ScriptIdentity.objects.filter(
        part=part, script__state=ScriptState.FINAL, script__final_score__isnull=False
    ).values_list("candidate_id", "script__final_score"):
        assert score is not None
        scores[candidate_id] = _cents(score)
    for candidate_id, score in Remark.objects.filter(
        script__part=part, state__in=REMARK_SETTLED, final_score__isnull=False
    ).values_list("script__identity__candidate_id", "final_score"):
        assert score is not None
        scores[candidate_id] = _cents(score)
    return scores


def part_absent(part: BlueprintPart) -> set[int]:
    """Return the candidates (Candidate.pk) of a written part who handed in no script: Ban
    phách recorded "không có bài" for a paper seat, or the computer room closed without their
    attempt being handed in (``scripts_collect``). Empty until re-matching (ghép phách): only
    then may a script's record be tied to a person, as for the marks."""
    if is_oral(part) or not _rematched(part):
        return set()
    return set(
        ScriptIdentity.objects.filter(part=part, script__state=ScriptState.ABSENT).values_list(
            "candidate_id", flat=True
        )
    )


def part_marking_progress(part: BlueprintPart) -> tuple[int, int]:
    """Return (final, total) for a written or oral part.

    ``final`` is how many candidates ``part_final_scores`` returns (written: 0 until
    re-matching). For a written part ``total`` is how many scripts are to be marked (not
    counting "no script"), or before any script is collected how many candidates are seated in
    the part's sittings; for an oral part, how many candidates sit it (``part_candidates``).
    """
    _require_not_mcq(part)
    if is_oral(part):
        return len(part_final_scores(part)), part_candidates(part).count()
    seated = Seat.objects.filter(sitting__part=part).values("candidate_id").distinct().count()
    scripts = Script.objects.filter(part=part)
    if not scripts.exists():
        return 0, seated
    total = scripts.exclude(state=ScriptState.ABSENT).count()
    return len(part_final_scores(part)), total


def remark_is_settled(part: BlueprintPart, candidate: Candidate) -> bool:
    """Return whether the candidate's re-marking round of ``part`` has a final mark (confirmed
    or settled). False when there is no re-marking round."""
    return Remark.objects.filter(
        script__part=part,
        script__identity__candidate=candidate,
        state__in=REMARK_SETTLED,
    ).exists()
