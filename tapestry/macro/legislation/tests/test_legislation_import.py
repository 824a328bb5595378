"""Importing a bill from an Open States (API v3) bill file: all of it, or nothing and every problem.

The fixture is written from the published field list of Open States' bill schema (api/schemas.py
of openstates/api-v3), for a made-up state.
"""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import Action, Bill, Legislator, Position, Status
from tapestry.macro.legislation.tests.support import api_client, openstates_bill
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(cast):
    return cast.by_role["community_organiser"]


def test_a_bill_is_imported_with_its_history(organiser):
    report = services.bill_import(actor=organiser, data=openstates_bill())

    assert report.ok and report.created
    bill = Bill.objects.get()
    assert (bill.jurisdiction, bill.session, bill.identifier) == ("Example State", "2026", "HB 210")
    assert bill.jurisdiction_ocd_id == "ocd-jurisdiction/country:us/state:zz/government"
    assert bill.from_organization == "House of Delegates"
    assert bill.classification == ["bill"]
    assert sorted(bill.subjects.values_list("name", flat=True)) == ["Homelessness", "Housing"]
    assert bill.abstract == "Keeps emergency shelters open from October to April."
    assert [a.classification for a in bill.actions.all()] == [
        ["introduction", "reading-1"],
        ["referral-committee"],
        ["committee-passage-favorable"],
    ]
    assert bill.actions.last().organization == "Health and Human Services"
    assert bill.status == Status.REPORTED and str(bill.status_date) == "2026-02-20"
    sponsors = {s.name: s for s in bill.sponsorships.all()}
    assert (
        sponsors["Rivera Okafor"].primary
        and sponsors["Rivera Okafor"].legislator.office == "Delegate, district 7"
    )
    assert sponsors["Tenants Union of Example"].entity_type == "organization"
    assert sponsors["Tenants Union of Example"].classification == "cosponsor"
    assert bill.versions.get().links[0] == {
        "url": "https://legislature.example/hb210/introduced.pdf",
        "media_type": "application/pdf",
    }
    assert bill.sources == [{"url": "https://legislature.example/hb210", "note": "bill page"}]
    assert "votes" in report.unkept and "id" not in report.unkept
    assert organiser in bill.followers.all()
    assert AuditEntry.objects.filter(object_type__endswith="bill", action=AuditEntry.Action.CREATE).exists()


def test_importing_the_same_bill_again_updates_it_and_keeps_the_agencys_work(organiser):
    first = services.bill_import(actor=organiser, data=openstates_bill()).bill
    services.position_set(
        actor=organiser,
        bill=first,
        version=0,
        stance="support",
        rationale="Saves lives.",
        decided_by="Board",
        decided_on="2026-02-01",
    )
    later = openstates_bill(title="Extending the winter shelter season (amended)")
    later["actions"].append(
        {
            "organization": {"name": "House of Delegates"},
            "description": "Passed",
            "date": "2026-03-01",
            "classification": ["passage"],
            "order": 3,
        }
    )

    report = services.bill_import(actor=organiser, data=later)

    assert report.ok and not report.created
    assert Bill.objects.count() == 1 and Action.objects.count() == 4
    bill = Bill.objects.get()
    assert bill.title.endswith("(amended)") and bill.status == Status.PASSED_CHAMBER
    assert Position.objects.get(bill=bill).stance == "support"
    assert Legislator.objects.count() == 1


def test_a_bill_tracked_by_hand_is_matched_by_jurisdiction_session_and_identifier(organiser):
    services.bill_create(
        actor=organiser, jurisdiction="Example State", session="2026", identifier="HB 210", title="By hand"
    )

    report = services.bill_import(actor=organiser, data=openstates_bill())

    assert report.ok and not report.created
    bill = Bill.objects.get()
    assert bill.openstates_id == "ocd-bill/00000000-0000-4000-8000-00000000a101"
    assert bill.title == "Extending the winter shelter season"


def test_every_problem_is_reported_by_where_it_is_and_nothing_is_stored(organiser):
    data = openstates_bill(identifier="", classification=["bill", "decree"])
    data["jurisdiction"] = {"name": "Example State", "classification": "province"}
    data["actions"][1]["date"] = "12 January"
    data["actions"][2]["classification"] = ["passed"]
    data["sponsorships"][0]["entity_type"] = "robot"
    data["versions"][0]["links"][0]["url"] = "ftp://legislature.example/x.pdf"

    report = services.bill_import(actor=organiser, data=data)

    assert not report.ok
    assert report.errors() == {
        "identifier": ["This field is required."],
        "classification[1]": ["“decree” is not a classification Open States uses."],
        "jurisdiction.classification": ["Give state, municipality or country."],
        "actions[1].date": ["“12 January” is not a date (YYYY-MM-DD)."],
        "actions[2].classification[0]": ["“passed” is not a classification Open States uses."],
        "sponsorships[0].entity_type": ["Give person or organization."],
        "versions[0].links[0].url": ["Give a web address starting with https:// or http://."],
    }
    assert "nothing was imported; 7 problems to fix" in report.summary()
    assert not Bill.objects.exists() and not Legislator.objects.exists()


