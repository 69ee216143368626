"""The unit and province report beyond the rating distribution: training and re-test outcomes
per child unit (agreeing with the per-plan page), streamlining candidates by legal ground with
the deferred, the dismissal route and the decisions apart, each person counted once; the
scope (unit HR sees their subtree, others 404), and the same figures in the .xlsx and PDF."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.http import Http404
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.core.testing import make_person, make_user
from sathach.evaluation import selectors_report, services
from sathach.evaluation import selectors_training as sel
from sathach.evaluation.constants import Section
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import BlueprintPart, Candidate
from sathach.results.constants import PartStatus
from sathach.results.models import PartResult, PlanResult

from .conftest import imported
from .test_pdf_exports import text
from .training_fixtures import Published, make_published

pytestmark = pytest.mark.django_db

REVIEW_DAY = dt.date(2025, 12, 20)
YEAR = timezone.localdate().year  # the plans' results are published today
QUERY = f"tu=2025&den={YEAR}"
COURSE = {
    "course": "Bồi dưỡng kiến thức quản lý nhà nước",
    "provider": "Trường Chính trị tỉnh",
    "starts_on": dt.date(2026, 4, 1),
    "ends_on": dt.date(2026, 4, 30),
}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _result(plan, candidate, *, passed: bool) -> PlanResult:
    return PlanResult.objects.create(
        plan=plan,
        candidate=candidate,
        total=80 if passed else 20,
        max_total=100,
        percent=80 if passed else 20,
        passed=passed,
        classification="good" if passed else "fail",
        computed_at=timezone.now(),
        profile=plan.exam_profile,
    )


@pytest.fixture
def pub() -> Published:
    """Below the bar of plan THI: TS003 (unit A) and TS007 (A's department), TS002 and TS006
    (unit B). Training: TS002 completed, TS003 not completed, TS006 on the course, TS007
    never sent. Re-test (published): TS002 passes, TS003 fails, TS006 is absent, TS007 has
    no result yet."""
    pub = make_published()
    province = pub.exam.province
    late = make_person("TS007", "Nguyễn Văn Thí Sinh 7", province.dept_a)
    candidate = Candidate.objects.create(
        plan=pub.plan, person=late, number="0007", status=CandidateStatus.INCLUDED
    )
    _result(pub.plan, candidate, passed=False)
    rows = services.training_assign_bulk(
        actor=pub.organiser, plan=pub.plan, person_ids=pub.ids("TS002", "TS003", "TS006"), **COURSE
    )
    by_code = {r.person.code: r for r in rows}
    done = dt.date(2026, 4, 30)
    services.training_complete(
        actor=pub.organiser, assignment=by_code["TS002"], completed_on=done, passed=True
    )
    services.training_complete(
        actor=pub.organiser, assignment=by_code["TS003"], completed_on=done, passed=False
    )
    link = services.retest_create(
        actor=pub.organiser,
        plan=pub.plan,
        code="THI-KTL",
        name="Kiểm tra lại",
        starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 6, 30),
    )
    part = BlueprintPart.objects.get(plan=link.plan)
    for candidate in Candidate.objects.filter(plan=link.plan).select_related("person"):
        code = candidate.person.code
        if code == "TS007":
            continue  # no result yet
        _result(link.plan, candidate, passed=code == "TS002")
        if code == "TS006":
            PartResult.objects.create(
                candidate=candidate,
                part=part,
                status=PartStatus.ABSENT,
                computed_at=timezone.now(),
                profile=link.plan.exam_profile,
            )
    link.plan.results_published_at = timezone.now()
    link.plan.save(update_fields=["results_published_at"])
    return pub


@pytest.fixture
def reviews(pub: Published):
    """A province review of 2025: TS001 KHT 2025 and surplus (two grounds, proposed), TS005
    surplus (not proposed), TS003 KHT 2024 and 2025 (dismissal route), TS004 KHT 2025 and
    pregnant (deferred). A later review of unit B alone, the same year, lists TS004 again."""
    person = pub.person
    imported(person("TS001"), 2025, "kht")
    imported(person("TS003"), 2024, "kht")
    imported(person("TS003"), 2025, "kht")
    imported(person("TS004"), 2025, "kht")
    for code in ("TS001", "TS005"):
        services.surplus_record_add(
            actor=pub.organiser,
            person=person(code),
            kind="restructuring",
            decision_ref="Quyết định số 12/QĐ-UBND",
            decided_on=dt.date(2025, 7, 1),
        )
    services.circumstance_record(
        actor=pub.organiser, person=person("TS004"), kind="pregnancy", starts_on=dt.date(2025, 9, 1)
    )
    province = pub.exam.province
    root = services.review_create(
        actor=pub.organiser, unit=province.root, year=2025, reviewed_on=REVIEW_DAY
    )
    services.case_decide(
        actor=pub.organiser, review=root, person=person("TS001"), decision="propose", reason="Đủ"
    )
    services.case_decide(
        actor=pub.organiser,
        review=root,
        person=person("TS005"),
        decision="not_propose",
        reason="Bố trí được việc khác",
    )
    unit_b = services.review_create(
        actor=pub.organiser, unit=province.unit_b, year=2025, reviewed_on=dt.date(2025, 12, 22)
    )
    return root, unit_b


def _training(row) -> tuple[int, ...]:
    return (row.below, row.assigned, row.completed, row.not_completed, row.in_progress,
            row.not_assigned)  # fmt: skip


def _retest(row) -> tuple[int, ...]:
    return (row.below, row.candidates, row.sat, row.passed, row.failed, row.absent,
            row.pending)  # fmt: skip


# --- Training and re-test outcomes ----------------------------------------------------------


def test_outcomes_per_child_unit_of_the_province_and_the_total(pub):
    root = pub.exam.province.root
    report = selectors_report.outcome_report(user=pub.organiser, unit=root, years=[2025, YEAR])
    assert [p.code for p in report.plans] == ["THI"]  # the re-test is not a plan of its own
    assert [r.label for r in report.training] == ["Khối Chính quyền", "Khối Đảng"]  # tree order
    assert [_training(r) for r in report.training] == [(2, 2, 1, 0, 1, 0), (2, 1, 0, 1, 0, 1)]
    assert _training(report.training_total) == (4, 3, 1, 1, 1, 1)
    assert [_retest(r) for r in report.retest] == [(2, 2, 1, 1, 0, 1, 0), (2, 2, 1, 0, 1, 0, 1)]
    assert _retest(report.retest_total) == (4, 4, 2, 1, 1, 1, 1)


def test_the_totals_agree_with_the_per_plan_page(pub):
    root = pub.exam.province.root
    report = selectors_report.outcome_report(user=pub.organiser, unit=root, years=[YEAR])
    page = sel.plan_outcomes(user=pub.organiser, plan=pub.plan)
    total = report.training_total
    assert page.training_counts() == {
        "assigned": total.in_progress,
        "completed": total.completed,
        "not_completed": total.not_completed,
        "none": total.not_assigned,
    }
    retest = report.retest_total
    assert page.retest_counts() == {
        "passed": retest.passed,
        "failed": retest.failed + retest.absent,  # the page counts the absent as failed
        "pending": retest.below - retest.passed - retest.failed - retest.absent,
    }


def test_a_unit_report_splits_the_unit_itself_from_its_department(pub):
    unit_a = pub.exam.province.unit_a
    report = selectors_report.outcome_report(user=pub.hr_a, unit=unit_a, years=[YEAR])
    assert [r.label for r in report.training] == [
        "Ban Tổ chức Tỉnh ủy (trực tiếp)",
        "Phòng Tổ chức cán bộ",
    ]
    assert [_training(r) for r in report.training] == [(1, 1, 0, 1, 0, 0), (1, 0, 0, 0, 0, 1)]
    assert _retest(report.retest_total) == (2, 2, 1, 0, 1, 0, 1)


def test_plans_published_outside_the_years_are_not_counted(pub):
    root = pub.exam.province.root
    report = selectors_report.outcome_report(user=pub.organiser, unit=root, years=[2024, 2025])
    assert report.plans == [] and report.training == []
    assert _training(report.training_total) == (0, 0, 0, 0, 0, 0)


def test_unit_hr_of_another_unit_gets_404_from_the_selectors(pub, reviews):
    unit_a = pub.exam.province.unit_a
    with pytest.raises(Http404):
        selectors_report.outcome_report(user=pub.hr_b, unit=unit_a, years=[YEAR])
    with pytest.raises(Http404):
        selectors_report.streamlining_report(user=pub.hr_b, unit=unit_a, years=[2025])


# --- Streamlining ---------------------------------------------------------------------------


def test_streamlining_by_ground_with_deferrals_dismissal_and_decisions_apart(pub, reviews):
    root = pub.exam.province.root
    report = selectors_report.streamlining_report(user=pub.organiser, unit=root, years=[2025])
    grounds = {g.label: (g.citations, g.people) for g in report.grounds}
    assert grounds["Dôi dư do sắp xếp tổ chức bộ máy"] == (
        ["NĐ 154/2025/NĐ-CP, Điều 2, khoản 1"],
        2,
    )
    assert grounds["Không hoàn thành nhiệm vụ (01 năm)"][1] == 1
    assert all(key not in grounds for key in ("kht_one_year", "restructuring"))
    counts = {s.section: (s.people, s.propose, s.not_propose, s.pending) for s in report.sections}
    assert counts == {
        Section.CANDIDATE: (2, 1, 1, 0),  # TS001 under two grounds, counted once here
        Section.DEFERRED: (1, 0, 0, 1),  # TS004 once, though both reviews list them
        Section.DISMISSAL: (1, 0, 0, 1),
    }
    root_review, unit_b_review = reviews
    assert report.reviews == [unit_b_review, root_review]  # the later review first


def test_a_review_covered_by_a_later_one_is_not_read(pub, reviews):
    root_review, unit_b_review = reviews
    unit_b = pub.exam.province.unit_b
    report = selectors_report.streamlining_report(user=pub.organiser, unit=unit_b, years=[2025])
    assert report.reviews == [unit_b_review]
    assert report.section(Section.DEFERRED).people == 1
    assert report.section(Section.CANDIDATE).people == 0


# --- The page and the files -----------------------------------------------------------------


def test_the_page_shows_the_sections_with_their_charts(pub, reviews):
    response = client_for(pub.organiser).get(f"/danh-gia/bao-cao/?{QUERY}")
    assert response.status_code == 200
    html = response.content.decode()
    for chart in ("chart-training", "chart-retest", "chart-streamlining"):
        assert f'aria-labelledby="{chart}-title"' in html
    assert "Khối Chính quyền — Hoàn thành: 1" in html  # a segment's title
    assert "Dôi dư do sắp xếp tổ chức bộ máy — Đối tượng tinh giản: 2" in html
    assert "NĐ 154/2025/NĐ-CP, Điều 2, khoản 1" in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_unit_hr_sees_only_their_subtree_and_others_get_404(pub, reviews):
    page = client_for(pub.hr_a).get(f"/danh-gia/bao-cao/?{QUERY}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Phòng Tổ chức cán bộ" in html
    assert "Sở Nội vụ" not in html and "Khối Chính quyền" not in html
    outsider = make_user("nguoi-ngoai")
    hr_b = client_for(pub.hr_b)
    for path in ("/danh-gia/bao-cao/", "/danh-gia/bao-cao.xlsx", "/danh-gia/bao-cao.pdf"):
        assert hr_b.get(f"{path}?unit=BTC&{QUERY}").status_code == 404, path
        assert client_for(outsider).get(f"{path}?{QUERY}").status_code == 404, path
    other = make_user("tccb-xa", Role.UNIT_HR, pub.exam.province.commune)
    assert client_for(other).get(f"/danh-gia/bao-cao/?unit=NA&{QUERY}").status_code == 404


def _find(sheet, label: str) -> list:
    for row in sheet.iter_rows(values_only=True):
        if row and row[0] == label:
            return list(row)
    raise AssertionError(label)


def test_the_workbook_has_a_sheet_per_section_with_the_figures(pub, reviews):
    response = client_for(pub.organiser).get(f"/danh-gia/bao-cao.xlsx?{QUERY}")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Xếp loại chất lượng",
        "Bồi dưỡng",
        "Kiểm tra lại",
        "Tinh giản biên chế",
    ]
    training = book["Bồi dưỡng"]
    assert training.cell(4, 1).value == (
        f"KẾT QUẢ BỒI DƯỠNG NGƯỜI CHƯA ĐẠT KIỂM TRA, SÁT HẠCH 2025–{YEAR}"
    )
    assert training.cell(6, 3).value == "Đã cử đi bồi dưỡng"
    assert "C6:F6" in {str(r) for r in training.merged_cells.ranges}
    assert _find(training, "Khối Chính quyền")[:7] == ["Khối Chính quyền", 2, 2, 1, 0, 1, 0]
    assert _find(training, "Tổng cộng")[:7] == ["Tổng cộng", 4, 3, 1, 1, 1, 1]
    assert _find(book["Kiểm tra lại"], "Tổng cộng")[:8] == ["Tổng cộng", 4, 4, 2, 1, 1, 1, 1]
    streamlining = book["Tinh giản biên chế"]
    assert _find(streamlining, "Dôi dư do sắp xếp tổ chức bộ máy")[1:3] == [
        "NĐ 154/2025/NĐ-CP, Điều 2, khoản 1 (chưa xác minh)",  # the profile flags it
        2,
    ]
    assert _find(streamlining, "Đối tượng tinh giản biên chế")[:5] == [
        "Đối tượng tinh giản biên chế", 2, 1, 1, 0]  # fmt: skip
    assert _find(streamlining, "NGƯỜI LẬP BIỂU")  # the signature block
    assert _find(book["Xếp loại chất lượng"], "NGƯỜI LẬP BIỂU")


def test_the_pdf_has_the_sections_and_the_figures(pub, reviews):
    response = client_for(pub.organiser).get(f"/danh-gia/bao-cao.pdf?{QUERY}")
    assert response.status_code == 200
    pdf = text(response.content)
    for title in (
        "TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC",
        "KẾT QUẢ BỒI DƯỠNG NGƯỜI CHƯA ĐẠT KIỂM TRA, SÁT HẠCH",
        "KẾT QUẢ KIỂM TRA LẠI SAU BỒI DƯỠNG",
        "TỔNG HỢP ĐỐI TƯỢNG TINH GIẢN BIÊN CHẾ THEO CĂN CỨ",
    ):
        assert title in pdf, title
    totals = [re.findall(r"\d+", line) for line in pdf.splitlines() if "Tổng cộng" in line]
    assert ["4", "3", "1", "1", "1", "1"] in totals
    assert ["4", "4", "2", "1", "1", "1", "1"] in totals
    assert "Dôi dư do sắp xếp tổ chức bộ máy" in pdf
    assert "đề xuất tinh giản 1, không đề xuất 1" in pdf


def test_the_outcome_queries_do_not_grow_with_the_people(pub):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    root = pub.exam.province.root

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            selectors_report.outcome_report(user=pub.organiser, unit=root, years=[YEAR])
        return len(ctx.captured_queries)

    queries()  # the user's scope is kept for the rest of the request
    few = queries()
    for i in range(8, 12):
        person = make_person(f"TS{i:03d}", f"Người Thêm {i}", pub.exam.province.unit_b)
        candidate = Candidate.objects.create(
            plan=pub.plan, person=person, number=f"{i:04d}", status=CandidateStatus.INCLUDED
        )
        _result(pub.plan, candidate, passed=False)
    services.training_assign_bulk(
        actor=pub.organiser, plan=pub.plan, person_ids=pub.ids("TS008", "TS009"), **COURSE
    )
    report = selectors_report.outcome_report(user=pub.organiser, unit=root, years=[YEAR])
    assert report.training_total.below == 8
    assert queries() == few <= 10
