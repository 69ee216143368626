"""Seed the demo question bank: topics, author and reviewer assignments, approved items."""

from __future__ import annotations

import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from sathach.accounts.models import User
from sathach.audit.services import audit_record
from sathach.bank.constants import DEFAULT_FACILITY, HistoryAction, TopicRole, VersionState
from sathach.bank.models import Item, ItemHistory, ItemVersion, Topic, TopicAssignment
from sathach.bank.services import topic_fill_derived
from sathach.bank.transfer import items_bulk_create
from sathach.org.models import Position

from .bank_items import TOPICS, generate_bank

AUTHOR = "radethi"
REVIEWER = "thamdinh"


def bank_exists() -> bool:
    return Topic.objects.filter(code=TOPICS[0].code).exists()


@transaction.atomic
def bank_seed(*, seed: int) -> dict[str, int]:
    """Create the demo bank, every item approved by the demo reviewer (not its author)."""
    positions = {p.code: p for p in Position.objects.all()}
    topics: dict[str, Topic] = {}
    for spec in TOPICS:  # parents come before their children in TOPICS
        topic = topic_fill_derived(
            Topic(
                code=spec.code,
                name=spec.name,
                parent=topics.get(spec.parent or ""),
                position=positions.get(spec.position or ""),
            )
        )
        topic.save()
        topics[spec.code] = topic
    author = User.objects.filter(username=AUTHOR).first()
    reviewer = User.objects.filter(username=REVIEWER).first()
    roots = [t for t in topics.values() if t.parent_id is None]
    for user, role in ((author, TopicRole.AUTHOR), (reviewer, TopicRole.REVIEWER)):
        if user is not None:
            TopicAssignment.objects.bulk_create(
                [TopicAssignment(user=user, topic=t, role=role) for t in roots]
            )
    bank = generate_bank(seed)
    placed = []
    for code, data in bank:
        data.topic_path = ()  # placed directly in its topic below
        placed.append((data, topics[code]))
    items = items_bulk_create(actor=author, placed=placed)
    _approve_all(items, reviewer)
    _link_positions(items, topics)
    _pilot_facility(items, seed)
    counts = {"topics": len(topics), "items": len(items)}
    audit_record(actor=None, action="demo.bank_seed", data={"seed": seed, **counts})
    return counts


def _approve_all(items: list[Item], reviewer: Any) -> None:
    now = timezone.now()
    version_ids = [item.current_id for item in items]
    ItemVersion.objects.filter(pk__in=version_ids).update(
        state=VersionState.APPROVED, updated_at=now
    )
    for item in items:
        item.approved_id = item.current_id
    Item.objects.bulk_update(items, ["approved"], batch_size=500)
    ItemHistory.objects.bulk_create(
        [
            ItemHistory(item=item, version_id=item.current_id, action=action, actor=actor)
            for item in items
            for action, actor in (
                (HistoryAction.SUBMIT, item.created_by),
                (HistoryAction.APPROVE, reviewer),
            )
        ],
        batch_size=1000,
    )


def _pilot_facility(items: list[Item], seed: int) -> None:
    """Give every item the facility a pilot sitting would have measured.

    Real banks learn each item's facility (share of candidates answering correctly) from item
    analysis; two "medium" items are rarely equally hard. The demo draws it around the default
    of the item's difficulty, so fair assembly has real differences to balance.
    """
    rng = random.Random(seed)  # noqa: S311 - demo data, reproducible by design
    versions = list(ItemVersion.objects.filter(pk__in=[i.current_id for i in items]))
    for version in versions:
        base = DEFAULT_FACILITY[version.difficulty]
        version.facility = round(min(0.97, max(0.1, rng.gauss(base, 0.1))), 3)
    ItemVersion.objects.bulk_update(versions, ["facility"], batch_size=1000)


def _link_positions(items: list[Item], topics: dict[str, Topic]) -> None:
    through = Item.positions.through
    by_topic = {t.pk: t for t in topics.values()}
    links = [
        through(item_id=item.pk, position_id=by_topic[item.topic_id].position_id)
        for item in items
        if by_topic[item.topic_id].position_id
    ]
    through.objects.bulk_create(links, batch_size=1000)
