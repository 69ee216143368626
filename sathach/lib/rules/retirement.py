"""Retirement age under normal working conditions, and the day a person reaches it.

Bộ luật Lao động 2019, Điều 169 khoản 2, with the roadmap of NĐ 135/2020/NĐ-CP (Điều 4 and
Phụ lục I): from 1/1/2021 the age is 60 years 3 months for men and 55 years 4 months for women;
it then rises by 3 months a year for men until 62 (reached in 2028) and by 4 months a year for
women until 60 (reached in 2035). Before 2021 (Bộ luật Lao động 2012) it was 60 and 55.

A person's age is the one of the calendar year in which they reach it: a man born in 10/1964
would reach 61 years 3 months (the 2025 age) in 1/2026, so he retires at the 2026 age, 61
years 6 months, in 4/2026 (Phụ lục I: men born 10/1964-6/1965 retire in 2026).

The retirement moment is the end of the last day of the month in which the age is reached
(NĐ 135/2020/NĐ-CP, Điều 3; article number recalled, not re-checked against the gazette).

Pure Python; no Django. Gender is "M" or "F", the codes of ``org.constants.Gender``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

LAW_BASIS = "Bộ luật Lao động 2019, Điều 169"
ROADMAP_BASIS = "Bộ luật Lao động 2019, Điều 169; NĐ 135/2020/NĐ-CP, Điều 4 và Phụ lục I"
ROADMAP_START_YEAR = 2021


@dataclass(frozen=True)
class Roadmap:
    """The retirement age of one gender, in months, as the years go by."""

    before: int  # the age before the roadmap (Bộ luật Lao động 2012)
    start: int  # the age in ROADMAP_START_YEAR
    step: int  # added each later year
    final: int  # never more than this

    def age_in_year(self, year: int) -> int:
        """Return the age (months) for those who reach it in ``year``."""
        if year < ROADMAP_START_YEAR:
            return self.before
        return min(self.start + self.step * (year - ROADMAP_START_YEAR), self.final)


ROADMAPS: dict[str, Roadmap] = {
    # BLLĐ 2019, Điều 169 khoản 2: men 60y3m in 2021, +3 months a year, up to 62.
    "M": Roadmap(before=60 * 12, start=60 * 12 + 3, step=3, final=62 * 12),
    # BLLĐ 2019, Điều 169 khoản 2: women 55y4m in 2021, +4 months a year, up to 60.
    "F": Roadmap(before=55 * 12, start=55 * 12 + 4, step=4, final=60 * 12),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved by ``months``; a day past the month's end becomes its last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def months_between(start: dt.date, end: dt.date) -> int:
    """Return the whole months from ``start`` to ``end`` (0 when ``end`` is not later)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months


def _roadmap(gender: str) -> Roadmap:
    try:
        return ROADMAPS[gender]
    except KeyError:
        raise ValueError(f"unknown gender code {gender!r} (expected 'M' or 'F')") from None


def retirement_age_months(gender: str, birth: dt.date) -> int:
    """Return the retirement age, in months, of a person of ``gender`` born on ``birth``."""
    roadmap = _roadmap(gender)
    if add_months(birth, roadmap.before).year < ROADMAP_START_YEAR:
        return roadmap.before
    year = ROADMAP_START_YEAR
    while True:
        age = roadmap.age_in_year(year)
        if add_months(birth, age).year <= year:
            return age
        year += 1


def retirement_age(gender: str, birth: dt.date) -> tuple[int, int]:
    """Return the retirement age as (years, months)."""
    return divmod(retirement_age_months(gender, birth), 12)


def retirement_date(gender: str, birth: dt.date) -> dt.date:
    """Return the day the person reaches retirement age."""
    return add_months(birth, retirement_age_months(gender, birth))


def retirement_moment(gender: str, birth: dt.date) -> dt.date:
    """Return the last day of the month in which the person reaches retirement age."""
    reached = retirement_date(gender, birth)
    return reached.replace(day=calendar.monthrange(reached.year, reached.month)[1])


def age_label(months: int) -> str:
    """Return an age in Vietnamese: "61 tuổi 6 tháng", "62 tuổi"."""
    years, rest = divmod(months, 12)
    return f"{years} tuổi {rest} tháng" if rest else f"{years} tuổi"
