"""Reads of the unit and province report beyond the rating distribution: training and re-test
outcomes per child unit, and streamlining candidates by legal ground (domain.md §3).

Every read takes the requesting user: the chosen unit must lie in their rating scope (else
404, as ``selectors.distribution``), and only people of that subtree whose ratings the user
may read are counted. The figures follow the per-plan page (``selectors_training.
plan_outcomes``), so the rows of one plan add up to what that page shows for the same people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from sathach.org.models import Unit
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import Candidate
from sathach.plans.permissions import ancestor_paths
from sathach.results.constants import PartStatus
from sathach.results.models import PartResult, PlanResult

from .constants import Decision, Ground, Section, TrainingState
from .models import Retest, StreamliningReview, TrainingAssignment
from .permissions import can_read_unit, read_q
from .selectors import review_list, review_listing
from .selectors_training import published_plan_list

# --- Rows per child unit ----------------------------------------------------------------------


@dataclass
class TrainingRow:
    """People below the bar of one child unit and how their training stands (the latest
    assignment from that plan decides, as on the per-plan page)."""

    label: str
    below: int = 0
    completed: int = 0
    not_completed: int = 0
    in_progress: int = 0
    not_assigned: int = 0

    @property
    def assigned(self) -> int:
        return self.completed + self.not_completed + self.in_progress

    def add(self, state: str) -> None:
        self.below += 1
        if state == TrainingState.COMPLETED:
            self.completed += 1
        elif state == TrainingState.NOT_COMPLETED:
            self.not_completed += 1
        elif state == TrainingState.ASSIGNED:
            self.in_progress += 1
        else:
            self.not_assigned += 1


@dataclass
class RetestRow:
    """Re-test outcomes of one child unit. ``candidates`` were put on a re-test plan; the
    latest published re-test that included a person decides (``plan_outcomes``): ``passed``,
    ``failed`` (sat every part and did not pass), ``absent`` (missed a part, as the results
    reports count it); ``pending`` have no published re-test result yet. The per-plan page's
    "không đạt" is ``failed + absent``."""

    label: str
    below: int = 0
    candidates: int = 0
    passed: int = 0
    failed: int = 0
    absent: int = 0

    @property
    def sat(self) -> int:
        return self.passed + self.failed

    @property
    def pending(self) -> int:
        return self.candidates - self.sat - self.absent


@dataclass
class OutcomeReport:
    """Training and re-test outcomes per child unit, with the totals and the plans read."""

    plans: list[Any]
    training: list[TrainingRow]
    training_total: TrainingRow
    retest: list[RetestRow]
    retest_total: RetestRow


def _child_rows(unit: Unit) -> dict[str, str]:
    """Return the row label of each path counted: the unit itself (people attached to it
    directly), then its children in tree order (one query)."""
    labels = {unit.path: _("%(name)s (trực tiếp)") % {"name": unit.name}}
    for path, name in Unit.objects.filter(parent=unit).order_by("path").values_list("path", "name"):
        labels[path] = name
    return labels


def _row_path(unit: Unit, person_path: str) -> str:
    """Return the path of the row a person of ``person_path`` (inside ``unit``) is counted in."""
    rest = person_path[len(unit.path) :]
    if not rest:
        return unit.path
    return f"{unit.path}{rest.split('/', 1)[0]}/"


def _check(user: Any, unit: Unit) -> None:
    if not can_read_unit(user, unit):
        raise Http404


def outcome_report(*, user: Any, unit: Unit, years: Sequence[int]) -> OutcomeReport:
    """Return training and re-test outcomes in ``unit``'s subtree, per child unit, over the
    published plans whose results were published in ``years`` and that ``user`` may read.

    A re-test plan is not counted as a plan of its own: its results are the re-test outcome
    of the plan it was made from (else a person would be below the bar twice). Each result
    below the bar counts once, so a person below the bar of two plans counts twice, as the
    two per-plan pages do. A fixed number of queries, whatever the number of plans and people.
    """
    _check(user, unit)
    plans = list(
        published_plan_list(user=user)
        .filter(
            results_published_at__year__gte=min(years),
            results_published_at__year__lte=max(years),
            retest_of__isnull=True,
        )
        .order_by("results_published_at", "code")
    )
    labels = _child_rows(unit)
    training = {p: TrainingRow(label) for p, label in labels.items()}
    retest = {p: RetestRow(label) for p, label in labels.items()}
    if plans:
        _count(user, unit, [p.pk for p in plans], training, retest)
    shown = [p for p in labels if training[p].below]  # units with nobody below are left out
    training_total = _sum(TrainingRow(_("Tổng cộng")), [training[p] for p in shown])
    retest_total = _sum(RetestRow(_("Tổng cộng")), [retest[p] for p in shown])
    return OutcomeReport(
        plans=plans,
        training=[training[p] for p in shown],
        training_total=training_total,
        retest=[retest[p] for p in shown],
        retest_total=retest_total,
    )


def _sum(total: Any, rows: Sequence[Any]) -> Any:
    """Return ``total`` with the counts of ``rows`` added up (the int fields)."""
    for name, value in vars(total).items():
        if isinstance(value, int):
            setattr(total, name, sum(getattr(r, name) for r in rows))
    return total


def _count(
    user: Any,
    unit: Unit,
    plan_ids: list[int],
    training: dict[str, TrainingRow],
    retest: dict[str, RetestRow],
) -> None:
    inside = Q(person__unit__path__startswith=unit.path)
    below = list(
        PlanResult.objects.filter(plan_id__in=plan_ids, passed=False)
        .filter(read_q(user, "candidate__person__unit__path"))
        .filter(candidate__person__unit__path__startswith=unit.path)
        .values_list("plan_id", "candidate__person_id", "candidate__person__unit__path")
    )
    state: dict[tuple[int, int], str] = {}
    for plan_id, person_id, value in (
        TrainingAssignment.objects.filter(inside, plan_id__in=plan_ids)
        .order_by("starts_on", "pk")
        .values_list("plan_id", "person_id", "state")
    ):
        state[(plan_id, person_id)] = value  # the latest assignment wins
    # Newest first, as ``retest_list``: the latest published re-test decides.
    retests = list(Retest.objects.filter(source_id__in=plan_ids).select_related("plan"))
    on_retest: set[tuple[int, int]] = set()
    verdicts: dict[tuple[int, int], tuple[bool, bool]] = {}  # (plan, person) → passed, absent
    if retests:
        source_of = {r.plan_id: r.source_id for r in retests}
        for retest_plan, person_id in (
            Candidate.objects.filter(inside, plan_id__in=list(source_of))
            .exclude(status=CandidateStatus.REMOVED)
            .values_list("plan_id", "person_id")
        ):
            on_retest.add((source_of[retest_plan], person_id))
        published = [r.plan_id for r in retests if r.plan.results_published_at is not None]
        absent = Exists(
            PartResult.objects.filter(
                candidate_id=OuterRef("candidate_id"), status=PartStatus.ABSENT
            )
        )
        results: dict[int, dict[int, tuple[bool, bool]]] = defaultdict(dict)
        for retest_plan, person_id, passed, missed in (
            PlanResult.objects.filter(
                plan_id__in=published, candidate__person__unit__path__startswith=unit.path
            )
            .annotate(missed=absent)
            .values_list("plan_id", "candidate__person_id", "passed", "missed")
        ):
            results[retest_plan][person_id] = (passed, missed)
        for r in retests:  # newest first: keep the first verdict found
            for person_id, verdict in results[r.plan_id].items():
                verdicts.setdefault((r.source_id, person_id), verdict)
    for plan_id, person_id, person_path in below:
        path = _row_path(unit, person_path)
        training[path].add(state.get((plan_id, person_id), ""))
        row = retest[path]
        row.below += 1
        found = verdicts.get((plan_id, person_id))
        if (plan_id, person_id) not in on_retest and found is None:
            continue
        row.candidates += 1
        if found is None:
            continue
        passed, missed = found
        if passed:
            row.passed += 1
        elif missed:
            row.absent += 1
        else:
            row.failed += 1


# --- Streamlining candidates by ground --------------------------------------------------------


@dataclass
class GroundRow:
    key: str
    label: str
    citations: list[str] = field(default_factory=list)  # article and clause, per profile
    unverified: bool = False
    people: int = 0


@dataclass
class SectionRow:
    """One part of the lists (candidates, deferred, dismissal route) and the decisions."""

    section: str
    label: str
    people: int = 0
    propose: int = 0
    not_propose: int = 0

    @property
    def pending(self) -> int:
        return self.people - self.propose - self.not_propose


@dataclass
class StreamliningReport:
    reviews: list[StreamliningReview]
    grounds: list[GroundRow]
    sections: list[SectionRow]

    def section(self, key: str) -> SectionRow:
        return next(s for s in self.sections if s.section == key)


def _citation(basis: str) -> str:
    """Return the article and clause of a profile's basis ("NĐ 154/2025/NĐ-CP, Điều 2,
    khoản 1: …" → the part before the colon)."""
    return basis.split(":", 1)[0].strip()


