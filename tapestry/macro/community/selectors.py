"""Every read of the community needs assessment, and the results it shows: survey answers counted
and suppressed, indicators by area and period, practice data by area through the measures door.

Free-text answers never leave the response: the results count how many were given, nothing more.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_noop

from tapestry.access.models import User
from tapestry.access.policy import Capability, has_capability, require_capability
from tapestry.evidence.suppression import Cell, is_small, suppress_count, suppress_table, threshold
from tapestry.macro.community.models import Answer, Assessment, Asset, IndicatorValue, Question, Survey
from tapestry.places import selectors as places
from tapestry.places.models import Area

# Results keep their English words (the API gives them); the results page translates them.
NO_ANSWER = gettext_noop("No answer (skipped or not shown)")


def require_reader(user: User) -> None:
    """Assessments are read by those who build them (AREA_MANAGE) and those who read aggregates."""
    if not (has_capability(user, Capability.AREA_MANAGE) or has_capability(user, Capability.AGGREGATE_READ)):
        raise PermissionDenied("Your role may not read community needs assessments.")


def assessment_list(*, user: User) -> QuerySet[Assessment]:
    require_reader(user)
    return Assessment.objects.select_related("area").annotate(survey_count=Count("surveys", distinct=True))


def assessment_get(*, user: User, assessment_id: int) -> Assessment | None:
    require_reader(user)
    return Assessment.objects.select_related("area", "created_by").filter(pk=assessment_id).first()


def surveys_of(assessment: Assessment) -> list[Survey]:
    return list(assessment.surveys.annotate(response_count=Count("responses")).order_by("title", "pk"))


def assets_of(assessment: Assessment) -> list[Asset]:
    return list(assessment.assets.select_related("area", "service", "organisation"))


def survey_get(*, user: User, survey_id: int) -> Survey | None:
    require_reader(user)
    return Survey.objects.select_related("assessment__area").filter(pk=survey_id).first()


def questions_of(survey: Survey) -> list[Question]:
    return list(survey.questions.select_related("show_if"))


def survey_by_token(token: str) -> Survey | None:
    """The survey behind a public link, open or closed (the caller answers a closed one with 410)."""
    if not token or len(token) > 64:
        return None
    return Survey.objects.filter(token=token).first()


def area_choices() -> QuerySet[Area]:
    return Area.objects.order_by("kind", "name", "code")


def areas_within(area: Area) -> list[Area]:
    """The area and every area inside it, at any depth (one query)."""
    children: dict[int | None, list[Area]] = {}
    for found in Area.objects.order_by("name", "code"):
        children.setdefault(found.parent_id, []).append(found)
    within, todo = [], [area]
    while todo:
        current = todo.pop(0)
        within.append(current)
        todo.extend(children.get(current.pk, []))
    return within


# Survey results ------------------------------------------------------------------------------------


@dataclass
class QuestionResult:
    question: Question
    cells: list[Cell]  # per choice (or scale point), and no answer; suppressed
    total: Cell
    answered: Cell
    mean: Decimal | None = None
    median: Decimal | None = None
    note: str = ""


@dataclass
class SurveyResult:
    survey: Survey
    responses: Cell
    questions: list[QuestionResult] = field(default_factory=list)


def _binary(label: str, count: int, of: int) -> Cell:
    """A multiple-choice count: hidden when it, or those who did not choose it, are few."""
    return Cell(label, None if is_small(count) or is_small(of - count) else count)


def _question_result(
    question: Question, answers: list[tuple[str, Decimal | None, list]], responses: int
) -> QuestionResult:
    answered = len(answers)
    unanswered = responses - answered
    kind = question.kind
    note = ""
    mean = median = None
    if kind == Question.Kind.MULTIPLE:
        shown_n = suppress_count("Answered", answered)
        picked = Counter(choice for _, _, chosen in answers for choice in chosen)
        cells = [
            _binary(choice, picked[choice], answered)
            if not shown_n.suppressed
            else Cell(choice, None if picked[choice] else 0)
            for choice in question.offered
        ]
        pair, total = suppress_table([("Answered", answered), (NO_ANSWER, unanswered)])
        note = gettext_noop("Respondents could choose several answers; each count is of those who chose it.")
        return QuestionResult(question, cells, total, pair[0], note=note)
    if kind in (Question.Kind.SINGLE, Question.Kind.SCALE):
        picked = Counter(chosen[0] for _, _, chosen in answers if chosen)
        cells, total = suppress_table(
            [*((choice, picked[choice]) for choice in question.offered), (NO_ANSWER, unanswered)]
        )
        # Those who answered are the total less "no answer": shown only when "no answer" is.
        answered_cell = Cell("Answered", None if cells[-1].suppressed or total.suppressed else answered)
        # With the shown counts and the total, a mean would give back the hidden counts: none then.
        complete = not any(cell.suppressed for cell in cells)
        if kind == Question.Kind.SCALE and answered >= threshold() and complete:
            points = [number for _, number, _ in answers if number is not None]
            mean, median = _mean_median(points)
        return QuestionResult(question, cells, total, answered_cell, mean, median)
    pair, total = suppress_table([("Answered", answered), (NO_ANSWER, unanswered)])
    if kind == Question.Kind.NUMBER and answered >= threshold():
        mean, median = _mean_median([number for _, number, _ in answers if number is not None])
    if kind == Question.Kind.TEXT:
        note = gettext_noop("Free-text answers are never shown in results; only how many were given.")
    return QuestionResult(question, pair, total, pair[0], mean, median, note)


def _mean_median(points: list[Decimal]) -> tuple[Decimal | None, Decimal | None]:
    if len(points) < threshold():
        return None, None
    two = Decimal("0.01")
    return (sum(points) / len(points)).quantize(two), Decimal(statistics.median(points)).quantize(two)


def survey_results(*, user: User, surveys: list[Survey]) -> list[SurveyResult]:
    """Every survey's results: three queries whatever the number of surveys, questions and answers."""
    require_capability(user, Capability.AGGREGATE_READ)
    ids = [survey.pk for survey in surveys]
    questions: dict[int, list[Question]] = {}
    for question in Question.objects.filter(survey_id__in=ids).order_by("position", "pk"):
        questions.setdefault(question.survey_id, []).append(question)
    counts = dict(Survey.objects.filter(pk__in=ids).annotate(n=Count("responses")).values_list("pk", "n"))
    answers: dict[int, list[tuple[str, Decimal | None, list]]] = {}
    # Free text is not read here at all: only that an answer exists.
    rows = Answer.objects.filter(question__survey_id__in=ids).values_list("question_id", "number", "chosen")
    for question_id, number, chosen in rows:
        answers.setdefault(question_id, []).append(("", number, chosen or []))
    results = []
    for survey in surveys:
        responses = counts.get(survey.pk, 0)
        result = SurveyResult(survey, suppress_count("Responses", responses))
        for question in questions.get(survey.pk, []):
            found = _question_result(question, answers.get(question.pk, []), responses)
            if result.responses.suppressed:
                found = QuestionResult(
                    question,
                    [Cell(cell.label, None if cell.value else 0) for cell in found.cells],
                    found.total,
                    Cell("Answered", None),
                    note=found.note,
                )
            result.questions.append(found)
        results.append(result)
    return results


