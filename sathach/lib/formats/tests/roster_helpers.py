"""Build roster workbooks for the tests: as openpyxl writes them, and as Excel writes them."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from html import unescape
from typing import Any

from openpyxl import Workbook

from sathach.lib.formats.roster import HEADERS

TODAY = dt.date(2026, 3, 1)
_INLINE_RE = re.compile(
    r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>'
)


def good_row(code: str = "NV001", **cells: Any) -> list[Any]:
    """Return one valid row in template order; ``cells`` override by column key."""
    row = {
        "code": code,
        "full_name": "Nguyễn Văn An",
        "birth_date": dt.date(1985, 5, 17),
        "gender": "Nam",
        "unit_code": "BTC",
        "rank_code": "01.003",
        "position_code": "",
        "qualification": "Cử nhân Luật",
        "hired_on": dt.date(2010, 9, 1),
        "is_leader": "Không",
        "is_party_member": "Có",
        "under_discipline": "",
        "relatives": "",
    }
    row.update(cells)
    return list(row.values())


def make_xlsx(
    rows: Sequence[Sequence[Any]],
    *,
    header: Sequence[Any] | None = HEADERS,
    merged: Sequence[str] = (),
    title: str = "Danh sách công chức",
    epoch: Any = None,
) -> bytes:
    """Return an .xlsx (openpyxl's way: inline strings) with ``header`` on row 1."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    if epoch is not None:
        workbook.epoch = epoch
    if header is not None:
        sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # keep "=..." as text in the tests that need it
    for cells in merged:
        sheet.merge_cells(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def as_excel_writes_it(data: bytes) -> bytes:
    """Return ``data`` with its inline strings moved to a shared-strings part, as Excel does."""
    source = zipfile.ZipFile(io.BytesIO(data))
    strings: dict[str, int] = {}

    def shared(match: re.Match[str]) -> str:
        text = unescape(match.group(3))
        index = strings.setdefault(text, len(strings))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{index}</v></c>'

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                part = _INLINE_RE.sub(shared, part.decode()).encode()
            elif item.filename == "[Content_Types].xml":
                part = part.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    b"</Types>",
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                part = part.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>',
                )
            target.writestr(item, part)
        items = "".join(f'<si><t xml:space="preserve">{_escape(s)}</t></si>' for s in strings)
        target.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{items}</sst>",
        )
    return out.getvalue()


def replace_part(data: bytes, name: str, new: bytes) -> bytes:
    """Return ``data`` with the zip member ``name`` replaced by ``new``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, new if item.filename == name else source.read(item.filename))
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
