"""Attendance rates per member and per session: the arithmetic, the chart and the table beside it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.mezzo.group_sessions.selectors import attendance_rates
from tapestry.mezzo.group_sessions.tests.factories import (
    enrol,
    enrol_many,
    hold_session,
    make_group,
    mark_all,
    weeks_ago,
)
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)


def test_rates_count_present_and_late_over_sessions_since_enrolling(facilitator):
    group = make_group(facilitator)
    ada = enrol(group, enrolled_on=weeks_ago(10))
    ben = enrol(group, enrolled_on=weeks_ago(3))  # joined after the first two sessions
    first = hold_session(facilitator, group, held_on=weeks_ago(5))
    second = hold_session(facilitator, group, held_on=weeks_ago(4))
    third = hold_session(facilitator, group, held_on=weeks_ago(2))
    fourth = hold_session(facilitator, group, held_on=weeks_ago(1))
    mark_all(facilitator, first, "present")
    mark_all(facilitator, second, "late")
    mark_all(facilitator, third, **{f"m{ada.pk}": "excused", f"m{ben.pk}": "present"})
    mark_all(facilitator, fourth, **{f"m{ada.pk}": "absent", f"m{ben.pk}": "late"})

    rates = attendance_rates(user=facilitator, group=group)

    by_member = {row.membership.pk: row for row in rates.members}
    assert (by_member[ada.pk].sessions, by_member[ada.pk].attended, by_member[ada.pk].excused) == (4, 2, 1)
    assert by_member[ada.pk].rate == 50
    assert (by_member[ben.pk].sessions, by_member[ben.pk].attended, by_member[ben.pk].rate) == (2, 2, 100)
    assert [(row.expected, row.attended, row.rate) for row in rates.sessions] == [
        (1, 1, 100),
        (1, 1, 100),
        (2, 1, 50),
        (2, 1, 50),
    ]
    assert (rates.expected, rates.attended, rates.excused, rates.rate) == (6, 4, 1, 67)


def test_cancelled_sessions_do_not_count(facilitator):
    group = make_group(facilitator)
    enrol(group)
    held = hold_session(facilitator, group, held_on=weeks_ago(2))
    hold_session(facilitator, group, held_on=weeks_ago(1), status="cancelled")
    mark_all(facilitator, held)

    rates = attendance_rates(user=facilitator, group=group)

    assert [row.session for row in rates.sessions] == [held]
    assert rates.members[0].sessions == 1


def test_the_page_draws_a_bar_per_session_with_the_data_table_beside(facilitator):
    group = make_group(facilitator)
    enrol_many(group, 4)
    for weeks in (3, 2, 1):
        mark_all(facilitator, hold_session(facilitator, group, held_on=weeks_ago(weeks)))

    text = (
        client_for(facilitator)
        .get(reverse("group_sessions:rates", kwargs={"group_pk": group.pk}))
        .content.decode()
    )

    svg = text[text.index("<svg") : text.index("</svg>")]
    assert svg.count("<rect") == 3
    assert 'role="img"' in svg and "style=" not in svg
    assert text.count('<th scope="col">Rate</th>') == 2
    assert "100%" in text


@pytest.mark.parametrize("size", [5, 50])
def test_the_rates_page_keeps_its_query_count(facilitator, django_assert_num_queries, size):
    group = make_group(facilitator)
    enrol_many(group, size)
    for weeks in (3, 2, 1):
        mark_all(facilitator, hold_session(facilitator, group, held_on=weeks_ago(weeks)))
    client = client_for(facilitator)
    client.get(reverse("group_sessions:rates", kwargs={"group_pk": group.pk}))

    with django_assert_num_queries(PINNED_RATES):
        client.get(reverse("group_sessions:rates", kwargs={"group_pk": group.pk}))


@pytest.mark.parametrize("size", [5, 50])
def test_the_session_list_keeps_its_query_count(facilitator, django_assert_num_queries, size):
    group = make_group(facilitator)
    enrol_many(group, 3)
    for day in range(size):
        hold_session(facilitator, group, held_on=weeks_ago(1) - dt.timedelta(days=day))
    client = client_for(facilitator)
    url = reverse("group_sessions:session_list", kwargs={"group_pk": group.pk})
    client.get(url)

    with django_assert_num_queries(PINNED_LIST):
        client.get(url)


PINNED_RATES = 18  # the read is audited: lock the chain head, insert, move the head
PINNED_LIST = 11
