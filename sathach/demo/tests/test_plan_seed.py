import pytest

from sathach.demo.bank_seed import bank_seed
from sathach.demo.plan_seed import (
    PLAN_NAME,
    plan_exists,
    plan_forms_seal,
    plan_forms_sealed,
    plan_seed,
)
from sathach.demo.province import province_generate, province_write
from sathach.plans.constants import CandidateStatus, PartKind
from sathach.plans.models import Form
from sathach.plans.services import blueprint_validate

pytestmark = pytest.mark.django_db


def test_demo_plan_is_ready_to_assemble():
    province_write(province_generate(seed=7, scale=0.05))
    bank_seed(seed=7)
    plan = plan_seed(seed=7)
    assert plan_exists() and plan.code == "DEMO" and plan.name == PLAN_NAME
    assert plan.exam_profile.startswith("TT22-2025@") and plan.starts_on.year == 2026
    assert sorted(plan.scopes.values_list("unit__code", flat=True)) == ["BTC", "SNV"]
    included = plan.candidates.filter(status=CandidateStatus.INCLUDED)
    assert included.exists()
    paths = set(included.values_list("person__unit__path", flat=True))
    scopes = [s.unit.path for s in plan.scopes.select_related("unit")]
    assert {next(p for p in scopes if path.startswith(p)) for path in paths} == set(scopes)
    part = plan.parts.get()
    assert (part.kind, part.minutes, part.max_score, part.pass_mark) == (
        PartKind.COMPUTER_MCQ,
        60,
        100,
        50,
    )
    assert sum(c.count for c in part.cells.all()) == 60
    assert not [i for i in blueprint_validate(plan=plan) if i.blocking]

    assert not plan_forms_sealed()  # ready to assemble, nothing assembled yet

    result = plan_forms_seal(seed=7)
    assert result.within_tolerance and result.blueprint_ok
    assert plan_forms_sealed()
    assert Form.objects.filter(part=part, sealed_at__isnull=False).count() == included.count()
