"""Exact and near-duplicate detection for question texts (diacritic-blind).

Texts are folded (lower case, no diacritics, punctuation dropped) and cut into word shingles.
Exact duplicates share a folded text. Near duplicates are found with MinHash signatures and
locality-sensitive hashing (so 10,000 × 10,000 items do not cost 10^8 comparisons), then
confirmed by the exact Jaccard similarity of their shingle sets against the threshold.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sathach.lib.text import fold

_NON_WORD = re.compile(r"[^0-9a-z]+")
_TAGS = re.compile(r"<[^>]+>")
_MERSENNE = (1 << 61) - 1
_N_HASHES = 64


def _bands_for(threshold: float) -> int:
    """Return the number of LSH bands (of 64 hashes) that suits ``threshold``.

    A pair of similarity s meets in some band with probability 1 - (1 - s^r)^b. With 8 bands
    of 8 rows a pair at 0.85 is a candidate 92% of the time and at 0.5 only 3%; with 16 bands of
    4 rows the knee is near 0.5, for low thresholds.
    """
    return 8 if threshold >= 0.75 else 16


def normalise(text: str) -> str:
    """Return ``text`` without HTML tags, diacritics, case and punctuation."""
    return " ".join(_NON_WORD.sub(" ", fold(_TAGS.sub(" ", text))).split())


def shingles(norm: str, size: int = 2) -> set[str]:
    """Return the word ``size``-grams of a normalised text (the words, for short texts)."""
    words = norm.split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _shingle_ids(items: set[str]) -> np.ndarray:
    return np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
            % _MERSENNE
            for s in items
        ),
        dtype=np.uint64,
        count=len(items),
    )


_rng = np.random.default_rng(20191009)  # fixed: signatures must be comparable across runs
_A = _rng.integers(1, 1 << 31, size=_N_HASHES, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, size=_N_HASHES, dtype=np.uint64)


def signature(items: set[str]) -> np.ndarray:
    """Return the MinHash signature (64 values) of a shingle set."""
    if not items:
        return np.full(_N_HASHES, np.iinfo(np.uint64).max, dtype=np.uint64)
    ids = _shingle_ids(items) % np.uint64(1 << 31)
    # (a*x + b) mod p with values kept below 2^62 so the products fit in uint64.
    hashed = (np.outer(_A, ids) + _B[:, None]) % np.uint64(2147483647)
    return hashed.min(axis=1)


@dataclass(frozen=True)
class DuplicatePair:
    """Texts ``left`` and ``right`` (indexes into the inputs) are duplicates."""

    left: int
    right: int
    similarity: float
    exact: bool


def find_duplicates(
    texts: Sequence[str],
    *,
    threshold: float = 0.85,
    against: Sequence[str] = (),
    normalised: bool = False,
) -> list[DuplicatePair]:
    """Return duplicate pairs among ``texts`` and between ``texts`` and ``against``.

    Indexes ``0..len(texts)-1`` are ``texts``; ``len(texts)..`` are ``against`` (pairs inside
    ``against`` alone are not reported: that is the bank as it already is). Pass
    ``normalised=True`` when the texts already went through ``normalise``.
    """
    all_texts = [*texts, *against]
    n_new = len(texts)
    norms = list(all_texts) if normalised else [normalise(t) for t in all_texts]
    sets = [shingles(n) for n in norms]
    pairs: dict[tuple[int, int], DuplicatePair] = {}

    by_norm: dict[str, list[int]] = defaultdict(list)
    for i, norm in enumerate(norms):
        if norm:
            by_norm[norm].append(i)
    for members in by_norm.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                if a < n_new:
                    pairs[(a, b)] = DuplicatePair(a, b, 1.0, True)

    if threshold < 1.0 and len(all_texts) > 1:
        bands = _bands_for(threshold)
        rows = _N_HASHES // bands
        signatures = np.stack([signature(items) for items in sets])
        buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
        for i, items in enumerate(sets):
            if not items:
                continue
            for band in range(bands):
                buckets[(band, signatures[i, band * rows : (band + 1) * rows].tobytes())].append(i)
        candidates: set[tuple[int, int]] = set()
        for members in buckets.values():
            if len(members) < 2:
                continue
            new_members = [m for m in members if m < n_new]
            for a in new_members:
                for b in members:
                    if b > a and (a, b) not in pairs:
                        candidates.add((a, b))
        if candidates:
            left, right = np.array(sorted(candidates)).T
            # The share of equal MinHash values estimates the Jaccard similarity: only pairs
            # whose estimate comes near the threshold are measured exactly.
            estimate = (signatures[left] == signatures[right]).mean(axis=1)
            for a, b, est in zip(left.tolist(), right.tolist(), estimate.tolist(), strict=True):
                if est < threshold - 0.2:
                    continue
                score = jaccard(sets[a], sets[b])
                if score >= threshold:
                    pairs[(a, b)] = DuplicatePair(a, b, round(score, 4), False)
    return sorted(pairs.values(), key=lambda p: (p.left, p.right))
