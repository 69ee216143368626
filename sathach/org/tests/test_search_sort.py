"""The roster list: diacritic-blind search, Vietnamese order across pages, constant queries."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from django.test import Client

from sathach.accounts.constants import Role
from sathach.core.testing import make_person, make_position, make_user

pytestmark = pytest.mark.django_db

LIST_PAGE = "/to-chuc/cong-chuc/"
LIST_API = "/api/v1/org/persons"
_ROW_NAME = re.compile(r'<td><a href="/to-chuc/cong-chuc/[^/"]+/">([^<]+)</a></td>')

# Given names in Vietnamese order, checked by hand: letters first (a < ă < â ... d < đ ...),
# a shorter word before a longer one it begins, tones last (ngang < ... < sắc < nặng).
GIVEN_IN_ORDER = [
    "An",
    "Anh",
    "Ánh",
    "Ân",
    "Bích",
    "Chi",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
]
FAMILY_IN_ORDER = ["Bùi", "Đặng", "Đỗ", "Hoàng", "Lê", "Ngô", "Nguyễn", "Phạm", "Trần", "Vũ"]


@pytest.fixture
def hr_client(province) -> Client:
    client = Client()
    client.force_login(make_user("hr", Role.UNIT_HR, province.unit_a))
    return client


@pytest.fixture
def named(province):
    """A few persons of unit A (and a namesake in unit B, who must never be found)."""
    return {
        "an": make_person("BTC-001", "Nguyễn Văn An", province.unit_a),
        "anh": make_person("BTC-002", "Nguyễn Văn Anh", province.dept_a),
        "duc": make_person("BTC-003", "Đỗ Đức", province.unit_a),
        "tho": make_person("BTC-004", "Lê Đức Thọ", province.dept_a),
        "anh_tran": make_person("BTC-005", "Trần Thị Ánh", province.unit_a),
        "an_b": make_person("SNV-001", "Nguyễn Văn An", province.unit_b),
    }


def api_names(client: Client, **params: str) -> list[str]:
    response = client.get(LIST_API, params)
    assert response.status_code == 200
    return [p["full_name"] for p in response.json()["items"]]


def api_codes(client: Client, **params: str) -> list[str]:
    return [p["code"] for p in client.get(LIST_API, params).json()["items"]]


def page_names(client: Client, **params: str) -> list[str]:
    response = client.get(LIST_PAGE, params)
    assert response.status_code == 200
    return _ROW_NAME.findall(response.content.decode())


# --- Search ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query",
    [
        "nguyen van an",
        "NGUYỄN VĂN AN",
        "Nguyễn Văn An",
        unicodedata.normalize("NFD", "nguyễn văn an"),
        "  nguyen   van an ",
    ],
)
def test_search_ignores_diacritics_case_and_spacing(hr_client, named, query):
    expected = ["Nguyễn Văn An", "Nguyễn Văn Anh"]
    assert api_names(hr_client, q=query) == expected
    assert page_names(hr_client, q=query) == expected
    assert api_codes(hr_client, q=query) == ["BTC-001", "BTC-002"]  # never unit B's namesake


def test_search_for_a_family_name_in_capitals_finds_the_person(hr_client, named):
    assert api_names(hr_client, q="NGUYỄN") == ["Nguyễn Văn An", "Nguyễn Văn Anh"]
    assert page_names(hr_client, q="NGUYỄN") == ["Nguyễn Văn An", "Nguyễn Văn Anh"]


@pytest.mark.parametrize("query", ["đức", "duc", "ĐỨC", "Duc"])
def test_search_for_duc_with_or_without_marks_finds_do_duc(hr_client, named, query):
    assert api_names(hr_client, q=query) == ["Đỗ Đức", "Lê Đức Thọ"]
    assert page_names(hr_client, q=query) == ["Đỗ Đức", "Lê Đức Thọ"]


def test_search_words_may_come_in_any_order(hr_client, named):
    assert api_names(hr_client, q="duc do") == ["Đỗ Đức"]


def test_search_matches_the_person_code(hr_client, named):
    assert api_names(hr_client, q="btc-003") == ["Đỗ Đức"]


@pytest.mark.parametrize("query", ["%", "_", "an%", "x"])
def test_search_wildcards_are_plain_characters(hr_client, named, query):
    assert api_names(hr_client, q=query) == []
    response = hr_client.get(LIST_PAGE, {"q": query})
    assert "Không tìm thấy công chức nào." in response.content.decode()


def test_search_within_a_unit_filter(hr_client, named):
    assert api_names(hr_client, q="nguyen", unit="BTC-P1") == ["Nguyễn Văn Anh"]
    assert page_names(hr_client, q="nguyen", unit="BTC-P1") == ["Nguyễn Văn Anh"]


def test_search_box_keeps_the_query(hr_client, named):
    html = hr_client.get(LIST_PAGE, {"q": "nguyễn văn an"}).content.decode()
    assert 'value="nguyễn văn an"' in html


# --- Order -------------------------------------------------------------------------------------
def _make_120(province) -> list[str]:
    """Create 120 persons in random code order; return their names in Vietnamese order."""
    expected = [f"{family} Văn {given}" for given in GIVEN_IN_ORDER for family in FAMILY_IN_ORDER]
    shuffled = random.Random(212).sample(expected, len(expected))
    for i, name in enumerate(shuffled):
        unit = province.unit_a if i % 3 else province.dept_a
        make_person(f"CC-{i:04d}", name, unit)
    return expected


def test_api_lists_the_roster_in_vietnamese_order_across_pages(hr_client, province):
    expected = _make_120(province)
    first = hr_client.get(LIST_API).json()
    assert first["count"] == 120 and len(first["items"]) == 50
    names = [api_names(hr_client, page=str(n)) for n in (1, 2, 3)]
    assert [len(n) for n in names] == [50, 50, 20]
    assert names[0] + names[1] + names[2] == expected


def test_page_lists_the_roster_in_vietnamese_order_across_pages(hr_client, province):
    expected = _make_120(province)
    names = [page_names(hr_client, page=str(n)) for n in (1, 2, 3)]
    assert [len(n) for n in names] == [50, 50, 20]
    assert names[0] + names[1] + names[2] == expected
    assert "Trang 2 / 3 · 120 bản ghi" in hr_client.get(LIST_PAGE, {"page": "2"}).content.decode()


def test_namesakes_are_ordered_by_code(hr_client, province):
    make_person("CC-0002", "Nguyễn Văn An", province.unit_a)
    make_person("CC-0001", "Nguyễn Văn An", province.dept_a)
    assert api_codes(hr_client) == ["CC-0001", "CC-0002"]


# --- Query counts (STYLE habit 9) --------------------------------------------------------------
def _make_many(province, n: int) -> None:
    position = make_position("VT-01", "Chuyên viên tổ chức cán bộ")
    for i in range(n):
        unit = province.unit_a if i % 2 else province.dept_a
        make_person(f"QC-{i:03d}", f"Nguyễn Văn Số {i}", unit, position=position if i % 3 else None)


# Session, user, the user's roster scope, the user's roles, the count, one page of persons
# (unit, rank and position joined).
LIST_QUERIES = 6


@pytest.mark.parametrize("n_persons", [3, 60])
def test_list_page_uses_a_constant_number_of_queries(
    hr_client, province, n_persons, django_assert_num_queries
):
    _make_many(province, n_persons)
    with django_assert_num_queries(LIST_QUERIES):
        response = hr_client.get(LIST_PAGE)
    assert len(_ROW_NAME.findall(response.content.decode())) == min(n_persons, 50)


@pytest.mark.parametrize("n_persons", [3, 60])
def test_list_api_uses_a_constant_number_of_queries(
    hr_client, province, n_persons, django_assert_num_queries
):
    _make_many(province, n_persons)
    with django_assert_num_queries(LIST_QUERIES):
        response = hr_client.get(LIST_API)
    assert len(response.json()["items"]) == min(n_persons, 50)


@pytest.mark.parametrize("n_persons", [3, 60])
def test_unit_filtered_list_uses_a_constant_number_of_queries(
    hr_client, province, n_persons, django_assert_num_queries
):
    _make_many(province, n_persons)
    # Two more: the unit named in the filter, looked up within the user's scope (which reads
    # the scope a second time).
    with django_assert_num_queries(LIST_QUERIES + 2):
        response = hr_client.get(LIST_API, {"unit": "BTC"})
    assert len(response.json()["items"]) == min(n_persons, 50)
