"""Addresses of the case pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.micro.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("caseload/", views.caseload, name="caseload"),
    path("new/", views.case_open, name="case_open"),
    path("new/<int:person_pk>/", views.case_open, name="case_open_for"),
    path("person/<int:person_pk>/", views.person_cases, name="person_cases"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/summary.pdf", views.case_summary_pdf, name="case_summary_pdf"),
    path("<int:pk>/edit/", views.case_edit, name="case_edit"),
    path("<int:pk>/hold/", views.case_hold, name="case_hold"),
    path("<int:pk>/reopen/", views.case_reopen, name="case_reopen"),
    path("<int:pk>/close/", views.case_close, name="case_close"),
    path("<int:case_pk>/needs/new/", views.need_add, name="need_add"),
    path("needs/<int:pk>/status/", views.need_status, name="need_status"),
]