# Indicators ------------------------------------------------------------------------------------------


def indicator_values(*, user: User, areas: list[Area]) -> list[IndicatorValue]:
    require_capability(user, Capability.AGGREGATE_READ)
    return list(
        IndicatorValue.objects.filter(area__in=[area.pk for area in areas])
        .select_related("area")
        .order_by("indicator", "period", "area__name", "source")
    )


def indicator_names(values: list[IndicatorValue]) -> list[str]:
    return sorted({value.indicator for value in values})


@dataclass
class IndicatorMap:
    indicator: str
    period: str
    cells: list[tuple[Cell, dict | None]]
    rows: list[IndicatorValue]


def indicator_map(
    values: list[IndicatorValue], areas: list[Area], indicator: str, period: str = ""
) -> IndicatorMap | None:
    """One indicator's values over the areas (the latest period, unless one is asked), for the map.

    The map colours whole numbers (the chart's classes count in whole steps); the table beside it
    shows the values as imported. These are published figures, not the agency's counts.
    """
    chosen = [value for value in values if value.indicator == indicator]
    if not chosen:
        return None
    periods = sorted({value.period for value in chosen})
    period = period if period in periods else periods[-1]
    by_area = {value.area_id: value for value in chosen if value.period == period}
    cells = []
    for area in areas:
        value = by_area.get(area.pk)
        shown = int(value.value.to_integral_value()) if value is not None else 0
        cells.append(
            (Cell(area.name, shown if value is not None else 0), area.boundary if value is not None else None)
        )
    return IndicatorMap(indicator, period, cells, [by_area[area.pk] for area in areas if area.pk in by_area])


def practice_map(*, user: User, area: Area, areas: list[Area]) -> places.CaseMap | None:
    """Cases by the kind of area inside the assessed one: the case map's measure (`cases.by_place`),
    whole and unchanged, so its protection against subtraction holds."""
    inner = [found for found in areas if found.parent_id == area.pk]
    if not inner:
        return None
    return places.case_map(user=user, kind=inner[0].kind)


def indicator_values_all(*, user: User) -> QuerySet[IndicatorValue]:
    require_reader(user)
    return IndicatorValue.objects.select_related("area").order_by("indicator", "period", "area__name", "pk")
