"""Charts of the reports as inline SVG, drawn on the server (plain Python, no Django).

The pages forbid inline script and inline style (CSP ``'self'``), so a chart is markup only:
presentation attributes, no ``style``; every chart carries a ``<title>`` and a ``<desc>``
(``role="img"``, ``aria-labelledby``), text labels on its bars, and a ``<title>`` on each bar
that a pointer or a screen reader reads. The numbers are also in the table beside each chart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

INK = "#1d2733"
MUTED = "#5b6673"
GRID = "#d6dbe1"
BAR = "#0b5cad"
BAR_LOW = "#b3261e"  # a group whose pass rate is under the overall one
BAR_LINE = "#b3261e"
FONT = "DejaVu Sans, Noto Sans, Arial, sans-serif"


def vn_number(value: float, digits: int = 1) -> str:
    """Return ``value`` the Vietnamese way (decimal comma): 72.5 → "72,5"."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _svg_open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" id={quoteattr(chart_id)} '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" font-family={quoteattr(FONT)} '
        f'font-size="11" fill="{INK}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def _nice_step(maximum: int, ticks: int = 4) -> int:
    """Return a round step (1, 2, 5 × 10^k) giving about ``ticks`` gridlines up to ``maximum``."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


@dataclass(frozen=True)
class Marker:
    """A vertical line at ``value`` percent (the pass mark, a class bound)."""

    value: float
    label: str
    strong: bool = False


def histogram_svg(
    counts: Sequence[int],
    *,
    chart_id: str,
    title: str,
    desc: str,
    axis: str,
    people: str,
    markers: Sequence[Marker] = (),
) -> str:
    """Return a histogram of ``counts`` over equal bins of 0–100 %, with vertical ``markers``.

    Each bar is labelled with its count and carries a ``<title>`` with its range and the count
    followed by ``people``; ``axis`` names the horizontal axis (the caller translates both).
    """
    width, height = 640, 280
    left, right, top, bottom = 44, 14, 34, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(counts), 1)
    step_pct = 100 / n
    highest = max(counts, default=0)
    step = _nice_step(highest)
    ceiling = max(step, math.ceil(highest / step) * step)

    def x(percent: float) -> float:
        return left + plot_w * percent / 100

    def y(count: float) -> float:
        return top + plot_h - plot_h * count / ceiling

    out = _svg_open(chart_id, width, height, title, desc)
    for tick in range(0, ceiling + 1, step):
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{tick}</text>"
        )
    gap = 2
    bar_w = plot_w / n - gap
    for i, count in enumerate(counts):
        lo, hi = i * step_pct, (i + 1) * step_pct
        bx = x(lo) + gap / 2
        by = y(count)
        label = f"{vn_number(lo)}–{vn_number(hi)} %: {count} {people}"
        out.append(
            f'<rect x="{bx:.1f}" y="{by:.1f}" width="{bar_w:.1f}" '
            f'height="{top + plot_h - by:.1f}" fill="{BAR}"><title>{escape(label)}</title></rect>'
        )
        if count:
            out.append(
                f'<text x="{bx + bar_w / 2:.1f}" y="{by - 3:.1f}" text-anchor="middle" '
                f'font-size="9">{count}</text>'
            )
    for tick in range(0, 101, 10):
        out.append(
            f'<text x="{x(tick):.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
            f'fill="{MUTED}">{tick}</text>'
        )
    out.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    out.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" '
        f'fill="{MUTED}">{escape(axis)}</text>'
    )
    for k, marker in enumerate(markers):
        mx = x(max(0.0, min(100.0, marker.value)))
        color = BAR_LINE if marker.strong else MUTED
        dash = "" if marker.strong else ' stroke-dasharray="4 3"'
        out.append(
            f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{top - 4}" y2="{top + plot_h}" '
            f'stroke="{color}" stroke-width="{2 if marker.strong else 1}"{dash}/>'
        )
        anchor = "end" if marker.value > 85 else "start"
        shift = -3 if anchor == "end" else 3
        out.append(
            f'<text x="{mx + shift:.1f}" y="{top - 8 - 11 * (k % 2)}" text-anchor="{anchor}" '
            f'fill="{color}" font-size="10">{escape(marker.label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Bar:
    """One group of a bar chart: its label, its rate in percent (None: no result yet) and the
    note printed after the value (e.g. "6/7")."""

    label: str
    value: float | None
    note: str = ""


def _clip(text: str, limit: int = 46) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart_svg(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    desc: str,
    empty: str,
    reference: Marker | None = None,
) -> str:
    """Return horizontal bars of rates in percent (0–100), one per group, labelled with the
    group's name and its value; groups under ``reference`` (the overall rate) in red, groups
    without a rate with the text ``empty``."""
    row_h, top, bottom = 22, 30, 26
    label_w, width, right = 300, 900, 96
    plot_w = width - label_w - right
    height = top + row_h * max(len(bars), 1) + bottom

    def x(percent: float) -> float:
        return label_w + plot_w * percent / 100

    out = _svg_open(chart_id, width, height, title, desc)
    for tick in range(0, 101, 25):
        out.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top - 4}" '
            f'y2="{height - bottom}" stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{x(tick):.1f}" y="{height - bottom + 14}" text-anchor="middle" '
            f'fill="{MUTED}">{tick}%</text>'
        )
    for i, bar in enumerate(bars):
        y = top + i * row_h
        out.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(_clip(bar.label))}</text>"
        )
        if bar.value is None:
            out.append(
                f'<text x="{x(0) + 4:.1f}" y="{y + 15}" fill="{MUTED}">{escape(empty)}</text>'
            )
            continue
        low = reference is not None and bar.value < reference.value
        length = plot_w * max(0.0, min(100.0, bar.value)) / 100
        text = f"{vn_number(bar.value)}%" + (f" ({bar.note})" if bar.note else "")
        out.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{length:.1f}" height="{row_h - 8}" '
            f'fill="{BAR_LOW if low else BAR}"><title>{escape(bar.label)}: {escape(text)}'
            "</title></rect>"
        )
        out.append(f'<text x="{label_w + length + 4:.1f}" y="{y + 15}">{escape(text)}</text>')
    if reference is not None:
        rx = x(max(0.0, min(100.0, reference.value)))
        out.append(
            f'<line x1="{rx:.1f}" x2="{rx:.1f}" y1="{top - 6}" y2="{height - bottom}" '
            f'stroke="{INK}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
        out.append(
            f'<text x="{rx:.1f}" y="{top - 10}" text-anchor="middle" font-size="10">'
            f"{escape(reference.label)}</text>"
        )
    out.append("</svg>")
    return "".join(out)
