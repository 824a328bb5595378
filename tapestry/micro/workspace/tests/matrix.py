"""URL arguments for the workspace routes in the authorization-matrix test."""

from __future__ import annotations

from tapestry.testing import open_case

SECTION_ROUTES = ("notes", "scores", "plan", "referrals", "consents")


def examples(world: dict) -> dict[str, dict]:
    case = open_case(world["cast"].caseworker, person=world["person"], segment="")
    pages = {f"workspace:{name}": {"case_pk": case.pk} for name in SECTION_ROUTES}
    return {**pages, "GET /api/v1/cases/{case_id}/workspace": {"case_id": case.pk}}
