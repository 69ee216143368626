"""Classical item analysis against values worked out by hand."""

import math

import numpy as np
import pytest

from sathach.lib.psychometrics.classical import (
    BLANK,
    DISTRACTOR_ATTRACTS_TOP,
    LOW_DISCRIMINATION,
    NEGATIVE_DISCRIMINATION,
    NO_RESPONSES,
    NO_VARIANCE,
    R_FEW_PERSONS,
    R_ITEM_CONSTANT,
    R_NO_RESPONSES,
    R_ONE_RESPONSE,
    TOO_EASY,
    TOO_HARD,
    WEAK_DISTRACTOR,
    cronbach_alpha,
    item_analysis,
    kr20,
)
from sathach.lib.psychometrics.irt import simulate_2pl

# Six candidates, four 0/1 items.
#            C1 C2 C3 C4   total
SMALL = [
    [1, 1, 1, 1],  # 4
    [1, 1, 1, 0],  # 3
    [1, 1, 0, 0],  # 2
    [1, 0, 1, 0],  # 2
    [0, 1, 0, 0],  # 1
    [0, 0, 0, 1],  # 1
]


def approx(value):
    return pytest.approx(value, abs=1e-9)


def test_item_statistics_equal_the_hand_computation_on_a_six_by_four_matrix():
    result = item_analysis(SMALL, items=["C1", "C2", "C3", "C4"])
    c1, c2, c3, c4 = result.items

    # C1: x = 1 1 1 1 0 0, mean 4/6. Σ(x - x̄)² = 4·(1/3)² + 2·(2/3)² = 4/3, V = 4/3 / 5 = 4/15.
    # Rest X = total - x = 3 2 1 1 1 1, mean 1.5, Σ(X - X̄)² = 3.5, V = 0.7.
    # Σ(x - x̄)(X - X̄) = 1/3·(1.5 + 0.5 - 0.5 - 0.5) + (-2/3)·(-0.5 - 0.5) = 1, Cov = 0.2.
    # r = 0.2 / sqrt(4/15 · 0.7) = 0.46291005. Sorted pairing: x 0 0 1 1 1 1 with X 1 1 1 1 2 3
    # gives Σ = (-2/3)(-0.5)·2 + (1/3)(-0.5 - 0.5 + 0.5 + 1.5) = 1, Cov_max = 0.2, DE = 100 %.
    assert c1.n == 6
    assert c1.facility == approx(4 / 6)
    assert c1.sd == approx(math.sqrt(4 / 15))
    assert c1.point_biserial == approx(0.2 / math.sqrt(4 / 15 * 0.7))
    assert c1.point_biserial == pytest.approx(0.46291005, abs=1e-8)
    assert c1.discrimination_index == pytest.approx(46.291005, abs=1e-6)
    assert c1.discriminative_efficiency == approx(100.0)
    # Upper 27 % = 2 people: rests 3 and 2, both right (p = 1). Lower 2: the four rests of 1
    # tie, each counts 1/2: (1 + 1 + 0 + 0) / 2 / 2 = 0.5. D = 0.5.
    assert c1.upper_lower == approx(0.5)

    # C2: x = 1 1 1 0 1 0, X = 3 2 1 2 0 1 (mean 1.5): Σ(x - x̄)(X - X̄) =
    # 1/3·(1.5 + 0.5 - 0.5 - 1.5) - 2/3·(0.5 - 0.5) = 0. No discrimination at all.
    assert c2.facility == approx(4 / 6)
    assert c2.point_biserial == 0.0
    assert c2.flag_codes == [LOW_DISCRIMINATION]

    # C3: x = 1 1 0 1 0 0, V = 1.5 / 5 = 0.3. X = 3 2 2 1 1 1 (mean 5/3), Σ(X - X̄)² = 10/3,
    # V = 2/3. Σ products = 0.5·(4/3 + 1/3 - 2/3) - 0.5·(1/3 - 2/3 - 2/3) = 1, Cov = 0.2,
    # r = 0.2 / sqrt(0.3 · 2/3) = 0.4472136. Sorted: x 0 0 0 1 1 1, X 1 1 1 2 2 3:
    # Σ = -0.5·(-2) + 0.5·2 = 2, Cov_max = 0.4, DE = 50 %.
    assert c3.facility == approx(0.5)
    assert c3.sd == approx(math.sqrt(0.3))
    assert c3.point_biserial == pytest.approx(0.4472136, abs=1e-7)
    assert c3.discriminative_efficiency == approx(50.0)
    # Upper: rest 3 (right) and the two 2s sharing one place (right, wrong): (1 + 0.5) / 2.
    # Lower: the three 1s share two places, 2/3 each: 2/3 · (1 + 0 + 0) / 2 = 1/3.
    assert c3.upper_lower == approx(0.75 - 1 / 3)

    # C4: x = 1 0 0 0 0 1 (mean 1/3, V = 4/15), X = 3 3 2 2 1 0 (mean 11/6, V = 41/30).
    # Σ products = 2/3·(7/6 - 11/6) - 1/3·(7/6 + 1/6 + 1/6 - 5/6) = -2/3, Cov = -2/15.
    # r = (-2/15) / sqrt(4/15 · 41/30) = -0.2208631. Sorted: x 0 0 0 0 1 1, X 0 1 2 2 3 3:
    # Σ = -1/3·(-14/6) + 2/3·(14/6) = 7/3, Cov_max = 7/15, DE = -2/7 = -28.571 %.
    assert c4.facility == approx(1 / 3)
    assert c4.point_biserial == pytest.approx(-0.2208631, abs=1e-7)
    assert c4.discrimination_index == pytest.approx(-22.08631, abs=1e-5)
    assert c4.discriminative_efficiency == approx(-200 / 7)
    assert c4.flag_codes == [NEGATIVE_DISCRIMINATION]
    assert c4.flags[0].reason == "Phân biệt ngược: nên kiểm tra đáp án (r = −0,22)"

    # Totals 4 3 2 2 1 1: mean 13/6, σ² (÷ n) = 35/6 - 169/36 = 41/36, s² (÷ n-1) = 41/30.
    # p = 4/6 4/6 3/6 2/6, Σpq = 2/9 + 2/9 + 1/4 + 2/9 = 11/12.
    # KR-20 = 4/3 · (1 - (11/12) / (41/36)) = 4/3 · 8/41 = 32/123 = 0.2601626.
    # SEM = sqrt(41/30) · sqrt(1 - 32/123) = sqrt(41/30 · 91/123) = 1.0055402.
    assert result.persons == 6
    assert result.method == "KR-20"
    assert result.kr20 == approx(32 / 123)
    assert result.alpha == approx(32 / 123)
    assert result.mean_total == approx(13 / 6)
    assert result.sd_total == approx(math.sqrt(41 / 30))
    assert result.sem == pytest.approx(1.0055402, abs=1e-7)


