"""Who sits: compute the list from the rules, adjust it by hand, number it, export it."""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from sathach.accounts.permissions import subtree_q
from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.org.models import Person

from ..constants import (
    CandidateStatus,
    ExemptionGround,
    Outcome,
    OverrideAction,
    PlanStatus,
    SittingStatus,
)
from ..models import Candidate, CandidateOverride, Plan, Seat
from ..permissions import plan_permissions
from ..rules import Decision, EligibilityRules, Override, PersonFacts, decide, decide_all
from .common import OPEN, UnitIndex, clean_reason, person_label, require_status, require_write

NUMBER_WIDTH = 4  # số báo danh "0001"; wider only when a plan has 10 000 candidates or more


@dataclass(frozen=True)
class ComputedCandidate:
    """One person in scope (or decided by hand) and what the rules say about them."""

    person: Person
    outcome: str  # Outcome
    reason: str
    manual: bool = False


@dataclass(frozen=True)
class CandidateListReport:
    included: int
    exempt: int
    removed: int
    ineligible: int
    numbered: int
    dropped: int


def _rules(plan: Plan) -> EligibilityRules:
    return EligibilityRules(
        blocks=frozenset(plan.eligible_blocks),
        levels=frozenset(plan.eligible_levels),
        rank_codes=frozenset(plan.eligible_ranks.values_list("code", flat=True)),
        position_codes=frozenset(plan.eligible_positions.values_list("code", flat=True)),
        min_service_years=plan.min_service_years,
        include_leaders=plan.include_leaders,
        retirement_window_months=plan.retirement_window_months,
        recruited_within_months=plan.recruited_within_months,
    )


def _facts(person: Person, units: UnitIndex) -> PersonFacts:
    return PersonFacts(
        id=person.pk,
        code=person.code,
        birth_date=person.birth_date,
        gender=person.gender,
        hired_on=person.hired_on,
        block=units.block_of(person.unit_id),
        level=person.unit.level,
        rank_code=person.rank.code if person.rank else "",
        position_code=person.position.code if person.position else "",
        is_leader=person.is_leader,
    )


def _override(row: CandidateOverride) -> Override:
    return Override(action=row.action, reason=row.reason, ground=row.ground)


def candidates_compute(*, plan: Plan) -> list[ComputedCandidate]:
    """Return every active person in the plan's scope, and everyone decided by hand, with the
    outcome of the rules (included, exempt, ineligible, removed) and its reason, in
    Vietnamese name order. Writes nothing."""
    paths = list(plan.scopes.values_list("unit__path", flat=True))
    overrides = {o.person_id: o for o in CandidateOverride.objects.filter(plan=plan)}
    persons = list(
        Person.objects.filter((subtree_q(paths) & Q(is_active=True)) | Q(pk__in=list(overrides)))
        .select_related("unit", "rank", "position")
        .order_by("sort_key", "code")
    )
    units = UnitIndex.load()
    decisions = decide_all(
        [_facts(p, units) for p in persons],
        _rules(plan),
        plan.starts_on,
        {pid: _override(o) for pid, o in overrides.items()},
    )
    return [
        ComputedCandidate(person, d.outcome, d.reason, d.manual)
        for person, d in zip(persons, decisions, strict=True)
    ]


def _next_numbers(plan: Plan, count: int) -> list[str]:
    """Return ``count`` registration numbers after the highest ever given; none is reused."""
    locked = Plan.objects.select_for_update().filter(pk=plan.pk)
    start = locked.values_list("last_number", flat=True).get() + 1
    plan.last_number = start + count - 1
    Plan.objects.filter(pk=plan.pk).update(last_number=plan.last_number)
    width = max(NUMBER_WIDTH, len(str(plan.last_number)))
    return [f"{n:0{width}d}" for n in range(start, start + count)]


_STATUS = {
    Outcome.INCLUDED: CandidateStatus.INCLUDED,
    Outcome.EXEMPT: CandidateStatus.EXEMPT,
    Outcome.REMOVED: CandidateStatus.REMOVED,
}


def _refuse_if_final_sittings(plan: Plan) -> None:
    if plan.sittings.filter(status=SittingStatus.FINAL).exists():
        raise ServiceError(
            _("Đã chốt ca thi: không lập lại danh sách; hãy bổ sung hoặc đưa ra từng người."),
            code="sittings_final",
        )


