from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("don-vi/", views.UnitTreeView.as_view(), name="unit-tree"),
    path("cong-chuc/", views.PersonListView.as_view(), name="person-list"),
    path("cong-chuc/<str:code>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("ho-so-cua-toi/", views.MyRecordView.as_view(), name="me"),
]
