"""Answer similarity: the exact tail, a planted copier, honest rooms, the Bonferroni threshold."""

import itertools
import math

import numpy as np
import pytest

from sathach.lib.psychometrics.similarity import _tail, answer_similarity

LETTERS = "ABCD"


def sitting(persons=600, items=40, seed=1, room_size=30):
    """Simulate a sitting: 2PL right/wrong, wrong answers spread unevenly over 3 distractors."""
    rng = np.random.default_rng(seed)
    theta = rng.normal(0, 1, persons)
    a = np.exp(rng.normal(0, 0.3, items))
    b = rng.normal(0, 1, items)
    right = rng.random((persons, items)) < 1 / (1 + np.exp(-a * (theta[:, None] - b)))
    key = rng.integers(0, 4, items)
    pull = rng.dirichlet([2, 2, 2], items)  # some distractors attract more than others
    choices = []
    for p in range(persons):
        row = []
        for i in range(items):
            if rng.random() < 0.02:
                row.append("")  # left blank
            elif right[p, i]:
                row.append(LETTERS[key[i]])
            else:
                wrong = [k for k in range(4) if k != key[i]]
                row.append(LETTERS[wrong[rng.choice(3, p=pull[i])]])
        choices.append(row)
    rooms = [f"P{p // room_size + 1:02d}" for p in range(persons)]
    return choices, [LETTERS[k] for k in key], rooms, theta


def test_the_poisson_binomial_tail_is_exact():
    pi = np.array([[0.1, 0.5, 0.3, 0.9, 0.05]])
    for m in range(0, 6):
        brute = sum(
            math.prod(p if hit else 1 - p for p, hit in zip(pi[0], hits, strict=True))
            for hits in itertools.product((0, 1), repeat=5)
            if sum(hits) >= m
        )
        assert _tail(pi, np.array([m]))[0] == pytest.approx(brute, rel=1e-12)


def test_the_tail_keeps_tiny_probabilities():
    pi = np.full((1, 30), 0.01)
    # P(M ≥ 30) = 0.01^30: far below what 1 - P(M < 30) could show.
    assert _tail(pi, np.array([30]))[0] == pytest.approx(1e-60, rel=1e-9)


def test_a_planted_copier_is_flagged():
    choices, key, rooms, theta = sitting(seed=1)
    source = int(np.argmin(np.where(np.array(rooms) == "P01", theta, np.inf)))  # weakest of P01
    copier = (source + 1) % 30
    rng = np.random.default_rng(99)
    for i in range(len(key)):
        if rng.random() < 0.85:
            choices[copier][i] = choices[source][i]
    persons = [f"TS{p:03d}" for p in range(len(choices))]
    report = answer_similarity(choices, key, rooms, persons=persons)
    assert report.pairs_tested == 20 * (30 * 29 // 2)
    assert report.threshold == pytest.approx(0.01 / report.pairs_tested)
    top = report.pairs[0]
    assert {top.first, top.second} == {source, copier}
    assert top.flagged and top.p_value < report.threshold
    assert top.identical_incorrect > 2 * top.expected
    assert {top.first_id, top.second_id} == {persons[source], persons[copier]}
    assert top.room == "P01"
    assert [(p.first, p.second) for p in report.flagged] == [(top.first, top.second)]


def test_independent_candidates_are_not_flagged_and_p_values_are_honest():
    for seed in (2, 3):
        choices, key, rooms, _ = sitting(seed=seed)
        report = answer_similarity(choices, key, rooms)
        assert report.flagged == []
        p = np.array([pair.p_value for pair in report.pairs])
        # Measured: 0.2-0.3 % of honest pairs below 0.01 (the test is conservative).
        assert (p < 0.01).mean() < 0.02
        observed = np.mean([pair.identical_incorrect for pair in report.pairs])
        expected = np.mean([pair.expected for pair in report.pairs])
        assert observed == pytest.approx(expected, rel=0.05)


def test_only_pairs_in_the_same_room_are_compared():
    choices = [["A", "B"], ["A", "B"], ["C", "D"], ["A", "B"], ["B", "C"]]
    report = answer_similarity(choices, ["A", "C"], ["R1", "R1", "R2", None, "R2"])
    assert report.pairs_tested == 2
    assert {(p.first, p.second) for p in report.pairs} == {(0, 1), (2, 4)}
    same = next(p for p in report.pairs if p.first == 0)
    assert same.identical_incorrect == 1  # B on item 2 (key C); A on item 1 is right
    assert same.identical_correct == 1
    assert 0 < same.p_value < 1


def test_blanks_and_items_not_presented_never_count_as_matches():
    choices = [["", None, "B"], ["", "B", "B"], ["A", "A", "A"]]
    report = answer_similarity(choices, ["A", "A", "A"], ["R", "R", "R"], min_band=1)
    pair = next(p for p in report.pairs if (p.first, p.second) == (0, 1))
    assert pair.identical_incorrect == 1  # only item 3
    assert report.pairs_tested == 3


def test_limit_keeps_the_most_similar_pairs_and_every_flagged_one():
    choices, key, rooms, _ = sitting(persons=120, seed=4)
    report = answer_similarity(choices, key, rooms, limit=5)
    assert len(report.pairs) == 5
    assert report.pairs_tested == 4 * 435
    p = [pair.p_value for pair in report.pairs]
    assert p == sorted(p)


def test_no_rooms_no_pairs():
    report = answer_similarity([["A"], ["B"]], ["A"], [None, None])
    assert report.pairs == [] and report.pairs_tested == 0 and report.flagged == []
