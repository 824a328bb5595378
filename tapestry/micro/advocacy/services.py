"""Writes of the advocacy log: record an action taken with an agency, and later its outcome."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import User
from tapestry.access.versioning import versioned_update
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_write
from tapestry.people.models import Organisation
from tapestry.web.records import create_record

# What a worker fills in; the case, who recorded it and the version are the service's business.
ACTION_FIELDS = (
    "action_date",
    "organisation",
    "agency",
    "issue",
    "action_taken",
    "outcome",
    "outcome_note",
    "outcome_date",
    "rights_information_given",
    "rights_information",
)


REFUSAL = gettext_lazy("This case is outside your caseload, or in a segment you are not granted.")


def advocacy_action_record(
    *,
    actor: User,
    case: Case,
    issue: str,
    action_taken: str,
    organisation: Organisation | None = None,
    agency: str = "",
    action_date: date | None = None,
    outcome: str = AdvocacyAction.Outcome.PENDING,
    outcome_note: str = "",
    outcome_date: date | None = None,
    rights_information_given: bool = False,
    rights_information: str = "",
) -> AdvocacyAction:
    """Log an action taken with an agency on the client's behalf (the outcome may follow later)."""
    require_case_write(
        actor,
        case,
        closed=gettext("This case is closed; reopen it before logging advocacy."),
        refusal=REFUSAL,
    )
    action = AdvocacyAction(
        case=case,
        organisation=organisation,
        agency=agency.strip(),
        issue=issue,
        action_taken=action_taken,
        outcome=outcome,
        outcome_note=outcome_note,
        outcome_date=outcome_date,
        rights_information_given=rights_information_given,
        rights_information=rights_information,
        recorded_by=actor,
    )
    if action_date is not None:
        action.action_date = action_date
    action.full_clean()
    # The entry names the fields given, so it is built after the check has cleaned them.
    return create_record(
        actor,
        action,
        clean=False,
        person_id=case.person_id,
        fields=[name for name in ACTION_FIELDS if getattr(action, name) not in ("", None, False)],
    )


def advocacy_action_update(
    *, actor: User, action: AdvocacyAction, version: int, changes: dict[str, Any]
) -> AdvocacyAction:
    """Change an action (usually to record its outcome); a stale version is refused."""
    require_case_write(actor, action.case, open=False, refusal=REFUSAL)
    return versioned_update(
        actor=actor, instance=action, version=version, changes=changes, editable=ACTION_FIELDS
    )
