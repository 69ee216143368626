"""The proctor console under /coi-thi/: the rooms a user may watch, the live room view, one
candidate's clock and incidents, and the printable records (biên bản, check-in codes).

The room's proctors and those who administer the plan act; members of Ban giám sát see the
same pages read-only (their POSTs get 403); anyone else gets 404. Every action is one service
call; a refusal is shown on the page as the service worded it, with its basis.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sathach.core.errors import PermissionDeniedError, ServiceError

from .constants import FINISHED, AttemptState, RoomState
from .forms import (
    ConfirmForm,
    ExtendForm,
    IncidentForm,
    OptionalReasonForm,
    ReasonForm,
    VoidForm,
    sanction_effect_text,
)
from .models import Attempt, Incident, RoomSession
from .pdf import checkin_codes_pdf, incident_pdf
from .selectors import (
    ConsoleRow,
    attempt_get_for_user,
    console_rows,
    remaining_seconds,
    session_get_for_user,
    session_list_for_user,
)
from .services import (
    attempt_admit_late,
    attempt_allow_device_change,
    attempt_extend,
    attempt_pause,
    attempt_resume,
    attempt_void,
    attempts_expire,
    incident_record,
    ledger_lines,
    room_close,
    room_extend,
    room_pause,
    room_resume,
    room_start,
    sanction_effect,
)
from .services.common import can_proctor, late_limit_minutes, plan_profile

# --- Shared -----------------------------------------------------------------------------------


def clock_text(seconds: int | None) -> str:
    """Return a time left as the console shows it: "07:05", or "1:02:03" past an hour."""
    if seconds is None:
        return ""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def refusal_text(exc: ServiceError) -> str:
    """Return a service's refusal as the page shows it, with the rule's basis when it has one."""
    if exc.basis:
        return _("%(message)s (căn cứ: %(basis)s)") % {"message": exc.message, "basis": exc.basis}
    return exc.message


def _valid(form: forms.Form) -> dict[str, Any]:
    """Return the cleaned data, or refuse with the form's errors as one message."""
    if not form.is_valid():
        raise ServiceError(
            " ".join(str(error) for errors in form.errors.values() for error in errors),
            code="invalid_form",
        )
    return form.cleaned_data


def _require_proctor(user: Any, session: RoomSession) -> None:
    """Refuse (403) a user who may watch the room but not run it (Ban giám sát)."""
    if not can_proctor(user, session):
        raise PermissionDenied(_("Bạn chỉ được xem phòng thi này, không được thao tác."))


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class _ActionView(LoginRequiredMixin, View, ABC):
    """A POST that runs one proctor service, then returns to the console with the outcome.

    Subclasses set ``form_class`` (None: no fields), implement ``target`` (look the object up
    for the user: 404 outside their scope, 403 for a watcher) and ``act`` (call the service,
    return the success message).
    """

    form_class: type[forms.Form] | None = None

    @abstractmethod
    def target(self, request: HttpRequest, pk: int) -> Any:
        """Return the room session or attempt acted on, or raise 404 / 403."""

    @abstractmethod
    def act(self, request: HttpRequest, obj: Any, data: dict[str, Any]) -> str:
        """Call the one service of this action; return the message shown on success."""

    @abstractmethod
    def done_url(self, obj: Any) -> str:
        """Where to go after the action."""

    def refused_url(self, obj: Any) -> str:
        return self.done_url(obj)

    def form(self, request: HttpRequest, obj: Any) -> forms.Form | None:
        return self.form_class(request.POST) if self.form_class else None

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.target(request, pk)
        try:
            form = self.form(request, obj)
            data = _valid(form) if form is not None else {}
            message = self.act(request, obj, data)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            return HttpResponseRedirect(self.refused_url(obj))
        messages.success(request, message)
        return HttpResponseRedirect(self.done_url(obj))


# --- Rooms ------------------------------------------------------------------------------------


