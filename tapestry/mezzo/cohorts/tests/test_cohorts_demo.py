"""The demo cohort: a resettlement intake from the caseworker's caseload, with bulk actions already run."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.mezzo.cohorts import demo
from tapestry.mezzo.cohorts.models import Cohort, CohortAction
from tapestry.mezzo.cohorts.tests.helpers import a_case, with_plan
from tapestry.micro.casework.models import Goal, Task
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import directory_service, recipient

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseload(cast):
    recipient()
    directory_service(name="English for newcomers", needs=("unemployment",))
    return [with_plan(a_case(cast.caseworker)) if n % 2 else a_case(cast.caseworker) for n in range(9)]


def test_seed_makes_one_cohort_with_a_shared_goal_task_and_referral(caseload):
    summary = demo.seed(DemoContext.load("cohorts-2026"))

    cohort = Cohort.objects.get()
    assert cohort.name == demo.NAME
    assert cohort.members.count() == 8
    assert summary.startswith("1 cohort of 8 cases")
    kinds = dict(CohortAction.objects.values_list("kind", "done"))
    assert kinds == {"goal": 4, "task": 8, "referral": kinds["referral"]}
    assert Goal.objects.count() == 4 and Task.objects.count() == 8
    referral = CohortAction.objects.get(kind="referral")
    # Some members had signed a consent and were sent; the others were not, and nothing was sent for them.
    assert referral.done > 0 and referral.skipped > 0
    assert Referral.objects.filter(status="sent").count() == referral.done
    assert Referral.objects.count() == referral.done


def test_seed_runs_once(caseload):
    demo.seed(DemoContext.load("cohorts-2026"))

    assert demo.seed(DemoContext.load("cohorts-2026")) == ""
    assert Cohort.objects.count() == 1 and CohortAction.objects.count() == 3


def test_seed_does_nothing_without_cases(cast):
    assert demo.seed(DemoContext.load("cohorts-2026")) == ""
    assert not Cohort.objects.exists()
