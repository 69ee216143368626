from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of DESIGN.md §1."""

    ADMIN = "admin", _("Quản trị hệ thống")
    ORGANISER = "organiser", _("Cán bộ Ban Tổ chức / Sở Nội vụ")
    UNIT_HR = "unit_hr", _("Cán bộ tổ chức của cơ quan")
    AUTHOR = "author", _("Người ra đề")
    REVIEWER = "reviewer", _("Người thẩm định đề")
    PROCTOR = "proctor", _("Giám thị")
    CODER = "coder", _("Ban phách")
    MARKER = "marker", _("Giám khảo")
    APPEALS = "appeals", _("Ban phúc khảo")
    LEADER = "leader", _("Lãnh đạo")
    CANDIDATE = "candidate", _("Người dự kiểm tra")


# Who may read the roster (persons) of the unit subtree their assignment names. Exam-side roles
# (author, reviewer, proctor, coder, marker, appeals) never browse the roster: an author cannot
# see who sits and a marker never sees names (DESIGN §1). A candidate sees only their own record.
ROSTER_READ_ROLES = frozenset({Role.ADMIN, Role.ORGANISER, Role.UNIT_HR, Role.LEADER})
# Who may import, edit and export the roster of their subtree.
ROSTER_WRITE_ROLES = frozenset({Role.ORGANISER, Role.UNIT_HR})
