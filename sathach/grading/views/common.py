"""What the marking pages share: the action view, refusals, PDF responses, script content."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views import View

from sathach.bank.models import ItemVersion
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.formats.html import plain_text

from ..constants import ScriptSource
from ..models import Script


def refusal_text(exc: ServiceError) -> str:
    """Return a service's refusal as the page shows it, with the rule's basis when it has one."""
    if exc.basis:
        return _("%(message)s (căn cứ: %(basis)s)") % {"message": exc.message, "basis": exc.basis}
    return exc.message


def form_errors(form: forms.Form) -> str:
    return " ".join(
        f"{form.fields[name].label}: {' '.join(map(str, errors))}"
        if name in form.fields
        else " ".join(map(str, errors))
        for name, errors in form.errors.items()
    )


def valid(form: forms.Form) -> dict[str, Any]:
    """Return the cleaned data, or refuse with the form's errors as one message."""
    if not form.is_valid():
        raise ServiceError(form_errors(form), code="invalid_form")
    return form.cleaned_data


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class ActionView(LoginRequiredMixin, View, ABC):
    """A POST that runs one grading service, then goes back with the outcome.

    Subclasses set ``form_class`` (None: no fields) and implement ``target`` (look the object
    up for the user: 404 outside their scope), ``act`` (call the service, return the success
    message) and ``done_url``. A refusal of permission is a 403; any other refusal is shown
    on the page it came from, as the service worded it.
    """

    form_class: type[forms.Form] | None = None

    @abstractmethod
    def target(self, request: HttpRequest, pk: int) -> Any:
        """Return the object acted on, or raise Http404."""

    @abstractmethod
    def act(self, request: HttpRequest, obj: Any, data: dict[str, Any]) -> str:
        """Call the one service of this action; return the message shown on success."""

    @abstractmethod
    def done_url(self, obj: Any) -> str:
        """Where to go after the action."""

    def refused_url(self, obj: Any) -> str:
        return self.done_url(obj)

    def form(self, request: HttpRequest, obj: Any) -> forms.Form | None:
        return self.form_class(request.POST, request.FILES) if self.form_class else None

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.target(request, pk)
        try:
            form = self.form(request, obj)
            data = valid(form) if form is not None else {}
            message = self.act(request, obj, data)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, refusal_text(exc))
            return HttpResponseRedirect(self.refused_url(obj))
        messages.success(request, message)
        return HttpResponseRedirect(self.done_url(obj))


def script_content(script: Script) -> dict[str, Any]:
    """Return what a reader of ``script`` sees: the typed answers under their questions (with
    each item's own marking guide), or the scanned pages. Never who wrote it."""
    if script.source == ScriptSource.SCANNED:
        return {"typed": False, "pages": list(script.pages.order_by("number"))}
    ids = [a["item"] for a in script.answers]
    versions = ItemVersion.objects.only("id", "stem", "content", "points").in_bulk(ids)
    answers = []
    for number, answer in enumerate(script.answers, start=1):
        version = versions.get(answer["item"])
        answers.append(
            {
                "number": number,
                "stem": plain_text(version.stem) if version else "",
                "points": version.points if version else None,
                "guide": plain_text(version.content.get("essay_guide", "")) if version else "",
                "text": answer["text"],
            }
        )
    return {"typed": True, "answers": answers}
