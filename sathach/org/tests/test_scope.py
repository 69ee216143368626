"""Scope: every role sees the roster of its own unit subtree at most, by page and by API.

A person outside the user's scope is a 404 (never a 403), so a user cannot even learn that the
person exists. Unit A is "BTC" (with its department "BTC-P1"), unit B is "SNV".
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from sathach.accounts.constants import ROSTER_READ_ROLES, Role
from sathach.accounts.models import RoleAssignment, User
from sathach.core.testing import MiniProvince, make_person, make_unit, make_user
from sathach.org.models import Person

pytestmark = pytest.mark.django_db

ALL_ROLES = list(Role)
READ_ROLES = sorted(ROSTER_READ_ROLES)
EXAM_ROLES = [Role.AUTHOR, Role.REVIEWER, Role.PROCTOR, Role.CODER, Role.MARKER, Role.APPEALS]
NOT_FOUND = {"detail": "Không tìm thấy."}


def test_the_roles_split_into_roster_readers_exam_side_and_candidate():
    # If a role is added or moved, the tests below must be looked at again.
    assert set(READ_ROLES) == {Role.ADMIN, Role.ORGANISER, Role.UNIT_HR, Role.LEADER}
    assert set(READ_ROLES) | set(EXAM_ROLES) | {Role.CANDIDATE} == set(Role)


@dataclass
class Roster:
    province: MiniProvince
    in_a: Person  # unit A
    in_dept_a: Person  # unit A's department
    in_b: Person  # unit B
    in_sibling: Person  # a unit whose code starts like unit A's ("BTC2")
    in_commune: Person


@pytest.fixture
def roster(province) -> Roster:
    sibling = make_unit("BTC2", "Ban Tuyên giáo Tỉnh ủy", province.party)
    return Roster(
        province=province,
        in_a=make_person("BTC-001", "Nguyễn Văn An", province.unit_a),
        in_dept_a=make_person("BTCP1-001", "Trần Thị Bình", province.dept_a),
        in_b=make_person("SNV-001", "Lê Văn Cường", province.unit_b),
        in_sibling=make_person("BTC2-001", "Phạm Thị Dung", sibling),
        in_commune=make_person("XA-001", "Hoàng Văn Em", province.commune),
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def user_in_unit_a(roster: Roster, role: str) -> User:
    return make_user(f"u-{role}", role, roster.province.unit_a)


def page(code: str) -> str:
    return f"/to-chuc/cong-chuc/{code}/"


def api(code: str) -> str:
    return f"/api/v1/org/persons/{code}"


def main_html(response) -> str:
    """Return the page's <main> (the header names the user's roles, e.g. "... / Sở Nội vụ")."""
    html = response.content.decode()
    return html[html.index('<main class="content">') : html.index("</main>")]


def list_codes(client: Client, **params: str) -> list[str]:
    response = client.get("/api/v1/org/persons", params)
    assert response.status_code == 200
    return [p["code"] for p in response.json()["items"]]


# --- One person --------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ALL_ROLES)
def test_person_of_another_unit_is_404_by_page_and_api_for_every_role(roster, role):
    client = client_for(user_in_unit_a(roster, role))
    for other in (roster.in_b, roster.in_sibling, roster.in_commune):
        assert client.get(page(other.code)).status_code == 404
        response = client.get(api(other.code))
        assert (response.status_code, response.json()) == (404, NOT_FOUND)


@pytest.mark.parametrize("role", READ_ROLES)
def test_roster_roles_read_persons_of_their_unit_and_its_departments(roster, role):
    client = client_for(user_in_unit_a(roster, role))
    for person in (roster.in_a, roster.in_dept_a):
        response = client.get(page(person.code))
        assert response.status_code == 200
        assert f"<h1>{person.full_name}</h1>" in response.content.decode()
        response = client.get(api(person.code))
        assert response.status_code == 200
        body = response.json()
        assert (body["code"], body["full_name"], body["unit_code"]) == (
            person.code,
            person.full_name,
            person.unit.code,
        )


@pytest.mark.parametrize("role", [*EXAM_ROLES, Role.CANDIDATE])
def test_exam_side_roles_and_candidates_get_404_even_in_their_own_unit(roster, role):
    client = client_for(user_in_unit_a(roster, role))
    for person in (roster.in_a, roster.in_dept_a):
        assert client.get(page(person.code)).status_code == 404
        assert client.get(api(person.code)).status_code == 404


def test_candidate_sees_only_their_own_record(roster):
    own = make_person("BTC-002", "Đỗ Đức", roster.province.unit_a)
    client = client_for(make_user("thisinh", Role.CANDIDATE, roster.province.unit_a, person=own))
    assert client.get(page(own.code)).status_code == 200
    assert client.get(api(own.code)).json()["code"] == own.code
    me = client.get("/to-chuc/ho-so-cua-toi/")
    assert me.status_code == 200 and "<h1>Đỗ Đức</h1>" in me.content.decode()
    for other in (roster.in_a, roster.in_dept_a, roster.in_b):
        assert client.get(page(other.code)).status_code == 404
        assert client.get(api(other.code)).status_code == 404
    assert list_codes(client) == [own.code]


def test_person_link_without_the_candidate_role_gives_no_access(roster):
    # User.person alone is not a grant: only the candidate role opens one's own record.
    own = make_person("BTC-002", "Đỗ Đức", roster.province.unit_a)
    client = client_for(make_user("nguoi-ra-de", Role.AUTHOR, roster.province.unit_a, person=own))
    assert client.get(page(own.code)).status_code == 404
    assert client.get(api(own.code)).status_code == 404
    assert client.get("/to-chuc/ho-so-cua-toi/").status_code == 404


def test_department_officer_cannot_read_the_parent_unit(roster):
    client = client_for(make_user("hr-phong", Role.UNIT_HR, roster.province.dept_a))
    assert client.get(page(roster.in_dept_a.code)).status_code == 200
    assert client.get(page(roster.in_a.code)).status_code == 404
    assert list_codes(client) == [roster.in_dept_a.code]


def test_revoked_role_gives_no_access(roster):
    user = user_in_unit_a(roster, Role.UNIT_HR)
    RoleAssignment.objects.filter(user=user).update(is_active=False)
    client = client_for(user)
    assert client.get(page(roster.in_a.code)).status_code == 404
    assert list_codes(client) == []


def test_province_organiser_reads_every_unit(roster):
    client = client_for(make_user("bantochuc", Role.ORGANISER, roster.province.root))
    assert sorted(list_codes(client)) == sorted(
        p.code
        for p in (roster.in_a, roster.in_dept_a, roster.in_b, roster.in_sibling, roster.in_commune)
    )


# --- Lists -------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ALL_ROLES)
def test_lists_never_include_persons_outside_the_users_units(roster, role):
    client = client_for(user_in_unit_a(roster, role))
    expected = [roster.in_a, roster.in_dept_a] if role in ROSTER_READ_ROLES else []
    assert sorted(list_codes(client)) == sorted(p.code for p in expected)
    response = client.get("/to-chuc/cong-chuc/")
    assert response.status_code == 200
    html = main_html(response)
    for person in expected:
        assert person.full_name in html and page(person.code) in html
    for outside in (roster.in_b, roster.in_sibling, roster.in_commune):
        assert outside.full_name not in html and outside.code not in html
    if not expected:
        assert "Không tìm thấy công chức nào." in html


@pytest.mark.parametrize("role", ALL_ROLES)
def test_unit_outside_scope_is_404_by_api_and_as_a_filter(roster, role):
    client = client_for(user_in_unit_a(roster, role))
    for code in ("SNV", "BTC2", "NA"):
        response = client.get(f"/api/v1/org/units/{code}")
        assert (response.status_code, response.json()) == (404, NOT_FOUND)
        assert client.get("/api/v1/org/persons", {"unit": code}).status_code == 404
        assert client.get("/to-chuc/cong-chuc/", {"unit": code}).status_code == 404


@pytest.mark.parametrize("role", READ_ROLES)
def test_units_of_the_users_subtree_are_listed_and_filter_the_roster(roster, role):
    client = client_for(user_in_unit_a(roster, role))
    response = client.get("/api/v1/org/units")
    assert [u["code"] for u in response.json()["items"]] == ["BTC", "BTC-P1"]
    assert client.get("/api/v1/org/units/BTC-P1").json()["parent_code"] == "BTC"
    assert list_codes(client, unit="BTC-P1") == [roster.in_dept_a.code]
    html = main_html(client.get("/to-chuc/cong-chuc/", {"unit": "BTC-P1"}))
    assert roster.in_dept_a.full_name in html and roster.in_a.full_name not in html


@pytest.mark.parametrize("role", READ_ROLES)
def test_unit_tree_shows_only_the_users_subtree(roster, role):
    client = client_for(user_in_unit_a(roster, role))
    response = client.get("/to-chuc/don-vi/")
    assert response.status_code == 200
    html = main_html(response)
    assert "Ban Tổ chức Tỉnh ủy" in html and "Phòng Tổ chức cán bộ" in html
    for outside in ("Sở Nội vụ", "Ban Tuyên giáo Tỉnh ủy", "Phường Vinh", "Khối Đảng"):
        assert outside not in html


def test_unit_tree_counts_the_serving_persons_of_each_unit(roster):
    make_person("BTC-009", "Vũ Văn Nghỉ", roster.province.unit_a, is_active=False)
    client = client_for(user_in_unit_a(roster, Role.UNIT_HR))
    html = main_html(client.get("/to-chuc/don-vi/"))
    assert '<span class="count">BTC · 1 người</span>' in html
    assert '<span class="count">BTC-P1 · 1 người</span>' in html
    assert list_codes(client, unit="BTC") == [roster.in_a.code, roster.in_dept_a.code]


@pytest.mark.parametrize("role", [*EXAM_ROLES, Role.CANDIDATE])
def test_unit_tree_is_404_for_roles_without_a_roster(roster, role):
    assert client_for(user_in_unit_a(roster, role)).get("/to-chuc/don-vi/").status_code == 404


# --- Anonymous ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "/to-chuc/cong-chuc/",
        "/to-chuc/cong-chuc/BTC-001/",
        "/to-chuc/don-vi/",
        "/to-chuc/ho-so-cua-toi/",
    ],
)
def test_anonymous_page_redirects_to_login(roster, url):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/tai-khoan/dang-nhap/?next={url}"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/org/persons",
        "/api/v1/org/persons/BTC-001",
        "/api/v1/org/units",
        "/api/v1/org/units/BTC",
    ],
)
def test_anonymous_api_is_401(roster, url):
    response = Client().get(url)
    assert (response.status_code, response.json()) == (401, {"detail": "Unauthorized"})
