"""Who marks which script: two distinct markers per script, drawn at random without conflicts.

A marker is a seat on Ban chấm thi (Ban phúc khảo for a re-mark) held with an account. Never
chosen (domain.md §1.1, §4.1 and §4.2):

- anyone who also holds a seat on Ban đề thi, Ban phách or Ban coi thi of the plan (role
  separation: ``plans.constants.INCOMPATIBLE_BOARDS``);
- anyone under disciplinary review, who declared a conflict of interest, or who is a candidate;
- for a script, the candidate's declared relatives (``org.Relative``, either direction) and the
  candidate in person.

The draw is seeded (the seed is recorded) and balanced: each script takes the two eligible
markers with the fewest scripts so far, ties broken by the seeded draw.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.org.models import Person, Relative
from sathach.plans.constants import BASIS_RELATIVES, INCOMPATIBLE_BOARDS, Board, CandidateStatus
from sathach.plans.models import (
    BlueprintPart,
    BoardMembership,
    Candidate,
    ConflictDeclaration,
    Plan,
)

from ..constants import BASIS_GUIDE, MARKERS_PER_SCRIPT, ScriptSource, ScriptState
from ..models import Mark, MarkingGuide, Script, ScriptIdentity
from ..permissions import can_follow_marking
from .common import part_marking, require_actor, require_not_rematched, require_written

# Boards whose members never mark: every board incompatible with Ban chấm thi.
NON_MARKER_BOARDS = frozenset(
    board for pair in INCOMPATIBLE_BOARDS for board in pair if Board.MARKING in pair
) - {Board.MARKING}


@dataclass(frozen=True)
class Marker:
    """An eligible marker: their seat, account and person (if the seat names one)."""

    membership: BoardMembership
    user_id: int
    person_id: int | None


def _person_of(membership: BoardMembership) -> int | None:
    if membership.person_id:
        return membership.person_id
    return getattr(membership.user, "person_id", None)


def eligible_markers(plan: Plan, board: str) -> list[Marker]:
    """Return the seats of ``board`` whose holders may mark any script of ``plan``."""
    seats = list(
        BoardMembership.objects.filter(
            plan=plan, board=board, user__isnull=False, user__is_active=True
        )
        .select_related("person", "user")
        .order_by("pk")
    )
    others = BoardMembership.objects.filter(plan=plan, board__in=NON_MARKER_BOARDS)
    barred_users = set(others.exclude(user__isnull=True).values_list("user_id", flat=True))
    barred_persons = set(others.exclude(person__isnull=True).values_list("person_id", flat=True))
    barred_persons |= set(
        others.exclude(user__person__isnull=True).values_list("user__person_id", flat=True)
    )
    candidates = set(
        Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).values_list(
            "person_id", flat=True
        )
    )
    declared: dict[int, bool] = {}
    for membership_id, has_conflict in (
        ConflictDeclaration.objects.filter(membership__in=seats)
        .order_by("membership_id", "declared_at", "pk")
        .values_list("membership_id", "has_conflict")
    ):
        declared[membership_id] = has_conflict  # the latest declaration wins
    seat_persons = {p for p in (_person_of(seat) for seat in seats) if p is not None}
    disciplined = set(
        Person.objects.filter(pk__in=seat_persons, under_discipline=True).values_list(
            "pk", flat=True
        )
    )
    markers = []
    for seat in seats:
        person_id = _person_of(seat)
        assert seat.user_id is not None
        if seat.user_id in barred_users or (person_id is not None and person_id in barred_persons):
            continue
        if person_id is not None and (person_id in candidates or person_id in disciplined):
            continue
        if declared.get(seat.pk):
            continue
        markers.append(Marker(seat, seat.user_id, person_id))
    return markers


def relative_pairs(
    marker_persons: Iterable[int], candidate_persons: Iterable[int]
) -> set[tuple[int, int]]:
    """Return the (marker person, candidate person) pairs declared as relatives either way."""
    markers, candidates = set(marker_persons), set(candidate_persons)
    if not markers or not candidates:
        return set()
    pairs = set()
    links = Relative.objects.filter(
        Q(person_id__in=markers, relative_id__in=candidates)
        | Q(person_id__in=candidates, relative_id__in=markers)
    ).values_list("person_id", "relative_id")
    for a, b in links:
        if a in markers and b in candidates:
            pairs.add((a, b))
        if b in markers and a in candidates:
            pairs.add((b, a))
    return pairs


def conflicted(marker: Marker, candidate_person: int, pairs: set[tuple[int, int]]) -> bool:
    if marker.person_id is None:
        return False
    return marker.person_id == candidate_person or (marker.person_id, candidate_person) in pairs


def pick_two(pool: list[Marker], load: dict[int, int], rng: random.Random) -> list[Marker]:
    """Return the two markers of ``pool`` with the least load (ties by the seeded draw)."""
    ranked = sorted(pool, key=lambda m: (load.get(m.membership.pk, 0), rng.random()))
    chosen: list[Marker] = []
    for marker in ranked:
        if all(marker.user_id != other.user_id for other in chosen):
            chosen.append(marker)
        if len(chosen) == MARKERS_PER_SCRIPT:
            break
    return chosen


def random_for(seed: int) -> random.Random:
    """Return the seeded draw of an assignment (reproducible from the recorded seed)."""
    return random.Random(seed)  # noqa: S311 - a reproducible draw, not a secret


def candidate_persons(scripts: Iterable[Script]) -> dict[int, int]:
    """Return script id → the candidate's person id (read here, never shown)."""
    return dict(
        ScriptIdentity.objects.filter(script__in=list(scripts)).values_list(
            "script_id", "candidate__person_id"
        )
    )


