"""Test helpers for grading (also for results and the lead's browser tests): a written part.

``make_written_exam(n)`` builds, through the services an organiser uses, a plan over two
agencies of the mini province with ``n`` candidates and one written part (100 points, pass 50)
of two essay questions (40 + 60 points: a blueprint of two essay cells, one question each, so
every form holds the same two questions in that order), sat on computer (default) or on paper,
in one room with two proctors. The council and boards are seated with accounts, all from the
commune (outside the plan's scope, so none is a candidate):

- ``chair`` (Chủ tịch Hội đồng), ``papers`` (Ban đề thi),
- ``coders`` (Ban phách, 2), ``markers`` (Ban chấm thi, 4 by default; ``markers[0]`` is the
  head, also ``marking_head``), ``appeals`` (Ban phúc khảo, 3 by default; ``appeals[0]`` is the
  head, also ``appeals_head``).

On computer the part goes the organiser's way: ``part_assemble`` (one form per candidate),
``forms_seal``, ``sitting_open``; then every candidate checks in, types an answer to both
questions and submits, through delivery's candidate services. On paper nothing is assembled:
Ban đề thi sets the question paper and the scripts are scanned.

Then the steps of marking, each one service call by the right person:
``exam.collect_and_code()`` (collect, code and, on paper, upload one PNG page per script),
``exam.set_guide()``, ``exam.assign(seed)``, ``exam.mark(script, m1, m2)`` and
``exam.rematch()``; ``exam.finish({candidate_pk: (m1, m2)})`` runs them all, leaving the part
re-matched so that ``grading.selectors.part_final_scores`` returns the averages.
``make_written_exam(n, max_score=Decimal(10))`` gives a 10-point part (tolerance 1 point under
both shipped profiles), e.g. for two markers 3 points apart.

``make_oral_exam(n)`` builds an oral part (situation handling, 100 points, pass 50) of a plan
of ``n`` candidates, with the council Chair, Ban đề thi and a panel (Ban kiểm tra sát hạch) of
three members with accounts (``panel[0]`` is the head); ``exam.set_rubric()`` enters its three
criteria (30 + 50 + 20) and ``exam.score(candidate, examiner, total)`` submits one member's
score split over them. ``candidate_user(candidate)`` gives a candidate an account (to file an
appeal, to see their results).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sathach.accounts.constants import Role
from sathach.bank.constants import TopicRole
from sathach.bank.models import ItemVersion
from sathach.bank.services import item_approve, item_create, item_submit
from sathach.bank.testing import make_bank_user, make_topic, tiny_png
from sathach.core.testing import MiniProvince, make_person, make_province, make_user
from sathach.delivery.models import Attempt, RoomSession
from sathach.delivery.services import (
    answer_save,
    attempt_check_in,
    attempt_start,
    attempt_submit,
    room_close,
    room_start,
    sitting_open,
)
from sathach.lib.formats.items import Difficulty, ItemData, Kind
from sathach.plans.constants import Board, BoardRole, CandidateStatus, PartKind, SittingMode
from sathach.plans.forms_assembly import forms_seal, part_assemble
from sathach.plans.models import (
    BlueprintPart,
    Candidate,
    Plan,
    ProctorAssignment,
    Room,
    Sitting,
)
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

from .constants import ScriptState
from .models import Mark, PanelScore, Rubric, Script, ScriptIdentity
from .services import (
    guide_set,
    mark_submit,
    markers_assign,
    panel_score_submit,
    rubric_set,
    scan_upload,
    scripts_code,
    scripts_collect,
    scripts_rematch,
)

QUESTIONS = (("Câu 1", Decimal(40)), ("Câu 2", Decimal(60)))
GUIDE_TEXT = (
    "Câu 1 (40 điểm): nêu đủ 4 nội dung quản lý công chức, mỗi ý 10 điểm.\n"
    "Câu 2 (60 điểm): đề xuất giải pháp cải cách thủ tục hành chính, lập luận chặt chẽ."
)


def essay_items(questions: tuple[tuple[str, Decimal], ...] = QUESTIONS) -> list[ItemData]:
    """Two essay questions worth ``questions``' maxima (40 and 60 points), with their marking
    guides; the first is of medium difficulty, the second hard (one blueprint cell each)."""
    return [
        ItemData(
            kind=Kind.ESSAY,
            stem="Trình bày các nội dung quản lý cán bộ, công chức theo Luật Cán bộ, công chức.",
            essay_guide="Nêu đủ: tuyển dụng, sử dụng, đánh giá, khen thưởng kỷ luật.",
            points=float(questions[0][1]),
            difficulty=Difficulty.MEDIUM,
        ),
        ItemData(
            kind=Kind.ESSAY,
            stem="Đề xuất giải pháp cải cách thủ tục hành chính tại cơ quan anh (chị).",
            essay_guide="Giải pháp cụ thể, khả thi, có căn cứ pháp lý.",
            points=float(questions[1][1]),
            difficulty=Difficulty.HARD,
        ),
    ]


def typed_answer(index: int, question: int) -> str:
    """The text candidate ``index`` typed for ``question`` (no name, number or unit in it)."""
    return f"Bài làm câu {question + 1}, bản số {index + 1}: nội dung trình bày theo yêu cầu."


def scaled_questions(max_score: Decimal) -> tuple[tuple[str, Decimal], ...]:
    """Return the two questions' maxima for a part out of ``max_score`` (40 % and 60 %)."""
    first = (Decimal(max_score) * Decimal("0.4")).quantize(Decimal("0.25"))
    return (("Câu 1", first), ("Câu 2", Decimal(max_score) - first))


