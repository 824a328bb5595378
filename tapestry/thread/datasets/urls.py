"""URLs of research data sets, under /thread/datasets/."""

from __future__ import annotations

from django.urls import path

from tapestry.thread.datasets import views

app_name = "datasets"

urlpatterns = [
    path("", views.data_set_list, name="data_set_list"),
    path("new/", views.data_set_create, name="data_set_create"),
    path("<int:pk>/", views.data_set_detail, name="data_set_detail"),
    path("<int:pk>/export/", views.export_request, name="export_request"),
    path("exports/<int:pk>/", views.export_detail, name="export_detail"),
    path("exports/<int:pk>/download/", views.export_download, name="export_download"),
]
