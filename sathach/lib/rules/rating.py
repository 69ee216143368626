"""Annual quality rating of civil servants as pure functions (domain.md §2).

Plain Python and ``Decimal``; no Django. Every number comes from the rating year's rule profile
(kind ``rating``: ``ND90-2020`` as amended by NĐ 48/2023, ``ND335-2025``), read once into
``RatingRules``; callers record the profile's ``code@version`` with what they store.

- NĐ 335/2025 scores 100 points: general criteria (at most ``general_points_max`` = 30) plus
  task results (at most ``task_points_max`` = 70) tracked monthly or quarterly. Each item of a
  period has assigned and completed work (converted units); quantity, quality and timeliness are
  percentages of the assigned work, and every quality failure or delay removes
  ``task_failure_deduction_percent`` (25%) of that item's quality (timeliness) points unless an
  authority confirmed an objective cause. A period's task points are the mean of the three
  percentages × 70%; the year's are the mean of its periods (the profile marks the formula
  unverified). Points are rounded half up to 0.01.
- The level is read off the score: HTXS from ``band_excellent_min`` (90), HTT from
  ``band_good_min`` (70), HT from ``band_completed_min`` (50), KHT below; 89.99 is HTT.
- KHT triggers override the score: political or ethical decline; a sanction in the year (NĐ 48:
  any Party or administrative sanction, one act counted in one year only; NĐ 335: reprimand or
  heavier for an official-duty violation); for leaders, corruption punished in their unit.
  Under NĐ 90 (no score) the triggers are the only computed level.
- Quota: HTXS ≤ ``quota_excellent_percent_of_good`` (20%) of HTT within one unit and group of
  similar work. "Không vượt quá" (shall not exceed): the largest whole number of people within
  the percentage, i.e. floor(HTT × 20 / 100); 10 HTT allow 2 HTXS, 9 allow 1, 4 allow none.
  An outstanding unit may be granted a higher cap or none (a percent of None: no cap).
- Months worked: under ``rated_min_months_worked`` (6) months in the year, a person is reviewed
  but not rated (NĐ 90/2020, NĐ 335/2025; unverified).
- The NĐ 90/2020 level criteria (the highest level the task results allow) are in
  ``sathach.lib.rules.rating_nd90``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sathach.lib.rules.profiles import RuleProfile

CENT = Decimal("0.01")
HUNDRED = Decimal(100)

# The four levels (sathach.evaluation.constants.Level holds the labels for pages).
HTXS = "htxs"  # Hoàn thành xuất sắc nhiệm vụ
HTT = "htt"  # Hoàn thành tốt nhiệm vụ
HT = "ht"  # Hoàn thành nhiệm vụ
KHT = "kht"  # Không hoàn thành nhiệm vụ
LEVELS = (HTXS, HTT, HT, KHT)
LEVEL_LABELS: Mapping[str, str] = {
    HTXS: "Hoàn thành xuất sắc nhiệm vụ",
    HTT: "Hoàn thành tốt nhiệm vụ",
    HT: "Hoàn thành nhiệm vụ",
    KHT: "Không hoàn thành nhiệm vụ",
}

# KHT triggers (sathach.evaluation.constants.Trigger holds the labels).
TRIGGER_SCORE = "score_below"
TRIGGER_DECLINE = "decline"
TRIGGER_DISCIPLINE = "discipline"
TRIGGER_CORRUPTION = "leader_unit_corruption"

# Sanction systems.
PARTY = "party"
STATE = "state"


def round_points(value: Decimal) -> Decimal:
    """Return ``value`` rounded half up to 0.01, the precision of every stored point."""
    return value.quantize(CENT, ROUND_HALF_UP)


def _dec(value: float | int) -> Decimal:
    return Decimal(str(value))


# --- The profile ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingRules:
    """The rules of one rating profile, as the functions below need them."""

    ref: str
    scored: bool
    general_max: Decimal
    task_max: Decimal
    deduction_percent: Decimal
    band_excellent: Decimal
    band_good: Decimal
    band_completed: Decimal
    quota_percent: Decimal
    kht_on_decline: bool
    kht_on_discipline: bool
    official_duty_only: bool
    same_act_once: bool
    leader_corruption: bool
    bases: Mapping[str, str]
    min_months: int | None = None  # ``rated_min_months_worked``; None: the profile sets none

    @classmethod
    def of(cls, profile: RuleProfile) -> RatingRules:
        """Read a ``rating`` profile; the score keys are zero where the profile has none."""
        if profile.kind != "rating":
            raise ValueError(f"{profile.ref} is not a rating profile")

        def number(key: str) -> Decimal:
            return _dec(profile.value(key)) if key in profile.rules else Decimal(0)

        rules = cls(
            ref=profile.ref,
            scored=profile.value("scored"),
            general_max=number("general_points_max"),
            task_max=number("task_points_max"),
            deduction_percent=number("task_failure_deduction_percent"),
            band_excellent=number("band_excellent_min"),
            band_good=number("band_good_min"),
            band_completed=number("band_completed_min"),
            quota_percent=_dec(profile.value("quota_excellent_percent_of_good")),
            kht_on_decline=profile.value("kht_on_decline"),
            kht_on_discipline=profile.value("kht_on_discipline"),
            official_duty_only=profile.value("discipline_official_duty_only"),
            same_act_once=profile.value("discipline_same_act_counted_once"),
            leader_corruption=profile.value("kht_leader_unit_corruption"),
            bases={key: rule.basis for key, rule in profile.rules.items()},
            min_months=profile.value("rated_min_months_worked")
            if "rated_min_months_worked" in profile.rules
            else None,
        )
        if rules.scored and not (
            HUNDRED >= rules.band_excellent >= rules.band_good >= rules.band_completed > 0
            and rules.general_max > 0
            and rules.task_max > 0
        ):
            raise ValueError(f"{profile.ref}: a scored profile needs its points and bands")
        return rules

    def basis(self, key: str) -> str:
        return self.bases.get(key, "")


def is_rated(months_worked: int | None, rules: RatingRules) -> bool:
    """Return whether a person who worked ``months_worked`` months in the year gets a level.

    Under ``rated_min_months_worked`` months the person is reviewed but not rated (NĐ 90/2020,
    NĐ 335/2025; unverified). Months not recorded (None) count as a full year.
    """
    return months_worked is None or rules.min_months is None or months_worked >= rules.min_months


# --- Task results (NĐ 335/2025) -------------------------------------------------------------


@dataclass(frozen=True)
class TaskItem:
    """One assigned product or task of one month or quarter (converted units).

    ``*_excused`` failures are those an authority confirmed had an objective cause: they remove
    nothing (NĐ 335/2025, profile key ``task_failure_deduction_percent``).
    """

    assigned: Decimal
    completed: Decimal
    quality_failures: int = 0
    quality_excused: int = 0
    late_failures: int = 0
    late_excused: int = 0

    def __post_init__(self) -> None:
        if self.assigned <= 0 or self.completed < 0:
            raise ValueError("assigned must be positive and completed not negative")
        if not (0 <= self.quality_excused <= self.quality_failures):
            raise ValueError("excused quality failures must be between 0 and the failures")
        if not (0 <= self.late_excused <= self.late_failures):
            raise ValueError("excused delays must be between 0 and the delays")


@dataclass(frozen=True)
class ItemPercents:
    """Quantity, quality and timeliness of one item, each as a percentage (0–100)."""

    quantity: Decimal
    quality: Decimal
    timeliness: Decimal


def _kept(failures: int, excused: int, deduction_percent: Decimal) -> Decimal:
    """Return the share (0–1) of an item's points left after its unexcused failures."""
    counted = failures - excused
    return max(Decimal(0), 1 - counted * deduction_percent / HUNDRED)


