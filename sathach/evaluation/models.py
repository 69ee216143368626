"""Annual quality rating, the facts behind it, and streamlining reviews (domain.md §2, §3).

The rules are pure functions in ``sathach.lib.rules.rating`` and ``.streamlining``; these
records hold what people entered and decided, and the ``code@version`` of the profile that
computed each level.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sathach.core.models import TimeStampedModel
from sathach.org.models import Person, Unit

from .constants import (
    CircumstanceKind,
    Decision,
    Level,
    PeriodKind,
    SanctionForm,
    SanctionSystem,
    Section,
    Source,
    State,
    SurplusKind,
    TrainingState,
)
from .models_quota import QuotaException as QuotaException  # registered with the app here


def _user(verbose: Any, related: str = "+") -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related,
        verbose_name=verbose,
    )


def _points(verbose: Any) -> models.DecimalField:
    return models.DecimalField(verbose, max_digits=5, decimal_places=2, null=True, blank=True)


def _count(verbose: Any) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(verbose, null=True, blank=True)


def _percent_q(*names: str) -> Q:
    q = Q()
    for name in names:
        q &= Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 0, f"{name}__lte": 100})
    return q


class AnnualEvaluation(TimeStampedModel):
    """One civil servant's rating of one year: self-assessment → collective comments → the
    head's proposal → the competent person's decision → publication (domain.md §2.1).

    ``unit`` and ``work_group`` are those of the rating: the quota is counted within one unit
    and group of similar work. Past years imported from a file are stored published, with
    ``source`` = import.
    """

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("công chức")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    work_group = models.CharField(_("nhóm có nhiệm vụ tương đồng"), max_length=100, blank=True)
    is_leader = models.BooleanField(_("lãnh đạo, quản lý"), default=False)
    profile = models.CharField(_("bộ quy tắc xếp loại"), max_length=40, blank=True)
    source = models.CharField(
        _("nguồn"), max_length=10, choices=Source.choices, default=Source.WORKFLOW
    )
    state = models.CharField(_("bước"), max_length=15, choices=State.choices)
    # 1. Self-assessment.
    self_assessment = models.TextField(_("tự đánh giá"), blank=True)
    self_level = models.CharField(_("tự xếp loại"), max_length=4, choices=Level.choices, blank=True)
    general_points = _points(_("điểm tiêu chí chung"))
    # 2. Collective comments (a minuted meeting of the unit).
    collective_comments = models.TextField(_("ý kiến của tập thể"), blank=True)
    commented_at = models.DateTimeField(_("lấy ý kiến lúc"), null=True, blank=True)
    # 3. The head's proposal, with the findings that force KHT.
    decline_finding = models.TextField(_("kết luận về suy thoái (nếu có)"), blank=True)
    unit_corruption_finding = models.TextField(
        _("kết luận về tham nhũng, lãng phí ở đơn vị phụ trách (nếu có)"), blank=True
    )
    proposed_level = models.CharField(
        _("mức đề xuất"), max_length=4, choices=Level.choices, blank=True
    )
    proposal_note = models.TextField(_("nhận xét của người đứng đầu"), blank=True)
    # Months worked in the year: under the profile's ``rated_min_months_worked`` the person
    # is reviewed but not rated (state NOT_RATED). None: a full year.
    months_worked = _count(_("số tháng công tác trong năm"))
    # NĐ 90/2020 level criteria (Điều 8–11; sathach.lib.rules.rating_nd90), all optional: own
    # tasks (percentages), and for a leader the unit's targets and the managed units' ratings.
    tasks_done_percent = _points(_("tỷ lệ nhiệm vụ hoàn thành đúng tiến độ, chất lượng (%)"))
    tasks_exceeding_percent = _points(_("tỷ lệ nhiệm vụ hoàn thành vượt mức (%)"))
    unit_targets_met_percent = _points(_("tỷ lệ chỉ tiêu, nhiệm vụ của đơn vị hoàn thành (%)"))
    unit_targets_exceeded_percent = _points(_("tỷ lệ chỉ tiêu, nhiệm vụ của đơn vị vượt mức (%)"))
    managed_units = _count(_("số đơn vị trực thuộc quản lý trực tiếp"))
    managed_units_completed = _count(_("số đơn vị trực thuộc hoàn thành nhiệm vụ trở lên"))
    managed_units_good = _count(_("số đơn vị trực thuộc hoàn thành tốt, xuất sắc"))
    proposed_by = _user(_("người đề xuất"))
    proposed_at = models.DateTimeField(_("đề xuất lúc"), null=True, blank=True)
    # 4. The decision, and what the rules computed at that moment.
    task_points = _points(_("điểm kết quả thực hiện nhiệm vụ"))
    score = _points(_("tổng điểm"))
    computed_level = models.CharField(
        _("mức theo quy tắc"), max_length=4, choices=Level.choices, blank=True
    )
    allowed_level = models.CharField(
        _("mức cao nhất theo tiêu chí"), max_length=4, choices=Level.choices, blank=True
    )
    triggers = models.JSONField(_("căn cứ không hoàn thành nhiệm vụ"), default=list, blank=True)
    level = models.CharField(_("xếp loại"), max_length=4, choices=Level.choices, blank=True)
    override_reason = models.TextField(_("lý do khác mức theo quy tắc"), blank=True)
    decision_ref = models.CharField(
        _("quyết định, người có thẩm quyền"), max_length=255, blank=True
    )
    decided_by = _user(_("người ghi quyết định"))
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    # 5. Publication inside the agency.
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["-year", "unit__path", "person__sort_key"]
        verbose_name = _("phiếu đánh giá, xếp loại")
        verbose_name_plural = _("phiếu đánh giá, xếp loại")
        indexes = [models.Index(fields=["unit", "year"]), models.Index(fields=["year", "level"])]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="evaluation_one_per_year"),
            models.CheckConstraint(
                condition=~Q(state__in=["decided", "published"]) | ~Q(level=""),
                name="evaluation_decided_has_level",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="evaluation_score_0_100",
            ),
            models.CheckConstraint(
                condition=Q(general_points__isnull=True) | Q(general_points__gte=0),
                name="evaluation_general_points_positive",
            ),
            models.CheckConstraint(
                condition=_percent_q(
                    "tasks_done_percent",
                    "tasks_exceeding_percent",
                    "unit_targets_met_percent",
                    "unit_targets_exceeded_percent",
                ),
                name="evaluation_criteria_percent_0_100",
            ),
            models.CheckConstraint(
                condition=Q(months_worked__isnull=True) | Q(months_worked__lte=12),
                name="evaluation_months_worked_0_12",
            ),
            models.CheckConstraint(
                condition=~Q(state="not_rated") | Q(level=""),
                name="evaluation_not_rated_has_no_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.year}"


class PartyEvaluation(TimeStampedModel):
    """The Party-member rating of the same person and year, stored beside the state rating
    and linked to it (domain.md §2.3)."""

    evaluation = models.OneToOneField(
        AnnualEvaluation,
        on_delete=models.CASCADE,
        related_name="party",
        verbose_name=_("phiếu đánh giá công chức"),
    )
    profile = models.CharField(_("bộ quy tắc xếp loại đảng viên"), max_length=40, blank=True)
    score = _points(_("điểm"))
    computed_level = models.CharField(
        _("mức theo điểm"), max_length=4, choices=Level.choices, blank=True
    )
    level = models.CharField(_("xếp loại đảng viên"), max_length=4, choices=Level.choices)
    override_reason = models.TextField(_("lý do khác mức theo điểm"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = _user(_("người ghi"))

    class Meta:
        verbose_name = _("xếp loại đảng viên")
        verbose_name_plural = _("xếp loại đảng viên")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="party_evaluation_score_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evaluation} — {self.get_level_display()}"


class TaskRecord(TimeStampedModel):
    """One assigned product or task of one month or quarter (NĐ 335/2025), in converted
    units, with its quality failures and delays; ``*_excused`` are those an authority
    confirmed had an objective cause (``excuse_basis`` names the confirmation)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="task_records", verbose_name=_("công chức")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    period_kind = models.CharField(_("kỳ theo dõi"), max_length=10, choices=PeriodKind.choices)
    period = models.PositiveSmallIntegerField(_("kỳ"))
    title = models.CharField(_("sản phẩm, công việc"), max_length=255)
    assigned = models.DecimalField(_("khối lượng giao"), max_digits=9, decimal_places=2)
    completed = models.DecimalField(_("khối lượng hoàn thành"), max_digits=9, decimal_places=2)
    quality_failures = models.PositiveSmallIntegerField(_("số lần chưa đạt chất lượng"), default=0)
    quality_excused = models.PositiveSmallIntegerField(
        _("số lần chưa đạt do khách quan"), default=0
    )
    late_failures = models.PositiveSmallIntegerField(_("số lần chậm tiến độ"), default=0)
    late_excused = models.PositiveSmallIntegerField(_("số lần chậm do khách quan"), default=0)
    excuse_basis = models.TextField(_("xác nhận nguyên nhân khách quan"), blank=True)
    recorded_by = _user(_("người ghi"))

    class Meta:
        ordering = ["year", "period", "pk"]
        verbose_name = _("kết quả theo dõi nhiệm vụ")
        verbose_name_plural = _("kết quả theo dõi nhiệm vụ")
        indexes = [models.Index(fields=["person", "year"])]
        constraints = [
            models.CheckConstraint(condition=Q(assigned__gt=0), name="task_assigned_positive"),
            models.CheckConstraint(condition=Q(completed__gte=0), name="task_completed_positive"),
            models.CheckConstraint(
                condition=Q(quality_excused__lte=F("quality_failures"))
                & Q(late_excused__lte=F("late_failures")),
                name="task_excused_within_failures",
            ),
            models.CheckConstraint(
                condition=Q(period__gte=1)
                & (
                    Q(period_kind="month", period__lte=12) | Q(period_kind="quarter", period__lte=4)
                ),
                name="task_period_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.year}/{self.period}: {self.title}"


class DisciplineRecord(TimeStampedModel):
    """A Party or administrative disciplinary decision. ``act`` names the violation: sanctions
    for the same act share it (NĐ 48/2023: one act counts in one rating year only)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="sanctions", verbose_name=_("công chức")
    )
    act = models.CharField(_("mã vụ việc"), max_length=30)
    description = models.CharField(_("hành vi vi phạm"), max_length=255)
    system = models.CharField(_("loại kỷ luật"), max_length=10, choices=SanctionSystem.choices)
    form = models.CharField(_("hình thức"), max_length=15, choices=SanctionForm.choices)
    decided_on = models.DateField(_("ngày quyết định"))
    decision_ref = models.CharField(_("số quyết định"), max_length=100, blank=True)
    official_duty = models.BooleanField(_("vi phạm liên quan hoạt động công vụ"), default=True)
    counted_as_kht_year = models.PositiveSmallIntegerField(
        _("đã dùng để xếp loại không hoàn thành nhiệm vụ năm"), null=True, blank=True
    )
    recorded_by = _user(_("người ghi"))

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("quyết định kỷ luật")
        verbose_name_plural = _("quyết định kỷ luật")

    def __str__(self) -> str:
        return f"{self.person} — {self.get_form_display()} ({self.decided_on:%d/%m/%Y})"


class QualificationGap(TimeStampedModel):
    """The person lacks the training level their job position requires (domain.md §3)."""

    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="qualification_gaps",
        verbose_name=_("công chức"),
    )
    required_level = models.CharField(_("trình độ vị trí việc làm yêu cầu"), max_length=150)
    actual_level = models.CharField(_("trình độ hiện có"), max_length=150)
    recorded_on = models.DateField(_("ngày ghi nhận"))
    retraining_possible = models.BooleanField(_("có thể đào tạo lại để chuẩn hóa"))
    other_post_available = models.BooleanField(_("có vị trí việc làm khác phù hợp"))
    resolved_on = models.DateField(_("ngày đã đạt chuẩn"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = _user(_("người ghi"))

    class Meta:
        ordering = ["-recorded_on", "pk"]
        verbose_name = _("chưa đạt trình độ đào tạo")
        verbose_name_plural = _("chưa đạt trình độ đào tạo")

    def __str__(self) -> str:
        return f"{self.person}: {self.actual_level} / {self.required_level}"


class SurplusRecord(TimeStampedModel):
    """A surplus from restructuring or a job-position review, or a lost leadership post, with
    the decision behind it (domain.md §3)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="surplus", verbose_name=_("công chức")
    )
    kind = models.CharField(_("trường hợp"), max_length=20, choices=SurplusKind.choices)
    decision_ref = models.CharField(_("quyết định"), max_length=255)
    decided_on = models.DateField(_("ngày quyết định"))
    can_be_replaced = models.BooleanField(_("bố trí được việc làm khác"), default=False)
    volunteered_with_consent = models.BooleanField(
        _("tự nguyện và được cơ quan đồng ý"), default=False
    )
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = _user(_("người ghi"))

    class Meta:
        ordering = ["-decided_on", "pk"]
        verbose_name = _("dôi dư, thôi giữ chức vụ")
        verbose_name_plural = _("dôi dư, thôi giữ chức vụ")

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()} ({self.decision_ref})"


