"""URLs of the assessments area, mounted at /assessments/."""

from django.urls import path

from tapestry.micro.assessments import views

app_name = "assessments"

urlpatterns = [
    path("instruments/", views.instrument_list, name="instrument_list"),
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/new/<slug:code>/", views.assessment_new, name="assessment_new"),
    path("case/<int:case_pk>/form/<int:form_pk>/", views.assessment_new_custom, name="assessment_new_custom"),
    path("<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("<int:pk>/add-needs/", views.assessment_add_needs, name="assessment_add_needs"),
    path("<int:pk>/entered-in-error/", views.assessment_in_error, name="assessment_in_error"),
    path("forms/", views.custom_form_list, name="custom_form_list"),
    path("forms/new/", views.custom_form_create, name="custom_form_create"),
    path("forms/<int:pk>/", views.custom_form_edit, name="custom_form_edit"),
    path("forms/<int:pk>/questions/", views.custom_question_add, name="custom_question_add"),
    path("forms/questions/<int:pk>/choices/", views.custom_choice_add, name="custom_choice_add"),
    path("forms/<int:pk>/bands/", views.custom_band_add, name="custom_band_add"),
]
