"""The authorization matrix: every URL and API operation, for every role.

Each route must be declared in tapestry.access.routes.ROUTES; each role must get exactly
the answer the declared table gives: through (any status but 401/403) or refused (403,
or a sign-in redirect / 401 when anonymous).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import BreakGlass, Consent, Role, Segment, SegmentGrant
from tapestry.access.policy import ROLE_CAPABILITIES, Capability, has_capability
from tapestry.access.routes import (
    AUTHENTICATED,
    CORE_ROUTES,
    PUBLIC,
    ROUTES,
    declared_keys_for_urlconf,
    undeclared_routes,
)
from tapestry.access.tokens import token_create
from tapestry.extensions import app_modules
from tapestry.people.models import Relationship
from tapestry.testing import (
    HouseholdFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    add_member,
    assign,
    grant,
)

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *(role.value for role in Role)]

# The policy written out by hand, so a change to ROLE_CAPABILITIES must be made twice on purpose.
CLIENT_FACING = {
    "caseworker",
    "crisis_worker",
    "child_welfare_worker",
    "school_social_worker",
    "outreach_worker",
}
EXPECTED_HOLDERS = {
    Capability.PERSON_READ: CLIENT_FACING | {"supervisor"},
    Capability.PERSON_WRITE: CLIENT_FACING | {"supervisor"},
    Capability.PERSON_MERGE: {"supervisor"},
    Capability.BREAK_GLASS: CLIENT_FACING | {"supervisor"},
    Capability.BREAK_GLASS_REVIEW: {"supervisor"},
    Capability.SUPERVISE: {"supervisor"},
    Capability.ORGANISATION_READ: set(r.value for r in Role) - {"auditor"},
    Capability.ORGANISATION_WRITE: CLIENT_FACING
    | {"supervisor", "community_educator", "program_manager", "community_organiser", "grants_officer"}
    | {"administrator"},
    Capability.AGGREGATE_READ: {
        "supervisor",
        "community_educator",
        "program_manager",
        "community_organiser",
        "grants_officer",
        "evaluator",
        "agency_director",
    },
    Capability.AUDIT_READ: {"auditor"},
    Capability.STAFF_MANAGE: {"administrator"},
    Capability.GROUP_RUN: CLIENT_FACING | {"supervisor", "group_facilitator", "community_educator"},
    Capability.PROGRAM_MANAGE: {"supervisor", "program_manager", "community_educator"},
    Capability.AREA_MANAGE: {"program_manager", "community_organiser", "evaluator", "administrator"},
    Capability.POLICY_WORK: {"community_organiser"},
    Capability.GRANT_MANAGE: {"grants_officer"},
    Capability.EVALUATION_MANAGE: {"program_manager", "evaluator"},
    Capability.AGENCY_LEAD: {"agency_director", "administrator"},
    Capability.STORY_REVIEW: {"supervisor", "community_organiser"},
    Capability.SIGNAL_RESPOND: {"supervisor", "program_manager"},
    Capability.RESEARCH_EXPORT: {"evaluator"},
    Capability.ALERT_RESOLVE: {"caseworker", "crisis_worker", "supervisor"},
}


def test_every_capability_has_its_holders_written_down():
    # A new capability is a decision about who may do something; it is written here, or this fails.
    assert set(Capability) - set(EXPECTED_HOLDERS) == set()


def test_the_role_table_matches_the_written_policy():
    for capability, holders in EXPECTED_HOLDERS.items():
        actual = {role for role, caps in ROLE_CAPABILITIES.items() if capability in caps}
        assert actual == holders, capability


def test_every_route_is_declared():
    assert undeclared_routes() == []


def test_every_declared_route_exists():
    served = {key for _, key in declared_keys_for_urlconf()}
    assert set(ROUTES) - served == set()


@pytest.mark.django_db
def test_an_undeclared_route_fails_the_check_and_is_refused_to_everyone(cast):
    assert undeclared_routes("tests.undeclared_urls") == ["sneaky"]
    with override_settings(ROOT_URLCONF="tests.undeclared_urls"):
        errors = [e for e in run_checks() if e.id == "tapestry.E001"]
        client = Client()
        client.force_login(cast.supervisor)
        response = client.get("/sneaky/")
    assert [e.msg for e in errors] == ["Route 'sneaky' is not declared in tapestry.access.routes.ROUTES."]
    assert response.status_code == 403
    assert b"client list" not in response.content


@pytest.fixture
def world(cast):
    """One record of each kind, reachable by every role's own caseload where that role has one."""
    person, relative, duplicate = PersonFactory(), PersonFactory(), PersonFactory()
    for user in [*cast.by_role.values()]:
        for someone in (person, relative, duplicate):
            assign(user, someone)
    household = HouseholdFactory()
    add_member(household, person)
    organisation = OrganisationFactory()
    relationship = Relationship.objects.create(from_person=person, to_person=relative, kind="sibling")
    consent = Consent.objects.create(person=person, information="Name", purpose="referral")
    stranger = PersonFactory()
    assign(cast.outsider, stranger)
    glass = BreakGlass.objects.create(
        user=cast.outsider,
        person=stranger,
        reason="Welfare check",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    grant = SegmentGrant.objects.create(user=cast.outsider, segment=Segment.SCHOOL, reason="School team")
    world = {
        "cast": cast,
        "person": person,
        "duplicate": duplicate,
        "stranger": stranger,
        "household": household,
        "organisation": organisation,
        "relationship": relationship,
        "consent": consent,
        "glass": glass,
        "grant": grant,
        "assignment": cast.outsider.assignments.get(),
    }
    world["examples"] = app_examples(world)
    world["examples"]["GET /api/v1/break-glass-accesses/{access_id}/opened"] = {"access_id": glass.pk}
    return world


def app_examples(world: dict) -> dict[str, dict]:
    """URL arguments for the routes of every other app, from its `tests/matrix.py`."""
    examples: dict[str, dict] = {}
    for module in app_modules("tests.matrix"):
        examples.update(module.examples(world))
    return examples


def ui_kwargs(name: str, world: dict, user) -> dict:
    people = {
        "people:person_detail": {"pk": world["person"].pk},
        "people:person_edit": {"pk": world["person"].pk},
        "people:alias_add": {"pk": world["person"].pk},
        "people:contact_add": {"pk": world["person"].pk},
        "people:address_add": {"pk": world["person"].pk},
        "people:relationship_add": {"pk": world["person"].pk},
        "people:consent_add": {"pk": world["person"].pk},
        "people:consent_revoke": {"pk": world["consent"].pk},
        "people:person_merge": {"pk": world["duplicate"].pk},
        "people:household_detail": {"pk": world["household"].pk},
        "people:household_member_add": {"pk": world["household"].pk},
        "people:organisation_detail": {"pk": world["organisation"].pk},
        "people:organisation_edit": {"pk": world["organisation"].pk},
        "people:organisation_contact_add": {"pk": world["organisation"].pk},
        "access:break_glass": {"person_pk": world["stranger"].pk},
        "access:break_glass_review": {"pk": world["glass"].pk},
        "access:staff_edit": {"pk": world["cast"].outsider.pk},
        "access:assignment_add": {"pk": world["cast"].outsider.pk},
        "access:assignment_end": {"pk": world["assignment"].pk},
        "access:grant_add": {"pk": world["cast"].outsider.pk},
        "access:grant_revoke": {"pk": world["grant"].pk},
        "front:level": {"slug": "micro"},
    }
    if name == "access:token_revoke":
        owner = user if user is not None else world["cast"].caseworker
        token, _ = token_create(actor=owner, name="matrix")
        return {"pk": token.pk}
    return people.get(name) or world["examples"].get(name, {})


def request_route(key: str, world: dict, role: str):
    user = None if role == ANONYMOUS else world["cast"][role]
    client = Client()
    if user is not None:
        client.force_login(user)
    if " " in key:
        method, template = key.split(" ", 1)
        path = template.format(
            person_id=world["person"].pk,
            household_id=world["household"].pk,
            organisation_id=world["organisation"].pk,
            relationship_id=world["relationship"].pk,
            **world["examples"].get(key, {}),
        )
        return client.generic(method, path, data="{}", content_type="application/json")
    return client.get(reverse(key, kwargs=ui_kwargs(key, world, user)))


def expected_through(rule: str, role: str) -> bool:
    if rule == PUBLIC:
        return True
    if role == ANONYMOUS:
        return False
    return rule == AUTHENTICATED or rule in ROLE_CAPABILITIES[role]


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(ROUTES))
def test_each_role_gets_the_declared_answer(key, world):
    rule = ROUTES[key]
    wrong = []
    for role in ROLES:
        response = request_route(key, world, role)
        status = response.status_code
        if expected_through(rule, role):
            ok = status not in (401, 403) and not (
                status == 302 and "/accounts/login/" in response["Location"]
            )
        elif role == ANONYMOUS:
            ok = status == 401 if " " in key else status == 302 and "/accounts/login/" in response["Location"]
        else:
            ok = status == 403
        if not ok or status >= 500:
            wrong.append(f"{role}: {status}")
        # A shared computer's browser must keep nothing a signed-in user was shown, refusals included.
        if role != ANONYMOUS and "no-store" not in response.get("Cache-Control", ""):
            wrong.append(f"{role}: {status} without Cache-Control: no-store")
    assert wrong == [], f"{key} ({rule})"


