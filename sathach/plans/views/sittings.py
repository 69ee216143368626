"""A sitting's page: its rooms and seats, moving a candidate with a reason, and the proctors
of each room (Ban coi thi members as proctor 1 and 2, TT 06/2020/TT-BNV, Điều 27)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ..constants import Board
from ..forms import ProctorAssignForm, SeatMoveForm
from ..models import Plan, ProctorAssignment
from ..permissions import plan_permissions
from ..selectors import (
    membership_list,
    plan_get_for_user,
    proctor_duty_list,
    room_get,
    room_list,
    seat_list,
    sitting_get,
)
from ..services import proctor_assign, seat_move, sitting_proctor_shortages
from .common import PlanActionView, valid


def _proctors(plan: Plan, user: Any) -> Any:
    return membership_list(user=user, plan=plan).filter(board=Board.PROCTORING)


class SittingDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        user = request.user
        plan = plan_get_for_user(user=user, code=code)
        sitting = sitting_get(user=user, plan=plan, pk=pk)
        can_write = plan_permissions(user, plan).write
        seats = list(seat_list(user=user, sitting=sitting))
        duties: dict[int, list[ProctorAssignment]] = {}
        for duty in proctor_duty_list(user=user, sitting=sitting):
            duties.setdefault(duty.room_id, []).append(duty)
        rooms: dict[Any, list[Any]] = {}
        for seat in seats:
            rooms.setdefault(seat.room, []).append(seat)
        members = _proctors(plan, user)
        context: dict[str, Any] = {
            "plan": plan,
            "sitting": sitting,
            "can_write": can_write,
            "rooms": [
                {
                    "room": room,
                    "seats": room_seats,
                    "duties": duties.get(room.pk, []),
                    "form": ProctorAssignForm(members=members, room_pk=room.pk)
                    if can_write
                    else None,
                }
                for room, room_seats in rooms.items()
            ],
            "shortages": sitting_proctor_shortages(sitting=sitting),
            "has_proctors": members.exists(),
        }
        if can_write and seats:
            context["move_form"] = SeatMoveForm(
                seats=seat_list(user=user, sitting=sitting), rooms=room_list(user=user, plan=plan)
            )
        return render(request, "plans/sitting_detail.html", context)


class SittingActionView(PlanActionView):
    """An action on a sitting that returns to the sitting's page."""

    def next_url(self, plan: Plan, **kwargs: Any) -> str:
        return reverse("plans:sitting-detail", args=[plan.code, kwargs["pk"]])


class SeatMoveView(SittingActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        sitting = sitting_get(user=request.user, plan=plan, pk=kwargs["pk"])
        form = SeatMoveForm(
            request.POST,
            seats=seat_list(user=request.user, sitting=sitting),
            rooms=room_list(user=request.user, plan=plan),
        )
        data = valid(form)
        result = seat_move(
            actor=request.user,
            seat=data["seat"],
            room=data["room"],
            row=data["row"],
            col=data["col"],
            reason=data["reason"],
        )
        for warning in result.warnings:
            messages.warning(request, warning)
        seat = result.seat
        return _(
            "Đã chuyển %(p)s (số báo danh %(n)s) sang phòng %(r)s, hàng %(row)d, cột %(col)d."
        ) % {
            "p": seat.candidate.person.full_name,
            "n": seat.candidate.number,
            "r": seat.room.name,
            "row": seat.row,
            "col": seat.col,
        }


class ProctorAssignView(SittingActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        sitting = sitting_get(user=request.user, plan=plan, pk=kwargs["pk"])
        room = room_get(user=request.user, plan=plan, pk=kwargs["room_pk"])
        form = ProctorAssignForm(
            request.POST, members=_proctors(plan, request.user), room_pk=room.pk
        )
        data = valid(form)
        duty = proctor_assign(
            actor=request.user,
            sitting=sitting,
            room=room,
            membership=data["membership"],
            role=data["role"],
        )
        member = duty.membership
        return _("Đã phân công %(who)s làm %(role)s phòng %(r)s.") % {
            "who": member.person.full_name if member.person else str(member.user),
            "role": duty.get_role_display(),
            "r": room.name,
        }
