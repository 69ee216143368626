"""Test helpers for the bank: topics, authors, reviewers, items."""

from __future__ import annotations

from typing import Any

from sathach.accounts.constants import Role
from sathach.core.testing import make_user
from sathach.lib.formats.items import Difficulty, ItemData, Kind, OptionData

from .constants import TopicRole
from .models import Topic, TopicAssignment
from .services import topic_fill_derived


def make_topic(code: str, name: str, parent: Topic | None = None) -> Topic:
    topic = topic_fill_derived(Topic(code=code, name=name, parent=parent))
    topic.save()
    return topic


def make_bank_user(username: str, role: str, *topics: Topic, unit: Any) -> Any:
    """A user with the author or reviewer role, assigned to ``topics``."""
    user = make_user(username, Role.AUTHOR if role == TopicRole.AUTHOR else Role.REVIEWER, unit)
    for topic in topics:
        TopicAssignment.objects.create(user=user, topic=topic, role=role)
    return user


def single_choice(
    stem: str = "Hệ thống chính trị nước ta gồm những tổ chức nào?",
    key: int = 0,
    difficulty: Difficulty = Difficulty.MEDIUM,
) -> ItemData:
    options = [
        "Đảng, Nhà nước, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
        "Chỉ có Nhà nước",
        "Đảng và Quốc hội",
        "Chính phủ và Tòa án",
    ]
    return ItemData(
        kind=Kind.SINGLE,
        stem=stem,
        difficulty=difficulty,
        options=[
            OptionData(text=t, correct=i == key, fraction=1.0 if i == key else 0.0)
            for i, t in enumerate(options)
        ],
        source="Hiến pháp 2013, Điều 4 - 9",
    )


def tiny_png(color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """Return a valid 4×4 PNG image."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), color).save(buffer, format="PNG")
    return buffer.getvalue()
