"""Marking pages: the guide, the marker's list and marking page, the head of marking's table,
assignment and decisions, and the score sheet and reconciliation record.

A marker's pages name scripts by code only; what they show comes from ``Script`` and
``Mark`` rows, which carry no candidate. The other marker's mark appears only once both are
in and they must discuss (independence).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.plans.constants import Board
from sathach.plans.models import BlueprintPart

from ..constants import IN_MARKING, ScriptState
from ..forms import AgreeForm, AssignForm, DecideForm, GuideForm, MarkForm, guide_initial
from ..models import Mark, Script
from ..pdf import reconciliation_pdf, score_sheet_pdf
from ..permissions import can_edit_guide, can_follow_marking, is_marking_head
from ..selectors import (
    decisions_waiting,
    grading_parts,
    guide_for,
    mark_get_for_user,
    mark_list_for_user,
    marking_of,
    other_mark,
    part_get_for_user,
    progress_rows,
    round_marks,
    script_for_decision,
    scripts_waiting,
    state_counts,
)
from ..services import (
    access_record,
    eligible_markers,
    guide_set,
    mark_agree,
    mark_submit,
    markers_assign,
    marking_rules,
    script_decide,
)
from .common import ActionView, form_errors, pdf_response, refusal_text, script_content, valid


class HomeView(LoginRequiredMixin, View):
    """The written parts where the user has a grading role, and where to go for each."""

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {"parts": grading_parts(user=request.user)}
        return render(request, "grading/home.html", context)


class GuideEditView(LoginRequiredMixin, View):
    """Enter the marking guide (Ban đề thi, organiser) before marking starts."""

    def _part(self, request: HttpRequest, pk: int) -> BlueprintPart:
        return part_get_for_user(user=request.user, pk=pk, allowed=can_edit_guide)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = self._part(request, pk)
        guide = guide_for(part)
        form = GuideForm(initial=guide_initial(guide))
        return render(request, "grading/guide_edit.html", {"part": part, "form": form})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = self._part(request, pk)
        form = GuideForm(request.POST)
        try:
            data = valid(form)
            guide_set(actor=request.user, part=part, text=data["text"], questions=data["questions"])
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            return render(request, "grading/guide_edit.html", {"part": part, "form": form})
        messages.success(request, _("Đã lưu đáp án, thang điểm."))
        return HttpResponseRedirect(reverse("grading:guide-edit", args=[part.pk]))


class PartProgressView(LoginRequiredMixin, View):
    """The head of marking's table: every script by code, both marks, difference, state."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = part_get_for_user(user=request.user, pk=pk, allowed=can_follow_marking)
        rows = progress_rows(user=request.user, part=part)
        access_record(actor=request.user, action="grading.progress_view", target=part)
        rules = marking_rules(part)
        context = {
            "part": part,
            "rows": rows,
            "counts": state_counts(part),
            "tolerance": rules.tolerance.normalize(),
            "tolerance_percent": rules.tolerance_percent,
            "is_head": is_marking_head(request.user, part.plan),
            "has_guide": guide_for(part) is not None,
            "decisions": decisions_waiting(part),
            "marking": marking_of(part),
        }
        return render(request, "grading/part_progress.html", context)


class MarkersAssignView(ActionView):
    """Assign two markers to every coded script: a confirmation page first."""

    form_class = AssignForm

    def target(self, request: HttpRequest, pk: int) -> BlueprintPart:
        return part_get_for_user(user=request.user, pk=pk, allowed=can_follow_marking)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = self.target(request, pk)
        context = {
            "part": part,
            "form": AssignForm(),
            "waiting": scripts_waiting(part).get(ScriptState.CODED, 0),
            "uncoded": scripts_waiting(part).get(ScriptState.COLLECTED, 0),
            "markers": len(eligible_markers(part.plan, Board.MARKING)),
        }
        return render(request, "grading/markers_assign.html", context)

    def act(self, request: HttpRequest, obj: BlueprintPart, data: dict[str, Any]) -> str:
        seed = data.get("seed")
        if seed is None:
            seed = secrets.randbits(62)
        n = markers_assign(actor=request.user, part=obj, seed=seed)
        return _("Đã phân công chấm %(n)d bài (số ngẫu nhiên %(s)d).") % {"n": n, "s": seed}

    def done_url(self, obj: BlueprintPart) -> str:
        return reverse("grading:part-progress", args=[obj.pk])

    def refused_url(self, obj: BlueprintPart) -> str:
        return reverse("grading:markers-assign", args=[obj.pk])


class ReconciliationPdfView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = part_get_for_user(user=request.user, pk=pk, allowed=can_follow_marking)
        access_record(actor=request.user, action="grading.reconciliation_print", target=part)
        return pdf_response(reconciliation_pdf(part), f"bien-ban-doi-chieu-phan-{part.order}.pdf")


class MarkListView(LoginRequiredMixin, View):
    """Bài được phân công: the marker's scripts, by code and state only."""

    def get(self, request: HttpRequest) -> HttpResponse:
        marks = mark_list_for_user(user=request.user)
        return render(request, "grading/mark_list.html", {"marks": marks})


def _round_state(mark: Mark) -> str:
    return mark.remark.state if mark.remark is not None else mark.script.state


