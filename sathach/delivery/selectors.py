"""Reads of the delivery app, each scoped to who asks: a candidate's token, a proctor's room."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from sathach.bank.content import public_view
from sathach.bank.models import ItemVersion
from sathach.plans.constants import Board
from sathach.plans.models import (
    BlueprintPart,
    BoardMembership,
    Form,
    Plan,
    ProctorAssignment,
    Sitting,
)
from sathach.plans.permissions import administered_q

from .constants import FINISHED, AttemptState
from .models import Attempt, Incident, RoomSession
from .services.common import can_watch, token_matches

# A candidate whose page has not been heard from for this long is shown as disconnected.
DISCONNECTED_AFTER = dt.timedelta(seconds=60)
_ASSET_SRC = re.compile(r'src="asset:([^"]+)"')


# The exam page's every request (saves above all: 600,000 in a sitting of 10,000) starts by
# finding its attempt from the bearer token. One plain statement reads the columns a request
# needs, and the rows become model instances with every other field deferred (loaded on
# access); the ORM's query compiler for the same select_related read costs twenty times more.
_TOKEN_COLUMNS = {
    Attempt: (
        "id",
        "token_hash",
        "state",
        "deadline",
        "paused_at",
        "paused_seconds",
        "extra_seconds",
        "layout",
        "last_seen_at",
        "session_id",
        "form_id",
        "candidate_id",
        "sitting_id",
    ),
    Sitting: ("id", "duration_minutes", "part_id", "plan_id"),
    Plan: ("id", "grace_seconds", "show_score", "exam_profile"),
}


@functools.cache  # the statement depends only on the models' table names
def _token_sql() -> str:
    a, s, p = (model._meta.db_table for model in (Attempt, Sitting, Plan))
    columns = ", ".join(
        f"{alias}.{column}"
        for alias, model in (("a", Attempt), ("s", Sitting), ("p", Plan))
        for column in _TOKEN_COLUMNS[model]
    )
    return (
        f"SELECT {columns} FROM {a} a "  # noqa: S608 - table names from the models only
        f"JOIN {s} s ON s.id = a.sitting_id JOIN {p} p ON p.id = s.plan_id WHERE a.id = %s"
    )


def _python_value(field: Any, value: Any) -> Any:
    """Turn a raw column value into what the ORM would give (SQLite returns text)."""
    if value is None:
        return None
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(value) if isinstance(value, str) else value
        assert isinstance(moment, dt.datetime)
        # SQLite keeps UTC without an offset; PostgreSQL gives an aware value.
        return moment if timezone.is_aware(moment) else moment.replace(tzinfo=dt.UTC)
    if isinstance(field, models.JSONField) and isinstance(value, str):
        return json.loads(value)
    if isinstance(field, models.BooleanField):
        return bool(value)
    return value


def _instance(model: Any, values: dict[str, Any]) -> Any:
    """Return a ``model`` row built from ``values`` (by column), other fields deferred."""
    names = set(values)
    ordered = [
        _python_value(f, values[f.attname])
        for f in model._meta.concrete_fields
        if f.attname in names
    ]
    return model.from_db(connection.alias, list(names), ordered)


def attempt_for_token(token: str) -> Attempt | None:
    """Return the attempt the bearer ``token`` (``<id>.<secret>``) opens, or None.

    The attempt comes with its sitting and plan, each holding only what requests need.
    """
    attempt_id, _, secret = (token or "").partition(".")
    if not attempt_id.isdigit() or not secret or len(attempt_id) > 18:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_token_sql(), [int(attempt_id)])
        row = cursor.fetchone()
    if row is None:
        return None
    rows, at = {}, 0
    for model, columns in _TOKEN_COLUMNS.items():
        rows[model] = dict(zip(columns, row[at : at + len(columns)], strict=True))
        at += len(columns)
    attempt = _instance(Attempt, rows[Attempt])
    if not token_matches(attempt, secret):
        return None
    sitting = _instance(Sitting, rows[Sitting])
    sitting.plan = _instance(Plan, rows[Plan])
    attempt.sitting = sitting
    return attempt


def attempt_list_for_user(*, user: Any) -> QuerySet[Attempt]:
    """Return the signed-in candidate's own attempts in sittings that are open."""
    if not getattr(user, "is_authenticated", False) or not user.person_id:
        return Attempt.objects.none()
    return (
        Attempt.objects.filter(candidate__person_id=user.person_id)
        .exclude(state__in=FINISHED)
        .select_related("sitting__part", "sitting__plan", "session__room")
        .order_by("sitting__starts_at")
    )


def remaining_seconds(attempt: Attempt, now: dt.datetime | None = None) -> int | None:
    """Return the seconds left on the attempt's clock (frozen while paused), or None."""
    if attempt.deadline is None:
        return None
    at = attempt.paused_at if attempt.state == AttemptState.PAUSED else (now or timezone.now())
    assert at is not None
    return max(0, int((attempt.deadline - at).total_seconds()))


