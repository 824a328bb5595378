"""Programs: the services an agency runs, their logic model, budget and staff; cases and groups belong to them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tapestry.web.models import Authored, Versioned


class Program(Versioned, Authored):
    """A program: who it is for, the problem it works on, how many it can serve, and when it runs."""

    class Status(models.TextChoices):
        DESIGN = "design", _("Being designed")
        RUNNING = "running", _("Running")
        CLOSED = "closed", pgettext_lazy("program status", "Closed")

    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    # Kept for the case forms: a program takes new cases while it is running.
    is_active = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    target_population = models.TextField(blank=True)
    purpose = models.TextField(blank=True)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(1_000_000)]
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A program cannot end before it starts.")})


class ProgramStaff(models.Model):
    """Someone who works on a program, in a role, for a share of their time."""

    class RoleInProgram(models.TextChoices):
        MANAGER = "manager", _("Program manager")
        STAFF = "staff", _("Staff")
        VOLUNTEER_COORDINATOR = "volunteer_coordinator", _("Volunteer coordinator")
        FACILITATOR = "facilitator", _("Group facilitator")
        EVALUATOR = "evaluator", _("Evaluator")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="program_roles")
    role_in_program = models.CharField(
        max_length=30, choices=RoleInProgram.choices, default=RoleInProgram.STAFF
    )
    fte = models.DecimalField(
        "FTE",
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.00"))],
        help_text=_("Share of a full-time post, from 0.01 to 1.00."),
    )
    started_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role_in_program", "user__last_name", "user__first_name"]
        constraints = [models.UniqueConstraint(fields=["program", "user"], name="program_staff_once")]
        verbose_name_plural = "program staff"

    def __str__(self) -> str:
        return f"{self.user} on {self.program}"


class LogicModelItem(models.Model):
    """One entry in a column of a program's logic model; outcomes carry an indicator."""

    class Column(models.TextChoices):
        INPUTS = "inputs", _("Inputs")
        ACTIVITIES = "activities", _("Activities")
        OUTPUTS = "outputs", _("Outputs")
        SHORT_TERM = "short_term", _("Short-term outcomes")
        LONG_TERM = "long_term", _("Long-term outcomes")

    class Frequency(models.TextChoices):
        SESSION = "session", _("Every session")
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        TWICE_YEARLY = "twice_yearly", _("Twice a year")
        YEARLY = "yearly", _("Yearly")
        ENTRY_EXIT = "entry_exit", _("At entry and exit")

    OUTCOME_COLUMNS = (Column.SHORT_TERM, Column.LONG_TERM)

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="logic_items")
    column = models.CharField(max_length=12, choices=Column.choices)
    text = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)
    # The indicator an outcome is measured by (blank on inputs, activities and outputs).
    indicator = models.CharField(max_length=200, blank=True)
    target_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(
        max_length=40,
        blank=True,
        # xgettext:no-python-format
        help_text=_("e.g. “% of members”, “people”, “points”."),
    )
    data_source = models.CharField(max_length=200, blank=True)
    measured = models.CharField("How often measured", max_length=15, choices=Frequency.choices, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["program", "column", "position", "pk"]
        indexes = [models.Index(fields=["program", "column", "position"])]

    def __str__(self) -> str:
        return self.text

    @property
    def is_outcome(self) -> bool:
        return self.column in self.OUTCOME_COLUMNS

    def clean(self) -> None:
        indicator_fields = (self.indicator, self.target_value, self.unit, self.data_source, self.measured)
        if not self.is_outcome and any(value not in ("", None) for value in indicator_fields):
            raise ValidationError({"indicator": _("Only outcomes carry an indicator.")})
        if self.is_outcome and self.target_value is not None and not self.indicator:
            raise ValidationError({"indicator": _("Name the indicator the target is for.")})


class BudgetLine(models.Model):
    """One line of a program's budget: what for, how much, who pays, in which fiscal year."""

    class Category(models.TextChoices):
        PERSONNEL = "personnel", _("Personnel")
        OPERATIONS = "operations", _("Operations")
        SUPPLIES = "supplies", _("Supplies")
        TRAVEL = "travel", _("Travel")
        CONTRACTED = "contracted", _("Contracted services")
        EQUIPMENT = "equipment", _("Equipment")
        PARTICIPANT = "participant", _("Participant support")
        INDIRECT = "indirect", _("Indirect costs")
        OTHER = "other", _("Other")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(max_length=15, choices=Category.choices)
    description = models.CharField(max_length=200)
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    funder = models.CharField(max_length=150, blank=True)
    fiscal_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year the fiscal year ends in, e.g. 2026."),
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["program", "-fiscal_year", "category", "pk"]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.description}"