def test_alpha_equals_kr20_on_zero_one_data():
    rng = np.random.default_rng(5)
    ability = rng.normal(size=(200, 1))
    data = (rng.random((200, 15)) < 1 / (1 + np.exp(-(ability - rng.normal(size=15))))) * 1.0
    assert cronbach_alpha(data) == pytest.approx(kr20(data), abs=1e-12)
    assert 0.5 < kr20(data) < 0.95
    assert item_analysis(data).alpha == pytest.approx(kr20(data), abs=1e-12)


def test_moodle_formulas_on_partial_credit_scores():
    # Q2 is out of 2 points; Q1 has a half mark.
    #        Q1   Q2   Q3   total
    scores = [
        [1.0, 2.0, 1.0],  # 4
        [1.0, 1.0, 0.0],  # 2
        [0.0, 2.0, 1.0],  # 3
        [0.5, 0.0, 0.0],  # 0.5
        [0.0, 1.0, 1.0],  # 2
    ]
    result = item_analysis(scores, items=["Q1", "Q2", "Q3"], max_scores=[1, 2, 1])
    q1, q2, q3 = result.items
    # Q1: x = 1 1 0 0.5 0 (mean 0.5, Σ(x - x̄)² = 1, V = 0.25); X = 3 1 3 0 2 (mean 1.8,
    # Σ(X - X̄)² = 6.8, V = 1.7); Σ products = 0.6 - 0.4 - 0.6 + 0 - 0.1 = -0.5, Cov = -0.125.
    # DI = 100 · -0.125 / sqrt(0.25 · 1.7) = -19.174. Sorted: x 0 0 0.5 1 1, X 0 1 2 3 3:
    # Σ = 0.9 + 0.4 + 0 + 0.6 + 0.6 = 2.5, Cov_max = 0.625, DE = -20 %.
    assert q1.facility == approx(0.5)
    assert q1.sd == approx(0.5)
    assert q1.discrimination_index == pytest.approx(-12.5 / math.sqrt(0.425), abs=1e-9)
    assert q1.discrimination_index == pytest.approx(-19.174, abs=1e-3)
    assert q1.discriminative_efficiency == approx(-20.0)
    # Q2: x = 2 1 2 0 1 (mean 1.2, facility 1.2 / 2 = 0.6, V = 2.8 / 4 = 0.7); X = 2 1 1 0.5 1
    # (mean 1.1, V = 1.2 / 4 = 0.3); Σ products = 0.72 + 0.02 - 0.08 + 0.72 + 0.02 = 1.4,
    # Cov = 0.35, DI = 100 · 0.35 / sqrt(0.21) = 76.376; sorted pairing gives the same 1.4,
    # so DE = 100 %.
    assert q2.facility == approx(0.6)
    assert q2.sd == approx(math.sqrt(0.7))
    assert q2.discrimination_index == pytest.approx(35 / math.sqrt(0.21), abs=1e-9)
    assert q2.discriminative_efficiency == approx(100.0)
    assert q3.facility == approx(0.6)
    # Alpha: item variances 0.25 + 0.7 + 0.3 = 1.25; totals 4 2 3 0.5 2 (mean 2.3,
    # Σ(T - T̄)² = 6.8, V = 1.7): α = 3/2 · (1 - 1.25 / 1.7) = 0.3970588. Not 0/1: no KR-20.
    assert result.method == "alpha"
    assert result.alpha == approx(1.5 * (1 - 1.25 / 1.7))
    assert result.kr20 is None
    assert result.sem == approx(math.sqrt(1.7) * math.sqrt(1 - 1.5 * (1 - 1.25 / 1.7)))


