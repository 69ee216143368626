from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from .models import Unit
from .selectors import (
    person_get_for_user,
    person_list,
    unit_get_for_user,
    unit_list,
    unit_writable_by,
)

PAGE_SIZE = 50


class UnitTreeView(LoginRequiredMixin, View):
    """The unit tree of the user's scope, with the number of civil servants in each unit."""

    def get(self, request: HttpRequest) -> HttpResponse:
        units = list(
            unit_list(user=request.user)
            # The same persons the roster list shows: those still serving.
            .annotate(n_persons=Count("persons", filter=Q(persons__is_active=True)))
            .order_by("path")
        )
        if not units:
            raise Http404
        children: dict[int | None, list[Unit]] = {}
        ids = {u.pk for u in units}
        for unit in units:
            parent = unit.parent_id if unit.parent_id in ids else None
            children.setdefault(parent, []).append(unit)
        for siblings in children.values():
            siblings.sort(key=lambda u: (u.sort_order, u.name))
        return render(
            request, "org/unit_tree.html", {"children": children, "roots": children.get(None, [])}
        )


class PersonListView(LoginRequiredMixin, View):
    """The roster: diacritic-blind search, Vietnamese order, paginated."""

    def get(self, request: HttpRequest) -> HttpResponse:
        query = request.GET.get("q", "").strip()
        unit_code = request.GET.get("unit", "").strip()
        unit = unit_get_for_user(user=request.user, code=unit_code) if unit_code else None
        persons = person_list(user=request.user, query=query, unit=unit)
        page = Paginator(persons, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "org/person_list.html",
            {
                "page": page,
                "query": query,
                "unit": unit,
                "can_export": unit is not None and unit_writable_by(user=request.user, unit=unit),
            },
        )


class PersonDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        person = person_get_for_user(user=request.user, code=code)
        relatives = [
            (r.get_relation_display(), r.relative)
            for r in person.relatives_declared.select_related("relative")
        ]
        return render(request, "org/person_detail.html", {"person": person, "relatives": relatives})


class MyRecordView(LoginRequiredMixin, View):
    """A candidate's own record."""

    def get(self, request: HttpRequest) -> HttpResponse:
        person = getattr(request.user, "person", None)
        if person is None:
            raise Http404
        return PersonDetailView().get(request, person.code)
