"""Import and export through the one bank service (page, CLI and API use it)."""

from pathlib import Path

import pytest

from sathach.audit.models import AuditEvent
from sathach.bank.constants import TopicRole, VersionState
from sathach.bank.models import Item, ItemVersion, Topic, TopicAssignment
from sathach.bank.testing import make_bank_user, make_topic
from sathach.bank.transfer import bank_export, bank_import, detect_format
from sathach.core.errors import PermissionDeniedError, ServiceError

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[3] / "docs" / "formats" / "samples"

AIKEN_GOOD = """Cơ quan nào là cơ quan hành chính nhà nước cao nhất?
A. Quốc hội
B. Chính phủ
C. Tòa án nhân dân tối cao
D. Viện kiểm sát nhân dân tối cao
ANSWER: B

Nhiệm kỳ của mỗi khóa Quốc hội là bao nhiêu năm?
A. 4 năm
B. 5 năm
C. 6 năm
ANSWER: B
""".encode()

AIKEN_BAD_KEY = (
    AIKEN_GOOD
    + """
Cơ quan nào thực hiện quyền tư pháp?
A. Tòa án nhân dân
B. Chính phủ
ANSWER: E
""".encode()
)


@pytest.fixture
def author(province):
    topic = make_topic("KTC", "Kiến thức chung")
    user = make_bank_user("tacgia", TopicRole.AUTHOR, topic, unit=province.unit_a)
    return user, topic


def test_good_file_is_imported_as_drafts_with_counts_by_kind(author):
    user, topic = author
    report = bank_import(actor=user, data=AIKEN_GOOD, filename="cau-hoi.txt", topic=topic)
    assert report.format == "aiken" and report.written and report.created == 2
    assert dict(report.by_kind) == {"single": 2}
    assert ItemVersion.objects.filter(state=VersionState.DRAFT).count() == 2
    assert set(Item.objects.values_list("topic__code", flat=True)) == {"KTC"}
    event = AuditEvent.objects.get(action="bank.import")
    assert event.data["created"] == 2 and event.actor_username == "tacgia"


def test_any_error_writes_nothing_and_names_the_line(author):
    user, topic = author
    report = bank_import(actor=user, data=AIKEN_BAD_KEY, filename="cau-hoi.txt", topic=topic)
    assert not report.written and report.created == 0
    assert [(e.location, e.message) for e in report.errors] == [
        ("dòng 17", "đáp án “E” không có trong các phương án")
    ]
    assert Item.objects.count() == 0
    assert not AuditEvent.objects.filter(action="bank.import").exists()
    assert "Không nhập câu hỏi nào vì tệp có lỗi" in report.to_text()


def test_partial_import_writes_the_good_items_and_reports_the_rest(author):
    user, topic = author
    report = bank_import(
        actor=user, data=AIKEN_BAD_KEY, filename="cau-hoi.txt", topic=topic, partial=True
    )
    assert report.written and report.created == 2 and len(report.errors) == 1
    assert Item.objects.count() == 2


def test_dry_run_writes_nothing(author):
    user, topic = author
    report = bank_import(actor=user, data=AIKEN_GOOD, filename="a.txt", topic=topic, dry_run=True)
    assert report.ok and not report.written and dict(report.by_kind) == {"single": 2}
    assert Item.objects.count() == 0


def test_gift_categories_become_subtopics_under_the_chosen_topic(author):
    user, topic = author
    data = (SAMPLES / "sample.gift.txt").read_bytes()
    report = bank_import(actor=user, data=data, filename="sample.gift.txt", topic=topic)
    assert report.written, report.to_text()
    names = set(Topic.objects.filter(path__startswith=topic.path).values_list("name", flat=True))
    assert {"Hệ thống chính trị", "Hiến pháp", "Luật Cán bộ, công chức"} <= names
    kinds = set(Item.objects.values_list("kind", flat=True))
    assert kinds == {"single", "multiple", "true_false", "short_text", "numeric", "essay"}


