"""Import of 10,000 items into the bank, from .xlsx and from Moodle XML (target < 30 s each).

Subject: ``bank_import`` (parse, validate, duplicate check against the bank, topics, one
transaction of bulk inserts, one audit event) of a generated file of 10,000 items.
Baseline, same process: parsing the same file alone (``format.parse``), so the ratio shows what
validation, duplicate detection and the database add over reading the file.
"""

from __future__ import annotations

import random
import time
from typing import Any

from sathach.bank.models import Item
from sathach.bank.services import topic_fill_derived
from sathach.bank.transfer import bank_import, format_module
from sathach.lib.formats.items import Difficulty, ItemData, Kind, OptionData

NAME = "bank"
N_ITEMS = 10_000

_SUBJECTS = [
    "Quốc hội",
    "Chính phủ",
    "Ủy ban nhân dân tỉnh",
    "Hội đồng nhân dân xã",
    "Mặt trận Tổ quốc",
    "Ban Tổ chức Tỉnh ủy",
    "Sở Nội vụ",
    "Thanh tra tỉnh",
]
_VERBS = [
    "có thẩm quyền quyết định",
    "chịu trách nhiệm về",
    "tham mưu cho cấp ủy về",
    "giám sát việc thực hiện",
    "ban hành văn bản hướng dẫn về",
]
_OBJECTS = [
    "tuyển dụng công chức",
    "đánh giá, xếp loại chất lượng",
    "tinh giản biên chế",
    "đào tạo, bồi dưỡng",
    "kỷ luật công chức",
    "quy hoạch cán bộ",
    "luân chuyển cán bộ",
]


def make_items(n: int, seed: int) -> list[ItemData]:
    """Return ``n`` distinct single-choice items in Vietnamese (and a few true/false)."""
    rng = random.Random(seed)
    items = []
    for i in range(n):
        subject, verb, obj = rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS)
        stem = f"Câu {i + 1}: theo quy định hiện hành, cơ quan nào {verb} {obj} (tình huống {i})?"
        if i % 10 == 9:
            items.append(
                ItemData(
                    kind=Kind.TRUE_FALSE,
                    stem=f"{subject} {verb} {obj} ({i}).",
                    truth=bool(i % 4),
                    difficulty=Difficulty.EASY,
                )
            )
            continue
        options = rng.sample(_SUBJECTS, 4)
        key = rng.randrange(4)
        items.append(
            ItemData(
                kind=Kind.SINGLE,
                stem=stem,
                difficulty=rng.choice(list(Difficulty)),
                options=[
                    OptionData(text=o, correct=j == key, fraction=1.0 if j == key else 0.0)
                    for j, o in enumerate(options)
                ],
                source=f"Luật Cán bộ, công chức, Điều {1 + i % 80}",
            )
        )
    return items


def _one(fmt: str, items: list[ItemData], topic: Any) -> dict[str, Any]:
    module = format_module(fmt)
    payload = module.write(items)
    started = time.perf_counter()
    parsed = module.parse(payload, filename=f"bench.{fmt}")
    parse_s = time.perf_counter() - started
    before = Item.objects.count()
    started = time.perf_counter()
    report = bank_import(actor=None, data=payload, filename=f"bench.{fmt}", fmt=fmt, topic=topic)
    import_s = time.perf_counter() - started
    if not report.written or Item.objects.count() - before != len(items):
        raise RuntimeError(f"{fmt}: import failed: {report.to_text()[:500]}")
    return {
        f"{fmt}_items": len(parsed.items),
        f"{fmt}_file_mb": round(len(payload) / 1e6, 2),
        f"{fmt}_import_s": round(import_s, 2),
        f"{fmt}_items_per_s": round(len(items) / import_s),
        f"{fmt}_baseline_parse_s": round(parse_s, 2),
        f"{fmt}_import_to_parse": round(import_s / parse_s, 2),
    }


def run(args: Any) -> dict[str, Any]:
    seed = getattr(args, "seed", 2019)
    figures: dict[str, Any] = {"items_per_file": N_ITEMS}
    for i, fmt in enumerate(("xlsx", "moodle")):
        from sathach.bank.models import Topic

        topic = topic_fill_derived(Topic(code=f"BENCH{i}", name=f"Đo hiệu năng {fmt}"))
        topic.save()
        # Different seeds: the second file must not be flagged as duplicates of the first.
        figures.update(_one(fmt, make_items(N_ITEMS, seed + i), topic))
    figures["target_s"] = 30
    return figures
