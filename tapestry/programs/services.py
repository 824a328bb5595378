"""Writes to programs: designing them, their logic model, budget and staff.

Creating a program needs PROGRAM_MANAGE; changing one also needs the program to be the actor's
to manage (a supervisor manages any program, others the programs they are a manager of). A program
that is not the actor's is refused as missing (404), like any record out of reach.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff
from tapestry.programs.selectors import require_manageable
from tapestry.web.records import create_record

PROGRAM_FIELDS = (
    "name",
    "description",
    "status",
    "target_population",
    "purpose",
    "capacity",
    "starts_on",
    "ends_on",
)
ITEM_FIELDS = ("column", "text", "indicator", "target_value", "unit", "data_source", "measured")
BUDGET_FIELDS = ("category", "description", "amount", "funder", "fiscal_year")


def _check_name_free(name: str, *, exclude_pk: int | None = None) -> None:
    taken = Program.objects.filter(name__iexact=name)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"name": [gettext("A program with this name already exists.")]})


def program_create(
    *,
    actor: User,
    name: str,
    description: str = "",
    is_active: bool = True,
    status: str = "",
    target_population: str = "",
    purpose: str = "",
    capacity: int | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Program:
    """Add a program (names are unique, whatever their capitals); its creator becomes its manager."""
    policy.require_capability(actor, Capability.PROGRAM_MANAGE)
    name = name.strip()
    _check_name_free(name)
    # Callers that only know "takes new cases" (is_active) get the matching status.
    status = status or (Program.Status.RUNNING if is_active else Program.Status.CLOSED)
    program = Program(
        name=name,
        description=description.strip(),
        status=status,
        is_active=status == Program.Status.RUNNING,
        target_population=target_population.strip(),
        purpose=purpose.strip(),
        capacity=capacity,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor,
    )
    program.full_clean()
    with transaction.atomic():
        program.save()
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=program, fields=PROGRAM_FIELDS)
        staff = ProgramStaff.objects.create(
            program=program, user=actor, role_in_program=ProgramStaff.RoleInProgram.MANAGER
        )
        audit_record(
            actor=actor, action=AuditEntry.Action.CREATE, obj=staff, fields=["user", "role_in_program"]
        )
    return program


def program_update(*, actor: User, program: Program, version: int, changes: dict[str, Any]) -> Program:
    """Change a program's facts; the version must be the one the editor read."""
    require_manageable(actor, program.pk)
    changes = dict(changes)
    if "name" in changes:
        changes["name"] = (changes["name"] or "").strip()
        _check_name_free(changes["name"], exclude_pk=program.pk)
    if "status" in changes:
        # Only a running program takes new cases (the case forms read is_active).
        changes["is_active"] = changes["status"] == Program.Status.RUNNING
    return versioned_update(
        actor=actor,
        instance=program,
        version=version,
        changes=changes,
        editable=(*PROGRAM_FIELDS, "is_active"),
    )


# Staff -------------------------------------------------------------------------------------------


def staff_add(
    *,
    actor: User,
    program: Program,
    user: User,
    role_in_program: str = ProgramStaff.RoleInProgram.STAFF,
    fte: Decimal = Decimal("1.00"),
    started_on: date | None = None,
) -> ProgramStaff:
    """Put a member of staff on a program."""
    require_manageable(actor, program.pk)
    if not user.is_active:
        raise ValidationError({"user": [gettext("This account is switched off.")]})
    if ProgramStaff.objects.filter(program=program, user=user).exists():
        raise ValidationError(
            {
                "user": [
                    gettext("%(person)s is already on this program.")
                    % {"person": user.get_full_name() or user}
                ]
            }
        )
    # Stored with two decimals; answer with what is stored.
    fte = Decimal(fte).quantize(Decimal("0.01"))
    staff = ProgramStaff(program=program, user=user, role_in_program=role_in_program, fte=fte)
    if started_on is not None:
        staff.started_on = started_on
    return create_record(
        actor, staff, validate_constraints=False, fields=["user", "role_in_program", "fte", "started_on"]
    )


