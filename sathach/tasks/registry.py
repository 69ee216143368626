"""What each kind of job does: apps register a handler per kind when they load.

The tasks app knows no other app; an app that offers background jobs (plans: PDF batches)
calls ``register`` from its ``AppConfig.ready``, and the worker runs the handler named by the
job's kind. A handler reads ``job.params``, reports progress with ``job_progress`` and returns
the file it made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Job


@dataclass(frozen=True)
class JobOutput:
    """The file a job made, offered for download on the job's page."""

    content: bytes
    filename: str
    content_type: str


Handler = Callable[["Job"], JobOutput]
_HANDLERS: dict[str, Handler] = {}


def register(kind: str, handler: Handler) -> None:
    """Make ``handler`` the one that runs jobs of ``kind`` (e.g. ``plans.room_pdf``)."""
    existing = _HANDLERS.get(kind)
    if existing is not None and existing is not handler:
        raise ValueError(f"job kind {kind!r} is already registered")
    _HANDLERS[kind] = handler


def handler_for(kind: str) -> Handler | None:
    return _HANDLERS.get(kind)


def kinds() -> list[str]:
    return sorted(_HANDLERS)
