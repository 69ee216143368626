"""Pages of the question bank: list, editor with live preview, review, history, import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sathach.core.errors import ServiceError
from sathach.lib.formats.items import AssetData
from sathach.org.models import Position

from .constants import Difficulty, ItemKind, TopicRole, VersionState
from .forms import OPTION_LETTERS, ImportForm, ItemForm, ReviewForm, initial_from_version
from .models import Asset, ItemVersion
from .permissions import can_author, can_review, paths_q, readable_paths
from .rendering import render_html, version_assets
from .selectors import (
    item_get_for_user,
    item_list,
    review_queue,
    topic_get_for_user,
    topic_list,
    version_list,
)
from .services import item_approve, item_create, item_return, item_submit, item_update
from .transfer import bank_import


def _require_bank_user(request: HttpRequest) -> None:
    if not readable_paths(request.user):
        raise Http404


class ItemListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_bank_user(request)
        g = request.GET
        topic = topic_get_for_user(user=request.user, code=g["topic"]) if g.get("topic") else None
        position = g.get("position", "")
        items = item_list(
            user=request.user,
            query=g.get("q", "").strip(),
            topic=topic,
            kind=g.get("kind", ""),
            difficulty=g.get("difficulty", ""),
            state=g.get("state", ""),
            position_id=int(position) if position.isdigit() else None,
        )
        page = Paginator(items, 30).get_page(g.get("page"))
        return render(
            request,
            "bank/item_list.html",
            {
                "page": page,
                "filters": g,
                "topics": [
                    (t.code, "— " * t.depth + t.name) for t in topic_list(user=request.user)
                ],
                "kinds": ItemKind.choices,
                "difficulties": Difficulty.choices,
                "states": VersionState.choices,
                "positions": Position.objects.order_by("name"),
                "can_write": bool(topic_list(user=request.user, role=TopicRole.AUTHOR).exists()),
            },
        )


def _item_form(
    request: HttpRequest, *, data: Any = None, files: Any = None, initial: Any = None
) -> ItemForm:
    topics = list(topic_list(user=request.user, role=TopicRole.AUTHOR))
    return ItemForm(
        data,
        files,
        initial=initial,
        topics=topics,
        positions=list(Position.objects.order_by("name")),
    )


def _positions(form: ItemForm) -> list[Position]:
    return list(Position.objects.filter(pk__in=form.cleaned_data.get("positions") or []))


class ItemCreateView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = _item_form(request, initial={"topic": request.GET.get("topic", "")})
        if not form.fields["topic"].choices:
            raise Http404
        return render(request, "bank/item_form.html", {"form": form, "item": None})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = _item_form(request, data=request.POST, files=request.FILES)
        if not form.fields["topic"].choices:
            raise Http404
        if form.is_valid():
            topic = topic_get_for_user(
                user=request.user, code=form.cleaned_data["topic"], role=TopicRole.AUTHOR
            )
            try:
                item = item_create(
                    actor=request.user,
                    topic=topic,
                    data=form.to_item_data(),
                    positions=_positions(form),
                )
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Đã lưu câu hỏi (bản nháp)."))
                return HttpResponseRedirect(reverse("bank:item-detail", args=[item.pk]))
        return render(request, "bank/item_form.html", {"form": form, "item": None}, status=400)


class ItemUpdateView(LoginRequiredMixin, View):
    def _get(self, request: HttpRequest, pk: int) -> Any:
        item = item_get_for_user(user=request.user, pk=pk)
        if not can_author(request.user, item.topic):
            raise Http404
        return item

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = self._get(request, pk)
        form = _item_form(request, initial=initial_from_version(item.current, item))
        form.set_existing_assets(
            [AssetData(a.name, a.mime, b"") for a in item.current.assets.all()]
        )
        return render(request, "bank/item_form.html", {"form": form, "item": item})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = self._get(request, pk)
        form = _item_form(request, data=request.POST, files=request.FILES)
        form.set_existing_assets(
            [AssetData(a.name, a.mime, bytes(a.content)) for a in item.current.assets.all()]
        )
        if form.is_valid():
            topic = topic_get_for_user(
                user=request.user, code=form.cleaned_data["topic"], role=TopicRole.AUTHOR
            )
            try:
                version = item_update(
                    actor=request.user,
                    item=item,
                    data=form.to_item_data(),
                    positions=_positions(form),
                    topic=topic,
                )
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Đã lưu phiên bản %(n)d.") % {"n": version.number})
                return HttpResponseRedirect(reverse("bank:item-detail", args=[item.pk]))
        return render(request, "bank/item_form.html", {"form": form, "item": item}, status=400)


class ItemPreviewView(LoginRequiredMixin, View):
    """The candidate's view of the item being edited (htmx, on every change)."""

    def post(self, request: HttpRequest) -> HttpResponse:
        form = _item_form(request, data=request.POST, files=request.FILES)
        pk = request.POST.get("item_pk", "")
        if pk.isdigit():
            item = item_get_for_user(user=request.user, pk=int(pk))
            form.set_existing_assets(
                [AssetData(a.name, a.mime, bytes(a.content)) for a in item.current.assets.all()]
            )
        if not form.is_valid():
            return render(request, "bank/_preview.html", {"errors": form.errors})
        data = form.to_item_data()
        from .content import sanitize

        assets = {a.name: a for a in data.assets}
        return render(
            request,
            "bank/_preview.html",
            {
                "stem": render_html(sanitize(data.stem), assets),
                "options": [
                    (letter, render_html(sanitize(o.text), assets))
                    for letter, o in zip(OPTION_LETTERS, data.options, strict=False)
                ],
                "kind": data.kind.value,
                "points": data.points,
            },
        )


class ItemDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = item_get_for_user(user=request.user, pk=pk)
        version = item.current
        assets = version_assets(version)
        content = version.content or {}
        options = [
            (letter, render_html(o["text"], assets), o.get("correct"))
            for letter, o in zip(OPTION_LETTERS, content.get("options", []), strict=False)
        ]
        own = request.user.pk in {version.author_id, item.created_by_id}
        return render(
            request,
            "bank/item_detail.html",
            {
                "item": item,
                "version": version,
                "stem": render_html(version.stem, assets),
                "options": options,
                "content": content,
                "guide": render_html(content.get("essay_guide", ""), assets),
                "history": item.history.select_related("actor", "version"),
                "versions": version_list(item=item),
                "can_edit": can_author(request.user, item.topic)
                and version.state != VersionState.SUBMITTED,
                "can_submit": can_author(request.user, item.topic)
                and version.state in (VersionState.DRAFT, VersionState.RETURNED),
                "can_review": can_review(request.user, item.topic)
                and not own
                and version.state == VersionState.SUBMITTED,
                "review_form": ReviewForm(),
            },
        )


class ItemActionView(LoginRequiredMixin, View):
    """POST-only workflow steps: submit, approve, return."""

    action = ""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = item_get_for_user(user=request.user, pk=pk)
        form = ReviewForm(request.POST)
        comment = form.cleaned_data["comment"] if form.is_valid() else ""
        try:
            if self.action == "submit":
                item_submit(actor=request.user, item=item)
                messages.success(request, _("Đã gửi câu hỏi đi thẩm định."))
            elif self.action == "approve":
                item_approve(actor=request.user, item=item, comment=comment)
                messages.success(request, _("Đã phê duyệt câu hỏi."))
            elif self.action == "return":
                item_return(actor=request.user, item=item, comment=comment)
                messages.success(request, _("Đã trả lại câu hỏi cho tác giả."))
        except ServiceError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(reverse("bank:item-detail", args=[item.pk]))


class ReviewQueueView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        if not readable_paths(request.user):
            raise Http404
        page = Paginator(review_queue(user=request.user), 30).get_page(request.GET.get("page"))
        return render(request, "bank/review_queue.html", {"page": page})


class AssetView(LoginRequiredMixin, View):
    """An image, to a user who may read an item that uses it."""

    def get(self, request: HttpRequest, sha256: str) -> HttpResponse:
        asset = Asset.objects.filter(sha256=sha256).first()
        if asset is None:
            raise Http404
        visible = ItemVersion.objects.filter(
            paths_q(readable_paths(request.user), field="item__topic__path"), assets=asset
        ).exists()
        if not visible:
            raise Http404
        response = HttpResponse(bytes(asset.content), content_type=asset.mime)
        response["Cache-Control"] = "private, max-age=3600"
        response["X-Content-Type-Options"] = "nosniff"
        if asset.mime == "image/svg+xml":
            response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        return response


class ImportView(LoginRequiredMixin, View):
    def _form(self, request: HttpRequest, data: Any = None, files: Any = None) -> ImportForm:
        topics = list(topic_list(user=request.user, role=TopicRole.AUTHOR))
        if not topics:
            raise Http404
        return ImportForm(data, files, topics=topics)

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "bank/import.html", {"form": self._form(request)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST, request.FILES)
        report = None
        status = 200
        if form.is_valid():
            topic = topic_get_for_user(
                user=request.user, code=form.cleaned_data["topic"], role=TopicRole.AUTHOR
            )
            upload = form.cleaned_data["file"]
            try:
                report = bank_import(
                    actor=request.user,
                    data=upload.read(),
                    filename=upload.name,
                    fmt=form.cleaned_data["format"],
                    topic=topic,
                    dry_run=form.cleaned_data["dry_run"],
                    partial=form.cleaned_data["partial"],
                )
            except ServiceError as exc:
                form.add_error("file", exc.message)
                status = 400
            else:
                status = 200 if report.ok else 400
        else:
            status = 400
        return render(request, "bank/import.html", {"form": form, "report": report}, status=status)


class TemplateDownloadView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_bank_user(request)
        from sathach.lib.formats import xlsx_items

        response = HttpResponse(
            xlsx_items.make_template(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="mau-ngan-hang-cau-hoi.xlsx"'
        return response
