"""On-demand duplicate report over the bank (the import flags them as it goes)."""

from __future__ import annotations

from typing import Any

from django.db.models import F

from sathach.lib.similarity import find_duplicates

from .models import ItemVersion, Topic
from .permissions import paths_q, readable_paths


def bank_duplicates(
    *, topic: Topic | None = None, threshold: float = 0.85, user: Any = None
) -> list[dict[str, Any]]:
    """Return pairs of current item versions that are exact or near duplicates."""
    versions = ItemVersion.objects.filter(item__is_retired=False, item__current_id=F("pk"))
    if user is not None:
        versions = versions.filter(paths_q(readable_paths(user), field="item__topic__path"))
    if topic is not None:
        versions = versions.filter(item__topic__path__startswith=topic.path)
    rows = list(versions.order_by("item_id").values_list("item_id", "norm_text"))
    pairs = find_duplicates([t for _i, t in rows], threshold=threshold)
    return [
        {
            "left": rows[p.left][0],
            "right": rows[p.right][0],
            "similarity": p.similarity,
            "exact": p.exact,
        }
        for p in pairs
    ]
