"""Addresses of the casework pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.micro.casework import views

app_name = "casework"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/plan/", views.plan_detail, name="plan_detail"),
    path("case/<int:case_pk>/plan/edit/", views.plan_edit, name="plan_edit"),
    path("case/<int:case_pk>/plan/revisions/<int:number>/", views.revision_detail, name="revision_detail"),
    path("case/<int:case_pk>/goals/new/", views.goal_create, name="goal_create"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("case/<int:case_pk>/tasks/new/", views.task_create, name="task_create"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("case/<int:case_pk>/reviews/new/", views.review_create, name="review_create"),
    path("case/<int:case_pk>/notes/new/", views.note_create, name="note_create"),
    path("case/<int:case_pk>/notes/autosave/", views.note_autosave_new, name="note_autosave_new"),
    path("notes/<int:pk>/", views.note_detail, name="note_detail"),
    path("notes/<int:pk>/autosave/", views.note_autosave, name="note_autosave"),
    path("drafts/", views.drafts, name="drafts"),
    path("notes/<int:pk>/edit/", views.note_edit, name="note_edit"),
    path("notes/<int:pk>/sign/", views.note_sign, name="note_sign"),
    path("notes/<int:pk>/addenda/new/", views.addendum_add, name="addendum_add"),
    path("case/<int:case_pk>/services/", views.service_list, name="service_list"),
    path("case/<int:case_pk>/services/new/", views.service_create, name="service_create"),
]
