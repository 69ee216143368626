"""Every write of the evaluation app (one service per action; see each module)."""

from .quota import quota_exception_grant, quota_exception_revoke
from .rating import (
    evaluation_comment,
    evaluation_decide,
    evaluation_propose,
    evaluation_publish,
    evaluation_self_assess,
    evaluations_publish,
    party_evaluation_record,
)
from .rating_criteria import evaluation_not_rate
from .rating_facts import discipline_record_add, task_record_add, task_record_delete
from .ratings_import import RatingsImportReport, ratings_import
from .retest import retest_create
from .streamlining import (
    case_decide,
    circumstance_record,
    qualification_gap_record,
    review_create,
    review_export_pdf,
    review_export_xlsx,
    surplus_record_add,
)
from .training import (
    outcomes_export_pdf,
    outcomes_export_xlsx,
    training_assign_bulk,
    training_complete,
    training_export_pdf,
    training_export_xlsx,
)

__all__ = [
    "RatingsImportReport",
    "case_decide",
    "circumstance_record",
    "discipline_record_add",
    "evaluation_comment",
    "evaluation_decide",
    "evaluation_not_rate",
    "evaluation_propose",
    "evaluation_publish",
    "evaluation_self_assess",
    "evaluations_publish",
    "party_evaluation_record",
    "qualification_gap_record",
    "quota_exception_grant",
    "quota_exception_revoke",
    "ratings_import",
    "outcomes_export_pdf",
    "outcomes_export_xlsx",
    "retest_create",
    "review_create",
    "review_export_pdf",
    "review_export_xlsx",
    "surplus_record_add",
    "task_record_add",
    "task_record_delete",
    "training_assign_bulk",
    "training_complete",
    "training_export_pdf",
    "training_export_xlsx",
]
