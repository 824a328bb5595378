"""Addresses of evidence packs; every name here is declared in routes.py."""

from django.urls import path

from tapestry.thread.packs import views

app_name = "packs"
urlpatterns = [
    path("", views.pack_list, name="pack_list"),
    path("<int:pk>/", views.pack_detail, name="pack_detail"),
    path("<int:pk>/edit/", views.pack_edit, name="pack_edit"),
    path("<int:pk>/pack.pdf", views.pack_pdf, name="pack_pdf"),
    path("<int:pk>/pack.csv", views.pack_csv, name="pack_csv"),
    path("for-campaign/<int:campaign_id>/new/", views.pack_create, name="pack_create"),
]