# Routes that show or change person-level data, written out by area so that loosening one of
# them in ROUTES (say, to any signed-in user) fails here even though the middleware would agree.
PERSON_AREAS = ("people:person_", "people:alias", "people:contact", "people:address", "people:relationship")
PERSON_AREAS += ("people:consent", "people:household", "access:break_glass")
PERSON_API = ("/api/v1/persons", "/api/v1/households", "/api/v1/relationships", "/api/v1/consents")
PERSON_API += ("/api/v1/break-glass",)
PERSON_CAPABILITIES = {
    Capability.PERSON_READ,
    Capability.PERSON_WRITE,
    Capability.PERSON_MERGE,
    Capability.BREAK_GLASS,
    Capability.BREAK_GLASS_REVIEW,
    Capability.ALERT_RESOLVE,
}


def _declaring_module() -> dict[str, str]:
    owners = {key: "tapestry.access.routes" for key in CORE_ROUTES}
    for module in app_modules("routes"):
        owners.update(dict.fromkeys(getattr(module, "ROUTES", {}), module.__name__))
    return owners


DECLARED_BY = _declaring_module()


# Micro routes that hold no client data: instrument definitions, and the custom-form editor.
MICRO_DEFINITIONS = {
    "assessments:instrument_list": AUTHENTICATED,
    "GET /api/v1/instruments": AUTHENTICATED,
    "GET /api/v1/custom-forms": AUTHENTICATED,
    "POST /api/v1/custom-forms": Capability.STAFF_MANAGE,
    **{
        f"assessments:{name}": Capability.STAFF_MANAGE
        for name in (
            "custom_form_list",
            "custom_form_create",
            "custom_form_edit",
            "custom_question_add",
            "custom_choice_add",
            "custom_band_add",
        )
    },
}


