"""Who belongs to a cohort: cases the worker may change, each once; taking one out keeps the history."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.mezzo.cohorts import services
from tapestry.mezzo.cohorts.models import Cohort, CohortMember
from tapestry.mezzo.cohorts.tests.helpers import a_case, a_cohort
from tapestry.micro.cases.models import Case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_worker_starts_a_cohort_and_adds_a_case_from_their_caseload(cast):
    case = a_case(cast.caseworker)
    client = client_for(cast.caseworker)

    response = client.post(
        reverse("cohorts:cohort_create"),
        {"name": "Spring resettlement intake", "situation": "refugees", "lead": cast.caseworker.pk},
    )
    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cohorts:member_add", args=[cohort.pk])
    assert (cohort.lead, cohort.status, cohort.created_by) == (cast.caseworker, "open", cast.caseworker)

    page = client.get(reverse("cohorts:member_add", args=[cohort.pk]))
    assert case.person.display_name in page.content.decode()
    response = client.post(reverse("cohorts:member_add", args=[cohort.pk]), {"case": case.pk}, follow=True)

    text = response.content.decode()
    assert f"{case.person.display_name} ({case.number}) added to the cohort." in text
    assert CohortMember.objects.get().case == case
    assert "<h1>Spring resettlement intake</h1>" in text


def test_a_cohort_needs_a_name_and_a_situation(cast):
    response = client_for(cast.caseworker).post(
        reverse("cohorts:cohort_create"), {"name": "", "situation": "", "lead": cast.caseworker.pk}
    )

    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 2
    assert not Cohort.objects.exists()


def test_adding_the_same_case_twice_is_refused_with_a_message(cast):
    case = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [case])

    with pytest.raises(ValidationError) as refused:
        services.member_add(actor=cast.caseworker, cohort=cohort, case=case)

    assert refused.value.message_dict == {"case": [f"Case {case.number} is already in this cohort."]}
    assert CohortMember.objects.count() == 1
    # The page does not even offer it again.
    page = client_for(cast.caseworker).get(reverse("cohorts:member_add", args=[cohort.pk]))
    assert f'value="{case.pk}"' not in page.content.decode()


def test_a_case_in_another_caseload_cannot_be_added(cast):
    theirs = a_case(cast.outsider)
    cohort = a_cohort(cast.caseworker, [a_case(cast.caseworker)])

    with pytest.raises(ValidationError) as refused:
        services.member_add(actor=cast.caseworker, cohort=cohort, case=theirs)

    assert "outside your caseload" in refused.value.message_dict["case"][0]
    response = client_for(cast.caseworker).post(
        reverse("cohorts:member_add", args=[cohort.pk]), {"case": theirs.pk}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not CohortMember.objects.filter(case=theirs).exists()


def test_a_teammates_case_the_worker_may_change_can_be_added(cast):
    theirs = a_case(cast.teammate)
    cohort = a_cohort(cast.caseworker)

    member = services.member_add(actor=cast.caseworker, cohort=cohort, case=theirs)

    assert member.case == theirs and member.added_by == cast.caseworker


def test_a_closed_case_or_a_closed_cohort_takes_no_new_members(cast):
    closed = a_case(cast.caseworker, status=Case.Status.CLOSED, closing_reason="goals_met")
    cohort = a_cohort(cast.caseworker)

    with pytest.raises(ValidationError, match="closed"):
        services.member_add(actor=cast.caseworker, cohort=cohort, case=closed)

    cohort.status = Cohort.Status.CLOSED
    cohort.save()
    with pytest.raises(ValidationError, match="This cohort is closed"):
        services.member_add(actor=cast.caseworker, cohort=cohort, case=a_case(cast.caseworker))


def test_taking_a_case_out_keeps_its_history_and_it_can_come_back(cast):
    case = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [case])
    member = CohortMember.objects.get()
    client = client_for(cast.caseworker)

    response = client.post(reverse("cohorts:member_remove", args=[cohort.pk, member.pk]), follow=True)

    member.refresh_from_db()
    assert member.removed_on is not None and member.removed_by == cast.caseworker
    text = response.content.decode()
    assert "taken out of the cohort; the history stays." in text
    assert "<h2>Past members</h2>" in text and case.number in text
    again = services.member_add(actor=cast.caseworker, cohort=cohort, case=case)
    assert again.pk != member.pk
    assert CohortMember.objects.filter(cohort=cohort, case=case).count() == 2


def test_taking_out_twice_says_so(cast):
    a_cohort(cast.caseworker, [a_case(cast.caseworker)])
    member = CohortMember.objects.get()
    services.member_remove(actor=cast.caseworker, member=member)

    with pytest.raises(ValidationError, match="already taken out"):
        services.member_remove(actor=cast.caseworker, member=member)


def test_every_change_of_membership_is_audited_without_values(cast):
    case = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [case])
    services.member_remove(actor=cast.caseworker, member=CohortMember.objects.get())

    entries = AuditEntry.objects.filter(object_type="cohorts.cohortmember").order_by("id")
    assert [(e.action, e.person_id, e.fields) for e in entries] == [
        ("create", case.person_id, ["added_on", "case", "cohort"]),
        ("update", case.person_id, ["removed_by", "removed_on"]),
    ]
    created = AuditEntry.objects.get(object_type="cohorts.cohort", action="create")
    assert created.object_id == str(cohort.pk)


def test_editing_a_stale_cohort_is_refused(cast):
    cohort = a_cohort(cast.caseworker, [a_case(cast.caseworker)])
    services.cohort_update(actor=cast.caseworker, cohort=cohort, version=1, changes={"name": "Renamed"})

    response = client_for(cast.caseworker).post(
        reverse("cohorts:cohort_edit", args=[cohort.pk]),
        {
            "name": "Mine",
            "situation": "refugees",
            "lead": cast.caseworker.pk,
            "status": "closed",
            "version": 1,
        },
    )

    assert response.status_code == 400
    assert "Someone else changed this record" in response.content.decode()
    cohort.refresh_from_db()
    assert (cohort.name, cohort.status, cohort.version) == ("Renamed", "open", 2)
