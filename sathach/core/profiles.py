"""The rule profiles of this process, loaded at start-up by ``CoreConfig.ready``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from sathach.lib.rules.profiles import ProfileRegistry, RuleProfile, load_profiles

_registry: ProfileRegistry | None = None


def load(dirs: Iterable[Path | str]) -> ProfileRegistry:
    """Load (or reload) every profile under ``dirs``; raises ProfileError on a bad file."""
    global _registry
    _registry = load_profiles(dirs)
    return _registry


def registry() -> ProfileRegistry:
    if _registry is None:
        from django.conf import settings

        return load(settings.SATHACH_PROFILE_DIRS)
    return _registry


def get(ref: str) -> RuleProfile:
    """Return the profile named ``code`` or ``code@version``; KeyError if unknown."""
    return registry().get_ref(ref)


def choices(kind: str) -> list[tuple[str, str]]:
    """Return (code, title) pairs of the profiles of ``kind`` for a form's select."""
    return [(p.code, f"{p.code} — {p.title}") for p in registry().of_kind(kind)]


def in_force(kind: str, on: dt.date) -> RuleProfile | None:
    return registry().in_force(kind, on)
