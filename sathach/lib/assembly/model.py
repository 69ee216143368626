"""What fair assembly reads and returns: pool items, the blueprint, forms, the result, errors.

An item's *expected score* is what the average candidate is expected to earn on it:
``points × p`` before calibration, and with IRT 2PL parameters ``points × E[P(θ)]`` for
ability θ ~ N(0, 1), computed by Gauss–Hermite quadrature. Forms are parallel when their
expected scores (the sum over their items) lie within a tolerance of each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# Share of candidates expected to answer correctly, by difficulty, before calibration.
# The same values as sathach.bank.constants.DEFAULT_FACILITY (lib may not import the bank).
DIFFICULTY_P = {"easy": 0.8, "medium": 0.6, "hard": 0.4}
DIFFICULTY_LABELS = {"easy": "Dễ", "medium": "Trung bình", "hard": "Khó"}

# E[f(θ)] for θ ~ N(0, 1) is Σ w·f(x) over these nodes. Gauss–Hermite (probabilists', 41
# nodes) is within 2e-5 for the discrimination of real items (|a| ≤ 4); steeper curves, close
# to a step, go to a fine grid (trapezoid rule on [-8, 8], within 1e-9 even for a = 1000).
_GH_NODES, _GH_WEIGHTS = np.polynomial.hermite_e.hermegauss(41)
_GH_WEIGHTS = _GH_WEIGHTS / _GH_WEIGHTS.sum()
_GRID_NODES = np.linspace(-8.0, 8.0, 8001)
_GRID_WEIGHTS = np.exp(-(_GRID_NODES**2) / 2)
_GRID_WEIGHTS = _GRID_WEIGHTS / _GRID_WEIGHTS.sum()
_STEEP = 4.0


def _mean_icc(a: np.ndarray, b: np.ndarray, nodes: np.ndarray, weights: np.ndarray) -> np.ndarray:
    # Clip the exponent: exp() of a huge argument warns, and P is 0 or 1 there anyway.
    z = np.clip(-a[:, None] * (nodes[None, :] - b[:, None]), -500.0, 500.0)
    return (1.0 / (1.0 + np.exp(z))) @ weights


def default_p(difficulty: str, facility: float | None = None) -> float:
    """Return the expected share correct: the observed facility if known, else by difficulty."""
    if facility is not None:
        return float(facility)
    return DIFFICULTY_P[difficulty]


@dataclass(frozen=True)
class PoolItem:
    """One approved item version that a form may draw.

    ``p`` is the expected share of candidates answering correctly (facility); it is ignored
    when both IRT parameters are set. ``n_options`` is 0 for items without options (essay,
    numeric). ``enemies`` are ids of items that must never share a form with this one.
    """

    id: int
    cell: str
    points: float
    p: float
    irt_a: float | None = None
    irt_b: float | None = None
    n_options: int = 0
    shuffle: bool = True
    enemies: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if not (math.isfinite(self.points) and self.points > 0):
            raise ValueError(f"item {self.id}: points must be positive, got {self.points}")
        if not (0.0 <= self.p <= 1.0):
            raise ValueError(f"item {self.id}: p must lie in [0, 1], got {self.p}")
        if (self.irt_a is None) != (self.irt_b is None):
            raise ValueError(f"item {self.id}: give both IRT parameters or neither")
        if self.irt_a is not None and not (
            math.isfinite(self.irt_a) and math.isfinite(self.irt_b or 0.0)
        ):
            raise ValueError(f"item {self.id}: IRT parameters must be finite")
        if self.n_options < 0:
            raise ValueError(f"item {self.id}: n_options must be >= 0")


def expected_scores(items: list[PoolItem] | tuple[PoolItem, ...]) -> np.ndarray:
    """Return the expected score of every item, in order (vectorised ``expected_score``)."""
    points = np.array([item.points for item in items], dtype=float)
    share = np.array([item.p for item in items], dtype=float)
    irt = np.array([i for i, item in enumerate(items) if item.irt_a is not None], dtype=int)
    if irt.size:
        a = np.array([items[i].irt_a for i in irt], dtype=float)
        b = np.array([items[i].irt_b for i in irt], dtype=float)
        steep = np.abs(a) > _STEEP
        share[irt[~steep]] = _mean_icc(a[~steep], b[~steep], _GH_NODES, _GH_WEIGHTS)
        share[irt[steep]] = _mean_icc(a[steep], b[steep], _GRID_NODES, _GRID_WEIGHTS)
    return points * share


def expected_score(item: PoolItem) -> float:
    """Return the population expected score of one item (see the module docstring)."""
    return float(expected_scores([item])[0])


@dataclass(frozen=True)
class Cell:
    """One blueprint cell (topic × difficulty) and how many items every form draws from it."""

    key: str
    count: int
    topic: str = ""
    difficulty: str = ""

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError(f"cell {self.key}: count must be >= 0")

    @property
    def label(self) -> str:
        """Return the Vietnamese name of the cell, as error messages show it."""
        if self.topic and self.difficulty:
            level = DIFFICULTY_LABELS.get(self.difficulty, self.difficulty)
            return f"Chủ đề {self.topic}, mức {level}"
        return self.topic or self.key


@dataclass(frozen=True)
class Blueprint:
    """The cells every form must meet exactly."""

    cells: tuple[Cell, ...]

    def __init__(self, cells: list[Cell] | tuple[Cell, ...]) -> None:
        object.__setattr__(self, "cells", tuple(cells))
        keys = [cell.key for cell in self.cells]
        if len(set(keys)) != len(keys):
            raise ValueError("blueprint cells must have distinct keys")

    @property
    def length(self) -> int:
        return sum(cell.count for cell in self.cells)


@dataclass(frozen=True)
class Form:
    """One assembled form, in the order the candidate sees it.

    ``option_orders[i]`` is the order in which item ``items[i]`` shows its options (position →
    original option index): a permutation if the item allows shuffling, the identity if it
    forbids it, ``None`` if the item has no options.
    """

    number: int
    items: tuple[int, ...]
    option_orders: tuple[tuple[int, ...] | None, ...]
    expected: float

    @property
    def key(self) -> tuple[int, ...]:
        """Return the item set, order-free: two forms with the same key are the same test."""
        return tuple(sorted(self.items))


@dataclass(frozen=True)
class AssemblyResult:
    """Forms and the figures that show whether they are parallel.

    ``spread`` is max − min of the forms' expected scores; ``naive_spread`` the same for an
    independent uniform draw per cell of as many forms (what a random-question quiz does).
    ``within_tolerance`` is true only when ``spread <= tolerance``; ``blueprint_ok`` only when
    an independent check found every form meeting the blueprint (``problems`` lists the rest).
    Exposure is the share of forms that contain an item, over the items of the used cells.
    """

    forms: list[Form]
    seed: int
    target: float
    spread: float
    naive_spread: float
    max_score: float
    tolerance: float
    within_tolerance: bool
    blueprint_ok: bool
    distinct_forms: int
    exposure_max: float
    exposure_mean: float
    problems: tuple[str, ...] = field(default=())

    def summary(self) -> dict[str, Any]:
        """Return the figures as plain data (``forms`` is the number of forms)."""
        return {
            "forms": len(self.forms),
            "spread": self.spread,
            "naive_spread": self.naive_spread,
            "max_score": self.max_score,
            "tolerance": self.tolerance,
            "blueprint_ok": self.blueprint_ok,
            "within_tolerance": self.within_tolerance,
            "target": self.target,
            "distinct_forms": self.distinct_forms,
            "exposure_max": self.exposure_max,
            "exposure_mean": self.exposure_mean,
        }

    def require_parallel(self) -> None:
        """Raise unless every form meets the blueprint and the spread is within tolerance."""
        if not self.blueprint_ok:
            raise AssemblyError("Đề không đúng ma trận: " + "; ".join(self.problems[:5]))
        if not self.within_tolerance:
            raise NotParallelError(self.spread, self.tolerance)


class AssemblyError(Exception):
    """Forms cannot be assembled as asked; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Shortage:
    label: str
    needed: int
    available: int

    def __str__(self) -> str:
        return f"{self.label}: cần {self.needed} câu, ngân hàng có {self.available} câu đã duyệt"


class BlueprintShortageError(AssemblyError):
    """Some cells have fewer pool items than the blueprint draws; lists every such cell."""

    def __init__(self, shortages: list[Shortage]) -> None:
        self.shortages = tuple(shortages)
        super().__init__("\n".join(str(s) for s in self.shortages))


class MixedPointsError(AssemblyError):
    """A cell mixes items of different points, so forms could differ in maximum score."""

    def __init__(self, label: str, points: list[float]) -> None:
        self.label = label
        self.points = tuple(points)
        shown = ", ".join(f"{p:g}" for p in self.points)
        super().__init__(
            f"{label}: các câu có số điểm khác nhau ({shown}); các đề sẽ có điểm tối đa khác nhau"
        )


class EnemyConflictError(AssemblyError):
    """The items that must not appear together leave a cell unable to fill a form."""


class NotParallelError(AssemblyError):
    def __init__(self, spread: float, tolerance: float) -> None:
        self.spread = spread
        self.tolerance = tolerance
        super().__init__(
            f"Các đề chưa tương đương: chênh lệch điểm kỳ vọng {spread:.3f} "
            f"vượt dung sai {tolerance:.3f}"
        )
