"""Pages of the plans app (one module per concern; the single file grew past ~500 lines)."""

from .outputs import (
    AdmissionSlipsView,
    AnswerSheetPdfView,
    DeclarationPdfView,
    RoomPdfView,
    VariantPdfView,
)
from .plans import (
    CandidateExemptView,
    CandidateRemoveView,
    CandidatesExportView,
    CandidatesGenerateView,
    CellAddView,
    PartAssembleView,
    PartSealView,
    PlanCreateView,
    PlanDetailView,
    PlanListView,
    RoomCreateView,
    SeatsAllocateView,
    SittingCreateView,
)
from .sittings import ProctorAssignView, SeatMoveView, SittingDetailView

__all__ = [
    "AdmissionSlipsView",
    "AnswerSheetPdfView",
    "CandidateExemptView",
    "CandidateRemoveView",
    "CandidatesExportView",
    "CandidatesGenerateView",
    "CellAddView",
    "DeclarationPdfView",
    "PartAssembleView",
    "PartSealView",
    "PlanCreateView",
    "PlanDetailView",
    "PlanListView",
    "ProctorAssignView",
    "RoomCreateView",
    "RoomPdfView",
    "SeatMoveView",
    "SeatsAllocateView",
    "SittingCreateView",
    "SittingDetailView",
    "VariantPdfView",
]
