"""URL arguments for the alerts routes in the authorization-matrix test."""

from __future__ import annotations

from tapestry.micro.alerts.models import AlertSource
from tapestry.micro.alerts.services import suicide_risk_raise
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    worker = world["cast"].caseworker
    person = world["person"]
    case = open_case(worker, person)
    alert = suicide_risk_raise(
        actor=worker, case=case, reason="PHQ-9 item 9 answered 1.", source=AlertSource.SCREEN, source_id=1
    )
    on_person = {"person_pk": person.pk}
    return {
        "alerts:person_alerts": on_person,
        "alerts:alert_raise": on_person,
        "alerts:alert_resolve": {"pk": alert.pk},
        # The API's person is the world's person, filled in by the matrix test itself.
        "POST /api/v1/persons/{person_id}/alerts/{alert_id}/resolve": {"alert_id": alert.pk},
    }
