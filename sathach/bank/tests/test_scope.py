"""Item content is exam content: only authors and reviewers of its topic may read it."""

import pytest
from django.test import Client

from sathach.accounts.constants import Role
from sathach.bank.constants import TopicRole
from sathach.bank.services import item_create
from sathach.bank.testing import make_bank_user, make_topic, single_choice, tiny_png
from sathach.core.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(province):
    ktc = make_topic("KTC", "Kiến thức chung")
    th = make_topic("TH", "Tin học")
    author_ktc = make_bank_user("tacgia.ktc", TopicRole.AUTHOR, ktc, unit=province.unit_a)
    author_th = make_bank_user("tacgia.th", TopicRole.AUTHOR, th, unit=province.unit_a)
    item_ktc = item_create(actor=author_ktc, topic=ktc, data=single_choice())
    item_th = item_create(
        actor=author_th, topic=th, data=single_choice(stem="Phím tắt sao chép trong Windows là gì?")
    )
    return {
        "ktc": ktc,
        "th": th,
        "author_ktc": author_ktc,
        "author_th": author_th,
        "item_ktc": item_ktc,
        "item_th": item_th,
    }


def _client(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def test_author_reads_items_of_own_topics_only_by_page_and_api(setting):
    client = _client(setting["author_ktc"])
    own, other = setting["item_ktc"].pk, setting["item_th"].pk
    assert client.get(f"/ngan-hang/cau-hoi/{own}/").status_code == 200
    assert client.get(f"/ngan-hang/cau-hoi/{other}/").status_code == 404
    assert client.get(f"/api/v1/bank/items/{own}").status_code == 200
    assert client.get(f"/api/v1/bank/items/{other}").status_code == 404
    listed = client.get("/api/v1/bank/items").json()
    assert [i["id"] for i in listed["items"]] == [own]
    page = client.get("/ngan-hang/").content.decode()
    assert "Hệ thống chính trị nước ta" in page and "Phím tắt sao chép" not in page


@pytest.mark.parametrize("role", [r for r in Role.values if r not in (Role.AUTHOR, Role.REVIEWER)])
def test_non_bank_roles_never_read_items(setting, province, role):
    user = make_user(f"u-{role}", role, province.root)
    client = _client(user)
    pk = setting["item_ktc"].pk
    assert client.get(f"/ngan-hang/cau-hoi/{pk}/").status_code == 404
    assert client.get("/ngan-hang/").status_code == 404
    assert client.get(f"/api/v1/bank/items/{pk}").status_code == 404
    assert client.get("/api/v1/bank/items").json()["items"] == []


def test_author_role_without_topic_assignment_sees_nothing(setting, province):
    user = make_user("tacgia.moi", Role.AUTHOR, province.unit_a)
    client = _client(user)
    assert client.get(f"/ngan-hang/cau-hoi/{setting['item_ktc'].pk}/").status_code == 404
    assert client.get("/api/v1/bank/items").json()["items"] == []


def test_anonymous_is_sent_to_login_and_api_refuses(setting):
    client = Client()
    response = client.get(f"/ngan-hang/cau-hoi/{setting['item_ktc'].pk}/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
    assert client.get("/api/v1/bank/items").status_code == 401


def test_asset_is_served_only_to_readers_of_an_item_using_it(setting):
    from sathach.lib.formats.items import AssetData

    png = tiny_png()
    data = single_choice(stem='Sơ đồ <img src="asset:so-do.png"> thể hiện gì?')
    data.assets = [AssetData("so-do.png", "image/png", png)]
    item = item_create(actor=setting["author_ktc"], topic=setting["ktc"], data=data)
    sha = item.current.assets.get().sha256
    response = _client(setting["author_ktc"]).get(f"/ngan-hang/tep/{sha}/")
    assert response.status_code == 200 and response.content == png
    assert _client(setting["author_th"]).get(f"/ngan-hang/tep/{sha}/").status_code == 404
