"""Addresses of the supervision pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.micro.supervision import views

app_name = "supervision"
urlpatterns = [
    path("team/", views.team_workload, name="team_workload"),
    path("sessions/new/", views.session_add, name="session_add"),
    path("duplicates/", views.duplicate_queue, name="duplicate_queue"),
    path("duplicates/dismiss/", views.duplicate_dismiss, name="duplicate_dismiss"),
]
