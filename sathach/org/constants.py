from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    BLOCK = "block", _("Khối")
    AGENCY = "agency", _("Cơ quan")
    DEPARTMENT = "department", _("Phòng, ban")
    DISTRICT = "district", _("Huyện (trước 1/7/2025)")
    COMMUNE = "commune", _("Xã, phường")


class UnitLevel(models.TextChoices):
    """Administrative level. Districts were abolished on 1/7/2025 (two-tier local government),
    but past data still carries them (domain.md §5)."""

    PROVINCE = "tinh", _("Cấp tỉnh")
    DISTRICT = "huyen", _("Cấp huyện")
    COMMUNE = "xa", _("Cấp xã")


class Block(models.TextChoices):
    """The four blocks whose civil servants Plan 212-KH/TU tested (domain.md §6)."""

    PARTY = "party", _("Khối Đảng")
    STATE = "state", _("Khối Chính quyền")
    FRONT = "front", _("Mặt trận Tổ quốc")
    MASS = "mass", _("Các tổ chức chính trị - xã hội")


class Gender(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")


class Relation(models.TextChoices):
    """Declared relatives that block council and board duties (domain.md §1.1)."""

    PARENT = "parent", _("Cha, mẹ")
    SIBLING = "sibling", _("Anh, chị, em ruột")
    SPOUSE = "spouse", _("Vợ, chồng")
    CHILD = "child", _("Con")
    SPOUSE_PARENT = "spouse_parent", _("Cha, mẹ của vợ/chồng")
    SPOUSE_SIBLING = "spouse_sibling", _("Anh, chị, em ruột của vợ/chồng")


# What a relation looks like from the other person's side.
INVERSE_RELATION = {
    Relation.PARENT: Relation.CHILD,
    Relation.CHILD: Relation.PARENT,
    Relation.SIBLING: Relation.SIBLING,
    Relation.SPOUSE: Relation.SPOUSE,
    Relation.SPOUSE_PARENT: Relation.CHILD,  # a child-in-law; still a declared conflict
    Relation.SPOUSE_SIBLING: Relation.SPOUSE_SIBLING,
}


# Administrative ranks (ngạch) of domain.md §5 (TT 2/2021/TT-BNV): code, name, salary group.
# Only 01.003 is confirmed by a public source; the others follow the same circular and are
# marked unverified in domain.md. Seeded by migration 0002 and after every migrate or flush.
RANKS = (
    ("01.001", "Chuyên viên cao cấp", "A3.1"),
    ("01.002", "Chuyên viên chính", "A2.1"),
    ("01.003", "Chuyên viên", "A1"),
    ("01.004", "Cán sự", "A0"),
    ("01.005", "Nhân viên", "B"),
    ("02.006", "Văn thư viên chính", "A2.1"),
    ("02.007", "Văn thư viên", "A1"),
    ("02.008", "Văn thư viên trung cấp", "B"),
    ("04.023", "Thanh tra viên cao cấp", "A3.1"),
    ("04.024", "Thanh tra viên chính", "A2.1"),
    ("04.025", "Thanh tra viên", "A1"),
    ("06.029", "Kế toán viên cao cấp", "A3.1"),
    ("06.030", "Kế toán viên chính", "A2.1"),
    ("06.031", "Kế toán viên", "A1"),
    ("06.032", "Kế toán viên trung cấp", "A0"),
)
