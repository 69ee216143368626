"""Assemble parallel forms: a random draw per cell, repaired by swaps within cells.

Every form starts as an independent uniform draw from each blueprint cell, so it meets the
blueprint by construction and items are used evenly. The draw is then *repaired* toward the
target expected score (each cell's pool mean × its count): many random swaps (an item out, an
unused item of the same cell in) are proposed for all forms at once with NumPy, and each form
takes the one that brings it closest to the target, round after round, until it is within the
aim. The few forms random proposals cannot settle get an exhaustive best-swap search. A swap
stays inside its cell, so the blueprint still holds; it never brings in an item that conflicts
with one already on the form. Forms repeating another form's item set are drawn again.

Everything random comes from ``seed`` through separate streams (draw, repair, order, naive),
so the same inputs and seed give the same forms, and the naive baseline never shifts ours.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import cast

import numpy as np

from sathach.lib.assembly.check import check_forms
from sathach.lib.assembly.model import (
    AssemblyResult,
    Blueprint,
    BlueprintShortageError,
    Cell,
    EnemyConflictError,
    Form,
    MixedPointsError,
    PoolItem,
    Shortage,
    expected_scores,
)

_CHUNK_CELLS = 1 << 22  # bound on the temporary (forms × items) arrays, in elements
_PROPOSALS = 16  # random swaps proposed per form and round
_MAX_ROUNDS = 400
_PATIENCE = 8  # rounds without improvement before a form goes to the exhaustive search
_DISTINCT_ATTEMPTS = 5
_ENEMY_ATTEMPTS = 50


@dataclass(frozen=True)
class _Prepared:
    """The pool as arrays, items grouped by blueprint cell and sorted by value within it."""

    cells: tuple[Cell, ...]  # the cells that draw at least one item, in blueprint order
    ids: np.ndarray  # (N,) item id per index
    values: np.ndarray  # (N,) expected score per index
    start: np.ndarray  # (C,) first index of each cell
    size: np.ndarray  # (C,) pool items in each cell
    count: np.ndarray  # (C,) items each form draws from each cell
    slot_cell: np.ndarray  # (L,) the cell of each slot of a form
    enemies: np.ndarray  # (N, E) indices of each item's enemies, padded with N
    enemy_lists: tuple[frozenset[int], ...]
    n_options: np.ndarray  # (N,)
    shuffle: np.ndarray  # (N,) bool
    max_score: float
    target: float

    @property
    def length(self) -> int:
        return len(self.slot_cell)

    @property
    def n_items(self) -> int:
        return len(self.ids)


def _prepare(pool: Sequence[PoolItem], blueprint: Blueprint) -> _Prepared:
    ids_seen = [item.id for item in pool]
    if len(set(ids_seen)) != len(ids_seen):
        raise ValueError("pool item ids must be distinct")
    by_cell: dict[str, list[PoolItem]] = defaultdict(list)
    for item in pool:
        by_cell[item.cell].append(item)
    shortages = [
        Shortage(cell.label, cell.count, len(by_cell.get(cell.key, ())))
        for cell in blueprint.cells
        if cell.count > len(by_cell.get(cell.key, ()))
    ]
    if shortages:
        raise BlueprintShortageError(shortages)
    cells = tuple(cell for cell in blueprint.cells if cell.count > 0)
    if not cells:
        raise ValueError("the blueprint draws no item")

    ordered: list[PoolItem] = []
    values_parts: list[np.ndarray] = []
    max_score = target = 0.0
    for cell in cells:
        items = by_cell[cell.key]
        points = sorted({item.points for item in items})
        if len(points) > 1:
            raise MixedPointsError(cell.label, points)
        values = expected_scores(items)
        order = sorted(range(len(items)), key=lambda i: (values[i], items[i].id))
        ordered.extend(items[i] for i in order)
        values_parts.append(values[order])
        max_score += cell.count * points[0]
        target += cell.count * float(values.mean())

    size = np.array([len(by_cell[cell.key]) for cell in cells], dtype=np.int64)
    start = np.concatenate(([0], np.cumsum(size)[:-1])).astype(np.int64)
    count = np.array([cell.count for cell in cells], dtype=np.int64)
    index = {item.id: i for i, item in enumerate(ordered)}
    linked: list[set[int]] = [set() for _ in ordered]
    for i, item in enumerate(ordered):
        for other in item.enemies:
            j = index.get(other)
            if j is not None and j != i:
                linked[i].add(j)
                linked[j].add(i)
    width = max((len(s) for s in linked), default=0)
    n = len(ordered)
    enemies = np.full((n, width), n, dtype=np.int64)
    for i, s in enumerate(linked):
        enemies[i, : len(s)] = sorted(s)
    return _Prepared(
        cells=cells,
        ids=np.array([item.id for item in ordered], dtype=np.int64),
        values=np.concatenate(values_parts),
        start=start,
        size=size,
        count=count,
        slot_cell=np.repeat(np.arange(len(cells)), count),
        enemies=enemies,
        enemy_lists=tuple(frozenset(s) for s in linked),
        n_options=np.array([item.n_options for item in ordered], dtype=np.int64),
        shuffle=np.array([item.shuffle for item in ordered], dtype=bool),
        max_score=max_score,
        target=target,
    )


def _chunks(total: int, width: int) -> list[slice]:
    step = max(1, _CHUNK_CELLS // max(1, width))
    return [slice(i, min(total, i + step)) for i in range(0, total, step)]


def _draw(prep: _Prepared, rng: np.random.Generator, n_forms: int) -> np.ndarray:
    """Return ``n_forms`` independent uniform draws per cell, as (forms × slots) indices."""
    out = np.empty((n_forms, prep.length), dtype=np.int64)
    col = 0
    for start, size, count in zip(
        prep.start.tolist(), prep.size.tolist(), prep.count.tolist(), strict=True
    ):
        for rows in _chunks(n_forms, max(size, count * count)):
            out[rows, col : col + count] = start + _subsets(
                rng, rows.stop - rows.start, size, count
            )
        col += count
    return out


def _subsets(rng: np.random.Generator, forms: int, size: int, count: int) -> np.ndarray:
    """Return ``forms`` uniform random ``count``-subsets of range(size), one per row."""
    if count * count > 4 * size:
        # Many items drawn from the cell: random keys and a partial sort per row.
        return np.argpartition(rng.random((forms, size)), count - 1, axis=1)[:, :count]
    # Few items drawn: Floyd's algorithm, vectorised over rows. Step i takes a random t in
    # [0, size − count + i], or the top value when t was already taken.
    out = np.empty((forms, count), dtype=np.int64)
    for i in range(count):
        top = size - count + i
        pick = (rng.random(forms) * (top + 1)).astype(np.int64)
        taken = (out[:, :i] == pick[:, None]).any(axis=1)
        out[:, i] = np.where(taken, top, pick)
    return out


def _membership(prep: _Prepared, x: np.ndarray) -> np.ndarray:
    """Return (forms × items+1) booleans; the last column (the enemy padding) stays False."""
    member = np.zeros((len(x), prep.n_items + 1), dtype=bool)
    member[np.arange(len(x))[:, None], x] = True
    return member


def _draw_one_apart(prep: _Prepared, rng: np.random.Generator) -> np.ndarray | None:
    """Draw one form item by item, skipping enemies of items already drawn; None if stuck."""
    chosen: list[int] = []
    blocked: set[int] = set()
    for start, size, count in zip(prep.start, prep.size, prep.count, strict=True):
        picked = 0
        for i in (rng.permutation(int(size)) + start).tolist():
            if i in blocked:
                continue
            chosen.append(i)
            blocked.update(prep.enemy_lists[i])
            picked += 1
            if picked == count:
                break
        if picked < count:
            return None
    return np.array(chosen, dtype=np.int64)


def _separate_one(prep: _Prepared, row: np.ndarray, rng: np.random.Generator) -> bool:
    """Replace, in place, each item that clashes with another on the form by a random item
    of its cell that clashes with none; return False if some cell has no such item."""
    on = set(row.tolist())
    for slot, i in enumerate(row.tolist()):
        if not prep.enemy_lists[i] & on:
            continue
        others = on - {i}
        start = int(prep.start[prep.slot_cell[slot]])
        size = int(prep.size[prep.slot_cell[slot]])
        fits = [
            j
            for j in range(start, start + size)
            if j not in on and not prep.enemy_lists[j] & others
        ]
        if not fits:
            return False
        j = fits[int(rng.integers(len(fits)))]
        row[slot] = j
        on = others | {j}
    return True


def _separate_enemies(prep: _Prepared, x: np.ndarray, rng: np.random.Generator) -> None:
    """Make, in place, every form free of items that must not appear together."""
    if prep.enemies.shape[1] == 0:
        return
    for rows in _chunks(len(x), prep.n_items + prep.length * prep.enemies.shape[1]):
        block = x[rows]
        member = _membership(prep, block)
        clash = member[np.arange(len(block))[:, None, None], prep.enemies[block]].any(axis=(1, 2))
        for r in np.flatnonzero(clash).tolist():
            if _separate_one(prep, block[r], rng):
                continue
            # The draw cornered a cell; a fresh draw item by item avoids clashes as it goes.
            for _ in range(_ENEMY_ATTEMPTS):
                form = _draw_one_apart(prep, rng)
                if form is not None:
                    block[r] = form
                    break
            else:
                raise EnemyConflictError(
                    "Không ghép được đề: các câu không được xuất hiện cùng nhau làm các chủ "
                    "đề/mức độ không đủ câu theo ma trận"
                )
        x[rows] = block


def _repair(prep: _Prepared, x: np.ndarray, rng: np.random.Generator, aim: float) -> np.ndarray:
    """Swap items within cells, in place, toward the target; return each form's deviation."""
    values = prep.values
    deviation = values[x].sum(axis=1) - prep.target
    swappable = np.flatnonzero(prep.size[prep.slot_cell] > prep.count[prep.slot_cell])
    if swappable.size == 0:
        return deviation
    slot_start = prep.start[prep.slot_cell]
    slot_size = prep.size[prep.slot_cell]
    has_enemies = prep.enemies.shape[1] > 0
    for rows in _chunks(len(x), prep.n_items + _PROPOSALS * prep.length):
        block = x[rows]
        d = deviation[rows]
        member = _membership(prep, block)
        stall = np.zeros(len(block), dtype=np.int64)
        active = np.flatnonzero(np.abs(d) > aim)
        for _ in range(_MAX_ROUNDS):
            if active.size == 0:
                break
            shape = (active.size, _PROPOSALS)
            slot = swappable[rng.integers(0, swappable.size, size=shape)]
            incoming = slot_start[slot] + (rng.random(shape) * slot_size[slot]).astype(np.int64)
            form = active[:, None]
            outgoing = block[form, slot]
            moved = d[form] + values[incoming] - values[outgoing]
            refused = member[form, incoming]
            if has_enemies:
                refused |= member[form[..., None], prep.enemies[incoming]].any(axis=2)
            score = np.where(refused, np.inf, np.abs(moved))
            best = score.argmin(axis=1)
            pick = np.arange(active.size)
            better = score[pick, best] < np.abs(d[active]) - 1e-12
            done = active[better]
            b = best[better]
            member[done, outgoing[better, b]] = False
            member[done, incoming[better, b]] = True
            block[done, slot[better, b]] = incoming[better, b]
            d[done] = moved[better, b]
            stall[active[~better]] += 1
            stall[done] = 0
            active = active[(np.abs(d[active]) > aim) & (stall[active] < _PATIENCE)]
        for r in np.flatnonzero(np.abs(d) > aim):
            d[r] = _polish(prep, block[r], member[r], float(d[r]), aim)
        x[rows] = block
        deviation[rows] = d
    return deviation


