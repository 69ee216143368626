"""Pages of the panel (Ban kiểm tra sát hạch) for oral and practical parts: the rubric, a
member's list of candidates, the scoring page (one candidate per screen, for a tablet), the
head's table with its decisions, and the records as PDF.

Names are shown (the panel meets the candidate face to face), but only to members of the
panel of the part's plan and those who follow it; a member sees the others' scores of a
candidate only after submitting their own.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
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
from sathach.plans.models import BlueprintPart, Candidate

from ..constants import PanelState
from ..forms import DecideForm, PanelScoreForm, ReasonForm, RubricForm, rubric_initial
from ..models import PanelScore
from ..pdf import panel_record_pdf, panel_sheet_pdf, panel_summary_pdf
from ..permissions import can_edit_guide, can_follow_panel, is_panel_head, is_panel_member
from ..selectors import (
    oral_part_get_for_user,
    panel_candidate_get,
    panel_case_of,
    panel_pending_for,
    panel_progress_rows,
    panel_rows,
    panel_scores,
    part_candidates,
    rubric_for,
)
from ..services import (
    access_record,
    examiner_refusal,
    expected_examiners,
    panel_close,
    panel_decide,
    panel_rules,
    panel_score_submit,
    rubric_set,
)
from .common import form_errors, pdf_response, refusal_text, valid


class RubricEditView(LoginRequiredMixin, View):
    """Set the rubric of an oral part (Ban đề thi, organiser) before the panel scores."""

    def _part(self, request: HttpRequest, pk: int) -> BlueprintPart:
        return oral_part_get_for_user(user=request.user, pk=pk, allowed=can_edit_guide)

    def _render(self, request: HttpRequest, part: BlueprintPart, form: RubricForm) -> HttpResponse:
        rules = panel_rules(part)
        context = {"part": part, "form": form, "step": rules.score_step}
        return render(request, "grading/rubric_edit.html", context)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = self._part(request, pk)
        return self._render(request, part, RubricForm(initial=rubric_initial(rubric_for(part))))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = self._part(request, pk)
        form = RubricForm(request.POST)
        try:
            data = valid(form)
            rubric_set(
                actor=request.user,
                part=part,
                criteria=data["criteria"],
                guidance=data["guidance"],
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            return self._render(request, part, form)
        messages.success(request, _("Đã lưu tiêu chí chấm."))
        return HttpResponseRedirect(reverse("grading:rubric-edit", args=[part.pk]))


class PanelListView(LoginRequiredMixin, View):
    """A panel member's candidates of an oral part, with what they gave each one."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = oral_part_get_for_user(user=request.user, pk=pk, allowed=is_panel_member)
        rows = panel_rows(user=request.user, part=part, expected=expected_examiners(part))
        context = {
            "part": part,
            "rows": rows,
            "rubric": rubric_for(part),
            "follows": can_follow_panel(request.user, part.plan),
        }
        return render(request, "grading/panel_list.html", context)


def _neighbours(
    part: BlueprintPart, candidate: Candidate
) -> tuple[int | None, int | None, int, int]:
    """Return the previous and next candidates' pks, the position and the count."""
    ids = list(part_candidates(part).order_by("number", "pk").values_list("pk", flat=True))
    at = ids.index(candidate.pk)
    before = ids[at - 1] if at > 0 else None
    after = ids[at + 1] if at + 1 < len(ids) else None
    return before, after, at + 1, len(ids)