def item_percents(item: TaskItem, deduction_percent: Decimal) -> ItemPercents:
    """Return one item's quantity, quality and timeliness percentages.

    Quantity is completed / assigned (work done beyond the assignment counts as 100%). Quality
    and timeliness start from the completed share and lose ``deduction_percent`` of it for each
    unexcused failure (NĐ 335/2025: "mỗi lần ... bị trừ 25% điểm ... của sản phẩm/công việc
    đó, trừ trường hợp ... nguyên nhân khách quan được cấp có thẩm quyền xác nhận").
    """
    quantity = min(item.completed / item.assigned, Decimal(1)) * HUNDRED
    quality = quantity * _kept(item.quality_failures, item.quality_excused, deduction_percent)
    timeliness = quantity * _kept(item.late_failures, item.late_excused, deduction_percent)
    return ItemPercents(quantity, quality, timeliness)


def period_percents(items: Sequence[TaskItem], deduction_percent: Decimal) -> ItemPercents:
    """Return a period's percentages: its items' percentages weighted by assigned work."""
    if not items:
        raise ValueError("a period needs at least one item")
    total = sum((i.assigned for i in items), Decimal(0))
    parts = [(i.assigned, item_percents(i, deduction_percent)) for i in items]
    return ItemPercents(
        quantity=sum((w * p.quantity for w, p in parts), Decimal(0)) / total,
        quality=sum((w * p.quality for w, p in parts), Decimal(0)) / total,
        timeliness=sum((w * p.timeliness for w, p in parts), Decimal(0)) / total,
    )


