from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.cache import never_cache

from sathach.audit.services import audit_record

from .forms import LoginForm
from .services import LoginRefusedError, client_ip, login_attempt


@method_decorator(never_cache, name="dispatch")
class LoginView(View):
    template_name = "accounts/login.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            return HttpResponseRedirect(reverse("core:home"))
        return render(request, self.template_name, {"form": LoginForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = LoginForm(request.POST)
        if form.is_valid():
            try:
                user = login_attempt(
                    request=request,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                )
            except LoginRefusedError as exc:
                form.add_error(None, exc.message)
            else:
                login(request, user)
                target = request.POST.get("next") or request.GET.get("next") or ""
                if not url_has_allowed_host_and_scheme(
                    target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
                ):
                    target = reverse("core:home")
                return HttpResponseRedirect(target)
        return render(request, self.template_name, {"form": form}, status=200)


class LogoutView(View):
    """Sign out (POST only, so a link on another site cannot sign a user out)."""

    def post(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            audit_record(
                actor=request.user,
                action="accounts.logout",
                target=request.user,
                ip=client_ip(request),
            )
        logout(request)
        return HttpResponseRedirect(reverse("accounts:login"))
