"""The marking guide (đáp án, thang điểm) of a written part, entered before marking starts.

domain.md §1.4: markers work from an answer key and score scale agreed before marking; a 2015
inspection in Hà Tĩnh counted "papers without a score scale per question" as a fault, so the
scale per question, when given, must add up to the part's maximum exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.plans.models import BlueprintPart

from ..constants import BASIS_GUIDE
from ..models import Mark, MarkingGuide
from ..permissions import can_edit_guide
from .common import (
    check_score,
    clean_text,
    part_marking,
    require_actor,
    require_not_rematched,
    require_written,
    score_text,
)


@transaction.atomic
def guide_set(
    *,
    actor: Any,
    part: BlueprintPart,
    text: str,
    questions: Sequence[tuple[str, Decimal]] = (),
) -> MarkingGuide:
    """Enter or replace the marking guide of ``part``: its text and, optionally, the maximum
    of each question (which then add up to the part's maximum). Refused once a mark is in."""
    require_written(part)
    require_actor(
        actor,
        part.plan,
        can_edit_guide,
        _("Chỉ Ban đề thi hoặc cán bộ tổ chức kỳ kiểm tra nhập đáp án, thang điểm."),
    )
    require_not_rematched(part_marking(part, lock=True))
    if Mark.objects.filter(script__part=part, submitted_at__isnull=False).exists():
        raise ServiceError(
            _("Đã có giám khảo nộp điểm: không sửa đáp án, thang điểm được nữa."),
            code="marking_started",
            basis=BASIS_GUIDE,
        )
    text = clean_text(text, _("Hãy nhập đáp án, hướng dẫn chấm."))
    rows = []
    for i, (label, maximum) in enumerate(questions, start=1):
        label = " ".join((label or "").split()) or _("Câu %(n)d") % {"n": i}
        value = check_score(part, maximum, label)
        if value <= 0:
            raise ServiceError(
                _("%(q)s: điểm tối đa phải lớn hơn 0.") % {"q": label}, code="question_zero"
            )
        rows.append({"label": label, "max": str(value.quantize(Decimal("0.01")))})
    if rows:
        added = sum((Decimal(r["max"]) for r in rows), Decimal(0))
        if added != part.max_score:
            raise ServiceError(
                _("Tổng điểm tối đa các câu (%(sum)s) khác điểm tối đa của phần thi (%(max)s).")
                % {"sum": score_text(added), "max": score_text(part.max_score)},
                code="questions_sum",
                basis=BASIS_GUIDE,
            )
    guide = MarkingGuide.objects.filter(part=part).first() or MarkingGuide(part=part)
    guide.text = text
    guide.questions = rows
    guide.updated_by = actor if getattr(actor, "pk", None) else None
    guide.save()
    audit_record(
        actor=actor,
        action="grading.guide_set",
        target=guide,
        data={"questions": rows, "length": len(text)},
        profile=part.plan.exam_profile,
    )
    return guide
