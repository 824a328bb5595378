"""The timeline and ecomap in the API: JSON, paginated, filtered, under the same policy and audit."""

from __future__ import annotations

import datetime as dt

import pytest

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.cases.hooks import EcomapLink, TimelineEvent
from tapestry.micro.timeline.tests.support import use_providers
from tapestry.people.models import Relationship
from tapestry.testing import PersonFactory, assign, client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def rosa(cast):
    person = PersonFactory(given_name="Rosa", family_name="Rivera")
    assign(cast.caseworker, person)
    return person


def test_the_timeline_is_a_paginated_list_of_events_newest_first(cast, rosa, monkeypatch):
    case = open_case(cast.caseworker, person=rosa)
    use_providers(
        monkeypatch,
        timeline=lambda **_: [
            TimelineEvent(when=dt.date(2024, 5, n), kind="note", title=f"Note {n}", case_id=case.pk)
            for n in range(1, 8)
        ],
    )
    client = client_for(cast.caseworker)

    first = client.get(f"/api/v1/persons/{rosa.pk}/timeline", {"page_size": 3}).json()
    last = client.get(f"/api/v1/persons/{rosa.pk}/timeline", {"page_size": 3, "page": 3}).json()

    assert first["count"] == 8  # seven notes and the registration
    assert [item["title"] for item in first["items"]] == ["Registered", "Note 7", "Note 6"]
    assert [item["title"] for item in last["items"]] == ["Note 2", "Note 1"]
    note = first["items"][1]
    assert note == {
        "when": "2024-05-07",
        "day": "2024-05-07",
        "kind": "note",
        "kind_label": "Note",
        "title": "Note 7",
        "detail": "",
        "url": "",
        "case_id": case.pk,
        "case_number": case.number,
    }


def test_the_timeline_filters_by_kind_and_case(cast, rosa, monkeypatch):
    first, second = open_case(cast.caseworker, person=rosa), open_case(cast.caseworker, person=rosa)
    use_providers(
        monkeypatch,
        timeline=lambda **_: [
            TimelineEvent(when=dt.date(2024, 5, 1), kind="note", title="First", case_id=first.pk),
            TimelineEvent(when=dt.date(2024, 5, 2), kind="referral", title="Second", case_id=second.pk),
        ],
    )
    client = client_for(cast.caseworker)

    by_kind = client.get(f"/api/v1/persons/{rosa.pk}/timeline", {"kind": "referral"}).json()
    by_case = client.get(f"/api/v1/persons/{rosa.pk}/timeline", {"case_id": first.pk}).json()

    assert [item["title"] for item in by_kind["items"]] == ["Second"]
    assert [item["title"] for item in by_case["items"]] == ["First"]


def test_the_timeline_leaves_out_cases_in_segments_not_granted(cast, rosa, monkeypatch):
    case = open_case(cast.caseworker, person=rosa, case_type="substance_use", segment=Segment.SUBSTANCE_USE)
    use_providers(
        monkeypatch,
        timeline=lambda **_: [
            TimelineEvent(when=dt.date(2024, 5, 1), kind="treatment", title="Check-in", case_id=case.pk)
        ],
    )

    body = client_for(cast.caseworker).get(f"/api/v1/persons/{rosa.pk}/timeline").json()

    assert [item["title"] for item in body["items"]] == ["Registered"]


def test_out_of_reach_and_missing_persons_get_the_error_format(cast, rosa):
    refused = client_for(cast.outsider).get(f"/api/v1/persons/{rosa.pk}/timeline")
    missing = client_for(cast.caseworker).get("/api/v1/persons/999999/ecomap")

    assert refused.status_code == 403 and set(refused.json()) == {"detail", "errors"}
    assert missing.status_code == 404 and missing.json()["detail"] == "No person with this number."


def test_the_ecomap_lists_the_connections_and_is_audited(cast, rosa, monkeypatch):
    former = PersonFactory(given_name="Victor", family_name="Hale")
    Relationship.objects.create(from_person=rosa, to_person=former, kind="former_partner", no_contact=True)
    use_providers(
        monkeypatch, ecomap=lambda **_: [EcomapLink(label="Harbor Food Bank", kind="service", url="/x/")]
    )

    body = client_for(cast.caseworker).get(f"/api/v1/persons/{rosa.pk}/ecomap").json()

    assert body["person_id"] == rosa.pk and body["person_name"] == "Rosa Rivera"
    assert {
        "label": "a former partner outside your caseload",
        "kind": "family",
        "kind_label": "Family and household",
        "detail": "Former partner, no contact",
        "url": "",
        "strained": True,
    } in body["links"]
    assert any(
        link["label"] == "Harbor Food Bank" and link["kind_label"] == "Services" for link in body["links"]
    )
    assert AuditEntry.objects.filter(actor=cast.caseworker, person_id=rosa.pk, purpose="ecomap").exists()


def test_a_token_reads_the_timeline_and_the_read_is_audited(cast, rosa):
    from tapestry.access.tokens import token_create

    _, secret = token_create(actor=cast.caseworker, name="script")

    response = client_for(cast.caseworker).get(
        f"/api/v1/persons/{rosa.pk}/timeline", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )

    assert response.status_code == 200
    assert (
        AuditEntry.objects.filter(actor=cast.caseworker, person_id=rosa.pk, purpose="timeline").count() == 1
    )
