"""Who may see and change a plan's results (one policy for pages, exports and services).

- Those who run the plan (``plans.permissions``: write access) compute, publish, export and
  propose or approve corrections; a correction needs two of them (DESIGN §1).
- Readers who see candidates (unit_hr and leaders for their subtree, the council and the boards
  that see the candidate list) see the results table of the candidates they may see; markers,
  paper setters, appeals and IT see none (a marker never sees names).
- A candidate sees only their own published result, through ``selectors.own_result_list``.
"""

from __future__ import annotations

from typing import Any

from sathach.plans.models import Plan
from sathach.plans.permissions import plan_permissions


def can_view_results(user: Any, plan: Plan) -> bool:
    access = plan_permissions(user, plan)
    return access.read and access.candidate_paths != ()


def can_manage_results(user: Any, plan: Plan) -> bool:
    """Return whether ``user`` may compute, publish, export and correct ``plan``'s results."""
    return plan_permissions(user, plan).write
