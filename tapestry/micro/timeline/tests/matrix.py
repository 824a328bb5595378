"""URL arguments for the timeline routes in the authorization-matrix test."""

from __future__ import annotations

from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    person = world["person"]
    case = open_case(world["cast"].caseworker, person=person, segment="")
    return {
        "timeline:person_timeline": {"person_pk": person.pk},
        "timeline:person_ecomap": {"person_pk": person.pk},
        "timeline:household_genogram": {"household_pk": world["household"].pk},
        "timeline:case_index": {"case_pk": case.pk},
    }
