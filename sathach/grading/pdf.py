"""Marking records as PDF (domain.md §1.6): each marker's score sheet, the reconciliation
record, the coding and re-matching record, the re-marking and meeting record; for oral parts
each panel member's sheet, the combined sheet and the panel's record; the list of appeal
requests and the record of their outcomes.

Laid out like the plans' records (``sathach.plans.pdf``): templates under ``grading/pdf/``
extending ``plans/pdf/base.html``, rendered by WeasyPrint, always in Vietnamese (official
papers). Of the written records only the coding and re-matching record names candidates; the
others show codes only, so that a marker's or a head's paper never reveals who wrote a script.
The panel's records name candidates (an oral exam is face to face), and so do the appeals'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from sathach.plans.constants import Board
from sathach.plans.models import BlueprintPart, BoardMembership, Candidate, Plan
from sathach.plans.pdf import LOCAL_TZ, _header

from .constants import Method, PanelState, ScriptState
from .models import (
    Appeal,
    Mark,
    PanelCase,
    PanelScore,
    Reconciliation,
    Remark,
    Script,
    ScriptIdentity,
)
from .selectors import (
    appeal_overdue,
    appeal_window,
    day_text,
    marking_of,
    official_score,
    part_candidates,
    round_marks,
    rubric_for,
)
from .services.common import marking_rules, part_profile, score_text
from .services.panel import panel_rules


def _pdf(template: str, context: Mapping[str, Any]) -> bytes:
    html = render_to_string(f"grading/pdf/{template}", dict(context))
    return HTML(string=html, base_url=None).render().write_pdf()


def _moment(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(LOCAL_TZ)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def _score(value: Any) -> str:
    return score_text(value) if value is not None else ""


def _who(user: Any, membership: Any = None) -> str:
    if membership is not None and getattr(membership, "person", None) is not None:
        return str(membership.person.full_name)
    if user is None:
        return ""
    return str(getattr(user, "full_name", "") or user.get_username())


def _part_info(part: BlueprintPart) -> dict[str, Any]:
    profile = part_profile(part)
    rules = marking_rules(part)
    return {
        **_header(part.plan),
        "part_name": part.name,
        "part_order": part.order,
        "max_score": score_text(part.max_score),
        "profile": profile.ref,
        "tolerance": score_text(rules.tolerance.normalize()),
        "tolerance_percent": score_text(rules.tolerance_percent),
        "tolerance_basis": profile.basis("marking_tolerance_percent"),
        "today": f"{timezone.localdate():%d/%m/%Y}",
    }


@translation.override("vi")
def score_sheet_pdf(part: BlueprintPart, marker: Any) -> bytes:
    """Return ``marker``'s score sheet of ``part`` (phiếu chấm): codes and marks only, first
    marking and re-marking apart."""
    marks = list(
        Mark.objects.filter(script__part=part, marker=marker)
        .select_related("script", "remark", "membership__person")
        .order_by("remark", "script__code")
    )
    rows = [
        {
            "stt": i,
            "code": mark.script.code,
            "round": "Phúc khảo" if mark.remark_id else "Chấm lần đầu",
            "slot": mark.slot,
            "questions": " + ".join(s.replace(".", ",") for s in mark.question_scores),
            "score": _score(mark.score),
            "submitted": _moment(mark.submitted_at),
            "agreed": _score(mark.agreed_score),
        }
        for i, mark in enumerate(marks, start=1)
    ]
    membership = marks[0].membership if marks else None
    context = {
        **_part_info(part),
        "rows": rows,
        "marker_name": _who(marker, membership),
        "count": len(rows),
    }
    return _pdf("score_sheet.html", context)


def _reconciliation_rows(part: BlueprintPart) -> list[dict[str, Any]]:
    scripts = Script.objects.filter(part=part).exclude(state=ScriptState.ABSENT).order_by("code")
    found = {
        r.script_id: r
        for r in Reconciliation.objects.filter(
            script__part=part, remark__isnull=True
        ).select_related("decided_by")
    }
    rows = []
    for i, script in enumerate(scripts, start=1):
        marks = round_marks(script, None)
        by_slot = {m.slot: m for m in marks}
        first, second = by_slot.get(1), by_slot.get(2)
        record = found.get(script.pk)
        difference = (
            abs(first.score - second.score)
            if first and second and first.score is not None and second.score is not None
            else None
        )
        rows.append(
            {
                "stt": i,
                "code": script.code,
                "first": _score(first.score) if first else "",
                "first_name": _who(first.marker, first.membership) if first else "",
                "second": _score(second.score) if second else "",
                "second_name": _who(second.marker, second.membership) if second else "",
                "difference": _score(difference),
                "agreed": " / ".join(
                    _score(m.agreed_score) for m in marks if m.agreed_score is not None
                ),
                "method": record.get_method_display() if record else script.get_state_display(),
                "final": _score(record.score) if record else "",
                "reason": record.reason if record else "",
                "decided_by": _who(record.decided_by) if record and record.reason else "",
                "beyond": (record is not None and record.method != Method.AVERAGE)
                or script.state in (ScriptState.DISCUSSION, ScriptState.HEAD),
            }
        )
    return rows


@translation.override("vi")
def reconciliation_pdf(part: BlueprintPart) -> bytes:
    """Return the reconciliation record of ``part`` (biên bản đối chiếu, xử lý chênh lệch
    điểm): by code, both marks and markers, the difference against the tolerance, how the mark
    was reached and by whom."""
    rows = _reconciliation_rows(part)
    context = {
        **_part_info(part),
        "rows": rows,
        "count": len(rows),
        "beyond": sum(1 for r in rows if r["beyond"]),
        "final_count": sum(1 for r in rows if r["final"]),
    }
    return _pdf("reconciliation.html", context)


@translation.override("vi")
def coding_record_pdf(part: BlueprintPart) -> bytes:
    """Return the coding and re-matching record (biên bản đánh số phách và ghép phách): who
    coded and when, each candidate's code and, once re-matched, final mark."""
    marking = marking_of(part)
    rematched = marking is not None and marking.rematched_at is not None
    identities = (
        ScriptIdentity.objects.filter(part=part)
        .select_related("script__remark", "candidate__person__unit")
        .order_by("candidate__number", "candidate_id")
    )
    rows = [
        {
            "stt": i,
            "number": identity.candidate.number,
            "name": identity.candidate.person.full_name,
            "unit": identity.candidate.person.unit.name,
            "code": identity.script.code,
            "state": identity.script.get_state_display(),
            "final": _score(official_score(identity.script)) if rematched else "",
        }
        for i, identity in enumerate(identities, start=1)
    ]
    context = {
        **_part_info(part),
        "rows": rows,
        "count": len(rows),
        "coded_at": _moment(marking.coded_at) if marking else "",
        "coded_by": _who(marking.coded_by) if marking else "",
        "rematched": rematched,
        "rematched_at": _moment(marking.rematched_at) if marking else "",
        "rematched_by": _who(marking.rematched_by) if marking else "",
    }
    return _pdf("coding_record.html", context)


