import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sathach.bank.constants import TopicRole, VersionState
from sathach.bank.models import Item
from sathach.bank.testing import make_bank_user, make_topic, tiny_png
from sathach.core.testing import TEST_PASSWORD

pytestmark = pytest.mark.django_db

PNG = tiny_png()


@pytest.fixture
def author(province):
    topic = make_topic("KTC", "Kiến thức chung")
    user = make_bank_user("tacgia", TopicRole.AUTHOR, topic, unit=province.unit_a)
    client = Client()
    client.login(username="tacgia", password=TEST_PASSWORD)
    return client, topic, user


def _form(**extra):
    data = {
        "topic": "KTC",
        "kind": "single",
        "difficulty": "easy",
        "points": "1",
        "stem": "Cơ quan nào là cơ quan quyền lực nhà nước cao nhất?",
        "option_A": "Quốc hội",
        "option_B": "Chính phủ",
        "option_C": "Tòa án nhân dân tối cao",
        "option_D": "Chủ tịch nước",
        "correct": ["A"],
        "shuffle": "on",
        "source": "Hiến pháp 2013, Điều 69",
    }
    data.update(extra)
    return data


def test_author_creates_single_choice_item_with_image(author):
    client, _topic, user = author
    image = SimpleUploadedFile("so-do.png", PNG, content_type="image/png")
    response = client.post("/ngan-hang/cau-hoi/moi/", _form(image=image))
    assert response.status_code == 302
    item = Item.objects.get()
    version = item.current
    assert version.state == VersionState.DRAFT and version.author == user
    assert 'src="asset:so-do.png"' in version.stem
    assert [o["correct"] for o in version.content["options"]] == [True, False, False, False]
    detail = client.get(response["Location"]).content.decode()
    sha = version.assets.get().sha256
    assert f"/ngan-hang/tep/{sha}/" in detail


def test_key_pointing_to_empty_option_is_refused_with_message(author):
    client, _topic, _user = author
    response = client.post("/ngan-hang/cau-hoi/moi/", _form(option_D="", correct=["D"]))
    assert response.status_code == 400
    assert "Đáp án D trỏ tới phương án để trống." in response.content.decode()
    assert Item.objects.count() == 0


def test_preview_shows_the_candidate_view_without_the_key(author):
    client, _topic, _user = author
    response = client.post("/ngan-hang/xem-truoc/", _form())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cơ quan nào là cơ quan quyền lực" in html and "Quốc hội" in html
    assert "đáp án" not in html.lower()


def test_preview_inlines_a_new_upload(author):
    client, _topic, _user = author
    image = SimpleUploadedFile("h.png", PNG, content_type="image/png")
    html = client.post("/ngan-hang/xem-truoc/", _form(image=image)).content.decode()
    assert 'src="data:image/png;base64,' in html


def test_submit_is_post_only_and_moves_to_review(author):
    client, _topic, _user = author
    client.post("/ngan-hang/cau-hoi/moi/", _form())
    item = Item.objects.get()
    assert client.get(f"/ngan-hang/cau-hoi/{item.pk}/gui-tham-dinh/").status_code == 405
    client.post(f"/ngan-hang/cau-hoi/{item.pk}/gui-tham-dinh/")
    item.refresh_from_db()
    assert item.current.state == VersionState.SUBMITTED
