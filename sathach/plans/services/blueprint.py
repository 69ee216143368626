"""The blueprint (ma trận đề): parts and cells, checked against the approved bank; templates.

Scoring (a choice, stated here once): an MCQ part's score is its raw score scaled linearly to
the part's maximum, ``raw × max_score / (Σ count × points)``, so 60 one-point questions make a
part out of 100; ``blueprint_validate`` says so whenever the two differ. Any other part (essay,
situation, outline, practical) is marked from its marking guide, so its cells' points must
add up to the part's maximum exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.bank.constants import Difficulty, ItemKind
from sathach.bank.models import Item, Topic
from sathach.core.errors import ServiceError
from sathach.org.models import Unit

from ..constants import DEFAULT_SITTING_MODE, MCQ_KINDS, PartKind, PlanStatus
from ..models import BlueprintCell, BlueprintPart, Plan
from ..templates_data import TEMPLATES
from .common import checked, require_status, require_write
from .plans import plan_create, plan_rules_set, plan_scope_set


def _number(value: Decimal) -> str:
    """Return a score the Vietnamese way: 100, 2,5."""
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}".rstrip("0")
    return text.replace(".", ",")


def _overlaps(a: BlueprintCell, topic: Topic, difficulty: str, item_kind: str) -> bool:
    """Return whether cell ``a`` could draw the same items as the new cell."""
    paths = (a.topic.path, topic.path)
    return (
        (paths[0].startswith(paths[1]) or paths[1].startswith(paths[0]))
        and (not a.difficulty or not difficulty or a.difficulty == difficulty)
        and (not a.item_kind or not item_kind or a.item_kind == item_kind)
    )


def _part_create(plan: Plan, **fields: Any) -> BlueprintPart:
    if BlueprintPart.objects.filter(plan=plan, order=fields["order"]).exists():
        raise ServiceError(
            _("Kế hoạch đã có phần thi thứ %(n)d.") % {"n": fields["order"]}, code="part_exists"
        )
    if fields["kind"] not in PartKind.values:
        raise ServiceError(_("Hình thức thi không hợp lệ."), code="bad_kind")
    if fields["pass_mark"] > fields["max_score"]:
        raise ServiceError(
            _("Điểm đạt (%(p)s) lớn hơn điểm tối đa (%(m)s).")
            % {
                "p": _number(Decimal(fields["pass_mark"])),
                "m": _number(Decimal(fields["max_score"])),
            },
            code="bad_pass_mark",
        )
    fields["sitting_mode"] = fields.get("sitting_mode") or DEFAULT_SITTING_MODE[fields["kind"]]
    part = checked(BlueprintPart(plan=plan, **fields))
    part.save()
    return part


def _cell_create(part: BlueprintPart, topic: Topic, **fields: Any) -> BlueprintCell:
    if fields["difficulty"] and fields["difficulty"] not in Difficulty.values:
        raise ServiceError(_("Mức độ không hợp lệ."), code="bad_difficulty")
    if fields["item_kind"] and fields["item_kind"] not in ItemKind.values:
        raise ServiceError(_("Loại câu hỏi không hợp lệ."), code="bad_item_kind")
    for other in part.cells.select_related("topic"):
        if _overlaps(other, topic, fields["difficulty"], fields["item_kind"]):
            raise ServiceError(
                _("%(new)s trùng phạm vi với ô đã có (%(old)s): một câu hỏi chỉ được thuộc một ô.")
                % {
                    "new": cell_label(part, topic, fields["difficulty"], fields["item_kind"]),
                    "old": cell_label(part, other.topic, other.difficulty, other.item_kind),
                },
                code="cells_overlap",
            )
    cell = checked(BlueprintCell(part=part, topic=topic, **fields))
    cell.save()
    return cell


@transaction.atomic
def blueprint_part_add(
    *,
    actor: Any,
    plan: Plan,
    order: int,
    kind: str,
    name: str,
    minutes: int,
    max_score: Decimal,
    pass_mark: Decimal,
    weight: Decimal = Decimal(1),
    sitting_mode: str = "",
    note: str = "",
) -> BlueprintPart:
    """Add a part to a draft plan (the sitting mode follows the kind unless given)."""
    require_write(actor, plan)
    require_status(plan, [PlanStatus.DRAFT], _("đổi ma trận đề"))
    part = _part_create(
        plan,
        order=order,
        kind=kind,
        name=" ".join(name.split()),
        minutes=minutes,
        max_score=Decimal(max_score),
        pass_mark=Decimal(pass_mark),
        weight=Decimal(weight),
        sitting_mode=sitting_mode,
        note=note.strip(),
    )
    audit_record(
        actor=actor,
        action="plans.part_add",
        target=part,
        data={"order": order, "kind": kind, "minutes": minutes, "max_score": max_score},
    )
    return part


@transaction.atomic
def blueprint_cell_add(
    *,
    actor: Any,
    part: BlueprintPart,
    topic: Topic,
    count: int,
    points: Decimal,
    difficulty: str = "",
    item_kind: str = "",
) -> BlueprintCell:
    """Add a cell to a part: ``count`` items of ``points`` each from ``topic``'s subtree."""
    require_write(actor, part.plan)
    require_status(part.plan, [PlanStatus.DRAFT], _("đổi ma trận đề"))
    cell = _cell_create(
        part, topic, count=count, points=Decimal(points), difficulty=difficulty, item_kind=item_kind
    )
    audit_record(
        actor=actor,
        action="plans.cell_add",
        target=cell,
        data={
            "part": part.order,
            "topic": topic.code,
            "difficulty": difficulty,
            "item_kind": item_kind,
            "count": count,
            "points": points,
        },
    )
    return cell


