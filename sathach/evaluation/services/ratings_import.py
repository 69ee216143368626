"""Import past years' ratings from an .xlsx (docs/formats/ratings.md).

The file itself is ``sathach.lib.formats.ratings``; this module adds what needs the database:
the person exists and lies in the importer's scope, the name (when given) matches the roster, a
Party level belongs to a Party member, and a rating made on the system is never overwritten.
Ratings are stored published, with ``source`` = import, under the profile in force at the end
of their year (none before 2020).

All or nothing by default: one bad row and nothing is written. With ``partial`` the good rows
are written and the bad ones reported. One transaction, one audit event. Re-importing the same
file changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sathach.accounts.permissions import path_within
from sathach.audit.services import audit_record
from sathach.core import profiles
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.formats.ratings import (
    COLUMN_BY_KEY,
    RatingRow,
    RatingsFile,
    RatingsFormatError,
    RowError,
    parse_ratings,
    write_error_report,
)
from sathach.lib.text import fold
from sathach.org.models import Person

from ..constants import Source, State
from ..models import AnnualEvaluation, PartyEvaluation
from ..permissions import write_paths
from ..rules import year_end

MAX_FILE_BYTES = 20 * 1024 * 1024
# Largest IN (...) list sent at once (SQLite's parameter limit), and write batch size.
CHUNK = 900
BATCH = 500


def _header(key: str) -> str:
    return COLUMN_BY_KEY[key].header


@dataclass
class RatingsImportReport:
    """What an import did (or, in a dry run, would do), row by row for the refused ones."""

    filename: str
    total: int
    errors: list[RowError]
    warnings: list[str]
    accepted: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False
    dry_run: bool = False
    partial: bool = False
    ratings: RatingsFile | None = field(default=None, repr=False)

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
        assert self.ratings is not None
        return write_error_report(self.ratings, self.errors)


def ratings_import(
    *,
    actor: Any,
    data: bytes,
    filename: str,
    year: int | None = None,
    partial: bool = False,
    dry_run: bool = False,
) -> RatingsImportReport:
    """Import a ratings workbook; see the module docstring.

    ``actor`` None is the system (the command line without ``--user``): every unit is in
    scope. ``year`` limits the file to one year and fills an empty “Năm”. Raise
    ``ServiceError`` when the file cannot be used at all or the actor may not import.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ServiceError(
            _("Tệp lớn quá %(n)d MB.") % {"n": MAX_FILE_BYTES // (1024 * 1024)}, code="too_big"
        )
    scope = None if actor is None else write_paths(actor)
    if scope is not None and not scope:
        raise PermissionDeniedError(_("Bạn không có quyền nhập kết quả xếp loại."))
    # Read the file before the transaction: on SQLite the transaction holds the write lock.
    try:
        ratings = parse_ratings(data, today=timezone.localdate(), year=year)
    except RatingsFormatError as exc:
        raise ServiceError(exc.message, code="ratings_file") from exc
    try:
        return _apply(
            actor=actor,
            ratings=ratings,
            data=data,
            filename=filename,
            year=year,
            scope=scope,
            partial=partial,
            dry_run=dry_run,
        )
    except IntegrityError as exc:  # another import or a decision wrote the same years meanwhile
        raise ServiceError(
            _("Dữ liệu xếp loại vừa được thay đổi cùng lúc ở nơi khác; hãy nhập lại tệp."),
            code="ratings_conflict",
        ) from exc


@transaction.atomic
def _apply(
    *,
    actor: Any,
    ratings: RatingsFile,
    data: bytes,
    filename: str,
    year: int | None,
    scope: list[str] | None,
    partial: bool,
    dry_run: bool,
) -> RatingsImportReport:
    plan = _Plan(ratings, scope)
    report = RatingsImportReport(
        filename=filename,
        total=ratings.n_rows,
        errors=plan.errors,
        warnings=ratings.warnings,
        accepted=len(plan.rows),
        dry_run=dry_run,
        partial=partial,
        ratings=ratings,
    )
    if report.exit_code == 1:
        return report  # all or nothing: nothing is written, nothing is audited
    report.created, report.updated, report.unchanged = plan.counts()
    if dry_run:
        return report
    plan.write()
    report.written = True
    audit_record(
        actor=actor,
        action="evaluation.ratings_import",
        data={
            "filename": filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "year": year,
            "partial": partial,
            **report.counts(),
        },
    )
    return report


class _Plan:
    """Check the parsed rows against the database; work out and make the writes."""

    def __init__(self, ratings: RatingsFile, scope: list[str] | None) -> None:
        self.ratings = ratings
        self.scope = scope
        self.errors: list[RowError] = list(ratings.errors)
        self.persons: dict[str, Person] = {}
        self.existing: dict[tuple[int, int], AnnualEvaluation] = {}
        codes = sorted({r.code for r in ratings.rows})
        for start in range(0, len(codes), CHUNK):
            chunk = codes[start : start + CHUNK]
            found = Person.objects.filter(code__in=chunk).select_related("unit")
            self.persons.update((p.code, p) for p in found)
        ids = [p.pk for p in self.persons.values()]
        for start in range(0, len(ids), CHUNK):
            evaluations = AnnualEvaluation.objects.filter(
                person_id__in=ids[start : start + CHUNK]
            ).select_related("party")
            self.existing.update(((e.person_id, e.year), e) for e in evaluations)
        bad: set[int] = set()
        for row in ratings.rows:
            problems = self._problems(row)
            if problems:
                self.errors.extend(problems)
                bad.add(row.row)
        self.errors.sort(key=lambda e: e.row)  # stable: a row's errors keep column order
        self.rows = [r for r in ratings.rows if r.row not in bad]

    def _problems(self, row: RatingRow) -> list[RowError]:
        problems: list[RowError] = []

        def refuse(key: str, message: str) -> None:
            problems.append(RowError(row.row, _header(key), message))

        person = self.persons.get(row.code)
        if person is None:
            refuse("code", _("Không có công chức mã “%(c)s”.") % {"c": row.code})
            return problems
        if self.scope is not None and not path_within(person.unit.path, self.scope):
            refuse(
                "code",
                _("Công chức “%(c)s” thuộc đơn vị ngoài phạm vi bạn được quản lý.")
                % {"c": row.code},
            )
            return problems
        if row.full_name and fold(row.full_name) != fold(person.full_name):
            refuse(
                "full_name",
                _("Họ và tên “%(n)s” không khớp với công chức mã “%(c)s” (“%(p)s”).")
                % {"n": row.full_name, "c": row.code, "p": person.full_name},
            )
        if row.party_level and not person.is_party_member:
            refuse(
                "party_level",
                _("Công chức “%(c)s” không phải đảng viên (theo danh sách công chức).")
                % {"c": row.code},
            )
        existing = self.existing.get((person.pk, row.year))
        if existing is not None and existing.source != Source.IMPORT:
            refuse(
                "year",
                _("Năm %(y)d của công chức “%(c)s” đã được đánh giá trên hệ thống; không ghi đè.")
                % {"y": row.year, "c": row.code},
            )
        return problems

    def _changed(self, row: RatingRow, evaluation: AnnualEvaluation) -> bool:
        party = getattr(evaluation, "party", None)
        party_level = party.level if party is not None else ""
        return (evaluation.level, evaluation.note) != (row.level, row.note) or bool(
            row.party_level and row.party_level != party_level
        )

    def counts(self) -> tuple[int, int, int]:
        created = updated = 0
        for row in self.rows:
            evaluation = self.existing.get((self.persons[row.code].pk, row.year))
            if evaluation is None:
                created += 1
            elif self._changed(row, evaluation):
                updated += 1
        return created, updated, len(self.rows) - created - updated

    def write(self) -> None:
        """Create and update in batches; an unchanged rating is not touched."""
        now = timezone.now()
        create: list[AnnualEvaluation] = []
        update: list[AnnualEvaluation] = []
        with_party: list[tuple[RatingRow, AnnualEvaluation, bool]] = []
        for row in self.rows:
            person = self.persons[row.code]
            evaluation = self.existing.get((person.pk, row.year))
            if evaluation is not None and not self._changed(row, evaluation):
                continue
            new = evaluation is None
            if evaluation is None:
                state_profile = profiles.in_force("rating", year_end(row.year))
                evaluation = AnnualEvaluation(
                    person=person,
                    year=row.year,
                    unit=person.unit,
                    is_leader=person.is_leader,
                    profile=state_profile.ref if state_profile else "",
                    source=Source.IMPORT,
                    state=State.PUBLISHED,
                    published_at=now,
                )
                create.append(evaluation)
            else:
                evaluation.updated_at = now  # bulk_update does not touch auto_now fields
                update.append(evaluation)
            evaluation.level = row.level
            evaluation.note = row.note
            if row.party_level:
                with_party.append((row, evaluation, new))
        AnnualEvaluation.objects.bulk_create(create, batch_size=BATCH)
        AnnualEvaluation.objects.bulk_update(update, ["level", "note", "updated_at"], BATCH)
        party_create: list[PartyEvaluation] = []
        party_update: list[PartyEvaluation] = []
        for row, evaluation, new in with_party:
            party = None if new else getattr(evaluation, "party", None)
            if party is None:
                party_profile = profiles.in_force("party_rating", year_end(row.year))
                party = PartyEvaluation(
                    evaluation=evaluation, profile=party_profile.ref if party_profile else ""
                )
                party_create.append(party)
            elif party.level != row.party_level:
                party.updated_at = now
                party_update.append(party)
            party.level = row.party_level
        PartyEvaluation.objects.bulk_create(party_create, batch_size=BATCH)
        PartyEvaluation.objects.bulk_update(party_update, ["level", "updated_at"], BATCH)
