"""Marking of written parts: scripts known by a secret code, double marking, reconciliation,
re-matching, and re-marking after an appeal (domain.md §1.4).

Anonymity is a matter of tables: a ``Script`` carries its part, its code (số phách) and its
content, never the candidate. The code ↔ candidate link is ``ScriptIdentity``, read only by
Ban phách, the council Chair and the organiser (``permissions.can_see_identities``) and by
``selectors.part_final_scores`` once the part is re-matched.

``PartMarking`` is the one row per part that records the part-wide steps (coding, assignment,
re-matching).

Oral and practical parts (Ban kiểm tra sát hạch) have no scripts and no anonymity: the panel
meets the candidate. A ``Rubric`` gives the part's criteria; each examiner's ``PanelScore``
hangs off the candidate's ``PanelCase``, which holds how the panel's final score was reached.

An ``Appeal`` (phúc khảo) is filed by the candidate after publication; its re-marking round is
a ``Remark`` of the candidate's script.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel

from .constants import (
    AppealState,
    Method,
    PanelState,
    RemarkState,
    ScriptSource,
    ScriptState,
)
from .storage import ScanStorage, scan_upload_to


def _user_fk(verbose: Any, *, null: bool = True) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=null,
        blank=null,
        related_name="+",
        verbose_name=verbose,
    )


class PartMarking(TimeStampedModel):
    """The part-wide steps of marking one written part, who took them and when."""

    part = models.OneToOneField(
        "plans.BlueprintPart", on_delete=models.CASCADE, related_name="marking"
    )
    coded_at = models.DateTimeField(_("đánh số phách lúc"), null=True, blank=True)
    coded_by = _user_fk(_("người đánh số phách"))
    assigned_at = models.DateTimeField(_("phân công chấm lúc"), null=True, blank=True)
    assigned_by = _user_fk(_("người phân công chấm"))
    assign_seed = models.BigIntegerField(_("hạt giống phân công"), null=True, blank=True)
    rematched_at = models.DateTimeField(_("ghép phách lúc"), null=True, blank=True)
    rematched_by = _user_fk(_("người ghép phách"))

    class Meta:
        verbose_name = _("chấm thi phần thi")
        verbose_name_plural = _("chấm thi phần thi")

    def __str__(self) -> str:
        return f"Chấm thi: {self.part}"


class MarkingGuide(TimeStampedModel):
    """The answer key and score scale (đáp án, thang điểm) markers work from.

    ``questions`` lists ``{"label": "Câu 1", "max": "40.00"}``; when present, a mark gives a
    score per question and the maxima add up to the part's maximum.
    """

    part = models.OneToOneField(
        "plans.BlueprintPart", on_delete=models.CASCADE, related_name="marking_guide"
    )
    text = models.TextField(_("đáp án, hướng dẫn chấm"))
    questions = models.JSONField(_("thang điểm từng câu"), default=list, blank=True)
    updated_by = _user_fk(_("người cập nhật"))

    class Meta:
        verbose_name = _("đáp án, thang điểm")
        verbose_name_plural = _("đáp án, thang điểm")

    def __str__(self) -> str:
        return f"Đáp án, thang điểm: {self.part}"


class Script(TimeStampedModel):
    """One candidate's script of a written part, known to markers only by its ``code``.

    ``answers`` holds a typed script: ``[{"item": <item version id>, "text": "..."}]`` in the
    order of the candidate's form. A paper script has scanned ``pages`` instead.
    """

    part = models.ForeignKey(
        "plans.BlueprintPart", on_delete=models.PROTECT, related_name="scripts"
    )
    code = models.CharField(_("số phách"), max_length=12, blank=True)
    source = models.CharField(_("hình thức bài làm"), max_length=10, choices=ScriptSource.choices)
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=ScriptState.choices,
        default=ScriptState.COLLECTED,
    )
    answers = models.JSONField(_("bài làm"), default=list, blank=True)
    absent_reason = models.TextField(_("lý do không có bài"), blank=True)
    final_score = models.DecimalField(
        _("điểm chính thức"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    finalised_at = models.DateTimeField(_("có điểm lúc"), null=True, blank=True)

    class Meta:
        ordering = ["part", "code", "pk"]
        verbose_name = _("bài thi")
        verbose_name_plural = _("bài thi")
        constraints = [
            models.UniqueConstraint(
                fields=["part", "code"], condition=~Q(code=""), name="script_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(final_score__isnull=True) | Q(final_score__gte=0),
                name="script_final_nonneg",
            ),
        ]

    def __str__(self) -> str:
        return f"Bài thi số phách {self.code or '—'}"


class ScriptIdentity(models.Model):
    """Whose script it is (the identity strip, phách): kept apart from the script."""

    script = models.OneToOneField(Script, on_delete=models.CASCADE, related_name="identity")
    part = models.ForeignKey("plans.BlueprintPart", on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(
        "plans.Candidate",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người dự kiểm tra"),
    )
    attempt = models.ForeignKey(
        "delivery.Attempt", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phách bài thi")
        verbose_name_plural = _("phách bài thi")
        constraints = [
            models.UniqueConstraint(fields=["part", "candidate"], name="script_one_per_candidate"),
        ]

    def __str__(self) -> str:
        return f"Phách của bài #{self.script_id}"


class ScanPage(models.Model):
    """A scanned page (or a PDF of pages) of a paper script, in order."""

    script = models.ForeignKey(Script, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveSmallIntegerField(_("trang"))
    file = models.FileField(_("tệp"), storage=ScanStorage(), upload_to=scan_upload_to)
    mime = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = _user_fk(_("người tải lên"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["script", "number"]
        verbose_name = _("trang bài làm")
        verbose_name_plural = _("trang bài làm")
        constraints = [
            models.UniqueConstraint(fields=["script", "number"], name="scan_page_number_unique"),
            models.CheckConstraint(condition=Q(number__gt=0), name="scan_page_number_pos"),
        ]

    def __str__(self) -> str:
        return f"{self.script} — trang {self.number}"


class Remark(TimeStampedModel):
    """A re-marking round of one script after an appeal (phúc khảo), and how it settled."""

    script = models.OneToOneField(Script, on_delete=models.PROTECT, related_name="remark")
    reason = models.TextField(_("nội dung đơn phúc khảo"))
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=RemarkState.choices, default=RemarkState.MARKING
    )
    original_score = models.DecimalField(_("điểm chấm lần đầu"), max_digits=6, decimal_places=2)
    remark_score = models.DecimalField(
        _("điểm chấm phúc khảo"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    final_score = models.DecimalField(
        _("điểm sau phúc khảo"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    seed = models.BigIntegerField(_("hạt giống phân công"))
    opened_by = _user_fk(_("người mở phúc khảo"))
    # The meeting of the original and the new markers (đối thoại), when the marks differ.
    meeting_agreed = models.BooleanField(_("thống nhất tại buổi đối thoại"), null=True, blank=True)
    meeting_score = models.DecimalField(
        _("điểm thống nhất tại buổi đối thoại"),
        null=True,
        blank=True,
        max_digits=6,
        decimal_places=2,
    )
    meeting_note = models.TextField(_("nội dung buổi đối thoại"), blank=True)
    meeting_by = _user_fk(_("người ghi biên bản đối thoại"))
    meeting_at = models.DateTimeField(_("đối thoại lúc"), null=True, blank=True)
    chair_reason = models.TextField(_("lý do Chủ tịch Hội đồng quyết định"), blank=True)
    chair_by = _user_fk(_("Chủ tịch Hội đồng"))
    chair_at = models.DateTimeField(_("Chủ tịch quyết định lúc"), null=True, blank=True)
    settled_at = models.DateTimeField(_("có kết quả lúc"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("chấm phúc khảo")
        verbose_name_plural = _("chấm phúc khảo")
        constraints = [
            models.CheckConstraint(
                condition=Q(final_score__isnull=True) | Q(final_score__gte=0),
                name="remark_final_nonneg",
            ),
        ]

    def __str__(self) -> str:
        return f"Phúc khảo bài số phách {self.script.code}"


class Mark(TimeStampedModel):
    """One marker's seat on a script (slot 1 or 2, first marking or a re-marking round) and the
    mark they submitted; a submitted mark is never edited."""

    script = models.ForeignKey(Script, on_delete=models.PROTECT, related_name="marks")
    remark = models.ForeignKey(
        Remark, on_delete=models.PROTECT, null=True, blank=True, related_name="marks"
    )
    slot = models.PositiveSmallIntegerField(_("giám khảo số"))
    marker = _user_fk(_("giám khảo"), null=False)
    membership = models.ForeignKey(
        "plans.BoardMembership", on_delete=models.PROTECT, related_name="+"
    )
    score = models.DecimalField(_("điểm"), null=True, blank=True, max_digits=6, decimal_places=2)
    question_scores = models.JSONField(_("điểm từng câu"), default=list, blank=True)
    comment = models.TextField(_("nhận xét"), blank=True)
    submitted_at = models.DateTimeField(_("nộp điểm lúc"), null=True, blank=True)
    agreed_score = models.DecimalField(
        _("điểm thống nhất"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    agreed_at = models.DateTimeField(_("ghi điểm thống nhất lúc"), null=True, blank=True)

    class Meta:
        ordering = ["script", "remark", "slot"]
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        constraints = [
            models.UniqueConstraint(
                fields=["script", "slot"], condition=Q(remark__isnull=True), name="mark_slot_once"
            ),
            models.UniqueConstraint(
                fields=["remark", "slot"],
                condition=Q(remark__isnull=False),
                name="remark_mark_slot_once",
            ),
            models.UniqueConstraint(
                fields=["script", "marker"],
                condition=Q(remark__isnull=True),
                name="mark_marker_once",
            ),
            models.UniqueConstraint(
                fields=["remark", "marker"],
                condition=Q(remark__isnull=False),
                name="remark_mark_marker_once",
            ),
            models.CheckConstraint(condition=Q(slot__in=[1, 2]), name="mark_slot_1_or_2"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0), name="mark_score_nonneg"
            ),
            models.CheckConstraint(
                condition=Q(agreed_score__isnull=True) | Q(agreed_score__gte=0),
                name="mark_agreed_nonneg",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(submitted_at__isnull=False),
                name="mark_score_submitted",
            ),
        ]

    def __str__(self) -> str:
        round_ = "phúc khảo" if self.remark_id else "chấm"
        return f"{self.script}: giám khảo {round_} {self.slot}"


class Reconciliation(models.Model):
    """How one round's mark was reached from the two marks (biên bản đối chiếu điểm)."""

    script = models.ForeignKey(Script, on_delete=models.PROTECT, related_name="reconciliations")
    remark = models.OneToOneField(
        Remark, on_delete=models.PROTECT, null=True, blank=True, related_name="reconciliation"
    )
    method = models.CharField(_("cách xác định điểm"), max_length=10, choices=Method.choices)
    first = models.DecimalField(_("điểm giám khảo 1"), max_digits=6, decimal_places=2)
    second = models.DecimalField(_("điểm giám khảo 2"), max_digits=6, decimal_places=2)
    difference = models.DecimalField(_("chênh lệch"), max_digits=6, decimal_places=2)
    tolerance = models.DecimalField(_("mức chênh lệch cho phép"), max_digits=8, decimal_places=4)
    score = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    decided_by = _user_fk(_("người quyết định"))
    reason = models.TextField(_("lý do"), blank=True)
    profile = models.CharField(_("bộ quy tắc"), max_length=60)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        ordering = ["script", "created_at"]
        verbose_name = _("đối chiếu điểm")
        verbose_name_plural = _("đối chiếu điểm")
        constraints = [
            models.UniqueConstraint(
                fields=["script"],
                condition=Q(remark__isnull=True),
                name="reconciliation_once_per_script",
            ),
            models.CheckConstraint(
                condition=Q(difference__gte=0) & Q(score__gte=0), name="reconciliation_nonneg"
            ),
            models.CheckConstraint(
                condition=~Q(method=Method.HEAD) | ~Q(reason=""),
                name="reconciliation_head_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.script}: {self.get_method_display()}"


# --- Oral and practical parts -----------------------------------------------------------------


class Rubric(TimeStampedModel):
    """The criteria an oral or practical part is scored on (tiêu chí chấm).

    ``criteria`` lists ``{"name": "Nắm vấn đề", "max": "30.00"}``; the maxima add up to the
    part's maximum. Set by Ban đề thi or the organiser; locked once an examiner has scored.
    """

    part = models.OneToOneField(
        "plans.BlueprintPart", on_delete=models.CASCADE, related_name="rubric"
    )
    criteria = models.JSONField(_("tiêu chí chấm"), default=list)
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)
    updated_by = _user_fk(_("người cập nhật"))

    class Meta:
        verbose_name = _("tiêu chí chấm vấn đáp, thực hành")
        verbose_name_plural = _("tiêu chí chấm vấn đáp, thực hành")

    def __str__(self) -> str:
        return f"Tiêu chí chấm: {self.part}"


class PanelCase(TimeStampedModel):
    """One candidate before the panel in one oral part, and how the final score was reached:
    the average within tolerance, else the head of the panel's decision with a reason.

    ``closed_*`` is set when the head ended the scoring with fewer examiners than the panel
    has (one absent), never fewer than the profile's minimum.
    """

    part = models.ForeignKey(
        "plans.BlueprintPart", on_delete=models.PROTECT, related_name="panel_cases"
    )
    candidate = models.ForeignKey(
        "plans.Candidate",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người dự kiểm tra"),
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=PanelState.choices, default=PanelState.SCORING
    )
    method = models.CharField(
        _("cách xác định điểm"), max_length=10, choices=Method.choices, blank=True
    )
    examiners = models.PositiveSmallIntegerField(_("số thành viên đã chấm"), default=0)
    lowest = models.DecimalField(
        _("điểm thấp nhất"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    highest = models.DecimalField(
        _("điểm cao nhất"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    spread = models.DecimalField(
        _("chênh lệch"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    tolerance = models.DecimalField(
        _("mức chênh lệch cho phép"), null=True, blank=True, max_digits=8, decimal_places=4
    )
    score = models.DecimalField(
        _("điểm chính thức"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    closed_by = _user_fk(_("người kết thúc chấm"))
    closed_at = models.DateTimeField(_("kết thúc chấm lúc"), null=True, blank=True)
    close_reason = models.TextField(_("lý do kết thúc chấm"), blank=True)
    decided_by = _user_fk(_("Trưởng ban quyết định"))
    reason = models.TextField(_("lý do quyết định"), blank=True)
    finalised_at = models.DateTimeField(_("có điểm lúc"), null=True, blank=True)
    profile = models.CharField(_("bộ quy tắc"), max_length=60, blank=True)

    class Meta:
        ordering = ["part", "candidate__number", "pk"]
        verbose_name = _("chấm vấn đáp một người dự kiểm tra")
        verbose_name_plural = _("chấm vấn đáp từng người dự kiểm tra")
        constraints = [
            models.UniqueConstraint(fields=["part", "candidate"], name="panel_case_once"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0), name="panel_case_score_nonneg"
            ),
            models.CheckConstraint(
                condition=~Q(state=PanelState.FINAL) | Q(score__isnull=False),
                name="panel_case_final_has_score",
            ),
            models.CheckConstraint(
                condition=~Q(method=Method.HEAD) | ~Q(reason=""),
                name="panel_case_head_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Chấm vấn đáp {self.part}: thí sinh #{self.candidate_id}"


class PanelScore(TimeStampedModel):
    """One examiner's score of one candidate: a score per criterion and their total, submitted
    once and never edited (the examiner scores independently)."""

    case = models.ForeignKey(PanelCase, on_delete=models.PROTECT, related_name="scores")
    examiner = _user_fk(_("thành viên chấm"), null=False)
    membership = models.ForeignKey(
        "plans.BoardMembership", on_delete=models.PROTECT, related_name="+"
    )
    criterion_scores = models.JSONField(_("điểm từng tiêu chí"), default=list)
    total = models.DecimalField(_("tổng điểm"), max_digits=6, decimal_places=2)
    comment = models.TextField(_("nhận xét"), blank=True)
    submitted_at = models.DateTimeField(_("nộp điểm lúc"))

    class Meta:
        ordering = ["case", "submitted_at", "pk"]
        verbose_name = _("điểm chấm vấn đáp")
        verbose_name_plural = _("điểm chấm vấn đáp")
        constraints = [
            models.UniqueConstraint(fields=["case", "examiner"], name="panel_score_once"),
            models.CheckConstraint(condition=Q(total__gte=0), name="panel_score_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.case}: giám khảo #{self.examiner_id}"


# --- Appeals ----------------------------------------------------------------------------------


class Appeal(TimeStampedModel):
    """A candidate's appeal (đơn phúc khảo) against the published mark of a written part.

    ``original_score`` is the official mark when filed; ``outcome_score`` the mark after the
    re-marking round (``remark``) settled; ``applied_*`` records when the published results
    took the outcome (``sathach.results.services.result_appeal_apply``).
    """

    candidate = models.ForeignKey(
        "plans.Candidate",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người dự kiểm tra"),
    )
    part = models.ForeignKey(
        "plans.BlueprintPart",
        on_delete=models.PROTECT,
        related_name="appeals",
        verbose_name=_("phần thi"),
    )
    filed_by = _user_fk(_("người nộp đơn"))
    filed_at = models.DateTimeField(_("nộp đơn lúc"))
    reason = models.TextField(_("nội dung đơn"))
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=AppealState.choices, default=AppealState.FILED
    )
    original_score = models.DecimalField(
        _("điểm đã công bố"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    remark = models.OneToOneField(
        Remark,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeal",
        verbose_name=_("chấm phúc khảo"),
    )
    opened_by = _user_fk(_("người mở chấm phúc khảo"))
    opened_at = models.DateTimeField(_("mở chấm phúc khảo lúc"), null=True, blank=True)
    outcome_score = models.DecimalField(
        _("điểm sau phúc khảo"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    settled_at = models.DateTimeField(_("có kết quả lúc"), null=True, blank=True)
    rejected_by = _user_fk(_("người không chấp nhận đơn"))
    reject_reason = models.TextField(_("lý do không chấp nhận"), blank=True)
    applied_by = _user_fk(_("người cập nhật kết quả"))
    applied_at = models.DateTimeField(_("cập nhật vào kết quả lúc"), null=True, blank=True)
    profile = models.CharField(_("bộ quy tắc"), max_length=60)

    class Meta:
        ordering = ["filed_at", "pk"]
        verbose_name = _("đơn phúc khảo")
        verbose_name_plural = _("đơn phúc khảo")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "part"], name="appeal_once_per_part"),
            models.CheckConstraint(condition=~Q(reason=""), name="appeal_has_reason"),
            models.CheckConstraint(
                condition=Q(outcome_score__isnull=True) | Q(outcome_score__gte=0),
                name="appeal_outcome_nonneg",
            ),
            models.CheckConstraint(
                condition=~Q(state=AppealState.SETTLED) | Q(outcome_score__isnull=False),
                name="appeal_settled_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(state=AppealState.REJECTED) | ~Q(reject_reason=""),
                name="appeal_rejected_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(applied_at__isnull=True) | Q(state=AppealState.SETTLED),
                name="appeal_applied_when_settled",
            ),
        ]

    def __str__(self) -> str:
        return f"Đơn phúc khảo #{self.pk} — {self.part}"
