"""Seed the administrative ranks (ngạch) of domain.md §5 (TT 2/2021/TT-BNV).

Only 01.003 is confirmed by a public source; the others follow the same circular and are
marked unverified in domain.md. Ranks are data: an organiser can add or retire one.
"""

from django.db import migrations

RANKS = [
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
]


def seed(apps, schema_editor):
    Rank = apps.get_model("org", "Rank")
    for code, name, group in RANKS:
        Rank.objects.update_or_create(code=code, defaults={"name": name, "salary_group": group})


def unseed(apps, schema_editor):
    Rank = apps.get_model("org", "Rank")
    Rank.objects.filter(code__in=[c for c, _, _ in RANKS], persons__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
