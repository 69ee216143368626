"""Pages of the evaluation app under /danh-gia/: annual ratings, their import and report, and
streamlining reviews."""

from django.urls import path

from . import views, views_import, views_quota, views_streamlining, views_training

app_name = "evaluation"
urlpatterns = [
    path("", views.EvaluationListView.as_view(), name="evaluation-list"),
    path("cong-khai/", views.PublishAllView.as_view(), name="publish-all"),
    path(
        "tu-danh-gia/<str:code>/<int:year>/",
        views.SelfAssessView.as_view(),
        name="self-assess",
    ),
    path("phieu/<int:pk>/", views.EvaluationDetailView.as_view(), name="evaluation-detail"),
    path("phieu/<int:pk>/y-kien/", views.CommentView.as_view(), name="evaluation-comment"),
    path("phieu/<int:pk>/de-xuat/", views.ProposeView.as_view(), name="evaluation-propose"),
    path("phieu/<int:pk>/quyet-dinh/", views.DecideView.as_view(), name="evaluation-decide"),
    path("phieu/<int:pk>/cong-khai/", views.PublishView.as_view(), name="evaluation-publish"),
    path("phieu/<int:pk>/khong-xep-loai/", views.NotRateView.as_view(), name="evaluation-not-rate"),
    path("ngoai-le-ty-le/", views_quota.QuotaExceptionsView.as_view(), name="quota-exceptions"),
    path(
        "ngoai-le-ty-le/ghi/",
        views_quota.QuotaExceptionGrantView.as_view(),
        name="quota-exception-grant",
    ),
    path(
        "ngoai-le-ty-le/<int:pk>/bo/",
        views_quota.QuotaExceptionRevokeView.as_view(),
        name="quota-exception-revoke",
    ),
    path("phieu/<int:pk>/dang-vien/", views.PartyView.as_view(), name="evaluation-party"),
    path(
        "cong-chuc/<str:code>/<int:year>/nhiem-vu/",
        views.TaskRecordsView.as_view(),
        name="task-records",
    ),
    path(
        "cong-chuc/<str:code>/<int:year>/nhiem-vu/them/",
        views.TaskRecordAddView.as_view(),
        name="task-record-add",
    ),
    path(
        "cong-chuc/<str:code>/<int:year>/nhiem-vu/<int:pk>/xoa/",
        views.TaskRecordDeleteView.as_view(),
        name="task-record-delete",
    ),
    path("cong-chuc/<str:code>/ky-luat/", views.DisciplineView.as_view(), name="discipline"),
    path(
        "cong-chuc/<str:code>/ky-luat/them/",
        views.DisciplineAddView.as_view(),
        name="discipline-add",
    ),
    path("bao-cao/", views.ReportView.as_view(), name="report"),
    path("bao-cao.xlsx", views.ReportExportView.as_view(), name="report-export"),
    path("bao-cao.pdf", views.ReportPdfView.as_view(), name="report-pdf"),
    path("nhap/", views_import.RatingsImportView.as_view(), name="ratings-import"),
    path("nhap/mau.xlsx", views_import.RatingsTemplateView.as_view(), name="ratings-template"),
    path("nhap/loi.xlsx", views_import.RatingsImportErrorsView.as_view(), name="ratings-errors"),
    path("tinh-gian/", views_streamlining.ReviewListView.as_view(), name="review-list"),
    path("tinh-gian/mo/", views_streamlining.ReviewCreateView.as_view(), name="review-create"),
    path(
        "tinh-gian/<int:pk>/", views_streamlining.ReviewDetailView.as_view(), name="review-detail"
    ),
    path(
        "tinh-gian/<int:pk>/quyet-dinh/<str:code>/",
        views_streamlining.CaseDecideView.as_view(),
        name="case-decide",
    ),
    path(
        "tinh-gian/<int:pk>/danh-sach.xlsx",
        views_streamlining.ReviewExportView.as_view(),
        name="review-export",
    ),
    path(
        "tinh-gian/<int:pk>/danh-sach.pdf",
        views_streamlining.ReviewExportPdfView.as_view(),
        name="review-export-pdf",
    ),
    path(
        "cong-chuc/<str:code>/du-lieu-tinh-gian/",
        views_streamlining.PersonFactsView.as_view(),
        name="person-facts",
    ),
    path(
        "cong-chuc/<str:code>/du-lieu-tinh-gian/chua-dat-chuan/",
        views_streamlining.QualificationGapView.as_view(),
        name="fact-gap",
    ),
    path(
        "cong-chuc/<str:code>/du-lieu-tinh-gian/doi-du/",
        views_streamlining.SurplusView.as_view(),
        name="fact-surplus",
    ),
    path(
        "cong-chuc/<str:code>/du-lieu-tinh-gian/chua-xem-xet/",
        views_streamlining.CircumstanceView.as_view(),
        name="fact-circumstance",
    ),
    path("boi-duong/", views_training.TrainingPlanListView.as_view(), name="training-plans"),
    path(
        "boi-duong/ket-qua/<int:pk>/",
        views_training.TrainingCompleteView.as_view(),
        name="training-complete",
    ),
    path("boi-duong/<str:code>/", views_training.TrainingPlanView.as_view(), name="training-plan"),
    path(
        "boi-duong/<str:code>/cu/",
        views_training.TrainingAssignView.as_view(),
        name="training-assign",
    ),
    path(
        "boi-duong/<str:code>/danh-sach.xlsx",
        views_training.TrainingExportView.as_view(),
        name="training-export",
    ),
    path(
        "boi-duong/<str:code>/danh-sach.pdf",
        views_training.TrainingExportPdfView.as_view(),
        name="training-export-pdf",
    ),
    path(
        "boi-duong/<str:code>/bao-cao/",
        views_training.TrainingReportView.as_view(),
        name="training-report",
    ),
    path(
        "boi-duong/<str:code>/bao-cao.xlsx",
        views_training.TrainingReportExportView.as_view(),
        name="training-report-export",
    ),
    path(
        "boi-duong/<str:code>/bao-cao.pdf",
        views_training.TrainingReportPdfView.as_view(),
        name="training-report-export-pdf",
    ),
    path(
        "boi-duong/<str:code>/kiem-tra-lai/",
        views_training.RetestCreateView.as_view(),
        name="retest-create",
    ),
]
