"""The report aggregates equal the values counted by hand on the plan of ``helpers``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from django.http import Http404

from sathach.bank.models import ItemVersion
from sathach.delivery.models import Attempt
from sathach.results.reports.access import ReportScope, report_scope_get
from sathach.results.reports.selectors import (
    AGE,
    BLOCK,
    POSITION,
    RANK,
    UNIT,
    below_bar,
    breakdown,
    part_histograms,
    reference_date,
    results_rows,
    summary,
    topic_stats,
    total_histogram,
)

pytestmark = pytest.mark.django_db


def _scope(exam, unit=None) -> ReportScope:
    return report_scope_get(
        user=exam.organiser, plan=exam.plan, unit_code=unit.code if unit else None
    )


def _rates(tallies):
    return {t.label: (t.candidates, t.complete, t.passed, t.pass_rate) for t in tallies}


def test_summary_counts_complete_passed_absent_classes_and_mean(exam):
    total = summary(_scope(exam))
    assert (total.candidates, total.complete, total.pending) == (6, 6, 0)
    assert (total.passed, total.not_passed, total.absent) == (3, 3, 1)
    assert (total.excellent, total.good, total.fair, total.failed) == (1, 2, 0, 3)
    assert total.pass_rate == Decimal("50.00")
    # (100 + 42.86 + 85.71 + 71.43 + 0 + 42.86) / 6 = 57.143…
    assert total.mean_percent == Decimal("57.14")
    assert [(label, n) for label, n, _share in total.levels] == [
        ("Xuất sắc", 1),
        ("Tốt", 2),
        ("Đạt", 0),
        ("Không đạt", 3),
    ]


def test_pass_rate_by_unit_rolls_a_department_up_to_its_agency(exam):
    rows = breakdown(_scope(exam), UNIT)
    assert _rates(rows) == {
        "Ban Tổ chức Tỉnh ủy": (3, 3, 2, Decimal("66.67")),
        "Sở Nội vụ": (3, 3, 1, Decimal("33.33")),
    }
    # As the organisation tree lists them: Khối Chính quyền before Khối Đảng.
    assert [t.unit_code for t in rows] == ["SNV", "BTC"]


def test_a_unit_report_groups_by_the_units_children(exam):
    province = exam.province
    rows = breakdown(_scope(exam, province.unit_a), UNIT)
    assert _rates(rows) == {
        "Ban Tổ chức Tỉnh ủy": (2, 2, 1, Decimal("50.00")),  # its own staff: 0001, 0005
        "Phòng Tổ chức cán bộ": (1, 1, 1, Decimal("100.00")),  # 0003
    }


def test_pass_rate_by_block(exam):
    assert _rates(breakdown(_scope(exam), BLOCK)) == {
        "Khối Đảng": (3, 3, 2, Decimal("66.67")),
        "Khối Chính quyền": (3, 3, 1, Decimal("33.33")),
    }


def test_pass_rate_by_rank(exam):
    rows = breakdown(_scope(exam), RANK)
    assert _rates(rows) == {
        "01.002 — Chuyên viên chính": (3, 3, 2, Decimal("66.67")),
        "01.003 — Chuyên viên": (3, 3, 1, Decimal("33.33")),
    }


def test_pass_rate_by_position_lists_those_without_one_last(exam):
    rows = breakdown(_scope(exam), POSITION)
    assert [t.label for t in rows] == [
        "Chuyên viên tổ chức cán bộ",
        "Chuyên viên tổng hợp",
        "Chưa xác định vị trí việc làm",
    ]
    assert _rates(rows) == {
        "Chuyên viên tổng hợp": (2, 2, 2, Decimal("100.00")),
        "Chuyên viên tổ chức cán bộ": (3, 3, 1, Decimal("33.33")),
        "Chưa xác định vị trí việc làm": (1, 1, 0, Decimal("0.00")),
    }


def test_age_bands_count_age_on_the_first_sitting_day_birthdays_included(exam):
    assert reference_date(exam.plan) == dt.date(2026, 3, 10)
    rows = breakdown(_scope(exam), AGE)
    assert [t.label for t in rows] == [
        "Dưới 30 tuổi",
        "Từ 30 đến 39 tuổi",
        "Từ 40 đến 49 tuổi",
        "Từ 50 tuổi trở lên",
    ]
    assert _rates(rows) == {
        "Dưới 30 tuổi": (1, 1, 1, Decimal("100.00")),
        "Từ 30 đến 39 tuổi": (2, 2, 1, Decimal("50.00")),  # 0002 turns 30 that day
        "Từ 40 đến 49 tuổi": (2, 2, 0, Decimal("0.00")),
        "Từ 50 tuổi trở lên": (1, 1, 1, Decimal("100.00")),  # 0004 turns 50 that day
    }


def test_histogram_of_totals_puts_each_total_in_its_five_percent_bin_with_the_pass_line(exam):
    histogram = total_histogram(_scope(exam))
    expected = [0] * 20
    for percent in (100, 42.86, 85.71, 71.43, 0, 42.86):
        expected[min(int(percent // 5), 19)] += 1
    assert histogram.counts == expected
    assert histogram.total == 6
    assert [(line.value, line.label) for line in histogram.lines] == [
        (50.0, "Mức đạt 50%"),
        (70.0, "Tốt 70%"),
        (90.0, "Xuất sắc 90%"),
    ]


def test_part_histogram_counts_scored_parts_only(exam):
    (histogram,) = part_histograms(_scope(exam))
    assert histogram.total == 5  # 0005 was absent: no score
    assert histogram.counts[8] == 2 and histogram.counts[19] == 1
    assert histogram.lines[0].value == 50.0


def test_topic_percent_correct_over_every_item_asked_blank_counting_wrong(exam):
    (part,) = topic_stats(_scope(exam))
    assert part.attempts == 5
    rows = {r.code: r for r in part.rows}
    assert (rows["KTC"].presented, rows["KTC"].correct) == (20, 15)
    assert (rows["PL"].presented, rows["PL"].correct) == (15, 9)
    assert rows["KTC"].percent_correct == Decimal("75.00")
    assert rows["PL"].percent_correct == Decimal("60.00")
    assert rows["KTC"].percent_credit == Decimal("75.00")  # no partial credit given
    # Items: the distinct versions on the forms of the finished attempts.
    used = {
        vid
        for attempt in Attempt.objects.filter(sitting=exam.sitting).exclude(state="scheduled")
        for vid in attempt.form.items
    }
    asked = Counter(v.item.topic.code for v in ItemVersion.objects.filter(pk__in=used))
    assert (rows["KTC"].items, rows["PL"].items) == (asked["KTC"], asked["PL"])


def test_topic_percent_correct_of_a_unit_counts_its_people_only(exam):
    (part,) = topic_stats(_scope(exam, exam.province.unit_b))
    rows = {r.code: r for r in part.rows}
    assert part.attempts == 3  # 0002, 0004, 0006
    assert (rows["KTC"].correct, rows["KTC"].presented) == (7, 12)
    assert (rows["PL"].correct, rows["PL"].presented) == (4, 9)
    assert rows["PL"].percent_correct == Decimal("44.44")


def test_below_bar_lists_each_unit_s_people_by_name_with_reasons(exam):
    groups = below_bar(_scope(exam))
    assert [(g.name, [r.number for r in g.rows]) for g in groups] == [
        ("Sở Nội vụ", ["0002", "0006"]),
        ("Ban Tổ chức Tỉnh ủy", ["0005"]),
    ]
    absent = groups[1].rows[0]
    assert absent.name == "Nguyễn Văn Thí Sinh 5"
    assert absent.reasons == ["Phần 1: Vắng thi"]
    first = groups[0].rows[0]
    assert first.reasons == ["Phần 1: 42,86/100, dưới mức đạt"]
    assert first.rank == "Chuyên viên chính" and first.position == ""


def test_results_rows_hold_every_candidate_by_unit_then_number(exam):
    parts, groups = results_rows(_scope(exam))
    assert [p.order for p in parts] == [1]
    assert [(g.code, [r.number for r in g.rows]) for g in groups] == [
        ("SNV", ["0002", "0004", "0006"]),
        ("BTC", ["0001", "0003", "0005"]),
    ]
    first = groups[1].rows[0]
    assert first.scores == [("scored", Decimal("100.00"))] and first.classification == "excellent"
    assert groups[1].rows[2].scores == [("absent", None)]


def test_a_unit_outside_the_plan_has_no_report(exam):
    with pytest.raises(Http404):
        report_scope_get(user=exam.organiser, plan=exam.plan, unit_code=exam.province.commune.code)
    with pytest.raises(Http404):
        report_scope_get(user=exam.organiser, plan=exam.plan, unit_code="KHONG-CO")
