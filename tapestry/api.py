"""The JSON API at /api/v1: one NinjaAPI, one error format, session or token auth."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.operation import Operation
from ninja.parser import Parser
from ninja.security import HttpBearer, django_auth

from tapestry.access.errors import StaleEdit
from tapestry.front.request_input import unstorable_paths


class BearerToken(HttpBearer):
    """Accepts requests the token middleware already authenticated."""

    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        if getattr(request, "api_token", None) is not None:
            return request.user
        return None


class UnstorableInput(ValueError):
    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(", ".join(path for path, _ in problems))
        self.problems = problems


class StorableJsonParser(Parser):
    """JSON bodies, refusing keys, strings and integers no database can store."""

    def parse_body(self, request: HttpRequest) -> dict:
        data = super().parse_body(request)
        problems = list(unstorable_paths(data))
        if problems:
            raise UnstorableInput(problems)
        return data


class TapestryAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """An operation is known by its function's name (`person_detail`), unless the route names it."""
        return operation.view_func.__name__


api = TapestryAPI(
    title="Tapestry API",
    version="1",
    description=(
        "Practice data for social-work agencies. Authenticate with a personal access token "
        "(`Authorization: Bearer tap_...`, created under API tokens in the app) or a signed-in session. "
        "Errors always have the shape `{detail, errors}`; lists are paginated with `page` and `page_size`."
    ),
    urls_namespace="api",
    auth=[BearerToken(), django_auth],
    docs_url="/docs",
    openapi_url="/openapi.json",
    parser=StorableJsonParser(),
)


def error_body(detail: str, errors: dict[str, list[str]] | None = None) -> dict:
    return {"detail": detail, "errors": errors or {}}


@api.exception_handler(NinjaValidationError)
def on_invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        location = [
            str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path", "payload")
        ]
        errors.setdefault(".".join(location) or "__all__", []).append(error.get("msg", "Invalid value."))
    return api.create_response(request, error_body("The request has invalid fields.", errors), status=422)


@api.exception_handler(DjangoValidationError)
def on_rule_broken(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = {
            field: [str(m) for e in items for m in e.messages] for field, items in exc.error_dict.items()
        }
    else:
        errors = {"__all__": [str(m) for m in exc.messages]}
    return api.create_response(
        request, error_body("The request breaks a rule of the record.", errors), status=400
    )


@api.exception_handler(DataError)
def on_value_out_of_range(request: HttpRequest, exc: DataError) -> HttpResponse:
    # A backstop for a schema without bounds: PostgreSQL refuses a value its column cannot hold.
    detail = "A value is too long or too large for the record; shorten it and send it again."
    return api.create_response(request, error_body(detail), status=422)


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, error_body(str(exc) or "You may not do this."), status=403)


@api.exception_handler(Http404)
def on_missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, error_body(str(exc) or "Not found."), status=404)


@api.exception_handler(StaleEdit)
def on_stale(request: HttpRequest, exc: StaleEdit) -> HttpResponse:
    body = error_body(str(exc), {"version": [f"The current version is {exc.current_version}."]})
    return api.create_response(request, body, status=409)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, error_body("Sign in, or send a personal access token."), status=401)


CSRF_FAILED = "CSRF check Failed"


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, UnstorableInput):
        # ninja turns any parser error into "Cannot parse request body"; this one can say where.
        errors: dict[str, list[str]] = {}
        for path, reason in exc.__cause__.problems:
            errors.setdefault(path, []).append(reason)
        body = error_body("The request has a value that cannot be stored.", errors)
        return api.create_response(request, body, status=422)
    detail = str(exc)
    if exc.status_code == 403 and detail == CSRF_FAILED:
        detail = "The request has no valid CSRF token: send the X-CSRFToken header, or use a personal access token."
    return api.create_response(request, error_body(detail), status=exc.status_code)


def _mount() -> None:
    from tapestry.extensions import app_modules

    for module in app_modules("api"):
        api.add_router("", module.router)


_mount()


def api_operations() -> dict[str, list[str]]:
    """'/api/v1/persons/{person_id}' -> ['GET', 'PATCH'], from the OpenAPI document."""
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return {
        path.rstrip("/"): sorted(method.upper() for method in methods)
        for path, methods in schema["paths"].items()
    }
