"""PDF records of a tiny plan, read back with pdftotext: Vietnamese intact, no answer key."""

import datetime as dt
import subprocess
from decimal import Decimal

import pytest

from sathach.bank.constants import TopicRole
from sathach.bank.services import item_approve, item_create, item_submit
from sathach.bank.testing import make_bank_user, make_topic, single_choice, tiny_png
from sathach.core.testing import make_person, make_unit
from sathach.lib.formats.items import AssetData, Difficulty
from sathach.plans.constants import Board, PartKind, ProctorRole
from sathach.plans.forms_assembly import part_assemble
from sathach.plans.models import Form, Seat
from sathach.plans.pdf import (
    admission_slips_pdf,
    answer_sheet_pdf,
    attendance_list_pdf,
    conflict_declaration_pdf,
    room_pdf,
    seat_plan_pdf,
    test_paper_pdf,
    variant_pdf,
)
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    board_member_add,
    candidates_generate,
    conflict_declare,
    council_set,
    proctor_assign,
    room_create,
    seats_allocate,
    sitting_create,
)
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db

HEADER = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
FEEDBACK = "Giải thích: theo Hiến pháp"  # option feedback: part of the key, never printed


def _text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return out.stdout.decode()


def _pages(pdf: bytes) -> int:
    return _text(pdf).count("\f")


def _no_key(text: str) -> None:
    assert "đáp án" not in text.lower()
    assert FEEDBACK not in text
    assert "Hiến pháp 2013, Điều 4 - 9" not in text  # the item's source


@pytest.fixture
def exam(province, organiser):
    people = [
        make_person("CC001", "Nguyễn Thị Hằng", province.unit_a, birth_date=dt.date(1990, 2, 3)),
        make_person("CC002", "Trần Văn Đức", province.unit_b),
        make_person("CC003", "Lê Quang Vũ", province.unit_a),
        make_person("CC004", "Phạm Thị Ngọc Ánh", province.unit_b),
        make_person("CC005", "Hoàng Văn Dũng", province.commune),
        make_person("CC006", "Vi Thị Mỹ", province.commune),
    ]
    plan = make_plan("TEST-PDF", [province.unit_a, province.unit_b, province.commune])
    candidates_generate(actor=None, plan=plan)
    council_set(
        actor=None,
        plan=plan,
        name="Hội đồng kiểm tra, sát hạch tỉnh Nghệ An",
        decision_number="12/QĐ-HĐ",
        decision_date=dt.date(2026, 2, 20),
    )

    topic = make_topic("KTC", "Kiến thức chung")
    author = make_bank_user("tacgia", TopicRole.AUTHOR, topic, unit=province.root)
    reviewer = make_bank_user("thamdinh", TopicRole.REVIEWER, topic, unit=province.root)
    for i in range(8):
        data = single_choice(
            stem=f"Câu hỏi số {i} về hệ thống chính trị?", key=i % 4, difficulty=Difficulty.MEDIUM
        )
        data.options[i % 4].feedback = FEEDBACK
        # Every item shows a (distinct) image, so every variant has some to embed.
        data.stem += ' <img src="asset:so-do.png" alt="Sơ đồ">'
        png = tiny_png((20 * i, 30, 30))
        data.assets = [AssetData(name="so-do.png", mime="image/png", content=png)]
        item = item_create(actor=author, topic=topic, data=data)
        item_submit(actor=author, item=item)
        item_approve(actor=reviewer, item=item)

    part = blueprint_part_add(
        actor=None,
        plan=plan,
        order=1,
        kind=PartKind.PAPER_MCQ,
        name="Kiến thức chung",
        minutes=30,
        max_score=Decimal(10),
        pass_mark=Decimal(5),
    )
    blueprint_cell_add(
        actor=None, part=part, topic=topic, count=5, points=Decimal(2), item_kind="single"
    )
    room = room_create(actor=None, plan=plan, name="P.101", capacity=12, columns=3)
    sitting = sitting_create(
        actor=None, plan=plan, part=part, date=dt.date(2026, 3, 20), start_time=dt.time(7, 30)
    )
    seats_allocate(actor=None, sitting=sitting, rooms=[room])
    part_assemble(actor=None, part=part, seed=3, n_variants=2)

    school = make_unit("SGD", "Sở Giáo dục và Đào tạo", province.state)
    proctors = [
        board_member_add(
            actor=None,
            plan=plan,
            board=Board.PROCTORING,
            person=make_person(f"GT{i}", name, school),
        )
        for i, name in enumerate(("Đỗ Minh Khôi", "Lương Thu Trang"), start=1)
    ]
    for role, membership in zip((ProctorRole.FIRST, ProctorRole.SECOND), proctors, strict=True):
        proctor_assign(actor=None, sitting=sitting, room=room, membership=membership, role=role)
    return {
        "plan": plan,
        "people": people,
        "sitting": sitting,
        "room": room,
        "proctors": proctors,
        "forms": list(Form.objects.filter(part=part).order_by("variant")),
    }


