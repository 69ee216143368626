"""The aggregates of the reports, read from ``PlanResult``/``PartResult`` by aggregate queries.

Every function takes a ``ReportScope`` (``access.report_scope_get``: the user's scope, 404
outside it) and runs a fixed number of queries whatever the number of candidates: counts by
group are ``GROUP BY`` queries; the unit breakdown groups by the person's unit in SQL and adds
the rows up to the reporting unit in Python (a few hundred units at most); per-topic statistics
make one pass over value lists of the responses. Pass and class are those ``results_compute``
stored (the plan's rule profile decided them); the lines drawn on the histograms are the
profile's numbers (``mcq_pass_percent``, ``result_band_*_percent``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Floor
from django.utils.translation import gettext as _

from sathach.bank.models import ItemVersion, Topic
from sathach.core import profiles
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response
from sathach.delivery.services.scoring import part_fixes
from sathach.lib.rules import results as rules
from sathach.lib.scoring import ESSAY, answer_fraction
from sathach.lib.text import sort_key
from sathach.org.constants import Block, UnitKind
from sathach.org.models import Position, Rank, Unit
from sathach.plans.constants import MCQ_KINDS
from sathach.plans.models import BlueprintPart, Plan, Sitting

from ..constants import PartStatus
from ..models import PartResult
from .access import ReportScope

PERSON = "candidate__person__"
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
SCORED_ATTEMPTS = (AttemptState.SUBMITTED, AttemptState.EXPIRED)

BLOCK, UNIT, RANK, POSITION, AGE = "block", "unit", "rank", "position", "age"
DIMENSIONS = (BLOCK, UNIT, RANK, POSITION, AGE)

# Age bands of the reports (a reporting convention, not a legal number): age in whole years on
# the plan's first sitting day.
AGE_BOUNDS = (30, 40, 50)


def dimension_label(dimension: str) -> str:
    return {
        BLOCK: _("Khối"),
        UNIT: _("Đơn vị"),
        RANK: _("Ngạch công chức"),
        POSITION: _("Vị trí việc làm"),
        AGE: _("Độ tuổi"),
    }[dimension]


def _percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(CENT, ROUND_HALF_UP)


# --- Tallies ------------------------------------------------------------------------------------


@dataclass
class Tally:
    """The counts of one group of candidates (or of the whole scope).

    ``complete`` have every part's result (total and class decided); ``passed`` of them passed
    (every part passed and the total reaches the pass band); ``absent`` missed at least one
    part. The classes count the complete results.
    """

    key: Any = None
    label: str = ""
    candidates: int = 0
    complete: int = 0
    passed: int = 0
    absent: int = 0
    excellent: int = 0
    good: int = 0
    fair: int = 0  # Đạt
    failed: int = 0  # Không đạt
    percent_sum: Decimal = Decimal(0)
    unit_code: str = ""  # a unit row: the code of its unit report

    @property
    def pending(self) -> int:
        return self.candidates - self.complete

    @property
    def not_passed(self) -> int:
        return self.complete - self.passed

    @property
    def pass_rate(self) -> Decimal | None:
        """Percent of the complete results that passed (None when none is complete)."""
        return _percent(self.passed, self.complete)

    @property
    def mean_percent(self) -> Decimal | None:
        """Mean total, in percent of the maximum, of the complete results."""
        return _percent(self.percent_sum, self.complete * 100) if self.complete else None

    def share(self, count: int) -> Decimal | None:
        return _percent(count, self.complete)

    @property
    def levels(self) -> list[tuple[str, int, Decimal | None]]:
        """The classes with their counts and shares, best first."""
        return [
            (label, count, self.share(count))
            for label, count in (
                (_("Xuất sắc"), self.excellent),
                (_("Tốt"), self.good),
                (_("Đạt"), self.fair),
                (_("Không đạt"), self.failed),
            )
        ]

    def add(self, row: Mapping[str, Any]) -> None:
        for name in COUNTED:
            setattr(self, name, getattr(self, name) + (row[name] or 0))
        self.percent_sum += Decimal(row["percent_sum"] or 0)


COUNTED = ("candidates", "complete", "passed", "absent", "excellent", "good", "fair", "failed")


def _counts() -> dict[str, Any]:
    """Return the aggregates of a tally, for ``annotate`` or ``aggregate`` over ``PlanResult``."""
    absent = Exists(
        PartResult.objects.filter(candidate_id=OuterRef("candidate_id"), status=PartStatus.ABSENT)
    )
    return {
        "candidates": Count("pk"),
        "complete": Count("pk", filter=Q(total__isnull=False)),
        "passed": Count("pk", filter=Q(passed=True)),
        "absent": Count("pk", filter=absent),
        "excellent": Count("pk", filter=Q(classification=rules.EXCELLENT)),
        "good": Count("pk", filter=Q(classification=rules.GOOD)),
        "fair": Count("pk", filter=Q(classification=rules.PASS)),
        "failed": Count("pk", filter=Q(classification=rules.FAIL)),
        "percent_sum": Sum("percent"),
    }


def summary(scope: ReportScope) -> Tally:
    """Return the tally of every candidate in scope (one query)."""
    tally = Tally(label=_("Tổng cộng"))
    tally.add(scope.results().aggregate(**_counts()))
    return tally


def reference_date(plan: Plan) -> dt.date:
    """Return the day ages are counted on: the plan's first sitting, else its start."""
    first = Sitting.objects.filter(plan=plan).aggregate(first=Min("date"))["first"]
    return first or plan.starts_on


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def age_band_labels() -> dict[str, str]:
    low, mid, high = AGE_BOUNDS
    return {
        f"<{low}": _("Dưới %(n)d tuổi") % {"n": low},
        f"{low}-{mid - 1}": _("Từ %(a)d đến %(b)d tuổi") % {"a": low, "b": mid - 1},
        f"{mid}-{high - 1}": _("Từ %(a)d đến %(b)d tuổi") % {"a": mid, "b": high - 1},
        f"{high}+": _("Từ %(n)d tuổi trở lên") % {"n": high},
    }


