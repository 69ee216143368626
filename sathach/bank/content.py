"""Item content: between ``lib.formats.items.ItemData`` and ``ItemVersion`` fields, with the
HTML sanitised to a safe subset and the text normalised for search and duplicate checks."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict
from decimal import Decimal
from typing import Any

import nh3

from sathach.lib.formats.items import (
    ASSET_SCHEME,
    Difficulty,
    ItemData,
    Kind,
    NumericAnswerData,
    OptionData,
    ShortAnswerData,
)
from sathach.lib.similarity import normalise
from sathach.lib.text import nfc

# The HTML an item may carry: text formatting, lists, tables and images from the bank only.
ALLOWED_TAGS = {
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "span",
    "div",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
    "code",
    "pre",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
_ASSET_REF = re.compile(r'src="asset:([^"]+)"')
_MARKUP = re.compile(r"[<>&]")


def sanitize(html: str) -> str:
    """Return ``html`` (NFC) reduced to the allowed subset: no script, style, event handler,
    link or outside image; images only as ``asset:NAME``."""
    if not _MARKUP.search(html):
        # Plain text cannot carry markup: nothing to clean.
        return nfc(html)
    cleaned = nh3.clean(
        nfc(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={ASSET_SCHEME.rstrip(":")},
        link_rel=None,
        strip_comments=True,
    )
    # nh3 keeps relative URLs; an image must come from the bank.
    return re.sub(r'<img(?![^>]*src="asset:)[^>]*>', "", cleaned)


def asset_names(html: str) -> list[str]:
    """Return the asset names referenced by ``html``, in order, without repeats."""
    return list(dict.fromkeys(_ASSET_REF.findall(html)))


def content_of(data: ItemData) -> dict[str, Any]:
    """Return the JSON ``content`` of a version for ``data`` (everything but stem, assets,
    difficulty, points, source and shuffle, which have columns)."""
    content: dict[str, Any] = {}
    if data.title:
        content["title"] = nfc(data.title)
    if data.general_feedback:
        content["general_feedback"] = sanitize(data.general_feedback)
    if data.kind in (Kind.SINGLE, Kind.MULTIPLE):
        content["options"] = [
            {
                "text": sanitize(o.text),
                "correct": bool(o.correct),
                "fraction": float(o.fraction),
                "feedback": sanitize(o.feedback),
            }
            for o in data.options
        ]
    elif data.kind == Kind.TRUE_FALSE:
        content["truth"] = bool(data.truth)
    elif data.kind == Kind.SHORT_TEXT:
        content["answers"] = [
            {"text": nfc(a.text), "fraction": float(a.fraction), "feedback": sanitize(a.feedback)}
            for a in data.answers
        ]
        content["case_sensitive"] = bool(data.case_sensitive)
    elif data.kind == Kind.NUMERIC:
        content["numeric"] = [
            {
                "value": float(a.value),
                "tolerance": float(a.tolerance),
                "fraction": float(a.fraction),
                "feedback": sanitize(a.feedback),
            }
            for a in data.numeric
        ]
    elif data.kind == Kind.ESSAY:
        content["essay_guide"] = sanitize(data.essay_guide)
    return content


def item_data_of(
    version: Any,
    *,
    topic_path: tuple[str, ...] = (),
    assets: list[Any] | None = None,
    external_id: str = "",
) -> ItemData:
    """Return the ``ItemData`` of a stored version (for export and preview)."""
    from sathach.lib.formats.items import AssetData

    content = version.content or {}
    kind = Kind(version.kind)
    data = ItemData(
        kind=kind,
        stem=version.stem,
        points=float(version.points),
        difficulty=Difficulty(version.difficulty) if version.difficulty else None,
        topic_path=topic_path,
        title=content.get("title", ""),
        general_feedback=content.get("general_feedback", ""),
        source=version.source,
        shuffle=version.shuffle,
        external_id=external_id,
    )
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        data.options = [OptionData(**o) for o in content.get("options", [])]
    elif kind == Kind.TRUE_FALSE:
        data.truth = content.get("truth")
    elif kind == Kind.SHORT_TEXT:
        data.answers = [ShortAnswerData(**a) for a in content.get("answers", [])]
        data.case_sensitive = content.get("case_sensitive", False)
    elif kind == Kind.NUMERIC:
        data.numeric = [NumericAnswerData(**a) for a in content.get("numeric", [])]
    elif kind == Kind.ESSAY:
        data.essay_guide = content.get("essay_guide", "")
    if assets:
        data.assets = [
            AssetData(name=a.name, mime=a.mime, content=bytes(a.content)) for a in assets
        ]
    return data


def normalised_text(stem: str, content: dict[str, Any]) -> str:
    """Return the diacritic-blind text of stem and options, for duplicates and search."""
    parts = [stem]
    parts += [o.get("text", "") for o in content.get("options", [])]
    return normalise(" ".join(parts))


def content_hash(
    kind: str,
    stem: str,
    content: dict[str, Any],
    difficulty: str,
    points: Decimal | float,
    source: str,
    shuffle: bool,
) -> str:
    """Return a hash of everything a candidate or marker relies on: equal hash, equal item."""
    payload = json.dumps(
        {
            "kind": kind,
            "stem": stem,
            "content": content,
            "difficulty": difficulty,
            "points": str(Decimal(str(points)).normalize()),
            "source": source,
            "shuffle": shuffle,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def public_view(version: Any) -> dict[str, Any]:
    """Return what a candidate may see of a version: stem and option texts, never the key,
    fractions, feedback, accepted answers or marking guide."""
    content = version.content or {}
    view: dict[str, Any] = {
        "kind": version.kind,
        "stem": version.stem,
        "points": float(version.points),
    }
    if version.kind in (Kind.SINGLE, Kind.MULTIPLE):
        view["options"] = [o["text"] for o in content.get("options", [])]
    elif version.kind == Kind.TRUE_FALSE:
        view["options"] = ["Đúng", "Sai"]
    return view


def as_dict(data: ItemData) -> dict[str, Any]:
    """Return ``data`` as plain JSON-able values (assets without bytes), for reports."""
    raw = asdict(data)
    raw["assets"] = [a.name for a in data.assets]
    return raw
