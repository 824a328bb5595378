"""Addresses of the advocacy pages; every name here is declared in advocacy/routes.py."""

from django.urls import path

from tapestry.micro.advocacy import views

app_name = "advocacy"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/new/", views.action_new, name="action_new"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
]
