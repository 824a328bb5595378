"""Shared set-up for the partners tests: an agreement, and referrals exchanged with the partner."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import User
from tapestry.directory.tests.factories import service_at
from tapestry.mezzo.partners.models import IncomingReferral, Partnership
from tapestry.micro.cases.models import Case
from tapestry.micro.referrals.models import Referral
from tapestry.people.models import Organisation
from tapestry.testing import OrganisationFactory, open_case


def today() -> dt.date:
    return timezone.localdate()


def partnership(organisation: Organisation | None = None, **fields: object) -> Partnership:
    fields.setdefault("agreement_type", Partnership.AgreementType.REFERRAL)
    fields.setdefault("starts_on", today() - dt.timedelta(days=100))
    return Partnership.objects.create(organisation=organisation or OrganisationFactory(), **fields)


def sent_referrals(
    organisation: Organisation, case: Case, count: int, status: str = "sent"
) -> list[Referral]:
    """`count` referrals from the case to a directory service the partner provides, sent this month."""
    service = service_at(40.0, -75.0, organization__name=organisation.name)
    return [
        Referral.objects.create(
            case=case,
            service=service,
            reason=f"Referral {n}",
            status=status,
            sent_at=timezone.now(),
            created_by=case.worker,
        )
        for n in range(count)
    ]


def received(partner: Partnership, case: Case, count: int = 1) -> list[IncomingReferral]:
    return [
        IncomingReferral.objects.create(
            partnership=partner, case=case, reason="Please help", received_on=today()
        )
        for _ in range(count)
    ]


def case_of(worker: User, **fields: object) -> Case:
    return open_case(worker, **fields)