def _mark_context(request: HttpRequest, mark: Mark) -> dict[str, Any]:
    script = mark.script
    part = script.part
    guide = guide_for(part)
    state = _round_state(mark)
    other = other_mark(mark)
    discussing = state in (ScriptState.DISCUSSION, ScriptState.HEAD)
    context: dict[str, Any] = {
        "mark": mark,
        "script": script,
        "part": part,
        "guide": guide,
        "state_label": mark.remark.get_state_display()
        if mark.remark is not None
        else script.get_state_display(),
        "content": script_content(script),
        "other": other if discussing else None,
        "discussing": discussing,
        "difference": abs(mark.score - other.score)
        if discussing and other is not None and mark.score is not None and other.score is not None
        else None,
        "tolerance": marking_rules(part).tolerance.normalize(),
        "questions": list(
            zip(guide.questions if guide else [], mark.question_scores, strict=False)
        ),
    }
    if mark.submitted_at is None and state == ScriptState.MARKING:
        context["form"] = MarkForm(questions=guide.questions if guide else [])
    if state == ScriptState.DISCUSSION:
        context["agree_form"] = AgreeForm()
    return context


class MarkDetailView(LoginRequiredMixin, View):
    """The marking page: the script and the guide side by side, and the mark form."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        mark = mark_get_for_user(user=request.user, pk=pk)
        access_record(
            actor=request.user,
            action="grading.script_open",
            target=mark.script,
            data={"mark": mark.pk, "remark": mark.remark_id is not None},
        )
        return render(request, "grading/mark_detail.html", _mark_context(request, mark))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        mark = mark_get_for_user(user=request.user, pk=pk)
        guide = guide_for(mark.script.part)
        form = MarkForm(request.POST, questions=guide.questions if guide else [])
        try:
            if not form.is_valid():
                raise ServiceError(form_errors(form), code="invalid_form")
            mark_submit(
                actor=request.user,
                mark=mark,
                total=form.cleaned_data["total"],
                question_scores=form.question_scores(),
                comment=form.cleaned_data["comment"],
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            context = _mark_context(request, mark)
            if "form" in context:
                context["form"] = form
            return render(request, "grading/mark_detail.html", context, status=200)
        messages.success(request, _("Đã nộp điểm bài số phách %(c)s.") % {"c": mark.script.code})
        return HttpResponseRedirect(reverse("grading:mark-detail", args=[mark.pk]))


class MarkAgreeView(ActionView):
    form_class = AgreeForm

    def target(self, request: HttpRequest, pk: int) -> Mark:
        return mark_get_for_user(user=request.user, pk=pk)

    def act(self, request: HttpRequest, obj: Mark, data: dict[str, Any]) -> str:
        mark_agree(actor=request.user, mark=obj, score=data["score"])
        return _("Đã ghi điểm thống nhất của bạn.")

    def done_url(self, obj: Mark) -> str:
        return reverse("grading:mark-detail", args=[obj.pk])


class ScoreSheetPdfView(LoginRequiredMixin, View):
    """The marker's own score sheet of a part (codes and marks only). The head of marking may
    print any marker's, with ``?giam-khao=<account id>``."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = BlueprintPart.objects.select_related("plan").filter(pk=pk).first()
        if part is None:
            raise Http404
        marker: Any = request.user
        wanted = request.GET.get("giam-khao", "")
        if wanted and wanted != str(request.user.pk):
            if not can_follow_marking(request.user, part.plan) or not wanted.isdigit():
                raise Http404
            found = Mark.objects.filter(script__part=part, marker_id=int(wanted)).first()
            if found is None:
                raise Http404
            marker = found.marker
        elif not Mark.objects.filter(script__part=part, marker_id=request.user.pk).exists():
            raise Http404
        access_record(
            actor=request.user,
            action="grading.score_sheet_print",
            target=part,
            data={"marker": marker.get_username()},
        )
        return pdf_response(score_sheet_pdf(part, marker), f"phieu-cham-phan-{part.order}.pdf")


class ScriptDecideView(LoginRequiredMixin, View):
    """The head of marking decides a script whose markers still disagree."""

    def _context(self, script: Script, form: DecideForm) -> dict[str, Any]:
        return {
            "script": script,
            "part": script.part,
            "marks": round_marks(script, None),
            "content": script_content(script),
            "guide": guide_for(script.part),
            "form": form,
            "waiting": script.state == ScriptState.HEAD,
            "in_marking": script.state in IN_MARKING,
        }

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        script = script_for_decision(user=request.user, pk=pk)
        access_record(actor=request.user, action="grading.script_open", target=script)
        return render(request, "grading/script_decide.html", self._context(script, DecideForm()))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        script = script_for_decision(user=request.user, pk=pk)
        form = DecideForm(request.POST)
        try:
            data = valid(form)
            script_decide(
                actor=request.user, script=script, score=data["score"], reason=data["reason"]
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            return render(request, "grading/script_decide.html", self._context(script, form))
        messages.success(request, _("Đã quyết định điểm bài số phách %(c)s.") % {"c": script.code})
        return HttpResponseRedirect(reverse("grading:part-progress", args=[script.part_id]))
