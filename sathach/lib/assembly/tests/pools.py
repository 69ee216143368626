"""Pools and blueprints for the assembly tests, shaped like the demo bank."""

from __future__ import annotations

import numpy as np

from sathach.lib.assembly import DIFFICULTY_P, Blueprint, Cell, PoolItem

TOPICS = ("Luật Cán bộ, công chức", "Tin học văn phòng", "Nghiệp vụ chuyên ngành")
SPLIT = {"easy": 8, "medium": 8, "hard": 4}
IRT_B = {"easy": -1.0, "medium": 0.0, "hard": 1.0}


def cell_key(topic: str, difficulty: str) -> str:
    return f"{topic}|{difficulty}"


def blueprint(split: dict[str, int] | None = None) -> Blueprint:
    """Return 3 topics × 3 difficulties, 20 items per topic (8 easy, 8 medium, 4 hard)."""
    split = split or SPLIT
    return Blueprint(
        [
            Cell(cell_key(topic, level), count, topic=topic, difficulty=level)
            for topic in TOPICS
            for level, count in split.items()
        ]
    )


def pool(
    *,
    seed: int = 1,
    per_cell: int = 200,
    irt_share: float = 0.0,
    enemy_share: float = 0.0,
    points: float = 1.0,
) -> list[PoolItem]:
    """Return a pool with facility around the difficulty defaults (sd 0.1), 4 options each,
    one item in five forbidding option shuffling; some items calibrated if ``irt_share``."""
    rng = np.random.default_rng(seed)
    items: list[PoolItem] = []
    for topic in TOPICS:
        for level in SPLIT:
            for _ in range(per_cell):
                calibrated = rng.random() < irt_share
                item_id = len(items) + 1
                enemies = frozenset({item_id - 1}) if rng.random() < enemy_share else frozenset()
                items.append(
                    PoolItem(
                        id=item_id,
                        cell=cell_key(topic, level),
                        points=points,
                        p=float(np.clip(DIFFICULTY_P[level] + rng.normal(0, 0.1), 0.05, 0.98)),
                        irt_a=float(rng.uniform(0.4, 2.0)) if calibrated else None,
                        irt_b=float(rng.normal(IRT_B[level], 0.6)) if calibrated else None,
                        n_options=4,
                        shuffle=bool(rng.random() > 0.2),
                        enemies=enemies,
                    )
                )
    return items
