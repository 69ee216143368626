"""Fuzz the roster parser: whatever the bytes, only ``RosterFormatError`` may escape."""

import datetime as dt
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sathach.lib.formats.roster import (
    HEADERS,
    RosterFile,
    RosterFormatError,
    parse_roster,
    write_error_report,
)

from .roster_helpers import TODAY, as_excel_writes_it, good_row, make_xlsx

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALID = make_xlsx([good_row("NV001", relatives="NV002:vợ"), good_row("NV002")])
VALID_EXCEL = as_excel_writes_it(VALID)

# Text openpyxl can write (XML 1.0 characters), biased to what rosters hold.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from("ăâđêôơưáàảãạ ;:/-.NamNữCóKhông0123456789"),
    max_size=40,
)
CELL = st.one_of(
    st.none(),
    TEXT,
    st.sampled_from(["Nam", "Nữ", "Có", "Không", "01.003", "17/05/1985", "BTC", "NV1:vợ"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    # Cell values carry no time zone: naive datetimes are what a workbook holds.
    st.datetimes(
        min_value=dt.datetime(1900, 3, 1),  # noqa: DTZ001
        max_value=dt.datetime(2100, 1, 1),  # noqa: DTZ001
    ),
)


def parse_or_refuse(data: bytes, **kwargs) -> RosterFile | None:
    try:
        return parse_roster(data, today=TODAY, **kwargs)
    except RosterFormatError as exc:
        assert exc.message
        return None


def check_invariants(roster: RosterFile) -> None:
    """Every non-blank row is either read or refused with a reason, never both."""
    good = {r.row for r in roster.rows}
    bad = {e.row for e in roster.errors}
    assert not good & bad
    assert good | bad == {number for number, _ in roster.raw}
    assert all(e.message and e.column in HEADERS for e in roster.errors)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_raise_only_the_format_error(data):
    parse_or_refuse(data)
    parse_or_refuse(b"PK\x03\x04" + data)


@FUZZ
@given(st.data(), st.sampled_from([VALID, VALID_EXCEL]))
def test_damaged_workbook_raises_only_the_format_error(data, valid):
    damaged = bytearray(valid)
    for _ in range(data.draw(st.integers(1, 8))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(damaged) // 2, len(damaged)))
    parse_or_refuse(bytes(damaged[:cut]))


@FUZZ
@given(st.data(), st.sampled_from([VALID, VALID_EXCEL]))
def test_damaged_xml_inside_an_intact_zip_raises_only_the_format_error(data, valid):
    source = zipfile.ZipFile(io.BytesIO(valid))
    names = [n for n in source.namelist() if n.endswith((".xml", ".rels"))]
    target = data.draw(st.sampled_from(names))
    xml = bytearray(source.read(target))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(xml) - 1))
        xml[at : at + data.draw(st.integers(0, 20))] = data.draw(st.binary(max_size=20))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            archive.writestr(item, bytes(xml) if item.filename == target else source.read(item))
    roster = parse_or_refuse(out.getvalue())
    if roster is not None:
        check_invariants(roster)


@FUZZ
@given(st.lists(st.lists(CELL, min_size=0, max_size=15), min_size=1, max_size=8))
def test_random_cells_under_a_valid_header_give_rows_or_row_errors(rows):
    for data in (make_xlsx(rows), as_excel_writes_it(make_xlsx(rows))):
        roster = parse_or_refuse(data)
        if roster is not None:
            check_invariants(roster)
            write_error_report(roster, roster.errors)  # the report can always be written


@FUZZ
@given(
    st.lists(st.one_of(CELL, st.sampled_from(HEADERS)), max_size=16),
    st.lists(st.lists(CELL, max_size=16), max_size=4),
    st.booleans(),
)
def test_random_headers_raise_only_the_format_error(header, rows, unit_required):
    roster = parse_or_refuse(make_xlsx(rows, header=header), unit_required=unit_required)
    if roster is not None:
        check_invariants(roster)
