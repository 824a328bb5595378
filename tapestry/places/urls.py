"""Addresses of the places pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.places import views

app_name = "places"
urlpatterns = [
    path("", views.area_list, name="area_list"),
    path("new/", views.area_create, name="area_create"),
    path("import/", views.boundary_import, name="import"),
    path("map/", views.case_map, name="case_map"),
    path("<int:pk>/", views.area_detail, name="area_detail"),
    path("<int:pk>/edit/", views.area_edit, name="area_edit"),
]
