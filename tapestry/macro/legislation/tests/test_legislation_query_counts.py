"""The bill list and a bill's page run the same number of queries with 5 rows as with 50 (DESIGN rule 6)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.macro.legislation import services
from tapestry.macro.legislation.tests.support import api_client, tracked_bill
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def busy_bill(actor, rows: int):
    bill = tracked_bill(actor, subjects=["Housing", "Health"])
    services.position_set(
        actor=actor,
        bill=bill,
        version=0,
        stance="support",
        rationale="r",
        decided_by="b",
        decided_on=dt.date(2026, 1, 1),
    )
    legislator = services.legislator_create(actor=actor, name="Delegate Roe")
    for n in range(rows):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=n)
        services.action_add(
            actor=actor, bill=bill, date=day, description=f"Step {n}", classification=["referral"]
        )
        services.sponsorship_add(
            actor=actor, bill=bill, name="", legislator=legislator, classification="cosponsor"
        )
        services.version_add(actor=actor, bill=bill, note=f"Draft {n}")
        paper = services.paper_create(actor=actor, bill=bill, title=f"Paper {n}", text="t")
        services.paper_revise(actor=actor, paper=paper, version=1, text="t2")
        services.testimony_record(
            actor=actor,
            bill=bill,
            hearing_date=day,
            committee="C",
            testified_by="J",
            mode="oral",
            summary="s",
        )
        services.contact_record(
            actor=actor,
            bill=bill,
            legislator=legislator if n % 2 else None,
            legislator_name="" if n % 2 else "Senator Vale",
            contacted_on=day,
            channel="call",
            asked="?",
        )
        services.hearing_schedule(
            actor=actor,
            bill=bill,
            starts_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC) + dt.timedelta(days=n),
            committee="C",
        )
    return bill


@pytest.mark.parametrize("rows", [5, 50])
def test_bill_list(cast, rows, django_assert_num_queries):
    organiser = cast.by_role["community_organiser"]
    for n in range(rows):
        bill = tracked_bill(organiser, f"HB {n}", subjects=["Housing", f"Topic {n}"])
        if n % 2:
            services.position_set(
                actor=organiser,
                bill=bill,
                version=0,
                stance="oppose",
                rationale="r",
                decided_by="b",
                decided_on=dt.date(2026, 1, 1),
            )
    client = client_for(organiser)
    url = reverse("legislation:bill_list")
    client.get(url)

    with django_assert_num_queries(10):
        response = client.get(url)

    assert response.context["page"].paginator.count == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_bill_detail(cast, rows, django_assert_num_queries):
    organiser = cast.by_role["community_organiser"]
    bill = busy_bill(organiser, rows)
    client = client_for(organiser)
    url = reverse("legislation:bill_detail", args=[bill.pk])
    client.get(url)

    with django_assert_num_queries(15):
        response = client.get(url)

    assert response.content.decode().count("Step ") == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_api_detail(cast, rows, django_assert_num_queries):
    organiser = cast.by_role["community_organiser"]
    bill = busy_bill(organiser, rows)
    client = api_client(organiser)

    with django_assert_num_queries(12):
        response = client.get(f"/api/v1/legislation/bills/{bill.pk}")

    assert len(response.json()["actions"]) == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_api_list(cast, rows, django_assert_num_queries):
    organiser = cast.by_role["community_organiser"]
    for n in range(rows):
        tracked_bill(organiser, f"HB {n}", subjects=["Housing"])
    client = api_client(organiser)

    with django_assert_num_queries(5):
        response = client.get("/api/v1/legislation/bills?page_size=100")

    assert response.json()["count"] == rows
