"""Addresses of the needs pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.needs import views

app_name = "needs"
urlpatterns = [path("", views.catalogue, name="catalogue")]
