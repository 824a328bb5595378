"""Addresses of the school social work pages; every name is declared in school/routes.py."""

from django.urls import path

from tapestry.micro.school import views

app_name = "school"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/students/new/", views.student_enrol, name="student_enrol"),
    path("case/<int:case_pk>/incidents/new/", views.incident_add, name="incident_add"),
    path("case/<int:case_pk>/support-plan/", views.support_plan, name="support_plan"),
    path("case/<int:case_pk>/support-plan/edit/", views.support_plan_edit, name="support_plan_edit"),
    path("case/<int:case_pk>/support-plan/contacts/new/", views.engagement_add, name="engagement_add"),
    path("students/<int:pk>/", views.student_detail, name="student_detail"),
    path("students/<int:pk>/attendance/", views.attendance_week, name="attendance_week"),
    path("students/<int:pk>/directory-opt-out/", views.directory_opt_out, name="directory_opt_out"),
    path("alerts/<int:pk>/follow-up/", views.alert_follow_up, name="alert_follow_up"),
]
