"""Two-parameter logistic IRT: calibration by marginal maximum likelihood, EAP abilities.

The model (Birnbaum 1968): the chance that a person of ability θ answers item i correctly is

    P_i(θ) = 1 / (1 + exp(-a_i (θ - b_i)))

with discrimination a_i and difficulty b_i, θ ~ N(0, 1) in the population (which fixes the
scale). Items are calibrated by marginal maximum likelihood with the EM algorithm of Bock and
Aitkin (1981, Psychometrika 46, 443-459): the E-step integrates θ out over fixed quadrature
points (an equally spaced grid on [-span, span] with normal weights, as BILOG and mirt do, or
Gauss-Hermite nodes); the M-step maximises each item's expected complete-data log-likelihood,
a two-parameter logistic regression on the quadrature points, by Fisher scoring in the
slope-intercept form exp(α)·θ + c (a = exp(α), c = -a·b), for all items at once. Priors make
the estimates Bayes modal (Mislevy 1986, Psychometrika 51, 177-195): a lognormal slope prior
as BILOG-MG uses, log a ~ N(0, 0.5²), and a weak c ~ N(0, 5²). They keep a positive and away
from 0, and so b = -c/a finite, when an item hardly discriminates or nearly everyone answers
it alike; with thousands of candidates they move the estimates by far less than their
standard errors. (A miskeyed item, which would have a < 0, gets a small a and an extreme b;
the classical flags name it.) The EM steps are accelerated with SQUAREM (Varadhan and Roland
2008, Scand. J. Statist. 35, 335-353), falling back to the plain step whenever the
extrapolation would lower the likelihood.

Responses are a persons × items array of 0/1 with NaN for an item not presented; missing cells
are left out of the likelihood (missing at random, as in a design of different forms).
Abilities are expected a posteriori (EAP, Bock and Mislevy 1982) with their posterior SD.

Pure NumPy; no Django. The cost of one EM step is one (items × persons) @ (persons × points)
product (two when cells are missing): with full data the person log-likelihood depends on the
responses only through Σ x·a and Σ x·c, the sufficient statistics of the 2PL.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Calibration",
    "Simulation",
    "calibrate_2pl",
    "eap_scores",
    "marginal_log_likelihood",
    "quadrature",
    "simulate_2pl",
]

Array = NDArray[np.float64]

# Reasons an item gets no parameters (Vietnamese, shown to the user).
REASON_NO_RESPONSES = "Không có thí sinh nào làm câu này."
REASON_NO_VARIANCE = "Mọi thí sinh cùng đúng hoặc cùng sai: không ước lượng được a, b."

# Priors (Bayes modal): log a ~ N(0, 0.5²), c ~ N(0, 5²).
PRIOR_LOG_A_SD = 0.5
PRIOR_C_SD = 5.0
LOG_A_BOUNDS = (math.log(0.01), math.log(20.0))  # a safety net; the prior keeps a well inside


@dataclass(frozen=True)
class Calibration:
    """Item parameters (NaN for items left out, with the reason), EAP abilities, fit."""

    a: Array
    b: Array
    theta: Array  # EAP ability per person
    theta_sd: Array  # posterior SD of the ability
    log_likelihood: float  # marginal log-likelihood at the estimates (priors excluded)
    iterations: int  # EM steps taken (each one E-step and one M-step)
    converged: bool
    item_reasons: dict[int, str] = field(default_factory=dict)  # item index -> why no a, b

    @property
    def marginal_reliability(self) -> float:
        """Return 1 - mean posterior variance / variance of the latent scale (= 1)."""
        return float(1.0 - np.mean(self.theta_sd**2)) if self.theta_sd.size else math.nan


@dataclass(frozen=True)
class Simulation:
    """Simulated 2PL responses (persons × items, 0/1, NaN missing) and the true values."""

    responses: Array
    a: Array
    b: Array
    theta: Array


def quadrature(points: int = 41, *, span: float = 5.0, kind: str = "grid") -> tuple[Array, Array]:
    """Return quadrature nodes and weights (summing to 1) for θ ~ N(0, 1).

    ``kind="grid"``: equally spaced points on [-span, span] weighted by the normal density
    (rectangular quadrature, as BILOG-MG and mirt use); ``kind="hermite"``: Gauss-Hermite
    nodes for the normal weight function.
    """
    if points < 3:
        raise ValueError("quadrature needs at least 3 points")
    if kind == "hermite":
        nodes, weights = hermegauss(points)
    elif kind == "grid":
        nodes = np.linspace(-span, span, points)
        weights = np.exp(-0.5 * nodes**2)
    else:
        raise ValueError(f"unknown quadrature kind: {kind!r}")
    return nodes.astype(np.float64), (weights / weights.sum()).astype(np.float64)


def simulate_2pl(persons: int, items: int, seed: int, *, missing: float = 0.0) -> Simulation:
    """Draw a 2PL data set: θ ~ N(0, 1), log a ~ N(0, 0.3²), b ~ N(0, 1).

    ``missing`` is the share of cells left out at random (NaN), as in a design of forms.
    """
    rng = np.random.default_rng(seed)
    a = np.exp(rng.normal(0.0, 0.3, items))
    b = rng.normal(0.0, 1.0, items)
    theta = rng.normal(0.0, 1.0, persons)
    p = 1.0 / (1.0 + np.exp(-a * (theta[:, None] - b)))
    responses = (rng.random((persons, items)) < p).astype(np.float64)
    if missing > 0:
        responses[rng.random((persons, items)) < missing] = np.nan
    return Simulation(responses=responses, a=a, b=b, theta=theta)


class _Data:
    """The responses as the EM loop needs them: 0/1 with 0 for missing, and the mask."""

    def __init__(self, responses: Array, nodes: Array, weights: Array) -> None:
        observed = ~np.isnan(responses)
        self.complete = bool(observed.all())
        self.x = np.where(observed, responses, 0.0)
        self.mask = observed.astype(np.float64)
        self.nodes = nodes
        self.log_weights = np.log(weights)

    def posterior(self, a: Array, c: Array) -> tuple[Array, float]:
        """Return the posterior weights (persons × points) and the marginal log-likelihood."""
        z = a[:, None] * self.nodes[None, :] + c[:, None]  # items × points
        log_q = -np.logaddexp(0.0, z)  # log(1 - P)
        # log L_pq = Σ_i x_pi z_iq + m_pi log(1 - P_iq); z is rank 2, so its part is two dots.
        log_l = np.asarray(np.outer(self.x @ a, self.nodes), dtype=np.float64)
        log_l += (self.x @ c)[:, None]
        if self.complete:
            log_l += log_q.sum(axis=0)[None, :]
        else:
            log_l += self.mask @ log_q
        log_l += self.log_weights[None, :]
        top = log_l.max(axis=1, keepdims=True)
        np.subtract(log_l, top, out=log_l)
        np.exp(log_l, out=log_l)
        total = log_l.sum(axis=1, keepdims=True)
        log_l /= total
        return log_l, float(np.sum(top) + np.sum(np.log(total)))

    def counts(self, post: Array) -> tuple[Array, Array]:
        """Return expected correct answers r and expected answers n per item and point."""
        r = self.x.T @ post
        if self.complete:
            n = np.broadcast_to(post.sum(axis=0), r.shape)
        else:
            n = self.mask.T @ post
        return r, n


def _m_step(
    alpha: Array, c: Array, r: Array, n: Array, nodes: Array, steps: int = 3
) -> tuple[Array, Array]:
    """Maximise each item's expected log-likelihood plus log prior in (α = log a, c).

    Fisher scoring: the Hessian of the likelihood in (a, c) is carried to (α, c) by the chain
    rule without its second-derivative term, so it stays negative definite everywhere.
    """
    inv_valpha, inv_vc = 1.0 / PRIOR_LOG_A_SD**2, 1.0 / PRIOR_C_SD**2
    nodes2 = nodes * nodes
    for _ in range(steps):
        a = np.exp(alpha)
        p = 1.0 / (1.0 + np.exp(-(a[:, None] * nodes[None, :] + c[:, None])))
        residual = r - n * p
        g_alpha = (residual @ nodes) * a - alpha * inv_valpha
        g_c = residual.sum(axis=1) - c * inv_vc
        w = n * p * (1.0 - p)
        h_aa = -(w @ nodes2) * a * a - inv_valpha
        h_ac = -(w @ nodes) * a
        h_cc = -w.sum(axis=1) - inv_vc
        det = h_aa * h_cc - h_ac * h_ac  # > 0: negative definite (Cauchy-Schwarz, priors)
        d_alpha = -(h_cc * g_alpha - h_ac * g_c) / det
        dc = -(h_aa * g_c - h_ac * g_alpha) / det
        # A full step from far away can overshoot; cap its length at 1.
        longest = np.maximum(np.abs(d_alpha), np.abs(dc))
        scale = np.minimum(1.0, 1.0 / np.maximum(longest, 1e-300))
        alpha = np.clip(alpha + scale * d_alpha, *LOG_A_BOUNDS)
        c = c + scale * dc
    return alpha, c


def _start(x: Array, mask: Array) -> tuple[Array, Array]:
    """Return starting values from classical statistics (item-rest correlation, p value)."""
    n = mask.sum(axis=0)
    p = (x.sum(axis=0) / n).clip(0.01, 0.99)
    rest = (x.sum(axis=1)[:, None] - x) / np.maximum(mask.sum(axis=1)[:, None] - 1, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        xm = np.where(mask > 0, x - p, 0.0)
        rm = np.where(mask > 0, rest - (rest * mask).sum(axis=0) / n, 0.0)
        corr = (xm * rm).sum(axis=0) / np.sqrt((xm**2).sum(axis=0) * (rm**2).sum(axis=0))
    # Point-biserial to biserial (about ×1.25 near p = 0.5), then to the logistic slope.
    r_bis = np.nan_to_num(corr * 1.25, nan=0.3).clip(0.05, 0.9)
    a = 1.7 * r_bis / np.sqrt(1.0 - r_bis**2)
    # E[σ(aθ + c)] ≈ σ(c / sqrt(1 + π a² / 8)) for θ ~ N(0, 1).
    c = np.log(p / (1.0 - p)) * np.sqrt(1.0 + math.pi * a**2 / 8.0)
    return a, c


def _as_responses(responses: ArrayLike) -> Array:
    data = np.array(responses, dtype=np.float64, copy=True)
    if data.ndim != 2:
        raise ValueError("responses must be a persons × items array")
    finite = data[~np.isnan(data)]
    if finite.size and not np.isin(finite, (0.0, 1.0)).all():
        raise ValueError("2PL responses must be 0, 1 or NaN (not presented)")
    return data


def calibrate_2pl(
    responses: ArrayLike,
    *,
    points: int = 41,
    span: float = 5.0,
    kind: str = "grid",
    max_iter: int = 500,
    tol: float = 1e-4,
    accelerate: bool = True,
) -> Calibration:
    """Calibrate a 2PL model by MML-EM and score every person by EAP.

    ``responses``: persons × items of 0/1, NaN where the item was not presented. Items nobody
    answered, or everybody answered alike, get NaN parameters and a reason; persons with no
    answers get the prior (θ = 0, SD = 1). Converged when no parameter (log a or c) moves by
    more than ``tol`` in an EM step.
    """
    data = _as_responses(responses)
    persons, items = data.shape
    nodes, weights = quadrature(points, span=span, kind=kind)
    observed = ~np.isnan(data)
    answered = observed.sum(axis=0)
    correct = np.nansum(data, axis=0)
    reasons: dict[int, str] = {}
    for i in range(items):
        if answered[i] == 0:
            reasons[i] = REASON_NO_RESPONSES
        elif correct[i] in (0, answered[i]):
            reasons[i] = REASON_NO_VARIANCE
    keep = np.array([i not in reasons for i in range(items)], dtype=bool)
    a_out = np.full(items, np.nan)
    b_out = np.full(items, np.nan)
    if not keep.any():
        return Calibration(
            a=a_out,
            b=b_out,
            theta=np.zeros(persons),
            theta_sd=np.ones(persons),
            log_likelihood=0.0,
            iterations=0,
            converged=True,
            item_reasons=reasons,
        )

    em = _Data(data[:, keep], nodes, weights)
    a, c = _start(em.x, em.mask)
    k = a.size
    # The EM map works on (α, c) = (log a, c): SQUAREM extrapolates there, so a stays > 0.

    def step(vec: Array) -> tuple[Array, float]:
        """One EM step from ``vec`` = (log a, c); also the log posterior at ``vec``."""
        post, loglik = em.posterior(np.exp(vec[:k]), vec[k:])
        r, n = em.counts(post)
        new_alpha, new_c = _m_step(vec[:k], vec[k:], r, n, nodes)
        log_prior = -0.5 * float(
            np.sum((vec[:k] / PRIOR_LOG_A_SD) ** 2) + np.sum((vec[k:] / PRIOR_C_SD) ** 2)
        )
        return np.concatenate([new_alpha, new_c]), loglik + log_prior

    x0 = np.concatenate([np.log(a), c])
    iterations, converged = 0, False
    while iterations < max_iter:
        x1, lp0 = step(x0)
        iterations += 1
        if np.max(np.abs(x1 - x0)) < tol:
            x0, converged = x1, True
            break
        if not accelerate:
            x0 = x1
            continue
        x2, _ = step(x1)
        iterations += 1
        r_vec = x1 - x0
        v_vec = x2 - x1 - r_vec
        v_norm = float(np.linalg.norm(v_vec))
        if v_norm == 0.0:
            x0 = x2
            continue
        length = min(-float(np.linalg.norm(r_vec)) / v_norm, -1.0)  # SQUAREM, scheme S3
        x_acc = x0 - 2.0 * length * r_vec + length**2 * v_vec
        x_acc[:k] = x_acc[:k].clip(*LOG_A_BOUNDS)
        x3, lp_acc = step(x_acc)  # the stabilising EM step
        iterations += 1
        if np.isfinite(lp_acc) and lp_acc >= lp0:
            x0 = x3
        else:
            x0 = x2  # the extrapolation went downhill: keep the two plain EM steps

    a, c = np.exp(x0[:k]), x0[k:]
    post, loglik = em.posterior(a, c)
    a_out[keep] = a
    b_out[keep] = -c / a
    theta = post @ nodes
    theta_sd = np.sqrt(np.maximum(post @ nodes**2 - theta**2, 0.0))
    return Calibration(
        a=a_out,
        b=b_out,
        theta=theta,
        theta_sd=theta_sd,
        log_likelihood=loglik,
        iterations=iterations,
        converged=converged,
        item_reasons=reasons,
    )


def eap_scores(
    responses: ArrayLike,
    a: ArrayLike,
    b: ArrayLike,
    *,
    points: int = 61,
    span: float = 6.0,
) -> tuple[Array, Array]:
    """Return EAP abilities and posterior SDs for responses to items of known a and b.

    Items with NaN parameters are ignored, as are NaN responses.
    """
    data = _as_responses(responses)
    a_arr = np.asarray(a, dtype=np.float64)
    b_arr = np.asarray(b, dtype=np.float64)
    if a_arr.shape != (data.shape[1],) or b_arr.shape != (data.shape[1],):
        raise ValueError("a and b need one value per item")
    usable = np.isfinite(a_arr) & np.isfinite(b_arr)
    nodes, weights = quadrature(points, span=span)
    em = _Data(data[:, usable], nodes, weights)
    post, _ = em.posterior(a_arr[usable], -a_arr[usable] * b_arr[usable])
    theta = post @ nodes
    return theta, np.sqrt(np.maximum(post @ nodes**2 - theta**2, 0.0))


def marginal_log_likelihood(
    responses: ArrayLike, a: ArrayLike, b: ArrayLike, *, points: int = 41, span: float = 5.0
) -> float:
    """Return the 2PL marginal log-likelihood of ``a`` and ``b`` (θ ~ N(0, 1) integrated out
    on the same quadrature as ``calibrate_2pl``), to compare estimates from any program."""
    data = _as_responses(responses)
    a_arr = np.asarray(a, dtype=np.float64)
    b_arr = np.asarray(b, dtype=np.float64)
    usable = np.isfinite(a_arr) & np.isfinite(b_arr)
    nodes, weights = quadrature(points, span=span)
    _, loglik = _Data(data[:, usable], nodes, weights).posterior(
        a_arr[usable], -a_arr[usable] * b_arr[usable]
    )
    return loglik
