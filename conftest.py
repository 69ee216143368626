"""Suite-wide test set-up."""

import os

import pytest
from hypothesis import settings

# In CI (CI=true), Hypothesis runs a fixed set of examples so that a run is reproducible and a
# new random find cannot fail an unrelated submission; locally it explores afresh every run.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

pytest_plugins = ["sathach.core.pytest_browser"]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True, scope="session")
def _flush_keeps_audit_triggers():
    """Let table flushes between transactional tests clear the append-only audit table.

    Flushing is a test-suite operation (never run by the application); the triggers are
    dropped for the flush and reinstalled at once.
    """
    from django.db.backends.base.operations import BaseDatabaseOperations

    from sathach.audit.db import triggers_disabled

    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):  # type: ignore[no-untyped-def]
        with triggers_disabled(self.connection):
            return original(self, sql_list)

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    BaseDatabaseOperations.execute_sql_flush = original


@pytest.fixture
def province(db):
    from sathach.core.testing import make_province

    return make_province()


@pytest.fixture(autouse=True)
def _vietnamese():
    """Messages are compared in Vietnamese, whatever language an earlier test left active."""
    from django.utils import translation

    with translation.override("vi"):
        yield
