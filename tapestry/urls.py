"""URLs: the shell, the areas of the domain and the API."""

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path
from django.views import defaults

from tapestry.access.forms import LoginForm
from tapestry.api import api
from tapestry.extensions import url_mounts

urlpatterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(template_name="access/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("access/", include("tapestry.access.urls")),
    path("people/", include("tapestry.people.urls")),
    path("api/v1/", api.urls),
    path("s/", include("tapestry.macro.community.public_urls")),
    *[path(prefix, include(module)) for prefix, module in url_mounts()],
    path("", include("tapestry.front.urls")),
]


handler403 = "tapestry.access.views.refused"


def handler404(request: HttpRequest, exception: Exception) -> HttpResponse:
    """API paths answer in the API's error format; pages get the 404 page."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": "There is no API operation at this address.", "errors": {}}, status=404
        )
    return defaults.page_not_found(request, exception)
