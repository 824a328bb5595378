"""Addresses of the timeline pages; every name here is declared in this app's routes.py."""

from django.urls import path

from tapestry.micro.timeline import views

app_name = "timeline"
urlpatterns = [
    path("person/<int:person_pk>/", views.person_timeline, name="person_timeline"),
    path("person/<int:person_pk>/ecomap/", views.person_ecomap, name="person_ecomap"),
    path("household/<int:household_pk>/genogram/", views.household_genogram, name="household_genogram"),
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
]
