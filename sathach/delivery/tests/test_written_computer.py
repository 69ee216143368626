"""A written part typed on computer: the sitting opens like an MCQ one, candidates type their
essays in the exam page (NFC text up to lib.scoring's essay limit), the end screen claims no
score for essays, and grading collects the typed text as the scripts to code and mark."""

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from sathach.accounts.constants import Role
from sathach.audit.models import AuditEvent
from sathach.bank.constants import TopicRole
from sathach.bank.models import ItemVersion
from sathach.bank.services import item_approve, item_create, item_submit
from sathach.bank.testing import make_bank_user, make_topic, single_choice
from sathach.core.errors import ServiceError
from sathach.core.testing import make_person, make_user
from sathach.delivery.constants import AttemptState
from sathach.delivery.models import Attempt, Response, RoomSession
from sathach.delivery.services import incident_record, room_start, sitting_open
from sathach.delivery.testing import key_answer
from sathach.lib.formats.items import Difficulty, ItemData, Kind
from sathach.lib.scoring import MAX_ESSAY_TEXT
from sathach.plans.constants import Board, CandidateStatus, PartKind, SittingMode
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import BlueprintPart, Candidate, Plan, Room, Sitting
from sathach.plans.services import (
    blueprint_cell_add,
    blueprint_part_add,
    board_member_add,
    candidates_generate,
    proctor_assign,
    room_create,
    seats_allocate,
    sitting_create,
    sitting_finalise,
)
from sathach.plans.testing import make_plan

pytestmark = pytest.mark.django_db

API = "/api/v1/exam"
NOTE = "Bài tự luận sẽ được Ban chấm thi chấm; kết quả sẽ được thông báo sau."
GUIDES = ("Nêu đủ bốn nội dung quản lý công chức.", "Giải pháp cụ thể, có căn cứ pháp lý.")
# What a candidate types, as a Mac or a phone keyboard may send it: decomposed (NFD) letters,
# line breaks, a tab and spaces that must reach the markers untouched.
TYPED = (
    "Quản lý cán bộ, công chức gồm: tuyển dụng; sử dụng; đánh giá, xếp loại;\n"
    "\tkhen thưởng, kỷ luật — theo Luật Cán bộ, công chức năm 2008 (sửa đổi 2019).  "
)


@dataclass
class Written:
    plan: Plan
    part: BlueprintPart
    sitting: Sitting
    room: Room
    organiser: Any
    proctors: list[Any]
    essays: list[int]
    singles: list[int] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    def attempts(self) -> list[Attempt]:
        return list(
            Attempt.objects.filter(sitting=self.sitting)
            .select_related("sitting__plan", "session", "form")
            .order_by("candidate__number")
        )

    @property
    def session(self) -> RoomSession:
        return RoomSession.objects.get(sitting=self.sitting, room=self.room)


def _approve(author, reviewer, topic, data) -> int:
    item = item_create(actor=author, topic=topic, data=data)
    item_submit(actor=author, item=item)
    item_approve(actor=reviewer, item=item)
    item.refresh_from_db()
    return item.approved.pk


