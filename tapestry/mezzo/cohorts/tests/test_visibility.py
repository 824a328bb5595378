"""Who sees a cohort and which of its members: only members in the viewer's reach, and no trace of others."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Segment
from tapestry.mezzo.cohorts import services
from tapestry.mezzo.cohorts.models import CohortMember
from tapestry.mezzo.cohorts.tests.helpers import a_case, a_cohort, join
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(cast):
    return a_cohort(cast.caseworker, [a_case(cast.caseworker), a_case(cast.caseworker)])


@pytest.mark.parametrize("name", ["cohorts:cohort_detail", "cohorts:cohort_progress", "cohorts:member_add"])
def test_a_worker_outside_the_cohort_gets_not_found(cast, cohort, name):
    response = client_for(cast.outsider).get(reverse(name, args=[cohort.pk]))

    assert response.status_code == 404


def test_the_outsider_neither_sees_it_listed_nor_through_the_api(cast, cohort):
    client = client_for(cast.outsider)

    assert cohort.name not in client.get(reverse("cohorts:cohort_list")).content.decode()
    assert client.get(f"/api/v1/cohorts/{cohort.pk}").status_code == 404
    assert client.get("/api/v1/cohorts").json()["count"] == 0


@pytest.mark.parametrize("role", ["program_manager", "group_facilitator", "evaluator"])
def test_roles_without_client_records_are_refused(cast, cohort, role):
    client = client_for(cast[role])

    assert client.get(reverse("cohorts:cohort_detail", args=[cohort.pk])).status_code == 403
    assert client.get(reverse("cohorts:cohort_list")).status_code == 403
    assert client.get(f"/api/v1/cohorts/{cohort.pk}/progress").status_code == 403


def test_a_teammate_and_the_supervisor_see_the_cohort_through_its_members(cast, cohort):
    for user in (cast.teammate, cast.supervisor):
        response = client_for(user).get(reverse("cohorts:cohort_detail", args=[cohort.pk]))
        assert response.status_code == 200
        assert response.content.decode().count("Take out</button>") == 2


def test_the_lead_sees_an_empty_cohort(cast):
    empty = a_cohort(cast.caseworker)

    response = client_for(cast.caseworker).get(reverse("cohorts:cohort_detail", args=[empty.pk]))

    assert "No members you may see yet." in response.content.decode()


def test_a_sensitive_member_is_left_out_without_a_trace_for_those_not_granted(cast):
    general = a_case(cast.caseworker)
    sensitive = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    cohort = a_cohort(cast.caseworker, [general, sensitive])
    teammate = client_for(cast.teammate)

    detail = teammate.get(reverse("cohorts:cohort_detail", args=[cohort.pk])).content.decode()
    listing = teammate.get(reverse("cohorts:cohort_list")).content.decode()
    progress = teammate.get(reverse("cohorts:cohort_progress", args=[cohort.pk])).content.decode()
    api = teammate.get(f"/api/v1/cohorts/{cohort.pk}").json()

    assert general.person.display_name in detail
    for page in (detail, listing, progress):
        assert sensitive.person.display_name not in page
        assert sensitive.number not in page
    assert detail.count("Take out</button>") == 1
    assert "<td>1</td>" in listing  # the members this teammate may see, and only those
    assert api["members_seen"] == 1 and [m["case_id"] for m in api["members"]] == [general.pk]
    # The lead, granted the segment, sees both.
    lead = (
        client_for(cast.caseworker).get(reverse("cohorts:cohort_detail", args=[cohort.pk])).content.decode()
    )
    assert sensitive.person.display_name in lead


def test_a_cohort_whose_only_member_is_out_of_reach_is_not_found(cast):
    cohort = a_cohort(cast.outsider)
    join(cohort, a_case(cast.outsider))

    assert (
        client_for(cast.caseworker).get(reverse("cohorts:cohort_detail", args=[cohort.pk])).status_code == 404
    )


def test_opening_a_cohort_and_its_progress_is_audited(cast, cohort):
    client = client_for(cast.teammate)
    client.get(reverse("cohorts:cohort_detail", args=[cohort.pk]))
    client.get(reverse("cohorts:cohort_progress", args=[cohort.pk]))

    opens = AuditEntry.objects.filter(action="view", object_type="cohorts.cohort", actor=cast.teammate)
    assert [(e.object_id, e.purpose) for e in opens.order_by("id")] == [
        (str(cohort.pk), "cohort work"),
        (str(cohort.pk), "cohort progress"),
    ]


def test_action_counts_including_a_hidden_member_are_not_shown_to_those_not_granted(cast):
    general = a_case(cast.caseworker)
    sensitive = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    cohort = a_cohort(cast.caseworker, [general, sensitive])
    services.cohort_action_run(
        actor=cast.caseworker,
        cohort=cohort,
        members=list(
            CohortMember.objects.filter(cohort=cohort).select_related("case__person", "case__worker")
        ),
        item=services.TaskItem(title="Bring your papers", due_on=date(2030, 1, 1)),
    )
    url = reverse("cohorts:cohort_detail", args=[cohort.pk])

    lead = client_for(cast.caseworker).get(url).content.decode()
    teammate = client_for(cast.teammate).get(url).content.decode()

    assert "<td>2</td>" in lead  # the lead sees both members, so the count
    assert "Bring your papers" in teammate and "<td>2</td>" not in teammate
    assert "<td>—</td>" in teammate
