"""Addresses of the legislation pages (under /macro/legislation/); every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.legislation import views

app_name = "legislation"
urlpatterns = [
    path("", views.bill_list, name="bill_list"),
    path("new/", views.bill_create, name="bill_create"),
    path("import/", views.bill_import, name="bill_import"),
    path("legislators/", views.legislators, name="legislators"),
    path("<int:pk>/", views.bill_detail, name="bill_detail"),
    path("<int:pk>/edit/", views.bill_edit, name="bill_edit"),
    path("<int:pk>/openstates.json", views.bill_openstates, name="bill_openstates"),
    path("<int:pk>/follow/", views.bill_follow, name="bill_follow"),
    path("<int:pk>/actions/", views.action_add, name="action_add"),
    path("<int:pk>/sponsors/", views.sponsorship_add, name="sponsorship_add"),
    path("<int:pk>/versions/", views.version_add, name="version_add"),
    path("<int:pk>/position/", views.position_edit, name="position_edit"),
    path("<int:pk>/papers/", views.paper_add, name="paper_add"),
    path("papers/<int:pk>/revise/", views.paper_revise, name="paper_revise"),
    path("<int:pk>/testimony/", views.testimony_add, name="testimony_add"),
    path("<int:pk>/contacts/", views.contact_add, name="contact_add"),
    path("<int:pk>/hearings/", views.hearing_add, name="hearing_add"),
]
