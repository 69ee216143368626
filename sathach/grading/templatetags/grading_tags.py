"""Template filters of the marking pages."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from ..services.common import score_text

register = template.Library()


@register.filter
def score(value: Any) -> str:
    """Show a score the Vietnamese way (7,25); "—" when there is none."""
    if value is None or value == "":
        return "—"
    try:
        return score_text(Decimal(value))
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
