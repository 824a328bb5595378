"""Addresses of the crisis pages; every name here is declared in crisis/routes.py."""

from django.urls import path

from tapestry.micro.crisis import views

app_name = "crisis"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/risk-assessments/new/", views.risk_assessment_new, name="risk_assessment_new"),
    path("risk-assessments/<int:pk>/", views.risk_assessment_detail, name="risk_assessment_detail"),
    path("case/<int:case_pk>/safety-plan/", views.safety_plan, name="safety_plan"),
    path("case/<int:case_pk>/safety-plan/edit/", views.safety_plan_edit, name="safety_plan_edit"),
    path("case/<int:case_pk>/safety-plan/print/", views.safety_plan_print, name="safety_plan_print"),
    path("case/<int:case_pk>/safety-plan/pdf/", views.safety_plan_pdf, name="safety_plan_pdf"),
    path("case/<int:case_pk>/follow-ups/new/", views.follow_up_new, name="follow_up_new"),
    path("follow-ups/<int:pk>/complete/", views.follow_up_complete, name="follow_up_complete"),
]
