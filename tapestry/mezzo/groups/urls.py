"""Addresses of the group pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo.groups import views

app_name = "groups"
urlpatterns = [
    path("", views.group_list, name="group_list"),
    path("mine/", views.my_groups, name="my_groups"),
    path("mine/calendar.ics", views.my_calendar, name="my_calendar"),
    path("new/", views.group_create, name="group_create"),
    path("<int:pk>/", views.group_detail, name="group_detail"),
    path("<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("<int:pk>/calendar.ics", views.group_calendar, name="group_calendar"),
    path("<int:pk>/members/new/", views.member_register, name="member_register"),
    path("members/<int:pk>/exit/", views.membership_exit, name="membership_exit"),
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/enrol/", views.case_enrol, name="case_enrol"),
]
