"""Pages of the annual rating: the list of a unit and year with its quota checks, one person's
evaluation with its steps, task records, disciplinary decisions, and the classification report.

Unit HR edits their unit subtree, the organiser the province, leaders read; anyone else gets a
404. Every write is one service call; a refusal is shown as it is, a refused permission is 403.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _
from django.views import View

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.rules.rating import is_rated

from . import selectors, selectors_report, services
from .charts import level_chart, retest_chart, streamlining_chart, training_chart
from .constants import Level, Source, State
from .exports import report_xlsx
from .forms import (
    CommentForm,
    DecideForm,
    DisciplineForm,
    NotRateForm,
    PartyForm,
    ProposeForm,
    SelfAssessForm,
    TaskRecordForm,
)
from .models import AnnualEvaluation, TaskRecord
from .outcome import (
    evaluation_ceiling,
    evaluation_outcome,
    not_rated_message,
    shortfall_rows,
    triggers_json,
)
from .pdf import report_pdf
from .permissions import can_write_unit, read_paths
from .rules import rating_rules

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_YEARS = 5  # years shown by default on the report
PAGE_SIZE = 100


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response.headers["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response.headers["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


def form_errors(form: Form) -> str:
    return " ".join(
        f"{form.fields[name].label}: {' '.join(map(str, errs))}"
        if name in form.fields
        else " ".join(map(str, errs))
        for name, errs in form.errors.items()
    )


class ReaderMixin(LoginRequiredMixin):
    """Signed in and holding a rating role (organiser, unit HR, leader) somewhere; else 404."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not read_paths(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ActionView(ReaderMixin, View, ABC):
    """A POST that calls one service, then redirects with the outcome as a message."""

    form_class: type[Form] | None = None

    @abstractmethod
    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        """Fetch what the action needs (404 outside scope), call the service, return the
        message shown on success."""

    @abstractmethod
    def next_url(self, request: HttpRequest, **kwargs: Any) -> str: ...

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        data: dict[str, Any] = {}
        try:
            if self.form_class is not None:
                form = self.form_class(request.POST)
                if not form.is_valid():
                    raise ServiceError(form_errors(form), code="invalid_form")
                data = form.cleaned_data
            message = self.act(request, data, **kwargs)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, message)
        return HttpResponseRedirect(self.next_url(request, **kwargs))


def _year(value: str | None) -> int:
    today = timezone.localdate()
    try:
        year = int(value or today.year)
    except ValueError:
        raise Http404 from None
    if not 2000 <= year <= today.year:
        raise Http404
    return year


def _unit(request: HttpRequest) -> Any:
    code = request.GET.get("unit") or request.POST.get("unit")
    if code:
        return selectors.unit_get_for_user(user=request.user, code=code)
    return selectors.default_unit(user=request.user)


def list_url(unit_code: str, year: int) -> str:
    return (
        reverse("evaluation:evaluation-list")
        + "?"
        + urlencode({"unit": unit_code, "year": str(year)})
    )


# --- The list of a unit and year ------------------------------------------------------------


class EvaluationListView(ReaderMixin, View):
    """The evaluations of a unit subtree and year, its quota checks, and who has none yet."""

    def get(self, request: HttpRequest) -> HttpResponse:
        unit = _unit(request)
        year = _year(request.GET.get("year"))
        evaluations = selectors.evaluation_list(user=request.user, unit=unit, year=year)
        page = Paginator(evaluations, PAGE_SIZE).get_page(request.GET.get("page"))
        missing = selectors.persons_not_evaluated(user=request.user, unit=unit, year=year)
        missing_shown = list(missing[: PAGE_SIZE + 1])
        context = {
            "unit": unit,
            "year": year,
            "years": list(range(timezone.localdate().year, 1999, -1))[:15],
            "units": selectors.unit_list(user=request.user),
            "page": page,
            "evaluations": page.object_list,
            "missing": missing_shown[:PAGE_SIZE],
            "missing_more": missing.count() - PAGE_SIZE if len(missing_shown) > PAGE_SIZE else 0,
            "quota": selectors.quota_groups(user=request.user, unit=unit, year=year),
            "can_write": can_write_unit(request.user, unit),
            "decided_count": evaluations.filter(state=State.DECIDED).count(),
        }
        return render(request, "evaluation/evaluation_list.html", context)


