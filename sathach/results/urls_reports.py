"""Pages of the reports: the index under /bao-cao/; a plan's reports under
/ke-hoach/<code>/bao-cao/ and its records under /ke-hoach/<code>/ho-so/."""

from django.urls import path

from . import views_reports as views

app_name = "reports"
urlpatterns = [
    path("bao-cao/", views.ReportIndexView.as_view(), name="index"),
    path("ke-hoach/<str:code>/bao-cao/", views.DashboardView.as_view(), name="dashboard"),
    path(
        "ke-hoach/<str:code>/bao-cao/don-vi/<str:unit>/",
        views.UnitReportView.as_view(),
        name="unit",
    ),
    path("ke-hoach/<str:code>/bao-cao/chu-de/", views.TopicReportView.as_view(), name="topics"),
    path("ke-hoach/<str:code>/bao-cao/khong-dat/", views.BelowBarView.as_view(), name="below-bar"),
    path(
        "ke-hoach/<str:code>/bao-cao/bang-tong-hop-pdf/",
        views.ResultsSummaryPdfView.as_view(),
        name="summary-pdf",
    ),
    path(
        "ke-hoach/<str:code>/bao-cao/tai-ve/<str:kind>.<str:fmt>",
        views.ReportExportView.as_view(),
        name="export",
    ),
    path("ke-hoach/<str:code>/ho-so/", views.RecordsView.as_view(), name="records"),
    path(
        "ke-hoach/<str:code>/ho-so/phong/<int:pk>/danh-sach.pdf",
        views.RoomRecordPdfView.as_view(kind="danh-sach"),
        name="attendance-pdf",
    ),
    path(
        "ke-hoach/<str:code>/ho-so/phong/<int:pk>/bien-ban.pdf",
        views.RoomRecordPdfView.as_view(kind="bien-ban"),
        name="room-record-pdf",
    ),
    path(
        "ke-hoach/<str:code>/ho-so/ca-thi/<int:pk>/",
        views.SittingRecordsView.as_view(),
        name="sitting-records",
    ),
]
