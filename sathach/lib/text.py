"""Vietnamese text: NFC normalisation, diacritic-blind folding, and name sorting.

Pure Python; no Django. Every text a user gives goes through ``nfc`` before it is stored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")

# Vietnamese alphabet order (29 letters). Letters not in it (f, j, w, z, digits...) sort after,
# by code point, so foreign names still get a stable place.
VIETNAMESE_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i + 1 for i, ch in enumerate(VIETNAMESE_ALPHABET)}

# Tone marks as combining characters, in the dictionary order of Vietnamese tones:
# ngang (none) < huyền < hỏi < ngã < sắc < nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Combining marks that make a distinct letter (ă, â, ê, ô, ơ, ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with surrounding whitespace removed."""
    return unicodedata.normalize("NFC", text).strip()


def clean_name(text: str) -> str:
    """Return a person or unit name in NFC with runs of whitespace collapsed to one space."""
    return _SPACES.sub(" ", nfc(text))


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


# Every precomposed Latin letter (Vietnamese included) to its base letters, for str.translate.
_FOLD_TABLE = {
    cp: _fold_char(chr(cp)) for cp in range(0x00C0, 0x2000) if _fold_char(chr(cp)) != chr(cp)
}


def fold(text: str) -> str:
    """Return ``text`` lower-cased without diacritics ("Nguyễn Văn Đức" -> "nguyen van duc")."""
    lowered = text.lower().translate(_FOLD_TABLE)
    if not lowered.isascii():
        # Combining marks typed separately (NFD input) and other scripts: the slow path.
        lowered = "".join(_fold_char(ch) for ch in unicodedata.normalize("NFC", lowered))
    return _SPACES.sub(" ", lowered).strip()


@dataclass(frozen=True)
class NameParts:
    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Split a Vietnamese full name into family, middle and given names."""
    words = clean_name(full_name).split(" ")
    if len(words) == 1:
        return NameParts(family="", middle="", given=words[0])
    return NameParts(family=words[0], middle=" ".join(words[1:-1]), given=words[-1])


def _letter_and_tone(ch: str) -> tuple[int, int]:
    """Return (letter rank, tone rank) of one lower-case precomposed character.

    Letter ranks run 1-29 for the Vietnamese alphabet, 30-98 for anything else (after 'y'),
    and 99 never occurs; a space is 1 lower than every letter by having its own rank 0 handled
    by the caller.
    """
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    base = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        else:
            base.append(part)
    # A tone mark NFC could not attach to the letter before it (two tones typed on one vowel)
    # stands alone: it has no base letter, so it ranks by its own code point.
    letter = unicodedata.normalize("NFC", "".join(base)) or decomposed
    if letter in _LETTER_RANK:
        return _LETTER_RANK[letter], tone
    # Outside the Vietnamese alphabet: after 'y', ordered by code point, capped to fit.
    return 30 + min(ord(letter[0]) % 69, 68), tone


def _letters_and_tones(text: str) -> tuple[str, str]:
    """Return the letter digits (two per character, a space as "01"... see below) and tones."""
    letters: list[str] = []
    tones: list[str] = []
    for ch in clean_name(text).lower():
        if ch == " ":
            # A word break sorts before every letter but after the end of the part ("00").
            letters.append("01")
            continue
        letter, tone = _letter_and_tone(ch)
        letters.append(f"{letter + 1:02d}")
        tones.append(str(tone))
    return "".join(letters), "".join(tones)


def sort_key(text: str) -> str:
    """Return a key that orders words the Vietnamese way: letters first, then tones.

    The key uses only the digits 0-9, so it sorts identically under every database collation
    (SQLite BINARY, PostgreSQL C or any locale).
    """
    letters, tones = _letters_and_tones(text)
    return letters + "00" + tones


def person_sort_key(full_name: str) -> str:
    """Return the key that sorts people by given name, then middle, then family name.

    Each part is compared whole (letters, then tones) before the next part counts, so every
    "Anh" comes before every "Ảnh". Within a part "00" ends the letters (lower than any
    letter, so "An" sorts before "Anh"); the tone digits of equal letters have equal length.
    """
    parts = split_name(full_name)
    return "".join(sort_key(part) + "9" for part in (parts.given, parts.middle, parts.family))