# Mezzo apps whose every route shows members, attendance, notes, measures or parties: only those
# who run the group or mediation (the object-level check then narrows it to their own).
MEZZO_RUN_APPS = (
    "tapestry.mezzo.group_sessions.",
    "tapestry.mezzo.group_outcomes.",
    "tapestry.mezzo.mediation.",
)
# Mezzo apps that work on client cases (cohorts, family plans): client-facing capabilities.
MEZZO_CASE_APPS = ("tapestry.mezzo.cohorts.", "tapestry.mezzo.families.")
# Thread apps that read and act on one client's case (the level advisor): client-facing capabilities.
THREAD_CASE_APPS = ("tapestry.thread.advisor.",)
# The mezzo routes that differ from their app's rule, written out one by one.
MEZZO_DECLARED = {
    "group_outcomes:summary": Capability.AGGREGATE_READ,
    "group_sessions:attendance_summary": Capability.AGGREGATE_READ,
    "GET /api/v1/groups/{group_id}/attendance-summary": Capability.AGGREGATE_READ,
    "GET /api/v1/groups/{group_id}/outcomes/summary": Capability.AGGREGATE_READ,
    "groups:case_index": Capability.PERSON_READ,
    "groups:case_enrol": Capability.PERSON_WRITE,
    "groups:my_groups": Capability.GROUP_RUN,
    "groups:my_calendar": Capability.GROUP_RUN,
    "groups:group_create": Capability.GROUP_RUN,
    "groups:group_edit": Capability.GROUP_RUN,
    "POST /api/v1/groups": Capability.GROUP_RUN,
    "PATCH /api/v1/groups/{group_id}": Capability.GROUP_RUN,
    "groups:member_register": Capability.GROUP_RUN,
    "groups:membership_exit": Capability.GROUP_RUN,
    "GET /api/v1/groups/{group_id}/members": Capability.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/members": Capability.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/members/{membership_id}/exit": Capability.GROUP_RUN,
    "partners:incoming_referral_create": Capability.PERSON_WRITE,
    "POST /api/v1/partnerships/{partnership_id}/incoming-referrals": Capability.PERSON_WRITE,
}


