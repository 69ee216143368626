"""Vietnamese text: NFC, diacritic-blind folding, name splitting and Vietnamese name order."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sathach.lib.text import NameParts, clean_name, fold, nfc, person_sort_key, sort_key, split_name

# --- A reference order, written independently of sathach.lib.text ------------------------------
# Vietnamese dictionary order: the 29 letters (ă, â, đ, ê, ô, ơ, ư are letters of their own),
# compared over a whole name part first; only when the letters are equal do the tones count,
# ngang < huyền < hỏi < ngã < sắc < nặng. Parts compare given name, then middle, then family.
REF_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
REF_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
VOWELS = "aăâeêioôơuưy"


def _ref_part(part: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFC", part).lower():
        if ch == " ":
            letters.append(-1)  # a word break comes before every letter
            continue
        marks = unicodedata.normalize("NFD", ch)
        tones.append(max((REF_TONES.get(m, 0) for m in marks), default=0))
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in REF_TONES))
        letters.append(REF_ALPHABET.index(base))
    return tuple(letters), tuple(tones)


def ref_key(full_name: str) -> tuple:
    words = unicodedata.normalize("NFC", full_name).split()
    if len(words) == 1:
        family, middle, given_name = "", "", words[0]
    else:
        family, middle, given_name = words[0], " ".join(words[1:-1]), words[-1]
    return (_ref_part(given_name), _ref_part(middle), _ref_part(family))


def _cmp(a: object, b: object) -> int:
    return (a > b) - (a < b)  # type: ignore[operator]


# --- Strategies: Vietnamese names as people type them ------------------------------------------
@st.composite
def vn_letters(draw: st.DrawFn) -> str:
    base = draw(st.sampled_from(REF_ALPHABET))
    tone = draw(st.sampled_from(["", *REF_TONES])) if base in VOWELS else ""
    letter = unicodedata.normalize("NFC", base + tone)
    return letter.upper() if draw(st.booleans()) else letter


vn_words = st.lists(vn_letters(), min_size=1, max_size=7).map("".join)
vn_names = st.lists(vn_words, min_size=1, max_size=4).map(" ".join)


# --- nfc, clean_name, fold ------------------------------------------------------------------------
def test_nfc_composes_decomposed_text_and_strips_it():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert len(decomposed) > len("Nguyễn Thị Ánh")
    assert nfc(f"  {decomposed}\n") == "Nguyễn Thị Ánh"


def test_clean_name_collapses_runs_of_whitespace():
    assert clean_name("  Trần \t Thị\u00a0 Thu   Hà ") == "Trần Thị Thu Hà"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("  ĐỖ   ĐỨC ", "do duc"),
        ("Ưng Hoàng Phúc", "ung hoang phuc"),
        ("Lê Thị Ánh Tuyết", "le thi anh tuyet"),
        ("CC-0042", "cc-0042"),
        (unicodedata.normalize("NFD", "Đặng Ngọc Ẩn"), "dang ngoc an"),
    ],
)
def test_fold_drops_case_and_diacritics(text, folded):
    assert fold(text) == folded


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(vn_names)
def test_fold_of_vietnamese_text_is_ascii(name):
    assert fold(name).isascii()


@given(vn_names)
def test_fold_ignores_normalisation_form(name):
    assert fold(unicodedata.normalize("NFD", name)) == fold(name)


# --- split_name -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("full_name", "parts"),
    [
        ("Nguyễn Văn An", NameParts(family="Nguyễn", middle="Văn", given="An")),
        ("  Trần   Thị  Thu  Hà ", NameParts(family="Trần", middle="Thị Thu", given="Hà")),
        ("Lê Lợi", NameParts(family="Lê", middle="", given="Lợi")),
        ("Tuấn", NameParts(family="", middle="", given="Tuấn")),
        ("Tôn Nữ Thị Ngọc Lan", NameParts(family="Tôn", middle="Nữ Thị Ngọc", given="Lan")),
    ],
)
def test_split_name_takes_first_word_as_family_and_last_as_given(full_name, parts):
    assert split_name(full_name) == parts


# --- person_sort_key: examples --------------------------------------------------------------------
def _order(names: list[str]) -> list[str]:
    return sorted(names, key=person_sort_key)


def test_given_name_sorts_before_family_name():
    assert _order(["Nguyễn Văn Bình", "Trần Văn An"]) == ["Trần Văn An", "Nguyễn Văn Bình"]


def test_middle_name_breaks_a_tie_of_given_names_then_family_name():
    names = ["Trần Văn An", "Nguyễn Văn An", "Nguyễn Thị An", "An"]
    assert _order(names) == ["An", "Nguyễn Thị An", "Nguyễn Văn An", "Trần Văn An"]


def test_shorter_word_sorts_first_and_tones_count_only_after_letters():
    assert _order(["Ánh", "Anh", "An"]) == ["An", "Anh", "Ánh"]
    # The letters of "Hai" decide against "Hà" before the grave accent of "Hà" counts.
    assert _order(["Hải", "Hai", "Hạ", "Hà"]) == ["Hà", "Hạ", "Hai", "Hải"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a", "ă"),
        ("ă", "â"),
        ("â", "b"),
        ("d", "đ"),
        ("đ", "e"),
        ("e", "ê"),
        ("ê", "g"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("ơ", "p"),
        ("u", "ư"),
        ("ư", "v"),
    ],
)
def test_letters_with_marks_are_distinct_letters_in_alphabet_order(before, after):
    assert sort_key(before) < sort_key(after)
    # A distinct letter, not a tone: it decides before any later letter does.
    assert person_sort_key(f"{before}z") < person_sort_key(f"{after}a")


def test_diacritic_letter_word_sorts_after_every_plain_word_of_that_letter():
    assert _order(["Ăn", "Ay", "Âu", "Ba"]) == ["Ay", "Ăn", "Âu", "Ba"]
    assert _order(["Đào", "Dung", "Duy"]) == ["Dung", "Duy", "Đào"]


def test_tones_sort_ngang_huyen_hoi_nga_sac_nang():
    tones = ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    assert _order(list(reversed(tones))) == tones
    assert _order(["Mạnh", "Mãnh", "Mạ", "Mánh", "Mảnh", "Manh", "Mành"]) == [
        "Mạ",
        "Manh",
        "Mành",
        "Mảnh",
        "Mãnh",
        "Mánh",
        "Mạnh",
    ]


def test_real_names_sort_in_vietnamese_order():
    expected = [
        "Nguyễn Văn An",
        "Nguyễn Văn Anh",
        "Trần Thị Ánh",
        "Lê Thị Ân",
        "Phạm Minh Châu",
        "Hoàng Văn Cường",
        "Vũ Thị Dung",
        "Đỗ Đức",
        "Lê Văn Đức",
        "Bùi Thị Hà",
        "Ngô Thanh Hải",
        "Đặng Văn Hùng",
        "Lý Thị Hương",
        "Mai Thị Ánh Tuyết",
        "Trịnh Văn Ước",
    ]
    shuffled = random.Random(2019).sample(expected, len(expected))
    assert shuffled != expected
    assert _order(shuffled) == expected


def test_letters_outside_the_vietnamese_alphabet_sort_after_y():
    assert _order(["Zoe", "Yến", "Fanny", "William", "John"]) == [
        "Yến",
        "Fanny",
        "John",
        "William",
        "Zoe",
    ]


def test_sort_key_ignores_case_and_normalisation_form():
    key = person_sort_key("Nguyễn Văn Ánh")
    assert person_sort_key("NGUYỄN VĂN ÁNH") == key
    assert person_sort_key(unicodedata.normalize("NFD", "Nguyễn  Văn Ánh ")) == key


def test_stray_combining_mark_does_not_break_the_sort_key():
    # Two tone marks on one vowel: NFC attaches one, the other stays a lone combining mark.
    key = person_sort_key("Nguyê\u0303\u0301n Văn An")
    assert key.isdigit()
    assert person_sort_key("Nguyễn Văn An") < key < person_sort_key("Nguyễn Văn Anh")


# --- person_sort_key: properties ------------------------------------------------------------------
@given(vn_names)
def test_sort_key_of_nfd_input_equals_that_of_nfc_input(name):
    assert person_sort_key(unicodedata.normalize("NFD", name)) == person_sort_key(
        unicodedata.normalize("NFC", name)
    )


@given(st.text())
def test_sort_key_is_digits_only_for_any_text(text):
    # Digits sort the same under every database collation (SQLite BINARY, PostgreSQL locales).
    key = person_sort_key(text)
    assert key.isascii() and key.isdigit()


@given(vn_names, vn_names)
def test_sort_key_order_matches_the_reference_order(a, b):
    assert _cmp(person_sort_key(a), person_sort_key(b)) == _cmp(ref_key(a), ref_key(b))


@given(st.lists(vn_names, min_size=2, max_size=12))
def test_sorting_by_key_gives_the_reference_order(names):
    assert [ref_key(n) for n in _order(names)] == sorted(ref_key(n) for n in names)
