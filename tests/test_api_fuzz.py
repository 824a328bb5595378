"""A bounded schemathesis run over the whole OpenAPI document: no request may get a 5xx.

Every operation is called with generated input, valid and invalid (schemathesis' positive and
negative modes), by a real personal access token of a role the route table lets through, so the
requests reach the operation's code rather than stopping at a 403. Half of the cases use ids of
real records (the URL arguments the authorization matrix uses), so lookups find something.

It is bounded to run inside `make test`: derandomized (the same cases every run), a few
examples per operation, no shrinking. Raise FUZZ_EXAMPLES locally for a deeper run.
"""

from __future__ import annotations

import json
import os
import zlib

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

from tapestry.access import routes
from tapestry.access.models import Role
from tapestry.access.policy import ROLE_CAPABILITIES
from tapestry.access.tokens import token_create
from tapestry.api import api
from tapestry.extensions import app_modules
from tapestry.people.models import Relationship
from tapestry.testing import Cast, HouseholdFactory, OrganisationFactory, PersonFactory, add_member, assign

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))

# The document as served at /api/v1/openapi.json.
DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), default=str))
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.app = get_wsgi_application()

# Whose token calls an operation: someone with a caseload first, then the broadest role.
PREFERRED_ROLES = [Role.CASEWORKER, Role.SUPERVISOR, *Role]


def _caller_role(key: str) -> str:
    rule = routes.ROUTES.get(key)
    for role in PREFERRED_ROLES:
        if rule in (routes.PUBLIC, routes.AUTHENTICATED) or rule in ROLE_CAPABILITIES[role]:
            return role.value
    return Role.SUPERVISOR.value


@pytest.fixture(scope="module")
def fuzz_world(django_db_setup: None, django_db_blocker: object) -> object:
    """Records for every route, and a token per role; made once and rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        cast = Cast()
        person, relative = PersonFactory(), PersonFactory()
        for user in cast.by_role.values():
            for someone in (person, relative):
                assign(user, someone)
        household = HouseholdFactory()
        add_member(household, person)
        organisation = OrganisationFactory()
        relationship = Relationship.objects.create(from_person=person, to_person=relative, kind="sibling")
        world = {"cast": cast, "person": person, "household": household, "organisation": organisation}
        ids = {
            "person_id": person.pk,
            "household_id": household.pk,
            "organisation_id": organisation.pk,
            "relationship_id": relationship.pk,
        }
        examples: dict[str, dict] = {}
        for module in app_modules("tests.matrix"):
            examples.update(module.examples(world))
        tokens = {role: token_create(actor=user, name="fuzz")[1] for role, user in cast.by_role.items()}
        # The WSGI handler would close the test's connection at each request's end, as in production.
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            yield {"ids": ids, "examples": examples, "tokens": tokens}
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)
            transaction.set_rollback(True)


def _with_real_ids(case: schemathesis.Case, key: str, world: dict) -> None:
    """Point half of the cases at real records; the other half keep the generated ids."""
    known = {**world["ids"], **world["examples"].get(key, {})}
    for name, value in list((case.path_parameters or {}).items()):
        # crc32, not hash(): str hashes change from one process to the next.
        if name in known and zlib.crc32(str(value).encode("utf-8", "surrogatepass")) % 2 == 0:
            case.path_parameters[name] = known[name]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_input_gives_a_server_error(case: schemathesis.Case, fuzz_world: dict) -> None:
    key = f"{case.method.upper()} {case.operation.path.rstrip('/')}"
    _with_real_ids(case, key, fuzz_world)
    token = fuzz_world["tokens"][_caller_role(key)]
    # Each request in a savepoint, as each is its own transaction in production: on PostgreSQL a
    # refused statement would otherwise abort the test's transaction for every later request.
    with transaction.atomic():
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        if response.status_code >= 400:
            transaction.set_rollback(True)
    case.validate_response(response, checks=[not_a_server_error])


# The input the issue found, sent to every operation on purpose rather than left to chance.

BODY_OPERATIONS = sorted(
    (method.upper(), path)
    for path, methods in DOCUMENT["paths"].items()
    for method, operation in methods.items()
    if "application/json" in operation.get("requestBody", {}).get("content", {})
)


def _properties(method: str, path: str) -> list[str]:
    content = DOCUMENT["paths"][path][method.lower()]["requestBody"]["content"]["application/json"]
    ref = content["schema"].get("$ref", "")
    component = DOCUMENT["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    return sorted(component.get("properties", {})) or ["text"]


def _url(path: str, world: dict, key: str) -> str:
    known = {**world["ids"], **world["examples"].get(key, {})}
    for name in [part[1:-1] for part in path.split("/") if part.startswith("{")]:
        path = path.replace("{" + name + "}", str(known.get(name, 1)))
    return path


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), BODY_OPERATIONS)
def test_every_body_refuses_oversized_and_unstorable_input_with_a_4xx(method, path, fuzz_world):
    key = f"{method} {path.rstrip('/')}"
    client = Client(headers={"Authorization": f"Bearer {fuzz_world['tokens'][_caller_role(key)]}"})
    url = _url(path, fuzz_world, key)

    oversized = '{"text": "' + "a" * 2_700_000 + '"}'
    unstorable = "{" + ", ".join(f'"{name}": "\\ud800\\u0000"' for name in _properties(method, path)) + "}"
    with transaction.atomic():
        too_big = client.generic(method, url, oversized, content_type="application/json")
        bad_text = client.generic(method, url, unstorable, content_type="application/json")
        transaction.set_rollback(True)

    assert (too_big.status_code, too_big.json()["detail"][:27]) == (413, "The request is too large: a")
    assert bad_text.status_code == 422, bad_text.content
    assert bad_text.json()["detail"] == "The request has a value that cannot be stored."
