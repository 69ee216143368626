"""2PL IRT calibration of 10,000 persons × 100 items: ours beside girth, in the same run.

Subject: ``sathach.lib.psychometrics.irt.calibrate_2pl`` (marginal maximum likelihood, Bock-Aitkin
EM on 41 quadrature points, SQUAREM acceleration, vectorised NumPy) on data simulated from a
2PL model with a fixed seed: θ ~ N(0, 1), log a ~ N(0, 0.3²), b ~ N(0, 1).

Baseline, same process and data: girth 0.8.0's ``twopl_mml`` (marginal maximum likelihood
too; a benchmark-only dependency of the dev extra), with its default options.

Figures: wall seconds of each and the speed-up; RMSE of a and b against the true values for
each; how much higher the marginal log-likelihood of our estimates is than girth's (same
quadrature; both aim at the maximum); EM steps; the correlation of our EAP abilities with the
true θ. Target: ours ≥ 5× faster than girth, RMSE no worse.

Runs without a database; on its own: ``python bench/bench_irt.py [--persons N] [--items N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

import numpy as np

from sathach.lib.psychometrics.irt import calibrate_2pl, marginal_log_likelihood, simulate_2pl

NAME = "irt"
DATABASE = False  # pure NumPy: the runner need not build a database for it
TARGET_SPEEDUP = 5.0


def _options(args: Any) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench_irt", description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2019)
    if args is None or isinstance(args, list | tuple):
        return parser.parse_args(list(args or []))
    # The runner's BenchArgs: a seed and a scale of the full run.
    scale = float(getattr(args, "scale", 1.0))
    return argparse.Namespace(
        persons=max(100, round(10_000 * scale)), items=100, seed=int(getattr(args, "seed", 2019))
    )


def _rmse(estimate: np.ndarray, truth: np.ndarray) -> float:
    return float(np.sqrt(np.mean((np.asarray(estimate, dtype=float) - truth) ** 2)))


def run(args: Any = None) -> dict[str, Any]:
    """Calibrate the simulated data with ours and with girth; return the figures."""
    try:
        import girth
    except ImportError as exc:  # a production install has no dev extra
        from bench.runner import BenchError

        raise BenchError("girth is not installed: pip install -e '.[dev]'") from exc
    opts = _options(args)
    sim = simulate_2pl(opts.persons, opts.items, opts.seed)

    started = time.perf_counter()
    ours = calibrate_2pl(sim.responses)
    ours_s = time.perf_counter() - started

    started = time.perf_counter()
    theirs = girth.twopl_mml(sim.responses.T.astype(int))  # girth wants items × persons
    girth_s = time.perf_counter() - started
    girth_a = np.asarray(theirs["Discrimination"], dtype=float)
    girth_b = np.asarray(theirs["Difficulty"], dtype=float)

    figures = {
        "persons": opts.persons,
        "items": opts.items,
        "seed": opts.seed,
        "ours_s": round(ours_s, 3),
        "girth_s": round(girth_s, 3),
        "speedup": round(girth_s / ours_s, 1),
        "ours_rmse_a": round(_rmse(ours.a, sim.a), 4),
        "ours_rmse_b": round(_rmse(ours.b, sim.b), 4),
        "girth_rmse_a": round(_rmse(girth_a, sim.a), 4),
        "girth_rmse_b": round(_rmse(girth_b, sim.b), 4),
        # Both are maximum likelihood estimates: the higher likelihood is the better fit.
        "loglik_ours_minus_girth": round(
            marginal_log_likelihood(sim.responses, ours.a, ours.b)
            - marginal_log_likelihood(sim.responses, girth_a, girth_b),
            3,
        ),
        "ours_em_steps": ours.iterations,
        "ours_converged": ours.converged,
        "ours_eap_corr": round(float(np.corrcoef(ours.theta, sim.theta)[0, 1]), 4),
    }
    figures["rmse_not_worse"] = (
        figures["ours_rmse_a"] <= figures["girth_rmse_a"]
        and figures["ours_rmse_b"] <= figures["girth_rmse_b"]
    )
    figures["target_met"] = figures["speedup"] >= TARGET_SPEEDUP and figures["rmse_not_worse"]
    return figures


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1:]), indent=2, ensure_ascii=False))
