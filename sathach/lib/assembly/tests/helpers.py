"""Assertions shared by the assembly tests, written independently of the library's checks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sathach.lib.assembly import AssemblyResult, Blueprint, PoolItem, expected_score


def assert_meets_blueprint(
    result: AssemblyResult, pool: Sequence[PoolItem], blueprint: Blueprint
) -> None:
    """Every form: the cell counts, items only from their pool, no repeats, no enemies."""
    by_id = {item.id: item for item in pool}
    need = {cell.key: cell.count for cell in blueprint.cells if cell.count}
    for form in result.forms:
        assert all(i in by_id for i in form.items)
        assert len(set(form.items)) == len(form.items)
        assert Counter(by_id[i].cell for i in form.items) == need
        on = set(form.items)
        assert not any((by_id[i].enemies - {i}) & on for i in on)  # an item is no enemy of itself
    assert result.blueprint_ok
    assert result.problems == ()


def assert_option_orders_valid(result: AssemblyResult, pool: Sequence[PoolItem]) -> None:
    by_id = {item.id: item for item in pool}
    for form in result.forms:
        assert len(form.option_orders) == len(form.items)
        for i, order in zip(form.items, form.option_orders, strict=True):
            n = by_id[i].n_options
            if n == 0:
                assert order is None
            elif not by_id[i].shuffle:
                assert order == tuple(range(n))
            else:
                assert order is not None and sorted(order) == list(range(n))


def recomputed_spread(result: AssemblyResult, pool: Sequence[PoolItem]) -> float:
    value = {item.id: expected_score(item) for item in pool}
    totals = [sum(value[i] for i in form.items) for form in result.forms]
    for form, total in zip(result.forms, totals, strict=True):
        assert abs(form.expected - total) < 1e-9
    return max(totals) - min(totals)
