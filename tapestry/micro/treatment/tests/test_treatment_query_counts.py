"""Treatment pages and lists run the same number of queries with 5 rows as with 50 (DESIGN rule 6).

The pinned numbers include the session, the user, the policy's checks and the audit entry; if
one moves, find out why before changing it here.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.micro.treatment.models import Release
from tapestry.micro.treatment.services import release_make
from tapestry.micro.treatment.tests.support import (
    api_client,
    checkin_for,
    clinic,
    note_for,
    plan_for,
    substance_use_case,
    written_consent,
)
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


@pytest.fixture
def busy_case(cast):
    def fill(rows: int):
        case = substance_use_case(cast.caseworker)
        plan_for(case)
        recipient = clinic()
        written_consent(case.person, recipient)
        for n in range(rows):
            checkin_for(case, note=f"Check-in {n}")
            note_for(case, cast.caseworker, text=f"Note {n}")
        for _ in range(rows):
            release_make(
                actor=cast.caseworker,
                case=case,
                recipient=recipient,
                purpose="treatment",
                parts=["team_notes"],
            )
        return case

    return fill


def counted(client, url: str, expected: int, django_assert_num_queries) -> str:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("rows", SIZES)
def test_case_index(cast, busy_case, rows, django_assert_num_queries):
    case = busy_case(rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("treatment:case_index", args=[case.pk]),
        19,
        django_assert_num_queries,
    )

    assert page.count("Check-in ") == rows
    assert page.count('href="/treatment/releases/') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_release_page(cast, busy_case, rows, django_assert_num_queries):
    case = busy_case(rows)
    made = Release.objects.filter(case=case).first()

    page = counted(
        client_for(cast.caseworker),
        reverse("treatment:release_detail", args=[made.pk]),
        11,
        django_assert_num_queries,
    )

    assert page.count("Note ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_api_lists(cast, busy_case, rows, django_assert_num_queries):
    case = busy_case(rows)
    client = api_client(cast.caseworker)
    client.get("/api/v1/me")  # the first use of a token records when it was used
    for path, expected in [
        ("medication-checkins", 10),
        ("team-notes", 10),
        ("releases", 10),
    ]:
        with django_assert_num_queries(expected):
            response = client.get(f"/api/v1/cases/{case.pk}/{path}")
        assert response.status_code == 200, path
        assert response.json()["count"] == rows
