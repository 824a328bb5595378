"""URL arguments for the assessments routes, for the authorization-matrix test."""

from __future__ import annotations

from tapestry.micro.assessments.tests.factories import NO_NEEDS, custom_form, give
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    cast = world["cast"]
    case = open_case(cast.caseworker, person=world["person"])
    # A social-needs screen that found a need, so "add the needs" has something to do.
    screen = give(cast.caseworker, case, "ahc-hrsn", {**NO_NEEDS, "transport": "yes"})
    form = custom_form(cast["administrator"], name="Matrix form")
    question = form.questions.first()
    return {
        "assessments:case_index": {"case_pk": case.pk},
        "assessments:assessment_new": {"case_pk": case.pk, "code": "phq-9"},
        "assessments:assessment_new_custom": {"case_pk": case.pk, "form_pk": form.pk},
        "assessments:assessment_detail": {"pk": screen.pk},
        "assessments:assessment_add_needs": {"pk": screen.pk},
        "assessments:assessment_in_error": {"pk": screen.pk},
        "assessments:custom_form_edit": {"pk": form.pk},
        "assessments:custom_question_add": {"pk": form.pk},
        "assessments:custom_choice_add": {"pk": question.pk},
        "assessments:custom_band_add": {"pk": form.pk},
        "GET /api/v1/cases/{case_id}/assessments": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/assessments": {"case_id": case.pk},
        "GET /api/v1/assessments/{assessment_id}": {"assessment_id": screen.pk},
        "POST /api/v1/assessments/{assessment_id}/add-needs": {"assessment_id": screen.pk},
    }
