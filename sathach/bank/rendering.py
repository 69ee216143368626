"""Turn stored item HTML into what a page shows: asset references become URLs."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

_ASSET_SRC = re.compile(r'src="asset:([^"]+)"')


def render_html(html: str, assets: Mapping[str, Any]) -> SafeString:
    """Return sanitised item HTML with ``asset:NAME`` replaced by the asset's URL.

    ``assets`` maps a name to a stored Asset (served by ``bank:asset``) or to an unsaved
    ``AssetData`` (inlined as a data: URI, for the live preview of an upload).
    """

    def replace(match: re.Match[str]) -> str:
        asset = assets.get(match.group(1))
        if asset is None:
            return 'src="" data-missing-asset="1"'
        if getattr(asset, "sha256", None):
            return f'src="{reverse("bank:asset", args=[asset.sha256])}"'
        encoded = base64.b64encode(asset.content).decode()
        return f'src="data:{asset.mime};base64,{encoded}"'

    # The HTML was sanitised on the way in (content.sanitize); only src values change here.
    return mark_safe(_ASSET_SRC.sub(replace, html))  # noqa: S308


def version_assets(version: Any) -> dict[str, Any]:
    """Return the stored assets of a version by the names its HTML uses."""
    return {a.name: a for a in version.assets.all()}
