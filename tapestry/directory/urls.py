"""Addresses of the resource directory pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("services/<int:pk>/", views.service_detail, name="service_detail"),
    path("import/", views.import_upload, name="import"),
]