def _build(province, *, n: int = 3, mode: str = SittingMode.COMPUTER, singles: int = 0) -> Written:
    """A written part of 100 points through the organiser's services: a 40-point medium essay,
    a 60-point hard essay (one cell each) and, with ``singles``, single-choice items of 10
    points each taken from the hard essay's share; seated, finalised; not assembled."""
    organiser = make_user("tochuc_tl", Role.ORGANISER, province.root)
    for i in range(n):
        unit = province.unit_a if i % 2 == 0 else province.unit_b
        make_person(f"TLM{i + 1:03d}", f"Đỗ Thị Làm Bài {i + 1}", unit)
    plan = make_plan("VIETMAY", [province.unit_a, province.unit_b], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    topic = make_topic("TLM", "Tự luận trên máy")
    author = make_bank_user("tacgia_tlm", TopicRole.AUTHOR, topic, unit=province.unit_a)
    reviewer = make_bank_user("thamdinh_tlm", TopicRole.REVIEWER, topic, unit=province.unit_a)
    hard_points = 60 - 10 * singles
    essays = [
        _approve(
            author,
            reviewer,
            topic,
            ItemData(
                kind=Kind.ESSAY,
                stem=f"Câu {i + 1}: trình bày nội dung quản lý công chức ở cơ quan anh (chị).",
                essay_guide=GUIDES[i],
                points=points,
                difficulty=difficulty,
            ),
        )
        for i, (points, difficulty) in enumerate(
            ((40, Difficulty.MEDIUM), (hard_points, Difficulty.HARD))
        )
    ]
    single_ids = []
    for i in range(singles):
        data = single_choice(stem=f"Câu trắc nghiệm số {i + 1}?", key=i % 4)
        data.points = 10
        single_ids.append(_approve(author, reviewer, topic, data))
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.WRITTEN,
        name="Thi viết chuyên môn",
        minutes=180,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
        sitting_mode=mode,
    )
    cells = [(Difficulty.MEDIUM.value, "essay", 40), (Difficulty.HARD.value, "essay", hard_points)]
    for difficulty, kind, points in cells + ([("", "single", 10)] if singles else []):
        blueprint_cell_add(
            actor=organiser,
            part=part,
            topic=topic,
            count=singles if kind == "single" else 1,
            points=Decimal(points),
            difficulty=difficulty,
            item_kind=kind,
        )
    room = room_create(actor=organiser, plan=plan, name="Phòng máy", capacity=n, computers=n)
    sitting = sitting_create(
        actor=organiser, plan=plan, part=part, date=dt.date(2026, 3, 12), start_time=dt.time(8)
    )
    seats_allocate(actor=organiser, sitting=sitting, rooms=[room])
    proctors = []
    for role in (1, 2):
        person = make_person(f"GTM{role}", f"Giám Thị Máy {role}", province.commune)
        user = make_user(f"giamthi_may{role}", Role.PROCTOR, province.commune, person=person)
        membership = board_member_add(
            actor=organiser, plan=plan, board=Board.PROCTORING, person=person, user=user
        )
        proctor_assign(
            actor=organiser, sitting=sitting, room=room, membership=membership, role=role
        )
        proctors.append(user)
    sitting_finalise(actor=organiser, sitting=sitting)
    return Written(
        plan=plan,
        part=part,
        sitting=sitting,
        room=room,
        organiser=organiser,
        proctors=proctors,
        essays=essays,
        singles=single_ids,
        candidates=list(
            Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).order_by("number")
        ),
    )


def _opened(province, **kwargs: Any) -> Written:
    written = _build(province, **kwargs)
    part_assemble(actor=written.organiser, part=written.part, seed=3)
    forms_seal(actor=written.organiser, part=written.part)
    sitting_open(actor=written.organiser, sitting=written.sitting)
    return written


def _post(client, path, token=None, **data):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(f"{API}{path}", json.dumps(data), content_type="application/json", **headers)


def _get(client, path, token):
    return client.get(f"{API}{path}", HTTP_AUTHORIZATION=f"Bearer {token}")


def _started(client, written: Written, attempt: Attempt) -> tuple[str, dict[str, Any]]:
    response = _post(client, "/checkin", code=attempt.checkin_code)
    assert response.status_code == 200, response.content
    token = response.json()["token"]
    if written.session.state == "waiting":
        room_start(actor=written.proctors[0], session=written.session)
    started = _post(client, "/start", token)
    assert started.status_code == 200, started.content
    return token, started.json()


@pytest.fixture
def written(province):
    return _opened(province)


# --- Opening -------------------------------------------------------------------------------------


def test_sitting_open_accepts_a_written_part_typed_on_computer(written):
    attempts = written.attempts()
    assert len(attempts) == 3
    for attempt in attempts:
        assert attempt.form.sealed_at is not None
        assert attempt.form.candidate_id == attempt.candidate_id
        assert attempt.layout == {
            "items": written.essays,
            "kinds": ["essay", "essay"],
            "options": [0, 0],
        }
    event = AuditEvent.objects.get(action="delivery.sitting_open")
    assert event.data == {"rooms": 1, "attempts": 3}


def test_sitting_open_refuses_a_written_part_sat_on_paper(province):
    written = _build(province, mode=SittingMode.PAPER)
    with pytest.raises(ServiceError) as refused:
        sitting_open(actor=written.organiser, sitting=written.sitting)
    assert refused.value.code == "not_computer"
    assert refused.value.message == (
        "Chỉ mở ca thi trên máy tính; phần “Thi viết chuyên môn” thi trên giấy hoặc vấn đáp."
    )


