"""Addresses of the coalition pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.macro.coalitions import views

app_name = "coalitions"
urlpatterns = [
    path("", views.coalition_list, name="coalition_list"),
    path("new/", views.coalition_create, name="coalition_create"),
    path("<int:pk>/", views.coalition_detail, name="coalition_detail"),
    path("<int:pk>/edit/", views.coalition_edit, name="coalition_edit"),
    path("<int:pk>/members/new/", views.member_add, name="member_add"),
    path("<int:pk>/goals/new/", views.goal_add, name="goal_add"),
    path("<int:pk>/meetings/new/", views.meeting_record, name="meeting_record"),
    path("members/<int:pk>/leave/", views.member_leave, name="member_leave"),
    path("goals/<int:pk>/status/", views.goal_status, name="goal_status"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
]