def staff_remove(*, actor: User, staff: ProgramStaff) -> None:
    """Take someone off a program; a program keeps at least one manager."""
    require_manageable(actor, staff.program_id)
    managers = ProgramStaff.objects.filter(
        program_id=staff.program_id, role_in_program=ProgramStaff.RoleInProgram.MANAGER
    )
    if staff.role_in_program == ProgramStaff.RoleInProgram.MANAGER and managers.count() == 1:
        raise ValidationError(gettext("A program keeps at least one manager: add another manager first."))
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.DELETE, obj=staff, fields=["user"])
        staff.delete()


# Logic model -------------------------------------------------------------------------------------


def logic_item_add(
    *, actor: User, program: Program, column: str, text: str, **indicator: Any
) -> LogicModelItem:
    """Add an item at the end of a logic-model column; outcomes may carry an indicator."""
    require_manageable(actor, program.pk)
    unknown = set(indicator) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError({name: [gettext("This field cannot be set here.")] for name in sorted(unknown)})
    item = LogicModelItem(program=program, column=column, text=(text or "").strip(), **indicator)
    with transaction.atomic():
        last = (
            LogicModelItem.objects.select_for_update()
            .filter(program=program, column=column)
            .aggregate(last=Max("position"))["last"]
        )
        item.position = 0 if last is None else last + 1
        item.full_clean()
        item.save()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=item,
            fields=[
                "column",
                "text",
                *(name for name, value in indicator.items() if value not in ("", None)),
            ],
        )
    return item


def logic_item_update(
    *, actor: User, item: LogicModelItem, version: int, changes: dict[str, Any]
) -> LogicModelItem:
    """Change an item's text, column or indicator; moving it to another column puts it last there."""
    require_manageable(actor, item.program_id)
    changes = dict(changes)
    if "text" in changes:
        changes["text"] = (changes["text"] or "").strip()
    if "column" in changes and changes["column"] != item.column:
        last = LogicModelItem.objects.filter(program_id=item.program_id, column=changes["column"]).aggregate(
            last=Max("position")
        )["last"]
        changes["position"] = 0 if last is None else last + 1
    return versioned_update(
        actor=actor, instance=item, version=version, changes=changes, editable=(*ITEM_FIELDS, "position")
    )


def logic_item_remove(*, actor: User, item: LogicModelItem) -> None:
    require_manageable(actor, item.program_id)
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.DELETE, obj=item, fields=["column", "text"])
        item.delete()


def logic_item_move(*, actor: User, item: LogicModelItem, direction: str) -> LogicModelItem:
    """Swap an item with its neighbour above ("up") or below ("down") in its column."""
    require_manageable(actor, item.program_id)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": [gettext("Move an item up or down.")]})
    with transaction.atomic():
        column = list(
            LogicModelItem.objects.select_for_update()
            .filter(program_id=item.program_id, column=item.column)
            .order_by("position", "pk")
        )
        index = next(n for n, row in enumerate(column) if row.pk == item.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(column):
            return column[index]
        column[index], column[other] = column[other], column[index]
        # Renumber the column 0..n-1, so positions stay dense whatever happened before.
        for position, row in enumerate(column):
            if row.position != position:
                row.position = position
                row.version += 1
                row.save(update_fields=["position", "version"])
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=item, fields=["position"])
    return next(row for row in column if row.pk == item.pk)


# Budget ------------------------------------------------------------------------------------------


def budget_line_add(
    *,
    actor: User,
    program: Program,
    category: str,
    description: str,
    amount: Decimal,
    fiscal_year: int,
    funder: str = "",
) -> BudgetLine:
    """Add a budget line; amounts are positive."""
    require_manageable(actor, program.pk)
    line = BudgetLine(
        program=program,
        category=category,
        description=(description or "").strip(),
        amount=amount,
        funder=(funder or "").strip(),
        fiscal_year=fiscal_year,
    )
    return create_record(actor, line, fields=BUDGET_FIELDS)


def budget_line_update(*, actor: User, line: BudgetLine, version: int, changes: dict[str, Any]) -> BudgetLine:
    require_manageable(actor, line.program_id)
    changes = {name: (value.strip() if isinstance(value, str) else value) for name, value in changes.items()}
    return versioned_update(
        actor=actor, instance=line, version=version, changes=changes, editable=BUDGET_FIELDS
    )


def budget_line_remove(*, actor: User, line: BudgetLine) -> None:
    require_manageable(actor, line.program_id)
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.DELETE, obj=line, fields=["category", "amount"])
        line.delete()
