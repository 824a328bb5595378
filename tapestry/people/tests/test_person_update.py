"""Editing a person: optimistic concurrency, validation and the audit of changed fields."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.people.services import person_update
from tapestry.testing import PersonFactory, assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(cast):
    person = PersonFactory(given_name="Ada", pronouns="she/her")
    assign(cast.caseworker, person)
    return person


def test_an_edit_bumps_the_version_and_audits_only_the_changed_fields(cast, person):
    updated = person_update(
        actor=cast.caseworker,
        person=person,
        version=1,
        changes={"pronouns": "they/them", "given_name": "Ada"},
    )

    assert (updated.pronouns, updated.version) == ("they/them", 2)
    assert AuditEntry.objects.get(action="update").fields == ["pronouns"]


def test_a_stale_edit_is_refused_and_the_first_edit_stays(cast, person):
    person_update(actor=cast.caseworker, person=person, version=1, changes={"pronouns": "they/them"})

    with pytest.raises(StaleEdit) as refused:
        person_update(actor=cast.teammate, person=person, version=1, changes={"pronouns": "he/him"})

    person.refresh_from_db()
    assert person.pronouns == "they/them"
    assert refused.value.current_version == 2
    assert "Someone else changed this record" in str(refused.value)


def test_a_future_birth_date_is_refused_with_a_field_error(cast, person):
    with pytest.raises(ValidationError) as refused:
        person_update(
            actor=cast.caseworker, person=person, version=1, changes={"date_of_birth": dt.date(2999, 1, 1)}
        )
    assert "date_of_birth" in refused.value.message_dict
    person.refresh_from_db()
    assert person.version == 1


def test_emergency_access_does_not_allow_edits(cast, person):
    with pytest.raises(PermissionDenied):
        person_update(actor=cast.outsider, person=person, version=1, changes={"pronouns": "x"})
