from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from .selectors import audit_event_list


class AuditEventListView(LoginRequiredMixin, View):
    """The audit log, newest first, for administrators."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filters = {
            "action": request.GET.get("action", "").strip(),
            "actor": request.GET.get("actor", "").strip(),
            "target": request.GET.get("target", "").strip(),
        }
        events = audit_event_list(user=request.user, **filters)
        page = Paginator(events, 50).get_page(request.GET.get("page"))
        return render(request, "audit/event_list.html", {"page": page, "filters": filters})
