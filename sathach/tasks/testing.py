"""Test helpers: run the queued background jobs in this process, as the worker would."""

from __future__ import annotations

from django.core.management import call_command


def run_jobs() -> None:
    """Run every queued job to its end (``sathach worker --batch``).

    Call it from a test that commits (``transactional_db``): the worker reads the queue
    outside the test's transaction, as a separate worker process would.
    """
    call_command("worker", "--batch", "--interval", "0", verbosity=0)
