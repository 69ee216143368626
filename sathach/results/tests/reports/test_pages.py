"""The report pages: who sees what (scope, 404), the inline SVG charts (well-formed, accessible,
no script or inline style), a constant number of queries on the dashboard, the index and the
menu entry."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET  # the element type; parsing goes through defusedxml
from decimal import Decimal
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sathach.accounts.constants import Role
from sathach.core.testing import TEST_PASSWORD, make_person, make_position, make_unit, make_user
from sathach.org.constants import Block
from sathach.org.models import Rank
from sathach.plans.constants import CandidateStatus, PartKind, SittingMode
from sathach.plans.models import BlueprintPart, Candidate
from sathach.results.models import PartResult, PlanResult

from .helpers import leader, unit_hr

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def _login(client: Any, user: Any) -> None:
    client.logout()
    assert client.login(username=user.username, password=TEST_PASSWORD)


def _page(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _dashboard(exam) -> str:
    return reverse("reports:dashboard", args=[exam.plan.code])


def _unit(exam, unit) -> str:
    return reverse("reports:unit", args=[exam.plan.code, unit.code])


def _svgs(page: str) -> list[ET.Element]:
    return [fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", page, flags=re.S)]


def _count(page: str, name: str) -> str:
    match = re.search(rf'id="{name}">(\d+)', page)
    assert match, name
    return match.group(1)


# --- Scope ----------------------------------------------------------------------------------------


def test_organiser_sees_the_whole_plan_with_unit_links(client, exam):
    _login(client, exam.organiser)
    page = _page(client, _dashboard(exam))
    assert (_count(page, "count-candidates"), _count(page, "count-passed")) == ("6", "3")
    assert _unit(exam, exam.province.unit_a) in page and _unit(exam, exam.province.unit_b) in page
    assert reverse("reports:records", args=[exam.plan.code]) in page


def test_unit_hr_sees_only_their_subtree_and_no_one_outside_is_counted(client, exam):
    hr = unit_hr(exam, exam.province.unit_b)
    _login(client, hr)
    page = _page(client, _dashboard(exam))
    assert (_count(page, "count-candidates"), _count(page, "count-passed")) == ("3", "1")
    assert "Sở Nội vụ" in page and "Ban Tổ chức Tỉnh ủy" not in page
    assert reverse("reports:records", args=[exam.plan.code]) not in page
    below = _page(client, reverse("reports:below-bar", args=[exam.plan.code]))
    assert "Nguyễn Văn Thí Sinh 2" in below and "Nguyễn Văn Thí Sinh 6" in below
    assert "Nguyễn Văn Thí Sinh 5" not in below  # below the bar, but in Ban Tổ chức


def test_unit_hr_gets_404_on_another_units_report_and_sees_their_own(client, exam):
    hr = unit_hr(exam, exam.province.unit_b)
    _login(client, hr)
    assert client.get(_unit(exam, exam.province.unit_a)).status_code == 404
    assert client.get(_unit(exam, exam.province.dept_a)).status_code == 404
    page = _page(client, _unit(exam, exam.province.unit_b))
    assert _count(page, "count-candidates") == "3"
    assert 'id="below-0002"' in page and 'id="below-0006"' in page and "below-0005" not in page
    url = reverse("reports:export", args=[exam.plan.code, "khong-dat", "xlsx"])
    assert client.get(f"{url}?don-vi={exam.province.unit_a.code}").status_code == 404


def test_leader_of_a_unit_sees_its_department_in_the_unit_report(client, exam):
    boss = leader(exam, exam.province.unit_a)
    _login(client, boss)
    page = _page(client, _unit(exam, exam.province.unit_a))
    assert _count(page, "count-candidates") == "3"
    assert "Phòng Tổ chức cán bộ" in page
    assert 'id="below-0005"' in page


def test_proctors_and_unrelated_users_get_404(client, exam):
    outsider = make_user("khac", Role.UNIT_HR, make_unit("KHAC", "Đơn vị khác"))
    for user in (exam.proctors[0], outsider):
        _login(client, user)
        assert client.get(_dashboard(exam)).status_code == 404
        assert client.get(reverse("reports:records", args=[exam.plan.code])).status_code == 404


def test_records_are_for_those_who_run_the_plan(client, exam):
    _login(client, unit_hr(exam, exam.province.unit_b))
    assert client.get(reverse("reports:records", args=[exam.plan.code])).status_code == 404
    _login(client, exam.organiser)
    page = _page(client, reverse("reports:records", args=[exam.plan.code]))
    session = exam.session
    assert reverse("reports:attendance-pdf", args=[exam.plan.code, session.pk]) in page
    assert reverse("reports:room-record-pdf", args=[exam.plan.code, session.pk]) in page
    assert reverse("reports:sitting-records", args=[exam.plan.code, exam.sitting.pk]) in page
    assert reverse("plans:room-pdf", args=[exam.plan.code, exam.sitting.pk, exam.room.pk]) in page
    assert "Máy tính bị treo" not in page  # the incident is listed by number and sanction
    assert "Ghi nhận sự cố (không xử lý kỷ luật)" in page
    assert (
        reverse(
            "delivery:incident-pdf",
            args=[exam.session.attempts.get(candidate__number="0004").incidents.get().pk],
        )
        in page
    )


# --- Charts ---------------------------------------------------------------------------------------


def test_dashboard_charts_are_well_formed_accessible_svg_with_text_labels(client, exam):
    _login(client, exam.organiser)
    page = _page(client, _dashboard(exam))
    svgs = _svgs(page)
    # Totals, part 1, then block, unit, rank, position, age.
    assert len(svgs) == 7
    for svg in svgs:
        assert svg.get("role") == "img"
        chart_id = svg.get("id")
        assert svg.get("aria-labelledby") == f"{chart_id}-title {chart_id}-desc"
        assert svg.find(f"{SVG}title").get("id") == f"{chart_id}-title"
        assert svg.find(f"{SVG}desc").text
        assert all(el.get("style") is None for el in svg.iter())
    assert "<script" not in page.split("</header>", 1)[1]
    histogram = next(s for s in svgs if s.get("id") == "chart-total")
    texts = [t.text for t in histogram.iter(f"{SVG}text")]
    assert "Mức đạt 50%" in texts
    bars = [r for r in histogram.iter(f"{SVG}rect")]
    assert (
        len(bars) == 20
        and sum(int(t.text) for t in histogram.iter(f"{SVG}text") if t.get("font-size") == "9") == 6
    )
    units = next(s for s in svgs if s.get("id") == "chart-rate-unit")
    labels = [t.text for t in units.iter(f"{SVG}text")]
    assert "Ban Tổ chức Tỉnh ủy" in labels and "66,7% (2/3)" in labels and "Chung: 50%" in labels
    assert "Ban Tổ chức Tỉnh ủy: 66,7%" in units.find(f"{SVG}desc").text


def test_topic_page_shows_percent_correct_per_topic_with_its_chart(client, exam):
    _login(client, exam.organiser)
    page = _page(client, reverse("reports:topics", args=[exam.plan.code]))
    assert re.search(r'id="topic-KTC">.*?<td>20</td><td>15</td><td>75.00</td>', page, re.S)
    assert re.search(r'id="topic-PL">.*?<td>15</td><td>9</td><td>60.00</td>', page, re.S)
    (svg,) = _svgs(page)
    assert "75% (15/20)" in [t.text for t in svg.iter(f"{SVG}text")]


# --- Query count ----------------------------------------------------------------------------------


def _more_results(exam, n: int) -> None:
    """Add ``n`` computed results in a new unit, rank and position (more rows and groups)."""
    unit = make_unit("SXD", "Sở Xây dựng", exam.province.state, block=Block.STATE)
    position = make_position("P9", "Chuyên viên quản lý xây dựng")
    rank = Rank.objects.get(code="01.001")
    now = dt.datetime(2026, 3, 10, 5, 0, tzinfo=dt.UTC)
    for i in range(n):
        person = make_person(
            f"XD{i:03d}",
            f"Trần Thị Thêm {i}",
            unit,
            rank=rank,
            position=position,
            birth_date=dt.date(1960 + i, 1, 1),
        )
        candidate = Candidate.objects.create(
            plan=exam.plan, person=person, number=f"9{i:03d}", status=CandidateStatus.INCLUDED
        )
        score = Decimal(30 + 10 * i)
        PartResult.objects.create(
            candidate=candidate,
            part=exam.part,
            score=score,
            status="scored",
            passed=score >= 50,
            computed_at=now,
            profile=exam.plan.exam_profile,
        )
        PlanResult.objects.create(
            plan=exam.plan,
            candidate=candidate,
            total=score,
            max_total=Decimal(100),
            percent=score,
            passed=score >= 50,
            classification="pass" if score >= 50 else "fail",
            computed_at=now,
            profile=exam.plan.exam_profile,
        )


def test_dashboard_query_count_does_not_grow_with_candidates_or_groups(client, exam):
    _login(client, exam.organiser)
    url = _dashboard(exam)
    client.get(url)  # warm the session and the profile cache
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    _more_results(exam, 5)
    with CaptureQueriesContext(connection) as after:
        page = _page(client, url)
    assert _count(page, "count-candidates") == "11"
    assert len(after) == len(before), [q["sql"] for q in after.captured_queries]


# --- Index and menu -------------------------------------------------------------------------------


def test_index_lists_the_plans_the_user_may_report_on_and_the_menu_links_it(client, exam):
    _login(client, exam.organiser)
    page = _page(client, reverse("reports:index"))
    assert _dashboard(exam) in page and "6/6" in page
    home = _page(client, "/")
    assert f'href="{reverse("reports:index")}"' in home and "Báo cáo kết quả" in home
    _login(client, exam.proctors[0])
    page = _page(client, reverse("reports:index"))
    assert _dashboard(exam) not in page


def test_records_link_the_marking_records_of_a_written_part(client, exam):
    # A written part added behind the services' back (the plan is no longer a draft): only
    # its links are read here.
    written = BlueprintPart.objects.create(
        plan=exam.plan,
        order=2,
        kind=PartKind.WRITTEN,
        name="Viết đề cương kế hoạch",
        minutes=120,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
        sitting_mode=SittingMode.PAPER,
    )
    _login(client, exam.organiser)
    page = _page(client, reverse("reports:records", args=[exam.plan.code]))
    assert 'id="records-marking"' in page and "Viết đề cương kế hoạch" in page
    for name in ("grading:coding-pdf", "grading:reconciliation-pdf", "grading:remark-list"):
        assert reverse(name, args=[written.pk]) in page
