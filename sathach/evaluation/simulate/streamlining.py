"""Step 8 of the simulation: the streamlining review of the province (domain.md §3).

The figures name each ground by its label and the article and clause of the review's profile;
the people deferred (pregnancy, a child under 36 months, a disciplinary review) and those on
the dismissal route (two KHT years in a row: thôi việc, not streamlining) are listed apart,
by name, since they are few and each needs a person's attention.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sathach.core.errors import ServiceError
from sathach.demo.province import ROOT_CODE
from sathach.evaluation.constants import Ground, Section
from sathach.evaluation.models import StreamliningReview
from sathach.evaluation.selectors import ListedPerson, review_listing
from sathach.evaluation.services import review_create
from sathach.org.models import Unit

from .base import Context, citation


def _who(listed: ListedPerson) -> str:
    person = listed.person
    return f"{person.full_name} ({person.code}, {person.unit.name})"


def _why(finding: Any) -> str:
    """Return a deferral's circumstance as the rules word it ("Đang mang thai")."""
    return str(finding.data).split(" (", 1)[0].rstrip(".")


def streamlining_step(ctx: Context) -> StreamliningReview:
    year = ctx.today.year
    root = Unit.objects.get(code=ROOT_CODE)
    try:
        review = review_create(actor=ctx.actor, unit=root, year=year)
    except ServiceError as exc:
        if exc.code != "review_exists":
            raise
        review = StreamliningReview.objects.filter(unit=root, year=year).latest("pk")
    listing = review_listing(user=ctx.actor, review=review)
    rules = listing.rules
    candidates = listing.sections[Section.CANDIDATE]
    deferred = listing.sections[Section.DEFERRED]
    dismissal = listing.sections[Section.DISMISSAL]
    figures: list[tuple[str, Any]] = [(str(Section.CANDIDATE.label), len(candidates))]
    for key, rows in listing.by_ground().items():
        figures.append((f"  {Ground(key).label} ({citation(rules.bases[key].text)})", len(rows)))
    reasons: Counter[str] = Counter(
        _why(f) for listed in deferred for f in listed.assessment.deferrals
    )
    figures.append((str(Section.DEFERRED.label), len(deferred)))
    figures += [(f"  {reason}", count) for reason, count in sorted(reasons.items())]
    for listed in deferred:
        why = "; ".join(_why(f) for f in listed.assessment.deferrals)
        figures.append((f"    {_who(listed)}", why))
    basis = citation(rules.bases[Ground.DISMISSAL].text)
    figures.append((f"{Section.DISMISSAL.label} ({basis})", len(dismissal)))
    for listed in dismissal:
        found = listed.assessment.dismissal
        figures.append((f"    {_who(listed)}", found.data if found else ""))
    ctx.step(f"8. Tinh giản biên chế ({rules.ref})", figures)
    return review
