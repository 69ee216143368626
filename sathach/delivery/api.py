"""The exam page's JSON API under /api/v1/exam/ (the candidate's side of a computer sitting).

A candidate authenticates with the bearer token their check-in gave (``Authorization: Bearer
<token>``), so the API needs no session and no CSRF token; the token opens one attempt and
nothing else. No response carries an answer key, a score scale or another candidate's data.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.security import HttpBearer

from sathach.bank.models import ItemVersion
from sathach.core.errors import ServiceError
from sathach.lib.scoring import ESSAY

from .constants import FINISHED, AttemptState
from .models import Attempt
from .selectors import (
    answers_of,
    attempt_for_token,
    form_view,
    part_name,
    remaining_seconds,
)
from .services import answer_save, attempt_check_in, attempt_start, attempt_submit, attempts_expire
from .services.scoring import CENT, sanction_effect, score_after_sanctions

# Heartbeats write ``last_seen_at`` at most this often (the console shows "last contact").
SEEN_EVERY = dt.timedelta(seconds=20)


class AttemptBearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Attempt | None:
        return attempt_for_token(token)


router = Router(auth=AttemptBearer(), tags=["exam"])


class CheckInIn(Schema):
    code: str


class AnswerIn(Schema):
    item: int
    answer: dict[str, Any]
    seq: int


class SubmitIn(Schema):
    confirm: bool = False


def clock(attempt: Attempt, now: dt.datetime | None = None) -> dict[str, Any]:
    """Return the attempt's state and clock as the page needs them (server time only)."""
    now = now or timezone.now()
    return {
        "state": attempt.state,
        "state_label": attempt.get_state_display(),
        "server_time": now.isoformat(),
        "deadline": attempt.deadline.isoformat() if attempt.deadline else None,
        "remaining_s": remaining_seconds(attempt, now),
        "room_state": attempt.session.state,
    }


def _objective_result(attempt: Attempt, kinds: list[str]) -> dict[str, Any]:
    """Return the score of the objective items of an attempt that also has essays, in item
    points after sanctions (None: the result is cancelled)."""
    items = attempt.layout.get("items", [])
    essay_ids = [vid for vid, kind in zip(items, kinds, strict=False) if kind == ESSAY]
    essay_points = ItemVersion.objects.filter(pk__in=essay_ids).aggregate(total=Sum("points"))
    objective_max = (attempt.max_score or Decimal(0)) - (essay_points["total"] or Decimal(0))
    effect = sanction_effect(attempt)
    score = None
    if attempt.raw_score is not None and not effect.cancelled:
        kept = (Decimal(100) - effect.deduction_percent) / Decimal(100)
        score = float((attempt.raw_score * kept).quantize(CENT, ROUND_HALF_UP))
    return {
        "objective_score": score,
        "objective_max": float(objective_max),
        "correct": attempt.correct_count,
        "total": sum(kind != ESSAY for kind in kinds),
    }


def result(attempt: Attempt) -> dict[str, Any]:
    """Return what the end screen shows: the score when the plan allows it.

    Essays are marked later by Ban chấm thi (grading), so a test with essays never shows a
    score of the part: only a note and, if it also has objective items and the plan shows
    scores, the score of those items as the objective share (phần trắc nghiệm).
    """
    data: dict[str, Any] = {"state": attempt.state, "state_label": attempt.get_state_display()}
    plan = attempt.sitting.plan
    handed_in = attempt.state in (AttemptState.SUBMITTED, AttemptState.EXPIRED)
    kinds = list(attempt.layout.get("kinds", []))
    essays = kinds.count(ESSAY)
    if essays and handed_in:
        data.update(
            essays=essays,
            note=_("Bài tự luận sẽ được Ban chấm thi chấm; kết quả sẽ được thông báo sau."),
        )
        if plan.show_score and essays < len(kinds):
            data.update(_objective_result(attempt, kinds))
        return data
    if plan.show_score and handed_in:
        part = attempt.sitting.part
        score = score_after_sanctions(attempt, part.max_score)
        data.update(
            score=None if score is None else float(score),
            max_score=float(part.max_score),
            correct=attempt.correct_count,
            total=len(attempt.layout.get("items", [])),
        )
    return data


def _fresh(attempt: Attempt) -> Attempt:
    return Attempt.objects.select_related("sitting__plan", "sitting__part", "session").get(
        pk=attempt.pk
    )


@router.post("/checkin", auth=None)
def checkin(request: HttpRequest, payload: CheckInIn) -> dict[str, Any]:
    """Check in with the one-time code on the admission slip; returns the bearer token."""
    attempt, token = attempt_check_in(code=payload.code)
    return {"token": token, **clock(_fresh(attempt))}


@router.get("/state")
def state(request: HttpRequest) -> dict[str, Any]:
    """The waiting room's and the countdown's poll; also a heartbeat for the proctor console."""
    attempt: Attempt = request.auth  # type: ignore[attr-defined]
    now = timezone.now()
    grace = dt.timedelta(seconds=attempt.sitting.plan.grace_seconds)
    if (
        attempt.state == AttemptState.IN_PROGRESS
        and attempt.deadline is not None
        and now > attempt.deadline + grace
    ):  # past the deadline and the plan's grace: close it now (polled by every waiting page)
        attempts_expire(now=now, pk=attempt.pk)
        attempt = _fresh(attempt)
    if attempt.last_seen_at is None or now - attempt.last_seen_at > SEEN_EVERY:
        Attempt.objects.filter(pk=attempt.pk).update(last_seen_at=now)
    data = clock(attempt, now)
    if attempt.state in FINISHED:
        data["result"] = result(attempt)
    return data


@router.post("/start")
def start(request: HttpRequest) -> dict[str, Any]:
    """Start (or reload) the test: the form as the candidate sees it and the answers stored."""
    attempt = attempt_start(attempt=request.auth)  # type: ignore[arg-type]
    if attempt.state in FINISHED:  # rare: the end screen needs the part and the plan
        attempt = _fresh(attempt)
        return {**clock(attempt), "result": result(attempt)}
    # The burst path: 10,000 candidates start at once, so the attempt from the token (with its
    # sitting and plan) and the room that ``attempt_start`` read are used as they are, not read
    # again through the ORM (docs/BENCHMARKS.md, delivery: about a third of a start's time).
    data = clock(attempt)
    data.update(
        part=part_name(attempt.sitting.part_id),
        items=form_view(attempt),
        answers=answers_of(attempt),
    )
    return data


@router.post("/answers")
def save(request: HttpRequest, payload: AnswerIn) -> dict[str, Any]:
    """Store one answer; an older sequence number never overwrites a newer one."""
    attempt: Attempt = request.auth  # type: ignore[assignment]
    saved = answer_save(attempt=attempt, item=payload.item, answer=payload.answer, seq=payload.seq)
    return {
        "item": saved.item,
        "seq": saved.seq,
        "stale": saved.stale,
        "saved_at": saved.saved_at.isoformat(),
        "deadline": attempt.deadline.isoformat() if attempt.deadline else None,
        "server_time": timezone.now().isoformat(),
    }


@router.post("/submit")
def submit(request: HttpRequest, payload: SubmitIn) -> dict[str, Any]:
    """Submit the test (the page asks for confirmation first); returns the end screen."""
    if not payload.confirm:
        raise ServiceError(_("Hãy xác nhận nộp bài."), code="confirm")
    attempt = attempt_submit(attempt=request.auth)  # type: ignore[arg-type]
    return result(_fresh(attempt))
