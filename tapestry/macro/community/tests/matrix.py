"""URL arguments for the community routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.macro.community.tests.support import assessment, question, survey


def examples(world: dict) -> dict[str, dict]:
    found = assessment("Matrix assessment")
    asked = survey(found)
    question(asked, 1)
    on_assessment = {"assessment_id": found.pk}
    on_survey = {"survey_id": asked.pk}
    return {
        "community:assessment_detail": {"pk": found.pk},
        "community:assessment_edit": {"pk": found.pk},
        "community:assessment_results": {"pk": found.pk},
        "community:survey_create": {"pk": found.pk},
        "community:asset_add": {"pk": found.pk},
        "community:survey_detail": {"pk": asked.pk},
        "community:question_add": {"pk": asked.pk},
        "community:survey_link": {"pk": asked.pk},
        "community:response_enter": {"pk": asked.pk},
        "survey_public:answer": {"token": asked.token},
        "GET /api/v1/community/assessments/{assessment_id}": on_assessment,
        "PATCH /api/v1/community/assessments/{assessment_id}": on_assessment,
        "GET /api/v1/community/assessments/{assessment_id}/results": on_assessment,
        "POST /api/v1/community/assessments/{assessment_id}/surveys": on_assessment,
        "GET /api/v1/community/assessments/{assessment_id}/assets": on_assessment,
        "POST /api/v1/community/assessments/{assessment_id}/assets": on_assessment,
        "GET /api/v1/community/surveys/{survey_id}": on_survey,
        "POST /api/v1/community/surveys/{survey_id}/questions": on_survey,
        "POST /api/v1/community/surveys/{survey_id}/responses": on_survey,
    }
