"""The grants pages run the same number of queries at 3 and at 30 of everything.

Every signed-in page runs 5 of the pinned queries (session, user, session save in a savepoint);
the rest are the page's own reads, one per list it shows (many-to-many lists prefetched once).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.macro.grants import services
from tapestry.macro.grants.models import Application, Stage
from tapestry.macro.grants.tests.support import a_program, an_application, an_award
from tapestry.needs.models import Need
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [3, 30]


def filled(officer, rows: int) -> Application:
    """`rows` applications across the stages, and one award with `rows` of each of its parts."""
    needs = list(Need.objects.all()[:3])
    programs = [a_program(f"Program {n}") for n in range(3)]
    stages = list(Stage.values)
    for n in range(rows):
        application = an_application(officer, stages[n % len(stages)], programs=programs, needs=needs)
        application.opportunity.funder.focus_needs.set(needs)
    award = an_award(officer, amount="1000000", programs=programs)
    for _ in range(rows):
        services.proposal_save(
            actor=officer, application=an_application(officer, Stage.DRAFTING), summary="x"
        )
    today = timezone.localdate()
    for n in range(rows):
        due = today + dt.timedelta(days=n - rows // 2)
        services.deliverable_add(
            actor=officer, award=award, description=f"Deliverable {n}", due_on=due, owner=officer
        )
        services.report_add(actor=officer, award=award, kind="interim", due_on=due)
    for program in programs:
        services.award_program_add(actor=officer, award=award, program=program, amount=Decimal("10"))
    return award.application


def counted(client, url: str, expected: int, django_assert_num_queries) -> str:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


PAGES = {
    # applications (with funder, award, lead); their opportunities' programs; the awards' programs
    "pipeline": 8,
    # funders with their opportunity counts; their focus needs
    "funder_list": 7,
    # opportunities with counts; their programs; their needs
    "opportunity_list": 8,
    # deliverables owed and their reminders; reports owed and their reminders; applications due
    "deadline_list": 10,
    # the funder; its focus needs; its opportunities
    "funder_detail": 8,
    # the opportunity; its programs; its needs; our applications
    "opportunity_detail": 9,
    # the application; its award; programs, deliverables, reports, funder reports; stage history;
    # proposal versions
    "application_detail": 13,
}


@pytest.mark.parametrize("rows", SIZES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_grants_pages_run_a_fixed_number_of_queries(cast, rows, name, django_assert_num_queries):
    officer = cast[Role.GRANTS_OFFICER]
    application = filled(officer, rows)
    args = {
        "funder_detail": [application.opportunity.funder_id],
        "opportunity_detail": [application.opportunity_id],
        "application_detail": [application.pk],
    }.get(name, [])

    html = counted(
        client_for(officer), reverse(f"grants:{name}", args=args), PAGES[name], django_assert_num_queries
    )

    assert "Program 2" in html or name in ("funder_list", "funder_detail", "deadline_list")


@pytest.mark.parametrize("rows", SIZES)
def test_the_pipeline_for_leadership_too(cast, rows, django_assert_num_queries):
    filled(cast[Role.GRANTS_OFFICER], rows)
    counted(
        client_for(cast[Role.SUPERVISOR]),
        reverse("grants:pipeline"),
        PAGES["pipeline"],
        django_assert_num_queries,
    )
