"""Addresses of the cohort pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo.cohorts import views

app_name = "cohorts"
urlpatterns = [
    path("", views.cohort_list, name="cohort_list"),
    path("new/", views.cohort_create, name="cohort_create"),
    path("<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path("<int:pk>/edit/", views.cohort_edit, name="cohort_edit"),
    path("<int:pk>/members/add/", views.member_add, name="member_add"),
    path("<int:pk>/members/<int:member_pk>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/actions/<slug:kind>/", views.bulk_action, name="bulk_action"),
    path("<int:pk>/progress/", views.cohort_progress, name="cohort_progress"),
]
