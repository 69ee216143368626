"""The demo question bank: enough valid, distinct items of every kind, topic and difficulty."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from sathach.demo import bank_items
from sathach.demo.bank_items import TOPICS, generate_bank
from sathach.demo.positions import POSITIONS_BY_CODE
from sathach.lib.formats.items import Difficulty, ItemData, Kind, validate_item
from sathach.lib.similarity import find_duplicates
from sathach.lib.text import fold

# The least each kind must have: the bank is mostly single choice, as Nghệ An's part 1 was,
# with every other kind present in numbers a blueprint can draw from.
MINIMUM_BY_KIND = {
    Kind.SINGLE: 480,
    Kind.MULTIPLE: 50,
    Kind.TRUE_FALSE: 45,
    Kind.SHORT_TEXT: 20,
    Kind.NUMERIC: 20,
    Kind.ESSAY: 28,
}
# General knowledge is drawn 60 single-choice questions at a time per difficulty cell.
GENERAL_KNOWLEDGE_PER_DIFFICULTY = 60
# Each topic's single-choice cell of each difficulty holds at least this many items.
SINGLE_PER_TOPIC_AND_DIFFICULTY = 5
ALL_OF_THE_ABOVE = re.compile(r"^(Cả [A-D](, [A-D])* và [A-D] đều đúng|Tất cả các phương án trên)$")
POINTS = re.compile(r"\((\d+(?:[.,]\d+)?) điểm\)")


@pytest.fixture(scope="module")
def bank() -> list[tuple[str, ItemData]]:
    return generate_bank()


def _texts(item: ItemData) -> list[str]:
    return [
        item.stem,
        item.source,
        item.essay_guide,
        item.general_feedback,
        *item.topic_path,
        *(option.text for option in item.options),
        *(answer.text for answer in item.answers),
    ]


def test_bank_has_at_least_650_items(bank):
    assert len(bank) >= 650


def test_every_item_passes_validate_item(bank):
    problems = {item.external_id: validate_item(item) for _, item in bank}
    assert {key: value for key, value in problems.items() if value} == {}


def test_every_kind_has_its_minimum_count(bank):
    counts = Counter(item.kind for _, item in bank)
    assert {kind: counts[kind] for kind in MINIMUM_BY_KIND} == {
        kind: max(counts[kind], minimum) for kind, minimum in MINIMUM_BY_KIND.items()
    }


def test_single_choice_is_about_seventy_percent_of_the_bank(bank):
    share = sum(item.kind == Kind.SINGLE for _, item in bank) / len(bank)
    assert 0.65 <= share <= 0.78


def test_general_knowledge_has_60_single_choice_items_per_difficulty(bank):
    counts = Counter(
        item.difficulty
        for topic, item in bank
        if topic.startswith("KTC-") and item.kind == Kind.SINGLE
    )
    assert min(counts[level] for level in Difficulty) >= GENERAL_KNOWLEDGE_PER_DIFFICULTY


def test_every_topic_has_single_choice_items_at_every_difficulty(bank):
    counts = Counter((topic, item.difficulty) for topic, item in bank if item.kind == Kind.SINGLE)
    short = {
        (topic, level.value): counts[(topic, level)]
        for topic in {topic for topic, _ in bank}
        for level in Difficulty
        if counts[(topic, level)] < SINGLE_PER_TOPIC_AND_DIFFICULTY
    }
    assert short == {}


def test_every_topic_has_items_of_at_least_three_difficulties(bank):
    levels: dict[str, set[Difficulty | None]] = {}
    for topic, item in bank:
        levels.setdefault(topic, set()).add(item.difficulty)
    assert {topic for topic, found in levels.items() if found != set(Difficulty)} == set()


def test_every_professional_topic_has_essays_for_parts_two_and_three(bank):
    professional = {code for code, _, parent, _ in TOPICS if parent == "CM"}
    essays = Counter((topic, item.points) for topic, item in bank if item.kind == Kind.ESSAY)
    assert {
        topic for topic in professional if essays[(topic, 10.0)] < 2 or essays[(topic, 30.0)] < 2
    } == set()


def test_the_same_seed_gives_the_same_bank():
    assert generate_bank(seed=7) == generate_bank(seed=7)


def test_another_seed_reorders_options_but_keeps_questions_and_keys(bank):
    other = generate_bank(seed=2020)
    assert len(other) == len(bank)
    assert all(not validate_item(item) for _, item in other)
    assert [(t, i.stem) for t, i in other] == [(t, i.stem) for t, i in bank]
    keys = [{o.text for o in i.options if o.correct} for _, i in bank]
    assert [{o.text for o in i.options if o.correct} for _, i in other] == keys
    changed = sum(
        [o.text for o in a.options] != [o.text for o in b.options]
        for (_, a), (_, b) in zip(bank, other, strict=True)
    )
    assert changed > len(bank) // 2


def test_stems_are_distinct_after_folding(bank):
    folded = Counter(" ".join(fold(item.stem).split()) for _, item in bank)
    assert [stem for stem, n in folded.items() if n > 1] == []


def test_no_two_stems_are_near_duplicates(bank):
    pairs = find_duplicates([item.stem for _, item in bank], threshold=0.9)
    assert pairs == []


def test_the_bank_duplicate_report_flags_no_pair_of_items(bank):
    # bank.duplicates compares stem and options at 0.85 by default.
    texts = [item.stem + " " + " ".join(o.text for o in item.options) for _, item in bank]
    assert find_duplicates(texts, threshold=0.85) == []


def test_every_topic_code_used_is_defined(bank):
    codes = {topic.code for topic in TOPICS}
    assert {topic for topic, _ in bank} - codes == set()


def test_topics_form_a_tree_of_unique_codes_without_slashes():
    codes = [topic.code for topic in TOPICS]
    assert len(codes) == len(set(codes))
    assert all("/" not in code for code in codes)
    assert {topic.parent for topic in TOPICS if topic.parent} <= set(codes)


def test_at_least_five_professional_topics_are_tied_to_demo_positions():
    positions = [topic.position for topic in TOPICS if topic.position]
    assert len(set(positions)) >= 5
    assert set(positions) <= set(POSITIONS_BY_CODE)


def test_items_carry_the_path_of_their_topic(bank):
    names = {topic.code: topic.name for topic in TOPICS}
    assert all(item.topic_path[-1] == names[topic] for topic, item in bank)


def test_all_text_is_nfc(bank):
    bad = [
        item.external_id
        for _, item in bank
        if any(text != unicodedata.normalize("NFC", text) for text in _texts(item))
    ]
    assert bad == []


def test_plain_text_fields_are_valid_html_without_markup(bank):
    bad = [
        item.external_id
        for _, item in bank
        for text in [item.stem, *(o.text for o in item.options), *(a.text for a in item.answers)]
        if "<" in text or "&" in text
    ]
    assert bad == []


def test_every_item_has_a_source_a_difficulty_and_a_unique_id(bank):
    assert all(item.source.strip() and item.difficulty for _, item in bank)
    ids = [item.external_id for _, item in bank]
    assert len(ids) == len(set(ids))


def test_choice_items_have_four_distinct_options(bank):
    bad = [
        item.external_id
        for _, item in bank
        if item.kind in (Kind.SINGLE, Kind.MULTIPLE)
        and (len(item.options) != 4 or len({fold(option.text) for option in item.options}) != 4)
    ]
    assert bad == []


def test_multiple_response_items_have_two_or_three_keys_sharing_full_credit(bank):
    for _, item in bank:
        if item.kind == Kind.MULTIPLE:
            keys = [option for option in item.options if option.correct]
            assert 2 <= len(keys) <= 3, item.stem
            assert sum(option.fraction for option in keys) == pytest.approx(1.0)
        elif item.kind == Kind.SINGLE:
            assert [option.fraction for option in item.options if option.correct] == [1.0]


def test_all_of_the_above_options_come_last_and_are_never_shuffled(bank):
    fixed = [item for _, item in bank if not item.shuffle]
    assert len(fixed) >= 5
    for _, item in bank:
        flagged = [o for o in item.options if ALL_OF_THE_ABOVE.match(o.text)]
        if flagged:
            assert not item.shuffle, item.stem
            assert item.options[-1] is flagged[0], item.stem
    assert all(any(ALL_OF_THE_ABOVE.match(o.text) for o in item.options) for item in fixed)


def test_essay_guides_share_out_exactly_the_item_points(bank):
    for _, item in bank:
        if item.kind == Kind.ESSAY:
            lines = re.findall(r"<li>(.*?)</li>", item.essay_guide)
            marks = [float(POINTS.findall(line)[-1].replace(",", ".")) for line in lines]
            assert item.points in (10.0, 30.0), item.stem
            assert sum(marks) == pytest.approx(item.points), item.stem


def test_numeric_and_short_answers_are_given(bank):
    for _, item in bank:
        if item.kind == Kind.NUMERIC:
            assert all(answer.tolerance == 0 for answer in item.numeric), item.stem
        if item.kind == Kind.SHORT_TEXT:
            assert all(answer.fraction == 1.0 for answer in item.answers), item.stem


def test_a_group_too_small_for_four_options_is_refused():
    text = "@ easy g=tiny | Nguồn\nCâu hỏi?\n+ Đáp án\n"
    drafts, extras = bank_items._parse_block(text, "X")
    with pytest.raises(ValueError, match="too few answers"):
        drafts[0].build(bank_items.random.Random(1), bank_items._group_pools(drafts, extras))


def test_an_unknown_header_flag_is_refused():
    with pytest.raises(ValueError, match="unknown flag 'shuffle'"):
        bank_items._parse_block("@ easy shuffle | Nguồn\nCâu hỏi?\n+ A\n- B\n", "X")
