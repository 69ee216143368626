"""Answer similarity of pairs of candidates in the same room (possible copying).

For each pair in a room the statistic is M, the number of items both answered with the *same
wrong option*: identical right answers are explained by knowledge, identical wrong ones much
less so (the idea of the K-index, Holland 1996, ETS RR-96-7, and of g2, Frary, Tideman and Watts
1977, J. Educ. Statist. 2, 235-256). Under independence the two candidates choose option k of
item i with probabilities P_u(i, k) and P_v(i, k), so they give the same wrong answer with

    π_i = Σ over wrong options k of P_u(i, k) · P_v(i, k)

and M follows a Poisson-binomial (generalised binomial) distribution with the π_i of the items
both were given. The p value is P(M ≥ m) computed exactly, as in the generalised binomial test
of van der Linden and Sotaridona (2006, J. Educ. Behav. Statist. 31, 283-304).

P_u(i, k) is estimated empirically, as g2 does, from the candidates whose total score is close to
u's: candidates are cut into score bands (up to ``bands`` bands of at least ``min_band``
candidates each), and P_u(i, k) is the share of u's band who chose k on item i, leaving out the
pair itself, shrunk towards the whole group's share by ``smoothing`` pseudo-candidates (the
whole group's share itself Jeffreys-smoothed, so an option nobody else chose keeps a small
positive probability and no p value is exactly 0).

A pair is flagged when p < alpha / number of pairs tested (Bonferroni): the chance that any
independent pair of the sitting is flagged is at most ``alpha`` under the model. A flag is a
reason for a person to look (seating plan, answer sheets, invigilators' report), never proof.

Pure NumPy; no Django.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["PairSimilarity", "SimilarityReport", "answer_similarity"]

IntArray = NDArray[np.int64]
Array = NDArray[np.float64]

_NOT_PRESENTED, _BLANK = -1, 0
_CHUNK = 20_000  # pairs per vectorised block: bounded memory (pairs × items)


@dataclass(frozen=True)
class PairSimilarity:
    """Two candidates of one room (row indexes and ids) and how alike their answers are."""

    first: int
    second: int
    first_id: str
    second_id: str
    room: str
    identical_incorrect: int  # m: same wrong option on the same item
    identical_correct: int
    expected: float  # E[M] under independence: Σ π_i
    p_value: float  # P(M ≥ m)
    flagged: bool


@dataclass(frozen=True)
class SimilarityReport:
    """Pairs sorted by p value (most similar first), with the Bonferroni threshold."""

    pairs: list[PairSimilarity]
    pairs_tested: int
    alpha: float
    threshold: float  # alpha / pairs_tested
    bands: int

    @property
    def flagged(self) -> list[PairSimilarity]:
        return [pair for pair in self.pairs if pair.flagged]


def _encode(
    choices: Sequence[Sequence[str | None]], key: Sequence[str | Collection[str]]
) -> tuple[IntArray, NDArray[np.bool_], NDArray[np.bool_]]:
    """Return option codes (−1 not presented, 0 blank, 1.. options) and, per item and code,
    which codes are wrong options and which are right ones."""
    rows = [list(row) for row in choices]
    persons = len(rows)
    items = len(key)
    if any(len(row) != items for row in rows):
        raise ValueError("every row of choices needs one cell per item")
    keys = [frozenset({k}) if isinstance(k, str) else frozenset(map(str, k)) for k in key]
    labels: list[dict[str, int]] = []
    for i in range(items):
        seen = {str(row[i]) for row in rows if row[i] is not None and row[i] != ""}
        labels.append({o: n + 1 for n, o in enumerate(sorted(seen | keys[i]))})
    width = 1 + max((len(lab) for lab in labels), default=0)
    codes = np.full((persons, items), _NOT_PRESENTED, dtype=np.int64)
    for p, row in enumerate(rows):
        for i, value in enumerate(row):
            if value is not None:
                codes[p, i] = _BLANK if value == "" else labels[i][str(value)]
    wrong = np.zeros((items, width), dtype=bool)  # a wrong option: neither blank nor the key
    right = np.zeros((items, width), dtype=bool)
    for i, lab in enumerate(labels):
        for option, code in lab.items():
            wrong[i, code] = option not in keys[i]
            right[i, code] = option in keys[i]
    return codes, wrong, right


def _score_bands(scores: Array, bands: int, min_band: int) -> tuple[IntArray, int]:
    """Cut candidates into score bands of about equal size (equal scores share a band)."""
    n = scores.size
    count = max(1, min(bands, n // max(min_band, 1)))
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(n)
    ranks[order] = np.arange(n)
    # Average rank of tied scores, so a score never straddles two bands.
    _, inverse = np.unique(scores, return_inverse=True)
    mean_rank = np.bincount(inverse, weights=ranks) / np.bincount(inverse)
    return np.minimum((mean_rank[inverse] * count / n).astype(np.int64), count - 1), count


def _tail(pi: Array, m: IntArray) -> Array:
    """Return P(M ≥ m) for Poisson-binomial M with success probabilities ``pi`` (per row)."""
    out = np.ones(m.size)
    for value in np.unique(m):
        if value <= 0:
            continue
        rows = np.flatnonzero(m == value)
        probs = pi[rows]
        dist = np.zeros((rows.size, value + 1))
        dist[:, 0] = 1.0
        for i in range(probs.shape[1]):
            p = probs[:, i : i + 1]  # (pairs, 1)
            new = dist * (1.0 - p)
            new[:, 1:] += dist[:, :-1] * p
            new[:, value] += dist[:, value] * p[:, 0]  # "≥ m" absorbs: no 1 - sum cancellation
            dist = new
        out[rows] = dist[:, value]
    return out


def answer_similarity(
    choices: Sequence[Sequence[str | None]],
    key: Sequence[str | Collection[str]],
    rooms: Sequence[str | None],
    *,
    persons: Sequence[str] | None = None,
    alpha: float = 0.01,
    bands: int = 10,
    min_band: int = 30,
    smoothing: float = 10.0,
    limit: int | None = None,
) -> SimilarityReport:
    """Test every pair of candidates sharing a room; see the module docstring.

    ``choices``: persons × items, the option chosen ("A"), "" for a blank answer, None where
    the item was not presented. ``key``: the right option (or options) per item. ``rooms``:
    each candidate's room, None for none (not paired). ``limit`` keeps only that many of the
    most similar pairs in the report (flagged pairs are always kept).
    """
    codes, wrong, right = _encode(choices, key)
    width = wrong.shape[1]
    n_persons, n_items = codes.shape
    if len(rooms) != n_persons:
        raise ValueError("rooms needs one entry per candidate")
    ids = [str(p) for p in persons] if persons is not None else [str(p) for p in range(n_persons)]
    presented = codes != _NOT_PRESENTED
    correct = presented & right[np.arange(n_items)[None, :], np.maximum(codes, 0)]
    band, n_bands = _score_bands(correct.sum(axis=1).astype(np.float64), bands, min_band)

    # Counts per band, item and option (blank included) over the candidates given the item.
    p_idx, i_idx = np.nonzero(presented)
    flat = (band[p_idx] * n_items + i_idx) * width + codes[p_idx, i_idx]
    counts = np.bincount(flat, minlength=n_bands * n_items * width).astype(np.float64)
    counts = counts.reshape(n_bands, n_items, width)
    band_size = counts.sum(axis=2)  # (bands, items)
    overall = counts.sum(axis=0)
    valid = wrong | right  # the codes that exist for the item (the rest pad the array)
    valid[:, 0] = True  # blank
    # With u and v left out, the whole group's Jeffreys-smoothed share of option k is
    # (O_k - [u chose k] - [v chose k] + 1/2) / M, M = N - 2 + K/2, and u's estimate is
    # (C_k - [u chose k] - s·[v chose k] + λ·share_k) / (n - 1 - s + λ), s = [same band].
    # Written G_k - α·e_u - β·e_v with G = C + λ·(O + 1/2)/M, α = 1 + λ/M, β = s + λ/M, the
    # sum Σ_wrong P_u·P_v expands into G·G (per band pair, computed once) and a few terms at
    # the two chosen options, so no pair ever needs an items × options array.
    big_m = overall.sum(axis=1) - 2.0 + 0.5 * valid.sum(axis=1)  # (items,)
    lam_m = np.where(big_m > 0, smoothing / np.maximum(big_m, 1e-300), 0.0)
    g = (counts + lam_m[None, :, None] * (overall + 0.5)[None]) * valid[None]
    wrong_f = wrong.astype(np.float64)
    g_g = np.einsum("aik,bik,ik->abi", g, g, wrong_f)  # (bands, bands, items)
    item_index = np.arange(n_items)[None, :]

    by_room: dict[str, list[int]] = {}
    for index, room in enumerate(rooms):
        if room is not None:
            by_room.setdefault(room, []).append(index)
    first_list, second_list = [], []
    for room in sorted(by_room, key=str):
        members = np.array(by_room[room], dtype=np.int64)
        if members.size >= 2:
            a, b = np.triu_indices(members.size, k=1)
            first_list.append(members[a])
            second_list.append(members[b])
    first = np.concatenate(first_list) if first_list else np.zeros(0, dtype=np.int64)
    second = np.concatenate(second_list) if second_list else np.zeros(0, dtype=np.int64)
    tested = int(first.size)
    threshold = alpha / tested if tested else 0.0

    m_all = np.zeros(tested, dtype=np.int64)
    same_right = np.zeros(tested, dtype=np.int64)
    expected = np.zeros(tested)
    p_all = np.ones(tested)
    for start in range(0, tested, _CHUNK):
        stop = min(start + _CHUNK, tested)
        u, v = first[start:stop], second[start:stop]
        cu, cv = np.maximum(codes[u], 0), np.maximum(codes[v], 0)
        both = presented[u] & presented[v]
        wu, wv = wrong_f[item_index, cu], wrong_f[item_index, cv]
        same = both & (cu == cv) & (cu != _BLANK)
        m_all[start:stop] = (same & (wu > 0)).sum(axis=1)
        same_right[start:stop] = (same & (wu == 0)).sum(axis=1)
        bu, bv = band[u][:, None], band[v][:, None]
        s_band = (bu == bv).astype(np.float64)
        a_coef = 1.0 + lam_m[None, :]
        b_coef = s_band + lam_m[None, :]
        num = (
            g_g[bu, bv, item_index]
            - a_coef * (wv * g[bu, item_index, cv] + wu * g[bv, item_index, cu])
            - b_coef * (wu * g[bu, item_index, cu] + wv * g[bv, item_index, cv])
            + (a_coef**2 + b_coef**2) * wu * (cu == cv)
            + a_coef * b_coef * (wu + wv)
        )
        den_u = band_size[bu, item_index] - 1.0 - s_band + smoothing
        den_v = band_size[bv, item_index] - 1.0 - s_band + smoothing
        pi = np.where(both, np.clip(num / (den_u * den_v), 0.0, 1.0), 0.0)
        expected[start:stop] = pi.sum(axis=1)
        p_all[start:stop] = _tail(pi, m_all[start:stop])

    order = np.lexsort((-m_all, p_all))
    if limit is not None:
        flagged_count = int((p_all < threshold).sum())
        order = order[: max(limit, flagged_count)]
    pairs = [
        PairSimilarity(
            first=int(first[j]),
            second=int(second[j]),
            first_id=ids[first[j]],
            second_id=ids[second[j]],
            room=str(rooms[first[j]]),
            identical_incorrect=int(m_all[j]),
            identical_correct=int(same_right[j]),
            expected=float(expected[j]),
            p_value=float(p_all[j]),
            flagged=bool(p_all[j] < threshold),
        )
        for j in order
    ]
    return SimilarityReport(
        pairs=pairs, pairs_tested=tested, alpha=alpha, threshold=threshold, bands=n_bands
    )
