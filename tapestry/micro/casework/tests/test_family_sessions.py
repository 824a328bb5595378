"""Family sessions: a note records which of the case's household members were present."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.micro.casework.tests.factories import note_for, today
from tapestry.people.models import HouseholdMember
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, assign, client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(cast):
    household = HouseholdFactory(name="Rivera household")
    parent = PersonFactory(given_name="Lucia", family_name="Rivera")
    partner = PersonFactory(given_name="Mateo", family_name="Rivera")
    child = PersonFactory(given_name="Sofia", family_name="Rivera")
    add_member(household, parent)
    add_member(household, partner, HouseholdMember.Position.PARTNER)
    add_member(household, child, HouseholdMember.Position.CHILD)
    case = open_case(cast.caseworker, parent, case_type="family_therapy", household=household)
    assign(cast.caseworker, partner)  # the child is in no one's caseload
    return case, [parent, partner, child]


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_a_session_records_three_household_members_present_and_shows_them(cast, family):
    case, members = family

    note = note_for(cast.caseworker, case, present=members)
    page = (
        client_for(cast.caseworker)
        .get(reverse("casework:note_detail", kwargs={"pk": note.pk}))
        .content.decode()
    )

    assert set(note.present.all()) == set(members)
    assert "Family members present" in page
    for name in ("Lucia Rivera", "Mateo Rivera"):
        assert name in page
    # Someone the worker may not open is there by relationship only.
    assert 'A family member <span class="muted">(outside your caseload)</span>' in page
    assert "Sofia" not in page


def test_someone_outside_the_household_cannot_be_recorded_present(cast, family):
    case, members = family
    neighbour = PersonFactory(given_name="Ines", family_name="Vidal")

    with pytest.raises(ValidationError) as refused:
        note_for(cast.caseworker, case, present=[members[0], neighbour])

    assert refused.value.message_dict["present"] == ["Not a member of the case's household: Ines Vidal."]


def test_a_member_who_had_left_before_the_session_cannot_be_recorded_present(cast, family):
    case, members = family
    HouseholdMember.objects.filter(person=members[1]).update(left_on=today() - dt.timedelta(days=30))

    with pytest.raises(ValidationError) as refused:
        note_for(cast.caseworker, case, present=[members[1]])
    assert "Mateo Rivera" in refused.value.message_dict["present"][0]


def test_a_case_without_a_household_records_no_one_present(cast):
    case = open_case(cast.caseworker)

    with pytest.raises(ValidationError, match="no household"):
        note_for(cast.caseworker, case, present=[case.person])


def test_the_note_form_offers_only_household_members(cast, family):
    case, members = family
    PersonFactory(given_name="Ines", family_name="Vidal")

    page = (
        client_for(cast.caseworker)
        .get(reverse("casework:note_create", kwargs={"case_pk": case.pk}))
        .content.decode()
    )

    assert page.count('name="present"') == 3
    assert "<legend>Family members present</legend>" in page
    assert "Ines Vidal" not in page


def test_the_page_refuses_a_forged_member_by_the_field(cast, family):
    case, _ = family
    stranger = PersonFactory()

    response = client_for(cast.caseworker).post(
        reverse("casework:note_create", kwargs={"case_pk": case.pk}),
        {
            "contact_date": today().isoformat(),
            "segment": "",
            "data": "Family session.",
            "present": [stranger.pk],
        },
    )

    assert response.status_code == 200
    assert 'id="id_present_error"' in response.content.decode()


def test_the_api_records_and_returns_who_was_present(cast, family):
    case, members = family
    body = {"format": "contact", "text": "Family session at home.", "present_ids": [m.pk for m in members]}

    created = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/notes", body, content_type="application/json"
    )

    assert created.status_code == 201
    present = created.json()["present"]
    assert sorted(p["name"] for p in present if p) == ["Lucia Rivera", "Mateo Rivera"]
    assert present.count(None) == 1  # the child, outside the worker's reach


def test_the_api_names_the_field_of_a_non_member(cast, family):
    case, _ = family
    stranger = PersonFactory()
    body = {"format": "contact", "text": "Session.", "present_ids": [stranger.pk]}

    refused = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/notes", body, content_type="application/json"
    )

    assert refused.status_code == 400
    assert "Not a member of the case's household" in refused.json()["errors"]["present_ids"][0]