class Circumstance(TimeStampedModel):
    """A circumstance that defers streamlining while it lasts (domain.md §3)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="circumstances", verbose_name=_("công chức")
    )
    kind = models.CharField(_("trường hợp"), max_length=20, choices=CircumstanceKind.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    child_birth_date = models.DateField(_("ngày sinh của con"), null=True, blank=True)
    volunteers = models.BooleanField(_("tự nguyện tinh giản biên chế"), default=False)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = _user(_("người ghi"))

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("trường hợp chưa xem xét tinh giản")
        verbose_name_plural = _("trường hợp chưa xem xét tinh giản")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="circumstance_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(kind="young_child") | Q(child_birth_date__isnull=False),
                name="circumstance_child_has_birth_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"


class StreamliningReview(TimeStampedModel):
    """A streamlining review of one unit subtree for one year under one profile."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm xét"))
    profile = models.CharField(_("bộ quy tắc tinh giản"), max_length=40)
    reviewed_on = models.DateField(_("ngày xét"))
    created_by = _user(_("người lập"))

    class Meta:
        ordering = ["-year", "unit__path"]
        verbose_name = _("đợt xét tinh giản biên chế")
        verbose_name_plural = _("đợt xét tinh giản biên chế")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "profile"], name="streamlining_review_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year} ({self.profile})"


