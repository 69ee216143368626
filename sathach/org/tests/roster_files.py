"""Roster workbooks for the org tests (built with openpyxl; see lib/formats/tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sathach.lib.formats.roster import HEADERS
from sathach.lib.formats.tests.roster_helpers import as_excel_writes_it, make_xlsx

__all__ = ["HEADERS", "as_excel_writes_it", "make_xlsx", "row", "xlsx"]


def row(code: str, full_name: str = "Nguyễn Văn An", **cells: Any) -> list[Any]:
    """Return one valid row for unit BTC of the test province; ``cells`` override by key."""
    values = {
        "code": code,
        "full_name": full_name,
        "birth_date": dt.date(1985, 5, 17),
        "gender": "Nam",
        "unit_code": "BTC",
        "rank_code": "01.003",
        "position_code": "",
        "qualification": "Cử nhân Luật",
        "hired_on": dt.date(2010, 9, 1),
        "is_leader": "Không",
        "is_party_member": "Có",
        "under_discipline": "Không",
        "relatives": "",
    }
    values.update(cells)
    return list(values.values())


def xlsx(*rows: list[Any], header: Any = HEADERS) -> bytes:
    return make_xlsx(list(rows), header=header)