@translation.override("vi")
def remark_record_pdf(remark: Remark) -> bytes:
    """Return the re-marking record of one script (biên bản chấm phúc khảo và đối thoại), by
    code: original marks, re-marks, how the re-mark was reached, the meeting and the Chair's
    decision."""
    script = remark.script
    part = script.part
    originals = round_marks(script, None)
    remarks = round_marks(script, remark)
    record = Reconciliation.objects.filter(remark=remark).first()
    context = {
        **_part_info(part),
        "code": script.code,
        "reason": remark.reason,
        "opened_at": _moment(remark.created_at),
        "state": remark.get_state_display(),
        "original": _score(remark.original_score),
        "original_marks": [
            {"slot": m.slot, "name": _who(m.marker, m.membership), "score": _score(m.score)}
            for m in originals
        ],
        "remark_marks": [
            {
                "slot": m.slot,
                "name": _who(m.marker, m.membership),
                "score": _score(m.score),
                "agreed": _score(m.agreed_score),
            }
            for m in remarks
        ],
        "remark_method": record.get_method_display() if record else "",
        "remark_reason": record.reason if record else "",
        "remark_score": _score(remark.remark_score),
        "meeting": remark.meeting_at is not None,
        "meeting_at": _moment(remark.meeting_at),
        "meeting_agreed": remark.meeting_agreed,
        "meeting_score": _score(remark.meeting_score),
        "meeting_note": remark.meeting_note,
        "meeting_by": _who(remark.meeting_by),
        "chair": remark.chair_at is not None,
        "chair_at": _moment(remark.chair_at),
        "chair_by": _who(remark.chair_by),
        "chair_reason": remark.chair_reason,
        "final": _score(remark.final_score),
    }
    return _pdf("remark_record.html", context)


