"""Reads of ratings and streamlining reviews, always through the requesting user's scope.

Outside the scope a page answers 404 (never 403), so a user cannot learn that a unit, a rating
or a review exists. Lists fetch what they show in a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from sathach.lib.rules import rating
from sathach.lib.rules import streamlining as rules_s
from sathach.lib.rules.rating import HTT, HTXS, QuotaCheck
from sathach.lib.rules.streamlining import Assessment, PersonFacts, StreamliningRules
from sathach.org.models import Person, Unit

from .constants import DECIDED_STATES, Level, Section, State
from .models import (
    AnnualEvaluation,
    Circumstance,
    DisciplineRecord,
    QualificationGap,
    QuotaException,
    StreamliningCase,
    StreamliningReview,
    SurplusRecord,
    TaskRecord,
)
from .permissions import can_read_unit, read_paths, read_q
from .rules import profile_for, rating_rules, streamlining_rules, year_end
from .selectors_training import training_evidence

HUNDRED = Decimal(100)


# --- Units ----------------------------------------------------------------------------------


def unit_list(*, user: Any) -> QuerySet[Unit]:
    """Return the units whose ratings ``user`` may read, in tree order."""
    return Unit.objects.filter(read_q(user, "path")).order_by("path")


def unit_get_for_user(*, user: Any, code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None or not can_read_unit(user, unit):
        raise Http404
    return unit


def default_unit(*, user: Any) -> Unit:
    """Return the top unit of ``user``'s scope (404 when they have none)."""
    paths = read_paths(user)
    unit = Unit.objects.filter(path__in=paths).order_by("path").first()
    if unit is None:
        raise Http404
    return unit


# --- Evaluations ----------------------------------------------------------------------------


def evaluation_list(*, user: Any, unit: Unit, year: int) -> QuerySet[AnnualEvaluation]:
    """Return the evaluations of ``year`` in ``unit``'s subtree that ``user`` may read."""
    if not can_read_unit(user, unit):
        raise Http404
    return (
        AnnualEvaluation.objects.filter(read_q(user), unit__path__startswith=unit.path, year=year)
        .select_related("person", "unit", "party")
        .order_by("unit__path", "person__sort_key", "person__code")
    )


def evaluation_get_for_user(*, user: Any, pk: int) -> AnnualEvaluation:
    evaluation = (
        AnnualEvaluation.objects.filter(read_q(user), pk=pk)
        .select_related("person__unit", "person__rank", "person__position", "unit", "party")
        .select_related("proposed_by", "decided_by")
        .first()
    )
    if evaluation is None:
        raise Http404
    return evaluation


def persons_not_evaluated(*, user: Any, unit: Unit, year: int) -> QuerySet[Person]:
    """Return the serving persons of ``unit``'s subtree with no evaluation of ``year``."""
    if not can_read_unit(user, unit):
        raise Http404
    return (
        Person.objects.filter(read_q(user), unit__path__startswith=unit.path, is_active=True)
        .exclude(evaluations__year=year)
        .select_related("unit")
        .order_by("unit__path", "sort_key", "code")
    )


def person_get_for_user(*, user: Any, code: str) -> Person:
    person = (
        Person.objects.filter(read_q(user), code=code)
        .select_related("unit", "rank", "position")
        .first()
    )
    if person is None:
        raise Http404
    return person


def task_record_list(*, person: Person, year: int) -> QuerySet[TaskRecord]:
    return TaskRecord.objects.filter(person=person, year=year).order_by("period", "pk")


def discipline_list(*, person: Person) -> QuerySet[DisciplineRecord]:
    return DisciplineRecord.objects.filter(person=person).order_by("-decided_on", "-pk")


def person_ratings(*, person: Person) -> QuerySet[AnnualEvaluation]:
    """Return every year's evaluation of ``person``, newest first."""
    return (
        AnnualEvaluation.objects.filter(person=person)
        .select_related("unit", "party")
        .order_by("-year")
    )


# --- Quota ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotaGroup:
    """The quota of one unit and group of similar work in one year; ``exception`` is the
    decision number of the unit's exception for outstanding units, when one applies."""

    unit: Unit
    work_group: str
    check: QuotaCheck
    exception: str = ""


