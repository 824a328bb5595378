"""Addresses of the referral pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.micro.referrals import views

app_name = "referrals"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/new/", views.referral_create, name="referral_create"),
    path("<int:pk>/", views.referral_detail, name="referral_detail"),
    path("<int:pk>/send/", views.referral_send, name="referral_send"),
    path("<int:pk>/status/", views.referral_status, name="referral_status"),
    path("<int:pk>/summary/", views.referral_summary, name="referral_summary"),
]
