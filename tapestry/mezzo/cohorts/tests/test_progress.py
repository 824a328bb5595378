"""Per-person progress across the cohort, and pages whose query count does not grow with the members.

The pinned page numbers include the session, the user, the policy's checks and the audit entry;
if one moves, find out why before changing it here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Segment
from tapestry.mezzo.cohorts.models import Cohort, CohortMember
from tapestry.mezzo.cohorts.tests.helpers import a_case, a_cohort, with_plan
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.casework.models import CarePlan, Goal, ProgressNote, Task
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import directory_service
from tapestry.testing import client_for, counted, grant

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


SIZES = [5, 50]


def busy_case(worker, service, *, score: int = 9):
    """A case with two goals (one met), two open tasks (one overdue), notes, a referral and an assessment."""
    case = with_plan(a_case(worker))
    plan = CarePlan.objects.get(case=case)
    for status in ("active", "achieved"):
        Goal.objects.create(
            plan=plan, description="Goal", measure="m", target="t", target_date=today(), status=status
        )
    Task.objects.create(case=case, title="Later", owner=worker, due_on=today() + dt.timedelta(days=3))
    Task.objects.create(case=case, title="Late", owner=worker, due_on=today() - dt.timedelta(days=3))
    Task.objects.create(case=case, title="Done", owner=worker, due_on=today(), status="cancelled")
    ProgressNote.objects.create(
        case=case, author=worker, format="contact", text="a", contact_date=today() - dt.timedelta(days=9)
    )
    ProgressNote.objects.create(
        case=case, author=worker, format="contact", text="b", contact_date=today() - dt.timedelta(days=2)
    )
    Referral.objects.create(case=case, service=service, reason="r", status="declined")
    Referral.objects.create(case=case, service=service, reason="r", status="sent")
    for total, day in ((score + 5, 20), (score, 1)):
        Assessment.objects.create(
            case=case,
            instrument="phq-9",
            instrument_version="1",
            administered_by=worker,
            total_score=total,
            severity_band="Mild",
            administered_on=today() - dt.timedelta(days=day),
        )
    return case


def test_each_member_has_one_row_with_their_progress(cast):
    service = directory_service()
    busy = busy_case(cast.caseworker, service)
    quiet = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [busy, quiet])

    rows = client_for(cast.caseworker).get(f"/api/v1/cohorts/{cohort.pk}/progress").json()

    by_case = {row["case_id"]: row for row in rows}
    assert {k: by_case[busy.pk][k] for k in ("goals_active", "goals_met", "tasks_open", "tasks_overdue")} == {
        "goals_active": 1,
        "goals_met": 1,
        "tasks_open": 2,
        "tasks_overdue": 1,
    }
    assert by_case[busy.pk]["last_note_on"] == (today() - dt.timedelta(days=2)).isoformat()
    assert by_case[busy.pk]["referral_status"] == "sent"
    assert by_case[busy.pk]["latest_score"]["score"] == 9
    assert by_case[busy.pk]["latest_score"]["name"].startswith("PHQ-9")
    assert by_case[quiet.pk] | {"person_name": ""} == {
        "member_id": by_case[quiet.pk]["member_id"],
        "case_id": quiet.pk,
        "case_number": quiet.number,
        "person_name": "",
        "goals_active": 0,
        "goals_met": 0,
        "tasks_open": 0,
        "tasks_overdue": 0,
        "last_note_on": None,
        "referral_status": None,
        "latest_score": None,
    }


def test_the_progress_page_shows_the_table(cast):
    busy = busy_case(cast.caseworker, directory_service())
    cohort = a_cohort(cast.caseworker, [busy])

    text = (
        client_for(cast.caseworker).get(reverse("cohorts:cohort_progress", args=[cohort.pk])).content.decode()
    )

    assert busy.person.display_name in text
    assert "Sent" in text and "PHQ-9" in text and ": 9 (Mild)" in text
    assert (today() - dt.timedelta(days=2)).isoformat() in text


def test_a_psychotherapy_note_does_not_show_as_the_last_note_to_those_not_granted(cast):
    case = a_case(cast.caseworker)
    ProgressNote.objects.create(
        case=case,
        author=cast.caseworker,
        format="contact",
        text="x",
        contact_date=today() - dt.timedelta(days=5),
    )
    ProgressNote.objects.create(
        case=case,
        author=cast.caseworker,
        format="contact",
        text="y",
        contact_date=today(),
        segment="psychotherapy",
    )
    cohort = a_cohort(cast.caseworker, [case])
    grant(cast.caseworker, Segment.PSYCHOTHERAPY)

    mine = client_for(cast.caseworker).get(f"/api/v1/cohorts/{cohort.pk}/progress").json()
    theirs = client_for(cast.teammate).get(f"/api/v1/cohorts/{cohort.pk}/progress").json()

    assert mine[0]["last_note_on"] == today().isoformat()
    assert theirs[0]["last_note_on"] == (today() - dt.timedelta(days=5)).isoformat()


# Query counts -------------------------------------------------------------------------------


def big_cohort(cast, rows: int) -> Cohort:
    service = directory_service()
    cohort = Cohort.objects.create(name="Big", situation="other", lead=cast.caseworker)
    for n in range(rows):
        case = busy_case(cast.caseworker, service) if n % 5 == 0 else a_case(cast.caseworker)
        CohortMember.objects.create(cohort=cohort, case=case, added_by=cast.caseworker)
    return cohort


@pytest.mark.parametrize("rows", SIZES)
def test_progress_page(cast, rows, django_assert_num_queries):
    cohort = big_cohort(cast, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("cohorts:cohort_progress", args=[cohort.pk]),
        13,
        django_assert_num_queries,
    )

    assert page.content.decode().count('<th scope="row">') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_progress_api(cast, rows, django_assert_num_queries):
    cohort = big_cohort(cast, rows)

    response = counted(
        client_for(cast.caseworker), f"/api/v1/cohorts/{cohort.pk}/progress", 13, django_assert_num_queries
    )

    assert len(response.json()) == rows


@pytest.mark.parametrize("rows", SIZES)
def test_cohort_page(cast, rows, django_assert_num_queries):
    cohort = big_cohort(cast, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("cohorts:cohort_detail", args=[cohort.pk]),
        17,
        django_assert_num_queries,
    )

    assert page.content.decode().count("Take out</button>") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_bulk_action_form(cast, rows, django_assert_num_queries):
    cohort = big_cohort(cast, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("cohorts:bulk_action", args=[cohort.pk, "task"]),
        13,
        django_assert_num_queries,
    )

    assert page.content.decode().count('name="members"') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_cohort_list(cast, rows, django_assert_num_queries):
    big_cohort(cast, rows)

    page = counted(client_for(cast.caseworker), reverse("cohorts:cohort_list"), 8, django_assert_num_queries)

    assert f"<td>{rows}</td>" in page.content.decode()
