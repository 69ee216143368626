"""Roster import of 12,000 civil servants from .xlsx (all-or-nothing, one transaction).

Subject: ``roster_import`` of a file of 12,000 rows (validation of every row, units, ranks,
relatives, bulk create), then the same file again (12,000 unchanged: nothing is written), then
``roster_export`` of the whole province. Baseline, same process: parsing the same file alone
(``parse_roster``), so the ratio shows what database validation and writing add.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.utils import timezone

from sathach.core.testing import make_province
from sathach.lib.formats.roster import RosterRow, parse_roster, write_roster
from sathach.org.models import Person
from sathach.org.roster import roster_export, roster_import

NAME = "roster"
N_ROWS = 12_000
_NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bích",
    "Lê Hoàng Đức",
    "Phạm Thị Hồng Nhung",
    "Võ Minh Tuấn",
    "Hồ Thị Lan",
    "Đặng Quốc Việt",
    "Bùi Thị Thu Hà",
]


def make_rows(n: int) -> list[RosterRow]:
    units = ["BTC", "BTC-P1", "SNV", "XA-VINH"]
    return [
        RosterRow(
            row=0,
            code=f"NV{i:05d}",
            full_name=_NAMES[i % len(_NAMES)],
            birth_date=dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
            gender="M" if i % 2 else "F",
            unit_code=units[i % 4],
            rank_code="01.003",
            qualification="Cử nhân Luật",
            hired_on=dt.date(1995 + i % 30, 1, 1),
            is_party_member=bool(i % 3),
            relatives=((f"NV{(i + 1) % n:05d}", "spouse"),) if i % 5 == 0 else (),
        )
        for i in range(n)
    ]


def _timed(label: str, figures: dict[str, Any], fn: Any) -> Any:
    started = time.perf_counter()
    result = fn()
    figures[label] = round(time.perf_counter() - started, 2)
    return result


def run(args: Any) -> dict[str, Any]:
    province = make_province()
    data = write_roster(make_rows(N_ROWS))
    figures: dict[str, Any] = {"rows": N_ROWS, "file_mb": round(len(data) / 1e6, 2)}
    today = timezone.localdate()
    _timed("baseline_parse_s", figures, lambda: parse_roster(data, today=today))
    first = _timed(
        "import_s",
        figures,
        lambda: roster_import(
            actor=None, data=data, filename="bench.xlsx", unit=None, partial=False, dry_run=False
        ),
    )
    if first.errors or Person.objects.count() != N_ROWS:
        raise RuntimeError(f"roster import failed: {first.errors[:3]}")
    again = _timed(
        "reimport_unchanged_s",
        figures,
        lambda: roster_import(
            actor=None, data=data, filename="bench.xlsx", unit=None, partial=False, dry_run=False
        ),
    )
    if again.unchanged != N_ROWS:
        raise RuntimeError("re-import changed rows")
    _timed("export_s", figures, lambda: roster_export(actor=None, unit=province.root))
    figures["rows_per_s"] = round(N_ROWS / figures["import_s"])
    figures["import_to_parse"] = round(figures["import_s"] / figures["baseline_parse_s"], 2)
    return figures
