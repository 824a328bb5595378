"""Addresses of the case workspace's sections; every name here is declared in this app's routes.py."""

from django.urls import path

from tapestry.micro.workspace import views

app_name = "workspace"
urlpatterns = [
    path("case/<int:case_pk>/notes/", views.notes, name="notes"),
    path("case/<int:case_pk>/scores/", views.scores, name="scores"),
    path("case/<int:case_pk>/plan/", views.plan, name="plan"),
    path("case/<int:case_pk>/referrals/", views.referrals, name="referrals"),
    path("case/<int:case_pk>/consents/", views.consents, name="consents"),
]
