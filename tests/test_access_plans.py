"""The access filters are semi-joins PostgreSQL can drive from an index (issue 13; docs/scaling.md).

An `IN (subquery)` that stands alone in a WHERE clause is pulled up by the planner into a semi-join;
two of them joined by OR are not: the planner keeps each as a "SubPlan" and tests it row by row over
the whole table, so a page that shows a worker's 40 clients reads all the persons (or all the notes).
The policy therefore writes several ways into a record as one `pk IN (... UNION ...)`.

This test reads the plan PostgreSQL makes for every person-level model's visible rows, for a
caseworker (caseload, team, emergency access), a facilitator (the groups they run, `run_by`) and a
supervisor (supervisees), and fails on any SubPlan: it names the model whose filter went back to
the row-by-row form. The plans are read with EXPLAIN, never timed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import EmptyResultSet
from django.db import connection

from tapestry.access import policy
from tapestry.access.models import Assignment, BreakGlass, Role, Team, TeamMembership
from tapestry.testing import PersonFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL query plans"),
]


@pytest.fixture
def staff():
    supervisor = UserFactory(username="plan-supervisor", role=Role.SUPERVISOR)
    worker = UserFactory(username="plan-worker", role=Role.CASEWORKER, supervisor=supervisor)
    mate = UserFactory(username="plan-mate", role=Role.CASEWORKER)
    facilitator = UserFactory(username="plan-facilitator", role=Role.GROUP_FACILITATOR, supervisor=supervisor)
    team = Team.objects.create(name="Plan team")
    for member in (worker, mate, supervisor):
        TeamMembership.objects.create(team=team, user=member)
    people = PersonFactory.create_batch(30)
    for n, person in enumerate(people):
        Assignment.objects.create(staff=(worker, mate)[n % 2], person=person, started_on=dt.date(2026, 1, 1))
    BreakGlass.objects.create(
        user=worker,
        person=people[0],
        reason="A plan test.",
        expires_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"caseworker": worker, "facilitator": facilitator, "supervisor": supervisor}


def plan_of(queryset) -> str:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # the user may read none of it: Django sends no query at all
        return ""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_check_sees_an_or_of_subqueries():
    """The form this test forbids does show as a SubPlan, so a pass means something."""
    from django.db.models import Q

    from tapestry.people.models import Person

    caseload = Assignment.objects.filter(staff_id=1).values("person_id")
    emergency = BreakGlass.objects.filter(user_id=1).values("person_id")
    assert "SubPlan" in plan_of(Person.objects.filter(Q(pk__in=caseload) | Q(pk__in=emergency)))
    assert "SubPlan" not in plan_of(Person.objects.filter(pk__in=caseload.union(emergency)))


@pytest.mark.parametrize("role", ["caseworker", "facilitator", "supervisor"])
def test_every_person_level_filter_is_a_semi_join(staff, role):
    user = staff[role]
    assert "SubPlan" not in plan_of(policy.persons_visible(user)), "persons_visible"
    assert "SubPlan" not in plan_of(policy.persons_changeable(user)), "persons_changeable"
    row_by_row = []
    for label in sorted(policy.PERSON_LEVEL):
        model = apps.get_model(label)
        for for_change in (False, True):
            plan = plan_of(policy.visible(user, model.objects.all(), for_change=for_change))
            if "SubPlan" in plan:
                row_by_row.append(f"{label} (for_change={for_change})")
    assert len(policy.PERSON_LEVEL) > 50
    assert row_by_row == [], "filtered row by row:\n" + "\n".join(row_by_row)
