from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from sathach.core import profiles


class HomeView(LoginRequiredMixin, View):
    """The start page: what the signed-in user can do, by role."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "core/home.html",
            {"exam_profiles": profiles.registry().of_kind("exam")},
        )