def test_facility_flags_use_the_thresholds_given():
    data = [[1, 0, 1], [1, 0, 1], [1, 0, 0], [1, 1, 0], [0, 0, 1], [1, 0, 0]] * 2
    result = item_analysis(data, facility_low=0.2, facility_high=0.8)
    easy, hard, _ = result.items
    assert easy.facility == approx(10 / 12)
    assert TOO_EASY in easy.flag_codes
    assert [f.reason for f in easy.flags if f.code == TOO_EASY] == ["Câu quá dễ (p = 0,83 > 0,80)"]
    assert hard.facility == approx(2 / 12)
    assert [f.reason for f in hard.flags if f.code == TOO_HARD] == ["Câu quá khó (p = 0,17 < 0,20)"]
    relaxed = item_analysis(data, facility_low=0.1, facility_high=0.9)
    assert TOO_EASY not in relaxed.items[0].flag_codes
    assert TOO_HARD not in relaxed.items[1].flag_codes


def test_distractor_table_counts_every_option_and_blanks_by_group():
    # Item 1 (key A) beside two anchor items that rank the candidates: the three best chose B.
    anchors = [[1, 1], [1, 1], [1, 1], [1, 0], [0, 1], [0, 0], [0, 0], [0, 0], [1, 0], [0, 1]]
    picked = ["B", "B", "B", "A", "A", "A", "C", BLANK, "A", "A"]
    scores = [[1.0 if c == "A" else 0.0, *row] for c, row in zip(picked, anchors, strict=True)]
    choices = [
        [c, "A" if row[0] else "B", "A" if row[1] else "B"]
        for c, row in zip(picked, anchors, strict=True)
    ]
    result = item_analysis(
        scores,
        items=["Q1", "Q2", "Q3"],
        choices=choices,
        key=["A", "A", "A"],
        options=[["A", "B", "C", "D"], ["A", "B"], ["A", "B"]],
    )
    q1 = result.items[0]
    table = {o.option: o for o in q1.distractors}
    assert list(table) == ["A", "B", "C", "D", BLANK]
    assert [table[o].count for o in table] == [5, 3, 1, 0, 1]
    assert table["A"].is_key and not table["B"].is_key
    assert table["B"].proportion == approx(0.3)
    # Upper 27 % of 10 = 3 places: rest scores 2 2 2 (the three who chose B).
    assert table["B"].upper_proportion == approx(1.0)
    assert table["A"].upper_proportion == approx(0.0)
    codes = q1.flag_codes
    assert DISTRACTOR_ATTRACTS_TOP in codes
    assert NEGATIVE_DISCRIMINATION in codes
    assert WEAK_DISTRACTOR in codes
    reasons = [f.reason for f in q1.flags]
    assert "Phương án nhiễu hút nhóm giỏi: nhóm giỏi chọn B (100%) nhiều hơn đáp án (0%)" in reasons
    assert "Phương án nhiễu D ít người chọn (0% < 5%)" in reasons
    # The blank is neither a distractor nor flagged as one.
    assert not any("nhiễu  " in r for r in reasons)