@transaction.atomic
def candidates_generate(*, actor: Any, plan: Plan) -> CandidateListReport:
    """Write the candidate list from the rules and the decisions made by hand.

    Included, exempt and removed people get a row (with the reason); people who left the
    scope or the rules lose theirs. Included people without a registration number get the
    next ones, in Vietnamese name order.
    """
    require_write(actor, plan)
    require_status(plan, [PlanStatus.DRAFT], _("lập lại danh sách người dự kiểm tra"))
    _refuse_if_final_sittings(plan)
    # A re-test plan (evaluation.Retest, reverse accessor ``retest_of``) lists only those who
    # failed its source plan; generating from the scope would add everyone in scope.
    if getattr(plan, "retest_of", None) is not None:
        raise ServiceError(
            _(
                "Kế hoạch kiểm tra lại chỉ gồm những người chưa đạt của kế hoạch trước: "
                "không lập danh sách theo phạm vi đơn vị."
            ),
            code="retest_plan",
        )
    computed = candidates_compute(plan=plan)
    existing = {c.person_id: c for c in Candidate.objects.filter(plan=plan)}
    listed = [c for c in computed if c.outcome != Outcome.INELIGIBLE]
    keep = {c.person.pk for c in listed}
    stale = [c.pk for pid, c in existing.items() if pid not in keep]
    Candidate.objects.filter(pk__in=stale).delete()
    to_create: list[Candidate] = []
    to_update: list[Candidate] = []
    now = timezone.now()
    for item in listed:
        row = existing.get(item.person.pk) or Candidate(plan=plan, person=item.person)
        row.status = _STATUS[Outcome(item.outcome)]
        row.reason = item.reason
        row.manual = item.manual
        row.updated_at = now  # bulk_update does not apply auto_now
        (to_update if row.pk else to_create).append(row)
    unnumbered = [
        r for r in to_update + to_create if r.status == CandidateStatus.INCLUDED and not r.number
    ]
    order = {c.person.pk: i for i, c in enumerate(listed)}
    unnumbered.sort(key=lambda r: order[r.person_id])
    for row, number in zip(unnumbered, _next_numbers(plan, len(unnumbered)), strict=True):
        row.number = number
    Candidate.objects.bulk_update(to_update, ["status", "reason", "manual", "number", "updated_at"])
    Candidate.objects.bulk_create(to_create)
    counts = {o: sum(1 for c in computed if c.outcome == o) for o in Outcome.values}
    report = CandidateListReport(
        included=counts[Outcome.INCLUDED],
        exempt=counts[Outcome.EXEMPT],
        removed=counts[Outcome.REMOVED],
        ineligible=counts[Outcome.INELIGIBLE],
        numbered=len(unnumbered),
        dropped=len(stale),
    )
    audit_record(
        actor=actor,
        action="plans.candidates_generate",
        target=plan,
        data=asdict(report),
        profile=plan.exam_profile,
    )
    return report


def _decide_one(plan: Plan, person: Person) -> Decision:
    override = CandidateOverride.objects.filter(plan=plan, person=person).first()
    person = Person.objects.select_related("unit", "rank", "position").get(pk=person.pk)
    return decide(
        _facts(person, UnitIndex.load()),
        _rules(plan),
        plan.starts_on,
        _override(override) if override else None,
    )


