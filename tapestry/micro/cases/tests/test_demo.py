"""The demo agency's cases: realistic caseloads, sensitive segments on the right workers, needs with barriers.

Each test loads the whole demo agency (about 15 s), so the checks are grouped by what they are about.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.caseload import caseload_alerts
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.programs.models import Program

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def cases_of(username: str, **filters: object):
    return Case.objects.filter(worker__username=username, **filters)


def test_caseloads_programs_and_a_second_load(demo):
    programs = set(Program.objects.values_list("name", flat=True))
    before = Case.objects.count()

    call_command("seed_demo", stdout=StringIO())

    assert "tapestry.micro.cases: " in demo
    assert cases_of("caseworker", status="open").count() >= 8
    assert cases_of("caseworker", status="closed").exclude(closing_reason="").exists()
    assert cases_of("caseworker", status="on_hold").exists()
    assert caseload_alerts(user=User.objects.get(username="caseworker"))  # a hold long enough to flag
    assert 35 + 42 <= before <= 60 + 42  # with the thread's 42 clients (needs pages, signals cluster)
    assert {
        "Housing Stability",
        "Family Support",
        "Youth Mentoring",
        "Recovery Support",
        "School Success",
    } <= programs
    assert Case.objects.filter(program__name="Housing Stability").exists()
    assert Case.objects.count() == before


def test_sensitive_cases_sit_with_the_workers_granted_their_segment(demo):
    welfare = cases_of("child_welfare_worker", case_type="child_welfare")
    school = cases_of("school_social_worker", case_type="school")
    substance = cases_of("caseworker", case_type="substance_use")

    assert welfare.exists() and set(welfare.values_list("segment", flat=True)) == {Segment.CHILD_WELFARE}
    assert school.exists() and set(school.values_list("segment", flat=True)) == {Segment.SCHOOL}
    assert substance.exists() and set(substance.values_list("segment", flat=True)) == {Segment.SUBSTANCE_USE}
    for case in Case.objects.select_related("worker"):
        assert policy.visible(case.worker, Case.objects.filter(pk=case.pk)).exists(), case


def test_needs_have_history_and_unmet_ones_name_a_barrier(demo):
    unmet = CaseNeed.objects.filter(status="unmet")

    assert unmet.exists()
    assert not unmet.filter(barrier__isnull=True).exists()
    assert CaseNeed.objects.filter(status="met").exists()
    for case_need in CaseNeed.objects.prefetch_related("changes"):
        steps = [change.status for change in case_need.changes.all()]
        assert steps[0] == "identified" and steps[-1] == case_need.status
