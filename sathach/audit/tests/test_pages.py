import pytest
from django.db import transaction
from django.test import Client

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.audit.services import audit_record
from sathach.core.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def test_admin_reads_the_audit_log_newest_first_and_filters(province):
    admin = make_user("quantri", Role.ADMIN, province.root)
    audit_record(actor=admin, action="org.unit_create", data={"code": "X1"})
    audit_record(actor=admin, action="bank.item_create", data={"topic": "KTC"})
    client = _client(admin)
    html = client.get("/nhat-ky/").content.decode()
    assert html.index("bank.item_create") < html.index("org.unit_create")
    filtered = client.get("/nhat-ky/", {"action": "org."}).content.decode()
    assert "org.unit_create" in filtered and "bank.item_create" not in filtered


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.ADMIN])
def test_only_admins_read_the_audit_log(province, role):
    user = make_user(f"u-{role}", role, province.root)
    assert _client(user).get("/nhat-ky/").status_code == 403


def test_audit_event_rolls_back_with_the_write_it_records(province):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=None, action="org.unit_create", data={"code": "X2"})
        raise RuntimeError("the write failed after its event was recorded")
    assert AuditEvent.objects.count() == before
