"""Rule profiles: the shipped files load; a broken file is refused with the file and key named."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sathach.lib.rules import profiles as profiles_module
from sathach.lib.rules.profiles import SCHEMAS, ProfileError, load_profile, load_profiles

VIETNAM = dt.timezone(dt.timedelta(hours=7))
SHIPPED_DIR = Path(profiles_module.__file__).parent / "profiles"
_SAMPLE_VALUES: dict[Any, Any] = {int: 2, (int, float): 50.5, bool: False}


def valid_profile(code: str = "TEST-2024", version: int = 1) -> dict[str, Any]:
    """Return a complete, valid exam profile as plain data."""
    return {
        "code": code,
        "version": version,
        "kind": "exam",
        "title": "Quy chế thi thử nghiệm",
        "legal_basis": "Thông tư thử nghiệm",
        "valid_from": dt.date(2024, 1, 1),
        "valid_to": dt.date(2024, 12, 31),
        "rules": {
            key: {"value": _SAMPLE_VALUES[expected], "basis": f"Thông tư thử nghiệm, Điều {i}"}
            for i, (key, expected) in enumerate(SCHEMAS["exam"].items(), start=1)
        },
    }


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):  # dates and date-times
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string


def to_toml(data: dict[str, Any]) -> str:
    lines = [f"{k} = {_toml_value(v)}" for k, v in data.items() if k != "rules"]
    rules = data.get("rules", {})
    lines += [
        f"rules.{name} = {_toml_value(v)}" for name, v in rules.items() if not isinstance(v, dict)
    ]
    for name, entry in rules.items():
        if isinstance(entry, dict):
            lines.append(f"\n[rules.{name}]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in entry.items()]
    return "\n".join(lines) + "\n"


def write(directory: Path, data: dict[str, Any], name: str) -> Path:
    path = directory / name
    path.write_text(to_toml(data), encoding="utf-8")
    return path


def _error_text(path: Path, key: str, message: str) -> str:
    return f"Rule profile {path}: key '{key}': {message}"


# --- The shipped profiles ----------------------------------------------------------------------
def test_shipped_profiles_load_with_every_exam_rule_and_its_basis():
    registry = load_profiles([SHIPPED_DIR])
    exam = {key: p for key, p in registry.profiles.items() if p.kind == "exam"}
    assert sorted(exam) == [("TT06-2020", 1), ("TT22-2025", 1)]
    for profile in exam.values():
        assert profile.legal_basis.strip()
        assert set(profile.rules) == set(SCHEMAS["exam"])
        for key, rule in profile.rules.items():
            assert rule.basis.strip(), f"{profile.ref}: {key} has no basis"
            assert profile.basis(key) == rule.basis


def test_shipped_profiles_carry_the_late_arrival_rules_of_their_circulars():
    registry = load_profiles([SHIPPED_DIR])
    tt06, tt22 = registry.get("TT06-2020"), registry.get("TT22-2025")
    assert (
        tt06.value("late_arrival_minutes_short_part"),
        tt06.value("late_arrival_minutes_long_part"),
    ) == (30, 30)
    assert (
        tt22.value("late_arrival_minutes_short_part"),
        tt22.value("late_arrival_minutes_long_part"),
    ) == (5, 10)
    assert tt06.value("supervisory_board") is False
    assert tt22.value("supervisory_board") is True
    assert (tt06.valid_from, tt06.valid_to) == (dt.date(2021, 1, 20), dt.date(2025, 4, 30))
    assert (tt22.valid_from, tt22.valid_to) == (dt.date(2025, 12, 10), None)


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (dt.date(2021, 1, 20), "TT06-2020"),
        (dt.date(2022, 6, 1), "TT06-2020"),
        (dt.date(2025, 4, 30), "TT06-2020"),
        (dt.date(2025, 12, 10), "TT22-2025"),
        (dt.date(2026, 1, 1), "TT22-2025"),
    ],
)
def test_in_force_picks_the_profile_valid_on_the_date(on, code):
    profile = load_profiles([SHIPPED_DIR]).in_force("exam", on)
    assert profile is not None and profile.code == code


def test_in_force_before_the_first_profile_is_none():
    assert load_profiles([SHIPPED_DIR]).in_force("exam", dt.date(2021, 1, 19)) is None


def test_get_ref_names_code_and_version_and_latest_wins(tmp_path):
    write(tmp_path, valid_profile(version=1), "v1.toml")
    write(tmp_path, valid_profile(version=2), "v2.toml")
    registry = load_profiles([tmp_path])
    assert registry.get_ref("TEST-2024@1").version == 1
    assert registry.get_ref("TEST-2024").ref == "TEST-2024@2"
    assert [p.ref for p in registry.of_kind("exam")] == ["TEST-2024@2"]
    with pytest.raises(KeyError):
        registry.get_ref("TEST-2024@3")


# --- A broken file is refused, naming the file and the key ---------------------------------------
Mutation = Callable[[dict[str, Any]], object]


def _rule(name: str, **changes: Any) -> Mutation:
    return lambda d: d["rules"][name].update(changes)


BREAKAGES = [
    pytest.param(
        lambda d: d.pop("legal_basis"), "legal_basis", "missing", id="missing-top-level-key"
    ),
    pytest.param(
        lambda d: d.update(version="1"), "version", "expected int, got str", id="wrong-type"
    ),
    pytest.param(
        lambda d: d.update(valid_from="2024-01-01"),
        "valid_from",
        "expected date, got str",
        id="date-as-string",
    ),
    pytest.param(
        lambda d: d.update(valid_from=dt.datetime(2024, 1, 1, 7, 30, tzinfo=VIETNAM)),
        "valid_from",
        "expected date, got a date-time",
        id="date-time-for-date",
    ),
    pytest.param(
        lambda d: d.update(version=True),
        "version",
        "expected int, got a boolean",
        id="bool-for-top-level-int",
    ),
    pytest.param(
        _rule("room_max_candidates", value=True),
        "rules.room_max_candidates.value",
        "expected int, got a boolean",
        id="bool-for-int",
    ),
    pytest.param(
        _rule("mcq_pass_percent", value=False),
        "rules.mcq_pass_percent.value",
        "expected int or float, got a boolean",
        id="bool-for-number",
    ),
    pytest.param(
        _rule("supervisory_board", value=1),
        "rules.supervisory_board.value",
        "expected bool, got int",
        id="int-for-bool",
    ),
    pytest.param(
        _rule("proctors_per_room", value=2.5),
        "rules.proctors_per_room.value",
        "expected int, got float",
        id="float-for-int",
    ),
    pytest.param(
        lambda d: d["rules"]["appeal_window_days"].pop("basis"),
        "rules.appeal_window_days.basis",
        "missing: every value names its legal basis",
        id="rule-missing-basis",
    ),
    pytest.param(
        _rule("appeal_window_days", basis="   "),
        "rules.appeal_window_days.basis",
        "missing: every value names its legal basis",
        id="rule-blank-basis",
    ),
    pytest.param(
        lambda d: d["rules"]["appeal_window_days"].pop("value"),
        "rules.appeal_window_days.value",
        "missing",
        id="rule-missing-value",
    ),
    pytest.param(
        _rule("appeal_window_days", unverified="yes"),
        "rules.appeal_window_days.unverified",
        "expected bool, got str",
        id="rule-option-wrong-type",
    ),
    pytest.param(
        _rule("appeal_window_days", source="NĐ 138"),
        "rules.appeal_window_days.source",
        "unknown key",
        id="rule-unknown-key",
    ),
    pytest.param(
        lambda d: d["rules"].pop("appeal_result_days"),
        "rules.appeal_result_days",
        "missing (required for kind 'exam')",
        id="rule-missing",
    ),
    pytest.param(
        lambda d: d["rules"].update(room_max_candidates=50),
        "rules.room_max_candidates",
        "must be a table with 'value' and 'basis'",
        id="rule-not-a-table",
    ),
    pytest.param(
        lambda d: d["rules"].update(room_min_candidates={"value": 1, "basis": "x"}),
        "rules.room_min_candidates",
        "not a rule of kind 'exam'",
        id="unknown-rule",
    ),
    pytest.param(
        lambda d: d.pop("rules"),
        "rules",
        "missing (a [rules.<name>] table for every rule)",
        id="no-rules",
    ),
    pytest.param(
        lambda d: d.update(kind="grading"),
        "kind",
        "unknown kind 'grading' (known: exam, rating, party_rating, streamlining)",
        id="unknown-kind",
    ),
    pytest.param(
        lambda d: d.update(valid_until=dt.date(2030, 1, 1)),
        "valid_until",
        "unknown top-level key",
        id="unknown-top-level-key",
    ),
    pytest.param(lambda d: d.update(version=0), "version", "must be 1 or more", id="version-0"),
    pytest.param(lambda d: d.update(code="  "), "code", "must not be empty", id="empty-code"),
    pytest.param(
        lambda d: d.update(code="TT06@2020"), "code", "must not contain '@'", id="at-sign-in-code"
    ),
    pytest.param(
        lambda d: d.update(valid_to=dt.date(2023, 12, 31)),
        "valid_to",
        "is before valid_from",
        id="valid-to-before-valid-from",
    ),
]


@pytest.mark.parametrize(("mutate", "key", "message"), BREAKAGES)
def test_broken_profile_is_refused_naming_file_and_key(tmp_path, mutate, key, message):
    write(tmp_path, valid_profile(code="GOOD-2024"), "a-good.toml")
    data = valid_profile()
    mutate(data)
    broken = write(tmp_path, data, "b-broken.toml")
    with pytest.raises(ProfileError) as exc:
        load_profiles([tmp_path])
    assert (exc.value.path, exc.value.key, exc.value.message) == (broken, key, message)
    assert str(exc.value) == _error_text(broken, key, message)


def test_valid_test_profile_loads(tmp_path):
    # The baseline every breakage above starts from is itself valid.
    profile = load_profile(write(tmp_path, valid_profile(), "p.toml"))
    assert profile.ref == "TEST-2024@1"
    assert profile.value("marking_tolerance_percent") == 50.5


def test_invalid_toml_is_refused_with_line_and_column(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('code = "X"\nversion = 1\nkind = \n', encoding="utf-8")
    with pytest.raises(ProfileError) as exc:
        load_profiles([tmp_path])
    assert str(exc.value) == _error_text(
        path, "(file)", "not valid TOML: Invalid value (at line 3, column 8)"
    )


def test_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'title = "Quy ch\xe9 thi"\n')  # Latin-1 "é", as old Windows tools save
    with pytest.raises(ProfileError) as exc:
        load_profiles([tmp_path])
    assert str(exc.value) == _error_text(
        path, "(file)", "not UTF-8 text (invalid continuation byte)"
    )


def test_same_code_and_version_in_two_files_is_refused_naming_both(tmp_path):
    first = write(tmp_path, valid_profile(), "a.toml")
    (tmp_path / "more").mkdir()
    second = write(tmp_path / "more", valid_profile(), "b.toml")
    with pytest.raises(ProfileError) as exc:
        load_profiles([tmp_path])
    assert str(exc.value) == _error_text(
        second, "code", f"'TEST-2024@1' is also defined in {first}"
    )


def test_missing_profile_folder_is_refused(tmp_path):
    missing = tmp_path / "khong-co"
    with pytest.raises(ProfileError) as exc:
        load_profiles([missing])
    assert str(exc.value) == _error_text(missing, "(folder)", "rule-profile folder does not exist")
