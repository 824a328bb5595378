"""Addresses of the signals pages (under /thread/signals/); every name here is declared in routes.py."""

from django.urls import path

from tapestry.thread.signals import views

app_name = "signals"
urlpatterns = [
    path("", views.signal_list, name="list"),
    path("<int:pk>/", views.signal_detail, name="detail"),
    path("<int:pk>/accept-group/", views.accept_group, name="accept_group"),
    path("<int:pk>/accept-campaign/", views.accept_campaign, name="accept_campaign"),
    path("<int:pk>/dismiss/", views.dismiss, name="dismiss"),
]
