"""Assembly through the database: a plan of 20,000 candidates, end to end (``part_assemble``).

Subject: ``part_assemble`` on the demo bank (740 approved items) with the DEMO plan's
blueprint (60 items: 4 topics × easy/medium/hard), for a plan of 20,000 candidates: read the
pool, assemble, check every form, freeze the used versions, write 20,000 Form rows in one
transaction, audit. Then ``forms_seal`` (one UPDATE of the 20,000 rows).

Baselines, same process: reading the pool alone (``part_assembly_input``) and the pure
assembly on that pool (``sathach.lib.assembly.assemble``), so the rest of the end-to-end time
is what checking, freezing and writing cost. Seeding the persons and the candidate list is
timed too, but is not the subject.

``sathach bench assembly`` runs this beside ``bench_assembly`` (see ``GROUPS`` in runner.py).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from sathach.demo.bank_seed import bank_seed
from sathach.demo.plan_seed import demo_part_add
from sathach.lib.assembly import assemble
from sathach.org.constants import Gender, UnitKind
from sathach.org.models import Person, Unit
from sathach.org.services import person_fill_derived, unit_fill_derived
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import Form
from sathach.plans.selectors import part_assembly_input
from sathach.plans.services import (
    candidates_generate,
    plan_create,
    plan_scope_set,
)

NAME = "assembly_db"
N_CANDIDATES = 20_000
N_AGENCIES = 40
TARGET_S = 20.0
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Đạt", "Hà", "Hùng", "Lan", "Mai", "Nam", "Sơn", "Yến")


def _seed_people(n: int) -> Unit:
    """Write a province of ``N_AGENCIES`` agencies and ``n`` civil servants; return the root."""
    root = unit_fill_derived(Unit(code="BENCH", name="Tỉnh thử", kind=UnitKind.PROVINCE))
    root.save()
    agencies = []
    for a in range(N_AGENCIES):
        agency = unit_fill_derived(
            Unit(code=f"BENCH-{a:02d}", name=f"Cơ quan thử {a}", parent=root)
        )
        agency.save()
        agencies.append(agency)
    people = [
        person_fill_derived(
            Person(
                code=f"B{i:06d}",
                full_name=f"{FAMILY[i % 10]} {MIDDLE[i // 10 % 8]} {GIVEN[i // 80 % 12]}",
                birth_date=dt.date(1975 + i % 25, 1 + i % 12, 1 + i % 28),
                gender=Gender.FEMALE if i % 2 else Gender.MALE,
                unit=agencies[i % N_AGENCIES],
                hired_on=dt.date(2010, 1, 1),
            )
        )
        for i in range(n)
    ]
    Person.objects.bulk_create(people, batch_size=2000)
    return root


def _plan(root: Unit) -> Any:
    plan = plan_create(
        actor=None,
        code="BENCH",
        name="Kiểm tra, sát hạch (đo hiệu năng)",
        starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 7, 31),
        exam_profile="TT22-2025",
    )
    plan_scope_set(actor=None, plan=plan, units=[root])
    return plan


def run(args: Any = None) -> dict[str, Any]:
    """Seed a plan of 20,000 candidates (× ``scale``) and time ``part_assemble`` end to end."""
    scale = float(getattr(args, "scale", 1.0))
    seed = int(getattr(args, "seed", 2019))
    n = max(2, round(N_CANDIDATES * scale))

    started = time.perf_counter()
    bank = bank_seed(seed=seed)
    root = _seed_people(n)
    plan = _plan(root)
    report = candidates_generate(actor=None, plan=plan)
    part = demo_part_add(plan)
    seed_s = time.perf_counter() - started

    started = time.perf_counter()
    blueprint, pool = part_assembly_input(part=part)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    assemble(pool, blueprint, report.included, seed=seed)
    pure_s = time.perf_counter() - started

    started = time.perf_counter()
    result = part_assemble(actor=None, part=part, seed=seed)
    end_to_end_s = time.perf_counter() - started
    started = time.perf_counter()
    sealed = forms_seal(actor=None, part=part)
    seal_s = time.perf_counter() - started

    pct = 100.0 / result.max_score
    rest_s = end_to_end_s - read_s - pure_s
    return {
        "candidates": report.included,
        "items_per_form": blueprint.length,
        "pool_items": len(pool),
        "bank_items": bank["items"],
        "seed_s": round(seed_s, 3),
        "read_pool_s": round(read_s, 3),
        "pure_assemble_s": round(pure_s, 3),
        "part_assemble_s": round(end_to_end_s, 3),
        "check_freeze_write_s": round(rest_s, 3),
        "write_share": round(rest_s / end_to_end_s, 3),
        "end_to_end_to_pure": round(end_to_end_s / pure_s, 2),
        "forms_written": Form.objects.filter(part=part).count(),
        "seal_s": round(seal_s, 3),
        "forms_sealed": sealed,
        "under_target_s": end_to_end_s < TARGET_S,
        "spread_pct": round(result.spread * pct, 3),
        "naive_spread_pct": round(result.naive_spread * pct, 3),
        "within_tolerance": result.within_tolerance,
        "blueprint_ok": result.blueprint_ok,
        "distinct_forms": result.distinct_forms,
        "exposure_max": round(result.exposure_max, 4),
    }
