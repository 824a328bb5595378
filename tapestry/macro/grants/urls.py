"""Addresses of the grants pages (under /macro/grants/); every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.grants import views

app_name = "grants"
urlpatterns = [
    path("", views.pipeline, name="pipeline"),
    path("funders/", views.funder_list, name="funder_list"),
    path("funders/new/", views.funder_create, name="funder_create"),
    path("funders/<int:pk>/", views.funder_detail, name="funder_detail"),
    path("funders/<int:pk>/edit/", views.funder_edit, name="funder_edit"),
    path("opportunities/", views.opportunity_list, name="opportunity_list"),
    path("opportunities/new/", views.opportunity_create, name="opportunity_create"),
    path("opportunities/<int:pk>/", views.opportunity_detail, name="opportunity_detail"),
    path("opportunities/<int:pk>/edit/", views.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/apply/", views.application_create, name="application_create"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/move/", views.application_move, name="application_move"),
    path("applications/<int:pk>/proposal/", views.proposal_save, name="proposal_save"),
    path("applications/<int:pk>/award/", views.award_create, name="award_create"),
    path("proposals/<int:pk>/", views.proposal_version, name="proposal_version"),
    path("awards/<int:pk>/edit/", views.award_edit, name="award_edit"),
    path("awards/<int:pk>/programs/", views.award_program_add, name="award_program_add"),
    path("awards/<int:pk>/deliverables/", views.deliverable_add, name="deliverable_add"),
    path("awards/<int:pk>/reports/", views.report_add, name="report_add"),
    path("deliverables/<int:pk>/edit/", views.deliverable_edit, name="deliverable_edit"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("deadlines/", views.deadline_list, name="deadline_list"),
    path("awards/<int:pk>/funder-reports/new/", views.funder_report_create, name="funder_report_create"),
    path("funder-reports/<int:pk>/", views.funder_report_detail, name="funder_report_detail"),
    path("funder-reports/<int:pk>/edit/", views.funder_report_edit, name="funder_report_edit"),
    path("funder-reports/<int:pk>/submit/", views.funder_report_submit, name="funder_report_submit"),
    path("funder-reports/<int:pk>/pdf/", views.funder_report_pdf, name="funder_report_pdf"),
]
