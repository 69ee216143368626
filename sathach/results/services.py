"""Writes of the results app: compute, publish (which locks), two-person corrections, export.

Part scores come from the delivery app for MCQ parts (attempts scored at submission, rescored
by ``sathach.delivery.services.rescoring``, sanctions applied by ``score_after_sanctions``) and
from the grading app for written and oral parts (``sathach.grading.selectors.
part_final_scores``). The rules (pass per part, weighted total, classes, rounding) are the pure
functions of ``sathach.lib.rules.results``, with the numbers of the plan's exam rule profile.

Once published (``Plan.results_published_at`` and a ``Publication``), nothing recomputes or
rescores the plan; a score changes only through ``result_correction_propose`` by one person
and ``result_correction_approve`` by another (DESIGN §1: "no single person can change a
published score"; domain.md §4.5). Appeals (a later module) re-mark through the grading app and
then change the published score through the same correction.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from sathach.accounts.permissions import subtree_q
from sathach.audit.services import audit_record
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.delivery.constants import AttemptState, Sanction
from sathach.delivery.models import Attempt, Incident, ItemCorrection
from sathach.delivery.services import attempts_expire, sanction_effects, score_after_sanctions
from sathach.lib.rules import results as rules
from sathach.lib.rules.profiles import RuleProfile
from sathach.plans.constants import MCQ_KINDS, CandidateStatus
from sathach.plans.models import BlueprintPart, Candidate, Council, Plan
from sathach.plans.permissions import plan_permissions
from sathach.plans.services.common import require_write

from .constants import BASIS_TWO_PERSON, CorrectionState, PartStatus
from .models import PartResult, PlanResult, Publication, ResultCorrection
from .selectors import table_queryset

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
RUNNING = (AttemptState.CHECKED_IN, AttemptState.IN_PROGRESS, AttemptState.PAUSED)
FINISHED_SCORED = (AttemptState.SUBMITTED, AttemptState.EXPIRED)


# --- Rules from the profile -------------------------------------------------------------------


def plan_rules(plan: Plan) -> RuleProfile:
    return profiles.get(plan.exam_profile)


def bands(profile: RuleProfile) -> rules.Bands:
    """Return the classes' lower bounds (profile keys ``result_band_*_percent``)."""
    return rules.Bands.of(
        profile.value("result_band_excellent_percent"),
        profile.value("result_band_good_percent"),
        profile.value("result_band_pass_percent"),
    )


def part_passed(part: BlueprintPart, score: Decimal | None, profile: RuleProfile) -> bool:
    """Return whether ``score`` passes ``part``: MCQ parts at ``mcq_pass_percent`` of the
    maximum (NĐ 138/2020/NĐ-CP, Điều 8), written and oral parts at their pass mark."""
    if part.kind in MCQ_KINDS:
        return rules.mcq_passed(score, part.max_score, profile.value("mcq_pass_percent"))
    return rules.mark_passed(score, part.pass_mark)


def _locked(plan: Plan) -> ServiceError:
    return ServiceError(
        _(
            "Kết quả của kế hoạch “%(c)s” đã công bố: không tính lại được nữa. Điểm đã công bố "
            "chỉ thay đổi qua đính chính do một người đề xuất và một người khác duyệt."
        )
        % {"c": plan.code},
        code="results_published",
    )


def _require_unpublished(plan: Plan) -> None:
    if plan.results_published_at is not None:
        raise _locked(plan)


def _locked_plan(actor: Any, plan: Plan) -> Plan:
    """Check ``actor`` runs ``plan`` and return the plan row locked for this transaction."""
    require_write(actor, plan)
    return Plan.objects.select_for_update().get(pk=plan.pk)


# --- Computing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartValue:
    status: str
    score: Decimal | None = None


