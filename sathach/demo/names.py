"""Vietnamese names for the demo roster, drawn with realistic frequencies.

Family-name shares follow the commonly cited national figures (Nguyễn about 38 %, Trần 11 %,
Lê 9.5 %, Phạm 7 %...), with the northern-central spellings a Nghệ An roster shows (Hoàng more
than Huỳnh, Võ beside Vũ). The mountain communes of the west (Kỳ Sơn, Tương Dương, Quế Phong...)
are home to Thái, Khơ Mú and Mông people, so their rosters also carry family names such as Lô,
Vi, Lang and Vừ. Every string here is NFC.
"""

from __future__ import annotations

import random
from itertools import accumulate

from sathach.org.constants import Gender

# (family name, weight in per mille).
FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 45),
    ("Huỳnh", 6),
    ("Phan", 45),
    ("Võ", 25),
    ("Vũ", 14),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 8),
    ("Thái", 6),
    ("Cao", 6),
    ("Chu", 4),
    ("Lưu", 4),
    ("Đào", 5),
    ("Hà", 5),
    ("Mai", 4),
    ("Lương", 4),
    ("Trịnh", 4),
    ("Tạ", 2),
    ("Đoàn", 4),
    ("Kiều", 2),
    ("Phùng", 2),
    ("Tăng", 1),
    ("Từ", 1),
    ("Văn", 1),
    ("Nghiêm", 1),
)

# Family names of the Thái, Khơ Mú and Mông communities of western Nghệ An.
HIGHLAND_FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Lô", 20),
    ("Vi", 18),
    ("Lang", 14),
    ("Lương", 12),
    ("Kha", 8),
    ("Lữ", 6),
    ("Ngân", 6),
    ("Quang", 5),
    ("Sầm", 4),
    ("Moong", 5),
    ("Vừ", 5),
    ("Xồng", 4),
    ("Lầu", 4),
    ("Cụt", 3),
    ("Hà", 5),
)
HIGHLAND_SHARE = 0.55

MIDDLE_NAMES = {
    Gender.MALE: (
        ("Văn", 30),
        ("Đức", 8),
        ("Minh", 7),
        ("Hữu", 6),
        ("Quang", 5),
        ("Xuân", 5),
        ("Thanh", 5),
        ("Công", 5),
        ("Đình", 6),
        ("Ngọc", 4),
        ("Anh", 3),
        ("Tiến", 3),
        ("Trọng", 3),
        ("Mạnh", 2),
        ("Duy", 3),
        ("Hồng", 2),
        ("Quốc", 3),
        ("Thế", 3),
        ("Viết", 2),
        ("Bá", 2),
        ("Sỹ", 2),
        ("Trung", 2),
        ("Khắc", 2),
        ("Huy", 2),
    ),
    Gender.FEMALE: (
        ("Thị", 55),
        ("Thị Thu", 6),
        ("Thị Minh", 4),
        ("Thị Hồng", 4),
        ("Thị Thanh", 4),
        ("Ngọc", 4),
        ("Thu", 4),
        ("Thanh", 3),
        ("Minh", 2),
        ("Hồng", 2),
        ("Thùy", 3),
        ("Phương", 2),
        ("Kim", 2),
        ("Hải", 1),
        ("Khánh", 1),
        ("Diệu", 1),
        ("Bảo", 1),
        ("Xuân", 2),
    ),
}

# Given names, space-separated (each is one word).
GIVEN_NAMES = {
    Gender.MALE: tuple(
        (
            "An Anh Bình Cường Chiến Công Dũng Duy Đạt Định Đông Đức Giang Hải Hào Hậu Hiếu Hòa "
            "Hoàng Hùng Hưng Huy Khánh Khoa Kiên Lâm Linh Lộc Long Lợi Luân Mạnh Minh Nam Nghĩa "
            "Ngọc Nhân Phong Phúc Phương Quân Quang Quý Sơn Tài Tâm Thái Thắng Thanh Thành Thịnh "
            "Thuận Tiến Toàn Trí Trung Trường Tú Tuấn Tùng Việt Vinh Vũ Yên"
        ).split()
    ),
    Gender.FEMALE: tuple(
        (
            "An Anh Ánh Chi Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hòa Hồng Huế Huyền Hương Hường "
            "Lan Liên Linh Loan Ly Mai Minh My Nga Ngân Ngọc Nhung Oanh Phương Quyên Quỳnh Tâm "
            "Thảo Thanh Thơ Thu Thủy Trang Trâm Tú Tuyết Uyên Vân Xuân Yến"
        ).split()
    ),
}


class _Weighted:
    """A weighted choice with its cumulative weights computed once."""

    def __init__(self, pairs: tuple[tuple[str, float], ...]) -> None:
        self.values = [value for value, _weight in pairs]
        self.cum_weights = list(accumulate(weight for _value, weight in pairs))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cum_weights)[0]


_FAMILY = _Weighted(FAMILY_NAMES)
_HIGHLAND_FAMILY = _Weighted(HIGHLAND_FAMILY_NAMES)
_MIDDLE = {gender: _Weighted(pairs) for gender, pairs in MIDDLE_NAMES.items()}


def family_name(rng: random.Random, *, highland: bool = False) -> str:
    """Draw a family name; ``highland`` for a commune of the western mountains."""
    if highland and rng.random() < HIGHLAND_SHARE:
        return _HIGHLAND_FAMILY.pick(rng)
    return _FAMILY.pick(rng)


def full_name(rng: random.Random, gender: str, *, highland: bool = False) -> str:
    """Draw a full name "Family Middle Given" for ``gender``."""
    family = family_name(rng, highland=highland)
    middle = _MIDDLE[Gender(gender)].pick(rng)
    given = rng.choice(GIVEN_NAMES[Gender(gender)])
    return f"{family} {middle} {given}"
