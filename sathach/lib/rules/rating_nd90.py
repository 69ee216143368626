"""The level criteria of NĐ 90/2020/NĐ-CP (as amended by NĐ 48/2023) for civil servants
(công chức: Điều 8 HTXS, Điều 9 HTT, Điều 10 HT, Điều 11 KHT; domain.md §2.1), as pure
functions: the HIGHEST level a year's task results allow. The competent person decides the
level at or below it.

Plain Python and ``Decimal``; no Django. Every threshold comes from the profile's
``criteria_*`` rules (absent from NĐ 335/2025, which scores instead):

- Everyone, from their own tasks (percent done on time and to quality, percent exceeding the
  requirements): HTXS needs ``criteria_excellent_done_percent`` (100) done and at least
  ``criteria_excellent_exceeding_percent`` (50) exceeding; HTT needs
  ``criteria_good_done_percent`` (100) done.
- Leaders, from their unit's targets and the ratings of the units they manage directly:
  HTXS needs ``criteria_leader_excellent_targets_percent`` (100) of the targets met and at
  least ``criteria_leader_excellent_exceeded_percent`` (50) exceeded; HTT needs
  ``criteria_leader_good_targets_percent`` (80) met; both need
  ``criteria_leader_units_completed_percent`` (100) of those units rated HT or better and at
  least ``criteria_leader_units_good_percent`` (70) rated HTT or HTXS. A leader with no such
  unit meets the unit condition (nothing to count).
- Below HTT the ceiling is HT, unless more than ``criteria_kht_unfinished_over_percent`` (50,
  unverified) of the tasks (targets) are unfinished: then KHT. More than
  ``criteria_completed_not_done_max_percent`` (20, unverified) late or below quality does not
  meet HT's criterion either, but no verified rule forces KHT there: it is reported as a
  doubt and the competent person decides.

A person (or leader) given both kinds of results gets the lower of the two ceilings. Ratios of
units are compared exactly (69 of 100 is below 70%).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from sathach.lib.rules.profiles import RuleProfile
from sathach.lib.rules.rating import HT, HTT, HTXS, KHT, LEVELS

HUNDRED = Decimal(100)

# What a shortfall measured (sathach.evaluation.outcome holds the sentences).
DONE = "done"  # own tasks done on time and to quality
EXCEEDING = "exceeding"  # own tasks exceeding the requirements
TARGETS = "targets"  # the unit's targets met
TARGETS_EXCEEDED = "targets_exceeded"
UNITS_COMPLETED = "units_completed"  # managed units rated HT or better
UNITS_GOOD = "units_good"  # managed units rated HTT or HTXS
UNFINISHED = "unfinished"  # tasks (targets) unfinished: beyond the KHT threshold
NOT_DONE = "not_done"  # tasks late or below quality: beyond HT's threshold (a doubt)

KEYS = (
    "criteria_excellent_done_percent",
    "criteria_excellent_exceeding_percent",
    "criteria_good_done_percent",
    "criteria_completed_not_done_max_percent",
    "criteria_kht_unfinished_over_percent",
    "criteria_leader_excellent_targets_percent",
    "criteria_leader_excellent_exceeded_percent",
    "criteria_leader_good_targets_percent",
    "criteria_leader_units_completed_percent",
    "criteria_leader_units_good_percent",
)


def rank(level: str) -> int:
    """Return 3 for HTXS down to 0 for KHT."""
    return len(LEVELS) - 1 - LEVELS.index(level)


@dataclass(frozen=True)
class CriteriaRules:
    """The ``criteria_*`` thresholds of a rating profile (percentages)."""

    ref: str
    excellent_done: Decimal
    excellent_exceeding: Decimal
    good_done: Decimal
    completed_not_done_max: Decimal
    kht_unfinished_over: Decimal
    leader_excellent_targets: Decimal
    leader_excellent_exceeded: Decimal
    leader_good_targets: Decimal
    units_completed: Decimal
    units_good: Decimal

    @classmethod
    def of(cls, profile: RuleProfile) -> CriteriaRules | None:
        """Return the profile's criteria; None when it has none (NĐ 335/2025 scores)."""
        present = [k for k in KEYS if k in profile.rules]
        if not present:
            return None
        if len(present) != len(KEYS):
            missing = next(k for k in KEYS if k not in profile.rules)
            raise ValueError(f"{profile.ref}: the level criteria need every rule ({missing})")
        values = [Decimal(str(profile.value(k))) for k in KEYS]
        if not all(0 <= v <= HUNDRED for v in values):
            raise ValueError(f"{profile.ref}: the level criteria are percentages (0–100)")
        return cls(profile.ref, *values)