def _levels(evaluations: QuerySet[AnnualEvaluation]) -> dict[tuple[int, int, str], list[str]]:
    rows = evaluations.values("year", "unit_id", "work_group", "level").annotate(n=Count("pk"))
    levels: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    for row in rows:
        levels[(row["year"], row["unit_id"], row["work_group"])] += [row["level"]] * row["n"]
    return levels


def quota_percent(year: int) -> Decimal:
    """Return the HTXS quota of ``year``'s profile (20% when the year has no profile)."""
    profile = profile_for("rating", "", year_end(year), required=False)
    if profile is None:
        return Decimal(20)  # NĐ 56/2015 era: no profile; the same Party cap is shown
    return rating_rules(profile.ref).quota_percent


def quota_groups(*, user: Any, unit: Unit, year: int) -> list[QuotaGroup]:
    """Return the quota check of every unit and group of ``unit``'s subtree in ``year``,
    under the unit's exception for outstanding units where one was granted (a higher cap or
    none). Two queries: the units carry their exception."""
    decided = evaluation_list(user=user, unit=unit, year=year).filter(state__in=DECIDED_STATES)
    levels = _levels(decided.order_by())
    exceptions = QuotaException.objects.filter(unit=OuterRef("pk"), year=year)
    units = Unit.objects.annotate(
        exception_ref=Subquery(exceptions.values("decision_ref")[:1]),
        exception_cap=Subquery(exceptions.values("cap_percent")[:1]),
    ).in_bulk({unit_id for _y, unit_id, _g in levels})
    percent = quota_percent(year)
    groups = []
    for (_y, u, g), group_levels in levels.items():
        ref = units[u].exception_ref or ""  # type: ignore[attr-defined]
        cap = units[u].exception_cap if ref else percent  # type: ignore[attr-defined]
        groups.append(QuotaGroup(units[u], g, rating.quota_check(group_levels, cap), ref))
    return sorted(groups, key=lambda q: (q.unit.path, q.work_group))


def quota_exception_list(*, user: Any, unit: Unit) -> QuerySet[QuotaException]:
    """Return the quota exceptions of ``unit``'s subtree that ``user`` may read."""
    if not can_read_unit(user, unit):
        raise Http404
    return (
        QuotaException.objects.filter(read_q(user), unit__path__startswith=unit.path)
        .select_related("unit", "granted_by")
        .order_by("-year", "unit__path")
    )


def quota_exception_get_for_user(*, user: Any, pk: int) -> QuotaException:
    exception = QuotaException.objects.filter(read_q(user), pk=pk).select_related("unit").first()
    if exception is None:
        raise Http404
    return exception


# --- The distribution report ----------------------------------------------------------------


@dataclass
class YearRow:
    """One year of the distribution report."""

    year: int
    counts: dict[str, int]
    total: int
    percents: dict[str, Decimal]
    quota: QuotaCheck  # the subtree as a whole
    failing: list[QuotaGroup] = field(default_factory=list)  # groups beyond the quota
    # Reviewed but not rated (under the minimum months worked): outside the counts above.
    not_rated: int = 0

    @property
    def quota_ok(self) -> bool:
        return not self.failing


def _percent(part: int, whole: int) -> Decimal:
    if not whole:
        return Decimal(0)
    return (Decimal(part) * HUNDRED / whole).quantize(Decimal("0.1"))