def streamlining_report(*, user: Any, unit: Unit, years: Sequence[int]) -> StreamliningReport:
    """Return the people listed by the streamlining reviews of ``years`` covering ``unit``'s
    subtree, counted per legal ground, with the deferred and the dismissal route apart and the
    decisions recorded.

    An organiser wants the current list, not the same person summed over several years: so
    each person is counted once, from the latest review in the range that covers them (the
    latest year, then the latest review date). A review of the unit, of a unit inside it, or
    of a unit above it (a province review covers every unit) counts; an older review adds only
    the people no later review covers. A person with two grounds counts under each ground,
    once among the candidates. Seven queries per review read.
    """
    _check(user, unit)
    reviews = list(
        review_list(user=user)
        .filter(year__gte=min(years), year__lte=max(years))
        .filter(Q(unit__path__startswith=unit.path) | Q(unit__path__in=ancestor_paths(unit.path)))
        .order_by("-year", "-reviewed_on", "-pk")
    )
    grounds: dict[str, GroundRow] = {}
    sections = {
        Section.CANDIDATE: SectionRow(Section.CANDIDATE, _("Đối tượng tinh giản biên chế")),
        Section.DEFERRED: SectionRow(Section.DEFERRED, _("Chưa xem xét tinh giản biên chế")),
        Section.DISMISSAL: SectionRow(
            Section.DISMISSAL,
            _("Giải quyết thôi việc (02 năm liên tiếp không hoàn thành nhiệm vụ)"),
        ),
    }
    covered: list[str] = []  # the units of the later reviews already read

    def counted(listed: Any) -> bool:
        path = listed.person.unit.path
        return path.startswith(unit.path) and not any(path.startswith(p) for p in covered)

    used: list[StreamliningReview] = []
    for review in reviews:
        if any(unit.path.startswith(p) for p in covered):
            break  # later reviews cover the whole subtree
        if any(review.unit.path.startswith(p) for p in covered):
            continue  # a later review covers all of this one
        listing = review_listing(user=user, review=review)
        used.append(review)
        for key, basis in listing.rules.grounds.items():
            ground = grounds.setdefault(key, GroundRow(key, str(Ground(key).label)))
            if _citation(basis.text) not in ground.citations:
                ground.citations.append(_citation(basis.text))
            ground.unverified = ground.unverified or basis.unverified

        for key, people in listing.by_ground().items():
            grounds[key].people += sum(1 for listed in people if counted(listed))
        for section, part in sections.items():
            for listed in listing.sections[section]:
                if not counted(listed):
                    continue
                part.people += 1
                decision = listed.case.decision if listed.case else ""
                part.propose += decision == Decision.PROPOSE
                part.not_propose += decision == Decision.NOT_PROPOSE
        covered.append(review.unit.path)
    order = {key: i for i, key in enumerate(Ground.values)}
    return StreamliningReport(
        reviews=used,
        grounds=sorted(grounds.values(), key=lambda g: order[g.key]),
        sections=list(sections.values()),
    )