def _mcq_values(
    part: BlueprintPart, candidate_ids: Sequence[int], now: dt.datetime
) -> dict[int, PartValue]:
    """Return the MCQ part's value for every candidate, from their attempts in its sittings.

    A finished attempt gives the score after sanctions; one still running, or scheduled in a
    sitting not over yet, is pending; an attempt voided by expulsion or cancellation has no
    result by sanction (domain.md §1.5), one voided otherwise (a machine failure) is voided; a
    candidate who never checked in to a sitting now closed or over is absent. A finished
    attempt outranks the others (a retake).
    """
    by_candidate: dict[int, list[Attempt]] = {}
    for attempt in (
        Attempt.objects.filter(sitting__part=part, candidate_id__in=candidate_ids)
        .select_related("sitting", "session")
        .order_by("finished_at", "pk")
    ):
        by_candidate.setdefault(attempt.candidate_id, []).append(attempt)
    over = (*FINISHED_SCORED, AttemptState.VOIDED)
    effects = sanction_effects(
        a.pk for found in by_candidate.values() for a in found if a.state in over
    )
    values: dict[int, PartValue] = {}
    for candidate_id in candidate_ids:
        found = by_candidate.get(candidate_id, [])
        done = [a for a in found if a.state in FINISHED_SCORED]
        if done:
            attempt = done[-1]
            effect = effects[attempt.pk]
            if effect.cancelled:
                values[candidate_id] = PartValue(PartStatus.CANCELLED)
                continue
            score = score_after_sanctions(attempt, part.max_score, effect)
            status = PartStatus.SCORED if score is not None else PartStatus.PENDING
            values[candidate_id] = PartValue(status, score)
        elif any(a.state in RUNNING or _upcoming(a, now) for a in found) or not found:
            values[candidate_id] = PartValue(PartStatus.PENDING)
        elif any(a.state == AttemptState.VOIDED and effects[a.pk].cancelled for a in found):
            # Expelled or result cancelled (the proctor's record voids the attempt).
            values[candidate_id] = PartValue(PartStatus.CANCELLED)
        elif any(a.state == AttemptState.VOIDED for a in found):
            values[candidate_id] = PartValue(PartStatus.VOIDED)
        else:
            values[candidate_id] = PartValue(PartStatus.ABSENT)
    return values


def _upcoming(attempt: Attempt, now: dt.datetime) -> bool:
    """Return whether a scheduled attempt may still be sat (room open, sitting not over)."""
    if attempt.state != AttemptState.SCHEDULED or attempt.session.closed_at is not None:
        return False
    sitting = attempt.sitting
    return now <= sitting.starts_at + dt.timedelta(minutes=sitting.duration_minutes)


def _marked_values(part: BlueprintPart, candidate_ids: Sequence[int]) -> dict[int, PartValue]:
    """Return a written or oral part's value for every candidate: the grading app's final mark
    (double marked, reconciled, re-matched; an appeal's settled re-mark), absent when no
    script was handed in, else pending."""
    scores: Mapping[int, Decimal] = {}
    absent: set[int] = set()
    # A deployment without the grading app has no marks: every candidate stays pending.
    if apps.is_installed("sathach.grading"):
        from sathach.grading.selectors import part_absent, part_final_scores

        scores = part_final_scores(part)
        absent = part_absent(part)  # no script handed in (vắng thi), known once re-matched
    values = {}
    for candidate_id in candidate_ids:
        score = scores.get(candidate_id)
        if score is None and candidate_id in absent:
            values[candidate_id] = PartValue(PartStatus.ABSENT)
        elif score is None:
            values[candidate_id] = PartValue(PartStatus.PENDING)
        else:
            values[candidate_id] = PartValue(PartStatus.SCORED, rules.round_score(score))
    return values


def _outcome(
    parts: Sequence[BlueprintPart], rows: Mapping[int, PartResult], band: rules.Bands
) -> rules.PlanOutcome:
    return rules.plan_outcome(
        [
            rules.PartOutcome(
                status=rows[part.pk].status,
                score=rows[part.pk].score,
                max_score=part.max_score,
                weight=part.weight,
                passed=rows[part.pk].passed,
            )
            for part in parts
        ],
        band,
    )


