"""The grants API: funders, opportunities, applications and their moves, proposals, awards,
deliverables, reports and deadlines, with clear 4xx answers in the API's error format."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.macro.grants.tests.support import a_program, an_application, an_award
from tapestry.needs.models import Need
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def officer(cast):
    return cast[Role.GRANTS_OFFICER]


@pytest.fixture
def api(officer):
    return client_for(officer)


def test_from_funder_to_award_through_the_api(api, officer):
    organisation = OrganisationFactory(name="Harbour Light Trust", kind="funder")
    need = Need.objects.get(code="food-insecurity")
    program = a_program("Housing Stability")

    funder = api.post(
        "/api/v1/grants/funders",
        {
            "organisation_id": organisation.pk,
            "kind": "foundation",
            "focus_need_ids": [need.pk],
            "focus": " Food ",
        },
        content_type=JSON,
    )
    assert funder.status_code == 201, funder.content
    assert (
        funder.json()["name"],
        funder.json()["focus"],
        [n["code"] for n in funder.json()["focus_needs"]],
    ) == (
        "Harbour Light Trust",
        "Food",
        ["food-insecurity"],
    )
    opportunity = api.post(
        "/api/v1/grants/opportunities",
        {
            "funder_id": funder.json()["id"],
            "title": "Pantry Partners",
            "amount_min": "5000.00",
            "amount_max": "15000.00",
            "deadline": str(timezone.localdate() + dt.timedelta(days=20)),
            "fit": 4,
            "fit_reason": "Our food work fits.",
            "program_ids": [program.pk],
        },
        content_type=JSON,
    )
    assert opportunity.status_code == 201, opportunity.content
    assert opportunity.json()["programs"] == [{"id": program.pk, "name": "Housing Stability"}]

    application = api.post(
        "/api/v1/grants/applications",
        {"opportunity_id": opportunity.json()["id"], "amount_requested": "12000"},
        content_type=JSON,
    )
    assert application.status_code == 201, application.content
    body = application.json()
    assert (body["stage"], body["title"], body["lead"]["id"]) == ("prospect", "Pantry Partners", officer.pk)
    base = f"/api/v1/grants/applications/{body['id']}"

    moved = api.post(f"{base}/stage", {"version": 1, "stage": "drafting"}, content_type=JSON)
    assert moved.status_code == 200 and moved.json()["stage"] == "drafting"
    proposal = api.post(f"{base}/proposal-versions", {"summary": "Feed 200 families"}, content_type=JSON)
    assert proposal.status_code == 201 and proposal.json()["number"] == 1
    for version, stage in ((2, "submitted"), (3, "awarded")):
        moved = api.post(f"{base}/stage", {"version": version, "stage": stage}, content_type=JSON)
        assert moved.status_code == 200, moved.content
    assert [h["to_stage"] for h in moved.json()["history"]] == [
        "prospect",
        "drafting",
        "submitted",
        "awarded",
    ]

    award = api.post(
        f"{base}/award",
        {"amount": "10000.00", "starts_on": "2026-07-01", "ends_on": "2027-06-30"},
        content_type=JSON,
    )
    assert award.status_code == 201, award.content
    award_base = f"/api/v1/grants/awards/{award.json()['id']}"
    assert (
        api.post(
            f"{award_base}/programs", {"program_id": program.pk, "amount": "6000"}, content_type=JSON
        ).status_code
        == 201
    )
    deliverable = api.post(
        f"{award_base}/deliverables",
        {"description": "Open a pantry", "due_on": "2026-09-01"},
        content_type=JSON,
    )
    report = api.post(f"{award_base}/reports", {"kind": "final", "due_on": "2027-07-31"}, content_type=JSON)
    assert (deliverable.status_code, report.status_code) == (201, 201)
    done = api.patch(
        f"/api/v1/grants/deliverables/{deliverable.json()['id']}",
        {"version": 1, "done_on": "2026-08-20"},
        content_type=JSON,
    )
    assert done.status_code == 200 and done.json()["done_on"] == "2026-08-20"

    got = api.get(award_base).json()
    assert [p["program"]["name"] for p in got["programs"]] == ["Housing Stability"]
    assert [r["kind_label"] for r in got["reports"]] == ["Final report"]
    pipeline = api.get("/api/v1/grants/pipeline").json()
    awarded = next(s for s in pipeline["stages"] if s["stage"] == "awarded")
    assert (awarded["awarded"], awarded["applications"][0]["programs"]) == ("10000.00", ["Housing Stability"])


def test_a_move_the_pipeline_refuses_is_a_400_with_the_field(api, officer):
    declined = an_application(officer, "declined")

    answer = api.post(
        f"/api/v1/grants/applications/{declined.pk}/stage",
        {"version": declined.version, "stage": "submitted"},
        content_type=JSON,
    )

    assert answer.status_code == 400
    assert answer.json()["errors"] == {
        "stage": [
            "An application that is declined cannot move to submitted; it may move to nowhere: it is final."
        ]
    }


def test_bad_input_answers_4xx_in_the_error_format(api, officer):
    award = an_award(officer)
    base = f"/api/v1/grants/awards/{award.pk}"

    negative = api.patch(base, {"version": 1, "amount": "-3"}, content_type=JSON)
    backwards = api.patch(base, {"version": 1, "ends_on": str(award.starts_on)}, content_type=JSON)
    stale = api.patch(base, {"version": 7, "notes": "x"}, content_type=JSON)
    unknown_program = api.post(f"{base}/programs", {"program_id": 999999}, content_type=JSON)
    unknown_field = api.post(
        f"{base}/reports", {"kind": "final", "due_on": "2027-01-01", "x": 1}, content_type=JSON
    )
    no_stage = api.post(
        f"/api/v1/grants/applications/{award.application_id}/stage",
        {"version": 1, "stage": "won"},
        content_type=JSON,
    )
    missing = api.get("/api/v1/grants/awards/999999")
    null_title = api.patch(
        f"/api/v1/grants/applications/{award.application_id}",
        {"version": 1, "title": None},
        content_type=JSON,
    )

    assert negative.status_code == 422 and "amount" in str(negative.json()["errors"])
    assert backwards.status_code == 400
    assert backwards.json()["errors"] == {"ends_on": ["The period must end after it starts."]}
    assert stale.status_code == 409
    assert unknown_program.status_code == 400 and unknown_program.json()["errors"] == {
        "program_id": ["No such program."]
    }
    assert unknown_field.status_code == 422
    assert no_stage.status_code == 422
    assert missing.status_code == 404 and missing.json()["detail"] == "No such award."
    assert null_title.status_code == 400 and null_title.json()["errors"] == {
        "title": ["This field cannot be empty."]
    }


def test_leadership_reads_the_pipeline_summary_and_nothing_else(cast, officer):
    application = an_application(officer, "drafting")
    manager = client_for(cast[Role.PROGRAM_MANAGER])

    summary = manager.get("/api/v1/grants/pipeline")
    detail = manager.get(f"/api/v1/grants/applications/{application.pk}")
    proposals = manager.get(f"/api/v1/grants/applications/{application.pk}/proposal-versions")

    assert summary.status_code == 200
    assert [a["title"] for s in summary.json()["stages"] for a in s["applications"]] == [application.title]
    assert (detail.status_code, proposals.status_code) == (403, 403)
    assert client_for(cast[Role.CASEWORKER]).get("/api/v1/grants/pipeline").status_code == 403


def test_deadlines_through_the_api(api, officer):
    award = an_award(officer)
    today = timezone.localdate()
    award.reports.create(kind="interim", due_on=today - dt.timedelta(days=3))
    award.deliverables.create(description="Later", due_on=today + dt.timedelta(days=200))

    rows = api.get("/api/v1/grants/deadlines").json()
    wide = api.get("/api/v1/grants/deadlines?within_days=365").json()

    assert [(r["what"], r["overdue"], r["days_left"]) for r in rows] == [("Interim report", True, -3)]
    assert [r["what"] for r in wide] == ["Interim report", "Later"]


def test_a_field_error_names_the_field_as_the_body_sent_it(api, officer):
    funder_org = OrganisationFactory(name="Willow Fund", kind="funder")
    elsewhere = OrganisationFactory(name="Elsewhere", kind="nonprofit").contacts.create(name="Bo Smith")

    answer = api.post(
        "/api/v1/grants/funders",
        {"organisation_id": funder_org.pk, "kind": "foundation", "contact_id": elsewhere.pk},
        content_type=JSON,
    )
    again = api.post(
        "/api/v1/grants/funders", {"organisation_id": funder_org.pk, "kind": "other"}, content_type=JSON
    )
    twice = api.post(
        "/api/v1/grants/funders", {"organisation_id": funder_org.pk, "kind": "other"}, content_type=JSON
    )

    assert answer.status_code == 400
    assert answer.json()["errors"] == {"contact_id": ["Choose a contact at this funder."]}
    assert again.status_code == 201
    assert twice.status_code == 400
    assert twice.json()["errors"] == {"organisation_id": ["This organisation is already a funder."]}
