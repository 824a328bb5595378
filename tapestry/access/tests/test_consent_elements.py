"""A consent about substance-use records holds every element of 42 CFR 2.31(a) (as amended in
2024), one about school records every element of 34 CFR 99.30; one missing any is refused,
naming the element, by the service and beside the field on the form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.access import consent_rules, policy
from tapestry.access.models import Consent, Segment
from tapestry.people import services
from tapestry.testing import OrganisationFactory, PersonFactory, assign, client_for, signed_consent_elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    return person


def part2_fields(clinic, **changes: object) -> dict[str, object]:
    return {
        "segment": Segment.SUBSTANCE_USE,
        "purpose": Consent.Purpose.TREATMENT,
        "recipient_organisation": clinic,
        "given_on": timezone.localdate(),
        **signed_consent_elements(record_parts=["treatment_plan"]),
        **changes,
    }


# Each element of 42 CFR 2.31(a) a worker records, with the value that leaves it out.
PART2_ELEMENTS = [
    ("discloser", {"discloser": ""}, "2.31(a)(2)"),
    ("record_parts", {"record_parts": []}, "2.31(a)(3)"),
    ("recipient_organisation", {"recipient_organisation": None}, "2.31(a)(4)"),
    ("revocation_statement", {"revocation_statement": ""}, "2.31(a)(6)"),
    ("expires_on", {"expires_on": None, "expiry_event": ""}, "2.31(a)(7)"),
    ("signed_by", {"signed_by": ""}, "2.31(a)(8)"),
    (
        "representative_name",
        {"signed_by": "representative", "representative_authority": "Guardian"},
        "2.31(a)(8)",
    ),
    (
        "representative_authority",
        {"signed_by": "representative", "representative_name": "Ana Okoro"},
        "2.31(a)(8)",
    ),
    ("signed_on", {"signed_on": None}, "2.31(a)(9)"),
    ("written", {"written": False}, "2.31(a)"),
]


@pytest.mark.parametrize(("field", "change", "rule"), PART2_ELEMENTS, ids=[e[0] for e in PART2_ELEMENTS])
def test_a_substance_use_consent_missing_an_element_is_refused_naming_it(cast, person, field, change, rule):
    clinic = OrganisationFactory()

    with pytest.raises(ValidationError) as refused:
        services.consent_record(actor=cast.caseworker, person=person, **part2_fields(clinic, **change))

    assert field in refused.value.message_dict
    assert rule in " ".join(refused.value.message_dict[field])
    assert not person.consents.exists()


def test_a_complete_substance_use_consent_is_recorded(cast, person):
    clinic = OrganisationFactory()

    consent = services.consent_record(actor=cast.caseworker, person=person, **part2_fields(clinic))

    assert consent_rules.missing_elements(consent) == {}


def test_an_expiry_event_stands_in_for_a_date(cast, person):
    clinic = OrganisationFactory()
    fields = part2_fields(clinic, expires_on=None, expiry_event="End of treatment at this agency")

    assert services.consent_record(actor=cast.caseworker, person=person, **fields).pk


def test_a_representative_signs_with_name_and_authority(cast, person):
    clinic = OrganisationFactory()
    fields = part2_fields(
        clinic,
        signed_by="representative",
        representative_name="Ana Okoro",
        representative_authority="Parent of a minor",
    )

    consent = services.consent_record(actor=cast.caseworker, person=person, **fields)

    assert "Ana Okoro (Parent of a minor)" in consent_rules.consent_explanation(consent)


def test_a_described_recipient_is_refused_saying_it_can_never_authorise_a_release(cast, person):
    fields = part2_fields(None, recipient_description="Dr Ade's clinic")

    with pytest.raises(ValidationError) as refused:
        services.consent_record(actor=cast.caseworker, person=person, **fields)

    message = refused.value.message_dict["recipient_organisation"][0]
    assert "can never authorise a release" in message and "Dr Ade's clinic" in message


def test_the_single_tpo_consent_may_describe_its_recipients_and_must_carry_the_hipaa_statement(cast, person):
    fields = part2_fields(
        None,
        purpose=Consent.Purpose.TPO,
        recipient_description="My treating providers, health plans and people helping to run this program",
        expires_on=None,
        expiry_event="none",
    )

    with pytest.raises(ValidationError) as refused:
        services.consent_record(actor=cast.caseworker, person=person, **fields)
    assert "2.31(a)(4)(iii)" in refused.value.message_dict["hipaa_redisclosure_statement"][0]

    consent = services.consent_record(
        actor=cast.caseworker, person=person, **fields, hipaa_redisclosure_statement=True
    )
    assert consent.is_tpo


def test_counselling_notes_need_a_consent_of_their_own(cast, person):
    clinic = OrganisationFactory()

    with pytest.raises(ValidationError) as combined:
        services.consent_record(
            actor=cast.caseworker,
            person=person,
            **part2_fields(clinic, record_parts=["counselling_notes", "treatment_plan"]),
        )
    assert "2.31(b)" in combined.value.message_dict["record_parts"][0]

    alone = services.consent_record(
        actor=cast.caseworker, person=person, **part2_fields(clinic, record_parts=["counselling_notes"])
    )
    assert alone.record_parts == ["counselling_notes"]


def test_the_tpo_purpose_belongs_to_substance_use_consents_only(cast, person):
    with pytest.raises(ValidationError) as refused:
        services.consent_record(
            actor=cast.caseworker, person=person, purpose=Consent.Purpose.TPO, information="All", segment=""
        )
    assert "42 CFR Part 2" in refused.value.message_dict["purpose"][0]


FERPA_ELEMENTS = [
    ("written", {"written": False}),
    ("record_parts", {"record_parts": []}),
    ("recipient_organisation", {"recipient_organisation": None, "recipient_description": "Any tutor"}),
    ("signed_by", {"signed_by": ""}),
    ("signed_on", {"signed_on": None}),
]


@pytest.mark.parametrize(("field", "change"), FERPA_ELEMENTS, ids=[e[0] for e in FERPA_ELEMENTS])
def test_a_school_consent_missing_a_99_30_element_is_refused(cast, person, field, change):
    fields = {
        "segment": Segment.SCHOOL,
        "purpose": Consent.Purpose.REFERRAL,
        "recipient_organisation": OrganisationFactory(),
        **signed_consent_elements(record_parts=["identity"]),
        **change,
    }

    with pytest.raises(ValidationError) as refused:
        services.consent_record(actor=cast.caseworker, person=person, **fields)

    assert "34 CFR 99.30" in " ".join(refused.value.message_dict[field])


def test_the_form_shows_each_missing_element_beside_its_field(cast, person):
    response = client_for(cast.caseworker).post(
        reverse("people:consent_add", args=[person.pk]),
        {"purpose": "treatment", "segment": Segment.SUBSTANCE_USE, "written": "on", "given_on": "2026-01-05"},
    )

    page = response.content.decode()
    # A group of checkboxes is labelled by its first box.
    for field_id in ("record_parts_0", "recipient_organisation", "expires_on", "signed_by", "signed_on"):
        assert f'id="id_{field_id}_error"' in page, field_id
    assert "42 CFR 2.31(a)(7)" in page
    assert not person.consents.exists()


def test_a_consent_recorded_before_the_2024_elements_is_never_valid_for_a_part_2_release(cast, person):
    """What the migration leaves: the old fields only. It stays on file but authorises nothing."""
    clinic = OrganisationFactory()
    old = Consent.objects.create(
        person=person,
        segment=Segment.SUBSTANCE_USE,
        information="Treatment plan only",
        recipient_organisation=clinic,
        purpose=Consent.Purpose.TREATMENT,
        written=True,
        given_on=timezone.localdate() - dt.timedelta(days=3),
    )

    found = policy.consent_for_disclosure(
        person=person, segment=Segment.SUBSTANCE_USE, purpose="treatment", recipient=clinic
    )

    assert found is None
    assert set(consent_rules.missing_elements(old)) >= {
        "record_parts",
        "signed_by",
        "signed_on",
        "expires_on",
    }


def test_the_person_page_marks_a_consent_lacking_elements_as_authorising_no_release(cast, person):
    from tapestry.testing import grant

    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    Consent.objects.create(
        person=person, segment=Segment.SUBSTANCE_USE, information="Plan", purpose="treatment", written=True
    )

    page = client_for(cast.caseworker).get(reverse("people:person_detail", args=[person.pk])).content.decode()

    assert "Incomplete: authorises no release" in page
