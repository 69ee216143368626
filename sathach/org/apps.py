from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ranks_ensure(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Put the official ranks back after migrate or a table flush (as contenttypes does)."""
    from .constants import RANKS
    from .models import Rank

    existing = set(Rank.objects.using(using).values_list("code", flat=True))
    Rank.objects.using(using).bulk_create(
        [Rank(code=c, name=n, salary_group=g) for c, n, g in RANKS if c not in existing]
    )


class OrgConfig(AppConfig):
    name = "sathach.org"
    label = "org"
    verbose_name = "Tổ chức và nhân sự"

    def ready(self) -> None:
        post_migrate.connect(_ranks_ensure, sender=self, dispatch_uid="org_ranks_ensure")
