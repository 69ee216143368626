import collections
import datetime as dt
import io
import re
import unicodedata

import pytest
from django.contrib.auth.hashers import check_password
from django.core.management import call_command

from bench import bench_demo, runner
from sathach.accounts.constants import Role
from sathach.accounts.models import RoleAssignment, User
from sathach.audit.models import AuditEvent
from sathach.audit.services import audit_verify
from sathach.core.errors import ServiceError
from sathach.demo.positions import POSITIONS
from sathach.demo.province import (
    AS_OF,
    DEMO_PASSWORD,
    LOGINS,
    database_digest,
    province_generate,
    province_seed,
)
from sathach.org.constants import Block, Gender, Relation, UnitKind, UnitLevel
from sathach.org.models import Person, Relative, Unit
from sathach.plans.constants import CandidateStatus
from sathach.plans.models import Form, Plan

SMALL = 0.05  # about 700 persons on the full tree


@pytest.fixture(scope="module")
def full():
    return province_generate(seed=2019)


def _age(birth: dt.date, on: dt.date = AS_OF) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# --- The generator (no database) ---------------------------------------------------------------


def test_full_scale_province_has_the_structure_of_the_issue(full):
    units = {u.code: u for u in full.units}
    kinds = collections.Counter(u.kind for u in full.units)
    assert kinds[UnitKind.PROVINCE] == 1 and units["NA"].name == "Tỉnh Nghệ An"
    blocks = [u for u in full.units if u.kind == UnitKind.BLOCK]
    assert sorted(b.block for b in blocks) == sorted(Block.values)
    agencies = [u for u in full.units if u.kind == UnitKind.AGENCY]
    assert len(agencies) >= 60
    assert {a.block for a in agencies} == set(Block.values)
    for agency in agencies:
        departments = [
            u for u in full.units if u.parent == agency.code and u.kind == UnitKind.DEPARTMENT
        ]
        assert 2 <= len(departments) <= 6, agency.code
    communes = [u for u in full.units if u.kind == UnitKind.COMMUNE]
    assert len(communes) == 130
    assert sum(c.name.startswith("Xã ") for c in communes) == 119
    assert sum(c.name.startswith("Phường ") for c in communes) == 11
    assert len({c.name for c in communes}) == 130
    assert all(c.level == UnitLevel.COMMUNE and c.parent == "NA" for c in communes)
    for commune in communes:
        assert sum(u.parent == commune.code for u in full.units) == 5
    districts = [u for u in full.units if u.kind == UnitKind.DISTRICT]
    assert len(districts) >= 20
    assert all(
        not d.is_active and d.dissolved_on == dt.date(2025, 7, 1) and d.level == UnitLevel.DISTRICT
        for d in districts
    )
    # The socio-political organisations sit under the Fatherland Front since 2025.
    assert units["HND"].block == Block.MASS
    assert units[units["HND"].parent].parent == "MTTQ"


def test_units_come_after_their_parents(full):
    seen = set()
    for unit in full.units:
        assert unit.parent == "" or unit.parent in seen, unit.code
        seen.add(unit.code)


def test_full_scale_roster_has_at_least_12000_persons_and_300_relative_pairs(full):
    counts = full.counts()
    assert counts["persons"] >= 12_000
    assert 280 <= counts["relatives"] <= 300
    in_communes = sum(p.unit.startswith(("XA-", "PH-")) for p in full.persons)
    assert 7_000 <= in_communes <= 8_600  # about 60 per commune-level unit
    assert not any(p.unit.startswith("H-") for p in full.persons)  # former districts: no staff


def test_codes_are_unique_ascii_and_without_slash(full):
    unit_codes = [u.code for u in full.units]
    assert len(set(unit_codes)) == len(unit_codes)
    for code in unit_codes:
        assert code.isascii() and "/" not in code and len(code) <= 30, code
    person_codes = [p.code for p in full.persons]
    assert len(set(person_codes)) == len(person_codes)
    assert all(re.fullmatch(r"CC\d{6}", code) for code in person_codes)
    assert len({p.code for p in POSITIONS}) == len(POSITIONS) >= 15


def test_names_are_nfc_with_single_spaces(full):
    texts = [u.name for u in full.units] + [p.full_name for p in full.persons]
    texts += [p.qualification for p in full.persons] + [p.name for p in POSITIONS]
    for text in texts:
        assert text == unicodedata.normalize("NFC", text) == " ".join(text.split()), text
    assert all(len(p.full_name.split(" ")) >= 3 for p in full.persons)


def test_family_names_follow_vietnamese_frequencies(full):
    families = collections.Counter(p.full_name.split(" ")[0] for p in full.persons)
    share = families["Nguyễn"] / len(full.persons)
    assert 0.32 <= share <= 0.42
    assert [name for name, _n in families.most_common(3)] == ["Nguyễn", "Trần", "Lê"]