# --- Oral and practical parts (Ban kiểm tra sát hạch): names are shown, the exam is oral ------


def _panel_info(part: BlueprintPart) -> dict[str, Any]:
    profile = part_profile(part)
    rules = panel_rules(part)
    rubric = rubric_for(part)
    return {
        **_header(part.plan),
        "part_name": part.name,
        "part_order": part.order,
        "part_kind": part.get_kind_display(),
        "max_score": score_text(part.max_score),
        "profile": profile.ref,
        "tolerance": score_text(rules.tolerance.normalize()),
        "tolerance_percent": score_text(rules.tolerance_percent),
        "tolerance_basis": profile.basis("panel_tolerance_percent"),
        "min_examiners": rules.min_examiners,
        "criteria": [
            {"name": c["name"], "max": score_text(Decimal(c["max"]))}
            for c in (rubric.criteria if rubric else [])
        ],
        "today": f"{timezone.localdate():%d/%m/%Y}",
    }


def _candidate_cells(candidate: Candidate) -> dict[str, str]:
    return {
        "number": candidate.number,
        "name": candidate.person.full_name,
        "unit": candidate.person.unit.name,
    }


@translation.override("vi")
def panel_sheet_pdf(part: BlueprintPart, examiner: Any) -> bytes:
    """Return ``examiner``'s score sheet of oral part ``part`` (phiếu chấm vấn đáp): each
    candidate they scored, the score per criterion and the total."""
    scores = list(
        PanelScore.objects.filter(case__part=part, examiner=examiner)
        .select_related("case__candidate__person__unit", "membership__person")
        .order_by("case__candidate__number", "pk")
    )
    rows = [
        {
            "stt": i,
            **_candidate_cells(s.case.candidate),
            "criteria": [score_text(Decimal(v)) for v in s.criterion_scores],
            "total": score_text(s.total),
            "comment": s.comment,
            "submitted": _moment(s.submitted_at),
        }
        for i, s in enumerate(scores, start=1)
    ]
    membership = scores[0].membership if scores else None
    context = {
        **_panel_info(part),
        "rows": rows,
        "examiner_name": _who(examiner, membership),
        "count": len(rows),
    }
    return _pdf("panel_sheet.html", context)


def _panel_rows(part: BlueprintPart) -> tuple[list[dict[str, Any]], list[str]]:
    """Return one row per candidate of ``part`` with every member's total, and the members'
    names in column order (by the order they first scored)."""
    cases = {
        c.candidate_id: c
        for c in PanelCase.objects.filter(part=part).select_related("decided_by", "closed_by")
    }
    scores = list(
        PanelScore.objects.filter(case__part=part)
        .select_related("examiner", "membership__person")
        .order_by("submitted_at", "pk")
    )
    columns: dict[int, str] = {}
    for s in scores:
        columns.setdefault(s.examiner_id, _who(s.examiner, s.membership))
    given: dict[int, dict[int, PanelScore]] = {}
    for s in scores:
        given.setdefault(s.case_id, {})[s.examiner_id] = s
    rows = []
    candidates = part_candidates(part).select_related("person__unit").order_by("number", "pk")
    for i, candidate in enumerate(candidates, start=1):
        case = cases.get(candidate.pk)
        mine = given.get(case.pk, {}) if case else {}
        final = case is not None and case.state == PanelState.FINAL
        rows.append(
            {
                "stt": i,
                **_candidate_cells(candidate),
                "totals": [_score(mine[u].total) if u in mine else "" for u in columns],
                "spread": _score(case.spread) if case else "",
                "beyond": case is not None and case.method == Method.HEAD,
                "method": case.get_method_display() if final and case else "",
                "state": case.get_state_display() if case else "Chưa chấm",
                "final": _score(case.score) if final and case else "",
                "reason": case.reason if case else "",
                "decided_by": _who(case.decided_by) if case and case.decided_by else "",
                "closed": case.close_reason if case else "",
                "closed_by": _who(case.closed_by) if case and case.closed_by else "",
            }
        )
    return rows, list(columns.values())


@translation.override("vi")
def panel_summary_pdf(part: BlueprintPart) -> bytes:
    """Return the combined score sheet of oral part ``part`` (bảng tổng hợp điểm vấn đáp):
    every member's total per candidate, the spread against the tolerance, how the final score
    was reached."""
    rows, examiners = _panel_rows(part)
    context = {
        **_panel_info(part),
        "rows": rows,
        "examiners": examiners,
        "count": len(rows),
        "final_count": sum(1 for r in rows if r["final"]),
    }
    return _pdf("panel_summary.html", context)


