"""Item analysis of a computer part after its sitting (DESIGN §4), and what follows from it.

``part_analyse`` builds the response matrix of the part's finished attempts, scores every cell
exactly as the results are scored (``sathach.delivery.services.scoring``: the plan's
multiple-response rule, the part's voided items and corrected keys), and runs the pure
library ``sathach.lib.psychometrics``: classical statistics with flags for bad items, the 2PL
calibration with EAP abilities when asked, and the answer-similarity test of pairs sharing a
room. It stores one ``ItemAnalysis`` with an ``ItemStatistic`` per item and a
``SimilarityFlag`` per flagged pair, audited. It runs as a background job
(``sathach.results.tasks``) and reports its progress.

``calibration_apply`` writes the calibrated a, b and the observed facility back to the bank's
item versions, for items answered by enough candidates; fair assembly then uses them for the
expected scores of new forms (``sathach.plans.selectors.part_assembly_input`` →
``sathach.lib.assembly.model.expected_scores``). ``similarity_review`` records a person's
conclusion on a flagged pair, which is a statistical signal, never proof.

Who: those who run the plan do everything here; Ban đề thi (the papers board, who know the
items and their keys) reads the item statistics; nobody else sees them (404). The similarity
pages name candidates, so they are for those who run the plan alone.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from sathach.audit.services import audit_record
from sathach.bank.models import ItemVersion
from sathach.core.errors import ServiceError
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response
from sathach.delivery.services import attempts_expire, sanction_effects
from sathach.delivery.services.rescoring import part_items
from sathach.delivery.services.scoring import Fix, part_fixes
from sathach.lib.psychometrics import answer_similarity, calibrate_2pl, item_analysis
from sathach.lib.psychometrics.classical import BLANK, ExamAnalysis
from sathach.lib.psychometrics.irt import Calibration
from sathach.lib.psychometrics.similarity import SimilarityReport
from sathach.lib.scoring import (
    ESSAY,
    MULTIPLE,
    NUMERIC,
    SINGLE,
    TRUE_FALSE,
    answer_fraction,
    is_blank,
    parse_number,
)
from sathach.plans.constants import Board, PartKind
from sathach.plans.models import BlueprintPart, Plan, Seat
from sathach.plans.permissions import PlanAccess, plan_permissions
from sathach.plans.services.common import require_write

from .models import ItemAnalysis, ItemStatistic, SimilarityConclusion, SimilarityFlag

Progress = Callable[[int, int, str], None]

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
TRUE_LABEL, FALSE_LABEL = "Đúng", "Sai"
# The label of a fully right answer in the similarity matrix: the test counts identical
# *wrong* answers, and "right" is what the scoring says (partial credit, tolerances, re-keys).
# Typed answers are quoted (“…”), so no answer can be this label.
RIGHT = "✓"
CENT = Decimal("0.01")
FINISHED = (AttemptState.SUBMITTED, AttemptState.EXPIRED)
RUNNING = (AttemptState.IN_PROGRESS, AttemptState.PAUSED)
VOID, REKEY = "void", "rekey"

# Calibrated parameters go back to the bank only for items answered by at least this many
# candidates. Drasgow (1989, "An evaluation of marginal maximum likelihood estimation for the
# two-parameter logistic model", Applied Psychological Measurement 13, 77-90) found MML 2PL
# estimates usable from 200 examinees; at 200 the standard error of a facility is at most
# 0.5/√200 ≈ 0.035. The priors of ``calibrate_2pl`` keep smaller samples finite, not accurate.
MIN_CALIBRATION_PERSONS = 200


@dataclass(frozen=True)
class AnalysisOptions:
    """The thresholds of the flags and of the similarity test (stored with each analysis).

    The flags are those of ``sathach.lib.psychometrics.classical.item_analysis`` with its
    defaults: facility outside 0.2-0.9, corrected point-biserial below 0.2 (Ebel and Frisbie's
    "poor" band of discrimination), a distractor chosen by fewer than 5%, groups of 27%
    (Kelley 1939). Similarity: a pair is flagged when its p value is below ``similarity_alpha``
    divided by the pairs tested (Bonferroni), so an honest sitting raises a flag with chance
    at most 1%.
    """

    facility_low: float = 0.2
    facility_high: float = 0.9
    discrimination_low: float = 0.2
    weak_distractor: float = 0.05
    group_fraction: float = 0.27
    similarity_alpha: float = 0.01

    def library_options(self) -> dict[str, float]:
        data = asdict(self)
        data.pop("similarity_alpha")
        return data


# --- Access -----------------------------------------------------------------------------------


def analysis_access(*, user: Any, plan: Plan) -> PlanAccess:
    """Return ``user``'s access if they may read the plan's item analyses; 404 otherwise.

    Those who run the plan and Ban đề thi read them; proctors, markers, the other boards,
    unit readers and candidates get 404 (the statistics show the keys).
    """
    access = plan_permissions(user, plan)
    if not (access.write or (access.read and Board.PAPERS in access.boards)):
        raise Http404
    return access


def analysis_part_get(
    *, user: Any, plan: Plan, pk: int, access: PlanAccess | None = None
) -> BlueprintPart:
    """Return computer part ``pk`` of ``plan`` for a reader of its analyses; 404 otherwise.
    ``access`` (from ``analysis_access``) saves computing it again."""
    access or analysis_access(user=user, plan=plan)
    part = BlueprintPart.objects.filter(plan=plan, pk=pk, kind=PartKind.COMPUTER_MCQ).first()
    if part is None:
        raise Http404
    return part


def item_analysis_list(
    *, user: Any, part: BlueprintPart, access: PlanAccess | None = None
) -> QuerySet[ItemAnalysis]:
    """Return the analyses of ``part``, newest first (404 for who may not read them)."""
    access or analysis_access(user=user, plan=part.plan)
    return (
        ItemAnalysis.objects.filter(part=part)
        .select_related("created_by")
        .order_by("-created_at", "-pk")
    )


def item_analysis_get(
    *, user: Any, plan: Plan, pk: int, access: PlanAccess | None = None
) -> ItemAnalysis:
    """Return analysis ``pk`` of a part of ``plan``; 404 outside the reader's scope."""
    access or analysis_access(user=user, plan=plan)
    found = (
        ItemAnalysis.objects.filter(pk=pk, part__plan=plan)
        .select_related("part__plan", "created_by", "calibrated_by")
        .first()
    )
    if found is None:
        raise Http404
    return found