def split(total: Decimal, questions: tuple[tuple[str, Decimal], ...] = QUESTIONS) -> list[Decimal]:
    """Return per-question scores adding up to ``total`` (question 1 filled first)."""
    first = min(Decimal(total), questions[0][1])
    return [first, Decimal(total) - first]


def _board_user(
    plan: Plan, organiser: Any, province: MiniProvince, board: str, name: str, *, head: bool = False
) -> Any:
    person = make_person(name.upper(), f"Thành Viên {name}", province.commune)
    user = make_user(name, None, province.commune, person=person)
    board_member_add(
        actor=organiser,
        plan=plan,
        board=board,
        person=person,
        user=user,
        role=BoardRole.HEAD if head else BoardRole.MEMBER,
    )
    return user


@dataclass
class WrittenExam:
    province: MiniProvince
    plan: Plan
    part: BlueprintPart
    sitting: Sitting
    room: Room
    organiser: Any
    chair: Any
    papers: Any
    coders: list[Any]
    markers: list[Any]
    appeals: list[Any]
    candidates: list[Candidate] = field(default_factory=list)
    questions: tuple[tuple[str, Decimal], ...] = QUESTIONS

    @property
    def marking_head(self) -> Any:
        return self.markers[0]

    @property
    def appeals_head(self) -> Any:
        return self.appeals[0]

    @property
    def coder(self) -> Any:
        return self.coders[0]

    def script_of(self, candidate: Candidate) -> Script:
        return ScriptIdentity.objects.get(part=self.part, candidate=candidate).script

    def scripts(self) -> list[Script]:
        return list(Script.objects.filter(part=self.part).order_by("pk"))

    def collect_and_code(self) -> None:
        """Collect and code every script (on paper, after uploading one page per script)."""
        scripts_collect(actor=self.coder, part=self.part)
        scripts_code(actor=self.coder, part=self.part)
        if self.part.sitting_mode == SittingMode.PAPER:
            for script in self.scripts():
                scan_upload(actor=self.coder, script=script, content=tiny_png(), name="trang1.png")

    def set_guide(self) -> None:
        guide_set(actor=self.papers, part=self.part, text=GUIDE_TEXT, questions=self.questions)

    def assign(self, seed: int = 1) -> None:
        markers_assign(actor=self.marking_head, part=self.part, seed=seed)

    def marks(self, script: Script, *, remark: bool = False) -> list[Mark]:
        return list(
            Mark.objects.filter(script=script, remark__isnull=not remark)
            .select_related("marker")
            .order_by("slot")
        )

    def mark(self, script: Script, first: Decimal, second: Decimal) -> None:
        """Submit the two first-round marks of ``script`` (each split over the questions)."""
        for mark, total in zip(self.marks(script), (first, second), strict=True):
            mark_submit(
                actor=mark.marker,
                mark=mark,
                total=Decimal(total),
                question_scores=split(Decimal(total), self.questions),
            )

    def rematch(self) -> None:
        scripts_rematch(actor=self.coder, part=self.part)

    def finish(self, marks: dict[int, tuple[Decimal, Decimal]] | None = None) -> None:
        """Run marking to the end: every candidate's two marks (default 60 % and 64 % of the
        maximum) within the tolerance, so each final mark is their average; then re-match."""
        marks = marks or {}
        top = self.part.max_score
        self.collect_and_code()
        self.set_guide()
        self.assign()
        for candidate in self.candidates:
            script = self.script_of(candidate)
            if script.state == ScriptState.ABSENT:  # no script handed in: nothing to mark
                continue
            default = (top * Decimal("0.6"), top * Decimal("0.64"))
            first, second = marks.get(candidate.pk, default)
            self.mark(script, first, second)
        self.rematch()