def test_persons_have_plausible_ages_service_ranks_and_flags(full):
    persons = full.persons
    for p in persons:
        assert 23 <= _age(p.birth_date) <= 60, p
        assert _age(p.birth_date, p.hired_on) >= 22 and p.hired_on <= AS_OF, p
        if p.position in ("KT", "XA-TCKT"):
            assert p.rank.startswith("06.")
        elif p.position == "VT":
            assert p.rank.startswith("02.")
        elif p.position == "TTV":
            assert p.rank.startswith("04.")
        if p.rank == "01.001":
            assert p.is_leader
    n = len(persons)
    women = sum(p.gender == Gender.FEMALE for p in persons) / n
    leaders = sum(p.is_leader for p in persons) / n
    members = sum(p.is_party_member for p in persons) / n
    disciplined = sum(p.under_discipline for p in persons) / n
    assert 0.45 <= women <= 0.55
    assert 0.09 <= leaders <= 0.15
    assert 0.55 <= members <= 0.65
    assert 0.002 <= disciplined <= 0.01
    ranks = collections.Counter(p.rank for p in persons)
    assert ranks.most_common(1)[0][0] == "01.003"
    assert 0 < ranks["01.001"] < ranks["01.002"]
    assert len({p.position for p in persons}) >= 15


def test_relatives_link_distinct_persons_once(full):
    persons = {p.code: p for p in full.persons}
    pairs = set()
    spouses = collections.Counter()
    for row in full.relatives:
        a, b = persons[row.person], persons[row.relative]
        assert a.code != b.code
        pair = frozenset((a.code, b.code))
        assert pair not in pairs
        pairs.add(pair)
        if row.relation == Relation.SPOUSE:
            assert a.gender != b.gender
            spouses.update([a.code, b.code])
        elif row.relation == Relation.PARENT:
            assert (
                22 <= b.birth_date.year - a.birth_date.year <= 38
                or 22 <= a.birth_date.year - b.birth_date.year <= 38
            )
    assert max(spouses.values()) == 1
    assert set(Relation.values) == {row.relation for row in full.relatives}


def test_every_role_has_a_login_and_the_candidate_is_on_the_roster(full):
    logins = {row.role: row for row in full.logins}
    assert set(logins) == set(Role.values)
    assert len({row.username for row in full.logins}) == len(full.logins)
    assert logins[Role.CANDIDATE].person
    assert logins[Role.UNIT_HR].username == "tochuc.snv" and logins[Role.UNIT_HR].scope == "SNV"
    assert logins[Role.ADMIN].scope == logins[Role.ORGANISER].scope == "NA"
    people = [row.person for row in full.logins if row.person]
    assert len(set(people)) == len(people)


def test_same_seed_gives_the_same_province_and_another_seed_another():
    first = province_generate(seed=7, scale=0.2)
    again = province_generate(seed=7, scale=0.2)
    other = province_generate(seed=8, scale=0.2)
    assert first == again and first.digest() == again.digest()
    assert first.digest() != other.digest()
    assert first.units == other.units  # the tree is fixed; the people differ
    assert [p.full_name for p in first.persons] != [p.full_name for p in other.persons]


# --- Writing to the database ----------------------------------------------------------------


@pytest.mark.django_db
def test_seed_writes_exactly_the_generated_province():
    report = province_seed(seed=11, scale=SMALL)
    province = province_generate(seed=11, scale=SMALL)
    assert report.counts == province.counts()
    assert database_digest() == province.digest()
    department = Unit.objects.get(code="SNV-P2")
    assert department.path == "/NA/NA-CQ/SNV/SNV-P2/" and department.depth == 3
    assert Unit.objects.get(code="HND").path == "/NA/NA-MT/MTTQ/NA-CTXH/HND/"
    person = Person.objects.order_by("id").first()
    assert person.sort_key and person.search_text.endswith(person.code.lower())
    # bulk_create skips validation: the rows must be valid by construction.
    for unit in Unit.objects.all():
        unit.full_clean(exclude=["parent"], validate_unique=False, validate_constraints=False)
    for person in Person.objects.all():
        person.full_clean(
            exclude=["unit", "rank", "position"], validate_unique=False, validate_constraints=False
        )


@pytest.mark.django_db
def test_seed_creates_one_login_per_role_with_the_demo_password_and_scope():
    province_seed(seed=11, scale=SMALL)
    assignments = RoleAssignment.objects.select_related("user", "unit")
    assert {a.role for a in assignments} == set(Role.values)
    for username, role, scope, *_rest in LOGINS:
        assignment = assignments.get(user__username=username)
        assert assignment.role == role
        assert (assignment.unit.code if assignment.unit else "") == scope
        assert assignment.user.password.startswith("argon2")
        assert check_password(DEMO_PASSWORD, assignment.user.password)
    candidate = User.objects.get(username="thisinh")
    assert candidate.person is not None and candidate.full_name == candidate.person.full_name


@pytest.mark.django_db
def test_seed_writes_one_demo_audit_event_with_the_counts_and_keeps_the_chain():
    report = province_seed(seed=11, scale=SMALL)
    event = AuditEvent.objects.get(action="demo.seed")
    assert event.data["persons"] == report.counts["persons"] == Person.objects.count()
    assert event.data["relatives"] == Relative.objects.count()
    assert event.data["seed"] == 11
    assert AuditEvent.objects.filter(action__startswith="org.").count() == 0
    assert audit_verify().ok


