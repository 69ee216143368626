"""The JSON API under /api/v1/ (OpenAPI schema at /api/v1/openapi.json).

Session authentication with CSRF for the browser; every endpoint reads through selectors that
take the user, exactly as the pages do.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import django_auth

from sathach.bank.api import router as bank_router
from sathach.core.errors import ServiceError
from sathach.delivery.api import router as exam_router
from sathach.org.api import router as org_router

api = NinjaAPI(
    title="Sát Hạch API",
    version="1",
    urls_namespace="api",
    auth=django_auth,
)
api.add_router("/org/", org_router)
api.add_router("/bank/", bank_router)
api.add_router("/exam/", exam_router)


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return api.create_response(
        request, {"detail": exc.message, "code": exc.code, "basis": exc.basis}, status=400
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "Không có quyền."}, status=403)
