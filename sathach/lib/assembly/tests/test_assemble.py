"""Assembly: blueprint met exactly, parallel within tolerance, reproducible, honest."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sathach.lib.assembly import (
    Blueprint,
    BlueprintShortageError,
    Cell,
    EnemyConflictError,
    Form,
    MixedPointsError,
    NotParallelError,
    PoolItem,
    assemble,
    check_forms,
)
from sathach.lib.assembly.tests import pools
from sathach.lib.assembly.tests.helpers import (
    assert_meets_blueprint,
    assert_option_orders_valid,
    recomputed_spread,
)


@pytest.fixture(scope="module")
def realistic() -> tuple[list[PoolItem], Blueprint]:
    return pools.pool(seed=11, per_cell=200), pools.blueprint()


def test_every_form_meets_the_blueprint(realistic: tuple[list[PoolItem], Blueprint]) -> None:
    pool, blueprint = realistic
    result = assemble(pool, blueprint, 500, seed=1)
    assert len(result.forms) == 500
    assert [form.number for form in result.forms] == list(range(500))
    assert_meets_blueprint(result, pool, blueprint)


def test_realistic_pool_forms_are_parallel_and_naive_draw_is_not(
    realistic: tuple[list[PoolItem], Blueprint],
) -> None:
    pool, blueprint = realistic
    result = assemble(pool, blueprint, 2000, seed=2)
    assert result.max_score == 60.0
    assert result.tolerance == pytest.approx(1.2)
    assert result.within_tolerance
    assert recomputed_spread(result, pool) == pytest.approx(result.spread)
    assert result.spread <= result.tolerance
    assert result.naive_spread > 3 * result.tolerance  # what a random-question quiz gives
    assert result.distinct_forms == 2000


def test_calibrated_pool_forms_are_parallel_on_irt_expected_score() -> None:
    pool, blueprint = pools.pool(seed=5, irt_share=0.6), pools.blueprint()
    result = assemble(pool, blueprint, 1000, seed=3)
    assert_meets_blueprint(result, pool, blueprint)
    assert result.within_tolerance
    assert recomputed_spread(result, pool) == pytest.approx(result.spread)
    assert result.naive_spread > result.spread


def test_tighter_tolerance_is_met_and_stated(realistic: tuple[list[PoolItem], Blueprint]) -> None:
    pool, blueprint = realistic
    result = assemble(pool, blueprint, 300, seed=4, tolerance_fraction=0.005)
    assert result.tolerance == pytest.approx(0.3)
    assert result.spread <= 0.3


def test_same_seed_gives_identical_forms(realistic: tuple[list[PoolItem], Blueprint]) -> None:
    pool, blueprint = realistic
    first = assemble(pool, blueprint, 200, seed=42)
    again = assemble(list(reversed(pool)), blueprint, 200, seed=42)  # pool order is irrelevant
    assert first == again


def test_different_seed_gives_different_forms(
    realistic: tuple[list[PoolItem], Blueprint],
) -> None:
    pool, blueprint = realistic
    first = assemble(pool, blueprint, 50, seed=1)
    other = assemble(pool, blueprint, 50, seed=2)
    assert all(a.items != b.items for a, b in zip(first.forms, other.forms, strict=True))


def test_options_are_shuffled_except_where_the_item_forbids_it(
    realistic: tuple[list[PoolItem], Blueprint],
) -> None:
    pool, blueprint = realistic
    result = assemble(pool, blueprint, 300, seed=6)
    assert_option_orders_valid(result, pool)
    shuffled = {
        order
        for form in result.forms
        for i, order in zip(form.items, form.option_orders, strict=True)
        if pool[i - 1].shuffle
    }
    assert len(shuffled) == 24  # every permutation of 4 options turns up


def test_items_without_options_have_no_option_order() -> None:
    pool = [PoolItem(i, "essay", 5.0, 0.5) for i in range(1, 6)]
    result = assemble(pool, Blueprint([Cell("essay", 2)]), 4, seed=0)
    assert all(form.option_orders == (None, None) for form in result.forms)
    assert result.blueprint_ok


def test_item_order_differs_between_forms_unless_told_not_to() -> None:
    pool = [PoolItem(i, "c", 1.0, 0.5) for i in range(1, 11)]
    blueprint = Blueprint([Cell("c", 10)])
    shuffled = assemble(pool, blueprint, 20, seed=1)
    assert len({form.items for form in shuffled.forms}) > 1
    kept = assemble(pool, blueprint, 20, seed=1, shuffle_items=False, distinct=False)
    assert len({form.items for form in kept.forms}) == 1


def test_paper_variants_are_distinct_and_parallel(
    realistic: tuple[list[PoolItem], Blueprint],
) -> None:
    pool, blueprint = realistic
    result = assemble(pool, blueprint, 4, seed=9)
    assert len({form.key for form in result.forms}) == 4
    assert result.within_tolerance
    assert_meets_blueprint(result, pool, blueprint)


def test_items_that_must_not_meet_never_share_a_form() -> None:
    pool, blueprint = pools.pool(seed=8, per_cell=40, enemy_share=0.5), pools.blueprint()
    result = assemble(pool, blueprint, 400, seed=8)
    assert_meets_blueprint(result, pool, blueprint)
    assert result.within_tolerance


def test_enemies_that_cannot_be_kept_apart_are_refused() -> None:
    pool = [PoolItem(1, "c", 1.0, 0.5, enemies=frozenset({2})), PoolItem(2, "c", 1.0, 0.5)]
    with pytest.raises(EnemyConflictError):
        assemble(pool, Blueprint([Cell("c", 2)]), 1, seed=0)


def test_shortage_lists_every_short_cell() -> None:
    pool = [PoolItem(i, "Luật|easy", 1.0, 0.8) for i in range(12)]
    blueprint = Blueprint(
        [
            Cell("Luật|easy", 20, topic="Luật", difficulty="easy"),
            Cell("Luật|hard", 4, topic="Luật", difficulty="hard"),
            Cell("Tin học|easy", 0, topic="Tin học", difficulty="easy"),
        ]
    )
    with pytest.raises(BlueprintShortageError) as caught:
        assemble(pool, blueprint, 10, seed=0)
    assert str(caught.value) == (
        "Chủ đề Luật, mức Dễ: cần 20 câu, ngân hàng có 12 câu đã duyệt\n"
        "Chủ đề Luật, mức Khó: cần 4 câu, ngân hàng có 0 câu đã duyệt"
    )
    assert [(s.needed, s.available) for s in caught.value.shortages] == [(20, 12), (4, 0)]


def test_cell_mixing_points_is_refused() -> None:
    pool = [PoolItem(1, "c", 1.0, 0.5), PoolItem(2, "c", 2.0, 0.5)]
    with pytest.raises(MixedPointsError) as caught:
        assemble(pool, Blueprint([Cell("c", 1, topic="Luật", difficulty="medium")]), 2, seed=0)
    assert str(caught.value) == (
        "Chủ đề Luật, mức Trung bình: các câu có số điểm khác nhau (1, 2); "
        "các đề sẽ có điểm tối đa khác nhau"
    )


def test_unreachable_tolerance_is_reported_not_hidden() -> None:
    # One item per form from {0.1, 0.9}: forms differ by 0.8 whatever the algorithm does.
    pool = [PoolItem(1, "c", 1.0, 0.1), PoolItem(2, "c", 1.0, 0.9)]
    result = assemble(pool, Blueprint([Cell("c", 1)]), 2, seed=0)
    assert result.blueprint_ok
    assert result.spread == pytest.approx(0.8)
    assert not result.within_tolerance
    with pytest.raises(NotParallelError) as caught:
        result.require_parallel()
    assert str(caught.value) == (
        "Các đề chưa tương đương: chênh lệch điểm kỳ vọng 0.800 vượt dung sai 0.020"
    )


def test_check_forms_reports_each_fault() -> None:
    pool = [
        PoolItem(
            i,
            "a" if i <= 5 else "b",
            1.0,
            0.5,
            n_options=3,
            shuffle=i != 2,
            enemies=frozenset({4}) if i == 3 else frozenset(),
        )
        for i in range(1, 11)
    ]
    blueprint = Blueprint([Cell("a", 2, topic="A", difficulty="easy"), Cell("b", 1)])
    good = Form(0, (1, 2, 6), ((2, 1, 0), (0, 1, 2), (1, 0, 2)), 1.5)
    assert check_forms([good], pool, blueprint) == []
    faults = [
        replace(good, number=1, items=(1, 6, 7)),
        replace(good, number=2, items=(1, 1, 6)),
        replace(good, number=3, items=(3, 4, 6)),
        replace(good, number=4, option_orders=((0, 1, 2), (1, 0, 2), (0, 1, 2))),
        replace(good, number=5, option_orders=((0, 0, 2), (0, 1, 2), None)),
        replace(good, number=6, expected=2.0),
        replace(good, number=7, items=(1, 2, 99)),
        replace(good, number=8, items=(1, 2)),
    ]
    assert check_forms(faults, pool, blueprint) == [
        "Đề 1: Chủ đề A, mức Dễ có 1 câu, cần 2",
        "Đề 1: b có 2 câu, cần 1",
        "Đề 2: một câu xuất hiện hai lần",
        "Đề 3: có hai câu không được xuất hiện cùng nhau",
        "Đề 4: thứ tự phương án không hợp lệ ở câu [2]",
        "Đề 5: thứ tự phương án không hợp lệ ở câu [1, 6]",
        "Đề 6: điểm kỳ vọng ghi sai",
        "Đề 7: câu không có trong ngân hàng: [99]",
        "Đề 8: có 2 câu, ma trận cần 3",
    ]


def test_invalid_arguments_are_refused(realistic: tuple[list[PoolItem], Blueprint]) -> None:
    pool, blueprint = realistic
    with pytest.raises(ValueError, match="n_forms"):
        assemble(pool, blueprint, 0, seed=1)
    with pytest.raises(ValueError, match="seed"):
        assemble(pool, blueprint, 1, seed=-1)
    with pytest.raises(ValueError, match="distinct"):
        assemble(pool + pool[:1], blueprint, 1, seed=1)
    with pytest.raises(ValueError, match="no item"):
        assemble(pool, Blueprint([Cell("x", 0)]), 1, seed=1)
