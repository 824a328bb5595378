"""Addresses of the evaluation pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("new/", views.indicator_create, name="indicator_create"),
    path("<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
]
