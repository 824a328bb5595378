"""Addresses of the child-welfare pages; every name here is declared in this app's routes.py."""

from django.urls import path

from tapestry.micro.child_welfare.views import investigation, placements, reports, safety

app_name = "child_welfare"
# Each page is named after its view (`child_welfare:report_detail` is reports.report_detail).
PAGES = [
    ("case/<int:case_pk>/", reports.case_index),
    ("case/<int:case_pk>/reports/new/", reports.report_create),
    ("person/<int:person_pk>/reports/new/", reports.report_create_for_person),
    ("reports/<int:pk>/", reports.report_detail),
    ("reports/<int:pk>/screening/", reports.report_screen),
    ("reports/<int:pk>/allegations/new/", reports.allegation_add),
    ("reports/<int:pk>/people/new/", reports.participant_add),
    ("reports/<int:pk>/investigation/start/", investigation.investigation_start),
    ("reports/<int:pk>/investigation/contacts/new/", investigation.contact_add),
    ("reports/<int:pk>/investigation/close/", investigation.investigation_close),
    ("allegations/<int:pk>/finding/", investigation.finding_record),
    ("case/<int:case_pk>/safety/new/", safety.safety_create),
    ("safety/<int:pk>/", safety.safety_detail),
    ("safety/<int:pk>/plan/new/", safety.safety_plan_create),
    ("safety/<int:pk>/plan/edit/", safety.safety_plan_edit),
    ("safety/<int:pk>/plan/actions/new/", safety.safety_action_add),
    ("case/<int:case_pk>/placements/new/", placements.placement_create),
    ("placements/<int:pk>/end/", placements.placement_end),
    ("case/<int:case_pk>/hearings/new/", placements.hearing_create),
    ("hearings/<int:pk>/outcome/", placements.hearing_outcome),
    ("case/<int:case_pk>/permanency/new/", placements.permanency_goal_create),
    ("case/<int:case_pk>/tpr/new/", placements.termination_review_create),
]
urlpatterns = [path(route, view, name=view.__name__) for route, view in PAGES]
