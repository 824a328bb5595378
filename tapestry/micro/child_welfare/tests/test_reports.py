"""Reports of suspected abuse or neglect: intake, the people involved, and the screening decision."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import Report, ReportParticipant
from tapestry.micro.child_welfare.tests.support import api_client, child_of, cw_case, granted, report_on
from tapestry.testing import OrganisationFactory, PersonFactory, client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


def report_form(child, **overrides) -> dict:
    return {
        "received_at": "2026-03-02T09:15",
        "received_via": "phone",
        "reporter_type": "teacher",
        "reporter_name": "Ms Ansah",
        "reporter_relationship": "Class teacher",
        "concerns": "Bruise on the cheek; says dad hit him.",
        "response_priority": "24h",
        "child": child.pk,
        "maltreatment": "physical",
        "allegation_description": "Bruise on the left cheek seen on Monday.",
        **overrides,
    }


def report_body(child, **overrides) -> dict:
    return {
        "received_via": "online",
        "reporter_type": "health",
        "reporter_name": "Dr Osei",
        "concerns": "Repeated missed appointments and weight loss.",
        "response_priority": "72h",
        "allegations": [{"child_id": child.pk, "maltreatment": "neglect", "description": "Weight loss."}],
        **overrides,
    }


# Intake in the pages ----------------------------------------------------------------------------


def test_a_report_is_recorded_on_the_case_and_awaits_screening(worker):
    case = cw_case(worker)
    mother = child_of(worker)

    response = client_for(worker).post(
        reverse("child_welfare:report_create", args=[case.pk]),
        report_form(case.person, parents=[mother.pk], reporter_confidential="on"),
    )

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("child_welfare:report_detail", args=[report.pk])
    assert report.screening == Report.Screening.AWAITING
    assert report.reporter_confidential and report.is_mandated_reporter
    assert report.segment == Segment.CHILD_WELFARE
    assert {(p.person, p.role) for p in report.participants.all()} == {
        (case.person, ReportParticipant.Role.CHILD),
        (mother, ReportParticipant.Role.PARENT),
    }
    assert report.allegations.get().maltreatment == "physical"
    assert AuditEntry.objects.filter(action="create", object_type="child_welfare.report").count() == 1


def test_the_report_page_warns_that_the_reporter_is_confidential(worker):
    report = report_on(cw_case(worker), reporter_confidential=True, reporter_name="Ms Ansah")

    page = client_for(worker).get(reverse("child_welfare:report_detail", args=[report.pk])).content.decode()

    assert "Confidential reporter" in page
    assert "Ms Ansah" in page


def test_missing_allegation_details_are_shown_beside_the_fields(worker):
    case = cw_case(worker)

    response = client_for(worker).post(
        reverse("child_welfare:report_create", args=[case.pk]),
        report_form(case.person, allegation_description="", reporter_type="anonymous"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_allegation_description_error"' in page
    assert "Leave the name empty for an anonymous reporter." in page
    assert not Report.objects.exists()


def test_a_report_cannot_go_on_a_case_of_another_kind(worker):
    case = open_case(worker, case_type="counselling")

    response = client_for(worker).post(
        reverse("child_welfare:report_create", args=[case.pk]), report_form(case.person)
    )

    assert "go on a child-welfare case" in response.content.decode()
    assert not Report.objects.exists()


def test_a_report_about_a_person_opens_a_child_welfare_case_in_its_segment(worker):
    child = child_of(worker)

    response = client_for(worker).post(
        reverse("child_welfare:report_create_for_person", args=[child.pk]), report_form(child)
    )

    case = Case.objects.get(person=child)
    assert response.status_code == 302
    assert (case.case_type, case.segment, case.worker) == ("child_welfare", "child_welfare", worker)
    assert case.child_welfare_reports.count() == 1


def test_when_the_report_is_refused_no_case_is_left_behind(worker):
    child = child_of(worker)

    client_for(worker).post(
        reverse("child_welfare:report_create_for_person", args=[child.pk]),
        report_form(child, reporter_type="anonymous"),
    )

    assert not Case.objects.filter(person=child).exists()


# Screening ---------------------------------------------------------------------------------------


def screen(client, report, **data):
    return client.post(
        reverse("child_welfare:report_screen", args=[report.pk]), {"version": report.version, **data}
    )


def test_screening_out_needs_a_reason_beside_the_field(worker):
    report = report_on(cw_case(worker))

    response = screen(client_for(worker), report, screening="screened_out", response_priority="72h")

    page = response.content.decode()
    assert 'id="id_screening_reason_error"' in page
    assert "Say why the report is screened out." in page
    report.refresh_from_db()
    assert report.screening == "awaiting"


def test_referring_elsewhere_needs_the_organisation_and_a_reason(worker):
    report = report_on(cw_case(worker))

    page = screen(client_for(worker), report, screening="referred", response_priority="72h").content.decode()

    assert "Choose the organisation the report is referred to." in page
    assert "Say why the report goes to another organisation." in page


def test_screening_in_records_who_decided_and_when(worker):
    report = report_on(cw_case(worker))

    response = screen(client_for(worker), report, screening="screened_in", response_priority="24h")

    report.refresh_from_db()
    assert response.status_code == 302
    assert (report.screening, report.response_priority, report.screened_by) == ("screened_in", "24h", worker)
    assert report.screened_at is not None
    assert report.version == 2


def test_a_screened_report_is_not_offered_for_screening_again(worker):
    report = report_on(
        cw_case(worker), screening=Report.Screening.SCREENED_OUT, screening_reason="No concern."
    )

    response = client_for(worker).get(reverse("child_welfare:report_screen", args=[report.pk]), follow=True)

    assert response.redirect_chain == [(reverse("child_welfare:report_detail", args=[report.pk]), 302)]
    assert "is already screened: screened out" in response.content.decode()


def test_a_stale_screening_is_refused_with_a_conflict(worker):
    report = report_on(cw_case(worker))
    Report.objects.filter(pk=report.pk).update(version=2)

    response = screen(client_for(worker), report, screening="screened_in", response_priority="24h")

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()


# The API -------------------------------------------------------------------------------------------


def test_api_records_a_report_with_allegations_and_people(worker):
    case = cw_case(worker)
    father = child_of(worker)

    response = api_client(worker).post(
        f"/api/v1/cases/{case.pk}/child-welfare/reports",
        report_body(case.person, participants=[{"person_id": father.pk, "role": "parent"}]),
        content_type="application/json",
    )

    body = response.json()
    assert response.status_code == 201
    assert body["screening"] == "awaiting"
    assert body["allegations"][0]["child"]["id"] == case.person.pk
    assert {p["role"] for p in body["participants"]} == {"child", "parent"}
    assert body["reporter_name"] == "Dr Osei"


def test_api_needs_at_least_one_allegation(worker):
    case = cw_case(worker)

    response = api_client(worker).post(
        f"/api/v1/cases/{case.pk}/child-welfare/reports",
        report_body(case.person, allegations=[]),
        content_type="application/json",
    )

    assert response.status_code == 422
    assert "allegations" in response.json()["errors"]


def test_api_refuses_a_child_outside_the_workers_reach_by_the_field(worker):
    case = cw_case(worker)

    stranger = PersonFactory(given_name="Philomena", family_name="Quarrington")
    response = api_client(worker).post(
        f"/api/v1/cases/{case.pk}/child-welfare/reports",
        report_body(stranger),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "allegations.0.child" in response.json()["errors"]
    assert "Quarrington" not in response.content.decode()
    assert not Report.objects.exists()


def test_api_report_list_leaves_out_reporters_names(worker):
    case = cw_case(worker)
    report_on(case, reporter_name="Ms Ansah")

    body = api_client(worker).get(f"/api/v1/cases/{case.pk}/child-welfare/reports").json()

    assert body["count"] == 1
    assert "reporter_name" not in body["items"][0]


def test_api_screening_errors_name_the_fields(worker):
    report = report_on(cw_case(worker))
    url = f"/api/v1/child-welfare/reports/{report.pk}/screening"
    api = api_client(worker)

    out = api.post(url, {"version": 1, "decision": "screened_out"}, content_type="application/json")
    referred = api.post(
        url,
        {"version": 1, "decision": "referred", "reason": "Family support."},
        content_type="application/json",
    )

    assert out.status_code == 400
    assert out.json()["errors"] == {"screening_reason": ["Say why the report is screened out."]}
    assert referred.json()["errors"] == {
        "referred_to": ["Choose the organisation the report is referred to."]
    }


def test_api_screening_referred_elsewhere_and_never_twice(worker):
    report = report_on(cw_case(worker))
    agency = OrganisationFactory(name="Northside Family Services")
    url = f"/api/v1/child-welfare/reports/{report.pk}/screening"
    api = api_client(worker)

    first = api.post(
        url,
        {
            "version": 1,
            "decision": "referred",
            "reason": "Family support need, no maltreatment.",
            "referred_to_id": agency.pk,
        },
        content_type="application/json",
    )
    again = api.post(url, {"version": 2, "decision": "screened_in"}, content_type="application/json")
    stale = api.post(url, {"version": 1, "decision": "screened_in"}, content_type="application/json")

    assert first.status_code == 200
    assert first.json()["referred_to"] == {"id": agency.pk, "name": "Northside Family Services"}
    assert again.status_code == 400
    assert "already screened" in again.json()["errors"]["screening"][0]
    assert stale.status_code in (400, 409)


def test_api_opens_a_case_for_a_person_with_the_report(worker):
    child = child_of(worker)

    response = api_client(worker).post(
        f"/api/v1/persons/{child.pk}/child-welfare/reports",
        report_body(child),
        content_type="application/json",
    )

    assert response.status_code == 201
    assert Case.objects.get(pk=response.json()["case_id"]).segment == "child_welfare"


def test_opening_a_report_is_audited_with_its_purpose(worker):
    report = report_on(cw_case(worker))

    api_client(worker).get(f"/api/v1/child-welfare/reports/{report.pk}")

    entry = AuditEntry.objects.filter(action="view", object_type="child_welfare.report").get()
    assert entry.object_id == str(report.pk)
    assert entry.person_id == report.case.person_id
    assert "reporter" in entry.fields
