"""The child-welfare API router, and what its routes share: the persons and organisations a body names."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from collections.abc import Callable
from typing import Any

from ninja import Router, Schema

from tapestry.micro.child_welfare import schemas, selectors, services
from tapestry.people.models import Person
from tapestry.web.ids import referenced, resolve_ids

router = Router(tags=["child welfare"])

SEGMENT_NOTE = " Needs the child-welfare segment grant; without it the answer is 403."


# How a body's `<name>_id` finds its record (see `_with_records`), and the message when it does not.
PERSON = (lambda pk: selectors.person_named(person_id=pk), "There is no person with this number.")
ORGANISATION = (
    lambda pk: selectors.organisation_named(organisation_id=pk),
    "There is no organisation with this number.",
)


def _with_records(payload: Schema, **lookups: tuple[Callable[[int], Any], str]) -> dict[str, Any]:
    """The body's fields as service arguments: each `<name>_id` in `lookups` becomes `<name>`, its record
    (None when left out); a number with no record is an error on that field, looked up in this order.

    Whether the caller may name a person is the service's check."""
    return resolve_ids(payload.model_dump(), lookups, nullable=tuple(lookups))


def _person(person_id: int | None, field: str) -> Person | None:
    """A person named in a nested body (its error names the item: `allegations.0.child_id`)."""
    if person_id is None:
        return None
    lookup, missing = PERSON
    return referenced(field, lambda: lookup(person_id), missing)


def _named_by_caller(record: Any, *fields: str) -> Any:
    """Mark the persons a write just named as nameable: the service refuses anyone the caller may not open."""
    for field in fields:
        setattr(record, f"{field}_nameable", True)
    return record


def _allegation_input(given: schemas.ChildWelfareAllegationIn, prefix: str = "") -> services.AllegationInput:
    return services.AllegationInput(
        child=_person(given.child_id, f"{prefix}child_id"),
        maltreatment=given.maltreatment,
        alleged_perpetrator=_person(given.alleged_perpetrator_id, f"{prefix}alleged_perpetrator_id"),
        description=given.description,
    )


def _action_input(given: schemas.ChildWelfarePlanActionIn, prefix: str = "") -> services.PlanActionInput:
    return services.PlanActionInput(
        action=given.action,
        responsible_person=_person(given.responsible_person_id, f"{prefix}responsible_person_id"),
        responsible_name=given.responsible_name,
        when=given.when,
    )


def _report_fields(payload: schemas.ChildWelfareReportIn) -> dict:
    fields = payload.model_dump(exclude={"allegations", "participants"})
    fields["allegations"] = [
        _allegation_input(given, f"allegations.{index}.") for index, given in enumerate(payload.allegations)
    ]
    fields["participants"] = [
        services.ParticipantInput(
            person=_person(given.person_id, f"participants.{index}.person_id"),
            role=given.role,
            note=given.note,
        )
        for index, given in enumerate(payload.participants)
    ]
    return fields
