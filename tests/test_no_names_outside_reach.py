"""Guard: nobody outside the viewer's reach is named, on any page or in any API answer.

A client in every role's caseload has relatives, household members, a foster carer, people in a
child-welfare report and family members at a session, none of whom the viewer may open. Every
GET route of the authorization matrix is walked as client-facing roles and as a supervisor; no
answer may carry their names or birth dates. They appear only as their relationship to the client.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.access.routes import ROUTES
from tapestry.mezzo.families.models import FamilyGoal
from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.child_welfare.models import (
    Allegation,
    InvestigationContact,
    Placement,
    Report,
    ReportParticipant,
    SafetyPlan,
    SafetyPlanAction,
)
from tapestry.people.models import HouseholdMember, Relationship
from tapestry.testing import PersonFactory, add_member, pdf_text
from tests.test_authorization_matrix import request_route, world  # noqa: F401  (world is a fixture)

# Synthetic people nobody on the staff may open, by the part they play in the client's life.
OUT_OF_REACH = {
    "sibling": ("Quenby", "Farthingdale", dt.date(1931, 2, 17)),
    "grandparent": ("Bartholomew", "Kettleworth", dt.date(1932, 3, 18)),
    "household member": ("Thaddeus", "Wrenfield", dt.date(1933, 4, 19)),
    "foster carer": ("Perpetua", "Saltmarsh", dt.date(1934, 5, 20)),
    "parent in a report": ("Ignatius", "Blackthorn", dt.date(1935, 6, 21)),
    "alleged perpetrator": ("Mordecai", "Ashgrove", dt.date(1936, 7, 22)),
    "safety-plan helper": ("Clementine", "Hollowbrook", dt.date(1937, 8, 23)),
}

VIEWERS = [Role.CASEWORKER, Role.CHILD_WELFARE_WORKER, Role.SUPERVISOR]
GET_ROUTES = sorted(key for key in ROUTES if " " not in key or key.startswith("GET "))


@pytest.fixture
def outsiders(world):  # noqa: F811
    """The out-of-reach people, tied to the records the matrix world already holds."""
    person = world["person"]
    people = {
        part: PersonFactory(given_name=given, family_name=family, date_of_birth=born)
        for part, (given, family, born) in OUT_OF_REACH.items()
    }
    Relationship.objects.create(from_person=person, to_person=people["sibling"], kind="sibling")
    Relationship.objects.create(from_person=people["grandparent"], to_person=person, kind="grandparent")
    add_member(world["household"], people["household member"], HouseholdMember.Position.OTHER_ADULT)

    placement = Placement.objects.get(child=person)
    placement.carer_person = people["foster carer"]
    placement.save()
    report = Report.objects.get(case__person=person)
    ReportParticipant.objects.create(
        report=report, person=people["parent in a report"], role=ReportParticipant.Role.PARENT
    )
    Allegation.objects.filter(report=report).update(alleged_perpetrator=people["alleged perpetrator"])
    InvestigationContact.objects.create(
        investigation=report.investigation,
        person=people["parent in a report"],
        method=InvestigationContact.Method.HOME_VISIT,
        summary="Spoke at the door.",
        contacted_at=timezone.now() - dt.timedelta(days=1),
    )
    SafetyPlanAction.objects.create(
        plan=SafetyPlan.objects.get(assessment__case__person=person),
        action="Collects the children from school.",
        responsible_person=people["safety-plan helper"],
    )
    for note in ProgressNote.objects.filter(case__person=person):
        note.present.add(people["household member"])
    for goal in FamilyGoal.objects.filter(plan__case__person=person):
        goal.members.add(people["household member"])
    return people


def _text(response) -> str:
    """What an answer says, whatever its format: a PDF's text, each file of a zip, or the body."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        return pdf_text(body)
    if kind.startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(archive.read(name).decode() for name in archive.namelist())
    return body.decode()


def _leaks(body: str) -> list[str]:
    found = []
    lowered = body.lower()
    for part, (given, family, born) in OUT_OF_REACH.items():
        for word in (given, family, born.isoformat()):
            if word.lower() in lowered:
                found.append(f"{part}: {word}")
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("role", VIEWERS)
def test_no_page_or_api_answer_names_someone_the_viewer_may_not_open(role, world, outsiders):  # noqa: F811
    leaks = []
    for key in GET_ROUTES:
        response = request_route(key, world, role)
        assert response.status_code < 500, key
        found = _leaks(_text(response))
        if found:
            leaks.append(f"{key}: {', '.join(found)}")
    assert not leaks, "Named outside the viewer's reach:\n" + "\n".join(leaks)


@pytest.mark.django_db
def test_the_guard_sees_a_name_when_the_viewer_may_open_the_person(world, outsiders):  # noqa: F811
    """The guard can fail: once the sibling is in reach, the person page names them."""
    from tapestry.testing import assign

    assign(world["cast"].caseworker, outsiders["sibling"])
    response = request_route("people:person_detail", world, Role.CASEWORKER)
    assert "sibling: Quenby" in _leaks(response.content.decode())
