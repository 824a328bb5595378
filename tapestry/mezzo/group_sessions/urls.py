"""Addresses of the group-session pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.mezzo.group_sessions import views

app_name = "group_sessions"
urlpatterns = [
    path("", views.group_list, name="group_list"),
    path("group/<int:group_pk>/", views.session_list, name="session_list"),
    path("group/<int:group_pk>/new/", views.session_create, name="session_create"),
    path("group/<int:group_pk>/today/", views.session_today, name="session_today"),
    path("group/<int:group_pk>/attendance/", views.rates, name="rates"),
    path("group/<int:group_pk>/attendance-summary/", views.attendance_summary, name="attendance_summary"),
    path("<int:pk>/", views.session_detail, name="session_detail"),
    path("<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/note/", views.note_detail, name="note_detail"),
    path("<int:pk>/note/edit/", views.note_edit, name="note_edit"),
    path("mentions/<int:pk>/", views.mention_detail, name="mention_detail"),
]
