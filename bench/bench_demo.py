"""The demo seed at full scale, against a plain ``executemany`` of the same person rows.

Subject: ``province_generate`` + ``province_write`` (units level by level, persons through
``person_fill_derived`` and ``bulk_create``, relatives, Argon2-hashed logins, one audit event).
Baseline, same process and database: the person rows just written, read back and inserted
again with one ``cursor.executemany`` into the same table (new codes, same indexes) inside a
transaction that is rolled back. ``orm_to_executemany`` is the persons phase of the seed over
the baseline: what the ORM and the derived fields cost over the database's own insert speed.
"""

from __future__ import annotations

import time
from typing import Any

from django.db import connection, transaction

from sathach.demo.province import province_generate, province_write
from sathach.org.models import Person

NAME = "demo"


def _executemany_baseline() -> tuple[int, float]:
    """Insert a copy of every person row with one executemany; return (rows, seconds)."""
    columns = [f.column for f in Person._meta.concrete_fields if not f.primary_key]
    code_at = columns.index(Person._meta.get_field("code").column)
    table = connection.ops.quote_name(Person._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {names} FROM {table} ORDER BY id")  # noqa: S608 - own names
        rows = [list(row) for row in cursor.fetchall()]
    for row in rows:
        row[code_at] = "B" + row[code_at]
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    with transaction.atomic():
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.executemany(insert, rows)
            seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return len(rows), seconds


def run(args: Any) -> dict[str, Any]:
    started = time.perf_counter()
    province = province_generate(seed=args.seed, scale=args.scale)
    generated = time.perf_counter()
    report = province_write(province)
    total = time.perf_counter() - started
    persons = len(province.persons)
    rows, baseline = _executemany_baseline()
    return {
        "units": len(province.units),
        "persons": persons,
        "relatives": len(province.relatives),
        "generate_s": round(generated - started, 3),
        "units_write_s": report.seconds["units"],
        "persons_write_s": report.seconds["persons"],
        "logins_write_s": report.seconds["logins"],
        "seed_total_s": round(total, 3),
        "persons_per_s": round(persons / total),
        "baseline_executemany_s": round(baseline, 3),
        "baseline_rows_per_s": round(rows / baseline) if baseline else 0,
        "orm_to_executemany": round(report.seconds["persons"] / baseline, 2) if baseline else 0,
    }
