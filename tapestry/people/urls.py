"""Addresses of the people pages; every name here is declared in tapestry.access.routes."""

from django.urls import path

from tapestry.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("search/", views.person_search, name="person_search"),
    path("new/", views.person_create, name="person_create"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("<int:pk>/aliases/new/", views.alias_add, name="alias_add"),
    path("<int:pk>/contacts/new/", views.contact_add, name="contact_add"),
    path("<int:pk>/addresses/new/", views.address_add, name="address_add"),
    path("<int:pk>/relationships/new/", views.relationship_add, name="relationship_add"),
    path("<int:pk>/consents/new/", views.consent_add, name="consent_add"),
    path("consents/<int:pk>/revoke/", views.consent_revoke, name="consent_revoke"),
    path("<int:pk>/disclosures/", views.person_disclosures, name="person_disclosures"),
    path("<int:pk>/merge/", views.person_merge, name="person_merge"),
    path("households/", views.household_list, name="household_list"),
    path("households/new/", views.household_create, name="household_create"),
    path("households/<int:pk>/", views.household_detail, name="household_detail"),
    path("households/<int:pk>/members/new/", views.household_member_add, name="household_member_add"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<int:pk>/contacts/new/",
        views.organisation_contact_add,
        name="organisation_contact_add",
    ),
]
