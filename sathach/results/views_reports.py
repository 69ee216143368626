"""Pages of the reports (``sathach.results.reports``): the index under /bao-cao/, and under the
plan (/ke-hoach/<code>/...) the dashboard, a unit's report, topics, the list below the bar,
the exports, and the records of the plan (Hồ sơ kỳ kiểm tra).

Thin views: look the plan up for the user (404 outside their scope), compute the report's
scope (``report_scope_get``: 404 for a unit outside it), read the aggregates, render. Charts
are inline SVG made on the server (no script: CSP).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views import View

from sathach.delivery.models import Incident, RoomSession
from sathach.plans.constants import MCQ_KINDS
from sathach.plans.models import BlueprintPart, BoardMembership, Plan, Seat, Sitting
from sathach.plans.selectors import plan_get_for_user, plan_list

from .models import PlanResult
from .reports import records
from .reports.access import (
    ReportScope,
    can_print_records,
    can_see_reports,
    records_access_get,
    report_scope_get,
)
from .reports.charts import Bar, Marker, bar_chart_svg, histogram_svg, vn_number
from .reports.selectors import (
    DIMENSIONS,
    UNIT,
    Histogram,
    Tally,
    below_bar,
    below_bar_count,
    breakdown,
    dimension_label,
    part_histograms,
    summary,
    topic_stats,
    total_histogram,
)
from .reports.services import EXPORTS, FORMATS, record_export, report_export
from .reports.tasks import results_summary_enqueue, sitting_records_enqueue
from .selectors import publication_of

UNIT_PARAM = "don-vi"


def _svg(markup: str) -> SafeString:
    # Built by reports.charts, which escapes every text it writes.
    return mark_safe(markup)  # noqa: S308


def _scope(request: HttpRequest, code: str, unit_code: str | None = None) -> ReportScope:
    """Return the report's scope: ``unit_code``'s subtree if given, else the unit named by
    ``?don-vi=`` (the exports and lists of a unit's report), else all the user sees."""
    plan = plan_get_for_user(user=request.user, code=code)
    if unit_code is None:
        unit_code = request.GET.get(UNIT_PARAM) or None
    return report_scope_get(user=request.user, plan=plan, unit_code=unit_code)


def _query(scope: ReportScope) -> str:
    """Return the query string that keeps a unit's scope on its lists and exports."""
    return "?" + urlencode({UNIT_PARAM: scope.unit.code}) if scope.unit is not None else ""


def _file(
    content: bytes, filename: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# --- Charts -----------------------------------------------------------------------------------


def _rate_desc(title: str, tallies: list[Tally]) -> str:
    parts = [
        f"{t.label}: {vn_number(float(t.pass_rate))}%"
        if t.pass_rate is not None
        else f"{t.label}: " + _("chưa có kết quả")
        for t in tallies
    ]
    return f"{title}. " + "; ".join(parts) + "."


def rate_chart(dimension: str, tallies: list[Tally], total: Tally) -> SafeString:
    """Return the bar chart of the pass rate by ``dimension``, the overall rate as reference."""
    title = _("Tỷ lệ đạt theo %(d)s") % {"d": dimension_label(dimension).lower()}
    reference = None
    if total.pass_rate is not None:
        reference = Marker(
            float(total.pass_rate),
            _("Chung: %(p)s%%") % {"p": vn_number(float(total.pass_rate))},
        )
    bars = [
        Bar(
            t.label,
            float(t.pass_rate) if t.pass_rate is not None else None,
            f"{t.passed}/{t.complete}",
        )
        for t in tallies
    ]
    return _svg(
        bar_chart_svg(
            bars,
            chart_id=f"chart-rate-{dimension}",
            title=title,
            desc=_rate_desc(title, tallies),
            empty=_("chưa có kết quả"),
            reference=reference,
        )
    )


def histogram_chart(histogram: Histogram, chart_id: str) -> SafeString:
    markers = [
        Marker(line.value, line.label, strong=i == 0) for i, line in enumerate(histogram.lines)
    ]
    desc = _("%(t)s: %(n)d kết quả, chia thành các khoảng %(w)d%%; đường đỏ là mức đạt.") % {
        "t": histogram.title,
        "n": histogram.total,
        "w": histogram.width,
    }
    return _svg(
        histogram_svg(
            histogram.counts,
            chart_id=chart_id,
            title=histogram.title,
            desc=desc,
            axis=_("% điểm tối đa"),
            people=_("người"),
            markers=markers,
        )
    )


# --- Pages --------------------------------------------------------------------------------------


class ReportIndexView(LoginRequiredMixin, View):
    """The plans whose reports the user may see, with how far their results are."""

    def get(self, request: HttpRequest) -> HttpResponse:
        plans = [p for p in plan_list(user=request.user) if can_see_reports(request.user, p)]
        counts = {
            row["plan_id"]: row
            for row in PlanResult.objects.filter(plan__in=plans)
            .values("plan_id")
            .order_by()
            .annotate(**_index_counts())
        }
        rows = [{"plan": p, "counts": counts.get(p.pk)} for p in plans]
        return render(request, "results/reports/index.html", {"rows": rows})


def _index_counts() -> dict[str, Any]:
    return {
        "n": Count("pk"),
        "complete": Count("pk", filter=Q(total__isnull=False)),
        "passed": Count("pk", filter=Q(passed=True)),
    }


def _dashboard_context(request: HttpRequest, scope: ReportScope) -> dict[str, Any]:
    total = summary(scope)
    histogram = total_histogram(scope)
    sections = []
    for dimension in DIMENSIONS:
        tallies = breakdown(scope, dimension)
        sections.append(
            {
                "dimension": dimension,
                "label": dimension_label(dimension),
                "tallies": tallies,
                "chart": rate_chart(dimension, tallies, total),
                "links": dimension == UNIT,
            }
        )
    parts = [
        {"histogram": h, "chart": histogram_chart(h, f"chart-part-{i}")}
        for i, h in enumerate(part_histograms(scope), start=1)
    ]
    return {
        "plan": scope.plan,
        "scope": scope,
        "query": _query(scope),
        "total": total,
        "histogram": histogram,
        "histogram_chart": histogram_chart(histogram, "chart-total"),
        "parts": parts,
        "sections": sections,
        "below_count": below_bar_count(scope),
        "publication": publication_of(scope.plan),
        "exports": EXPORTS,
        "can_records": can_print_records(request.user, scope.plan),
    }


class DashboardView(LoginRequiredMixin, View):
    """The plan's dashboard: everyone the user sees (the province, or their subtrees)."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        scope = report_scope_get(user=request.user, plan=plan)
        return render(request, "results/reports/dashboard.html", _dashboard_context(request, scope))


class UnitReportView(LoginRequiredMixin, View):
    """A unit's report: its subtree, by sub-unit, with the list below the bar."""

    def get(self, request: HttpRequest, code: str, unit: str) -> HttpResponse:
        scope = _scope(request, code, unit_code=unit)
        context = _dashboard_context(request, scope)
        context["groups"] = below_bar(scope)
        context["below_parts"] = list(
            BlueprintPart.objects.filter(plan=scope.plan).order_by("order")
        )
        return render(request, "results/reports/dashboard.html", context)


class TopicReportView(LoginRequiredMixin, View):
    """Percent correct by topic for the MCQ parts (one pass over the answers)."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        scope = _scope(request, code)
        parts = []
        for found in topic_stats(scope):
            title = _("Tỷ lệ trả lời đúng theo chủ đề — phần %(n)d") % {"n": found.part.order}
            bars = [
                Bar(
                    f"{row.code} {row.name}",
                    float(row.percent_correct) if row.percent_correct is not None else None,
                    f"{row.correct}/{row.presented}",
                )
                for row in found.rows
            ]
            desc = (
                f"{title}. "
                + "; ".join(
                    f"{row.name}: {vn_number(float(row.percent_correct))}%"
                    for row in found.rows
                    if row.percent_correct is not None
                )
                + "."
            )
            chart = bar_chart_svg(
                bars,
                chart_id=f"chart-topic-{found.part.order}",
                title=title,
                desc=desc,
                empty=_("chưa có câu trả lời"),
            )
            parts.append({"stats": found, "chart": _svg(chart)})
        context = {"plan": scope.plan, "scope": scope, "query": _query(scope), "parts": parts}
        return render(request, "results/reports/topics.html", context)


class BelowBarView(LoginRequiredMixin, View):
    """Those below the bar, by unit, with their scores and reasons."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        scope = _scope(request, code)
        context = {
            "plan": scope.plan,
            "scope": scope,
            "query": _query(scope),
            "groups": below_bar(scope),
            "below_parts": list(BlueprintPart.objects.filter(plan=scope.plan).order_by("order")),
        }
        return render(request, "results/reports/below_bar.html", context)


class ReportExportView(LoginRequiredMixin, View):
    """One export (``reports.services.EXPORTS``) as Excel or PDF, for the user's scope."""

    def get(self, request: HttpRequest, code: str, kind: str, fmt: str) -> HttpResponse:
        if kind not in EXPORTS or fmt not in FORMATS:
            raise Http404
        scope = _scope(request, code)
        export = report_export(actor=request.user, scope=scope, kind=kind, fmt=fmt)
        return _file(export.content, export.filename, export.content_type)


class ResultsSummaryPdfView(LoginRequiredMixin, View):
    """Queue the results summary (every candidate in scope) and open the job's page."""

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        scope = _scope(request, code)
        job = results_summary_enqueue(actor=request.user, scope=scope)
        return HttpResponseRedirect(reverse("tasks:job-detail", args=[job.pk]))


# --- The plan's records ------------------------------------------------------------------------


def _url(name: str, *args: Any) -> str:
    """Return the URL of ``name``, or "" when the app that serves it is not installed."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _marking_records(plan: Plan) -> list[dict[str, Any]]:
    """Return the grading app's records of each written or oral part (coding and re-matching,
    reconciliation, each marker's score sheet, re-marking), where that app serves them."""
    if not apps.is_installed("sathach.grading"):
        return []
    markers: dict[int, list[tuple[int, str]]] = {}
    try:
        mark_model = apps.get_model("grading", "Mark")
    except LookupError:
        mark_model = None
    parts = list(
        BlueprintPart.objects.filter(plan=plan).exclude(kind__in=MCQ_KINDS).order_by("order")
    )
    if mark_model is not None and parts:
        for part_id, marker_id, username in (
            mark_model.objects.filter(script__part__in=parts)
            .values_list("script__part_id", "marker_id", "marker__username")
            .distinct()
            .order_by("script__part_id", "marker__username")
        ):
            markers.setdefault(part_id, []).append((marker_id, username))
    found = []
    for part in parts:
        sheet = _url("grading:score-sheet-pdf", part.pk)
        found.append(
            {
                "part": part,
                "coding": _url("grading:coding-pdf", part.pk),
                "reconciliation": _url("grading:reconciliation-pdf", part.pk),
                "sheets": [
                    (name, f"{sheet}?giam-khao={pk}") for pk, name in markers.get(part.pk, [])
                ]
                if sheet
                else [],
                "remarks": _url("grading:remark-list", part.pk),
                "progress": _url("grading:part-progress", part.pk),
            }
        )
    return found


class RecordsView(LoginRequiredMixin, View):
    """Hồ sơ kỳ kiểm tra: every record of the plan with its download link or job button."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        access = records_access_get(user=request.user, plan=plan)
        sessions = list(records.session_list(plan))
        by_sitting: dict[int, dict[str, Any]] = {}
        for session in sessions:
            entry = by_sitting.setdefault(
                session.sitting_id, {"sitting": session.sitting, "sessions": []}
            )
            entry["sessions"].append(session)
        incidents = list(
            Incident.objects.filter(attempt__sitting__plan=plan)
            .select_related("attempt__candidate__person", "attempt__session__room")
            .order_by("created_at", "pk")
        )
        sittings = list(
            Sitting.objects.filter(plan=plan).select_related("part").order_by("starts_at", "pk")
        )
        packs: dict[int, list[Any]] = {}
        for sitting_id, room_id, room_name in (
            Seat.objects.filter(sitting__plan=plan)
            .values_list("sitting_id", "room_id", "room__name")
            .distinct()
            .order_by("sitting_id", "room__name")
        ):
            packs.setdefault(sitting_id, []).append({"pk": room_id, "name": room_name})
        planned = [{"sitting": s, "rooms": packs.get(s.pk, [])} for s in sittings]
        memberships = list(
            BoardMembership.objects.filter(plan=plan)
            .select_related("person", "user")
            .order_by("board", "pk")
        )
        context = {
            "plan": plan,
            "can_print": access.write,
            "computer": list(by_sitting.values()),
            "planned": planned,
            "memberships": memberships,
            "incidents": incidents,
            "marking": _marking_records(plan),
            "publication": publication_of(plan),
            "results_export": _url("results:results-export", plan.code),
            "exports": EXPORTS,
        }
        return render(request, "results/reports/records.html", context)


def _session(request: HttpRequest, code: str, pk: int) -> RoomSession:
    plan = plan_get_for_user(user=request.user, code=code)
    records_access_get(user=request.user, plan=plan)
    session = (
        RoomSession.objects.select_related("sitting__plan", "sitting__part", "room")
        .filter(pk=pk, sitting__plan=plan)
        .first()
    )
    if session is None:
        raise Http404
    return session


class RoomRecordPdfView(LoginRequiredMixin, View):
    """A room's attendance list (``danh-sach``) or record (``bien-ban``) as PDF."""

    kind = "bien-ban"

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        session = _session(request, code, pk)
        export = record_export(actor=request.user, session=session, kind=self.kind)
        return _file(export.content, export.filename, export.content_type, inline=True)


class SittingRecordsView(LoginRequiredMixin, View):
    """Queue the records of every room of a sitting as one PDF and open the job's page."""

    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        records_access_get(user=request.user, plan=plan)
        sitting = Sitting.objects.filter(plan=plan, pk=pk).first()
        if sitting is None:
            raise Http404
        job = sitting_records_enqueue(actor=request.user, sitting=sitting)
        return HttpResponseRedirect(reverse("tasks:job-detail", args=[job.pk]))