def _plan_result(
    plan: Plan, candidate_id: int, outcome: rules.PlanOutcome, now: dt.datetime
) -> PlanResult:
    return PlanResult(
        plan=plan,
        candidate_id=candidate_id,
        total=outcome.total,
        max_total=outcome.max_total,
        percent=outcome.percent,
        passed=outcome.passed,
        classification=outcome.level,
        computed_at=now,
        profile=plan.exam_profile,
    )


@dataclass(frozen=True)
class ComputeReport:
    candidates: int
    pending: int  # candidates still waiting for a part
    passed: int
    levels: dict[str, int]  # classification → count, for the complete results


@transaction.atomic
def results_compute(*, actor: Any, plan: Plan, now: dt.datetime | None = None) -> ComputeReport:
    """Compute every included candidate's part results and overall result; refused once the
    results are published. Overdue attempts are closed first, so none is left out."""
    now = now or timezone.now()
    plan = _locked_plan(actor, plan)
    _require_unpublished(plan)
    parts = list(BlueprintPart.objects.filter(plan=plan).order_by("order"))
    if not parts:
        raise ServiceError(_("Kế hoạch chưa có phần thi."), code="no_parts")
    for part in parts:
        if part.kind in MCQ_KINDS:
            attempts_expire(sitting__part=part, now=now)
    profile = plan_rules(plan)
    band = bands(profile)
    candidate_ids = list(
        Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED)
        .order_by("number", "pk")
        .values_list("pk", flat=True)
    )
    # domain.md §1.5: a candidate expelled from a paper sits no further paper of the exam.
    expelled = set(
        Incident.objects.filter(
            attempt__sitting__plan=plan, sanction=Sanction.EXPULSION
        ).values_list("attempt__candidate_id", flat=True)
    )
    stamp = timezone.now()  # after the expiries above: they are part of this computation
    rows: dict[int, dict[int, PartResult]] = {pk: {} for pk in candidate_ids}
    for part in parts:
        if part.kind in MCQ_KINDS:
            values = _mcq_values(part, candidate_ids, now)
        else:
            values = _marked_values(part, candidate_ids)
        for candidate_id, value in values.items():
            if candidate_id in expelled and value.status != PartStatus.SCORED:
                value = PartValue(PartStatus.CANCELLED)
            scored = value.status == PartStatus.SCORED
            rows[candidate_id][part.pk] = PartResult(
                candidate_id=candidate_id,
                part=part,
                score=value.score,
                status=value.status,
                passed=scored and part_passed(part, value.score, profile),
                computed_at=stamp,
                profile=plan.exam_profile,
            )
    PartResult.objects.filter(part__plan=plan).exclude(candidate_id__in=candidate_ids).delete()
    PlanResult.objects.filter(plan=plan).exclude(candidate_id__in=candidate_ids).delete()
    PartResult.objects.bulk_create(
        [row for by_part in rows.values() for row in by_part.values()],
        update_conflicts=True,
        unique_fields=["candidate", "part"],
        update_fields=["score", "status", "passed", "computed_at", "profile", "updated_at"],
        batch_size=1000,
    )
    outcomes = {pk: _outcome(parts, rows[pk], band) for pk in candidate_ids}
    PlanResult.objects.bulk_create(
        [_plan_result(plan, pk, outcome, stamp) for pk, outcome in outcomes.items()],
        update_conflicts=True,
        unique_fields=["candidate"],
        update_fields=[
            "total",
            "max_total",
            "percent",
            "passed",
            "classification",
            "computed_at",
            "profile",
            "updated_at",
        ],
        batch_size=1000,
    )
    complete = [o for o in outcomes.values() if o.complete]
    report = ComputeReport(
        candidates=len(candidate_ids),
        pending=len(candidate_ids) - len(complete),
        passed=sum(o.passed for o in complete),
        levels=dict(Counter(o.level for o in complete)),
    )
    audit_record(
        actor=actor,
        action="results.results_compute",
        target=plan,
        data={
            "candidates": report.candidates,
            "pending": report.pending,
            "passed": report.passed,
            "levels": report.levels,
        },
        profile=plan.exam_profile,
    )
    return report


