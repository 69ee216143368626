"""Create a plan, set its scope and rules, publish and close it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.text import clean_name
from sathach.org.constants import Block, UnitLevel
from sathach.org.models import Position, Rank, Unit

from ..constants import CandidateStatus, PlanStatus
from ..models import Candidate, Plan, PlanScope
from ..permissions import can_create_plan
from .common import checked, require_status, require_write


def _profile_ref(ref: str, starts_on: dt.date) -> str:
    """Return the pinned ``code@version`` of the exam profile ``ref``, or of the profile in
    force on ``starts_on`` when ``ref`` is empty."""
    if not ref.strip():
        profile = profiles.in_force("exam", starts_on)
        if profile is None:
            raise ServiceError(
                _(
                    "Không có bộ quy tắc thi nào có hiệu lực ngày %(d)s: hãy chọn bộ quy tắc "
                    "cho kế hoạch."
                )
                % {"d": f"{starts_on:%d/%m/%Y}"},
                code="no_profile_in_force",
            )
        return profile.ref
    try:
        profile = profiles.get(ref.strip())
    except (KeyError, ValueError):
        raise ServiceError(
            _("Không có bộ quy tắc thi “%(r)s”.") % {"r": ref}, code="unknown_profile"
        ) from None
    if profile.kind != "exam":
        raise ServiceError(
            _("“%(r)s” không phải bộ quy tắc thi.") % {"r": ref}, code="unknown_profile"
        )
    return profile.ref


@transaction.atomic
def plan_create(
    *,
    actor: Any,
    code: str,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    legal_basis: str = "",
    exam_profile: str = "",
    template: str = "",
) -> Plan:
    """Create a draft plan; the exam profile defaults to the one in force on ``starts_on``."""
    if actor is not None and not can_create_plan(actor):
        raise PermissionDeniedError(_("Chỉ cán bộ Ban Tổ chức, Sở Nội vụ được lập kế hoạch."))
    code = clean_name(code)
    if Plan.objects.filter(code=code).exists():
        raise ServiceError(_("Mã kế hoạch “%(c)s” đã tồn tại.") % {"c": code}, code="plan_exists")
    if ends_on < starts_on:
        raise ServiceError(_("Ngày kết thúc trước ngày bắt đầu."), code="bad_dates")
    plan = Plan(
        code=code,
        name=clean_name(name),
        legal_basis=legal_basis.strip(),
        exam_profile=_profile_ref(exam_profile, starts_on),
        template=template,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    checked(plan)
    plan.save()
    audit_record(
        actor=actor,
        action="plans.plan_create",
        target=plan,
        data={"code": plan.code, "starts_on": starts_on, "template": template},
        profile=plan.exam_profile,
    )
    return plan


@transaction.atomic
def plan_scope_set(*, actor: Any, plan: Plan, units: Sequence[Unit]) -> list[PlanScope]:
    """Make ``units`` (each with its whole subtree) the plan's scope."""
    require_write(actor, plan)
    require_status(plan, [PlanStatus.DRAFT], _("đổi phạm vi"))
    # A unit inside another chosen unit adds nothing: keep the outermost.
    chosen: list[Unit] = []
    for unit in sorted({u.pk: u for u in units}.values(), key=lambda u: u.path):
        if not any(unit.path.startswith(outer.path) for outer in chosen):
            chosen.append(unit)
    PlanScope.objects.filter(plan=plan).delete()
    scopes = PlanScope.objects.bulk_create([PlanScope(plan=plan, unit=u) for u in chosen])
    audit_record(
        actor=actor,
        action="plans.plan_scope_set",
        target=plan,
        data={"units": [u.code for u in chosen]},
    )
    return scopes


def _codes(values: Iterable[str], known: Iterable[str], what: str) -> list[str]:
    values = sorted({str(v) for v in values})
    unknown = [v for v in values if v not in set(known)]
    if unknown:
        raise ServiceError(
            _("%(w)s không hợp lệ: %(v)s") % {"w": what, "v": ", ".join(unknown)},
            code="bad_rule",
        )
    return values


