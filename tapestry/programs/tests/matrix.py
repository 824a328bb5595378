"""URL arguments for the program routes in the authorization matrix (tests/test_authorization_matrix.py).

Every cast user who may manage programs or read aggregates manages the example program, so the
object-level checks (404 for a program that is not theirs) never mask the capability check.
"""

from __future__ import annotations

from decimal import Decimal

from tapestry.access import policy
from tapestry.access.policy import Capability as C
from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff


def examples(world: dict) -> dict[str, dict]:
    program = Program.objects.create(name="Matrix Program", capacity=20)
    members = [
        ProgramStaff.objects.create(
            program=program, user=user, role_in_program=ProgramStaff.RoleInProgram.MANAGER
        )
        for user in world["cast"].by_role.values()
        if policy.has_capability(user, C.PROGRAM_MANAGE) or policy.has_capability(user, C.AGGREGATE_READ)
    ]
    item = LogicModelItem.objects.create(
        program=program, column=LogicModelItem.Column.INPUTS, text="Two workers"
    )
    line = BudgetLine.objects.create(
        program=program,
        category="personnel",
        description="Workers",
        amount=Decimal("100.00"),
        fiscal_year=2026,
    )
    pk = {"pk": program.pk}
    api = {"program_id": program.pk}
    return {
        "programs:program_detail": pk,
        "programs:program_edit": pk,
        "programs:program_staff": pk,
        "programs:staff_remove": {"pk": members[0].pk},
        "programs:logic_model_edit": pk,
        "programs:logic_item_edit": {"pk": item.pk},
        "programs:logic_item_remove": {"pk": item.pk},
        "programs:logic_item_move": {"pk": item.pk},
        "programs:program_budget": pk,
        "programs:budget_line_edit": {"pk": line.pk},
        "programs:budget_line_remove": {"pk": line.pk},
        "programs:program_reach": pk,
        "GET /api/v1/programs/{program_id}": api,
        "PATCH /api/v1/programs/{program_id}": api,
        "GET /api/v1/programs/{program_id}/logic-model": api,
        "POST /api/v1/programs/{program_id}/logic-model": api,
        "PATCH /api/v1/logic-model-items/{item_id}": {"item_id": item.pk},
        "DELETE /api/v1/logic-model-items/{item_id}": {"item_id": item.pk},
        "GET /api/v1/programs/{program_id}/budget-lines": api,
        "POST /api/v1/programs/{program_id}/budget-lines": api,
        "GET /api/v1/programs/{program_id}/staff": api,
        "POST /api/v1/programs/{program_id}/staff": api,
        "GET /api/v1/programs/{program_id}/reach": api,
    }
