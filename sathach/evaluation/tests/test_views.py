"""Pages: scope (unit HR sees only their subtree, 404 outside; leaders read, 403 on writes;
every other role 404), the steps through the browser's forms, the report with its SVG chart,
the import page, the streamlining pages, and the query count of every list."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import Workbook

from sathach.accounts.constants import Role
from sathach.core.testing import make_person, make_user
from sathach.evaluation import services
from sathach.evaluation.constants import State
from sathach.evaluation.models import AnnualEvaluation, StreamliningCase
from sathach.lib.formats.ratings import HEADERS

from .conftest import ND90_YEAR, decided, events, imported, to_proposed

pytestmark = pytest.mark.django_db
LIST = "/danh-gia/"
OTHER_ROLES = [Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.PROCTOR, Role.CODER, Role.MARKER,
               Role.APPEALS, Role.CANDIDATE]  # fmt: skip


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index('<main class="content">') : html.index("</main>")]


@pytest.fixture
def rated(hr_a, hr_b, staff):
    """2025: An HTT (decided), Em HT (decided, unit B)."""
    return {
        "an": decided(hr_a, staff["an"], "htt"),
        "em": decided(hr_b, staff["em"], "ht"),
    }


# --- Scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_gets_404_on_every_page(province, role, rated, staff):
    client = client_for(make_user(f"u-{role}", role, province.root))
    pk = rated["an"].pk
    for url in (
        LIST,
        f"/danh-gia/phieu/{pk}/",
        "/danh-gia/bao-cao/",
        "/danh-gia/bao-cao.xlsx",
        "/danh-gia/nhap/",
        "/danh-gia/tinh-gian/",
        "/danh-gia/cong-chuc/CC001/ky-luat/",
        f"/danh-gia/cong-chuc/CC001/{ND90_YEAR}/nhiem-vu/",
        "/danh-gia/cong-chuc/CC001/du-lieu-tinh-gian/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/danh-gia/phieu/{pk}/quyet-dinh/", {"level": "ht"}).status_code == 404


def test_signed_out_users_are_sent_to_sign_in(rated):
    response = Client().get(LIST)
    assert response.status_code == 302 and "/tai-khoan/" in response.headers["Location"]


def test_unit_hr_sees_only_their_subtree(hr_a, rated):
    client = client_for(hr_a)
    html = main_html(client.get(f"{LIST}?year={ND90_YEAR}"))
    assert "Lê Thị An" in html and "Hoàng Văn Em" not in html
    assert client.get(f"/danh-gia/phieu/{rated['em'].pk}/").status_code == 404
    assert client.get(f"{LIST}?unit=SNV&year={ND90_YEAR}").status_code == 404
    assert client.get("/danh-gia/cong-chuc/CC005/ky-luat/").status_code == 404
    assert client.get(f"/danh-gia/phieu/{rated['an'].pk}/").status_code == 200


def test_unit_hr_cannot_write_outside_their_subtree(hr_a, rated):
    response = client_for(hr_a).post(
        f"/danh-gia/phieu/{rated['em'].pk}/quyet-dinh/", {"level": "htt"}
    )
    assert response.status_code == 404
    assert AnnualEvaluation.objects.get(pk=rated["em"].pk).level == "ht"


def test_the_organiser_sees_the_province(organiser, rated):
    html = main_html(client_for(organiser).get(f"{LIST}?year={ND90_YEAR}"))
    assert "Lê Thị An" in html and "Hoàng Văn Em" in html


def test_a_leader_reads_and_is_refused_writes(leader_a, rated):
    client = client_for(leader_a)
    page = client.get(f"/danh-gia/phieu/{rated['an'].pk}/")
    assert page.status_code == 200
    assert "Ghi quyết định" not in main_html(page)
    response = client.post(f"/danh-gia/phieu/{rated['an'].pk}/quyet-dinh/", {"level": "ht"})
    assert response.status_code == 403
    assert client.get(f"/danh-gia/phieu/{rated['em'].pk}/").status_code == 404
    assert client.get("/danh-gia/nhap/").status_code == 404  # import is for writers


# --- The steps through the pages ------------------------------------------------------------


def test_the_steps_through_the_forms(hr_a, staff):
    client = client_for(hr_a)
    response = client.post(
        f"/danh-gia/tu-danh-gia/CC001/{ND90_YEAR}/",
        {"self_assessment": "Hoàn thành tốt", "self_level": "htt", "work_group": ""},
    )
    evaluation = AnnualEvaluation.objects.get(person=staff["an"])
    assert response.status_code == 302
    assert response.headers["Location"] == f"/danh-gia/phieu/{evaluation.pk}/"
    base = f"/danh-gia/phieu/{evaluation.pk}"
    client.post(f"{base}/y-kien/", {"comments": "Nhất trí"})
    client.post(f"{base}/de-xuat/", {"level": "htt"})
    client.post(f"{base}/quyet-dinh/", {"level": "htt", "decision_ref": "QĐ 1"})
    client.post(f"{base}/cong-khai/")
    evaluation.refresh_from_db()
    assert (evaluation.state, evaluation.level) == (State.PUBLISHED, "htt")
    page = main_html(client.get(f"{base}/"))
    assert "Hoàn thành tốt nhiệm vụ" in page and "QĐ 1" in page


def test_a_refusal_is_shown_as_a_message(hr_a, staff):
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR, level="htxs")
    client = client_for(hr_a)
    response = client.post(
        f"/danh-gia/phieu/{evaluation.pk}/quyet-dinh/", {"level": "htxs"}, follow=True
    )
    assert (
        "Vượt tỷ lệ: 1 người Hoàn thành xuất sắc nhiệm vụ trên 0 người Hoàn thành tốt nhiệm vụ "
        "(tối đa 20% = 0)." in main_html(response)
    )


def test_the_detail_page_shows_the_computed_level_and_the_triggers(hr_a, staff):
    services.discipline_record_add(
        actor=hr_a,
        person=staff["an"],
        act="V1",
        description="Vi phạm",
        system="party",
        form="warning",
        decided_on=dt.date(2025, 4, 1),
    )
    evaluation = to_proposed(hr_a, staff["an"], ND90_YEAR)
    html = main_html(client_for(hr_a).get(f"/danh-gia/phieu/{evaluation.pk}/"))
    assert "Bị kỷ luật trong năm đánh giá" in html
    assert "Kỷ luật đảng: Cảnh cáo" in html
    assert "NĐ 48/2023/NĐ-CP" in html


def test_task_records_page_adds_and_deletes(hr_a, staff):
    client = client_for(hr_a)
    url = "/danh-gia/cong-chuc/CC001/2026/nhiem-vu/"
    client.post(
        url + "them/",
        {
            "period_kind": "quarter",
            "period": 2,
            "title": "Tham mưu văn bản",
            "assigned": "4",
            "completed": "3",
            "quality_failures": 1,
            "quality_excused": 0,
            "late_failures": 0,
            "late_excused": 0,
        },
    )
    html = main_html(client.get(url))
    assert "Tham mưu văn bản" in html
    record = staff["an"].task_records.get()
    client.post(f"{url}{record.pk}/xoa/")
    assert not staff["an"].task_records.exists()
    assert len(events("evaluation.task_record_delete")) == 1


# --- Lists and their query counts ------------------------------------------------------------


def _many(hr_a, province, n: int) -> None:
    for i in range(n):
        person = make_person(f"N{i:03d}", f"Người Số {i}", province.unit_a)
        imported(person, ND90_YEAR, "htt")


def _count(client, url, django_assert_max_num_queries, n):
    with django_assert_max_num_queries(n) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [f"{LIST}?year={ND90_YEAR}", f"/danh-gia/bao-cao/?tu=2021&den={ND90_YEAR}"],
    ids=["list", "report"],
)
def test_list_pages_take_the_same_queries_for_5_or_30_rows(
    hr_a, province, staff, url, django_assert_max_num_queries
):
    client = client_for(hr_a)
    _many(hr_a, province, 5)
    few = _count(client, url, django_assert_max_num_queries, 30)
    _many_more = [make_person(f"M{i:03d}", f"Người Mới {i}", province.unit_a) for i in range(25)]
    for person in _many_more:
        imported(person, ND90_YEAR, "ht")
    assert _count(client, url, django_assert_max_num_queries, 30) == few


def test_the_evaluation_list_query_count_is_fixed(hr_a, province, staff, django_assert_num_queries):
    _many(hr_a, province, 10)
    client = client_for(hr_a)
    client.get(f"{LIST}?year={ND90_YEAR}")  # warm the session and the profile registry
    with django_assert_num_queries(13):
        client.get(f"{LIST}?year={ND90_YEAR}")


# --- Report ---------------------------------------------------------------------------------


def test_the_report_shows_counts_quota_and_an_inline_svg_chart(organiser, province, hr_a):
    _many(hr_a, province, 10)
    for i in range(3):
        person = make_person(f"X{i}", f"Người Giỏi {i}", province.unit_a)
        imported(person, ND90_YEAR, "htxs")
    response = client_for(organiser).get(f"/danh-gia/bao-cao/?tu=2024&den={ND90_YEAR}")
    html = main_html(response)
    assert "<svg" in html and "<script" not in html
    assert "2025 — Hoàn thành xuất sắc nhiệm vụ: 3" in html  # the bar's title
    assert "30,00%" in html  # 3 HTXS / 10 HTT (Vietnamese decimal comma)
    assert "Vượt ở 1 nhóm" in html
    assert "Ban Tổ chức Tỉnh ủy: 3 HTXS / 10 HTT" in html
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_the_report_exports_xlsx(organiser, province, hr_a):
    from openpyxl import load_workbook

    _many(hr_a, province, 4)
    response = client_for(organiser).get(f"/danh-gia/bao-cao.xlsx?tu=2025&den={ND90_YEAR}")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(4, 1).value == "TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC 2025–2025"
    assert [sheet.cell(7, c).value for c in (1, 2, 4)] == [2025, 4, 4]


# --- Import page ----------------------------------------------------------------------------


def _xlsx(*rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("xep-loai.xlsx", data)


def test_the_import_page_shows_the_error_table_and_offers_the_error_workbook(hr_a, staff):
    client = client_for(hr_a)
    response = client.post(
        "/danh-gia/nhap/",
        {"file": _upload(_xlsx(["CC001", "", 2023, "HT", "", ""], ["CC999", "", 2023, "HT"]))},
    )
    html = main_html(response)
    assert "Không ghi gì vào hệ thống vì tệp có dòng lỗi." in html
    assert "Không có công chức mã “CC999”." in html
    assert not AnnualEvaluation.objects.exists()
    errors = client.get("/danh-gia/nhap/loi.xlsx")
    assert errors.status_code == 200 and errors.content[:2] == b"PK"


def test_the_import_page_writes_a_good_file(hr_a, staff):
    response = client_for(hr_a).post(
        "/danh-gia/nhap/", {"file": _upload(_xlsx(["CC001", "", 2023, "HT", "", ""]))}
    )
    assert "Đã ghi vào hệ thống." in main_html(response)
    assert AnnualEvaluation.objects.get().level == "ht"


def test_the_template_downloads(hr_a):
    response = client_for(hr_a).get("/danh-gia/nhap/mau.xlsx")
    assert response.status_code == 200
    assert "mau-xep-loai-chat-luong.xlsx" in response.headers["Content-Disposition"]


# --- Streamlining pages ---------------------------------------------------------------------


@pytest.fixture
def review(organiser, province, staff):
    for year in (2024, 2025):
        imported(staff["binh"], year, "kht")
    imported(staff["an"], 2025, "kht")
    return services.review_create(
        actor=organiser, unit=province.root, year=2025, reviewed_on=dt.date(2025, 12, 20)
    )


def test_the_review_page_lists_grounds_and_the_dismissal_route_apart(organiser, review):
    html = main_html(client_for(organiser).get(f"/danh-gia/tinh-gian/{review.pk}/"))
    ground = html.index("Không hoàn thành nhiệm vụ (01 năm)")
    dismissal = html.index("Giải quyết thôi việc — 02 năm liên tiếp")
    assert ground < html.index("Lê Thị An") < dismissal < html.index("Nguyễn Văn Bình")
    assert "NĐ 154/2025/NĐ-CP, Điều 2, khoản 1" in html
    assert "Năm 2025: Không hoàn thành nhiệm vụ." in html


def test_the_review_page_records_a_decision(organiser, review, staff):
    client = client_for(organiser)
    client.post(
        f"/danh-gia/tinh-gian/{review.pk}/quyet-dinh/CC001/",
        {"decision": "propose", "reason": "Không bố trí được việc khác"},
    )
    case = StreamliningCase.objects.get()
    assert (case.person, case.decision) == (staff["an"], "propose")
    response = client.post(
        f"/danh-gia/tinh-gian/{review.pk}/quyet-dinh/CC002/",
        {"decision": "propose", "reason": "x"},
        follow=True,
    )
    assert "giải quyết thôi việc theo Luật Cán bộ, công chức" in main_html(response)
    assert StreamliningCase.objects.count() == 1


def test_the_review_page_query_count_does_not_grow_with_people(
    organiser, review, province, django_assert_max_num_queries
):
    client = client_for(organiser)
    url = f"/danh-gia/tinh-gian/{review.pk}/"
    client.get(url)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for i in range(20):
        person = make_person(f"K{i:03d}", f"Người Yếu {i}", province.unit_b)
        imported(person, 2025, "kht")
    with django_assert_max_num_queries(20) as many:
        assert client.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_review_export_downloads(organiser, review):
    response = client_for(organiser).get(f"/danh-gia/tinh-gian/{review.pk}/danh-sach.xlsx")
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_unit_hr_of_another_unit_gets_404_on_a_province_review(hr_b, review):
    assert client_for(hr_b).get(f"/danh-gia/tinh-gian/{review.pk}/").status_code == 404


def test_the_facts_page_records_a_qualification_gap(hr_a, staff):
    client = client_for(hr_a)
    client.post(
        "/danh-gia/cong-chuc/CC001/du-lieu-tinh-gian/chua-dat-chuan/",
        {"required_level": "Đại học", "actual_level": "Cao đẳng", "recorded_on": "2025-03-01"},
    )
    html = main_html(client.get("/danh-gia/cong-chuc/CC001/du-lieu-tinh-gian/"))
    assert "Cao đẳng / Đại học" in html


def test_every_page_renders_for_the_organiser(organiser, hr_a, review, staff):
    rated = decided(hr_a, staff["dung"], "ht")
    imported_an = AnnualEvaluation.objects.get(person=staff["an"], year=ND90_YEAR)
    client = client_for(organiser)
    for url in (
        LIST,
        f"{LIST}?unit=BTC&year={ND90_YEAR}",
        f"/danh-gia/phieu/{rated.pk}/",
        f"/danh-gia/phieu/{imported_an.pk}/",
        f"/danh-gia/tu-danh-gia/CC003/{ND90_YEAR}/",
        "/danh-gia/cong-chuc/CC001/ky-luat/",
        "/danh-gia/cong-chuc/CC001/2026/nhiem-vu/",
        "/danh-gia/cong-chuc/CC001/du-lieu-tinh-gian/",
        "/danh-gia/bao-cao/",
        "/danh-gia/nhap/",
        "/danh-gia/tinh-gian/",
        f"/danh-gia/tinh-gian/{review.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<script>" not in main_html(response), url  # no inline script (CSP)


def test_a_year_outside_the_range_is_404(organiser, rated):
    client = client_for(organiser)
    assert client.get(f"{LIST}?year=1990").status_code == 404
    assert client.get(f"{LIST}?year=abc").status_code == 404