class PublishAllView(ActionView):
    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        unit = _unit(request)
        year = _year(request.POST.get("year"))
        n = services.evaluations_publish(actor=request.user, unit=unit, year=year)
        return _("Đã công khai %(n)d phiếu.") % {"n": n}

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return list_url(request.POST.get("unit", ""), _year(request.POST.get("year")))


# --- One evaluation ---------------------------------------------------------------------------


class SelfAssessView(ReaderMixin, View):
    """Open (or revise) a person's self-assessment of a year."""

    template_name = "evaluation/self_assess.html"

    def _person(self, request: HttpRequest, code: str) -> Any:
        return selectors.person_get_for_user(user=request.user, code=code)

    def get(self, request: HttpRequest, code: str, year: int) -> HttpResponse:
        person = self._person(request, code)
        existing = AnnualEvaluation.objects.filter(person=person, year=year).first()
        initial = {}
        if existing is not None:
            initial = {
                "self_assessment": existing.self_assessment,
                "self_level": existing.self_level,
                "general_points": existing.general_points,
                "work_group": existing.work_group,
            }
        form = SelfAssessForm(initial=initial)
        return self._render(request, person, _year(str(year)), form)

    def post(self, request: HttpRequest, code: str, year: int) -> HttpResponse:
        person = self._person(request, code)
        form = SelfAssessForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                evaluation = services.evaluation_self_assess(
                    actor=request.user,
                    person=person,
                    year=_year(str(year)),
                    self_assessment=data["self_assessment"],
                    self_level=data["self_level"],
                    general_points=data["general_points"],
                    work_group=data["work_group"],
                    profile=data["profile"],
                )
            except PermissionDeniedError as exc:
                raise PermissionDenied(exc.message) from exc
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Đã ghi phần tự đánh giá."))
                return HttpResponseRedirect(
                    reverse("evaluation:evaluation-detail", args=[evaluation.pk])
                )
        return self._render(request, person, year, form)

    def _render(self, request: HttpRequest, person: Any, year: int, form: Form) -> HttpResponse:
        return render(request, self.template_name, {"person": person, "year": year, "form": form})


