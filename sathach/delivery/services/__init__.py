"""Writes of the delivery app (STYLE.md: every write is a service)."""

from .candidate import (
    Saved,
    answer_save,
    attempt_check_in,
    attempt_start,
    attempt_submit,
    attempts_expire,
    check_writable,
    ledger_lines,
)
from .opening import sitting_open
from .proctoring import (
    attempt_admit_late,
    attempt_allow_device_change,
    attempt_extend,
    attempt_pause,
    attempt_resume,
    attempt_void,
    incident_record,
    room_close,
    room_extend,
    room_pause,
    room_resume,
    room_start,
)
from .scoring import AttemptScore, attempt_score, sanction_effect, score_after_sanctions

__all__ = [
    "AttemptScore",
    "Saved",
    "answer_save",
    "attempt_admit_late",
    "attempt_allow_device_change",
    "attempt_check_in",
    "attempt_extend",
    "attempt_pause",
    "attempt_resume",
    "attempt_score",
    "attempt_start",
    "attempt_submit",
    "attempt_void",
    "attempts_expire",
    "check_writable",
    "incident_record",
    "ledger_lines",
    "room_close",
    "room_extend",
    "room_pause",
    "room_resume",
    "room_start",
    "sanction_effect",
    "score_after_sanctions",
    "sitting_open",
]
