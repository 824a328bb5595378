"""policy.one_in_reach: the one getter of a person-level record (rule 9: missing and out of reach alike)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tapestry.access import policy
from tapestry.access.errors import OutOfReach
from tapestry.access.models import BreakGlass, Role
from tapestry.micro.cases.models import Case
from tapestry.testing import PersonFactory, assign, open_case

WORDS = {"missing": "No case with this number.", "detail": "This case is out of reach."}


def _get(user, pk, **options):
    return policy.one_in_reach(user, Case.objects.select_related("person"), pk, **WORDS, **options)


@pytest.fixture
def stranger_case(cast):
    stranger = PersonFactory()
    assign(cast.outsider, stranger)
    return open_case(cast.outsider, person=stranger, segment="")


@pytest.mark.django_db
def test_a_record_in_reach_is_returned(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    case = open_case(cast.caseworker, person=person, segment="")
    assert _get(cast.caseworker, case.pk, for_change=True) == case


@pytest.mark.django_db
def test_a_missing_record_and_one_out_of_reach_answer_alike(cast, stranger_case):
    facilitator = cast[Role.GROUP_FACILITATOR]
    with pytest.raises(Http404, match="No case with this number."):
        _get(facilitator, stranger_case.pk + 1000)
    with pytest.raises(Http404, match="No case with this number."):
        _get(facilitator, stranger_case.pk)


@pytest.mark.django_db
def test_who_may_break_glass_is_told_whose_record_it_is(cast, stranger_case):
    with pytest.raises(OutOfReach, match="This case is out of reach.") as refusal:
        _get(cast.caseworker, stranger_case.pk)
    assert refusal.value.person_id == stranger_case.person_id


@pytest.mark.django_db
def test_a_record_only_read_in_an_emergency_is_refused_for_change(cast, stranger_case):
    BreakGlass.objects.create(
        user=cast.caseworker,
        person=stranger_case.person,
        reason="A call from the emergency department about this client.",
        expires_at=BreakGlass.default_expiry(),
    )
    assert _get(cast.caseworker, stranger_case.pk) == stranger_case
    with pytest.raises(PermissionDenied, match="read only"):
        _get(cast.caseworker, stranger_case.pk, for_change=True, read_only="You may read only.")
    with pytest.raises(OutOfReach):
        _get(cast.caseworker, stranger_case.pk, for_change=True)


@pytest.mark.django_db
def test_a_requirement_is_checked_only_once_the_record_exists(cast, stranger_case):
    def not_granted(user):
        raise PermissionDenied("Not granted.")

    with pytest.raises(Http404):
        _get(cast.caseworker, stranger_case.pk + 1000, require=not_granted)
    with pytest.raises(PermissionDenied, match="Not granted."):
        _get(cast.caseworker, stranger_case.pk, require=not_granted)