# --- Validation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BlueprintIssue:
    """One finding of ``blueprint_validate``; ``blocking`` ones stop assembly."""

    part: int
    code: str  # shortage | no_cells | points_mismatch | score_scaled
    message: str
    cell_id: int | None = None
    needed: int = 0
    available: int = 0

    @property
    def blocking(self) -> bool:
        return self.code != "score_scaled"


def cell_label(part: BlueprintPart, topic: Topic, difficulty: str, item_kind: str) -> str:
    """Return "Phần 1, chủ đề Hệ thống chính trị, mức Dễ" (difficulty and kind when set)."""
    label = _("Phần %(n)d, chủ đề %(t)s") % {"n": part.order, "t": topic.name}
    if difficulty:
        label += _(", mức %(d)s") % {"d": Difficulty(difficulty).label}
    if item_kind:
        label += _(", loại %(k)s") % {"k": ItemKind(item_kind).label}
    return label


def approved_items(cell: BlueprintCell) -> Any:
    """Return the approved, usable items a cell may draw (the topic's whole subtree)."""
    items = Item.objects.filter(
        topic__path__startswith=cell.topic.path, approved__isnull=False, is_retired=False
    )
    if cell.difficulty:
        items = items.filter(approved__difficulty=cell.difficulty)
    if cell.item_kind:
        items = items.filter(approved__kind=cell.item_kind)
    return items


