"""Pages of the exceptions to the HTXS quota for outstanding units (domain.md §2.1; NĐ
335/2025, mức xếp loại công chức khoản 5 điểm b): the exceptions of a unit subtree, and for the
organiser the form that records one and the button that removes one."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View

from . import selectors, services
from .forms import QuotaExceptionForm, QuotaExceptionRevokeForm
from .services.quota import can_grant_exception
from .views import ActionView, ReaderMixin, _unit


def _page_url(unit_code: str) -> str:
    return reverse("evaluation:quota-exceptions") + "?" + urlencode({"unit": unit_code})


class QuotaExceptionsView(ReaderMixin, View):
    """The exceptions of a unit subtree; the organiser of the unit records or removes one."""

    def get(self, request: HttpRequest) -> HttpResponse:
        unit = _unit(request)
        context = {
            "unit": unit,
            "units": selectors.unit_list(user=request.user),
            "exceptions": list(selectors.quota_exception_list(user=request.user, unit=unit)),
            "form": QuotaExceptionForm(initial={"unit": unit.code}),
            "can_grant": can_grant_exception(request.user, unit),
        }
        return render(request, "evaluation/quota_exceptions.html", context)


class QuotaExceptionGrantView(ActionView):
    form_class = QuotaExceptionForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        unit = selectors.unit_get_for_user(user=request.user, code=data["unit"])
        services.quota_exception_grant(
            actor=request.user,
            unit=unit,
            year=data["year"],
            cap_percent=data["cap_percent"],
            decision_ref=data["decision_ref"],
            basis=data["basis"],
        )
        return _("Đã ghi ngoại lệ tỷ lệ Hoàn thành xuất sắc nhiệm vụ.")

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return _page_url(request.POST.get("unit", ""))


class QuotaExceptionRevokeView(ActionView):
    form_class = QuotaExceptionRevokeForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        exception = selectors.quota_exception_get_for_user(user=request.user, pk=kwargs["pk"])
        self.unit_code = exception.unit.code
        services.quota_exception_revoke(
            actor=request.user, exception=exception, reason=data["reason"]
        )
        return _("Đã bỏ ngoại lệ tỷ lệ Hoàn thành xuất sắc nhiệm vụ.")

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        code = getattr(self, "unit_code", "") or request.POST.get("unit", "")
        if not code:
            raise Http404
        return _page_url(code)