def test_sitting_open_of_a_written_part_needs_its_sealed_forms(province):
    written = _build(province)
    part_assemble(actor=written.organiser, part=written.part, seed=3)
    with pytest.raises(ServiceError) as refused:
        sitting_open(actor=written.organiser, sitting=written.sitting)
    assert refused.value.code == "forms_not_sealed"
    assert not Attempt.objects.filter(sitting=written.sitting).exists()


# --- Typing essays -------------------------------------------------------------------------------


def test_the_exam_page_shows_the_essays_without_their_marking_guide(client, written):
    token, started = _started(client, written, written.attempts()[0])
    assert [(i["id"], i["kind"], i["number"]) for i in started["items"]] == [
        (written.essays[0], "essay", 1),
        (written.essays[1], "essay", 2),
    ]
    bodies = [
        json.dumps(started, ensure_ascii=False),
        json.dumps(_get(client, "/state", token).json(), ensure_ascii=False),
        json.dumps(_post(client, "/submit", token, confirm=True).json(), ensure_ascii=False),
    ]
    for body in bodies:
        for guide in GUIDES:
            assert guide not in body
        assert '"essay_guide"' not in body and '"correct"' not in body


def test_typed_essays_are_stored_in_nfc_up_to_the_essay_limit(client, written):
    token, _started_data = _started(client, written, written.attempts()[0])
    first, second = written.essays
    nfd = unicodedata.normalize("NFD", TYPED * 40)
    assert nfd != unicodedata.normalize("NFC", nfd)
    saved = _post(client, "/answers", token, item=first, answer={"text": nfd}, seq=1)
    assert saved.status_code == 200, saved.content
    stored = Response.objects.get(item_id=first).answer
    assert stored == {"text": unicodedata.normalize("NFC", nfd)}

    at_limit = "ả" * MAX_ESSAY_TEXT
    assert (
        _post(client, "/answers", token, item=second, answer={"text": at_limit}, seq=2).status_code
        == 200
    )
    assert Response.objects.get(item_id=second).answer["text"] == at_limit
    # The limit counts NFC letters: "ả" typed as a + hook (2 code points) is one letter.
    decomposed = unicodedata.normalize("NFD", at_limit)
    assert len(decomposed) == 2 * MAX_ESSAY_TEXT
    again = _post(client, "/answers", token, item=second, answer={"text": decomposed}, seq=3)
    assert again.status_code == 200, again.content
    too_long = _post(client, "/answers", token, item=second, answer={"text": at_limit + "a"}, seq=4)
    assert too_long.status_code == 400
    assert too_long.json()["detail"] == "Câu trả lời dài quá 50.000 ký tự."
    assert Response.objects.get(item_id=second).seq == 3
    reloaded = _post(client, "/start", token).json()
    assert reloaded["answers"][str(first)]["answer"]["text"] == unicodedata.normalize("NFC", nfd)


def test_an_essay_answer_must_be_text(client, written):
    token, _started_data = _started(client, written, written.attempts()[0])
    refused = _post(client, "/answers", token, item=written.essays[0], answer={"choice": 1}, seq=1)
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Câu trả lời phải là một đoạn chữ."


def test_the_exam_page_of_a_written_part_carries_the_objective_share_text(client, written):
    client.post("/thi/", {"code": written.attempts()[0].checkin_code})
    html = client.get("/thi/lam-bai/").content.decode()
    strings = json.loads(re.search(r'id="exam-strings"[^>]*>(.*?)</script>', html, re.S)[1])
    assert strings["objective_score"] == (
        "Điểm phần trắc nghiệm: %(score)s/%(max)s — đúng %(right)s/%(total)s câu"
    )
    assert "Thi viết chuyên môn" in html


# --- The end screen ------------------------------------------------------------------------------


def test_submitting_essays_claims_no_score_and_says_who_marks_them(client, written):
    token, _started_data = _started(client, written, written.attempts()[0])
    _post(client, "/answers", token, item=written.essays[0], answer={"text": TYPED}, seq=1)
    end = _post(client, "/submit", token, confirm=True).json()
    assert end == {"state": "submitted", "state_label": "Đã nộp bài", "essays": 2, "note": NOTE}
    assert _get(client, "/state", token).json()["result"] == end
    attempt = Attempt.objects.get(pk=written.attempts()[0].pk)
    assert attempt.state == AttemptState.SUBMITTED and attempt.raw_score == 0


