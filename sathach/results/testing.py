"""Test helpers for results (also for the apps after it: appeals, reports): a sat exam.

``sit`` lets candidates of ``sathach.delivery.testing.make_exam`` check in, answer and submit
through the delivery services, then closes the room; ``make_sat_exam`` is the usual case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sathach.bank.models import ItemVersion
from sathach.delivery.models import Attempt
from sathach.delivery.services import (
    answer_save,
    attempt_check_in,
    attempt_start,
    attempt_submit,
    room_close,
    room_start,
)
from sathach.delivery.testing import Exam, key_answer, make_exam

T0 = dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC)  # 08:00 in Hà Nội, the sitting's start
MINUTE = dt.timedelta(minutes=1)


def sit(exam: Exam, right: Mapping[int, int | None], *, close: bool = True) -> list[Attempt]:
    """Let the candidates at the indexes of ``right`` sit: each answers the first ``right[i]``
    items of their form with the key (None: all of them), leaves the rest blank and submits.
    The others never check in. The room is then closed (they become absent) unless not
    ``close``."""
    attempts = exam.attempts()
    checked = {
        i: attempt_check_in(code=attempts[i].checkin_code, now=T0 - 5 * MINUTE)[0] for i in right
    }
    room_start(actor=exam.proctors[0], session=exam.session, now=T0)
    done = []
    for index, count in right.items():
        attempt = attempt_start(attempt=checked[index], now=T0)
        form = attempt.form
        versions = ItemVersion.objects.in_bulk(form.items)
        items = form.items if count is None else form.items[:count]
        for position, vid in enumerate(items):
            answer = key_answer(versions[vid], form.option_orders[position])
            answer_save(attempt=attempt, item=vid, answer=answer, seq=position + 1, now=T0)
        done.append(attempt_submit(attempt=attempt, now=T0 + 10 * MINUTE))
    if close:
        room_close(actor=exam.proctors[0], session=exam.session, now=T0 + 45 * MINUTE)
    return done


def make_sat_exam() -> Exam:
    """Four candidates on a seven-item computer part (100 points, pass at 50%):

    0001 answers all seven (100.00, Xuất sắc); 0002 three (42.86, Không đạt); 0003 six
    (85.71, Tốt); 0004 is absent. The room is closed.
    """
    exam = make_exam(4)
    sit(exam, {0: None, 1: 3, 2: 6})
    return exam
