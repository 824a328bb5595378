"""The grants pages as a grants officer uses them: from a funder to an award with its deadlines,
form errors by the field, stale edits refused, and the pipeline summary for leadership."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.macro.grants.models import Application, Award, Funder, Opportunity
from tapestry.macro.grants.tests.support import a_program, an_application, an_award
from tapestry.needs.models import Need
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(cast):
    return cast[Role.GRANTS_OFFICER]


def page(client, name: str, *args: object) -> str:
    response = client.get(reverse(f"grants:{name}", args=args))
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def post(client, name: str, data: dict, *args: object):
    return client.post(reverse(f"grants:{name}", args=args), data)


def test_a_grants_officer_goes_from_funder_to_award_on_the_pages(officer):
    client = client_for(officer)
    organisation = OrganisationFactory(name="Cedar Bank Foundation", kind="funder")
    need = Need.objects.get(code="housing-instability")
    program = a_program("Housing Stability")
    assert "Cedar Bank Foundation" in page(client, "funder_create")

    made = post(
        client,
        "funder_create",
        {"organisation": organisation.pk, "kind": "corporate", "focus_needs": [need.pk]},
    )
    funder = Funder.objects.get()
    assert made.url == reverse("grants:funder_detail", args=[funder.pk])
    assert need.label in page(client, "funder_detail", funder.pk)

    deadline = timezone.localdate() + dt.timedelta(days=25)
    post(
        client,
        "opportunity_create",
        {
            "funder": funder.pk,
            "title": "Homes First",
            "amount_max": "50000",
            "deadline": deadline,
            "programs": [program.pk],
        },
    )
    opportunity = Opportunity.objects.get()
    assert "Homes First" in page(client, "opportunity_list")
    assert "Housing Stability" in page(client, "opportunity_detail", opportunity.pk)

    post(
        client,
        "application_create",
        {"title": "", "amount_requested": "45000", "lead": officer.pk},
        opportunity.pk,
    )
    application = Application.objects.get()
    detail = page(client, "application_detail", application.pk)
    assert "Prospect" in detail and "No proposal written yet." in detail

    post(client, "application_move", {"version": 1, "stage": "drafting"}, application.pk)
    post(
        client,
        "proposal_save",
        {"summary": "Forty homes kept.", "change_note": "First draft"},
        application.pk,
    )
    assert "Forty homes kept." in page(
        client, "proposal_save", application.pk
    )  # the next version starts from it
    post(client, "proposal_save", {"summary": "Fifty homes kept.", "change_note": "Bigger"}, application.pk)
    post(client, "application_move", {"version": 2, "stage": "submitted", "note": "Portal"}, application.pk)
    post(client, "application_move", {"version": 3, "stage": "awarded"}, application.pk)
    detail = page(client, "application_detail", application.pk)
    assert "Version 2" in detail and "Version 1" in detail and "Record the award" in detail
    first = application.proposal_versions.get(number=1)
    assert "Forty homes kept." in page(client, "proposal_version", first.pk)

    post(
        client,
        "award_create",
        {"amount": "40000", "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
        application.pk,
    )
    award = Award.objects.get()
    post(client, "award_program_add", {"program": program.pk, "amount": "40000"}, award.pk)
    post(
        client,
        "deliverable_add",
        {"description": "House 40 families", "due_on": "2026-12-01", "owner": officer.pk},
        award.pk,
    )
    post(
        client,
        "report_add",
        {"kind": "interim", "due_on": timezone.localdate() - dt.timedelta(days=2)},
        award.pk,
    )
    detail = page(client, "application_detail", application.pk)
    assert "House 40 families" in detail and "Interim report" in detail and "Overdue" in detail
    assert "Interim report" in page(client, "deadline_list")
    pipeline = page(client, "pipeline")
    assert "Homes First" in pipeline and "40000.00" in pipeline


def test_form_errors_are_shown_by_the_field(officer):
    client = client_for(officer)
    award = an_award(officer)

    negative = post(
        client,
        "award_edit",
        {"version": 1, "amount": "-10", "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
        award.pk,
    )
    backwards = post(
        client,
        "award_edit",
        {"version": 1, "amount": "10", "starts_on": "2026-06-01", "ends_on": "2026-01-01"},
        award.pk,
    )
    stale = post(
        client,
        "award_edit",
        {"version": 9, "amount": "10", "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
        award.pk,
    )
    bad_move = post(
        client,
        "application_move",
        {"version": award.application.version, "stage": "declined"},
        award.application_id,
    )

    assert negative.status_code == 400 and 'id="id_amount_error"' in negative.content.decode()
    assert backwards.status_code == 400
    assert 'id="id_ends_on_error"' in backwards.content.decode()
    assert "The period must end after it starts." in backwards.content.decode()
    assert stale.status_code == 409
    assert bad_move.status_code == 400 and 'id="id_stage_error"' in bad_move.content.decode()


def test_leadership_sees_the_pipeline_without_links_into_proposals(cast, officer):
    application = an_application(officer, "drafting")
    manager = client_for(cast[Role.PROGRAM_MANAGER])

    board = page(manager, "pipeline")

    assert application.title in board
    assert reverse("grants:application_detail", args=[application.pk]) not in board
    assert manager.get(reverse("grants:application_detail", args=[application.pk])).status_code == 403
    assert client_for(cast[Role.CASEWORKER]).get(reverse("grants:pipeline")).status_code == 403


def test_funders_and_opportunities_are_changed_with_their_version(officer):
    client = client_for(officer)
    opportunity = an_application(officer).opportunity
    funder = opportunity.funder
    program = a_program("Youth Mentoring")
    need = Need.objects.get(code="social-isolation")

    form = page(client, "opportunity_edit", opportunity.pk)
    assert "<legend>Programs it would fund</legend>" in form and "Youth Mentoring" in form
    saved = post(
        client,
        "opportunity_edit",
        {"version": 1, "funder": funder.pk, "title": "Renamed", "programs": [program.pk], "needs": [need.pk]},
        opportunity.pk,
    )
    stale = post(
        client, "opportunity_edit", {"version": 1, "funder": funder.pk, "title": "Again"}, opportunity.pk
    )
    changed = post(
        client, "funder_edit", {"version": 1, "kind": "government", "focus_needs": [need.pk]}, funder.pk
    )

    assert saved.status_code == 302
    opportunity.refresh_from_db()
    assert (opportunity.title, list(opportunity.programs.all()), opportunity.version) == (
        "Renamed",
        [program],
        2,
    )
    assert stale.status_code == 409 and "Someone else changed" in stale.content.decode()
    assert changed.status_code == 302
    funder.refresh_from_db()
    assert (funder.kind, list(funder.focus_needs.all())) == ("government", [need])


def test_an_application_being_prepared_is_on_the_deadlines_list(officer):
    application = an_application(officer, "drafting")

    listed = page(client_for(officer), "deadline_list")

    assert "Application due (drafting)" in listed and application.title in listed
