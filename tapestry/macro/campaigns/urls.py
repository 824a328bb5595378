"""Addresses of the campaign pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("new/", views.campaign_create, name="campaign_create"),
    path("<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<int:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("<int:pk>/targets/new/", views.target_add, name="target_add"),
    path("<int:pk>/milestones/new/", views.milestone_add, name="milestone_add"),
    path("<int:pk>/activities/new/", views.activity_add, name="activity_add"),
    path("<int:pk>/petitions/new/", views.petition_add, name="petition_add"),
    path("<int:pk>/outreach/new/", views.outreach_log, name="outreach_log"),
    path("<int:pk>/won/new/", views.won_service_add, name="won_service_add"),
    path("milestones/<int:pk>/reached/", views.milestone_reached, name="milestone_reached"),
    path("petitions/<int:pk>/", views.petition_detail, name="petition_detail"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/answers/new/", views.attendee_add, name="attendee_add"),
    path("answers/<int:pk>/attended/", views.attendee_mark, name="attendee_mark"),
    path("petitions/<int:pk>/signatures/new/", views.signature_add, name="signature_add"),
    path("<int:pk>/osdi.json", views.osdi_export, name="osdi_export"),
    path("import/", views.osdi_import, name="osdi_import"),
    path("supporters/", views.supporter_list, name="supporter_list"),
    path("supporters/new/", views.supporter_add, name="supporter_add"),
]
