"""Guard: no aggregate-only role can read, or work out by subtraction, a count of persons under the threshold.

For every role that neither opens client records nor runs groups, every GET page and API operation
it may reach is requested in a world where small counts were planted (a group's members and its
waiting list, a program's cases, a partner's referrals). Every integer in each response is
collected; a planted count must be neither among them nor the difference of two of them.

The threshold is raised to 300 for this test, so the planted counts can be distinctive three-digit
numbers (137, 131, 119, 149, 163) rather than 1 to 10, which any page shows by chance (days, hours,
page numbers). The rules do not depend on the threshold's value.
"""

from __future__ import annotations

import json
import re
from itertools import combinations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.access.routes import ROUTES
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.partners.models import Partnership
from tapestry.micro.cases.models import Case
from tapestry.people.models import Person
from tapestry.programs.models import Program
from tapestry.testing import pdf_text
from tests.test_authorization_matrix import expected_through, request_route, world  # noqa: F401

THRESHOLD = 300

# The API's own documents describe the API; they hold no one's data.
DOCUMENTS = {"api:openapi-json", "api:openapi-view", "api:api-root"}

AGGREGATE_ONLY = sorted(
    role.value
    for role in Role
    if not ROLE_CAPABILITIES[role] & {Capability.PERSON_READ, Capability.GROUP_RUN}
)

# Keys of API objects that hold identifiers and row versions, never counts.
NOT_A_COUNT = re.compile(r"^(id|pk|version)$|_id$|_ids$")

# The planted counts of persons, each under THRESHOLD and unlike anything a page shows by chance.
GROUP_ENROLLED = 137  # in a group of 479 places
FULL_GROUP_ENROLLED = 131  # a full group of 131 places
FULL_GROUP_WAITING = 119
PROGRAM_CASES = 149
PARTNER_REFERRALS = 163
PLANTED = {
    GROUP_ENROLLED: "members of a group",
    FULL_GROUP_ENROLLED: "members of a full group",
    FULL_GROUP_WAITING: "people on a waiting list",
    PROGRAM_CASES: "cases in a program",
    PARTNER_REFERRALS: "referrals from a partner",
}


def test_the_aggregate_only_roles_are_the_ones_expected():
    assert AGGREGATE_ONLY == [
        "administrator",
        "agency_director",
        "auditor",
        "community_organiser",
        "evaluator",
        "grants_officer",
        "program_manager",
    ]


def _plant(records: dict) -> dict[str, str]:
    """Add the small counts to the matrix's own example records; return extra paths to read."""
    cast = records["cast"]
    examples = records["examples"]
    people = Person.objects.bulk_create(
        Person(given_name=f"Planted{n}", family_name="Member", languages="English") for n in range(260)
    )
    group = Group.objects.get(pk=examples["groups:group_detail"]["pk"])
    group.capacity = 479
    group.save(update_fields=["capacity"])
    already = group.memberships.filter(status=Membership.Status.ENROLLED).count()
    Membership.objects.bulk_create(
        Membership(group=group, person=person, status=Membership.Status.ENROLLED)
        for person in people[: GROUP_ENROLLED - already]
    )
    full = Group.objects.create(
        name="Planted full group",
        kind=group.kind,
        purpose="Peer support.",
        capacity=FULL_GROUP_ENROLLED,
        first_session_on=group.first_session_on,
        start_time=group.start_time,
        program=Program.objects.get(pk=examples["programs:program_detail"]["pk"]),
    )
    Membership.objects.bulk_create(
        Membership(group=full, person=person, status=Membership.Status.ENROLLED)
        for person in people[:FULL_GROUP_ENROLLED]
    )
    Membership.objects.bulk_create(
        Membership(group=full, person=person, status=Membership.Status.WAITING, waiting_position=n)
        for n, person in enumerate(people[FULL_GROUP_ENROLLED : FULL_GROUP_ENROLLED + FULL_GROUP_WAITING], 1)
    )
    program = Program.objects.get(pk=examples["programs:program_detail"]["pk"])
    cases = Case.objects.bulk_create(
        Case(
            person=person,
            worker=cast.caseworker,
            case_type="case_management",
            presenting_problem="Planted.",
            program=program if n < PROGRAM_CASES else None,
        )
        for n, person in enumerate(people[:PARTNER_REFERRALS])
    )
    partnership = Partnership.objects.get(
        pk=examples["GET /api/v1/partnerships/{partnership_id}"]["partnership_id"]
    )
    partnership.incoming_referrals.model.objects.bulk_create(
        partnership.incoming_referrals.model(partnership=partnership, case=case, reason="Planted.")
        for case in cases
    )
    return {
        "full group page": reverse("groups:group_detail", kwargs={"pk": full.pk}),
        "full group API": f"/api/v1/groups/{full.pk}",
    }


