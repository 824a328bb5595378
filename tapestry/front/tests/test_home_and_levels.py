"""The shell: the home page's worklist, the level pages each role sees, the health check."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.access import services
from tapestry.access.models import AuditEntry, Role
from tapestry.mezzo.group_sessions.models import Session
from tapestry.mezzo.group_sessions.tests.factories import make_group, weeks_ago
from tapestry.micro.casework.tests.factories import note_for, task_for, today
from tapestry.programs.models import Program, ProgramStaff
from tapestry.testing import PersonFactory, assign, client_for, counted, open_case

pytestmark = pytest.mark.django_db


def overdue_task(worker, title: str, *, days: int = 3):
    case = open_case(worker)
    return task_for(worker, case, title=title, due_on=today() - dt.timedelta(days=days))


def test_home_is_the_caseworkers_worklist_of_their_own_work_only(cast):
    overdue_task(cast.caseworker, "Call the landlord")
    overdue_task(cast.teammate, "Teammate's own task")

    page = client_for(cast.caseworker).get(reverse("front:home")).content.decode()

    assert "Your caseload today" in page and "Overdue tasks" in page
    assert "Overdue task: Call the landlord" in page
    assert "Teammate" not in page
    assert AuditEntry.objects.filter(actor=cast.caseworker, purpose="home worklist").count() == 1


def test_home_lists_the_users_own_unsigned_drafts(cast):
    case = open_case(cast.caseworker)
    note_for(cast.caseworker, case, title="Home visit, unsigned")
    note_for(cast.caseworker, case, title="Signed already", signed=True)
    note_for(cast.teammate, open_case(cast.teammate), title="Teammate's draft")

    page = client_for(cast.caseworker).get(reverse("front:home")).content.decode()

    assert "Unsigned notes" in page and "Home visit, unsigned" in page
    assert "Signed already" not in page and "Teammate's draft" not in page


def test_a_caseworker_with_nothing_due_is_told_so_and_nothing_is_audited(cast):
    page = client_for(cast.caseworker).get(reverse("front:home")).content.decode()
    assert "no note waits to be signed" in page
    assert not AuditEntry.objects.filter(purpose="home worklist").exists()


def test_home_for_a_role_without_a_caseload_has_no_caseload_or_search(cast):
    page = client_for(cast[Role.EVALUATOR]).get(reverse("front:home")).content.decode()

    assert "Your caseload today" not in page
    assert 'name="q"' not in page
    assert "Programs and evidence" in page and "indicators" in page


def test_a_program_manager_sees_their_own_programs(cast):
    manager = cast[Role.PROGRAM_MANAGER]
    mine = Program.objects.create(name="Tenancy sustainment", created_by=manager)
    Program.objects.create(name="Someone else's program", created_by=manager)
    ProgramStaff.objects.create(program=mine, user=manager, role_in_program="manager")

    page = client_for(manager).get(reverse("front:home")).content.decode()

    assert "Tenancy sustainment" in page and "Someone else" not in page
    assert reverse("programs:program_reach", args=[mine.pk]) in page


def test_a_facilitator_takes_todays_roll_from_home_in_one_tap(cast):
    facilitator = cast[Role.GROUP_FACILITATOR]
    today_group = make_group(facilitator, name="Monday circle")
    later = make_group(
        facilitator, name="Later circle", first_session_on=weeks_ago(20) + dt.timedelta(days=2)
    )
    client = client_for(facilitator)

    page = client.get(reverse("front:home")).content.decode()
    tap = reverse("group_sessions:session_today", args=[today_group.pk])
    assert f'action="{tap}"' in page
    assert reverse("group_sessions:session_today", args=[later.pk]) not in page
    assert f"next {(today() + dt.timedelta(days=2)):%Y-%m-%d}" in page

    roll = client.post(tap)
    session = Session.objects.get(group=today_group)
    assert roll["Location"] == reverse("group_sessions:attendance", args=[session.pk])
    # Once opened, home links straight to the roll.
    again = client.get(reverse("front:home")).content.decode()
    assert reverse("group_sessions:attendance", args=[session.pk]) in again


def test_a_supervisor_sees_the_teams_workload_and_the_duplicates_waiting(cast):
    overdue_task(cast.caseworker, "Call the landlord")
    born = dt.date(1990, 4, 2)
    for person in (
        PersonFactory(given_name="Jonathan", family_name="Smith", date_of_birth=born),
        PersonFactory(given_name="Jon", family_name="Smith", date_of_birth=born),
    ):
        assign(cast.caseworker, person)

    page = client_for(cast.supervisor).get(reverse("front:home")).content.decode()

    assert "Your team" in page and cast.caseworker.get_full_name() in page
    assert reverse("supervision:team_workload") in page
    assert "1 likely duplicate record to check" in page
    # A count names no one, so nothing is audited for it.
    assert "Jonathan" not in page


def busy_agency(cast, rows: int) -> None:
    """`rows` of everything home reads: tasks, groups, programs, emergency accesses to review."""
    manager = cast[Role.PROGRAM_MANAGER]
    for n in range(rows):
        overdue_task(cast.caseworker, f"Task {n}", days=n + 1)
        note_for(cast.caseworker, open_case(cast.caseworker), title=f"Draft {n}")
        make_group(cast[Role.GROUP_FACILITATOR], name=f"Group {n}")
        program = Program.objects.create(name=f"Program {n}", created_by=manager)
        ProgramStaff.objects.create(program=program, user=manager, role_in_program="manager")
        person = PersonFactory()
        services.break_glass_open(
            actor=cast.teammate, person=person, reason="Client in crisis at the front desk."
        )


@pytest.mark.parametrize(
    ("role", "queries"),
    [(Role.CASEWORKER, 40), (Role.GROUP_FACILITATOR, 9), (Role.PROGRAM_MANAGER, 7), (Role.SUPERVISOR, 46)],
)
@pytest.mark.parametrize("rows", [2, 20])
def test_home_queries_do_not_grow_with_the_work(cast, rows, role, queries, django_assert_num_queries):
    busy_agency(cast, rows)
    counted(client_for(cast[role]), reverse("front:home"), queries, django_assert_num_queries)


@pytest.mark.parametrize(
    ("role", "level", "shown", "hidden"),
    [
        (Role.CASEWORKER, "micro", "New intake", "Emergency access reviews"),
        (Role.SUPERVISOR, "micro", "Emergency access reviews", "Audit log"),
        (Role.AUDITOR, "evidence", "Audit log", "Staff and access"),
        (Role.ADMINISTRATOR, "evidence", "Staff and access", "Audit log"),
        (Role.GRANTS_OFFICER, "macro", "Funders", "New intake"),
        (Role.AGENCY_DIRECTOR, "macro", "Agency dashboard", "Funders and opportunities"),
        (Role.ADMINISTRATOR, "macro", "Compliance items", "Grant pipeline"),
    ],
)
def test_level_pages_offer_what_the_role_may_do(cast, role, level, shown, hidden):
    page = client_for(cast[role]).get(reverse("front:level", args=[level])).content.decode()
    assert shown in page
    assert hidden not in page


def test_a_level_that_does_not_exist_is_not_found(cast):
    assert client_for(cast.caseworker).get(reverse("front:level", args=["meta"])).status_code == 404


def test_the_health_check_answers_without_signing_in(db, client):
    response = client.get(reverse("front:health"))
    assert response.json() == {"status": "ok"}
