"""Shared set-up for the mediation tests: a dispute run by a mediator, with parties."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import User
from tapestry.mezzo.mediation import services
from tapestry.mezzo.mediation.models import Dispute, Party
from tapestry.people.models import Organisation, Person
from tapestry.testing import OrganisationFactory, PersonFactory, assign

DAYS_AGO_OPENED = 30


def a_dispute(mediator: User, *, title: str = "Noise between flats 3 and 5", **fields: object) -> Dispute:
    fields.setdefault("kind", Dispute.Kind.NEIGHBOUR)
    fields.setdefault("opened_on", timezone.localdate() - dt.timedelta(days=DAYS_AGO_OPENED))
    return services.dispute_create(actor=mediator, title=title, mediators=[mediator], **fields)


def a_person_on(worker: User) -> Person:
    person = PersonFactory()
    assign(worker, person)
    return person


def with_parties(mediator: User, dispute: Dispute) -> tuple[Party, Party, Organisation]:
    """A person from the mediator's caseload, and an organisation."""
    organisation = OrganisationFactory(name="Riverton Housing Authority", kind="government")
    person_party = services.party_add(actor=mediator, dispute=dispute, person=a_person_on(mediator))
    org_party = services.party_add(
        actor=mediator, dispute=dispute, organisation=organisation, role="representative"
    )
    return person_party, org_party, organisation


def days_ago(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)
