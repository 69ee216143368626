from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel

from .constants import Role


class User(AbstractUser):
    """A person who signs in. Roles come from ``RoleAssignment`` rows, never from flags."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    # The civil servant this account belongs to (candidates; staff who are also on the roster).
    person = models.OneToOneField(
        "org.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        verbose_name=_("công chức"),
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    def role_codes(self) -> set[str]:
        """Return the codes of the roles this user holds (cached per instance)."""
        if not hasattr(self, "_role_codes"):
            self._role_codes = set(
                self.role_assignments.filter(is_active=True).values_list("role", flat=True)
            )
        return self._role_codes

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_codes() & set(roles))


class RoleAssignment(TimeStampedModel):
    """A role held by a user, scoped to a unit subtree or to a plan (DESIGN §1)."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("người dùng"),
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phạm vi đơn vị"),
    )
    # A plan-scoped role (e.g. marker of one plan). The plans app owns the plan table and comes
    # after accounts in the dependency order, so the link is by id, checked by that app.
    plan_id = models.BigIntegerField(_("phạm vi kế hoạch"), null=True, blank=True)
    is_active = models.BooleanField(_("đang hiệu lực"), default=True)

    class Meta:
        verbose_name = _("phân công vai trò")
        verbose_name_plural = _("phân công vai trò")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False)
                | models.Q(plan_id__isnull=False)
                | models.Q(role=Role.CANDIDATE),
                name="role_assignment_has_scope",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "unit", "plan_id"], name="role_assignment_unique"
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit or (f"kế hoạch #{self.plan_id}" if self.plan_id else "")
        return f"{self.user} — {self.get_role_display()} — {scope}"


class LoginThrottle(models.Model):
    """Failed sign-ins per user name (existing or not), for the lock-out."""

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.username}: {self.failures}"
