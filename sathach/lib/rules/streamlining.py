"""Staff streamlining (tinh giản biên chế) criteria as pure functions (domain.md §3).

Plain Python; no Django. The grounds, deferrals and the dismissal route come from the review's
rule profile (kind ``streamlining``: ``ND154-2025`` current, ``ND29-2023`` for past reviews),
read once into ``StreamliningRules``. Each ground is a profile rule whose ``basis`` is the legal
ground cited for the person (document, article, clause), flagged unverified where domain.md says
so. Nothing here decides: ``assess`` lists why a person is a candidate, why they are deferred,
or that they fall under the dismissal route, with the data behind it, for a human decision.

- Grounds: surplus from restructuring; leaders who lost their post or moved to a lower one and
  volunteer with their agency's consent (NĐ 154); surplus from a job-position review who cannot
  be re-placed; lacking the training level the position requires where no other post suits and
  retraining is impossible (training comes first: NĐ 101/2017); KHT in the previous year or the
  year under review (one year is enough, NĐ 154); one HT and one KHT year in the two years
  before the review (NĐ 29).
- Deferred (listed apart, not candidates): pregnancy, maternity leave, a child under
  ``deferral_child_months`` (36) unless the person volunteers; an open disciplinary case,
  criminal prosecution or inspection for signs of violation.
- Dismissal route: ``dismissal_consecutive_kht_years`` (2) consecutive KHT years lead to
  dismissal (thôi việc) under the Civil Servants Law, never to streamlining: such a person is
  listed apart, whatever other ground they meet (offering streamlining benefits to them is a
  known error, domain.md §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sathach.lib.rules.profiles import RuleProfile
from sathach.lib.rules.rating import HT, KHT, LEVEL_LABELS

# Grounds: the rule keys of a streamlining profile (evaluation.constants.Ground: labels).
RESTRUCTURING = "ground_surplus_restructuring"
LEADER_POST = "ground_leader_post"
POSITION_REVIEW = "ground_surplus_position_review"
QUALIFICATION = "ground_qualification_gap"
KHT_ONE_YEAR = "ground_kht_one_year"
HT_KHT_TWO_YEARS = "ground_ht_kht_two_years"
GROUNDS = (RESTRUCTURING, LEADER_POST, POSITION_REVIEW, QUALIFICATION, KHT_ONE_YEAR,
           HT_KHT_TWO_YEARS)  # fmt: skip
DISMISSAL = "dismissal_consecutive_kht_years"

# Surplus facts (evaluation.constants.SurplusKind) and the ground each one supports.
SURPLUS_RESTRUCTURING = "restructuring"
SURPLUS_POSITION_REVIEW = "position_review"
SURPLUS_LEADER_POST = "leader_post"

# Deferral circumstances (evaluation.constants.CircumstanceKind).
PREGNANCY = "pregnancy"
MATERNITY = "maternity"
YOUNG_CHILD = "young_child"
DISCIPLINE_REVIEW = "discipline_review"
PROSECUTION = "prosecution"
INSPECTION = "inspection"
FAMILY = frozenset({PREGNANCY, MATERNITY, YOUNG_CHILD})
INVESTIGATION = frozenset({DISCIPLINE_REVIEW, PROSECUTION, INSPECTION})
CIRCUMSTANCE_LABELS: Mapping[str, str] = {
    PREGNANCY: "Đang mang thai",
    MATERNITY: "Đang nghỉ thai sản",
    YOUNG_CHILD: "Đang nuôi con dưới %(months)d tháng tuổi",
    DISCIPLINE_REVIEW: "Đang trong thời gian xem xét kỷ luật",
    PROSECUTION: "Đang bị truy cứu trách nhiệm hình sự",
    INSPECTION: "Đang bị thanh tra, kiểm tra do có dấu hiệu vi phạm",
}

# Sections of a review's list.
CANDIDATE = "candidate"
DEFERRED = "deferred"
DISMISSAL_ROUTE = "dismissal"


def _dmy(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` later (the month's last day when it has no such day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - February always has a 28th


# --- The profile ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Basis:
    """The legal ground of a rule as the profile states it."""

    text: str
    unverified: bool


@dataclass(frozen=True)
class StreamliningRules:
    ref: str
    grounds: Mapping[str, Basis]  # the grounds this profile has
    lookback_years: int
    deferral_family: bool
    child_months: int
    deferral_investigation: bool
    dismissal_years: int
    bases: Mapping[str, Basis]

    @classmethod
    def of(cls, profile: RuleProfile) -> StreamliningRules:
        if profile.kind != "streamlining":
            raise ValueError(f"{profile.ref} is not a streamlining profile")
        bases = {k: Basis(r.basis, r.unverified) for k, r in profile.rules.items()}
        grounds = {k: bases[k] for k in GROUNDS if k in profile.rules and profile.value(k)}
        rules = cls(
            ref=profile.ref,
            grounds=grounds,
            lookback_years=profile.value("kht_lookback_years"),
            deferral_family=profile.value("deferral_family"),
            child_months=profile.value("deferral_child_months"),
            deferral_investigation=profile.value("deferral_investigation"),
            dismissal_years=profile.value("dismissal_consecutive_kht_years"),
            bases=bases,
        )
        if rules.lookback_years < 0 or rules.child_months < 0 or rules.dismissal_years < 2:
            raise ValueError(f"{profile.ref}: lookback, child months or dismissal years invalid")
        return rules


# --- Facts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Surplus:
    """A recorded surplus or lost leadership post, with the decision behind it."""

    kind: str
    decision: str  # "Quyết định số 12/QĐ-UBND ngày 01/07/2025"
    decided_on: dt.date
    can_be_replaced: bool = False  # a post was found (position review): no ground
    volunteered_with_consent: bool = False  # leaders: the person volunteers, the agency agrees


@dataclass(frozen=True)
class QualificationGap:
    """The person lacks the training level their job position requires."""

    required: str
    actual: str
    recorded_on: dt.date
    retraining_possible: bool
    other_post_available: bool
    resolved_on: dt.date | None = None


@dataclass(frozen=True)
class Circumstance:
    """A fact that defers streamlining while it lasts."""

    kind: str
    starts_on: dt.date
    ends_on: dt.date | None = None
    child_birth_date: dt.date | None = None
    volunteers: bool = False  # family circumstances: the person asks to be streamlined anyway


@dataclass(frozen=True)
class PersonFacts:
    ratings: Mapping[int, str]  # year → decided level (rating.HTXS ... rating.KHT)
    gaps: Sequence[QualificationGap] = ()
    surplus: Sequence[Surplus] = ()
    circumstances: Sequence[Circumstance] = ()
    under_discipline: bool = False  # the roster's flag: a disciplinary case is open


# --- Assessment -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """Why a person is listed: the rule key, its legal ground, and the data behind it."""

    key: str
    basis: str
    unverified: bool
    data: str

    def as_dict(self) -> dict[str, object]:
        return {"key": self.key, "basis": self.basis, "unverified": self.unverified,
                "data": self.data}  # fmt: skip


@dataclass(frozen=True)
class Assessment:
    grounds: tuple[Finding, ...]
    deferrals: tuple[Finding, ...]
    dismissal: Finding | None

    def cited(self) -> tuple[Finding, ...]:
        """Return what the person's row cites: a candidate's grounds; a deferred person's
        grounds and deferrals; on the dismissal route only that route (and any deferral),
        never a streamlining ground."""
        if self.dismissal is not None:
            return (self.dismissal, *self.deferrals)
        return (*self.grounds, *self.deferrals)

    @property
    def section(self) -> str | None:
        """Return where the person is listed: the dismissal route first (never streamlining),
        then deferred, then candidate; None when no ground applies."""
        if self.dismissal is not None:
            return DISMISSAL_ROUTE
        if not self.grounds:
            return None
        return DEFERRED if self.deferrals else CANDIDATE


def _level(year: int, level: str) -> str:
    return f"Năm {year}: {LEVEL_LABELS[level]}"


def _finding(rules: StreamliningRules, key: str, data: str) -> Finding:
    basis = rules.bases[key]
    return Finding(key, basis.text, basis.unverified, data)


def _rating_grounds(facts: PersonFacts, year: int, rules: StreamliningRules) -> list[Finding]:
    found: list[Finding] = []
    window = range(year - rules.lookback_years, year + 1)
    if KHT_ONE_YEAR in rules.grounds:
        # NĐ 154/2025: KHT in the previous year or the year under review; one year is enough.
        kht_years = [y for y in window if facts.ratings.get(y) == KHT]
        if kht_years:
            data = "; ".join(_level(y, KHT) for y in kht_years) + "."
            found.append(_finding(rules, KHT_ONE_YEAR, data))
    if HT_KHT_TWO_YEARS in rules.grounds:
        # NĐ 29/2023: in the two consecutive years before the review, one HT and one KHT.
        pair = (year - 1, year)
        levels = [facts.ratings.get(y) for y in pair]
        if sorted(str(v) for v in levels) == sorted([HT, KHT]):
            data = "; ".join(_level(y, lv) for y, lv in zip(pair, levels, strict=True) if lv) + "."
            found.append(_finding(rules, HT_KHT_TWO_YEARS, data))
    return found


def _fact_grounds(facts: PersonFacts, on: dt.date, rules: StreamliningRules) -> list[Finding]:
    found: list[Finding] = []
    ground_of = {
        SURPLUS_RESTRUCTURING: RESTRUCTURING,
        SURPLUS_POSITION_REVIEW: POSITION_REVIEW,
        SURPLUS_LEADER_POST: LEADER_POST,
    }
    seen: set[str] = set()
    for fact in sorted(facts.surplus, key=lambda f: f.decided_on):
        key = ground_of.get(fact.kind)
        if key is None or key not in rules.grounds or key in seen or fact.decided_on > on:
            continue
        if fact.kind == SURPLUS_POSITION_REVIEW and fact.can_be_replaced:
            continue  # a post was found for them: not surplus (NĐ 154: "không thể bố trí")
        if fact.kind == SURPLUS_LEADER_POST and not fact.volunteered_with_consent:
            continue  # NĐ 154: the person volunteers and the managing agency agrees
        seen.add(key)
        found.append(_finding(rules, key, f"{fact.decision} (ngày {_dmy(fact.decided_on)})."))
    if QUALIFICATION in rules.grounds:
        for gap in facts.gaps:
            open_ = gap.recorded_on <= on and (gap.resolved_on is None or gap.resolved_on > on)
            # Training comes first (NĐ 101/2017; domain.md §3): only where retraining is
            # impossible and no other post suits.
            if open_ and not gap.retraining_possible and not gap.other_post_available:
                data = (
                    f"Trình độ yêu cầu: {gap.required}; hiện có: {gap.actual}; không thể đào "
                    f"tạo lại để chuẩn hóa; không có vị trí việc làm khác phù hợp (ghi nhận "
                    f"ngày {_dmy(gap.recorded_on)})."
                )
                found.append(_finding(rules, QUALIFICATION, data))
                break
    return found


def _deferrals(facts: PersonFacts, on: dt.date, rules: StreamliningRules) -> list[Finding]:
    found: list[Finding] = []
    for fact in facts.circumstances:
        if fact.kind in FAMILY:
            if not rules.deferral_family or fact.volunteers:
                continue
            key = "deferral_family"
            if fact.kind == YOUNG_CHILD:
                born = fact.child_birth_date
                if born is None or born > on or on >= add_months(born, rules.child_months):
                    continue
                label = CIRCUMSTANCE_LABELS[YOUNG_CHILD] % {"months": rules.child_months}
                data = f"{label} (con sinh ngày {_dmy(born)})."
                found.append(_finding(rules, "deferral_child_months", data))
                continue
        elif fact.kind in INVESTIGATION:
            if not rules.deferral_investigation:
                continue
            key = "deferral_investigation"
        else:
            continue
        if fact.starts_on > on or (fact.ends_on is not None and fact.ends_on < on):
            continue
        until = f" đến ngày {_dmy(fact.ends_on)}" if fact.ends_on else ""
        data = f"{CIRCUMSTANCE_LABELS[fact.kind]} (từ ngày {_dmy(fact.starts_on)}{until})."
        found.append(_finding(rules, key, data))
    if facts.under_discipline and rules.deferral_investigation:
        recorded = any(f.data.startswith(CIRCUMSTANCE_LABELS[DISCIPLINE_REVIEW]) for f in found)
        if not recorded:
            data = f"{CIRCUMSTANCE_LABELS[DISCIPLINE_REVIEW]} (theo danh sách công chức)."
            found.append(_finding(rules, "deferral_investigation", data))
    return found


def _dismissal(facts: PersonFacts, year: int, rules: StreamliningRules) -> Finding | None:
    """Return the dismissal route if the last rated years hold ``dismissal_years``
    consecutive KHT years ending in the year under review or the year before."""
    n = rules.dismissal_years
    for end in (year, year - 1):
        years = range(end - n + 1, end + 1)
        if all(facts.ratings.get(y) == KHT for y in years):
            data = "; ".join(_level(y, KHT) for y in years) + "."
            return _finding(rules, DISMISSAL, data)
    return None


def assess(facts: PersonFacts, *, year: int, on: dt.date, rules: StreamliningRules) -> Assessment:
    """Return why one person is listed in the review of ``year`` held on ``on``, if at all."""
    grounds = _fact_grounds(facts, on, rules) + _rating_grounds(facts, year, rules)
    dismissal = _dismissal(facts, year, rules)
    deferrals = _deferrals(facts, on, rules) if grounds or dismissal else []
    return Assessment(tuple(grounds), tuple(deferrals), dismissal)
