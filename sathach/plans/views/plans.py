"""Pages of the plans app: the list, creation from a template, the plan's working page and
its actions (candidates, blueprint, rooms, sittings, assembly and sealing)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sathach.bank.selectors import topic_list
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.org.selectors import unit_list

from ..constants import MCQ_KINDS, CandidateStatus, ExemptionGround
from ..forms import (
    AssembleForm,
    CellAddForm,
    ExemptForm,
    PlanFromTemplateForm,
    ReasonForm,
    RoomForm,
    SittingForm,
)
from ..forms_assembly import forms_seal, part_assemble, per_candidate_forms
from ..models import Plan
from ..permissions import can_create_plan, plan_permissions
from ..selectors import (
    candidate_list,
    membership_list,
    part_forms_state,
    part_get,
    part_list,
    plan_get_for_user,
    plan_list,
    seat_list,
    sitting_list,
    variant_list,
)
from ..services import (
    blueprint_cell_add,
    blueprint_validate,
    candidates_export_xlsx,
    candidates_generate,
    plan_candidate_exempt,
    plan_candidate_remove,
    plan_create_from_template,
    room_create,
    seats_allocate,
    sitting_create,
    sitting_proctor_shortages,
)
from .common import PlanActionView, valid

TEMPLATE_CODE = "NGHEAN-2019"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PlanListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "plans/plan_list.html",
            {
                "plans": plan_list(user=request.user),
                "can_create": can_create_plan(request.user),
                "template_code": TEMPLATE_CODE,
            },
        )


class PlanCreateView(LoginRequiredMixin, View):
    """Create a draft plan from the NGHEAN-2019 template."""

    def _form(self, request: HttpRequest, data: Any = None) -> PlanFromTemplateForm:
        if not can_create_plan(request.user):
            raise PermissionDenied
        return PlanFromTemplateForm(data, units=unit_list(user=request.user))

    def _render(self, request: HttpRequest, form: Form, status: int = 200) -> HttpResponse:
        context = {"form": form, "template_code": TEMPLATE_CODE}
        return render(request, "plans/plan_create.html", context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                result = plan_create_from_template(
                    actor=request.user,
                    template_code=TEMPLATE_CODE,
                    code=data["code"],
                    name=data["name"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    exam_profile=data["exam_profile"],
                    units=list(data["units"]),
                )
            except PermissionDeniedError as exc:
                raise PermissionDenied(exc.message) from exc
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Đã tạo kế hoạch “%(c)s”.") % {"c": result.plan.code})
                for warning in result.warnings:
                    messages.warning(request, warning)
                return HttpResponseRedirect(reverse("plans:plan-detail", args=[result.plan.code]))
        return self._render(request, form, status=400)


class PlanDetailView(LoginRequiredMixin, View):
    """The plan's working page: scope, candidates, blueprint, rooms, sittings and seats."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        user = request.user
        plan = plan_get_for_user(user=user, code=code)
        access = plan_permissions(user, plan)
        parts = list(part_list(user=user, plan=plan).order_by("order"))
        for part in parts:
            part.form_count, part.sealed_at = part_forms_state(part=part)
            part.variants = list(variant_list(user=user, part=part).only("pk", "variant"))
            # MCQ parts, and written parts typed on computer, have forms assembled and sealed.
            part.assemblable = part.kind in MCQ_KINDS or per_candidate_forms(part)
        issues = blueprint_validate(plan=plan)
        short_cells = {i.cell_id for i in issues if i.code == "shortage"}
        sittings = []
        for sitting in sitting_list(user=user, plan=plan):
            rooms: dict[Any, list[Any]] = {}
            for seat in seat_list(user=user, sitting=sitting):
                rooms.setdefault(seat.room, []).append(seat)
            shortages = sitting_proctor_shortages(sitting=sitting) if rooms else []
            sittings.append((sitting, rooms, shortages))
        can_see_candidates = access.candidate_paths != ()
        context = {
            "plan": plan,
            "can_write": access.write,
            "scopes": plan.scopes.select_related("unit").order_by("unit__path"),
            "can_see_candidates": can_see_candidates,
            "candidates": candidate_list(user=user, plan=plan) if can_see_candidates else [],
            "included": CandidateStatus.INCLUDED,
            "grounds": ExemptionGround.choices,
            "parts": parts,
            "mcq_kinds": MCQ_KINDS,
            "issues": issues,
            "short_cells": short_cells,
            "rooms": plan.rooms.order_by("name"),
            "sittings": sittings,
            "memberships": membership_list(user=user, plan=plan) if access.write else [],
        }
        if access.write:
            part_qs = part_list(user=user, plan=plan).order_by("order")
            context.update(
                cell_form=CellAddForm(parts=part_qs, topics=topic_list(user=user)),
                room_form=RoomForm(),
                sitting_form=SittingForm(parts=part_qs),
                assemble_form=AssembleForm(),
            )
        return render(request, "plans/plan_detail.html", context)