def distribution(*, user: Any, unit: Unit, years: Sequence[int]) -> list[YearRow]:
    """Return, per year, the decided levels of ``unit``'s subtree: counts, percentages, the
    HTXS/HTT ratio, and the groups whose quota fails (counted per unit and group of similar
    work, as the profile's quota rule says, under each unit's exception for outstanding units);
    the people not rated (under the minimum months worked) are counted apart. Three queries
    whatever the size."""
    if not can_read_unit(user, unit):
        raise Http404
    decided = AnnualEvaluation.objects.filter(
        read_q(user), unit__path__startswith=unit.path, year__in=list(years)
    ).filter(state__in=[*DECIDED_STATES, State.NOT_RATED])
    percent_of = {y: quota_percent(y) for y in years}
    caps: dict[tuple[int, int], Decimal | None] = {
        (e.year, e.unit_id): e.cap_percent
        for e in QuotaException.objects.filter(
            unit__path__startswith=unit.path, year__in=list(years)
        )
    }
    rows = decided.values("year", "unit_id", "work_group", "level").annotate(n=Count("pk"))
    by_group: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    counts: dict[int, dict[str, int]] = {y: dict.fromkeys(Level.values, 0) for y in years}
    not_rated: dict[int, int] = dict.fromkeys(years, 0)
    for row in rows:
        if not row["level"]:  # NOT_RATED: no level (constraint evaluation_decided_has_level)
            not_rated[row["year"]] += row["n"]
            continue
        by_group[(row["year"], row["unit_id"], row["work_group"])] += [row["level"]] * row["n"]
        counts[row["year"]][row["level"]] += row["n"]
    checks = {
        k: rating.quota_check(v, caps[(k[0], k[1])] if (k[0], k[1]) in caps else percent_of[k[0]])
        for k, v in by_group.items()
    }
    failing_units = {u for (_y, u, _g), c in checks.items() if not c.ok}
    units = Unit.objects.in_bulk(failing_units) if failing_units else {}
    result = []
    for year in sorted(years):
        total = sum(counts[year].values())
        excellent, good = counts[year][HTXS], counts[year][HTT]
        overall = QuotaCheck(
            excellent,
            good,
            rating.quota_max_excellent(good, percent_of[year]),
            percent_of[year],
        )
        failing = sorted(
            (
                QuotaGroup(units[u], g, c)
                for (y, u, g), c in checks.items()
                if y == year and not c.ok
            ),
            key=lambda q: (q.unit.path, q.work_group),
        )
        result.append(
            YearRow(
                year=year,
                counts=counts[year],
                total=total,
                percents={lv: _percent(n, total) for lv, n in counts[year].items()},
                quota=overall,
                failing=failing,
                not_rated=not_rated[year],
            )
        )
    return result


# --- Streamlining ---------------------------------------------------------------------------


def review_list(*, user: Any) -> QuerySet[StreamliningReview]:
    return (
        StreamliningReview.objects.filter(read_q(user))
        .select_related("unit")
        .order_by("-year", "unit__path", "profile")
    )


def review_get_for_user(*, user: Any, pk: int) -> StreamliningReview:
    review = review_list(user=user).filter(pk=pk).first()
    if review is None:
        raise Http404
    return review


@dataclass
class ListedPerson:
    """One person of a review's list: why they are listed, and the decision if any."""

    person: Person
    assessment: Assessment
    case: StreamliningCase | None

    @property
    def section(self) -> str | None:
        return self.assessment.section


@dataclass
class ReviewListing:
    review: StreamliningReview
    rules: StreamliningRules
    sections: dict[str, list[ListedPerson]]

    def rows(self) -> list[ListedPerson]:
        return [p for s in Section.values for p in self.sections[s]]

    def by_ground(self) -> dict[str, list[ListedPerson]]:
        """Return the candidates under each ground (a person with two grounds under both)."""
        grouped: dict[str, list[ListedPerson]] = {g: [] for g in self.rules.grounds}
        for listed in self.sections[Section.CANDIDATE]:
            for finding in listed.assessment.grounds:
                grouped[finding.key].append(listed)
        return grouped