# --- Publication ------------------------------------------------------------------------------


def _stale(plan: Plan) -> bool:
    """Return whether a score source changed after the last computation (a rescoring, a late
    submission, a sanction recorded after it)."""
    computed = PlanResult.objects.filter(plan=plan).aggregate(at=Max("computed_at"))["at"]
    if computed is None:
        return True
    return (
        Attempt.objects.filter(sitting__plan=plan, updated_at__gt=computed).exists()
        or Incident.objects.filter(attempt__sitting__plan=plan, created_at__gt=computed).exists()
        or ItemCorrection.objects.filter(part__plan=plan, updated_at__gt=computed).exists()
    )


@transaction.atomic
def results_publish(
    *,
    actor: Any,
    plan: Plan,
    decision_number: str,
    decision_date: dt.date,
    now: dt.datetime | None = None,
) -> Publication:
    """Publish the plan's results under the council's decision and lock them.

    Every included candidate needs a complete result, computed after the last change of the
    scores; from then on computing and rescoring are refused.
    """
    now = now or timezone.now()
    plan = _locked_plan(actor, plan)
    if plan.results_published_at is not None:
        raise ServiceError(
            _("Kết quả của kế hoạch “%(c)s” đã được công bố.") % {"c": plan.code},
            code="already_published",
        )
    decision_number = " ".join((decision_number or "").split())
    if not decision_number or decision_date is None:
        raise ServiceError(
            _("Hãy ghi số và ngày của quyết định phê duyệt kết quả."), code="decision_required"
        )
    included = Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED)
    results = PlanResult.objects.filter(plan=plan, candidate__in=included)
    if not included.exists() or results.count() != included.count() or _stale(plan):
        raise ServiceError(
            _(
                "Kết quả chưa được tính, hoặc điểm đã thay đổi sau lần tính gần nhất: hãy tính "
                "lại kết quả trước khi công bố."
            ),
            code="not_computed",
        )
    pending = results.filter(total__isnull=True).count()
    if pending:
        raise ServiceError(
            _("Còn %(n)d người chưa đủ kết quả các phần thi: chưa công bố được.") % {"n": pending},
            code="pending",
        )
    publication = Publication.objects.create(
        plan=plan,
        published_at=now,
        published_by=actor if getattr(actor, "pk", None) else None,
        decision_number=decision_number,
        decision_date=decision_date,
    )
    # The lock on the plan row is what the delivery and grading apps read.
    plan.results_published_at = now
    plan.save(update_fields=["results_published_at", "updated_at"])
    audit_record(
        actor=actor,
        action="results.results_publish",
        target=plan,
        data={
            "decision_number": decision_number,
            "decision_date": decision_date,
            "candidates": results.count(),
            "passed": results.filter(passed=True).count(),
        },
        profile=plan.exam_profile,
    )
    return publication


# --- Two-person corrections -----------------------------------------------------------------


