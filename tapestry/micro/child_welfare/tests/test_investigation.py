"""Investigating a screened-in report: the investigator, contacts, a finding per allegation, closing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Assignment
from tapestry.micro.child_welfare import services
from tapestry.micro.child_welfare.models import Allegation, Investigation, Report
from tapestry.micro.child_welfare.tests.support import (
    api_client,
    child_of,
    cw_case,
    granted,
    investigated,
    report_on,
)
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


def test_only_a_screened_in_report_is_investigated(worker):
    report = report_on(cw_case(worker))

    with pytest.raises(ValidationError, match="Only a screened-in report"):
        services.investigation_start(actor=worker, report=report, worker=worker)


def test_the_investigator_must_hold_the_grant_and_then_gets_the_family_on_their_caseload(cast, worker):
    report = report_on(cw_case(worker), screening=Report.Screening.SCREENED_IN)
    investigator = UserFactory(role="child_welfare_worker")

    with pytest.raises(ValidationError) as refused:
        services.investigation_start(actor=worker, report=report, worker=investigator)
    assert "not granted the child-welfare segment" in refused.value.message_dict["worker"][0]

    granted(investigator)
    investigation = services.investigation_start(actor=worker, report=report, worker=investigator)

    assert investigation.worker == investigator
    assert Assignment.objects.filter(staff=investigator, person=report.case.person, kind="secondary").exists()


def test_starting_in_the_page_offers_only_granted_staff(cast, worker):
    report = report_on(cw_case(worker), screening=Report.Screening.SCREENED_IN)
    plain = UserFactory(username="no_grant_worker", role="caseworker")

    page = (
        client_for(worker)
        .get(reverse("child_welfare:investigation_start", args=[report.pk]))
        .content.decode()
    )
    response = client_for(worker).post(
        reverse("child_welfare:investigation_start", args=[report.pk]),
        {"worker": worker.pk, "started_on": timezone.localdate().isoformat()},
    )

    assert f'value="{plain.pk}"' not in page
    assert response.status_code == 302
    assert Investigation.objects.get(report=report).worker == worker


def test_a_contact_is_with_a_person_on_record_or_a_collateral_source(worker):
    report = investigated(cw_case(worker))
    url = reverse("child_welfare:contact_add", args=[report.pk])
    client = client_for(worker)
    now = timezone.now().strftime("%Y-%m-%dT%H:%M")

    nobody = client.post(url, {"contacted_at": now, "method": "phone", "summary": "Called."})
    teacher = client.post(
        url,
        {
            "contacted_at": now,
            "collateral_name": "Ms Ansah, class teacher",
            "method": "phone",
            "summary": "Confirmed.",
        },
    )
    child = client.post(
        url,
        {
            "contacted_at": now,
            "person": report.case.person_id,
            "method": "home_visit",
            "summary": "Seen alone.",
        },
    )

    assert "Choose the person contacted, or name the collateral contact." in nobody.content.decode()
    assert teacher.status_code == child.status_code == 302
    assert [c.who for c in report.investigation.contacts.all()] == [
        "Ms Ansah, class teacher",
        str(report.case.person),
    ]


def test_a_contact_cannot_predate_the_investigation(worker):
    report = investigated(cw_case(worker))

    with pytest.raises(ValidationError) as refused:
        services.contact_record(
            actor=worker,
            investigation=report.investigation,
            contacted_at=timezone.now() - timedelta(days=5),
            collateral_name="School nurse",
            method="phone",
            summary="Earlier call.",
        )

    assert "contacted_at" in refused.value.message_dict


def test_api_records_a_contact(worker):
    report = investigated(cw_case(worker))

    response = api_client(worker).post(
        f"/api/v1/child-welfare/reports/{report.pk}/investigation/contacts",
        {
            "person_id": report.case.person_id,
            "method": "face_to_face",
            "summary": "Seen at school with the nurse.",
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["person"]["id"] == report.case.person_id
    detail = api_client(worker).get(f"/api/v1/child-welfare/reports/{report.pk}/investigation").json()
    assert [c["summary"] for c in detail["contacts"]] == ["Seen at school with the nurse."]


def test_api_contact_without_an_investigation_is_404(worker):
    report = report_on(cw_case(worker), screening=Report.Screening.SCREENED_IN)

    response = api_client(worker).post(
        f"/api/v1/child-welfare/reports/{report.pk}/investigation/contacts",
        {"collateral_name": "Nurse", "method": "phone", "summary": "Call."},
        content_type="application/json",
    )

    assert response.status_code == 404


def test_a_finding_needs_its_basis_and_is_recorded_per_allegation(worker):
    report = investigated(cw_case(worker))
    allegation = report.allegations.get()
    url = reverse("child_welfare:finding_record", args=[allegation.pk])

    bare = client_for(worker).post(url, {"version": 1, "finding": "substantiated", "found_on": ""})
    done = client_for(worker).post(
        url,
        {
            "version": 1,
            "finding": "substantiated",
            "finding_note": "Nurse saw the injuries; father admitted it.",
        },
    )

    assert "Say what the finding rests on." in bare.content.decode()
    assert done.status_code == 302
    allegation.refresh_from_db()
    assert (allegation.finding, allegation.found_by, allegation.found_on) == (
        "substantiated",
        worker,
        timezone.localdate(),
    )


def test_api_finding_refuses_a_stale_version(worker):
    report = investigated(cw_case(worker))
    allegation = report.allegations.get()
    url = f"/api/v1/child-welfare/allegations/{allegation.pk}/finding"
    body = {"version": 1, "finding": "inconclusive", "note": "Accounts differ."}

    first = api_client(worker).post(url, body, content_type="application/json")
    second = api_client(worker).post(
        url, {**body, "finding": "unsubstantiated"}, content_type="application/json"
    )

    assert first.status_code == 200
    assert first.json()["finding"] == "inconclusive"
    assert second.status_code == 409
    assert second.json()["errors"] == {"version": ["The current version is 2."]}


def test_the_investigation_closes_only_when_every_allegation_has_a_finding(worker):
    case = cw_case(worker)
    report = investigated(case)
    sibling = child_of(worker)
    second = Allegation.objects.create(
        report=report,
        child=sibling,
        maltreatment=Allegation.Maltreatment.EMOTIONAL,
        description="Shouted at.",
    )
    first = report.allegations.exclude(pk=second.pk).get()
    services.allegation_finding_record(
        actor=worker, allegation=first, version=1, finding="substantiated", note="Seen."
    )
    url = f"/api/v1/child-welfare/reports/{report.pk}/investigation/close"

    early = api_client(worker).post(
        url, {"version": 1, "conclusion": "Done."}, content_type="application/json"
    )
    services.allegation_finding_record(
        actor=worker, allegation=second, version=1, finding="inconclusive", note="Unclear."
    )
    closed = api_client(worker).post(
        url, {"version": 1, "conclusion": "Neglect found."}, content_type="application/json"
    )

    assert early.status_code == 400
    assert "1 still has none" in early.json()["errors"]["__all__"][0]
    assert closed.status_code == 200
    assert closed.json()["closed_on"] == timezone.localdate().isoformat()
    with pytest.raises(ValidationError, match="closed on"):
        services.contact_record(
            actor=worker, investigation=report.investigation, method="phone", summary="x", collateral_name="y"
        )


def test_the_report_page_shows_contacts_findings_and_the_next_step(worker):
    report = investigated(cw_case(worker))
    services.contact_record(
        actor=worker,
        investigation=report.investigation,
        method="home_visit",
        summary="Fridge empty.",
        person=report.case.person,
    )

    page = client_for(worker).get(reverse("child_welfare:report_detail", args=[report.pk])).content.decode()

    assert "Fridge empty." in page
    assert reverse("child_welfare:finding_record", args=[report.allegations.get().pk]) in page
    assert reverse("child_welfare:investigation_close", args=[report.pk]) in page