class SessionListView(LoginRequiredMixin, View):
    """The rooms the user may watch, grouped by sitting, newest sitting first."""

    def get(self, request: HttpRequest) -> HttpResponse:
        sessions = session_list_for_user(user=request.user).annotate(
            seat_count=Count("attempts"),
            present_count=Count("attempts", filter=Q(attempts__checked_in_at__isnull=False)),
        )
        return render(request, "delivery/proctor_session_list.html", {"sessions": sessions})


@dataclass(frozen=True)
class ConsoleSeat:
    """One row of the live room view."""

    row: ConsoleRow
    present: bool  # checked in, or anything after
    absent: bool  # not checked in yet
    time_left: str


def _seats(session: RoomSession) -> list[ConsoleSeat]:
    seats = []
    for row in console_rows(session):
        attempt = row.attempt
        seats.append(
            ConsoleSeat(
                row=row,
                present=attempt.checked_in_at is not None,
                absent=attempt.state == AttemptState.SCHEDULED,
                time_left=clock_text(row.remaining),
            )
        )
    return seats


def _console(request: HttpRequest, session: RoomSession) -> dict[str, Any]:
    """Return what the live room view shows; overdue attempts are closed first."""
    attempts_expire(session=session)
    seats = _seats(session)
    return {
        "session": session,
        "seats": seats,
        "present": sum(seat.present for seat in seats),
        "absent": sum(seat.absent for seat in seats),
        "can_act": can_proctor(request.user, session),
        "polling": session.state != RoomState.CLOSED,
    }


class SessionDetailView(LoginRequiredMixin, View):
    """The live room view, its actions (for the room's proctors) and the check-in codes."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = session_get_for_user(user=request.user, pk=pk)
        context = _console(request, session)
        minutes, basis = late_limit_minutes(
            plan_profile(session.sitting.plan), session.sitting.duration_minutes
        )
        context.update(late_minutes=minutes, late_basis=basis)
        if context["can_act"]:
            context.update(
                pause_form=ReasonForm(auto_id="room-pause-%s"),
                resume_form=OptionalReasonForm(auto_id="room-resume-%s"),
                extend_form=ExtendForm(auto_id="room-extend-%s"),
            )
        return render(request, "delivery/proctor_session_detail.html", context)


class SessionRowsView(LoginRequiredMixin, View):
    """The seat table alone, polled by the console every five seconds."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = session_get_for_user(user=request.user, pk=pk)
        return render(request, "delivery/proctor_session_rows.html", _console(request, session))


class _SessionActionView(_ActionView):
    def target(self, request: HttpRequest, pk: int) -> RoomSession:
        session = session_get_for_user(user=request.user, pk=pk)
        _require_proctor(request.user, session)
        return session

    def done_url(self, obj: RoomSession) -> str:
        return reverse("delivery:session-detail", args=[obj.pk])


class SessionStartView(_SessionActionView):
    def act(self, request: HttpRequest, obj: RoomSession, data: dict[str, Any]) -> str:
        room_start(actor=request.user, session=obj)
        return _("Đã cho phòng thi bắt đầu làm bài.")


class SessionPauseView(_SessionActionView):
    form_class = ReasonForm

    def act(self, request: HttpRequest, obj: RoomSession, data: dict[str, Any]) -> str:
        room_pause(actor=request.user, session=obj, reason=data["reason"])
        return _("Đã tạm dừng cả phòng thi.")


class SessionResumeView(_SessionActionView):
    form_class = OptionalReasonForm

    def act(self, request: HttpRequest, obj: RoomSession, data: dict[str, Any]) -> str:
        room_resume(actor=request.user, session=obj, reason=data["reason"])
        return _("Phòng thi làm bài tiếp; thời gian tạm dừng được bù cho từng người.")


