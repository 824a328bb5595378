"""URL arguments for the evaluation routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.macro.evaluation.models import Indicator


def examples(world: dict) -> dict[str, dict]:
    indicator = Indicator.objects.create(
        name="Matrix attendance rate",
        definition="Places attended over places expected.",
        numerator="group_sessions.places_attended",
        denominator="group_sessions.places_expected",
    )
    on_indicator = {"indicator_id": indicator.pk}
    return {
        "evaluation:indicator_detail": {"pk": indicator.pk},
        "evaluation:indicator_edit": {"pk": indicator.pk},
        "GET /api/v1/indicators/{indicator_id}": on_indicator,
        "PATCH /api/v1/indicators/{indicator_id}": on_indicator,
    }
