"""Step 7 of the simulation: the annual rating of everyone tested (domain.md §2).

The previous year's ratings come in from a file (``ratings_import``), as a province brings its
records. This year every person goes through self-assessment → comments → proposal →
decision, with the facts the rules read (quarterly task records, general-criteria points, a
few disciplinary decisions), and Party members get their Party rating beside it.

The facts are drawn for a target level, so the computed level is the one proposed: most people
HTT; HTXS for the best of each unit up to the quota (20% of HTT, counted in the unit), and now
and then a head proposing one more, whom the decision refuses; some HT; a few KHT tied to the
re-test (still below the bar) or to a disciplinary decision. A few people rated KHT are
pregnant, raising a child under 36 months or under disciplinary review (deferred from
streamlining); a few were KHT last year too (the dismissal route, not streamlining).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sathach.core.errors import ServiceError
from sathach.evaluation.constants import (
    CircumstanceKind,
    Level,
    PeriodKind,
    SanctionForm,
    SanctionSystem,
)
from sathach.evaluation.models import AnnualEvaluation
from sathach.evaluation.outcome import evaluation_outcome
from sathach.evaluation.rules import profile_for, rating_rules, year_end
from sathach.evaluation.services import (
    circumstance_record,
    discipline_record_add,
    evaluation_comment,
    evaluation_decide,
    evaluation_propose,
    evaluation_self_assess,
    party_evaluation_record,
    ratings_import,
    task_record_add,
)
from sathach.lib.formats.ratings import RatingRow, write_template
from sathach.lib.rules import rating
from sathach.org.constants import Gender
from sathach.org.models import Person
from sathach.plans.models import Plan
from sathach.results.models import PlanResult

from .base import Context, percent

HTXS, HTT, HT, KHT = Level.HTXS.value, Level.HTT.value, Level.HT.value, Level.KHT.value
DECISION_ORDER = {KHT: 0, HT: 1, HTT: 2, HTXS: 3}  # HTXS last: the quota sees the whole group
EXCELLENT_MIN_Z = 0.3  # only the clearly good are proposed HTXS
BEYOND_QUOTA_SHARE = 0.1  # units whose head proposes one HTXS more than the quota allows
STILL_FAILED_KHT = 0.3  # of those still below the bar after the re-test, rated KHT
PASSED_LATER_HT = 0.3  # of those who passed only at the re-test, rated HT
WEAK_HT = 0.4  # of the weakest who passed (z < -1), rated HT
# Last year's levels (imported): cumulative shares of HTXS, HTT, HT; the rest KHT.
LAST_YEAR = ((HTXS, 0.10), (HTT, 0.87), (HT, 0.995))


@dataclass
class Rated:
    """One person to rate, with what the draw decided for them."""

    person: Person
    z: float  # test-based standing, for who is proposed HTXS or rated HT
    target: str = HTT
    disciplined: bool = False
    deferral: str = ""  # a CircumstanceKind
    dismissal: bool = False  # KHT last year too
    beyond_quota: bool = False  # proposed HTXS over the unit's quota


def quota_excellent(good: int, percent_of_good: Decimal) -> int:
    """Return the most HTXS a unit may have when ``good`` people would be HTT without them:
    k HTXS leave good - k HTT, and k may not exceed floor(percent × (good - k))."""
    k = 0
    while k < good and k + 1 <= rating.quota_max_excellent(good - k - 1, percent_of_good):
        k += 1
    return k


def _pick(ctx: Context, pool: list[Rated], count: int) -> list[Rated]:
    """Return ``count`` of ``pool`` (seeded), the weakest first (z ascending)."""
    free = sorted((r for r in pool if r.target == HTT and not r.dismissal), key=lambda r: r.z)
    weakest = free[: max(count * 3, count)]
    if not weakest:
        return []
    chosen = ctx.rng.choice(len(weakest), size=min(count, len(weakest)), replace=False)
    return [weakest[int(i)] for i in sorted(chosen)]


def targets_draw(ctx: Context, plan: Plan, retest: Plan | None, year: int) -> list[Rated]:
    """Decide every tested person's target level (see the module docstring)."""
    first = dict(
        PlanResult.objects.filter(plan=plan).values_list("candidate__person_id", "percent")
    )
    failed = set(
        PlanResult.objects.filter(plan=plan, passed=False).values_list(
            "candidate__person_id", flat=True
        )
    )
    passed_later: set[int] = set()
    if retest is not None:
        passed_later = set(
            PlanResult.objects.filter(plan=retest, passed=True).values_list(
                "candidate__person_id", flat=True
            )
        )
    persons = list(
        Person.objects.filter(pk__in=first)
        .exclude(evaluations__year=year)
        .select_related("unit")
        .order_by("code")
    )
    rated = []
    for person in persons:
        z = (float(first[person.pk] or 0) - 60.0) / 15.0 + float(ctx.rng.normal(0, 0.6))
        entry = Rated(person, z)
        if person.pk in failed and person.pk not in passed_later:
            entry.target = KHT if ctx.rng.random() < STILL_FAILED_KHT else HT
        elif person.pk in failed:
            entry.target = HT if ctx.rng.random() < PASSED_LATER_HT else HTT
        elif z < -1.0 and ctx.rng.random() < WEAK_HT:
            entry.target = HT
        rated.append(entry)
    few = max(1, round(ctx.n / 1000))
    # Two KHT years in a row: the weakest still below the bar, KHT again this year.
    weakest = sorted((r for r in rated if r.target in (KHT, HT)), key=lambda r: r.z)
    for entry in (weakest or sorted(rated, key=lambda r: r.z))[:few]:
        entry.target, entry.dismissal = KHT, True
    for entry in _pick(ctx, rated, max(1, round(ctx.n * 0.003))):
        entry.target, entry.disciplined = KHT, True
    women = [r for r in rated if r.person.gender == Gender.FEMALE]
    for kind, pool in (
        (CircumstanceKind.PREGNANCY, women),
        (CircumstanceKind.YOUNG_CHILD, rated),
        (CircumstanceKind.DISCIPLINE_REVIEW, rated),
    ):
        for entry in _pick(ctx, pool, few):
            entry.target, entry.deferral = KHT, kind
    _excellent_draw(ctx, rated, year)
    return rated


