"""Assessment plans: scope, eligibility, candidates, council and boards, blueprint, sittings.

Every write goes through ``services``; the constraints below hold the invariants the services
rely on (one candidacy per person per plan, one registration number per plan, one seat per
candidate per sitting, two proctor roles per room).
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sathach.bank.constants import Difficulty, ItemKind
from sathach.core.models import TimeStampedModel

from .constants import (
    Board,
    BoardRole,
    CandidateStatus,
    ExemptionGround,
    MultipleResponseRule,
    OverrideAction,
    PartKind,
    PlanStatus,
    ProctorRole,
    SittingMode,
    SittingStatus,
)

plan_code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
    _("Mã kế hoạch chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới."),
)


class Plan(TimeStampedModel):
    """A plan (kế hoạch) to test the civil servants of some units under one exam profile.

    Eligibility is computed on ``starts_on`` from the rules below; an empty list of blocks,
    levels, ranks or positions means "any".
    """

    code = models.CharField(
        _("mã kế hoạch"), max_length=30, unique=True, validators=[plan_code_validator]
    )
    name = models.CharField(_("tên kế hoạch"), max_length=255)
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True)
    # "code@version" of the exam rule profile (sathach.core.profiles), pinned at creation.
    exam_profile = models.CharField(_("bộ quy tắc thi"), max_length=40)
    template = models.CharField(_("tạo từ mẫu"), max_length=30, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    starts_on = models.DateField(_("ngày bắt đầu"))
    ends_on = models.DateField(_("ngày kết thúc"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    # Eligibility rules (who is tested).
    eligible_blocks = models.JSONField(_("khối áp dụng"), default=list, blank=True)
    eligible_levels = models.JSONField(_("cấp áp dụng"), default=list, blank=True)
    eligible_ranks = models.ManyToManyField(
        "org.Rank", blank=True, related_name="+", verbose_name=_("ngạch áp dụng")
    )
    eligible_positions = models.ManyToManyField(
        "org.Position", blank=True, related_name="+", verbose_name=_("vị trí việc làm áp dụng")
    )
    min_service_years = models.PositiveSmallIntegerField(_("số năm công tác tối thiểu"), default=0)
    include_leaders = models.BooleanField(_("kiểm tra cả lãnh đạo, quản lý"), default=True)
    # Exemption rules (who is in scope but not tested); 0 switches a rule off.
    retirement_window_months = models.PositiveSmallIntegerField(
        _("miễn khi còn dưới (tháng) đến tuổi nghỉ hưu"), default=0
    )
    recruited_within_months = models.PositiveSmallIntegerField(
        _("miễn khi mới tuyển dụng dưới (tháng)"), default=0
    )
    # Computer sittings: seconds after the deadline during which answers already given (and
    # queued by the exam page while the network was down) are still accepted.
    grace_seconds = models.PositiveIntegerField(_("thời gian gia hạn nhận bài (giây)"), default=60)
    show_score = models.BooleanField(_("hiện điểm cho thí sinh khi nộp bài"), default=True)
    # Partial credit of multiple-response items, applied at submission and by rescoring.
    multiple_response_rule = models.CharField(
        _("cách tính điểm câu nhiều lựa chọn"),
        max_length=20,
        choices=MultipleResponseRule.choices,
        default=MultipleResponseRule.ITEM_WEIGHTS,
    )
    # Set when the results are published (sathach.results): from then on no score of the plan
    # changes except through a two-person correction; the delivery and grading apps read it.
    results_published_at = models.DateTimeField(_("công bố kết quả lúc"), null=True, blank=True)
    # The highest registration number given so far: numbers are never given twice, even when
    # a candidate leaves the list.
    last_number = models.PositiveIntegerField(_("số báo danh lớn nhất đã cấp"), default=0)

    class Meta:
        ordering = ["-starts_on", "code"]
        verbose_name = _("kế hoạch kiểm tra, sát hạch")
        verbose_name_plural = _("kế hoạch kiểm tra, sát hạch")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="plan_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class PlanScope(models.Model):
    """A unit whose whole subtree the plan covers."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="scopes")
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )

    class Meta:
        verbose_name = _("phạm vi kế hoạch")
        verbose_name_plural = _("phạm vi kế hoạch")
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="plan_scope_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.plan.code}: {self.unit}"


