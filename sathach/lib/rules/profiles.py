"""Rule profiles: versioned data files holding every legal number, each with its legal basis.

A profile is a TOML file::

    code = "TT06-2020"            # what plans, rating years and reviews choose
    version = 1                   # bump when a value changes; results record code@version
    kind = "exam"                 # which schema the values must follow
    title = "..."                 # Vietnamese title shown to users
    legal_basis = "..."           # the document(s) the profile applies
    valid_from = 2021-01-20
    valid_to = 2025-04-30         # optional

    [rules.room_max_candidates]
    value = 50
    basis = "TT 06/2020/TT-BNV, Điều 16"
    unverified = false            # optional; true where domain.md marks a fact unverified
    note = "..."                  # optional

Loading validates every file against the schema of its kind and refuses the first problem
with the file and the key named. Pure Python (tomllib); no Django.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Schemas: for each kind, every rule key and the Python type its value must have.
# A later module adds its kind here (plan templates...).
SCHEMAS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "exam": {
        "room_max_candidates": int,
        "proctors_per_room": int,
        "seat_numbers_posted_minutes_before": int,
        "candidate_list_posted_working_days_before": int,
        "late_arrival_minutes_short_part": int,
        "late_arrival_minutes_long_part": int,
        "short_part_max_minutes": int,
        "min_markers_per_script": int,
        "marking_tolerance_percent": (int, float),
        "marking_score_step": (int, float),
        "marking_final_step": (int, float),
        "mcq_pass_percent": (int, float),
        "written_pass_score": (int, float),
        "written_max_score": (int, float),
        "appeal_window_days": int,
        "appeal_result_days": int,
        "appeal_allowed_for_computer_tests": bool,
        "sanction_reprimand_deduction_percent": (int, float),
        "sanction_warning_deduction_percent": (int, float),
        "supervisory_board": bool,
        # Results (sathach.lib.rules.results) and rescoring (sathach.delivery.services.rescoring).
        "result_band_excellent_percent": (int, float),
        "result_band_good_percent": (int, float),
        "result_band_pass_percent": (int, float),
        "rescore_void_full_credit": bool,
        # Oral and practical parts scored by a panel (sathach.lib.rules.marking, panel rules).
        "panel_min_examiners": int,
        "panel_tolerance_percent": (int, float),
    },
    # Annual rating of civil servants (sathach.lib.rules.rating; domain.md §2.1, §2.2).
    "rating": {
        "scored": bool,  # a 100-point score decides the level (NĐ 335/2025), or criteria do
        "general_points_max": (int, float),
        "task_points_max": (int, float),
        "task_failure_deduction_percent": (int, float),
        "band_excellent_min": (int, float),
        "band_good_min": (int, float),
        "band_completed_min": (int, float),
        "quota_excellent_percent_of_good": (int, float),
        "kht_on_decline": bool,
        "kht_on_discipline": bool,
        "discipline_official_duty_only": bool,
        "discipline_same_act_counted_once": bool,
        "kht_leader_unit_corruption": bool,
        # Reviewed but not rated under this many months worked in the year.
        "rated_min_months_worked": int,
        # NĐ 90/2020 level criteria, percentages (sathach.lib.rules.rating_nd90).
        "criteria_excellent_done_percent": (int, float),
        "criteria_excellent_exceeding_percent": (int, float),
        "criteria_good_done_percent": (int, float),
        "criteria_completed_not_done_max_percent": (int, float),
        "criteria_kht_unfinished_over_percent": (int, float),
        "criteria_leader_excellent_targets_percent": (int, float),
        "criteria_leader_excellent_exceeded_percent": (int, float),
        "criteria_leader_good_targets_percent": (int, float),
        "criteria_leader_units_completed_percent": (int, float),
        "criteria_leader_units_good_percent": (int, float),
    },
    # Party-member rating, stored beside the state rating (domain.md §2.3).
    "party_rating": {
        "band_excellent_min": (int, float),
        "band_good_min": (int, float),
        "band_completed_min": (int, float),
        "excellent_exceeding_percent": (int, float),
        "completed_late_max_percent": (int, float),
        "quota_excellent_percent_of_good": (int, float),
    },
    # Staff streamlining (sathach.lib.rules.streamlining; domain.md §3). A ground is a rule
    # whose basis is the legal ground (document, article, clause) cited for each candidate.
    "streamlining": {
        "ground_surplus_restructuring": bool,
        "ground_leader_post": bool,
        "ground_surplus_position_review": bool,
        "ground_qualification_gap": bool,
        "ground_kht_one_year": bool,
        "ground_ht_kht_two_years": bool,
        "kht_lookback_years": int,
        "deferral_family": bool,
        "deferral_child_months": int,
        "deferral_investigation": bool,
        "dismissal_consecutive_kht_years": int,
    },
}
# Rules a profile of the kind may leave out: the rule does not exist in its document (the
# 100-point score of NĐ 335/2025 has no counterpart in NĐ 90/2020; a streamlining ground one
# decree lists and the other does not). Every other rule of the schema is required.
OPTIONAL_RULES: dict[str, frozenset[str]] = {
    "rating": frozenset(
        {
            "general_points_max",
            "task_points_max",
            "task_failure_deduction_percent",
            "band_excellent_min",
            "band_good_min",
            "band_completed_min",
            "rated_min_months_worked",
        }
        # NĐ 335/2025 scores instead of the NĐ 90/2020 level criteria.
        | {k for k in SCHEMAS["rating"] if k.startswith("criteria_")}
    ),
    # QĐ 124-QĐ/TW rated by criteria; QĐ 366-QĐ/TW adds the 100-point bands.
    "party_rating": frozenset(SCHEMAS["party_rating"]) - {"quota_excellent_percent_of_good"},
    "streamlining": frozenset(k for k in SCHEMAS["streamlining"] if k.startswith("ground_")),
}

_TOP_LEVEL_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "code": str,
    "version": int,
    "kind": str,
    "title": str,
    "legal_basis": str,
    "valid_from": dt.date,
}
_TOP_LEVEL_OPTIONAL: dict[str, type | tuple[type, ...]] = {"valid_to": dt.date, "note": str}
_RULE_OPTIONAL: dict[str, type] = {"unverified": bool, "note": str}


class ProfileError(Exception):
    """A rule-profile file is malformed; names the file and the key at fault."""

    def __init__(self, path: Path | str, key: str, message: str) -> None:
        self.path = Path(path)
        self.key = key
        self.message = message
        super().__init__(f"Rule profile {self.path}: key '{key}': {message}")


@dataclass(frozen=True)
class RuleValue:
    value: Any
    basis: str
    unverified: bool = False
    note: str = ""


@dataclass(frozen=True)
class RuleProfile:
    code: str
    version: int
    kind: str
    title: str
    legal_basis: str
    valid_from: dt.date
    valid_to: dt.date | None
    rules: Mapping[str, RuleValue]
    path: Path
    note: str = ""

    @property
    def ref(self) -> str:
        """Return ``code@version``, the string results and audit events record."""
        return f"{self.code}@{self.version}"

    def value(self, key: str) -> Any:
        """Return the value of rule ``key`` (KeyError if the kind has no such rule)."""
        return self.rules[key].value

    def basis(self, key: str) -> str:
        """Return the legal basis of rule ``key``."""
        return self.rules[key].basis

    def __str__(self) -> str:
        return f"{self.code} (v{self.version}): {self.title}"


def _type_name(expected: type | tuple[type, ...]) -> str:
    if isinstance(expected, tuple):
        return " or ".join(t.__name__ for t in expected)
    return expected.__name__


def _check_type(path: Path, key: str, value: Any, expected: type | tuple[type, ...]) -> None:
    # bool is a subclass of int: a rule that wants a number must not accept true/false.
    types = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool) and bool not in types:
        raise ProfileError(path, key, f"expected {_type_name(expected)}, got a boolean")
    if isinstance(value, dt.datetime) and dt.datetime not in types:
        raise ProfileError(path, key, f"expected {_type_name(expected)}, got a date-time")
    if not isinstance(value, types):
        raise ProfileError(
            path, key, f"expected {_type_name(expected)}, got {type(value).__name__}"
        )


def load_profile(path: Path | str) -> RuleProfile:
    """Read and validate one profile file."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ProfileError(path, "(file)", f"not UTF-8 text ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, "(file)", f"not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ProfileError(path, "(file)", f"cannot be read: {exc.strerror}") from exc

    for key, expected in _TOP_LEVEL_REQUIRED.items():
        if key not in raw:
            raise ProfileError(path, key, "missing")
        _check_type(path, key, raw[key], expected)
    for key, expected in _TOP_LEVEL_OPTIONAL.items():
        if key in raw:
            _check_type(path, key, raw[key], expected)
    unknown = set(raw) - set(_TOP_LEVEL_REQUIRED) - set(_TOP_LEVEL_OPTIONAL) - {"rules"}
    if unknown:
        raise ProfileError(path, sorted(unknown)[0], "unknown top-level key")
    if raw["version"] < 1:
        raise ProfileError(path, "version", "must be 1 or more")
    if not raw["code"].strip():
        raise ProfileError(path, "code", "must not be empty")
    if "@" in raw["code"]:
        # Results record "code@version"; an '@' in the code would make that reference ambiguous.
        raise ProfileError(path, "code", "must not contain '@'")
    kind = raw["kind"]
    if kind not in SCHEMAS:
        raise ProfileError(path, "kind", f"unknown kind '{kind}' (known: {', '.join(SCHEMAS)})")
    if raw.get("valid_to") and raw["valid_to"] < raw["valid_from"]:
        raise ProfileError(path, "valid_to", "is before valid_from")

    rules_raw = raw.get("rules")
    if not isinstance(rules_raw, dict):
        raise ProfileError(path, "rules", "missing (a [rules.<name>] table for every rule)")
    schema = SCHEMAS[kind]
    rules: dict[str, RuleValue] = {}
    for key, expected in schema.items():
        dotted = f"rules.{key}"
        entry = rules_raw.get(key)
        if entry is None and key in OPTIONAL_RULES.get(kind, ()):
            continue
        if entry is None:
            raise ProfileError(path, dotted, f"missing (required for kind '{kind}')")
        if not isinstance(entry, dict):
            raise ProfileError(path, dotted, "must be a table with 'value' and 'basis'")
        if "value" not in entry:
            raise ProfileError(path, f"{dotted}.value", "missing")
        _check_type(path, f"{dotted}.value", entry["value"], expected)
        basis = entry.get("basis")
        if not isinstance(basis, str) or not basis.strip():
            raise ProfileError(
                path, f"{dotted}.basis", "missing: every value names its legal basis"
            )
        for opt, opt_type in _RULE_OPTIONAL.items():
            if opt in entry:
                _check_type(path, f"{dotted}.{opt}", entry[opt], opt_type)
        extra = set(entry) - {"value", "basis"} - set(_RULE_OPTIONAL)
        if extra:
            raise ProfileError(path, f"{dotted}.{sorted(extra)[0]}", "unknown key")
        rules[key] = RuleValue(
            value=entry["value"],
            basis=basis.strip(),
            unverified=entry.get("unverified", False),
            note=entry.get("note", ""),
        )
    unknown_rules = set(rules_raw) - set(schema)
    if unknown_rules:
        raise ProfileError(
            path, f"rules.{sorted(unknown_rules)[0]}", f"not a rule of kind '{kind}'"
        )
    return RuleProfile(
        code=raw["code"].strip(),
        version=raw["version"],
        kind=kind,
        title=raw["title"],
        legal_basis=raw["legal_basis"],
        valid_from=raw["valid_from"],
        valid_to=raw.get("valid_to"),
        rules=rules,
        path=path,
        note=raw.get("note", ""),
    )


