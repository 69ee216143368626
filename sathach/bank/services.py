"""Writes on the question bank: topics, items, versions and the review workflow.

Import and export of files are in ``transfer.py``; they build on the same functions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.formats.items import AssetData, ItemData, validate_item
from sathach.lib.text import clean_name
from sathach.lib.tree import depth

from .constants import Difficulty, HistoryAction, TopicRole, VersionState
from .content import asset_names, content_hash, content_of, normalised_text, sanitize
from .models import Asset, Item, ItemHistory, ItemVersion, Topic, TopicAssignment
from .permissions import can_author, can_manage_topics, can_review

MAX_ASSET_BYTES = 5 * 1024 * 1024
ALLOWED_IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"}


# --- Topics -------------------------------------------------------------------------------


def topic_fill_derived(topic: Topic) -> Topic:
    topic.code = clean_name(topic.code)
    topic.name = clean_name(topic.name)
    topic.path = topic.compute_path()
    topic.depth = depth(topic.path)
    return topic


@transaction.atomic
def topic_create(
    *, actor: Any, code: str, name: str, parent: Topic | None = None, position: Any = None
) -> Topic:
    """Create a topic. The organiser (or the system) manages the tree."""
    if actor is not None and not can_manage_topics(actor):
        raise PermissionDeniedError(_("Chỉ cán bộ Ban Tổ chức được quản lý cây chủ đề."))
    if Topic.objects.filter(code=clean_name(code)).exists():
        raise ServiceError(_("Mã chủ đề “%(c)s” đã tồn tại.") % {"c": code}, code="topic_exists")
    topic = topic_fill_derived(Topic(code=code, name=name, parent=parent, position=position))
    topic.full_clean()
    topic.save()
    audit_record(
        actor=actor,
        action="bank.topic_create",
        target=topic,
        data={"code": topic.code, "parent": parent.code if parent else None},
    )
    return topic


@transaction.atomic
def topic_assign(*, actor: Any, user: Any, topic: Topic, role: str) -> TopicAssignment:
    """Let ``user`` write (author) or review (reviewer) items in ``topic``'s subtree."""
    if actor is not None and not can_manage_topics(actor):
        raise PermissionDeniedError(_("Chỉ cán bộ Ban Tổ chức được phân công chủ đề."))
    assignment, _created = TopicAssignment.objects.get_or_create(
        user=user, topic=topic, role=TopicRole(role)
    )
    audit_record(
        actor=actor,
        action="bank.topic_assign",
        target=topic,
        data={"user": user.username, "role": role},
    )
    return assignment


# --- Assets -------------------------------------------------------------------------------


def asset_store(asset: AssetData) -> Asset:
    """Store an image once by content hash and return it."""
    if asset.mime not in ALLOWED_IMAGE_TYPES:
        raise ServiceError(
            _("Tệp “%(n)s” không phải ảnh được hỗ trợ (PNG, JPEG, GIF, WebP, SVG).")
            % {"n": asset.name},
            code="bad_asset",
        )
    if len(asset.content) > MAX_ASSET_BYTES:
        raise ServiceError(_("Ảnh “%(n)s” lớn hơn 5 MB.") % {"n": asset.name}, code="big_asset")
    digest = hashlib.sha256(asset.content).hexdigest()
    stored = Asset.objects.filter(sha256=digest).first()
    if stored is None:
        stored = Asset.objects.create(
            sha256=digest,
            name=clean_name(asset.name) or digest[:12],
            mime=asset.mime,
            size=len(asset.content),
            content=asset.content,
        )
    return stored


# --- Versions -----------------------------------------------------------------------------


def _check_item(data: ItemData) -> None:
    problems = validate_item(data)
    if problems:
        raise ServiceError(
            _("Câu hỏi chưa hợp lệ: %(p)s.") % {"p": "; ".join(problems)}, code="invalid_item"
        )