def _excellent_draw(ctx: Context, rated: list[Rated], year: int) -> None:
    """Make the best of each unit HTXS, up to the unit's quota; in a few units the head
    proposes one more (the decision will refuse it)."""
    quota = rating_rules(_profile_ref(year)).quota_percent
    by_unit: dict[int, list[Rated]] = {}
    for entry in rated:
        by_unit.setdefault(entry.person.unit_id, []).append(entry)
    for unit_id in sorted(by_unit):
        good = [r for r in by_unit[unit_id] if r.target == HTT]
        best = sorted((r for r in good if r.z >= EXCELLENT_MIN_Z), key=lambda r: -r.z)
        allowed = quota_excellent(len(good), quota)
        for entry in best[:allowed]:
            entry.target = HTXS
        if len(best) > allowed and ctx.rng.random() < BEYOND_QUOTA_SHARE:
            best[allowed].target, best[allowed].beyond_quota = HTXS, True


def _profile_ref(year: int) -> str:
    chosen = profile_for("rating", "", year_end(year))
    assert chosen is not None
    return chosen.ref


def last_year_import(ctx: Context, rated: list[Rated], year: int) -> Counter[str]:
    """Import last year's ratings of everyone rated (Party level for Party members): KHT for
    the dismissal route, else drawn from ``LAST_YEAR``."""
    rows = []
    for number, entry in enumerate(rated, start=1):
        level = KHT
        if not entry.dismissal:
            draw = ctx.rng.random()
            level = next((lv for lv, top in LAST_YEAR if draw < top), KHT)
        rows.append(
            RatingRow(
                row=number,
                code=entry.person.code,
                year=year - 1,
                level=level,
                party_level=level if entry.person.is_party_member else "",
                note="Hồ sơ xếp loại năm trước (mô phỏng)",
            )
        )
    report = ratings_import(
        actor=ctx.actor,
        data=write_template(rows),
        filename=f"xep-loai-{year - 1}.xlsx",
        year=year - 1,
    )
    if report.errors:
        raise ServiceError(report.to_text(), code="ratings_import")
    return Counter(r.level for r in rows)


