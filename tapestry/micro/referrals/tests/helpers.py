"""Shared set-up for the referrals tests: a case, a directory service and the consents around them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import Consent, Segment, User
from tapestry.directory.models import Service
from tapestry.directory.tests.factories import service_at
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.referrals import services
from tapestry.micro.referrals.models import Referral
from tapestry.needs.models import Need
from tapestry.people.models import Organisation, Person
from tapestry.testing import OrganisationFactory, grant, open_case, signed_consent_elements

RECIPIENT = "Harbour Recovery Collective"


def recipient() -> Organisation:
    """The agency's own record of the provider, matched to the directory by name."""
    return Organisation.objects.filter(name=RECIPIENT).first() or OrganisationFactory(name=RECIPIENT)


def directory_service(
    name: str = "Outpatient treatment", needs: tuple[str, ...] = ("substance-use",)
) -> Service:
    return service_at(40.0, -75.0, needs=needs, name=name, organization__name=RECIPIENT)


def a_case(
    worker: User, *, segment: str = "", person: Person | None = None, needs: tuple[str, ...] = ()
) -> Case:
    if segment:
        grant(worker, Segment(segment))
    case_type = "substance_use" if segment == Segment.SUBSTANCE_USE else "case_management"
    case = open_case(worker, person=person, segment=segment, case_type=case_type)
    for code in needs:
        CaseNeed.objects.create(case=case, need=Need.objects.get(code=code))
    return case


def consent(
    person: Person,
    *,
    to: Organisation | None = None,
    segment: str = "",
    written: bool = False,
    purpose: str = Consent.Purpose.REFERRAL,
    **fields: object,
) -> Consent:
    # A written consent holds every element the law asks of it unless a test says otherwise.
    elements = signed_consent_elements(**fields) if written else fields
    return Consent.objects.create(
        person=person,
        segment=segment,
        information="Name, contact details and needs",
        recipient_organisation=to,
        purpose=purpose,
        written=written,
        given_on=fields.pop("given_on", timezone.localdate() - dt.timedelta(days=1)),
        **{name: value for name, value in elements.items() if name not in ("written", "given_on")},
    )


def record(actor: User, case: Case, service: Service | None = None, **fields: object) -> Referral:
    fields.setdefault("reason", "Asking for an assessment for outpatient treatment.")
    return services.referral_create(actor=actor, case=case, service=service or directory_service(), **fields)


def sent(actor: User, case: Case, service: Service | None = None, **fields: object) -> Referral:
    """A referral recorded and sent, with a consent open to any recipient (general segment only)."""
    referral = record(actor, case, service, **fields)
    if not Consent.objects.filter(person=case.person, segment=case.segment).exists():
        consent(case.person, segment=case.segment)
    return services.referral_send(actor=actor, referral=referral, version=referral.version)
