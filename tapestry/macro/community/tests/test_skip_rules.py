"""The survey builder's rules: choices and scales checked, skip rules only back to an earlier choice or
scale question, and applied server-side when answers come in."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tapestry.macro.community import services
from tapestry.macro.community.models import Answer, Question, Response
from tapestry.macro.community.tests.support import question, survey

pytestmark = pytest.mark.django_db
K = Question.Kind


def test_questions_are_added_in_order(cast):
    asked = survey()
    organiser = cast["community_organiser"]
    first = services.question_add(actor=organiser, survey=asked, kind=K.SINGLE, text="A?", choices=["x", "y"])
    second = services.question_add(actor=organiser, survey=asked, kind=K.TEXT, text="B?")
    assert (first.position, second.position) == (1, 2)


def test_a_choice_question_needs_two_distinct_choices(cast):
    asked = survey()
    with pytest.raises(ValidationError) as refused:
        services.question_add(
            actor=cast["community_organiser"], survey=asked, kind=K.SINGLE, text="A?", choices=["x"]
        )
    assert "choices" in refused.value.message_dict


def test_a_scale_has_two_to_eleven_points(cast):
    asked = survey()
    with pytest.raises(ValidationError) as refused:
        services.question_add(
            actor=cast["community_organiser"],
            survey=asked,
            kind=K.SCALE,
            text="A?",
            scale_min=1,
            scale_max=40,
        )
    assert "scale_max" in refused.value.message_dict


def test_a_skip_rule_can_only_point_back(cast):
    asked = survey()
    later = question(asked, 5)
    with pytest.raises(ValidationError) as refused:
        services.question_add(
            actor=cast["community_organiser"],
            survey=asked,
            position=2,
            kind=K.TEXT,
            text="B?",
            show_if=later,
            show_values=["Yes"],
        )
    assert "earlier" in refused.value.message_dict["show_if"][0]


def test_a_skip_rule_names_answers_the_earlier_question_offers(cast):
    asked = survey()
    earlier = question(asked, 1)
    with pytest.raises(ValidationError) as refused:
        services.question_add(
            actor=cast["community_organiser"],
            survey=asked,
            kind=K.TEXT,
            text="B?",
            show_if=earlier,
            show_values=["Maybe"],
        )
    assert "Maybe" in refused.value.message_dict["show_values"][0]


def test_a_skip_rule_stays_in_its_survey(cast):
    elsewhere = question(survey(), 1)
    with pytest.raises(ValidationError) as refused:
        services.question_add(
            actor=cast["community_organiser"],
            survey=survey(),
            kind=K.TEXT,
            text="B?",
            show_if=elsewhere,
            show_values=["Yes"],
        )
    assert "same survey" in refused.value.message_dict["show_if"][0]


def test_a_free_text_question_cannot_drive_a_rule(cast):
    asked = survey()
    text = question(asked, 1, K.TEXT)
    with pytest.raises(ValidationError):
        services.question_add(
            actor=cast["community_organiser"],
            survey=asked,
            kind=K.TEXT,
            text="B?",
            show_if=text,
            show_values=["x"],
        )


def _rule_survey():
    asked = survey()
    children = question(asked, 1, choices=["Yes", "No"], required=True)
    hours = question(asked, 2, K.NUMBER, required=True, show_if=children, show_values=["Yes"])
    return asked, children, hours


def test_a_hidden_questions_answer_is_not_stored(cast):
    asked, children, hours = _rule_survey()
    response = services.response_enter(
        actor=cast["community_organiser"], survey=asked, raw={children.pk: ["No"], hours.pk: ["12"]}
    )
    assert list(Answer.objects.filter(response=response).values_list("question_id", flat=True)) == [
        children.pk
    ]


def test_a_shown_questions_answer_is_stored(cast):
    asked, children, hours = _rule_survey()
    response = services.response_enter(
        actor=cast["community_organiser"], survey=asked, raw={children.pk: ["Yes"], hours.pk: ["12"]}
    )
    assert Answer.objects.get(response=response, question=hours).number == 12


def test_a_required_question_is_required_only_when_shown(cast):
    asked, children, hours = _rule_survey()
    services.response_enter(actor=cast["community_organiser"], survey=asked, raw={children.pk: ["No"]})
    with pytest.raises(ValidationError) as refused:
        services.response_enter(actor=cast["community_organiser"], survey=asked, raw={children.pk: ["Yes"]})
    assert list(refused.value.message_dict) == [f"q{hours.pk}"]
    assert Response.objects.count() == 1


def test_answers_outside_the_offer_are_refused(cast):
    asked = survey()
    single = question(asked, 1)
    scale = question(asked, 2, K.SCALE)
    number = question(asked, 3, K.NUMBER)
    with pytest.raises(ValidationError) as refused:
        services.response_enter(
            actor=cast["community_organiser"],
            survey=asked,
            raw={single.pk: ["Perhaps"], scale.pk: ["9"], number.pk: ["lots"]},
        )
    assert set(refused.value.message_dict) == {f"q{single.pk}", f"q{scale.pk}", f"q{number.pk}"}


def test_a_reader_of_aggregates_cannot_enter_responses(cast):
    asked, children, _ = _rule_survey()
    with pytest.raises(PermissionDenied):
        services.response_enter(actor=cast["supervisor"], survey=asked, raw={children.pk: ["No"]})
