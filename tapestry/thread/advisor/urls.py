"""Addresses of the level advisor's pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.thread.advisor import views

app_name = "advisor"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/enrol/", views.enrol, name="enrol"),
    path("case/<int:case_pk>/refer/", views.refer, name="refer"),
    path("case/<int:case_pk>/tell/", views.tell, name="tell"),
]
