"""URL arguments for the prevention routes in the authorization matrix."""

from __future__ import annotations

import datetime as dt

from tapestry.mezzo.prevention.models import PreventionProgram


def examples(world: dict) -> dict[str, dict]:
    record = PreventionProgram.objects.create(
        name="Matrix anti-bullying series",
        focus="bullying",
        target_population="Pupils in year 7",
        setting="school",
        starts_on=dt.date.today() - dt.timedelta(days=30),
        lead=world["cast"].supervisor,
    )
    by_program = {"program_id": record.pk}
    return {
        "prevention:program_detail": {"pk": record.pk},
        "prevention:program_edit": {"pk": record.pk},
        "prevention:activity_add": {"pk": record.pk},
        "prevention:measure_add": {"pk": record.pk},
        "GET /api/v1/prevention-programs/{program_id}": by_program,
        "PATCH /api/v1/prevention-programs/{program_id}": by_program,
        "GET /api/v1/prevention-programs/{program_id}/activities": by_program,
        "POST /api/v1/prevention-programs/{program_id}/activities": by_program,
        "GET /api/v1/prevention-programs/{program_id}/measures": by_program,
        "POST /api/v1/prevention-programs/{program_id}/measures": by_program,
    }