# Facts per target level (NĐ 335/2025: general criteria /30 + task results /70, quarterly):
# (general points low–high, completed of 10 per quarter, quality failures, late failures,
#  quarters with one quality failure 0–max). HTXS ≥ 97, HTT 79–89, HT 54–60, KHT 31–36.
FACTS: dict[str, tuple[int, int, int, int, int, int]] = {
    HTXS: (27, 30, 10, 0, 0, 0),
    HTT: (14, 19, 10, 0, 0, 3),
    HT: (8, 13, 8, 1, 1, 0),
    KHT: (5, 10, 5, 2, 1, 0),
}


def _facts_record(ctx: Context, entry: Rated, year: int) -> Decimal:
    """Record the year's four quarters of tasks; return the general-criteria points."""
    # Disciplined people did their work: the sanction alone makes them KHT (NĐ 335/2025).
    level = HTT if entry.disciplined else entry.target
    low, high, done, quality, late, slips = FACTS[level]
    slipped = set(ctx.rng.choice(4, size=int(ctx.rng.integers(0, slips + 1)), replace=False))
    for quarter in range(1, 5):
        task_record_add(
            actor=ctx.actor,
            person=entry.person,
            year=year,
            period_kind=PeriodKind.QUARTER,
            period=quarter,
            title=f"Nhiệm vụ quý {quarter}",
            assigned=Decimal(10),
            completed=Decimal(done),
            quality_failures=quality + (1 if quarter - 1 in slipped else 0),
            late_failures=late,
        )
    return Decimal(int(ctx.rng.integers(low, high + 1)))


def _special_facts(ctx: Context, entry: Rated, number: int) -> None:
    """Record a disciplinary decision or a deferring circumstance for ``entry``."""
    today, person = ctx.today, entry.person
    if entry.disciplined:
        discipline_record_add(
            actor=ctx.actor,
            person=person,
            act=f"SIM{ctx.seed}-KL{number:03d}",
            description="Vi phạm quy chế làm việc trong thi hành công vụ (mô phỏng)",
            system=SanctionSystem.STATE,
            form=SanctionForm.REPRIMAND,
            decided_on=max(dt.date(today.year, 1, 2), today - dt.timedelta(days=45)),
            decision_ref=f"{number:03d}/QĐ-KL",
        )
    if entry.deferral == CircumstanceKind.YOUNG_CHILD:
        born = today - dt.timedelta(days=400)
        circumstance_record(
            actor=ctx.actor,
            person=person,
            kind=entry.deferral,
            starts_on=born,
            child_birth_date=born,
            note="Con thứ hai (mô phỏng)",
        )
    elif entry.deferral:
        circumstance_record(
            actor=ctx.actor,
            person=person,
            kind=entry.deferral,
            starts_on=today - dt.timedelta(days=90),
            note="Ghi nhận khi xét (mô phỏng)",
        )


