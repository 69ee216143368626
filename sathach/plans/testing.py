"""Test helpers for plans (also for the apps after it: delivery, grading, results)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sathach.org.models import Unit

from .models import Plan
from .services import plan_create, plan_rules_set, plan_scope_set

PLAN_START = dt.date(2026, 3, 2)


def make_plan(
    code: str = "DEMO",
    units: Sequence[Unit] = (),
    *,
    actor: Any = None,
    starts_on: dt.date = PLAN_START,
    ends_on: dt.date | None = None,
    **rules: Any,
) -> Plan:
    """A draft plan over ``units`` (rules as ``plan_rules_set`` takes them), made by the system
    unless ``actor`` is given."""
    plan = plan_create(
        actor=actor,
        code=code,
        name=f"Kiểm tra, sát hạch công chức {code}",
        starts_on=starts_on,
        ends_on=ends_on or starts_on + dt.timedelta(days=60),
    )
    if units:
        plan_scope_set(actor=actor, plan=plan, units=units)
    if rules:
        plan_rules_set(actor=actor, plan=plan, **rules)
    return plan
