"""Ban phách's pages: the code ↔ candidate list, collecting and coding, scanned pages,
re-matching and its record. Readable by Ban phách, the council Chair and the organiser; only
Ban phách acts. Everyone else gets 404."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sathach.plans.models import BlueprintPart

from ..forms import ConfirmForm, ReasonForm, ScanUploadForm
from ..models import ScanPage, Script
from ..pdf import coding_record_pdf
from ..permissions import can_code, can_see_identities
from ..selectors import (
    coding_rows,
    marking_of,
    part_get_for_user,
    scan_page_get_for_user,
    state_counts,
)
from ..services import (
    access_record,
    scan_remove,
    scan_upload,
    script_absent,
    scripts_code,
    scripts_collect,
    scripts_rematch,
)
from ..services.scripts import scan_max_bytes
from .common import ActionView, pdf_response


def _coding_part(request: HttpRequest, pk: int) -> BlueprintPart:
    return part_get_for_user(user=request.user, pk=pk, allowed=can_see_identities)


def _coder_part(request: HttpRequest, pk: int) -> BlueprintPart:
    return part_get_for_user(user=request.user, pk=pk, allowed=can_code)


def _coder_script(request: HttpRequest, pk: int) -> Script:
    script = Script.objects.select_related("part__plan").filter(pk=pk).first()
    if script is None:
        raise Http404
    _coder_part(request, script.part_id)
    return script


class PartCodingView(LoginRequiredMixin, View):
    """The code list of a part (who has which code), with Ban phách's actions."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = _coding_part(request, pk)
        rows = coding_rows(user=request.user, part=part)
        access_record(actor=request.user, action="grading.identities_view", target=part)
        marking = marking_of(part)
        context = {
            "part": part,
            "plan": part.plan,
            "rows": rows,
            "counts": state_counts(part),
            "marking": marking,
            "can_act": can_code(request.user, part.plan),
            "upload_form": ScanUploadForm(),
            "max_mb": scan_max_bytes() // (1024 * 1024),
        }
        return render(request, "grading/part_coding.html", context)


class _PartAction(ActionView):
    def target(self, request: HttpRequest, pk: int) -> BlueprintPart:
        return _coder_part(request, pk)

    def done_url(self, obj: BlueprintPart) -> str:
        return reverse("grading:part-coding", args=[obj.pk])


class ScriptsCollectView(_PartAction):
    def act(self, request: HttpRequest, obj: BlueprintPart, data: dict[str, Any]) -> str:
        n = scripts_collect(actor=request.user, part=obj)
        return _("Đã thu thêm %(n)d bài thi.") % {"n": n}


class ScriptsCodeView(_PartAction):
    def act(self, request: HttpRequest, obj: BlueprintPart, data: dict[str, Any]) -> str:
        n = scripts_code(actor=request.user, part=obj)
        return _("Đã đánh số phách %(n)d bài thi.") % {"n": n}


class ScriptsRematchView(_PartAction):
    """Re-match codes to candidates: a confirmation page first (it makes marks official)."""

    form_class = ConfirmForm

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = self.target(request, pk)
        context = {"part": part, "form": ConfirmForm(), "counts": state_counts(part)}
        return render(request, "grading/scripts_rematch.html", context)

    def act(self, request: HttpRequest, obj: BlueprintPart, data: dict[str, Any]) -> str:
        n = scripts_rematch(actor=request.user, part=obj)
        return _("Đã ghép phách %(n)d bài thi: điểm của phần thi đã chính thức.") % {"n": n}

    def refused_url(self, obj: BlueprintPart) -> str:
        return reverse("grading:scripts-rematch", args=[obj.pk])


class ScanUploadView(ActionView):
    form_class = ScanUploadForm

    def target(self, request: HttpRequest, pk: int) -> Script:
        return _coder_script(request, pk)

    def done_url(self, obj: Script) -> str:
        return reverse("grading:part-coding", args=[obj.part_id]) + f"#script-{obj.pk}"

    def act(self, request: HttpRequest, obj: Script, data: dict[str, Any]) -> str:
        upload = data["file"]
        # Read one byte past the limit: enough to refuse a file that is too big.
        content = upload.read(scan_max_bytes() + 1)
        page = scan_upload(actor=request.user, script=obj, content=content, name=upload.name)
        return _("Đã tải trang %(n)d của bài số phách %(c)s.") % {
            "n": page.number,
            "c": obj.code or "—",
        }


class ScriptAbsentView(ActionView):
    form_class = ReasonForm

    def target(self, request: HttpRequest, pk: int) -> Script:
        return _coder_script(request, pk)

    def done_url(self, obj: Script) -> str:
        return reverse("grading:part-coding", args=[obj.part_id])

    def act(self, request: HttpRequest, obj: Script, data: dict[str, Any]) -> str:
        script_absent(actor=request.user, script=obj, reason=data["reason"])
        return _("Đã ghi nhận không có bài thi.")


class ScanRemoveView(ActionView):
    def target(self, request: HttpRequest, pk: int) -> ScanPage:
        page = ScanPage.objects.select_related("script__part__plan").filter(pk=pk).first()
        if page is None:
            raise Http404
        _coder_part(request, page.script.part_id)
        return page

    def done_url(self, obj: ScanPage) -> str:
        return reverse("grading:part-coding", args=[obj.script.part_id])

    def act(self, request: HttpRequest, obj: ScanPage, data: dict[str, Any]) -> str:
        number = obj.number
        scan_remove(actor=request.user, page=obj)
        return _("Đã xóa trang %(n)d.") % {"n": number}


class ScanPageView(LoginRequiredMixin, View):
    """One scanned page, for the script's markers and those who decide on it (404 otherwise).
    Never cached; named by the code only."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        page = scan_page_get_for_user(user=request.user, pk=pk)
        access_record(
            actor=request.user,
            action="grading.scan_view",
            target=page.script,
            data={"page": page.number},
        )
        extension = page.file.name.rsplit(".", 1)[-1]
        response = FileResponse(
            page.file.open("rb"),
            content_type=page.mime,
            as_attachment=False,
            filename=f"{page.script.code or 'bai'}-trang-{page.number}.{extension}",
        )
        response["Cache-Control"] = "private, no-store"
        return response


class CodingRecordPdfView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        part = _coding_part(request, pk)
        access_record(actor=request.user, action="grading.coding_record_print", target=part)
        return pdf_response(coding_record_pdf(part), f"bien-ban-phach-phan-{part.order}.pdf")
