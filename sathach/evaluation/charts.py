"""A server-side SVG bar chart of the levels per year (no JavaScript: the CSP forbids inline
script). This module only computes the geometry; ``evaluation/_level_chart.html`` draws it
with plain SVG attributes, so every text is escaped by the template engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .constants import LEVEL_SHORT, Level
from .selectors import YearRow

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
