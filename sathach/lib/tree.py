"""Materialised paths for trees (units, topics): "/ROOT/CHILD/GRANDCHILD/".

A node's subtree is every row whose path starts with the node's path: one indexed range scan
on both databases. Codes never contain "/" (a check constraint on each table).
"""

from __future__ import annotations

from collections.abc import Iterable


def child_path(parent_path: str | None, code: str) -> str:
    """Return the path of a node ``code`` under a parent with ``parent_path`` (None: a root)."""
    return (parent_path or "/") + code + "/"


def depth(path: str) -> int:
    """Return 0 for a root, 1 for its children, and so on."""
    return path.count("/") - 2


def outermost(paths: Iterable[str]) -> list[str]:
    """Return the paths not inside another of ``paths`` (one subtree covers its descendants)."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path.startswith(outer) for outer in kept):
            kept.append(path)
    return kept