def _age_band(day: dt.date) -> Case:
    """Return the SQL expression of the age band on ``day`` (born after the cut: younger)."""
    keys = list(age_band_labels())
    whens = [
        When(**{f"{PERSON}birth_date__gt": _years_before(day, bound)}, then=Value(key))
        for bound, key in zip(AGE_BOUNDS, keys, strict=False)
    ]
    return Case(*whens, default=Value(keys[-1]))


def _grouped(scope: ReportScope, key: Any) -> list[dict[str, Any]]:
    return list(scope.results().values(key=key).annotate(**_counts()).order_by())


def _tallies(rows: Iterable[Mapping[str, Any]], labels: Mapping[Any, str]) -> dict[Any, Tally]:
    tallies: dict[Any, Tally] = {}
    for row in rows:
        key = row["key"]
        tally = tallies.setdefault(key, Tally(key=key, label=labels.get(key, "")))
        tally.add(row)
    return tallies


def _by_block(scope: ReportScope) -> list[Tally]:
    rows = _grouped(scope, F(f"{PERSON}unit__block"))
    labels: dict[Any, str] = {b.value: str(b.label) for b in Block}
    labels[""] = _("Chưa xác định khối")
    order = {key: i for i, key in enumerate(labels)}
    tallies = _tallies(rows, labels)
    return sorted(tallies.values(), key=lambda t: order.get(t.key, len(order)))


def _by_rank(scope: ReportScope) -> list[Tally]:
    rows = _grouped(scope, F(f"{PERSON}rank_id"))
    ranks = Rank.objects.filter(pk__in=[r["key"] for r in rows if r["key"] is not None])
    labels: dict[Any, str] = {r.pk: f"{r.code} — {r.name}" for r in ranks}
    labels[None] = _("Chưa có ngạch")
    codes = {r.pk: r.code for r in ranks}
    tallies = _tallies(rows, labels)
    return sorted(tallies.values(), key=lambda t: (t.key is None, codes.get(t.key, "")))


def _by_position(scope: ReportScope) -> list[Tally]:
    rows = _grouped(scope, F(f"{PERSON}position_id"))
    positions = Position.objects.filter(pk__in=[r["key"] for r in rows if r["key"] is not None])
    labels: dict[Any, str] = {p.pk: p.name for p in positions}
    labels[None] = _("Chưa xác định vị trí việc làm")
    tallies = _tallies(rows, labels)
    return sorted(tallies.values(), key=lambda t: (t.key is None, sort_key(t.label)))


def _by_age(scope: ReportScope) -> list[Tally]:
    labels = age_band_labels()
    rows = _grouped(scope, _age_band(reference_date(scope.plan)))
    tallies = _tallies(rows, labels)
    order = list(labels)
    return sorted(tallies.values(), key=lambda t: order.index(t.key))


# --- Reporting units ------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitNode:
    pk: int
    code: str
    name: str
    kind: str
    path: str
    sort_order: int