def test_a_file_that_is_not_one_bill_is_refused(organiser):
    assert services.bill_import_file(actor=organiser, content=b"{not json", source="x.json").errors() == {
        "file": ["Not JSON: Expecting property name enclosed in double quotes (line 1, column 2)."]
    }
    assert services.bill_import_file(actor=organiser, content=b"[]", source="x.json").errors() == {
        "file": ["Give one bill: a JSON object with the fields of an Open States bill."]
    }


def test_a_bill_whose_id_belongs_to_another_tracked_bill_is_refused(organiser):
    services.bill_import(actor=organiser, data=openstates_bill())
    services.bill_create(
        actor=organiser, jurisdiction="Example State", session="2026", identifier="HB 211", title="x"
    )

    report = services.bill_import(actor=organiser, data=openstates_bill(identifier="HB 211"))

    assert report.errors() == {
        "identifier": ["Another tracked bill already is HB 211 of Example State (2026)."]
    }
    assert Bill.objects.get(identifier="HB 210").title == "Extending the winter shelter season"


def test_the_import_page_shows_the_report(organiser):
    client = client_for(organiser)
    url = reverse("legislation:bill_import")
    bad = openstates_bill(title="")
    response = client.post(url, {"file": SimpleUploadedFile("hb210.json", json.dumps(bad).encode())})

    assert response.status_code == 400
    page = response.content.decode()
    assert "hb210.json: nothing was imported; 1 problem to fix." in page
    assert "<code>title</code>" in page and not Bill.objects.exists()

    response = client.post(
        url, {"file": SimpleUploadedFile("hb210.json", json.dumps(openstates_bill()).encode())}
    )

    assert response.status_code == 200
    assert "HB 210 (2026) added, with 3 actions, 2 sponsors and 1 version." in response.content.decode()


def test_a_file_over_the_size_limit_is_refused_by_the_field(organiser):
    client = client_for(organiser)
    big = SimpleUploadedFile("huge.json", b" " * (5 * 1024 * 1024 + 1))

    response = client.post(reverse("legislation:bill_import"), {"file": big})

    assert response.status_code == 400
    assert "over 5 MB" in response.context["form"].errors["file"][0]
    assert not Bill.objects.exists()


def test_the_api_imports_and_updates(organiser):
    client = api_client(organiser)
    url = "/api/v1/legislation/bills/import"

    first = client.post(url, openstates_bill(), content_type="application/json")
    again = client.post(url, openstates_bill(), content_type="application/json")
    bad = client.post(url, openstates_bill(session=12), content_type="application/json")

    assert first.status_code == 201 and first.json()["status"] == "reported"
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert bad.status_code == 422
    assert bad.json() == {
        "detail": "Nothing was imported: 1 problem in the bill.",
        "errors": {"session": ["Give this as text."]},
    }


def test_only_policy_work_may_import(cast):
    response = api_client(cast.by_role["evaluator"]).post(
        "/api/v1/legislation/bills/import", openstates_bill(), content_type="application/json"
    )
    assert response.status_code == 403
    assert not Bill.objects.exists()


def _stored(bill: Bill) -> tuple:
    return (
        bill.jurisdiction,
        bill.jurisdiction_ocd_id,
        bill.jurisdiction_classification,
        bill.session,
        bill.identifier,
        bill.title,
        bill.classification,
        bill.abstract,
        bill.status,
        sorted(bill.subjects.values_list("name", flat=True)),
        list(bill.actions.values_list("date", "description", "organization", "classification", "order")),
        list(
            bill.sponsorships.values_list(
                "name", "classification", "entity_type", "primary", "legislator__name"
            )
        ),
        list(bill.versions.values_list("note", "date", "links")),
        bill.sources,
    )


def test_an_exported_bill_imports_back_to_the_same_record(organiser):
    original = services.bill_import(actor=organiser, data=openstates_bill()).bill
    client = client_for(organiser)
    response = client.get(reverse("legislation:bill_openstates", args=[original.pk]))
    exported = json.loads(response.content)
    before = _stored(Bill.objects.get())
    assert response["Content-Disposition"] == 'attachment; filename="hb-210-2026.json"'
    assert exported["id"] == original.openstates_id
    assert exported["latest_action_description"] == "Reported favorably"

    Bill.objects.all().delete()
    Legislator.objects.all().delete()
    report = services.bill_import(actor=organiser, data=exported)

    assert report.ok and report.created
    assert _stored(Bill.objects.get()) == before


def test_a_bill_open_states_never_had_travels_without_an_id(organiser):
    bill = services.bill_create(
        actor=organiser,
        jurisdiction="Example County",
        session="",
        identifier="Policy 4",
        title="Shelter hours",
    )
    services.action_add(
        actor=organiser, bill=bill, date="2026-01-02", description="Filed", classification=["filing"]
    )
    exported = api_client(organiser).get(f"/api/v1/legislation/bills/{bill.pk}/openstates").json()
    assert "id" not in exported

    again = services.bill_import(actor=organiser, data=exported)
    Bill.objects.all().delete()
    fresh = services.bill_import(actor=organiser, data=exported)

    assert again.ok and not again.created
    assert fresh.ok and fresh.created and fresh.bill.openstates_id is None
    assert fresh.bill.status == Status.INTRODUCED
