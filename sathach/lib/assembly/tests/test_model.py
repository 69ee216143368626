"""Expected scores, item and blueprint validation, error messages."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sathach.lib.assembly import (
    Blueprint,
    BlueprintShortageError,
    Cell,
    PoolItem,
    Shortage,
    default_p,
    expected_score,
    expected_scores,
)


def normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def test_expected_score_without_irt_is_points_times_p() -> None:
    assert expected_score(PoolItem(1, "c", points=2.0, p=0.6)) == pytest.approx(1.2)


def test_expected_score_with_irt_centred_item_is_half_the_points() -> None:
    assert expected_score(PoolItem(1, "c", 2.0, p=0.9, irt_a=1.3, irt_b=0.0)) == pytest.approx(1.0)


def test_expected_score_with_irt_is_the_population_mean_of_the_icc() -> None:
    # A very discriminating item is answered by exactly those above b: P = Φ(−b).
    steep = PoolItem(1, "c", 1.0, p=0.5, irt_a=60.0, irt_b=0.7)
    assert expected_score(steep) == pytest.approx(normal_cdf(-0.7), abs=2e-3)
    # A moderate item against Monte Carlo over θ ~ N(0, 1).
    theta = np.random.default_rng(3).standard_normal(400_000)
    item = PoolItem(2, "c", 1.0, p=0.5, irt_a=1.2, irt_b=-0.8)
    mc = float(np.mean(1 / (1 + np.exp(-1.2 * (theta + 0.8)))))
    assert expected_score(item) == pytest.approx(mc, abs=3e-3)


def test_expected_scores_handles_extreme_parameters_without_warnings() -> None:
    items = [
        PoolItem(1, "c", 1.0, 0.5, irt_a=500.0, irt_b=40.0),
        PoolItem(2, "c", 1.0, 0.5, irt_a=500.0, irt_b=-40.0),
    ]
    assert expected_scores(items).tolist() == pytest.approx([0.0, 1.0])


def test_default_p_prefers_observed_facility() -> None:
    assert default_p("hard") == 0.4
    assert default_p("easy", facility=0.55) == 0.55


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"points": 0.0}, "item 1: points must be positive, got 0.0"),
        ({"p": 1.5}, "item 1: p must lie in [0, 1], got 1.5"),
        ({"irt_a": 1.0}, "item 1: give both IRT parameters or neither"),
        ({"n_options": -1}, "item 1: n_options must be >= 0"),
    ],
)
def test_invalid_pool_item_is_refused(kwargs: dict[str, float], message: str) -> None:
    fields: dict[str, float] = {"points": 1.0, "p": 0.5} | kwargs
    with pytest.raises(ValueError) as caught:
        PoolItem(1, "c", **fields)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_blueprint_with_repeated_cell_is_refused() -> None:
    with pytest.raises(ValueError, match="distinct keys"):
        Blueprint([Cell("a", 1), Cell("a", 2)])


def test_cell_label_names_topic_and_level_in_vietnamese() -> None:
    assert Cell("k", 3, topic="Luật", difficulty="easy").label == "Chủ đề Luật, mức Dễ"
    assert Cell("k", 3).label == "k"


def test_shortage_message_lists_every_short_cell() -> None:
    error = BlueprintShortageError(
        [Shortage("Chủ đề X, mức Dễ", 20, 12), Shortage("Chủ đề Y, mức Khó", 4, 0)]
    )
    assert str(error) == (
        "Chủ đề X, mức Dễ: cần 20 câu, ngân hàng có 12 câu đã duyệt\n"
        "Chủ đề Y, mức Khó: cần 4 câu, ngân hàng có 0 câu đã duyệt"
    )
