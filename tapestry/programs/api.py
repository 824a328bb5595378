"""API routes of programs: the programs an agency runs, their logic model, budget, staff and reach."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import CharField, Model, QuerySet, TextField
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status

from tapestry.access.models import User
from tapestry.programs import reach, selectors, services
from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff
from tapestry.programs.schemas import (
    BudgetLineIn,
    BudgetLineOut,
    BudgetOut,
    LogicItemIn,
    LogicItemOut,
    LogicItemPatch,
    ProgramIn,
    ProgramOut,
    ProgramPatch,
    ProgramReachOut,
    StaffIn,
    StaffOut,
)
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["programs"])


def _changes(payload: Schema, model: type[Model]) -> dict:
    """The fields sent; an explicit null clears an optional text field and is refused for a required one."""
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    for name, value in changes.items():
        field = model._meta.get_field(name)
        if value is None and not field.null:
            if not (isinstance(field, CharField | TextField) and field.blank):
                raise ValidationError({name: ["This field cannot be empty."]})
            changes[name] = ""
    return changes


ITEM_NOT_YOURS = "No such logic-model item among the programs you manage."


def _item(user: User, item_id: int) -> LogicModelItem:
    """An item of a program the user manages; a missing one and another's answer alike (rule 9)."""
    try:
        item = selectors.logic_item(item_id)
        selectors.require_manageable(user, item.program_id)
    except Http404:
        raise Http404(ITEM_NOT_YOURS) from None
    return item


@paged_get(
    router,
    "/programs",
    ProgramOut,
    errors=(422,),
    summary="List programs",
    description="`active=true` lists the programs that take new cases; `status` filters by design/running/closed.",
)
def program_list(
    request: HttpRequest,
    active: bool | None = Query(None),
    status: str | None = Query(None, pattern="^(design|running|closed)$"),
) -> QuerySet[Program]:
    return selectors.program_list(user=request.user, active=active, status=status or "")


@created(
    router,
    "/programs",
    ProgramOut,
    errors=(400, 422),
    summary="Add a program",
    description="Needs the program-manage capability; whoever adds a program becomes its manager.",
)
def program_create(request: HttpRequest, payload: ProgramIn) -> Program:
    data = payload.model_dump()
    data["status"] = data["status"] or ""
    return services.program_create(actor=request.user, **data)


@router.get(
    "/programs/{program_id}",
    response={200: ProgramOut, **error_responses(404)},
    summary="A program's facts",
)
def program_detail(request: HttpRequest, program_id: int) -> Program:
    return selectors.program_get(user=request.user, program_id=program_id)


@router.patch(
    "/programs/{program_id}",
    response={200: ProgramOut, **error_responses(400, 404, 409, 422)},
    summary="Change a program",
    description="Only a program's managers (or a supervisor) may; send the `version` you read (409 if stale).",
)
def program_update(request: HttpRequest, program_id: int, payload: ProgramPatch) -> Program:
    program = selectors.require_manageable(request.user, program_id)
    changes = _changes(payload, Program)
    return services.program_update(
        actor=request.user, program=program, version=payload.version, changes=changes
    )


@router.get(
    "/programs/{program_id}/logic-model",
    response={200: list[LogicItemOut], **error_responses(404)},
    summary="A program's logic model",
    description="Items in column order (inputs, activities, outputs, short-term, long-term), then position.",
)
def logic_model(request: HttpRequest, program_id: int) -> list[LogicModelItem]:
    program = selectors.program_get(user=request.user, program_id=program_id)
    return [item for column in selectors.logic_model(program) for item in column.items]


@created(
    router,
    "/programs/{program_id}/logic-model",
    LogicItemOut,
    summary="Add an item to a logic-model column",
    description="Outcomes (short_term, long_term) may carry an indicator; other columns may not.",
)
def logic_item_add(request: HttpRequest, program_id: int, payload: LogicItemIn) -> LogicModelItem:
    program = selectors.require_manageable(request.user, program_id)
    data = payload.model_dump()
    data["measured"] = data["measured"] or ""
    return services.logic_item_add(actor=request.user, program=program, **data)


@router.patch(
    "/logic-model-items/{item_id}",
    response={200: LogicItemOut, **error_responses(400, 404, 409, 422)},
    summary="Change a logic-model item",
)
def logic_item_update(request: HttpRequest, item_id: int, payload: LogicItemPatch) -> LogicModelItem:
    item = _item(request.user, item_id)
    changes = _changes(payload, LogicModelItem)
    return services.logic_item_update(actor=request.user, item=item, version=payload.version, changes=changes)


@router.delete(
    "/logic-model-items/{item_id}",
    response={204: None, **error_responses(404)},
    summary="Remove a logic-model item",
)
def logic_item_remove(request: HttpRequest, item_id: int) -> Status:
    item = _item(request.user, item_id)
    services.logic_item_remove(actor=request.user, item=item)
    return Status(204, None)


@router.get(
    "/programs/{program_id}/budget-lines",
    response={200: BudgetOut, **error_responses(404)},
    summary="A program's budget lines with totals per fiscal year and category",
)
def budget_lines(request: HttpRequest, program_id: int) -> dict:
    program = selectors.program_get(user=request.user, program_id=program_id)
    lines = selectors.budget_lines(program)
    totals: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for line in lines:
        totals[line.fiscal_year, line.category] += line.amount
    return {
        "items": lines,
        "totals": [
            {"fiscal_year": year, "category": category, "total": total}
            for (year, category), total in sorted(totals.items(), key=lambda kv: (-kv[0][0], kv[0][1]))
        ],
        "total": sum((line.amount for line in lines), Decimal("0")),
    }


@created(
    router,
    "/programs/{program_id}/budget-lines",
    BudgetLineOut,
    summary="Add a budget line",
)
def budget_line_add(request: HttpRequest, program_id: int, payload: BudgetLineIn) -> BudgetLine:
    program = selectors.require_manageable(request.user, program_id)
    return services.budget_line_add(actor=request.user, program=program, **payload.model_dump())


@router.get(
    "/programs/{program_id}/staff",
    response={200: list[StaffOut], **error_responses(404)},
    summary="Who works on a program",
)
def program_staff(request: HttpRequest, program_id: int) -> list[ProgramStaff]:
    program = selectors.program_get(user=request.user, program_id=program_id)
    return selectors.staff_of(program)


@created(
    router,
    "/programs/{program_id}/staff",
    StaffOut,
    summary="Put a member of staff on a program",
)
def program_staff_add(request: HttpRequest, program_id: int, payload: StaffIn) -> ProgramStaff:
    program = selectors.require_manageable(request.user, program_id)
    data = resolve_ids(payload.model_dump(), {"user_id": (selectors.staff_account, "No such staff member.")})
    return services.staff_add(actor=request.user, program=program, **data)


@router.get(
    "/programs/{program_id}/reach",
    response={200: ProgramReachOut, **error_responses(404)},
    summary="People a program served, by need, age, gender and month",
    description=(
        "Counts below the agency's threshold come back as `value: null` with `suppressed: true`, and a "
        "second cell is hidden where one hidden cell could be worked out from the total."
    ),
)
def program_reach(request: HttpRequest, program_id: int) -> reach.Reach:
    return reach.program_reach(user=request.user, program_id=program_id)
