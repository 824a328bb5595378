"""The case workspace: the case page's sections, each read through its area, the same in the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.assessments.tests.factories import give, likert
from tapestry.micro.casework.tests.factories import goal_for, note_for, plan_for, task_for, today
from tapestry.micro.referrals.tests.helpers import consent, recipient, record
from tapestry.testing import client_for, counted, open_case

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def busy_case(worker, *, rows: int = 1):
    """A case with `rows` of each thing the workspace shows."""
    case = open_case(worker)
    plan_for(worker, case)
    for n in range(rows):
        note_for(worker, case, title=f"Visit {n}", signed=n % 2 == 0)
        give(
            worker,
            case,
            "phq-9",
            likert(12 - min(n, 10), 9, last_zero=True),
            on=today() - dt.timedelta(days=rows - n),
        )
        goal_for(worker, case, description=f"Goal {n}")
        task_for(worker, case, title=f"Task {n}", due_on=today() + dt.timedelta(days=n - 1))
        record(worker, case)
        consent(case.person, to=recipient())
    return case


def test_the_case_page_puts_write_a_note_first_and_loads_each_section_from_its_own_address(cast):
    case = busy_case(cast.caseworker)
    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    first_button = page.index('class="button"')
    assert page[first_button : first_button + 120].count("Write a note") == 1
    assert page.index("Write a note") < page.index("Edit the case")
    for name in ("notes", "scores", "plan", "referrals", "consents"):
        url = reverse(f"workspace:{name}", args=[case.pk])
        assert f'hx-get="{url}"' in page
        # Without JavaScript the section is one link away.
        assert f'<a href="{url}">' in page


def test_a_closed_case_offers_no_note_to_write(cast):
    case = busy_case(cast.caseworker)
    case.status = "closed"
    case.closed_on = today()
    case.save()
    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Write a note" not in page


def test_sections_show_the_newest_notes_scores_with_their_change_open_work_referrals_and_consents(cast):
    case = busy_case(cast.caseworker, rows=3)
    client = client_for(cast.caseworker)

    def section(name):
        response = client.get(reverse(f"workspace:{name}", args=[case.pk]), **HTMX)
        assert response.status_code == 200
        assert "<html" not in response.content.decode()  # a fragment for htmx
        return response.content.decode()

    notes = section("notes")
    assert "Visit 2" in notes and "Visit 0" in notes
    assert "Unsigned draft" in notes and "3 notes on this case, 1 unsigned" in notes
    scores = section("scores")
    # PHQ-9: 12, 11, 10 oldest first; the latest is 10, down 1 from 11.
    assert "<strong>10</strong>" in scores and "Down 1" in scores and "12, 11, 10" in scores
    plan = section("plan")
    assert "Goal 0" in plan and "Task 0" in plan and "1 overdue" in plan
    assert "Update<span" in plan  # the worker may change it
    assert section("referrals").count("Outpatient treatment") == 3
    consents = section("consents")
    assert consents.count("Harbour Recovery Collective") == 3


def test_without_htmx_a_section_is_a_page_of_its_own(cast):
    case = busy_case(cast.caseworker)
    response = client_for(cast.caseworker).get(reverse("workspace:notes", args=[case.pk]))
    page = response.content.decode()
    assert "<html" in page and "Recent notes: case" in page and "Visit 0" in page


def test_a_revoked_or_expired_consent_is_not_in_force(cast):
    case = busy_case(cast.caseworker)
    consent(case.person, to=None, recipient_description="Old landlord", revoked_on=today())
    consent(
        case.person, to=None, recipient_description="Past school", expires_on=today() - dt.timedelta(days=1)
    )
    page = client_for(cast.caseworker).get(reverse("workspace:consents", args=[case.pk]), **HTMX)
    text = page.content.decode()
    assert "Harbour Recovery Collective" in text
    assert "Old landlord" not in text and "Past school" not in text


def test_a_consent_about_a_segment_not_granted_is_left_out(cast):
    case = busy_case(cast.caseworker)
    consent(case.person, to=None, recipient_description="Methadone clinic", segment=Segment.SUBSTANCE_USE)
    text = (
        client_for(cast.caseworker)
        .get(reverse("workspace:consents", args=[case.pk]), **HTMX)
        .content.decode()
    )
    assert "Methadone clinic" not in text


def test_someone_outside_the_caseload_gets_nothing(cast):
    case = busy_case(cast.caseworker)
    client = client_for(cast.outsider)
    for name in ("notes", "scores", "plan", "referrals", "consents"):
        # Out of reach is refused (with the way to emergency access), never shown.
        assert client.get(reverse(f"workspace:{name}", args=[case.pk]), **HTMX).status_code == 403
    assert client.get(f"/api/v1/cases/{case.pk}/workspace").status_code == 403


def test_each_section_read_is_audited_as_its_own_area(cast):
    case = busy_case(cast.caseworker)
    client = client_for(cast.caseworker)
    before = AuditEntry.objects.count()
    client.get(reverse("workspace:scores", args=[case.pk]), **HTMX)
    entries = list(AuditEntry.objects.order_by("pk")[before:].values_list("object_type", "person_id"))
    assert ("assessments.assessment", case.person_id) in entries
    assert all(person == case.person_id for _, person in entries)


def test_the_api_answers_the_same_sections(cast):
    case = busy_case(cast.caseworker, rows=2)
    body = client_for(cast.caseworker).get(f"/api/v1/cases/{case.pk}/workspace").json()
    assert body["case_number"] == case.number
    assert [note["title"] for note in body["notes"]] == ["Visit 1", "Visit 0"]
    assert body["notes_total"] == 2 and body["drafts"] == 1
    (phq9,) = body["scores"]
    assert (phq9["instrument"], phq9["latest_score"], phq9["previous_score"], phq9["change"]) == (
        "phq-9",
        11,
        12,
        -1,
    )
    assert phq9["trend"] == [12, 11]
    assert body["has_plan"] is True and {goal["description"] for goal in body["goals"]} == {
        "Goal 0",
        "Goal 1",
    }
    assert [task["overdue"] for task in body["tasks"]] == [True, False]
    assert len(body["referrals"]) == 2 and body["referrals"][0]["status"] == "draft"
    assert {c["recipient"] for c in body["consents"]} == {"Harbour Recovery Collective"}


@pytest.mark.parametrize(
    ("name", "queries"),
    [("notes", 19), ("scores", 15), ("plan", 21), ("referrals", 16), ("consents", 17)],
)
@pytest.mark.parametrize("rows", [1, 12])
def test_each_section_runs_the_same_queries_however_much_is_on_record(
    cast, django_assert_num_queries, name, queries, rows
):
    case = busy_case(cast.caseworker, rows=rows)
    client = client_for(cast.caseworker)
    counted(client, reverse(f"workspace:{name}", args=[case.pk]), queries, django_assert_num_queries)


@pytest.mark.parametrize("rows", [1, 12])
def test_the_api_runs_the_same_queries_however_much_is_on_record(cast, django_assert_num_queries, rows):
    case = busy_case(cast.caseworker, rows=rows)
    counted(client_for(cast.caseworker), f"/api/v1/cases/{case.pk}/workspace", 46, django_assert_num_queries)