class SessionExtendView(_SessionActionView):
    form_class = ExtendForm

    def act(self, request: HttpRequest, obj: RoomSession, data: dict[str, Any]) -> str:
        minutes = data["minutes"]
        room_extend(actor=request.user, session=obj, seconds=minutes * 60, reason=data["reason"])
        return _("Đã cộng thêm %(m)d phút cho cả phòng thi.") % {"m": minutes}


class SessionCloseView(_SessionActionView):
    """End the room's sitting: a confirmation page first (it cannot be undone)."""

    form_class = ConfirmForm

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = self.target(request, pk)
        seats = _seats(session)
        running = [
            s
            for s in seats
            if s.row.attempt.state in (AttemptState.IN_PROGRESS, AttemptState.PAUSED)
        ]
        context = {
            "session": session,
            "form": ConfirmForm(),
            "running": running,
            "absent": sum(seat.absent for seat in seats),
            "finished": sum(seat.row.attempt.state in FINISHED for seat in seats),
        }
        return render(request, "delivery/proctor_session_close.html", context)

    def act(self, request: HttpRequest, obj: RoomSession, data: dict[str, Any]) -> str:
        room_close(actor=request.user, session=obj)
        return _("Đã kết thúc ca thi của phòng thi.")

    def refused_url(self, obj: RoomSession) -> str:
        return reverse("delivery:session-close", args=[obj.pk])


class SessionCodesPdfView(LoginRequiredMixin, View):
    """The room's check-in codes, one slip per candidate: for the room's proctors only."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = session_get_for_user(user=request.user, pk=pk)
        _require_proctor(request.user, session)
        return _pdf_response(checkin_codes_pdf(session), f"ma-vao-phong-{session.pk}.pdf")


# --- One candidate ----------------------------------------------------------------------------


class AttemptDetailView(LoginRequiredMixin, View):
    """One candidate: state, time left, the time ledger, incidents and the actions open now."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attempt = attempt_get_for_user(user=request.user, pk=pk)
        incidents = [
            {"incident": i, "effect": sanction_effect_text(i.sanction, i.deduction_percent)}
            for i in attempt.incidents.select_related("recorded_by").order_by("created_at")
        ]
        effect = sanction_effect(attempt)
        state = attempt.state
        context: dict[str, Any] = {
            "attempt": attempt,
            "session": attempt.session,
            "ledger": ledger_lines(attempt),
            "incidents": incidents,
            "effect": effect,
            "effect_text": sanction_effect_text(effect.sanction, effect.deduction_percent),
            "time_left": clock_text(remaining_seconds(attempt)),
            "can_act": can_proctor(request.user, attempt.session),
        }
        if context["can_act"]:
            running = state in (AttemptState.IN_PROGRESS, AttemptState.PAUSED)
            context.update(
                pause_form=ReasonForm(auto_id="pause-%s")
                if state == AttemptState.IN_PROGRESS
                else None,
                resume_form=OptionalReasonForm(auto_id="resume-%s")
                if state == AttemptState.PAUSED
                else None,
                extend_form=ExtendForm(auto_id="extend-%s") if state not in FINISHED else None,
                device_form=ReasonForm(auto_id="device-%s")
                if running or state == AttemptState.CHECKED_IN
                else None,
                late_form=ReasonForm(auto_id="late-%s")
                if state == AttemptState.SCHEDULED
                else None,
                incident_form=IncidentForm(plan=attempt.session.sitting.plan, auto_id="incident-%s")
                if state != AttemptState.SCHEDULED
                else None,
                can_void=state != AttemptState.VOIDED,
            )
        return render(request, "delivery/proctor_attempt_detail.html", context)


class _AttemptActionView(_ActionView):
    def target(self, request: HttpRequest, pk: int) -> Attempt:
        attempt = attempt_get_for_user(user=request.user, pk=pk)
        _require_proctor(request.user, attempt.session)
        return attempt

    def done_url(self, obj: Attempt) -> str:
        return reverse("delivery:attempt-detail", args=[obj.pk])


def _name(attempt: Attempt) -> str:
    return attempt.candidate.person.full_name