@pytest.mark.django_db
def test_seed_is_refused_when_the_demo_exists():
    province_seed(seed=11, scale=0.02)
    with pytest.raises(ServiceError) as exc:
        province_seed(seed=11, scale=0.02)
    assert exc.value.code == "demo_exists"
    assert exc.value.message == "Cơ sở dữ liệu đã có tỉnh mẫu."


@pytest.mark.django_db
def test_full_scale_seed_fits_in_the_database_with_every_figure():
    report = province_seed(seed=2019)
    assert Person.objects.count() == report.counts["persons"] >= 12_000
    assert Unit.objects.filter(kind=UnitKind.AGENCY).count() >= 60
    assert Unit.objects.filter(kind=UnitKind.COMMUNE).count() == 130
    assert Relative.objects.count() == report.counts["relatives"]


# --- The command ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_command_seeds_prints_the_logins_then_reuses_the_database():
    out, err = io.StringIO(), io.StringIO()
    call_command("demo", "--no-serve", "--seed", "5", "--scale", "0.02", stdout=out, stderr=err)
    text = out.getvalue()
    assert "Đã tạo tỉnh mẫu (seed 5)" in text
    for username, *_rest in LOGINS:
        assert username in text
    assert DEMO_PASSWORD in text and "http://127.0.0.1:8000/" in text
    assert "Tạo tỉnh mẫu" in err.getvalue()  # the progress bar, on stderr
    persons = Person.objects.count()

    out = io.StringIO()
    call_command("demo", "--no-serve", "--seed", "6", stdout=out, stderr=io.StringIO())
    assert "Cơ sở dữ liệu đã có tỉnh mẫu (seed 5): dùng lại, không tạo thêm." in out.getvalue()
    assert "tochuc.snv" in out.getvalue()
    assert Person.objects.count() == persons
    assert AuditEvent.objects.filter(action="demo.seed").count() == 1


class _FakeProcess:
    """Stands in for a child process: the server returns at once, the worker runs on."""

    def __init__(self, argv, env):
        self.argv, self.env, self.stopped = argv, env, False
        STARTED.append(self)

    def wait(self, timeout=None):
        return 0

    def poll(self):
        return 0 if self.stopped or "gunicorn" in self.argv else None

    def terminate(self):
        self.stopped = True


STARTED: list[_FakeProcess] = []


@pytest.mark.django_db
def test_demo_command_serves_on_127_0_0_1_8000_with_a_worker_after_seeding(monkeypatch):
    STARTED.clear()
    monkeypatch.setattr("subprocess.Popen", _FakeProcess)
    monkeypatch.setattr("signal.signal", lambda signum, handler: None)
    call_command("demo", "--scale", "0.02", stdout=io.StringIO(), stderr=io.StringIO())
    worker, server = STARTED
    assert worker.argv[-3:] == ["-m", "sathach.cli", "worker"]
    assert "gunicorn" in server.argv and "127.0.0.1:8000" in server.argv
    assert worker.stopped  # the server exited, so the worker was stopped
    assert worker.env["DJANGO_SETTINGS_MODULE"]


@pytest.mark.django_db
def test_demo_leaves_the_demo_plan_assembled_and_sealed():
    out = io.StringIO()
    call_command("demo", "--no-serve", "--scale", "0.02", stdout=out, stderr=io.StringIO())
    part = Plan.objects.get(code="DEMO").parts.get()
    forms = Form.objects.filter(part=part)
    included = part.plan.candidates.filter(status=CandidateStatus.INCLUDED).count()
    assert forms.count() == included > 0
    assert not forms.filter(sealed_at__isnull=True).exists()
    assert f"Đã lập và niêm phong {included} đề phần 1 của kế hoạch DEMO" in out.getvalue()


# --- The benchmark ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_bench_runner_finds_the_demo_benchmark_and_describes_the_machine():
    assert "demo" in runner.discover()
    machine = runner.machine_info()
    assert machine["cores"] >= 1 and machine["cpu"]
    assert machine["database"].startswith(("SQLite", "PostgreSQL"))
    out = io.StringIO()
    runner.print_report(
        {"machine": machine, "args": {}, "results": {"demo": {"persons": 12_524, "x_s": 1.5}}},
        out=out,
    )
    assert out.getvalue().startswith("Machine: ") and "12,524" in out.getvalue()


@pytest.mark.django_db
def test_demo_benchmark_reports_the_seed_and_its_executemany_baseline():
    figures = bench_demo.run(runner.BenchArgs(seed=3, scale=0.02))
    assert figures["persons"] == Person.objects.count()
    assert figures["seed_total_s"] > 0 and figures["baseline_executemany_s"] > 0
    assert figures["orm_to_executemany"] > 0
    assert not Person.objects.filter(code__startswith="B").exists()  # the baseline rolled back


def test_bench_command_lists_the_benchmarks():
    out = io.StringIO()
    call_command("bench", "--list", stdout=out)
    assert any(line.startswith("demo ") for line in out.getvalue().splitlines())
