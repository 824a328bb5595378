"""The community needs assessment's rows of the route table (see tapestry/access/routes.py).

Building an assessment (its surveys, questions, responses entered by staff, indicator imports and
assets) is AREA_MANAGE. Its results are aggregates: AGGREGATE_READ. The route table takes one
capability per route: the list of assessments and their results are AGGREGATE_READ (everyone who
holds AREA_MANAGE reads aggregates too, but the administrator); the builder's pages are AREA_MANAGE.
The public survey link needs no account.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.access.routes import PUBLIC

ROUTES: dict[str, str] = {
    "community:assessment_list": C.AGGREGATE_READ,
    "community:assessment_create": C.AREA_MANAGE,
    "community:assessment_detail": C.AREA_MANAGE,
    "community:assessment_edit": C.AREA_MANAGE,
    "community:assessment_results": C.AGGREGATE_READ,
    "community:survey_create": C.AREA_MANAGE,
    "community:asset_add": C.AREA_MANAGE,
    "community:survey_detail": C.AREA_MANAGE,
    "community:question_add": C.AREA_MANAGE,
    "community:survey_link": C.AREA_MANAGE,
    "community:response_enter": C.AREA_MANAGE,
    "community:indicator_import": C.AREA_MANAGE,
    "survey_public:answer": PUBLIC,
    "GET /api/v1/community/assessments": C.AGGREGATE_READ,
    "POST /api/v1/community/assessments": C.AREA_MANAGE,
    "GET /api/v1/community/assessments/{assessment_id}": C.AREA_MANAGE,
    "PATCH /api/v1/community/assessments/{assessment_id}": C.AREA_MANAGE,
    "GET /api/v1/community/assessments/{assessment_id}/results": C.AGGREGATE_READ,
    "POST /api/v1/community/assessments/{assessment_id}/surveys": C.AREA_MANAGE,
    "GET /api/v1/community/assessments/{assessment_id}/assets": C.AREA_MANAGE,
    "POST /api/v1/community/assessments/{assessment_id}/assets": C.AREA_MANAGE,
    "GET /api/v1/community/surveys/{survey_id}": C.AREA_MANAGE,
    "POST /api/v1/community/surveys/{survey_id}/questions": C.AREA_MANAGE,
    "POST /api/v1/community/surveys/{survey_id}/responses": C.AREA_MANAGE,
    "GET /api/v1/community/indicators": C.AREA_MANAGE,
    "POST /api/v1/community/indicators/import": C.AREA_MANAGE,
}
