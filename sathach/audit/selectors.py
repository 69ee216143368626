"""Reads of the audit log, scoped by the requesting user."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from .models import AuditEvent


def audit_event_list(
    *, user: Any, action: str = "", actor: str = "", target: str = ""
) -> QuerySet[AuditEvent]:
    """Return events newest first; only administrators read the log (DESIGN §1)."""
    if not (user.is_authenticated and user.has_role("admin")):
        raise PermissionDenied
    events = AuditEvent.objects.order_by("-seq")
    if action:
        events = events.filter(action__startswith=action)
    if actor:
        events = events.filter(actor_username__icontains=actor)
    if target:
        events = events.filter(target_repr__icontains=target)
    return events