def version_fill(version: ItemVersion, data: ItemData) -> dict[str, Asset]:
    """Set ``version``'s fields from ``data`` (sanitised) and return its assets by name."""
    version.kind = data.kind.value
    version.stem = sanitize(data.stem)
    version.content = content_of(data)
    # An item without a stated difficulty counts as medium until statistics say otherwise.
    version.difficulty = data.difficulty.value if data.difficulty else Difficulty.MEDIUM.value
    version.points = Decimal(str(round(data.points, 2)))
    version.source = clean_name(data.source)[:500]
    version.shuffle = bool(data.shuffle)
    version.norm_text = normalised_text(version.stem, version.content)
    version.content_hash = content_hash(
        version.kind,
        version.stem,
        version.content,
        version.difficulty,
        version.points,
        version.source,
        version.shuffle,
    )
    stored = {a.name: asset_store(a) for a in data.assets}
    used = set(asset_names(version.stem))
    for option in version.content.get("options", []):
        used |= set(asset_names(option["text"]))
    missing = sorted(used - set(stored))
    if missing:
        raise ServiceError(
            _("Câu hỏi dùng ảnh “%(n)s” nhưng tệp ảnh không có.") % {"n": ", ".join(missing)},
            code="missing_asset",
        )
    return {name: asset for name, asset in stored.items() if name in used}


def _history(item: Item, version: ItemVersion, action: str, actor: Any, comment: str = "") -> None:
    ItemHistory.objects.create(
        item=item,
        version=version,
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        comment=comment,
    )


def _require_author(actor: Any, topic: Topic) -> None:
    if actor is not None and not can_author(actor, topic):
        raise PermissionDeniedError(_("Bạn không được phân công ra đề ở chủ đề này."))


@transaction.atomic
def item_create(
    *,
    actor: Any,
    topic: Topic,
    data: ItemData,
    positions: Iterable[Any] = (),
    ranks: Iterable[Any] = (),
) -> Item:
    """Create an item with its first version, as a draft of ``actor``."""
    _require_author(actor, topic)
    _check_item(data)
    author = actor if getattr(actor, "pk", None) else None
    item = Item.objects.create(
        topic=topic,
        kind=data.kind.value,
        created_by=author,
        external_id=clean_name(data.external_id)[:100],
    )
    version = ItemVersion(item=item, number=1, author=author)
    assets = version_fill(version, data)
    version.save()
    version.assets.set(assets.values())
    item.current = version
    item.save(update_fields=["current", "updated_at"])
    item.positions.set(positions)
    item.ranks.set(ranks)
    _history(item, version, HistoryAction.CREATE, actor)
    audit_record(
        actor=actor,
        action="bank.item_create",
        target=item,
        data={"topic": topic.code, "kind": item.kind},
    )
    return item


def _lock(item: Item) -> Item:
    return (
        Item.objects.select_for_update(of=("self",))
        .select_related("current", "topic")
        .get(pk=item.pk)
    )


@transaction.atomic
def item_update(
    *,
    actor: Any,
    item: Item,
    data: ItemData,
    positions: Iterable[Any] | None = None,
    ranks: Iterable[Any] | None = None,
    topic: Topic | None = None,
) -> ItemVersion:
    """Change an item's content.

    A draft or returned version that is not frozen is edited in place. An approved, superseded
    or frozen version is never changed: the edit becomes a new draft version.
    """
    item = _lock(item)
    _require_author(actor, item.topic)
    if topic is not None and topic != item.topic:
        _require_author(actor, topic)
    if data.kind.value != item.kind:
        raise ServiceError(
            _("Không đổi được loại câu hỏi; hãy tạo câu hỏi mới."), code="kind_change"
        )
    _check_item(data)
    current = item.current
    assert current is not None
    if current.state == VersionState.SUBMITTED:
        raise ServiceError(_("Câu hỏi đang chờ thẩm định, chưa sửa được."), code="in_review")
    author = actor if getattr(actor, "pk", None) else None
    if current.state in (VersionState.DRAFT, VersionState.RETURNED) and not current.is_frozen:
        version = current
        version.author = author or version.author
        action = HistoryAction.EDIT
    else:
        version = ItemVersion(item=item, number=current.number + 1, author=author)
        action = HistoryAction.NEW_VERSION
    assets = version_fill(version, data)
    version.state = VersionState.DRAFT
    version.save()
    version.assets.set(assets.values())
    item.current = version
    if topic is not None:
        item.topic = topic
    item.save(update_fields=["current", "topic", "updated_at"])
    if positions is not None:
        item.positions.set(positions)
    if ranks is not None:
        item.ranks.set(ranks)
    _history(item, version, action, actor)
    audit_record(
        actor=actor, action=f"bank.item_{action}", target=item, data={"version": version.number}
    )
    return version


