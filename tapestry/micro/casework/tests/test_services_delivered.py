"""Services delivered: type, minutes and modality per case, with totals by type for reporting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.models import Segment
from tapestry.micro.casework.models import ServiceRecord
from tapestry.micro.casework.tests.factories import note_for, service_for, today
from tapestry.testing import client_for, grant, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast):
    case = open_case(cast.caseworker)
    service_for(cast.caseworker, case, service_type="counselling", minutes=50)
    service_for(cast.caseworker, case, service_type="counselling", minutes=45, modality="video")
    service_for(cast.caseworker, case, service_type="transport", minutes=20)
    return case


def test_the_list_totals_minutes_by_type(cast, case):
    page = client_for(cast.caseworker).get(reverse("casework:service_list", kwargs={"case_pk": case.pk}))

    html = page.content.decode()
    assert "<tr><td>Counselling</td><td>2</td><td>95</td></tr>" in html
    assert "<tr><td>Transport</td><td>1</td><td>20</td></tr>" in html
    assert '<th scope="row">All services</th><td>3</td><td>115</td>' in html


def test_minutes_must_be_between_one_and_a_day(cast, case):
    for minutes in (0, 24 * 60 + 1):
        with pytest.raises(ValidationError) as refused:
            service_for(cast.caseworker, case, minutes=minutes)
        assert "minutes" in refused.value.message_dict


def test_a_service_cannot_be_recorded_ahead_of_its_date(cast, case):
    with pytest.raises(ValidationError) as refused:
        service_for(cast.caseworker, case, delivered_on=today() + dt.timedelta(days=1))
    assert "delivered_on" in refused.value.message_dict


def test_the_linked_note_must_be_on_the_same_case(cast, case):
    other_note = note_for(cast.caseworker, open_case(cast.caseworker))

    with pytest.raises(ValidationError) as refused:
        service_for(cast.caseworker, case, note=other_note)
    assert "note" in refused.value.message_dict


def test_a_link_to_a_psychotherapy_note_shows_only_to_the_granted(cast, case):
    grant(cast.caseworker, Segment.PSYCHOTHERAPY)
    private = note_for(cast.caseworker, case, segment="psychotherapy", title="Therapy session")
    service_for(cast.caseworker, case, note=private)

    own = client_for(cast.caseworker).get(reverse("casework:service_list", kwargs={"case_pk": case.pk}))
    teammates = client_for(cast.teammate).get(reverse("casework:service_list", kwargs={"case_pk": case.pk}))

    assert "Therapy session" in own.content.decode()
    assert "Therapy session" not in teammates.content.decode()
    assert "A note you may not open" in teammates.content.decode()


def test_a_service_is_recorded_through_the_page(cast, case):
    response = client_for(cast.teammate).post(
        reverse("casework:service_create", kwargs={"case_pk": case.pk}),
        {
            "delivered_on": today().isoformat(),
            "service_type": "home_visit",
            "minutes": "40",
            "modality": "home_visit",
            "staff": cast.teammate.pk,
            "note": "",
            "description": "",
        },
    )

    assert response.status_code == 302
    record = ServiceRecord.objects.get(service_type="home_visit")
    assert (record.minutes, record.staff, record.recorded_by) == (40, cast.teammate, cast.teammate)


def test_the_service_form_explains_a_bad_minutes_value_by_the_field(cast, case):
    response = client_for(cast.caseworker).post(
        reverse("casework:service_create", kwargs={"case_pk": case.pk}),
        {
            "delivered_on": today().isoformat(),
            "service_type": "group",
            "minutes": "0",
            "modality": "video",
            "staff": cast.caseworker.pk,
        },
    )

    assert response.status_code == 200
    assert 'id="id_minutes_error"' in response.content.decode()