def markers_short_error(code: str, found: int, board: str) -> ServiceError:
    return ServiceError(
        _(
            "Không đủ %(need)d giám khảo để chấm bài số phách %(c)s: %(b)s chỉ có %(n)d người "
            "không kiêm nhiệm ra đề, làm phách, coi thi và không có quan hệ thân nhân với người "
            "dự kiểm tra."
        )
        % {
            "need": MARKERS_PER_SCRIPT,
            "c": code,
            "b": Board(board).label,
            "n": found,
        },
        code="markers_short",
        basis=BASIS_RELATIVES,
    )


@transaction.atomic
def markers_assign(*, actor: Any, part: BlueprintPart, seed: int) -> int:
    """Give every coded script of ``part`` not yet assigned two markers of Ban chấm thi, at
    random (``seed``), balanced, without conflicts; return how many scripts were assigned.

    Marking starts from an agreed guide: refused while the part has no marking guide, while a
    script is not coded, or while a paper script has no scanned page.
    """
    require_written(part)
    plan = part.plan
    require_actor(
        actor,
        plan,
        can_follow_marking,
        _("Chỉ Trưởng ban chấm thi hoặc cán bộ tổ chức kỳ kiểm tra được phân công chấm."),
    )
    marking = part_marking(part, lock=True)
    require_not_rematched(marking)
    if not MarkingGuide.objects.filter(part=part).exists():
        raise ServiceError(
            _("Phần thi chưa có đáp án, thang điểm: Ban đề thi cần nhập trước khi phân công chấm."),
            code="no_guide",
            basis=BASIS_GUIDE,
        )
    scripts = Script.objects.select_for_update().filter(part=part).exclude(state=ScriptState.ABSENT)
    uncoded = scripts.filter(state=ScriptState.COLLECTED).count()
    if uncoded:
        raise ServiceError(
            _("Còn %(n)d bài chưa đánh số phách: Ban phách cần đánh số phách trước.")
            % {"n": uncoded},
            code="not_coded",
        )
    waiting = list(scripts.filter(state=ScriptState.CODED).order_by("pk"))
    if not waiting:
        raise ServiceError(_("Không còn bài nào chờ phân công chấm."), code="nothing_to_assign")
    blank = (
        Script.objects.filter(pk__in=[s.pk for s in waiting], source=ScriptSource.SCANNED)
        .annotate(n=Count("pages"))
        .filter(n=0)
        .order_by("code")
        .first()
    )
    if blank is not None:
        raise ServiceError(
            _("Bài số phách %(c)s chưa có ảnh bài làm: Ban phách cần tải ảnh lên trước.")
            % {"c": blank.code},
            code="no_pages",
        )
    pool = eligible_markers(plan, Board.MARKING)
    persons = candidate_persons(waiting)
    pairs = relative_pairs((m.person_id for m in pool if m.person_id), persons.values())
    load = dict(
        Mark.objects.filter(script__part=part, remark__isnull=True)
        .values_list("membership_id")
        .annotate(n=Count("pk"))
        .values_list("membership_id", "n")
    )
    rng = random_for(seed)
    rng.shuffle(waiting)
    marks = []
    for script in waiting:
        fit = [m for m in pool if not conflicted(m, persons[script.pk], pairs)]
        chosen = pick_two(fit, load, rng)
        if len(chosen) < MARKERS_PER_SCRIPT:
            raise markers_short_error(script.code, len(chosen), Board.MARKING)
        for slot, marker in enumerate(chosen, start=1):
            marks.append(
                Mark(
                    script=script, slot=slot, marker_id=marker.user_id, membership=marker.membership
                )
            )
            load[marker.membership.pk] = load.get(marker.membership.pk, 0) + 1
    Mark.objects.bulk_create(marks)
    Script.objects.filter(pk__in=[s.pk for s in waiting]).update(
        state=ScriptState.MARKING, updated_at=timezone.now()
    )
    marking.assigned_at = timezone.now()
    marking.assigned_by = actor if getattr(actor, "pk", None) else None
    marking.assign_seed = seed
    marking.save(update_fields=["assigned_at", "assigned_by", "assign_seed", "updated_at"])
    by_marker: dict[str, int] = {}
    for mark in marks:
        username = mark.membership.user.get_username() if mark.membership.user else ""
        by_marker[username] = by_marker.get(username, 0) + 1
    audit_record(
        actor=actor,
        action="grading.markers_assign",
        target=part,
        data={"scripts": len(waiting), "seed": seed, "load": by_marker},
        profile=plan.exam_profile,
    )
    return len(waiting)
