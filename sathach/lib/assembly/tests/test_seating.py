"""Seating: adjacent seats never hold the same test; impossible layouts fail clearly."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

import pytest

from sathach.lib.assembly import (
    Form,
    Seat,
    SeatingError,
    adjacent_pairs,
    assemble,
    assign_to_seats,
    neighbour_overlap,
)
from sathach.lib.assembly.tests import pools


def rooms(n_rooms: int, rows: int, cols: int) -> list[Seat]:
    return [
        Seat(f"P{r}", row, col)
        for r in range(n_rooms)
        for row in range(rows)
        for col in range(cols)
    ]


def test_adjacent_pairs_are_sides_front_back_and_corners_in_one_room() -> None:
    seats = rooms(2, 2, 2)
    assert len(adjacent_pairs(seats, diagonal=False)) == 2 * 4
    assert len(adjacent_pairs(seats, diagonal=True)) == 2 * 6
    assert (0, 4) not in adjacent_pairs(seats)  # different rooms


def assert_neighbours_differ(
    keys: Sequence[Hashable], assignment: Mapping[Seat, int], *, diagonal: bool = True
) -> None:
    seats = list(assignment)
    pairs = adjacent_pairs(seats, diagonal=diagonal)
    assert pairs
    for i, j in pairs:
        assert keys[assignment[seats[i]]] != keys[assignment[seats[j]]], (seats[i], seats[j])


@pytest.mark.parametrize("variants", [4, 5, 7])
def test_paper_variants_differ_for_every_neighbour_including_corners(variants: int) -> None:
    seats = rooms(3, 6, 8)
    assignment = assign_to_seats(list(range(variants)), seats, seed=1)
    assert set(assignment) == set(seats)
    assert_neighbours_differ(list(range(variants)), assignment)
    uses = Counter(assignment.values())
    assert len(uses) == variants
    assert max(uses.values()) - min(uses.values()) <= 3 * 6  # spread evenly enough


def test_two_variants_suffice_without_corners() -> None:
    seats = rooms(2, 5, 5)
    assignment = assign_to_seats(["A", "B"], seats, seed=3, diagonal=False)
    assert_neighbours_differ(["A", "B"], assignment, diagonal=False)


def test_three_variants_cannot_separate_corners_and_say_so() -> None:
    with pytest.raises(SeatingError) as caught:
        assign_to_seats(["A", "B", "C"], rooms(1, 3, 3), seed=0)
    assert str(caught.value) == (
        "Không xếp được chỗ ngồi: 3 đề khác nhau không đủ để mọi cặp chỗ ngồi cạnh nhau có "
        "đề khác nhau"
    )


def test_one_form_cannot_be_seated_side_by_side() -> None:
    with pytest.raises(SeatingError) as caught:
        assign_to_seats(["A"], rooms(1, 2, 3), seed=0)
    assert str(caught.value) == (
        "Chỉ có 1 đề khác nhau: không thể để hai thí sinh ngồi cạnh nhau làm đề khác nhau"
    )


def test_one_form_is_fine_when_no_seats_touch() -> None:
    seats = [Seat("P1", 0, 0), Seat("P1", 0, 2), Seat("P2", 0, 1)]
    assert assign_to_seats(["A"], seats, seed=0) == dict.fromkeys(seats, 0)


def test_two_variants_fill_a_single_row_even_with_corners() -> None:
    seats = rooms(1, 1, 9)
    assignment = assign_to_seats(["A", "B"], seats, seed=0)
    assert_neighbours_differ(["A", "B"], assignment)


def test_sealed_forms_give_every_seat_its_own_form() -> None:
    pool, blueprint = pools.pool(seed=2, per_cell=60), pools.blueprint()
    seats = rooms(5, 5, 8)
    result = assemble(pool, blueprint, len(seats), seed=5)
    assignment = assign_to_seats(result.forms, seats, seed=5)
    assert sorted(assignment.values()) == list(range(len(seats)))
    assert_neighbours_differ([form.key for form in result.forms], assignment)
    mean, largest = neighbour_overlap(result.forms, assignment)
    assert 0 < mean < 0.2 and largest < 0.5


def test_paper_variants_from_assembly_are_seated_apart() -> None:
    pool, blueprint = pools.pool(seed=4, per_cell=60), pools.blueprint()
    result = assemble(pool, blueprint, 4, seed=4)
    seats = rooms(3, 6, 8)
    assignment = assign_to_seats(result.forms, seats, seed=4)
    assert_neighbours_differ([form.key for form in result.forms], assignment)


def test_sealed_forms_with_repeated_tests_are_kept_apart() -> None:
    keys = [i % 3 for i in range(40)]  # 40 forms, but only 3 different tests
    seats = rooms(1, 5, 8)
    assignment = assign_to_seats(keys, seats, seed=7, diagonal=False)
    assert sorted(assignment.values()) == list(range(40))
    assert_neighbours_differ(keys, assignment, diagonal=False)


def test_identical_forms_count_as_the_same_test() -> None:
    same = [Form(i, (1, 2, 3) if i % 2 else (3, 2, 1), (None,) * 3, 1.0) for i in range(4)]
    with pytest.raises(SeatingError):
        assign_to_seats(same, rooms(1, 1, 4), seed=0)


def test_explicit_adjacency_is_respected_or_refused() -> None:
    ring = ["a", "b", "c", "d", "e"]
    pairs = list(zip(ring, ring[1:] + ring[:1], strict=True))
    with pytest.raises(SeatingError):
        assign_to_seats(["X", "Y"], ring, seed=0, pairs=pairs)  # an odd ring needs three
    assignment = assign_to_seats(["X", "Y", "Z"], ring, seed=0, pairs=pairs)
    assert all(assignment[a] != assignment[b] for a, b in pairs)


def test_seating_is_reproducible_from_the_seed() -> None:
    seats = rooms(4, 5, 8)
    forms = list(range(len(seats)))
    assert assign_to_seats(forms, seats, seed=9) == assign_to_seats(forms, seats, seed=9)
    assert assign_to_seats(forms, seats, seed=9) != assign_to_seats(forms, seats, seed=10)
    assert assign_to_seats([0, 1, 2, 3], seats, seed=9) == assign_to_seats(
        [0, 1, 2, 3], seats, seed=9
    )


def test_repeated_seats_are_refused() -> None:
    with pytest.raises(ValueError, match="distinct"):
        assign_to_seats([0, 1], [Seat("P", 0, 0), Seat("P", 0, 0)], seed=0)
