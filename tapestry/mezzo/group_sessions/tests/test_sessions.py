"""Recording a session: who may, what it holds, and editing it without losing someone else's change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Role
from tapestry.mezzo.group_sessions.models import Session
from tapestry.mezzo.group_sessions.tests.factories import hold_session, make_group, weeks_ago
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)


def test_a_facilitator_records_a_session_and_goes_on_to_attendance(facilitator):
    group = make_group(facilitator)
    day = weeks_ago(1)

    response = client_for(facilitator).post(
        reverse("group_sessions:session_create", kwargs={"group_pk": group.pk}),
        {
            "held_on": day.isoformat(),
            "start_time": "18:00",
            "topic": "Sleep and routines",
            "activities": "Check-in round, worksheet.",
            "facilitators": [facilitator.pk],
            "status": "held",
        },
    )

    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("group_sessions:attendance", kwargs={"pk": session.pk})
    assert (session.topic, session.held_on, session.recorded_by) == ("Sleep and routines", day, facilitator)
    assert list(session.facilitators.all()) == [facilitator]
    entry = AuditEntry.objects.get(object_type="group_sessions.session", action="create")
    assert "topic" in entry.fields and "Sleep" not in str(entry.fields)


def test_the_form_starts_on_the_last_planned_date_and_the_groups_time(facilitator):
    group = make_group(facilitator, first_session_on=weeks_ago(3), start_time=dt.time(17, 30))

    response = client_for(facilitator).get(
        reverse("group_sessions:session_create", kwargs={"group_pk": group.pk})
    )

    assert response.context["form"]["held_on"].value() == weeks_ago(0)
    assert response.context["form"]["start_time"].value() == dt.time(17, 30)


def test_someone_who_does_not_run_the_group_gets_not_found(cast):
    group = make_group(cast.teammate)

    list_page = client_for(cast.outsider).get(
        reverse("group_sessions:session_list", kwargs={"group_pk": group.pk})
    )
    new_page = client_for(cast.outsider).get(
        reverse("group_sessions:session_create", kwargs={"group_pk": group.pk})
    )

    assert (list_page.status_code, new_page.status_code) == (404, 404)


def test_the_facilitators_supervisor_may_record_for_the_group(cast):
    group = make_group(cast.teammate)

    session = hold_session(cast.supervisor, group)

    assert session.group == group


def test_only_the_groups_own_facilitators_can_be_named_present(cast, facilitator):
    group = make_group(facilitator)

    response = client_for(facilitator).post(
        reverse("group_sessions:session_create", kwargs={"group_pk": group.pk}),
        {
            "held_on": weeks_ago(1).isoformat(),
            "start_time": "18:00",
            "topic": "Sleep",
            "facilitators": [cast.outsider.pk],
            "status": "held",
        },
    )

    assert response.status_code == 200
    assert Session.objects.count() == 0
    assert "facilitators" in response.context["form"].errors


def test_a_session_in_the_future_or_twice_in_one_slot_is_refused_by_the_field(facilitator):
    group = make_group(facilitator)
    hold_session(facilitator, group, held_on=weeks_ago(1))
    url = reverse("group_sessions:session_create", kwargs={"group_pk": group.pk})
    client = client_for(facilitator)
    base = {"start_time": "18:00", "topic": "Sleep", "status": "held"}

    twice = client.post(url, {**base, "held_on": weeks_ago(1).isoformat()})
    future = client.post(url, {**base, "held_on": (weeks_ago(0) + dt.timedelta(days=3)).isoformat()})

    assert "already has a session" in twice.context["form"].errors["held_on"][0]
    assert "future" in future.context["form"].errors["held_on"][0]
    assert Session.objects.count() == 1


def test_a_stale_edit_is_refused_with_a_clear_message(facilitator):
    group = make_group(facilitator)
    session = hold_session(facilitator, group)
    url = reverse("group_sessions:session_edit", kwargs={"pk": session.pk})
    client = client_for(facilitator)
    form = {
        "held_on": session.held_on.isoformat(),
        "start_time": "18:00",
        "topic": "Renamed once",
        "status": "held",
        "version": session.version,
    }
    first = client.post(url, form)
    second = client.post(url, {**form, "topic": "Renamed twice"})

    session.refresh_from_db()
    assert first.status_code == 302
    assert second.status_code == 409
    assert "Someone else changed this record" in second.content.decode()
    assert session.topic == "Renamed once"


def test_the_session_list_shows_each_session_and_links_attendance(facilitator):
    group = make_group(facilitator)
    hold_session(facilitator, group, held_on=weeks_ago(2), topic="Older meeting")
    hold_session(facilitator, group, held_on=weeks_ago(1), topic="Newer meeting")

    response = client_for(facilitator).get(
        reverse("group_sessions:session_list", kwargs={"group_pk": group.pk})
    )

    text = response.content.decode()
    assert text.index("Newer meeting") < text.index("Older meeting")
    assert "Take attendance" in text
    assert group.name in client_for(facilitator).get(reverse("group_sessions:group_list")).content.decode()
