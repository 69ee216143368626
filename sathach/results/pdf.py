"""The result slip (phiếu báo kết quả) as PDF, laid out like the plans' records.

A Django template under ``results/pdf/`` extending ``plans/pdf/base.html`` (A4, administrative
margins, DejaVu fonts, which cover Vietnamese), rendered by WeasyPrint. An official paper:
always in Vietnamese, whatever the reader's language; it reads the models and never writes.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from sathach.core import profiles
from sathach.plans.constants import MCQ_KINDS

# The plans' header (issuer, plan code), so every record of the plan matches.
from sathach.plans.pdf import _date, _header

from .constants import Classification, PartStatus
from .models import PlanResult, Publication


def _number(value: Any) -> str:
    """Return a score the Vietnamese way: 85.5 → "85,50"."""
    return f"{value:.2f}".replace(".", ",")


@translation.override("vi")
def _slip_context(result: PlanResult) -> dict[str, Any]:
    candidate = result.candidate
    person = candidate.person
    publication = Publication.objects.get(plan_id=result.plan_id)
    mcq_percent = _number(profiles.get(result.profile).value("mcq_pass_percent")).rstrip("0")
    mcq_percent = mcq_percent.rstrip(",")
    rows = []
    for row in candidate.part_results.all():
        part = row.part
        scored = row.status == PartStatus.SCORED and row.score is not None
        rows.append(
            {
                "order": part.order,
                "name": part.name,
                "max": _number(part.max_score),
                "score": _number(row.score) if scored else PartStatus(row.status).label,
                "passed": "Đạt" if row.passed else "Không đạt",
                "rule": f"≥ {mcq_percent}% số điểm"
                if part.kind in MCQ_KINDS
                else f"≥ {_number(part.pass_mark)}",
            }
        )
    return {
        **_header(result.plan),
        "name": person.full_name,
        "number": candidate.number,
        "birth_date": _date(person.birth_date),
        "unit": person.unit.name,
        "rows": rows,
        "total": _number(result.total) if result.total is not None else "",
        "max_total": _number(result.max_total),
        "passed": "Đạt" if result.passed else "Không đạt",
        "classification": Classification(result.classification).label
        if result.classification
        else "",
        "decision_number": publication.decision_number,
        "decision_date": _date(publication.decision_date),
        "profile": result.profile,
    }


def result_slip_pdf(result: PlanResult) -> bytes:
    """Return ``result``'s slip: the candidate, each part's score and pass, the total, the
    class and the decision that published it (read from ``selectors.own_result_get``)."""
    html = render_to_string("results/pdf/slip.html", _slip_context(result))
    return HTML(string=html, base_url=None).render().write_pdf()
