"""Start-up: rule profiles are loaded once; a broken profile stops the process, naming it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from sathach.core import profiles

SHIPPED = Path(settings.BASE_DIR) / "sathach" / "lib" / "rules" / "profiles" / "exam"


def _broken_profile_dir(tmp_path: Path) -> tuple[Path, Path]:
    """Return a folder holding one profile whose room size is a boolean, and that file."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    text = (SHIPPED / "TT06-2020.toml").read_text(encoding="utf-8")
    good = "[rules.room_max_candidates]\nvalue = 50\n"
    assert good in text
    path = folder / "TT06-2020.toml"
    path.write_text(
        text.replace(good, "[rules.room_max_candidates]\nvalue = true\n"), encoding="utf-8"
    )
    return folder, path


def _run_python(code: str, profile_dirs: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "SATHACH_PROFILE_DIRS": str(profile_dirs),
        "SATHACH_VAR_DIR": str(tmp_path / "var"),
    }
    env.pop("DATABASE_URL", None)  # never touch a real database from here
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


CLI = "import sys; from sathach.cli import main; sys.exit(main(['audit', 'verify']))"
SETUP = "import django; django.setup()"
KEY_ERROR = "key 'rules.room_max_candidates.value': expected int, got a boolean"


def test_cli_refuses_to_start_with_a_broken_profile_naming_file_and_key(tmp_path):
    folder, path = _broken_profile_dir(tmp_path)
    result = _run_python(CLI, folder, tmp_path)
    assert result.returncode == 2
    assert result.stderr == (f"sathach: không khởi động được: Rule profile {path}: {KEY_ERROR}\n")
    assert result.stdout == ""


def test_django_setup_fails_with_a_broken_profile_naming_file_and_key(tmp_path):
    folder, path = _broken_profile_dir(tmp_path)
    result = _run_python(SETUP, folder, tmp_path)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line == (
        f"django.core.exceptions.ImproperlyConfigured: Rule profile {path}: {KEY_ERROR}"
    )


def test_cli_refuses_to_start_when_the_profile_folder_is_missing(tmp_path):
    missing = tmp_path / "khong-co"
    result = _run_python(CLI, missing, tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"sathach: không khởi động được: Rule profile {missing}: key '(folder)': "
        "rule-profile folder does not exist\n"
    )


def test_start_up_with_the_shipped_profiles_loads_them(tmp_path):
    code = (
        f"{SETUP}; import datetime as dt; from sathach.core import profiles; "
        "print(profiles.in_force('exam', dt.date(2026, 1, 1)).ref)"
    )
    result = _run_python(code, SHIPPED.parent, tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "TT22-2025@1\n", "")


def test_process_registry_answers_which_profile_is_in_force():
    assert profiles.in_force("exam", dt.date(2022, 6, 1)).ref == "TT06-2020@1"
    assert profiles.in_force("exam", dt.date(2026, 1, 1)).ref == "TT22-2025@1"
    assert profiles.get("TT06-2020@1").value("room_max_candidates") == 50
    assert [code for code, _title in profiles.choices("exam")] == ["TT22-2025", "TT06-2020"]
