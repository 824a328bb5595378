"""Addresses of the needs pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.thread.rollups import views

app_name = "rollups"
urlpatterns = [
    path("", views.needs_index, name="needs_index"),
    path("need/<int:pk>/", views.need_detail, name="need_detail"),
    path("barrier/<int:pk>/", views.barrier_detail, name="barrier_detail"),
]