def blueprint_validate(*, plan: Plan) -> list[BlueprintIssue]:
    """Return the plan's blueprint problems: parts without cells, cells the approved bank
    cannot fill, non-MCQ parts whose points do not add up, and (not blocking) MCQ parts whose
    score is scaled. An empty list means the bank can fill every form."""
    issues: list[BlueprintIssue] = []
    for part in plan.parts.order_by("order"):
        cells = list(part.cells.select_related("topic").order_by("pk"))
        if not cells:
            issues.append(
                BlueprintIssue(
                    part.order,
                    "no_cells",
                    _("Phần %(n)d (%(name)s): chưa có ô nào trong ma trận đề.")
                    % {"n": part.order, "name": part.name},
                )
            )
            continue
        for cell in cells:
            available = approved_items(cell).count()
            if available < cell.count:
                issues.append(
                    BlueprintIssue(
                        part.order,
                        "shortage",
                        _("%(cell)s: cần %(need)d câu, ngân hàng có %(have)d câu đã duyệt")
                        % {
                            "cell": cell_label(part, cell.topic, cell.difficulty, cell.item_kind),
                            "need": cell.count,
                            "have": available,
                        },
                        cell.pk,
                        cell.count,
                        available,
                    )
                )
        raw = sum((c.count * c.points for c in cells), Decimal(0))
        questions = sum(c.count for c in cells)
        if raw == part.max_score:
            continue
        if part.kind in MCQ_KINDS:
            issues.append(
                BlueprintIssue(
                    part.order,
                    "score_scaled",
                    _(
                        "Phần %(n)d: %(q)d câu, tổng %(raw)s điểm; điểm phần thi quy đổi về "
                        "thang %(max)s (điểm câu đúng × %(max)s / %(raw)s)."
                    )
                    % {
                        "n": part.order,
                        "q": questions,
                        "raw": _number(raw),
                        "max": _number(part.max_score),
                    },
                )
            )
        else:
            issues.append(
                BlueprintIssue(
                    part.order,
                    "points_mismatch",
                    _("Phần %(n)d: tổng điểm các câu là %(raw)s, khác điểm tối đa %(max)s.")
                    % {"n": part.order, "raw": _number(raw), "max": _number(part.max_score)},
                )
            )
    return issues


# --- Templates ------------------------------------------------------------------------------


@dataclass
class TemplateResult:
    plan: Plan
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def plan_create_from_template(
    *,
    actor: Any,
    template_code: str,
    code: str,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    exam_profile: str = "",
    units: Sequence[Unit] = (),
) -> TemplateResult:
    """Create a draft plan with the template's rules, parts and cells in one step.

    Cells whose topic is not in the bank are skipped, each with a warning.
    """
    template = TEMPLATES.get(template_code)
    if template is None:
        raise ServiceError(
            _("Không có mẫu kế hoạch “%(c)s”.") % {"c": template_code}, code="unknown_template"
        )
    plan = plan_create(
        actor=actor,
        code=code,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        legal_basis=template.legal_basis,
        exam_profile=exam_profile,
        template=template.code,
    )
    if units:
        plan_scope_set(actor=actor, plan=plan, units=units)
    plan_rules_set(
        actor=actor,
        plan=plan,
        blocks=template.eligible_blocks,
        include_leaders=template.include_leaders,
        retirement_window_months=template.retirement_window_months,
        recruited_within_months=template.recruited_within_months,
    )
    topics = {t.code: t for t in Topic.objects.all()}
    result = TemplateResult(plan)
    cells = 0
    for spec in template.parts:
        part = _part_create(
            plan,
            order=spec.order,
            kind=spec.kind,
            name=spec.name,
            minutes=spec.minutes,
            max_score=spec.max_score,
            pass_mark=spec.pass_mark,
            weight=spec.weight,
            sitting_mode=spec.sitting_mode,
            note=spec.note,
        )
        for cell in spec.cells:
            topic = topics.get(cell.topic_code)
            if topic is None:
                result.warnings.append(
                    _(
                        "Mẫu %(t)s, phần %(n)d: bỏ qua ô chủ đề “%(c)s” vì ngân hàng chưa có "
                        "chủ đề này."
                    )
                    % {"t": template.code, "n": spec.order, "c": cell.topic_code}
                )
                continue
            _cell_create(
                part,
                topic,
                count=cell.count,
                points=cell.points,
                difficulty=cell.difficulty,
                item_kind=cell.item_kind,
            )
            cells += 1
    audit_record(
        actor=actor,
        action="plans.plan_create_from_template",
        target=plan,
        data={
            "template": template.code,
            "parts": len(template.parts),
            "cells": cells,
            "warnings": result.warnings,
        },
        profile=plan.exam_profile,
    )
    return result
