"""Pages of streamlining reviews (domain.md §3): the reviews, one review's list (candidates by
ground, the deferred, and the dismissal route in separate sections, each person with the legal
ground and the data behind it), the human decision per person, the export, and the facts the
criteria read (qualification gaps, surplus, deferring circumstances)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from . import selectors, services
from .constants import Decision, Section
from .forms import (
    CaseDecideForm,
    CircumstanceForm,
    QualificationGapForm,
    ReviewCreateForm,
    SurplusForm,
)
from .permissions import can_write_unit
from .views import ActionView, ReaderMixin, pdf_response, xlsx_response


class ReviewListView(ReaderMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        default = selectors.default_unit(user=request.user)
        context = {
            "reviews": list(selectors.review_list(user=request.user)),
            "form": ReviewCreateForm(initial={"unit": default.code}),
            "can_write": can_write_unit(request.user, default),
        }
        return render(request, "evaluation/review_list.html", context)


class ReviewCreateView(ActionView):
    form_class = ReviewCreateForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        unit = selectors.unit_get_for_user(user=request.user, code=data["unit"])
        self.review = services.review_create(
            actor=request.user,
            unit=unit,
            year=data["year"],
            profile=data["profile"],
            reviewed_on=data["reviewed_on"],
        )
        return _("Đã mở đợt xét tinh giản biên chế.")

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        review = getattr(self, "review", None)
        if review is not None:
            return reverse("evaluation:review-detail", args=[review.pk])
        return reverse("evaluation:review-list")


class ReviewDetailView(ReaderMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        review = selectors.review_get_for_user(user=request.user, pk=pk)
        listing = selectors.review_listing(user=request.user, review=review)
        context = {
            "review": review,
            "listing": listing,
            "by_ground": listing.by_ground(),
            "deferred": listing.sections[Section.DEFERRED],
            "dismissal": listing.sections[Section.DISMISSAL],
            "can_write": can_write_unit(request.user, review.unit),
            "decisions": Decision.choices,
        }
        return render(request, "evaluation/review_detail.html", context)


class CaseDecideView(ActionView):
    form_class = CaseDecideForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        review = selectors.review_get_for_user(user=request.user, pk=kwargs["pk"])
        person = selectors.person_get_for_user(user=request.user, code=kwargs["code"])
        services.case_decide(actor=request.user, review=review, person=person, **data)
        return _("Đã ghi quyết định đối với “%(n)s”.") % {"n": person.full_name}

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return reverse("evaluation:review-detail", args=[kwargs["pk"]])


class ReviewExportView(ReaderMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        review = selectors.review_get_for_user(user=request.user, pk=pk)
        data = services.review_export_xlsx(actor=request.user, review=review)
        return xlsx_response(data, f"tinh-gian-{review.unit.code}-{review.year}.xlsx")


class ReviewExportPdfView(ReaderMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        review = selectors.review_get_for_user(user=request.user, pk=pk)
        data = services.review_export_pdf(actor=request.user, review=review)
        return pdf_response(data, f"tinh-gian-{review.unit.code}-{review.year}.pdf")


# --- Facts ----------------------------------------------------------------------------------


class PersonFactsView(ReaderMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        person = selectors.person_get_for_user(user=request.user, code=code)
        context = {
            "person": person,
            **selectors.person_facts(person=person),
            "history": list(selectors.person_ratings(person=person)),
            "gap_form": QualificationGapForm(),
            "surplus_form": SurplusForm(),
            "circumstance_form": CircumstanceForm(),
            "can_write": can_write_unit(request.user, person.unit),
            "next": request.GET.get("next", ""),
        }
        return render(request, "evaluation/person_facts.html", context)


class _FactAction(ActionView):
    def person(self, request: HttpRequest, code: str) -> Any:
        return selectors.person_get_for_user(user=request.user, code=code)

    def next_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return reverse("evaluation:person-facts", args=[kwargs["code"]])


class QualificationGapView(_FactAction):
    form_class = QualificationGapForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        person = self.person(request, kwargs["code"])
        services.qualification_gap_record(actor=request.user, person=person, **data)
        return _("Đã ghi trường hợp chưa đạt trình độ đào tạo.")


class SurplusView(_FactAction):
    form_class = SurplusForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        person = self.person(request, kwargs["code"])
        services.surplus_record_add(actor=request.user, person=person, **data)
        return _("Đã ghi trường hợp dôi dư.")


class CircumstanceView(_FactAction):
    form_class = CircumstanceForm

    def act(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> str:
        person = self.person(request, kwargs["code"])
        services.circumstance_record(actor=request.user, person=person, **data)
        return _("Đã ghi trường hợp chưa xem xét tinh giản.")