class StreamliningCase(TimeStampedModel):
    """A human decision on one listed person: propose or not, with the reason. ``grounds``
    and ``deferrals`` are the findings as they stood when the decision was recorded."""

    review = models.ForeignKey(
        StreamliningReview,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("đợt xét"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("công chức")
    )
    section = models.CharField(_("mục"), max_length=15, choices=Section.choices)
    grounds = models.JSONField(_("căn cứ"), default=list)
    deferrals = models.JSONField(_("lý do chưa xem xét"), default=list, blank=True)
    decision = models.CharField(_("quyết định"), max_length=15, choices=Decision.choices)
    reason = models.TextField(_("lý do"))
    decided_by = _user(_("người ghi"))
    decided_at = models.DateTimeField(_("ghi lúc"))

    class Meta:
        ordering = ["review", "person__sort_key"]
        verbose_name = _("đề xuất tinh giản biên chế")
        verbose_name_plural = _("đề xuất tinh giản biên chế")
        constraints = [
            models.UniqueConstraint(fields=["review", "person"], name="streamlining_case_unique"),
            models.CheckConstraint(
                condition=~Q(decision="propose") | Q(section="candidate"),
                name="streamlining_propose_only_candidates",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review}: {self.person} — {self.get_decision_display()}"


# --- Training and re-test after a failed test (domain.md §3: training first) ------------------


class TrainingAssignment(TimeStampedModel):
    """A person below the bar of a published plan sent on a course (đào tạo, bồi dưỡng under
    NĐ 101/2017 as amended by NĐ 89/2021), and how it ended: assigned → completed or not
    completed, on ``completed_on``, with the certificate if any."""

    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="training_assignments",
        verbose_name=_("công chức"),
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.PROTECT, related_name="+", verbose_name=_("kế hoạch")
    )
    result = models.ForeignKey(
        "results.PlanResult",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kết quả không đạt"),
    )
    course = models.CharField(_("khóa bồi dưỡng"), max_length=255)
    provider = models.CharField(_("cơ sở đào tạo, bồi dưỡng"), max_length=255)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    state = models.CharField(
        _("tình trạng"),
        max_length=15,
        choices=TrainingState.choices,
        default=TrainingState.ASSIGNED,
    )
    completed_on = models.DateField(_("ngày ghi nhận kết quả"), null=True, blank=True)
    certificate_ref = models.CharField(
        _("số chứng chỉ, giấy chứng nhận"), max_length=100, blank=True
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = _user(_("người cử"))
    completed_by = _user(_("người ghi kết quả"))

    class Meta:
        ordering = ["plan", "person__sort_key", "starts_on", "pk"]
        verbose_name = _("cử đi bồi dưỡng")
        verbose_name_plural = _("cử đi bồi dưỡng")
        indexes = [models.Index(fields=["person", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="training_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(state=TrainingState.ASSIGNED, completed_on__isnull=True)
                | (~Q(state=TrainingState.ASSIGNED) & Q(completed_on__isnull=False)),
                name="training_outcome_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.course} ({self.starts_on:%d/%m/%Y})"


class Retest(TimeStampedModel):
    """The re-test plan made from the failures of a published plan (``count`` people, all
    of them or, with ``trained_only``, those who completed their training)."""

    source = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        related_name="retests",
        verbose_name=_("kế hoạch đã kiểm tra"),
    )
    plan = models.OneToOneField(
        "plans.Plan",
        on_delete=models.PROTECT,
        related_name="retest_of",
        verbose_name=_("kế hoạch kiểm tra lại"),
    )
    count = models.PositiveIntegerField(_("số người kiểm tra lại"))
    trained_only = models.BooleanField(_("chỉ người đã hoàn thành bồi dưỡng"), default=False)
    created_by = _user(_("người lập"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("kiểm tra lại")
        verbose_name_plural = _("kiểm tra lại")
        constraints = [
            models.CheckConstraint(condition=~Q(source=F("plan")), name="retest_other_plan"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.plan_id}"
