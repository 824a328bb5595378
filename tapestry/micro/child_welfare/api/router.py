"""The child-welfare API router, and what its routes share: the persons and organisations a body names."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from typing import Any

from ninja import Router

from tapestry.micro.child_welfare import schemas, selectors, services
from tapestry.people.models import Organisation, Person
from tapestry.web.ids import referenced

router = Router(tags=["child welfare"])

SEGMENT_NOTE = " Needs the child-welfare segment grant; without it the answer is 403."


def _person(person_id: int | None, field: str) -> Person | None:
    """A person named in the body; whether the caller may name them is the service's check."""
    if person_id is None:
        return None
    return referenced(
        field, lambda: selectors.person_named(person_id=person_id), "There is no person with this number."
    )


def _named_by_caller(record: Any, *fields: str) -> Any:
    """Mark the persons a write just named as nameable: the service refuses anyone the caller may not open."""
    for field in fields:
        setattr(record, f"{field}_nameable", True)
    return record


def _organisation(organisation_id: int | None, field: str) -> Organisation | None:
    if organisation_id is None:
        return None
    return referenced(
        field,
        lambda: selectors.organisation_named(organisation_id=organisation_id),
        "There is no organisation with this number.",
    )


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
