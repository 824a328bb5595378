"""URL arguments for the treatment routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from django.utils import timezone

from tapestry.access.models import Consent, Segment
from tapestry.micro.treatment.disclosure import REDISCLOSURE_NOTICE
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan
from tapestry.testing import OrganisationFactory, grant, open_case


def examples(world: dict) -> dict[str, dict]:
    cast = world["cast"]
    # Substance-use records need the grant on top of the role; every cast member holds it here, so
    # the matrix tests the role table alone (the segment has its own tests in test_treatment_segment.py).
    for user in {*cast.by_role.values(), cast.teammate, cast.outsider}:
        grant(user, Segment.SUBSTANCE_USE)
    case = open_case(
        cast.caseworker, person=world["person"], case_type="substance_use", segment=Segment.SUBSTANCE_USE
    )
    clinic = OrganisationFactory(kind="health")
    TreatmentPlan.objects.create(
        case=case,
        diagnosis="Alcohol use disorder",
        problems="Drinking daily",
        goals="Two dry days a week",
        interventions="Weekly sessions",
        frequency="Weekly",
        review_on=timezone.localdate(),
    )
    MedicationCheckin.objects.create(case=case, medication="Naltrexone", adherence="as_prescribed")
    TeamNote.objects.create(case=case, discipline="nursing", author=cast.caseworker, text="Matrix example.")
    consent = Consent.objects.create(
        person=world["person"],
        segment=Segment.SUBSTANCE_USE,
        information="Treatment plan",
        record_parts=["treatment_plan"],
        discloser="Matrix agency",
        recipient_organisation=clinic,
        purpose="treatment",
        written=True,
        revocation_statement="Revoke in writing.",
        signed_by="person",
        signed_on=timezone.localdate(),
        expires_on=timezone.localdate(),
    )
    release = Release.objects.create(
        case=case,
        recipient=clinic,
        purpose="treatment",
        parts=["treatment_plan"],
        consent=consent,
        content={"person": {"name": str(world["person"])}, "case": {"number": case.number, "type": "x"}},
        redisclosure_notice=REDISCLOSURE_NOTICE,
        released_by=cast.caseworker,
    )
    on_case = {"case_pk": case.pk}
    api_case = {"case_id": case.pk}
    return {
        "treatment:case_index": on_case,
        "treatment:plan_edit": on_case,
        "treatment:checkin_add": on_case,
        "treatment:team_note_add": on_case,
        "treatment:release_add": on_case,
        "treatment:release_detail": {"pk": release.pk},
        "GET /api/v1/cases/{case_id}/treatment-plan": api_case,
        "PUT /api/v1/cases/{case_id}/treatment-plan": api_case,
        "GET /api/v1/cases/{case_id}/medication-checkins": api_case,
        "POST /api/v1/cases/{case_id}/medication-checkins": api_case,
        "GET /api/v1/cases/{case_id}/team-notes": api_case,
        "POST /api/v1/cases/{case_id}/team-notes": api_case,
        "GET /api/v1/cases/{case_id}/releases": api_case,
        "POST /api/v1/cases/{case_id}/releases": api_case,
    }
