"""OSDI exchange: a file written from OSDI's published field lists imports whole; an export reads
back to the same campaign; a bad file is reported by place and stores nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.access.tokens import token_create
from tapestry.macro.campaigns import osdi
from tapestry.macro.campaigns.models import (
    Activity,
    Attendee,
    Campaign,
    Outreach,
    Petition,
    Signature,
    Supporter,
    Target,
)
from tapestry.macro.campaigns.tests.helpers import campaign_with
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "osdi_campaign.json").read_text())
JSON = "application/json"


def _import(cast, document=None, kind="policy_advocacy"):
    return osdi.import_campaign(
        actor=cast["community_organiser"],
        document=copy.deepcopy(SAMPLE if document is None else document),
        kind=kind,
    )


def test_the_sample_imports_whole(cast):
    campaign = _import(cast)

    assert campaign.title == "Bring back the evening bus on route 12" and campaign.kind == "policy_advocacy"
    assert sorted(str(target) for target in campaign.targets.all()) == [
        "Agnes Whitlow, Board chair",
        "Ravi Menon, Board member",
    ]
    call = campaign.outreaches.get(type=Outreach.Type.PHONE)
    assert call.duration_minutes == 3 and call.supporter.email == "tove.arendt@example.org"
    assert call.supporter.postal_code == "00809"
    letter = campaign.outreaches.get(message="A handwritten letter.")
    assert letter.type == Outreach.Type.EMAIL and letter.supporter is None
    petition = campaign.petitions.get()
    assert petition.signatures.count() == 3
    # Tove called, signed and came, with her email in other capitals: one supporter; Lena only answered.
    assert Supporter.objects.count() == 4
    event = campaign.activities.get()
    assert event.attendance == 42
    answers = {a.supporter.given_name: (a.status, a.attended, a.comment) for a in event.attendees.all()}
    assert answers == {
        "Tove": ("accepted", True, "Bringing my neighbour."),
        "Lena": ("tentative", None, ""),
        "Kofi": ("declined", False, ""),
    }


def test_an_export_reads_back_to_the_same_campaign(cast):
    original = _import(cast)

    document = osdi.export_campaign(actor=cast["community_organiser"], campaign=original)
    document["_embedded"]["osdi:advocacy_campaigns"][0]["title"] = "Route 12, again"
    copy_ = _import(cast, document, kind="legislative_lobbying")

    for name in ("targets", "outreaches", "petitions", "activities"):
        assert getattr(copy_, name).count() == getattr(original, name).count(), name
    assert Signature.objects.filter(petition__campaign=copy_).count() == 3
    assert Supporter.objects.count() == 4  # matched by email
    assert Attendee.objects.filter(event__campaign=copy_).count() == 3
    exported = document["_embedded"]
    assert exported["osdi:advocacy_campaigns"][0]["total_outreaches"] == 3
    assert exported["osdi:petitions"][0]["total_signatures"] == 3
    assert exported["osdi:events"][0]["total_accepted"] == 42
    outreach = exported["osdi:advocacy_campaigns"][0]["_embedded"]["osdi:outreaches"][0]
    assert set(outreach) >= {"identifiers", "action_date", "type", "targets"}
    assert outreach["duration"] == 180  # whole minutes, back in seconds
    attendance = exported["osdi:events"][0]["_embedded"]["osdi:attendances"][0]
    assert set(attendance) >= {"identifiers", "action_date", "status", "attended", "_embedded"}
    assert attendance["_embedded"]["osdi:person"]["given_name"] == "Tove"


def test_an_export_is_audited_and_for_policy_work(cast):
    campaign = campaign_with(1)

    osdi.export_campaign(actor=cast["community_organiser"], campaign=campaign)
    refused = api(cast["evaluator"]).get(f"/api/v1/campaigns/{campaign.pk}/osdi")

    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.object_id == str(campaign.pk) and entry.purpose == "OSDI export"
    assert refused.status_code == 403


def test_every_problem_is_reported_by_place_and_nothing_is_stored(cast):
    bad = copy.deepcopy(SAMPLE)
    campaign = bad["_embedded"]["osdi:advocacy_campaigns"][0]
    campaign["_embedded"]["osdi:outreaches"][0]["type"] = "carrier pigeon"
    campaign["_embedded"]["osdi:outreaches"][1]["targets"] = []
    signature = bad["_embedded"]["osdi:petitions"][0]["_embedded"]["osdi:signatures"][1]
    signature["_embedded"]["osdi:person"]["email_addresses"] = [{"address": "not-an-email"}]
    bad["_embedded"]["osdi:events"][0]["start_date"] = "next Tuesday"
    bad["_embedded"]["osdi:events"][0]["_embedded"]["osdi:attendances"][1]["status"] = "maybe later"

    with pytest.raises(osdi.ImportRefused) as refused:
        _import(cast, bad)

    problems = refused.value.report.problems
    assert any(
        p.startswith("osdi:advocacy_campaigns[0]._embedded.osdi:outreaches[0].type:") for p in problems
    )
    assert any(
        p.startswith("osdi:advocacy_campaigns[0]._embedded.osdi:outreaches[1].targets:") for p in problems
    )
    assert any(
        p.startswith("osdi:petitions[0]._embedded.osdi:signatures[1]._embedded.osdi:person.email_addresses:")
        and "not-an-email" in p
        for p in problems
    )
    assert any(p.startswith("osdi:events[0].start_date:") for p in problems)
    assert any(p.startswith("osdi:events[0]._embedded.osdi:attendances[1].status:") for p in problems)
    for model in (Campaign, Target, Outreach, Petition, Signature, Supporter, Activity):
        assert not model.objects.exists(), model


def test_a_second_import_of_the_same_title_is_refused(cast):
    _import(cast)

    with pytest.raises(osdi.ImportRefused, match="already recorded"):
        _import(cast)

    assert Campaign.objects.count() == 1


def test_a_document_of_the_wrong_shape(cast):
    for document in ([], {"_embedded": {"osdi:advocacy_campaigns": []}}, {"_embedded": "x"}):
        with pytest.raises(osdi.ImportRefused):
            _import(cast, document)
    assert not Campaign.objects.exists()


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_api_imports_and_reports(cast):
    client = api(cast["community_organiser"])
    bad = copy.deepcopy(SAMPLE)
    bad["_embedded"]["osdi:petitions"][0]["petition_text"] = ""

    refused = client.post("/api/v1/campaign-imports/osdi?kind=social_justice", bad, content_type=JSON)
    made = client.post("/api/v1/campaign-imports/osdi?kind=social_justice", SAMPLE, content_type=JSON)
    exported = client.get(f"/api/v1/campaigns/{made.json()['id']}/osdi")

    assert refused.status_code == 400
    assert refused.json()["errors"]["document"] == ["osdi:petitions[0].petition_text: is required."]
    assert made.status_code == 201, made.content
    assert made.json()["kind"] == "social_justice"
    assert exported.status_code == 200
    assert (
        exported.json()["_embedded"]["osdi:advocacy_campaigns"][0]["title"]
        == SAMPLE["_embedded"]["osdi:advocacy_campaigns"][0]["title"]
    )


def test_the_import_page(cast):
    client = client_for(cast["community_organiser"])
    url = reverse("campaigns:osdi_import")

    not_json = client.post(url, {"kind": "policy_advocacy", "file": SimpleUploadedFile("a.json", b"{nope")})
    bad = copy.deepcopy(SAMPLE)
    bad["_embedded"]["osdi:events"][0]["total_accepted"] = -1
    refused = client.post(
        url, {"kind": "policy_advocacy", "file": SimpleUploadedFile("b.json", json.dumps(bad).encode())}
    )
    imported = client.post(
        url, {"kind": "policy_advocacy", "file": SimpleUploadedFile("c.json", json.dumps(SAMPLE).encode())}
    )

    assert not_json.status_code == 400 and "not JSON" in not_json.context["form"].errors["file"][0]
    assert (
        refused.status_code == 400
        and "osdi:events[0].total_accepted: must be a whole number." in refused.content.decode()
    )
    assert imported.status_code == 302
    assert imported["Location"] == reverse("campaigns:campaign_detail", args=[Campaign.objects.get().pk])
