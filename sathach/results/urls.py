"""Pages of the results app: the plan's results under /ke-hoach/<code>/ket-qua/, a candidate's
own under /ket-qua/, the item analysis of a computer part under /ke-hoach/<code>/phan-thi/<pk>/
phan-tich-cau-hoi/ (views_analysis)."""

from django.urls import path

from . import views, views_analysis

app_name = "results"
urlpatterns = [
    path("ket-qua/", views.MyResultsView.as_view(), name="my-results"),
    path("ket-qua/<int:pk>/phieu-bao-ket-qua.pdf", views.MySlipView.as_view(), name="my-slip"),
    path("ke-hoach/<str:code>/ket-qua/", views.PlanResultsView.as_view(), name="plan-results"),
    path(
        "ke-hoach/<str:code>/ket-qua/tinh/",
        views.ResultsComputeView.as_view(),
        name="results-compute",
    ),
    path(
        "ke-hoach/<str:code>/ket-qua/cong-bo/",
        views.ResultsPublishView.as_view(),
        name="results-publish",
    ),
    path(
        "ke-hoach/<str:code>/ket-qua/bang-tong-hop.xlsx",
        views.ResultsExportView.as_view(),
        name="results-export",
    ),
    path(
        "ke-hoach/<str:code>/ket-qua/diem/<int:pk>/dinh-chinh/",
        views.CorrectionProposeView.as_view(),
        name="correction-propose",
    ),
    path(
        "ke-hoach/<str:code>/ket-qua/dinh-chinh/<int:pk>/duyet/",
        views.CorrectionApproveView.as_view(),
        name="correction-approve",
    ),
    path(
        "ke-hoach/<str:code>/ket-qua/dinh-chinh/<int:pk>/khong-duyet/",
        views.CorrectionRejectView.as_view(),
        name="correction-reject",
    ),
]

# Item analysis of a computer part (views_analysis).
urlpatterns += [
    path(
        "ke-hoach/<str:code>/phan-thi/<int:pk>/phan-tich-cau-hoi/",
        views_analysis.PartAnalysisView.as_view(),
        name="part-analysis",
    ),
    path(
        "ke-hoach/<str:code>/phan-thi/<int:pk>/phan-tich-cau-hoi/chay/",
        views_analysis.ItemAnalysisRunView.as_view(),
        name="item-analysis-run",
    ),
    path(
        "ke-hoach/<str:code>/phan-tich-cau-hoi/<int:pk>/",
        views_analysis.ItemAnalysisDetailView.as_view(),
        name="item-analysis-detail",
    ),
    path(
        "ke-hoach/<str:code>/phan-tich-cau-hoi/<int:pk>/bang-phan-tich.xlsx",
        views_analysis.ItemAnalysisExportView.as_view(),
        name="item-analysis-export",
    ),
    path(
        "ke-hoach/<str:code>/phan-tich-cau-hoi/<int:pk>/dua-ve-ngan-hang/",
        views_analysis.CalibrationApplyView.as_view(),
        name="calibration-apply",
    ),
    path(
        "ke-hoach/<str:code>/phan-tich-cau-hoi/<int:pk>/bai-lam-giong-nhau/",
        views_analysis.SimilarityListView.as_view(),
        name="similarity-list",
    ),
    path(
        "ke-hoach/<str:code>/bai-lam-giong-nhau/<int:pk>/xem-xet/",
        views_analysis.SimilarityReviewView.as_view(),
        name="similarity-review",
    ),
]
