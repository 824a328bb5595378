"""Test helpers for assessments: answers that reach a chosen total, and a ready-made custom form."""

from __future__ import annotations

from datetime import date

from tapestry.access.models import User
from tapestry.micro.assessments import services
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.micro.assessments.models import Assessment, CustomForm
from tapestry.micro.cases.models import Case

NO_NEEDS = {
    "living": "steady",
    "problems": "no",
    "food_worry": "never",
    "food_ran_out": "never",
    "transport": "no",
    "utilities": "no",
    "s1": "1",
    "s2": "1",
    "s3": "1",
    "s4": "1",
}


def likert(total: int, items: int, top: int = 3, *, last_zero: bool = False) -> dict[str, str]:
    """Answers 'q1'..'qN' on a 0..top scale summing to `total`, filled from the first item.

    With `last_zero`, the last item stays 0 (PHQ-9 item 9: a total without a suicide-risk answer).
    """
    answers = {}
    left = total
    for n in range(1, items + 1):
        points = 0 if (last_zero and n == items) else min(top, left)
        answers[f"q{n}"] = str(points)
        left -= points
    assert left == 0, "the total does not fit"
    return answers


def give(
    worker: User,
    case: Case,
    code: str,
    answers: dict[str, str],
    on: date | None = None,
) -> Assessment:
    return services.assessment_record(
        actor=worker, case=case, definition=INSTRUMENTS[code], answers=answers, administered_on=on
    )


def custom_form(admin: User, name: str = "Caregiver strain check", flag_at: int | None = 4) -> CustomForm:
    return services.custom_form_create(
        actor=admin,
        name=name,
        flag_at=flag_at,
        questions=[
            services.QuestionSpec(
                "How often do you feel worn out by caring?", [("Never", 0), ("Sometimes", 1), ("Often", 3)]
            ),
            services.QuestionSpec("Do you get any breaks?", [("Yes, enough", 0), ("Some", 1), ("None", 2)]),
        ],
        bands=[
            services.BandSpec(0, 2, "Low"),
            services.BandSpec(3, 5, "High", "Offer a carers' assessment."),
        ],
    )
