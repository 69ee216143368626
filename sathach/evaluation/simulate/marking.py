"""Step 3 of the simulation: the written part marked the way domain.md §1.4 sets out.

Ban phách collects the typed scripts and codes them (đánh số phách); the organiser enters the
marking guide; the head of Ban chấm thi draws two markers per script; each marker submits a
mark (per question); pairs beyond the profile's tolerance are discussed, most agree, the rest
go to the head, who decides; Ban phách re-matches (ghép phách). Every step is the grading
service a board member calls; only the marks are simulated: each marker reads the script's
deserved mark with their own error, so some pairs land beyond the tolerance.

The simulation reads which candidate wrote a script (to know what it deserves); the markers
and the services never do.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count

from sathach.accounts.models import User
from sathach.accounts.services import user_create
from sathach.core.errors import ServiceError
from sathach.grading.constants import Method, ScriptState
from sathach.grading.models import Mark, Reconciliation, Script, ScriptIdentity
from sathach.grading.services import (
    access_record,
    guide_set,
    mark_agree,
    mark_submit,
    markers_assign,
    marking_rules,
    script_decide,
    scripts_code,
    scripts_collect,
    scripts_rematch,
)
from sathach.org.models import Person
from sathach.plans.constants import Board, BoardRole, PartKind
from sathach.plans.models import BlueprintPart, BoardMembership, Candidate, Plan
from sathach.plans.services import board_member_add, member_refusals

from .base import Context, on_step, vn

MARKER_SD = 3.8  # points out of 100: one marker's error; two differ by > 10 in about 1 in 15
AGREE_SHARE = 0.75  # of the pairs beyond tolerance, those who agree after discussing
CODERS = 2
GUIDE = (
    "Câu 1 (50 điểm) và Câu 2 (50 điểm): chấm theo hướng dẫn chấm của từng câu trong ngân "
    "hàng đề (các ý chính, liên hệ thực tiễn); điểm lẻ đến 0,25."
)
HEAD_REASON = (
    "Hai giám khảo không thống nhất sau trao đổi; Trưởng ban chấm thi đối chiếu đáp án, thang "
    "điểm và quyết định điểm bài thi."
)


def markers_needed(scripts: int) -> int:
    """Ban chấm thi for ``scripts`` scripts: one marker per 200 (two marks each), 4 to 12."""
    return max(4, min(12, -(-scripts // 200)))


@dataclass
class Boards:
    """The accounts seated on Ban phách and Ban chấm thi (``markers[0]`` is the head)."""

    coders: list[User] = field(default_factory=list)
    markers: list[User] = field(default_factory=list)

    @property
    def coder(self) -> User:
        return self.coders[0]

    @property
    def head(self) -> User:
        return self.markers[0]


def _board_people(plan: Plan) -> list[Person]:
    """Return people who may sit on the boards: active, not candidates, not already seated,
    without an account of their own (one is made for them), last codes first."""
    candidates = Candidate.objects.filter(plan=plan).values("person_id")
    seated = BoardMembership.objects.filter(plan=plan, person__isnull=False).values("person_id")
    with_login = User.objects.filter(person__isnull=False).values("person_id")
    return list(
        Person.objects.filter(is_active=True, under_discipline=False)
        .exclude(pk__in=candidates)
        .exclude(pk__in=seated)
        .exclude(pk__in=with_login)
        .order_by("-code")[:200]
    )


def boards_seat(ctx: Context, plan: Plan, boards: Boards | None, scripts: int) -> Boards:
    """Seat Ban phách and Ban chấm thi on ``plan``: the accounts of ``boards`` again (the
    re-test), or new accounts for people drawn outside the list. A person the rules bar
    (a relative among the candidates…) is passed over."""
    if boards is not None:
        for board, users in ((Board.CODING, boards.coders), (Board.MARKING, boards.markers)):
            for index, user in enumerate(users):
                head = board == Board.MARKING and index == 0
                board_member_add(
                    actor=ctx.actor,
                    plan=plan,
                    board=board,
                    person=user.person,
                    user=user,
                    role=BoardRole.HEAD if head else BoardRole.MEMBER,
                )
        return boards
    boards = Boards()
    people = iter(_board_people(plan))
    for board, count, tag in (
        (Board.CODING, CODERS, "bp"),
        (Board.MARKING, markers_needed(scripts), "gk"),
    ):
        seated = boards.coders if board == Board.CODING else boards.markers
        for person in people:
            if len(seated) == count:
                break
            if member_refusals(plan=plan, board=board, person=person):
                continue
            user = user_create(
                actor=ctx.actor,
                username=f"sim{ctx.seed}.{tag}{len(seated) + 1:02d}",
                password=secrets.token_urlsafe(18),
                full_name=person.full_name,
                person=person,
                validate=False,
            )
            head = board == Board.MARKING and not seated
            board_member_add(
                actor=ctx.actor,
                plan=plan,
                board=board,
                person=person,
                user=user,
                role=BoardRole.HEAD if head else BoardRole.MEMBER,
            )
            seated.append(user)
        if len(seated) < count:
            raise ServiceError(
                f"Không đủ người ngoài danh sách để cử vào {Board(board).label}.",
                code="boards_short",
            )
    return boards


def _split(total: Decimal, share: float, step: Decimal, half: Decimal) -> list[Decimal]:
    """Split a mark over the two questions (each 0…``half`` on the step), near ``share``."""
    first = min(on_step(float(total) * share, step, half), total)
    second = total - first
    if second > half:
        first, second = first + second - half, half
    return [first, second]


def _submit(mark: Mark, total: Decimal, share: float, step: Decimal, half: Decimal) -> None:
    mark_submit(
        actor=mark.marker,
        mark=mark,
        total=total,
        question_scores=_split(total, share, step, half),
    )


def marking_run(
    ctx: Context, plan: Plan, boards: Boards | None, deserved: dict[int, float]
) -> Boards:
    """Run the written part's marking to the end (seating the boards first); return them."""
    part = plan.parts.get(kind=PartKind.WRITTEN)
    seated = boards_seat(ctx, plan, boards, len(deserved))
    scripts_collect(actor=seated.coder, part=part)
    scripts_code(actor=seated.coder, part=part)
    guide_set(
        actor=ctx.actor,
        part=part,
        text=GUIDE,
        questions=[("Câu 1", part.max_score / 2), ("Câu 2", part.max_score / 2)],
    )
    markers_assign(actor=seated.head, part=part, seed=ctx.seed)
    rules = marking_rules(part)
    step, top, half = rules.score_step, part.max_score, part.max_score / 2
    marks: dict[int, list[Mark]] = {}
    for mark in (
        Mark.objects.filter(script__part=part, remark__isnull=True)
        .select_related("marker")
        .order_by("script_id", "slot")
    ):
        marks.setdefault(mark.script_id, []).append(mark)
    # Candidate order (not the secret codes) keeps the draws the same for one seed.
    order = list(
        ScriptIdentity.objects.filter(part=part)
        .exclude(script__state=ScriptState.ABSENT)  # "Không dự thi": nothing to mark
        .order_by("candidate__number", "candidate_id")
        .values_list("script_id", "candidate_id")
    )
    submitted: dict[int, tuple[Decimal, Decimal]] = {}
    for script_id, candidate_id in order:
        truth = 100 * deserved[candidate_id]
        share = float(ctx.rng.uniform(0.4, 0.6))
        first, second = (
            on_step(truth + float(ctx.rng.normal(0, MARKER_SD)), step, top) for _slot in range(2)
        )
        submitted[script_id] = (first, second)
        for mark, total in zip(marks[script_id], (first, second), strict=True):
            _submit(mark, total, share, step, half)
    _discuss(ctx, part, order, marks, submitted, seated)
    scripts_rematch(actor=seated.coder, part=part)
    return seated


