"""The campaign pages as an organiser and as readers who see counts but no supporter."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.macro.campaigns.models import Campaign, Signature, Supporter
from tapestry.macro.campaigns.tests.helpers import campaign_with
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


def test_the_list_counts_targets_signatures_and_outreach(cast):
    campaign_with(3)

    page = client_for(cast["evaluator"]).get(reverse("campaigns:campaign_list"))

    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("<td>3</td>") == 3
    assert "Start a campaign" not in html


def test_a_reader_sees_counts_but_no_supporter_name(cast):
    campaign = campaign_with(2)
    petition = campaign.petitions.get()

    page = client_for(cast["program_manager"]).get(reverse("campaigns:petition_detail", args=[petition.pk]))
    organiser = client_for(cast["community_organiser"]).get(
        reverse("campaigns:petition_detail", args=[petition.pk])
    )

    assert page.status_code == 200
    assert "<strong>2</strong> signatures" in page.content.decode()
    assert "Supporter Right to Counsel 0" not in page.content.decode()
    assert "Supporter Right to Counsel 0" in organiser.content.decode()


def test_start_a_campaign_with_errors_by_the_field(cast):
    client = client_for(cast["community_organiser"])

    missing = client.post(
        reverse("campaigns:campaign_create"), {"title": "Fix the Bus", "kind": "policy_advocacy"}
    )
    saved = client.post(
        reverse("campaigns:campaign_create"),
        {
            "title": "Fix the Bus",
            "kind": "policy_advocacy",
            "status": "planning",
            "goals": "Buses.",
            "starts_on": today(),
        },
    )

    assert missing.status_code == 400 and "goals" in missing.context["form"].errors
    campaign = Campaign.objects.get()
    assert saved.status_code == 302 and saved["Location"] == reverse(
        "campaigns:campaign_detail", args=[campaign.pk]
    )


def test_a_signature_for_a_new_supporter_from_the_petition_page(cast):
    petition = campaign_with(0).petitions.get()
    client = client_for(cast["community_organiser"])
    url = reverse("campaigns:signature_add", args=[petition.pk])

    nobody = client.post(url, {"comments": "Yes"})
    signed = client.post(url, {"given_name": "Ines", "family_name": "Carvalho", "email": "ines@example.org"})

    assert nobody.status_code == 400 and "given_name" in nobody.context["form"].errors
    assert signed.status_code == 302
    assert Signature.objects.get().supporter == Supporter.objects.get(email="ines@example.org")


def test_outreach_form_offers_only_this_campaigns_targets(cast):
    campaign = campaign_with(1)
    other = campaign_with(1, title="Other")
    client = client_for(cast["community_organiser"])
    url = reverse("campaigns:outreach_log", args=[campaign.pk])

    refused = client.post(url, {"target": other.targets.get().pk, "type": "phone", "made_on": today()})
    logged = client.post(url, {"target": campaign.targets.get().pk, "type": "phone", "made_on": today()})

    assert refused.status_code == 400 and "target" in refused.context["form"].errors
    assert logged.status_code == 302 and campaign.outreaches.count() == 2


@pytest.mark.parametrize("role", ["evaluator", "grants_officer", "supervisor"])
def test_supporters_are_for_policy_work_only(cast, role):
    assert client_for(cast[role]).get(reverse("campaigns:supporter_list")).status_code == 403


def test_reads_of_supporters_are_audited(cast):
    from tapestry.access.models import AuditEntry

    petition = campaign_with(2).petitions.get()
    organiser = client_for(cast["community_organiser"])
    reader = client_for(cast["program_manager"])

    reader.get(reverse("campaigns:petition_detail", args=[petition.pk]))  # counts only: nothing to audit
    organiser.get(reverse("campaigns:petition_detail", args=[petition.pk]))
    organiser.get(reverse("campaigns:supporter_list"), {"q": "Right"})

    entries = list(AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).order_by("pk"))
    assert [(entry.actor, entry.object_type, entry.purpose) for entry in entries] == [
        (cast["community_organiser"], "campaigns.petition", "who signed the petition"),
        (cast["community_organiser"], "campaigns.supporter", "supporters: Right"),
    ]
    assert "email" in entries[0].fields


def test_the_campaign_page_offers_its_evidence_pack_to_those_who_build_packs(cast):
    campaign = campaign_with(1)
    url = reverse("campaigns:campaign_detail", args=[campaign.pk])
    build = reverse("packs:pack_create", args=[campaign.pk])

    organiser = client_for(cast["community_organiser"]).get(url).content.decode()
    reader = client_for(cast["program_manager"]).get(url)

    assert f'href="{build}">Build an evidence pack</a>' in organiser
    assert reader.status_code == 200 and build not in reader.content.decode()
