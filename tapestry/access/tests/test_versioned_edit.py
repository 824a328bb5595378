"""`versioned_edit`: a versioned edit of exactly the fields it sends, refused when stale."""

from __future__ import annotations

import pytest

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.access.versioning import versioned_edit
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor() -> User:
    return User.objects.create_user(username="edit-actor", password="not-used-here-1")


def test_the_sent_fields_are_changed_versioned_and_audited(actor):
    organisation = OrganisationFactory(name="Riverton Food Bank", phone="")

    edited = versioned_edit(actor, organisation, 1, name="Riverton Community Food Bank", phone="555-0100")

    organisation.refresh_from_db()
    assert (organisation.name, organisation.phone, organisation.version) == (
        "Riverton Community Food Bank",
        "555-0100",
        2,
    )
    assert edited.version == 2
    entry = AuditEntry.objects.get(object_type="people.organisation", object_id=str(organisation.pk))
    assert (entry.action, entry.fields) == (AuditEntry.Action.UPDATE, ["name", "phone"])


def test_a_stale_version_changes_nothing(actor):
    organisation = OrganisationFactory(name="Riverton Food Bank")

    with pytest.raises(StaleEdit):
        versioned_edit(actor, organisation, 7, name="Someone else's name")

    organisation.refresh_from_db()
    assert (organisation.name, organisation.version) == ("Riverton Food Bank", 1)
    assert not AuditEntry.objects.filter(object_type="people.organisation").exists()