def _polish(prep: _Prepared, row: np.ndarray, member: np.ndarray, d: float, aim: float) -> float:
    """Take the best single swap over all cells, in place, until within aim or no gain."""
    values = prep.values
    for _ in range(4 * prep.length):
        if abs(d) <= aim:
            break
        best_gain, best = 1e-12, None
        for c, (start, size) in enumerate(zip(prep.start, prep.size, strict=True)):
            slots = np.flatnonzero(prep.slot_cell == c)
            pool = np.arange(start, start + size)
            free = ~member[pool]
            if prep.enemies.shape[1]:
                free &= ~member[prep.enemies[pool]].any(axis=1)
            outs = pool[free]  # still sorted by value: cells are sorted when prepared
            if outs.size == 0:
                continue
            out_values = values[outs]
            in_values = values[row[slots]]
            # The new deviation is d + out − in; the best `out` is nearest to in − d.
            at = np.searchsorted(out_values, in_values - d)
            for near in (np.clip(at - 1, 0, outs.size - 1), np.clip(at, 0, outs.size - 1)):
                moved = np.abs(d + out_values[near] - in_values)
                k = int(moved.argmin())
                gain = abs(d) - float(moved[k])
                if gain > best_gain:
                    best_gain, best = gain, (int(slots[k]), int(outs[near[k]]))
        if best is None:
            break
        slot, incoming = best
        d += float(values[incoming] - values[row[slot]])
        member[row[slot]] = False
        member[incoming] = True
        row[slot] = incoming
    return d