def _stem(html: str, assets: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        sha = assets.get(match.group(1))
        if sha is None:
            return 'src="" data-missing-asset="1"'
        return f'src="{reverse("delivery:asset", args=[sha])}"'

    return _ASSET_SRC.sub(replace, html)


# Candidate views of item versions, per process, keyed by (id, content hash): a version on a
# sealed form is frozen (never edited), and the hash makes a reused id miss. Shared by every
# candidate of a sitting, so 10,000 starts render each item once per worker, not once each.
_VIEW_CACHE: dict[tuple[int, str], dict[str, Any]] = {}
_VIEW_CACHE_MAX = 20_000


def _version_views(ids: list[int]) -> dict[int, dict[str, Any]]:
    """Return the public view of each version in ``ids`` (options in stored order)."""
    hashes = dict(ItemVersion.objects.filter(pk__in=ids).values_list("id", "content_hash"))
    views = {vid: _VIEW_CACHE.get((vid, h)) for vid, h in hashes.items()}
    missing = [vid for vid, view in views.items() if view is None]
    if missing:
        fetched = (
            ItemVersion.objects.filter(pk__in=missing)
            .only("id", "kind", "stem", "content", "points", "content_hash")
            .prefetch_related("assets")
        )
        if len(_VIEW_CACHE) + len(missing) > _VIEW_CACHE_MAX:
            _VIEW_CACHE.clear()
        for version in fetched:
            view = public_view(version)
            assets = {a.name: a.sha256 for a in version.assets.all()}
            view["stem"] = _stem(view["stem"], assets)
            if "options" in view:
                view["options"] = [_stem(text, assets) for text in view["options"]]
            _VIEW_CACHE[(version.pk, version.content_hash)] = view
            views[version.pk] = view
    return views  # type: ignore[return-value]


def part_name(part_id: int) -> str:
    """Return the name of a blueprint part (the exam page's title), reading only that column."""
    return BlueprintPart.objects.values_list("name", flat=True).get(pk=part_id)


def form_view(attempt: Attempt) -> list[dict[str, Any]]:
    """Return the attempt's items as the candidate sees them: in form order, options in the
    form's order, never the key (``bank.content.public_view`` is the only source)."""
    form = Form.objects.only("items", "option_orders").get(pk=attempt.form_id)
    views = _version_views(list(form.items))
    items = []
    for position, vid in enumerate(form.items):
        view = dict(views[vid])
        order = form.option_orders[position] if position < len(form.option_orders) else None
        if "options" in view and order is not None and view["kind"] != "true_false":
            view["options"] = [view["options"][i] for i in order]
        items.append({"id": vid, "number": position + 1, **view})
    return items


def answers_of(attempt: Attempt) -> dict[str, dict[str, Any]]:
    """Return the stored answers of the attempt by item id (for a page reload or a new device)."""
    return {
        str(item): {"answer": answer, "seq": seq}
        for item, answer, seq in attempt.responses.values_list("item_id", "answer", "seq")
    }


def attempt_asset_allowed(attempt: Attempt, sha256: str) -> bool:
    """Return whether ``sha256`` is an image of an item on the attempt's form."""
    return ItemVersion.objects.filter(pk__in=attempt.form.items, assets__sha256=sha256).exists()


# --- Proctor console --------------------------------------------------------------------------


def session_list_for_user(*, user: Any) -> QuerySet[RoomSession]:
    """Return the room sessions ``user`` may watch: theirs as proctor, or every room of the
    plans they administer or supervise."""
    if not getattr(user, "is_authenticated", False):
        return RoomSession.objects.none()
    mine = ProctorAssignment.objects.filter(membership__user=user).values_list(
        "sitting_id", "room_id"
    )
    q = Q(pk__in=[])
    for sitting_id, room_id in mine:
        q |= Q(sitting_id=sitting_id, room_id=room_id)
    administered = Plan.objects.filter(administered_q(user)).values("pk")
    supervised = BoardMembership.objects.filter(user=user, board=Board.SUPERVISION).values(
        "plan_id"
    )
    q |= Q(sitting__plan__in=administered) | Q(sitting__plan__in=supervised)
    return (
        RoomSession.objects.filter(q)
        .select_related("sitting__plan", "sitting__part", "room")
        .order_by("-sitting__starts_at", "room__name")
    )


def session_get_for_user(*, user: Any, pk: int) -> RoomSession:
    session = (
        RoomSession.objects.select_related("sitting__plan", "sitting__part", "room")
        .filter(pk=pk)
        .first()
    )
    if session is None or not can_watch(user, session):
        raise Http404
    return session


def attempt_get_for_user(*, user: Any, pk: int) -> Attempt:
    attempt = (
        Attempt.objects.select_related(
            "session__room", "session__sitting__plan", "sitting__part", "candidate__person"
        )
        .filter(pk=pk)
        .first()
    )
    if attempt is None or not can_watch(user, attempt.session):
        raise Http404
    return attempt


@dataclass(frozen=True)
class ConsoleRow:
    attempt: Attempt
    answered: int
    total: int
    last_contact: dt.datetime | None
    disconnected: bool
    remaining: int | None
    incidents: int


def console_rows(session: RoomSession, now: dt.datetime | None = None) -> list[ConsoleRow]:
    """Return one row per seat of the room: state, answers given, last contact, time left.

    Three queries whatever the room's size.
    """
    now = now or timezone.now()
    attempts = (
        Attempt.objects.filter(session=session)
        .select_related("candidate__person__unit")
        .annotate(answered=Count("responses"), last_save=Max("responses__saved_at"))
        .order_by("candidate__number")
    )
    incidents = dict(
        Incident.objects.filter(attempt__session=session)
        .values("attempt_id")
        .annotate(n=Count("pk"))
        .values_list("attempt_id", "n")
    )
    rows = []
    for attempt in attempts:
        contacts = [t for t in (attempt.last_seen_at, attempt.last_save) if t is not None]
        last = max(contacts) if contacts else None
        live = attempt.state in (AttemptState.CHECKED_IN, AttemptState.IN_PROGRESS)
        rows.append(
            ConsoleRow(
                attempt=attempt,
                answered=attempt.answered,
                total=len(attempt.layout.get("items", [])),
                last_contact=last,
                disconnected=live and (last is None or now - last > DISCONNECTED_AFTER),
                remaining=remaining_seconds(attempt, now),
                incidents=incidents.get(attempt.pk, 0),
            )
        )
    return rows
