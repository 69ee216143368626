"""Roster import and export (danh sách công chức) as Excel files.

The file itself (layout, cell checks, writing) is ``sathach.lib.formats.roster``; this module
adds what needs the database: units, ranks, positions and relatives must exist, every unit must
lie in the importing user's roster-write scope, and persons are written by person code in one
transaction with one audit event.

All or nothing by default: one bad row and nothing is written. With ``partial`` the good rows
are written and the bad ones reported. Re-importing the same file changes nothing: a person is
updated only when a value differs, so ``updated_at`` of an unchanged person does not move.
A column the file leaves out (an optional one) is not touched on existing persons.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.accounts.permissions import path_within, roster_write_paths
from sathach.audit.services import audit_record
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.formats.roster import (
    COLUMN_BY_KEY,
    RosterFile,
    RosterFormatError,
    RosterRow,
    RowError,
    parse_roster,
    write_error_report,
    write_roster,
)

from .models import Person, Position, Rank, Relative, Unit
from .services import person_fill_derived

# Biggest file accepted (page and command line); a 50,000-row roster is about 3 MB.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Largest IN (...) list sent at once: SQLite allows 32,766 parameters, older builds 999.
CHUNK = 900
BATCH = 500

# Person fields the import may change, by the file column that carries them. "full_name"
# carries the derived name fields too (person_fill_derived).
_FIELDS_BY_COLUMN: dict[str, tuple[str, ...]] = {
    "full_name": (
        "full_name", "family_name", "middle_name", "given_name", "sort_key", "search_text",
    ),
    "birth_date": ("birth_date",),
    "gender": ("gender",),
    "unit_code": ("unit_id",),
    "rank_code": ("rank_id",),
    "position_code": ("position_id",),
    "qualification": ("qualification",),
    "hired_on": ("hired_on",),
    "is_leader": ("is_leader",),
    "is_party_member": ("is_party_member",),
    "under_discipline": ("under_discipline",),
}  # fmt: skip
# Model fields whose validation errors belong to a file column.
_COLUMN_OF_FIELD = {f: c for c, fields in _FIELDS_BY_COLUMN.items() for f in fields} | {
    "code": "code",
    "unit": "unit_code",
    "rank": "rank_code",
    "position": "position_code",
}

Progress = Callable[[str, int, int], None]  # (stage, done, total)
T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _header(key: str) -> str:
    return COLUMN_BY_KEY[key].header


# --- Report ---------------------------------------------------------------------------------


@dataclass
class RosterImportReport:
    """What an import did (or, in a dry run, would do), row by row for the refused ones."""

    filename: str
    total: int  # non-blank data rows in the file
    errors: list[RowError]
    warnings: list[str]
    accepted: int = 0  # rows with no error
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False
    dry_run: bool = False
    partial: bool = False
    roster: RosterFile | None = field(default=None, repr=False)

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def exit_code(self) -> int:
        """Return 0 (every row fine), 2 (good rows kept, some refused) or 1 (nothing kept)."""
        if not self.errors:
            return 0
        return 2 if self.partial and self.accepted else 1

    def outcome(self) -> str:
        """Return one sentence saying what happened to the roster."""
        if self.dry_run:
            if self.exit_code == 1:
                return _("Chạy thử: tệp có dòng lỗi, sẽ không ghi được gì.")
            return _("Chạy thử: chưa ghi gì vào hệ thống.")
        if self.written:
            if self.errors:
                return _("Đã ghi các dòng hợp lệ; các dòng lỗi bị bỏ qua.")
            return _("Đã ghi vào hệ thống.")
        return _("Không ghi gì vào hệ thống vì tệp có dòng lỗi.")

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.total,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "error_rows": self.bad_rows,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "written": self.written,
            "dry_run": self.dry_run,
            "partial": self.partial,
            "outcome": self.outcome(),
            "counts": self.counts(),
            "warnings": list(self.warnings),
            "errors": [e.as_dict() for e in self.errors],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        lines = [
            _("Tệp: %(name)s") % {"name": self.filename},
            _(
                "Số dòng: %(rows)d; thêm mới: %(created)d; cập nhật: %(updated)d; "
                "không đổi: %(unchanged)d; dòng lỗi: %(error_rows)d."
            )
            % self.counts(),
            self.outcome(),
        ]
        lines += [_("Cảnh báo: %(w)s") % {"w": w} for w in self.warnings]
        for error in self.errors:
            if error.column:
                lines.append(_("Dòng %(row)d, cột “%(column)s”: %(message)s") % error.as_dict())
            else:
                lines.append(_("Dòng %(row)d: %(message)s") % error.as_dict())
        return "\n".join(lines)

    def error_workbook(self) -> bytes:
        """Return the input rows with a "Lỗi" column naming each row's problems (.xlsx)."""
        assert self.roster is not None
        return write_error_report(self.roster, self.errors)


