"""Give forms to seats so that no two adjacent seats hold the same test.

Two forms are *the same test* when they hold the same set of items (``Form.key``), whatever
their number or order; form ids given instead of forms are compared as they are. Seats are
``(room, row, col)``; seats in one room are adjacent side by side and front to back, and also
corner to corner when ``diagonal`` is true. An explicit list of adjacent pairs replaces that
geometry for rooms that are not grids.

With at least as many forms as seats (a sealed form per candidate) every seat gets its own
form, shuffled; if some forms are the same test, DSatur colouring with one use per form keeps
them apart. With fewer (paper variants) forms are reused: on a grid by a pattern that
provably separates neighbours, ``(2·row + col) mod k`` with diagonals (k ≥ 4) and
``(row + col) mod k`` without (k ≥ 2); elsewhere by DSatur graph colouring. When the forms
cannot separate every pair, ``SeatingError`` says so; nothing is returned half-done.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

import numpy as np

from sathach.lib.assembly.model import AssemblyError, Form

SeatT = TypeVar("SeatT", bound=Hashable)


class Seat(NamedTuple):
    room: Hashable
    row: int
    col: int


class SeatingError(AssemblyError):
    """The forms cannot give every pair of adjacent seats different tests."""


def adjacent_pairs(
    seats: Sequence[tuple[Hashable, int, int]], *, diagonal: bool = True
) -> list[tuple[int, int]]:
    """Return the index pairs ``(i, j)`` of adjacent seats in the same room."""
    at = {tuple(seat): i for i, seat in enumerate(seats)}
    if len(at) != len(seats):
        raise ValueError("seats must be distinct")
    offsets = [(0, 1), (1, 0)] + ([(1, 1), (1, -1)] if diagonal else [])
    pairs = []
    for i, (room, row, col) in enumerate(seats):
        for dr, dc in offsets:
            j = at.get((room, row + dr, col + dc))
            if j is not None:
                pairs.append((i, j))
    return pairs


def assign_to_seats(
    forms: Sequence[Form] | Sequence[Hashable],
    seats: Sequence[SeatT],
    *,
    seed: int,
    diagonal: bool = True,
    pairs: Iterable[tuple[SeatT, SeatT]] | None = None,
) -> dict[SeatT, int]:
    """Return ``seat → index into forms`` with different tests on every adjacent pair.

    ``seats`` are ``(room, row, col)`` tuples unless ``pairs`` lists the adjacent seats
    explicitly (then seats may be any distinct values). Reproducible from ``seed``.
    """
    if not forms:
        raise SeatingError("Không có đề nào để xếp chỗ")
    rng = np.random.default_rng(seed)
    keys = [form.key if isinstance(form, Form) else form for form in forms]
    class_of_key: dict[Hashable, int] = {}
    form_class = [class_of_key.setdefault(key, len(class_of_key)) for key in keys]
    n_classes = len(class_of_key)
    grid = pairs is None
    if pairs is None:
        edges = adjacent_pairs(seats, diagonal=diagonal)  # type: ignore[arg-type]
    else:
        pairs = list(pairs)
        index = {seat: i for i, seat in enumerate(seats)}
        if len(index) != len(seats):
            raise ValueError("seats must be distinct")
        unknown = {seat for pair in pairs for seat in pair if seat not in index}
        if unknown:
            raise ValueError(f"pairs name seats not in seats: {sorted(map(str, unknown))}")
        edges = [(index[a], index[b]) for a, b in pairs if a != b]
    neighbours: list[list[int]] = [[] for _ in seats]
    for i, j in edges:
        neighbours[i].append(j)
        neighbours[j].append(i)
    if edges and n_classes < 2:
        raise SeatingError(
            "Chỉ có 1 đề khác nhau: không thể để hai thí sinh ngồi cạnh nhau làm đề khác nhau"
        )

    if len(forms) >= len(seats):
        chosen = _one_form_each(form_class, n_classes, neighbours, rng)
    else:
        if grid and n_classes >= (4 if diagonal else 2):
            classes = _grid_pattern(seats, n_classes, diagonal, rng)  # type: ignore[arg-type]
        else:
            classes = _dsatur(neighbours, [None] * n_classes, rng)
        chosen = _forms_of_classes(classes, form_class)
    # Check the promise itself rather than trust the construction.
    if any(form_class[chosen[i]] == form_class[chosen[j]] for i, j in edges):
        raise SeatingError("Lỗi xếp chỗ: hai chỗ ngồi cạnh nhau nhận cùng một đề")
    return {seat: chosen[i] for i, seat in enumerate(seats)}


def _one_form_each(
    form_class: list[int], n_classes: int, neighbours: list[list[int]], rng: np.random.Generator
) -> list[int]:
    """Give each seat a form of its own; forms that are the same test go to seats apart."""
    if n_classes == len(form_class):  # every form a different test: any order will do
        return rng.permutation(len(form_class))[: len(neighbours)].tolist()
    members: list[list[int]] = [[] for _ in range(n_classes)]
    for form in rng.permutation(len(form_class)).tolist():
        members[form_class[form]].append(form)
    classes = _dsatur(neighbours, [len(m) for m in members], rng)
    return [members[c].pop() for c in classes]


def _grid_pattern(
    seats: Sequence[tuple[Hashable, int, int]],
    n_classes: int,
    diagonal: bool,
    rng: np.random.Generator,
) -> list[int]:
    """Colour a grid: neighbours differ by 1, 2 or 3 (diagonal) in 2·row + col, mod k ≥ 4."""
    step = 2 if diagonal else 1
    relabel: dict[Hashable, list[int]] = {}
    classes = []
    for room, row, col in seats:
        if room not in relabel:
            relabel[room] = rng.permutation(n_classes).tolist()  # variety between rooms
        classes.append(relabel[room][(step * row + col) % n_classes])
    return classes


def _dsatur(
    neighbours: list[list[int]], capacity: list[int | None], rng: np.random.Generator
) -> list[int]:
    """Colour seats with classes by DSatur: the most constrained seat first.

    A class with a capacity is used at most that many times (a sealed form once per seat),
    the fullest first; classes without one are reused, the least used first.
    """
    n = len(neighbours)
    tie = rng.random(n + len(capacity))
    classes = [-1] * n
    near: list[set[int]] = [set() for _ in range(n)]
    used = [0] * len(capacity)

    def priority(c: int) -> int:
        cap = capacity[c]
        return used[c] if cap is None else used[c] - cap

    free = [(priority(c), tie[n + c], c) for c in range(len(capacity))]
    heapq.heapify(free)
    seats = [(0, -len(neighbours[i]), tie[i], i) for i in range(n)]
    heapq.heapify(seats)
    while seats:
        sat, _, _, seat = heapq.heappop(seats)
        if classes[seat] >= 0 or -sat != len(near[seat]):
            continue  # already coloured, or a stale entry
        aside, pick = [], -1
        while free:
            entry = heapq.heappop(free)
            if entry[0] != priority(entry[2]):
                continue  # stale
            if entry[2] in near[seat]:
                aside.append(entry)
                continue
            pick = entry[2]
            break
        for entry in aside:
            heapq.heappush(free, entry)
        if pick < 0:
            shown = sum(1 for cap in capacity if cap is None or cap > 0)
            raise SeatingError(
                f"Không xếp được chỗ ngồi: {shown} đề khác nhau không đủ để mọi cặp chỗ "
                "ngồi cạnh nhau có đề khác nhau"
            )
        classes[seat] = pick
        used[pick] += 1
        if capacity[pick] is None or used[pick] < (capacity[pick] or 0):
            heapq.heappush(free, (priority(pick), tie[n + pick], pick))
        for t in neighbours[seat]:
            if classes[t] < 0 and pick not in near[t]:
                near[t].add(pick)
                heapq.heappush(seats, (-len(near[t]), -len(neighbours[t]), tie[t], t))
    return classes


def _forms_of_classes(classes: list[int], form_class: list[int]) -> list[int]:
    """Turn each seat's class into a form of that class, taking the class's forms in turn."""
    members: dict[int, list[int]] = {}
    for form, c in enumerate(form_class):
        members.setdefault(c, []).append(form)
    turn = dict.fromkeys(members, 0)
    chosen = []
    for c in classes:
        chosen.append(members[c][turn[c] % len(members[c])])
        turn[c] += 1
    return chosen


def neighbour_overlap(
    forms: Sequence[Form],
    assignment: Mapping[Any, int],
    *,
    diagonal: bool = True,
) -> tuple[float, float]:
    """Return the mean and the largest share of items that adjacent seats' forms have in
    common (0 when no seats are adjacent)."""
    seats = list(assignment)
    shares = []
    for i, j in adjacent_pairs(seats, diagonal=diagonal):
        a, b = forms[assignment[seats[i]]].items, forms[assignment[seats[j]]].items
        shares.append(len(set(a) & set(b)) / max(1, len(a)))
    if not shares:
        return 0.0, 0.0
    return float(np.mean(shares)), float(max(shares))
