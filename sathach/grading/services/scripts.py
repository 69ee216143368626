"""Ban phách's work: collect scripts, code them (đánh số phách), scanned pages, re-match.

domain.md §1.4: each script gets a secret code; the identity strip is cut off and sealed; the
scripts are re-matched to candidates (ghép phách) only when every mark is final, with a record.
Ban phách members never mark (``assignment`` keeps them off every marker list).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response
from sathach.lib.scoring import ESSAY
from sathach.plans.constants import CandidateStatus, SittingMode
from sathach.plans.models import BlueprintPart, Seat

from ..constants import (
    BASIS_ANONYMITY,
    CODE_ALPHABET,
    CODE_LENGTH,
    SCAN_MAX_BYTES,
    SCAN_TYPES,
    ScriptSource,
    ScriptState,
)
from ..models import ScanPage, Script, ScriptIdentity
from ..permissions import can_code
from .common import part_marking, require_actor, require_not_rematched, require_written

# Attempts whose work is handed in (a voided attempt has no script: its result is cancelled).
HANDED_IN = (AttemptState.SUBMITTED, AttemptState.EXPIRED)
ABSENT_TYPED = gettext_lazy("Không dự thi: phòng thi trên máy tính đã kết thúc, không có bài làm.")
NOT_CODER = gettext_lazy(
    "Chỉ thành viên Ban phách được thu bài, đánh số phách, tải ảnh bài làm và ghép phách."
)


def _require_coder(actor: Any, part: BlueprintPart) -> None:
    require_actor(actor, part.plan, can_code, str(NOT_CODER))


def _typed_answers(attempt: Attempt, texts: dict[int, str]) -> list[dict[str, Any]]:
    """Return the essay answers of ``attempt`` in its form's order (empty text if unanswered)."""
    layout = attempt.layout or {}
    return [
        {"item": vid, "text": texts.get(vid, "")}
        for vid, kind in zip(layout.get("items", []), layout.get("kinds", []), strict=False)
        if kind == ESSAY
    ]


def _collect_typed(part: BlueprintPart, known: set[int]) -> list[tuple[Script, ScriptIdentity]]:
    attempts = list(
        Attempt.objects.filter(sitting__part=part, state__in=HANDED_IN)
        .exclude(candidate_id__in=known)
        .order_by("pk")
    )
    texts: dict[int, dict[int, str]] = {}
    for attempt_id, item_id, answer in Response.objects.filter(attempt__in=attempts).values_list(
        "attempt_id", "item_id", "answer"
    ):
        if isinstance(answer, dict) and isinstance(answer.get("text"), str):
            texts.setdefault(attempt_id, {})[item_id] = answer["text"]
    rows = []
    for attempt in attempts:
        script = Script(
            part=part,
            source=ScriptSource.TYPED,
            answers=_typed_answers(attempt, texts.get(attempt.pk, {})),
        )
        rows.append(
            (script, ScriptIdentity(part=part, candidate_id=attempt.candidate_id, attempt=attempt))
        )
    return rows + _absent_typed(part, known | {a.candidate_id for a in attempts})


def _absent_typed(part: BlueprintPart, known: set[int]) -> list[tuple[Script, ScriptIdentity]]:
    """Return a "no script" record for every candidate whose computer room has closed without
    their attempt ever being started (never checked in, or checked in and never started):
    absent from the part (vắng thi), so results read it as absent rather than waiting for a
    mark for ever. An attempt still running, paused or voided is left alone (a voided attempt
    has its result decided by the proctor's record, domain.md §1.5)."""
    handed_in = Attempt.objects.filter(sitting__part=part, state__in=HANDED_IN).values(
        "candidate_id"
    )
    never_sat = (
        Attempt.objects.filter(
            sitting__part=part,
            state__in=(AttemptState.SCHEDULED, AttemptState.CHECKED_IN),
            session__closed_at__isnull=False,
        )
        .exclude(candidate_id__in=known)
        .exclude(candidate_id__in=handed_in)
        .order_by("pk")
    )
    rows: dict[int, tuple[Script, ScriptIdentity]] = {}
    for attempt in never_sat:
        script = Script(
            part=part,
            source=ScriptSource.TYPED,
            state=ScriptState.ABSENT,
            absent_reason=str(ABSENT_TYPED),
        )
        identity = ScriptIdentity(part=part, candidate_id=attempt.candidate_id, attempt=attempt)
        rows.setdefault(attempt.candidate_id, (script, identity))
    return list(rows.values())