@dataclass(frozen=True)
class TaskResults:
    """A person's own tasks of the year, as percentages of the tasks assigned."""

    done_percent: Decimal  # done on time and to quality
    exceeding_percent: Decimal  # done beyond the requirements (a part of the done ones)

    def __post_init__(self) -> None:
        if not (0 <= self.exceeding_percent <= self.done_percent <= HUNDRED):
            raise ValueError("need 0 ≤ exceeding ≤ done ≤ 100")


@dataclass(frozen=True)
class UnitResults:
    """A leader's unit: its targets (percentages) and the ratings of the units it manages
    directly (counts)."""

    targets_met_percent: Decimal
    targets_exceeded_percent: Decimal  # a part of the met ones
    units: int
    units_completed: int  # rated HT or better
    units_good: int  # rated HTT or HTXS

    def __post_init__(self) -> None:
        if not (0 <= self.targets_exceeded_percent <= self.targets_met_percent <= HUNDRED):
            raise ValueError("need 0 ≤ exceeded ≤ met ≤ 100")
        if not (0 <= self.units_good <= self.units_completed <= self.units):
            raise ValueError("need 0 ≤ good ≤ completed ≤ units")


@dataclass(frozen=True)
class Shortfall:
    """One criterion not met: the level it bars, what was measured, the rule key and numbers.

    ``count``/``total`` are set for the managed units (``actual`` is then their ratio)."""

    level: str
    code: str
    rule: str
    actual: Decimal
    required: Decimal
    count: int | None = None
    total: int | None = None


@dataclass(frozen=True)
class Ceiling:
    """The highest level the criteria allow, the shortfalls that keep it below HTXS, and the
    doubts (HT's unverified threshold missed, KHT not forced)."""

    level: str
    shortfalls: tuple[Shortfall, ...]
    doubts: tuple[Shortfall, ...] = ()

    def allows(self, level: str) -> bool:
        return rank(level) <= rank(self.level)

    def barring(self, level: str) -> tuple[Shortfall, ...]:
        """Return the shortfalls that bar ``level`` (those of levels above the ceiling, up to
        ``level``)."""
        return tuple(s for s in self.shortfalls if rank(self.level) < rank(s.level) <= rank(level))


def _ratio(count: int, total: int) -> Decimal:
    return (Decimal(count) * HUNDRED / total).quantize(Decimal("0.01"), ROUND_DOWN)


def _task_shortfalls(tasks: TaskResults, rules: CriteriaRules) -> list[Shortfall]:
    found = []
    # NĐ 90/2020 Điều 8 khoản 1 điểm b: 100% done, at least 50% exceeding.
    if tasks.done_percent < rules.excellent_done:
        found.append(
            Shortfall(
                HTXS,
                DONE,
                "criteria_excellent_done_percent",
                tasks.done_percent,
                rules.excellent_done,
            )
        )
    if tasks.exceeding_percent < rules.excellent_exceeding:
        found.append(
            Shortfall(
                HTXS,
                EXCEEDING,
                "criteria_excellent_exceeding_percent",
                tasks.exceeding_percent,
                rules.excellent_exceeding,
            )
        )
    # Điều 9 khoản 1 điểm b: 100% done on time and to quality.
    if tasks.done_percent < rules.good_done:
        found.append(
            Shortfall(HTT, DONE, "criteria_good_done_percent", tasks.done_percent, rules.good_done)
        )
    # Điều 11 (unverified): more than 50% unfinished is KHT.
    unfinished = HUNDRED - tasks.done_percent
    if unfinished > rules.kht_unfinished_over:
        found.append(
            Shortfall(
                HT,
                UNFINISHED,
                "criteria_kht_unfinished_over_percent",
                unfinished,
                rules.kht_unfinished_over,
            )
        )
    return found