SORTS = ("position", "flags", "facility", "discrimination")


def statistic_rows(analysis: ItemAnalysis, sort: str = "position") -> list[ItemStatistic]:
    """Return the analysis's item rows in one query, sorted: by position on the forms
    (default), flagged first (most flags first), by facility or by point-biserial (lowest
    first; items without a value last)."""
    rows = list(analysis.statistics.select_related("item").order_by("position"))
    if sort == "flags":
        rows.sort(key=lambda r: (-r.flag_count, r.position))
    elif sort == "facility":
        rows.sort(key=lambda r: (r.facility is None, r.facility or 0.0, r.position))
    elif sort == "discrimination":
        rows.sort(key=lambda r: (r.point_biserial is None, r.point_biserial or 0.0, r.position))
    return rows


def similarity_flag_list(
    *, user: Any, analysis: ItemAnalysis, access: PlanAccess | None = None
) -> QuerySet[SimilarityFlag]:
    """Return the flagged pairs of ``analysis``, most improbable first, for those who run the
    plan (they see the candidates); 404 for anyone else."""
    access = access or plan_permissions(user, analysis.part.plan)
    if not access.write:
        raise Http404
    return (
        SimilarityFlag.objects.filter(analysis=analysis)
        .select_related(
            "room",
            "reviewed_by",
            "attempt_a__candidate__person",
            "attempt_b__candidate__person",
        )
        .order_by("probability", "pk")
    )


def similarity_flag_get(*, user: Any, plan: Plan, pk: int) -> SimilarityFlag:
    found = (
        SimilarityFlag.objects.filter(pk=pk, analysis__part__plan=plan)
        .select_related("analysis__part__plan")
        .first()
    )
    if found is None or not plan_permissions(user, plan).write:
        raise Http404
    return found


def pair_seats(flags: Iterable[SimilarityFlag]) -> dict[tuple[int, int], Seat]:
    """Return the seat of each flagged attempt's candidate, by (sitting, candidate), in one
    query: where the two sat is the first thing a reviewer looks at."""
    keys = {(a.sitting_id, a.candidate_id) for f in flags for a in (f.attempt_a, f.attempt_b)}
    if not keys:
        return {}
    seats = Seat.objects.filter(
        sitting_id__in={s for s, _c in keys}, candidate_id__in={c for _s, c in keys}
    )
    return {(s.sitting_id, s.candidate_id): s for s in seats}


# --- The response matrix ------------------------------------------------------------------------


