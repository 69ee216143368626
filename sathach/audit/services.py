"""Append events to the audit chain and verify it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from .constants import CHAIN_LOCK_KEY, GENESIS_HASH
from .models import AuditEvent


def canonical_json(fields: dict[str, Any]) -> str:
    """Return the one JSON text of an event that its hash is taken over."""
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _utc_iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def event_fields(event: AuditEvent) -> dict[str, Any]:
    """Return the fields of ``event`` that the hash covers (every field but ``hash``)."""
    return {
        "seq": event.seq,
        "created_at": _utc_iso(event.created_at),
        "actor_id": event.actor_id,
        "actor_username": event.actor_username,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_repr": event.target_repr,
        "data": event.data,
        "profile": event.profile,
        "ip": event.ip,
        "prev_hash": event.prev_hash,
    }


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(canonical_json(event_fields(event)).encode("utf-8")).hexdigest()


def _lock_chain() -> None:
    """Serialise appends so two transactions never chain onto the same event.

    On PostgreSQL a transaction-level advisory lock; on SQLite the IMMEDIATE transaction mode
    (settings) already holds the database write lock from BEGIN.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


def _json_safe(value: Any) -> Any:
    """Return ``value`` with dates, decimals and other scalars as JSON-stable text."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


@transaction.atomic
def audit_record(
    *,
    actor: Any,
    action: str,
    target: Model | None = None,
    data: dict[str, Any] | None = None,
    profile: str = "",
    ip: str = "",
) -> AuditEvent:
    """Append one event. Call inside the transaction of the write it records.

    ``actor`` is a user (or None for the system); ``profile`` is the ``code@version`` of the rule
    profile that decided the action, when one did.
    """
    if not connection.in_atomic_block:  # pragma: no cover - atomic above guarantees it
        raise RuntimeError("audit_record must run inside a transaction")
    _lock_chain()
    last = AuditEvent.objects.order_by("-seq").only("seq", "hash").first()
    is_user = actor is not None and getattr(actor, "pk", None) is not None
    event = AuditEvent(
        seq=(last.seq + 1) if last else 1,
        created_at=timezone.now(),
        actor_id=actor.pk if is_user else None,
        actor_username=actor.get_username() if is_user else "system",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        data=_json_safe(data or {}),
        profile=profile,
        ip=ip,
        prev_hash=last.hash if last else GENESIS_HASH,
    )
    event.hash = event_hash(event)
    event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class ChainReport:
    """The outcome of walking the chain."""

    count: int
    ok: bool
    bad_seq: int | None = None
    bad_id: int | None = None
    reason: str = ""


def _iter_events(chunk: int = 5000) -> Iterator[AuditEvent]:
    last_seq = 0
    while True:
        batch = list(AuditEvent.objects.filter(seq__gt=last_seq).order_by("seq")[:chunk])
        if not batch:
            return
        yield from batch
        last_seq = batch[-1].seq


def audit_verify() -> ChainReport:
    """Walk the chain from the first event; report the first event that breaks it.

    - an edited event no longer matches its own hash;
    - a deleted event leaves a gap in ``seq`` and a ``prev_hash`` that points nowhere;
    - an inserted event either breaks ``seq`` order or the next event's ``prev_hash``.
    """
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    for event in _iter_events():
        if event.seq != expected_seq:
            return ChainReport(
                count,
                False,
                event.seq,
                event.pk,
                f"expected event #{expected_seq}, found #{event.seq} (an event was deleted "
                "or inserted)",
            )
        if event.prev_hash != expected_prev:
            return ChainReport(
                count,
                False,
                event.seq,
                event.pk,
                "prev_hash does not match the event before it (an event was deleted, "
                "inserted or edited)",
            )
        if event_hash(event) != event.hash:
            return ChainReport(
                count,
                False,
                event.seq,
                event.pk,
                "content does not match its hash (the event was edited)",
            )
        expected_prev = event.hash
        expected_seq += 1
        count += 1
    return ChainReport(count, True)
