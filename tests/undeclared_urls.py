"""A URLconf with one route the access policy does not know, for the matrix test."""

from django.http import HttpResponse
from django.urls import include, path


def sneaky(request):
    return HttpResponse("client list")


urlpatterns = [path("sneaky/", sneaky, name="sneaky"), path("", include("tapestry.urls"))]