@transaction.atomic
def result_correction_propose(
    *, actor: Any, part_result: PartResult, new_score: Decimal, reason: str
) -> ResultCorrection:
    """Propose a new score for a published part result (another person must approve it)."""
    part = BlueprintPart.objects.select_related("plan").get(pk=part_result.part_id)
    plan = _locked_plan(actor, part.plan)
    if not getattr(actor, "pk", None):
        raise PermissionDeniedError(_("Đính chính phải do một người có tài khoản đề xuất."))
    if plan.results_published_at is None:
        raise ServiceError(
            _(
                "Kết quả chưa công bố: hãy sửa điểm bằng cách chấm lại hoặc tính lại kết quả, "
                "không cần đính chính."
            ),
            code="not_published",
        )
    reason = " ".join((reason or "").split())
    if not reason:
        raise ServiceError(_("Hãy ghi lý do đính chính."), code="reason_required")
    new_score = Decimal(new_score)
    if not Decimal(0) <= new_score <= part.max_score or new_score != rules.round_score(new_score):
        raise ServiceError(
            _("Điểm mới phải từ 0 đến %(m)s, tối đa hai chữ số thập phân.")
            % {"m": f"{part.max_score.normalize():f}".replace(".", ",")},
            code="bad_score",
        )
    part_result = PartResult.objects.select_for_update().get(pk=part_result.pk)
    if part_result.status == PartStatus.SCORED and part_result.score == new_score:
        raise ServiceError(_("Điểm mới giống điểm đang có."), code="same_score")
    if ResultCorrection.objects.filter(
        part_result=part_result, state=CorrectionState.PROPOSED
    ).exists():
        raise ServiceError(
            _("Điểm này đang có một đề xuất đính chính chờ duyệt."), code="already_proposed"
        )
    correction = ResultCorrection.objects.create(
        part_result=part_result,
        old_score=part_result.score,
        old_status=part_result.status,
        new_score=new_score,
        reason=reason,
        proposed_by=actor,
    )
    audit_record(
        actor=actor,
        action="results.correction_propose",
        target=correction,
        data={
            "candidate": part_result.candidate.number,
            "part": part.order,
            "old": part_result.score,
            "old_status": part_result.status,
            "new": new_score,
            "reason": reason,
        },
        profile=plan.exam_profile,
    )
    return correction


def _decide_guard(actor: Any, correction: ResultCorrection) -> tuple[ResultCorrection, Plan]:
    correction = (
        ResultCorrection.objects.select_for_update()
        .select_related("part_result__part__plan", "part_result__candidate")
        .get(pk=correction.pk)
    )
    plan = _locked_plan(actor, correction.part_result.part.plan)
    if correction.state != CorrectionState.PROPOSED:
        raise ServiceError(_("Đề xuất đính chính này đã được xử lý."), code="decided")
    if not getattr(actor, "pk", None) or actor.pk == correction.proposed_by_id:
        # DESIGN §1: no single person can change a published score.
        raise PermissionDeniedError(
            _("Người đề xuất không được tự duyệt đính chính của mình: cần một người khác duyệt."),
            code="same_person",
            basis=str(BASIS_TWO_PERSON),
        )
    return correction, plan


@transaction.atomic
def result_correction_approve(
    *, actor: Any, correction: ResultCorrection, note: str = ""
) -> ResultCorrection:
    """Approve a proposed correction (by someone other than its proposer): the part result
    takes the new score and the candidate's overall result is recomputed."""
    correction, plan = _decide_guard(actor, correction)
    part_result = PartResult.objects.select_for_update().get(pk=correction.part_result_id)
    if (part_result.score, part_result.status) != (correction.old_score, correction.old_status):
        raise ServiceError(
            _("Điểm đã thay đổi từ khi đề xuất: hãy đề xuất lại."), code="changed_since"
        )
    profile = plan_rules(plan)
    now = timezone.now()
    part = correction.part_result.part
    part_result.score = correction.new_score
    part_result.status = PartStatus.SCORED
    part_result.passed = part_passed(part, correction.new_score, profile)
    part_result.corrected = True
    part_result.computed_at = now
    part_result.save(
        update_fields=["score", "status", "passed", "corrected", "computed_at", "updated_at"]
    )
    overall = PlanResult.objects.select_for_update().get(candidate_id=part_result.candidate_id)
    was = (overall.total, overall.classification)
    parts = list(BlueprintPart.objects.filter(plan=plan).order_by("order"))
    rows = {
        row.part_id: row for row in PartResult.objects.filter(candidate_id=part_result.candidate_id)
    }
    outcome = _outcome(parts, rows, bands(profile))
    overall.total, overall.max_total = outcome.total, outcome.max_total
    overall.percent, overall.passed = outcome.percent, outcome.passed
    overall.classification = outcome.level
    overall.computed_at, overall.profile = now, plan.exam_profile
    overall.save()
    correction.state = CorrectionState.APPROVED
    correction.decided_by = actor
    correction.decided_at = now
    correction.decision_note = " ".join((note or "").split())
    correction.save(
        update_fields=["state", "decided_by", "decided_at", "decision_note", "updated_at"]
    )
    audit_record(
        actor=actor,
        action="results.correction_approve",
        target=correction,
        data={
            "candidate": correction.part_result.candidate.number,
            "part": part.order,
            "old": correction.old_score,
            "new": correction.new_score,
            "proposed_by": correction.proposed_by_id,
            "total_before": was[0],
            "total_after": overall.total,
            "classification_before": was[1],
            "classification_after": overall.classification,
        },
        profile=plan.exam_profile,
    )
    return correction


