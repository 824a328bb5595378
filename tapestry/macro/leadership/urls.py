"""Addresses of the leadership pages (under /macro/leadership/); every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.leadership import views

app_name = "leadership"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("compliance/", views.compliance_list, name="compliance_list"),
    path("compliance/new/", views.compliance_create, name="compliance_create"),
    path("compliance/<int:pk>/", views.compliance_detail, name="compliance_detail"),
    path("compliance/<int:pk>/edit/", views.compliance_edit, name="compliance_edit"),
    path("compliance/<int:pk>/done/", views.compliance_done, name="compliance_done"),
    path("compliance/<int:pk>/waive/", views.compliance_waive, name="compliance_waive"),
]
