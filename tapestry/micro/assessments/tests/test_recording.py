"""Recording an assessment: scored on the server, audited, refused where the worker may not write."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, BreakGlass, Segment
from tapestry.micro.assessments import selectors, services
from tapestry.micro.assessments.instruments import INSTRUMENTS, MISSING
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.tests.factories import NO_NEEDS, custom_form, give, likert
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.needs.models import Need
from tapestry.testing import grant, open_case

pytestmark = pytest.mark.django_db


def test_a_recorded_assessment_keeps_answers_score_band_flag_and_next_step(cast):
    case = open_case(cast.caseworker)

    assessment = give(cast.caseworker, case, "phq-9", likert(12, 9, last_zero=True))

    assessment.refresh_from_db()
    assert (assessment.total_score, assessment.severity_band, assessment.flagged) == (12, "Moderate", True)
    assert assessment.crisis is False
    assert assessment.answers["q1"] == "3"
    assert assessment.responses[0]["points"] == 3
    assert assessment.next_step.startswith("Agree a plan")
    assert assessment.instrument_version == "1"
    assert assessment.administered_by == cast.caseworker


def test_recording_writes_an_audit_entry_without_the_answers(cast):
    case = open_case(cast.caseworker)

    assessment = give(cast.caseworker, case, "gad-7", likert(3, 7))

    entry = AuditEntry.objects.get(action="create", object_type="assessments.assessment")
    assert (entry.actor, entry.object_id, entry.person_id) == (
        cast.caseworker,
        str(assessment.pk),
        case.person_id,
    )
    assert "answers" in entry.fields and "3" not in entry.fields


def test_a_missing_answer_is_an_error_on_that_item_and_nothing_is_saved(cast):
    case = open_case(cast.caseworker)
    answers = likert(5, 9)
    del answers["q4"]

    with pytest.raises(services.AssessmentInputInvalid) as raised:
        give(cast.caseworker, case, "phq-9", answers)

    assert raised.value.message_dict == {"q4": [MISSING]}
    assert not Assessment.objects.exists()


def test_an_assessment_cannot_be_dated_in_the_future(cast):
    case = open_case(cast.caseworker)

    with pytest.raises(services.AssessmentInputInvalid) as raised:
        give(
            cast.caseworker,
            case,
            "phq-2",
            {"q1": "0", "q2": "0"},
            on=timezone.localdate() + timedelta(days=1),
        )

    assert "administered_on" in raised.value.message_dict


def test_an_unknown_instrument_is_refused():
    with pytest.raises(services.AssessmentInputInvalid, match="no instrument called"):
        services.definition_for(instrument="beck-42")


def test_a_worker_outside_the_caseload_may_not_record(cast):
    case = open_case(cast.caseworker)

    with pytest.raises(PermissionDenied):
        give(cast.outsider, case, "phq-2", {"q1": "0", "q2": "0"})


def test_a_teammate_may_record_on_a_team_case(cast):
    case = open_case(cast.caseworker)

    assert give(cast.teammate, case, "phq-2", {"q1": "1", "q2": "1"}).total_score == 2


def test_emergency_access_reads_but_does_not_record(cast):
    case = open_case(cast.caseworker)
    assessment = give(cast.caseworker, case, "phq-2", {"q1": "1", "q2": "1"})
    BreakGlass.objects.create(
        user=cast.outsider,
        person=case.person,
        reason="Welfare check",
        expires_at=timezone.now() + timedelta(hours=1),
    )

    opened = selectors.assessment_detail(user=cast.outsider, assessment_id=assessment.pk)

    assert opened.pk == assessment.pk
    assert AuditEntry.objects.filter(
        actor=cast.outsider, action="view", purpose="emergency: Welfare check"
    ).exists()
    with pytest.raises(PermissionDenied):
        give(cast.outsider, case, "phq-2", {"q1": "0", "q2": "0"})


def test_a_closed_case_takes_no_new_assessments(cast):
    case = open_case(cast.caseworker, status=Case.Status.CLOSED, closing_reason="goals_met")

    with pytest.raises(ValidationError, match="closed"):
        give(cast.caseworker, case, "phq-2", {"q1": "0", "q2": "0"})


def test_an_assessment_on_a_segment_case_needs_the_segment_grant_to_open(cast):
    case = open_case(cast.caseworker, case_type="substance_use", segment=Segment.SUBSTANCE_USE)
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    assessment = give(cast.caseworker, case, "dast-10", {f"q{n}": "no" for n in range(1, 11)})

    assert selectors.assessments_visible(cast.caseworker).filter(pk=assessment.pk).exists()
    assert not selectors.assessments_visible(cast.teammate).filter(pk=assessment.pk).exists()
    with pytest.raises(PermissionDenied):
        selectors.assessment_detail(user=cast.teammate, assessment_id=assessment.pk)


# Needs from a social-needs screen ----------------------------------------------------------


def test_adding_the_needs_found_creates_case_needs_with_their_first_status_change(cast):
    case = open_case(cast.caseworker)
    screen = give(cast.caseworker, case, "ahc-hrsn", {**NO_NEEDS, "living": "worried", "transport": "yes"})

    outcome = services.assessment_needs_add(actor=cast.caseworker, assessment=screen)

    assert {need.code for need in outcome.added} == {"housing-instability", "transportation"}
    needs = CaseNeed.objects.filter(case=case)
    assert {n.need.code for n in needs} == {"housing-instability", "transportation"}
    assert all(n.status == CaseNeed.Status.IDENTIFIED for n in needs)
    assert CaseNeedChange.objects.filter(case_need__case=case, changed_by=cast.caseworker).count() == 2
    assert AuditEntry.objects.filter(action="create", object_type="cases.caseneed").count() == 2
    screen.refresh_from_db()
    assert screen.needs_added_at is not None


def test_needs_already_on_the_case_are_left_alone_and_a_second_add_is_refused(cast):
    case = open_case(cast.caseworker)
    CaseNeed.objects.create(
        case=case, need=Need.objects.get(code="food-insecurity"), status="being_addressed"
    )
    screen = give(cast.caseworker, case, "ahc-hrsn", {**NO_NEEDS, "food_worry": "often", "utilities": "yes"})

    outcome = services.assessment_needs_add(actor=cast.caseworker, assessment=screen)

    assert [need.code for need in outcome.added] == ["utility-payment-difficulty"]
    assert [need.code for need in outcome.already_on_case] == ["food-insecurity"]
    assert CaseNeed.objects.get(case=case, need__code="food-insecurity").status == "being_addressed"
    with pytest.raises(ValidationError, match="already added"):
        services.assessment_needs_add(actor=cast.caseworker, assessment=screen)


def test_a_screen_without_needs_has_nothing_to_add(cast):
    case = open_case(cast.caseworker)
    screen = give(cast.caseworker, case, "ahc-hrsn", NO_NEEDS)

    with pytest.raises(ValidationError, match="no needs"):
        services.assessment_needs_add(actor=cast.caseworker, assessment=screen)


# Entered in error --------------------------------------------------------------------------


def test_marking_in_error_keeps_the_record_and_refuses_a_stale_version(cast):
    case = open_case(cast.caseworker)
    assessment = give(cast.caseworker, case, "phq-2", {"q1": "3", "q2": "3"})

    marked = services.assessment_mark_in_error(
        actor=cast.caseworker, assessment=assessment, version=1, reason="Given to the wrong person"
    )

    assert (marked.status, marked.version, marked.error_reason) == (
        "entered_in_error",
        2,
        "Given to the wrong person",
    )
    assert Assessment.objects.filter(pk=assessment.pk).exists()
    assert not selectors.recent_flags(user=cast.caseworker).exists()
    with pytest.raises(StaleEdit):
        services.assessment_mark_in_error(
            actor=cast.teammate, assessment=assessment, version=1, reason="Again"
        )


def test_marking_in_error_needs_a_reason(cast):
    assessment = give(cast.caseworker, open_case(cast.caseworker), "phq-2", {"q1": "0", "q2": "0"})

    with pytest.raises(ValidationError) as raised:
        services.assessment_mark_in_error(actor=cast.caseworker, assessment=assessment, version=1, reason=" ")

    assert "reason" in raised.value.message_dict


# Custom forms ------------------------------------------------------------------------------


def test_a_custom_form_scores_as_a_banded_sum_flagged_at_its_threshold(cast):
    form = custom_form(cast["administrator"])
    definition, found = services.definition_for(custom_form_id=form.pk)
    first, second = form.questions.all()
    case = open_case(cast.caseworker)

    assessment = services.assessment_record(
        actor=cast.caseworker,
        case=case,
        definition=definition,
        custom_form=found,
        answers={
            f"q{first.pk}": f"c{first.choices.get(label='Often').pk}",
            f"q{second.pk}": f"c{second.choices.get(label='Some').pk}",
        },
    )

    assert (assessment.total_score, assessment.severity_band, assessment.flagged) == (4, "High", True)
    assert assessment.next_step == "Offer a carers' assessment."
    assert assessment.instrument == "" and assessment.custom_form == form
    assert assessment.name == "Caregiver strain check"


def test_a_retired_custom_form_cannot_be_given(cast):
    form = custom_form(cast["administrator"])
    services.custom_form_update(
        actor=cast["administrator"], form=form, version=form.version, changes={"is_active": False}
    )

    with pytest.raises(services.AssessmentInputInvalid, match="retired"):
        services.definition_for(custom_form_id=form.pk)


def test_instrument_definitions_are_registered_by_code():
    assert INSTRUMENTS["phq-9"].name == "PHQ-9"
