import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from sathach.audit.db import triggers_disabled
from sathach.audit.models import AuditEvent
from sathach.audit.services import audit_record, audit_verify

pytestmark = pytest.mark.django_db


def _record(n: int) -> list[AuditEvent]:
    return [audit_record(actor=None, action="test.event", data={"i": i}) for i in range(n)]


def test_intact_chain_verifies_and_counts_events(capsys):
    _record(5)
    report = audit_verify()
    assert report.ok and report.count == 5
    call_command("audit", "verify")
    assert "5 sự kiện" in capsys.readouterr().out


def test_edited_event_is_named_by_verify():
    events = _record(5)
    with triggers_disabled():
        AuditEvent.objects.filter(pk=events[2].pk).update(data={"i": 99})
    report = audit_verify()
    assert not report.ok
    assert report.bad_seq == 3
    assert "edited" in report.reason
    with pytest.raises(CommandError) as exc:
        call_command("audit", "verify")
    assert "#3" in str(exc.value)
    assert exc.value.returncode == 3


def test_deleted_event_is_named_by_verify():
    events = _record(5)
    with triggers_disabled():
        AuditEvent.objects.filter(pk=events[1].pk).delete()
    report = audit_verify()
    assert not report.ok
    assert report.bad_seq == 3  # the event after the gap is where the chain breaks
    assert "deleted" in report.reason


def test_deleted_last_event_breaks_nothing_before_it_but_count_drops():
    # Deleting the newest event leaves a valid shorter chain: the count reveals it, and the
    # next append would chain onto the remaining last event. Document the limit honestly.
    _record(3)
    with triggers_disabled():
        AuditEvent.objects.filter(seq=3).delete()
    report = audit_verify()
    assert report.ok and report.count == 2


def test_inserted_event_is_named_by_verify():
    events = _record(4)
    forged = AuditEvent(
        seq=events[-1].seq + 1,
        created_at=events[-1].created_at + dt.timedelta(seconds=1),
        action="test.forged",
        prev_hash="f" * 64,
        hash="e" * 64,
    )
    forged.save(force_insert=True)
    report = audit_verify()
    assert not report.ok
    assert report.bad_seq == 5
    assert "prev_hash" in report.reason


def test_event_inserted_in_the_middle_is_detected():
    events = _record(4)
    with triggers_disabled():
        # Make room by renumbering the last two events, then slip a forged one in.
        for event in reversed(events[2:]):
            AuditEvent.objects.filter(pk=event.pk).update(seq=event.seq + 1)
    AuditEvent(
        seq=3,
        created_at=events[1].created_at,
        action="test.forged",
        prev_hash=events[1].hash,
        hash="d" * 64,
    ).save(force_insert=True)
    report = audit_verify()
    assert not report.ok
    assert report.bad_seq == 3


def test_database_refuses_update_and_delete_of_audit_events():
    event = _record(1)[0]
    with pytest.raises(DatabaseError) as exc, transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="changed")
    assert "append-only" in str(exc.value)
    with pytest.raises(DatabaseError) as exc, transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert "append-only" in str(exc.value)
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE exists only on PostgreSQL")
def test_postgresql_trigger_refuses_truncate():
    _record(1)
    with pytest.raises(DatabaseError) as exc, transaction.atomic(), connection.cursor() as cur:
        cur.execute("TRUNCATE audit_auditevent")
    assert "append-only" in str(exc.value)
    assert AuditEvent.objects.count() == 1


def test_profile_is_recorded_on_the_event():
    event = audit_record(actor=None, action="test.decided", profile="TT22-2025@1")
    event.refresh_from_db()
    assert event.profile == "TT22-2025@1"
    assert audit_verify().ok
