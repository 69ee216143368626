"""Results of a plan: each candidate's part scores and overall result, the publication that
locks them, and the two-person corrections made after it.

``results_compute`` writes ``PartResult`` and ``PlanResult`` rows from the delivery attempts
(MCQ parts) and the grading app's final marks (written and oral parts); ``results_publish``
records a ``Publication`` and locks the plan; afterwards a score changes only through a
``ResultCorrection`` proposed by one organiser and approved by another.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel

from .constants import Classification, CorrectionState, PartStatus


class PartResult(TimeStampedModel):
    """One candidate's result in one part, on the part's scale (0 … ``part.max_score``)."""

    candidate = models.ForeignKey(
        "plans.Candidate", on_delete=models.CASCADE, related_name="part_results"
    )
    part = models.ForeignKey(
        "plans.BlueprintPart", on_delete=models.CASCADE, related_name="results"
    )
    score = models.DecimalField(_("điểm"), max_digits=7, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("tình trạng"), max_length=10, choices=PartStatus.choices)
    passed = models.BooleanField(_("đạt"), default=False)
    computed_at = models.DateTimeField(_("tính lúc"))
    # "code@version" of the exam rule profile that decided the pass.
    profile = models.CharField(_("bộ quy tắc"), max_length=60)
    # Set when an approved correction changed this row (shown beside the score).
    corrected = models.BooleanField(_("đã đính chính"), default=False)

    class Meta:
        ordering = ["part_id", "candidate_id"]
        verbose_name = _("kết quả phần thi")
        verbose_name_plural = _("kết quả phần thi")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "part"], name="part_result_unique"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0), name="part_result_score_nonneg"
            ),
            models.CheckConstraint(
                condition=Q(passed=False) | Q(status=PartStatus.SCORED),
                name="part_result_pass_needs_score",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} — {self.part}: {self.score} ({self.get_status_display()})"


class PlanResult(TimeStampedModel):
    """One candidate's overall result: the weighted total, passed, and the class.

    ``total``, ``percent`` and ``classification`` are empty while a part is pending.
    """

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="results")
    candidate = models.OneToOneField(
        "plans.Candidate", on_delete=models.CASCADE, related_name="result"
    )
    total = models.DecimalField(
        _("tổng điểm"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    max_total = models.DecimalField(_("tổng điểm tối đa"), max_digits=9, decimal_places=2)
    percent = models.DecimalField(
        _("tỷ lệ (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("đạt"), default=False)
    classification = models.CharField(
        _("xếp loại"), max_length=10, choices=Classification.choices, blank=True
    )
    computed_at = models.DateTimeField(_("tính lúc"))
    profile = models.CharField(_("bộ quy tắc"), max_length=60)

    class Meta:
        ordering = ["plan_id", "candidate__number"]
        verbose_name = _("kết quả kiểm tra, sát hạch")
        verbose_name_plural = _("kết quả kiểm tra, sát hạch")
        constraints = [
            models.CheckConstraint(
                condition=Q(total__isnull=True) | (Q(total__gte=0) & Q(total__lte=F("max_total"))),
                name="plan_result_total_range",
            ),
            models.CheckConstraint(
                condition=Q(total__isnull=True) | ~Q(classification=""),
                name="plan_result_class_when_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.total} ({self.get_classification_display()})"


class Publication(TimeStampedModel):
    """The publication of a plan's results (approval of final results, domain.md §1.6).

    Once it exists, computing and rescoring are refused; see ``ResultCorrection``.
    """

    plan = models.OneToOneField("plans.Plan", on_delete=models.PROTECT, related_name="publication")
    published_at = models.DateTimeField(_("công bố lúc"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người công bố"),
    )
    decision_number = models.CharField(_("số quyết định"), max_length=50)
    decision_date = models.DateField(_("ngày quyết định"))

    class Meta:
        verbose_name = _("công bố kết quả")
        verbose_name_plural = _("công bố kết quả")
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision_number=""), name="publication_has_decision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.decision_number}"


class ResultCorrection(TimeStampedModel):
    """A change of a published part score: proposed by one person, approved by another.

    ``old_*`` is what the part result held when proposed; approving writes ``new_score``.
    """

    part_result = models.ForeignKey(
        PartResult, on_delete=models.PROTECT, related_name="corrections"
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=CorrectionState.choices,
        default=CorrectionState.PROPOSED,
    )
    old_score = models.DecimalField(
        _("điểm cũ"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    old_status = models.CharField(_("tình trạng cũ"), max_length=10, choices=PartStatus.choices)
    new_score = models.DecimalField(_("điểm mới"), max_digits=7, decimal_places=2)
    reason = models.TextField(_("lý do"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người đề xuất"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người duyệt"),
    )
    decided_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    decision_note = models.TextField(_("ý kiến của người duyệt"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("đính chính kết quả")
        verbose_name_plural = _("đính chính kết quả")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="result_correction_has_reason"),
            models.CheckConstraint(
                condition=Q(new_score__gte=0), name="result_correction_score_nonneg"
            ),
            # DESIGN §1: no single person can change a published score.
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")),
                name="result_correction_two_people",
            ),
            models.CheckConstraint(
                condition=Q(state=CorrectionState.PROPOSED, decided_by__isnull=True)
                | (~Q(state=CorrectionState.PROPOSED) & Q(decided_by__isnull=False)),
                name="result_correction_decided_by",
            ),
            models.UniqueConstraint(
                fields=["part_result"],
                condition=Q(state=CorrectionState.PROPOSED),
                name="result_correction_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.part_result_id}: {self.old_score} → {self.new_score} ({self.state})"


# --- Item analysis (sathach.results.analysis) -------------------------------------------------


class ItemAnalysis(TimeStampedModel):
    """One run of the item analysis of a computer part: test-level figures and the options used.

    ``options`` holds the thresholds the flags and the similarity test used; ``summary`` the
    rest of the library's output (mean and SD of totals, KR-20, the reasons a value is missing,
    the IRT fit, the number of pairs tested). ``calibrated_at`` is set when its IRT parameters
    were written back to the bank (``calibration_apply``).
    """

    part = models.ForeignKey(
        "plans.BlueprintPart", on_delete=models.CASCADE, related_name="item_analyses"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người yêu cầu"),
    )
    persons = models.PositiveIntegerField(_("số bài làm"))
    items = models.PositiveIntegerField(_("số câu hỏi"))
    alpha = models.FloatField(_("độ tin cậy (alpha)"), null=True, blank=True)
    sem = models.FloatField(_("sai số chuẩn đo lường"), null=True, blank=True)
    method = models.CharField(_("cách tính độ tin cậy"), max_length=30)
    irt = models.BooleanField(_("có ước lượng IRT"), default=False)
    # "code@version" of the plan's exam rule profile when the analysis ran.
    profile = models.CharField(_("bộ quy tắc"), max_length=60)
    options = models.JSONField(_("ngưỡng đã dùng"), default=dict, blank=True)
    summary = models.JSONField(_("số liệu chung"), default=dict, blank=True)
    calibrated_at = models.DateTimeField(_("đưa tham số về ngân hàng lúc"), null=True, blank=True)
    calibrated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người đưa tham số về ngân hàng"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("phân tích câu hỏi")
        verbose_name_plural = _("phân tích câu hỏi")
        constraints = [
            models.CheckConstraint(
                condition=Q(sem__isnull=True) | Q(sem__gte=0), name="item_analysis_sem_nonneg"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.part}: {self.persons} × {self.items} ({self.created_at:%d/%m/%Y %H:%M})"


class ItemStatistic(TimeStampedModel):
    """The statistics of one item version in one analysis (None where not computable: the
    reason is in ``reasons``). ``distractors`` lists, per option in the bank's order, how often
    it was chosen overall and by the top and bottom 27%; ``flags`` the reasons to look at the
    item, as ``{"code", "reason"}``; ``correction`` the part's correction of the item when the
    analysis ran (a voided item is left out of the analysis)."""

    analysis = models.ForeignKey(ItemAnalysis, on_delete=models.CASCADE, related_name="statistics")
    item = models.ForeignKey("bank.ItemVersion", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField(_("thứ tự"))
    n = models.PositiveIntegerField(_("số người làm"))
    max_score = models.FloatField(_("điểm tối đa"))
    facility = models.FloatField(_("độ khó (p)"), null=True, blank=True)
    sd = models.FloatField(_("độ lệch chuẩn"), null=True, blank=True)
    discrimination_index = models.FloatField(_("chỉ số phân biệt"), null=True, blank=True)
    discriminative_efficiency = models.FloatField(_("hiệu quả phân biệt"), null=True, blank=True)
    point_biserial = models.FloatField(_("tương quan điểm-câu"), null=True, blank=True)
    upper_lower = models.FloatField(_("chỉ số D nhóm giỏi - kém"), null=True, blank=True)
    distractors = models.JSONField(_("tần suất chọn phương án"), null=True, blank=True)
    flags = models.JSONField(_("cảnh báo"), default=list, blank=True)
    reasons = models.JSONField(_("lý do thiếu số liệu"), default=dict, blank=True)
    irt_a = models.FloatField(_("độ phân biệt a (IRT)"), null=True, blank=True)
    irt_b = models.FloatField(_("độ khó b (IRT)"), null=True, blank=True)
    correction = models.CharField(_("đã xử lý"), max_length=10, blank=True)

    class Meta:
        ordering = ["analysis_id", "position"]
        verbose_name = _("số liệu câu hỏi")
        verbose_name_plural = _("số liệu câu hỏi")
        constraints = [
            models.UniqueConstraint(fields=["analysis", "item"], name="item_statistic_unique"),
            models.CheckConstraint(
                condition=Q(facility__isnull=True) | (Q(facility__gte=0) & Q(facility__lte=1)),
                name="item_statistic_facility_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.analysis_id}/{self.item_id}: p={self.facility}"

    @property
    def flag_count(self) -> int:
        return len(self.flags or [])


class SimilarityConclusion(models.TextChoices):
    """What the person who reviewed a flagged pair concluded."""

    NO_CONCERN = "no_concern", _("Không có dấu hiệu vi phạm (có lời giải thích khác)")
    REFERRED = "referred", _("Chuyển Hội đồng xem xét, xác minh thêm")


class SimilarityFlag(TimeStampedModel):
    """Two attempts of one room (same sitting) whose identical wrong answers are unlikely under
    independence (``sathach.lib.psychometrics.similarity``): a signal for a person to review,
    never proof. ``probability`` is P(M ≥ m) for m = ``identical_incorrect``; ``details`` lists
    the items answered with the same wrong answer. ``conclusion`` is empty until reviewed."""

    analysis = models.ForeignKey(
        ItemAnalysis, on_delete=models.CASCADE, related_name="similarity_flags"
    )
    attempt_a = models.ForeignKey("delivery.Attempt", on_delete=models.PROTECT, related_name="+")
    attempt_b = models.ForeignKey("delivery.Attempt", on_delete=models.PROTECT, related_name="+")
    room = models.ForeignKey("plans.Room", on_delete=models.PROTECT, related_name="+")
    identical_incorrect = models.PositiveIntegerField(_("số câu sai giống nhau"))
    identical_correct = models.PositiveIntegerField(_("số câu đúng giống nhau"))
    expected = models.FloatField(_("số câu sai giống nhau kỳ vọng"))
    probability = models.FloatField(_("xác suất"))
    details = models.JSONField(_("các câu sai giống nhau"), default=list, blank=True)
    conclusion = models.CharField(
        _("kết luận"), max_length=12, choices=SimilarityConclusion.choices, blank=True
    )
    note = models.TextField(_("ghi chú"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xem xét"),
    )
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)

    class Meta:
        ordering = ["analysis_id", "probability", "pk"]
        verbose_name = _("cặp bài làm giống nhau bất thường")
        verbose_name_plural = _("cặp bài làm giống nhau bất thường")
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "attempt_a", "attempt_b"], name="similarity_flag_unique"
            ),
            models.CheckConstraint(
                condition=~Q(attempt_a=F("attempt_b")), name="similarity_flag_two_attempts"
            ),
            models.CheckConstraint(
                condition=Q(probability__gte=0) & Q(probability__lte=1),
                name="similarity_flag_probability_range",
            ),
            models.CheckConstraint(
                condition=Q(conclusion="", reviewed_at__isnull=True)
                | (~Q(conclusion="") & Q(reviewed_at__isnull=False)),
                name="similarity_flag_reviewed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_a_id} ~ {self.attempt_b_id} (p={self.probability:.2g})"

    @property
    def reviewed(self) -> bool:
        return bool(self.conclusion)
