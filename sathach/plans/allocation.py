"""Seat candidates in rooms so that colleagues never sit side by side (pure; no Django).

Rooms are grids: seat ``i`` (0-based, row by row) of a room with ``columns`` seats a row is at
row ``i // columns + 1``, column ``i % columns + 1``. Two seats are adjacent when they are left
and right or front and back of each other; colleagues are candidates of the same group (the
same agency, or the same department when a sitting holds one agency only).

1. Rooms: the fewest rooms, in the order given, that hold everyone; the load is then balanced
   across them (fewer rooms need fewer proctors; an even load leaves spare seats as gaps).
2. Groups are dealt across those rooms in turn, so each room gets its share of every agency.
3. In each room, a checkerboard: people sorted by group fill every other seat, then the seats
   between (see ``_checkerboard``); a greedy row-by-row fill is tried too, and the arrangement
   with fewer colleagues side by side wins. When an agency fills more than about half a room
   no arrangement can keep every pair apart: ``adjacent_colleagues`` reports every such pair.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RoomSpec:
    """A room as allocation sees it: how many may sit there and how its seats are laid out."""

    key: Hashable
    allowed: int  # at most this many candidates (capacity, rule limit, computers)
    capacity: int  # physical seats
    columns: int

    def position(self, index: int) -> tuple[int, int]:
        """Return (row, col), 1-based, of seat ``index`` (0-based, row by row)."""
        return index // self.columns + 1, index % self.columns + 1


@dataclass(frozen=True)
class Placement:
    person: Hashable
    room: Hashable
    row: int
    col: int
    number: int  # 1-based place in the room, row by row


class AllocationError(Exception):
    """Not enough places for everyone."""


def rooms_needed(rooms: Sequence[RoomSpec], people: int) -> list[int]:
    """Return how many candidates each room takes: the fewest rooms in the given order that
    hold ``people``, their load balanced (no room over its ``allowed``)."""
    used: list[int] = []
    total = 0
    for index, room in enumerate(rooms):
        if total >= people:
            break
        if room.allowed > 0:
            used.append(index)
            total += room.allowed
    if total < people:
        raise AllocationError(f"{people} people, {total} places")
    counts = [0] * len(rooms)
    left = people
    open_rooms = list(used)
    # Water filling: share what is left equally among rooms that still have places.
    while left:
        share = max(1, left // len(open_rooms))
        for index in list(open_rooms):
            take = min(share, rooms[index].allowed - counts[index], left)
            counts[index] += take
            left -= take
            if counts[index] == rooms[index].allowed:
                open_rooms.remove(index)
            if not left:
                break
    return counts


def _deal(
    people: Sequence[tuple[Hashable, Hashable]], counts: Sequence[int], rng: random.Random
) -> list[list[tuple[Hashable, Hashable]]]:
    """Split people among the rooms so that each room gets its share of every group.

    The people are interleaved first, every group spread evenly along one line (member ``j``
    of a group of ``n`` stands at ``(j + 0.5) / n``); each room then takes the next stretch
    of that line, which holds about its share of every group.
    """
    groups: dict[Hashable, list[tuple[Hashable, Hashable]]] = {}
    for person in people:
        groups.setdefault(person[1], []).append(person)
    rank = {g: i for i, g in enumerate(sorted(groups, key=lambda g: (-len(groups[g]), str(g))))}
    line: list[tuple[float, int, tuple[Hashable, Hashable]]] = []
    for group, members in groups.items():
        rng.shuffle(members)
        line.extend(((j + 0.5) / len(members), rank[group], m) for j, m in enumerate(members))
    line.sort(key=lambda entry: (entry[0], entry[1]))
    rooms: list[list[tuple[Hashable, Hashable]]] = []
    start = 0
    for count in counts:
        rooms.append([entry[2] for entry in line[start : start + count]])
        start += count
    return rooms


def _boundary_order(groups: Mapping[Hashable, list[Hashable]], black: int) -> list[Hashable]:
    """Order groups so that the one running over from the black seats into the white ones
    is small: the largest groups that fit fill the black seats, the smallest of the rest
    takes what is left of them and spills over, then the others follow, largest first."""
    by_size = sorted(groups, key=lambda g: (-len(groups[g]), str(g)))
    first: list[Hashable] = []
    room = black
    for group in by_size:
        if len(groups[group]) <= room:
            first.append(group)
            room -= len(groups[group])
    rest = [g for g in by_size if g not in first]
    if not rest or room == 0:
        return first + rest
    straddle = rest[-1]
    return first + [straddle] + rest[:-1]


def _checkerboard(room: RoomSpec, people: Sequence[tuple[Hashable, Hashable]]) -> list[Placement]:
    """Fill the "black" seats (row + col even) row by row, then the "white" ones, with people
    sorted by group (``_boundary_order``).

    Left-right and front-back neighbours always differ in colour, so colleagues can meet only
    where one group runs from the last black seats (at the back) into the first white seats
    (at the front): never, unless that group fills about half the room. Spare seats are the
    last white ones, so a room at most half full has no neighbours at all.
    """
    groups: dict[Hashable, list[Hashable]] = {}
    for person, group in people:
        groups.setdefault(group, []).append(person)
    cells = [room.position(i) for i in range(room.capacity)]
    black_count = sum(1 for row, col in cells if (row + col) % 2 == 0)
    ordered = [person for group in _boundary_order(groups, black_count) for person in groups[group]]
    black = [i for i, (row, col) in enumerate(cells) if (row + col) % 2 == 0]
    white = [i for i, (row, col) in enumerate(cells) if (row + col) % 2 == 1]
    order = black + white
    placements = [
        Placement(person, room.key, *cells[order[k]], order[k] + 1)
        for k, person in enumerate(ordered)
    ]
    return sorted(placements, key=lambda p: p.number)


def _greedy(room: RoomSpec, people: Sequence[tuple[Hashable, Hashable]]) -> list[Placement]:
    """Fill seats row by row with the largest remaining group that differs from the left and
    front neighbours, leaving a spare seat empty when none fits."""
    remaining: dict[Hashable, list[Hashable]] = {}
    for person, group in people:
        remaining.setdefault(group, []).append(person)
    for members in remaining.values():
        members.reverse()  # pop() then takes them in the dealt order
    rank = {group: i for i, group in enumerate(remaining)}
    spare = room.capacity - len(people)
    taken: dict[tuple[int, int], Hashable] = {}
    placements: list[Placement] = []
    index = 0
    while remaining:
        row, col = room.position(index)
        near = {taken.get((row, col - 1)), taken.get((row - 1, col))}
        options = sorted(remaining, key=lambda g: (-len(remaining[g]), rank[g]))
        fitting = [g for g in options if g not in near]
        if fitting:
            group = fitting[0]
        elif spare > 0:
            spare -= 1
            index += 1
            continue
        else:
            group = options[0]
        person = remaining[group].pop()
        if not remaining[group]:
            del remaining[group]
        taken[(row, col)] = group
        placements.append(Placement(person, room.key, row, col, index + 1))
        index += 1
    return placements


def _seat_room(room: RoomSpec, people: Sequence[tuple[Hashable, Hashable]]) -> list[Placement]:
    """Seat ``people`` in ``room`` by the arrangement that leaves the fewest colleagues side
    by side (the checkerboard, unless the greedy fill does strictly better)."""
    groups = dict(people)
    best = _checkerboard(room, people)
    clashes = len(adjacent_colleagues(best, groups))
    if clashes:
        other = _greedy(room, people)
        if len(adjacent_colleagues(other, groups)) < clashes:
            best = other
    return best


def allocate(
    people: Sequence[tuple[Hashable, Hashable]], rooms: Sequence[RoomSpec], *, seed: int = 0
) -> list[Placement]:
    """Return a place for every ``(person, group)``; raise AllocationError if places run out.

    Reproducible from ``seed`` (which only reorders people within their group).
    """
    if len({p for p, _ in people}) != len(people):
        raise ValueError("people must be distinct")
    if not people:
        return []
    counts = rooms_needed(rooms, len(people))
    rng = random.Random(seed)  # noqa: S311 - a reproducible seating, not a secret
    dealt = _deal(people, counts, rng)
    placements: list[Placement] = []
    for room, members in zip(rooms, dealt, strict=True):
        if members:
            placements.extend(_seat_room(room, members))
    return placements


def adjacent_colleagues(
    placements: Sequence[Placement], groups: Mapping[Hashable, Hashable]
) -> list[tuple[Placement, Placement]]:
    """Return every pair of colleagues seated left-right or front-back of each other."""
    at = {(p.room, p.row, p.col): p for p in placements}
    pairs = []
    for p in placements:
        for dr, dc in ((0, 1), (1, 0)):
            other = at.get((p.room, p.row + dr, p.col + dc))
            if other is not None and groups[p.person] == groups[other.person]:
                pairs.append((p, other))
    return pairs
