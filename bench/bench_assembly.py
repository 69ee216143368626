"""Fair assembly of a sealed form per candidate, against a naive random draw of the same cells.

Subject: ``assemble`` for 20,000 candidates × 60 items from a synthetic pool shaped like the
demo bank (3 topics × 3 difficulties, 1,500 items, facility around the difficulty defaults
with noise, a third calibrated with IRT 2PL, one in five forbidding option shuffling, a few
pairs that must not meet), then seating in rooms of 5 × 8.

Baselines, same process: the naive draw a random-question quiz makes (``random.sample`` per
candidate and cell, options shuffled; pure Python, so mostly interpreter time), and our own
pipeline with the repair switched off, which isolates what parallelism costs.

Figures: seconds for each; the spread of expected score across all candidates' forms (ours,
naive, unrepaired; also as % of the maximum score); exposure (share of forms holding an item:
the largest, the mean, and the largest a uniform draw implies); the share of items adjacent
seats have in common. Target: under 20 s, spread ≤ 2 % of the maximum score.

Runs without a database; on its own: ``python bench/bench_assembly.py [--candidates N]``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from typing import Any

import numpy as np

from sathach.lib.assembly import (
    DIFFICULTY_P,
    Blueprint,
    Cell,
    PoolItem,
    Seat,
    assemble,
    assign_to_seats,
    expected_scores,
    neighbour_overlap,
)

NAME = "assembly"

TOPICS = ("Luật Cán bộ, công chức", "Tin học văn phòng", "Nghiệp vụ chuyên ngành")
SPLIT = {"easy": 8, "medium": 8, "hard": 4}  # per topic: 20 items, 60 in all
IRT_B = {"easy": -1.0, "medium": 0.0, "hard": 1.0}
ROOM_ROWS, ROOM_COLS = 5, 8
TARGET_S = 20.0


def synthetic_pool(seed: int, size: int = 1500) -> tuple[list[PoolItem], Blueprint]:
    """Return a demo-like pool of ``size`` items and the 60-item blueprint."""
    rng = np.random.default_rng(seed)
    cells = [(t, d) for t in TOPICS for d in SPLIT]
    items: list[PoolItem] = []
    for c, (topic, level) in enumerate(cells):
        for _ in range(size // len(cells) + (c < size % len(cells))):
            item_id = len(items) + 1
            calibrated = rng.random() < 1 / 3
            items.append(
                PoolItem(
                    id=item_id,
                    cell=f"{topic}|{level}",
                    points=1.0,
                    p=float(np.clip(DIFFICULTY_P[level] + rng.normal(0, 0.1), 0.05, 0.98)),
                    irt_a=float(rng.uniform(0.4, 2.0)) if calibrated else None,
                    irt_b=float(rng.normal(IRT_B[level], 0.6)) if calibrated else None,
                    n_options=4,
                    shuffle=bool(rng.random() >= 0.2),
                    enemies=frozenset({item_id - 1}) if rng.random() < 0.02 else frozenset(),
                )
            )
    blueprint = Blueprint([Cell(f"{t}|{d}", SPLIT[d], topic=t, difficulty=d) for t, d in cells])
    return items, blueprint


def naive_draw(
    pool: list[PoolItem], blueprint: Blueprint, n_forms: int, seed: int
) -> list[tuple[tuple[int, ...], tuple[tuple[int, ...], ...]]]:
    """Draw forms as a random-question quiz does: a uniform sample per cell, options shuffled."""
    rnd = random.Random(seed)
    by_cell: dict[str, list[PoolItem]] = {}
    for item in pool:
        by_cell.setdefault(item.cell, []).append(item)
    forms = []
    for _ in range(n_forms):
        drawn = [i for cell in blueprint.cells for i in rnd.sample(by_cell[cell.key], cell.count)]
        rnd.shuffle(drawn)
        orders = []
        for item in drawn:
            order = list(range(item.n_options))
            if item.shuffle:
                rnd.shuffle(order)
            orders.append(tuple(order))
        forms.append((tuple(item.id for item in drawn), tuple(orders)))
    return forms


def _options(args: Any) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench_assembly", description=__doc__.split("\n")[0])
    parser.add_argument("--candidates", type=int, default=20_000)
    parser.add_argument("--pool", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=2019)
    if args is None or isinstance(args, list | tuple):
        return parser.parse_args(list(args or []))
    # The runner's BenchArgs: a seed and a scale of the full run.
    scale = float(getattr(args, "scale", 1.0))
    return argparse.Namespace(
        candidates=max(1, round(20_000 * scale)), pool=1500, seed=int(getattr(args, "seed", 2019))
    )


def run(args: list[str] | None = None) -> dict[str, Any]:
    """Measure assembly and seating against the naive draw; return the figures."""
    opts = _options(args)
    pool, blueprint = synthetic_pool(opts.seed, opts.pool)

    started = time.perf_counter()
    result = assemble(pool, blueprint, opts.candidates, seed=opts.seed)
    assemble_s = time.perf_counter() - started

    # The same pipeline with the repair switched off: what parallelism itself costs.
    started = time.perf_counter()
    unrepaired = assemble(pool, blueprint, opts.candidates, seed=opts.seed, aim_fraction=math.inf)
    unrepaired_s = time.perf_counter() - started

    started = time.perf_counter()
    naive = naive_draw(pool, blueprint, opts.candidates, opts.seed)
    naive_s = time.perf_counter() - started
    value = dict(zip((i.id for i in pool), expected_scores(pool).tolist(), strict=True))
    naive_totals = [sum(value[i] for i in items) for items, _ in naive]
    naive_spread = max(naive_totals) - min(naive_totals)  # the stdlib draw, measured apart

    room = ROOM_ROWS * ROOM_COLS
    seats = [
        Seat(f"P{s // room + 1:03d}", s % room // ROOM_COLS, s % ROOM_COLS)
        for s in range(opts.candidates)
    ]
    started = time.perf_counter()
    assignment = assign_to_seats(result.forms, seats, seed=opts.seed)
    seating_s = time.perf_counter() - started
    overlap_mean, overlap_max = neighbour_overlap(result.forms, assignment)

    sizes = {cell.key: sum(i.cell == cell.key for i in pool) for cell in blueprint.cells}
    pct = 100.0 / result.max_score
    return {
        "candidates": opts.candidates,
        "items_per_form": blueprint.length,
        "pool_items": len(pool),
        "assemble_s": round(assemble_s, 3),
        "naive_draw_s": round(naive_s, 3),
        "assemble_to_naive": round(assemble_s / naive_s, 2),
        "unrepaired_s": round(unrepaired_s, 3),
        "assemble_to_unrepaired": round(assemble_s / unrepaired_s, 2),
        "seating_s": round(seating_s, 3),
        "under_target_s": assemble_s + seating_s < TARGET_S,
        "max_score": result.max_score,
        "tolerance_pct": round(result.tolerance * pct, 3),
        "spread": round(result.spread, 4),
        "spread_pct": round(result.spread * pct, 3),
        "naive_spread": round(result.naive_spread, 4),
        "naive_spread_pct": round(result.naive_spread * pct, 3),
        "stdlib_naive_spread_pct": round(naive_spread * pct, 3),
        "unrepaired_spread_pct": round(unrepaired.spread * pct, 3),
        "within_tolerance": result.within_tolerance,
        "blueprint_ok": result.blueprint_ok,
        "distinct_forms": result.distinct_forms,
        "exposure_max": round(result.exposure_max, 4),
        "exposure_mean": round(result.exposure_mean, 4),
        "exposure_uniform_max": round(max(c.count / sizes[c.key] for c in blueprint.cells), 4),
        "neighbour_overlap_mean": round(overlap_mean, 4),
        "neighbour_overlap_max": round(overlap_max, 4),
    }


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1:]), indent=2, ensure_ascii=False))
