"""Survey results: counts per choice with small counts hidden and none recoverable by subtraction,
means only over enough answers, free text never shown."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.evidence.suppression import threshold
from tapestry.macro.community import selectors
from tapestry.macro.community.models import Answer, Question, Response
from tapestry.macro.community.tests.support import question, survey
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db
K = Question.Kind


def respond(asked, answers: list[dict]) -> None:
    """One response per dict of question to (chosen list or number or text)."""
    for given in answers:
        response = Response.objects.create(survey=asked, channel=Response.Channel.STAFF)
        for q, value in given.items():
            if q.kind == K.TEXT:
                Answer.objects.create(response=response, question=q, text=value)
            elif q.kind == K.NUMBER:
                Answer.objects.create(response=response, question=q, number=value)
            else:
                number = int(value[0]) if q.kind == K.SCALE else None
                Answer.objects.create(response=response, question=q, chosen=value, number=number)


def results(cast, asked):
    return selectors.survey_results(user=cast["evaluator"], surveys=[asked])[0]


def recoverable(cells, total) -> list[str]:
    """Labels of hidden non-zero cells that the total less every shown cell gives back alone."""
    hidden = [cell for cell in cells if cell.value is None]
    if total.value is None or len(hidden) != 1:
        return []
    return [hidden[0].label]


def test_a_small_choice_cannot_be_worked_out_from_the_total(cast):
    asked = survey()
    q = question(asked, 1)
    # 30 Yes, 25 No, 4 Not sure: the 4 is hidden, and so is the next smallest, so 59 - shown is two cells.
    respond(asked, [{q: ["Yes"]}] * 30 + [{q: ["No"]}] * 25 + [{q: ["Not sure"]}] * 4)
    found = results(cast, asked).questions[0]
    shown = {cell.label: cell.value for cell in found.cells}
    assert shown["Not sure"] is None
    assert found.total.value == 59
    assert recoverable(found.cells, found.total) == []
    # Try to derive it: total less every shown count is not the 4.
    assert found.total.value - sum(cell.value or 0 for cell in found.cells) != 4 or shown["No"] is None
    assert found.answered.value is not None or shown[selectors.NO_ANSWER] is None


def test_a_small_no_answer_hides_the_answered_count(cast):
    asked = survey()
    first = question(asked, 1)
    second = question(asked, 2)
    respond(asked, [{first: ["Yes"], second: ["Yes"]}] * 40 + [{first: ["No"]}] * 3)
    found = results(cast, asked).questions[1]
    assert found.total.value == 43
    assert found.answered.value is None  # 43 - answered would give the 3 who skipped


def test_a_multiple_choice_count_is_hidden_when_few_did_not_choose_it(cast):
    asked = survey()
    q = question(asked, 1, K.MULTIPLE)
    respond(asked, [{q: ["Yes", "No"]}] * 20 + [{q: ["Yes"]}] * 5 + [{q: ["Not sure"]}] * 15)
    found = results(cast, asked).questions[0]
    shown = {cell.label: cell.value for cell in found.cells}
    assert shown["No"] == 20
    assert shown["Not sure"] == 15
    assert shown["Yes"] == 25


def test_a_multiple_choice_near_everyone_is_hidden(cast):
    asked = survey()
    q = question(asked, 1, K.MULTIPLE)
    respond(asked, [{q: ["Yes"]}] * 36 + [{q: ["No"]}] * 4)
    shown = {cell.label: cell.value for cell in results(cast, asked).questions[0].cells}
    assert shown["Yes"] is None and shown["No"] is None  # 40 - 36 would be the 4


def test_the_mean_needs_enough_answers(cast):
    asked = survey()
    few = question(asked, 1, K.SCALE)
    many = question(asked, 2, K.NUMBER)
    respond(asked, [{few: ["4"], many: 3}] * (threshold() - 1) + [{many: 5}] * 5)
    found = results(cast, asked).questions
    assert found[0].mean is None and found[0].median is None
    assert found[1].mean is not None and found[1].median == 3


def test_few_responses_hide_everything(cast):
    asked = survey()
    q = question(asked, 1)
    respond(asked, [{q: ["Yes"]}] * 5)
    result = results(cast, asked)
    assert result.responses.value is None
    assert all(cell.value in (None, 0) for cell in result.questions[0].cells)


def test_free_text_is_never_in_the_results_page_or_api(cast):
    asked = survey()
    q = question(asked, 1, K.TEXT)
    respond(asked, [{q: f"My neighbour at number {n}"} for n in range(20)])
    page = client_for(cast["evaluator"]).get(
        reverse("community:assessment_results", args=[asked.assessment_id])
    )
    assert page.status_code == 200
    assert "My neighbour" not in page.content.decode()
    answer = client_for(cast["evaluator"]).get(f"/api/v1/community/assessments/{asked.assessment_id}/results")
    assert answer.status_code == 200
    assert "My neighbour" not in answer.content.decode()


def test_the_page_never_shows_a_recoverable_small_count(cast):
    asked = survey()
    single = question(asked, 1)
    scale = question(asked, 2, K.SCALE)
    respond(
        asked,
        [{single: ["Yes"], scale: ["5"]}] * 25
        + [{single: ["No"], scale: ["4"]}] * 12
        + [{single: ["Not sure"], scale: ["1"]}] * 2
        + [{scale: ["3"]}] * 13,
    )
    for found in results(cast, asked).questions:
        assert recoverable(found.cells, found.total) == []
        hidden = [cell for cell in found.cells if cell.value is None]
        assert len(hidden) != 1


def test_a_scale_mean_is_not_shown_beside_a_hidden_count(cast):
    asked = survey()
    q = question(asked, 1, K.SCALE)
    # Shown: 3s, 4s and 5s and the total; the mean would then solve for the hidden 1s and 2s.
    respond(
        asked, [{q: ["1"]}] * 2 + [{q: ["2"]}] * 7 + [{q: ["3"]}] * 19 + [{q: ["4"]}] * 21 + [{q: ["5"]}] * 11
    )
    found = results(cast, asked).questions[0]
    assert [cell.value for cell in found.cells[:2]] == [None, None]
    assert found.mean is None and found.median is None
