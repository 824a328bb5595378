"""Addresses of the mezzo pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo import views

app_name = "mezzo"
urlpatterns = [
    path("programs/", views.program_list, name="program_list"),
    path("programs/new/", views.program_create, name="program_create"),
]
