"""The retirement roadmap of BLLĐ 2019 Điều 169 and NĐ 135/2020 Phụ lục I."""

import datetime as dt

import pytest

from sathach.lib.rules.retirement import (
    add_months,
    age_label,
    months_between,
    retirement_age,
    retirement_date,
    retirement_moment,
)

# (first birth month, last birth month, year of retirement, age) from Phụ lục I.
MEN = [
    ((1961, 1), (1961, 9), 2021, (60, 3)),
    ((1961, 10), (1962, 6), 2022, (60, 6)),
    ((1962, 7), (1963, 3), 2023, (60, 9)),
    ((1963, 4), (1963, 12), 2024, (61, 0)),
    ((1964, 1), (1964, 9), 2025, (61, 3)),
    ((1964, 10), (1965, 6), 2026, (61, 6)),
    ((1965, 7), (1966, 3), 2027, (61, 9)),
    ((1966, 4), (1966, 12), 2028, (62, 0)),
]
WOMEN = [
    ((1966, 1), (1966, 8), 2021, (55, 4)),
    ((1966, 9), (1967, 4), 2022, (55, 8)),
    ((1967, 5), (1967, 12), 2023, (56, 0)),
    ((1968, 1), (1968, 8), 2024, (56, 4)),
    ((1968, 9), (1969, 4), 2025, (56, 8)),
    ((1969, 5), (1969, 12), 2026, (57, 0)),
    ((1974, 9), (1975, 4), 2034, (59, 8)),
    ((1975, 5), (1975, 12), 2035, (60, 0)),
]


def _month_days(year: int, month: int) -> list[dt.date]:
    """Return the first, a middle and the last day of a month."""
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return [dt.date(year, month, 1), dt.date(year, month, 15), last]


@pytest.mark.parametrize(("gender", "table"), [("M", MEN), ("F", WOMEN)])
def test_every_birth_month_of_the_roadmap_retires_in_its_year_at_its_age(gender, table):
    for first, last, year, age in table:
        month = first
        while month <= last:
            for birth in _month_days(*month):
                assert retirement_age(gender, birth) == age, (gender, birth)
                assert retirement_date(gender, birth).year == year, (gender, birth)
            month = (month[0] + month[1] // 12, month[1] % 12 + 1)


def test_men_born_before_1961_retired_at_60_and_after_the_roadmap_at_62():
    assert retirement_age("M", dt.date(1960, 12, 31)) == (60, 0)
    assert retirement_date("M", dt.date(1960, 12, 31)) == dt.date(2020, 12, 31)
    assert retirement_age("M", dt.date(1980, 6, 1)) == (62, 0)


def test_women_born_before_1966_retired_at_55_and_after_the_roadmap_at_60():
    assert retirement_age("F", dt.date(1965, 12, 1)) == (55, 0)
    assert retirement_age("F", dt.date(1990, 2, 1)) == (60, 0)


def test_retirement_in_2025_and_2026_for_both_genders():
    assert retirement_date("M", dt.date(1964, 3, 15)) == dt.date(2025, 6, 15)
    assert retirement_date("M", dt.date(1964, 10, 15)) == dt.date(2026, 4, 15)
    assert retirement_date("F", dt.date(1968, 12, 10)) == dt.date(2025, 8, 10)
    assert retirement_date("F", dt.date(1969, 5, 10)) == dt.date(2026, 5, 10)


def test_retirement_moment_is_the_last_day_of_the_month_the_age_is_reached():
    assert retirement_moment("M", dt.date(1964, 10, 15)) == dt.date(2026, 4, 30)
    # Born 29/02/1964: 61 years 3 months later is 29/05/2025.
    assert retirement_moment("M", dt.date(1964, 2, 29)) == dt.date(2025, 5, 31)


def test_month_arithmetic_clamps_to_the_end_of_the_month():
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 3, 15), -3) == dt.date(2024, 12, 15)
    assert months_between(dt.date(2025, 12, 15), dt.date(2026, 4, 15)) == 4
    assert months_between(dt.date(2025, 12, 16), dt.date(2026, 4, 15)) == 3
    assert months_between(dt.date(2026, 4, 15), dt.date(2025, 12, 15)) == 0


def test_unknown_gender_is_refused():
    with pytest.raises(ValueError, match="unknown gender"):
        retirement_age("X", dt.date(1970, 1, 1))


def test_age_label_is_vietnamese():
    assert age_label(62 * 12) == "62 tuổi"
    assert age_label(61 * 12 + 6) == "61 tuổi 6 tháng"