def _approved_essays(
    topic: Any, unit: Any, questions: tuple[tuple[str, Decimal], ...]
) -> list[ItemVersion]:
    author = make_bank_user("tacgia_viet", TopicRole.AUTHOR, topic, unit=unit)
    reviewer = make_bank_user("thamdinh_viet", TopicRole.REVIEWER, topic, unit=unit)
    versions = []
    for data in essay_items(questions):
        item = item_create(actor=author, topic=topic, data=data)
        item_submit(actor=author, item=item)
        item_approve(actor=reviewer, item=item)
        item.refresh_from_db()
        assert item.approved is not None
        versions.append(item.approved)
    return versions


def _typed_sitting(exam: WrittenExam, absent: int = 0, close: bool = True) -> None:
    """Assemble, seal and open the sitting, then let every candidate check in, type both
    answers (in their form's order) and submit, through delivery's services. The last
    ``absent`` candidates never come; then a proctor closes the room (unless not ``close``)."""
    part_assemble(actor=exam.organiser, part=exam.part, seed=1)
    forms_seal(actor=exam.organiser, part=exam.part)
    sitting_open(actor=exam.organiser, sitting=exam.sitting)
    attempts = {
        a.candidate_id: a
        for a in Attempt.objects.filter(sitting=exam.sitting).select_related("sitting__plan")
    }
    present = exam.candidates[: len(exam.candidates) - absent]
    for candidate in present:
        attempt_check_in(attempt=attempts[candidate.pk])
    session = RoomSession.objects.get(sitting=exam.sitting, room=exam.room)
    room_start(actor=exam.organiser, session=session)
    for index, candidate in enumerate(present):
        attempt = attempt_start(attempt=Attempt.objects.get(pk=attempts[candidate.pk].pk))
        for question, vid in enumerate(attempt.layout["items"]):
            answer_save(
                attempt=attempt,
                item=vid,
                answer={"text": typed_answer(index, question)},
                seq=question + 1,
            )
        attempt_submit(attempt=attempt)
    if absent and close:
        proctor = ProctorAssignment.objects.filter(sitting=exam.sitting, room=exam.room).first()
        assert proctor is not None
        room_close(actor=proctor.membership.user, session=session)


def make_written_exam(
    n: int = 4,
    *,
    sitting_mode: str = SittingMode.COMPUTER,
    markers: int = 4,
    appeals: int = 3,
    max_score: Decimal = Decimal(100),
    absent: int = 0,
    close: bool = True,
) -> WrittenExam:
    """Build the written part of the module docstring with ``n`` candidates (``max_score``
    other than 100 scales the two questions to 40 % and 60 % of it; on computer, the last
    ``absent`` candidates never come and the room is closed)."""
    province = make_province()
    organiser = make_user("tochuc_viet", Role.ORGANISER, province.root)
    for i in range(n):
        unit = province.unit_a if i % 2 == 0 else province.unit_b
        make_person(f"TSV{i + 1:03d}", f"Phạm Thị Dự Thi Số {i + 1}", unit)
    plan = make_plan("VIET", [province.unit_a, province.unit_b], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    topic = make_topic("TL", "Tự luận quản lý nhà nước")
    questions = scaled_questions(Decimal(max_score))
    _approved_essays(topic, province.unit_a, questions)
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.WRITTEN,
        name="Thi viết chuyên môn",
        minutes=180,
        max_score=Decimal(max_score),
        pass_mark=Decimal(max_score) / 2,
        sitting_mode=sitting_mode,
    )
    # One cell per question, in question order: each form holds question 1, then question 2.
    levels = (Difficulty.MEDIUM, Difficulty.HARD)
    for (_label, points), difficulty in zip(questions, levels, strict=True):
        blueprint_cell_add(
            actor=organiser,
            part=part,
            topic=topic,
            count=1,
            points=points,
            difficulty=difficulty.value,
            item_kind="essay",
        )
    room = room_create(actor=organiser, plan=plan, name="Phòng 1", capacity=max(n, 2), computers=n)
    sitting = sitting_create(
        actor=organiser, plan=plan, part=part, date=dt.date(2026, 3, 12), start_time=dt.time(8, 0)
    )
    seats_allocate(actor=organiser, sitting=sitting, rooms=[room])
    for role in (1, 2):
        person = make_person(f"GTV{role}", f"Giám Thị Viết {role}", province.commune)
        user = make_user(f"giamthi_viet{role}", Role.PROCTOR, province.commune, person=person)
        membership = board_member_add(
            actor=organiser, plan=plan, board=Board.PROCTORING, person=person, user=user
        )
        proctor_assign(
            actor=organiser, sitting=sitting, room=room, membership=membership, role=role
        )
    sitting_finalise(actor=organiser, sitting=sitting)

    def seat(board: str, name: str, head: bool = False) -> Any:
        return _board_user(plan, organiser, province, board, name, head=head)

    exam = WrittenExam(
        province=province,
        plan=plan,
        part=part,
        sitting=sitting,
        room=room,
        organiser=organiser,
        chair=seat(Board.COUNCIL_CHAIR, "chutich"),
        papers=seat(Board.PAPERS, "rade"),
        coders=[seat(Board.CODING, f"phach{i + 1}") for i in range(2)],
        markers=[seat(Board.MARKING, f"chamthi{i + 1}", i == 0) for i in range(markers)],
        appeals=[seat(Board.APPEALS, f"phuckhao{i + 1}", i == 0) for i in range(appeals)],
        candidates=list(
            Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).order_by("number")
        ),
        questions=questions,
    )
    if sitting_mode == SittingMode.COMPUTER:
        _typed_sitting(exam, absent, close)
    return exam