class AttemptPauseView(_AttemptActionView):
    form_class = ReasonForm

    def act(self, request: HttpRequest, obj: Attempt, data: dict[str, Any]) -> str:
        attempt_pause(actor=request.user, attempt=obj, reason=data["reason"])
        return _("Đã tạm dừng bài làm của %(name)s.") % {"name": _name(obj)}


class AttemptResumeView(_AttemptActionView):
    form_class = OptionalReasonForm

    def act(self, request: HttpRequest, obj: Attempt, data: dict[str, Any]) -> str:
        attempt_resume(actor=request.user, attempt=obj, reason=data["reason"])
        return _("%(name)s làm bài tiếp; thời gian tạm dừng đã được bù.") % {"name": _name(obj)}


class AttemptExtendView(_AttemptActionView):
    form_class = ExtendForm

    def act(self, request: HttpRequest, obj: Attempt, data: dict[str, Any]) -> str:
        minutes = data["minutes"]
        attempt_extend(actor=request.user, attempt=obj, seconds=minutes * 60, reason=data["reason"])
        return _("Đã cộng thêm %(m)d phút cho %(name)s.") % {"m": minutes, "name": _name(obj)}


class AttemptDeviceChangeView(_AttemptActionView):
    form_class = ReasonForm

    def act(self, request: HttpRequest, obj: Attempt, data: dict[str, Any]) -> str:
        attempt_allow_device_change(actor=request.user, attempt=obj, reason=data["reason"])
        return _(
            "Đã cho phép %(name)s làm tiếp trên máy khác: nhập lại mã vào phòng thi trên máy mới."
        ) % {"name": _name(obj)}


class AttemptAdmitLateView(_AttemptActionView):
    form_class = ReasonForm

    def act(self, request: HttpRequest, obj: Attempt, data: dict[str, Any]) -> str:
        attempt_admit_late(actor=request.user, attempt=obj, reason=data["reason"])
        return _("Đã cho phép %(name)s vào phòng thi muộn.") % {"name": _name(obj)}


class AttemptVoidView(_AttemptActionView):
    """Void an attempt: a confirmation page with the reason first (it cannot be undone)."""

    form_class = VoidForm

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attempt = self.target(request, pk)
        context = {"attempt": attempt, "session": attempt.session, "form": VoidForm()}
        return render(request, "delivery/proctor_attempt_void.html", context)

    def act(self, request: HttpRequest, obj: Attempt, data: dict[str, Any]) -> str:
        attempt_void(actor=request.user, attempt=obj, reason=data["reason"])
        return _("Đã hủy bài làm của %(name)s.") % {"name": _name(obj)}

    def refused_url(self, obj: Attempt) -> str:
        return reverse("delivery:attempt-void", args=[obj.pk])


class IncidentCreateView(_AttemptActionView):
    """Record a violation or an incident (biên bản) with its sanction and time credit."""

    def form(self, request: HttpRequest, obj: Attempt) -> forms.Form:
        return IncidentForm(request.POST, plan=obj.session.sitting.plan)

    def act(self, request: HttpRequest, obj: Attempt, data: dict[str, Any]) -> str:
        incident = incident_record(
            actor=request.user,
            attempt=obj,
            sanction=data["sanction"],
            description=data["description"],
            credit_minutes=data["credit_minutes"] or 0,
        )
        return _("Đã lập biên bản số %(n)d (%(s)s) với %(name)s.") % {
            "n": incident.pk,
            "s": incident.get_sanction_display(),
            "name": _name(obj),
        }


class IncidentPdfView(LoginRequiredMixin, View):
    """The biên bản of one incident, for whoever may watch the room."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        incident = get_object_or_404(Incident, pk=pk)
        attempt_get_for_user(user=request.user, pk=incident.attempt_id)  # 404 outside the scope
        return _pdf_response(incident_pdf(incident), f"bien-ban-{pk}.pdf")