def _collect_paper(part: BlueprintPart, known: set[int]) -> list[tuple[Script, ScriptIdentity]]:
    candidate_ids = (
        Seat.objects.filter(sitting__part=part, candidate__status=CandidateStatus.INCLUDED)
        .exclude(candidate_id__in=known)
        .order_by("candidate__number", "candidate_id")
        .values_list("candidate_id", flat=True)
        .distinct()
    )
    return [
        (
            Script(part=part, source=ScriptSource.SCANNED),
            ScriptIdentity(part=part, candidate_id=candidate_id),
        )
        for candidate_id in dict.fromkeys(candidate_ids)
    ]


@transaction.atomic
def scripts_collect(*, actor: Any, part: BlueprintPart) -> int:
    """Make a script for every candidate of ``part`` who has none yet; return how many.

    Typed part (sat on computer): one script per handed-in attempt, holding the text of its
    essay items. Paper part: one script per seated candidate, for the scanned pages to come.
    Idempotent: a second run adds only the scripts still missing.
    """
    require_written(part)
    _require_coder(actor, part)
    marking = part_marking(part, lock=True)
    require_not_rematched(marking)
    known = set(ScriptIdentity.objects.filter(part=part).values_list("candidate_id", flat=True))
    if part.sitting_mode == SittingMode.COMPUTER:
        rows = _collect_typed(part, known)
    else:
        rows = _collect_paper(part, known)
    if not rows and not known:
        if part.sitting_mode == SittingMode.COMPUTER:
            message = _("Chưa có bài làm đã nộp của phần thi “%(p)s”.")
        else:
            message = _("Phần thi “%(p)s” chưa xếp chỗ cho người dự kiểm tra nào.")
        raise ServiceError(message % {"p": part.name}, code="nothing_to_collect")
    for script, identity in rows:
        script.save()
        identity.script = script
        identity.save()
    audit_record(
        actor=actor,
        action="grading.scripts_collect",
        target=part,
        data={"created": len(rows), "total": len(known) + len(rows)},
        profile=part.plan.exam_profile,
    )
    return len(rows)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@transaction.atomic
