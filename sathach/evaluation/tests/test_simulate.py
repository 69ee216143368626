"""`sathach simulate`: the whole cycle runs headless on a small demo province."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.management import call_command

from sathach.evaluation.constants import State
from sathach.evaluation.models import (
    AnnualEvaluation,
    Retest,
    StreamliningReview,
    TrainingAssignment,
)
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import Candidate, Plan
from sathach.results.models import PlanResult

pytestmark = pytest.mark.django_db(transaction=False)

CANDIDATES = 20
SEED = 3


@pytest.fixture
def run(tmp_path):
    out = io.StringIO()
    call_command(
        "simulate",
        candidates=CANDIDATES,
        seed=SEED,
        out=str(tmp_path),
        scale=0.03,
        stdout=out,
    )
    return out.getvalue(), tmp_path


def test_simulate_runs_the_whole_cycle_and_prints_every_step(run):
    text, folder = run
    for title in (
        "1. Kế hoạch SIM3",
        "2. Ca thi SIM3",
        "3. Chấm SIM3",
        "4. Kết quả SIM3",
        "5. Bồi dưỡng",
        "6. Kết quả kiểm tra lại SIM3-KTL",
        "7. Xếp loại năm",
        "8. Tinh giản biên chế",
    ):
        assert title in text
    assert "chấm tự động khi nộp bài" in text
    assert "Tóm tắt (seed 3, 20 thí sinh" in text
    assert str(folder.resolve()) in text

    plan = Plan.objects.get(code="SIM3")
    assert Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).count() == 20
    assert plan.results_published_at is not None
    assert PlanResult.objects.filter(plan=plan).count() == 20
    failed = set(
        PlanResult.objects.filter(plan=plan, passed=False).values_list(
            "candidate__person_id", flat=True
        )
    )
    assert failed, "the seed must leave someone below the bar"
    assert (
        set(TrainingAssignment.objects.filter(plan=plan).values_list("person_id", flat=True))
        == failed
    )
    link = Retest.objects.get(source=plan)
    retest_people = set(
        Candidate.objects.filter(plan=link.plan, status=CandidateStatus.INCLUDED).values_list(
            "person_id", flat=True
        )
    )
    assert retest_people == failed
    assert link.plan.results_published_at is not None
    people = Candidate.objects.filter(plan=plan).values("person_id")
    decided = AnnualEvaluation.objects.filter(person_id__in=people, state=State.DECIDED)
    assert decided.count() == 20
    assert StreamliningReview.objects.exists()


def test_simulate_writes_reports_that_open(run):
    text, folder = run
    names = sorted(p.name for p in folder.iterdir())
    assert "ket-qua-SIM3.xlsx" in names
    assert "tong-hop-don-vi-SIM3.pdf" in names
    assert "khong-dat-SIM3.xlsx" in names
    assert "boi-duong-SIM3.xlsx" in names
    assert any(n.startswith("xep-loai-") for n in names)
    assert any(n.startswith("tinh-gian-") for n in names)
    for path in folder.iterdir():
        assert path.name in text
        if path.suffix == ".xlsx":
            openpyxl.load_workbook(path)
        else:
            assert path.read_bytes().startswith(b"%PDF-")