def classification_step(ctx: Context, plan: Plan, retest: Plan | None) -> None:
    """Rate everyone tested this year and add the figures (step 7)."""
    year = ctx.today.year
    rated = targets_draw(ctx, plan, retest, year)
    last = last_year_import(ctx, rated, year)
    proposed: list[tuple[AnnualEvaluation, Rated]] = []
    for number, entry in enumerate(rated, start=1):
        _special_facts(ctx, entry, number)
        general = _facts_record(ctx, entry, year)
        evaluation = evaluation_self_assess(
            actor=ctx.actor,
            person=entry.person,
            year=year,
            self_assessment="Tự đánh giá (mô phỏng).",
            general_points=general,
        )
        evaluation = evaluation_comment(
            actor=ctx.actor, evaluation=evaluation, comments="Tập thể thống nhất (mô phỏng)."
        )
        computed = evaluation_outcome(evaluation).level or HT
        proposed.append(
            (evaluation_propose(actor=ctx.actor, evaluation=evaluation, level=computed), entry)
        )
    proposed.sort(key=lambda p: (DECISION_ORDER[p[0].proposed_level], p[0].person.code))
    refused: set[int] = set()
    levels: Counter[str] = Counter()
    party: Counter[str] = Counter()
    party_overrides = 0
    for evaluation, entry in proposed:
        try:
            decided = evaluation_decide(
                actor=ctx.actor, evaluation=evaluation, level=evaluation.proposed_level
            )
        except ServiceError as exc:
            if exc.code != "quota":
                raise
            refused.add(evaluation.pk)
            decided = evaluation_decide(
                actor=ctx.actor,
                evaluation=evaluation,
                level=HTT,
                reason=f"Không vượt tỷ lệ xuất sắc của đơn vị: {exc.message}",
            )
        levels[decided.level] += 1
        if entry.person.is_party_member:
            record = party_evaluation_record(
                actor=ctx.actor,
                evaluation=decided,
                level=decided.level,
                score=decided.score,
                reason=_party_reason(decided, evaluation.pk in refused),
                note="Chi bộ xếp loại đảng viên (mô phỏng)",
            )
            party[record.level] += 1
            party_overrides += bool(record.override_reason)
    figures = _figures(year, rated, last, levels, refused, party)
    figures.append(("đảng viên: xếp loại khác mức theo điểm, có lý do", party_overrides))
    ctx.step(f"7. Xếp loại năm {year}", figures)


def _party_reason(decided: AnnualEvaluation, refused: bool) -> str:
    """Why a Party level may differ from the level its score gives (QĐ 366-QĐ/TW bands)."""
    if decided.triggers:
        return "Không hoàn thành nhiệm vụ do bị kỷ luật trong năm (kết quả xếp loại công chức)."
    if refused:
        return "Theo tỷ lệ xuất sắc của đơn vị (kết quả xếp loại công chức)."
    return ""


def _levels_text(counts: Counter[str]) -> str:
    return ", ".join(f"{Level(k).label} {counts[k]}" for k in Level.values if counts.get(k))


def _figures(
    year: int,
    rated: list[Rated],
    last: Counter[str],
    levels: Counter[str],
    refused: set[int],
    party: Counter[str],
) -> list[tuple[str, Any]]:
    total = sum(levels.values())
    figures: list[tuple[str, Any]] = [
        (f"năm {year - 1}: nhập từ tệp", sum(last.values())),
        (f"năm {year - 1}: {Level.KHT.label}", last.get(KHT, 0)),
        ("được xếp loại", total),
    ]
    figures += [
        (str(Level(k).label), f"{levels.get(k, 0)} ({percent(levels.get(k, 0), total)})")
        for k in Level.values
    ]
    proposed_excellent = sum(1 for r in rated if r.target == HTXS)
    figures += [
        (f"đề xuất {Level.HTXS.label}", proposed_excellent),
        ("đề xuất xuất sắc bị từ chối do vượt tỷ lệ (quyết định hoàn thành tốt)", len(refused)),
        (
            "tỷ lệ xuất sắc trên hoàn thành tốt",
            percent(levels.get(HTXS, 0), levels.get(HTT, 0)),
        ),
        ("không hoàn thành do bị kỷ luật trong năm", sum(r.disciplined for r in rated)),
        ("hoàn cảnh được hoãn tinh giản đã ghi nhận", sum(bool(r.deferral) for r in rated)),
        ("đảng viên được xếp loại", sum(party.values())),
        ("đảng viên theo mức", _levels_text(party) or "—"),
    ]
    return figures