def _units_shortfalls(level: str, unit: UnitResults, rules: CriteriaRules) -> list[Shortfall]:
    """Điều 8 khoản 2 and Điều 9 khoản 2: 100% of the managed units HT or better, at least
    70% HTT or HTXS (a leader with no managed unit meets it)."""
    if not unit.units:
        return []
    found = []
    if unit.units_completed * HUNDRED < rules.units_completed * unit.units:
        found.append(
            Shortfall(
                level,
                UNITS_COMPLETED,
                "criteria_leader_units_completed_percent",
                _ratio(unit.units_completed, unit.units),
                rules.units_completed,
                unit.units_completed,
                unit.units,
            )
        )
    if unit.units_good * HUNDRED < rules.units_good * unit.units:
        found.append(
            Shortfall(
                level,
                UNITS_GOOD,
                "criteria_leader_units_good_percent",
                _ratio(unit.units_good, unit.units),
                rules.units_good,
                unit.units_good,
                unit.units,
            )
        )
    return found


def _unit_shortfalls(unit: UnitResults, rules: CriteriaRules) -> list[Shortfall]:
    found = []
    # Điều 8 khoản 2: all targets met, at least 50% exceeded.
    if unit.targets_met_percent < rules.leader_excellent_targets:
        found.append(
            Shortfall(
                HTXS,
                TARGETS,
                "criteria_leader_excellent_targets_percent",
                unit.targets_met_percent,
                rules.leader_excellent_targets,
            )
        )
    if unit.targets_exceeded_percent < rules.leader_excellent_exceeded:
        found.append(
            Shortfall(
                HTXS,
                TARGETS_EXCEEDED,
                "criteria_leader_excellent_exceeded_percent",
                unit.targets_exceeded_percent,
                rules.leader_excellent_exceeded,
            )
        )
    found += _units_shortfalls(HTXS, unit, rules)
    # Điều 9 khoản 2: at least 80% of the targets met, and the same units condition.
    if unit.targets_met_percent < rules.leader_good_targets:
        found.append(
            Shortfall(
                HTT,
                TARGETS,
                "criteria_leader_good_targets_percent",
                unit.targets_met_percent,
                rules.leader_good_targets,
            )
        )
    found += _units_shortfalls(HTT, unit, rules)
    # Điều 11 (unverified): more than 50% of the targets unfinished is KHT.
    unfinished = HUNDRED - unit.targets_met_percent
    if unfinished > rules.kht_unfinished_over:
        found.append(
            Shortfall(
                HT,
                UNFINISHED,
                "criteria_kht_unfinished_over_percent",
                unfinished,
                rules.kht_unfinished_over,
            )
        )
    return found


def allowed_level(
    rules: CriteriaRules,
    *,
    tasks: TaskResults | None = None,
    unit: UnitResults | None = None,
) -> Ceiling | None:
    """Return the highest level the criteria allow, with the reasons; None without results
    (the competent person judges the criteria alone, as before)."""
    if tasks is None and unit is None:
        return None
    shortfalls: list[Shortfall] = []
    if tasks is not None:
        shortfalls += _task_shortfalls(tasks, rules)
    if unit is not None:
        shortfalls += _unit_shortfalls(unit, rules)
    barred = {s.level for s in shortfalls}
    ceiling = next(level for level in (HTXS, HTT, HT, KHT) if level not in barred)
    doubts: list[Shortfall] = []
    if ceiling == HT:
        # Điều 10 khoản 1 điểm b (unverified): at most 20% late or below quality.
        done = []
        if tasks is not None:
            done.append(tasks.done_percent)
        if unit is not None:
            done.append(unit.targets_met_percent)
        worst = HUNDRED - min(done)
        if worst > rules.completed_not_done_max:
            doubts.append(
                Shortfall(
                    HT,
                    NOT_DONE,
                    "criteria_completed_not_done_max_percent",
                    worst,
                    rules.completed_not_done_max,
                )
            )
    return Ceiling(ceiling, tuple(shortfalls), tuple(doubts))
