"""The legislation API: bills and the agency's work on them, with errors in the API's one shape."""

from __future__ import annotations

import pytest

from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import Bill
from tapestry.macro.legislation.tests.support import api_client, tracked_bill

pytestmark = pytest.mark.django_db

BASE = "/api/v1/legislation"


@pytest.fixture
def organiser(cast):
    return cast.by_role["community_organiser"]


@pytest.fixture
def client(organiser):
    return api_client(organiser)


def test_a_bill_is_created_changed_and_read(client):
    created = client.post(
        f"{BASE}/bills",
        {
            "jurisdiction": "Example State",
            "session": "2026",
            "identifier": "HB 5",
            "title": "Rent caps",
            "subjects": ["Housing"],
            "classification": ["bill"],
        },
        content_type="application/json",
    )
    bill_id = created.json()["id"]
    changed = client.patch(
        f"{BASE}/bills/{bill_id}",
        {"version": 1, "title": "Rent stabilisation"},
        content_type="application/json",
    )
    stale = client.patch(
        f"{BASE}/bills/{bill_id}", {"version": 1, "title": "x"}, content_type="application/json"
    )

    assert created.status_code == 201
    assert created.json()["subjects"] == ["Housing"] and created.json()["stance"] is None
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert stale.status_code == 409
    assert Bill.objects.get().title == "Rent stabilisation"


