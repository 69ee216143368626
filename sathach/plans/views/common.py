"""What the plans pages share: the action view and form-error handling.

Every write goes through one service; a refusal (ServiceError) is shown to the user as it is,
and a refusal of permission is a 403.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views import View

from sathach.core.errors import PermissionDeniedError, ServiceError

from ..models import Plan
from ..permissions import can_print
from ..selectors import plan_get_for_user


def form_errors(form: Form) -> str:
    return " ".join(
        f"{form.fields[name].label}: {' '.join(map(str, errs))}"
        if name in form.fields
        else " ".join(map(str, errs))
        for name, errs in form.errors.items()
    )


def valid(form: Form) -> dict[str, Any]:
    """Return the cleaned data, or refuse with the form's errors as one message."""
    if not form.is_valid():
        raise ServiceError(form_errors(form), code="invalid_form")
    return form.cleaned_data


class PlanActionView(LoginRequiredMixin, View, ABC):
    """A POST that changes the plan through one service, then returns to the plan's page.

    Subclasses implement ``act`` and return the success message; ``next_url`` says where to
    return (the plan's page unless overridden).
    """

    @abstractmethod
    def act(self, request: HttpRequest, plan: Plan, **kwargs: Any) -> str:
        """Call the one service of this action; return the message shown on success."""

    def next_url(self, plan: Plan, **kwargs: Any) -> str:
        return reverse("plans:plan-detail", args=[plan.code])

    def post(self, request: HttpRequest, code: str, **kwargs: Any) -> HttpResponse:
        plan = plan_get_for_user(user=request.user, code=code)
        try:
            message = self.act(request, plan, **kwargs)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            if message:
                messages.success(request, message)
        return HttpResponseRedirect(self.next_url(plan, **kwargs))


def printable_plan(request: HttpRequest, code: str) -> Plan:
    """Return the plan if the user may print its records: 404 outside their scope, 403 for a
    reader who does not run it."""
    plan = plan_get_for_user(user=request.user, code=code)
    if not can_print(request.user, plan):
        raise PermissionDenied
    return plan
