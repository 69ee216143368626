"""Pages of the plans app, under /ke-hoach/."""

from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan-list"),
    path("tao-tu-mau/", views.PlanCreateView.as_view(), name="plan-create"),
    path("<str:code>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path(
        "<str:code>/lap-danh-sach/",
        views.CandidatesGenerateView.as_view(),
        name="candidates-generate",
    ),
    path(
        "<str:code>/danh-sach.xlsx", views.CandidatesExportView.as_view(), name="candidates-export"
    ),
    path(
        "<str:code>/thi-sinh/<int:pk>/mien/",
        views.CandidateExemptView.as_view(),
        name="candidate-exempt",
    ),
    path(
        "<str:code>/thi-sinh/<int:pk>/bo/",
        views.CandidateRemoveView.as_view(),
        name="candidate-remove",
    ),
    path("<str:code>/ma-tran/them-o/", views.CellAddView.as_view(), name="cell-add"),
    path("<str:code>/phong-thi/", views.RoomCreateView.as_view(), name="room-create"),
    path("<str:code>/ca-thi/", views.SittingCreateView.as_view(), name="sitting-create"),
    path(
        "<str:code>/ca-thi/<int:pk>/xep-cho/",
        views.SeatsAllocateView.as_view(),
        name="seats-allocate",
    ),
    path("<str:code>/ca-thi/<int:pk>/", views.SittingDetailView.as_view(), name="sitting-detail"),
    path("<str:code>/ca-thi/<int:pk>/doi-cho/", views.SeatMoveView.as_view(), name="seat-move"),
    path(
        "<str:code>/ca-thi/<int:pk>/phong/<int:room_pk>/giam-thi/",
        views.ProctorAssignView.as_view(),
        name="proctor-assign",
    ),
    path(
        "<str:code>/ca-thi/<int:pk>/phong/<int:room_pk>/ho-so-pdf/",
        views.RoomPdfView.as_view(),
        name="room-pdf",
    ),
    path(
        "<str:code>/ca-thi/<int:pk>/giay-bao-pdf/",
        views.AdmissionSlipsView.as_view(),
        name="admission-slips-pdf",
    ),
    path(
        "<str:code>/phan-thi/<int:pk>/lap-de/",
        views.PartAssembleView.as_view(),
        name="part-assemble",
    ),
    path(
        "<str:code>/phan-thi/<int:pk>/niem-phong/",
        views.PartSealView.as_view(),
        name="part-seal",
    ),
    path(
        "<str:code>/phan-thi/<int:pk>/de-so/<int:variant>/pdf/",
        views.VariantPdfView.as_view(),
        name="variant-pdf",
    ),
    path(
        "<str:code>/phan-thi/<int:pk>/de-so/<int:variant>/phieu-tra-loi-pdf/",
        views.AnswerSheetPdfView.as_view(),
        name="answer-sheet-pdf",
    ),
    path(
        "<str:code>/thanh-vien/<int:pk>/cam-ket-pdf/",
        views.DeclarationPdfView.as_view(),
        name="declaration-pdf",
    ),
]
