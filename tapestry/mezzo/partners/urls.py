"""Addresses of the partner pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="partner_list"),
    path("new/", views.partnership_create, name="partnership_create"),
    path("organisation/<int:pk>/", views.partner_detail, name="partner_detail"),
    path("organisation/<int:pk>/contacts/new/", views.contact_add, name="contact_add"),
    path("agreements/<int:pk>/edit/", views.partnership_edit, name="partnership_edit"),
    path(
        "agreements/<int:pk>/incoming-referrals/new/",
        views.incoming_referral_create,
        name="incoming_referral_create",
    ),
]