class CandidateOverride(TimeStampedModel):
    """A decision recorded by hand for one person (add, remove, exempt), with its reason.

    It outranks the computed rules and survives every recomputation of the list.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="overrides")
    person = models.ForeignKey(
        "org.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("công chức")
    )
    action = models.CharField(_("quyết định"), max_length=10, choices=OverrideAction.choices)
    ground = models.CharField(
        _("căn cứ miễn"), max_length=12, choices=ExemptionGround.choices, blank=True
    )
    reason = models.TextField(_("lý do"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi"),
    )

    class Meta:
        verbose_name = _("điều chỉnh danh sách")
        verbose_name_plural = _("điều chỉnh danh sách")
        constraints = [
            models.UniqueConstraint(fields=["plan", "person"], name="override_unique"),
            models.CheckConstraint(condition=~Q(reason=""), name="override_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.plan.code}: {self.get_action_display()} {self.person}"


class Candidate(TimeStampedModel):
    """A person on the plan's list, with a registration number (số báo danh)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey(
        "org.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("công chức")
    )
    number = models.CharField(_("số báo danh"), max_length=20, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=CandidateStatus.choices)
    reason = models.TextField(_("lý do"), blank=True)
    manual = models.BooleanField(_("do cán bộ quyết định"), default=False)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("người dự kiểm tra")
        verbose_name_plural = _("người dự kiểm tra")
        constraints = [
            models.UniqueConstraint(fields=["plan", "person"], name="candidate_unique"),
            models.UniqueConstraint(
                fields=["plan", "number"], condition=~Q(number=""), name="candidate_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or '—'} {self.person.full_name}"


class Council(TimeStampedModel):
    """The plan's council (Hội đồng kiểm tra, sát hạch) and the decision that set it up."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="council")
    name = models.CharField(_("tên hội đồng"), max_length=255)
    decision_number = models.CharField(_("số quyết định"), max_length=50)
    decision_date = models.DateField(_("ngày quyết định"))

    class Meta:
        verbose_name = _("hội đồng")
        verbose_name_plural = _("hội đồng")

    def __str__(self) -> str:
        return self.name


class BoardMembership(TimeStampedModel):
    """A seat on the council or on one of its boards, held by a person and/or a user."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="memberships")
    board = models.CharField(_("ban"), max_length=20, choices=Board.choices)
    role = models.CharField(
        _("nhiệm vụ"), max_length=10, choices=BoardRole.choices, default=BoardRole.MEMBER
    )
    person = models.ForeignKey(
        "org.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("công chức"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_memberships",
        verbose_name=_("tài khoản"),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        ordering = ["plan", "board", "role", "pk"]
        verbose_name = _("thành viên hội đồng, ban")
        verbose_name_plural = _("thành viên hội đồng, ban")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(user__isnull=False),
                name="membership_has_someone",
            ),
            models.UniqueConstraint(
                fields=["plan", "board", "person"],
                condition=Q(person__isnull=False),
                name="membership_person_unique",
            ),
            models.UniqueConstraint(
                fields=["plan", "board", "user"],
                condition=Q(user__isnull=False),
                name="membership_user_unique",
            ),
        ]

    def __str__(self) -> str:
        who = self.person.full_name if self.person else str(self.user)
        return f"{who} — {self.get_board_display()}"


class ConflictDeclaration(models.Model):
    """A member's declaration of conflict of interest (bản cam kết): none, or what it is."""

    membership = models.ForeignKey(
        BoardMembership, on_delete=models.CASCADE, related_name="declarations"
    )
    declared_at = models.DateTimeField(_("ngày khai"))
    has_conflict = models.BooleanField(_("có xung đột lợi ích"), default=False)
    text = models.TextField(_("nội dung khai"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi"),
    )

    class Meta:
        ordering = ["membership", "-declared_at", "-pk"]
        verbose_name = _("bản khai xung đột lợi ích")
        verbose_name_plural = _("bản khai xung đột lợi ích")

    def __str__(self) -> str:
        return f"{self.membership}: {'có' if self.has_conflict else 'không'} xung đột"


class BlueprintPart(TimeStampedModel):
    """One part of the test (phần thi): how it is sat, how long, how it is scored.

    An MCQ part's score is its raw score (the points of the correct items) scaled linearly to
    ``max_score``: score = raw × max_score / (Σ count × points). See ``score_factor``.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="parts")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    kind = models.CharField(_("hình thức"), max_length=20, choices=PartKind.choices)
    name = models.CharField(_("tên phần thi"), max_length=255)
    minutes = models.PositiveSmallIntegerField(_("thời gian (phút)"))
    max_score = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    pass_mark = models.DecimalField(_("điểm đạt"), max_digits=6, decimal_places=2)
    weight = models.DecimalField(_("hệ số"), max_digits=5, decimal_places=2, default=1)
    sitting_mode = models.CharField(_("cách thi"), max_length=10, choices=SittingMode.choices)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("phần thi")
        verbose_name_plural = _("phần thi")
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="part_order_unique"),
            models.CheckConstraint(condition=Q(minutes__gt=0), name="part_minutes_pos"),
            models.CheckConstraint(condition=Q(max_score__gt=0), name="part_max_score_pos"),
            models.CheckConstraint(
                condition=Q(pass_mark__gte=0) & Q(pass_mark__lte=F("max_score")),
                name="part_pass_mark_in_range",
            ),
            models.CheckConstraint(condition=Q(weight__gte=0), name="part_weight_nonneg"),
        ]

    def __str__(self) -> str:
        return f"Phần {self.order}: {self.name}"


class BlueprintCell(models.Model):
    """How many items a form draws from a topic subtree, at a difficulty and of a kind."""

    part = models.ForeignKey(BlueprintPart, on_delete=models.CASCADE, related_name="cells")
    topic = models.ForeignKey(
        "bank.Topic", on_delete=models.PROTECT, related_name="+", verbose_name=_("chủ đề")
    )
    difficulty = models.CharField(
        _("mức độ"), max_length=10, choices=Difficulty.choices, blank=True
    )
    item_kind = models.CharField(
        _("loại câu hỏi"), max_length=20, choices=ItemKind.choices, blank=True
    )
    count = models.PositiveSmallIntegerField(_("số câu"))
    points = models.DecimalField(_("điểm mỗi câu"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["part", "pk"]
        verbose_name = _("ô ma trận đề")
        verbose_name_plural = _("ô ma trận đề")
        constraints = [
            models.UniqueConstraint(
                fields=["part", "topic", "difficulty", "item_kind"], name="cell_unique"
            ),
            models.CheckConstraint(condition=Q(count__gt=0), name="cell_count_pos"),
            models.CheckConstraint(condition=Q(points__gt=0), name="cell_points_pos"),
        ]

    def __str__(self) -> str:
        return f"{self.part}: {self.topic} × {self.count}"


class Room(TimeStampedModel):
    """An exam room: seats laid out in rows of ``columns`` seats."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("tên phòng"), max_length=100)
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    capacity = models.PositiveSmallIntegerField(_("số chỗ ngồi"))
    computers = models.PositiveSmallIntegerField(_("số máy tính"), default=0)
    columns = models.PositiveSmallIntegerField(_("số chỗ mỗi hàng"), default=5)

    class Meta:
        ordering = ["plan", "name"]
        verbose_name = _("phòng thi")
        verbose_name_plural = _("phòng thi")
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="room_name_unique"),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="room_capacity_pos"),
            models.CheckConstraint(condition=Q(columns__gt=0), name="room_columns_pos"),
        ]

    def __str__(self) -> str:
        return self.name