# --- Import ---------------------------------------------------------------------------------


def roster_import(
    *,
    actor: Any,
    data: bytes,
    filename: str,
    unit: Unit | None,
    partial: bool,
    dry_run: bool,
    progress: Progress | None = None,
) -> RosterImportReport:
    """Import a roster workbook; see the module docstring.

    ``actor`` None is the system (the command line without ``--user``): every unit is in
    scope. ``unit`` limits the import to that unit's subtree and fills an empty "Mã đơn vị".
    Raise ``ServiceError`` when the file cannot be used at all or the actor may not import.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ServiceError(
            _("Tệp lớn quá %(n)d MB.") % {"n": MAX_FILE_BYTES // (1024 * 1024)}, code="too_big"
        )
    scope = None if actor is None else roster_write_paths(actor)
    if scope is not None and not scope:
        raise PermissionDeniedError(_("Bạn không có quyền nhập danh sách công chức."))
    if unit is not None:
        if not unit.is_active:
            raise ServiceError(
                _("Đơn vị “%(c)s” đã ngừng hoạt động.") % {"c": unit.code}, code="unit_inactive"
            )
        if scope is not None and not path_within(unit.path, scope):
            raise PermissionDeniedError(
                _("Bạn không có quyền nhập danh sách cho đơn vị “%(c)s”.") % {"c": unit.code}
            )
    # Read the file before the transaction: on SQLite the transaction holds the write lock.
    try:
        roster = parse_roster(
            data,
            today=timezone.localdate(),
            unit_required=unit is None,
            progress=(lambda n: progress("read", n, 0)) if progress else None,
        )
    except RosterFormatError as exc:
        raise ServiceError(exc.message, code="roster_file") from exc
    try:
        return _roster_apply(
            actor=actor,
            roster=roster,
            data=data,
            filename=filename,
            unit=unit,
            scope=scope,
            partial=partial,
            dry_run=dry_run,
            progress=progress,
        )
    except IntegrityError as exc:  # another import wrote the same person codes meanwhile
        raise ServiceError(
            _("Danh sách vừa được thay đổi cùng lúc ở nơi khác; hãy nhập lại tệp."),
            code="roster_conflict",
        ) from exc


@transaction.atomic
def _roster_apply(
    *,
    actor: Any,
    roster: RosterFile,
    data: bytes,
    filename: str,
    unit: Unit | None,
    scope: list[str] | None,
    partial: bool,
    dry_run: bool,
    progress: Progress | None,
) -> RosterImportReport:
    plan = _ImportPlan(roster, unit=unit, scope=scope, partial=partial)
    report = RosterImportReport(
        filename=filename,
        total=roster.n_rows,
        errors=plan.errors,
        warnings=list(roster.warnings),
        accepted=len(plan.rows),
        dry_run=dry_run,
        partial=partial,
        roster=roster,
    )
    if report.exit_code == 1:
        return report  # all or nothing: nothing is written, nothing is audited
    plan.plan_changes()
    report.created = len(plan.to_create)
    report.updated = len(plan.changed_codes)
    report.unchanged = len(plan.rows) - report.created - report.updated
    if dry_run:
        return report
    plan.write(progress)
    report.written = True
    audit_record(
        actor=actor,
        action="org.roster_import",
        target=unit,
        data={
            "filename": filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "unit": unit.code if unit else None,
            "partial": partial,
            **report.counts(),
        },
    )
    return report


class _ImportPlan:
    """Check the parsed rows against the database, then work out and make the writes.

    ``rows`` ends up holding the rows to write and ``errors`` every refused row's reasons.
    """

    def __init__(
        self, roster: RosterFile, *, unit: Unit | None, scope: list[str] | None, partial: bool
    ) -> None:
        self.roster = roster
        self.unit = unit
        self.scope = scope
        self.partial = partial
        self.columns = set(roster.columns) | {"unit_code"}  # --unit stands in for the column
        self.fields = [f for c, fs in _FIELDS_BY_COLUMN.items() if c in self.columns for f in fs]
        self.errors: list[RowError] = list(roster.errors)
        self.rows: list[RosterRow] = []
        self.units: dict[str, Unit] = {}
        self.ranks = {r.code: r for r in Rank.objects.all()}
        self.positions = {p.code: p for p in Position.objects.all()}
        self.existing: dict[str, Person] = {}
        self.known_elsewhere: set[str] = set()  # relatives' codes found only in the database
        # code -> (person with the row's values, values of ``fields`` before; None if new)
        self.prepared: dict[str, tuple[Person, list[Any] | None]] = {}
        self.to_create: list[Person] = []
        self.to_update: list[Person] = []
        self.changed_codes: set[str] = set()
        self.relatives_gone: list[int] = []  # Relative ids
        self.relatives_new: list[tuple[str, str, str]] = []  # (person, relative, relation)
        self._load()
        self._check()

    # --- checks -------------------------------------------------------------------------

    def _load(self) -> None:
        rows = self.roster.rows
        unit_codes = sorted({r.unit_code for r in rows if r.unit_code})
        for chunk in _chunks(unit_codes):
            self.units.update((u.code, u) for u in Unit.objects.filter(code__in=chunk))
        for chunk in _chunks([r.code for r in rows]):
            persons = Person.objects.filter(code__in=chunk).select_related("unit")
            self.existing.update((p.code, p) for p in persons)
        outside = sorted(
            {c for r in rows for c, _rel in r.relatives if c not in self.roster.codes}
            - set(self.existing)
        )
        for chunk in _chunks(outside):
            found = Person.objects.filter(code__in=chunk).values_list("code", flat=True)
            self.known_elsewhere.update(found)

    def _check(self) -> None:
        bad: dict[int, list[RowError]] = {}
        for row in self.roster.rows:
            problems = self._row_problems(row)
            if not problems:
                existing = self.existing.get(row.code)
                person = existing or Person(code=row.code)
                before = [getattr(person, f) for f in self.fields] if existing else None
                self._apply(person, row)
                if before is None or [getattr(person, f) for f in self.fields] != before:
                    problems = self._field_problems(person, row)  # stored values passed before
                self.prepared[row.code] = (person, before)
            if problems:
                bad[row.row] = problems
        if self.partial:
            self._refuse_relatives_of_refused_rows(bad)
        for problems in bad.values():
            self.errors.extend(problems)
        self.errors.sort(key=lambda e: e.row)  # stable: a row's errors keep column order
        self.rows = [r for r in self.roster.rows if r.row not in bad]

    def _row_problems(self, row: RosterRow) -> list[RowError]:
        problems: list[RowError] = []

        def refuse(key: str, message: str) -> None:
            problems.append(RowError(row.row, _header(key), message))

        existing = self.existing.get(row.code)
        if existing is not None and not self._in_scope(existing.unit):
            refuse(
                "code",
                _("Công chức “%(c)s” đang thuộc đơn vị ngoài phạm vi bạn được quản lý.")
                % {"c": row.code},
            )
        unit = self.units.get(row.unit_code) if row.unit_code else self.unit
        code = row.unit_code or (self.unit.code if self.unit else "")
        if unit is None:
            refuse("unit_code", _("Không có đơn vị mã “%(c)s”.") % {"c": code})
        elif not unit.is_active:
            refuse("unit_code", _("Đơn vị “%(c)s” đã ngừng hoạt động.") % {"c": code})
        elif self.unit is not None and not unit.path.startswith(self.unit.path):
            refuse(
                "unit_code",
                _("Đơn vị “%(c)s” không thuộc đơn vị “%(u)s” đang nhập.")
                % {"c": code, "u": self.unit.code},
            )
        elif not self._in_scope(unit):
            refuse(
                "unit_code", _("Đơn vị “%(c)s” nằm ngoài phạm vi bạn được quản lý.") % {"c": code}
            )
        if row.rank_code and row.rank_code not in self.ranks:
            refuse("rank_code", _("Không có ngạch mã “%(c)s”.") % {"c": row.rank_code})
        if row.position_code and row.position_code not in self.positions:
            refuse(
                "position_code",
                _("Không có vị trí việc làm mã “%(c)s”.") % {"c": row.position_code},
            )
        for other, _relation in row.relatives:
            known = self.roster.codes, self.existing, self.known_elsewhere
            if not any(other in codes for codes in known):
                refuse(
                    "relatives",
                    _("Không có công chức mã “%(c)s” trong tệp hay trong hệ thống.") % {"c": other},
                )
        return problems

    def _in_scope(self, unit: Unit) -> bool:
        return self.scope is None or path_within(unit.path, self.scope)

    def _apply(self, person: Person, row: RosterRow) -> None:
        """Set the row's values on ``person`` (only the columns the file has)."""
        unit = self.units[row.unit_code] if row.unit_code else self.unit
        assert unit is not None  # a row with no unit was refused
        person.full_name = row.full_name
        person.birth_date = row.birth_date
        person.gender = row.gender
        person.unit = unit
        if "rank_code" in self.columns:
            person.rank = self.ranks.get(row.rank_code)
        if "position_code" in self.columns:
            person.position = self.positions.get(row.position_code)
        for name in ("qualification", "hired_on", "is_leader", "is_party_member",
                     "under_discipline"):  # fmt: skip
            if name in self.columns:
                setattr(person, name, getattr(row, name))
        person_fill_derived(person)

    def _field_problems(self, person: Person, row: RosterRow) -> list[RowError]:
        """Return what the model's own field checks refuse (e.g. a name too long to sort)."""
        try:
            person.clean_fields(exclude=["unit", "rank", "position"])
        except ValidationError as exc:
            problems = []
            for name, messages in exc.message_dict.items():
                column = _COLUMN_OF_FIELD.get(name, "full_name")
                if column == "full_name" and name != "full_name":
                    text = _("Họ và tên quá dài, hoặc có một từ quá dài.")
                else:
                    text = " ".join(messages)
                error = RowError(row.row, _header(column), text)
                if error not in problems:  # several name fields, one message
                    problems.append(error)
            return problems
        return []

    def _refuse_relatives_of_refused_rows(self, bad: dict[int, list[RowError]]) -> None:
        """Refuse a row whose declared relative is only in a refused row of the same file.

        Only when keeping the good rows: that relative will not exist. Repeat until no new
        row is refused (relatives can chain).
        """
        refused = {e.row for e in self.roster.errors} | set(bad)
        message = _("Người thân “%(c)s” ở dòng %(r)d có lỗi nên chưa nhập được.")
        changed = True
        while changed:
            changed = False
            for row in self.roster.rows:
                if row.row in refused:
                    continue
                for other, _relation in row.relatives:
                    at = self.roster.codes.get(other)
                    if at in refused and other not in self.existing:
                        error = RowError(
                            row.row, _header("relatives"), message % {"c": other, "r": at}
                        )
                        bad.setdefault(row.row, []).append(error)
                        refused.add(row.row)
                        changed = True
                        break

    # --- changes ------------------------------------------------------------------------

    def plan_changes(self) -> None:
        """Sort the kept rows into persons to create, to update and unchanged."""
        for row in self.rows:
            person, before = self.prepared[row.code]
            if before is None:
                self.to_create.append(person)
            elif [getattr(person, f) for f in self.fields] != before:
                self.to_update.append(person)
                self.changed_codes.add(row.code)
        self.update_fields = [*self.fields, "updated_at"]
        self._plan_relatives()

    def _plan_relatives(self) -> None:
        """Work out, by person code, the declared relatives to remove and to add.

        The file's "Người thân" cell replaces what a person declared before. Codes, not ids,
        so a dry run can count changes for persons not created yet.
        """
        if "relatives" not in self.roster.columns:
            return
        existing = [r.code for r in self.rows if r.code in self.existing]
        have: dict[str, dict[tuple[str, str], int]] = {}
        for chunk in _chunks(existing):
            declared = Relative.objects.filter(person__code__in=chunk).values_list(
                "pk", "person__code", "relative__code", "relation"
            )
            for pk, code, relative_code, relation in declared:
                have.setdefault(code, {})[(relative_code, relation)] = pk
        for row in self.rows:
            current = have.get(row.code, {})
            wanted = set(row.relatives)
            gone = [pk for key, pk in current.items() if key not in wanted]
            new = sorted(key for key in wanted if key not in current)
            if gone or new:
                self.relatives_gone += gone
                self.relatives_new += [(row.code, code, relation) for code, relation in new]
                if row.code in self.existing:
                    self.changed_codes.add(row.code)

    def write(self, progress: Progress | None) -> None:
        total = len(self.to_create) + len(self.to_update)
        done = 0
        for batch in _chunks(self.to_create, BATCH):
            Person.objects.bulk_create(batch)
            done += len(batch)
            if progress:
                progress("write", done, total)
        now = timezone.now()
        for person in self.to_update:
            person.updated_at = now  # bulk_update does not touch auto_now fields
        for batch in _chunks(self.to_update, BATCH):
            Person.objects.bulk_update(batch, self.update_fields)
            done += len(batch)
            if progress:
                progress("write", done, total)
        for ids in _chunks(self.relatives_gone):
            Relative.objects.filter(pk__in=ids).delete()
        if self.relatives_new:
            codes = sorted({c for new in self.relatives_new for c in new[:2]})
            pk_of: dict[str, int] = {}
            for chunk in _chunks(codes):
                pk_of.update(Person.objects.filter(code__in=chunk).values_list("code", "pk"))
            Relative.objects.bulk_create(
                [
                    Relative(person_id=pk_of[code], relative_id=pk_of[other], relation=relation)
                    for code, other, relation in self.relatives_new
                ],
                batch_size=BATCH,
            )