@transaction.atomic
def result_correction_reject(
    *, actor: Any, correction: ResultCorrection, note: str
) -> ResultCorrection:
    """Turn down a proposed correction (by someone other than its proposer), with a reason."""
    correction, plan = _decide_guard(actor, correction)
    note = " ".join((note or "").split())
    if not note:
        raise ServiceError(_("Hãy ghi lý do không duyệt."), code="reason_required")
    correction.state = CorrectionState.REJECTED
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.decision_note = note
    correction.save(
        update_fields=["state", "decided_by", "decided_at", "decision_note", "updated_at"]
    )
    audit_record(
        actor=actor,
        action="results.correction_reject",
        target=correction,
        data={"candidate": correction.part_result.candidate.number, "note": note},
        profile=plan.exam_profile,
    )
    return correction


# --- Export -----------------------------------------------------------------------------------

FIXED_HEADERS = ("STT", "Số báo danh", "Họ và tên", "Ngày sinh", "Đơn vị")
TOTAL_HEADERS = ("Tổng điểm", "Kết quả", "Xếp loại")
TITLE = "BẢNG TỔNG HỢP KẾT QUẢ KIỂM TRA, SÁT HẠCH"
HEADER_ROW = 8  # the table's header row (title rows above it)


def part_header(part: BlueprintPart) -> str:
    maximum = f"{part.max_score.normalize():f}".replace(".", ",")
    return f"Phần {part.order}: {part.name} (tối đa {maximum})"


def result_headers(parts: Iterable[BlueprintPart]) -> list[str]:
    """Return the column headers of the results table."""
    return [*FIXED_HEADERS, *(part_header(p) for p in parts), *TOTAL_HEADERS]


def _outcome_text(result: PlanResult) -> str:
    if result.total is None:
        return "Chưa đủ kết quả"
    return "Đạt" if result.passed else "Không đạt"


def _score_cell(row: PartResult | None) -> Any:
    if row is None:
        return ""
    if row.status == PartStatus.SCORED and row.score is not None:
        return float(row.score)
    return str(PartStatus(row.status).label)


def _issuer(plan: Plan) -> str:
    council = Council.objects.filter(plan=plan).first()
    return (council.name if council and council.name else "Hội đồng kiểm tra, sát hạch").upper()


