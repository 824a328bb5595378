"""A program manager reads the aggregates of their own programs' groups (attendance and outcome
summaries), never another program's, and never a member's row; small counts stay suppressed."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from tapestry.mezzo.group_sessions.models import Attendance
from tapestry.mezzo.group_sessions.tests.factories import enrol, hold_session, make_group, mark_all, weeks_ago
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db

SUMMARY_PAGES = ("group_sessions:attendance_summary", "group_outcomes:summary")
SUMMARY_API = ("/api/v1/groups/{}/attendance-summary", "/api/v1/groups/{}/outcomes/summary")


@pytest.fixture
def groups(cast):
    """One group in the program manager's program, one in another program, each with a held session."""
    facilitator = cast["group_facilitator"]
    mine = make_group(facilitator, program=program_for(cast["program_manager"], name="Mine"))
    theirs = make_group(facilitator, program=program_for(None, name="Theirs"))
    for group in (mine, theirs):
        members = [enrol(group) for _ in range(4)]
        session = hold_session(facilitator, group)
        mark_all(facilitator, session, **{f"m{members[0].pk}": Attendance.Mark.ABSENT})
    return mine, theirs


@pytest.mark.parametrize("page", SUMMARY_PAGES)
def test_a_program_manager_reads_their_own_programs_group_summaries(cast, groups, page):
    mine, theirs = groups
    manager = client_for(cast["program_manager"])
    assert manager.get(reverse(page, args=[mine.pk])).status_code == 200
    # Another program's group answers as a missing one (rule 9: one answer for missing and forbidden).
    assert manager.get(reverse(page, args=[theirs.pk])).status_code == 404
    assert manager.get(reverse(page, args=[987654321])).status_code == 404


@pytest.mark.parametrize("path", SUMMARY_API)
def test_the_api_answers_the_same(cast, groups, path):
    mine, theirs = groups
    manager = client_for(cast["program_manager"])
    assert manager.get(path.format(mine.pk)).status_code == 200
    assert manager.get(path.format(theirs.pk)).status_code == 404


def test_an_evaluator_reads_any_programs_summaries(cast, groups):
    for group in groups:
        assert (
            client_for(cast["evaluator"]).get(reverse(SUMMARY_PAGES[0], args=[group.pk])).status_code == 200
        )


def test_attendance_counts_stay_suppressed(cast, groups):
    mine, _ = groups
    manager = client_for(cast["program_manager"])
    with override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=11):
        body = manager.get(SUMMARY_API[0].format(mine.pk)).json()
        page = manager.get(reverse(SUMMARY_PAGES[0], args=[mine.pk])).content.decode()
    assert (body["sessions_held"], body["expected"], body["came"], body["missed"], body["rate"]) == (
        1,
        None,
        None,
        None,
        None,
    )
    assert "&lt;11" in page and "suppressed" in page
    with override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=1):
        body = manager.get(SUMMARY_API[0].format(mine.pk)).json()
    assert (body["expected"], body["came"], body["missed"], body["rate"]) == (4, 3, 1, 75)


def test_the_attendance_rows_stay_closed_to_a_program_manager(cast, groups):
    mine, _ = groups
    assert (
        client_for(cast["program_manager"]).get(reverse("group_sessions:rates", args=[mine.pk])).status_code
        == 403
    )


@pytest.mark.parametrize("sessions", [1, 8])
def test_the_attendance_summary_runs_the_same_queries_at_any_size(
    cast, groups, sessions, django_assert_num_queries
):
    mine, _ = groups
    for n in range(sessions):
        mark_all(
            cast["group_facilitator"], hold_session(cast["group_facilitator"], mine, held_on=weeks_ago(n + 2))
        )
    url = reverse(SUMMARY_PAGES[0], args=[mine.pk])
    counted(client_for(cast["program_manager"]), url, 8, django_assert_num_queries)