def test_duplicates_of_the_bank_and_inside_the_file_are_flagged(author):
    user, topic = author
    bank_import(actor=user, data=AIKEN_GOOD, filename="a.txt", topic=topic)
    twice = AIKEN_GOOD + b"\n" + AIKEN_GOOD.split(b"\n\n")[0] + b"\n"
    report = bank_import(actor=user, data=twice, filename="a.txt", topic=topic, dry_run=True)
    pairs = {(d["location"], d["other"], d["exact"]) for d in report.duplicates}
    assert ("dòng 1", "dòng 14", True) in pairs
    assert any(d["other"].endswith("trong ngân hàng") for d in report.duplicates)


def test_author_cannot_import_into_a_topic_outside_their_assignment(author, province):
    _user, _topic = author
    other_topic = make_topic("TH", "Tin học")
    outsider = make_bank_user("tacgia2", TopicRole.AUTHOR, other_topic, unit=province.unit_a)
    with pytest.raises(PermissionDeniedError):
        bank_import(
            actor=outsider, data=AIKEN_GOOD, filename="a.txt", topic=Topic.objects.get(code="KTC")
        )


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "Tệp rỗng."),
        (b"PK\x03\x04truncated", None),
    ],
)
def test_unreadable_files_get_a_clear_message(author, data, message):
    user, topic = author
    with pytest.raises(ServiceError) as exc:
        bank_import(actor=user, data=data, filename="x.zip", topic=topic)
    if message:
        assert exc.value.message == message
    else:
        assert "zip" in exc.value.message.lower()
    assert Item.objects.count() == 0


def test_format_detection():
    assert detect_format(b"<?xml version='1.0'?><quiz></quiz>", "a.xml") == "moodle"
    assert detect_format(b"PK\x03\x04...", "a.xlsx") == "xlsx"
    assert detect_format(b"PK\x03\x04...", "a.docx") == "docx"
    assert detect_format(b"PK\x03\x04...", "goi.zip") == "qti"
    assert detect_format(AIKEN_GOOD, "a.txt") == "aiken"
    assert detect_format(b"::Q1:: 1+1? {=2 ~3}", "a.txt") == "gift"


@pytest.mark.parametrize("fmt", ["gift", "moodle", "qti", "xlsx"])
def test_export_then_import_gives_back_the_same_items(author, province, fmt):
    user, topic = author
    copy_root = make_topic("BAN-SAO", "Bản sao")
    TopicAssignment.objects.create(user=user, topic=copy_root, role=TopicRole.AUTHOR)
    data = (SAMPLES / "sample.gift.txt").read_bytes()
    bank_import(actor=user, data=data, filename="sample.gift.txt", topic=topic)
    payload, count = bank_export(actor=user, fmt=fmt, topic=topic)
    assert count == Item.objects.count() == 9
    report = bank_import(
        actor=user, data=payload, filename=f"export.{fmt}", fmt=fmt, topic=copy_root
    )
    assert report.written, report.to_text()
    assert _snapshot(copy_root) == _snapshot(topic)
    assert AuditEvent.objects.filter(action="bank.export").count() == 1


def _snapshot(root):
    rows = []
    for v in ItemVersion.objects.filter(item__topic__path__startswith=root.path).select_related(
        "item__topic"
    ):
        content = dict(v.content)
        options = [(o["text"], o["correct"]) for o in content.get("options", [])]
        topic_names = v.item.topic.path[len(root.path) :]
        depth = topic_names.count("/")
        rows.append(
            (
                v.kind,
                v.stem,
                tuple(options),
                content.get("truth"),
                tuple(a["text"] for a in content.get("answers", [])),
                tuple((a["value"], a["tolerance"]) for a in content.get("numeric", [])),
                v.difficulty,
                v.item.topic.name if depth else "",
                depth,
            )
        )
    return sorted(rows, key=repr)
