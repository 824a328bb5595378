"""Reads of programs: agency-level facts (any role with organisation access) and who may manage which.

A program page never lists a case or a person: cases appear as suppressed counts only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet, Sum

from tapestry.access import policy
from tapestry.access.models import Role, User
from tapestry.access.policy import Capability
from tapestry.evidence import measures
from tapestry.evidence.suppression import Cell
from tapestry.extensions import app_modules
from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff
from tapestry.web.ids import one_or_404

NOT_YOURS = "No such program among the programs you manage."


def program_list(*, user: User, active: bool | None = None, status: str = "") -> QuerySet[Program]:
    """All programs, by name; `active` keeps only running (True) or not running (False) ones."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    programs = Program.objects.all()
    if active is not None:
        programs = programs.filter(is_active=active)
    if status:
        programs = programs.filter(status=status)
    return programs.order_by("name")


def program_choices() -> QuerySet[Program]:
    """Programs that take new cases, for the case forms."""
    return Program.objects.filter(is_active=True).order_by("name")


def program_get(*, user: User, program_id: int) -> Program:
    policy.require_capability(user, Capability.ORGANISATION_READ)
    return one_or_404(Program.objects.all(), program_id, "No such program.")


# Who manages what --------------------------------------------------------------------------------


def programs_manageable(user: User) -> QuerySet[Program]:
    """Programs this user may change: any for a supervisor, else the ones they are a manager of."""
    if not policy.has_capability(user, Capability.PROGRAM_MANAGE):
        return Program.objects.none()
    if user.role == Role.SUPERVISOR:
        return Program.objects.all()
    return Program.objects.filter(
        pk__in=ProgramStaff.objects.filter(
            user=user, role_in_program=ProgramStaff.RoleInProgram.MANAGER
        ).values("program_id")
    )


def require_manageable(user: User, program_id: int) -> Program:
    """The program, if the user may change it: 403 without the capability, 404 when not theirs."""
    policy.require_capability(user, Capability.PROGRAM_MANAGE)
    return one_or_404(programs_manageable(user), program_id, NOT_YOURS)


def programs_reachable(user: User) -> QuerySet[Program]:
    """Programs whose reach the user may see: a program manager their own programs, other analysts any."""
    if not policy.has_capability(user, Capability.AGGREGATE_READ):
        return Program.objects.none()
    if user.role == Role.PROGRAM_MANAGER:
        return Program.objects.filter(pk__in=ProgramStaff.objects.filter(user=user).values("program_id"))
    return Program.objects.all()


def require_reachable(user: User, program_id: int) -> Program:
    policy.require_capability(user, Capability.AGGREGATE_READ)
    return one_or_404(
        programs_reachable(user), program_id, "No such program among the programs whose figures you may see."
    )


# Parts of a program ------------------------------------------------------------------------------


def money(amount: Decimal | None) -> str:
    """An amount as staff read it: thousands separated, two decimals, the agency's currency if set."""
    currency = getattr(settings, "TAPESTRY_CURRENCY", "")
    text = f"{amount or Decimal('0'):,.2f}"
    return f"{currency} {text}".strip()


@dataclass
class LogicColumn:
    key: str
    label: str
    items: list[LogicModelItem] = field(default_factory=list)


def logic_model(program: Program) -> list[LogicColumn]:
    """The five columns in order, each with its items in order (one query)."""
    columns = {key: LogicColumn(key, label) for key, label in LogicModelItem.Column.choices}
    for item in LogicModelItem.objects.filter(program=program).order_by("position", "pk"):
        columns[item.column].items.append(item)
    return list(columns.values())


def staff_of(program: Program) -> list[ProgramStaff]:
    return list(ProgramStaff.objects.filter(program=program).select_related("user"))


@dataclass
class BudgetYear:
    fiscal_year: int
    categories: list[tuple[str, str]]  # (label, formatted total)
    total: str


@dataclass
class Budget:
    years: list[BudgetYear]
    total: str
    lines: list[BudgetLine]


def budget(program: Program, *, with_lines: bool = False) -> Budget:
    """Totals per category within each fiscal year, and overall (one query, two with the lines)."""
    sums: dict[int, dict[str, Decimal]] = defaultdict(dict)
    rows = (
        BudgetLine.objects.filter(program=program)
        .values("fiscal_year", "category")
        .annotate(total=Sum("amount"))
        .order_by("-fiscal_year", "category")
    )
    for row in rows:
        sums[row["fiscal_year"]][row["category"]] = row["total"]
    labels = dict(BudgetLine.Category.choices)
    years = [
        BudgetYear(
            fiscal_year=year,
            categories=[(labels[key], money(by_category[key])) for key in labels if key in by_category],
            total=money(sum(by_category.values(), Decimal("0"))),
        )
        for year, by_category in sums.items()
    ]
    overall = sum((sum(c.values(), Decimal("0")) for c in sums.values()), Decimal("0"))
    lines = list(BudgetLine.objects.filter(program=program)) if with_lines else []
    return Budget(years=years, total=money(overall), lines=lines)


def case_counts(program: Program) -> tuple[list[Cell], Cell]:
    """The program's cases by status, suppressed (sensitive cases count only inside these totals)."""
    table = measures.named("cases.by_status")(program=program)
    return table.cells, table.total


@dataclass
class ProgramPage:
    program: Program
    columns: list[LogicColumn]
    staff: list[ProgramStaff]
    budget: Budget
    groups: list
    case_cells: list[Cell]
    case_total: Cell
    can_manage: bool
    can_see_reach: bool

    @property
    def has_logic_model(self) -> bool:
        return any(column.items for column in self.columns)


def program_page(*, user: User, program_id: int) -> ProgramPage:
    """Everything on a program's page, in a fixed number of queries whatever its size.

    What the levels add (groups: the program's groups, their places as a band) comes from each
    app's `program_page.py`, collected by convention: programs import no level.
    """
    program = program_get(user=user, program_id=program_id)
    parts: dict[str, list] = {}
    for module in app_modules("program_page"):
        parts.update(module.program_parts(program))
    case_cells, case_total = case_counts(program)
    return ProgramPage(
        program=program,
        columns=logic_model(program),
        staff=staff_of(program),
        budget=budget(program),
        groups=parts.get("groups", []),
        case_cells=case_cells,
        case_total=case_total,
        can_manage=programs_manageable(user).filter(pk=program.pk).exists(),
        can_see_reach=programs_reachable(user).filter(pk=program.pk).exists(),
    )


def staff_choices() -> QuerySet[User]:
    """Active staff accounts that can be put on a program."""
    return User.objects.filter(is_active=True).exclude(role=Role.AUDITOR).order_by("last_name", "first_name")


# A program part by id; the program's own check follows (parts of others' programs are 404 too).
def logic_item(pk: int) -> LogicModelItem:
    return one_or_404(LogicModelItem.objects.select_related("program"), pk)


def budget_line(pk: int) -> BudgetLine:
    return one_or_404(BudgetLine.objects.select_related("program"), pk)


def staff_member(pk: int) -> ProgramStaff:
    return one_or_404(ProgramStaff.objects.select_related("program", "user"), pk)


def budget_lines(program: Program) -> list[BudgetLine]:
    return list(BudgetLine.objects.filter(program=program))


def staff_account(user_id: int) -> User | None:
    """The account a body names by id (any account: the staff service says which may join)."""
    return User.objects.filter(pk=user_id).first()