def results_export_xlsx(*, actor: Any, plan: Plan) -> bytes:
    """Return the results table as a workbook laid out like the "Bảng tổng hợp kết quả" form:
    the issuer and national motto, the title, the plan and the date, then one row per
    candidate by registration number, and the signature blocks. Audited (a privileged read);
    a reader who sees only some units' candidates gets only those."""
    results_qs = PlanResult.objects.filter(plan=plan)
    if actor is not None:
        access = plan_permissions(actor, plan)
        if not access.read or access.candidate_paths == ():
            raise PermissionDeniedError(_("Bạn không được xem kết quả của kế hoạch này."))
        if access.candidate_paths is not None:
            results_qs = results_qs.filter(
                subtree_q(access.candidate_paths, "candidate__person__unit__path")
            )
    results = list(table_queryset(results_qs))
    parts = list(BlueprintPart.objects.filter(plan=plan).order_by("order"))
    headers = result_headers(parts)
    width = len(headers)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tổng hợp kết quả"
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    half = max(2, width // 2)
    sheet.cell(1, 1, _issuer(plan)).font = bold
    sheet.cell(1, half + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").font = bold
    sheet.cell(2, half + 1, "Độc lập - Tự do - Hạnh phúc").font = bold
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=half)
    sheet.merge_cells(start_row=1, start_column=half + 1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=half + 1, end_row=2, end_column=width)
    publication = Publication.objects.filter(plan=plan).first()
    today = timezone.now().astimezone(LOCAL_TZ).date()
    lines = [
        (4, TITLE, Font(bold=True, size=14)),
        (5, f"Kế hoạch {plan.code}: {plan.name}", bold),
        (6, _date_line(publication, today), Font(italic=True)),
    ]
    for row, text, font in lines:
        cell = sheet.cell(row, 1, text)
        cell.font, cell.alignment = font, center
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    for row in (1, 2):
        for col in (1, half + 1):
            sheet.cell(row, col).alignment = center
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, header in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font, cell.alignment, cell.border = bold, center, box
    row_number = HEADER_ROW
    for index, result in enumerate(results, start=1):
        row_number += 1
        candidate = result.candidate
        person = candidate.person
        by_part = {r.part_id: r for r in candidate.part_results.all()}
        values: list[Any] = [
            index,
            candidate.number,
            person.full_name,
            f"{person.birth_date:%d/%m/%Y}",
            person.unit.name,
            *(_score_cell(by_part.get(p.pk)) for p in parts),
            float(result.total) if result.total is not None else "",
            _outcome_text(result),
            result.get_classification_display() if result.classification else "",
        ]
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row_number, col, value)
            cell.border = box
            if isinstance(value, float):
                cell.number_format = "0.00"
    passed = sum(r.passed for r in results)
    summary = row_number + 2
    sheet.cell(
        summary,
        1,
        f"Tổng số: {len(results)} người; đạt: {passed}; không đạt hoặc chưa đủ kết quả: "
        f"{len(results) - passed}.",
    )
    sign = summary + 2
    sheet.cell(sign, 2, "NGƯỜI LẬP BIỂU").font = bold
    sheet.cell(sign, half + 1, "TM. HỘI ĐỒNG").font = bold
    sheet.cell(sign + 1, half + 1, "CHỦ TỊCH").font = bold
    sheet.cell(sign + 2, 2, "(Ký, ghi rõ họ tên)").font = Font(italic=True)
    sheet.cell(sign + 2, half + 1, "(Ký tên, đóng dấu)").font = Font(italic=True)
    for col, size in enumerate([6, 12, 28, 12, 32, *(16 for _part in parts), 11, 16, 12], start=1):
        sheet.column_dimensions[get_column_letter(col)].width = size
    sheet.freeze_panes = f"D{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    buffer = io.BytesIO()
    book.save(buffer)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="results.results_export",
            target=plan,
            data={"rows": len(results)},
            profile=plan.exam_profile,
        )
    return buffer.getvalue()


def _date_line(publication: Publication | None, today: dt.date) -> str:
    if publication is not None:
        return (
            f"(Kèm theo Quyết định số {publication.decision_number} ngày "
            f"{publication.decision_date:%d/%m/%Y}; lập ngày {today:%d/%m/%Y})"
        )
    return f"(Lập ngày {today:%d/%m/%Y}; kết quả chưa công bố)"


# --- Appeals (phúc khảo) ----------------------------------------------------------------------