def _discuss(
    ctx: Context,
    part: BlueprintPart,
    order: list[tuple[int, int]],
    marks: dict[int, list[Mark]],
    submitted: dict[int, tuple[Decimal, Decimal]],
    boards: Boards,
) -> None:
    """Settle every pair beyond the tolerance: the two markers discuss and each records the
    score they agree on; most agree; where they still differ the head decides."""
    step, top = marking_rules(part).score_step, part.max_score
    discussed = set(
        Script.objects.filter(part=part, state=ScriptState.DISCUSSION).values_list("pk", flat=True)
    )
    for script_id, _candidate in order:
        if script_id not in discussed:
            continue
        first, second = submitted[script_id]
        middle = (first + second) / 2
        if ctx.rng.random() < AGREE_SHARE:
            agreed = (on_step(float(middle), step, top),) * 2
        else:
            # Each moves toward the other, not all the way.
            gap = second - first
            agreed = (
                on_step(float(first + gap * Decimal("0.4")), step, top),
                on_step(float(second - gap * Decimal("0.4")), step, top),
            )
        for mark, score in zip(marks[script_id], agreed, strict=True):
            mark_agree(actor=mark.marker, mark=mark, score=score)
    waiting = Script.objects.filter(part=part, state=ScriptState.HEAD).values_list("pk", flat=True)
    heads = set(waiting)
    for script_id, _candidate in order:
        if script_id in heads:
            agreed_scores = [m.agreed_score for m in Mark.objects.filter(script_id=script_id)]
            score = on_step(float(sum(s or 0 for s in agreed_scores) / 2), step, top)
            script_decide(
                actor=boards.head,
                script=Script.objects.get(pk=script_id),
                score=score,
                reason=HEAD_REASON,
            )


