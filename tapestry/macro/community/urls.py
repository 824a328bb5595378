"""Addresses of the community needs assessment pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.community import views

app_name = "community"
urlpatterns = [
    path("", views.assessment_list, name="assessment_list"),
    path("new/", views.assessment_create, name="assessment_create"),
    path("<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path("<int:pk>/results/", views.assessment_results, name="assessment_results"),
    path("<int:pk>/surveys/new/", views.survey_create, name="survey_create"),
    path("<int:pk>/assets/new/", views.asset_add, name="asset_add"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/questions/", views.question_add, name="question_add"),
    path("surveys/<int:pk>/link/", views.survey_link, name="survey_link"),
    path("surveys/<int:pk>/responses/new/", views.response_enter, name="response_enter"),
    path("indicators/import/", views.indicator_import, name="indicator_import"),
]