def test_a_duplicate_bill_is_a_400_on_the_identifier(client, organiser):
    tracked_bill(organiser, "HB 5")
    response = client.post(
        f"{BASE}/bills",
        {"jurisdiction": "example state", "session": "2026", "identifier": "hb 5", "title": "Again"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "identifier" in response.json()["errors"]


def test_the_sub_records_are_added_and_shown_on_the_detail(client, organiser):
    bill = tracked_bill(organiser)
    base = f"{BASE}/bills/{bill.pk}"

    action = client.post(
        f"{base}/actions",
        {"date": "2026-01-02", "description": "Introduced", "classification": ["introduction"]},
        content_type="application/json",
    )
    sponsor = client.post(f"{base}/sponsorships", {"name": "Delegate Roe"}, content_type="application/json")
    version = client.post(
        f"{base}/versions",
        {
            "note": "Introduced",
            "links": [{"url": "https://legislature.example/hb7.pdf", "media_type": "application/pdf"}],
        },
        content_type="application/json",
    )
    position = client.put(
        f"{base}/position",
        {
            "version": 0,
            "stance": "monitor",
            "rationale": "Early days.",
            "decided_by": "Joy",
            "decided_on": "2026-01-03",
        },
        content_type="application/json",
    )
    paper = client.post(
        f"{base}/papers", {"title": "Why", "text": "Because."}, content_type="application/json"
    )
    revised = client.post(
        f"{BASE}/papers/{paper.json()['id']}/versions",
        {"version": 1, "text": "Because, v2."},
        content_type="application/json",
    )
    hearing = client.post(
        f"{base}/hearings",
        {"starts_at": "2026-03-01T10:00:00Z", "committee": "Finance"},
        content_type="application/json",
    )
    testimony = client.post(
        f"{base}/testimony",
        {
            "hearing_id": hearing.json()["id"],
            "hearing_date": "2026-03-01",
            "committee": "Finance",
            "testified_by": "Joy",
            "mode": "written",
            "summary": "Costs.",
        },
        content_type="application/json",
    )
    contact = client.post(
        f"{base}/contacts",
        {
            "legislator_name": "Senator Vale",
            "contacted_on": "2026-01-04",
            "channel": "email",
            "asked": "Support?",
        },
        content_type="application/json",
    )

    assert [
        r.status_code for r in (action, sponsor, version, paper, revised, hearing, testimony, contact)
    ] == [201] * 8
    assert position.status_code == 200 and position.json()["stance_label"] == "Monitor"
    assert [v["number"] for v in revised.json()["revisions"]] == [2, 1]
    detail = client.get(f"{base}").json()
    assert detail["status"] == "introduced" and detail["stance"] == "monitor"
    assert detail["actions"][0]["classification"] == ["introduction"]
    assert detail["sponsorships"][0]["name"] == "Delegate Roe"
    assert detail["versions"][0]["links"][0]["media_type"] == "application/pdf"
    assert detail["testimony"][0]["hearing_id"] == hearing.json()["id"]
    assert detail["contacts"][0]["legislator_name"] == "Senator Vale"
    assert len(detail["papers"][0]["revisions"]) == 2


def test_bad_input_gets_a_4xx_with_the_error_shape(client, organiser):
    bill = tracked_bill(organiser)
    other = tracked_bill(organiser, "HB 8")
    hearing = services.hearing_schedule(
        actor=organiser, bill=other, starts_at="2026-03-01T10:00:00Z", committee="Finance"
    )
    base = f"{BASE}/bills/{bill.pk}"

    unknown_class = client.post(
        f"{base}/actions",
        {"date": "2026-01-02", "description": "x", "classification": ["passed"]},
        content_type="application/json",
    )
    no_legislator = client.post(
        f"{base}/contacts",
        {"legislator_id": 999999, "contacted_on": "2026-01-04", "channel": "email", "asked": "?"},
        content_type="application/json",
    )
    nobody = client.post(
        f"{base}/contacts",
        {"contacted_on": "2026-01-04", "channel": "email", "asked": "?"},
        content_type="application/json",
    )
    foreign_hearing = client.post(
        f"{base}/testimony",
        {
            "hearing_id": hearing.pk,
            "hearing_date": "2026-03-01",
            "committee": "F",
            "testified_by": "J",
            "mode": "oral",
            "summary": "s",
        },
        content_type="application/json",
    )
    missing = client.get(f"{BASE}/bills/999999")
    stale_paper = client.post(
        f"{BASE}/papers/999999/versions", {"version": 1, "text": "t"}, content_type="application/json"
    )

    assert unknown_class.status_code == 422 and "classification" in str(unknown_class.json()["errors"])
    assert no_legislator.status_code == 400
    assert no_legislator.json()["errors"] == {"legislator_id": ["No such legislator."]}
    assert nobody.status_code == 400
    assert nobody.json()["errors"] == {"legislator_name": ["Choose a legislator or write their name."]}
    assert foreign_hearing.status_code == 400
    assert missing.status_code == 404 and missing.json()["detail"] == "No such bill or policy."
    assert stale_paper.status_code == 404


def test_the_list_filters_by_status_subject_and_position(client, organiser):
    first = tracked_bill(organiser, "HB 1", subjects=["Housing"])
    tracked_bill(organiser, "HB 2")
    services.action_add(
        actor=organiser,
        bill=first,
        date="2026-01-01",
        description="Referred",
        classification=["referral-committee"],
    )
    services.position_set(
        actor=organiser,
        bill=first,
        version=0,
        stance="support",
        rationale="r",
        decided_by="b",
        decided_on="2026-01-01",
    )

    def ids(**query):
        return [b["identifier"] for b in client.get(f"{BASE}/bills", query).json()["items"]]

    assert ids() == ["HB 1", "HB 2"]
    assert ids(status="in_committee") == ids(subject="Housing") == ids(stance="support") == ["HB 1"]
    assert client.get(f"{BASE}/bills", {"status": "sleeping"}).status_code == 422


def test_readers_read_and_only_policy_work_writes(cast, organiser):
    bill = tracked_bill(organiser)
    evaluator = api_client(cast.by_role["evaluator"])

    assert evaluator.get(f"{BASE}/bills/{bill.pk}").status_code == 200
    assert (
        evaluator.post(
            f"{BASE}/bills/{bill.pk}/actions",
            {"date": "2026-01-01", "description": "x"},
            content_type="application/json",
        ).status_code
        == 403
    )
    assert api_client(cast.caseworker).get(f"{BASE}/bills").status_code == 403
