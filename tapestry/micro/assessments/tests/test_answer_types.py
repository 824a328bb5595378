"""Answers are taken exactly as each item lists them, on every instrument, by the API and by the form.

The API once read `true` and `2.0` as PHQ-9 answers ("Several days", with a crisis flag). These tests
walk every item of every instrument in the registry (and a custom form), so an instrument added
later is held to the same rule without a new test.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.micro.assessments.instruments import (
    INSTRUMENTS,
    Instrument,
    Item,
    instrument_from_form,
    sent_value,
)
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.services import custom_form_definition
from tapestry.micro.assessments.tests.factories import custom_form
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


def api(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def every_item_asked(instrument: Instrument) -> dict[str, int | str]:
    """A valid set of answers, as JSON values, under which every item is asked (skip logic opened)."""
    answers = {item.code: item.choices[0].value for item in instrument.items}
    for item in instrument.items:
        if item.asked_if is not None:
            other, values = item.asked_if
            answers[other] = values[0]
    return {code: sent_value(value) for code, value in answers.items()}


def wrong_values(item: Item) -> list[object]:
    """A bool, a float, strings and out-of-range integers: none of them an answer this item takes."""
    values = [sent_value(choice.value) for choice in item.choices]
    if item.numeric:
        low, high = min(values), max(values)
        return [True, False, float(low), float(high), str(low), str(high), "", high + 1, low - 1]
    return [True, False, 0.0, 1.5, "not-a-choice", values[0].upper() + " ", "1", 0, 1, -1, 99]


def refused_everywhere(client: Client, url: str, body: dict, instrument: Instrument) -> list[str]:
    """Post each wrong value for each item; return what got through (empty when every one is refused)."""
    baseline = every_item_asked(instrument)
    accepted = client.post(url, json.dumps({**body, "answers": baseline}), content_type="application/json")
    assert accepted.status_code == 201, accepted.content  # the baseline is valid: refusals are the item's
    got_through = []
    for item in instrument.items:
        for value in wrong_values(item):
            answers = {**baseline, item.code: value}
            response = client.post(
                url, json.dumps({**body, "answers": answers}), content_type="application/json"
            )
            errors = response.json().get("errors", {}) if response.status_code == 422 else {}
            if response.status_code != 422 or list(errors) != [f"answers.{item.code}"]:
                got_through.append(f"{item.code}={value!r}: {response.status_code} {errors}")
    return got_through


@pytest.mark.parametrize("code", sorted(INSTRUMENTS))
def test_the_api_refuses_a_bool_a_float_a_string_and_an_out_of_range_number_for_every_item(cast, code):
    case = open_case(cast.caseworker)
    url = f"/api/v1/cases/{case.pk}/assessments"

    got_through = refused_everywhere(api(cast.caseworker), url, {"instrument": code}, INSTRUMENTS[code])

    assert got_through == []
    assert Assessment.objects.count() == 1  # only the valid baseline was recorded


def test_the_api_holds_a_custom_form_to_the_same_rule(cast):
    form = custom_form(cast["administrator"])
    case = open_case(cast.caseworker)
    definition = instrument_from_form(custom_form_definition(form.pk))

    got_through = refused_everywhere(
        api(cast.caseworker), f"/api/v1/cases/{case.pk}/assessments", {"custom_form_id": form.pk}, definition
    )

    assert got_through == []


def test_the_error_says_what_the_item_takes(cast):
    case = open_case(cast.caseworker)
    answers = {**every_item_asked(INSTRUMENTS["phq-9"]), "q1": True, "q2": 2.0, "q3": "1"}

    response = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/assessments",
        json.dumps({"instrument": "phq-9", "answers": answers}),
        content_type="application/json",
    )

    assert response.status_code == 422
    rule = ["Send a whole number from 0 to 3 (not text, a decimal or true/false)."]
    assert response.json()["errors"] == {"answers.q1": rule, "answers.q2": rule, "answers.q3": rule}
    assert not Assessment.objects.exists()


def test_definitions_list_each_value_with_the_type_to_send(cast):
    body = api(cast["evaluator"]).get("/api/v1/instruments").json()
    by_code = {instrument["code"]: instrument for instrument in body}

    phq9_q1 = by_code["phq-9"]["items"][0]
    audit_q2 = by_code["audit-c"]["items"][1]
    assert [choice["value"] for choice in phq9_q1["choices"]] == [0, 1, 2, 3]
    assert audit_q2["asked_if"] == {"item": "q1", "answers": [1, 2, 3, 4]}
    assert [choice["value"] for choice in by_code["c-ssrs-screen"]["items"][0]["choices"]] == ["yes", "no"]


def test_every_item_takes_either_only_numbers_or_only_words():
    # `sent_value` types a value by its text; an item mixing the two would be typed inconsistently.
    for instrument in INSTRUMENTS.values():
        for item in instrument.items:
            kinds = {isinstance(sent_value(choice.value), int) for choice in item.choices}
            assert len(kinds) == 1, f"{instrument.code} {item.code}"


def test_audit_c_never_with_questions_2_and_3_answered_is_scored_0_and_they_are_not_kept(cast):
    case = open_case(cast.caseworker)

    response = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/assessments",
        json.dumps({"instrument": "audit-c", "answers": {"q1": 0, "q2": 4, "q3": 4, "cutoff": "women"}}),
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["total_score"], body["severity_band"], body["flagged"]) == (0, "Negative", False)
    assert body["answers"] == {"q1": 0, "cutoff": "women"}


# The form path: the page posts text, and takes only the listed values as they are written ----


def form_url(case: object, code: str) -> str:
    return reverse("assessments:assessment_new", kwargs={"case_pk": case.pk, "code": code})


@pytest.mark.parametrize("value", ["1.0", "true", "True", "01", " 1", "4", "-1", "Several days"])
def test_the_form_refuses_anything_but_a_listed_value(cast, value):
    case = open_case(cast.caseworker)
    answers = {f"q{n}": "0" for n in range(1, 10)}
    data = {**answers, "q1": value, "administered_on": timezone.localdate().isoformat(), "note": ""}

    response = client_for(cast.caseworker).post(form_url(case, "phq-9"), data)

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_form_ignores_audit_c_questions_2_and_3_after_never_as_the_api_does(cast):
    case = open_case(cast.caseworker)
    data = {"q1": "0", "q2": "4", "q3": "4", "cutoff": "men"}
    data |= {"administered_on": timezone.localdate().isoformat(), "note": ""}

    client_for(cast.caseworker).post(form_url(case, "audit-c"), data)

    assessment = Assessment.objects.get()
    assert (assessment.total_score, assessment.flagged) == (0, False)
    assert assessment.answers == {"q1": "0", "cutoff": "men"}
