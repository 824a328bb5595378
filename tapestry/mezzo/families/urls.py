"""Addresses of the family-plan pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo.families import views

app_name = "families"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/plan/", views.plan_edit, name="plan_edit"),
    path("case/<int:case_pk>/goals/new/", views.goal_create, name="goal_create"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/referrals/new/", views.goal_referral_create, name="goal_referral_create"),
]
