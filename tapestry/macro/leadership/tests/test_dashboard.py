"""The agency dashboard: caseloads and reach suppressed so that no count under 11 is shown or left to
subtract, the same figures as the measures and selectors it asks, and nothing of a client's case."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.evidence.measures import ask, named
from tapestry.evidence.suppression import is_small, suppress_table
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.evaluation.selectors import indicator_overview
from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.macro.grants import services as grant_services
from tapestry.macro.grants.selectors import deadlines
from tapestry.macro.grants.tests.support import a_program, an_award
from tapestry.macro.leadership import selectors
from tapestry.macro.leadership.tests.support import an_item
from tapestry.programs.reach import program_reach
from tapestry.testing import CaseFactory, PersonFactory, UserFactory, client_for

pytestmark = pytest.mark.django_db

# Open cases per worker: two small caseloads (8 together) and the next smallest, 20, must hide too.
CASELOADS = {"Ada Quill": 30, "Ben Rook": 20, "Cy Moss": 5, "Dee Lark": 3}


def caseloads() -> dict[str, object]:
    workers = {}
    for name, n in CASELOADS.items():
        first, last = name.split()
        worker = UserFactory(first_name=first, last_name=last, role=Role.CASEWORKER)
        CaseFactory.create_batch(n, worker=worker)
        CaseFactory.create_batch(2, worker=worker, status="closed")  # closed cases are no caseload
        workers[name] = worker
    return workers


def shown_numbers(table) -> set[int]:
    values = {cell.value for cell in table.cells if cell.value is not None}
    return values | ({table.total.value} if table.total.value is not None else set())


def small_derivable(numbers: set[int]) -> list[int]:
    """Small counts among the numbers shown, or among the differences of two of them."""
    found = [n for n in numbers if is_small(n)]
    return found + [b - a for a, b in combinations(sorted(numbers), 2) if is_small(b - a)]


def test_no_small_caseload_is_shown_or_left_to_subtract(cast):
    caseloads()

    table = selectors.dashboard(user=cast[Role.AGENCY_DIRECTOR]).caseloads

    assert table.values() == {"Ada Quill": 30, "Ben Rook": None, "Cy Moss": None, "Dee Lark": None}
    assert table.total.value == 58
    assert small_derivable(shown_numbers(table)) == []


def test_without_the_rule_the_total_less_the_shown_gives_a_small_count():
    # The guard above can fail: primary and complementary suppression alone leaves 58 - 30 - 20 = 8.
    cells, total = suppress_table(list(CASELOADS.items()))
    shown = [cell.value for cell in cells if cell.value is not None]
    assert total.value - sum(shown) == 8


def test_the_dashboard_shows_what_the_measures_and_selectors_answer(cast):
    director, officer = cast[Role.AGENCY_DIRECTOR], cast[Role.GRANTS_OFFICER]
    caseloads()
    housing, youth, family = (
        a_program(name) for name in ("Housing Stability", "Youth Mentoring", "Family Support")
    )
    for person in PersonFactory.create_batch(14):
        CaseFactory(person=person, program=housing)
    CaseFactory.create_batch(12, program=youth)
    CaseFactory.create_batch(3, program=family)
    today = timezone.localdate()
    attendance(housing, {today.replace(day=1): (12, 3)})
    attendance_indicator(program=housing)
    award = an_award(officer)
    grant_services.deliverable_add(
        actor=officer, award=award, description="Quarterly workshops", due_on=today + dt.timedelta(days=20)
    )
    grant_services.deliverable_add(
        actor=officer, award=award, description="Far off", due_on=today + dt.timedelta(days=200)
    )
    campaign = Campaign.objects.create(title="Right to Counsel", kind="policy_advocacy", lead=director)
    campaign.milestones.create(milestone="Bill heard in committee", due_on=today + dt.timedelta(days=10))
    campaign.milestones.create(milestone="Vote", due_on=today + dt.timedelta(days=90))
    item = an_item(director, days=-3)
    an_item(director, days=90, title="Far-off review")

    board = selectors.dashboard(user=director)

    assert board.caseloads == named("cases.open_by_worker")()
    reach = board.reach.values()
    assert (
        reach["Housing Stability"] == program_reach(user=director, program_id=housing.pk).people_served.value
    )
    assert reach["Family Support"] is None and reach["Youth Mentoring"] is None  # 3, then 3 + 12 hidden
    assert small_derivable(shown_numbers(board.reach)) == []
    overview = {row.indicator.pk: row.latest for row in indicator_overview(user=director)}
    assert {row.indicator.pk: row.latest for row in board.indicators} == overview
    within = [row.what for row in deadlines(user=officer, within_days=60)]
    assert [row.what for row in board.grant_deadlines] == within == ["Quarterly workshops"]
    assert [row.milestone for row in board.milestones] == ["Bill heard in committee"]
    assert board.compliance == [item]


def test_the_dashboard_page_names_no_client(cast):
    director = cast[Role.AGENCY_DIRECTOR]
    client = PersonFactory(given_name="Ottoline", family_name="Brightwater")
    CaseFactory.create_batch(12, worker=cast.caseworker, person=client)

    html = client_for(director).get(reverse("leadership:dashboard")).content.decode()

    assert "Caseloads" in html and "Brightwater" not in html and "Ottoline" not in html
    assert "Behind on rent" not in html  # a case's presenting problem


def test_the_administrator_sees_compliance_only(cast):
    admin = cast[Role.ADMINISTRATOR]
    caseloads()
    an_item(admin, days=5, title="Fire inspection")

    page = client_for(admin).get(reverse("leadership:dashboard")).content.decode()
    api = client_for(admin).get("/api/v1/leadership/dashboard").json()

    assert "Fire inspection" in page and "Caseloads" not in page and "Ada Quill" not in page
    assert api["practice"] is False and api["caseloads"] is None and api["reach"] is None
    assert [row["title"] for row in api["compliance"]] == ["Fire inspection"]


def test_the_api_gives_the_pages_figures(cast):
    director = cast[Role.AGENCY_DIRECTOR]
    caseloads()

    body = client_for(director).get("/api/v1/leadership/dashboard").json()

    cells = {cell["label"]: cell["value"] for cell in body["caseloads"]["cells"]}
    assert cells == {"Ada Quill": 30, "Ben Rook": None, "Cy Moss": None, "Dee Lark": None}
    assert body["caseloads"]["total"]["value"] == 58 and body["practice"] is True


def test_indicators_are_capped_with_a_link_to_the_rest(cast):
    housing = a_program("Housing Stability")
    for n in range(selectors.DASHBOARD_INDICATORS + 1):
        attendance_indicator(name=f"Indicator {n}", program=housing)

    board = selectors.dashboard(user=cast[Role.AGENCY_DIRECTOR])
    page = client_for(cast[Role.AGENCY_DIRECTOR]).get(reverse("leadership:dashboard")).content.decode()

    assert len(board.indicators) == selectors.DASHBOARD_INDICATORS and board.more_indicators
    assert "See every indicator" in page


def test_the_dashboards_measures_are_for_leadership_only(cast):
    for name in ("cases.open_by_worker", "programs.people_served"):
        assert ask(cast[Role.AGENCY_DIRECTOR], name).title
        for role in (Role.PROGRAM_MANAGER, Role.SUPERVISOR, Role.EVALUATOR):
            with pytest.raises(PermissionDenied):
                ask(cast[role], name)
