"""Addresses of the prevention pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo.prevention import views

app_name = "prevention"
urlpatterns = [
    path("", views.program_list, name="program_list"),
    path("new/", views.program_create, name="program_create"),
    path("<int:pk>/", views.program_detail, name="program_detail"),
    path("<int:pk>/edit/", views.program_edit, name="program_edit"),
    path("<int:pk>/activities/new/", views.activity_add, name="activity_add"),
    path("<int:pk>/measures/new/", views.measure_add, name="measure_add"),
]
