"""Addresses of the treatment pages; every name is declared in treatment/routes.py."""

from django.urls import path

from tapestry.micro.treatment import views

app_name = "treatment"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/plan/", views.plan_edit, name="plan_edit"),
    path("case/<int:case_pk>/medication/new/", views.checkin_add, name="checkin_add"),
    path("case/<int:case_pk>/team-notes/new/", views.team_note_add, name="team_note_add"),
    path("case/<int:case_pk>/releases/new/", views.release_add, name="release_add"),
    path("releases/<int:pk>/", views.release_detail, name="release_detail"),
]
