"""The reads issue 8 found unaudited: each now writes an entry naming the person read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Role
from tapestry.mezzo.families.tests.helpers import family_case
from tapestry.micro.school.tests.support import school_case
from tapestry.testing import PersonFactory, UserFactory, assign, client_for

pytestmark = pytest.mark.django_db


def _views_after(before: int) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(id__gt=before, action=AuditEntry.Action.VIEW))


def _last_id() -> int:
    return AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_the_case_open_form_for_a_person_is_audited():
    worker = UserFactory(username="worker", role=Role.CASEWORKER)
    person = PersonFactory()
    assign(worker, person)
    before = _last_id()
    response = client_for(worker).get(reverse("cases:case_open_for", kwargs={"person_pk": person.pk}))
    assert response.status_code == 200 and person.family_name in response.content.decode()
    assert [e.person_id for e in _views_after(before)] == [person.pk]


def test_the_case_open_picker_is_audited():
    worker = UserFactory(username="worker", role=Role.CASEWORKER)
    person = PersonFactory()
    assign(worker, person)
    before = _last_id()
    response = client_for(worker).get(reverse("cases:case_open"))
    assert response.status_code == 200 and person.family_name in response.content.decode()
    assert [e.object_type for e in _views_after(before)] == ["people.person"]


def test_the_family_plan_page_before_a_plan_is_audited():
    worker = UserFactory(username="worker", role=Role.CASEWORKER)
    case = family_case(worker)
    before = _last_id()
    response = client_for(worker).get(reverse("families:case_index", kwargs={"case_pk": case.pk}))
    assert response.status_code == 200 and case.person.family_name in response.content.decode()
    assert [e.person_id for e in _views_after(before)] == [case.person_id]


def test_the_support_plan_page_before_a_plan_is_audited():
    worker = UserFactory(username="worker", role=Role.SCHOOL_SOCIAL_WORKER)
    case = school_case(worker)
    before = _last_id()
    response = client_for(worker).get(reverse("school:support_plan", kwargs={"case_pk": case.pk}))
    assert response.status_code == 200
    assert case.person_id in [e.person_id for e in _views_after(before)]
    assert any("support_plan" in e.fields for e in _views_after(before))
