"""The break-glass review shows what the access opened: the audit entries of that access only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tapestry.access import services
from tapestry.access.audit import audit_view
from tapestry.access.models import BreakGlass
from tapestry.access.tokens import token_create
from tapestry.testing import PersonFactory, client_for, counted

pytestmark = pytest.mark.django_db
REASON = "Client called in crisis; their worker is away and the crisis team needs the safety plan."


def _review_url(entry: BreakGlass) -> str:
    return reverse("access:break_glass_review", args=[entry.pk])


@pytest.fixture
def access(cast):
    """The caseworker (supervised by cast.supervisor) broke glass on a stranger; before the access they
    had looked at the stranger's record number once (refused, but logged here as a read)."""
    stranger = PersonFactory(given_name="Marisol", family_name="Quintero")
    audit_view(cast.caseworker, obj=stranger, fields=["before"], purpose="before the access")
    entry = services.break_glass_open(actor=cast.caseworker, person=stranger, reason=REASON)
    return entry


def test_the_review_lists_what_the_user_opened_during_the_access(cast, access):
    worker = client_for(cast.caseworker)
    worker.get(reverse("people:person_detail", args=[access.person_id]))
    page = client_for(cast.supervisor).get(_review_url(access)).content.decode()
    assert 'id="break-glass-opened"' in page
    assert "people.person" in page
    assert f"/people/{access.person_id}/" in page
    assert "Emergency access" in page  # the opening itself


def test_only_that_access_is_listed(cast, access):
    other_person = PersonFactory()
    audit_view(cast.caseworker, obj=other_person, fields=["other person"], purpose="another record")
    audit_view(cast.teammate, obj=access.person, fields=["other user"], purpose="someone else")
    audit_view(cast.caseworker, obj=access.person, fields=["during"], purpose="during the access")
    BreakGlass.objects.filter(pk=access.pk).update(expires_at=timezone.now() - timedelta(microseconds=1))
    audit_view(cast.caseworker, obj=access.person, fields=["after"], purpose="after the access")
    page = client_for(cast.supervisor).get(_review_url(access)).content.decode()
    assert "during the access" in page
    for outside in ("before the access", "another record", "someone else", "after the access"):
        assert outside not in page


def test_an_access_that_opened_nothing_says_so(cast, access):
    from tapestry.access.models import AuditEntry
    from tapestry.access.selectors import break_glass_opened

    assert [e.action for e in break_glass_opened(entry=access)] == [AuditEntry.Action.BREAK_GLASS]


def test_the_api_gives_the_same_list_to_a_reviewer_only(cast, access):
    audit_view(cast.caseworker, obj=access.person, fields=["during"], purpose="during the access")
    _, raw = token_create(actor=cast.supervisor, name="tests")
    url = f"/api/v1/break-glass-accesses/{access.pk}/opened"
    body = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(url).json()
    assert [row["purpose"] for row in body][-1] == "during the access"
    assert body[0]["action"] == "break_glass"
    _, other = token_create(actor=cast.caseworker, name="tests")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {other}").get(url).status_code == 403


@pytest.mark.parametrize("rows", [5, 50])
def test_the_review_page_runs_the_same_queries_at_any_size(cast, access, rows, django_assert_num_queries):
    for n in range(rows):
        audit_view(cast.caseworker, obj=access.person, fields=["name"], purpose=f"read {n}")
    page = counted(client_for(cast.supervisor), _review_url(access), 8, django_assert_num_queries)
    assert page.content.decode().count("<tr>") == rows + 2  # the header row and the opening
