"""Import items from files and export them: one service for the page, the CLI and the API.

Formats live in ``sathach.lib.formats`` (pure parsers and writers); this module maps their
plain data to the bank, all or nothing in one transaction.
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext as _

from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.formats.items import Issue, ItemData, ItemFormatError, ParseResult, validate_item
from sathach.lib.similarity import find_duplicates
from sathach.lib.text import clean_name, fold

from .constants import HistoryAction, ItemKind, VersionState
from .content import item_data_of
from .models import Item, ItemHistory, ItemVersion, Topic
from .permissions import can_author, paths_q, readable_paths
from .services import topic_fill_derived, version_fill

# Format name → module in sathach.lib.formats.
FORMATS = {
    "xlsx": "xlsx_items",
    "docx": "docx_items",
    "moodle": "moodle",
    "gift": "gift",
    "aiken": "aiken",
    "qti": "qti",
}
EXPORT_FORMATS = ("xlsx", "moodle", "gift", "qti")
EXPORT_SUFFIX = {
    "xlsx": ".xlsx",
    "moodle": ".xml",
    "gift": ".gift.txt",
    "qti": ".zip",
    "docx": ".docx",
    "aiken": ".aiken.txt",
}
DEFAULT_DUPLICATE_THRESHOLD = 0.85


def format_module(name: str) -> Any:
    return importlib.import_module(f"sathach.lib.formats.{FORMATS[name]}")


def detect_format(data: bytes, filename: str) -> str:
    """Guess the format from the file name and its first bytes."""
    name = filename.lower()
    head = data[:4096]
    if head.startswith(b"PK"):
        if name.endswith(".xlsx"):
            return "xlsx"
        if name.endswith(".docx"):
            return "docx"
        if b"word/" in data[:65536] and not name.endswith(".zip"):
            return "docx"
        if b"xl/" in data[:65536] and not name.endswith(".zip"):
            return "xlsx"
        return "qti"
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff").lstrip()
    if text.startswith("<"):
        if "<quiz" in text:
            return "moodle"
        return "qti"
    if name.endswith((".gift", ".gift.txt")):
        return "gift"
    if name.endswith((".aiken", ".aiken.txt")):
        return "aiken"
    if re.search(r"^\s*ANSWER\s*:", data.decode("utf-8", errors="ignore"), re.MULTILINE):
        return "aiken"
    return "gift"


@dataclass
class BankImportReport:
    filename: str
    format: str
    dry_run: bool
    partial: bool
    by_kind: Counter[str] = field(default_factory=Counter)
    created: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    topics_created: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "format": self.format,
            "dry_run": self.dry_run,
            "written": self.written,
            "created": self.created,
            "by_kind": dict(self.by_kind),
            "skipped": self.skipped,
            "topics_created": self.topics_created,
            "warnings": [{"location": w.location, "message": w.message} for w in self.warnings],
            "errors": [{"location": e.location, "message": e.message} for e in self.errors],
            "duplicates": self.duplicates,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        lines = [f"Tệp {self.filename} (định dạng {self.format}):"]
        kinds = ", ".join(f"{ItemKind(k).label}: {n}" for k, n in sorted(self.by_kind.items()))
        lines.append(f"  Câu hỏi hợp lệ: {sum(self.by_kind.values())} ({kinds or 'không có'})")
        if self.skipped:
            lines.append(
                "  Bỏ qua (loại không hỗ trợ): "
                + ", ".join(f"{k}: {n}" for k, n in self.skipped.items())
            )
        if self.topics_created:
            lines.append("  Chủ đề mới: " + ", ".join(self.topics_created))
        for d in self.duplicates:
            kind = "trùng hoàn toàn" if d["exact"] else f"gần trùng ({d['similarity']:.0%})"
            lines.append(f"  Cảnh báo trùng lặp: {d['location']} {kind} với {d['other']}")
        for w in self.warnings:
            lines.append(f"  Cảnh báo: {w}")
        for e in self.errors:
            lines.append(f"  Lỗi: {e}")
        if self.written:
            lines.append(f"Đã nhập {self.created} câu hỏi (bản nháp).")
        elif self.dry_run:
            lines.append("Kiểm tra thử: không ghi gì vào ngân hàng.")
        else:
            lines.append(
                "Không nhập câu hỏi nào vì tệp có lỗi. Sửa các lỗi trên rồi nhập lại "
                "(hoặc chọn chỉ nhập các câu hợp lệ)."
            )
        return "\n".join(lines)


class _TopicResolver:
    """Map category paths of a file to topics under a root, creating missing ones."""

    def __init__(self, root: Topic | None, actor: Any, report: BankImportReport) -> None:
        self.root = root
        self.actor = actor
        self.report = report
        self.cache: dict[tuple[str, ...], Topic] = {}

    def _child(self, parent: Topic | None, name: str, create: bool) -> Topic | None:
        siblings = Topic.objects.filter(parent=parent)
        for topic in siblings:
            if fold(topic.name) == fold(name):
                return topic
        if not create:
            return None
        base = (parent.code + "-" if parent else "") + re.sub(
            r"[^A-Z0-9]+", "", fold(name).upper().replace(" ", "")
        )[:8]
        code, n = base[:36], 1
        while Topic.objects.filter(code=code).exists():
            n += 1
            code = f"{base[:33]}-{n}"
        topic = topic_fill_derived(Topic(code=code, name=clean_name(name)[:255], parent=parent))
        topic.save()
        self.report.topics_created.append(topic.name)
        return topic

    def resolve(self, path: tuple[str, ...], create: bool) -> Topic | None:
        if path in self.cache:
            return self.cache[path]
        topic = self.root
        for name in path:
            if not clean_name(name):
                continue
            topic = self._child(topic, name, create)
            if topic is None:
                return None
        if topic is not None:
            self.cache[path] = topic
        return topic


def _parse(data: bytes, filename: str, fmt: str) -> tuple[str, ParseResult]:
    fmt = detect_format(data, filename) if fmt == "auto" else fmt
    if fmt not in FORMATS:
        raise ServiceError(_("Định dạng không hỗ trợ: %(f)s") % {"f": fmt}, code="bad_format")
    if not data:
        raise ServiceError(_("Tệp rỗng."), code="empty_file")
    try:
        return fmt, format_module(fmt).parse(data, filename=filename)
    except ItemFormatError as exc:
        raise ServiceError(str(exc), code="bad_file") from exc


def bank_import(
    *,
    actor: Any,
    data: bytes,
    filename: str,
    fmt: str = "auto",
    topic: Topic | None = None,
    dry_run: bool = False,
    partial: bool = False,
    duplicate_threshold: float = DEFAULT_DUPLICATE_THRESHOLD,
) -> BankImportReport:
    """Import the items of a file as drafts under ``topic`` (categories become subtopics).

    Any item error → nothing written, unless ``partial``. ``actor`` None is the system (CLI).
    """
    fmt, parsed = _parse(data, filename, fmt)
    report = BankImportReport(
        filename=filename,
        format=fmt,
        dry_run=dry_run,
        partial=partial,
        skipped=dict(parsed.skipped),
        warnings=list(parsed.warnings),
        errors=list(parsed.errors),
    )
    if topic is not None and actor is not None and not can_author(actor, topic):
        raise PermissionDeniedError(_("Bạn không được phân công ra đề ở chủ đề này."))
    items = []
    for item in parsed.items:
        problems = validate_item(item)
        if problems:
            report.errors.append(Issue(item.location, "; ".join(problems)))
        else:
            items.append(item)
    if not items and not report.errors:
        report.errors.append(Issue("", _("Không tìm thấy câu hỏi nào trong tệp.")))

    with transaction.atomic():
        resolver = _TopicResolver(topic, actor, report)
        placed: list[tuple[ItemData, Topic]] = []
        for item in items:
            target = resolver.resolve(item.topic_path, create=not dry_run)
            if target is None and dry_run:
                target = topic
            if target is None:
                report.errors.append(
                    Issue(item.location, _("Chưa xác định được chủ đề: chọn chủ đề đích khi nhập."))
                )
                continue
            if actor is not None and not can_author(actor, target):
                report.errors.append(
                    Issue(
                        item.location,
                        _("Chủ đề “%(t)s” ngoài phạm vi được phân công của bạn.")
                        % {"t": target.name},
                    )
                )
                continue
            placed.append((item, target))
            report.by_kind[item.kind.value] += 1
        built = _build_versions(actor, placed, report)
        _flag_duplicates(actor, built, report, duplicate_threshold)

        if dry_run or (report.errors and not partial) or not built:
            transaction.set_rollback(True)
            report.topics_created = [] if not dry_run else report.topics_created
            return report
        report.created = _bulk_create(actor, built)
        report.written = True
        audit_record(
            actor=actor,
            action="bank.import",
            data={
                "filename": filename,
                "format": fmt,
                "created": report.created,
                "by_kind": dict(report.by_kind),
                "errors": len(report.errors),
                "skipped": report.skipped,
                "topic": topic.code if topic else None,
            },
        )
    return report


@dataclass
class _Built:
    data: ItemData
    topic: Topic
    version: ItemVersion
    assets: dict[str, Any]


def _build_versions(
    actor: Any, placed: list[tuple[ItemData, Topic]], report: BankImportReport
) -> list[_Built]:
    """Build (unsaved) first versions: sanitised HTML, normalised text, stored images."""
    author = actor if getattr(actor, "pk", None) else None
    built = []
    for data, topic in placed:
        version = ItemVersion(number=1, author=author, state=VersionState.DRAFT)
        try:
            assets = version_fill(version, data)
        except ServiceError as exc:
            report.errors.append(Issue(data.location, exc.message))
            continue
        built.append(_Built(data, topic, version, assets))
    return built


def _flag_duplicates(
    actor: Any, built: list[_Built], report: BankImportReport, threshold: float
) -> None:
    """Warn about items that repeat each other or an item already in the bank (in scope)."""
    if not built:
        return
    existing = ItemVersion.objects.filter(item__is_retired=False, item__current_id=F("pk"))
    scope = paths_q(readable_paths(actor), field="item__topic__path") if actor else None
    if scope is not None:
        existing = existing.filter(scope)
    bank = list(existing.values_list("item_id", "norm_text"))
    texts = [b.version.norm_text for b in built]
    pairs = find_duplicates(
        texts, threshold=threshold, against=[t for _i, t in bank], normalised=True
    )
    for pair in pairs:
        left = built[pair.left].data.location or f"câu {pair.left + 1}"
        if pair.right < len(built):
            other = built[pair.right].data.location or f"câu {pair.right + 1}"
        else:
            other = f"câu hỏi #{bank[pair.right - len(built)][0]} trong ngân hàng"
        report.duplicates.append(
            {"location": left, "other": other, "similarity": pair.similarity, "exact": pair.exact}
        )


def items_bulk_create(*, actor: Any, placed: list[tuple[ItemData, Topic]]) -> list[Item]:
    """Create many draft items at once (seeding, benchmarks); raises on the first bad item.

    The caller writes the audit event for the batch, in the same transaction.
    """
    report = BankImportReport(filename="", format="", dry_run=False, partial=False)
    built = _build_versions(actor, placed, report)
    if report.errors:
        raise ServiceError(str(report.errors[0]), code="invalid_item")
    _bulk_create(actor, built)
    return list(Item.objects.filter(pk__in=[b.version.item_id for b in built]))


def _bulk_create(actor: Any, built: list[_Built]) -> int:
    author = actor if getattr(actor, "pk", None) else None
    items = [
        Item(
            topic=b.topic,
            kind=b.data.kind.value,
            created_by=author,
            external_id=clean_name(b.data.external_id)[:100],
        )
        for b in built
    ]
    Item.objects.bulk_create(items, batch_size=500)
    versions = []
    for item, b in zip(items, built, strict=True):
        b.version.item = item
        versions.append(b.version)
    ItemVersion.objects.bulk_create(versions, batch_size=500)
    # One UPDATE for all items (bulk_update would build a CASE with one branch per row).
    first_version = ItemVersion.objects.filter(item=OuterRef("pk"), number=1).values("pk")[:1]
    ids = [item.pk for item in items]
    for start in range(0, len(ids), 5000):
        Item.objects.filter(pk__in=ids[start : start + 5000]).update(
            current=Subquery(first_version)
        )
    through = ItemVersion.assets.through
    links = [
        through(itemversion_id=b.version.pk, asset_id=a.pk)
        for b in built
        for a in b.assets.values()
    ]
    if links:
        through.objects.bulk_create(links, batch_size=500)
    ItemHistory.objects.bulk_create(
        [
            ItemHistory(item=i, version=v, action=HistoryAction.IMPORT, actor=author)
            for i, v in zip(items, versions, strict=True)
        ],
        batch_size=500,
    )
    return len(items)


def topic_path_names(topic: Topic) -> tuple[str, ...]:
    """Return the names from the root down to ``topic``."""
    codes = [c for c in topic.path.strip("/").split("/") if c]
    names = dict(Topic.objects.filter(code__in=codes).values_list("code", "name"))
    return tuple(names[c] for c in codes)


def bank_export(
    *, actor: Any, fmt: str, topic: Topic | None = None, approved_only: bool = False
) -> tuple[bytes, int]:
    """Return the file of the items in scope (the whole bank with no topic) and their count.

    Each item's current version (or latest approved with ``approved_only``); category paths are
    written below ``topic`` (from the root with no topic), so importing the file under any
    topic rebuilds the same subtree there.
    """
    if fmt not in EXPORT_FORMATS and fmt not in FORMATS:
        raise ServiceError(_("Định dạng xuất không hỗ trợ: %(f)s") % {"f": fmt}, code="bad_format")
    items = Item.objects.filter(is_retired=False)
    if actor is not None:
        items = items.filter(paths_q(readable_paths(actor)))
    if topic is not None:
        items = items.filter(topic__path__startswith=topic.path)
    items = items.select_related("topic", "current", "approved").order_by("topic__path", "pk")
    names_cache: dict[int, tuple[str, ...]] = {}
    base_depth = topic.depth + 1 if topic is not None else 0
    out: list[ItemData] = []
    for item in items:
        version = item.approved if approved_only else item.current
        if version is None:
            continue
        if item.topic_id not in names_cache:
            names_cache[item.topic_id] = topic_path_names(item.topic)[base_depth:]
        out.append(
            item_data_of(
                version,
                topic_path=names_cache[item.topic_id],
                assets=list(version.assets.all()),
                external_id=item.external_id,
            )
        )
    payload = format_module(fmt).write(out)
    audit_record(
        actor=actor,
        action="bank.export",
        data={
            "format": fmt,
            "count": len(out),
            "topic": topic.code if topic else None,
            "approved_only": approved_only,
        },
    )
    return payload, len(out)