# --- Oral parts ---------------------------------------------------------------------------------

RUBRIC = (
    ("Nắm vững vấn đề, căn cứ pháp lý", Decimal(30)),
    ("Giải pháp xử lý tình huống", Decimal(50)),
    ("Trình bày, trả lời câu hỏi", Decimal(20)),
)


def split_criteria(
    total: Decimal, criteria: tuple[tuple[str, Decimal], ...] = RUBRIC
) -> list[Decimal]:
    """Return per-criterion scores adding up to ``total``, filling the criteria in order."""
    left, scores = Decimal(total), []
    for _name, maximum in criteria:
        given = min(left, maximum)
        scores.append(given)
        left -= given
    return scores


def candidate_user(candidate: Candidate, username: str = "") -> Any:
    """Give ``candidate`` an account (the candidate role, in their unit) and return it."""
    person = candidate.person
    return make_user(
        username or f"thisinh_{candidate.number or candidate.pk}",
        Role.CANDIDATE,
        person.unit,
        person=person,
    )


@dataclass
class OralExam:
    province: MiniProvince
    plan: Plan
    part: BlueprintPart
    organiser: Any
    chair: Any
    papers: Any
    panel: list[Any]
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def head(self) -> Any:
        return self.panel[0]

    def set_rubric(self, criteria: tuple[tuple[str, Decimal], ...] = RUBRIC) -> Rubric:
        return rubric_set(
            actor=self.papers,
            part=self.part,
            criteria=criteria,
            guidance="Chấm theo mức độ nắm vấn đề và tính khả thi của giải pháp.",
        )

    def score(self, candidate: Candidate, examiner: Any, total: Decimal | str) -> PanelScore:
        """Submit ``examiner``'s score of ``candidate`` totalling ``total``."""
        return panel_score_submit(
            actor=examiner,
            part=self.part,
            candidate=candidate,
            scores=split_criteria(Decimal(total)),
        )


def make_oral_exam(n: int = 3, *, panel: int = 3, seated: bool = False) -> OralExam:
    """Build the oral part of the module docstring with ``n`` candidates; with ``seated``, the
    part has a sitting with everyone seated in one room (without, the panel meets the plan's
    list: ``selectors.part_candidates``)."""
    province = make_province()
    organiser = make_user("tochuc_vandap", Role.ORGANISER, province.root)
    for i in range(n):
        unit = province.unit_a if i % 2 == 0 else province.unit_b
        make_person(f"TSVD{i + 1:03d}", f"Lê Văn Vấn Đáp Số {i + 1}", unit)
    plan = make_plan("VANDAP", [province.unit_a, province.unit_b], actor=organiser)
    candidates_generate(actor=organiser, plan=plan)
    part = blueprint_part_add(
        actor=organiser,
        plan=plan,
        order=1,
        kind=PartKind.SITUATION,
        name="Xử lý tình huống",
        minutes=30,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    candidates = list(
        Candidate.objects.filter(plan=plan, status=CandidateStatus.INCLUDED).order_by("number")
    )
    if seated:
        room = room_create(actor=organiser, plan=plan, name="Phòng vấn đáp", capacity=n)
        sitting = sitting_create(
            actor=organiser, plan=plan, part=part, date=dt.date(2026, 3, 13), start_time=dt.time(8)
        )
        seats_allocate(actor=organiser, sitting=sitting, rooms=[room])

    def seat(board: str, name: str, head: bool = False) -> Any:
        return _board_user(plan, organiser, province, board, name, head=head)

    return OralExam(
        province=province,
        plan=plan,
        part=part,
        organiser=organiser,
        chair=seat(Board.COUNCIL_CHAIR, "chutich_vd"),
        papers=seat(Board.PAPERS, "rade_vd"),
        panel=[seat(Board.PANEL, f"sathach{i + 1}", i == 0) for i in range(panel)],
        candidates=candidates,
    )
