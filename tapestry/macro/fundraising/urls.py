"""Addresses of the fundraising pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.fundraising import views

app_name = "fundraising"
urlpatterns = [
    path("", views.summary, name="summary"),
    path("donors/", views.donor_list, name="donor_list"),
    path("donors/new/", views.donor_create, name="donor_create"),
    path("donors/<int:pk>/", views.donor_detail, name="donor_detail"),
    path("donors/<int:pk>/edit/", views.donor_edit, name="donor_edit"),
    path("donors/<int:pk>/gifts-<int:year>.pdf", views.annual_summary, name="annual_summary"),
    path("donations/new/", views.donation_create, name="donation_create"),
    path("donations/<int:pk>/void/", views.donation_void, name="donation_void"),
    path("donations/<int:pk>/receipt/", views.receipt_issue, name="receipt_issue"),
    path("donations/<int:pk>/receipt.pdf", views.receipt_pdf, name="receipt_pdf"),
    path("recurring/", views.recurring_list, name="recurring_list"),
    path("recurring/new/", views.recurring_create, name="recurring_create"),
    path("recurring/<int:pk>/edit/", views.recurring_edit, name="recurring_edit"),
    path("exchange/", views.osdi_page, name="osdi_page"),
    path("exchange/donations.json", views.osdi_export, name="osdi_export"),
]
