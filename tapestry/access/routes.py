"""The route table: every URL and API operation, and who may reach it.

The middleware enforces this table for every request, a system check fails on any route
missing from it, and the authorization-matrix test walks it for every role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

from tapestry.access.policy import Capability as C
from tapestry.extensions import app_modules

PUBLIC = "public"
AUTHENTICATED = "authenticated"

Rule = str  # PUBLIC, AUTHENTICATED or a Capability value

# The routes of access itself and of the shell; every other app adds its own in `<app>/routes.py`.
CORE_ROUTES: dict[str, Rule] = {
    # Accounts and the second factor.
    "login": PUBLIC,
    "logout": AUTHENTICATED,
    "access:otp_verify": AUTHENTICATED,
    "access:otp_enrol": AUTHENTICATED,
    "access:session_extend": AUTHENTICATED,
    "access:language": PUBLIC,
    "access:tokens": AUTHENTICATED,
    "access:token_revoke": AUTHENTICATED,
    # The shell.
    "front:home": AUTHENTICATED,
    "front:level": AUTHENTICATED,
    "front:health": PUBLIC,
    # Break-glass and review.
    "access:break_glass": C.BREAK_GLASS,
    "access:break_glass_queue": C.BREAK_GLASS_REVIEW,
    "access:break_glass_review": C.BREAK_GLASS_REVIEW,
    "GET /api/v1/break-glass-accesses/{access_id}/opened": C.BREAK_GLASS_REVIEW,
    # Audit.
    "access:audit_log": C.AUDIT_READ,
    "access:audit_verify": C.AUDIT_READ,
    # Staff administration.
    "access:staff_list": C.STAFF_MANAGE,
    "access:staff_create": C.STAFF_MANAGE,
    "access:staff_edit": C.STAFF_MANAGE,
    "access:assignment_add": C.STAFF_MANAGE,
    "access:assignment_end": C.STAFF_MANAGE,
    "access:grant_add": C.STAFF_MANAGE,
    "access:grant_revoke": C.STAFF_MANAGE,
    "access:team_list": C.STAFF_MANAGE,
    "access:team_create": C.STAFF_MANAGE,
    # API documents.
    "api:openapi-json": PUBLIC,
    "api:openapi-view": PUBLIC,
    "api:api-root": PUBLIC,
    # API operations.
    "GET /api/v1/me": AUTHENTICATED,
}


def _collect() -> dict[str, Rule]:
    table = dict(CORE_ROUTES)
    for module in app_modules("routes"):
        if module.__name__ == __name__:
            continue
        clash = set(table) & set(module.ROUTES)
        if clash:
            raise ValueError(f"{module.__name__} declares routes already declared: {sorted(clash)}")
        table.update(module.ROUTES)
    return table


ROUTES: dict[str, Rule] = _collect()

_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def api_key(method: str, route: str) -> str:
    """'GET', 'api/v1/persons/<int:person_id>' -> 'GET /api/v1/persons/{person_id}'."""
    path = _CONVERTER.sub(r"{\1}", route).rstrip("/")
    return f"{method.upper()} /{path}"


def rule_for(method: str, route: str, view_name: str) -> Rule | None:
    return ROUTES.get(api_key(method, route)) or ROUTES.get(view_name)


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            child_ns = f"{namespace}:{ns}".strip(":") if ns else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), child_ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}".strip(":") if entry.name else ""
            yield prefix + str(entry.pattern), name


def declared_keys_for_urlconf(urlconf: str | None = None) -> list[tuple[str, str]]:
    """Every (route, key) the URLconf serves; for API operations the key carries the method."""
    from tapestry.api import api_operations

    operations = api_operations()
    keys: list[tuple[str, str]] = []
    for route, name in _walk(get_resolver(urlconf).url_patterns):
        methods = operations.get(api_key("GET", route).split(" ", 1)[1])
        if methods:
            keys.extend((route, api_key(method, route)) for method in methods)
        else:
            keys.append((route, name or route))
    return keys


def undeclared_routes(urlconf: str | None = None) -> list[str]:
    return sorted({key for _, key in declared_keys_for_urlconf(urlconf) if key not in ROUTES})
