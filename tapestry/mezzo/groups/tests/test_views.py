"""The group pages: catalogue and filters, creating and editing with errors by the field, members and exits."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.tests.support import community, fill, make_group
from tapestry.needs.models import Need
from tapestry.programs.models import Program
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


def form_data(facilitator, **over: object) -> dict:
    data = {
        "name": "Tuesday grief group",
        "kind": "support",
        "purpose": "Support after a death.",
        "location": "Library room 2",
        "capacity": "8",
        "enrolment": "open",
        "eligibility": "",
        "segment": "",
        "first_session_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
        "start_time": "18:30",
        "duration_minutes": "90",
        "frequency": "weekly",
        "session_count": "8",
        "ends_on": "",
        "missed_sessions_alert": "3",
        "status": "planned",
        "facilitators": [facilitator.pk],
        "focus_needs": [Need.objects.get(code="bereavement").pk],
    }
    data.update(over)
    return data


def test_the_catalogue_shows_kind_schedule_seats_and_needs_and_filters(cast):
    program = Program.objects.create(name="Family Support")
    facilitator = cast["group_facilitator"]
    parenting = make_group(
        facilitator, name="Little ones parenting", kind="parenting", capacity=3, program=program
    )
    parenting.focus_needs.set([Need.objects.get(code="parental-supervision")])
    fill(parenting, facilitator, 1)
    make_group(facilitator, name="Saturday kickabout", kind="youth")

    browser = client_for(cast["evaluator"])
    html = browser.get(reverse("groups:group_list")).content.decode()
    assert "Little ones parenting" in html and "Saturday kickabout" in html
    assert "Places available" in html and "2 of 3" not in html and "Weekly on" in html
    assert Need.objects.get(code="parental-supervision").label in html

    filtered = browser.get(reverse("groups:group_list"), {"kind": "youth"}).content.decode()
    assert "Saturday kickabout" in filtered and "Little ones parenting" not in filtered
    by_need = browser.get(reverse("groups:group_list"), {"need": "parental-supervision"}).content.decode()
    assert "Little ones parenting" in by_need and "Saturday kickabout" not in by_need
    by_program = browser.get(reverse("groups:group_list"), {"program": program.pk}).content.decode()
    assert "Little ones parenting" in by_program and "Saturday kickabout" not in by_program


def test_my_groups_lists_the_groups_i_run(cast):
    make_group(cast["group_facilitator"], name="Mine")
    make_group(cast.caseworker, name="Not mine")

    html = client_for(cast["group_facilitator"]).get(reverse("groups:my_groups")).content.decode()

    assert "Mine" in html and "Not mine" not in html


def test_setting_up_a_group(cast):
    facilitator = cast["group_facilitator"]
    response = client_for(facilitator).post(reverse("groups:group_create"), form_data(facilitator))

    group = Group.objects.get(name="Tuesday grief group")
    assert response.status_code == 302 and response["Location"] == reverse(
        "groups:group_detail", args=[group.pk]
    )
    assert list(group.facilitators.all()) == [facilitator]
    assert [n.code for n in group.focus_needs.all()] == ["bereavement"]


def test_a_facilitator_who_cannot_run_groups_is_named_next_to_the_field(cast):
    facilitator = cast["group_facilitator"]
    data = form_data(
        facilitator, facilitators=[cast["program_manager"].pk], capacity="0", ends_on="2000-01-01"
    )

    response = client_for(facilitator).post(reverse("groups:group_create"), data)

    html = response.content.decode()
    assert response.status_code == 200 and not Group.objects.exists()
    assert 'id="id_capacity_error"' in html
    assert "The last date cannot be before the first session." in html
    assert 'id="id_facilitators_error" role="alert">These staff cannot run groups in their role' in html
    assert "Program manager" in html


def test_editing_a_group_that_changed_meanwhile_shows_a_conflict(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, name="Tuesday grief group")
    Group.objects.filter(pk=group.pk).update(version=2)

    response = client_for(facilitator).post(
        reverse("groups:group_edit", args=[group.pk]),
        form_data(facilitator, version="1", location="Town hall"),
    )

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    assert Group.objects.get(pk=group.pk).location == ""


def test_registering_a_community_member_when_full_explains_the_waiting_list(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=1)
    fill(group, facilitator, 1)
    browser = client_for(facilitator)
    url = reverse("groups:member_register", args=[group.pk])

    response = browser.post(url, {"given_name": "Ola", "family_name": "Berg", "wait_list": "on"}, follow=True)
    assert "number 1 on the waiting list" in response.content.decode()

    refused = browser.post(url, {"given_name": "Per", "family_name": "Berg"})
    assert refused.status_code == 200
    assert "The group is full" in refused.content.decode()
    assert not Membership.objects.filter(person__given_name="Per").exists()

    invalid = browser.post(url, {"given_name": "", "family_name": "Berg", "email": "nope"})
    html = invalid.content.decode()
    assert 'id="id_given_name_error"' in html and 'id="id_email_error"' in html


def test_recording_an_exit_moves_the_next_person_in(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=1)
    (leaver,) = fill(group, facilitator, 1)
    waiting = community(facilitator, group, "Una")
    browser = client_for(facilitator)
    url = reverse("groups:membership_exit", args=[leaver.pk])

    missing = browser.post(url, {"reason": "", "version": leaver.version})
    assert 'id="id_reason_error"' in missing.content.decode()

    browser.post(url, {"reason": "completed", "note": "Finished all sessions.", "version": leaver.version})

    assert Membership.objects.get(pk=waiting.pk).status == "enrolled"
    html = browser.get(reverse("groups:group_detail", args=[group.pk])).content.decode()
    assert "Completed the group: Finished all sessions." in html


def test_enrolling_a_client_from_their_case(cast):
    worker = cast.caseworker
    case = open_case(worker)
    case.needs.create(need=Need.objects.get(code="bereavement"))
    grief = make_group(cast["group_facilitator"], name="Grief group", capacity=1)
    grief.focus_needs.set([Need.objects.get(code="bereavement")])
    browser = client_for(worker)
    index = reverse("groups:case_index", kwargs={"case_pk": case.pk})

    html = browser.get(index).content.decode()
    assert "Not in any group." in html and "Grief group" in html
    assert Need.objects.get(code="bereavement").label in html  # offered first, as it matches the case

    response = browser.post(
        reverse("groups:case_enrol", kwargs={"case_pk": case.pk}), {"group": grief.pk}, follow=True
    )
    html = response.content.decode()
    assert "is enrolled in Grief group" in html
    assert "Enrolled" in html

    other = open_case(worker)
    refused = browser.post(reverse("groups:case_enrol", kwargs={"case_pk": other.pk}), {"group": grief.pk})
    assert refused.status_code == 422
    assert "The group is full" in refused.content.decode()


def test_a_closed_group_after_its_start_refuses_with_a_message_on_the_case_page(cast):
    worker = cast.caseworker
    case = open_case(worker)
    closed = make_group(
        cast["group_facilitator"],
        enrolment="closed",
        first_session_on=timezone.localdate() - dt.timedelta(days=7),
    )

    response = client_for(worker).post(
        reverse("groups:case_enrol", kwargs={"case_pk": case.pk}), {"group": closed.pk}
    )

    assert "new members could join only until its first session" in response.content.decode()
