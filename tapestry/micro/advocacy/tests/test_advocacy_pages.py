"""The advocacy log on a case: what was done with which agency, how it ended, what rights were explained."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.testing import OrganisationFactory, client_for, open_case

pytestmark = pytest.mark.django_db


def action_form(**overrides: object) -> dict:
    return {
        "action_date": timezone.localdate().isoformat(),
        "organisation": "",
        "agency": "",
        "issue": "benefits",
        "action_taken": "Called to ask why food assistance stopped.",
        "outcome": "pending",
        "outcome_note": "",
        "outcome_date": "",
        "rights_information": "",
        **overrides,
    }


def logged(worker, case, **fields: object) -> AdvocacyAction:
    defaults = {
        "issue": "housing",
        "action_taken": "Wrote to the landlord.",
        "agency": "Harbor Property Management",
    }
    return advocacy_action_record(actor=worker, case=case, **{**defaults, **fields})


def test_a_worker_logs_a_call_to_an_agency_in_the_list(cast):
    case = open_case(cast.caseworker)
    office = OrganisationFactory(name="County Benefits Office")

    response = client_for(cast.caseworker).post(
        reverse("advocacy:action_new", kwargs={"case_pk": case.pk}),
        action_form(
            organisation=office.pk,
            rights_information_given="on",
            rights_information="Right to a fair hearing.",
        ),
        follow=True,
    )

    action = AdvocacyAction.objects.get(case=case)
    assert (action.organisation, action.issue, action.outcome) == (office, "benefits", "pending")
    assert action.rights_information_given is True
    assert action.recorded_by == cast.caseworker
    page = response.content.decode()
    assert "County Benefits Office" in page
    assert "Given: Right to a fair hearing." in page


def test_an_agency_must_be_named_one_way_or_the_other(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("advocacy:action_new", kwargs={"case_pk": case.pk}), action_form()
    )

    assert response.context["form"].errors["agency"] == [
        "Say which agency you contacted: choose it from the list or write its name."
    ]
    assert not AdvocacyAction.objects.exists()


def test_an_outcome_needs_its_date_and_rights_given_need_saying(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("advocacy:action_new", kwargs={"case_pk": case.pk}),
        action_form(agency="Landlord", outcome="refused", rights_information_given="on"),
    )

    errors = response.context["form"].errors
    assert errors["outcome_date"] == ["Say when the outcome was known."]
    assert errors["rights_information"] == ["Say what rights information was given."]


def test_the_outcome_is_recorded_later_from_the_version_read(cast):
    case = open_case(cast.caseworker)
    action = logged(cast.caseworker, case)
    url = reverse("advocacy:action_edit", args=[action.pk])
    client = client_for(cast.caseworker)
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "rights_information_given"}
    today = timezone.localdate().isoformat()

    client.post(url, {**data, "outcome": "resolved", "outcome_date": today, "outcome_note": "Heating fixed."})

    action.refresh_from_db()
    assert (action.outcome, action.outcome_note, action.version) == ("resolved", "Heating fixed.", 2)


def test_a_stale_update_is_refused_with_a_clear_message(cast):
    case = open_case(cast.caseworker)
    action = logged(cast.caseworker, case)
    url = reverse("advocacy:action_edit", args=[action.pk])
    form = client_for(cast.caseworker).get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "rights_information_given"}
    today = timezone.localdate().isoformat()
    client_for(cast.teammate).post(url, {**data, "outcome": "no_response", "outcome_date": today})

    response = client_for(cast.caseworker).post(url, {**data, "outcome": "resolved", "outcome_date": today})

    assert response.status_code == 409
    assert "Someone else changed this record after you opened it." in response.content.decode()
    action.refresh_from_db()
    assert action.outcome == "no_response"


def test_the_log_counts_outcomes_and_its_open_is_audited(cast):
    case = open_case(cast.caseworker)
    logged(cast.caseworker, case)
    logged(cast.caseworker, case, outcome="refused", outcome_date=timezone.localdate())

    page = (
        client_for(cast.teammate)
        .get(reverse("advocacy:case_index", kwargs={"case_pk": case.pk}))
        .content.decode()
    )

    assert "Pending: 1" in page and "Refused: 1" in page
    assert AuditEntry.objects.filter(
        actor=cast.teammate,
        action=AuditEntry.Action.VIEW,
        object_id=str(case.pk),
        fields=["advocacy_actions"],
    ).exists()


def test_opening_an_action_to_update_it_is_audited(cast):
    case = open_case(cast.caseworker)
    action = logged(cast.caseworker, case)

    client_for(cast.caseworker).get(reverse("advocacy:action_edit", args=[action.pk]))

    assert AuditEntry.objects.filter(
        actor=cast.caseworker, action=AuditEntry.Action.VIEW, object_type="advocacy.advocacyaction"
    ).exists()


def test_outsiders_cannot_read_or_log(cast):
    case = open_case(cast.caseworker)
    action = logged(cast.caseworker, case)
    outsider = client_for(cast.outsider)

    assert outsider.get(reverse("advocacy:case_index", kwargs={"case_pk": case.pk})).status_code == 403
    assert outsider.get(reverse("advocacy:action_new", kwargs={"case_pk": case.pk})).status_code == 403
    assert outsider.get(reverse("advocacy:action_edit", args=[action.pk])).status_code == 403


def test_a_closed_case_takes_no_new_action(cast):
    case = open_case(cast.caseworker, status="closed", closing_reason="goals_met")

    response = client_for(cast.caseworker).post(
        reverse("advocacy:action_new", kwargs={"case_pk": case.pk}), action_form(agency="Landlord")
    )

    assert "This case is closed" in response.content.decode()
    assert not AdvocacyAction.objects.exists()
