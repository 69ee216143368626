"""Server-side SVG bar charts of the report: the levels per year, and stacked bars of the
training, re-test and streamlining sections (no JavaScript: the CSP forbids inline script).
This module only computes the geometry; ``evaluation/_level_chart.html`` and
``evaluation/_stacked_chart.html`` draw it with plain SVG attributes, so every text is escaped
by the template engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .constants import LEVEL_SHORT, Level, Section
from .selectors import YearRow
from .selectors_report import OutcomeReport, StreamliningReport

# One colour per level, best to worst; text labels carry the meaning too (not colour alone).
COLOURS = {Level.HTXS: "#1b5e20", Level.HTT: "#4caf50", Level.HT: "#f9a825", Level.KHT: "#c62828"}
HEIGHT = 240
TOP, BOTTOM, LEFT = 24, 40, 44
BAR, GAP = 18, 26


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    fill: str
    value: int
    title: str


@dataclass(frozen=True)
class Label:
    x: int
    y: int
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    baseline: int
    bars: list[Bar]
    years: list[Label]
    ticks: list[Label]
    legend: list[tuple[Label, str]]


def _nice_max(value: int) -> int:
    """Return a round axis maximum at or above ``value`` (1, 2, 5 × 10ⁿ)."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def level_chart(rows: Sequence[YearRow]) -> Chart:
    """Return the bars of each year's four levels, with the axis and the legend."""
    levels = list(Level)
    group = len(levels) * BAR
    width = LEFT + len(rows) * (group + GAP) + GAP
    width = max(width, LEFT + 4 * 110)
    baseline = HEIGHT - BOTTOM
    top = _nice_max(max((n for r in rows for n in r.counts.values()), default=0))
    scale = (baseline - TOP) / top
    bars: list[Bar] = []
    years: list[Label] = []
    for i, row in enumerate(rows):
        x0 = LEFT + GAP + i * (group + GAP)
        for j, level in enumerate(levels):
            n = row.counts.get(level, 0)
            h = round(n * scale)
            bars.append(
                Bar(
                    x=x0 + j * BAR,
                    y=baseline - h,
                    width=BAR - 2,
                    height=h,
                    fill=COLOURS[level],
                    value=n,
                    title=f"{row.year} — {level.label}: {n}",
                )
            )
        years.append(Label(x0 + group // 2, baseline + 16, str(row.year)))
    ticks = [
        Label(LEFT - 6, round(baseline - v * scale) + 4, str(v)) for v in sorted({0, top // 2, top})
    ]
    legend = [
        (Label(LEFT + k * 110, HEIGHT - 8, LEVEL_SHORT[level]), COLOURS[level])
        for k, level in enumerate(levels)
    ]
    return Chart(width, HEIGHT, LEFT, baseline, bars, years, ticks, legend)


# --- Stacked bars of the follow-up sections (training, re-test, streamlining) ----------------

STACK_WIDTH = 640
STACK_LEFT, STACK_RIGHT, STACK_TOP = 8, 48, 30
STACK_ROW, STACK_BAR = 40, 16  # each row: its label above, then its bar


@dataclass(frozen=True)
class Series:
    """One kind of bar segment: its label in the legend, its colour, one value per row."""

    label: str
    fill: str
    values: list[int]


@dataclass(frozen=True)
class StackRow:
    label: Label
    segments: list[Bar]
    total: Label


@dataclass(frozen=True)
class StackedChart:
    """Horizontal bars, one per row (a unit, a ground), each split into ``Series``; the
    label sits above its bar so long unit names and grounds are never cut."""

    chart_id: str
    title: str
    width: int
    height: int
    rows: list[StackRow]
    legend: list[tuple[Label, str]]


def stacked_chart(
    *, chart_id: str, title: str, labels: Sequence[str], series: Sequence[Series]
) -> StackedChart:
    """Return the geometry of horizontal stacked bars of ``series`` over ``labels`` (the bar
    lengths share one scale: the longest total fills the width)."""
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    scale = (STACK_WIDTH - STACK_LEFT - STACK_RIGHT) / max(max(totals, default=0), 1)
    rows = []
    for i, text in enumerate(labels):
        top = STACK_TOP + i * STACK_ROW
        x = STACK_LEFT
        segments = []
        for s in series:
            n = s.values[i]
            w = round(n * scale)
            if n:
                segments.append(
                    Bar(x, top + 6, w, STACK_BAR, s.fill, n, f"{text} — {s.label}: {n}")
                )
            x += w
        rows.append(
            StackRow(
                Label(STACK_LEFT, top, text),
                segments,
                Label(x + 6, top + 6 + STACK_BAR - 4, str(totals[i])),
            )
        )
    legend, x = [], STACK_LEFT
    for s in series:
        legend.append((Label(x, 14, s.label), s.fill))
        x += 24 + 7 * len(s.label)
    height = STACK_TOP + max(len(labels), 1) * STACK_ROW
    return StackedChart(chart_id, title, STACK_WIDTH, height, rows, legend)


GREEN, RED, AMBER, GREY, BLUE, PURPLE = (
    "#2e7d32",
    "#c62828",
    "#f9a825",
    "#9e9e9e",
    "#0b5cad",
    "#6a1b9a",
)


def training_chart(report: OutcomeReport) -> StackedChart:
    """People below the bar per child unit, split by how their training stands."""
    rows = report.training
    return stacked_chart(
        chart_id="chart-training",
        title=_("Kết quả bồi dưỡng của người chưa đạt, theo đơn vị"),
        labels=[r.label for r in rows],
        series=[
            Series(_("Hoàn thành"), GREEN, [r.completed for r in rows]),
            Series(_("Không hoàn thành"), RED, [r.not_completed for r in rows]),
            Series(_("Đang bồi dưỡng"), AMBER, [r.in_progress for r in rows]),
            Series(_("Chưa cử"), GREY, [r.not_assigned for r in rows]),
        ],
    )


def retest_chart(report: OutcomeReport) -> StackedChart:
    """Re-test candidates per child unit, split by their outcome."""
    rows = [r for r in report.retest if r.candidates]
    return stacked_chart(
        chart_id="chart-retest",
        title=_("Kết quả kiểm tra lại, theo đơn vị"),
        labels=[r.label for r in rows],
        series=[
            Series(_("Đạt"), GREEN, [r.passed for r in rows]),
            Series(_("Không đạt"), RED, [r.failed for r in rows]),
            Series(_("Vắng"), PURPLE, [r.absent for r in rows]),
            Series(_("Chưa có kết quả"), GREY, [r.pending for r in rows]),
        ],
    )


def streamlining_chart(report: StreamliningReport) -> StackedChart:
    """People per legal ground, then the deferred and the dismissal route (each a bar)."""
    labels = [g.label for g in report.grounds] + [
        report.section(Section.DEFERRED).label,
        report.section(Section.DISMISSAL).label,
    ]
    n = len(report.grounds)
    return stacked_chart(
        chart_id="chart-streamlining",
        title=_("Số người theo căn cứ tinh giản biên chế"),
        labels=labels,
        series=[
            Series(_("Đối tượng tinh giản"), BLUE, [g.people for g in report.grounds] + [0, 0]),
            Series(
                _("Chưa xem xét"), AMBER, [0] * n + [report.section(Section.DEFERRED).people, 0]
            ),
            Series(
                _("Thôi việc (không phải tinh giản)"),
                RED,
                [0] * (n + 1) + [report.section(Section.DISMISSAL).people],
            ),
        ],
    )