def scripts_code(*, actor: Any, part: BlueprintPart) -> int:
    """Give every uncoded script of ``part`` a random secret code, unique in the part.

    Codes are drawn by ``secrets`` (not derived from anything about the candidate) and never
    written to the audit log; the event records only how many were coded.
    """
    require_written(part)
    _require_coder(actor, part)
    marking = part_marking(part, lock=True)
    require_not_rematched(marking)
    scripts = list(
        Script.objects.select_for_update().filter(part=part, state=ScriptState.COLLECTED, code="")
    )
    if not scripts:
        raise ServiceError(_("Không còn bài nào chờ đánh số phách."), code="nothing_to_code")
    taken = set(Script.objects.filter(part=part).exclude(code="").values_list("code", flat=True))
    for script in scripts:
        code = new_code()
        while code in taken:
            code = new_code()
        taken.add(code)
        script.code = code
        script.state = ScriptState.CODED
        script.save(update_fields=["code", "state", "updated_at"])
    marking.coded_at = timezone.now()
    marking.coded_by = actor if getattr(actor, "pk", None) else None
    marking.save(update_fields=["coded_at", "coded_by", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.scripts_code",
        target=part,
        data={"coded": len(scripts)},
        profile=part.plan.exam_profile,
    )
    return len(scripts)


def scan_kind(content: bytes) -> tuple[str, str] | None:
    """Return (MIME type, extension) of a PNG, JPEG or PDF file by its first bytes."""
    for magic, mime, extension in SCAN_TYPES:
        if content.startswith(magic):
            return mime, extension
    return None


def scan_max_bytes() -> int:
    return int(getattr(settings, "SATHACH_SCAN_MAX_BYTES", SCAN_MAX_BYTES))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _locked_script(script: Script) -> Script:
    return Script.objects.select_for_update().select_related("part__plan").get(pk=script.pk)


def _require_before_marking(script: Script) -> None:
    if script.state not in (ScriptState.COLLECTED, ScriptState.CODED):
        raise ServiceError(
            _("Bài thi số phách %(c)s đã được phân công chấm: không thay đổi được bài làm.")
            % {"c": script.code},
            code="script_in_marking",
        )


@transaction.atomic
def scan_upload(*, actor: Any, script: Script, content: bytes, name: str = "") -> ScanPage:
    """Add a scanned page (PNG or JPEG image, or a PDF) to a paper script, after its pages.

    The type is read from the file's first bytes, never from its name; the file is stored in
    the private scan folder under a random name.
    """
    script = _locked_script(script)
    _require_coder(actor, script.part)
    if script.source != ScriptSource.SCANNED:
        raise ServiceError(
            _("Bài làm trên máy tính không cần tải ảnh bài làm."), code="not_scanned"
        )
    _require_before_marking(script)
    shown = name or _("tệp tải lên")
    if not content:
        raise ServiceError(_("Tệp “%(n)s” rỗng.") % {"n": shown}, code="scan_empty")
    limit = scan_max_bytes()
    if len(content) > limit:
        raise ServiceError(
            _("Tệp “%(n)s” lớn hơn %(mb)s MB: hãy quét với độ phân giải thấp hơn hoặc tách tệp.")
            % {"n": shown, "mb": _megabytes(limit)},
            code="scan_too_big",
        )
    kind = scan_kind(content)
    if kind is None:
        raise ServiceError(
            _("Tệp “%(n)s” không phải ảnh PNG, JPEG hoặc tệp PDF.") % {"n": shown},
            code="scan_bad_type",
        )
    mime, extension = kind
    number = (ScanPage.objects.filter(script=script).aggregate(n=Max("number"))["n"] or 0) + 1
    page = ScanPage(
        script=script,
        number=number,
        mime=mime,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    page.file.save(f"page.{extension}", ContentFile(content), save=False)
    page.save()
    audit_record(
        actor=actor,
        action="grading.scan_upload",
        target=script,
        data={"page": number, "mime": mime, "size": len(content), "sha256": page.sha256},
        profile=script.part.plan.exam_profile,
    )
    return page


@transaction.atomic
def scan_remove(*, actor: Any, page: ScanPage) -> None:
    """Remove a page uploaded by mistake (before the script is assigned to markers)."""
    script = _locked_script(page.script)
    _require_coder(actor, script.part)
    _require_before_marking(script)
    audit_record(
        actor=actor,
        action="grading.scan_remove",
        target=script,
        data={"page": page.number, "sha256": page.sha256},
        profile=script.part.plan.exam_profile,
    )
    stored = page.file.name
    storage = page.file.storage
    page.delete()
    transaction.on_commit(lambda: storage.delete(stored))


@transaction.atomic
def script_absent(*, actor: Any, script: Script, reason: str) -> Script:
    """Record that a seated candidate handed in no paper script (absent, or no work)."""
    script = _locked_script(script)
    _require_coder(actor, script.part)
    _require_before_marking(script)
    if script.source != ScriptSource.SCANNED:
        raise ServiceError(
            _("Bài làm trên máy tính đã được nộp: không ghi nhận là không có bài."),
            code="not_scanned",
        )
    if script.pages.exists():
        raise ServiceError(
            _("Bài thi đã có ảnh bài làm: hãy xóa các trang trước khi ghi nhận không có bài."),
            code="has_pages",
        )
    reason = " ".join((reason or "").split())
    if not reason:
        raise ServiceError(_("Hãy ghi lý do không có bài thi."), code="reason_required")
    script.state = ScriptState.ABSENT
    script.absent_reason = reason
    script.save(update_fields=["state", "absent_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.script_absent",
        target=script,
        data={"reason": reason},
        profile=script.part.plan.exam_profile,
    )
    return script


@transaction.atomic
def scripts_rematch(*, actor: Any, part: BlueprintPart) -> int:
    """Re-match codes to candidates (ghép phách) once every script has its final mark; return
    how many scripts were re-matched. Records who did it and when, for the record."""
    require_written(part)
    _require_coder(actor, part)
    marking = part_marking(part, lock=True)
    if marking.rematched_at is not None:
        raise ServiceError(_("Phần thi đã được ghép phách."), code="rematched")
    scripts = Script.objects.filter(part=part).exclude(state=ScriptState.ABSENT)
    total = scripts.count()
    if not total:
        raise ServiceError(_("Phần thi chưa có bài thi nào."), code="no_scripts")
    pending = scripts.exclude(state=ScriptState.FINAL).count()
    if pending:
        # domain.md §1.4: re-match (ghép phách) only after marks are final.
        raise ServiceError(
            _(
                "Còn %(n)d/%(t)d bài chưa có điểm chính thức: chỉ ghép phách khi mọi bài đã có "
                "điểm chính thức."
            )
            % {"n": pending, "t": total},
            code="not_final",
            basis=BASIS_ANONYMITY,
        )
    marking.rematched_at = timezone.now()
    marking.rematched_by = actor if getattr(actor, "pk", None) else None
    marking.save(update_fields=["rematched_at", "rematched_by", "updated_at"])
    audit_record(
        actor=actor,
        action="grading.scripts_rematch",
        target=part,
        data={"scripts": total},
        profile=part.plan.exam_profile,
    )
    return total
