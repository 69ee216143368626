"""Assemble a part's forms from the bank: one sealed-ready form per candidate, or paper variants.

The fair-assembly core (``sathach.lib.assembly``) does the work; this module reads the pool,
refuses forms that break the blueprint or are not parallel, and writes them in one
transaction with the frozen item versions and one audit event. Forms are written before the
sitting, so starting a test is a read, not a burst of writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.bank.constants import ItemKind
from sathach.bank.models import ItemVersion
from sathach.bank.services import versions_freeze
from sathach.core.errors import ServiceError
from sathach.lib.assembly import (
    AssemblyError,
    AssemblyResult,
    BlueprintShortageError,
    PoolItem,
    adjacent_pairs,
    assemble,
    assign_to_seats,
    check_forms,
)
from sathach.lib.assembly import Form as CoreForm
from sathach.lib.assembly import Seat as CoreSeat

from .constants import MCQ_KINDS, CandidateStatus, PartKind, SittingMode
from .models import BlueprintPart, Candidate, Form, Seat, SeatForm
from .selectors import part_assembly_input
from .services.common import OPEN, require_status, require_write

DEFAULT_VARIANTS = 4  # paper variants when none are asked for
_BATCH = 2000
# An essay's expected share of its points. No share of a script is known before it is marked,
# so every essay counts the same neutral half (the middle of its mark scale), calibrated or
# not. The blueprint gives every form the same number of essays of the same points from each
# cell, so the essays add the same expected score to every form: their fairness rests on the
# blueprint (cells by topic and difficulty), not on the repair swaps.
ESSAY_FACILITY = 0.5


def per_candidate_forms(part: BlueprintPart) -> bool:
    """Return whether ``part`` gets one form per candidate, sat on computer: an MCQ part on
    computer, or a marked part (written, situation…) whose candidates type their answers."""
    return part.kind == PartKind.COMPUTER_MCQ or (
        part.kind not in MCQ_KINDS and part.sitting_mode == SittingMode.COMPUTER
    )


def _moment(value: dt.datetime) -> str:
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}"


def content_hash(items: Sequence[int], option_orders: Sequence[Sequence[int] | None]) -> str:
    """Return the SHA-256 of a form's items and option orders (what the candidate sees)."""
    # json writes a tuple as it writes a list: no copy of the 60 orders is needed.
    text = json.dumps({"items": items, "options": option_orders}, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _neutral_essays(pool: list[PoolItem]) -> list[PoolItem]:
    """Return ``pool`` with every essay's expected share set to ``ESSAY_FACILITY``."""
    essays = set(
        ItemVersion.objects.filter(
            pk__in=[item.id for item in pool if item.n_options == 0], kind=ItemKind.ESSAY
        ).values_list("pk", flat=True)
    )
    return [
        replace(item, p=ESSAY_FACILITY, irt_a=None, irt_b=None) if item.id in essays else item
        for item in pool
    ]


def _assemble(
    part: BlueprintPart, n_forms: int, seed: int, tolerance_fraction: float
) -> AssemblyResult:
    blueprint, pool = part_assembly_input(part=part)
    if not blueprint.cells or blueprint.length == 0:
        raise ServiceError(
            _("Phần %(n)d chưa có ô ma trận đề nào.") % {"n": part.order}, code="no_cells"
        )
    # A marked part's questions come in blueprint order, so question n is worth the same on
    # every form and lines up with question n of the part's marking guide; forms may repeat
    # (a pool no larger than the blueprint gives everyone the same questions, as on paper).
    marked = part.kind not in MCQ_KINDS
    if marked:
        pool = _neutral_essays(pool)
    try:
        result = assemble(
            pool,
            blueprint,
            n_forms,
            seed=seed,
            tolerance_fraction=tolerance_fraction,
            shuffle_items=not marked,
            distinct=not marked,
        )
    except BlueprintShortageError as exc:
        lines = "\n".join(f"  - {s}" for s in exc.shortages)
        raise ServiceError(
            _("Không đủ câu hỏi đã duyệt cho ma trận đề phần %(n)d:\n%(l)s")
            % {"n": part.order, "l": lines},
            code="shortage",
        ) from exc
    except AssemblyError as exc:
        raise ServiceError(str(exc), code="assembly") from exc
    # Trust, but verify: an independent check of every form against the blueprint.
    problems = check_forms(result.forms, pool, blueprint)
    if problems or not result.blueprint_ok:
        shown = "; ".join((problems or list(result.problems))[:5])
        raise ServiceError(
            _("Đề không đúng ma trận đề phần %(n)d: %(p)s") % {"n": part.order, "p": shown},
            code="blueprint",
        )
    if not result.within_tolerance:
        raise ServiceError(
            _(
                "Các đề phần %(n)d chưa tương đương: chênh lệch điểm kỳ vọng %(s).3f vượt dung "
                "sai %(t).3f (%(f)s%% điểm tối đa). Hãy bổ sung câu hỏi hoặc sửa ma trận đề."
            )
            % {
                "n": part.order,
                "s": result.spread,
                "t": result.tolerance,
                "f": f"{tolerance_fraction * 100:g}",
            },
            code="not_parallel",
        )
    return result


def _seats(part: BlueprintPart) -> list[Seat]:
    return list(
        Seat.objects.filter(sitting__part=part).order_by("sitting_id", "room_id", "row", "col")
    )


def _core_seat(seat: Seat) -> CoreSeat:
    return CoreSeat((seat.sitting_id, seat.room_id), seat.row, seat.col)


def _check_neighbours(seats: list[Seat], key_of_candidate: dict[int, tuple[int, ...]]) -> None:
    """Refuse if two adjacent seats of a sitting hold the same test (same item set)."""
    places = [_core_seat(s) for s in seats]
    for i, j in adjacent_pairs(places):
        a = key_of_candidate.get(seats[i].candidate_id)
        if a is not None and a == key_of_candidate.get(seats[j].candidate_id):
            raise ServiceError(
                _("Hai chỗ ngồi cạnh nhau (%(a)s và %(b)s) có cùng một đề.")
                % {"a": seats[i], "b": seats[j]},
                code="neighbours_share",
            )


def _form_row(part: BlueprintPart, form: CoreForm, seed: int, **who: Any) -> Form:
    orders = [None if o is None else list(o) for o in form.option_orders]
    return Form(
        part=part,
        seed=seed,
        expected_score=form.expected,
        items=list(form.items),
        option_orders=orders,
        content_hash=content_hash(form.items, orders),
        **who,
    )


@transaction.atomic
def part_assemble(
    *,
    actor: Any,
    part: BlueprintPart,
    seed: int,
    n_variants: int | None = None,
    tolerance_fraction: float = 0.02,
) -> AssemblyResult:
    """Assemble and store the forms of a part, replacing its earlier unsealed forms.

    A computer part (MCQ, or a written part typed on computer) gets one form per included
    candidate; a paper MCQ part ``n_variants`` variants (default 4), handed out to the seats of
    its sittings so that neighbours differ. A written part's essays count ``ESSAY_FACILITY``
    of their points in expected scores and keep blueprint order. Refused when the bank is
    short, a form breaks the blueprint, or the spread of expected scores exceeds
    ``tolerance_fraction`` of the maximum score; refused for a written part sat on paper (its
    question paper is set and printed by Ban đề thi) and for oral parts. The used item
    versions are frozen.
    """
    plan = part.plan
    require_write(actor, plan)
    require_status(plan, OPEN, _("lập đề thi"))
    computer = per_candidate_forms(part)
    if part.kind not in MCQ_KINDS and not computer:
        if part.sitting_mode == SittingMode.PAPER:
            raise ServiceError(
                _(
                    "Phần %(n)d thi viết trên giấy: đề do Ban đề thi ra và in, không lập đề "
                    "tự động. Muốn người dự kiểm tra làm bài trên máy tính, hãy chọn cách thi "
                    "“Trên máy tính” cho phần này."
                )
                % {"n": part.order},
                code="written_on_paper",
            )
        raise ServiceError(
            _("Phần %(n)d không phải phần thi trắc nghiệm: không lập đề tự động.")
            % {"n": part.order},
            code="not_mcq",
        )
    sealed = Form.objects.filter(part=part, sealed_at__isnull=False).order_by("sealed_at").first()
    if sealed is not None and sealed.sealed_at is not None:
        raise ServiceError(
            _(
                "Đề thi phần %(n)d đã niêm phong lúc %(t)s: không thể lập lại, vì đề đã niêm "
                "phong là đề thí sinh sẽ làm trong ca thi."
            )
            % {"n": part.order, "t": _moment(sealed.sealed_at)},
            code="sealed",
        )
    candidates: list[Candidate] = []
    if computer:
        candidates = list(
            Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).order_by(
                "number", "pk"
            )
        )
        if not candidates:
            raise ServiceError(
                _("Kế hoạch “%(c)s” chưa có người dự kiểm tra.") % {"c": plan.code},
                code="no_candidates",
            )
        n_forms = len(candidates)
    else:
        n_forms = DEFAULT_VARIANTS if n_variants is None else n_variants
        if n_forms < 1:
            raise ServiceError(_("Số mã đề phải lớn hơn 0."), code="bad_variants")
    result = _assemble(part, n_forms, seed, tolerance_fraction)

    seats = _seats(part)
    seat_forms: dict[int, int] = {}  # seat id → index into result.forms
    if computer:
        rows = [
            _form_row(part, form, seed, candidate=candidate)
            for form, candidate in zip(result.forms, candidates, strict=True)
        ]
        # Neighbours need different objective forms (DESIGN §4); a marked part's forms may
        # all hold the same questions (see _assemble).
        if seats and part.kind in MCQ_KINDS:
            keys = {c.pk: f.key for f, c in zip(result.forms, candidates, strict=True)}
            _check_neighbours(seats, keys)
    else:
        rows = [_form_row(part, form, seed, variant=form.number + 1) for form in result.forms]
        if seats:
            try:
                chosen = assign_to_seats(result.forms, [_core_seat(s) for s in seats], seed=seed)
            except AssemblyError as exc:
                raise ServiceError(str(exc), code="seating") from exc
            seat_forms = {s.pk: chosen[_core_seat(s)] for s in seats}

    Form.objects.filter(part=part).delete()  # none is sealed (checked above)
    created = Form.objects.bulk_create(rows, batch_size=_BATCH)
    if seat_forms:
        SeatForm.objects.bulk_create(
            [SeatForm(seat_id=s, form=created[i]) for s, i in seat_forms.items()],
            batch_size=_BATCH,
        )
    used = sorted({v for form in result.forms for v in form.items})
    versions_freeze(
        actor=actor,
        versions=list(ItemVersion.objects.filter(pk__in=used).only("pk")),
        reason=_("Lập đề thi %(c)s, phần %(n)d") % {"c": plan.code, "n": part.order},
    )
    audit_record(
        actor=actor,
        action="plans.part_assemble",
        target=part,
        data={**result.summary(), "seed": seed, "kind": part.kind, "seats": len(seat_forms)},
        profile=plan.exam_profile,
    )
    return result


