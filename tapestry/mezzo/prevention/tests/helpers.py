"""Shared set-up for the prevention tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tapestry.access.models import User
from tapestry.mezzo.prevention import services
from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram


def days_ago(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def a_program(lead: User, **fields: object) -> PreventionProgram:
    fields.setdefault("name", "Kind Classrooms")
    fields.setdefault("focus", "bullying")
    fields.setdefault("target_population", "Pupils in grades 6 and 7")
    fields.setdefault("setting", "school")
    fields.setdefault("starts_on", days_ago(90))
    return services.prevention_program_create(actor=lead, lead=lead, **fields)


def an_activity(
    record: PreventionProgram, *, held_on: dt.date, headcount: int = 20, kind: str = "classroom"
) -> Activity:
    return Activity.objects.create(
        program=record,
        kind=kind,
        held_on=held_on,
        title="Being an upstander",
        delivered_by="Samir",
        headcount=headcount,
    )


def a_measure(
    record: PreventionProgram, name: str = "Pupils who feel safe", **fields: object
) -> OutcomeMeasure:
    values = {
        "unit": "% of pupils",
        "direction": "higher",
        "before_value": Decimal("68"),
        "before_n": 200,
        "before_on": days_ago(80),
        "after_value": Decimal("77"),
        "after_n": 190,
        "after_on": days_ago(5),
        "source": "survey",
        **fields,
    }
    return OutcomeMeasure.objects.create(program=record, name=name, **values)
