"""The outcome report: per member change for those who may see the member, and an aggregate that identifies no one."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.mezzo.group_outcomes.models import GroupGoal
from tapestry.mezzo.group_outcomes.selectors import outcome_report
from tapestry.mezzo.group_outcomes.tests.factories import enrol, make_group, measure
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db

# Session, user, the policy, the group, members, measures, goals and the audit entry: never per member.
REPORT_QUERIES = 17
SUMMARY_QUERIES = 9


@pytest.fixture
def facilitator(cast):
    return cast["group_facilitator"]


@pytest.fixture
def group(cast, facilitator):
    """Three members with PHQ-9 before and after (15->9, 12->12, 10->4), one with only a pre; 1 of 3 goals met."""
    # In a program the cast's program manager manages: they read its aggregates.
    group = make_group([facilitator], program=program_for(cast["program_manager"]))
    clients = [
        open_case(cast.caseworker).person,  # the caseworker's client
        open_case(cast.outsider).person,  # another team's client
        None,  # a community member who is nobody's client
    ]
    for person, (pre, post) in zip(clients, ((15, 9), (12, 12), (10, 4)), strict=True):
        member = enrol(group, person)
        measure(facilitator, member, "pre", pre)
        measure(facilitator, member, "post", post)
    measure(facilitator, enrol(group), "pre", 20)
    for status in ("met", "partly_met", "active"):
        GroupGoal.objects.create(group=group, description=f"Goal {status}", status=status)
    return group


def report_url(group):
    return reverse("group_outcomes:report", args=[group.pk])


def summary_url(group):
    return reverse("group_outcomes:summary", args=[group.pk])


def test_the_report_adds_up(facilitator, group):
    report = outcome_report(user=facilitator, group=group)
    phq = report.outcomes[0]

    assert sorted(row.change for row in phq.rows if row.change is not None) == [-6, -6, 0]
    assert len(phq.rows) == 4  # the member with only a pre measure is listed without a change
    assert phq.n_both == 3
    assert str(phq.average_pre) == "12.3" and str(phq.average_post) == "8.3"
    assert str(phq.average_change) == "-4.0"
    assert (phq.n_improved, phq.share_improved) == (2, 67)
    assert (report.goals_met.met, report.goals_met.total) == (1, 3)


def test_a_higher_score_after_is_not_an_improvement_on_a_lower_is_better_instrument(facilitator):
    group = make_group([facilitator], name="Worse")
    member = enrol(group)
    measure(facilitator, member, "pre", 4)
    measure(facilitator, member, "post", 9)
    phq = outcome_report(user=facilitator, group=group).outcomes[0]
    assert (phq.rows[0].change, phq.rows[0].improved, phq.share_improved) == (5, False, 0)


def test_the_facilitator_sees_every_member_with_a_chart_and_its_table(facilitator, group):
    response = client_for(facilitator).get(report_url(group))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<th scope="row">') == 4 + 1  # four members, one row of the averages table
    assert "<svg" in page and "Average pre" in page
    assert "2 of 3 (67%)" in page
    assert "1 of 3</strong> goals met" in page
    entry = AuditEntry.objects.filter(action="view", purpose="group outcome report").get()
    assert entry.actor == facilitator


def test_a_caseworker_sees_only_their_own_client(cast, group):
    mine = group.memberships.get(person__assignments__staff=cast.caseworker)

    response = client_for(cast.caseworker).get(report_url(group))

    page = response.content.decode()
    assert response.status_code == 200
    assert mine.person.display_name in page
    others = group.memberships.exclude(pk=mine.pk)
    assert not any(m.person.display_name in page for m in others)
    assert "You see the members who are your clients only." in page


def test_a_caseworker_with_no_client_in_the_group_gets_not_found(cast, group):
    assert client_for(cast["crisis_worker"]).get(report_url(group)).status_code == 404


def test_a_program_manager_gets_only_the_aggregate(cast, group):
    manager = client_for(cast["program_manager"])
    assert manager.get(report_url(group)).status_code == 403

    page = manager.get(summary_url(group)).content.decode()

    assert "Outcome summary" in page
    assert not any(m.person.display_name in page for m in group.memberships.all())
    assert "1 of 3</strong> goals met" in page


def test_the_aggregate_is_suppressed_below_the_threshold(cast, group):
    with override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=11):
        page = client_for(cast["evaluator"]).get(summary_url(group)).content.decode()
    assert "<td>&lt;11</td>" in page
    assert "suppressed" in page
    assert "-4.0" not in page


def test_the_aggregate_is_shown_from_the_threshold_up(cast, group):
    with override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=3):
        page = client_for(cast["evaluator"]).get(summary_url(group)).content.decode()
    assert "<td>3</td>" in page
    assert "-4.0" in page
    # 2 improved and 1 not: both small, so both hidden even though the total is shown.
    assert page.count("<td>&lt;3</td>") == 2


def _group_of(facilitator, size: int, manager=None):
    group = make_group([facilitator], name=f"Group of {size}", program=program_for(manager))
    for n in range(size):
        member = enrol(group)
        measure(facilitator, member, "pre", 10 + n % 8)
        measure(facilitator, member, "post", 5 + n % 8)
    GroupGoal.objects.create(group=group, description="Goal", status="met")
    return group


@pytest.mark.parametrize("size", [5, 50])
def test_the_report_page_runs_the_same_queries_at_5_and_50_members(facilitator, size):
    group = _group_of(facilitator, size)
    client = client_for(facilitator)
    client.get(report_url(group))  # warm the session and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(report_url(group))
    assert response.status_code == 200
    assert len(queries) == REPORT_QUERIES


@pytest.mark.parametrize("size", [5, 50])
def test_the_summary_page_runs_the_same_queries_at_5_and_50_members(cast, facilitator, size):
    group = _group_of(facilitator, size, cast["program_manager"])
    client = client_for(cast["program_manager"])
    client.get(summary_url(group))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(summary_url(group))
    assert response.status_code == 200
    assert len(queries) == SUMMARY_QUERIES
