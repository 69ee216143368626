"""The demo's computer sitting: opened, with the demo proctor and candidate logins in it."""

import io

import pytest
from django.core.management import call_command

from sathach.accounts.models import User
from sathach.delivery.models import Attempt, RoomSession
from sathach.delivery.selectors import attempt_list_for_user, session_list_for_user
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import Candidate, Plan

pytestmark = pytest.mark.django_db


def test_demo_opens_the_sitting_for_the_demo_proctor_and_candidate():
    out = io.StringIO()
    call_command("demo", "--no-serve", "--scale", "0.02", stdout=out, stderr=io.StringIO())
    plan = Plan.objects.get(code="DEMO")
    included = Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED)
    sessions = RoomSession.objects.filter(sitting__plan=plan)
    assert Attempt.objects.filter(sitting__plan=plan).count() == included.count() > 0
    assert "Đã mở ca thi trên máy tính của kế hoạch DEMO" in out.getvalue()
    # The candidate login was added by hand, with the reason recorded.
    candidate = User.objects.get(username="thisinh")
    own = included.get(person=candidate.person)
    assert own.manual and "Tài khoản demo" in own.reason
    assert attempt_list_for_user(user=candidate).count() == 1
    # The proctor login proctors the first room, and only sees rooms it may watch.
    proctor = User.objects.get(username="giamthi")
    watched = list(session_list_for_user(user=proctor))
    assert [s.room.name for s in watched] == ["Phòng máy 01"]
    assert sessions.count() == -(-included.count() // 50)
    # Run again: everything is reused, nothing added.
    call_command("demo", "--no-serve", stdout=io.StringIO(), stderr=io.StringIO())
    assert RoomSession.objects.filter(sitting__plan=plan).count() == sessions.count()
