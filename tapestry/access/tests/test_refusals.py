"""The project's 403 page and rule 9: one answer for missing and forbidden."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from tapestry.access.views import refused
from tapestry.testing import PersonFactory, assign, open_case


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_refused_page_shows_its_reason(cast, rf):
    request = rf.get("/somewhere/")
    request.user = cast.caseworker
    response = refused(request, PermissionDenied("You may read this report but not screen it."))
    assert response.status_code == 403
    assert b"You may read this report but not screen it." in response.content


@pytest.mark.django_db
def test_a_case_out_of_reach_is_refused_with_its_reason_and_the_emergency_offer(cast):
    stranger = PersonFactory()
    assign(cast.outsider, stranger)
    case = open_case(cast.outsider, person=stranger, segment="")

    response = _client(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk]))

    assert response.status_code == 403
    assert b"This case is outside your caseload" in response.content
    assert reverse("access:break_glass", args=[stranger.pk]).encode() in response.content


@pytest.mark.django_db
def test_a_route_refused_by_role_names_the_reason(cast):
    response = _client(cast["evaluator"]).get(reverse("people:person_list"))
    assert response.status_code == 403
    assert b"Your role does not give access to this page." in response.content