@dataclass
class PartMatrix:
    """The part's finished attempts as the psychometrics library reads them.

    Rows are attempts (one per candidate: the last finished one), columns the objective item
    versions of the part's forms that are not voided, in order of first use. ``scores`` are
    the points earned (NaN where the item was not on the form), ``correct`` 1 where the answer
    earned full credit (the 0/1 data of the 2PL model); ``choices`` the option chosen, in the
    bank's option order, for the distractor table ("" blank); ``labels`` the answer as the
    similarity test compares it (``RIGHT`` for a fully right one).
    """

    attempts: list[Attempt]
    versions: list[ItemVersion]
    voided: list[ItemVersion]
    fixes: Mapping[int, Fix]
    scores: np.ndarray
    correct: np.ndarray
    choices: list[list[str | None]]
    labels: list[list[str | None]]
    keys: list[list[str] | None]
    options: list[list[str]]
    multiple_tables: dict[int, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def max_scores(self) -> list[float]:
        return [float(v.points) for v in self.versions]


def _content(version: ItemVersion, fix: Fix | None) -> Mapping[str, Any]:
    return {**version.content, **fix.key} if fix is not None else version.content


def _key(version: ItemVersion, content: Mapping[str, Any]) -> list[str] | None:
    """Return the keyed option of a single-choice or true/false item for the library's
    distractor table; None for the other kinds (they have no such table there)."""
    if version.kind == SINGLE:
        return [LETTERS[i] for i, o in enumerate(content.get("options", [])) if o.get("correct")]
    if version.kind == TRUE_FALSE:
        return [TRUE_LABEL if content.get("truth") else FALSE_LABEL]
    return None


def _option_labels(version: ItemVersion) -> list[str]:
    if version.kind == SINGLE:
        return list(LETTERS[: len(version.content.get("options", []))])
    if version.kind == TRUE_FALSE:
        return [TRUE_LABEL, FALSE_LABEL]
    return []


def _chosen(version: ItemVersion, answer: Any, order: Sequence[int] | None) -> str:
    """Return the answer in the bank's option order: "B" (the option shown at some position
    whose original index is 1), "A+C" for several options, "Đúng", or the typed text quoted;
    "" when blank."""
    if answer is None or is_blank(version.kind, answer):
        return BLANK
    kind = version.kind
    n = len(version.content.get("options", []))
    positions = list(order) if order is not None else list(range(n))
    if kind == SINGLE:
        return LETTERS[positions[answer["choice"]]]
    if kind == MULTIPLE:
        return "+".join(sorted(LETTERS[positions[p]] for p in answer.get("choices", [])))
    if kind == TRUE_FALSE:
        return TRUE_LABEL if answer.get("value") else FALSE_LABEL
    text = " ".join(unicodedata.normalize("NFC", str(answer.get("text", ""))).split())
    if kind == NUMERIC:
        value = parse_number(text)
        if value is not None:
            return f"“{value:g}”"
    return f"“{text.casefold()}”"


def _multiple_table(
    version: ItemVersion, content: Mapping[str, Any], picks: list[str]
) -> list[dict[str, Any]]:
    """Return how often each option of a multiple-response item was ticked (a candidate may
    tick several, so the shares do not add up to 1), and how many left it blank."""
    n = len(picks)
    table = []
    for i, option in enumerate(content.get("options", [])):
        letter = LETTERS[i]
        count = sum(letter in pick.split("+") for pick in picks if pick)
        table.append(_frequency(letter, bool(option.get("correct")), count, n, option))
    blanks = picks.count(BLANK)
    if blanks:
        table.append(_frequency(BLANK, False, blanks, n, None))
    return table


def _frequency(
    option: str, is_key: bool, count: int, n: int, source: Mapping[str, Any] | None
) -> dict[str, Any]:
    return {
        "option": option,
        "is_key": is_key,
        "count": count,
        "proportion": count / n if n else 0.0,
        "upper_proportion": None,
        "lower_proportion": None,
        "text": _option_text(source),
    }


def _option_text(option: Mapping[str, Any] | None) -> str:
    if not option:
        return ""
    return " ".join(strip_tags(str(option.get("text", ""))).split())[:120]


def _finished_attempts(part: BlueprintPart) -> list[Attempt]:
    """Return the last finished attempt of each candidate of ``part`` (as the results take
    it), leaving out papers without a result by sanction (expelled, result cancelled)."""
    latest: dict[int, Attempt] = {}
    for attempt in (
        Attempt.objects.filter(sitting__part=part, state__in=FINISHED)
        .select_related("form", "session")
        .order_by("finished_at", "pk")
    ):
        latest[attempt.candidate_id] = attempt
    effects = sanction_effects(a.pk for a in latest.values())
    return sorted(
        (a for a in latest.values() if not effects[a.pk].cancelled),
        key=lambda a: (a.session_id, a.pk),
    )


def part_matrix(part: BlueprintPart) -> PartMatrix:
    """Return the response matrix of ``part``'s finished attempts (see ``PartMatrix``)."""
    plan = Plan.objects.get(pk=part.plan_id)
    rule = plan.multiple_response_rule
    fixes = part_fixes(part.pk)
    attempts = _finished_attempts(part)
    on_forms = part_items(part)
    used = ItemVersion.objects.in_bulk(on_forms)
    order = [vid for vid in on_forms if used[vid].kind != ESSAY]
    voided = [used[vid] for vid in order if fixes.get(vid) is not None and fixes[vid].void]
    columns = [used[vid] for vid in order if not (fixes.get(vid) is not None and fixes[vid].void)]
    index = {v.pk: i for i, v in enumerate(columns)}
    persons, items = len(attempts), len(columns)
    scores = np.full((persons, items), np.nan)
    correct = np.full((persons, items), np.nan)
    choices: list[list[str | None]] = [[None] * items for _ in range(persons)]
    labels: list[list[str | None]] = [[None] * items for _ in range(persons)]
    row_of = {a.pk: r for r, a in enumerate(attempts)}
    answers: dict[int, dict[int, Any]] = {a.pk: {} for a in attempts}
    # Filtered by part, not by a list of ids: a sitting of 20,000 would pass SQLite's limit.
    for attempt_id, item_id, answer in (
        Response.objects.filter(attempt__sitting__part=part, attempt__state__in=FINISHED)
        .values_list("attempt_id", "item_id", "answer")
        .iterator(chunk_size=5000)
    ):
        if attempt_id in answers:  # not an earlier attempt, nor one without a result
            answers[attempt_id][item_id] = answer
    contents = {v.pk: _content(v, fixes.get(v.pk)) for v in columns}
    picks: dict[int, list[str]] = {i: [] for i, v in enumerate(columns) if v.kind == MULTIPLE}
    for attempt in attempts:
        r = row_of[attempt.pk]
        form = attempt.form
        orders = form.option_orders
        for position, vid in enumerate(form.items):
            i = index.get(vid)
            if i is None:
                continue  # voided or an essay: not in the matrix
            version = columns[i]
            option_order = orders[position] if position < len(orders) else None
            answer = answers[attempt.pk].get(vid)
            fraction = (
                0.0
                if answer is None
                else answer_fraction(
                    version.kind, contents[vid], answer, option_order, multiple_rule=rule
                )
            )
            # The same rounding as delivery's form_score, so a row adds up to the raw score.
            points = (version.points * Decimal(str(fraction))).quantize(CENT, ROUND_HALF_UP)
            scores[r, i] = float(points)
            correct[r, i] = 1.0 if fraction >= 1.0 else 0.0
            chosen = _chosen(version, answer, option_order)
            # The library's distractor table takes one option per candidate: single choice
            # and true/false. Multiple response gets its own table below; typed answers none.
            choices[r][i] = chosen if version.kind in (SINGLE, TRUE_FALSE) else BLANK
            labels[r][i] = RIGHT if fraction >= 1.0 else chosen
            if i in picks:
                picks[i].append(chosen)
    multiple_tables = {
        i: _multiple_table(columns[i], contents[columns[i].pk], chosen)
        for i, chosen in picks.items()
    }
    return PartMatrix(
        attempts=attempts,
        versions=columns,
        voided=voided,
        fixes=fixes,
        scores=scores,
        correct=correct,
        choices=choices,
        labels=labels,
        keys=[_key(v, contents[v.pk]) for v in columns],
        options=[_option_labels(v) for v in columns],
        multiple_tables=multiple_tables,
    )


# --- Running the analysis ---------------------------------------------------------------------


def _finite(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _plain(value: Any) -> Any:
    """Return ``value`` as JSON the database takes: NaN and infinities as None."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float | np.floating):
        return _finite(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def _check_part(actor: Any, part: BlueprintPart) -> Plan:
    plan = Plan.objects.get(pk=part.plan_id)
    require_write(actor, plan)
    if part.kind != PartKind.COMPUTER_MCQ:
        raise ServiceError(
            _("Chỉ phân tích được câu hỏi của phần thi trắc nghiệm trên máy tính."),
            code="not_computer_part",
        )
    return plan


def part_analyse_check(*, actor: Any, part: BlueprintPart) -> Plan:
    """Refuse early what ``part_analyse`` would refuse for who asks and what part (the page
    calls it before queueing the job)."""
    return _check_part(actor, part)


def part_analyse(
    *,
    actor: Any,
    part: BlueprintPart,
    irt: bool,
    options: AnalysisOptions | None = None,
    progress: Progress | None = None,
) -> ItemAnalysis:
    """Analyse the items of computer part ``part`` after its sitting and store the run.

    Overdue attempts are closed first; while someone is still sitting the part, the analysis
    is refused. The computation reads and holds no lock, reporting each stage to
    ``progress`` (so a job's page sees it); the run is then written with its audit event in
    one transaction.
    """
    options = options or AnalysisOptions()
    report = progress or (lambda done, total, message: None)
    steps = 5 if irt else 4
    plan = _check_part(actor, part)
    attempts_expire(sitting__part=part)
    if Attempt.objects.filter(sitting__part=part, state__in=RUNNING).exists():
        raise ServiceError(
            _(
                "Phần thi còn người đang làm bài: hãy phân tích câu hỏi khi mọi ca thi của "
                "phần này đã kết thúc."
            ),
            code="still_running",
        )
    report(0, steps, _("Đọc bài làm"))
    matrix = part_matrix(part)
    if not matrix.attempts:
        raise ServiceError(
            _("Phần thi chưa có bài làm nào đã nộp để phân tích."), code="no_attempts"
        )
    if not matrix.versions:
        raise ServiceError(
            _("Phần thi không còn câu hỏi nào để phân tích (mọi câu đã bị hủy)."),
            code="no_items",
        )
    report(1, steps, _("Tính độ khó, độ phân biệt, độ tin cậy"))
    exam = item_analysis(
        matrix.scores,
        items=[str(v.pk) for v in matrix.versions],
        max_scores=matrix.max_scores,
        choices=matrix.choices,
        key=matrix.keys,
        options=matrix.options,
        **options.library_options(),
    )
    calibration = None
    if irt:
        report(2, steps, _("Ước lượng tham số IRT 2PL"))
        calibration = calibrate_2pl(matrix.correct)
    report(steps - 2, steps, _("So sánh bài làm trong từng phòng thi"))
    similarity = answer_similarity(
        matrix.labels,
        [RIGHT] * len(matrix.versions),
        # A room of one sitting: candidates in the same room at another time are not compared.
        [str(a.session_id) for a in matrix.attempts],
        persons=[str(a.pk) for a in matrix.attempts],
        alpha=options.similarity_alpha,
        limit=0,  # keep the flagged pairs only
    )
    report(steps - 1, steps, _("Lưu kết quả phân tích"))
    with transaction.atomic():
        analysis = _store(actor, part, plan, matrix, exam, calibration, similarity, options)
    report(steps, steps, _("Đã phân tích xong"))
    return analysis


def _summary(
    exam: ExamAnalysis, calibration: Calibration | None, similarity: SimilarityReport
) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "mean_total": exam.mean_total,
        "sd_total": exam.sd_total,
        "kr20": exam.kr20,
        "reasons": exam.reasons,
        "similarity": {
            "pairs_tested": similarity.pairs_tested,
            "threshold": similarity.threshold,
            "bands": similarity.bands,
            "flagged": len(similarity.flagged),
        },
    }
    if calibration is not None:
        summary["irt"] = {
            "model": "2PL",
            "converged": calibration.converged,
            "iterations": calibration.iterations,
            "log_likelihood": calibration.log_likelihood,
            # EAP abilities summarised, not stored per person: scores follow the rules
            # (number right), and an ability beside them would read as a second score.
            "marginal_reliability": calibration.marginal_reliability,
            "theta_mean": float(np.mean(calibration.theta)) if calibration.theta.size else None,
            "theta_sd": float(np.std(calibration.theta)) if calibration.theta.size else None,
        }
    return dict(_plain(summary))


def _distractors(
    matrix: PartMatrix, i: int, analysed: list[Any] | None
) -> list[dict[str, Any]] | None:
    version = matrix.versions[i]
    if version.kind == MULTIPLE:
        return matrix.multiple_tables.get(i)
    if version.kind not in (SINGLE, TRUE_FALSE) or analysed is None:
        return None
    content = _content(version, matrix.fixes.get(version.pk))
    sources = content.get("options", []) if version.kind == SINGLE else []
    out = []
    for row in analysed:
        data = asdict(row)
        letter = row.option
        source = (
            sources[LETTERS.index(letter)] if letter and letter in LETTERS[: len(sources)] else None
        )
        data["text"] = _option_text(source)
        out.append(_plain(data))
    return out


def _store(
    actor: Any,
    part: BlueprintPart,
    plan: Plan,
    matrix: PartMatrix,
    exam: ExamAnalysis,
    calibration: Calibration | None,
    similarity: SimilarityReport,
    options: AnalysisOptions,
) -> ItemAnalysis:
    by = actor if getattr(actor, "pk", None) else None
    analysis = ItemAnalysis.objects.create(
        part=part,
        created_by=by,
        persons=exam.persons,
        items=exam.n_items,
        alpha=_finite(exam.alpha),
        sem=_finite(exam.sem),
        method=exam.method,
        irt=calibration is not None,
        profile=plan.exam_profile,
        options=asdict(options),
        summary=_summary(exam, calibration, similarity),
    )
    rows = []
    for i, (version, item) in enumerate(zip(matrix.versions, exam.items, strict=True)):
        fix = matrix.fixes.get(version.pk)
        reasons = dict(item.reasons)
        a = b = None
        if calibration is not None:
            a, b = _finite(calibration.a[i]), _finite(calibration.b[i])
            if i in calibration.item_reasons:
                reasons["irt"] = calibration.item_reasons[i]
        facility = _finite(item.facility)
        rows.append(
            ItemStatistic(
                analysis=analysis,
                item=version,
                position=i + 1,
                n=item.n,
                max_score=item.max_score,
                # Clamp float noise (a mean of equal scores may exceed the maximum by 1 ulp).
                facility=None if facility is None else min(1.0, max(0.0, facility)),
                sd=_finite(item.sd),
                discrimination_index=_finite(item.discrimination_index),
                discriminative_efficiency=_finite(item.discriminative_efficiency),
                point_biserial=_finite(item.point_biserial),
                upper_lower=_finite(item.upper_lower),
                distractors=_distractors(matrix, i, item.distractors),
                flags=[{"code": f.code, "reason": f.reason} for f in item.flags],
                reasons=_plain(reasons),
                irt_a=a,
                irt_b=b,
                correction=REKEY if fix is not None else "",
            )
        )
    presented = _presented_counts(matrix)
    for j, version in enumerate(matrix.voided, start=len(matrix.versions) + 1):
        rows.append(
            ItemStatistic(
                analysis=analysis,
                item=version,
                position=j,
                n=presented.get(version.pk, 0),
                max_score=float(version.points),
                reasons={"*": _("Câu đã bị hủy: không đưa vào phân tích.")},
                correction=VOID,
            )
        )
    ItemStatistic.objects.bulk_create(rows, batch_size=500)
    flags = []
    for pair in similarity.flagged:
        first, second = matrix.attempts[pair.first], matrix.attempts[pair.second]
        flags.append(
            SimilarityFlag(
                analysis=analysis,
                attempt_a=first,
                attempt_b=second,
                room_id=first.session.room_id,
                identical_incorrect=pair.identical_incorrect,
                identical_correct=pair.identical_correct,
                expected=pair.expected,
                probability=min(1.0, max(0.0, pair.p_value)),
                details=_same_wrong(matrix, pair.first, pair.second),
            )
        )
    SimilarityFlag.objects.bulk_create(flags, batch_size=500)
    audit_record(
        actor=actor,
        action="results.part_analyse",
        target=analysis,
        data={
            "part": part.pk,
            "persons": analysis.persons,
            "items": analysis.items,
            "voided": [v.pk for v in matrix.voided],
            "alpha": analysis.alpha,
            "sem": analysis.sem,
            "irt": analysis.irt,
            "flagged_items": sum(bool(r.flags) for r in rows),
            "pairs_tested": similarity.pairs_tested,
            "flagged_pairs": len(flags),
        },
        profile=plan.exam_profile,
    )
    return analysis


def _presented_counts(matrix: PartMatrix) -> dict[int, int]:
    counts: dict[int, int] = {}
    voided = {v.pk for v in matrix.voided}
    for attempt in matrix.attempts:
        for vid in attempt.form.items:
            if vid in voided:
                counts[vid] = counts.get(vid, 0) + 1
    return counts


def _same_wrong(matrix: PartMatrix, first: int, second: int) -> list[dict[str, Any]]:
    """Return the items two candidates answered with the same wrong answer."""
    out = []
    for i, version in enumerate(matrix.versions):
        a, b = matrix.labels[first][i], matrix.labels[second][i]
        if a is not None and a == b and a not in (BLANK, RIGHT):
            out.append({"item": version.pk, "answer": a})
    return out


# --- Calibration back to the bank -------------------------------------------------------------


@dataclass(frozen=True)
class CalibrationRow:
    """One item of an analysis as calibration would write it: old and new bank values."""

    statistic: ItemStatistic
    eligible: bool
    reason: str  # why not eligible ("" when eligible)
    old_a: float | None
    old_b: float | None
    old_facility: float | None
    new_a: float | None
    new_b: float | None
    new_facility: float | None


def _calibration_row(
    stat: ItemStatistic, analysis: ItemAnalysis, min_persons: int
) -> CalibrationRow:
    version = stat.item
    reason = ""
    if stat.correction == VOID:
        reason = _("Câu đã bị hủy: không có số liệu.")
    elif stat.correction == REKEY:
        # The statistics follow the corrected key; the bank's version still has the old one.
        reason = _(
            "Câu đã sửa đáp án sau khi thi: số liệu tính theo đáp án mới, khác đáp án trong "
            "ngân hàng. Hãy sửa câu hỏi trong ngân hàng (tạo phiên bản mới)."
        )
    elif stat.n < min_persons:
        reason = _("Mới có %(n)d người làm câu này, cần ít nhất %(m)d.") % {
            "n": stat.n,
            "m": min_persons,
        }
    elif stat.facility is None:
        reason = stat.reasons.get("facility", _("Không tính được độ khó."))
    calibrated = analysis.irt and stat.irt_a is not None and stat.irt_b is not None
    eligible = not reason
    return CalibrationRow(
        statistic=stat,
        eligible=eligible,
        reason=reason,
        old_a=version.irt_a,
        old_b=version.irt_b,
        old_facility=version.facility,
        new_a=stat.irt_a if eligible and calibrated else version.irt_a,
        new_b=stat.irt_b if eligible and calibrated else version.irt_b,
        new_facility=stat.facility if eligible else version.facility,
    )


def calibration_preview(
    *, user: Any, analysis: ItemAnalysis, min_persons: int = MIN_CALIBRATION_PERSONS
) -> list[CalibrationRow]:
    """Return, for every item of ``analysis``, what ``calibration_apply`` would write to the
    bank (old → new a, b and facility) or why it would leave the item alone. Writes nothing."""
    analysis_access(user=user, plan=analysis.part.plan)
    return [
        _calibration_row(stat, analysis, min_persons)
        for stat in analysis.statistics.select_related("item").order_by("position")
    ]


@transaction.atomic
def calibration_apply(
    *, actor: Any, analysis: ItemAnalysis, min_persons: int = MIN_CALIBRATION_PERSONS
) -> list[CalibrationRow]:
    """Write the calibrated a, b and the observed facility of ``analysis`` to the bank's item
    versions answered by at least ``min_persons`` candidates (see MIN_CALIBRATION_PERSONS);
    return the rows written. Items not calibrated (no IRT run, no variance) get the facility
    alone and keep their a, b. Audited with every old and new value."""
    analysis = (
        ItemAnalysis.objects.select_for_update().select_related("part__plan").get(pk=analysis.pk)
    )
    plan = analysis.part.plan
    require_write(actor, plan)
    stats = list(analysis.statistics.select_related("item").order_by("position"))
    versions = ItemVersion.objects.select_for_update().in_bulk([s.item_id for s in stats])
    for stat in stats:
        stat.item = versions[stat.item_id]
    rows = [_calibration_row(stat, analysis, min_persons) for stat in stats]
    applied = [row for row in rows if row.eligible]
    if not applied:
        raise ServiceError(
            _(
                "Chưa câu hỏi nào đủ điều kiện đưa tham số về ngân hàng: mỗi câu cần ít nhất "
                "%(m)d người làm."
            )
            % {"m": min_persons},
            code="too_few_persons",
        )
    changed = []
    for row in applied:
        version = row.statistic.item
        version.irt_a, version.irt_b, version.facility = row.new_a, row.new_b, row.new_facility
        changed.append(version)
    ItemVersion.objects.bulk_update(changed, ["irt_a", "irt_b", "facility"], batch_size=500)
    now = timezone.now()
    analysis.calibrated_at = now
    analysis.calibrated_by = actor if getattr(actor, "pk", None) else None
    analysis.save(update_fields=["calibrated_at", "calibrated_by", "updated_at"])
    audit_record(
        actor=actor,
        action="results.calibration_apply",
        target=analysis,
        data={
            "min_persons": min_persons,
            "skipped": len(rows) - len(applied),
            "items": [
                {
                    "item": row.statistic.item_id,
                    "n": row.statistic.n,
                    "old": {"a": row.old_a, "b": row.old_b, "facility": row.old_facility},
                    "new": {"a": row.new_a, "b": row.new_b, "facility": row.new_facility},
                }
                for row in applied
            ],
        },
        profile=plan.exam_profile,
    )
    return applied


# --- Review of a flagged pair -------------------------------------------------------------------


@transaction.atomic
def similarity_review(
    *, actor: Any, flag: SimilarityFlag, conclusion: str, note: str
) -> SimilarityFlag:
    """Record what a person concluded about a flagged pair, with their note (a new review
    replaces the previous one; both are in the audit chain)."""
    flag = (
        SimilarityFlag.objects.select_for_update()
        .select_related("analysis__part__plan")
        .get(pk=flag.pk)
    )
    plan = flag.analysis.part.plan
    require_write(actor, plan)
    if conclusion not in SimilarityConclusion.values:
        raise ServiceError(_("Hãy chọn kết luận sau khi xem xét."), code="bad_conclusion")
    note = " ".join((note or "").split())
    if not note:
        raise ServiceError(
            _("Hãy ghi nhận xét: đã xem những gì (sơ đồ chỗ ngồi, biên bản, bài làm) và vì sao."),
            code="note_required",
        )
    before = {"conclusion": flag.conclusion, "note": flag.note}
    flag.conclusion = conclusion
    flag.note = note
    flag.reviewed_by = actor if getattr(actor, "pk", None) else None
    flag.reviewed_at = timezone.now()
    flag.save(update_fields=["conclusion", "note", "reviewed_by", "reviewed_at", "updated_at"])
    audit_record(
        actor=actor,
        action="results.similarity_review",
        target=flag,
        data={
            "analysis": flag.analysis_id,
            "attempts": [flag.attempt_a_id, flag.attempt_b_id],
            "conclusion": conclusion,
            "note": note,
            "before": before,
        },
        profile=plan.exam_profile,
    )
    return flag


# --- Export -------------------------------------------------------------------------------------

EXPORT_HEADERS = (
    "STT",
    "Mã câu hỏi",
    "Loại",
    "Câu hỏi",
    "Số người làm",
    "Độ khó p",
    "Độ lệch chuẩn",
    "Chỉ số phân biệt (%)",
    "Hiệu quả phân biệt (%)",
    "Tương quan điểm-câu (hiệu chỉnh)",
    "D nhóm giỏi - kém",
    "a (IRT)",
    "b (IRT)",
    "Đã xử lý",
    "Cảnh báo",
    "Tần suất chọn phương án (* là đáp án)",
)


def _distractor_text(rows: list[dict[str, Any]] | None) -> str:
    if not rows:
        return ""
    return "; ".join(
        f"{r['option'] or '(trống)'}{'*' if r['is_key'] else ''}: {r['count']} "
        f"({round(100 * r['proportion'])}%)"
        for r in rows
    )


def analysis_workbook(analysis: ItemAnalysis) -> bytes:
    """Return the item table of ``analysis`` as a workbook (one row per item, then the test's
    figures). It shows the keys: only for those who may read the analysis."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phân tích câu hỏi"
    part = analysis.part
    bold = Font(bold=True)
    sheet.cell(1, 1, "BẢNG PHÂN TÍCH CÂU HỎI").font = Font(bold=True, size=14)
    sheet.cell(2, 1, f"Kế hoạch {part.plan.code} — Phần {part.order}: {part.name}").font = bold
    sheet.cell(
        3,
        1,
        f"{analysis.persons} bài làm, {analysis.items} câu; độ tin cậy ({analysis.method}): "
        f"{_vn(analysis.alpha, 3)}; SEM: {_vn(analysis.sem)}; "
        f"phân tích lúc {timezone.localtime(analysis.created_at):%H:%M %d/%m/%Y}",
    )
    header_row = 5
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, header in enumerate(EXPORT_HEADERS, start=1):
        cell = sheet.cell(header_row, col, header)
        cell.font, cell.alignment = bold, wrap
    corrections = {VOID: "Đã hủy câu", REKEY: "Đã sửa đáp án"}
    for n, stat in enumerate(statistic_rows(analysis), start=1):
        version = stat.item
        values: list[Any] = [
            n,
            f"#{version.pk}",
            version.get_kind_display(),
            " ".join(strip_tags(version.stem).split())[:300],
            stat.n,
            stat.facility,
            stat.sd,
            stat.discrimination_index,
            stat.discriminative_efficiency,
            stat.point_biserial,
            stat.upper_lower,
            stat.irt_a,
            stat.irt_b,
            corrections.get(stat.correction, ""),
            "; ".join(f["reason"] for f in stat.flags),
            _distractor_text(stat.distractors),
        ]
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(header_row + n, col, "" if value is None else value)
            cell.alignment = wrap
            if isinstance(value, float):
                cell.number_format = "0.000"
    for col, size in enumerate([5, 10, 14, 50, 9, 9, 9, 11, 11, 13, 10, 8, 8, 14, 50, 50], start=1):
        sheet.column_dimensions[get_column_letter(col)].width = size
    sheet.freeze_panes = f"C{header_row + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _vn(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}".replace(".", ",")


def item_analysis_export_xlsx(*, actor: Any, analysis: ItemAnalysis) -> bytes:
    """Return ``analysis_workbook`` for a reader of the analysis; audited (it holds keys)."""
    plan = analysis.part.plan
    analysis_access(user=actor, plan=plan)
    content = analysis_workbook(analysis)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="results.item_analysis_export",
            target=analysis,
            data={"items": analysis.items},
            profile=plan.exam_profile,
        )
    return content