class Sitting(TimeStampedModel):
    """A sitting (ca thi) of one part, at one time, in some rooms."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sittings")
    part = models.ForeignKey(
        BlueprintPart, on_delete=models.PROTECT, related_name="sittings", verbose_name=_("phần")
    )
    name = models.CharField(_("tên ca thi"), max_length=100, blank=True)
    date = models.DateField(_("ngày thi"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    duration_minutes = models.PositiveSmallIntegerField(_("thời gian (phút)"))
    # ``date`` + ``start_time`` in the site's time zone (Asia/Ho_Chi_Minh), set by the service.
    starts_at = models.DateTimeField(_("bắt đầu lúc"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=SittingStatus.choices, default=SittingStatus.DRAFT
    )
    finalised_at = models.DateTimeField(_("chốt lúc"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "starts_at", "pk"]
        verbose_name = _("ca thi")
        verbose_name_plural = _("ca thi")
        constraints = [
            models.CheckConstraint(condition=Q(duration_minutes__gt=0), name="sitting_minutes_pos"),
        ]

    def __str__(self) -> str:
        return self.name or f"{self.part} — {self.date:%d/%m/%Y} {self.start_time:%H:%M}"


class Seat(models.Model):
    """Where a candidate sits in one sitting; rows and columns count from 1 at the front left.

    ``number`` is the seat's place in the room, row by row (1 … capacity).
    """

    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="seats")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="seats")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="seats")
    row = models.PositiveSmallIntegerField(_("hàng"))
    col = models.PositiveSmallIntegerField(_("cột"))
    number = models.PositiveSmallIntegerField(_("số chỗ"))

    class Meta:
        ordering = ["sitting", "room", "number"]
        verbose_name = _("chỗ ngồi")
        verbose_name_plural = _("chỗ ngồi")
        constraints = [
            models.UniqueConstraint(fields=["sitting", "candidate"], name="seat_one_per_sitting"),
            models.UniqueConstraint(fields=["sitting", "room", "row", "col"], name="seat_place"),
            models.UniqueConstraint(fields=["sitting", "room", "number"], name="seat_number"),
            models.CheckConstraint(condition=Q(row__gt=0) & Q(col__gt=0), name="seat_row_col_pos"),
        ]

    def __str__(self) -> str:
        return f"{self.room} — chỗ {self.number}"


class ProctorAssignment(TimeStampedModel):
    """A member of Ban coi thi on duty in one room of one sitting, as proctor 1 or 2."""

    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="proctors")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="+")
    membership = models.ForeignKey(
        BoardMembership, on_delete=models.PROTECT, related_name="proctor_duties"
    )
    role = models.PositiveSmallIntegerField(_("nhiệm vụ"), choices=ProctorRole.choices)

    class Meta:
        ordering = ["sitting", "room", "role"]
        verbose_name = _("phân công giám thị")
        verbose_name_plural = _("phân công giám thị")
        constraints = [
            models.UniqueConstraint(fields=["sitting", "room", "role"], name="proctor_role_once"),
            models.UniqueConstraint(fields=["sitting", "membership"], name="proctor_one_room"),
        ]

    def __str__(self) -> str:
        return f"{self.room}: {self.get_role_display()} — {self.membership}"


# --- Assembled forms (sathach.plans.forms_assembly) ----------------------------------------------
# One row per form with its items as JSON, not a row per item: 20,000 candidates × 60 items would
# be 1.2 million rows to write before the sitting, and starting a test becomes one read.


class Form(TimeStampedModel):
    """An assembled test form: a candidate's own (computer part) or a paper variant.

    ``items`` lists item version ids in the order shown; ``option_orders[i]`` is the order of
    item ``i``'s options (position → original option index), ``null`` for an item without
    options. ``content_hash`` is the SHA-256 of both; ``sealed_at`` is set once the form may no
    longer be replaced.
    """

    part = models.ForeignKey(BlueprintPart, on_delete=models.CASCADE, related_name="forms")
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="forms",
        verbose_name=_("người dự kiểm tra"),
    )
    variant = models.PositiveSmallIntegerField(_("mã đề"), null=True, blank=True)
    seed = models.BigIntegerField(_("hạt giống"))
    expected_score = models.FloatField(_("điểm kỳ vọng"))
    items = models.JSONField(_("câu hỏi"), default=list)
    option_orders = models.JSONField(_("thứ tự phương án"), default=list)
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64)
    sealed_at = models.DateTimeField(_("niêm phong lúc"), null=True, blank=True)

    class Meta:
        ordering = ["part", "variant", "pk"]
        verbose_name = _("đề thi")
        verbose_name_plural = _("đề thi")
        constraints = [
            models.UniqueConstraint(
                fields=["part", "candidate"],
                condition=Q(candidate__isnull=False),
                name="form_one_per_candidate",
            ),
            models.UniqueConstraint(
                fields=["part", "variant"],
                condition=Q(variant__isnull=False),
                name="form_variant_unique",
            ),
            models.CheckConstraint(
                condition=Q(candidate__isnull=True) ^ Q(variant__isnull=True),
                name="form_candidate_or_variant",
            ),
        ]

    def __str__(self) -> str:
        if self.variant is not None:
            return f"{self.part}: mã đề {self.variant}"
        return f"{self.part}: đề của thí sinh #{self.candidate_id}"


class SeatForm(models.Model):
    """The paper variant handed out at one seat (neighbours never share one)."""

    seat = models.OneToOneField(Seat, on_delete=models.CASCADE, related_name="form_link")
    form = models.ForeignKey(Form, on_delete=models.CASCADE, related_name="seat_links")

    class Meta:
        verbose_name = _("mã đề tại chỗ ngồi")
        verbose_name_plural = _("mã đề tại chỗ ngồi")

    def __str__(self) -> str:
        return f"{self.seat}: {self.form}"