def _facts(persons: Sequence[Person], year: int, within: str | None) -> dict[int, PersonFacts]:
    """Return the streamlining facts of ``persons``: decided ratings of the years the rules
    look at, qualification gaps, surplus records and circumstances. With ``within`` (a unit
    path holding every one of them) four queries whatever the number of persons; without,
    the persons are named by id (one person deciding a case)."""
    ratings: dict[int, dict[int, str]] = defaultdict(dict)
    gaps: dict[int, list[rules_s.QualificationGap]] = defaultdict(list)
    surplus: dict[int, list[rules_s.Surplus]] = defaultdict(list)
    circumstances: dict[int, list[rules_s.Circumstance]] = defaultdict(list)
    if within is not None:
        scopes = [Q(person__unit__path__startswith=within)]
    else:
        ids = [p.pk for p in persons]
        scopes = [Q(person_id__in=ids[i : i + 900]) for i in range(0, len(ids), 900)]
    for scope in scopes:
        decided = AnnualEvaluation.objects.filter(
            scope, year__gte=year - 3, year__lte=year, state__in=DECIDED_STATES
        ).values_list("person_id", "year", "level")
        for person_id, y, level in decided:
            ratings[person_id][y] = level
        for g in QualificationGap.objects.filter(scope):
            gaps[g.person_id].append(
                rules_s.QualificationGap(
                    required=g.required_level,
                    actual=g.actual_level,
                    recorded_on=g.recorded_on,
                    retraining_possible=g.retraining_possible,
                    other_post_available=g.other_post_available,
                    resolved_on=g.resolved_on,
                )
            )
        for r in SurplusRecord.objects.filter(scope):
            surplus[r.person_id].append(
                rules_s.Surplus(
                    kind=r.kind,
                    decision=r.decision_ref,
                    decided_on=r.decided_on,
                    can_be_replaced=r.can_be_replaced,
                    volunteered_with_consent=r.volunteered_with_consent,
                )
            )
        for c in Circumstance.objects.filter(scope):
            circumstances[c.person_id].append(
                rules_s.Circumstance(
                    kind=c.kind,
                    starts_on=c.starts_on,
                    ends_on=c.ends_on,
                    child_birth_date=c.child_birth_date,
                    volunteers=c.volunteers,
                )
            )
    return {
        p.pk: PersonFacts(
            ratings=ratings[p.pk],
            gaps=gaps[p.pk],
            surplus=surplus[p.pk],
            circumstances=circumstances[p.pk],
            under_discipline=p.under_discipline,
        )
        for p in persons
    }


def assess_persons(
    persons: Iterable[Person],
    *,
    year: int,
    on: dt.date,
    rules: StreamliningRules,
    within: str | None = None,
) -> dict[int, Assessment]:
    """Return the assessment of each person (by pk) under ``rules``; ``within`` is the path
    of a unit subtree holding them all (fewer, constant queries)."""
    persons = list(persons)
    facts = _facts(persons, year, within)
    found = {p.pk: rules_s.assess(facts[p.pk], year=year, on=on, rules=rules) for p in persons}
    return _with_training(found)


def _with_training(found: dict[int, Assessment]) -> dict[int, Assessment]:
    """Add the training that failed to bring a person up to standard to the data of their
    "lacking the training level" ground (training first: NĐ 101/2017 as amended by NĐ
    89/2021; domain.md §3). Queries only when someone has that ground."""
    lacking = [
        pk for pk, a in found.items() if any(f.key == rules_s.QUALIFICATION for f in a.grounds)
    ]
    if not lacking:
        return found
    evidence = training_evidence(lacking)
    for pk in evidence:
        grounds = tuple(
            replace(f, data=" ".join([f.data, *evidence[pk]]))
            if f.key == rules_s.QUALIFICATION
            else f
            for f in found[pk].grounds
        )
        found[pk] = replace(found[pk], grounds=grounds)
    return found


def review_listing(*, user: Any, review: StreamliningReview) -> ReviewListing:
    """Return the review's list: candidates, deferred, and the dismissal route, each person
    with the grounds and data behind them and the decision recorded (seven queries)."""
    if not can_read_unit(user, review.unit):
        raise Http404
    rules = streamlining_rules(review.profile)
    persons = list(
        Person.objects.filter(read_q(user), unit__path__startswith=review.unit.path, is_active=True)
        .select_related("unit", "position")
        .order_by("sort_key", "code")
    )
    assessments = assess_persons(
        persons, year=review.year, on=review.reviewed_on, rules=rules, within=review.unit.path
    )
    cases = {
        c.person_id: c
        for c in StreamliningCase.objects.filter(review=review).select_related("decided_by")
    }
    sections: dict[str, list[ListedPerson]] = {s: [] for s in Section.values}
    for person in persons:
        assessment = assessments[person.pk]
        if assessment.section is not None:
            sections[assessment.section].append(
                ListedPerson(person, assessment, cases.get(person.pk))
            )
    return ReviewListing(review, rules, sections)


def person_facts(*, person: Person) -> dict[str, QuerySet[Any]]:
    """Return the streamlining facts recorded for ``person``, for their facts page."""
    return {
        "gaps": QualificationGap.objects.filter(person=person),
        "surplus": SurplusRecord.objects.filter(person=person),
        "circumstances": Circumstance.objects.filter(person=person),
    }
