"""The demo province: generated from a seed as plain rows, then written in bulk.

``province_generate`` is pure: the same seed and scale give the same rows, in the same order,
on every machine (ages are counted on the fixed date ``AS_OF``, never on today). ``province_write``
writes those rows in one transaction: units level by level (a unit's path needs its parent's),
persons and relatives with ``bulk_create`` in chunks, the demo logins through the accounts
services, and a single ``demo.seed`` audit event with the counts; ``province_seed`` does both.
In a fresh database the same seed therefore gives the same rows with the same ids;
``database_digest`` proves it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Model
from django.utils.translation import gettext as _

from sathach.accounts.constants import Role
from sathach.accounts.models import RoleAssignment, User
from sathach.accounts.services import role_assign, user_create
from sathach.audit.models import AuditEvent
from sathach.audit.services import audit_record
from sathach.core.errors import ServiceError
from sathach.lib.text import clean_name
from sathach.org.constants import Gender, Relation, UnitKind, UnitLevel
from sathach.org.models import Person, Position, Rank, Relative, Unit
from sathach.org.services import person_fill_derived, unit_fill_derived

from . import names
from .positions import POOLS, POSITIONS, POSITIONS_BY_CODE
from .units import (
    AGENCIES,
    BLOCKS,
    COMMUNE_DEPARTMENTS,
    DISTRICTS,
    DISTRICTS_DISSOLVED_ON,
    ROOT_CODE,
    ROOT_NAME,
    WARD_ECONOMY_NAME,
    AgencySpec,
    BlockSpec,
    commune_specs,
)

DEFAULT_SEED = 2019
# Ages and service are counted on this day (the first day of two-tier local government), so
# the roster does not change with the calendar.
AS_OF = dt.date(2025, 7, 1)
# At scale 1: about 60 civil servants per commune-level unit (the merger plan, domain.md §5) and
# the rest in the provincial agencies, ~12,400 in all; about 300 declared relative pairs.
PERSONS_PER_COMMUNE = 60
PROVINCIAL_PERSONS = 4500
RELATIVE_PAIRS = 300
DEMO_PASSWORD = "SatHach@2019"  # noqa: S105 - the published password of the demo logins
CHUNK = 1000  # rows per bulk_create call (Django splits further to SQLite's variable limit)

# Retirement ages in 2025 are about 61 (men) and 57 (women); nobody on the roster is older.
MAX_AGE = {Gender.MALE: 60, Gender.FEMALE: 56}
# (youngest, oldest) age of a holder of each leadership position.
LEADER_AGES = {"LD-TRUONG": (45, 59), "LD-PHO": (40, 59), "LD-TP": (35, 58), "LD-PTP": (30, 57)}
# Share of holders over 40 who have reached the senior rank of their position.
SENIOR_SHARE = {"LD-TRUONG": 0.4, "LD-PHO": 0.1, "LD-TP": 0.6, "LD-PTP": 0.35}


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    kind: str
    level: str
    block: str
    parent: str  # code of the parent unit, "" for the root
    depth: int
    sort_order: int
    is_active: bool = True
    dissolved_on: dt.date | None = None


@dataclass(frozen=True)
class PersonRow:
    code: str
    full_name: str
    birth_date: dt.date
    gender: str
    unit: str
    rank: str
    position: str
    qualification: str
    hired_on: dt.date
    is_leader: bool
    is_party_member: bool
    under_discipline: bool


@dataclass(frozen=True)
class RelativeRow:
    person: str
    relative: str
    relation: str  # what ``relative`` is to ``person``


@dataclass(frozen=True)
class LoginRow:
    username: str
    role: str
    scope: str  # unit code, "" for none
    person: str  # person code, "" for none
    full_name: str


@dataclass(frozen=True)
class Province:
    """Everything the demo writes, as plain rows in insertion order."""

    seed: int
    scale: float
    units: tuple[UnitRow, ...]
    persons: tuple[PersonRow, ...]
    relatives: tuple[RelativeRow, ...]
    logins: tuple[LoginRow, ...]

    def counts(self) -> dict[str, int]:
        kinds = Counter(unit.kind for unit in self.units)
        return {
            "units": len(self.units),
            "blocks": kinds[UnitKind.BLOCK],
            "agencies": kinds[UnitKind.AGENCY],
            "departments": kinds[UnitKind.DEPARTMENT],
            "communes": kinds[UnitKind.COMMUNE],
            "former_districts": kinds[UnitKind.DISTRICT],
            "persons": len(self.persons),
            "leaders": sum(p.is_leader for p in self.persons),
            "party_members": sum(p.is_party_member for p in self.persons),
            "relatives": len(self.relatives),
            "logins": len(self.logins),
        }

    def digest(self) -> str:
        return rows_digest(self.units, self.persons, self.relatives)


def rows_digest(*tables: Iterable[Any]) -> str:
    """Return a SHA-256 over the rows of ``tables`` (dataclass rows, in order)."""
    digest = hashlib.sha256()
    for table in tables:
        for row in table:
            digest.update(json.dumps(astuple(row), default=str, ensure_ascii=False).encode())
            digest.update(b"\n")
        digest.update(b"\x00")
    return digest.hexdigest()


# --- Generation (pure) ---------------------------------------------------------------------------


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class _Staffed:
    """A unit whose people are generated, with its departments (unit, staff pool, weight)."""

    unit: UnitRow
    departments: tuple[tuple[UnitRow, str, float], ...]
    weight: float = 1.0  # an agency's relative head-count
    highland: bool = False


class _Generator:
    """Draws every unit and person from one ``random.Random(seed)``, in a fixed order."""

    def __init__(self, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
        self.scale = scale
        self.units: list[UnitRow] = []
        self.persons: list[PersonRow] = []

    # Units ------------------------------------------------------------------------------------
    def unit(
        self,
        code: str,
        name: str,
        kind: str,
        level: str,
        parent: UnitRow | None,
        *,
        block: str = "",
        sort_order: int = 0,
        is_active: bool = True,
        dissolved_on: dt.date | None = None,
    ) -> UnitRow:
        row = UnitRow(
            code=code,
            name=clean_name(name),
            kind=kind,
            level=level,
            block=block,
            parent=parent.code if parent else "",
            depth=parent.depth + 1 if parent else 0,
            sort_order=sort_order,
            is_active=is_active,
            dissolved_on=dissolved_on,
        )
        self.units.append(row)
        return row

    def structure(self) -> tuple[list[_Staffed], list[_Staffed]]:
        """Create every unit; return the staffed ones: the agencies, then the communes."""
        root = self.unit(ROOT_CODE, ROOT_NAME, UnitKind.PROVINCE, UnitLevel.PROVINCE, None)
        by_code = {root.code: root}
        agencies: list[_Staffed] = []
        # A parent may be declared after its child (the mass block sits under MTTQ): place
        # what can be placed, in the declared order, then go round again.
        pending: list[BlockSpec | AgencySpec] = [*BLOCKS, *AGENCIES]
        while pending:
            waiting: list[BlockSpec | AgencySpec] = []
            for spec in pending:
                parent = by_code.get(spec.parent)
                if parent is None:
                    waiting.append(spec)
                    continue
                kind = UnitKind.BLOCK if isinstance(spec, BlockSpec) else UnitKind.AGENCY
                siblings = sum(1 for u in self.units if u.parent == parent.code)
                row = self.unit(
                    spec.code,
                    spec.name,
                    kind,
                    UnitLevel.PROVINCE,
                    parent,
                    block=spec.block,
                    sort_order=siblings,
                )
                by_code[row.code] = row
                if isinstance(spec, AgencySpec):
                    departments = tuple(
                        (
                            self.unit(
                                f"{spec.code}-P{i}",
                                name,
                                UnitKind.DEPARTMENT,
                                UnitLevel.PROVINCE,
                                row,
                                block=spec.block,
                                sort_order=100 + i,
                            ),
                            pool,
                            1.0,
                        )
                        for i, (name, pool) in enumerate(spec.departments, start=1)
                    )
                    agencies.append(_Staffed(row, departments, weight=spec.weight))
            if len(waiting) == len(pending):
                raise ValueError(f"unknown parents: {sorted({s.parent for s in waiting})}")
            pending = waiting
        communes: list[_Staffed] = []
        for i, place in enumerate(commune_specs()):
            row = self.unit(
                place.code,
                place.name,
                UnitKind.COMMUNE,
                UnitLevel.COMMUNE,
                root,
                sort_order=1000 + i,
            )
            departments = tuple(
                (
                    self.unit(
                        f"{place.code}-{suffix}",
                        WARD_ECONOMY_NAME if suffix == "KT" and place.is_ward else name,
                        UnitKind.DEPARTMENT,
                        UnitLevel.COMMUNE,
                        row,
                        block=block,
                        sort_order=j,
                    ),
                    pool,
                    weight,
                )
                for j, (suffix, name, block, pool, weight) in enumerate(COMMUNE_DEPARTMENTS)
            )
            communes.append(_Staffed(row, departments, highland=place.highland))
        for i, (code, name, _highland) in enumerate(DISTRICTS):
            self.unit(
                code,
                name,
                UnitKind.DISTRICT,
                UnitLevel.DISTRICT,
                root,
                sort_order=5000 + i,
                is_active=False,
                dissolved_on=DISTRICTS_DISSOLVED_ON,
            )
        # Insert parents before children: a stable sort keeps the declared order within a level.
        self.units.sort(key=lambda u: u.depth)
        return agencies, communes

    # People -----------------------------------------------------------------------------------
    def person(self, unit: str, position: str, *, highland: bool = False) -> PersonRow:
        rng = self.rng
        spec = POSITIONS_BY_CODE[position]
        female_share = 0.3 if spec.is_leadership else 0.53
        gender = Gender.FEMALE if rng.random() < female_share else Gender.MALE
        oldest = MAX_AGE[gender]
        if position in LEADER_AGES:
            low, high = LEADER_AGES[position]
            age = rng.randint(low, min(high, oldest))
        else:
            age = 23 + round(rng.betavariate(2.0, 2.4) * (oldest - 23))
        latest = _add_years(AS_OF, -age)
        earliest = _add_years(AS_OF, -age - 1) + dt.timedelta(days=1)
        birth = earliest + dt.timedelta(days=rng.randrange((latest - earliest).days + 1))
        hire_age = rng.randint(22, min(age - 1, 30))
        hired = _add_years(birth, hire_age) + dt.timedelta(days=rng.randrange(1, 365))
        hired = min(hired, AS_OF)
        rank = spec.rank
        senior_share = SENIOR_SHARE.get(position, 0.25)
        if spec.senior_rank and age >= 40 and rng.random() < senior_share:
            rank = spec.senior_rank
        elif spec.junior_rank and age < 30 and rng.random() < 0.25:
            rank = spec.junior_rank
        code = f"CC{len(self.persons) + 1:06d}"
        row = PersonRow(
            code=code,
            full_name=clean_name(names.full_name(rng, gender, highland=highland)),
            birth_date=birth,
            gender=str(gender),
            unit=unit,
            rank=rank,
            position=position,
            qualification=rng.choice(spec.qualifications),
            hired_on=hired,
            is_leader=spec.is_leadership,
            is_party_member=rng.random() < (0.97 if spec.is_leadership else 0.55),
            under_discipline=rng.random() < 0.005,
        )
        self.persons.append(row)
        return row

    def staff(self, unit: str, pool: str, count: int, *, highland: bool = False) -> None:
        """Staff a department: a head, a deputy per fifteen people, the rest from ``pool``.

        A department shrunk to one or two people (small ``scale``) seldom keeps its head, so
        a small demo is not all leaders.
        """
        deputies = (count - 1) // 15
        has_head = count >= 3 or self.rng.random() < 0.15
        for i in range(count):
            if i == 0 and has_head:
                position = "LD-TP"
            elif 0 < i <= deputies:
                position = "LD-PTP"
            else:
                position = self.rng.choice(POOLS[pool])
            self.person(unit, position, highland=highland)

    def people(self, agencies: Sequence[_Staffed], communes: Sequence[_Staffed]) -> None:
        rng, scale = self.rng, self.scale
        total_weight = sum(agency.weight for agency in agencies)
        for agency in agencies:
            self.person(agency.unit.code, "LD-TRUONG")
            for _deputy in range(round(rng.randint(1, 3) * min(scale, 1.0))):
                self.person(agency.unit.code, "LD-PHO")
            share = PROVINCIAL_PERSONS * scale * agency.weight / total_weight
            for dept, pool, _weight in agency.departments:
                count = round(share / len(agency.departments) * rng.uniform(0.75, 1.25))
                self.staff(dept.code, pool, count)
        for commune in communes:
            size = PERSONS_PER_COMMUNE * scale * rng.uniform(0.8, 1.2)
            for dept, pool, weight in commune.departments:
                count = round(size * weight * rng.uniform(0.85, 1.15))
                self.staff(dept.code, pool, count, highland=commune.highland)

    # Relatives --------------------------------------------------------------------------------
    def relatives(self, target: int) -> list[RelativeRow]:
        """Declare about ``target`` pairs: spouses, siblings, parents and children, in-laws."""
        rng, persons = self.rng, self.persons
        if len(persons) < 2:
            return []
        men = [p for p in persons if p.gender == Gender.MALE]
        women = [p for p in persons if p.gender == Gender.FEMALE]
        by_family: dict[str, list[PersonRow]] = defaultdict(list)
        for p in persons:
            by_family[p.full_name.split(" ")[0]].append(p)
        young = [p for p in persons if p.birth_date.year >= AS_OF.year - 36] or persons
        plan = (
            [Relation.SPOUSE] * 40
            + [Relation.SIBLING] * 30
            + [Relation.PARENT] * 20
            + [Relation.SPOUSE_SIBLING] * 5
            + [Relation.SPOUSE_PARENT] * 5
        )
        married: set[str] = set()
        pairs: set[frozenset[str]] = set()
        rows: list[RelativeRow] = []

        def years(a: PersonRow, b: PersonRow) -> int:
            return b.birth_date.year - a.birth_date.year  # > 0: b is younger

        for n in range(target):
            relation = plan[n % len(plan)]
            for _attempt in range(60):
                if relation == Relation.SPOUSE:
                    if not men or not women:
                        break
                    a, b = rng.choice(men), rng.choice(women)
                    ok = -3 <= years(a, b) <= 10 and not {a.code, b.code} & married
                elif relation == Relation.SIBLING:
                    a = rng.choice(persons)
                    b = rng.choice(by_family[a.full_name.split(" ")[0]])
                    ok = 1 <= abs(years(a, b)) <= 14
                elif relation == Relation.PARENT:
                    a = rng.choice(young)  # the child
                    if rng.random() < 0.6:  # the father passes on the family name
                        b = rng.choice(by_family[a.full_name.split(" ")[0]])
                        ok = b.gender == Gender.MALE
                    else:
                        b = rng.choice(women) if women else rng.choice(persons)
                        ok = True
                    ok = ok and 22 <= years(b, a) <= 38
                elif relation == Relation.SPOUSE_PARENT:
                    a, b = rng.choice(young), rng.choice(persons)
                    ok = 22 <= years(b, a) <= 38
                else:
                    a, b = rng.choice(persons), rng.choice(persons)
                    ok = abs(years(a, b)) <= 15
                pair = frozenset((a.code, b.code))
                if not ok or a.code == b.code or pair in pairs:
                    continue
                pairs.add(pair)
                if relation == Relation.SPOUSE:
                    married |= pair
                # Either side may be the one who declared it (``relation`` is what b is to a).
                if (
                    relation in (Relation.SPOUSE, Relation.SIBLING, Relation.SPOUSE_SIBLING)
                    and rng.random() < 0.5
                ):
                    rows.append(RelativeRow(b.code, a.code, str(relation)))
                elif relation == Relation.PARENT and rng.random() < 0.5:
                    rows.append(RelativeRow(b.code, a.code, str(Relation.CHILD)))
                else:
                    rows.append(RelativeRow(a.code, b.code, str(relation)))
                break
        return rows


# (username, role, scope unit, where to find the person behind the login).
# The person is the first one in the unit subtree (by code prefix) holding the position, or the
# first non-leader there when no position is named; "" means an account with no roster record.
LOGINS: tuple[tuple[str, str, str, str, str], ...] = (
    ("quantri", Role.ADMIN, ROOT_CODE, "", ""),
    ("bantochuc", Role.ORGANISER, ROOT_CODE, "BTC-P3", ""),
    ("tochuc.snv", Role.UNIT_HR, "SNV", "SNV-P2", ""),
    ("radethi", Role.AUTHOR, ROOT_CODE, "TCT", ""),
    ("thamdinh", Role.REVIEWER, ROOT_CODE, "BTC", ""),
    ("giamthi", Role.PROCTOR, ROOT_CODE, "SGD", ""),
    ("banphach", Role.CODER, ROOT_CODE, "SNV-P3", ""),
    ("giamkhao", Role.MARKER, ROOT_CODE, "TCT-P4", ""),
    ("phuckhao", Role.APPEALS, ROOT_CODE, "UBKT", ""),
    ("lanhdao", Role.LEADER, "SNV", "SNV", "LD-TRUONG"),
    ("thisinh", Role.CANDIDATE, "", "PH-001", ""),
)


def _logins(persons: Sequence[PersonRow]) -> list[LoginRow]:
    taken: set[str] = set()
    rows = []
    for username, role, scope, where, position in LOGINS:
        person = None
        if where:
            in_subtree = [
                p
                for p in persons
                if p.code not in taken and (p.unit == where or p.unit.startswith(where + "-"))
            ]
            matches = (
                [p for p in in_subtree if p.position == position]
                if position
                else [p for p in in_subtree if not p.is_leader]
            )
            free = [p for p in persons if p.code not in taken]
            person = next(iter(matches or in_subtree or free), None)
        if person is not None:
            taken.add(person.code)
        rows.append(
            LoginRow(
                username=username,
                role=str(role),
                scope=scope,
                person=person.code if person else "",
                full_name=person.full_name if person else str(Role(role).label),
            )
        )
    return rows


def province_generate(*, seed: int = DEFAULT_SEED, scale: float = 1.0) -> Province:
    """Return the demo province for ``seed``; ``scale`` shrinks the roster (not the tree)."""
    generator = _Generator(seed, scale)
    agencies, communes = generator.structure()
    generator.people(agencies, communes)
    relatives = generator.relatives(round(RELATIVE_PAIRS * scale))
    return Province(
        seed=seed,
        scale=scale,
        units=tuple(generator.units),
        persons=tuple(generator.persons),
        relatives=tuple(relatives),
        logins=tuple(_logins(generator.persons)),
    )


# --- Writing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedReport:
    seed: int
    scale: float
    counts: dict[str, int]
    seconds: dict[str, float]  # per phase, and "total"


def demo_exists() -> bool:
    """Say whether the database already holds the demo province (its root unit)."""
    return Unit.objects.filter(code=ROOT_CODE).exists()


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ids(model: type[Model], objs: Sequence[Any]) -> dict[str, int]:
    """Return code → id of freshly bulk-created ``objs`` (read back where ids were not returned)."""
    if all(obj.pk is not None for obj in objs):
        return {obj.code: obj.pk for obj in objs}
    ids: dict[str, int] = {}
    for chunk in _chunks([obj.code for obj in objs], 500):
        ids.update(model.objects.filter(code__in=chunk).values_list("code", "id"))  # type: ignore[attr-defined]
    for obj in objs:
        obj.pk = ids[obj.code]
    return ids


def _positions_ensure() -> dict[str, int]:
    """Create the demo job positions that do not exist yet; return code → id."""
    ranks = dict(Rank.objects.values_list("code", "id"))
    existing = dict(Position.objects.values_list("code", "id"))
    new = [
        Position(
            code=spec.code,
            name=spec.name,
            required_rank_id=ranks.get(spec.rank),
            is_leadership=spec.is_leadership,
        )
        for spec in POSITIONS
        if spec.code not in existing
    ]
    Position.objects.bulk_create(new)
    return existing | _ids(Position, new)


def _units_write(rows: Sequence[UnitRow], progress: Callable[[int], None]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for depth in sorted({row.depth for row in rows}):
        level = [
            unit_fill_derived(
                Unit(
                    code=row.code,
                    name=row.name,
                    kind=row.kind,
                    level=row.level,
                    block=row.block,
                    parent=units[row.parent] if row.parent else None,
                    sort_order=row.sort_order,
                    is_active=row.is_active,
                    dissolved_on=row.dissolved_on,
                )
            )
            for row in rows
            if row.depth == depth
        ]
        for chunk in _chunks(level):
            Unit.objects.bulk_create(chunk)
            _ids(Unit, chunk)
            progress(len(chunk))
        units.update((unit.code, unit) for unit in level)
    return units


def _persons_write(
    rows: Sequence[PersonRow], units: dict[str, Unit], progress: Callable[[int], None]
) -> dict[str, int]:
    ranks = dict(Rank.objects.values_list("code", "id"))
    missing = {row.rank for row in rows} - ranks.keys()
    if missing:
        raise ServiceError(
            _("Thiếu ngạch trong cơ sở dữ liệu: %(codes)s") % {"codes": ", ".join(sorted(missing))},
            code="rank_missing",
        )
    positions = _positions_ensure()
    ids: dict[str, int] = {}
    for chunk in _chunks(rows):
        objs = [
            person_fill_derived(
                Person(
                    code=row.code,
                    full_name=row.full_name,
                    birth_date=row.birth_date,
                    gender=row.gender,
                    unit_id=units[row.unit].pk,
                    rank_id=ranks[row.rank],
                    position_id=positions[row.position],
                    qualification=row.qualification,
                    hired_on=row.hired_on,
                    is_leader=row.is_leader,
                    is_party_member=row.is_party_member,
                    under_discipline=row.under_discipline,
                )
            )
            for row in chunk
        ]
        Person.objects.bulk_create(objs)
        ids.update(_ids(Person, objs))
        progress(len(chunk))
    return ids


def _relatives_write(
    rows: Sequence[RelativeRow], persons: dict[str, int], progress: Callable[[int], None]
) -> None:
    Relative.objects.bulk_create(
        Relative(
            person_id=persons[row.person], relative_id=persons[row.relative], relation=row.relation
        )
        for row in rows
    )
    progress(len(rows))


def _logins_write(
    rows: Sequence[LoginRow],
    units: dict[str, Unit],
    persons: dict[str, int],
    *,
    actor: Any,
    password: str,
    progress: Callable[[int], None],
) -> None:
    people = Person.objects.in_bulk([persons[row.person] for row in rows if row.person])
    for row in rows:
        user = user_create(
            actor=actor,
            username=row.username,
            password=password,
            full_name=row.full_name,
            person=people[persons[row.person]] if row.person else None,
        )
        role_assign(
            actor=actor, user=user, role=row.role, unit=units[row.scope] if row.scope else None
        )
        progress(1)


def province_write(
    province: Province,
    *,
    actor: Any = None,
    password: str = DEMO_PASSWORD,
    progress: Callable[[int], None] | None = None,
) -> SeedReport:
    """Write a generated ``province`` in one transaction; refuse if its root already exists.

    ``progress`` is called with the number of rows written after each chunk (units, persons,
    relatives, logins), so a caller can drive a progress bar of ``province_rows(province)``.
    """
    step = progress or (lambda _n: None)
    seconds: dict[str, float] = {}
    started = last = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        seconds[name] = round(now - last, 3)
        last = now

    with transaction.atomic():
        if demo_exists():
            raise ServiceError(_("Cơ sở dữ liệu đã có tỉnh mẫu."), code="demo_exists")
        units = _units_write(province.units, step)
        lap("units")
        persons = _persons_write(province.persons, units, step)
        lap("persons")
        _relatives_write(province.relatives, persons, step)
        lap("relatives")
        _logins_write(
            province.logins, units, persons, actor=actor, password=password, progress=step
        )
        lap("logins")
        counts = province.counts()
        audit_record(
            actor=actor,
            action="demo.seed",
            data={"seed": province.seed, "scale": province.scale, **counts},
        )
    seconds["write"] = round(time.perf_counter() - started, 3)
    return SeedReport(seed=province.seed, scale=province.scale, counts=counts, seconds=seconds)


def province_rows(province: Province) -> int:
    """Return how many rows ``province_write`` reports through ``progress``."""
    return (
        len(province.units) + len(province.persons) + len(province.relatives) + len(province.logins)
    )


def province_seed(
    *,
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    actor: Any = None,
    password: str = DEMO_PASSWORD,
    progress: Callable[[int], None] | None = None,
) -> SeedReport:
    """Generate the demo province for ``seed`` and write it (see ``province_write``)."""
    started = time.perf_counter()
    province = province_generate(seed=seed, scale=scale)
    generated = time.perf_counter()
    report = province_write(province, actor=actor, password=password, progress=progress)
    report.seconds["generate"] = round(generated - started, 3)
    report.seconds["total"] = round(time.perf_counter() - started, 3)
    return report


# --- Reading back ---------------------------------------------------------------------------


def database_digest() -> str:
    """Return the digest of the units, persons and relatives in the database, in id order.

    Equal to ``province_generate(...).digest()`` when the database holds exactly that
    province; the tests and the benchmark use it to prove a seed is reproducible.
    """
    codes = dict(Unit.objects.values_list("id", "code"))
    units = (
        UnitRow(
            u.code,
            u.name,
            u.kind,
            u.level,
            u.block,
            codes[u.parent_id] if u.parent_id else "",
            u.depth,
            u.sort_order,
            u.is_active,
            u.dissolved_on,
        )
        for u in Unit.objects.order_by("id")
    )
    persons_qs = Person.objects.order_by("id").values_list(
        "code",
        "full_name",
        "birth_date",
        "gender",
        "unit__code",
        "rank__code",
        "position__code",
        "qualification",
        "hired_on",
        "is_leader",
        "is_party_member",
        "under_discipline",
    )
    persons = (
        PersonRow(*values)  # type: ignore[arg-type]  # the fields of PersonRow, in order
        for values in persons_qs.iterator(chunk_size=2000)
    )
    relatives = (
        RelativeRow(*values)
        for values in Relative.objects.order_by("id").values_list(
            "person__code", "relative__code", "relation"
        )
    )
    return rows_digest(units, persons, relatives)


def database_counts() -> dict[str, int]:
    """Return the figures of the province now in the database (for a reused demo)."""
    kinds = defaultdict(int, Unit.objects.values_list("kind").annotate(n=Count("id")))
    return {
        "units": Unit.objects.count(),
        "blocks": kinds[UnitKind.BLOCK],
        "agencies": kinds[UnitKind.AGENCY],
        "departments": kinds[UnitKind.DEPARTMENT],
        "communes": kinds[UnitKind.COMMUNE],
        "former_districts": kinds[UnitKind.DISTRICT],
        "persons": Person.objects.count(),
        "leaders": Person.objects.filter(is_leader=True).count(),
        "party_members": Person.objects.filter(is_party_member=True).count(),
        "relatives": Relative.objects.count(),
        "logins": User.objects.filter(username__in=[row[0] for row in LOGINS]).count(),
    }


def last_seed_event() -> AuditEvent | None:
    return AuditEvent.objects.filter(action="demo.seed").order_by("-seq").first()


def logins_table() -> list[tuple[str, str, str, str]]:
    """Return (login, role, scope, person) for each demo login in the database."""
    assignments = RoleAssignment.objects.filter(
        user__username__in=[row[0] for row in LOGINS], is_active=True
    ).select_related("user", "unit", "user__person")
    by_user = {a.user.username: a for a in assignments}
    table = []
    for username, *_rest in LOGINS:
        assignment = by_user.get(username)
        if assignment is None:
            continue
        person = assignment.user.person
        table.append(
            (
                username,
                str(assignment.get_role_display()),
                assignment.unit.name if assignment.unit else "—",
                f"{person.full_name} ({person.code})" if person else "—",
            )
        )
    return table
