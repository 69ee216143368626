"""What every plans service shares: the write guard, state checks, the unit index."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.rules.profiles import RuleProfile
from sathach.org.constants import UnitKind
from sathach.org.models import Unit

from ..constants import BASIS_SUPERVISION, PlanStatus
from ..models import Plan
from ..permissions import plan_permissions

# Units that are an agency for seating: the nearest of these above a person's unit.
AGENCY_KINDS = frozenset({UnitKind.AGENCY, UnitKind.COMMUNE, UnitKind.DISTRICT})


def require_write(actor: Any, plan: Plan) -> None:
    """Refuse unless ``actor`` may change ``plan``; ``None`` is the system (commands, seeds)."""
    if actor is None:
        return
    access = plan_permissions(actor, plan)
    if access.write:
        return
    if access.supervisor:
        # domain.md §4.6: the supervisory board has read-only access.
        raise PermissionDeniedError(
            _("Thành viên Ban giám sát chỉ được xem kế hoạch, không được thay đổi."),
            code="supervision_read_only",
            basis=BASIS_SUPERVISION,
        )
    raise PermissionDeniedError(
        _("Bạn không có quyền thay đổi kế hoạch “%(c)s”.") % {"c": plan.code}
    )


def require_status(plan: Plan, allowed: Iterable[str], what: str) -> None:
    """Refuse unless ``plan`` is in one of the ``allowed`` states; ``what`` names the change."""
    if plan.status not in set(allowed):
        raise ServiceError(
            _("Kế hoạch “%(c)s” đang ở trạng thái “%(s)s”: không thể %(w)s.")
            % {"c": plan.code, "s": plan.get_status_display(), "w": what},
            code="plan_state",
        )


OPEN = (PlanStatus.DRAFT, PlanStatus.PUBLISHED)


def exam_profile(plan: Plan) -> RuleProfile:
    """Return the plan's pinned exam rule profile."""
    return profiles.get(plan.exam_profile)


def clean_reason(reason: str, message: str) -> str:
    """Return ``reason`` stripped, or refuse with ``message`` when it is empty."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ServiceError(message, code="reason_required")
    return reason


ModelT = TypeVar("ModelT", bound=Model)


def checked(obj: ModelT) -> ModelT:
    """Run ``full_clean`` on ``obj``; a refusal becomes a ServiceError naming every problem."""
    try:
        obj.full_clean()
    except ValidationError as exc:
        messages = [str(m) for m in exc.messages]
        raise ServiceError(" ".join(messages), code="invalid") from exc
    return obj


def person_label(person: Any) -> str:
    return f"{person.full_name} ({person.code})"


@dataclass(frozen=True)
class UnitInfo:
    id: int
    parent_id: int | None
    kind: str
    level: str
    block: str


class UnitIndex:
    """Every unit, to find a unit's agency and block without a query per person."""

    def __init__(self, units: Iterable[UnitInfo]) -> None:
        self.by_id = {u.id: u for u in units}

    @classmethod
    def load(cls) -> UnitIndex:
        fields = ("id", "parent_id", "kind", "level", "block")
        return cls(UnitInfo(*row) for row in Unit.objects.values_list(*fields))

    def _chain(self, unit_id: int) -> Iterable[UnitInfo]:
        current = self.by_id.get(unit_id)
        while current is not None:
            yield current
            current = self.by_id.get(current.parent_id) if current.parent_id else None

    def agency_of(self, unit_id: int) -> int:
        """Return the id of the agency (or commune) the unit belongs to, else the unit's own."""
        for unit in self._chain(unit_id):
            if unit.kind in AGENCY_KINDS:
                return unit.id
        return unit_id

    def block_of(self, unit_id: int) -> str:
        """Return the block of the unit, or of its nearest ancestor that has one."""
        for unit in self._chain(unit_id):
            if unit.block:
                return unit.block
        return ""
