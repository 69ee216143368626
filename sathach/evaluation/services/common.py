"""What the evaluation services share: scope checks, profile look-ups, validation."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.text import nfc
from sathach.org.models import Person, Unit

from ..constants import Level
from ..permissions import can_write_unit


def require_unit_write(actor: Any, unit: Unit) -> None:
    """Refuse unless ``actor`` may write in ``unit`` (None is the system: every unit)."""
    if actor is not None and not can_write_unit(actor, unit):
        raise PermissionDeniedError(
            _("Bạn không có quyền ghi đánh giá của đơn vị “%(u)s”.") % {"u": unit.code}
        )


def require_person_write(actor: Any, person: Person) -> None:
    if actor is not None and not can_write_unit(actor, person.unit):
        raise PermissionDeniedError(
            _("Công chức “%(c)s” thuộc đơn vị ngoài phạm vi bạn được quản lý.") % {"c": person.code}
        )


def check_year(year: int) -> int:
    """Refuse a year not begun (a rating is of the current year at the latest)."""
    today = timezone.localdate()
    if not 2000 <= year <= today.year:
        raise ServiceError(
            _("Năm %(y)s không hợp lệ (từ 2000 đến %(max)s).") % {"y": year, "max": today.year},
            code="bad_year",
        )
    return year


def check_level(level: str, *, blank: bool = False) -> str:
    if (blank and level == "") or level in Level.values:
        return level
    raise ServiceError(_("Mức xếp loại “%(l)s” không hợp lệ.") % {"l": level}, code="bad_level")


def points(value: Decimal | float | int | str | None, maximum: Decimal, what: str) -> Decimal:
    """Return ``value`` as points with 2 decimals between 0 and ``maximum``, or refuse."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        number = Decimal("NaN")
    if number.is_nan() or not 0 <= number <= maximum or number != number.quantize(Decimal("0.01")):
        raise ServiceError(
            _("%(w)s phải từ 0 đến %(m)s, tối đa 2 chữ số thập phân.")
            % {"w": what, "m": f"{maximum.normalize():f}"},
            code="bad_points",
        )
    return number


def checked(obj: Model, exclude: list[str] | None = None) -> Model:
    """Run the model's own checks; refuse with their messages."""
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        messages = [m for ms in exc.message_dict.values() for m in ms]
        raise ServiceError(" ".join(messages), code="invalid") from exc
    return obj


def text(value: str) -> str:
    """Return user text trimmed and in NFC."""
    return nfc(value or "")