class PanelCandidateView(LoginRequiredMixin, View):
    """Score one candidate: one candidate per screen, large inputs (tablet)."""

    def _objects(self, request: HttpRequest, pk: int, candidate: int) -> tuple[Any, Candidate]:
        part = oral_part_get_for_user(user=request.user, pk=pk, allowed=is_panel_member)
        return part, panel_candidate_get(user=request.user, part=part, pk=candidate)

    def _context(
        self,
        request: HttpRequest,
        part: BlueprintPart,
        candidate: Candidate,
        form: PanelScoreForm | None = None,
    ) -> dict[str, Any]:
        rubric = rubric_for(part)
        case = panel_case_of(part, candidate)
        refusal = examiner_refusal(request.user, part, candidate)
        scores = panel_scores(case)
        mine = next((s for s in scores if s.examiner_id == request.user.pk), None)
        scoring = case is None or case.state == PanelState.SCORING
        before, after, position, count = _neighbours(part, candidate)
        context: dict[str, Any] = {
            "part": part,
            "candidate": candidate,
            "case": case,
            "rubric": rubric,
            "refusal": refusal_text(refusal) if refusal is not None else "",
            "mine": mine,
            "mine_rows": list(zip(rubric.criteria, mine.criterion_scores, strict=False))
            if rubric and mine
            else [],
            # Independence: the others' scores only once the reader has scored this candidate.
            "others": [s for s in scores if s is not mine] if mine is not None else [],
            "before": before,
            "after": after,
            "position": position,
            "count": count,
            "follows": can_follow_panel(request.user, part.plan),
        }
        if rubric is not None and refusal is None and mine is None and scoring:
            context["form"] = form or PanelScoreForm(criteria=rubric.criteria)
        return context

    def get(self, request: HttpRequest, pk: int, candidate: int) -> HttpResponse:
        part, found = self._objects(request, pk, candidate)
        context = self._context(request, part, found)
        return render(request, "grading/panel_candidate.html", context)

    def post(self, request: HttpRequest, pk: int, candidate: int) -> HttpResponse:
        part, found = self._objects(request, pk, candidate)
        rubric = rubric_for(part)
        form = PanelScoreForm(request.POST, criteria=rubric.criteria if rubric else [])
        try:
            if not form.is_valid():
                raise ServiceError(form_errors(form), code="invalid_form")
            panel_score_submit(
                actor=request.user,
                part=part,
                candidate=found,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            context = self._context(request, part, found, form)
            return render(request, "grading/panel_candidate.html", context)
        messages.success(request, _("Đã nộp điểm của %(n)s.") % {"n": found.person.full_name})
        return HttpResponseRedirect(reverse("grading:panel-candidate", args=[part.pk, found.pk]))


class PanelProgressView(LoginRequiredMixin, View):
    """The head's table: every candidate, every member's total, the spread and the decision."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = oral_part_get_for_user(user=request.user, pk=pk, allowed=can_follow_panel)
        expected = expected_examiners(part)
        rows = panel_progress_rows(user=request.user, part=part, expected=expected)
        access_record(actor=request.user, action="grading.panel_progress_view", target=part)
        rules = panel_rules(part)
        context = {
            "part": part,
            "rows": rows,
            "rubric": rubric_for(part),
            "rules": rules,
            "tolerance": rules.tolerance.normalize(),
            "is_head": is_panel_head(request.user, part.plan),
            "decide_form": DecideForm(auto_id=False),
            "close_form": ReasonForm(auto_id=False),
        }
        return render(request, "grading/panel_progress.html", context)


class _PanelHeadAction(LoginRequiredMixin, View, ABC):
    """A POST of the head of the panel about one candidate; back to the table."""

    form_class: type[DecideForm] | type[ReasonForm] = ReasonForm

    @abstractmethod
    def act(
        self, request: HttpRequest, part: Any, candidate: Candidate, data: dict[str, Any]
    ) -> str:
        """Call the service for ``candidate`` and return the success message."""

    def post(self, request: HttpRequest, pk: int, candidate: int) -> HttpResponse:
        part = oral_part_get_for_user(user=request.user, pk=pk, allowed=can_follow_panel)
        found = panel_candidate_get(user=request.user, part=part, pk=candidate)
        try:
            message = self.act(request, part, found, valid(self.form_class(request.POST)))
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
        else:
            messages.success(request, message)
        return HttpResponseRedirect(reverse("grading:panel-progress", args=[part.pk]))


class PanelDecideView(_PanelHeadAction):
    form_class = DecideForm

    def act(
        self, request: HttpRequest, part: Any, candidate: Candidate, data: dict[str, Any]
    ) -> str:
        panel_decide(
            actor=request.user,
            part=part,
            candidate=candidate,
            score=data["score"],
            reason=data["reason"],
        )
        return _("Đã quyết định điểm của %(n)s.") % {"n": candidate.person.full_name}


class PanelCloseView(_PanelHeadAction):
    form_class = ReasonForm

    def act(
        self, request: HttpRequest, part: Any, candidate: Candidate, data: dict[str, Any]
    ) -> str:
        panel_close(actor=request.user, part=part, candidate=candidate, reason=data["reason"])
        return _("Đã kết thúc chấm %(n)s.") % {"n": candidate.person.full_name}


def _require_scored(request: HttpRequest, part: BlueprintPart) -> None:
    """Refuse the others' scores to a reader who still has candidates of ``part`` to score
    (independence: a member sees no other score before submitting their own)."""
    pending = panel_pending_for(user=request.user, part=part, expected=expected_examiners(part))
    if pending:
        raise PermissionDenied(
            _(
                "Bạn còn %(n)d người dự kiểm tra chưa chấm: chỉ xem điểm của các thành viên "
                "khác sau khi đã nộp điểm của mình."
            )
            % {"n": pending}
        )


class PanelSheetPdfView(LoginRequiredMixin, View):
    """A member's own score sheet of an oral part; the head, the organiser and the Chair may
    print any member's with ``?giam-khao=<account id>``."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = oral_part_get_for_user(
            user=request.user,
            pk=pk,
            allowed=lambda u, p: is_panel_member(u, p) or can_follow_panel(u, p),
        )
        examiner: Any = request.user
        wanted = request.GET.get("giam-khao", "")
        if wanted and wanted != str(request.user.pk):
            if not can_follow_panel(request.user, part.plan) or not wanted.isdigit():
                raise Http404
            found = (
                PanelScore.objects.filter(case__part=part, examiner_id=int(wanted))
                .select_related("examiner")
                .first()
            )
            if found is None:
                raise Http404
            _require_scored(request, part)
            examiner = found.examiner
        elif not is_panel_member(request.user, part.plan):
            raise Http404
        access_record(
            actor=request.user,
            action="grading.panel_sheet_print",
            target=part,
            data={"examiner": examiner.get_username()},
        )
        return pdf_response(panel_sheet_pdf(part, examiner), f"phieu-cham-van-dap-{part.order}.pdf")


class PanelSummaryPdfView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = oral_part_get_for_user(user=request.user, pk=pk, allowed=can_follow_panel)
        _require_scored(request, part)
        access_record(actor=request.user, action="grading.panel_summary_print", target=part)
        return pdf_response(panel_summary_pdf(part), f"bang-tong-hop-van-dap-{part.order}.pdf")


class PanelRecordPdfView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = oral_part_get_for_user(user=request.user, pk=pk, allowed=can_follow_panel)
        _require_scored(request, part)
        access_record(actor=request.user, action="grading.panel_record_print", target=part)
        return pdf_response(panel_record_pdf(part), f"bien-ban-cham-van-dap-{part.order}.pdf")