@transaction.atomic
def plan_rules_set(
    *,
    actor: Any,
    plan: Plan,
    blocks: Iterable[str] = (),
    levels: Iterable[str] = (),
    rank_codes: Iterable[str] = (),
    position_codes: Iterable[str] = (),
    min_service_years: int = 0,
    include_leaders: bool = True,
    retirement_window_months: int = 0,
    recruited_within_months: int = 0,
) -> Plan:
    """Set who the plan tests (eligibility) and who it exempts; empty lists mean "any"."""
    require_write(actor, plan)
    require_status(plan, [PlanStatus.DRAFT], _("đổi điều kiện dự kiểm tra"))
    for value, what in (
        (min_service_years, _("Số năm công tác")),
        (retirement_window_months, _("Số tháng trước tuổi nghỉ hưu")),
        (recruited_within_months, _("Số tháng mới tuyển dụng")),
    ):
        if value < 0:
            raise ServiceError(_("%(w)s không được âm.") % {"w": what}, code="bad_rule")
    plan.eligible_blocks = _codes(blocks, Block.values, _("Khối"))
    plan.eligible_levels = _codes(levels, UnitLevel.values, _("Cấp"))
    rank_codes = sorted(set(rank_codes))
    ranks = list(Rank.objects.filter(code__in=rank_codes))
    _codes(rank_codes, [r.code for r in ranks], _("Mã ngạch"))
    position_codes = sorted(set(position_codes))
    positions = list(Position.objects.filter(code__in=position_codes))
    _codes(position_codes, [p.code for p in positions], _("Mã vị trí việc làm"))
    plan.min_service_years = min_service_years
    plan.include_leaders = include_leaders
    plan.retirement_window_months = retirement_window_months
    plan.recruited_within_months = recruited_within_months
    checked(plan)
    plan.save()
    plan.eligible_ranks.set(ranks)
    plan.eligible_positions.set(positions)
    audit_record(
        actor=actor,
        action="plans.plan_rules_set",
        target=plan,
        data={
            "blocks": plan.eligible_blocks,
            "levels": plan.eligible_levels,
            "ranks": rank_codes,
            "positions": position_codes,
            "min_service_years": min_service_years,
            "include_leaders": include_leaders,
            "retirement_window_months": retirement_window_months,
            "recruited_within_months": recruited_within_months,
        },
    )
    return plan


@transaction.atomic
def plan_publish(*, actor: Any, plan: Plan) -> Plan:
    """Publish a draft plan: it needs a scope, candidates and boards free of conflicts."""
    from .boards import plan_conflicts

    require_write(actor, plan)
    require_status(plan, [PlanStatus.DRAFT], _("ban hành"))
    if not plan.scopes.exists():
        raise ServiceError(_("Kế hoạch chưa có phạm vi đơn vị."), code="no_scope")
    if not Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).exists():
        raise ServiceError(_("Kế hoạch chưa có người dự kiểm tra."), code="no_candidates")
    conflicts = plan_conflicts(plan=plan)
    if conflicts:
        raise ServiceError(
            _("Chưa ban hành được: %(n)d vướng mắc về thành phần Hội đồng và các ban. %(m)s")
            % {"n": len(conflicts), "m": conflicts[0].message},
            code="board_conflicts",
            basis=conflicts[0].basis,
        )
    plan.status = PlanStatus.PUBLISHED
    plan.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action="plans.plan_publish", target=plan, profile=plan.exam_profile)
    return plan


@transaction.atomic
def plan_close(*, actor: Any, plan: Plan) -> Plan:
    """Close a published plan: nothing in it changes any more."""
    require_write(actor, plan)
    require_status(plan, [PlanStatus.PUBLISHED], _("kết thúc"))
    plan.status = PlanStatus.CLOSED
    plan.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action="plans.plan_close", target=plan)
    return plan
