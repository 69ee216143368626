"""Printable records as background jobs: each button queues one PDF and opens the job's page.

The records are looked up as the pages do (selectors take the user; 404 outside the scope);
the job itself checks again when it runs.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views import View

from sathach.tasks.models import Job

from ..permissions import can_print_declaration
from ..selectors import (
    membership_get,
    part_get,
    plan_get_for_user,
    room_get,
    sitting_get,
    variant_get,
)
from ..tasks import (
    admission_slips_enqueue,
    declaration_pdf_enqueue,
    room_pdf_enqueue,
    variant_pdf_enqueue,
)
from .common import printable_plan


def _to_job(job: Job) -> HttpResponse:
    return HttpResponseRedirect(reverse("tasks:job-detail", args=[job.pk]))


class RoomPdfView(LoginRequiredMixin, View):
    """The room's pack (attendance list, seat plan, and for a paper part the papers).

    It may hold test papers, so only those who run the plan print it.
    """

    def post(self, request: HttpRequest, code: str, pk: int, room_pk: int) -> HttpResponse:
        plan = printable_plan(request, code)
        sitting = sitting_get(user=request.user, plan=plan, pk=pk)
        room = room_get(user=request.user, plan=plan, pk=room_pk)
        return _to_job(room_pdf_enqueue(actor=request.user, sitting=sitting, room=room))


class AdmissionSlipsView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = printable_plan(request, code)
        sitting = sitting_get(user=request.user, plan=plan, pk=pk)
        return _to_job(admission_slips_enqueue(actor=request.user, sitting=sitting))


class VariantPdfView(LoginRequiredMixin, View):
    """A paper variant with its answer sheet, or (``answer_sheet_only``) the sheet alone."""

    answer_sheet_only = False

    def post(self, request: HttpRequest, code: str, pk: int, variant: int) -> HttpResponse:
        plan = printable_plan(request, code)
        part = part_get(user=request.user, plan=plan, pk=pk)
        form = variant_get(user=request.user, part=part, variant=variant)
        job = variant_pdf_enqueue(
            actor=request.user, form=form, answer_sheet_only=self.answer_sheet_only
        )
        return _to_job(job)


class AnswerSheetPdfView(VariantPdfView):
    answer_sheet_only = True


class DeclarationPdfView(LoginRequiredMixin, View):
    """A member's conflict-of-interest declaration: for the member or those who run the plan."""

    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        membership = membership_get(user=request.user, plan=plan, pk=pk)
        if not can_print_declaration(request.user, membership):
            raise PermissionDenied
        return _to_job(declaration_pdf_enqueue(actor=request.user, membership=membership))
