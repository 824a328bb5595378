"""The route table: every URL and API operation, and who may reach it.

The middleware enforces this table for every request, a system check fails on any route
missing from it, and the authorization-matrix test walks it for every role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

from tapestry.access.policy import Capability as C

PUBLIC = "public"
AUTHENTICATED = "authenticated"

Rule = str  # PUBLIC, AUTHENTICATED or a Capability value

ROUTES: dict[str, Rule] = {
    # Accounts and the second factor.
    "login": PUBLIC,
    "logout": AUTHENTICATED,
    "access:otp_verify": AUTHENTICATED,
    "access:otp_enrol": AUTHENTICATED,
    "access:tokens": AUTHENTICATED,
    "access:token_revoke": AUTHENTICATED,
    # The shell.
    "front:home": AUTHENTICATED,
    "front:level": AUTHENTICATED,
    "front:health": PUBLIC,
    # People (micro).
    "people:person_list": C.PERSON_READ,
    "people:person_search": C.PERSON_READ,
    "people:person_create": C.PERSON_WRITE,
    "people:person_detail": C.PERSON_READ,
    "people:person_edit": C.PERSON_WRITE,
    "people:alias_add": C.PERSON_WRITE,
    "people:contact_add": C.PERSON_WRITE,
    "people:address_add": C.PERSON_WRITE,
    "people:relationship_add": C.PERSON_WRITE,
    "people:consent_add": C.PERSON_WRITE,
    "people:consent_revoke": C.PERSON_WRITE,
    "people:person_merge": C.PERSON_MERGE,
    "people:household_list": C.PERSON_READ,
    "people:household_create": C.PERSON_WRITE,
    "people:household_detail": C.PERSON_READ,
    "people:household_member_add": C.PERSON_WRITE,
    "people:organisation_list": C.ORGANISATION_READ,
    "people:organisation_create": C.ORGANISATION_WRITE,
    "people:organisation_detail": C.ORGANISATION_READ,
    "people:organisation_edit": C.ORGANISATION_WRITE,
    "people:organisation_contact_add": C.ORGANISATION_WRITE,
    # Break-glass and review.
    "access:break_glass": C.BREAK_GLASS,
    "access:break_glass_queue": C.BREAK_GLASS_REVIEW,
    "access:break_glass_review": C.BREAK_GLASS_REVIEW,
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
    "GET /api/v1/persons": C.PERSON_READ,
    "POST /api/v1/persons": C.PERSON_WRITE,
    "GET /api/v1/persons/{person_id}": C.PERSON_READ,
    "PATCH /api/v1/persons/{person_id}": C.PERSON_WRITE,
    "GET /api/v1/persons/{person_id}/duplicates": C.PERSON_READ,
    "POST /api/v1/persons/{person_id}/merge": C.PERSON_MERGE,
    "GET /api/v1/households": C.PERSON_READ,
    "POST /api/v1/households": C.PERSON_WRITE,
    "GET /api/v1/households/{household_id}": C.PERSON_READ,
    "POST /api/v1/households/{household_id}/members": C.PERSON_WRITE,
    "GET /api/v1/relationships": C.PERSON_READ,
    "POST /api/v1/relationships": C.PERSON_WRITE,
    "DELETE /api/v1/relationships/{relationship_id}": C.PERSON_WRITE,
    "GET /api/v1/organisations": C.ORGANISATION_READ,
    "POST /api/v1/organisations": C.ORGANISATION_WRITE,
    "GET /api/v1/organisations/{organisation_id}": C.ORGANISATION_READ,
    "PATCH /api/v1/organisations/{organisation_id}": C.ORGANISATION_WRITE,
}

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