class EvaluationDetailView(ReaderMixin, View):
    """One person's rating of one year: the steps done, what the rules compute now, the next
    step's form, the Party rating beside it."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        evaluation = selectors.evaluation_get_for_user(user=request.user, pk=pk)
        person = evaluation.person
        rules = rating_rules(evaluation.profile) if evaluation.profile else None
        outcome = evaluation_outcome(evaluation) if rules is not None else None
        party = getattr(evaluation, "party", None)
        can_write = can_write_unit(request.user, person.unit)
        open_ = can_write and evaluation.source == Source.WORKFLOW
        state = evaluation.state
        # Under the profile's minimum months worked: reviewed, not rated (NĐ 90/2020, 335/2025).
        rated = rules is None or is_rated(evaluation.months_worked, rules)
        ceiling = evaluation_ceiling(evaluation) if rules is not None else None
        steps = {
            "self": open_ and state == State.SELF_ASSESSED,
            "comment": open_ and state in (State.SELF_ASSESSED, State.COMMENTED),
            "propose": open_ and state in (State.COMMENTED, State.PROPOSED, State.NOT_RATED),
            "decide": open_ and rated and state in (State.PROPOSED, State.DECIDED),
            "not_rate": open_ and not rated and state in (State.PROPOSED, State.NOT_RATED),
            "publish": open_ and state == State.DECIDED,
        }
        context = {
            "evaluation": evaluation,
            "person": person,
            "rules": rules,
            "outcome": outcome,
            "party": party,
            "can_write": can_write,
            "steps": steps,
            "computed_label": Level(outcome.level).label if outcome and outcome.level else "",
            "trigger_rows": triggers_json(outcome, rules) if outcome and rules else [],
            "not_rated_text": not_rated_message(evaluation, rules) if rules and not rated else "",
            "ceiling": ceiling,
            "ceiling_label": Level(ceiling.level).label if ceiling else "",
            "ceiling_rows": shortfall_rows(ceiling.shortfalls, rules) if ceiling and rules else [],
            "doubt_rows": shortfall_rows(ceiling.doubts, rules) if ceiling and rules else [],
            "not_rate_form": NotRateForm(
                initial={"decision_ref": evaluation.decision_ref, "note": evaluation.note}
            ),
            "history": list(selectors.person_ratings(person=person)),
            "comment_form": CommentForm(initial={"comments": evaluation.collective_comments}),
            "propose_form": ProposeForm(
                initial={
                    "level": evaluation.proposed_level or (outcome.level if outcome else ""),
                    "general_points": evaluation.general_points,
                    "note": evaluation.proposal_note,
                    "decline_finding": evaluation.decline_finding,
                    "unit_corruption_finding": evaluation.unit_corruption_finding,
                    "months_worked": evaluation.months_worked,
                    "tasks_done_percent": evaluation.tasks_done_percent,
                    "tasks_exceeding_percent": evaluation.tasks_exceeding_percent,
                    "unit_targets_met_percent": evaluation.unit_targets_met_percent,
                    "unit_targets_exceeded_percent": evaluation.unit_targets_exceeded_percent,
                    "managed_units": evaluation.managed_units,
                    "managed_units_completed": evaluation.managed_units_completed,
                    "managed_units_good": evaluation.managed_units_good,
                }
            ),
            "decide_form": DecideForm(
                initial={
                    "level": evaluation.level
                    or (outcome.level if outcome else "")
                    or evaluation.proposed_level,
                    "decision_ref": evaluation.decision_ref,
                }
            ),
            "party_form": PartyForm(
                initial={"level": party.level, "score": party.score, "note": party.note}
                if party
                else {}
            ),
        }
        return render(request, "evaluation/evaluation_detail.html", context)


class _EvaluationAction(ActionView):
    def evaluation(self, request: HttpRequest, pk: int) -> AnnualEvaluation:
        return selectors.evaluation_get_for_user(user=request.user, pk=pk)

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return reverse("evaluation:evaluation-detail", args=[kwargs["pk"]])


class CommentView(_EvaluationAction):
    form_class = CommentForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        services.evaluation_comment(
            actor=request.user,
            evaluation=self.evaluation(request, kwargs["pk"]),
            comments=data["comments"],
        )
        return _("Đã ghi ý kiến của tập thể.")


class ProposeView(_EvaluationAction):
    form_class = ProposeForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        services.evaluation_propose(
            actor=request.user, evaluation=self.evaluation(request, kwargs["pk"]), **data
        )
        return _("Đã ghi đề xuất xếp loại.")


class DecideView(_EvaluationAction):
    form_class = DecideForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        services.evaluation_decide(
            actor=request.user, evaluation=self.evaluation(request, kwargs["pk"]), **data
        )
        return _("Đã ghi quyết định xếp loại.")


class NotRateView(_EvaluationAction):
    """The decision step for a person under the minimum months worked: not rated."""

    form_class = NotRateForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        services.evaluation_not_rate(
            actor=request.user, evaluation=self.evaluation(request, kwargs["pk"]), **data
        )
        return _("Đã ghi không xếp loại (công tác dưới thời gian tối thiểu trong năm).")


class PublishView(_EvaluationAction):
    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        services.evaluation_publish(
            actor=request.user, evaluation=self.evaluation(request, kwargs["pk"])
        )
        return _("Đã công khai kết quả xếp loại.")


class PartyView(_EvaluationAction):
    form_class = PartyForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        services.party_evaluation_record(
            actor=request.user, evaluation=self.evaluation(request, kwargs["pk"]), **data
        )
        return _("Đã ghi xếp loại đảng viên.")


# --- Facts: task records and disciplinary decisions -----------------------------------------


class TaskRecordsView(ReaderMixin, View):
    """A person's monthly or quarterly task records of a year (NĐ 335/2025), and the form."""

    def get(self, request: HttpRequest, code: str, year: int) -> HttpResponse:
        person = selectors.person_get_for_user(user=request.user, code=code)
        year = _year(str(year))
        evaluation = AnnualEvaluation.objects.filter(person=person, year=year).first()
        context = {
            "person": person,
            "year": year,
            "evaluation": evaluation,
            "tasks": list(selectors.task_record_list(person=person, year=year)),
            "form": TaskRecordForm(),
            "can_write": can_write_unit(request.user, person.unit),
        }
        return render(request, "evaluation/task_records.html", context)


