from django.urls import path

from . import views, views_roster

app_name = "org"
urlpatterns = [
    path("don-vi/", views.UnitTreeView.as_view(), name="unit-tree"),
    path("cong-chuc/", views.PersonListView.as_view(), name="person-list"),
    path("cong-chuc/<str:code>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("ho-so-cua-toi/", views.MyRecordView.as_view(), name="me"),
    path("nhap-danh-sach/", views_roster.RosterImportView.as_view(), name="roster-import"),
    path(
        "nhap-danh-sach/loi.xlsx",
        views_roster.RosterImportErrorsView.as_view(),
        name="roster-import-errors",
    ),
    path(
        "nhap-danh-sach/mau.xlsx", views_roster.RosterTemplateView.as_view(), name="roster-template"
    ),
    path("xuat-danh-sach/", views_roster.RosterExportView.as_view(), name="roster-export"),
]