@dataclass
class ProfileRegistry:
    """Every loaded profile, by code and version."""

    profiles: dict[tuple[str, int], RuleProfile] = field(default_factory=dict)

    def add(self, profile: RuleProfile) -> None:
        key = (profile.code, profile.version)
        if key in self.profiles:
            other = self.profiles[key].path
            raise ProfileError(profile.path, "code", f"'{profile.ref}' is also defined in {other}")
        self.profiles[key] = profile

    def get(self, code: str, version: int | None = None) -> RuleProfile:
        """Return the profile ``code`` at ``version`` (the latest when None); KeyError if none."""
        if version is not None:
            return self.profiles[(code, version)]
        versions = [p for (c, _), p in self.profiles.items() if c == code]
        if not versions:
            raise KeyError(code)
        return max(versions, key=lambda p: p.version)

    def get_ref(self, ref: str) -> RuleProfile:
        """Return the profile named by ``code@version`` (or a bare code for the latest)."""
        code, _, version = ref.partition("@")
        return self.get(code, int(version) if version else None)

    def of_kind(self, kind: str) -> list[RuleProfile]:
        """Return the latest version of every profile of ``kind``, newest validity first."""
        latest: dict[str, RuleProfile] = {}
        for profile in self.profiles.values():
            if profile.kind == kind and (
                profile.code not in latest or profile.version > latest[profile.code].version
            ):
                latest[profile.code] = profile
        return sorted(latest.values(), key=lambda p: p.valid_from, reverse=True)

    def in_force(self, kind: str, on: dt.date) -> RuleProfile | None:
        """Return the profile of ``kind`` in force on date ``on``, if any."""
        for profile in self.of_kind(kind):
            if profile.valid_from <= on and (profile.valid_to is None or on <= profile.valid_to):
                return profile
        return None


def load_profiles(dirs: Iterable[Path | str]) -> ProfileRegistry:
    """Load every ``*.toml`` under ``dirs`` (recursively), refusing the first bad file."""
    registry = ProfileRegistry()
    for directory in dirs:
        directory = Path(directory)
        if not directory.is_dir():
            raise ProfileError(directory, "(folder)", "rule-profile folder does not exist")
        for path in sorted(directory.rglob("*.toml")):
            registry.add(load_profile(path))
    return registry
