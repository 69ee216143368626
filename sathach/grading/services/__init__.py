"""Every write of the grading app, one module per concern.

Import from here: ``from sathach.grading.services import mark_submit``.
"""

from ..selectors import remark_is_settled
from .appeals import (
    appeal_applied_record,
    appeal_file,
    appeal_refusal,
    appeal_reject,
    appeal_remark_open,
)
from .assignment import eligible_markers, markers_assign
from .common import access_record, marking_rules
from .guide import guide_set
from .marking import mark_agree, mark_submit, remark_decide, script_decide
from .panel import (
    examiner_refusal,
    examiners_for,
    expected_examiners,
    panel_close,
    panel_decide,
    panel_examiners,
    panel_rules,
    panel_score_submit,
    rubric_set,
)
from .remarks import remark_chair_decide, remark_meeting_record, remark_open
from .scripts import (
    scan_remove,
    scan_upload,
    script_absent,
    scripts_code,
    scripts_collect,
    scripts_rematch,
)

__all__ = [
    "access_record",
    "appeal_applied_record",
    "appeal_file",
    "appeal_refusal",
    "appeal_reject",
    "appeal_remark_open",
    "examiner_refusal",
    "examiners_for",
    "expected_examiners",
    "panel_close",
    "panel_decide",
    "panel_examiners",
    "panel_rules",
    "panel_score_submit",
    "rubric_set",
    "eligible_markers",
    "guide_set",
    "mark_agree",
    "mark_submit",
    "markers_assign",
    "marking_rules",
    "remark_chair_decide",
    "remark_decide",
    "remark_is_settled",
    "remark_meeting_record",
    "remark_open",
    "scan_remove",
    "scan_upload",
    "script_absent",
    "scripts_code",
    "scripts_collect",
    "scripts_rematch",
    "script_decide",
]
