"""Referral consent in one flow: the consent form opens filled from the referral and comes back to it;
what goes with a referral is a required choice."""

from __future__ import annotations

import datetime as dt
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tapestry.access.models import Consent
from tapestry.micro.cases.tests.support import api_client
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, directory_service, recipient, record
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def consent_link(page: str) -> str:
    start = page.index('href="', page.index("Record consent") - 400)
    href = page[start + len('href="') : page.index('"', start + len('href="'))]
    return unescape(href)


@pytest.fixture
def waiting(cast):
    """A referral recorded but not sendable: the person has no consent for it."""
    organisation = recipient()
    referral = record(cast.caseworker, a_case(cast.caseworker), parts=["identity", "needs"])
    return referral, organisation


def test_record_consent_opens_the_form_filled_from_the_referral(cast, waiting):
    referral, organisation = waiting
    client = client_for(cast.caseworker)

    page = client.get(reverse("referrals:referral_detail", args=[referral.pk])).content.decode()
    link = consent_link(page)
    query = parse_qs(urlsplit(link).query)
    form = client.get(link).content.decode()

    assert urlsplit(link).path == reverse("people:consent_add", args=[referral.case.person_id])
    assert query["purpose"] == ["referral"]
    assert query["recipient_organisation"] == [str(organisation.pk)]
    assert query["record_parts"] == ["identity", "needs"]
    assert query["next"] == [reverse("referrals:referral_detail", args=[referral.pk])]
    assert '<option value="referral" selected>' in form
    assert f'<option value="{organisation.pk}" selected>' in form
    assert 'value="identity" checked' in form.replace(' id="id_record_parts_0"', "")
    assert "For the referral to Outpatient treatment (Harbour Recovery Collective)" in form
    assert f'name="next" value="{reverse("referrals:referral_detail", args=[referral.pk])}"' in form
    assert "Filled in from the referral" in form


def _consent_post(organisation, **overrides: object) -> dict:
    return {
        "purpose": "referral",
        "segment": "",
        "record_parts": ["identity", "needs"],
        "information": "Name, date of birth and the needs the referral is for",
        "discloser": "This agency and its staff",
        "recipient_organisation": organisation.pk,
        "signed_by": "person",
        "revocation_statement": "You may revoke this consent at any time.",
        "given_on": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
        **overrides,
    }


def test_saving_the_consent_returns_to_the_referral_which_can_then_go(cast, waiting):
    referral, organisation = waiting
    client = client_for(cast.caseworker)
    back = reverse("referrals:referral_detail", args=[referral.pk])

    response = client.post(
        reverse("people:consent_add", args=[referral.case.person_id]), _consent_post(organisation, next=back)
    )
    page = client.get(back).content.decode()

    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == back
    consent = Consent.objects.get(person=referral.case.person)
    assert (consent.purpose, consent.recipient_organisation) == ("referral", organisation)
    assert "Record consent" not in page
    assert "In force:" in page


def test_a_next_to_another_site_is_ignored(cast, waiting):
    referral, organisation = waiting
    person_id = referral.case.person_id

    response = client_for(cast.caseworker).post(
        reverse("people:consent_add", args=[person_id]),
        _consent_post(organisation, next="https://elsewhere.example/phish"),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_detail", args=[person_id])


def test_a_bad_consent_stays_on_the_form_with_the_way_back(cast, waiting):
    referral, organisation = waiting
    back = reverse("referrals:referral_detail", args=[referral.pk])

    response = client_for(cast.caseworker).post(
        reverse("people:consent_add", args=[referral.case.person_id]),
        _consent_post(organisation, next=back, purpose=""),
    )

    assert response.status_code == 200
    assert Consent.objects.count() == 0
    text = response.content.decode()
    assert f'name="next" value="{back}"' in text
    assert f'href="{back}">Cancel' in text


def test_what_goes_with_the_referral_is_required_on_the_form(cast):
    case = a_case(cast.caseworker)
    service = directory_service()

    response = client_for(cast.caseworker).post(
        reverse("referrals:referral_create", args=[case.pk]),
        {"service": service.pk, "reason": "An assessment, please.", "urgency": "routine"},
    )

    assert response.status_code == 400
    assert "Choose what goes with the referral" in response.content.decode()
    assert not Referral.objects.exists()


def test_what_goes_with_the_referral_is_required_in_the_api_and_shown(cast):
    case = a_case(cast.caseworker)
    client = api_client(cast.caseworker)
    body = {"service_id": directory_service().pk, "reason": "An assessment, please."}
    path = f"/api/v1/cases/{case.pk}/referrals"

    missing = client.post(path, body, content_type="application/json")
    empty = client.post(path, {**body, "parts": []}, content_type="application/json")
    made = client.post(path, {**body, "parts": ["identity", "needs"]}, content_type="application/json")

    assert missing.status_code == 422 and "parts" in missing.json()["errors"]
    assert empty.status_code == 422 and "parts" in empty.json()["errors"]
    assert made.status_code == 201
    assert made.json()["parts"] == ["identity", "needs"]
    assert made.json()["part_labels"][1] == "The needs this referral is for"
    assert not Referral.objects.exclude(pk=made.json()["id"]).exists()


def test_the_service_refuses_a_referral_that_sends_nothing(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        record(cast.caseworker, a_case(cast.caseworker), parts=[])

    assert "parts" in refused.value.message_dict