def _override_record(
    *, actor: Any, plan: Plan, person: Person, action: str, reason: str, ground: str = ""
) -> Candidate:
    """Record a decision by hand and bring the person's row in line with it."""
    CandidateOverride.objects.update_or_create(
        plan=plan,
        person=person,
        defaults={
            "action": action,
            "reason": reason,
            "ground": ground,
            "created_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    decision = _decide_one(plan, person)
    row = Candidate.objects.filter(plan=plan, person=person).first() or Candidate(
        plan=plan, person=person
    )
    row.status = _STATUS[Outcome(decision.outcome)]
    row.reason = decision.reason
    row.manual = True
    if row.status == CandidateStatus.INCLUDED and not row.number:
        row.number = _next_numbers(plan, 1)[0]
    row.save()
    if row.status != CandidateStatus.INCLUDED:
        # Someone no longer sitting gives up their seats in sittings not yet final.
        Seat.objects.filter(candidate=row, sitting__status=SittingStatus.DRAFT).delete()
    audit_record(
        actor=actor,
        action=f"plans.candidate_{action}",
        target=row,
        data={"person": person.code, "reason": reason, "ground": ground, "number": row.number},
    )
    return row


@transaction.atomic
def plan_candidate_add(*, actor: Any, plan: Plan, person: Person, reason: str) -> Candidate:
    """Add ``person`` to the list by hand, whatever the rules say; ``reason`` is required."""
    from .boards import candidate_conflicts

    require_write(actor, plan)
    require_status(plan, OPEN, _("bổ sung người dự kiểm tra"))
    reason = clean_reason(reason, _("Hãy ghi lý do bổ sung người dự kiểm tra."))
    if not person.is_active:
        raise ServiceError(
            _("%(p)s không còn công tác: không bổ sung được.") % {"p": person_label(person)},
            code="person_inactive",
        )
    refusals = candidate_conflicts(plan=plan, person=person)
    if refusals:
        raise ServiceError(refusals[0].message, code=refusals[0].code, basis=refusals[0].basis)
    return _override_record(
        actor=actor, plan=plan, person=person, action=OverrideAction.ADD, reason=reason
    )


@transaction.atomic
def plan_candidate_remove(*, actor: Any, plan: Plan, person: Person, reason: str) -> Candidate:
    """Take ``person`` off the list by hand; ``reason`` is required and kept."""
    require_write(actor, plan)
    require_status(plan, OPEN, _("đưa người dự kiểm tra ra khỏi danh sách"))
    reason = clean_reason(reason, _("Hãy ghi lý do đưa ra khỏi danh sách."))
    return _override_record(
        actor=actor, plan=plan, person=person, action=OverrideAction.REMOVE, reason=reason
    )


@transaction.atomic
def plan_candidate_exempt(
    *, actor: Any, plan: Plan, person: Person, ground: str, reason: str
) -> Candidate:
    """Exempt ``person`` for a ground the roster does not hold (long sick leave, maternity
    leave, other), with the reason (e.g. the dates and the document)."""
    require_write(actor, plan)
    require_status(plan, OPEN, _("miễn kiểm tra"))
    if ground not in ExemptionGround.values:
        raise ServiceError(_("Căn cứ miễn không hợp lệ: %(g)s") % {"g": ground}, code="bad_ground")
    reason = clean_reason(reason, _("Hãy ghi lý do miễn kiểm tra."))
    return _override_record(
        actor=actor,
        plan=plan,
        person=person,
        action=OverrideAction.EXEMPT,
        reason=reason,
        ground=ground,
    )


# --- Export ---------------------------------------------------------------------------------

EXPORT_HEADERS = (
    "STT",
    "Số báo danh",
    "Mã công chức",
    "Họ và tên",
    "Ngày sinh",
    "Đơn vị",
    "Ngạch",
    "Vị trí việc làm",
    "Trạng thái",
    "Lý do",
)
_WIDTHS = (6, 12, 14, 28, 12, 36, 22, 30, 16, 60)


def _workbook(plan: Plan, rows: list[Candidate]) -> bytes:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Danh sách"
    sheet.append(EXPORT_HEADERS)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    for index, row in enumerate(rows, start=1):
        person = row.person
        sheet.append(
            [
                index,
                row.number,
                person.code,
                person.full_name,
                person.birth_date,
                person.unit.name,
                person.rank.name if person.rank else "",
                person.position.name if person.position else "",
                row.get_status_display(),
                row.reason,
            ]
        )
        for cell in sheet[index + 1]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text, never runs
        sheet.cell(row=index + 1, column=2).number_format = "@"
        sheet.cell(row=index + 1, column=3).number_format = "@"
        sheet.cell(row=index + 1, column=5).number_format = "DD/MM/YYYY"
    book.properties.title = f"Danh sách người dự kiểm tra — {plan.code}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@transaction.atomic
def candidates_export_xlsx(*, actor: Any, plan: Plan) -> bytes:
    """Return the candidate list as an Excel workbook, in Vietnamese name order.

    A reader who sees only their own units' candidates (unit_hr) gets only those.
    """
    candidates = Candidate.objects.filter(plan=plan)
    if actor is not None:
        access = plan_permissions(actor, plan)
        if not access.read or access.candidate_paths == ():
            raise PermissionDeniedError(_("Bạn không được xem danh sách người dự kiểm tra."))
        if access.candidate_paths is not None:
            candidates = candidates.filter(subtree_q(access.candidate_paths, "person__unit__path"))
    rows = list(
        candidates.select_related("person__unit", "person__rank", "person__position").order_by(
            "person__sort_key", "person__code"
        )
    )
    data = _workbook(plan, rows)
    audit_record(
        actor=actor,
        action="plans.candidates_export",
        target=plan,
        data={"rows": len(rows)},
    )
    return data
