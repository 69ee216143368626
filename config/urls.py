from django.urls import include, path

from .api import api

urlpatterns = [
    path("", include("sathach.core.urls")),
    path("tai-khoan/", include("sathach.accounts.urls")),
    path("to-chuc/", include("sathach.org.urls")),
    path("nhat-ky/", include("sathach.audit.urls")),
    path("ngan-hang/", include("sathach.bank.urls")),
    path("ke-hoach/", include("sathach.plans.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