def test_the_note_stays_when_the_plan_hides_scores(client, written):
    written.plan.show_score = False
    written.plan.save(update_fields=["show_score"])
    token, _started_data = _started(client, written, written.attempts()[0])
    end = _post(client, "/submit", token, confirm=True).json()
    assert end == {"state": "submitted", "state_label": "Đã nộp bài", "essays": 2, "note": NOTE}


def test_a_mixed_part_shows_only_the_objective_share(client, province):
    written = _opened(province, singles=2)
    attempt = written.attempts()[0]
    assert attempt.layout["kinds"] == ["essay", "essay", "single", "single"]
    token, _started_data = _started(client, written, attempt)
    versions = ItemVersion.objects.in_bulk(attempt.form.items)
    right = attempt.form.items[2]
    answer = key_answer(versions[right], attempt.form.option_orders[2])
    _post(client, "/answers", token, item=right, answer=answer, seq=1)
    end = _post(client, "/submit", token, confirm=True).json()
    assert end == {
        "state": "submitted",
        "state_label": "Đã nộp bài",
        "essays": 2,
        "note": NOTE,
        "objective_score": 10.0,
        "objective_max": 20.0,
        "correct": 1,
        "total": 2,
    }
    assert "score" not in end and "max_score" not in end


def test_a_mixed_part_objective_share_bears_the_sanction(client, province):
    written = _opened(province, singles=2)
    attempt = written.attempts()[0]
    token, _started_data = _started(client, written, attempt)
    versions = ItemVersion.objects.in_bulk(attempt.form.items)
    for seq, position in enumerate((2, 3), start=1):
        vid = attempt.form.items[position]
        answer = key_answer(versions[vid], attempt.form.option_orders[position])
        _post(client, "/answers", token, item=vid, answer=answer, seq=seq)
    incident = incident_record(
        actor=written.proctors[0],
        attempt=attempt,
        sanction="reprimand",
        description="Trao đổi với thí sinh bên cạnh.",
    )
    assert incident.deduction_percent > 0
    end = _post(client, "/submit", token, confirm=True).json()
    kept = 20 * (100 - float(incident.deduction_percent)) / 100
    assert (end["objective_score"], end["objective_max"]) == (kept, 20.0)


# --- Into grading --------------------------------------------------------------------------------


def test_typed_essays_go_from_blueprint_to_coded_scripts(client, province):
    """Blueprint → assemble → seal → open → typed through the API → submit → Ban phách
    collects the typed text verbatim (NFC) and codes the scripts."""
    # Grading consumes delivery's attempts; this one test follows them across.
    from sathach.grading.constants import CODE_ALPHABET, CODE_LENGTH, ScriptSource, ScriptState
    from sathach.grading.models import Script, ScriptIdentity
    from sathach.grading.services import scripts_code, scripts_collect

    written = _opened(province)
    typed: dict[int, list[str]] = {}
    for index, attempt in enumerate(written.attempts()):
        token, _started_data = _started(client, written, attempt)
        texts = [
            unicodedata.normalize("NFD", f"Thí sinh {index + 1}, câu {q + 1}. " + TYPED * (q + 1))
            for q in range(2)
        ]
        for seq, (vid, text) in enumerate(zip(attempt.layout["items"], texts, strict=True), 1):
            saved = _post(client, "/answers", token, item=vid, answer={"text": text}, seq=seq)
            assert saved.status_code == 200, saved.content
        assert _post(client, "/submit", token, confirm=True).json()["note"] == NOTE
        typed[attempt.candidate_id] = [unicodedata.normalize("NFC", t) for t in texts]

    person = make_person("PHACH1", "Lý Văn Phách", province.commune)
    coder = make_user("phach_tlm", None, province.commune, person=person)
    board_member_add(
        actor=written.organiser, plan=written.plan, board=Board.CODING, person=person, user=coder
    )
    assert scripts_collect(actor=coder, part=written.part) == 3
    for candidate in written.candidates:
        script = ScriptIdentity.objects.get(part=written.part, candidate=candidate).script
        assert script.source == ScriptSource.TYPED and script.state == ScriptState.COLLECTED
        assert script.answers == [
            {"item": vid, "text": text}
            for vid, text in zip(written.essays, typed[candidate.pk], strict=True)
        ]
    assert scripts_code(actor=coder, part=written.part) == 3
    codes = [s.code for s in Script.objects.filter(part=written.part)]
    assert len(set(codes)) == 3
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert set(Script.objects.filter(part=written.part).values_list("state", flat=True)) == {
        ScriptState.CODED
    }
