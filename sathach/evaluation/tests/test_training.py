"""Training after a failed test: the below-the-bar list (only failures, only once published,
scoped), bulk assignment (refusals exact, all or nothing, audited once), completion, the
export, and the pages (scope: unit HR sees only their unit, 404 outside)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from sathach.accounts.constants import Role
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.core.testing import make_user
from sathach.evaluation import selectors_training as sel
from sathach.evaluation import services
from sathach.evaluation.constants import TrainingState
from sathach.evaluation.models import TrainingAssignment
from sathach.evaluation.services.training import ASSIGNMENT_HEADERS, OUTCOME_HEADERS

from .conftest import events
from .training_fixtures import FAILED, Published, make_computed, make_published

pytestmark = pytest.mark.django_db
COURSE = {
    "course": "Bồi dưỡng kiến thức quản lý nhà nước",
    "provider": "Trường Chính trị tỉnh Nghệ An",
    "starts_on": dt.date(2026, 4, 1),
    "ends_on": dt.date(2026, 4, 30),
}


@pytest.fixture
def pub() -> Published:
    return make_published()


def codes(results) -> list[str]:
    return [r.candidate.person.code for r in results]


def assign(pub: Published, *codes_: str, actor=None, **over):
    fields = {**COURSE, **over}
    return services.training_assign_bulk(
        actor=actor or pub.organiser, plan=pub.plan, person_ids=pub.ids(*codes_), **fields
    )


# --- The below-the-bar list -----------------------------------------------------------------


def test_below_the_bar_lists_only_failures_with_their_failed_parts(pub):
    rows = list(sel.below_bar_list(user=pub.organiser, plan=pub.plan))
    assert codes(rows) == list(FAILED)
    parts = {r.candidate.person.code: sel.failed_parts(r) for r in rows}
    assert [p.status for p in parts["TS002"]] == ["scored"]
    assert [p.status for p in parts["TS006"]] == ["absent"]
    assert parts["TS006"][0].status_label == "Vắng thi"


def test_below_the_bar_is_empty_until_results_are_published():
    computed = make_computed()
    assert list(sel.below_bar_list(user=computed.organiser, plan=computed.plan)) == []
    with pytest.raises(ServiceError) as exc:
        services.training_assign_bulk(
            actor=computed.organiser, plan=computed.plan, person_ids=computed.ids("TS002"), **COURSE
        )
    assert exc.value.message == "Kết quả của kế hoạch “THI” chưa được công bố."


def test_unit_hr_sees_only_their_units_failures(pub):
    assert codes(sel.below_bar_list(user=pub.hr_a, plan=pub.plan)) == ["TS003"]
    assert codes(sel.below_bar_list(user=pub.hr_b, plan=pub.plan)) == ["TS002", "TS006"]


# --- Bulk assignment ------------------------------------------------------------------------


def test_bulk_assignment_sends_everyone_selected_and_is_audited_once(pub):
    created = assign(pub, *FAILED)
    assert len(created) == 3
    rows = TrainingAssignment.objects.filter(plan=pub.plan).order_by("person__code")
    assert [r.person.code for r in rows] == list(FAILED)
    assert {r.state for r in rows} == {TrainingState.ASSIGNED}
    assert all(r.result.plan_id == pub.plan.pk and not r.result.passed for r in rows)
    assert rows[0].created_by == pub.organiser
    audit = events("evaluation.training_assign")
    assert len(audit) == 1
    assert audit[0].data["count"] == 3
    assert audit[0].data["persons"] == list(FAILED)


def test_assigning_someone_who_passed_is_refused_and_nobody_is_sent(pub):
    with pytest.raises(ServiceError) as exc:
        assign(pub, "TS002", "TS001")
    assert exc.value.message == (
        "Nguyễn Văn Thí Sinh 1 (TS001) không có tên trong danh sách chưa đạt của kế hoạch “THI”."
    )
    assert not TrainingAssignment.objects.exists()
    assert events("evaluation.training_assign") == []


def test_an_overlapping_open_course_is_refused(pub):
    assign(pub, "TS002")
    with pytest.raises(ServiceError) as exc:
        assign(pub, "TS002", "TS003", starts_on=dt.date(2026, 4, 20), ends_on=dt.date(2026, 5, 20))
    assert exc.value.message == (
        "Nguyễn Văn Thí Sinh 2 (TS002) đang được cử đi bồi dưỡng “Bồi dưỡng kiến thức quản lý "
        "nhà nước” từ 01/04/2026 đến 30/04/2026, trùng thời gian."
    )
    assert TrainingAssignment.objects.count() == 1


def test_a_later_course_or_one_after_completion_is_allowed(pub):
    first = assign(pub, "TS002")[0]
    assign(pub, "TS002", starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 5, 31))
    services.training_complete(
        actor=pub.organiser, assignment=first, completed_on=dt.date(2026, 4, 30), passed=False
    )
    assign(pub, "TS002", starts_on=dt.date(2026, 4, 10), ends_on=dt.date(2026, 4, 20))
    assert TrainingAssignment.objects.filter(person__code="TS002").count() == 3


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"course": "  "}, "Hãy ghi tên khóa bồi dưỡng và cơ sở đào tạo, bồi dưỡng."),
        ({"ends_on": dt.date(2026, 3, 1)}, "Ngày kết thúc trước ngày bắt đầu."),
    ],
)
def test_a_course_without_name_or_with_dates_reversed_is_refused(pub, over, message):
    with pytest.raises(ServiceError) as exc:
        assign(pub, "TS002", **over)
    assert exc.value.message == message


def test_assigning_nobody_is_refused(pub):
    with pytest.raises(ServiceError) as exc:
        services.training_assign_bulk(actor=pub.organiser, plan=pub.plan, person_ids=[], **COURSE)
    assert exc.value.message == "Hãy chọn ít nhất một người."


def test_unit_hr_assigns_their_unit_only(pub):
    assert len(assign(pub, "TS003", actor=pub.hr_a)) == 1
    with pytest.raises(PermissionDeniedError):
        assign(pub, "TS002", actor=pub.hr_a)


# --- Completion -----------------------------------------------------------------------------


def test_completion_is_recorded_once_and_audited(pub):
    row = assign(pub, "TS002")[0]
    done = services.training_complete(
        actor=pub.organiser,
        assignment=row,
        completed_on=dt.date(2026, 4, 30),
        passed=True,
        note="Đạt yêu cầu",
        certificate_ref="CC-123",
    )
    assert done.state == TrainingState.COMPLETED
    assert done.completed_on == dt.date(2026, 4, 30)
    assert done.certificate_ref == "CC-123"
    assert done.completed_by == pub.organiser
    audit = events("evaluation.training_complete")
    assert [e.data["state"] for e in audit] == ["completed"]
    with pytest.raises(ServiceError) as exc:
        services.training_complete(
            actor=pub.organiser, assignment=row, completed_on=dt.date(2026, 5, 1), passed=False
        )
    assert (
        exc.value.message
        == "Đã ghi kết quả bồi dưỡng của Nguyễn Văn Thí Sinh 2 (TS002): Hoàn thành."
    )


def test_not_completed_and_a_date_before_the_course_are_recorded_or_refused(pub):
    row = assign(pub, "TS003")[0]
    with pytest.raises(ServiceError) as exc:
        services.training_complete(
            actor=pub.organiser, assignment=row, completed_on=dt.date(2026, 3, 1), passed=True
        )
    assert exc.value.message == (
        "Ngày ghi nhận kết quả trước ngày bắt đầu khóa bồi dưỡng (01/04/2026)."
    )
    done = services.training_complete(
        actor=pub.hr_a, assignment=row, completed_on=dt.date(2026, 4, 15), passed=False
    )
    assert done.state == TrainingState.NOT_COMPLETED
    with pytest.raises(PermissionDeniedError):
        other = assign(pub, "TS002")[0]
        services.training_complete(
            actor=pub.hr_a, assignment=other, completed_on=dt.date(2026, 4, 15), passed=True
        )


# --- Exports --------------------------------------------------------------------------------


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_training_export_has_the_title_headers_and_only_what_the_reader_sees(pub):
    assign(pub, *FAILED)
    sheet = _sheet(services.training_export_xlsx(actor=pub.organiser, plan=pub.plan))
    assert sheet.title == "Cử đi bồi dưỡng"
    assert sheet.cell(2, 1).value == "DANH SÁCH CỬ ĐI BỒI DƯỠNG"
    assert tuple(c.value for c in sheet[5]) == ASSIGNMENT_HEADERS
    assert [sheet.cell(r, 2).value for r in (6, 7, 8)] == list(FAILED)
    assert sheet.cell(6, 12).value == "Đã cử đi bồi dưỡng"
    own = _sheet(services.training_export_xlsx(actor=pub.hr_a, plan=pub.plan))
    assert own.cell(6, 2).value == "TS003"
    assert own.cell(7, 2).value is None
    assert len(events("evaluation.training_export")) == 2


def test_outcomes_export_counts_training_states(pub):
    rows = assign(pub, "TS002", "TS003")
    services.training_complete(
        actor=pub.organiser, assignment=rows[0], completed_on=dt.date(2026, 4, 30), passed=True
    )
    sheet = _sheet(services.outcomes_export_xlsx(actor=pub.organiser, plan=pub.plan))
    assert tuple(c.value for c in sheet[5]) == OUTCOME_HEADERS
    values = {sheet.cell(r, 3).value: sheet.cell(r, 4).value for r in range(10, 20)}
    assert values["Số người chưa đạt"] == 3
    assert values["Hoàn thành bồi dưỡng"] == 1
    assert values["Đang bồi dưỡng"] == 1
    assert values["Chưa cử đi bồi dưỡng"] == 1
    assert values["Chưa có kết quả kiểm tra lại"] == 3


# --- Pages ----------------------------------------------------------------------------------


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(pub: Published, suffix: str = "") -> str:
    return f"/danh-gia/boi-duong/{pub.plan.code}/{suffix}"


def test_the_training_page_lists_failures_and_assigns_after_confirmation(pub):
    client = client_for(pub.organiser)
    page = client.get(url(pub)).content.decode()
    for code in FAILED:
        assert code in page
    assert "TS001" not in page
    form = {
        "person": pub.ids("TS002", "TS003"),
        "course": COURSE["course"],
        "provider": COURSE["provider"],
        "starts_on": "2026-04-01",
        "ends_on": "2026-04-30",
    }
    confirm = client.post(url(pub, "cu/"), form)
    assert confirm.status_code == 200
    assert "Xác nhận cử đi bồi dưỡng" in confirm.content.decode()
    assert not TrainingAssignment.objects.exists()
    done = client.post(url(pub, "cu/"), {**form, "confirm": "1"})
    assert done.status_code == 302
    assert TrainingAssignment.objects.count() == 2
    row = TrainingAssignment.objects.get(person__code="TS002")
    recorded = client.post(
        f"/danh-gia/boi-duong/ket-qua/{row.pk}/",
        {"completed_on": "2026-04-30", "outcome": "completed", "certificate_ref": "", "note": ""},
    )
    assert recorded.status_code == 302
    row.refresh_from_db()
    assert row.state == TrainingState.COMPLETED
    export = client.get(url(pub, "danh-sach.xlsx"))
    assert export.status_code == 200
    assert tuple(c.value for c in _sheet(export.content)[5]) == ASSIGNMENT_HEADERS


def test_unit_hr_sees_only_their_unit_and_404_outside(pub):
    client = client_for(pub.hr_a)
    page = client.get(url(pub)).content.decode()
    assert "TS003" in page
    assert "TS002" not in page and "TS006" not in page
    row = assign(pub, "TS002")[0]
    assert client.post(f"/danh-gia/boi-duong/ket-qua/{row.pk}/", {}).status_code == 404
    stranger = make_user("tccb-xa", Role.UNIT_HR, pub.exam.province.commune)
    other = client_for(stranger)
    for suffix in ("", "danh-sach.xlsx", "bao-cao/", "bao-cao.xlsx", "kiem-tra-lai/"):
        assert other.get(url(pub, suffix)).status_code == 404, suffix
    proctor = client_for(pub.exam.proctors[0])
    assert proctor.get(url(pub)).status_code == 404


def test_an_unpublished_plan_has_no_training_page():
    computed = make_computed()
    client = client_for(computed.organiser)
    assert client.get(f"/danh-gia/boi-duong/{computed.plan.code}/").status_code == 404


def test_the_report_page_shows_the_counts(pub):
    rows = assign(pub, "TS002", "TS003")
    services.training_complete(
        actor=pub.organiser, assignment=rows[1], completed_on=dt.date(2026, 4, 30), passed=False
    )
    client = client_for(pub.organiser)
    response = client.get(url(pub, "bao-cao/"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Không hoàn thành" in html
    export = client.get(url(pub, "bao-cao.xlsx"))
    assert tuple(c.value for c in _sheet(export.content)[5]) == OUTCOME_HEADERS


# --- Streamlining reads training ------------------------------------------------------------


def _qualification_data(pub: Published, code: str) -> list[str]:
    from sathach.evaluation.rules import streamlining_rules
    from sathach.evaluation.selectors import assess_persons
    from sathach.lib.rules.streamlining import QUALIFICATION

    person = pub.person(code)
    found = assess_persons(
        [person], year=2026, on=dt.date(2026, 12, 1), rules=streamlining_rules("ND154-2025")
    )[person.pk]
    return [f.data for f in found.grounds if f.key == QUALIFICATION]


def _gap(pub: Published, code: str) -> None:
    services.qualification_gap_record(
        actor=pub.organiser,
        person=pub.person(code),
        required_level="Đại học chuyên ngành Luật",
        actual_level="Trung cấp",
        recorded_on=dt.date(2026, 6, 1),
        retraining_possible=False,
        other_post_available=False,
    )


def test_a_training_not_completed_is_data_behind_the_qualification_ground(pub):
    rows = assign(pub, "TS003", "TS002")
    services.training_complete(
        actor=pub.organiser, assignment=rows[1], completed_on=dt.date(2026, 4, 20), passed=False
    )
    services.training_complete(
        actor=pub.organiser, assignment=rows[0], completed_on=dt.date(2026, 4, 30), passed=True
    )
    _gap(pub, "TS003")
    _gap(pub, "TS002")
    (data,) = _qualification_data(pub, "TS003")
    assert data.endswith(
        "Đã cử bồi dưỡng “Bồi dưỡng kiến thức quản lý nhà nước” (Trường Chính trị tỉnh Nghệ An, "
        "01/04/2026–30/04/2026) sau khi không đạt kế hoạch THI: không hoàn thành (ghi nhận ngày "
        "20/04/2026)."
    )
    # Completed, and no failed re-test: nothing to add (the gap alone stands).
    (data,) = _qualification_data(pub, "TS002")
    assert "Đã cử bồi dưỡng" not in data


def test_a_completed_training_then_a_failed_retest_is_data_behind_the_ground(pub):
    from sathach.plans.models import Candidate
    from sathach.results.models import PlanResult

    row = assign(pub, "TS002")[0]
    services.training_complete(
        actor=pub.organiser, assignment=row, completed_on=dt.date(2026, 4, 30), passed=True
    )
    link = services.retest_create(
        actor=pub.organiser,
        plan=pub.plan,
        code="THI-KTL",
        name="Kiểm tra lại",
        starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 6, 30),
        trained_only=True,
    )
    stamp = dt.datetime(2026, 6, 20, tzinfo=dt.UTC)
    candidate = Candidate.objects.get(plan=link.plan)
    PlanResult.objects.create(
        plan=link.plan, candidate=candidate, total=20, max_total=100, percent=20, passed=False,
        classification="fail", computed_at=stamp, profile=link.plan.exam_profile,
    )  # fmt: skip
    link.plan.results_published_at = stamp
    link.plan.save(update_fields=["results_published_at"])
    _gap(pub, "TS002")
    (data,) = _qualification_data(pub, "TS002")
    assert data.endswith(
        "sau khi không đạt kế hoạch THI: hoàn thành; kiểm tra lại theo kế hoạch THI-KTL: không đạt."
    )


def test_training_alone_never_makes_the_qualification_ground(pub):
    row = assign(pub, "TS003")[0]
    services.training_complete(
        actor=pub.organiser, assignment=row, completed_on=dt.date(2026, 4, 20), passed=False
    )
    assert _qualification_data(pub, "TS003") == []