class CandidatesGenerateView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        report = candidates_generate(actor=request.user, plan=plan)
        return _(
            "Đã lập danh sách: %(i)d người dự kiểm tra, %(e)d người được miễn, %(r)d người "
            "đưa ra khỏi danh sách."
        ) % {"i": report.included, "e": report.exempt, "r": report.removed}


def _candidate(request: HttpRequest, plan: Plan, pk: int) -> Any:
    candidate = candidate_list(user=request.user, plan=plan).filter(pk=pk).first()
    if candidate is None:
        raise Http404
    return candidate


class CandidateExemptView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        candidate = _candidate(request, plan, kwargs["pk"])
        data = valid(ExemptForm(request.POST))
        plan_candidate_exempt(
            actor=request.user,
            plan=plan,
            person=candidate.person,
            ground=data["ground"],
            reason=data["reason"],
        )
        return _("Đã miễn kiểm tra cho %(p)s.") % {"p": candidate.person.full_name}


class CandidateRemoveView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        candidate = _candidate(request, plan, kwargs["pk"])
        data = valid(ReasonForm(request.POST))
        plan_candidate_remove(
            actor=request.user, plan=plan, person=candidate.person, reason=data["reason"]
        )
        return _("Đã đưa %(p)s ra khỏi danh sách.") % {"p": candidate.person.full_name}


class CandidatesExportView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        try:
            data = candidates_export_xlsx(actor=request.user, plan=plan)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        response = HttpResponse(data, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="danh-sach-{plan.code}.xlsx"'
        return response


class CellAddView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        form = CellAddForm(
            request.POST,
            parts=part_list(user=request.user, plan=plan),
            topics=topic_list(user=request.user),
        )
        data = valid(form)
        blueprint_cell_add(
            actor=request.user,
            part=data["part"],
            topic=data["topic"],
            count=data["count"],
            points=data["points"],
            difficulty=data["difficulty"],
            item_kind=data["item_kind"],
        )
        return _("Đã thêm ô ma trận đề.")


class RoomCreateView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        data = valid(RoomForm(request.POST))
        room = room_create(
            actor=request.user,
            plan=plan,
            name=data["name"],
            capacity=data["capacity"],
            computers=data["computers"] or 0,
            columns=data["columns"] or 5,
        )
        return _("Đã thêm phòng %(r)s.") % {"r": room.name}


class SittingCreateView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        data = valid(SittingForm(request.POST, parts=part_list(user=request.user, plan=plan)))
        sitting_create(
            actor=request.user,
            plan=plan,
            part=data["part"],
            date=data["date"],
            start_time=data["start_time"],
        )
        return _("Đã thêm ca thi.")


class SeatsAllocateView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        sitting = sitting_list(user=request.user, plan=plan).filter(pk=kwargs["pk"]).first()
        if sitting is None:
            raise Http404
        report = seats_allocate(
            actor=request.user, sitting=sitting, rooms=list(plan.rooms.order_by("name"))
        )
        for pair in report.adjacent_colleagues:
            messages.warning(
                request,
                _("Phòng %(r)s: %(a)s và %(b)s cùng cơ quan mà vẫn ngồi cạnh nhau.")
                % {"r": pair.room, "a": pair.first, "b": pair.second},
            )
        for shortage in report.proctor_shortages:
            messages.warning(request, shortage.message)
        return _("Đã xếp chỗ cho %(n)d người vào %(r)d phòng.") % {
            "n": report.seated,
            "r": len(report.rooms),
        }


class PartAssembleView(PlanActionView):
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        part = part_list(user=request.user, plan=plan).filter(pk=kwargs["pk"]).first()
        if part is None:
            raise Http404
        data = valid(AssembleForm(request.POST))
        result = part_assemble(actor=request.user, part=part, seed=data["seed"])
        return _(
            "Đã lập %(n)d đề cho phần %(p)d. Độ chênh điểm kỳ vọng giữa các đề: %(s).2f "
            "(rút ngẫu nhiên: %(naive).2f; cho phép: %(t).2f)."
        ) % {
            "n": len(result.forms),
            "p": part.order,
            "s": result.spread,
            "naive": result.naive_spread,
            "t": result.tolerance,
        }


class PartSealView(LoginRequiredMixin, View):
    """Seal a part's forms, after a confirmation page: sealed forms can never be replaced."""

    def _part(self, request: HttpRequest, code: str, pk: int) -> Any:
        plan = plan_get_for_user(user=request.user, code=code)
        if not plan_permissions(request.user, plan).write:
            raise PermissionDenied
        return part_get(user=request.user, plan=plan, pk=pk)

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        part = self._part(request, code, pk)
        forms, sealed_at = part_forms_state(part=part)
        context = {"plan": part.plan, "part": part, "forms": forms, "sealed_at": sealed_at}
        return render(request, "plans/part_seal.html", context)

    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        part = self._part(request, code, pk)
        try:
            sealed = forms_seal(actor=request.user, part=part)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Đã niêm phong %(n)d đề thi của phần %(p)d.") % {"n": sealed, "p": part.order},
            )
        return HttpResponseRedirect(reverse("plans:plan-detail", args=[part.plan.code]))
