"""The HTXS quota of a unit and group of similar work, and its exceptions for outstanding units.

The quota (profile key ``quota_excellent_percent_of_good``: HTXS at most 20% of HTT, NĐ 48/2023
and NĐ 335/2025) is counted within one unit and group of similar work. An outstanding unit may
be granted, by a decision of the competent authority, a higher cap or none for a year (NĐ
335/2025, mức xếp loại công chức khoản 5 điểm b; domain.md §2.1 "with exceptions for
outstanding units"). Only the organiser (Ban Tổ chức / Sở Nội vụ) whose scope holds the unit
records one; unit HR rates their own people and may not lift their own cap.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sathach.accounts.constants import Role
from sathach.accounts.permissions import path_within, unit_paths
from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.rules import rating
from sathach.lib.rules.rating import RatingRules
from sathach.org.models import Unit

from ..constants import DECIDED_STATES
from ..models import AnnualEvaluation, QuotaException
from ..rules import profile_for, rating_rules, year_end
from .common import check_year, points, text

GRANT_ROLES = frozenset({Role.ORGANISER})


def can_grant_exception(actor: Any, unit: Unit) -> bool:
    """Return whether ``actor`` may record a quota exception for ``unit``."""
    return path_within(unit.path, unit_paths(actor, GRANT_ROLES))


def year_rules(year: int) -> RatingRules:
    """Return the rules of the profile in force on 31 December of ``year``."""
    profile = profile_for("rating", "", year_end(year))
    assert profile is not None
    return rating_rules(profile.ref)


def exception_for(unit_id: int, year: int, *, lock: bool = False) -> QuotaException | None:
    exceptions = QuotaException.objects.filter(unit_id=unit_id, year=year)
    return (exceptions.select_for_update() if lock else exceptions).first()


def applied_percent(exception: QuotaException | None, percent: Decimal) -> Decimal | None:
    """Return the cap that applies: the exception's (None: no cap), else the profile's."""
    return exception.cap_percent if exception is not None else percent


def quota_message(check: rating.QuotaCheck, exception: QuotaException | None = None) -> str:
    """Return the refusal of a decision that breaks the quota, with the numbers."""
    message = _(
        "Vượt tỷ lệ: %(x)d người Hoàn thành xuất sắc nhiệm vụ trên %(g)d người Hoàn thành tốt "
        "nhiệm vụ (tối đa %(p)s%% = %(m)d)."
    ) % {
        "x": check.excellent,
        "g": check.good,
        "p": f"{(check.percent or Decimal(0)).normalize():f}",
        "m": check.maximum or 0,
    }
    if exception is not None:
        message += " " + _("Đã áp dụng ngoại lệ cho đơn vị có thành tích nổi trội (%(d)s).") % {
            "d": exception.decision_ref
        }
    return message


def _group_levels(unit: Unit, year: int) -> dict[str, list[str]]:
    """Return the decided levels of each group of similar work of ``unit`` in ``year``
    (rows locked: the check and the change happen on the same ratings)."""
    groups: dict[str, list[str]] = {}
    rows = (
        AnnualEvaluation.objects.select_for_update()
        .filter(unit=unit, year=year, state__in=DECIDED_STATES)
        .values_list("work_group", "level")
    )
    for work_group, level in rows:
        groups.setdefault(work_group, []).append(level)
    return groups


def _refuse_if_broken(
    unit: Unit, year: int, before: Decimal | None, after: Decimal | None, basis: str
) -> None:
    """Refuse a change of cap that would put a group's decided ratings beyond it."""
    for levels in _group_levels(unit, year).values():
        old, new = rating.quota_check(levels, before), rating.quota_check(levels, after)
        if rating.quota_refuses(old, new):
            raise ServiceError(quota_message(new), code="quota", basis=basis)


def _require_grantor(actor: Any, unit: Unit) -> None:
    if actor is not None and not can_grant_exception(actor, unit):
        raise PermissionDeniedError(
            _(
                "Chỉ cán bộ Ban Tổ chức / Sở Nội vụ phụ trách đơn vị “%(u)s” được ghi ngoại lệ "
                "tỷ lệ Hoàn thành xuất sắc nhiệm vụ."
            )
            % {"u": unit.code}
        )


@transaction.atomic
def quota_exception_grant(
    *,
    actor: Any,
    unit: Unit,
    year: int,
    decision_ref: str,
    basis: str,
    cap_percent: Decimal | None = None,
) -> QuotaException:
    """Record (or replace) the quota exception of ``unit`` in ``year``: a cap above the
    profile's, or none (``cap_percent`` None), on the competent authority's decision."""
    _require_grantor(actor, unit)
    check_year(year)
    rules = year_rules(year)
    percent = rules.quota_percent
    if cap_percent is not None:
        cap_percent = points(cap_percent, Decimal(100), _("Tỷ lệ tối đa"))
        if cap_percent <= percent:
            raise ServiceError(
                _("Tỷ lệ ngoại lệ phải cao hơn tỷ lệ chung %(p)s%% (để trống: không giới hạn).")
                % {"p": f"{percent.normalize():f}"},
                code="cap_not_higher",
            )
    decision_ref, basis = text(decision_ref), text(basis)
    if not decision_ref or not basis:
        raise ServiceError(
            _("Phải ghi số quyết định và căn cứ (thành tích nổi trội) của ngoại lệ."),
            code="required",
        )
    if len(decision_ref) > 255:
        raise ServiceError(_("Số quyết định dài quá 255 ký tự."), code="too_long")
    exception = exception_for(unit.pk, year, lock=True)
    before = applied_percent(exception, percent)
    _refuse_if_broken(
        unit, year, before, cap_percent, rules.basis("quota_excellent_percent_of_good")
    )
    created = exception is None
    exception = exception or QuotaException(unit=unit, year=year)
    exception.cap_percent = cap_percent
    exception.decision_ref = decision_ref
    exception.basis = basis
    exception.granted_by = actor if getattr(actor, "pk", None) else None
    exception.save()
    audit_record(
        actor=actor,
        action="evaluation.quota_exception_grant",
        target=exception,
        data={
            "unit": unit.code,
            "year": year,
            "created": created,
            "cap_percent": cap_percent,
            "no_cap": cap_percent is None,
            "decision_ref": decision_ref,
            "basis": basis,
            "base_percent": percent,
        },
    )
    return exception


@transaction.atomic
def quota_exception_revoke(*, actor: Any, exception: QuotaException, reason: str) -> None:
    """Remove a quota exception (recorded by mistake or withdrawn), unless a group's decided
    ratings need it."""
    exception = (
        QuotaException.objects.select_for_update().select_related("unit").get(pk=exception.pk)
    )
    unit = exception.unit
    _require_grantor(actor, unit)
    reason = text(reason)
    if not reason:
        raise ServiceError(_("Phải ghi lý do bỏ ngoại lệ."), code="required")
    rules = year_rules(exception.year)
    _refuse_if_broken(
        unit,
        exception.year,
        exception.cap_percent,
        rules.quota_percent,
        rules.basis("quota_excellent_percent_of_good"),
    )
    audit_record(
        actor=actor,
        action="evaluation.quota_exception_revoke",
        target=exception,
        data={
            "unit": unit.code,
            "year": exception.year,
            "cap_percent": exception.cap_percent,
            "decision_ref": exception.decision_ref,
            "reason": reason,
        },
    )
    exception.delete()
