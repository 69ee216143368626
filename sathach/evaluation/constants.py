from django.db import models
from django.utils.translation import gettext_lazy as _

from sathach.lib.rules import rating, streamlining


class Level(models.TextChoices):
    """The four rating levels (NĐ 90/2020, NĐ 335/2025; QĐ 124/366 for Party members)."""

    HTXS = rating.HTXS, _("Hoàn thành xuất sắc nhiệm vụ")
    HTT = rating.HTT, _("Hoàn thành tốt nhiệm vụ")
    HT = rating.HT, _("Hoàn thành nhiệm vụ")
    KHT = rating.KHT, _("Không hoàn thành nhiệm vụ")


LEVEL_SHORT = {Level.HTXS: "HTXS", Level.HTT: "HTT", Level.HT: "HT", Level.KHT: "KHT"}


class State(models.TextChoices):
    """Steps of an annual evaluation (domain.md §2.1 steps; NĐ 335/2025)."""

    SELF_ASSESSED = "self_assessed", _("Đã tự đánh giá")
    COMMENTED = "commented", _("Đã lấy ý kiến tập thể")
    PROPOSED = "proposed", _("Đã đề xuất")
    DECIDED = "decided", _("Đã quyết định xếp loại")
    PUBLISHED = "published", _("Đã công khai")
    # Reviewed but not rated: under ``rated_min_months_worked`` months worked in the year
    # (NĐ 90/2020, NĐ 335/2025; unverified). Not a decided level: outside the quota and the
    # level counts.
    NOT_RATED = "not_rated", _("Không xếp loại (công tác dưới 6 tháng)")


DECIDED_STATES = (State.DECIDED, State.PUBLISHED)


class Source(models.TextChoices):
    WORKFLOW = "workflow", _("Đánh giá trên hệ thống")
    IMPORT = "import", _("Nhập từ tệp")


class Trigger(models.TextChoices):
    """Why the rules force KHT (sathach.lib.rules.rating)."""

    SCORE = rating.TRIGGER_SCORE, _("Điểm dưới mức hoàn thành nhiệm vụ")
    DECLINE = rating.TRIGGER_DECLINE, _("Suy thoái tư tưởng chính trị, đạo đức, lối sống")
    DISCIPLINE = rating.TRIGGER_DISCIPLINE, _("Bị kỷ luật trong năm đánh giá")
    CORRUPTION = rating.TRIGGER_CORRUPTION, _("Đơn vị phụ trách để xảy ra tham nhũng, lãng phí")


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")


PERIOD_MAX: dict[str, int] = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}


class SanctionSystem(models.TextChoices):
    PARTY = rating.PARTY, _("Kỷ luật đảng")
    STATE = rating.STATE, _("Kỷ luật hành chính")


class SanctionForm(models.TextChoices):
    """Disciplinary forms; every one is a reprimand or heavier (NĐ 335/2025 trigger c)."""

    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    SALARY_DOWN = "salary_down", _("Hạ bậc lương")
    DEMOTION = "demotion", _("Giáng chức")
    REMOVAL = "removal", _("Cách chức")
    DISMISSAL = "dismissal", _("Buộc thôi việc")
    EXPULSION = "expulsion", _("Khai trừ")


class SurplusKind(models.TextChoices):
    RESTRUCTURING = streamlining.SURPLUS_RESTRUCTURING, _("Dôi dư do sắp xếp tổ chức bộ máy")
    POSITION_REVIEW = (
        streamlining.SURPLUS_POSITION_REVIEW,
        _("Dôi dư do rà soát, cơ cấu lại vị trí việc làm"),
    )
    LEADER_POST = (
        streamlining.SURPLUS_LEADER_POST,
        _("Lãnh đạo thôi giữ chức vụ hoặc giữ chức vụ thấp hơn"),
    )


class CircumstanceKind(models.TextChoices):
    PREGNANCY = streamlining.PREGNANCY, _("Đang mang thai")
    MATERNITY = streamlining.MATERNITY, _("Đang nghỉ thai sản")
    YOUNG_CHILD = streamlining.YOUNG_CHILD, _("Đang nuôi con nhỏ")
    DISCIPLINE_REVIEW = streamlining.DISCIPLINE_REVIEW, _("Đang xem xét kỷ luật")
    PROSECUTION = streamlining.PROSECUTION, _("Đang bị truy cứu trách nhiệm hình sự")
    INSPECTION = streamlining.INSPECTION, _("Đang bị thanh tra, kiểm tra do có dấu hiệu vi phạm")


class Ground(models.TextChoices):
    """Streamlining grounds and the separate dismissal route (profile rule keys)."""

    RESTRUCTURING = streamlining.RESTRUCTURING, _("Dôi dư do sắp xếp tổ chức bộ máy")
    LEADER_POST = streamlining.LEADER_POST, _("Lãnh đạo thôi giữ chức vụ, tự nguyện")
    POSITION_REVIEW = (
        streamlining.POSITION_REVIEW,
        _("Dôi dư do rà soát vị trí việc làm, không bố trí được"),
    )
    QUALIFICATION = (
        streamlining.QUALIFICATION,
        _("Chưa đạt trình độ đào tạo, không thể đào tạo lại"),
    )
    KHT_ONE_YEAR = streamlining.KHT_ONE_YEAR, _("Không hoàn thành nhiệm vụ (01 năm)")
    HT_KHT_TWO_YEARS = (
        streamlining.HT_KHT_TWO_YEARS,
        _("01 năm hoàn thành nhiệm vụ và 01 năm không hoàn thành nhiệm vụ"),
    )
    DISMISSAL = streamlining.DISMISSAL, _("02 năm liên tiếp không hoàn thành nhiệm vụ (thôi việc)")


class Section(models.TextChoices):
    CANDIDATE = streamlining.CANDIDATE, _("Đối tượng tinh giản biên chế")
    DEFERRED = streamlining.DEFERRED, _("Chưa xem xét tinh giản biên chế")
    DISMISSAL = streamlining.DISMISSAL_ROUTE, _("Giải quyết thôi việc (không phải tinh giản)")


class Decision(models.TextChoices):
    PROPOSE = "propose", _("Đề xuất tinh giản")
    NOT_PROPOSE = "not_propose", _("Không đề xuất")


def finding_label(key: str) -> str:
    """Return the label of a finding's rule key: a ground, the dismissal route, a deferral."""
    if key in Ground.values:
        return str(Ground(key).label)
    return str(_("Chưa xem xét tinh giản biên chế"))


class TrainingState(models.TextChoices):
    """Where a training assignment stands (đào tạo, bồi dưỡng: NĐ 101/2017 as amended by
    NĐ 89/2021; domain.md §3)."""

    ASSIGNED = "assigned", _("Đã cử đi bồi dưỡng")
    COMPLETED = "completed", _("Hoàn thành")
    NOT_COMPLETED = "not_completed", _("Không hoàn thành")
