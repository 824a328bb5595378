"""Addresses of the mediation pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo.mediation import views

app_name = "mediation"
urlpatterns = [
    path("", views.dispute_list, name="dispute_list"),
    path("new/", views.dispute_create, name="dispute_create"),
    path("follow-ups/", views.follow_ups, name="follow_ups"),
    path("<int:pk>/", views.dispute_detail, name="dispute_detail"),
    path("<int:pk>/edit/", views.dispute_edit, name="dispute_edit"),
    path("<int:pk>/close/", views.dispute_close, name="dispute_close"),
    path("<int:pk>/parties/new/", views.party_add, name="party_add"),
    path("<int:pk>/sessions/new/", views.session_add, name="session_add"),
    path("<int:pk>/issues/new/", views.issue_add, name="issue_add"),
    path("issues/<int:issue_pk>/status/", views.issue_status, name="issue_status"),
    path("<int:pk>/agreements/new/", views.agreement_add, name="agreement_add"),
    path("agreements/<int:agreement_pk>/follow-up/", views.agreement_follow_up, name="agreement_follow_up"),
]
