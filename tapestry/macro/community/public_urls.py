"""The public survey link, mounted at /s/ (see tapestry/urls.py); declared PUBLIC in routes.py."""

from django.urls import path

from tapestry.macro.community import public

app_name = "survey_public"
urlpatterns = [path("<str:token>/", public.answer, name="answer")]