def test_attendance_list(exam):
    text = _text(attendance_list_pdf(exam["sitting"], exam["room"]))
    for expected in (
        *HEADER,
        "HỘI ĐỒNG KIỂM TRA, SÁT",  # the council's name in capitals (it wraps)
        "NGHỆ AN",
        "Kế hoạch: TEST-PDF",
        "DANH SÁCH THÍ SINH DỰ KIỂM TRA",
        "Ngày 20/03/2026, bắt đầu lúc 07:30",
        "Phòng: P.101",
        "Số báo danh",
        "Họ và tên",
        "Ngày sinh",
        "Chữ ký",
        "Ghi chú",
        "Nguyễn Thị Hằng",
        "03/02/1990",
        "Sở Nội vụ",
        "GIÁM THỊ 1",
        "GIÁM THỊ 2",
        "Đỗ Minh Khôi",
        "Lương Thu Trang",
        "Danh sách có 6 thí sinh",
    ):
        assert expected in text, expected
    # Rows follow the seats.
    seats = Seat.objects.filter(sitting=exam["sitting"]).order_by("number")
    numbers = [s.candidate.number for s in seats]
    positions = [text.index(f" {n} ") for n in numbers]
    assert positions == sorted(positions)
    assert text.count("\f") == 1


def test_admission_slips(exam):
    pdf = admission_slips_pdf(exam["sitting"])
    text = _text(pdf)
    assert text.count("GIẤY BÁO DỰ KIỂM TRA") == 6
    for expected in ("Nguyễn Thị Hằng", "03/02/1990", "Phòng thi: P.101", "07:30 ngày 20/03/2026"):
        assert expected in text, expected
    assert "CCCD" in text and "điện thoại" in text
    assert 1 <= _pages(pdf) <= 2  # several slips to a page


def test_seat_plan_shows_variants(exam):
    text = _text(seat_plan_pdf(exam["sitting"], exam["room"]))
    assert "SƠ ĐỒ CHỖ NGỒI PHÒNG THI" in text
    assert "Đề số 1" in text and "Đề số 2" in text
    for seat in Seat.objects.filter(sitting=exam["sitting"]):
        assert seat.candidate.number in text


def test_test_paper_has_questions_in_option_order_and_no_key(exam):
    form = exam["forms"][0]
    pdf = test_paper_pdf(form)
    text = _text(pdf)
    for expected in (
        *HEADER,
        "ĐỀ KIỂM TRA",
        "Kiến thức chung",
        "Thời gian làm bài: 30 phút",
        "Đề số 1",
        "Câu 1.",
        "Câu 5.",
        "A.",
        "D.",
        "— HẾT —",
    ):
        assert expected in text, expected
    assert "Câu 6." not in text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert [line for line in lines if not line.startswith("Trang ")][-1] == "— HẾT —"
    _no_key(text)
    # The options appear in the form's order: the option at position A is the one stored
    # at option_orders[0][0].
    from sathach.bank.models import ItemVersion

    first = ItemVersion.objects.get(pk=form.items[0])
    texts = [o["text"] for o in first.content["options"]]
    shown = [texts[i] for i in form.option_orders[0]]
    flat = " ".join(text.split())
    assert flat.index(f"A. {shown[0][:20]}") < flat.index(f"B. {shown[1][:15]}")
    assert _pages(pdf) >= 1


def test_test_paper_embeds_images(exam):
    pdf = test_paper_pdf(exam["forms"][0])
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf


def test_answer_sheet_and_variant(exam):
    form = exam["forms"][1]
    text = _text(answer_sheet_pdf(form))
    for expected in ("PHIẾU TRẢ LỜI TRẮC NGHIỆM", "Số báo danh", "Họ tên", "Số phách", "Đề số 2"):
        assert expected in text, expected
    _no_key(text)
    both = variant_pdf(form)
    text = _text(both)
    assert "ĐỀ KIỂM TRA" in text and "PHIẾU TRẢ LỜI TRẮC NGHIỆM" in text
    assert _pages(both) == _pages(test_paper_pdf(form)) + _pages(answer_sheet_pdf(form))


def test_room_pdf_concatenates_list_plan_and_papers(exam):
    sitting, room = exam["sitting"], exam["room"]
    pdf = room_pdf(sitting, room)
    text = _text(pdf)
    assert "DANH SÁCH THÍ SINH DỰ KIỂM TRA" in text
    assert "SƠ ĐỒ CHỖ NGỒI PHÒNG THI" in text
    assert text.count("— HẾT —") == 2  # both variants are used in the room
    _no_key(text)
    parts = (
        attendance_list_pdf(sitting, room),
        seat_plan_pdf(sitting, room),
        *(test_paper_pdf(f) for f in exam["forms"]),
    )
    assert _pages(pdf) == sum(_pages(p) for p in parts)


def test_conflict_declaration(exam):
    membership = exam["proctors"][0]
    text = _text(conflict_declaration_pdf(membership))
    assert "BẢN CAM KẾT VÀ KHAI XUNG ĐỘT LỢI ÍCH" in text
    assert "Đỗ Minh Khôi" in text and "Xung đột lợi ích (nếu có)" in text
    assert "12/QĐ-HĐ ngày 20/02/2026" in text
    conflict_declare(actor=None, membership=membership, text="Em họ là thí sinh Trần Văn Đức")
    text = _text(conflict_declaration_pdf(membership))
    assert "có xung đột lợi ích" in text and "Trần Văn Đức" in text
