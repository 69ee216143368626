"""Who a plan tests: eligibility and exemption rules as pure functions over plain data.

For each person in scope, in this order:

1. a decision recorded by hand (add, remove, exempt for leave or another reason) wins;
2. eligibility rules (block, level, rank, position, leaders, years of service): a person who
   fails one is "không thuộc diện" (ineligible) and is not listed;
3. exemption rules (close to retirement age, newly recruited): "miễn" (exempt), listed with
   the reason;
4. everyone else is included.

Every outcome carries its reason in Vietnamese, as the candidate list shows it. Ages and years
of service are counted on the plan's start date. No database access here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sathach.lib.rules.retirement import (
    LAW_BASIS,
    add_months,
    months_between,
    retirement_date,
)
from sathach.org.constants import Block, UnitLevel

from .constants import ExemptionGround, Outcome, OverrideAction


@dataclass(frozen=True)
class PersonFacts:
    """What the rules read of one person (``block`` and ``level`` are those of their unit)."""

    id: int
    code: str
    birth_date: dt.date
    gender: str
    hired_on: dt.date | None
    block: str
    level: str
    rank_code: str
    position_code: str
    is_leader: bool


@dataclass(frozen=True)
class EligibilityRules:
    """A plan's rules; empty sets mean "any", 0 months switches an exemption off."""

    blocks: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    rank_codes: frozenset[str] = frozenset()
    position_codes: frozenset[str] = frozenset()
    min_service_years: int = 0
    include_leaders: bool = True
    retirement_window_months: int = 0
    recruited_within_months: int = 0


@dataclass(frozen=True)
class Override:
    action: str  # OverrideAction
    reason: str
    ground: str = ""  # ExemptionGround, for EXEMPT


@dataclass(frozen=True)
class Decision:
    person_id: int
    outcome: str  # Outcome
    reason: str
    manual: bool = False


def _labels(choices: type[Block] | type[UnitLevel]) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def _listing(codes: Iterable[str], labels: Mapping[str, str] | None = None) -> str:
    return ", ".join(labels.get(c, c) if labels else c for c in sorted(codes))


def _full_years(start: dt.date, on: dt.date) -> int:
    return months_between(start, on) // 12


def _ineligible(person: PersonFacts, rules: EligibilityRules, on: dt.date) -> str:
    """Return why ``person`` is outside the plan's rules, or "" when inside them."""
    if rules.blocks and person.block not in rules.blocks:
        if not person.block:
            return _("Không thuộc diện: đơn vị chưa xác định khối")
        blocks = _labels(Block)
        return _("Không thuộc diện: %(have)s, kế hoạch áp dụng cho %(want)s") % {
            "have": blocks.get(person.block, person.block),
            "want": _listing(rules.blocks, blocks),
        }
    if rules.levels and person.level not in rules.levels:
        levels = _labels(UnitLevel)
        return _("Không thuộc diện: đơn vị %(have)s, kế hoạch áp dụng cho %(want)s") % {
            "have": levels.get(person.level, person.level).lower(),
            "want": _listing(rules.levels, levels).lower(),
        }
    if rules.rank_codes and person.rank_code not in rules.rank_codes:
        if not person.rank_code:
            return _("Không thuộc diện: chưa có ngạch, kế hoạch áp dụng cho ngạch %(want)s") % {
                "want": _listing(rules.rank_codes)
            }
        return _("Không thuộc diện: ngạch %(have)s, kế hoạch áp dụng cho ngạch %(want)s") % {
            "have": person.rank_code,
            "want": _listing(rules.rank_codes),
        }
    if rules.position_codes and person.position_code not in rules.position_codes:
        return _("Không thuộc diện: vị trí việc làm %(have)s, kế hoạch áp dụng cho %(want)s") % {
            "have": person.position_code or _("chưa xác định"),
            "want": _listing(rules.position_codes),
        }
    if person.is_leader and not rules.include_leaders:
        return _("Không thuộc diện: lãnh đạo, quản lý (kế hoạch không áp dụng cho lãnh đạo)")
    if rules.min_service_years:
        if person.hired_on is None:
            return _("Không thuộc diện: chưa có ngày tuyển dụng để tính số năm công tác")
        years = _full_years(person.hired_on, on)
        if years < rules.min_service_years:
            return _(
                "Không thuộc diện: mới công tác %(have)d năm, kế hoạch áp dụng từ %(want)d năm"
            ) % {"have": years, "want": rules.min_service_years}
    return ""


def _exempt(person: PersonFacts, rules: EligibilityRules, on: dt.date) -> str:
    """Return why ``person`` is exempt by rule, or "" when not."""
    if rules.retirement_window_months:
        # BLLĐ 2019, Điều 169; NĐ 135/2020: the age rises by steps from 2021.
        reached = retirement_date(person.gender, person.birth_date)
        if reached <= on:
            return _("Miễn: đã đủ tuổi nghỉ hưu (%(basis)s)") % {"basis": LAW_BASIS}
        if reached <= add_months(on, rules.retirement_window_months):
            months = months_between(on, reached)
            if months == 0:
                return _("Miễn: còn dưới 1 tháng đến tuổi nghỉ hưu (%(basis)s)") % {
                    "basis": LAW_BASIS
                }
            return _("Miễn: còn %(n)d tháng đến tuổi nghỉ hưu (%(basis)s)") % {
                "n": months,
                "basis": LAW_BASIS,
            }
    if rules.recruited_within_months and person.hired_on is not None:
        if add_months(person.hired_on, rules.recruited_within_months) > on:
            months = months_between(person.hired_on, on)
            return _("Miễn: mới tuyển dụng ngày %(day)s (%(n)d tháng, dưới %(limit)d tháng)") % {
                "day": f"{person.hired_on:%d/%m/%Y}",
                "n": months,
                "limit": rules.recruited_within_months,
            }
    return ""


def _manual(person: PersonFacts, override: Override) -> Decision:
    if override.action == OverrideAction.ADD:
        return Decision(
            person.id, Outcome.INCLUDED, _("Bổ sung: %(r)s") % {"r": override.reason}, True
        )
    if override.action == OverrideAction.REMOVE:
        reason = _("Đưa ra khỏi danh sách: %(r)s") % {"r": override.reason}
        return Decision(person.id, Outcome.REMOVED, reason, True)
    ground = ExemptionGround(override.ground or ExemptionGround.OTHER)
    if ground == ExemptionGround.OTHER:
        reason = _("Miễn: %(r)s") % {"r": override.reason}
    else:
        reason = _("Miễn: %(g)s — %(r)s") % {"g": ground.label.lower(), "r": override.reason}
    return Decision(person.id, Outcome.EXEMPT, reason, True)


def decide(
    person: PersonFacts,
    rules: EligibilityRules,
    on: dt.date,
    override: Override | None = None,
) -> Decision:
    """Return the outcome for ``person`` on date ``on`` and its reason."""
    if override is not None:
        return _manual(person, override)
    reason = _ineligible(person, rules, on)
    if reason:
        return Decision(person.id, Outcome.INELIGIBLE, reason)
    reason = _exempt(person, rules, on)
    if reason:
        return Decision(person.id, Outcome.EXEMPT, reason)
    return Decision(person.id, Outcome.INCLUDED, _("Thuộc diện kiểm tra, sát hạch"))


def decide_all(
    persons: Iterable[PersonFacts],
    rules: EligibilityRules,
    on: dt.date,
    overrides: Mapping[int, Override] | None = None,
) -> list[Decision]:
    """Return a decision for every person, in the order given."""
    overrides = overrides or {}
    return [decide(p, rules, on, overrides.get(p.id)) for p in persons]