def _integers(text: str) -> set[int]:
    """The whole numbers in a text; dates, times, addresses and phone numbers ("2026-12-05",
    "18:00", "127.0.0.1", "555-0123") are not counts and are skipped whole."""
    return {int(token) for token in re.findall(r"\d+(?:[-.:/]\d+)*", text) if token.isdigit()}


def _numbers_in(value: object, key: str = "") -> set[int]:
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, int):
        return set() if NOT_A_COUNT.search(key) else {value}
    if isinstance(value, float):
        return {int(value)} if value.is_integer() else set()
    if isinstance(value, str):
        return set() if NOT_A_COUNT.search(key) else _integers(value)
    if isinstance(value, dict):
        return set().union(*(_numbers_in(v, k) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(*(_numbers_in(v, key) for v in value))
    return set()


def numbers_shown(response) -> set[int]:
    """Every integer a reader sees: JSON values (identifiers aside), or the text of a page."""
    if response.get("Content-Type", "").startswith("application/pdf"):
        # A receipt or a funder report: the text it shows, not its bytes (layout offsets subtract to anything).
        return {int(number) for number in re.findall(r"(?<![\d.])\d+(?![\d.])", pdf_text(response.content))}
    content = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        return _numbers_in(json.loads(content))
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", content)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    # Thousands separators would split a count in two; take "1,234" as one number.
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return _integers(text)


def revealed(numbers: set[int]) -> list[str]:
    found = [f"{n} ({what}) shown" for n, what in PLANTED.items() if n in numbers]
    for a, b in combinations(sorted(numbers), 2):
        if b - a in PLANTED:
            found.append(f"{b} - {a} = {b - a} ({PLANTED[b - a]})")
    return found


def test_the_guard_sees_a_count_shown_or_left_to_subtract():
    assert revealed({2026, 479, 342}) == ["479 - 342 = 137 (members of a group)"]
    assert revealed({131, 7}) == ["131 (members of a full group) shown"]
    assert revealed({2026, 12, 5, 18, 0, 300}) == []
    assert _integers("On 2026-12-05 at 18:00 from 127.0.0.1: 3 of 47, 1,200") == {3, 47, 1, 200}


def _read_everything(role: str, records: dict, extra: dict[str, str]) -> dict[str, set[str]]:
    """What each page and API operation the role may reach gives away, by route."""
    found: dict[str, set[str]] = {}
    for key, rule in sorted(ROUTES.items()):
        if (
            key in DOCUMENTS
            or (" " in key and not key.startswith("GET "))
            or not expected_through(rule, role)
        ):
            continue
        response = request_route(key, records, role)
        if response.status_code == 200:
            found[key] = set(revealed(numbers_shown(response)))
    client = Client()
    client.force_login(records["cast"][role])
    for label, path in extra.items():
        response = client.get(path)
        if response.status_code == 200:
            found[label] = set(revealed(numbers_shown(response)))
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("role", AGGREGATE_ONLY)
def test_no_small_count_is_shown_or_derivable(role, world, settings):  # noqa: F811
    settings.TAPESTRY_SUPPRESSION_THRESHOLD = THRESHOLD
    # What the pages show before the counts are planted is chance (a street number, a date):
    # only what planting the counts brought is a leak.
    before = _read_everything(role, world, {})
    extra = _plant(world)
    after = _read_everything(role, world, extra)
    leaks = [
        f"{key}: {leak}" for key, found in after.items() for leak in sorted(found - before.get(key, set()))
    ]
    assert not leaks, "\n".join(leaks)


def test_the_guard_reads_the_text_a_pdf_shows():
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=11)
    document.cell(text="Served 137 of 452 (30.3%)")

    assert "Served 137 of 452" in pdf_text(bytes(document.output()))
