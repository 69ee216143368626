"""The guards of the rating workflow's steps: the state a step may start from, and the row
lock under which a step reads and changes an evaluation."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sathach.core.errors import ServiceError

from ..constants import Source, State
from ..models import AnnualEvaluation


def state_error(evaluation: AnnualEvaluation, action: str) -> ServiceError:
    return ServiceError(
        _("Phiếu đánh giá năm %(y)s của “%(p)s” đang ở bước “%(s)s”, không thể %(a)s.")
        % {
            "y": evaluation.year,
            "p": evaluation.person.full_name,
            "s": State(evaluation.state).label,
            "a": action,
        },
        code="bad_state",
    )


def require_state(evaluation: AnnualEvaluation, states: tuple[str, ...], action: str) -> None:
    if evaluation.source == Source.IMPORT:
        raise ServiceError(
            _("Xếp loại năm %(y)s của “%(p)s” được nhập từ tệp; không sửa trên phiếu.")
            % {"y": evaluation.year, "p": evaluation.person.full_name},
            code="imported",
        )
    if evaluation.state not in states:
        raise state_error(evaluation, action)


def locked(evaluation: AnnualEvaluation) -> AnnualEvaluation:
    """Return the evaluation re-read under a row lock (the state seen is the state changed)."""
    return (
        AnnualEvaluation.objects.select_for_update()
        .select_related("person__unit", "unit")
        .get(pk=evaluation.pk)
    )
