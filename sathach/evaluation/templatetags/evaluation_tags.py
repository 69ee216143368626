"""Small template helpers of the streamlining pages."""

from __future__ import annotations

from typing import Any

from django import template

from sathach.evaluation.constants import Ground

register = template.Library()

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@register.filter
def roman(number: int) -> str:
    return _ROMAN[number - 1] if 0 < number <= len(_ROMAN) else str(number)


@register.filter
def ground_label(key: str) -> str:
    return str(Ground(key).label)


@register.simple_tag
def own_findings(listed: Any, key: str) -> list[Any]:
    """Return the person's finding for ground ``key`` (a person with two grounds is listed
    under each, citing that ground)."""
    return [f for f in listed.assessment.grounds if f.key == key]


@register.simple_tag
def all_findings(listed: Any) -> list[Any]:
    """Return what a deferred person's or a dismissal-route person's row cites."""
    return list(listed.assessment.cited())
