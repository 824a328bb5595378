"""Addresses of the program pages (under /mezzo/, as before); every name here is declared in routes.py."""

from django.urls import path

from tapestry.programs import views

app_name = "programs"
urlpatterns = [
    path("programs/", views.program_list, name="program_list"),
    path("programs/new/", views.program_create, name="program_create"),
    path("programs/<int:pk>/", views.program_detail, name="program_detail"),
    path("programs/<int:pk>/edit/", views.program_edit, name="program_edit"),
    path("programs/<int:pk>/staff/", views.program_staff, name="program_staff"),
    path("programs/staff/<int:pk>/remove/", views.staff_remove, name="staff_remove"),
    path("programs/<int:pk>/logic-model/", views.logic_model_edit, name="logic_model_edit"),
    path("programs/logic-model/<int:pk>/edit/", views.logic_item_edit, name="logic_item_edit"),
    path("programs/logic-model/<int:pk>/remove/", views.logic_item_remove, name="logic_item_remove"),
    path("programs/logic-model/<int:pk>/move/", views.logic_item_move, name="logic_item_move"),
    path("programs/<int:pk>/budget/", views.program_budget, name="program_budget"),
    path("programs/budget/<int:pk>/edit/", views.budget_line_edit, name="budget_line_edit"),
    path("programs/budget/<int:pk>/remove/", views.budget_line_remove, name="budget_line_remove"),
    path("programs/<int:pk>/reach/", views.program_reach_page, name="program_reach"),
]