# Client stories (the thread): the case team writes and reads them whole; reviewers read them scrubbed.
STORIES_DECLARED = {
    "stories:case_index": Capability.PERSON_READ,
    "stories:story_propose": Capability.PERSON_WRITE,
    "stories:story_original": Capability.PERSON_READ,
    "stories:story_edit": Capability.PERSON_WRITE,
    "stories:story_withdraw": Capability.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/stories": Capability.PERSON_READ,
    "POST /api/v1/cases/{case_id}/stories": Capability.PERSON_WRITE,
    "GET /api/v1/case-stories/{story_id}": Capability.PERSON_READ,
    "PATCH /api/v1/case-stories/{story_id}": Capability.PERSON_WRITE,
    "POST /api/v1/case-stories/{story_id}/withdraw": Capability.PERSON_WRITE,
}


# Supervision (micro): the workload of a supervisor's own staff is counts naming no client.
SUPERVISION_DECLARED = {
    "supervision:team_workload": Capability.SUPERVISE,
    "supervision:session_add": Capability.SUPERVISE,
    "GET /api/v1/supervision/team-workload": Capability.SUPERVISE,
    "POST /api/v1/supervision/sessions": Capability.SUPERVISE,
}


@pytest.mark.parametrize("key", sorted(ROUTES))
def test_person_level_routes_need_a_client_facing_capability(key):
    path = key.split(" ", 1)[-1]
    if key in SUPERVISION_DECLARED:
        assert ROUTES[key] == SUPERVISION_DECLARED[key]
    elif key in STORIES_DECLARED:
        assert ROUTES[key] == STORIES_DECLARED[key]
    elif key in MICRO_DEFINITIONS:
        assert ROUTES[key] == MICRO_DEFINITIONS[key]
    elif key in MEZZO_DECLARED:
        assert ROUTES[key] == MEZZO_DECLARED[key]
    elif DECLARED_BY[key].startswith(MEZZO_CASE_APPS + THREAD_CASE_APPS):
        assert ROUTES[key] in PERSON_CAPABILITIES
    elif DECLARED_BY[key].startswith(MEZZO_RUN_APPS):
        assert ROUTES[key] == Capability.GROUP_RUN
    elif DECLARED_BY[key].startswith("tapestry.micro."):
        # Every micro workflow is about one client or family.
        assert ROUTES[key] in PERSON_CAPABILITIES
    elif key.startswith(PERSON_AREAS) or path.startswith(PERSON_API):
        assert ROUTES[key] in PERSON_CAPABILITIES
    elif key.startswith("access:audit"):
        assert ROUTES[key] == Capability.AUDIT_READ
    elif key.startswith(("access:staff", "access:assignment", "access:grant", "access:team")):
        assert ROUTES[key] == Capability.STAFF_MANAGE
    else:
        # Everything else (catalogues, programs, partners, prevention) holds no one's record.
        assert ROUTES[key] not in PERSON_CAPABILITIES | {
            Capability.AUDIT_READ,
            Capability.STAFF_MANAGE,
            Capability.GROUP_RUN,
        }


