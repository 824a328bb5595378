"""Typed request and response bodies of the advocacy API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.web.schemas import Input, StaffRef, label_of

IssueValue = Literal[tuple(AdvocacyAction.Issue.values)]
OutcomeValue = Literal[tuple(AdvocacyAction.Outcome.values)]
Agency = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Required = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class AdvocacyIn(Input):
    action_date: date | None = Field(None, description="Today if left out.")
    organisation_id: int | None = Field(None, description="The agency contacted, from the organisation list.")
    agency: Agency = Field("", description="The agency or contact by name, if not in the list.")
    issue: IssueValue
    action_taken: Required
    outcome: OutcomeValue = "pending"
    outcome_note: str = ""
    outcome_date: date | None = Field(None, description="Required once the outcome is not pending.")
    rights_information_given: bool = False
    rights_information: str = Field(
        "", description="What the client was told about their rights; required if given."
    )


class AdvocacyPatch(Input):
    """Send `version` (from the action you read) and only the fields you change."""

    version: int = Field(ge=1)
    action_date: date = None
    organisation_id: int | None = None
    agency: Agency = None
    issue: IssueValue = None
    action_taken: Required = None
    outcome: OutcomeValue = None
    outcome_note: str = None
    outcome_date: date | None = None
    rights_information_given: bool = None
    rights_information: str = None


class AdvocacyOrganisationRef(Schema):
    id: int
    name: str


class AdvocacyOut(Schema):
    id: int
    case_id: int
    action_date: date
    organisation: AdvocacyOrganisationRef | None
    agency: str
    agency_name: str = Field(description="The organisation's name, the free text, or both.")
    issue: str
    issue_label: str = label_of("issue")
    action_taken: str
    outcome: str
    outcome_label: str = label_of("outcome")
    outcome_note: str
    outcome_date: date | None
    rights_information_given: bool
    rights_information: str
    recorded_by: StaffRef
    version: int
    created_at: datetime
    updated_at: datetime
