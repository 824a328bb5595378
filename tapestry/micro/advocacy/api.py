"""API routes of the advocacy log: list and log actions on a case, change one (with its version)."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime.

from django.http import HttpRequest
from ninja import Router

from tapestry.access.models import User
from tapestry.micro.advocacy import selectors, services
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.advocacy.schemas import AdvocacyIn, AdvocacyOut, AdvocacyPatch
from tapestry.micro.cases.selectors import case_get
from tapestry.people.models import Organisation
from tapestry.web.ids import referenced
from tapestry.web.schemas import created, error_responses, paged_get, purpose_query

router = Router(tags=["advocacy"])


def _organisation(user: User, organisation_id: int | None) -> Organisation | None:
    """An organisation named in the body: a missing one is an error on that field."""
    if organisation_id is None:
        return None
    return referenced(
        "organisation_id",
        lambda: selectors.organisation_get(user=user, organisation_id=organisation_id),
        "No organisation with this number.",
    )


@paged_get(
    router,
    "/cases/{case_id}/advocacy",
    AdvocacyOut,
    summary="List a case's advocacy actions, newest first",
    description="The read is written to the audit log.",
)
def advocacy_list(
    request: HttpRequest,
    case_id: int,
    purpose: str = purpose_query(),
) -> list[AdvocacyAction]:
    case = case_get(user=request.user, case_id=case_id)
    return selectors.advocacy_actions_for_case(user=request.user, case=case, purpose=purpose)


@created(
    router,
    "/cases/{case_id}/advocacy",
    AdvocacyOut,
    summary="Log an advocacy action on a case",
    description=(
        "Name the agency by `organisation_id`, by `agency` text, or both. An outcome other than pending "
        "needs an `outcome_date`; `rights_information_given` needs `rights_information`."
    ),
)
def advocacy_create(request: HttpRequest, case_id: int, payload: AdvocacyIn) -> AdvocacyAction:
    case = case_get(user=request.user, case_id=case_id, for_change=True)
    fields = payload.model_dump(exclude={"organisation_id"})
    return services.advocacy_action_record(
        actor=request.user,
        case=case,
        organisation=_organisation(request.user, payload.organisation_id),
        **fields,
    )


@router.patch(
    "/advocacy/{action_id}",
    response={200: AdvocacyOut, **error_responses(400, 404, 409, 422)},
    summary="Change an advocacy action, e.g. to record its outcome",
    description="Send the `version` you read; if the action changed since, the answer is 409 and nothing is saved.",
)
def advocacy_update(request: HttpRequest, action_id: int, payload: AdvocacyPatch) -> AdvocacyAction:
    action = selectors.advocacy_action_get(user=request.user, action_id=action_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    if "organisation_id" in changes:
        changes["organisation"] = _organisation(request.user, changes.pop("organisation_id"))
    return services.advocacy_action_update(
        actor=request.user, action=action, version=payload.version, changes=changes
    )
