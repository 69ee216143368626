"""Pages of a computer sitting: the candidate's under /thi/, the proctor's under /coi-thi/;
rescoring under the plan (/ke-hoach/<code>/...)."""

from django.urls import path

from . import views_candidate, views_proctor, views_rescoring

app_name = "delivery"
urlpatterns = [
    path("thi/", views_candidate.CheckInView.as_view(), name="checkin"),
    path("thi/lam-bai/", views_candidate.ExamView.as_view(), name="exam"),
    path("thi/tep/<str:sha256>/", views_candidate.ExamAssetView.as_view(), name="asset"),
    # Proctor console (views_proctor).
    path("coi-thi/", views_proctor.SessionListView.as_view(), name="session-list"),
    path("coi-thi/<int:pk>/", views_proctor.SessionDetailView.as_view(), name="session-detail"),
    path("coi-thi/<int:pk>/bang/", views_proctor.SessionRowsView.as_view(), name="session-rows"),
    path(
        "coi-thi/<int:pk>/bat-dau/", views_proctor.SessionStartView.as_view(), name="session-start"
    ),
    path(
        "coi-thi/<int:pk>/tam-dung/", views_proctor.SessionPauseView.as_view(), name="session-pause"
    ),
    path(
        "coi-thi/<int:pk>/tiep-tuc/",
        views_proctor.SessionResumeView.as_view(),
        name="session-resume",
    ),
    path(
        "coi-thi/<int:pk>/cong-gio/",
        views_proctor.SessionExtendView.as_view(),
        name="session-extend",
    ),
    path(
        "coi-thi/<int:pk>/ket-thuc/", views_proctor.SessionCloseView.as_view(), name="session-close"
    ),
    path(
        "coi-thi/<int:pk>/ma-vao-phong.pdf",
        views_proctor.SessionCodesPdfView.as_view(),
        name="session-codes-pdf",
    ),
    path("coi-thi/bai/<int:pk>/", views_proctor.AttemptDetailView.as_view(), name="attempt-detail"),
    path(
        "coi-thi/bai/<int:pk>/tam-dung/",
        views_proctor.AttemptPauseView.as_view(),
        name="attempt-pause",
    ),
    path(
        "coi-thi/bai/<int:pk>/tiep-tuc/",
        views_proctor.AttemptResumeView.as_view(),
        name="attempt-resume",
    ),
    path(
        "coi-thi/bai/<int:pk>/cong-gio/",
        views_proctor.AttemptExtendView.as_view(),
        name="attempt-extend",
    ),
    path(
        "coi-thi/bai/<int:pk>/doi-may/",
        views_proctor.AttemptDeviceChangeView.as_view(),
        name="attempt-device",
    ),
    path(
        "coi-thi/bai/<int:pk>/vao-muon/",
        views_proctor.AttemptAdmitLateView.as_view(),
        name="attempt-admit-late",
    ),
    path("coi-thi/bai/<int:pk>/huy/", views_proctor.AttemptVoidView.as_view(), name="attempt-void"),
    path(
        "coi-thi/bai/<int:pk>/bien-ban/",
        views_proctor.IncidentCreateView.as_view(),
        name="incident-create",
    ),
    path(
        "coi-thi/bien-ban/<int:pk>.pdf",
        views_proctor.IncidentPdfView.as_view(),
        name="incident-pdf",
    ),
    # Rescoring (views_rescoring), under the plan's pages.
    path(
        "ke-hoach/<str:code>/cach-tinh-diem/",
        views_rescoring.ScoringRuleView.as_view(),
        name="scoring-rule",
    ),
    path(
        "ke-hoach/<str:code>/phan-thi/<int:pk>/cham-lai/",
        views_rescoring.RescoreView.as_view(),
        name="rescore",
    ),
    path(
        "ke-hoach/<str:code>/phan-thi/<int:pk>/cham-lai/cau/<int:item>/",
        views_rescoring.RescoreItemView.as_view(),
        name="rescore-item",
    ),
    path(
        "ke-hoach/<str:code>/phan-thi/<int:pk>/cham-lai/cau/<int:item>/ap-dung/",
        views_rescoring.RescoreApplyView.as_view(),
        name="rescore-apply",
    ),
]
