from django.urls import path

from . import views

app_name = "bank"
urlpatterns = [
    path("", views.ItemListView.as_view(), name="item-list"),
    path("cau-hoi/moi/", views.ItemCreateView.as_view(), name="item-create"),
    path("cau-hoi/<int:pk>/", views.ItemDetailView.as_view(), name="item-detail"),
    path("cau-hoi/<int:pk>/sua/", views.ItemUpdateView.as_view(), name="item-update"),
    path(
        "cau-hoi/<int:pk>/gui-tham-dinh/",
        views.ItemActionView.as_view(action="submit"),
        name="item-submit",
    ),
    path(
        "cau-hoi/<int:pk>/phe-duyet/",
        views.ItemActionView.as_view(action="approve"),
        name="item-approve",
    ),
    path(
        "cau-hoi/<int:pk>/tra-lai/",
        views.ItemActionView.as_view(action="return"),
        name="item-return",
    ),
    path("xem-truoc/", views.ItemPreviewView.as_view(), name="item-preview"),
    path("tham-dinh/", views.ReviewQueueView.as_view(), name="review-queue"),
    path("tep/<str:sha256>/", views.AssetView.as_view(), name="asset"),
    path("nhap/", views.ImportView.as_view(), name="import"),
    path("mau.xlsx", views.TemplateDownloadView.as_view(), name="template"),
]
