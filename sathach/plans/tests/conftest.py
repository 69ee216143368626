import datetime as dt

import pytest

from sathach.accounts.constants import Role
from sathach.core.testing import make_person, make_user
from sathach.org.constants import Gender


@pytest.fixture
def organiser(province):
    return make_user("tochuc", Role.ORGANISER, province.root)


@pytest.fixture
def staff(province):
    """Civil servants of the mini province, named so that Vietnamese order is not code order.

    Party block (Ban Tổ chức and its department), State block (Sở Nội vụ), one commune.
    """
    people = {
        "an": make_person("CC001", "Lê Thị An", province.dept_a, gender=Gender.FEMALE),
        "anh": make_person("CC002", "Nguyễn Văn Ánh", province.unit_a),
        "bao": make_person("CC003", "Trần Đức Bảo", province.dept_a),
        "dat": make_person("CC004", "Phạm Văn Đạt", province.unit_b),
        "dung": make_person("CC005", "Hoàng Thị Dung", province.unit_b, gender=Gender.FEMALE),
        "xa": make_person("CC006", "Vi Văn Xã", province.commune),
        # Close to retirement: men retiring in 2026 are 61 years 6 months.
        "huu": make_person(
            "CC007", "Đặng Văn Hưu", province.dept_a, birth_date=dt.date(1965, 1, 20)
        ),
        # Recruited three months before the plan starts.
        "moi": make_person("CC008", "Bùi Thị Mới", province.unit_a, hired_on=dt.date(2025, 12, 1)),
    }
    for key in ("an", "anh", "bao", "dat", "dung", "xa", "huu"):
        people[key].hired_on = dt.date(2012, 8, 15)
        people[key].save(update_fields=["hired_on"])
    return people
