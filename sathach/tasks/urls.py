"""Pages of background jobs, under /cong-viec/."""

from django.urls import path

from . import views

app_name = "tasks"
urlpatterns = [
    path("<int:pk>/", views.JobDetailView.as_view(), name="job-detail"),
    path("<int:pk>/tien-do/", views.JobProgressView.as_view(), name="job-progress"),
    path("<int:pk>/tai-ve/", views.JobDownloadView.as_view(), name="job-download"),
]
