"""Navigation by role, for base.html."""

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .constants import ROSTER_READ_ROLES, ROSTER_WRITE_ROLES, Role

# (label, url name, roles that see the entry; empty = everyone signed in)
NAV: list[tuple[Any, str, frozenset[str]]] = [
    (_("Trang chủ"), "core:home", frozenset()),
    (_("Cơ cấu tổ chức"), "org:unit-tree", ROSTER_READ_ROLES),
    (_("Danh sách công chức"), "org:person-list", ROSTER_READ_ROLES),
    (_("Nhập danh sách"), "org:roster-import", ROSTER_WRITE_ROLES),
    (_("Ngân hàng câu hỏi"), "bank:item-list", frozenset({Role.AUTHOR, Role.REVIEWER})),
    (_("Thẩm định câu hỏi"), "bank:review-queue", frozenset({Role.REVIEWER})),
    (
        _("Kế hoạch kiểm tra"),
        "plans:plan-list",
        frozenset({Role.ORGANISER, Role.UNIT_HR, Role.LEADER}),
    ),
    (
        _("Báo cáo kết quả"),
        "reports:index",
        frozenset({Role.ORGANISER, Role.UNIT_HR, Role.LEADER}),
    ),
    (_("Vào phòng thi"), "delivery:checkin", frozenset({Role.CANDIDATE})),
    (_("Coi thi"), "delivery:session-list", frozenset({Role.PROCTOR, Role.ORGANISER})),
    (
        _("Chấm thi"),
        "grading:home",
        frozenset({Role.CODER, Role.MARKER, Role.APPEALS, Role.ORGANISER}),
    ),
    (_("Hồ sơ của tôi"), "org:me", frozenset({Role.CANDIDATE})),
    (_("Nhật ký kiểm toán"), "audit:event-list", frozenset({Role.ADMIN})),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roles = user.role_codes()
    items = []
    for label, name, allowed in NAV:
        if allowed and not (roles & allowed):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:  # an app not installed in this deployment
            continue
        items.append({"label": label, "url": url, "active": request.path == url})
    role_labels = [Role(code).label for code in Role.values if code in roles]
    return {"nav_items": items, "nav_roles": role_labels}
