"""Typed request and response bodies of the programs API."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff
from tapestry.web.schemas import Input, StaffName

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
ItemText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
ProgramStatus = Program.Status
Column = LogicModelItem.Column
Frequency = LogicModelItem.Frequency
Category = BudgetLine.Category
RoleInProgram = ProgramStaff.RoleInProgram


class ProgramIn(Input):
    name: Name
    description: str = ""
    is_active: bool = Field(
        True, description="Ignored when `status` is sent: only a running program is active."
    )
    status: ProgramStatus | None = None
    target_population: str = ""
    purpose: str = ""
    capacity: int | None = Field(None, ge=1)
    starts_on: date | None = None
    ends_on: date | None = None


class ProgramPatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    name: Name | None = None
    description: str | None = None
    status: ProgramStatus | None = None
    target_population: str | None = None
    purpose: str | None = None
    capacity: int | None = Field(None, ge=1)
    starts_on: date | None = None
    ends_on: date | None = None


class ProgramOut(Schema):
    id: int
    name: str
    description: str
    is_active: bool
    status: str
    target_population: str
    purpose: str
    capacity: int | None
    starts_on: date | None
    ends_on: date | None
    version: int
    created_at: datetime
    updated_at: datetime


class LogicItemIn(Input):
    column: Column
    text: ItemText
    indicator: str = ""
    target_value: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    unit: str = ""
    data_source: str = ""
    measured: Frequency | None = None


class LogicItemPatch(Input):
    version: int = Field(ge=1)
    column: Column | None = None
    text: ItemText | None = None
    indicator: str | None = None
    target_value: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    unit: str | None = None
    data_source: str | None = None
    measured: Frequency | None = None
    position: int | None = Field(None, ge=0, description="Place in the column, from 0.")


class LogicItemOut(Schema):
    id: int
    program_id: int
    column: str
    text: str
    position: int
    indicator: str
    target_value: Decimal | None
    unit: str
    data_source: str
    measured: str
    version: int


class BudgetLineIn(Input):
    category: Category
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    amount: Decimal = Field(gt=0, max_digits=12, decimal_places=2)
    funder: str = ""
    fiscal_year: int = Field(ge=2000, le=2100)


class BudgetLineOut(Schema):
    id: int
    program_id: int
    category: str
    description: str
    amount: Decimal
    funder: str
    fiscal_year: int
    version: int


class BudgetTotalOut(Schema):
    fiscal_year: int
    category: str
    total: Decimal


class BudgetOut(Schema):
    items: list[BudgetLineOut]
    totals: list[BudgetTotalOut]
    total: Decimal


class StaffIn(Input):
    user_id: int
    role_in_program: RoleInProgram = RoleInProgram.STAFF
    fte: Decimal = Field(Decimal("1.00"), gt=0, le=1, max_digits=3, decimal_places=2)
    started_on: date | None = None


class StaffOut(Schema):
    id: int
    user_id: int
    name: StaffName = Field(validation_alias="user")
    role_in_program: str
    fte: Decimal
    started_on: date


class CellOut(Schema):
    label: str
    value: int | None = Field(description="Null when the count is too small to show.")
    suppressed: bool


class BreakdownOut(Schema):
    title: str
    cells: list[CellOut]
    total: CellOut
    note: str


class ProgramReachOut(Schema):
    program_id: int = Field(validation_alias="program.pk")
    people_served: CellOut
    by_need: BreakdownOut
    by_age: BreakdownOut
    by_gender: BreakdownOut
    by_month: BreakdownOut
