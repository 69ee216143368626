import pytest

from sathach.bank.constants import VersionState
from sathach.bank.models import Item, ItemHistory, TopicAssignment
from sathach.bank.selectors import item_list
from sathach.demo.bank_seed import bank_exists, bank_seed
from sathach.demo.province import province_generate, province_write

pytestmark = pytest.mark.django_db


def test_demo_bank_is_approved_by_a_reviewer_who_did_not_write_it():
    province_write(province_generate(seed=7, scale=0.02))
    counts = bank_seed(seed=7)
    assert counts["items"] >= 600 and bank_exists()
    assert not Item.objects.exclude(current__state=VersionState.APPROVED).exists()
    assert not Item.objects.filter(approved__isnull=True).exists()
    approvals = ItemHistory.objects.filter(action="approve").select_related("actor", "item")
    assert approvals.count() == counts["items"]
    assert all(h.actor.username == "thamdinh" != h.item.created_by.username for h in approvals)
    assert set(Item.objects.values_list("kind", flat=True)) == {
        "single",
        "multiple",
        "true_false",
        "short_text",
        "numeric",
        "essay",
    }
    assert Item.objects.filter(positions__isnull=False).distinct().count() > 100


def test_demo_author_and_reviewer_see_the_bank():
    province_write(province_generate(seed=7, scale=0.02))
    counts = bank_seed(seed=7)
    author = TopicAssignment.objects.get(user__username="radethi", topic__code="KTC").user
    assert item_list(user=author).count() == counts["items"]
