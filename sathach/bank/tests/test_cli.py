"""`sathach bank import|export|duplicates` through the `sathach` entry point's commands."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from sathach.bank.models import Item
from sathach.bank.testing import make_topic

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[3] / "docs" / "formats" / "samples"
BAD_AIKEN = "Câu hỏi?\nA. Một\nB. Hai\nANSWER: E\n"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("bank", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "sample",
    [
        "sample.gift.txt",
        "sample.aiken.txt",
        "sample.moodle.xml",
        "sample-qti3.zip",
        "sample-qti21-item.xml",
        "mau-ngan-hang-cau-hoi.xlsx",
        "mau-cau-hoi.docx",
    ],
)
def test_every_shipped_sample_imports(sample):
    make_topic("KTC", "Kiến thức chung")
    code, out, _err = run("import", str(SAMPLES / sample), "--topic", "KTC")
    assert code == 0, out
    assert Item.objects.count() > 0
    assert "Đã nhập" in out


def test_bad_file_exits_1_writes_nothing_and_names_the_line(tmp_path):
    make_topic("KTC", "Kiến thức chung")
    path = tmp_path / "bad.aiken.txt"
    path.write_text(BAD_AIKEN, encoding="utf-8")
    code, out, _err = run("import", str(path), "--topic", "KTC", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["written"] is False
    assert report["errors"] == [
        {"location": "dòng 4", "message": "đáp án “E” không có trong các phương án"}
    ]
    assert Item.objects.count() == 0


def test_dry_run_writes_nothing():
    make_topic("KTC", "Kiến thức chung")
    code, out, _err = run("import", str(SAMPLES / "sample.gift.txt"), "--topic", "KTC", "--dry-run")
    assert code == 0 and "Kiểm tra thử" in out
    assert Item.objects.count() == 0


def test_export_writes_the_file_and_reimports(tmp_path):
    make_topic("KTC", "Kiến thức chung")
    make_topic("KTC2", "Bản sao")
    run("import", str(SAMPLES / "sample.gift.txt"), "--topic", "KTC")
    target = tmp_path / "bank.xml"
    code, out, _err = run("export", "--format", "moodle", "--topic", "KTC", "-o", str(target))
    assert code == 0 and out.strip() == f"Đã xuất 9 câu hỏi ra {target}."
    code, out, _err = run("import", str(target), "--topic", "KTC2")
    assert code == 0 and Item.objects.count() == 18


def test_duplicates_report_lists_exact_copies():
    make_topic("KTC", "Kiến thức chung")
    make_topic("KTC2", "Bản sao")
    run("import", str(SAMPLES / "sample.aiken.txt"), "--topic", "KTC")
    run("import", str(SAMPLES / "sample.aiken.txt"), "--topic", "KTC2")
    code, out, _err = run("duplicates", "--json")
    pairs = json.loads(out)
    assert code == 0 and len(pairs) == 5 and all(p["exact"] for p in pairs)


def test_unknown_topic_and_missing_file_are_messages(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as exc:
        call_command("bank", "import", str(SAMPLES / "sample.gift.txt"), "--topic", "KHONG")
    assert str(exc.value) == "Không có chủ đề mã “KHONG”."
    with pytest.raises(CommandError) as exc:
        call_command("bank", "import", str(tmp_path / "none.txt"))
    assert "Không đọc được tệp" in str(exc.value)
