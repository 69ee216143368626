"""Item analysis of a computer part: the stored statistics against the pure library on the
same matrix, options counted in the bank's order, corrections, calibration back to the bank
and its use by assembly, answer similarity within rooms only, the review of a flagged pair,
the refusals, and the background job run in-process.

The sitting: twelve candidates of ``make_exam`` in two rooms of one sitting (eight and four).
Every candidate's answers are chosen by the test and recorded, so the expected matrix is built
here, independently of ``part_matrix``. Two candidates of room 1 copy each other (the same
wrong option everywhere); a candidate of room 1 and one of room 2 give the same (other) wrong
answers, which must never be compared.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from typing import Any

import numpy as np
import pytest
from openpyxl import load_workbook

from sathach.audit.models import AuditEvent
from sathach.bank.models import ItemVersion
from sathach.core.errors import ServiceError
from sathach.delivery.models import Attempt, CorrectionAction, RoomSession
from sathach.delivery.services import (
    answer_save,
    attempt_check_in,
    attempt_start,
    attempt_submit,
    room_close,
    room_start,
)
from sathach.delivery.services.rescoring import Correction, rescore_apply
from sathach.delivery.testing import Exam, key_answer, make_exam
from sathach.lib.assembly.model import expected_scores
from sathach.lib.psychometrics import answer_similarity, item_analysis
from sathach.plans.constants import PartKind
from sathach.plans.forms_assembly import part_assemble
from sathach.plans.models import Form, Room
from sathach.plans.selectors import part_assembly_input
from sathach.plans.services import blueprint_cell_add, blueprint_part_add
from sathach.results.analysis import (
    LETTERS,
    RIGHT,
    _chosen,
    calibration_apply,
    part_analyse,
    part_matrix,
    similarity_review,
)
from sathach.results.models import (
    ItemAnalysis,
    ItemStatistic,
    SimilarityConclusion,
    SimilarityFlag,
)
from sathach.results.tasks import PART_ANALYSE, part_analyse_enqueue
from sathach.tasks.constants import JobState
from sathach.tasks.models import Job
from sathach.tasks.testing import run_jobs

T0 = dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC)  # 08:00 in Hà Nội, the sitting's start
MINUTE = dt.timedelta(minutes=1)
WRONG_TEXT = ("Huế", "Đà Nẵng", "Hải Phòng")

Answer = dict[str, Any] | None
Behaviour = Callable[[int, ItemVersion, list[int] | None], Answer]


# --- Answers chosen by the test -----------------------------------------------------------------


def wrong_answer(version: ItemVersion, order: list[int] | None, k: int) -> dict[str, Any]:
    """Return the ``k``-th wrong answer to ``version``, in the positions its form shows."""
    content = version.content
    positions = order or list(range(len(content.get("options", []))))
    if version.kind in ("single", "multiple"):
        wrong = [i for i, o in enumerate(content["options"]) if not o["correct"]]
        shown = positions.index(wrong[k % len(wrong)])
        return {"choice": shown} if version.kind == "single" else {"choices": [shown]}
    if version.kind == "true_false":
        return {"value": not content["truth"]}
    if version.kind == "short_text":
        return {"text": WRONG_TEXT[k % len(WRONG_TEXT)]}
    return {"text": str(40 + k)}


def original_label(version: ItemVersion, order: list[int] | None, answer: Answer) -> str:
    """Return the option the test's answer picked, in the bank's order ("" blank)."""
    if answer is None:
        return ""
    if version.kind == "single":
        positions = order or list(range(len(version.content["options"])))
        return LETTERS[positions[answer["choice"]]]
    if version.kind == "true_false":
        return "Đúng" if answer["value"] else "Sai"
    return ""


def honest(seed: int) -> Behaviour:
    """Mostly right; now and then a wrong option picked at random, or a blank."""
    rng = random.Random(seed)

    def answer(position: int, version: ItemVersion, order: list[int] | None) -> Answer:
        roll = rng.random()
        if roll < 0.25:
            return wrong_answer(version, order, rng.randrange(3))
        if roll < 0.32:
            return None
        return key_answer(version, order)

    return answer


def always_wrong(k: int) -> Behaviour:
    def answer(position: int, version: ItemVersion, order: list[int] | None) -> Answer:
        return wrong_answer(version, order, k)

    return answer


@dataclass
class TwoRooms:
    """The sat exam, who sat where, and what each attempt answered (by item version)."""

    exam: Exam
    rooms: dict[int, int]  # candidate index -> room number (1 or 2)
    copiers: tuple[int, int]
    cross: tuple[int, int]
    attempts: list[Attempt] = field(default_factory=list)
    # attempt pk -> item version pk -> (score 0/1, option in the bank's order or "")
    record: dict[int, dict[int, tuple[float, str]]] = field(default_factory=dict)


def _shared(a: Attempt, b: Attempt) -> int:
    return len(set(a.form.items) & set(b.form.items))


def _most_shared(attempts: list[Attempt], pairs: list[tuple[int, int]]) -> tuple[int, int]:
    return max(pairs, key=lambda p: (_shared(attempts[p[0]], attempts[p[1]]), -p[0], -p[1]))


def sit_two_rooms(exam: Exam, room_1: int = 8) -> TwoRooms:
    """Seat the first ``room_1`` candidates in room 1 and the rest in a second room of the same
    sitting, let everyone answer as chosen, submit, and close both rooms."""
    attempts = exam.attempts()
    room = Room.objects.create(plan=exam.plan, name="Phòng 2", capacity=10, computers=10)
    second = RoomSession.objects.create(sitting=exam.sitting, room=room)
    Attempt.objects.filter(pk__in=[a.pk for a in attempts[room_1:]]).update(session=second)
    attempts = exam.attempts()
    first_room = range(room_1)
    copiers = _most_shared(attempts, list(combinations(first_room, 2)))
    others = [i for i in first_room if i not in copiers]
    cross = _most_shared(attempts, [(i, j) for i in others for j in range(room_1, len(attempts))])
    behaviours: dict[int, Behaviour] = {i: honest(seed=i) for i in range(len(attempts))}
    for i in copiers:
        behaviours[i] = always_wrong(0)
    for i in cross:
        behaviours[i] = always_wrong(1)
    sitting = TwoRooms(
        exam=exam,
        rooms={i: 1 if i < room_1 else 2 for i in range(len(attempts))},
        copiers=copiers,
        cross=cross,
    )
    checked = [attempt_check_in(code=a.checkin_code, now=T0 - 5 * MINUTE)[0] for a in attempts]
    room_start(actor=exam.proctors[0], session=exam.session, now=T0)
    room_start(actor=None, session=second, now=T0)
    for index, attempt in enumerate(checked):
        attempt = attempt_start(attempt=attempt, now=T0)
        form = attempt.form
        versions = ItemVersion.objects.in_bulk(form.items)
        sitting.record[attempt.pk] = {}
        for position, vid in enumerate(form.items):
            version, order = versions[vid], form.option_orders[position]
            answer = behaviours[index](position, version, order)
            if answer is not None:
                answer_save(attempt=attempt, item=vid, answer=answer, seq=position + 1, now=T0)
            right = answer is not None and answer == key_answer(version, order)
            sitting.record[attempt.pk][vid] = (
                1.0 if right else 0.0,
                original_label(version, order, answer),
            )
        sitting.attempts.append(attempt_submit(attempt=attempt, now=T0 + 10 * MINUTE))
    room_close(actor=exam.proctors[0], session=exam.session, now=T0 + 45 * MINUTE)
    room_close(actor=None, session=second, now=T0 + 45 * MINUTE)
    return sitting


def expected_matrix(sitting: TwoRooms, items: list[int]) -> tuple[np.ndarray, list[list[Any]]]:
    """Return the scores and chosen options the test recorded, as the library reads them."""
    scores = np.full((len(sitting.attempts), len(items)), np.nan)
    choices: list[list[Any]] = [[None] * len(items) for _ in sitting.attempts]
    for r, attempt in enumerate(sitting.attempts):
        for i, vid in enumerate(items):
            if vid in sitting.record[attempt.pk]:
                scores[r, i], choices[r][i] = sitting.record[attempt.pk][vid]
    return scores, choices


@pytest.fixture
def sat() -> TwoRooms:
    return sit_two_rooms(make_exam(12))


@pytest.fixture
def analysed(sat: TwoRooms) -> tuple[TwoRooms, ItemAnalysis]:
    return sat, part_analyse(actor=sat.exam.organiser, part=sat.exam.part, irt=True)


def _stats(analysis: ItemAnalysis) -> list[ItemStatistic]:
    return list(analysis.statistics.select_related("item").order_by("position"))


def _refused(message: str, call: Callable[..., Any], **kwargs: Any) -> None:
    with pytest.raises(ServiceError) as caught:
        call(**kwargs)
    assert caught.value.message == message


# --- The statistics -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_stored_statistics_equal_the_library_on_the_same_matrix(analysed):
    sat, analysis = analysed
    stats = _stats(analysis)
    items = [s.item_id for s in stats]
    scores, choices = expected_matrix(sat, items)
    kinds = [s.item.kind for s in stats]
    keys = []
    options = []
    for s in stats:
        content = s.item.content
        if s.item.kind == "single":
            keys.append(next(LETTERS[i] for i, o in enumerate(content["options"]) if o["correct"]))
            options.append(list(LETTERS[: len(content["options"])]))
        elif s.item.kind == "true_false":
            keys.append("Đúng" if content["truth"] else "Sai")
            options.append(["Đúng", "Sai"])
        else:
            keys.append(None)
            options.append([])
    expected = item_analysis(
        scores,
        items=[str(i) for i in items],
        choices=choices,
        key=keys,
        options=options,
    )

    assert (analysis.persons, analysis.items) == (12, expected.n_items) == (12, 14)
    assert analysis.alpha == pytest.approx(expected.alpha)
    assert analysis.sem == pytest.approx(expected.sem)
    assert analysis.method == expected.method == "alpha (incomplete)"
    for stat, want, kind in zip(stats, expected.items, kinds, strict=True):
        assert stat.n == want.n
        for name in (
            "facility",
            "sd",
            "discrimination_index",
            "discriminative_efficiency",
            "point_biserial",
            "upper_lower",
        ):
            got, wanted = getattr(stat, name), getattr(want, name)
            assert got == pytest.approx(wanted), (stat.item_id, name)
        assert [f["code"] for f in stat.flags] == want.flag_codes
        assert [f["reason"] for f in stat.flags] == [f.reason for f in want.flags]
        if kind in ("single", "true_false"):
            table = [
                (d["option"], d["is_key"], d["count"], d["proportion"], d["upper_proportion"])
                for d in stat.distractors
            ]
            assert table == [
                (o.option, o.is_key, o.count, pytest.approx(o.proportion), o.upper_proportion)
                for o in want.distractors
            ]
    (event,) = AuditEvent.objects.filter(action="results.part_analyse")
    assert event.actor_id == sat.exam.organiser.pk and event.target_id == str(analysis.pk)
    assert event.data["persons"] == 12 and event.data["irt"] is True


@pytest.mark.django_db
def test_matrix_rows_add_up_to_the_scores_the_results_use(sat):
    matrix = part_matrix(sat.exam.part)
    raw = {a.pk: a.raw_score for a in Attempt.objects.filter(sitting=sat.exam.sitting)}
    assert len(matrix.attempts) == 12
    for attempt, row in zip(matrix.attempts, matrix.scores, strict=True):
        assert Decimal(str(np.nansum(row))).quantize(Decimal("0.01")) == raw[attempt.pk]
        assert np.isnan(row).sum() == 14 - 7  # seven items on each form


@pytest.mark.django_db
def test_an_option_is_counted_in_the_banks_order_whatever_order_the_form_showed(analysed):
    sat, analysis = analysed
    by_vid = {s.item_id: s for s in _stats(analysis)}
    shuffled_key_pickers = 0
    for attempt in sat.attempts:
        form = attempt.form
        versions = ItemVersion.objects.in_bulk(form.items)
        for position, vid in enumerate(form.items):
            version, order = versions[vid], form.option_orders[position]
            if version.kind != "single" or sat.record[attempt.pk][vid][0] != 1.0:
                continue
            key = next(i for i, o in enumerate(version.content["options"]) if o["correct"])
            if order.index(key) != key:
                shuffled_key_pickers += 1  # the key was shown at another letter
    assert shuffled_key_pickers > 0
    for vid, stat in by_vid.items():
        if stat.item.kind != "single":
            continue
        right = sum(rec[vid][0] == 1.0 for rec in sat.record.values() if vid in rec)
        (key_row,) = [d for d in stat.distractors if d["is_key"]]
        assert key_row["count"] == right
        key = next(i for i, o in enumerate(stat.item.content["options"]) if o["correct"])
        assert key_row["option"] == LETTERS[key]
        assert key_row["text"] == stat.item.content["options"][key]["text"]


def test_chosen_maps_a_shown_position_back_to_the_original_option():
    version = ItemVersion(
        kind="single",
        content={"options": [{"text": t, "correct": t == "c"} for t in "abcd"]},
    )
    assert _chosen(version, {"choice": 0}, [2, 0, 1, 3]) == "C"
    assert _chosen(version, {"choice": None}, [2, 0, 1, 3]) == ""
    assert _chosen(version, None, None) == ""
    multiple = ItemVersion(kind="multiple", content=version.content)
    assert _chosen(multiple, {"choices": [0, 3]}, [2, 0, 1, 3]) == "C+D"
    numeric = ItemVersion(kind="numeric", content={})
    assert _chosen(numeric, {"text": "3,50"}, None) == "“3.5”"


@pytest.mark.django_db
def test_a_voided_item_is_left_out_and_a_corrected_key_scores_as_the_results_do(sat):
    exam = sat.exam
    stats = {
        s.item.kind: s
        for s in _stats(part_analyse(actor=exam.organiser, part=exam.part, irt=False))
    }
    single, tf = stats["single"].item, stats["true_false"].item
    old_key = next(i for i, o in enumerate(single.content["options"]) if o["correct"])
    new_index = (old_key + 1) % 4
    new_key = [{"correct": i == new_index} for i in range(4)]
    rescore_apply(
        actor=exam.organiser,
        part=exam.part,
        corrections=[
            Correction(item=tf.pk, action=CorrectionAction.VOID, reason="Câu có hai cách hiểu."),
            Correction(
                item=single.pk,
                action=CorrectionAction.REKEY,
                reason="Đáp án gốc nhầm.",
                key={"options": new_key},
            ),
        ],
    )
    analysis = part_analyse(actor=exam.organiser, part=exam.part, irt=False)
    rows = {s.item_id: s for s in _stats(analysis)}
    voided = rows[tf.pk]
    assert voided.correction == "void" and voided.facility is None and voided.position == 14
    assert voided.n == sum(tf.pk in rec for rec in sat.record.values())
    assert analysis.items == 13
    rekeyed = rows[single.pk]
    new_letter = LETTERS[new_index]
    picked_new = sum(
        rec[single.pk][1] == new_letter for rec in sat.record.values() if single.pk in rec
    )
    assert rekeyed.correction == "rekey"
    assert [d["option"] for d in rekeyed.distractors if d["is_key"]] == [new_letter]
    assert rekeyed.facility == pytest.approx(picked_new / rekeyed.n)
    matrix = part_matrix(exam.part)
    for attempt, row in zip(matrix.attempts, matrix.scores, strict=True):
        attempt.refresh_from_db()
        voided_points = Decimal(1) if tf.pk in attempt.form.items else Decimal(0)  # full credit
        assert (
            Decimal(str(np.nansum(row))).quantize(Decimal("0.01")) + voided_points
            == attempt.raw_score
        )


# --- Refusals ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_analysis_is_refused_while_someone_is_still_sitting_and_before_anyone_submitted():
    exam = make_exam(2)
    _refused(
        "Phần thi chưa có bài làm nào đã nộp để phân tích.",
        part_analyse,
        actor=exam.organiser,
        part=exam.part,
        irt=False,
    )
    attempt = attempt_check_in(code=exam.attempts()[0].checkin_code, now=T0 - MINUTE)[0]
    room_start(actor=exam.proctors[0], session=exam.session, now=dt.datetime.now(dt.UTC))
    attempt_start(attempt=attempt, now=dt.datetime.now(dt.UTC))
    _refused(
        "Phần thi còn người đang làm bài: hãy phân tích câu hỏi khi mọi ca thi của phần này đã "
        "kết thúc.",
        part_analyse,
        actor=exam.organiser,
        part=exam.part,
        irt=False,
    )


@pytest.mark.django_db
def test_analysis_is_refused_for_a_written_part_and_for_someone_who_does_not_run_the_plan(sat):
    exam = sat.exam
    written = blueprint_part_add(
        actor=exam.organiser,
        plan=exam.plan,
        order=2,
        kind=PartKind.WRITTEN,
        name="Viết",
        minutes=120,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    _refused(
        "Chỉ phân tích được câu hỏi của phần thi trắc nghiệm trên máy tính.",
        part_analyse,
        actor=exam.organiser,
        part=written,
        irt=False,
    )
    _refused(
        "Bạn không có quyền thay đổi kế hoạch “THI”.",
        part_analyse,
        actor=exam.proctors[0],
        part=exam.part,
        irt=False,
    )
    assert not ItemAnalysis.objects.exists()


# --- Calibration back to the bank, and assembly --------------------------------------------------


@pytest.mark.django_db
def test_calibration_is_refused_without_enough_persons_per_item(analysed):
    sat, analysis = analysed
    _refused(
        "Chưa câu hỏi nào đủ điều kiện đưa tham số về ngân hàng: mỗi câu cần ít nhất 200 người "
        "làm.",
        calibration_apply,
        actor=sat.exam.organiser,
        analysis=analysis,
    )
    assert not ItemVersion.objects.filter(irt_a__isnull=False).exists()
    assert not AuditEvent.objects.filter(action="results.calibration_apply").exists()


@pytest.mark.django_db
def test_calibration_writes_only_items_with_enough_persons_and_is_audited(analysed):
    sat, analysis = analysed
    stats = _stats(analysis)
    threshold = sorted(s.n for s in stats)[len(stats) // 2]
    enough = {s.item_id for s in stats if s.n >= threshold}
    assert 0 < len(enough) < len(stats)
    marked = next(s.item_id for s in stats if s.item_id in enough)
    ItemVersion.objects.filter(pk=marked).update(facility=0.5)
    before = {v.pk: (v.irt_a, v.irt_b, v.facility) for v in ItemVersion.objects.all()}

    applied = calibration_apply(actor=sat.exam.organiser, analysis=analysis, min_persons=threshold)

    assert {row.statistic.item_id for row in applied} == enough
    by_stat = {s.item_id: s for s in stats}
    for version in ItemVersion.objects.filter(pk__in=[s.item_id for s in stats]):
        stat = by_stat[version.pk]
        if version.pk in enough:
            assert version.facility == pytest.approx(stat.facility)
            if stat.irt_a is not None:
                assert (version.irt_a, version.irt_b) == (stat.irt_a, stat.irt_b)
            else:  # no variance: facility alone, the old a, b are kept
                assert (version.irt_a, version.irt_b) == before[version.pk][:2]
        else:
            assert (version.irt_a, version.irt_b, version.facility) == before[version.pk]
    assert any(row.new_a is not None for row in applied)
    analysis.refresh_from_db()
    assert analysis.calibrated_at is not None and analysis.calibrated_by == sat.exam.organiser
    (event,) = AuditEvent.objects.filter(action="results.calibration_apply")
    assert event.data["min_persons"] == threshold
    assert event.data["skipped"] == len(stats) - len(enough)
    logged = {row["item"]: row for row in event.data["items"]}
    assert set(logged) == enough
    assert logged[marked]["old"]["facility"] == 0.5
    assert logged[marked]["new"]["facility"] == pytest.approx(by_stat[marked].facility)


@pytest.mark.django_db
def test_assembly_uses_calibrated_parameters_for_expected_scores_and_forms_stay_parallel(
    analysed,
):
    sat, analysis = analysed
    exam = sat.exam
    calibration_apply(actor=exam.organiser, analysis=analysis, min_persons=1)
    blueprint, pool = part_assembly_input(part=exam.part)
    calibrated = [p for p in pool if p.irt_a is not None]
    versions = ItemVersion.objects.in_bulk([p.id for p in calibrated])
    assert len(calibrated) >= 2
    for item in calibrated:
        version = versions[item.id]
        assert (item.irt_a, item.irt_b) == (version.irt_a, version.irt_b)
    # Same difficulty label (every item of make_exam is "medium"), different calibrated b:
    # different expected scores, neither the label's default 0.6.
    ordered = sorted(calibrated, key=lambda p: p.irt_b or 0.0)
    easy, hard = ordered[0], ordered[-1]
    assert versions[easy.id].difficulty == versions[hard.id].difficulty == "medium"
    assert easy.irt_b < hard.irt_b
    low_b, high_b = expected_scores([easy, hard])
    assert low_b > high_b  # the easier item (lower b) is expected to score more
    assert 0.6 not in (pytest.approx(low_b), pytest.approx(high_b))

    # A new part drawing on the same bank: its forms are assembled on those expected scores
    # and are still parallel (part_assemble refuses forms that are not).
    second = blueprint_part_add(
        actor=exam.organiser,
        plan=exam.plan,
        order=2,
        kind=PartKind.COMPUTER_MCQ,
        name="Kiến thức chung, lần 2",
        minutes=30,
        max_score=Decimal(100),
        pass_mark=Decimal(50),
    )
    for cell in exam.part.cells.order_by("pk"):
        blueprint_cell_add(
            actor=exam.organiser,
            part=second,
            topic=cell.topic,
            count=cell.count,
            points=cell.points,
            item_kind=cell.item_kind,
        )
    result = part_assemble(actor=exam.organiser, part=second, seed=3, tolerance_fraction=0.2)
    assert result.blueprint_ok and result.within_tolerance
    _blueprint, pool = part_assembly_input(part=second)
    by_id = {p.id: p for p in pool}
    forms = list(Form.objects.filter(part=second))
    assert len(forms) == 12
    for form in forms:
        items = [by_id[i] for i in form.items]
        assert form.expected_score == pytest.approx(float(expected_scores(items).sum()))
    # The 2PL curve, not the facility (also written back), gave those expected scores.
    by_facility = [sum(by_id[i].points * by_id[i].p for i in f.items) for f in forms]
    assert any(
        f.expected_score != pytest.approx(p) for f, p in zip(forms, by_facility, strict=True)
    )


# --- Answer similarity ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_planted_copying_pair_in_one_room_is_flagged(analysed):
    sat, analysis = analysed
    first, second = (sat.attempts[i] for i in sat.copiers)
    (flag,) = SimilarityFlag.objects.filter(analysis=analysis)
    assert {flag.attempt_a_id, flag.attempt_b_id} == {first.pk, second.pk}
    assert flag.room == sat.exam.room
    shared = set(first.form.items) & set(second.form.items)
    assert flag.identical_incorrect == len(shared) == len(flag.details)
    assert {d["item"] for d in flag.details} == shared
    assert flag.probability < 0.01 / analysis.summary["similarity"]["pairs_tested"]
    assert flag.conclusion == "" and not flag.reviewed


@pytest.mark.django_db
def test_pairs_across_rooms_are_never_compared(analysed):
    sat, analysis = analysed
    # 8 and 4 candidates: C(8, 2) + C(4, 2) pairs, none across the rooms.
    assert analysis.summary["similarity"]["pairs_tested"] == 28 + 6
    x, y = (sat.attempts[i] for i in sat.cross)
    assert sat.rooms[sat.cross[0]] != sat.rooms[sat.cross[1]]
    assert _shared(x, y) >= 3
    assert not SimilarityFlag.objects.filter(attempt_a__in=[x, y], attempt_b__in=[x, y]).exists()
    # Had everyone sat in one room, the same answers would have been flagged.
    matrix = part_matrix(sat.exam.part)
    one_room = answer_similarity(
        matrix.labels,
        [RIGHT] * len(matrix.versions),
        ["1"] * len(matrix.attempts),
        persons=[str(a.pk) for a in matrix.attempts],
    )
    assert one_room.pairs_tested == 66
    assert {str(x.pk), str(y.pk)} in [{p.first_id, p.second_id} for p in one_room.flagged]
    for flag in SimilarityFlag.objects.select_related("attempt_a", "attempt_b"):
        assert flag.attempt_a.session_id == flag.attempt_b.session_id


@pytest.mark.django_db
def test_review_records_the_conclusion_and_note_and_is_audited(analysed):
    sat, analysis = analysed
    flag = SimilarityFlag.objects.get(analysis=analysis)
    organiser = sat.exam.organiser
    _refused(
        "Hãy chọn kết luận sau khi xem xét.",
        similarity_review,
        actor=organiser,
        flag=flag,
        conclusion="",
        note="x",
    )
    _refused(
        "Hãy ghi nhận xét: đã xem những gì (sơ đồ chỗ ngồi, biên bản, bài làm) và vì sao.",
        similarity_review,
        actor=organiser,
        flag=flag,
        conclusion=SimilarityConclusion.REFERRED,
        note="  ",
    )
    _refused(
        "Bạn không có quyền thay đổi kế hoạch “THI”.",
        similarity_review,
        actor=sat.exam.proctors[0],
        flag=flag,
        conclusion=SimilarityConclusion.NO_CONCERN,
        note="Ngồi xa nhau.",
    )
    similarity_review(
        actor=organiser,
        flag=flag,
        conclusion=SimilarityConclusion.REFERRED,
        note="Ngồi  cạnh nhau; biên bản ghi nhắc nhở.",
    )
    flag.refresh_from_db()
    assert flag.reviewed and flag.conclusion == SimilarityConclusion.REFERRED
    assert flag.note == "Ngồi cạnh nhau; biên bản ghi nhắc nhở."
    assert flag.reviewed_by == organiser and flag.reviewed_at is not None
    (event,) = AuditEvent.objects.filter(action="results.similarity_review")
    assert event.data["conclusion"] == "referred"
    assert event.data["before"] == {"conclusion": "", "note": ""}


# --- The background job -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_analysis_runs_as_a_job_reporting_progress_and_offering_the_table():
    sat = sit_two_rooms(make_exam(12))
    exam = sat.exam
    job = part_analyse_enqueue(actor=exam.organiser, part=exam.part, irt=True)
    assert job.kind == PART_ANALYSE and job.params == {
        "plan": "THI",
        "part": exam.part.pk,
        "irt": True,
    }

    run_jobs()

    job.refresh_from_db()
    assert job.state == JobState.DONE, job.error
    assert (job.done, job.total) == (5, 5)
    analysis = ItemAnalysis.objects.get()
    assert analysis.irt and analysis.persons == 12 and analysis.created_by == exam.organiser
    assert job.filename == f"THI-phan1-phan-tich-cau-hoi-{analysis.pk}.xlsx"
    sheet = load_workbook(io.BytesIO(bytes(job.result))).active
    assert sheet["A1"].value == "BẢNG PHÂN TÍCH CÂU HỎI"
    assert [sheet.cell(6 + i, 2).value for i in range(14)] == [
        f"#{s.item_id}" for s in _stats(analysis)
    ]


@pytest.mark.django_db(transaction=True)
def test_a_refused_analysis_fails_its_job_with_the_message():
    exam = make_exam(2)
    job = part_analyse_enqueue(actor=exam.organiser, part=exam.part, irt=False)
    run_jobs()
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error == "Phần thi chưa có bài làm nào đã nộp để phân tích."
    assert not Job.objects.filter(state=JobState.DONE).exists()


@pytest.mark.django_db
def test_enqueue_refuses_at_once_who_does_not_run_the_plan(sat):
    _refused(
        "Bạn không có quyền thay đổi kế hoạch “THI”.",
        part_analyse_enqueue,
        actor=sat.exam.proctors[0],
        part=sat.exam.part,
        irt=False,
    )
    assert not Job.objects.exists()
