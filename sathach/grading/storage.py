"""Where scanned script pages are kept: a private folder, never under a public URL.

Files live under ``settings.SATHACH_SCAN_ROOT`` (default ``<var>/private/scans``), read on every
use so that a test can point it elsewhere. The storage has no base URL: a page is only ever sent
by ``grading.views`` after checking that the reader is assigned to the script.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


def scan_root() -> str:
    configured = getattr(settings, "SATHACH_SCAN_ROOT", None)
    return str(configured or Path(settings.VAR_DIR) / "private" / "scans")


@deconstructible
class ScanStorage(FileSystemStorage):
    """A file system storage rooted at ``scan_root()``, without a URL."""

    def __init__(self) -> None:
        super().__init__(location=None, base_url=None)

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return scan_root()

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Scanned pages are never served by URL; use grading:scan-page.")


def scan_upload_to(instance: Any, filename: str) -> str:
    """Return a storage name that says nothing of the candidate: part id and a random name."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"{instance.script.part_id}/{uuid.uuid4().hex}.{extension}"
