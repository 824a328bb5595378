"""The group page, the roster API and the catalogue run the same number of queries at 5 and 50 rows.

The pins include the session, the user, the segment grants and the audit entry of the roster read.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.groups.models import Membership
from tapestry.mezzo.groups.tests.support import make_group
from tapestry.needs.models import Need
from tapestry.testing import PersonFactory, client_for, open_case

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def populated_group(cast, rows: int):
    """A group with `rows` people: clients of the caseworker and community members, some waiting, some gone."""
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, cast.caseworker, capacity=rows)
    group.focus_needs.set(Need.objects.all()[:3])
    for index in range(rows):
        person = PersonFactory()
        case = open_case(cast.caseworker, person=person) if index % 2 else None
        status = ("enrolled", "waiting", "exited")[index % 3]
        Membership.objects.create(
            group=group,
            person=person,
            case=case,
            status=status,
            waiting_position=index if status == "waiting" else None,
            exit_reason="completed" if status == "exited" else "",
        )
    return group


def get_counted(client, url: str, expected: int, django_assert_num_queries, **params: str):
    client.get(url, params)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("rows", SIZES)
def test_group_page(cast, rows, django_assert_num_queries):
    group = populated_group(cast, rows)

    response = get_counted(
        client_for(cast["group_facilitator"]),
        reverse("groups:group_detail", args=[group.pk]),
        14,
        django_assert_num_queries,
    )

    assert response.content.decode().count("Record leaving") == len(range(0, rows, 3))


@pytest.mark.parametrize("rows", SIZES)
def test_roster_api(cast, rows, django_assert_num_queries):
    group = populated_group(cast, rows)

    response = get_counted(
        client_for(cast["group_facilitator"]),
        f"/api/v1/groups/{group.pk}/members",
        15,
        django_assert_num_queries,
        page_size="100",
    )

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", SIZES)
def test_catalogue(cast, rows, django_assert_num_queries):
    needs = list(Need.objects.all()[:2])
    for _ in range(rows):
        group = make_group(cast["group_facilitator"])
        group.focus_needs.set(needs)
        Membership.objects.create(group=group, person=PersonFactory(), status="enrolled")

    response = get_counted(
        client_for(cast["evaluator"]), reverse("groups:group_list"), 12, django_assert_num_queries
    )

    # The evaluator runs none of them: availability as a band, never in numbers.
    assert response.content.decode().count("<td>Places available") == rows
