"""A published plan with passes and failures, for the training and re-test tests.

Six candidates on the seven-item computer part of ``make_exam`` (pass at 50%), alternating
between unit A (BTC) and unit B (SNV): 0001 (A) all seven, passes; 0002 (B) three, fails;
0003 (A) two, fails; 0004 (B) all, passes; 0005 (A) all, passes; 0006 (B) absent, fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sathach.accounts.constants import Role
from sathach.core.testing import make_user
from sathach.delivery.testing import Exam, make_exam
from sathach.results.services import results_compute, results_publish
from sathach.results.testing import sit

DECISION = {"decision_number": "15/QĐ-HĐKT", "decision_date": dt.date(2026, 3, 20)}
FAILED = ("TS002", "TS003", "TS006")
PASSED = ("TS001", "TS004", "TS005")


@dataclass
class Published:
    exam: Exam
    hr_a: Any
    hr_b: Any
    leader_a: Any

    @property
    def plan(self) -> Any:
        return self.exam.plan

    @property
    def organiser(self) -> Any:
        return self.exam.organiser

    def person(self, code: str) -> Any:
        from sathach.org.models import Person

        return Person.objects.get(code=code)

    def ids(self, *codes: str) -> list[int]:
        return [self.person(c).pk for c in codes]


def make_computed() -> Published:
    exam = make_exam(6)
    sit(exam, {0: None, 1: 3, 2: 2, 3: None, 4: None})
    results_compute(actor=exam.organiser, plan=exam.plan)
    province = exam.province
    return Published(
        exam=exam,
        hr_a=make_user("tccb-a", Role.UNIT_HR, province.unit_a),
        hr_b=make_user("tccb-b", Role.UNIT_HR, province.unit_b),
        leader_a=make_user("lanhdao-a", Role.LEADER, province.unit_a),
    )


def publish(published: Published) -> Published:
    results_publish(actor=published.organiser, plan=published.plan, **DECISION)
    published.plan.refresh_from_db()
    return published


def make_published() -> Published:
    return publish(make_computed())
