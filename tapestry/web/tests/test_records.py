"""`create_record` and `update_record`: a row and its audit entry are written together, or not at all."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tapestry.access.models import AuditEntry, Team, User
from tapestry.web.records import create_record, update_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor() -> User:
    return User.objects.create_user(username="records-actor", password="not-used-here-1")


def test_saves_the_record_and_audits_its_fields(actor):
    team = create_record(
        actor, Team(name="Outreach", description="Street team"), fields=["name", "description"]
    )

    assert Team.objects.filter(pk=team.pk, name="Outreach").exists()
    entry = AuditEntry.objects.get(object_type="access.team", object_id=str(team.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor == actor
    assert entry.fields == ["description", "name"]


def test_a_record_that_fails_its_check_is_neither_saved_nor_audited(actor):
    with pytest.raises(ValidationError):
        create_record(actor, Team(name=""), fields=["name"])

    assert not Team.objects.exists()
    assert not AuditEntry.objects.filter(object_type="access.team").exists()


def test_excluded_fields_are_left_to_the_service(actor):
    team = create_record(actor, Team(name=""), exclude=["name"], fields=["name"])

    assert Team.objects.filter(pk=team.pk).exists()


def test_clean_false_skips_the_check_and_keeps_the_purpose(actor):
    team = create_record(actor, Team(name=""), clean=False, fields=[], purpose="why")

    entry = AuditEntry.objects.get(object_type="access.team", object_id=str(team.pk))
    assert entry.purpose == "why"


def test_update_record_saves_only_the_changed_columns_with_its_update_entry(actor):
    team = Team.objects.create(name="Outreach", description="Street team")
    Team.objects.filter(pk=team.pk).update(description="Changed elsewhere")
    team.name = "Outreach North"
    team.description = "Not meant to be saved"

    update_record(actor, team, columns=["name"])

    team.refresh_from_db()
    assert (team.name, team.description) == ("Outreach North", "Changed elsewhere")
    entry = AuditEntry.objects.get(object_type="access.team", object_id=str(team.pk))
    assert (entry.action, entry.actor, entry.fields) == (AuditEntry.Action.UPDATE, actor, ["name"])


def test_update_record_names_the_fields_it_is_given_in_the_entry(actor):
    team = Team.objects.create(name="Outreach")
    team.description = "Street team"

    update_record(actor, team, columns=["description"], fields=["description", "name"])

    entry = AuditEntry.objects.get(object_type="access.team", object_id=str(team.pk))
    assert entry.fields == ["description", "name"]


def test_errors_of_gives_the_field_messages_of_a_failed_check_and_nothing_for_a_pass():
    from tapestry.web.records import errors_of

    assert errors_of(Team(name="").full_clean) == {"name": ["This field cannot be blank."]}
    assert errors_of(lambda: None) == {}
