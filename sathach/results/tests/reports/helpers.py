"""The small plan the report tests count by hand.

Six candidates of ``make_exam`` (seven items: three single choice and one multiple response
in topic KTC, one true/false, one short text and one numeric moved to topic PL), the odd ones
in Sở Nội vụ (State block), the even ones in Ban Tổ chức (Party block; 0003 in its
department). Who answers what (R right, W wrong, blank otherwise), the score out of 100:

    0001  all R                          100.00  Xuất sắc  rank 01.002, position P1, 27 years
    0002  singles R, multiple W           42.86  Không đạt 01.002, no position,  30 years
    0003  all R but numeric W             85.71  Tốt       01.003, P1,           39 years
    0004  singles, multiple, t/f R        71.43  Tốt       01.002, P2,           50 years
    0005  absent                           0.00  Không đạt 01.003, P2,           46 years
    0006  singles W, t/f, short, numeric  42.86  Không đạt 01.003, P2,           48 years

Topic KTC: 20 asked (5 attempts × 4), 15 right; topic PL: 15 asked, 9 right. 0004 has an
incident without sanction (a machine change, 2 minutes credited); 0003 had 5 more minutes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sathach.accounts.constants import Role
from sathach.bank.models import Item, ItemVersion
from sathach.bank.testing import make_topic
from sathach.core.testing import make_position, make_user
from sathach.delivery.constants import Sanction
from sathach.delivery.services import (
    answer_save,
    attempt_check_in,
    attempt_extend,
    attempt_start,
    attempt_submit,
    incident_record,
    room_close,
    room_start,
)
from sathach.delivery.testing import Exam, key_answer, make_exam
from sathach.org.models import Person, Rank
from sathach.results.services import results_compute

T0 = dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC)  # 08:00 in Hà Nội, the sitting's start
MINUTE = dt.timedelta(minutes=1)
R, W = "right", "wrong"
SINGLE, MULTIPLE, TF, SHORT, NUMERIC = "single", "multiple", "true_false", "short_text", "numeric"
ALL_RIGHT = {SINGLE: R, MULTIPLE: R, TF: R, SHORT: R, NUMERIC: R}

ANSWERS: dict[int, dict[str, str]] = {
    0: ALL_RIGHT,
    1: {SINGLE: R, MULTIPLE: W},
    2: {**ALL_RIGHT, NUMERIC: W},
    3: {SINGLE: R, MULTIPLE: R, TF: R},
    5: {SINGLE: W, TF: R, SHORT: R, NUMERIC: R},
}
BIRTHS = {
    0: dt.date(1998, 3, 11),  # 27 on 10/03/2026
    1: dt.date(1996, 3, 10),  # 30 that very day
    2: dt.date(1986, 3, 11),  # 39
    3: dt.date(1976, 3, 10),  # 50 that very day
    4: dt.date(1980, 1, 1),  # 46
    5: dt.date(1977, 6, 1),  # 48
}
RANKS = {0: "01.002", 1: "01.002", 2: "01.003", 3: "01.002", 4: "01.003", 5: "01.003"}


def wrong_answer(version: ItemVersion, order: list[int] | None) -> dict[str, Any]:
    content = version.content
    shown = order or list(range(len(content.get("options", []))))
    if version.kind == SINGLE:
        return {
            "choice": next(p for p, i in enumerate(shown) if not content["options"][i]["correct"])
        }
    if version.kind == MULTIPLE:
        return {
            "choices": [
                next(p for p, i in enumerate(shown) if not content["options"][i]["correct"])
            ]
        }
    if version.kind == TF:
        return {"value": not content["truth"]}
    if version.kind == SHORT:
        return {"text": "Huế"}
    return {"text": "49"}


def sit_by_kind(exam: Exam, answers: dict[int, dict[str, str]]) -> None:
    """Let the candidates at the indexes of ``answers`` sit, answering each item by its kind
    (right, wrong, or blank when the kind is missing); the others never check in."""
    attempts = exam.attempts()
    proctor = exam.proctors[0]
    checked = {
        i: attempt_check_in(code=attempts[i].checkin_code, now=T0 - 5 * MINUTE)[0] for i in answers
    }
    room_start(actor=proctor, session=exam.session, now=T0)
    for index, how in answers.items():
        attempt = attempt_start(attempt=checked[index], now=T0)
        form = attempt.form
        versions = ItemVersion.objects.in_bulk(form.items)
        for position, vid in enumerate(form.items):
            version = versions[vid]
            choice = how.get(version.kind)
            if choice is None:
                continue
            order = form.option_orders[position]
            answer = key_answer(version, order) if choice == R else wrong_answer(version, order)
            answer_save(attempt=attempt, item=vid, answer=answer, seq=position + 1, now=T0)
        if index == 3:
            incident_record(
                actor=proctor,
                attempt=attempt,
                sanction=Sanction.NONE,
                description="Máy tính bị treo, đã đổi sang máy dự phòng",
                credit_minutes=2,
                now=T0 + 3 * MINUTE,
            )
        if index == 2:
            attempt_extend(
                actor=proctor,
                attempt=attempt,
                seconds=300,
                reason="Mất điện cục bộ tại bàn thi",
                now=T0 + 4 * MINUTE,
            )
        attempt_submit(attempt=attempt, now=T0 + 10 * MINUTE)
    room_close(actor=proctor, session=exam.session, now=T0 + 45 * MINUTE)


def make_report_exam(*, compute: bool = True) -> Exam:
    """Build the plan of the module docstring, sat and (unless not ``compute``) computed."""
    exam = make_exam(6)
    province = exam.province
    # Topic PL: the true/false, short text and numeric items.
    law = make_topic("PL", "Pháp luật về công chức")
    Item.objects.filter(kind__in=[TF, SHORT, NUMERIC]).update(topic=law)
    first = make_position("P1", "Chuyên viên tổng hợp")
    second = make_position("P2", "Chuyên viên tổ chức cán bộ")
    positions = {0: first, 1: None, 2: first, 3: second, 4: second, 5: second}
    ranks = {r.code: r for r in Rank.objects.filter(code__in=set(RANKS.values()))}
    for index, candidate in enumerate(exam.candidates):
        person = candidate.person
        Person.objects.filter(pk=person.pk).update(
            birth_date=BIRTHS[index], rank=ranks[RANKS[index]], position=positions[index]
        )
    Person.objects.filter(pk=exam.candidates[2].person_id).update(unit=province.dept_a)
    sit_by_kind(exam, ANSWERS)
    if compute:
        results_compute(actor=exam.organiser, plan=exam.plan)
    return exam


def unit_hr(exam: Exam, unit: Any, name: str = "cbtc") -> Any:
    return make_user(name, Role.UNIT_HR, unit)


def leader(exam: Exam, unit: Any, name: str = "lanhdao") -> Any:
    return make_user(name, Role.LEADER, unit)
