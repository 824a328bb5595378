"""Placements: a child lives in one placement at a time, and moves are recorded with their reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.child_welfare import services
from tapestry.micro.child_welfare.models import Placement
from tapestry.micro.child_welfare.tests.support import api_client, child_of, granted, removal_case
from tapestry.people.models import Organisation
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


@pytest.fixture
def case(worker):
    return removal_case(worker)


def place(worker, case, *, days_ago: int, kind: str = Placement.Type.KINSHIP, **extra) -> Placement:
    extra.setdefault("carer_person", child_of(worker))
    return services.placement_start(
        actor=worker,
        case=case,
        child=case.person,
        placement_type=kind,
        started_on=TODAY() - timedelta(days=days_ago),
        reason="The safety plan could not hold.",
        **extra,
    )


def test_a_child_cannot_have_two_open_placements(worker, case):
    first = place(worker, case, days_ago=30)

    with pytest.raises(ValidationError) as refused:
        place(worker, case, days_ago=2, kind=Placement.Type.FOSTER)

    message = refused.value.message_dict["child"][0]
    assert "already has an open placement (kinship care since" in message
    assert "End the current placement" in message
    assert list(Placement.objects.filter(ended_on__isnull=True)) == [first]


def test_a_move_ends_the_current_placement_on_the_new_start_date(worker, case):
    kinship = place(worker, case, days_ago=30)

    with pytest.raises(ValidationError) as no_reason:
        place(worker, case, days_ago=2, kind=Placement.Type.FOSTER, end_current=True)
    foster = place(
        worker,
        case,
        days_ago=2,
        kind=Placement.Type.FOSTER,
        carer_organisation=OrganisationFactory(name="Northside Fostering"),
        end_current=True,
        change_reason="Grandmother's health no longer allows it.",
    )

    kinship.refresh_from_db()
    assert "change_reason" in no_reason.value.message_dict
    assert (kinship.ended_on, kinship.end_reason, kinship.version) == (
        foster.started_on,
        "Grandmother's health no longer allows it.",
        2,
    )
    assert foster.is_open


def test_a_new_placement_cannot_start_inside_an_earlier_one(worker, case):
    earlier = place(worker, case, days_ago=30)
    services.placement_end(
        actor=worker,
        placement=earlier,
        version=1,
        ended_on=TODAY() - timedelta(days=10),
        end_reason="Went home.",
    )

    with pytest.raises(ValidationError) as refused:
        place(worker, case, days_ago=20)

    assert "was in another placement until" in refused.value.message_dict["started_on"][0]
    assert place(worker, case, days_ago=10).started_on == TODAY() - timedelta(days=10)


def test_the_database_also_refuses_a_second_open_placement(worker, case):
    first = place(worker, case, days_ago=5)

    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(
            case=case, child=first.child, placement_type="foster", carer_person=first.carer_person,
            started_on=TODAY(), reason="Duplicate",
        )  # fmt: skip


def test_the_placement_page_shows_the_rule_beside_the_child(worker, case):
    place(worker, case, days_ago=30)
    carer = child_of(worker)
    url = reverse("child_welfare:placement_create", args=[case.pk])
    data = {
        "child": case.person.pk,
        "placement_type": "foster",
        "carer_person": carer.pk,
        "started_on": TODAY().isoformat(),
        "reason": "Emergency.",
    }

    refused = client_for(worker).post(url, data)
    moved = client_for(worker).post(
        url, {**data, "end_current": "on", "change_reason": "Kin placement broke down."}
    )

    assert 'id="id_child_error"' in refused.content.decode()
    assert moved.status_code == 302
    assert Placement.objects.filter(child=case.person, ended_on__isnull=True).get().placement_type == "foster"


def test_a_placement_needs_a_carer(worker, case):
    with pytest.raises(ValidationError) as refused:
        place(worker, case, days_ago=1, carer_person=None)

    assert refused.value.message_dict["carer_person"] == ["Name the carer, the organisation, or both."]


def test_api_places_refuses_a_second_and_ends_once(worker, case):
    agency = OrganisationFactory(name="Harbour Residential", kind=Organisation.Kind.NONPROFIT)
    url = f"/api/v1/cases/{case.pk}/child-welfare/placements"
    body = {
        "child_id": case.person.pk,
        "placement_type": "residential",
        "carer_organisation_id": agency.pk,
        "started_on": (TODAY() - timedelta(days=3)).isoformat(),
        "reason": "Needs specialist care.",
    }
    api = api_client(worker)

    made = api.post(url, body, content_type="application/json")
    second = api.post(url, body, content_type="application/json")
    end_url = f"/api/v1/child-welfare/placements/{made.json()['id']}/end"
    ended = api.post(
        end_url,
        {"version": 1, "ended_on": TODAY().isoformat(), "end_reason": "Home."},
        content_type="application/json",
    )
    again = api.post(
        end_url,
        {"version": 1, "ended_on": TODAY().isoformat(), "end_reason": "Home."},
        content_type="application/json",
    )

    assert made.status_code == 201
    assert made.json()["carer_organisation"] == {"id": agency.pk, "name": "Harbour Residential"}
    assert second.status_code == 400
    assert "already has an open placement" in second.json()["errors"]["child"][0]
    assert ended.status_code == 200
    assert ended.json()["ended_on"] == TODAY().isoformat()
    assert again.status_code == 400
    assert "already ended" in again.json()["errors"]["ended_on"][0]
    listed = api.get(url).json()
    assert [item["ended_on"] for item in listed["items"]] == [TODAY().isoformat()]
