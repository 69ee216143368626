"""Property tests: on random pools and blueprints, forms always meet the blueprint, and the
result never claims a tolerance it did not reach."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sathach.lib.assembly import (
    Blueprint,
    BlueprintShortageError,
    Cell,
    EnemyConflictError,
    PoolItem,
    Seat,
    SeatingError,
    adjacent_pairs,
    assemble,
    assign_to_seats,
)
from sathach.lib.assembly.tests.helpers import (
    assert_meets_blueprint,
    assert_option_orders_valid,
    recomputed_spread,
)

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def pools_and_blueprints(draw: st.DrawFn) -> tuple[list[PoolItem], Blueprint, bool]:
    """Return a pool, a blueprint, and whether some cell is short of items."""
    n_cells = draw(st.integers(1, 4))
    cells: list[Cell] = []
    items: list[PoolItem] = []
    short = False
    for c in range(n_cells):
        count = draw(st.integers(0, 6))
        size = draw(st.integers(max(0, count - 1), count + 8))
        short |= size < count
        points = draw(st.sampled_from([0.5, 1.0, 2.0]))
        cells.append(Cell(f"c{c}", count, topic=f"T{c}", difficulty="medium"))
        for _ in range(size):
            calibrated = draw(st.booleans())
            items.append(
                PoolItem(
                    id=len(items) + 1,
                    cell=f"c{c}",
                    points=points,
                    p=draw(st.floats(0, 1)),
                    irt_a=draw(st.floats(0.2, 3.0)) if calibrated else None,
                    irt_b=draw(st.floats(-3, 3)) if calibrated else None,
                    n_options=draw(st.integers(0, 5)),
                    shuffle=draw(st.booleans()),
                )
            )
    with_enemies = draw(st.booleans())
    if items and with_enemies:  # a few pairs that must not meet
        ids = st.integers(1, len(items))
        for a, b in draw(st.lists(st.tuples(ids, ids), max_size=4)):
            old = items[a - 1]
            items[a - 1] = replace(old, enemies=old.enemies | {b})
    return items, Blueprint(cells), short


@SETTINGS
@given(
    case=pools_and_blueprints(),
    n_forms=st.integers(1, 25),
    seed=st.integers(0, 2**32),
    tolerance=st.sampled_from([0.0, 0.005, 0.02, 0.1]),
    shuffle_items=st.booleans(),
    distinct=st.booleans(),
)
def test_forms_meet_the_blueprint_and_claims_are_true(
    case: tuple[list[PoolItem], Blueprint, bool],
    n_forms: int,
    seed: int,
    tolerance: float,
    shuffle_items: bool,
    distinct: bool,
) -> None:
    pool, blueprint, short = case
    options: dict[str, Any] = {
        "tolerance_fraction": tolerance,
        "shuffle_items": shuffle_items,
        "distinct": distinct,
    }
    try:
        result = assemble(pool, blueprint, n_forms, seed=seed, **options)
    except BlueprintShortageError as error:
        assert short
        assert {s.label for s in error.shortages} == {
            c.label for c in blueprint.cells if c.count > sum(i.cell == c.key for i in pool)
        }
        return
    except EnemyConflictError:
        assert any(item.enemies for item in pool)
        return
    except ValueError as error:
        assert str(error) == "the blueprint draws no item"
        assert blueprint.length == 0
        return
    assert not short
    assert len(result.forms) == n_forms
    assert_meets_blueprint(result, pool, blueprint)
    assert_option_orders_valid(result, pool)
    spread = recomputed_spread(result, pool)
    assert abs(spread - result.spread) < 1e-9
    assert result.within_tolerance == (result.spread <= result.tolerance)
    assert result.naive_spread >= 0
    assert assemble(pool, blueprint, n_forms, seed=seed, **options) == result


@SETTINGS
@given(
    n_rooms=st.integers(1, 3),
    rows=st.integers(1, 6),
    cols=st.integers(1, 6),
    keys=st.lists(st.integers(0, 6), min_size=1, max_size=120),
    diagonal=st.booleans(),
    seed=st.integers(0, 2**32),
)
def test_seating_never_puts_the_same_test_side_by_side(
    n_rooms: int, rows: int, cols: int, keys: list[int], diagonal: bool, seed: int
) -> None:
    seats = [
        Seat(r, row, col) for r in range(n_rooms) for row in range(rows) for col in range(cols)
    ]
    try:
        assignment = assign_to_seats(keys, seats, seed=seed, diagonal=diagonal)
    except SeatingError:
        distinct = len(set(keys))
        needed = 4 if diagonal else 2
        # Refused only where it may be impossible: too few different tests for the room.
        assert distinct < needed or len(keys) >= len(seats)
        return
    assert set(assignment) == set(seats)
    for i, j in adjacent_pairs(seats, diagonal=diagonal):
        assert keys[assignment[seats[i]]] != keys[assignment[seats[j]]]
    if len(keys) >= len(seats):
        assert len(set(assignment.values())) == len(seats)  # a sealed form per seat