def _duplicates(x: np.ndarray) -> np.ndarray:
    """Return the rows whose item set repeats an earlier row's."""
    _, first = np.unique(np.sort(x, axis=1), axis=0, return_index=True)
    keep = np.zeros(len(x), dtype=bool)
    keep[first] = True
    return np.flatnonzero(~keep)


def _option_orders(
    prep: _Prepared, x: np.ndarray, rng: np.random.Generator
) -> list[tuple[tuple[int, ...] | None, ...]]:
    """Return, per form, the option order of each item: shuffled, identity, or None."""
    width = int(prep.n_options.max())
    if width == 0:
        return [(None,) * prep.length for _ in range(len(x))]
    position = np.arange(width)
    base = width + 1
    out: list[tuple[tuple[int, ...] | None, ...]] = []
    for rows in _chunks(len(x), prep.length * width):
        block = x[rows]
        n = prep.n_options[block][..., None]
        keys = rng.random((*block.shape, width))
        keys = np.where(prep.shuffle[block][..., None], keys, position / width)
        keys = np.where(position < n, keys, 1.0 + position)  # padding sorts last, in order
        perms = np.argsort(keys, axis=2)
        # Equal orders share one tuple object: build each distinct (length, order) once, so
        # the Python work per item is one lookup. Rows are coded as base-(width+1) integers
        # when they fit in 63 bits, else compared as rows.
        if base ** (width + 1) < 2**63:
            code = n[..., 0].astype(np.int64)
            for j in range(width):
                code = code * base + perms[..., j]
            distinct, inverse = np.unique(code, return_inverse=True)
            rows_of = [_digits(int(c), base, width + 1) for c in distinct.tolist()]
        else:
            flat = np.concatenate((n, perms), axis=2).reshape(-1, width + 1)
            found, inverse = np.unique(flat, axis=0, return_inverse=True)
            rows_of = [[int(v) for v in row] for row in found]
        table = [tuple(row[1 : 1 + row[0]]) if row[0] else None for row in rows_of]
        per_form = cast("list[list[int]]", inverse.reshape(block.shape).tolist())
        for r in per_form:
            got = itemgetter(*r)(table)
            out.append(got if len(r) > 1 else (got,))
    return out