class TaskRecordAddView(ActionView):
    form_class = TaskRecordForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        person = selectors.person_get_for_user(user=request.user, code=kwargs["code"])
        services.task_record_add(
            actor=request.user, person=person, year=_year(str(kwargs["year"])), **data
        )
        return _("Đã ghi kết quả theo dõi nhiệm vụ.")

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return reverse("evaluation:task-records", args=[kwargs["code"], kwargs["year"]])


class TaskRecordDeleteView(ActionView):
    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        person = selectors.person_get_for_user(user=request.user, code=kwargs["code"])
        record = TaskRecord.objects.filter(person=person, pk=kwargs["pk"]).first()
        if record is None:
            raise Http404
        services.task_record_delete(actor=request.user, record=record)
        return _("Đã xóa kết quả theo dõi nhiệm vụ.")

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return reverse("evaluation:task-records", args=[kwargs["code"], kwargs["year"]])


class DisciplineView(ReaderMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        person = selectors.person_get_for_user(user=request.user, code=code)
        context = {
            "person": person,
            "sanctions": list(selectors.discipline_list(person=person)),
            "form": DisciplineForm(),
            "can_write": can_write_unit(request.user, person.unit),
        }
        return render(request, "evaluation/discipline.html", context)


class DisciplineAddView(ActionView):
    form_class = DisciplineForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        person = selectors.person_get_for_user(user=request.user, code=kwargs["code"])
        services.discipline_record_add(actor=request.user, person=person, **data)
        return _("Đã ghi quyết định kỷ luật.")

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return reverse("evaluation:discipline", args=[kwargs["code"]])


# --- The classification report --------------------------------------------------------------


def _report_years(request: HttpRequest) -> list[int]:
    this_year = timezone.localdate().year
    last = _year(request.GET.get("den") or str(this_year))
    first = _year(request.GET.get("tu") or str(max(2000, last - REPORT_YEARS + 1)))
    if first > last:
        first, last = last, first
    return list(range(first, last + 1))[-15:]


class ReportView(ReaderMixin, View):
    """Per unit (or the province), the levels per year with the quota check, the training and
    re-test outcomes per child unit, and the streamlining candidates by ground; each with its
    chart and its table."""

    def get(self, request: HttpRequest) -> HttpResponse:
        unit = _unit(request)
        years = _report_years(request)
        rows = selectors.distribution(user=request.user, unit=unit, years=years)
        outcomes = selectors_report.outcome_report(user=request.user, unit=unit, years=years)
        streamlining = selectors_report.streamlining_report(
            user=request.user, unit=unit, years=years
        )
        context = {
            "unit": unit,
            "units": selectors.unit_list(user=request.user),
            "rows": rows,
            "first": years[0],
            "last": years[-1],
            "chart": level_chart(rows),
            "outcomes": outcomes,
            "training_chart": training_chart(outcomes),
            "retest_chart": retest_chart(outcomes),
            "streamlining": streamlining,
            "streamlining_chart": streamlining_chart(streamlining),
            "query": urlencode({"unit": unit.code, "tu": str(years[0]), "den": str(years[-1])}),
        }
        return render(request, "evaluation/report.html", context)


def _report_data(request: HttpRequest) -> dict[str, Any]:
    """Return what the report's exports need: the unit, the years and every section."""
    unit = _unit(request)
    years = _report_years(request)
    user = request.user
    return {
        "unit": unit,
        "years": years,
        "rows": selectors.distribution(user=user, unit=unit, years=years),
        "outcomes": selectors_report.outcome_report(user=user, unit=unit, years=years),
        "streamlining": selectors_report.streamlining_report(user=user, unit=unit, years=years),
    }


class ReportExportView(ReaderMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        data = _report_data(request)
        unit, years = data["unit"], data["years"]
        return xlsx_response(
            report_xlsx(**data), f"bao-cao-{unit.code}-{years[0]}-{years[-1]}.xlsx"
        )


class ReportPdfView(ReaderMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        data = _report_data(request)
        unit, years = data["unit"], data["years"]
        return pdf_response(report_pdf(**data), f"bao-cao-{unit.code}-{years[0]}-{years[-1]}.pdf")
