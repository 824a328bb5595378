"""URLs of group outcomes, mounted at /mezzo/outcomes/."""

from django.urls import path

from tapestry.mezzo.group_outcomes import views

app_name = "group_outcomes"

urlpatterns = [
    path("group/<int:group_pk>/goals/", views.goals, name="goals"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("group/<int:group_pk>/measures/", views.measures, name="measures"),
    path("group/<int:group_pk>/instruments/", views.instrument_add, name="instrument_add"),
    path(
        "group/<int:group_pk>/member/<int:membership_pk>/<slug:code>/<slug:phase>/",
        views.measure_record,
        name="measure_record",
    ),
    path("measures/<int:pk>/correct/", views.measure_correct, name="measure_correct"),
    path(
        "member/<int:membership_pk>/from-assessment/",
        views.measure_from_assessment,
        name="measure_from_assessment",
    ),
    path("group/<int:group_pk>/report/", views.report, name="report"),
    path("group/<int:group_pk>/summary/", views.summary, name="summary"),
]