def _digits(code: int, base: int, length: int) -> list[int]:
    digits = []
    for _ in range(length):
        code, digit = divmod(code, base)
        digits.append(digit)
    return digits[::-1]


def assemble(
    pool: Sequence[PoolItem],
    blueprint: Blueprint,
    n_forms: int,
    *,
    seed: int,
    tolerance_fraction: float = 0.02,
    aim_fraction: float = 0.1,
    shuffle_items: bool = True,
    distinct: bool = True,
) -> AssemblyResult:
    """Assemble ``n_forms`` parallel forms of ``blueprint`` from ``pool``.

    For a computer part pass one form per candidate; for a paper part the number of variants.
    Each form is repaired until its expected score is within ``aim_fraction × tolerance`` of
    the target, where ``tolerance = tolerance_fraction × max_score``; the result says whether
    the spread across all forms is within the tolerance. ``shuffle_items`` puts each form's
    items in its own random order (else cell by cell, by id); ``distinct`` redraws forms
    whose item set repeats another's.
    """
    if n_forms < 1:
        raise ValueError("n_forms must be at least 1")
    if seed < 0:
        raise ValueError("seed must be a non-negative integer")
    if not (0.0 <= tolerance_fraction and 0.0 <= aim_fraction):
        raise ValueError("tolerance_fraction and aim_fraction must be >= 0")
    prep = _prepare(pool, blueprint)
    draw_rng, repair_rng, order_rng, naive_rng = (
        np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4)
    )
    tolerance = tolerance_fraction * prep.max_score
    aim = aim_fraction * tolerance

    x = _draw(prep, draw_rng, n_forms)
    _separate_enemies(prep, x, draw_rng)
    _repair(prep, x, repair_rng, aim)
    if distinct:
        for _ in range(_DISTINCT_ATTEMPTS):
            again = _duplicates(x)
            if again.size == 0:
                break
            redrawn = _draw(prep, draw_rng, again.size)
            _separate_enemies(prep, redrawn, draw_rng)
            _repair(prep, redrawn, repair_rng, aim)
            x[again] = redrawn
    if shuffle_items:
        x = np.take_along_axis(x, np.argsort(order_rng.random(x.shape), axis=1), axis=1)
    else:  # blueprint order: cell by cell, by item id within a cell
        for c in range(len(prep.cells)):
            cols = np.flatnonzero(prep.slot_cell == c)
            block = x[:, cols]
            x[:, cols] = np.take_along_axis(block, np.argsort(prep.ids[block], axis=1), axis=1)
    expected = prep.values[x].sum(axis=1)
    orders = _option_orders(prep, x, order_rng)
    forms = [
        Form(number=i, items=tuple(items), option_orders=orders[i], expected=float(e))
        for i, (items, e) in enumerate(zip(prep.ids[x].tolist(), expected.tolist(), strict=True))
    ]
    naive = prep.values[_draw(prep, naive_rng, n_forms)].sum(axis=1)
    exposure = np.bincount(x.ravel(), minlength=prep.n_items) / n_forms
    problems = check_forms(forms, pool, blueprint)
    spread = float(expected.max() - expected.min())
    return AssemblyResult(
        forms=forms,
        seed=seed,
        target=prep.target,
        spread=spread,
        naive_spread=float(naive.max() - naive.min()),
        max_score=prep.max_score,
        tolerance=tolerance,
        within_tolerance=spread <= tolerance,
        blueprint_ok=not problems,
        distinct_forms=len(forms) - int(_duplicates(x).size),
        exposure_max=float(exposure.max()),
        exposure_mean=float(exposure.mean()),
        problems=tuple(problems),
    )
