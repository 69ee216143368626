import pytest
from django.db import IntegrityError

from sathach.audit.models import AuditEvent
from sathach.bank.constants import HistoryAction, TopicRole, VersionState
from sathach.bank.models import ItemVersion
from sathach.bank.services import (
    item_approve,
    item_create,
    item_return,
    item_submit,
    item_update,
    version_update_guard,
    versions_freeze,
)
from sathach.bank.testing import make_bank_user, make_topic, single_choice
from sathach.core.errors import PermissionDeniedError, ServiceError
from sathach.lib.formats.items import ItemData, Kind, OptionData

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(province):
    ktc = make_topic("KTC", "Kiến thức chung")
    htct = make_topic("KTC-HTCT", "Hệ thống chính trị", ktc)
    th = make_topic("TH", "Tin học")
    author = make_bank_user("tacgia", TopicRole.AUTHOR, ktc, unit=province.unit_a)
    reviewer = make_bank_user("thamdinh", TopicRole.REVIEWER, ktc, unit=province.unit_a)
    return {"ktc": ktc, "htct": htct, "th": th, "author": author, "reviewer": reviewer}


def test_item_goes_draft_submitted_returned_resubmitted_approved(bank):
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice())
    assert item.current.state == VersionState.DRAFT
    item_submit(actor=bank["author"], item=item)
    item_return(actor=bank["reviewer"], item=item, comment="Phương án B chưa rõ nghĩa")
    item.refresh_from_db()
    assert item.current.state == VersionState.RETURNED
    item_update(actor=bank["author"], item=item, data=single_choice(stem="Câu hỏi đã sửa?"))
    item_submit(actor=bank["author"], item=item)
    item_approve(actor=bank["reviewer"], item=item)
    item.refresh_from_db()
    assert item.approved == item.current
    assert item.current.state == VersionState.APPROVED
    assert item.current.number == 1  # a returned draft is edited in place
    actions = list(item.history.values_list("action", "comment"))
    assert actions == [
        (HistoryAction.CREATE, ""),
        (HistoryAction.SUBMIT, ""),
        (HistoryAction.RETURN, "Phương án B chưa rõ nghĩa"),
        (HistoryAction.EDIT, ""),
        (HistoryAction.SUBMIT, ""),
        (HistoryAction.APPROVE, ""),
    ]
    audited = list(
        AuditEvent.objects.filter(target_id=str(item.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert audited == [
        "bank.item_create",
        "bank.item_submit",
        "bank.item_return",
        "bank.item_edit",
        "bank.item_submit",
        "bank.item_approve",
    ]


def test_reviewer_cannot_approve_own_item(bank, province):
    both = make_bank_user("cahai", TopicRole.AUTHOR, bank["ktc"], unit=province.unit_a)
    from sathach.accounts.constants import Role
    from sathach.accounts.models import RoleAssignment
    from sathach.bank.models import TopicAssignment

    TopicAssignment.objects.create(user=both, topic=bank["ktc"], role=TopicRole.REVIEWER)
    RoleAssignment.objects.create(user=both, role=Role.REVIEWER, unit=province.unit_a)
    item = item_create(actor=both, topic=bank["htct"], data=single_choice())
    item_submit(actor=both, item=item)
    with pytest.raises(PermissionDeniedError) as exc:
        item_approve(actor=both, item=item)
    assert exc.value.message == "Bạn không được thẩm định câu hỏi do chính mình soạn."
    assert "QĐ 205" in exc.value.basis
    with pytest.raises(PermissionDeniedError):
        item_return(actor=both, item=item, comment="tự trả lại")
    item.refresh_from_db()
    assert item.current.state == VersionState.SUBMITTED


def test_return_without_comment_is_refused(bank):
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice())
    item_submit(actor=bank["author"], item=item)
    with pytest.raises(ServiceError) as exc:
        item_return(actor=bank["reviewer"], item=item, comment="   ")
    assert exc.value.message == "Hãy ghi ý kiến khi trả lại câu hỏi."


def test_editing_an_approved_item_makes_a_new_draft_version(bank):
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice())
    item_submit(actor=bank["author"], item=item)
    item_approve(actor=bank["reviewer"], item=item)
    old = item.current
    new = item_update(actor=bank["author"], item=item, data=single_choice(stem="Bản mới?"))
    assert new.number == 2 and new.state == VersionState.DRAFT
    old.refresh_from_db()
    assert old.state == VersionState.APPROVED and "Hệ thống chính trị" in old.stem
    item.refresh_from_db()
    assert item.approved == old  # the approved version stays usable until v2 is approved


def test_frozen_version_cannot_be_edited_and_edit_creates_new_version(bank):
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice())
    item_submit(actor=bank["author"], item=item)
    item_approve(actor=bank["reviewer"], item=item)
    version = item.current
    versions_freeze(actor=None, versions=[version], reason="ca thi DEMO")
    version.refresh_from_db()
    with pytest.raises(ServiceError) as exc:
        version_update_guard(version)
    assert exc.value.code == "frozen"
    before = (version.stem, version.content, version.content_hash)
    new = item_update(actor=bank["author"], item=item, data=single_choice(stem="Sửa sau thi?"))
    version.refresh_from_db()
    assert (version.stem, version.content, version.content_hash) == before
    assert new.number == 2 and new.pk != version.pk


def test_only_approved_versions_can_be_frozen_for_a_test(bank):
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice())
    with pytest.raises(ServiceError) as exc:
        versions_freeze(actor=None, versions=[item.current], reason="thử")
    assert exc.value.message == "Chỉ phiên bản đã duyệt mới được đưa vào đề thi."


def test_author_cannot_write_outside_assigned_topics(bank):
    with pytest.raises(PermissionDeniedError) as exc:
        item_create(actor=bank["author"], topic=bank["th"], data=single_choice())
    assert exc.value.message == "Bạn không được phân công ra đề ở chủ đề này."


def test_reviewer_outside_topic_cannot_approve(bank, province):
    other = make_bank_user("thamdinh2", TopicRole.REVIEWER, bank["th"], unit=province.unit_a)
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice())
    item_submit(actor=bank["author"], item=item)
    with pytest.raises(PermissionDeniedError) as exc:
        item_approve(actor=other, item=item)
    assert exc.value.message == "Bạn không được phân công thẩm định chủ đề này."


def test_invalid_item_is_refused_with_reasons(bank):
    bad = ItemData(kind=Kind.SINGLE, stem="  ", options=[OptionData("A"), OptionData("B")])
    with pytest.raises(ServiceError) as exc:
        item_create(actor=bank["author"], topic=bank["htct"], data=bad)
    assert exc.value.message == (
        "Câu hỏi chưa hợp lệ: câu hỏi không có nội dung; không có đáp án đúng."
    )


def test_html_is_sanitised_on_save(bank):
    data = single_choice(stem='<p onclick="x()">Câu <script>alert(1)</script><b>đậm</b></p>')
    item = item_create(actor=bank["author"], topic=bank["htct"], data=data)
    assert item.current.stem == "<p>Câu <b>đậm</b></p>"


def test_nfd_text_is_stored_as_nfc(bank):
    import unicodedata

    stem = unicodedata.normalize("NFD", "Nghị định nào quy định về công tác văn thư?")
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice(stem=stem))
    assert item.current.stem == unicodedata.normalize("NFC", stem)


def test_database_refuses_two_versions_with_one_number(bank):
    item = item_create(actor=bank["author"], topic=bank["htct"], data=single_choice())
    with pytest.raises(IntegrityError):
        ItemVersion.objects.create(
            item=item, number=1, kind="single", stem="x", difficulty="easy", content_hash="0"
        )
