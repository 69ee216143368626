"""Ban phách's work: collecting typed and paper scripts, coding (unique, random, secret),
scanned pages (checked by their bytes, stored privately), no-script records, re-matching only
when every mark is final; each step audited."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest

from sathach.audit.models import AuditEvent
from sathach.bank.testing import tiny_png
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.delivery.models import Attempt
from sathach.grading.constants import CODE_ALPHABET, ScriptSource, ScriptState
from sathach.grading.models import PartMarking, ScanPage, Script, ScriptIdentity
from sathach.grading.services import (
    scan_remove,
    scan_upload,
    script_absent,
    scripts_code,
    scripts_collect,
    scripts_rematch,
)
from sathach.grading.storage import scan_root
from sathach.grading.testing import typed_answer

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def test_collect_takes_the_typed_essays_of_handed_in_attempts(exam):
    assert scripts_collect(actor=exam.coder, part=exam.part) == 4
    for index, candidate in enumerate(exam.candidates):
        script = exam.script_of(candidate)
        assert script.source == ScriptSource.TYPED
        assert script.state == ScriptState.COLLECTED
        assert [a["text"] for a in script.answers] == [
            typed_answer(index, 0),
            typed_answer(index, 1),
        ]
        attempt = Attempt.objects.get(candidate=candidate)
        assert [a["item"] for a in script.answers] == attempt.layout["items"]
        assert ScriptIdentity.objects.get(script=script).attempt == attempt


def test_collect_is_idempotent_and_skips_voided_attempts(exam):
    Attempt.objects.filter(candidate=exam.candidates[3]).update(state="voided")
    assert scripts_collect(actor=exam.coder, part=exam.part) == 3
    assert scripts_collect(actor=exam.coder, part=exam.part) == 0
    assert Script.objects.filter(part=exam.part).count() == 3
    events = AuditEvent.objects.filter(action="grading.scripts_collect").order_by("seq")
    assert [e.data for e in events] == [{"created": 3, "total": 3}, {"created": 0, "total": 3}]


def test_scripts_hold_no_candidate_only_the_identity_table_does():
    fields = {f.name for f in Script._meta.get_fields()}
    assert "candidate" not in fields
    assert {f.name for f in ScriptIdentity._meta.get_fields()} >= {"script", "candidate"}


def test_paper_part_has_a_script_per_seated_candidate(paper_exam):
    assert scripts_collect(actor=paper_exam.coder, part=paper_exam.part) == 4
    scripts = paper_exam.scripts()
    assert {s.source for s in scripts} == {ScriptSource.SCANNED}
    assert all(s.answers == [] for s in scripts)


def test_only_ban_phach_collects_and_codes(exam):
    for user in (exam.marking_head, exam.markers[1], exam.organiser, exam.chair):
        with pytest.raises(PermissionDeniedError) as refused:
            scripts_collect(actor=user, part=exam.part)
        assert refused.value.message == (
            "Chỉ thành viên Ban phách được thu bài, đánh số phách, tải ảnh bài làm và ghép phách."
        )


def test_codes_are_random_unique_in_the_part_and_say_nothing_of_the_candidate(exam):
    scripts_collect(actor=exam.coder, part=exam.part)
    assert scripts_code(actor=exam.coder, part=exam.part) == 4
    scripts = exam.scripts()
    codes = [s.code for s in scripts]
    assert len(set(codes)) == 4
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    for candidate in exam.candidates:
        code = exam.script_of(candidate).code
        assert candidate.number not in code and candidate.person.code not in code
    assert {s.state for s in scripts} == {ScriptState.CODED}
    marking = PartMarking.objects.get(part=exam.part)
    assert marking.coded_by == exam.coder and marking.coded_at is not None
    # The audit log records how many, never which code went to whom.
    event = AuditEvent.objects.get(action="grading.scripts_code")
    assert event.data == {"coded": 4}
    assert not any(code in str(e.data) for e in AuditEvent.objects.all() for code in codes)


def test_coding_twice_is_refused_and_codes_never_change(exam):
    scripts_collect(actor=exam.coder, part=exam.part)
    scripts_code(actor=exam.coder, part=exam.part)
    before = [s.code for s in exam.scripts()]
    with pytest.raises(ServiceError) as refused:
        scripts_code(actor=exam.coders[1], part=exam.part)
    assert refused.value.message == "Không còn bài nào chờ đánh số phách."
    assert [s.code for s in exam.scripts()] == before


def test_code_collisions_are_drawn_again(exam, monkeypatch):
    scripts_collect(actor=exam.coder, part=exam.part)
    draws = iter(["AAAAAA", "AAAAAA", "BBBBBB", "AAAAAA", "CCCCCC", "DDDDDD"])
    monkeypatch.setattr("sathach.grading.services.scripts.new_code", lambda: next(draws))
    scripts_code(actor=exam.coder, part=exam.part)
    assert sorted(s.code for s in exam.scripts()) == ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"]


def test_empty_paper_part_has_nothing_to_collect(paper_exam):
    from sathach.plans.models import Seat

    Seat.objects.filter(sitting=paper_exam.sitting).delete()
    with pytest.raises(ServiceError) as refused:
        scripts_collect(actor=paper_exam.coder, part=paper_exam.part)
    assert refused.value.message == (
        "Phần thi “Thi viết chuyên môn” chưa xếp chỗ cho người dự kiểm tra nào."
    )


# --- Scanned pages --------------------------------------------------------------------------


@pytest.fixture
def paper_script(paper_exam):
    scripts_collect(actor=paper_exam.coder, part=paper_exam.part)
    scripts_code(actor=paper_exam.coder, part=paper_exam.part)
    return paper_exam.scripts()[0]


@pytest.mark.parametrize(
    ("content", "mime"),
    [(tiny_png(), "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf")],
    ids=["png", "jpeg", "pdf"],
)
def test_pages_are_recognised_by_their_bytes_and_stored_privately(
    paper_exam, paper_script, content, mime
):
    page = scan_upload(actor=paper_exam.coder, script=paper_script, content=content, name="x.doc")
    assert page.mime == mime and page.number == 1 and page.size == len(content)
    path = page.file.path
    assert path.startswith(scan_root())
    assert os.path.basename(path).split(".")[0] not in (paper_script.code, "x")
    with open(path, "rb") as stored:
        assert stored.read() == content
    with pytest.raises(ValueError, match="never served by URL"):
        page.file.url  # noqa: B018
    second = scan_upload(actor=paper_exam.coder, script=paper_script, content=content, name="")
    assert second.number == 2
    event = AuditEvent.objects.filter(action="grading.scan_upload").order_by("seq").first()
    assert event.data["page"] == 1 and event.data["mime"] == mime


def test_a_file_that_is_not_an_image_or_pdf_is_refused_whatever_its_name(paper_exam, paper_script):
    with pytest.raises(ServiceError) as refused:
        scan_upload(
            actor=paper_exam.coder, script=paper_script, content=b"<html>", name="trang1.png"
        )
    assert refused.value.message == "Tệp “trang1.png” không phải ảnh PNG, JPEG hoặc tệp PDF."
    with pytest.raises(ServiceError) as refused:
        scan_upload(actor=paper_exam.coder, script=paper_script, content=b"", name="rong.png")
    assert refused.value.message == "Tệp “rong.png” rỗng."
    assert not ScanPage.objects.exists()


def test_a_file_above_the_size_limit_is_refused(paper_exam, paper_script, settings):
    settings.SATHACH_SCAN_MAX_BYTES = 2 * 1024 * 1024
    big = tiny_png() + b"\x00" * (2 * 1024 * 1024)
    with pytest.raises(ServiceError) as refused:
        scan_upload(actor=paper_exam.coder, script=paper_script, content=big, name="to.png")
    assert refused.value.message == (
        "Tệp “to.png” lớn hơn 2 MB: hãy quét với độ phân giải thấp hơn hoặc tách tệp."
    )


def test_typed_scripts_take_no_pages(exam):
    exam.collect_and_code()
    with pytest.raises(ServiceError) as refused:
        scan_upload(actor=exam.coder, script=exam.scripts()[0], content=tiny_png())
    assert refused.value.message == "Bài làm trên máy tính không cần tải ảnh bài làm."


def test_only_ban_phach_uploads_pages(paper_exam, paper_script):
    with pytest.raises(PermissionDeniedError):
        scan_upload(actor=paper_exam.markers[1], script=paper_script, content=tiny_png())


def test_a_page_is_removed_with_its_file_after_commit(
    paper_exam, paper_script, django_capture_on_commit_callbacks
):
    page = scan_upload(actor=paper_exam.coder, script=paper_script, content=tiny_png())
    path = page.file.path
    with django_capture_on_commit_callbacks(execute=True):
        scan_remove(actor=paper_exam.coder, page=page)
    assert not ScanPage.objects.exists()
    assert not os.path.exists(path)
    assert AuditEvent.objects.filter(action="grading.scan_remove").exists()


def test_pages_cannot_change_once_the_script_is_with_markers(paper_exam):
    paper_exam.collect_and_code()
    paper_exam.set_guide()
    paper_exam.assign()
    script = paper_exam.scripts()[0]
    with pytest.raises(ServiceError) as refused:
        scan_upload(actor=paper_exam.coder, script=script, content=tiny_png())
    assert refused.value.message == (
        f"Bài thi số phách {script.code} đã được phân công chấm: không thay đổi được bài làm."
    )


def test_a_seated_candidate_without_a_script_is_recorded_with_a_reason(paper_exam, paper_script):
    with pytest.raises(ServiceError) as refused:
        script_absent(actor=paper_exam.coder, script=paper_script, reason="  ")
    assert refused.value.message == "Hãy ghi lý do không có bài thi."
    script = script_absent(actor=paper_exam.coder, script=paper_script, reason="Vắng thi")
    assert script.state == ScriptState.ABSENT and script.absent_reason == "Vắng thi"


def test_absent_is_refused_for_a_script_with_pages(paper_exam, paper_script):
    scan_upload(actor=paper_exam.coder, script=paper_script, content=tiny_png())
    with pytest.raises(ServiceError) as refused:
        script_absent(actor=paper_exam.coder, script=paper_script, reason="Vắng")
    assert refused.value.message == (
        "Bài thi đã có ảnh bài làm: hãy xóa các trang trước khi ghi nhận không có bài."
    )


# --- Re-matching ----------------------------------------------------------------------------


def test_rematch_is_refused_until_every_script_has_its_final_mark(assigned):
    first, *rest = assigned.scripts()
    assigned.mark(first, Decimal(60), Decimal(64))
    with pytest.raises(ServiceError) as refused:
        scripts_rematch(actor=assigned.coder, part=assigned.part)
    assert refused.value.message == (
        "Còn 3/4 bài chưa có điểm chính thức: chỉ ghép phách khi mọi bài đã có điểm chính thức."
    )
    assert "ghép phách" in refused.value.basis
    assert PartMarking.objects.get(part=assigned.part).rematched_at is None


def test_rematch_records_who_and_when_and_then_locks_the_part(assigned):
    for script in assigned.scripts():
        assigned.mark(script, Decimal(60), Decimal(64))
    assert scripts_rematch(actor=assigned.coders[1], part=assigned.part) == 4
    marking = PartMarking.objects.get(part=assigned.part)
    assert marking.rematched_by == assigned.coders[1] and marking.rematched_at is not None
    assert AuditEvent.objects.get(action="grading.scripts_rematch").data == {"scripts": 4}
    with pytest.raises(ServiceError) as refused:
        scripts_rematch(actor=assigned.coder, part=assigned.part)
    assert refused.value.message == "Phần thi đã được ghép phách."
    with pytest.raises(ServiceError) as refused:
        scripts_collect(actor=assigned.coder, part=assigned.part)
    assert refused.value.message == (
        "Phần thi đã ghép phách: điểm đã chính thức, chỉ thay đổi qua phúc khảo."
    )


def test_rematch_leaves_out_scripts_recorded_as_absent(paper_exam):
    scripts_collect(actor=paper_exam.coder, part=paper_exam.part)
    scripts_code(actor=paper_exam.coder, part=paper_exam.part)
    absent, *present = paper_exam.scripts()
    script_absent(actor=paper_exam.coder, script=absent, reason="Vắng thi")
    for script in present:
        scan_upload(actor=paper_exam.coder, script=script, content=tiny_png())
    paper_exam.set_guide()
    paper_exam.assign()
    for script in present:
        paper_exam.mark(script, Decimal(50), Decimal(50))
    assert scripts_rematch(actor=paper_exam.coder, part=paper_exam.part) == 3
