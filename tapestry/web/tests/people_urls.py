"""A URL configuration with a person's page and no case page, as before the cases app serves one."""

from django.http import HttpResponse
from django.urls import include, path

people = ([path("<int:pk>/", lambda request, pk: HttpResponse(), name="person_detail")], "people")

urlpatterns = [path("people/", include(people))]