@transaction.atomic
def forms_seal(*, actor: Any, part: BlueprintPart) -> int:
    """Seal every form of ``part`` so that none can be replaced; return how many were sealed.

    Refused when the part has no forms, when its forms are already sealed, or when some
    candidate has none: on a computer part every included candidate needs a form of their
    own, on a paper part every seat of its sittings needs a variant (re-assemble after
    changing the list or the seats). The exam page reads only sealed forms.
    """
    plan = part.plan
    require_write(actor, plan)
    require_status(plan, OPEN, _("niêm phong đề thi"))
    forms = Form.objects.select_for_update().filter(part=part)
    total = forms.count()
    if total == 0:
        raise ServiceError(
            _("Phần %(n)d chưa có đề thi nào: hãy lập đề trước khi niêm phong.")
            % {"n": part.order},
            code="no_forms",
        )
    if forms.filter(sealed_at__isnull=False).exists():
        raise ServiceError(_("Đề thi phần %(n)d đã niêm phong.") % {"n": part.order}, code="sealed")
    if per_candidate_forms(part):
        count = (
            Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED)
            .exclude(forms__part=part)
            .count()
        )
        what = _("người dự kiểm tra")
    else:
        count = Seat.objects.filter(sitting__part=part, form_link__isnull=True).count()
        what = _("chỗ ngồi")
    if count:
        raise ServiceError(
            _("Còn %(c)d %(w)s chưa có đề thi phần %(n)d: hãy lập lại đề trước khi niêm phong.")
            % {"c": count, "w": what, "n": part.order},
            code="missing_forms",
        )
    now = timezone.now()
    forms.update(sealed_at=now)
    audit_record(
        actor=actor,
        action="plans.forms_seal",
        target=part,
        data={"forms": total, "sealed_at": now},
        profile=plan.exam_profile,
    )
    return total
