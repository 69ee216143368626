"""2PL calibration: recovery of simulated parameters, the likelihood maximum, edge cases."""

import numpy as np
import pytest

from sathach.lib.psychometrics.irt import (
    REASON_NO_RESPONSES,
    REASON_NO_VARIANCE,
    calibrate_2pl,
    eap_scores,
    quadrature,
    simulate_2pl,
)


def rmse(estimate, truth):
    return float(np.sqrt(np.mean((estimate - truth) ** 2)))


def test_simulator_is_reproducible_and_returns_the_truth():
    first = simulate_2pl(100, 5, seed=1)
    again = simulate_2pl(100, 5, seed=1)
    assert np.array_equal(first.responses, again.responses)
    assert first.responses.shape == (100, 5)
    assert set(np.unique(first.responses)) <= {0.0, 1.0}
    assert first.a.shape == first.b.shape == (5,) and first.theta.shape == (100,)
    assert (first.a > 0).all()
    holes = simulate_2pl(1000, 10, seed=1, missing=0.25).responses
    assert np.isnan(holes).mean() == pytest.approx(0.25, abs=0.02)


def test_quadrature_weights_are_the_standard_normal():
    for kind in ("grid", "hermite"):
        nodes, weights = quadrature(41, kind=kind)
        assert weights.sum() == pytest.approx(1.0)
        assert weights @ nodes == pytest.approx(0.0, abs=1e-12)
        assert weights @ nodes**2 == pytest.approx(1.0, abs=1e-4)  # the grid stops at ±5


def test_recovers_item_parameters_of_3000_by_20():
    # Measured on seeds 0-5: RMSE(a) 0.04-0.08, RMSE(b) 0.05-0.11.
    sim = simulate_2pl(3000, 20, seed=2019)
    result = calibrate_2pl(sim.responses)
    assert result.converged
    assert rmse(result.a, sim.a) < 0.15
    assert rmse(result.b, sim.b) < 0.15
    assert np.corrcoef(result.theta, sim.theta)[0, 1] > 0.85  # 20 items: reliability ≈ 0.78


def test_eap_abilities_track_the_true_ability_on_40_items():
    # Measured on seeds 0-4: correlation 0.935-0.943.
    sim = simulate_2pl(2000, 40, seed=7)
    result = calibrate_2pl(sim.responses)
    assert np.corrcoef(result.theta, sim.theta)[0, 1] > 0.9
    # EAP shrinks: var(EAP) + mean posterior variance = the prior variance, 1.
    assert np.var(result.theta) + np.mean(result.theta_sd**2) == pytest.approx(1.0, abs=0.02)
    assert 0.8 < result.marginal_reliability < 0.95
    theta, sd = eap_scores(sim.responses, sim.a, sim.b)
    assert np.corrcoef(theta, sim.theta)[0, 1] > 0.9
    assert np.corrcoef(theta, result.theta)[0, 1] > 0.99
    assert sd.shape == theta.shape


def test_recovers_parameters_when_a_third_of_cells_were_not_presented():
    # Measured on seeds 0-5 (3000 × 20, 30 % missing): RMSE(a) 0.04-0.10, RMSE(b) 0.06-0.13.
    sim = simulate_2pl(3000, 20, seed=11, missing=0.3)
    result = calibrate_2pl(sim.responses)
    assert result.converged
    assert rmse(result.a, sim.a) < 0.2
    assert rmse(result.b, sim.b) < 0.2


def _marginal_loglik(responses, a, b, points=41):
    """The 2PL marginal log-likelihood written out directly, independently of irt.py."""
    nodes, weights = quadrature(points)
    total = 0.0
    for row in responses:
        seen = ~np.isnan(row)
        p = 1 / (1 + np.exp(-a[seen, None] * (nodes[None, :] - b[seen, None])))
        x = row[seen, None]
        total += np.log(np.sum(weights * np.prod(np.where(x == 1, p, 1 - p), axis=0)))
    return total


def _log_prior(a, b):
    # The documented priors: log a ~ N(0, 0.5²), c = -a·b ~ N(0, 5²).
    return float(np.sum(-(np.log(a) ** 2) / (2 * 0.5**2) - (a * b) ** 2 / (2 * 5.0**2)))


def test_the_estimates_are_a_maximum_of_the_marginal_likelihood():
    sim = simulate_2pl(400, 6, seed=3, missing=0.1)
    result = calibrate_2pl(sim.responses, tol=1e-7)
    loglik = _marginal_loglik(sim.responses, result.a, result.b)
    assert loglik == pytest.approx(result.log_likelihood, abs=1e-6)
    best = loglik + _log_prior(result.a, result.b)
    for i in range(6):
        for da, db in ((0.02, 0), (-0.02, 0), (0, 0.02), (0, -0.02)):
            a, b = result.a.copy(), result.b.copy()
            a[i] += da
            b[i] += db
            assert _marginal_loglik(sim.responses, a, b) + _log_prior(a, b) < best


def test_acceleration_reaches_the_same_estimates_as_plain_em():
    sim = simulate_2pl(1500, 12, seed=5)
    fast = calibrate_2pl(sim.responses, tol=1e-6)
    slow = calibrate_2pl(sim.responses, tol=1e-6, accelerate=False, max_iter=2000)
    assert fast.converged and slow.converged
    assert fast.iterations < slow.iterations
    assert np.allclose(fast.a, slow.a, atol=1e-3)
    assert np.allclose(fast.b, slow.b, atol=1e-3)


def test_items_without_information_get_no_parameters_and_a_reason():
    sim = simulate_2pl(500, 5, seed=2)
    data = sim.responses.copy()
    data[:, 1] = 1.0  # everybody right
    data[:, 3] = np.nan  # never presented
    data[7, :] = np.nan  # a candidate who answered nothing
    result = calibrate_2pl(data)
    assert np.isnan(result.a[1]) and np.isnan(result.b[3])
    assert result.item_reasons == {1: REASON_NO_VARIANCE, 3: REASON_NO_RESPONSES}
    assert np.isfinite(result.a[[0, 2, 4]]).all()
    assert result.theta[7] == pytest.approx(0.0, abs=1e-9)
    assert result.theta_sd[7] == pytest.approx(1.0, abs=1e-3)


def test_tiny_and_extreme_data_stay_finite():
    # Four candidates, items answered against the grain: the priors keep a > 0 and b finite.
    data = np.array([[1, 0, 1], [1, 1, 0], [1, 0, 0], [0, 1, 1]], dtype=float)
    result = calibrate_2pl(data)
    assert np.isfinite(result.a).all() and np.isfinite(result.b).all()
    assert (result.a > 0).all()
    assert np.isfinite(result.theta).all()


def test_an_item_that_hardly_discriminates_keeps_a_sensible_b():
    # 400 × 8, seed 3: item 2 (true a = 0.47, b = 3.3, 20 % right) has a likelihood nearly flat
    # towards a = 0, where b = -c/a runs away (the likelihood alone gives a = 0.02, b = 40).
    sim = simulate_2pl(400, 8, seed=3)
    result = calibrate_2pl(sim.responses)
    assert 0.2 < result.a[1] < 0.6
    assert abs(result.b[1] - sim.b[1]) < 1.0
    nothing = calibrate_2pl(np.full((3, 2), np.nan))
    assert np.isnan(nothing.a).all() and (nothing.theta == 0).all()


def test_responses_other_than_zero_and_one_are_refused():
    with pytest.raises(ValueError, match="0, 1 or NaN"):
        calibrate_2pl([[0.5, 1], [0, 1]])