def period_points(items: Sequence[TaskItem], rules: RatingRules) -> Decimal:
    """Return a period's task points (unrounded): mean of the three percentages × task max."""
    p = period_percents(items, rules.deduction_percent)
    return (p.quantity + p.quality + p.timeliness) / 3 / HUNDRED * rules.task_max


def task_points(periods: Iterable[Sequence[TaskItem]], rules: RatingRules) -> Decimal | None:
    """Return the year's task points (0…``task_max``, rounded), the mean of its tracked
    periods; None when no period was tracked (the score cannot be computed)."""
    points = [period_points(items, rules) for items in periods if items]
    if not points:
        return None
    return round_points(sum(points, Decimal(0)) / len(points))


def total_score(general: Decimal, task: Decimal, rules: RatingRules) -> Decimal:
    """Return general + task points, each checked against its maximum."""
    if not (0 <= general <= rules.general_max):
        raise ValueError(f"general points must be between 0 and {rules.general_max}")
    if not (0 <= task <= rules.task_max):
        raise ValueError(f"task points must be between 0 and {rules.task_max}")
    return round_points(general + task)


def level_for_score(score: Decimal, rules: RatingRules) -> str:
    """Return the level of a 100-point score (NĐ 335/2025: ≥90 HTXS, ≥70 HTT, ≥50 HT)."""
    if score >= rules.band_excellent:
        return HTXS
    if score >= rules.band_good:
        return HTT
    if score >= rules.band_completed:
        return HT
    return KHT


# --- Discipline (NĐ 48/2023, NĐ 335/2025) ---------------------------------------------------


@dataclass(frozen=True)
class Sanction:
    """One Party or administrative disciplinary decision.

    ``act`` names the violation: a Party and an administrative sanction for the same act share
    it. ``counted_year`` is the year in which the act was already used to rate the person KHT
    before any decision was issued (NĐ 48/2023).
    """

    act: str
    system: str  # PARTY or STATE
    year: int  # year of the decision
    official_duty: bool = True
    counted_year: int | None = None
    label: str = ""


def year_of_act(sanctions: Sequence[Sanction]) -> int:
    """Return the one rating year the sanctions for one act count in (NĐ 48/2023).

    The year it was already counted as KHT, if any; else the year of its first decision (a
    Party and an administrative decision in different years affect one year only).
    """
    counted = [s.counted_year for s in sanctions if s.counted_year is not None]
    return min(counted) if counted else min(s.year for s in sanctions)


def sanctions_counted(
    year: int, sanctions: Iterable[Sanction], rules: RatingRules
) -> list[Sanction]:
    """Return the sanctions that make ``year`` a KHT year under ``rules``.

    NĐ 90/2020 as amended by NĐ 48/2023 (``discipline_same_act_counted_once``): any Party or
    administrative sanction, each act counting in one year only. NĐ 335/2025
    (``discipline_official_duty_only``): a reprimand or heavier (every sanction form is) for an
    official-duty violation, decided in the year.
    """
    if not rules.kht_on_discipline:
        return []
    relevant = [s for s in sanctions if s.official_duty or not rules.official_duty_only]
    if not rules.same_act_once:
        return [s for s in relevant if s.year == year]
    by_act: dict[str, list[Sanction]] = {}
    for sanction in relevant:
        by_act.setdefault(sanction.act, []).append(sanction)
    counted: list[Sanction] = []
    for act_sanctions in by_act.values():
        if year_of_act(act_sanctions) == year:
            in_year = [s for s in act_sanctions if s.year == year] or act_sanctions
            counted.append(in_year[0])
    return counted


# --- The computed level ---------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    """A reason the rules force KHT, with the rule key that decided it."""

    code: str
    rule: str
    detail: str = ""


@dataclass(frozen=True)
class RatingInput:
    """What the rules read about one person's year."""

    year: int
    general_points: Decimal | None = None
    periods: Sequence[Sequence[TaskItem]] = ()
    declined: bool = False  # a competent authority found political or ethical decline
    sanctions: Sequence[Sanction] = ()
    is_leader: bool = False
    unit_corruption: bool = False  # corruption punished in a unit the leader manages


@dataclass(frozen=True)
class RatingOutcome:
    """The computed part of a rating: points (scored profiles), triggers and level.

    ``level`` is None when the rules compute none: an NĐ 90 year with no trigger (the
    competent person judges the criteria), or an NĐ 335 year whose score is incomplete.
    """

    task_points: Decimal | None
    score: Decimal | None
    triggers: tuple[Trigger, ...]
    level: str | None

    @property
    def forced_kht(self) -> bool:
        return any(t.code != TRIGGER_SCORE for t in self.triggers)


