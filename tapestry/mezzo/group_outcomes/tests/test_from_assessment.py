"""The member's caseworker may use a case assessment as the group measure; the facilitator never sees it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.mezzo.group_outcomes import services
from tapestry.mezzo.group_outcomes.models import MemberMeasure
from tapestry.mezzo.group_outcomes.tests.factories import answers_for, enrol, make_group
from tapestry.micro.assessments.instruments import PHQ9
from tapestry.micro.assessments.services import assessment_record
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(cast):
    """A weekly group of 8 that started 70 days ago (last session 21 days ago), with the caseworker's client."""
    group = make_group([cast["group_facilitator"]])
    case = open_case(cast.caseworker)
    membership = enrol(group, case.person, case=case)
    return group, case, membership


def give(cast, case, total, days_ago):
    return assessment_record(
        actor=cast.caseworker,
        case=case,
        definition=PHQ9,
        answers=answers_for("phq-9", total),
        administered_on=timezone.localdate() - timedelta(days=days_ago),
    )


def url(membership):
    return reverse("group_outcomes:measure_from_assessment", args=[membership.pk])


def test_the_caseworker_uses_an_assessment_from_before_the_first_session(cast, setting):
    group, case, membership = setting
    before = give(cast, case, 17, days_ago=80)
    give(cast, case, 3, days_ago=200)  # too early to count
    client = client_for(cast.caseworker)

    page = client.get(url(membership)).content.decode()
    assert "As the pre measure: PHQ-9" in page and "score 17" in page
    assert "score 3" not in page

    response = client.post(url(membership), {"choice": f"pre:{before.pk}"})

    assert response.status_code == 302
    saved = MemberMeasure.objects.get(membership=membership)
    assert (saved.phase, saved.total_score, saved.severity_band) == ("pre", 17, "Moderately severe")
    assert saved.source_assessment == before
    assert saved.answers == {}  # the answers stay on the case


def test_an_assessment_after_the_last_session_is_offered_as_the_post_measure(cast, setting):
    _, case, membership = setting
    after = give(cast, case, 6, days_ago=10)
    measure = services.measure_from_assessment(
        actor=cast.caseworker, membership=membership, assessment=after, phase="post"
    )
    assert (measure.phase, measure.total_score) == ("post", 6)
    with pytest.raises(services.MeasureExists):
        services.measure_from_assessment(
            actor=cast.caseworker, membership=membership, assessment=after, phase="post"
        )


def test_an_assessment_outside_the_window_is_refused(cast, setting):
    _, case, membership = setting
    middle = give(cast, case, 9, days_ago=50)
    with pytest.raises(services.MeasureInvalid) as error:
        services.measure_from_assessment(
            actor=cast.caseworker, membership=membership, assessment=middle, phase="pre"
        )
    assert "within 30 days" in error.value.message_dict["assessment"][0]


def test_the_facilitator_cannot_reach_the_case_assessments(cast, setting):
    group, case, membership = setting
    assessment = give(cast, case, 17, days_ago=80)
    facilitator = client_for(cast["group_facilitator"])

    assert facilitator.get(url(membership)).status_code == 404
    assert facilitator.get(reverse("assessments:assessment_detail", args=[assessment.pk])).status_code == 403
    services.measure_from_assessment(
        actor=cast.caseworker, membership=membership, assessment=assessment, phase="pre"
    )
    page = facilitator.get(reverse("group_outcomes:measures", args=[group.pk])).content.decode()
    assert "17 (Moderately severe)" in page
    assert reverse("assessments:assessment_detail", args=[assessment.pk]) not in page


def test_the_report_offers_the_caseworker_the_action(cast, setting):
    group, _, membership = setting
    page = client_for(cast.caseworker).get(reverse("group_outcomes:report", args=[group.pk])).content.decode()
    assert url(membership) in page
