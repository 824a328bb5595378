"""Addresses of the child-welfare pages; every name here is declared in this app's routes.py."""

from django.urls import path

from tapestry.micro.child_welfare.views import investigation, placements, reports, safety

app_name = "child_welfare"
urlpatterns = [
    path("case/<int:case_pk>/", reports.case_index, name="case_index"),
    path("case/<int:case_pk>/reports/new/", reports.report_create, name="report_create"),
    path(
        "person/<int:person_pk>/reports/new/",
        reports.report_create_for_person,
        name="report_create_for_person",
    ),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/screening/", reports.report_screen, name="report_screen"),
    path("reports/<int:pk>/allegations/new/", reports.allegation_add, name="allegation_add"),
    path("reports/<int:pk>/people/new/", reports.participant_add, name="participant_add"),
    path(
        "reports/<int:pk>/investigation/start/", investigation.investigation_start, name="investigation_start"
    ),
    path("reports/<int:pk>/investigation/contacts/new/", investigation.contact_add, name="contact_add"),
    path(
        "reports/<int:pk>/investigation/close/", investigation.investigation_close, name="investigation_close"
    ),
    path("allegations/<int:pk>/finding/", investigation.finding_record, name="finding_record"),
    path("case/<int:case_pk>/safety/new/", safety.safety_create, name="safety_create"),
    path("safety/<int:pk>/", safety.safety_detail, name="safety_detail"),
    path("safety/<int:pk>/plan/new/", safety.safety_plan_create, name="safety_plan_create"),
    path("safety/<int:pk>/plan/edit/", safety.safety_plan_edit, name="safety_plan_edit"),
    path("safety/<int:pk>/plan/actions/new/", safety.safety_action_add, name="safety_action_add"),
    path("case/<int:case_pk>/placements/new/", placements.placement_create, name="placement_create"),
    path("placements/<int:pk>/end/", placements.placement_end, name="placement_end"),
    path("case/<int:case_pk>/hearings/new/", placements.hearing_create, name="hearing_create"),
    path("hearings/<int:pk>/outcome/", placements.hearing_outcome, name="hearing_outcome"),
    path(
        "case/<int:case_pk>/permanency/new/", placements.permanency_goal_create, name="permanency_goal_create"
    ),
    path(
        "case/<int:case_pk>/tpr/new/", placements.termination_review_create, name="termination_review_create"
    ),
]