def version_update_guard(version: ItemVersion) -> None:
    """Refuse any change to a frozen version (used in a sitting)."""
    if version.is_frozen:
        raise ServiceError(
            _(
                "Phiên bản %(n)d đã được dùng trong ca thi nên không được sửa; "
                "sửa câu hỏi sẽ tạo phiên bản mới."
            )
            % {"n": version.number},
            code="frozen",
        )


@transaction.atomic
def item_submit(*, actor: Any, item: Item) -> ItemVersion:
    """Send the current version to review."""
    item = _lock(item)
    _require_author(actor, item.topic)
    version = item.current
    assert version is not None
    if version.state not in (VersionState.DRAFT, VersionState.RETURNED):
        raise ServiceError(
            _("Chỉ gửi thẩm định được bản nháp hoặc bản bị trả lại."), code="bad_state"
        )
    version.state = VersionState.SUBMITTED
    version.save(update_fields=["state", "updated_at"])
    _history(item, version, HistoryAction.SUBMIT, actor)
    audit_record(
        actor=actor, action="bank.item_submit", target=item, data={"version": version.number}
    )
    return version


def _require_reviewer(actor: Any, item: Item) -> ItemVersion:
    version = item.current
    assert version is not None
    if actor is not None:
        if not can_review(actor, item.topic):
            raise PermissionDeniedError(_("Bạn không được phân công thẩm định chủ đề này."))
        if actor.pk in {version.author_id, item.created_by_id}:
            # QĐ 205-QĐ/TW (power control): a reviewer never passes judgement on own work.
            raise PermissionDeniedError(
                _("Bạn không được thẩm định câu hỏi do chính mình soạn."),
                basis="QĐ 205-QĐ/TW; QĐ 114-QĐ/TW (kiểm soát quyền lực)",
            )
    if version.state != VersionState.SUBMITTED:
        raise ServiceError(_("Câu hỏi không ở trạng thái chờ thẩm định."), code="bad_state")
    return version


@transaction.atomic
def item_return(*, actor: Any, item: Item, comment: str) -> ItemVersion:
    """Return the submitted version to its author with a comment."""
    item = _lock(item)
    version = _require_reviewer(actor, item)
    comment = clean_name(comment)
    if not comment:
        raise ServiceError(_("Hãy ghi ý kiến khi trả lại câu hỏi."), code="comment_required")
    version.state = VersionState.RETURNED
    version.save(update_fields=["state", "updated_at"])
    _history(item, version, HistoryAction.RETURN, actor, comment)
    audit_record(
        actor=actor,
        action="bank.item_return",
        target=item,
        data={"version": version.number, "comment": comment},
    )
    return version


@transaction.atomic
def item_approve(*, actor: Any, item: Item, comment: str = "") -> ItemVersion:
    """Approve the submitted version: from now on it may enter a test."""
    item = _lock(item)
    version = _require_reviewer(actor, item)
    if item.approved_id and item.approved_id != version.pk:
        ItemVersion.objects.filter(pk=item.approved_id).update(state=VersionState.SUPERSEDED)
    version.state = VersionState.APPROVED
    version.save(update_fields=["state", "updated_at"])
    item.approved = version
    item.save(update_fields=["approved", "updated_at"])
    _history(item, version, HistoryAction.APPROVE, actor, clean_name(comment))
    audit_record(
        actor=actor, action="bank.item_approve", target=item, data={"version": version.number}
    )
    return version


@transaction.atomic
def versions_freeze(*, actor: Any, versions: Sequence[ItemVersion], reason: str) -> int:
    """Freeze approved versions used in a sitting; they are never edited again."""
    rows = ItemVersion.objects.select_for_update().filter(pk__in=[v.pk for v in versions])
    if rows.exclude(state__in=[VersionState.APPROVED, VersionState.SUPERSEDED]).exists():
        raise ServiceError(
            _("Chỉ phiên bản đã duyệt mới được đưa vào đề thi."), code="not_approved"
        )
    count = rows.filter(frozen_at__isnull=True).update(frozen_at=timezone.now())
    audit_record(
        actor=actor, action="bank.versions_freeze", data={"count": count, "reason": reason}
    )
    return count