@transaction.atomic
def result_appeal_apply(*, actor: Any, appeal: Any) -> PartResult:
    """Write a settled appeal's outcome into the published results: the part result takes the
    part's final mark (``grading.selectors.part_final_scores``, where the settled re-mark has
    replaced the first one) and is marked corrected when it changes; the candidate's total,
    pass and class are computed again. Run by who runs the plan; audited.

    domain.md §1.4 and §4.5: after sign-off a score changes only through an appeal. Besides the
    two-person correction above, this is the only way a published result changes; the outcome
    itself was reached by two re-markers, the markers' meeting and, if they disagreed, the
    council Chair (``sathach.grading.services.remarks``).
    """
    from sathach.grading.constants import AppealState
    from sathach.grading.models import Appeal
    from sathach.grading.selectors import part_final_scores
    from sathach.grading.services import appeal_applied_record

    appeal = Appeal.objects.select_related("part__plan", "candidate").get(pk=appeal.pk)
    part = appeal.part
    plan = _locked_plan(actor, part.plan)
    if plan.results_published_at is None:
        raise ServiceError(
            _("Kết quả chưa công bố: điểm sau phúc khảo được lấy khi tính kết quả."),
            code="not_published",
        )
    if appeal.state != AppealState.SETTLED:
        raise ServiceError(
            _("Đơn phúc khảo số %(n)d chưa có kết quả phúc khảo.") % {"n": appeal.pk},
            code="not_settled",
        )
    if appeal.applied_at is not None:
        raise ServiceError(
            _("Kết quả phúc khảo của đơn số %(n)d đã được cập nhật vào kết quả.")
            % {"n": appeal.pk},
            code="already_applied",
        )
    final = part_final_scores(part).get(appeal.candidate_id)
    if final is None or appeal.outcome_score is None or final != appeal.outcome_score:
        raise ServiceError(
            _("Điểm sau phúc khảo chưa là điểm chính thức của phần thi: chưa cập nhật được."),
            code="not_final",
        )
    score = rules.round_score(final)
    part_result = (
        PartResult.objects.select_for_update()
        .filter(candidate_id=appeal.candidate_id, part=part)
        .first()
    )
    if part_result is None:
        raise ServiceError(
            _("Người dự kiểm tra chưa có kết quả phần thi này: hãy tính kết quả trước."),
            code="no_result",
        )
    before = (part_result.score, part_result.status, part_result.passed)
    changed = part_result.status != PartStatus.SCORED or part_result.score != score
    profile = plan_rules(plan)
    now = timezone.now()
    part_result.score = score
    part_result.status = PartStatus.SCORED
    part_result.passed = part_passed(part, score, profile)
    part_result.corrected = part_result.corrected or changed
    part_result.computed_at = now
    part_result.save(
        update_fields=["score", "status", "passed", "corrected", "computed_at", "updated_at"]
    )
    overall = PlanResult.objects.select_for_update().get(candidate_id=appeal.candidate_id)
    was = (overall.total, overall.passed, overall.classification)
    parts = list(BlueprintPart.objects.filter(plan=plan).order_by("order"))
    rows = {row.part_id: row for row in PartResult.objects.filter(candidate_id=appeal.candidate_id)}
    outcome = _outcome(parts, rows, bands(profile))
    overall.total, overall.max_total = outcome.total, outcome.max_total
    overall.percent, overall.passed = outcome.percent, outcome.passed
    overall.classification = outcome.level
    overall.computed_at, overall.profile = now, plan.exam_profile
    overall.save()
    appeal_applied_record(actor=actor, appeal=appeal, previous=before[0], now=now)
    audit_record(
        actor=actor,
        action="results.appeal_apply",
        target=part_result,
        data={
            "appeal": appeal.pk,
            "candidate": appeal.candidate.number,
            "part": part.order,
            "old": before[0],
            "old_status": before[1],
            "new": score,
            "passed_before": before[2],
            "passed_after": part_result.passed,
            "total_before": was[0],
            "total_after": overall.total,
            "overall_passed_before": was[1],
            "overall_passed_after": overall.passed,
            "classification_before": was[2],
            "classification_after": overall.classification,
        },
        profile=plan.exam_profile,
    )
    return part_result