class ReportingUnits:
    """Map a person's unit to the unit a report counts them under.

    On the plan's report: the nearest unit at or above theirs that is not a department (the
    staff of a department count with its agency). On a unit's report: the child of that unit
    whose subtree holds theirs, or the unit itself for its own staff. One query for the units
    on the way from the root.
    """

    def __init__(self, scope: ReportScope, unit_ids: Iterable[int]) -> None:
        self.scope = scope
        ids = {pk for pk in unit_ids if pk is not None}
        paths = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "path"))
        codes = {code for path in paths.values() for code in path.split("/") if code}
        self.by_code = {
            u.code: u
            for u in (
                UnitNode(*row)
                for row in Unit.objects.filter(code__in=codes).values_list(
                    "pk", "code", "name", "kind", "path", "sort_order"
                )
            )
        }
        self.of_unit: dict[int, UnitNode] = {
            pk: self._reporting(path) for pk, path in paths.items()
        }

    def order(self, node: UnitNode) -> tuple[tuple[int, str], ...]:
        """Return the key that lists units as the organisation tree does: siblings by their
        order, then by name the Vietnamese way, each under its parent."""
        return tuple(
            (self.by_code[code].sort_order, sort_key(self.by_code[code].name))
            for code in node.path.split("/")
            if code
        )

    def _reporting(self, path: str) -> UnitNode:
        chain = [self.by_code[code] for code in path.split("/") if code]
        unit = self.scope.unit
        if unit is not None:
            depth = len([c for c in unit.path.split("/") if c])
            return chain[depth] if len(chain) > depth else chain[-1]
        for node in reversed(chain):
            if node.kind != UnitKind.DEPARTMENT:
                return node
        return chain[-1]


def _by_unit(scope: ReportScope) -> list[Tally]:
    rows = _grouped(scope, F(f"{PERSON}unit_id"))
    reporting = ReportingUnits(scope, (r["key"] for r in rows))
    tallies: dict[int, Tally] = {}
    nodes: dict[int, UnitNode] = {}
    for row in rows:
        node = reporting.of_unit[row["key"]]
        nodes[node.pk] = node
        tally = tallies.setdefault(
            node.pk, Tally(key=node.path, label=node.name, unit_code=node.code)
        )
        tally.add(row)
    return [tallies[pk] for pk in sorted(tallies, key=lambda pk: reporting.order(nodes[pk]))]


def breakdown(scope: ReportScope, dimension: str) -> list[Tally]:
    """Return the tallies of ``scope`` by ``dimension`` (one of ``DIMENSIONS``), in the order a
    report lists them: blocks as the roster orders them, units in tree order, ranks by code,
    positions by name, age bands from the youngest."""
    return {
        BLOCK: _by_block,
        UNIT: _by_unit,
        RANK: _by_rank,
        POSITION: _by_position,
        AGE: _by_age,
    }[dimension](scope)


# --- Histograms -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    value: float  # percent of the maximum
    label: str


@dataclass
class Histogram:
    """Counts of scores in bins of ``width`` percent of the maximum: [0, w), [w, 2w), …, the
    last bin closed at 100%."""

    title: str
    width: int
    counts: list[int]
    lines: list[Line] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def bins(self) -> list[tuple[str, int]]:
        """Return (label, count) per bin; a bin holds its lower bound, not its upper one (but
        the last holds 100)."""
        return [
            (f"{i * self.width}–{(i + 1) * self.width}", count)
            for i, count in enumerate(self.counts)
        ]


