"""What a won campaign brought about goes into the directory, where workers find it by need and place."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.directory.models import Service
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.campaigns.tests.helpers import campaign_with
from tapestry.needs.models import Need
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

FORM = {
    "organisation": "Eastside Tenant Union",
    "name": "Emergency rental assistance fund",
    "description": "Up to three months of rent for households facing eviction.",
    "phone": "555-300-1200",
    "line1": "40 Market Street",
    "city": "Springfield",
    "state": "IL",
    "postcode": "62704",
}


def _won(status: str = Campaign.Status.WON) -> Campaign:
    campaign = campaign_with(1, title="Right to Counsel")
    campaign.needs.set(Need.objects.filter(code="homelessness"))
    Campaign.objects.filter(pk=campaign.pk).update(status=status, outcome="The council funded a rent fund.")
    campaign.refresh_from_db()
    return campaign


def test_the_organiser_adds_the_won_program_and_it_is_found_by_need_and_zip(cast):
    campaign = _won()
    client = client_for(cast["community_organiser"])
    need = Need.objects.get(code="homelessness")

    page = client.get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    form = client.get(reverse("campaigns:won_service_add", args=[campaign.pk])).content.decode()
    response = client.post(
        reverse("campaigns:won_service_add", args=[campaign.pk]), {**FORM, "needs": [need.pk]}, follow=True
    )

    assert "Add the program it won to the directory" in page
    assert re.search(rf'<input type="checkbox" name="needs" value="{need.pk}"[^>]* checked', form)
    service = Service.objects.get(name=FORM["name"])
    assert response.redirect_chain[-1][0] == reverse("directory:service_detail", args=[service.pk])
    assert "is in the directory, won by Right to Counsel" in response.content.decode()
    assert list(campaign.won_services.all()) == [service]
    assert service.organization.name == "Eastside Tenant Union"
    assert list(service.needs.all()) == [need]
    [location] = [at.location for at in service.service_at_locations.all()]
    assert (location.address_1, location.postal_code) == ("40 Market Street", "62704")
    assert [phone.number for phone in service.phones.all()] == ["555-300-1200"]
    found = Service.objects.filter(needs=need, service_at_locations__location__postal_code="62704")
    assert list(found) == [service]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, object_id=str(service.pk)).exists()
    detail = client.get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    assert FORM["name"] in detail


def test_a_campaign_not_won_adds_nothing_and_offers_no_link(cast):
    campaign = _won(Campaign.Status.ACTIVE)
    client = client_for(cast["community_organiser"])
    need = Need.objects.get(code="homelessness")

    page = client.get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    response = client.post(
        reverse("campaigns:won_service_add", args=[campaign.pk]), {**FORM, "needs": [need.pk]}
    )
    api = client.post(
        f"/api/v1/campaigns/{campaign.pk}/won-services",
        {**FORM, "needs": ["homelessness"]},
        content_type="application/json",
    )

    assert "Add the program it won to the directory" not in page
    assert response.status_code == 400
    assert "Only a won or partly won campaign" in response.content.decode()
    assert api.status_code == 400 and "Only a won or partly won campaign" in api.content.decode()
    assert not Service.objects.filter(name=FORM["name"]).exists()


def test_a_missing_need_or_place_is_told_next_to_its_field_and_nothing_is_stored(cast):
    campaign = _won()
    client = client_for(cast["community_organiser"])

    response = client.post(
        reverse("campaigns:won_service_add", args=[campaign.pk]), {**FORM, "line1": "", "postcode": ""}
    )

    assert response.status_code == 400
    assert response.context["form"].errors["needs"] == ["This field is required."]
    assert not Service.objects.filter(name=FORM["name"]).exists()

    response = client.post(
        reverse("campaigns:won_service_add", args=[campaign.pk]),
        {**FORM, "line1": "", "postcode": "", "needs": [Need.objects.get(code="homelessness").pk]},
    )
    assert response.context["form"].errors["postcode"] == [
        "Give where the service is (a street address or a ZIP code)."
    ]
    assert not Service.objects.filter(name=FORM["name"]).exists()


def test_the_api_adds_it_and_names_a_bad_need_code(cast):
    campaign = _won(Campaign.Status.PARTLY_WON)
    client = client_for(cast["community_organiser"])
    url = f"/api/v1/campaigns/{campaign.pk}/won-services"

    bad = client.post(url, {**FORM, "needs": ["no-such-need"]}, content_type="application/json")
    good = client.post(url, {**FORM, "needs": ["homelessness"]}, content_type="application/json")
    read = client.get(f"/api/v1/campaigns/{campaign.pk}").json()

    assert bad.status_code == 400 and "No such need: no-such-need." in bad.content.decode()
    assert good.status_code == 201
    body = good.json()
    assert body["name"] == FORM["name"] and body["organisation"] == "Eastside Tenant Union"
    assert read["won_services"] == [body]
    assert Service.objects.filter(name=FORM["name"]).count() == 1


def test_a_reader_of_counts_may_not_add_to_the_directory_for_a_campaign(cast):
    campaign = _won()
    response = client_for(cast["evaluator"]).post(
        f"/api/v1/campaigns/{campaign.pk}/won-services",
        {**FORM, "needs": ["homelessness"]},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Service.objects.filter(name=FORM["name"]).exists()
