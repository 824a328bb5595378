"""Attendance: one screen and one post for the whole session, every member marked or nothing saved."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tapestry.access.models import AuditEntry, Role
from tapestry.mezzo.group_sessions import services
from tapestry.mezzo.group_sessions.models import Attendance
from tapestry.mezzo.group_sessions.tests.factories import (
    enrol,
    enrol_many,
    hold_session,
    make_group,
    weeks_ago,
)
from tapestry.mezzo.groups.models import Membership
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)


def _url(session) -> str:
    return reverse("group_sessions:attendance", kwargs={"pk": session.pk})


def test_twenty_members_are_marked_in_one_post(facilitator):
    group = make_group(facilitator)
    members = enrol_many(group, 20)
    session = hold_session(facilitator, group)
    form = {"version": session.version}
    form |= {f"m{m.pk}": "present" for m in members[:17]}
    form |= {f"m{members[17].pk}": "late", f"m{members[18].pk}": "excused", f"m{members[19].pk}": "absent"}

    response = client_for(facilitator).post(_url(session), form)

    assert response.status_code == 302
    saved = dict(Attendance.objects.filter(session=session).values_list("membership_id", "status"))
    assert len(saved) == 20
    assert saved[members[0].pk] == "present" and saved[members[19].pk] == "absent"
    assert AuditEntry.objects.filter(object_type="group_sessions.attendance").count() == 1


def test_the_screen_shows_a_button_row_per_member_with_nothing_chosen(facilitator):
    group = make_group(facilitator)
    members = enrol_many(group, 3)
    session = hold_session(facilitator, group)

    text = client_for(facilitator).get(_url(session)).content.decode()

    assert text.count('class="tap present"') == 3
    assert " checked" not in text
    assert members[0].person.display_name in text
    main = text[text.index("<main") :]
    assert "style=" not in main and "<script" not in main
    assert "group_sessions/sessions.css" in text


def test_members_left_unmarked_are_named_and_nothing_is_saved(facilitator):
    group = make_group(facilitator)
    marked, forgotten = enrol(group), enrol(group)
    session = hold_session(facilitator, group)

    response = client_for(facilitator).post(
        _url(session), {"version": session.version, f"m{marked.pk}": "present"}
    )

    text = response.content.decode()
    assert response.status_code == 400
    assert "Not marked yet" in text and forgotten.person.display_name in text
    assert Attendance.objects.count() == 0
    # What was tapped is kept for the second try.
    assert 'value="present" checked' in text


def test_mark_the_rest_present_fills_in_everyone_not_tapped(facilitator):
    group = make_group(facilitator)
    late, other, another = enrol(group), enrol(group), enrol(group)
    session = hold_session(facilitator, group)

    client_for(facilitator).post(
        _url(session), {"version": session.version, f"m{late.pk}": "late", "rest": "present"}
    )

    saved = dict(Attendance.objects.values_list("membership_id", "status"))
    assert saved == {late.pk: "late", other.pk: "present", another.pk: "present"}


def test_only_members_enrolled_on_the_day_are_on_the_sheet(facilitator):
    group = make_group(facilitator)
    there = enrol(group, enrolled_on=weeks_ago(5))
    joined_later = enrol(group, enrolled_on=weeks_ago(0))
    left_after = enrol(
        group, status=Membership.Status.EXITED, enrolled_on=weeks_ago(5), exited_on=weeks_ago(0)
    )
    left_before = enrol(
        group, status=Membership.Status.EXITED, enrolled_on=weeks_ago(5), exited_on=weeks_ago(2)
    )
    waiting = enrol(group, status=Membership.Status.WAITING, waiting_position=1)
    session = hold_session(facilitator, group, held_on=weeks_ago(1))

    on_sheet = {m.pk for m in services.members_on(session)}

    assert on_sheet == {there.pk, left_after.pk}
    assert not {joined_later.pk, left_before.pk, waiting.pk} & on_sheet


def test_attendance_can_be_changed_later_and_a_stale_sheet_is_refused(facilitator):
    group = make_group(facilitator)
    member = enrol(group)
    session = hold_session(facilitator, group)
    client = client_for(facilitator)
    old_version = session.version
    client.post(_url(session), {"version": old_version, f"m{member.pk}": "absent"})

    page = client.get(_url(session)).content.decode()
    fixed = client.post(_url(session), {"version": old_version + 1, f"m{member.pk}": "late"})
    stale = client.post(_url(session), {"version": old_version, f"m{member.pk}": "present"})

    assert 'value="absent" checked' in page
    assert fixed.status_code == 302
    assert stale.status_code == 409
    assert Attendance.objects.get().status == "late"


def test_a_mark_for_someone_not_in_the_group_is_refused(facilitator):
    group = make_group(facilitator)
    member = enrol(group)
    stranger = enrol(make_group(facilitator))
    session = hold_session(facilitator, group)

    with pytest.raises(services.AttendanceIncomplete) as refused:
        services.attendance_record(
            actor=facilitator,
            session=session,
            version=session.version,
            marks={member.pk: "present", stranger.pk: "present"},
        )

    assert "not members of the group" in str(refused.value)
    assert Attendance.objects.count() == 0


def test_someone_who_does_not_run_the_group_cannot_take_attendance(cast, facilitator):
    group = make_group(facilitator)
    enrol(group)
    session = hold_session(facilitator, group)

    assert client_for(cast.outsider).get(_url(session)).status_code == 404
    assert client_for(cast["program_manager"]).get(_url(session)).status_code == 403


def _save_queries(facilitator, size: int, *, again: bool = False) -> int:
    group = make_group(facilitator)
    members = enrol_many(group, size)
    session = hold_session(facilitator, group)
    marks = {m.pk: "present" for m in members}
    if again:
        services.attendance_record(actor=facilitator, session=session, version=session.version, marks=marks)
        marks = {m.pk: "late" for m in members}
    with CaptureQueriesContext(connection) as captured:
        services.attendance_record(actor=facilitator, session=session, version=session.version, marks=marks)
    return len(captured)


def test_saving_attendance_takes_the_same_queries_for_5_20_and_50_members(
    facilitator, django_assert_num_queries
):
    first = _save_queries(facilitator, 5)
    assert _save_queries(facilitator, 20) == first
    assert _save_queries(facilitator, 50) == first
    changed = _save_queries(facilitator, 5, again=True)
    assert _save_queries(facilitator, 50, again=True) == changed


@pytest.mark.parametrize("size", [5, 20, 50])
def test_the_whole_post_is_pinned(facilitator, django_assert_num_queries, size):
    group = make_group(facilitator)
    members = enrol_many(group, size)
    session = hold_session(facilitator, group)
    client = client_for(facilitator)
    client.get(_url(session))  # the session is loaded once, like a real user's first visit
    form = {"version": session.version} | {f"m{m.pk}": "present" for m in members}

    with django_assert_num_queries(PINNED_POST):
        response = client.post(_url(session), form)

    assert response.status_code == 302


@pytest.mark.parametrize("size", [5, 50])
def test_the_attendance_page_is_pinned(facilitator, django_assert_num_queries, size):
    group = make_group(facilitator)
    enrol_many(group, size)
    session = hold_session(facilitator, group)
    client = client_for(facilitator)
    client.get(_url(session))

    with django_assert_num_queries(PINNED_PAGE):
        client.get(_url(session))


# Both read the sheet of members' names, which writes an audit entry (three queries: head, entry, head).
PINNED_POST = (
    28  # session, auth, roster checks, segment grants, sheet and its audit, insert, version, audit, streaks
)
PINNED_PAGE = 15  # the sheet goes through the policy (one read of segment grants) and is audited