@translation.override("vi")
def panel_record_pdf(part: BlueprintPart) -> bytes:
    """Return the panel's record (biên bản chấm vấn đáp, thực hành): who sat on the panel, the
    rubric and the rule, the counts, and every decision of the head (beyond tolerance, or
    scoring ended with fewer members) with its reason."""
    rows, examiners = _panel_rows(part)
    members = [
        {"name": _who(m.user, m), "role": m.get_role_display()}
        for m in BoardMembership.objects.filter(plan=part.plan, board=Board.PANEL)
        .select_related("person", "user")
        .order_by("role", "pk")
    ]
    context = {
        **_panel_info(part),
        "members": members,
        "examiners": examiners,
        "count": len(rows),
        "final_count": sum(1 for r in rows if r["final"]),
        "average_count": sum(1 for r in rows if r["final"] and not r["beyond"]),
        "decisions": [r for r in rows if r["beyond"]],
        "closures": [r for r in rows if r["closed"]],
        "pending": [r for r in rows if not r["final"]],
    }
    return _pdf("panel_record.html", context)


# --- Appeals: they name the appellants (for the organiser and the council Chair) --------------


def _appeal_rows(plan: Plan) -> list[dict[str, Any]]:
    window = appeal_window(plan)
    today = timezone.localdate()
    appeals = (
        Appeal.objects.filter(part__plan=plan)
        .select_related("part", "candidate__person__unit", "remark__script")
        .order_by("filed_at", "pk")
    )
    rows = []
    for i, appeal in enumerate(appeals, start=1):
        change = ""
        if appeal.outcome_score is not None and appeal.original_score is not None:
            delta = appeal.outcome_score - appeal.original_score
            change = (
                "Giữ nguyên"
                if delta == 0
                else ("Tăng " if delta > 0 else "Giảm ") + score_text(abs(delta))
            )
        rows.append(
            {
                "stt": i,
                "no": appeal.pk,
                **_candidate_cells(appeal.candidate),
                "part": f"Phần {appeal.part.order}: {appeal.part.name}",
                "filed": _moment(appeal.filed_at),
                "reason": appeal.reason,
                "state": appeal.get_state_display(),
                "code": appeal.remark.script.code if appeal.remark else "",
                "original": _score(appeal.original_score),
                "outcome": _score(appeal.outcome_score),
                "change": change,
                "reject_reason": appeal.reject_reason,
                "applied": _moment(appeal.applied_at),
                "settled": _moment(appeal.settled_at),
                "overdue": appeal_overdue(appeal, window, today),
            }
        )
    return rows


def _appeal_info(plan: Plan) -> dict[str, Any]:
    window = appeal_window(plan)
    return {
        **_header(plan),
        "profile": plan.exam_profile,
        "published_on": day_text(window.published_on) if window else "",
        "last_day": day_text(window.last_day) if window else "",
        "results_due": day_text(window.results_due) if window else "",
        "window_days": window.window_days if window else "",
        "result_days": window.result_days if window else "",
        "window_basis": window.window_basis if window else "",
        "result_basis": window.result_basis if window else "",
        "today": f"{timezone.localdate():%d/%m/%Y}",
    }


@translation.override("vi")
def appeal_list_pdf(plan: Plan) -> bytes:
    """Return the list of appeal requests of ``plan`` (danh sách đơn đề nghị phúc khảo)."""
    rows = _appeal_rows(plan)
    return _pdf("appeal_list.html", {**_appeal_info(plan), "rows": rows, "count": len(rows)})


@translation.override("vi")
def appeal_outcome_pdf(plan: Plan) -> bytes:
    """Return the record of the appeals' outcomes (biên bản kết quả phúc khảo): the published
    and the re-marked score of each appeal, appeals turned down with the reason, when each
    outcome went into the results; the re-marking and meeting records are per script
    (``remark_record_pdf``)."""
    rows = _appeal_rows(plan)
    context = {
        **_appeal_info(plan),
        "rows": rows,
        "count": len(rows),
        "settled": sum(1 for r in rows if r["outcome"]),
        "changed": sum(1 for r in rows if r["change"] and r["change"] != "Giữ nguyên"),
        "rejected": sum(1 for r in rows if r["reject_reason"]),
        "overdue": sum(1 for r in rows if r["overdue"]),
    }
    return _pdf("appeal_outcome.html", context)