def test_multiple_accepted_options_share_the_key():
    choices = [["A"], ["C"], ["B"], ["A"]]
    result = item_analysis(
        [[1.0], [1.0], [0.0], [1.0]], choices=choices, key=[("A", "C")], options=[["A", "B", "C"]]
    )
    assert [o.is_key for o in result.items[0].distractors] == [True, False, True]


def test_missing_cells_are_left_out_of_each_item():
    data = [[1, np.nan, 1], [0, 1, np.nan], [1, 1, 0], [np.nan, 0, 1], [0, 0, 0]]
    result = item_analysis(data)
    assert [item.n for item in result.items] == [4, 4, 4]
    assert result.items[0].facility == approx(0.5)
    assert result.method == "alpha (incomplete)"
    assert result.kr20 is None
    assert result.persons == 5


def test_alpha_of_random_forms_is_the_reliability_of_one_form():
    # 2,000 candidates each given 14 of 20 items at random. The reliability of a 14-item form
    # follows from the full 20-item KR-20 by Spearman-Brown: f·ρ / (1 + (f - 1)·ρ), f = 14/20.
    sim = simulate_2pl(2000, 20, seed=3)
    full = kr20(sim.responses)
    data = sim.responses.copy()
    rng = np.random.default_rng(13)
    for row in data:
        row[rng.choice(20, 6, replace=False)] = np.nan
    result = item_analysis(data)
    f = 14 / 20
    assert result.method == "alpha (incomplete)"
    assert result.alpha == pytest.approx(f * full / (1 + (f - 1) * full), abs=0.02)


def test_an_item_everyone_answered_alike_has_no_discrimination_and_says_why():
    result = item_analysis([[1, 1], [1, 0], [1, 1], [1, 0]])
    item = result.items[0]
    assert item.facility == 1.0
    assert item.sd == 0.0
    assert item.point_biserial is None
    assert item.discrimination_index is None
    assert item.reasons["point_biserial"] == R_ITEM_CONSTANT
    assert NO_VARIANCE in item.flag_codes
    assert TOO_EASY in item.flag_codes


def test_an_item_nobody_took_gives_none_with_reasons():
    result = item_analysis([[1, np.nan], [0, np.nan], [1, np.nan]])
    item = result.items[1]
    assert item.n == 0
    assert item.facility is None and item.sd is None
    assert item.reasons["facility"] == R_NO_RESPONSES
    assert item.flag_codes == [NO_RESPONSES]
    assert result.as_dict()["items"][1]["facility"] is None


def test_one_candidate_gives_means_but_no_spread():
    result = item_analysis([[1, 0, 1]])
    assert result.items[0].facility == 1.0
    assert result.items[0].sd is None
    assert result.items[0].reasons["sd"] == R_ONE_RESPONSE
    assert result.alpha is None and result.sem is None
    assert result.reasons["alpha"] == R_FEW_PERSONS


def test_an_empty_matrix_does_not_crash():
    result = item_analysis(np.full((3, 2), np.nan))
    assert result.persons == 0
    assert result.alpha is None
    assert all(item.flag_codes == [NO_RESPONSES] for item in result.items)


def test_constant_totals_give_no_reliability():
    result = item_analysis([[1, 0], [0, 1], [1, 0]])
    assert result.alpha is None
    assert result.reasons["alpha"] == "Mọi thí sinh có cùng tổng điểm."


def test_as_dict_is_plain_data():
    import json

    data = item_analysis(SMALL, items=list("ABCD")).as_dict()
    text = json.dumps(data, allow_nan=False)
    assert '"item": "A"' in text
    assert data["items"][3]["flags"][0]["code"] == NEGATIVE_DISCRIMINATION
