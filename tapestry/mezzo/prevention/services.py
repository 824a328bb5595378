"""Writes to prevention programs: the program, the activities delivered and the outcome measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram
from tapestry.programs.models import Program
from tapestry.web.records import create_record, errors_of

New = TypeVar("New", PreventionProgram, Activity, OutcomeMeasure)

PROGRAM_FIELDS = (
    "name",
    "program",
    "focus",
    "target_population",
    "setting",
    "risk_factors",
    "protective_factors",
    "starts_on",
    "ends_on",
    "lead",
)


def factor_list(values: Iterable[str]) -> list[str]:
    """Factors as a clean list: trimmed, no blanks, no repeats, in the order given."""
    return list(dict.fromkeys(value.strip() for value in values if value and value.strip()))


def _check_lead(lead: User | None) -> dict[str, list[str]]:
    if lead is None:
        return {"lead": [gettext("Name the staff member who leads the program.")]}
    if not lead.is_active or not policy.has_capability(lead, Capability.PROGRAM_MANAGE):
        return {
            "lead": [
                gettext("%(name)s does not design or run programs; choose someone who does.")
                % {"name": lead.get_full_name() or lead.username}
            ]
        }
    return {}


def _check_name(name: str, exclude_id: int | None = None) -> dict[str, list[str]]:
    clash = PreventionProgram.objects.filter(name__iexact=name.strip())
    if exclude_id is not None:
        clash = clash.exclude(pk=exclude_id)
    return {"name": ["A prevention program with this name already exists."]} if clash.exists() else {}


def _save(actor: User, row: New, errors: dict[str, list[str]], fields: Iterable[str]) -> New:
    """Save a new row unless there are `errors`; the audit names its `fields`."""
    if errors:
        raise ValidationError(errors)
    return create_record(actor, row, clean=False, fields=fields)


def prevention_program_create(
    *,
    actor: User,
    name: str,
    focus: str,
    target_population: str,
    setting: str,
    starts_on: dt.date,
    lead: User,
    program: Program | None = None,
    risk_factors: Iterable[str] = (),
    protective_factors: Iterable[str] = (),
    ends_on: dt.date | None = None,
) -> PreventionProgram:
    """Add a prevention program: who it is for, the factors it works on, its dates and lead."""
    policy.require_capability(actor, Capability.PROGRAM_MANAGE)
    record = PreventionProgram(
        name=name.strip(),
        program=program,
        focus=focus,
        target_population=target_population.strip(),
        setting=setting,
        risk_factors=factor_list(risk_factors),
        protective_factors=factor_list(protective_factors),
        starts_on=starts_on,
        ends_on=ends_on,
        lead=lead,
    )
    errors = {**_check_name(name), **_check_lead(lead)}
    # Our own plain message about a name in use comes first; the model's is then left out.
    for field, messages in errors_of(lambda: record.full_clean(exclude=["lead"])).items():
        errors.setdefault(field, messages)
    return _save(actor, record, errors, PROGRAM_FIELDS)


def prevention_program_update(
    *, actor: User, record: PreventionProgram, version: int, changes: dict[str, Any]
) -> PreventionProgram:
    """Change a prevention program from the version the editor read."""
    policy.require_capability(actor, Capability.PROGRAM_MANAGE)
    changes = dict(changes)
    errors: dict[str, list[str]] = {}
    if "name" in changes:
        changes["name"] = changes["name"].strip()
        errors.update(_check_name(changes["name"], exclude_id=record.pk))
    if "lead" in changes:
        errors.update(_check_lead(changes["lead"]))
    for field in ("risk_factors", "protective_factors"):
        if field in changes:
            changes[field] = factor_list(changes[field] or [])
    if errors:
        raise ValidationError(errors)
    return versioned_update(
        actor=actor, instance=record, version=version, changes=changes, editable=PROGRAM_FIELDS
    )


def _model_errors(row: Activity | OutcomeMeasure) -> dict[str, list[str]]:
    """The model's own complaints about a row recorded under a program, to add ours to."""
    return errors_of(lambda: row.full_clean(exclude=["recorded_by", "program"]))


def activity_record(
    *,
    actor: User,
    record: PreventionProgram,
    kind: str,
    held_on: dt.date,
    title: str,
    delivered_by: str,
    headcount: int,
    location: str = "",
    children: int | None = None,
    youth: int | None = None,
    adults: int | None = None,
    older_adults: int | None = None,
    notes: str = "",
) -> Activity:
    """Record an activity delivered, with how many took part (and, if known, their age bands)."""
    policy.require_capability(actor, Capability.PROGRAM_MANAGE)
    activity = Activity(
        program=record,
        kind=kind,
        held_on=held_on,
        title=title.strip(),
        location=location.strip(),
        delivered_by=delivered_by.strip(),
        headcount=headcount,
        children=children,
        youth=youth,
        adults=adults,
        older_adults=older_adults,
        notes=notes.strip(),
        recorded_by=actor,
    )
    errors = _model_errors(activity)
    if held_on:
        if held_on > timezone.localdate():
            errors.setdefault("held_on", []).append(
                gettext("Record an activity once delivered: the date cannot be in the future.")
            )
        elif held_on < record.starts_on or (record.ends_on and held_on > record.ends_on):
            if record.ends_on:
                message = gettext(
                    "The program runs from %(start)s to %(end)s; the activity falls outside it."
                ) % {"start": f"{record.starts_on:%Y-%m-%d}", "end": f"{record.ends_on:%Y-%m-%d}"}
            else:
                message = gettext("The program runs from %(start)s; the activity falls outside it.") % {
                    "start": f"{record.starts_on:%Y-%m-%d}"
                }
            errors.setdefault("held_on", []).append(message)
    fields = ["kind", "held_on", "title", "location", "delivered_by", "headcount", "age_bands", "notes"]
    return _save(actor, activity, errors, fields)


def measure_record(
    *,
    actor: User,
    record: PreventionProgram,
    name: str,
    unit: str,
    direction: str,
    before_value: Decimal,
    before_n: int,
    before_on: dt.date,
    after_value: Decimal,
    after_n: int,
    after_on: dt.date,
    source: str,
) -> OutcomeMeasure:
    """Record an outcome measure taken before and after, for the group as a whole."""
    policy.require_capability(actor, Capability.PROGRAM_MANAGE)
    measure = OutcomeMeasure(
        program=record,
        name=name.strip(),
        unit=unit.strip(),
        direction=direction,
        before_value=before_value,
        before_n=before_n,
        before_on=before_on,
        after_value=after_value,
        after_n=after_n,
        after_on=after_on,
        source=source,
        recorded_by=actor,
    )
    errors = _model_errors(measure)
    if after_on and after_on > timezone.localdate():
        errors.setdefault("after_on", []).append(gettext("The 'after' date cannot be in the future."))
    return _save(actor, measure, errors, ["name", "unit", "direction", "before", "after", "source"])
