"""Re-marking pages (by code): the rounds of a part, one round with its decisions (head of
Ban phúc khảo), the record of the markers' meeting, the council Chair's decision, the record.

Re-markers mark on the ordinary marking page (``marking.MarkDetailView``). A reader who is a
re-marker of a round and has not submitted yet sees no score of that round here.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ..constants import RemarkState
from ..forms import DecideForm, MeetingForm
from ..models import Mark, Remark
from ..pdf import remark_record_pdf
from ..permissions import can_follow_remarks, can_record_meeting, is_appeals_head, is_chair
from ..selectors import (
    can_view_script,
    guide_for,
    part_get_for_user,
    remark_get_for_user,
    remark_list,
    round_marks,
)
from ..services import access_record, remark_chair_decide, remark_decide, remark_meeting_record
from .common import ActionView, pdf_response, script_content


class RemarkListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = part_get_for_user(user=request.user, pk=pk, allowed=can_follow_remarks)
        remarks = remark_list(user=request.user, part=part)
        return render(request, "grading/remark_list.html", {"part": part, "remarks": remarks})


def _blind(user: Any, remark: Remark) -> bool:
    """Return whether ``user`` re-marks this round and has not submitted (independence)."""
    return Mark.objects.filter(remark=remark, marker_id=user.pk, submitted_at__isnull=True).exists()


class RemarkDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        remark = remark_get_for_user(user=request.user, pk=pk)
        script = remark.script
        plan = script.part.plan
        blind = _blind(request.user, remark)
        readable = can_view_script(request.user, script)
        if readable:
            access_record(actor=request.user, action="grading.script_open", target=script)
        context = {
            "remark": remark,
            "script": script,
            "part": script.part,
            "blind": blind,
            "originals": [] if blind else round_marks(script, None),
            "remarks": [] if blind else round_marks(script, remark),
            "content": script_content(script) if readable else None,
            "guide": guide_for(script.part) if readable else None,
            "decide_form": DecideForm()
            if remark.state == RemarkState.HEAD and is_appeals_head(request.user, plan)
            else None,
            "meeting_form": MeetingForm()
            if remark.state == RemarkState.MEETING and can_record_meeting(request.user, plan)
            else None,
            "chair_form": DecideForm()
            if remark.state == RemarkState.CHAIR and is_chair(request.user, plan)
            else None,
        }
        return render(request, "grading/remark_detail.html", context)


class _RemarkAction(ActionView):
    def target(self, request: HttpRequest, pk: int) -> Remark:
        return remark_get_for_user(user=request.user, pk=pk)

    def done_url(self, obj: Remark) -> str:
        return reverse("grading:remark-detail", args=[obj.pk])


class RemarkDecideView(_RemarkAction):
    form_class = DecideForm

    def act(self, request: HttpRequest, obj: Remark, data: dict[str, Any]) -> str:
        remark_decide(actor=request.user, remark=obj, score=data["score"], reason=data["reason"])
        return _("Đã quyết định điểm chấm phúc khảo.")


class RemarkMeetingView(_RemarkAction):
    form_class = MeetingForm

    def act(self, request: HttpRequest, obj: Remark, data: dict[str, Any]) -> str:
        remark_meeting_record(
            actor=request.user,
            remark=obj,
            agreed=data["agreed"],
            score=data.get("score"),
            note=data["note"],
        )
        return _("Đã ghi biên bản đối thoại.")


class RemarkChairView(_RemarkAction):
    form_class = DecideForm

    def act(self, request: HttpRequest, obj: Remark, data: dict[str, Any]) -> str:
        remark_chair_decide(
            actor=request.user, remark=obj, score=data["score"], reason=data["reason"]
        )
        return _("Đã ghi quyết định của Chủ tịch Hội đồng.")


class RemarkPdfView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        remark = remark_get_for_user(user=request.user, pk=pk)
        access_record(actor=request.user, action="grading.remark_record_print", target=remark)
        return pdf_response(remark_record_pdf(remark), f"bien-ban-phuc-khao-{remark.pk}.pdf")
