"""Helpers for the treatment tests: cases in and out of the substance-use segment, consents, an API client."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from tapestry.access.models import Consent, Segment, User
from tapestry.access.tokens import token_create
from tapestry.micro.cases.models import Case
from tapestry.micro.treatment.models import MedicationCheckin, TeamNote, TreatmentPlan
from tapestry.people.models import Organisation, Person
from tapestry.testing import OrganisationFactory, grant, open_case


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def substance_use_case(worker: User, *, granted: bool = True, **fields: object) -> Case:
    if granted:
        grant(worker, Segment.SUBSTANCE_USE)
    return open_case(worker, case_type=Case.Type.SUBSTANCE_USE, segment=Segment.SUBSTANCE_USE, **fields)


def mental_health_case(worker: User, **fields: object) -> Case:
    return open_case(worker, case_type=Case.Type.MENTAL_HEALTH, segment="", **fields)


def clinic(name: str = "Harbourview Recovery Clinic") -> Organisation:
    return OrganisationFactory(kind=Organisation.Kind.HEALTH, name=name)


def written_consent(person: Person, recipient: Organisation | None, **fields: object) -> Consent:
    """A substance-use consent holding every element of 42 CFR 2.31(a); change any by keyword."""
    values = {
        "segment": Segment.SUBSTANCE_USE,
        "information": "Treatment plan and attendance",
        "record_parts": ["treatment_plan", "medication", "team_notes"],
        "discloser": "Tapestry demo agency",
        "recipient_organisation": recipient,
        "purpose": Consent.Purpose.TREATMENT,
        "written": True,
        "document_reference": "Signed form SU-1",
        "revocation_statement": "You may revoke this consent in writing at any time.",
        "signed_by": Consent.Signer.PERSON,
        "signed_on": timezone.localdate() - dt.timedelta(days=10),
        "given_on": timezone.localdate() - dt.timedelta(days=10),
        "expires_on": timezone.localdate() + dt.timedelta(days=365),
        **fields,
    }
    return Consent.objects.create(person=person, **values)


def plan_for(case: Case, **fields: object) -> TreatmentPlan:
    values = {
        "diagnosis": "Alcohol use disorder, moderate",
        "problems": "Drinking most evenings",
        "goals": "Two dry days a week",
        "interventions": "Motivational interviewing",
        "frequency": "Weekly",
        "review_on": timezone.localdate() + dt.timedelta(days=60),
        **fields,
    }
    return TreatmentPlan.objects.create(case=case, **values)


def checkin_for(case: Case, **fields: object) -> MedicationCheckin:
    values = {
        "medication": "Naltrexone 50 mg",
        "adherence": MedicationCheckin.Adherence.AS_PRESCRIBED,
        **fields,
    }
    return MedicationCheckin.objects.create(case=case, **values)


def note_for(case: Case, author: User, **fields: object) -> TeamNote:
    values = {"discipline": TeamNote.Discipline.NURSING, "text": "Seen today; well.", **fields}
    return TeamNote.objects.create(case=case, author=author, **values)