# --- Export ---------------------------------------------------------------------------------


def roster_export(*, actor: Any, unit: Unit) -> bytes:
    """Return the serving persons of ``unit``'s subtree as a workbook in the import layout.

    The file imports back with no change. ``actor`` None is the system (command line).
    """
    if actor is not None and not path_within(unit.path, roster_write_paths(actor)):
        raise PermissionDeniedError(
            _("Bạn không có quyền xuất danh sách của đơn vị “%(c)s”.") % {"c": unit.code}
        )
    persons = list(
        Person.objects.filter(unit__path__startswith=unit.path, is_active=True)
        .select_related("unit", "rank", "position")
        .order_by("unit__path", "sort_key", "code")
    )
    relatives: dict[int, list[tuple[str, str]]] = {}
    ids = [p.pk for p in persons]
    for chunk in _chunks(ids):
        declared = (
            Relative.objects.filter(person_id__in=chunk)
            .order_by("relative__code")
            .values_list("person_id", "relative__code", "relation")
        )
        for person_id, code, relation in declared:
            relatives.setdefault(person_id, []).append((code, relation))
    data = write_roster(_record(p, relatives.get(p.pk, [])) for p in persons)
    audit_record(
        actor=actor,
        action="org.roster_export",
        target=unit,
        data={"unit": unit.code, "persons": len(persons)},
    )
    return data


def _record(person: Person, relatives: Iterable[tuple[str, str]]) -> RosterRow:
    return RosterRow(
        row=0,
        code=person.code,
        full_name=person.full_name,
        birth_date=person.birth_date,
        gender=person.gender,
        unit_code=person.unit.code,
        rank_code=person.rank.code if person.rank else "",
        position_code=person.position.code if person.position else "",
        qualification=person.qualification,
        hired_on=person.hired_on,
        is_leader=person.is_leader,
        is_party_member=person.is_party_member,
        under_discipline=person.under_discipline,
        relatives=tuple(relatives),
    )