def marking_figures(plan: Plan) -> list[tuple[str, Any]]:
    """Return the marking figures of the written part of ``plan`` (from the records)."""
    part = plan.parts.get(kind=PartKind.WRITTEN)
    rules = marking_rules(part)
    scripts = Script.objects.filter(part=part)
    marks = Mark.objects.filter(script__part=part, remark__isnull=True)
    methods = dict(
        Reconciliation.objects.filter(script__part=part, remark__isnull=True)
        .values_list("method")
        .annotate(n=Count("pk"))
        .values_list("method", "n")
    )
    finals = [float(s) for s in scripts.values_list("final_score", flat=True) if s is not None]
    markers = marks.values("marker_id").distinct().count()
    beyond = methods.get(Method.AGREED, 0) + methods.get(Method.HEAD, 0)
    return [
        ("phần trắc nghiệm", "chấm tự động khi nộp bài"),
        ("bài viết đã thu", scripts.exclude(state=ScriptState.ABSENT).count()),
        ("không dự thi (không có bài)", scripts.filter(state=ScriptState.ABSENT).count()),
        ("đã đánh số phách", scripts.exclude(code="").count()),
        ("giám khảo", markers),
        ("lượt chấm đã nộp", marks.filter(submitted_at__isnull=False).count()),
        ("chênh lệch cho phép", f"{vn(float(rules.tolerance), 2)} điểm"),
        ("trong mức, lấy trung bình", methods.get(Method.AVERAGE, 0)),
        ("vượt mức cho phép", beyond),
        ("thống nhất sau trao đổi", methods.get(Method.AGREED, 0)),
        ("Trưởng ban chấm thi quyết định", methods.get(Method.HEAD, 0)),
        ("đã ghép phách", scripts.filter(state=ScriptState.FINAL).count()),
        ("điểm viết trung bình", vn(sum(finals) / len(finals) if finals else 0.0, 2)),
    ]


def marking_records(boards: Boards, part: BlueprintPart) -> None:
    """Record that the coding record and the reconciliation record were printed (a
    privileged read, domain.md §4.5), as the pages do before handing the PDF over."""
    access_record(actor=boards.coder, action="grading.coding_record_print", target=part)
    access_record(actor=boards.head, action="grading.reconciliation_print", target=part)
