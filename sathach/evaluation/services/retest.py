"""The re-test (kiểm tra lại) of those who failed a published plan, in one step (domain.md
§3 suggested pipeline: failed test → training → re-test).

Everything goes through the plans services, so the re-test plan is an ordinary draft plan
with the same audit trail and registration numbering as any other: the same exam profile,
scope units and blueprint (parts and cells copied one by one), and only the failures as
candidates, each added by hand with the reason. Forms, sittings and rooms are made later by
the organiser as usual: fresh forms come from the normal assembly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.plans.models import Plan
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    plan_candidate_add,
    plan_create,
    plan_scope_set,
)
from sathach.results.permissions import can_manage_results

from ..models import Retest
from ..selectors_training import parts_of, retest_failures
from .training import require_published


def retest_reason(source: Plan) -> str:
    """Return the reason written on each re-test candidate's manual addition."""
    return _("Kiểm tra lại sau khi không đạt kế hoạch %(c)s") % {"c": source.code}


@transaction.atomic
def retest_create(
    *,
    actor: Any,
    plan: Plan,
    code: str,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    trained_only: bool = False,
) -> Retest:
    """Create the re-test plan ``code`` from the failures of ``plan`` and link the two.

    Refused while ``plan``'s results are unpublished, or when nobody would sit (nobody
    failed, or with ``trained_only`` nobody completed the training). Those who left the
    service are left out.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if actor is not None and not can_manage_results(actor, plan):
        raise PermissionDeniedError(
            _("Bạn không có quyền lập kế hoạch kiểm tra lại của kế hoạch “%(c)s”.")
            % {"c": plan.code}
        )
    require_published(plan)
    failures = list(retest_failures(plan, trained_only=trained_only))
    if not failures:
        message = (
            _(
                "Không có ai chưa đạt kế hoạch “%(c)s” đã hoàn thành bồi dưỡng: không có ai "
                "để kiểm tra lại."
            )
            if trained_only
            else _("Không có ai chưa đạt kế hoạch “%(c)s”: không có ai để kiểm tra lại.")
        )
        raise ServiceError(message % {"c": plan.code}, code="nobody_failed")
    retest = plan_create(
        actor=actor,
        code=code,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        legal_basis=plan.legal_basis,
        exam_profile=plan.exam_profile,
    )
    # Fields no plans service sets at creation: copied as they are (same rules of delivery).
    retest.grace_seconds = plan.grace_seconds
    retest.show_score = plan.show_score
    retest.multiple_response_rule = plan.multiple_response_rule
    retest.save(update_fields=["grace_seconds", "show_score", "multiple_response_rule"])
    plan_scope_set(actor=actor, plan=retest, units=[s.unit for s in plan.scopes.all()])
    cells = 0
    for part in parts_of(plan):
        copy = blueprint_part_add(
            actor=actor,
            plan=retest,
            order=part.order,
            kind=part.kind,
            name=part.name,
            minutes=part.minutes,
            max_score=part.max_score,
            pass_mark=part.pass_mark,
            weight=part.weight,
            sitting_mode=part.sitting_mode,
            note=part.note,
        )
        for cell in part.cells.all():
            blueprint_cell_add(
                actor=actor,
                part=copy,
                topic=cell.topic,
                count=cell.count,
                points=cell.points,
                difficulty=cell.difficulty,
                item_kind=cell.item_kind,
            )
            cells += 1
    reason = retest_reason(plan)
    for result in failures:
        plan_candidate_add(actor=actor, plan=retest, person=result.candidate.person, reason=reason)
    link = Retest.objects.create(
        source=plan,
        plan=retest,
        count=len(failures),
        trained_only=trained_only,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action="evaluation.retest_create",
        target=link,
        data={
            "source": plan.code,
            "plan": retest.code,
            "count": len(failures),
            "cells": cells,
            "trained_only": trained_only,
        },
        profile=plan.exam_profile,
    )
    return link
