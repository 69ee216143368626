"""Printable records of a computer sitting as PDF: the violation or incident record (biên bản)
and the room's check-in code slips.

Laid out like the plans' records (``sathach.plans.pdf``): a Django template under
``delivery/pdf/`` extending ``plans/pdf/base.html`` (A4, administrative margins, DejaVu fonts,
which cover Vietnamese), rendered by WeasyPrint. Records are official papers and read only
the models; they never write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from sathach.plans.constants import ProctorRole
from sathach.plans.models import ProctorAssignment, Room, Sitting

# The plans' header (issuer, plan code) and sitting lines, so both apps' records match.
from sathach.plans.pdf import LOCAL_TZ, _date, _header, _sitting_info

from .constants import Sanction
from .forms import sanction_effect_text
from .models import Attempt, Incident, RoomSession

SLIPS_PER_ROW = 2


def _pdf(template: str, context: Mapping[str, Any]) -> bytes:
    html = render_to_string(f"delivery/pdf/{template}", dict(context))
    return HTML(string=html, base_url=None).render().write_pdf()


def _proctor_names(sitting: Sitting, room: Room) -> dict[int, str]:
    """Return the names of the room's proctors by role (1: in charge, 2: second)."""
    names = {}
    for duty in ProctorAssignment.objects.filter(sitting=sitting, room=room).select_related(
        "membership__person", "membership__user"
    ):
        membership = duty.membership
        names[duty.role] = (
            membership.person.full_name if membership.person else str(membership.user)
        )
    return names


def _moment(value: dt.datetime) -> str:
    local = value.astimezone(LOCAL_TZ)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def _minutes(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"


@translation.override("vi")
def _incident_context(incident: Incident) -> dict[str, Any]:
    """Return what the biên bản shows; labels in Vietnamese whatever the reader's language
    (an official record)."""
    incident = Incident.objects.select_related(
        "attempt__candidate__person__unit",
        "attempt__session__room",
        "attempt__sitting__part",
        "attempt__sitting__plan",
        "recorded_by",
    ).get(pk=incident.pk)
    attempt: Attempt = incident.attempt
    sitting, room = attempt.sitting, attempt.session.room
    person = attempt.candidate.person
    proctors = _proctor_names(sitting, room)
    sanctioned = incident.sanction != Sanction.NONE
    return {
        **_header(sitting.plan),
        **_sitting_info(sitting),
        "title": "BIÊN BẢN VI PHẠM QUY CHẾ" if sanctioned else "BIÊN BẢN XỬ LÝ SỰ CỐ",
        "sanctioned": sanctioned,
        "number": incident.pk,
        "moment": _moment(incident.created_at),
        "room": room,
        "candidate": {
            "number": attempt.candidate.number,
            "name": person.full_name,
            "birth_date": _date(person.birth_date),
            "unit": person.unit.name if person.unit_id else "",
        },
        "description": incident.description,
        "sanction": incident.get_sanction_display(),
        "basis": incident.basis if sanctioned else "",
        "effect": sanction_effect_text(incident.sanction, incident.deduction_percent),
        "notify_employer": incident.sanction in (Sanction.EXPULSION, Sanction.CANCELLED),
        "profile": incident.profile,
        "credit": _minutes(incident.credit_seconds) if incident.credit_seconds else "",
        "recorded_by": str(incident.recorded_by) if incident.recorded_by else "",
        "proctor1": proctors.get(ProctorRole.FIRST, ""),
        "proctor2": proctors.get(ProctorRole.SECOND, ""),
    }


def incident_pdf(incident: Incident) -> bytes:
    """Return the record of ``incident``: BIÊN BẢN VI PHẠM QUY CHẾ for a sanction, BIÊN BẢN XỬ
    LÝ SỰ CỐ for an incident without one, with the sanction's basis and effect on the score,
    the time credited, and signature blocks for both proctors and the candidate."""
    return _pdf("incident.html", _incident_context(incident))


def checkin_codes_pdf(session: RoomSession) -> bytes:
    """Return the room's check-in code slips, one per candidate in number order, to be cut
    and handed out at the door (the code opens the candidate's test once)."""
    sitting, room = session.sitting, session.room
    attempts = (
        Attempt.objects.filter(session=session)
        .select_related("candidate__person")
        .order_by("candidate__number")
    )
    slips = [
        {
            "stt": i,
            "number": attempt.candidate.number,
            "name": attempt.candidate.person.full_name,
            "code": attempt.checkin_code,
        }
        for i, attempt in enumerate(attempts, start=1)
    ]
    rows = [slips[i : i + SLIPS_PER_ROW] for i in range(0, len(slips), SLIPS_PER_ROW)]
    context = {
        **_header(sitting.plan),
        **_sitting_info(sitting),
        "room": room,
        "rows": rows,
        "count": len(slips),
    }
    return _pdf("checkin_codes.html", context)
