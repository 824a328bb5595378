"""Addresses of the alerts pages; every name here is declared in alerts/routes.py."""

from django.urls import path

from tapestry.micro.alerts import views

app_name = "alerts"
urlpatterns = [
    path("person/<int:person_pk>/", views.person_alerts, name="person_alerts"),
    path("person/<int:person_pk>/new/", views.alert_raise, name="alert_raise"),
    path("<int:pk>/resolve/", views.alert_resolve, name="alert_resolve"),
]
