"""Open a computer sitting for delivery: one room session per room, one attempt per seat.

A computer sitting is one of an MCQ part on computer or of a written part typed on computer
(``plans.forms_assembly.per_candidate_forms``): both have one sealed form per candidate, and
the exam page shows essays as a text box whose text grading collects as the script.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.bank.models import ItemVersion
from sathach.core.errors import ServiceError
from sathach.plans.constants import SittingStatus
from sathach.plans.forms_assembly import per_candidate_forms
from sathach.plans.models import Form, Seat, Sitting
from sathach.plans.services.common import require_write

from ..models import Attempt, RoomSession
from .common import new_code, plan_profile

_BATCH = 1000


def _layout(form: Form, versions: dict[int, ItemVersion]) -> dict[str, list[Any]]:
    """Return what saving an answer needs to know of a form, in form order."""
    kinds, options = [], []
    for vid in form.items:
        version = versions[vid]
        kinds.append(version.kind)
        options.append(
            2 if version.kind == "true_false" else len(version.content.get("options", []))
        )
    return {"items": list(form.items), "kinds": kinds, "options": options}


@transaction.atomic
def sitting_open(*, actor: Any, sitting: Sitting) -> int:
    """Create the room sessions and attempts of a finalised computer sitting; return how many.

    Every seated candidate must have a sealed form (issue 4: starting a test is a read of the
    form made before the sitting). Each attempt gets a one-time check-in code printed on the
    room's code list.
    """
    plan = sitting.plan
    require_write(actor, plan)
    if not per_candidate_forms(sitting.part):
        raise ServiceError(
            _("Chỉ mở ca thi trên máy tính; phần “%(p)s” thi trên giấy hoặc vấn đáp.")
            % {"p": sitting.part.name},
            code="not_computer",
        )
    if sitting.status != SittingStatus.FINAL:
        raise ServiceError(
            _("Ca thi chưa chốt danh sách, chỗ ngồi và giám thị: chưa mở được."),
            code="sitting_not_final",
        )
    if RoomSession.objects.filter(sitting=sitting).exists():
        raise ServiceError(_("Ca thi đã được mở."), code="already_open")
    seats = list(Seat.objects.filter(sitting=sitting).select_related("room", "candidate"))
    if not seats:
        raise ServiceError(_("Ca thi chưa có ai được xếp chỗ."), code="no_seats")
    forms = {
        f.candidate_id: f
        for f in Form.objects.filter(
            part=sitting.part, candidate_id__in=[s.candidate_id for s in seats]
        )
    }
    missing = [
        s.candidate.number or str(s.candidate_id) for s in seats if s.candidate_id not in forms
    ]
    unsealed = [f for f in forms.values() if f.sealed_at is None]
    if missing or unsealed:
        raise ServiceError(
            _(
                "Chưa có đề đã niêm phong cho %(n)d người dự kiểm tra (số báo danh: %(list)s). "
                "Hãy lập đề và niêm phong đề trước khi mở ca thi."
            )
            % {
                "n": len(missing) + len(unsealed),
                "list": ", ".join((missing + [str(f.candidate_id) for f in unsealed])[:10]),
            },
            code="forms_not_sealed",
        )
    version_ids = {vid for f in forms.values() for vid in f.items}
    versions = ItemVersion.objects.only("id", "kind", "content").in_bulk(version_ids)
    sessions = {
        room.pk: RoomSession.objects.create(sitting=sitting, room=room)
        for room in {s.room for s in seats}
    }
    attempts = [
        Attempt(
            sitting=sitting,
            session=sessions[seat.room_id],
            candidate=seat.candidate,
            form=forms[seat.candidate_id],
            checkin_code=new_code(),
            layout=_layout(forms[seat.candidate_id], versions),
        )
        for seat in seats
    ]
    try:
        with transaction.atomic():
            Attempt.objects.bulk_create(attempts, batch_size=_BATCH)
    except IntegrityError:
        # A code drawn twice (31^8 codes: rare): draw again for the whole sitting.
        for attempt in attempts:
            attempt.checkin_code = new_code()
        Attempt.objects.bulk_create(attempts, batch_size=_BATCH)
    audit_record(
        actor=actor,
        action="delivery.sitting_open",
        target=sitting,
        data={"rooms": len(sessions), "attempts": len(attempts)},
        profile=plan_profile(plan).ref,
    )
    return len(attempts)
