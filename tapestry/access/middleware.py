"""Request-level guards: audit context, API tokens, the second factor and the route table."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

from tapestry.access import routes
from tapestry.access.audit import RequestContext, request_context
from tapestry.access.policy import capabilities_of
from tapestry.access.tokens import token_authenticate
from tapestry.access.views import refused

Handler = Callable[[HttpRequest], HttpResponse]


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def api_error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail, "errors": {}}, status=status)


class _Middleware:
    """Keeps the rest of the chain; a guard that works per view adds `process_view`."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)


class RequestContextMiddleware(_Middleware):
    """Remembers where a request came from, for every audit entry written while serving it."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = request_context.set(RequestContext(request.META.get("REMOTE_ADDR"), request.path))
        try:
            return self.get_response(request)
        finally:
            request_context.reset(token)


class NoStoreMiddleware(_Middleware):
    """Whatever a signed-in user is shown stays out of the browser's cache (a shared computer)."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Read on the way out, so a token user (set further in) and a sign-in just made both count.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


class ApiTokenMiddleware(_Middleware):
    """Authenticates `Authorization: Bearer tap_...` on API paths; a bad token is a 401."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        if _is_api(request) and header.lower().startswith("bearer "):
            token = token_authenticate(header[7:].strip())
            if token is None:
                return api_error(401, "The access token is not valid, has expired or was revoked.")
            request.user = token.user
            request.api_token = token
        return self.get_response(request)


class SecondFactorMiddleware(_Middleware):
    """Staff signed in with a password must also pass TOTP before anything else."""

    EXEMPT = {"login", "logout", "access:otp_verify", "access:otp_enrol", "front:health"}

    def process_view(
        self, request: HttpRequest, view_func: Callable, args: tuple, kwargs: dict
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or getattr(request, "api_token", None) is not None:
            return None
        if settings.TAPESTRY_DEMO_OTP_BYPASS or user.is_verified():
            return None
        match = request.resolver_match
        if match is None or match.view_name in self.EXEMPT or match.view_name.startswith("api:openapi"):
            return None
        if _is_api(request):
            return api_error(401, "Complete the second sign-in step (authenticator code) first.")
        step = (
            "access:otp_verify"
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            else "access:otp_enrol"
        )
        # The page asked for (a draft after signing in again) is where the code step leads on to.
        if request.method == "GET" and match.view_name != settings.LOGIN_REDIRECT_URL:
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return redirect(step)


class LanguageScopeMiddleware(_Middleware):
    """A request's language ends with it: the thread goes back to the language it had before (the
    next request on this thread, a task, a test, starts from its own). Placed before LocaleMiddleware,
    so that the response still says which language it is in (Content-Language)."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        previous = translation.get_language()
        try:
            return self.get_response(request)
        finally:
            if previous:
                translation.activate(previous)
            else:
                translation.deactivate()


class UserLanguageMiddleware(_Middleware):
    """Pages speak the signed-in user's chosen language; before sign-in, the language cookie or the
    browser's (LocaleMiddleware). The API always answers in English: its messages are a contract that
    programs read, and its field names are English anyway (docs/languages.md)."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _is_api(request):
            language = settings.LANGUAGE_CODE
        else:
            user = getattr(request, "user", None)
            chosen = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
            language = chosen or translation.get_language()
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class RouteAccessMiddleware(_Middleware):
    """Enforces the route table: an undeclared route is refused, a missing capability is a 403."""

    def process_view(
        self, request: HttpRequest, view_func: Callable, args: tuple, kwargs: dict
    ) -> HttpResponse | None:
        match = request.resolver_match
        rule = routes.rule_for(request.method or "GET", match.route, match.view_name) if match else None
        if rule is None:
            return self._deny(request, 403, "This address is not declared in the access policy.")
        if rule == routes.PUBLIC:
            return None
        if not request.user.is_authenticated:
            if _is_api(request):
                return api_error(401, "Sign in, or send a personal access token as 'Authorization: Bearer'.")
            return redirect_to_login(request.get_full_path())
        if rule == routes.AUTHENTICATED or rule in capabilities_of(request.user):
            return None
        return self._deny(request, 403, "Your role does not give access to this page.")

    @staticmethod
    def _deny(request: HttpRequest, status: int, detail: str) -> HttpResponse:
        if _is_api(request):
            return api_error(status, detail)
        return refused(request, PermissionDenied(detail))
