"""The referral pages: a case's referrals, a new referral found in the directory, one referral."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.directory.tests.factories import service_at
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, consent, directory_service, record, sent
from tapestry.people.models import Address
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_case_index_lists_the_case_s_referrals(cast):
    case = a_case(cast.caseworker)
    sent(cast.caseworker, case, directory_service(name="Outpatient treatment"))
    record(cast.caseworker, case, directory_service(name="Family recovery group"))
    record(cast.caseworker, a_case(cast.caseworker), directory_service(name="Another case's referral"))

    text = client_for(cast.teammate).get(reverse("referrals:case_index", args=[case.pk])).content.decode()

    assert f"<h1>Referrals for {case.person.display_name}</h1>" in text
    assert "Outpatient treatment" in text and "Family recovery group" in text
    assert "Another case" not in text
    assert "<td>Sent</td>" in text and "<td>Recorded, not sent</td>" in text
    assert reverse("referrals:referral_create", args=[case.pk]) in text


def test_new_referral_starts_with_services_near_the_person_s_home(cast):
    case = a_case(cast.caseworker)
    Address.objects.create(person=case.person, line1="3 Loom Avenue", city="Riverton", postcode="00815")
    service_at(40.05, -75.02, name="Upriver pantry", needs=("food-insecurity",))
    service_at(40.0, -75.02, name="Harbour pantry", needs=("food-insecurity",))
    client = client_for(cast.caseworker)
    url = reverse("referrals:referral_create", args=[case.pk])

    first = client.get(url)
    page = client.get(first["Location"])

    assert first["Location"] == f"{url}?near_postcode=00815"
    text = page.content.decode()
    assert text.index("Harbour pantry") < text.index("Upriver pantry")
    assert "Refer to this service" in text


def test_a_confidential_address_is_not_used_to_search(cast):
    case = a_case(cast.caseworker)
    Address.objects.create(
        person=case.person, line1="Shelter", city="Riverton", postcode="00815", confidential=True
    )

    response = client_for(cast.caseworker).get(reverse("referrals:referral_create", args=[case.pk]))

    assert response.status_code == 200


def test_picking_a_service_then_recording_the_referral(cast):
    case = a_case(cast.caseworker, needs=("substance-use", "unemployment"))
    other = a_case(cast.caseworker, needs=("food-insecurity",))
    service = directory_service()
    client = client_for(cast.caseworker)
    url = reverse("referrals:referral_create", args=[case.pk])

    form = client.get(url, {"q": "treatment", "service": service.pk}).content.decode()
    need = case.needs.get(need__code="substance-use")
    done = client.post(
        url,
        {
            "service": service.pk,
            "reason": "Assessment, please.",
            "urgency": "soon",
            "needs": [need.pk],
            "parts": ["identity", "needs"],
        },
        follow=True,
    )

    assert "Referring to Outpatient treatment" in form
    assert (
        "Substance use treatment: identified" in form
        and "Food insecurity" not in form.split("Or find another")[0]
    )
    assert other.needs.get().need.label not in form.split("Or find another")[0]
    referral = Referral.objects.get()
    assert (referral.status, referral.urgency, referral.parts) == ("draft", "soon", ["identity", "needs"])
    assert list(referral.needs.all()) == [need]
    assert "Referral to Outpatient treatment recorded." in done.content.decode()
    assert done.redirect_chain[-1][0] == reverse("referrals:referral_detail", args=[referral.pk])


def test_a_referral_form_with_errors_shows_them_by_the_field(cast):
    case = a_case(cast.caseworker)
    service = directory_service()

    response = client_for(cast.caseworker).post(
        reverse("referrals:referral_create", args=[case.pk]),
        {"service": service.pk, "reason": "", "urgency": "routine"},
    )

    assert response.status_code == 400
    assert 'id="id_reason_error"' in response.content.decode()
    assert not Referral.objects.exists()


def test_the_detail_page_shows_the_referral_and_its_history(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))

    text = (
        client_for(cast.supervisor)
        .get(reverse("referrals:referral_detail", args=[referral.pk]))
        .content.decode()
    )

    assert f"<h1>Referral to {referral.service.name}</h1>" in text
    assert "In force: Consent: Referral to a service to any recipient" in text
    assert "Answer due by" in text
    assert reverse("referrals:referral_summary", args=[referral.pk]) in text


def test_sending_from_the_detail_page(cast):
    case = a_case(cast.caseworker)
    referral = record(cast.caseworker, case)
    consent(case.person)
    response = client_for(cast.caseworker).post(
        reverse("referrals:referral_send", args=[referral.pk]), {"version": referral.version}, follow=True
    )

    assert f"Referral sent to {referral.service.name}." in response.content.decode()
    assert Referral.objects.get().status == "sent"


def test_people_outside_the_caseload_cannot_open_referrals(cast):
    referral = record(cast.caseworker, a_case(cast.caseworker))

    assert (
        client_for(cast.outsider).get(reverse("referrals:referral_detail", args=[referral.pk])).status_code
        == 403
    )
    assert (
        client_for(cast.outsider).get(reverse("referrals:case_index", args=[referral.case_id])).status_code
        == 403
    )
    assert (
        client_for(cast.caseworker).get(reverse("referrals:referral_detail", args=[999999])).status_code
        == 404
    )
