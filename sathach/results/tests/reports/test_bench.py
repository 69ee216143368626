"""``sathach bench results`` at a tiny scale: seeding, scoring and every timed report run, and
the figures hang together (the full run is recorded in docs/BENCHMARKS.md)."""

from __future__ import annotations

import pytest

from bench import bench_results
from bench.runner import BenchArgs


@pytest.mark.django_db
def test_the_results_benchmark_runs_end_to_end_at_a_small_scale():
    figures = bench_results.run(BenchArgs(scale=0.003))  # 60 candidates, two rooms
    assert figures["candidates"] == 60 and figures["rooms"] == 2
    assert figures["results_complete"] == 60
    assert figures["attempts_scored"] == figures["submitted"] > 50
    assert figures["responses"] > 50 * 50
    timed = [k for k in figures if k.endswith("_s") and k not in ("seed_s", "target_s")]
    assert {"results_compute_s", "topic_stats_s", "pdf_results_summary_s"} <= set(timed)
    parts = [k for k in timed if k not in ("total_s", "total_with_scoring_s")]
    assert all(figures[k] >= 0 for k in parts)
    assert figures["below_bar"] == 60 - figures["results_passed"]
    assert 0 < figures["pct_correct_KTC-HT"] <= 100