def compute(data: RatingInput, rules: RatingRules) -> RatingOutcome:
    """Return the points, the KHT triggers and the computed level of one person's year."""
    triggers: list[Trigger] = []
    if data.declined and rules.kht_on_decline:
        triggers.append(Trigger(TRIGGER_DECLINE, "kht_on_decline"))
    for sanction in sanctions_counted(data.year, data.sanctions, rules):
        triggers.append(Trigger(TRIGGER_DISCIPLINE, "kht_on_discipline", sanction.label))
    if data.is_leader and data.unit_corruption and rules.leader_corruption:
        triggers.append(Trigger(TRIGGER_CORRUPTION, "kht_leader_unit_corruption"))
    task = score = None
    if rules.scored:
        task = task_points(data.periods, rules)
        if task is not None and data.general_points is not None:
            score = total_score(data.general_points, task, rules)
            if score < rules.band_completed:
                rule = "band_completed_min"
                triggers.insert(0, Trigger(TRIGGER_SCORE, rule, f"{score}"))
    level: str | None
    if triggers:
        level = KHT
    elif score is not None:
        level = level_for_score(score, rules)
    else:
        level = None
    return RatingOutcome(task, score, tuple(triggers), level)


# --- Quota ----------------------------------------------------------------------------------


def quota_max_excellent(good: int, percent: Decimal) -> int:
    """Return the most HTXS a group with ``good`` HTT may have: floor(good × percent / 100).

    "Không vượt quá 20%" (NĐ 335/2025 and NĐ 48/2023; profile key
    ``quota_excellent_percent_of_good``): the count may not exceed the percentage, so the
    largest whole number within it.
    """
    if good < 0:
        raise ValueError("good must not be negative")
    return int(good * percent // HUNDRED)


@dataclass(frozen=True)
class QuotaCheck:
    """The quota of one unit and group of similar work. ``percent`` and ``maximum`` are None
    when an exception for an outstanding unit lifts the cap."""

    excellent: int
    good: int
    maximum: int | None
    percent: Decimal | None

    @property
    def capped(self) -> bool:
        return self.maximum is not None

    @property
    def ok(self) -> bool:
        return self.maximum is None or self.excellent <= self.maximum

    @property
    def excess(self) -> int:
        return 0 if self.maximum is None else self.excellent - self.maximum

    @property
    def ratio_percent(self) -> Decimal | None:
        """Return HTXS as a percentage of HTT (None when no one is HTT), cut to 0.01."""
        if not self.good:
            return None
        return (Decimal(self.excellent) * HUNDRED / self.good).quantize(CENT, "ROUND_DOWN")


def quota_check(levels: Iterable[str], percent: Decimal | None) -> QuotaCheck:
    """Return the quota check of a group's decided levels; ``percent`` None means no cap (an
    exception granted to an outstanding unit)."""
    excellent = good = 0
    for level in levels:
        excellent += level == HTXS
        good += level == HTT
    maximum = None if percent is None else quota_max_excellent(good, percent)
    return QuotaCheck(excellent, good, maximum, percent)


def quota_refuses(before: QuotaCheck, after: QuotaCheck) -> bool:
    """Return whether a decision that turns ``before`` into ``after`` must be refused.

    A decision may not break the quota, nor worsen a group already beyond it (e.g. by past
    ratings imported as they were); it may always leave the excess as it was or reduce it.
    """
    return not after.ok and after.excess > max(before.excess, 0)


# --- Party rating (QĐ 124-QĐ/TW → QĐ 366-QĐ/TW) ----------------------------------------------


@dataclass(frozen=True)
class PartyRules:
    """The rules of a ``party_rating`` profile. ``bands`` is None when the profile rates by
    criteria only (QĐ 124-QĐ/TW), else (HTXS, HTT, HT) lower bounds (QĐ 366-QĐ/TW: 90/70/50)."""

    ref: str
    bands: tuple[Decimal, Decimal, Decimal] | None
    quota_percent: Decimal

    @classmethod
    def of(cls, profile: RuleProfile) -> PartyRules:
        if profile.kind != "party_rating":
            raise ValueError(f"{profile.ref} is not a Party rating profile")
        keys = ("band_excellent_min", "band_good_min", "band_completed_min")
        bands = None
        if all(k in profile.rules for k in keys):
            excellent, good, completed = (_dec(profile.value(k)) for k in keys)
            bands = (excellent, good, completed)
        return cls(profile.ref, bands, _dec(profile.value("quota_excellent_percent_of_good")))


def party_level_for_score(score: Decimal, rules: PartyRules) -> str | None:
    """Return the Party level of a 100-point score, or None when the profile has no bands."""
    if rules.bands is None:
        return None
    excellent, good, completed = rules.bands
    if score >= excellent:
        return HTXS
    if score >= good:
        return HTT
    if score >= completed:
        return HT
    return KHT
