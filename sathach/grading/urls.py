"""Pages of marking under /cham-thi/: Ban phách, markers, the head of marking, re-marking, the
panel of oral and practical parts, and appeals."""

from django.urls import path

from . import views

app_name = "grading"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    # Ban phách (coding, scanned pages, re-matching).
    path("phan-thi/<int:pk>/phach/", views.PartCodingView.as_view(), name="part-coding"),
    path(
        "phan-thi/<int:pk>/phach/thu-bai/",
        views.ScriptsCollectView.as_view(),
        name="scripts-collect",
    ),
    path("phan-thi/<int:pk>/phach/danh-so/", views.ScriptsCodeView.as_view(), name="scripts-code"),
    path(
        "phan-thi/<int:pk>/phach/ghep-phach/",
        views.ScriptsRematchView.as_view(),
        name="scripts-rematch",
    ),
    path(
        "phan-thi/<int:pk>/phach/bien-ban.pdf",
        views.CodingRecordPdfView.as_view(),
        name="coding-pdf",
    ),
    path("bai/<int:pk>/tai-anh/", views.ScanUploadView.as_view(), name="scan-upload"),
    path("bai/<int:pk>/khong-co-bai/", views.ScriptAbsentView.as_view(), name="script-absent"),
    path("anh/<int:pk>/", views.ScanPageView.as_view(), name="scan-page"),
    path("anh/<int:pk>/xoa/", views.ScanRemoveView.as_view(), name="scan-remove"),
    # The guide, the head of marking, markers.
    path("phan-thi/<int:pk>/dap-an/", views.GuideEditView.as_view(), name="guide-edit"),
    path("phan-thi/<int:pk>/", views.PartProgressView.as_view(), name="part-progress"),
    path("phan-thi/<int:pk>/phan-cong/", views.MarkersAssignView.as_view(), name="markers-assign"),
    path(
        "phan-thi/<int:pk>/doi-chieu.pdf",
        views.ReconciliationPdfView.as_view(),
        name="reconciliation-pdf",
    ),
    path(
        "phan-thi/<int:pk>/phieu-cham.pdf",
        views.ScoreSheetPdfView.as_view(),
        name="score-sheet-pdf",
    ),
    path("bai/<int:pk>/quyet-dinh/", views.ScriptDecideView.as_view(), name="script-decide"),
    path("bai-duoc-phan-cong/", views.MarkListView.as_view(), name="mark-list"),
    path("cham/<int:pk>/", views.MarkDetailView.as_view(), name="mark-detail"),
    path("cham/<int:pk>/thong-nhat/", views.MarkAgreeView.as_view(), name="mark-agree"),
    # Re-marking after appeals.
    path("phan-thi/<int:pk>/phuc-khao/", views.RemarkListView.as_view(), name="remark-list"),
    path("phuc-khao/<int:pk>/", views.RemarkDetailView.as_view(), name="remark-detail"),
    path("phuc-khao/<int:pk>/quyet-dinh/", views.RemarkDecideView.as_view(), name="remark-decide"),
    path("phuc-khao/<int:pk>/doi-thoai/", views.RemarkMeetingView.as_view(), name="remark-meeting"),
    path("phuc-khao/<int:pk>/chu-tich/", views.RemarkChairView.as_view(), name="remark-chair"),
    path("phuc-khao/<int:pk>/bien-ban.pdf", views.RemarkPdfView.as_view(), name="remark-pdf"),
    # Oral and practical parts: the rubric, the panel (Ban kiểm tra sát hạch), its records.
    path("phan-thi/<int:pk>/tieu-chi/", views.RubricEditView.as_view(), name="rubric-edit"),
    path("phan-thi/<int:pk>/van-dap/", views.PanelListView.as_view(), name="panel-list"),
    path(
        "phan-thi/<int:pk>/van-dap/tong-hop/",
        views.PanelProgressView.as_view(),
        name="panel-progress",
    ),
    path(
        "phan-thi/<int:pk>/van-dap/<int:candidate>/",
        views.PanelCandidateView.as_view(),
        name="panel-candidate",
    ),
    path(
        "phan-thi/<int:pk>/van-dap/<int:candidate>/quyet-dinh/",
        views.PanelDecideView.as_view(),
        name="panel-decide",
    ),
    path(
        "phan-thi/<int:pk>/van-dap/<int:candidate>/ket-thuc/",
        views.PanelCloseView.as_view(),
        name="panel-close",
    ),
    path(
        "phan-thi/<int:pk>/van-dap/phieu-cham.pdf",
        views.PanelSheetPdfView.as_view(),
        name="panel-sheet-pdf",
    ),
    path(
        "phan-thi/<int:pk>/van-dap/bang-tong-hop.pdf",
        views.PanelSummaryPdfView.as_view(),
        name="panel-summary-pdf",
    ),
    path(
        "phan-thi/<int:pk>/van-dap/bien-ban.pdf",
        views.PanelRecordPdfView.as_view(),
        name="panel-record-pdf",
    ),
    # Appeals: the candidate's own, then the plan's list for who handles them.
    path("don-phuc-khao-cua-toi/<str:code>/", views.MyAppealsView.as_view(), name="my-appeals"),
    path(
        "don-phuc-khao-cua-toi/<str:code>/phan-thi/<int:part>/nop-don/",
        views.AppealFileView.as_view(),
        name="appeal-file",
    ),
    path("don-phuc-khao/<int:pk>/", views.MyAppealDetailView.as_view(), name="my-appeal"),
    path("ke-hoach/<str:code>/don-phuc-khao/", views.AppealListView.as_view(), name="appeal-list"),
    path(
        "ke-hoach/<str:code>/don-phuc-khao/danh-sach.pdf",
        views.AppealListPdfView.as_view(),
        name="appeal-list-pdf",
    ),
    path(
        "ke-hoach/<str:code>/don-phuc-khao/ket-qua.pdf",
        views.AppealOutcomePdfView.as_view(),
        name="appeal-outcome-pdf",
    ),
    path(
        "don-phuc-khao/<int:pk>/mo-cham-phuc-khao/",
        views.AppealOpenView.as_view(),
        name="appeal-open",
    ),
    path(
        "don-phuc-khao/<int:pk>/khong-chap-nhan/",
        views.AppealRejectView.as_view(),
        name="appeal-reject",
    ),
    path(
        "don-phuc-khao/<int:pk>/cap-nhat-ket-qua/",
        views.AppealApplyView.as_view(),
        name="appeal-apply",
    ),
]
