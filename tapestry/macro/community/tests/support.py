"""Small fixtures for the community tests: an area with two inside it, an assessment, a survey."""

from __future__ import annotations

from tapestry.macro.community.models import Assessment, Question, Survey
from tapestry.places.models import Area

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def square(x: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]}


def county() -> Area:
    found = Area.objects.filter(kind=Area.Kind.COUNTY, code="T-1").first()
    if found:
        return found
    top = Area.objects.create(kind=Area.Kind.COUNTY, code="T-1", name="Test County", boundary=square(0))
    Area.objects.create(
        kind=Area.Kind.NEIGHBOURHOOD, code="T-N1", name="North End", parent=top, boundary=square(0)
    )
    Area.objects.create(
        kind=Area.Kind.NEIGHBOURHOOD, code="T-N2", name="South End", parent=top, boundary=square(1)
    )
    return top


def assessment(title: str = "Test assessment") -> Assessment:
    return Assessment.objects.create(title=title, area=county())


def survey(of: Assessment | None = None, *, is_open: bool = True) -> Survey:
    return Survey.objects.create(assessment=of or assessment(), title="Residents", is_open=is_open)


def question(on: Survey, position: int, kind: str = Question.Kind.SINGLE, **fields: object) -> Question:
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        fields.setdefault("choices", ["Yes", "No", "Not sure"])
    if kind == Question.Kind.SCALE:
        fields.setdefault("scale_min", 1)
        fields.setdefault("scale_max", 5)
    return Question.objects.create(
        survey=on, position=position, kind=kind, text=f"Question {position}", **fields
    )