# Rule 9: one answer for missing and forbidden. A record out of reach answers as if it did not
# exist (the same 404, word for word), except to roles that may break glass, who get the refusal
# with the emergency-access offer where breaking glass would open it (a client's record).
MISSING_ID = 987_654_321
BREAK_GLASS_OPENS = ("tapestry.micro.", "tapestry.people.")
BREAK_GLASS_PAGE = "/access/break-glass/person/"


def _object_routes() -> list[str]:
    """Every route with a record number in its address."""
    return sorted(
        key
        for route, key in declared_keys_for_urlconf()
        if key in ROUTES and ("<int:" in route or "{" in key) and ROUTES[key] != PUBLIC
    )


@pytest.fixture
def strangers(cast):
    """One user per role who reaches nothing in the world: no caseload, team, supervisees, group,
    dispute or program. Every segment is granted, so only reach is in question."""
    users = {}
    for role in Role:
        user = UserFactory(username=f"stranger-{role.value}", role=role)
        for segment in Segment:
            grant(user, segment)
        users[role.value] = user
    return users


def _request_object(key: str, world: dict, user, *, missing: bool):
    client = Client()
    client.force_login(user)
    if " " in key:
        method, template = key.split(" ", 1)
        args = {
            "person_id": world["person"].pk,
            "household_id": world["household"].pk,
            "organisation_id": world["organisation"].pk,
            "relationship_id": world["relationship"].pk,
            **world["examples"].get(key, {}),
        }
        if missing:
            args = {name: MISSING_ID if isinstance(value, int) else value for name, value in args.items()}
        return client.generic(method, template.format(**args), data="{}", content_type="application/json")
    kwargs = ui_kwargs(key, world, user)
    if missing:
        kwargs = {name: MISSING_ID if isinstance(value, int) else value for name, value in kwargs.items()}
    return client.get(reverse(key, kwargs=kwargs))


def _answer(response) -> tuple[int, str]:
    body = response.content.decode() if response["Content-Type"].startswith("application/json") else ""
    return response.status_code, body


@pytest.mark.django_db
@pytest.mark.parametrize("key", _object_routes())
def test_missing_and_out_of_reach_get_one_answer(key, world, strangers):
    wrong = []
    for role, user in strangers.items():
        if not expected_through(ROUTES[key], role):
            continue  # the route table refuses the role whatever the number
        missing = _request_object(key, world, user, missing=True)
        out = _request_object(key, world, user, missing=False)
        if out.status_code not in (403, 404):
            continue  # this record is not held back from this role (a catalogue, an organisation)
        if has_capability(user, Capability.BREAK_GLASS) and missing.status_code == 404:
            if DECLARED_BY[key].startswith(BREAK_GLASS_OPENS) and out.status_code != 403:
                wrong.append(f"{role} (may break glass): out of reach gives {out.status_code}, not 403")
            elif out.status_code == 403 and " " not in key and BREAK_GLASS_PAGE not in out.content.decode():
                wrong.append(f"{role} (may break glass): the refusal page offers no emergency access")
            elif out.status_code == 404 and _answer(out) != _answer(missing):
                wrong.append(f"{role}: missing {_answer(missing)} but out of reach {_answer(out)}")
        elif _answer(out) != _answer(missing):
            wrong.append(f"{role}: missing {_answer(missing)} but out of reach {_answer(out)}")
    assert wrong == [], key
