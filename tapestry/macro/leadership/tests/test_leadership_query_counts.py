"""The leadership pages and API run the same number of queries at 3 and at 30 of everything.

Every signed-in page runs 5 of the pinned queries (session, user, session save in a savepoint); the
rest are the page's own reads. The dashboard shows at most DASHBOARD_INDICATORS indicators (two
grouped queries each): both sizes have more than that, so its count is the most it can be.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.evaluation.tests.support import attendance_indicator
from tapestry.macro.grants import services as grant_services
from tapestry.macro.grants.tests.support import a_program, an_award
from tapestry.macro.leadership import selectors, services
from tapestry.macro.leadership.reminders import compliance_reminders_send
from tapestry.macro.leadership.tests.support import an_item
from tapestry.testing import CaseFactory, UserFactory, client_for

pytestmark = pytest.mark.django_db

SIZES = [3, 30]


def filled(cast, rows: int) -> int:
    """`rows` of everything the dashboard reads; returns a recurring item done, with reminders."""
    director, officer = cast[Role.AGENCY_DIRECTOR], cast[Role.GRANTS_OFFICER]
    today = timezone.localdate()
    for n in range(rows):
        worker = UserFactory(role=Role.CASEWORKER)
        program = a_program(f"Program {n}")
        CaseFactory.create_batch(2, worker=worker, program=program)
    for n in range(max(rows, selectors.DASHBOARD_INDICATORS + 1)):
        attendance_indicator(name=f"Indicator {n}", program=program)
    award = an_award(officer)
    campaign = Campaign.objects.create(title="Right to Counsel", kind="policy_advocacy", lead=director)
    for n in range(rows):
        due = today + dt.timedelta(days=n - rows // 2)
        grant_services.deliverable_add(
            actor=officer, award=award, description=f"D{n}", due_on=due, owner=officer
        )
        grant_services.report_add(actor=officer, award=award, kind="interim", due_on=due)
        campaign.milestones.create(milestone=f"Milestone {n}", due_on=due)
        an_item(director, days=n - rows // 2, title=f"Item {n}", recurrence="yearly")
    item = an_item(director, days=3, recurrence="yearly")
    compliance_reminders_send(today=today - dt.timedelta(days=27))
    compliance_reminders_send()
    services.compliance_done(actor=director, item=item, version=1, done_on=today)
    return item.pk


def counted(client, url: str, expected: int, django_assert_num_queries) -> str:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


PAGES = {
    # compliance due; caseloads; reach; indicators, then two per indicator shown; grant deadlines
    # (deliverables and their reminders, reports and theirs, applications); milestones
    "dashboard": 5 + 1 + 1 + 1 + 1 + 2 * selectors.DASHBOARD_INDICATORS + 5 + 1,
    # the items with their owners
    "compliance_list": 6,
    # the item with its owner and the items before and after; its reminders
    "compliance_detail": 7,
}
API = {
    "/api/v1/leadership/dashboard": PAGES["dashboard"],
    # the count of the items; the page of them with their owners
    "/api/v1/leadership/compliance": 7,
    "/api/v1/leadership/compliance/{pk}": PAGES["compliance_detail"],
}


@pytest.mark.parametrize("rows", SIZES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_leadership_pages_run_a_fixed_number_of_queries(cast, rows, name, django_assert_num_queries):
    pk = filled(cast, rows)
    args = [pk] if name == "compliance_detail" else []

    html = counted(
        client_for(cast[Role.AGENCY_DIRECTOR]),
        reverse(f"leadership:{name}", args=args),
        PAGES[name],
        django_assert_num_queries,
    )

    assert "Agency licence renewal" in html or "Item 0" in html


@pytest.mark.parametrize("rows", SIZES)
@pytest.mark.parametrize("path", sorted(API))
def test_leadership_api_runs_a_fixed_number_of_queries(cast, rows, path, django_assert_num_queries):
    pk = filled(cast, rows)

    counted(
        client_for(cast[Role.AGENCY_DIRECTOR]),
        path.format(pk=pk),
        API[path],
        django_assert_num_queries,
    )


@pytest.mark.parametrize("rows", SIZES)
def test_the_administrators_dashboard_reads_compliance_only(cast, rows, django_assert_num_queries):
    filled(cast, rows)
    counted(
        client_for(cast[Role.ADMINISTRATOR]), reverse("leadership:dashboard"), 6, django_assert_num_queries
    )