def _bin_counts(rows: Iterable[tuple[Any, int]], width: int) -> list[int]:
    counts = [0] * (100 // width)
    for value, count in rows:
        index = min(max(int(value), 0), len(counts) - 1)  # 100% belongs to the last bin
        counts[index] += count
    return counts


def _number(value: Decimal | float) -> str:
    return f"{Decimal(str(value)).normalize():f}".replace(".", ",")


def total_histogram(scope: ReportScope, width: int = 5) -> Histogram:
    """Return the histogram of the complete totals (percent of the maximum total), with the
    profile's class bounds: pass (the bar), good and excellent."""
    rows = (
        scope.results()
        .filter(percent__isnull=False)
        .values_list(Floor(F("percent") / width))
        .annotate(n=Count("pk"))
        .order_by()
    )
    profile = profiles.get(scope.plan.exam_profile)
    lines = [
        Line(
            float(profile.value("result_band_pass_percent")),
            _("Mức đạt %(p)s%%") % {"p": _number(profile.value("result_band_pass_percent"))},
        ),
        Line(
            float(profile.value("result_band_good_percent")),
            _("Tốt %(p)s%%") % {"p": _number(profile.value("result_band_good_percent"))},
        ),
        Line(
            float(profile.value("result_band_excellent_percent")),
            _("Xuất sắc %(p)s%%") % {"p": _number(profile.value("result_band_excellent_percent"))},
        ),
    ]
    return Histogram(
        title=_("Tổng điểm (tỷ lệ % so với tổng điểm tối đa)"),
        width=width,
        counts=_bin_counts(rows, width),
        lines=lines,
    )


def part_histograms(scope: ReportScope, width: int = 5) -> list[Histogram]:
    """Return, for every part, the histogram of its scores (percent of the part's maximum)
    with its pass line: ``mcq_pass_percent`` for MCQ parts, the pass mark for the others."""
    parts = list(BlueprintPart.objects.filter(plan=scope.plan).order_by("order"))
    rows = (
        PartResult.objects.filter(part__plan=scope.plan, status=PartStatus.SCORED)
        .filter(scope.person_q())
        .values_list("part_id", Floor(F("score") * 100 / F("part__max_score") / width))
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_part: dict[int, list[tuple[Any, int]]] = defaultdict(list)
    for part_id, value, count in rows:
        by_part[part_id].append((value, count))
    mcq_percent = profiles.get(scope.plan.exam_profile).value("mcq_pass_percent")
    histograms = []
    for part in parts:
        if part.kind in MCQ_KINDS:
            bar = Decimal(str(mcq_percent))
        else:
            bar = part.pass_mark * HUNDRED / part.max_score if part.max_score else Decimal(0)
        histograms.append(
            Histogram(
                title=_("Phần %(n)d: %(name)s (%% điểm tối đa)")
                % {"n": part.order, "name": part.name},
                width=width,
                counts=_bin_counts(by_part.get(part.pk, []), width),
                lines=[Line(float(bar), _("Mức đạt %(p)s%%") % {"p": _number(bar.quantize(CENT))})],
            )
        )
    return histograms


# --- Topics ---------------------------------------------------------------------------------------


@dataclass
class TopicRow:
    code: str
    name: str
    items: int = 0  # item versions of the topic shown on some form
    presented: int = 0  # (attempt, item) pairs: how many times the topic's items were set
    correct: int = 0  # answered fully right
    credit: float = 0.0  # sum of the credit earned (partial credit counts its share)

    @property
    def percent_correct(self) -> Decimal | None:
        return _percent(self.correct, self.presented)

    @property
    def percent_credit(self) -> Decimal | None:
        if not self.presented:
            return None
        return (Decimal(str(self.credit)) * HUNDRED / self.presented).quantize(CENT, ROUND_HALF_UP)


@dataclass
class PartTopics:
    part: BlueprintPart
    attempts: int
    rows: list[TopicRow]


# One entry of a form's option orders as stored ("[2, 0, 3, 1]" or "null"), kept as text: the
# answers are grouped by it and only each distinct one is parsed.
_ORDER = re.compile(r"\[[^\[\]]*\]|null")


def _orders(text: str, pool: dict[str, str]) -> list[str]:
    inner = text.strip()[1:-1]
    return [pool.setdefault(entry, entry) for entry in _ORDER.findall(inner)]


def _part_topics(scope: ReportScope, part: BlueprintPart, rule: str) -> PartTopics:
    attempts = Attempt.objects.filter(sitting__part=part, state__in=SCORED_ATTEMPTS).filter(
        scope.person_q()
    )
    # Two streams in attempt order, merged: each attempt's form (items and option orders, as
    # text), and the answers (JSON as text). Only the current form is held; every answer adds
    # one to the count of its (item, answer, option order); each distinct one is scored once at
    # the end (a few thousand for a 60-item sitting of any size).
    forms = (
        attempts.order_by("pk")
        .values_list(
            "pk", Cast("form__items", TextField()), Cast("form__option_orders", TextField())
        )
        .iterator(chunk_size=2000)
    )
    answers = (
        Response.objects.filter(attempt__in=attempts)
        .order_by("attempt_id")
        .values_list("attempt_id", "item_id", Cast("answer", TextField()))
        .iterator(chunk_size=10000)
    )
    presented: Counter[int] = Counter()  # by item version
    tally: dict[tuple[int, str, str | None], int] = {}
    count_of = tally.get
    pool: dict[str, str] = {}
    n_attempts = 0
    current: int | None = None
    positions: dict[int, str] = {}
    for attempt_id, vid, text in answers:
        if attempt_id != current:
            current = attempt_id
            for pk, items_text, orders_text in forms:
                items = json.loads(items_text)
                presented.update(items)
                n_attempts += 1
                if pk == attempt_id:
                    positions = dict(zip(items, _orders(orders_text, pool), strict=False))
                    break
        key = (vid, text, positions.get(vid))
        tally[key] = count_of(key, 0) + 1
    for _pk, items_text, _orders_text in forms:  # attempts left with no answer at all
        presented.update(json.loads(items_text))
        n_attempts += 1
    versions = {
        pk: (kind, content, topic_id)
        for pk, kind, content, topic_id in ItemVersion.objects.filter(
            pk__in=list(presented)
        ).values_list("pk", "kind", "content", "item__topic_id")
    }
    fixes = part_fixes(part.pk)
    skipped = {vid for vid, fix in fixes.items() if fix.void}  # a voided item is not asked
    skipped |= {vid for vid, (kind, _c, _t) in versions.items() if kind == ESSAY}
    asked: Counter[int] = Counter()
    items_of: Counter[int] = Counter()
    for vid, count in presented.items():
        if vid not in skipped:
            topic = versions[vid][2]
            asked[topic] += count
            items_of[topic] += 1
    correct: Counter[int] = Counter()
    credit: defaultdict[int, float] = defaultdict(float)
    for (vid, text, order), count in tally.items():
        if vid in skipped:
            continue
        kind, content, topic = versions[vid]
        fix = fixes.get(vid)
        if fix is not None:
            content = {**content, **fix.key}
        shown = json.loads(order) if order is not None else None
        fraction = answer_fraction(kind, content, json.loads(text), shown, multiple_rule=rule)
        credit[topic] += fraction * count
        if fraction >= 1.0:
            correct[topic] += count
    topics = Topic.objects.filter(pk__in=list(items_of)).order_by("path")
    rows = [
        TopicRow(
            code=t.code,
            name=t.name,
            items=items_of[t.pk],
            presented=asked[t.pk],
            correct=correct[t.pk],
            credit=credit[t.pk],
        )
        for t in topics
    ]
    return PartTopics(part=part, attempts=n_attempts, rows=rows)


def topic_stats(scope: ReportScope) -> list[PartTopics]:
    """Return, for every MCQ part with answers on the server, the percent correct of each
    topic: over every (attempt, item) of the finished attempts in scope, the share answered
    fully right and the share of the points earned (a blank counts as wrong; a voided item is
    left out, a re-keyed one is scored with its corrected key)."""
    rule = scope.plan.multiple_response_rule
    parts = BlueprintPart.objects.filter(plan=scope.plan, kind__in=MCQ_KINDS).order_by("order")
    return [_part_topics(scope, part, rule) for part in parts]


# --- Lists of people ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One part of one person in a list: its status, score and pass."""

    status: str
    score: Decimal | None
    passed: bool

    @property
    def label(self) -> str:
        return str(PartStatus(self.status).label)


@dataclass
class PersonRow:
    number: str
    name: str
    birth_date: dt.date
    rank: str
    position: str
    unit: str
    cells: list[Cell | None]
    total: Decimal | None
    passed: bool
    classification: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class UnitGroup:
    """People of one reporting unit: ``PersonRow`` (lists) or ``SummaryRow`` (the summary)."""

    code: str
    name: str
    rows: list[Any]


def _fmt(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _reasons(parts: Sequence[BlueprintPart], cells: Sequence[Cell | None]) -> list[str]:
    """Return why a result is below the bar: each part not passed, else the total."""
    reasons = []
    for part, cell in zip(parts, cells, strict=True):
        if cell is None or cell.passed:
            continue
        if cell.status == PartStatus.SCORED and cell.score is not None:
            reasons.append(
                _("Phần %(n)d: %(s)s/%(m)s, dưới mức đạt")
                % {
                    "n": part.order,
                    "s": _fmt(cell.score),
                    "m": f"{part.max_score.normalize():f}".replace(".", ","),
                }
            )
        else:
            reasons.append(_("Phần %(n)d: %(s)s") % {"n": part.order, "s": cell.label})
    if not reasons:
        reasons.append(_("Tổng điểm dưới mức đạt"))
    return reasons


def below_bar(scope: ReportScope) -> list[UnitGroup]:
    """Return those below the bar (không đạt: a complete result not passed), by reporting unit
    in tree order and by name the Vietnamese way, with each one's part results and reasons.

    Read as value lists (one query for the people, one for their parts)."""
    parts = list(BlueprintPart.objects.filter(plan=scope.plan).order_by("order"))
    index = {part.pk: i for i, part in enumerate(parts)}
    below = scope.results().filter(total__isnull=False, passed=False)
    people = list(
        below.order_by(f"{PERSON}sort_key", "candidate__number").values_list(
            "candidate_id",
            "candidate__number",
            f"{PERSON}full_name",
            f"{PERSON}birth_date",
            f"{PERSON}rank__name",
            f"{PERSON}position__name",
            f"{PERSON}unit_id",
            f"{PERSON}unit__name",
            "total",
            "classification",
        )
    )
    cells: dict[int, list[Cell | None]] = {}
    for candidate_id, part_id, status, score, passed in PartResult.objects.filter(
        candidate_id__in=below.values("candidate_id"), part__plan=scope.plan
    ).values_list("candidate_id", "part_id", "status", "score", "passed"):
        found = cells.setdefault(candidate_id, [None] * len(parts))
        found[index[part_id]] = Cell(status, score, passed)
    reporting = ReportingUnits(scope, (p[6] for p in people))
    groups: dict[int, UnitGroup] = {}
    nodes: dict[int, UnitNode] = {}
    for candidate_id, number, name, birth, rank, position, unit_id, unit, total, level in people:
        node = reporting.of_unit[unit_id]
        nodes[node.pk] = node
        own = cells.get(candidate_id, [None] * len(parts))
        row = PersonRow(
            number=number,
            name=name,
            birth_date=birth,
            rank=rank or "",
            position=position or "",
            unit=unit,
            cells=own,
            total=total,
            passed=False,
            classification=level,
            reasons=_reasons(parts, own),
        )
        groups.setdefault(node.pk, UnitGroup(node.code, node.name, [])).rows.append(row)
    return [groups[pk] for pk in sorted(groups, key=lambda pk: reporting.order(nodes[pk]))]


def below_bar_count(scope: ReportScope) -> int:
    return scope.results().filter(total__isnull=False, passed=False).count()


# --- The results summary, as value lists --------------------------------------------------------


@dataclass
class SummaryRow:
    number: str
    name: str
    birth_date: dt.date
    unit_id: int
    scores: list[tuple[str, Decimal | None]]  # per part: (status, score)
    total: Decimal | None
    passed: bool
    classification: str


def results_rows(scope: ReportScope) -> tuple[list[BlueprintPart], list[UnitGroup]]:
    """Return the parts and every result in scope by reporting unit, then registration number,
    read as value lists (two queries for the rows, however many candidates): the rows of the
    results summary (Bảng tổng hợp kết quả)."""
    parts = list(BlueprintPart.objects.filter(plan=scope.plan).order_by("order"))
    index = {part.pk: i for i, part in enumerate(parts)}
    results = list(
        scope.results()
        .order_by("candidate__number", "candidate_id")
        .values_list(
            "candidate_id",
            "candidate__number",
            f"{PERSON}full_name",
            f"{PERSON}birth_date",
            f"{PERSON}unit_id",
            "total",
            "passed",
            "classification",
        )
    )
    scores: dict[int, list[tuple[str, Decimal | None]]] = {}
    for candidate_id, part_id, status, score in (
        PartResult.objects.filter(part__plan=scope.plan)
        .filter(scope.person_q())
        .values_list("candidate_id", "part_id", "status", "score")
    ):
        cells = scores.setdefault(candidate_id, [("", None)] * len(parts))
        cells[index[part_id]] = (status, score)
    reporting = ReportingUnits(scope, (r[4] for r in results))
    groups: dict[int, UnitGroup] = {}
    nodes: dict[int, UnitNode] = {}
    for candidate_id, number, name, birth, unit_id, total, passed, level in results:
        node = reporting.of_unit[unit_id]
        nodes[node.pk] = node
        row = SummaryRow(
            number=number,
            name=name,
            birth_date=birth,
            unit_id=unit_id,
            scores=scores.get(candidate_id, [("", None)] * len(parts)),
            total=total,
            passed=passed,
            classification=level,
        )
        groups.setdefault(node.pk, UnitGroup(node.code, node.name, [])).rows.append(row)
    return parts, [groups[pk] for pk in sorted(groups, key=lambda pk: reporting.order(nodes[pk]))]
