"""Forms for programs, their staff, logic model and budget: they parse input, the services write."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff
from tapestry.programs.selectors import staff_choices
from tapestry.programs.services import BUDGET_FIELDS, ITEM_FIELDS, PROGRAM_FIELDS
from tapestry.web.forms import DATE_INPUT, ServiceForm, ServiceModelForm, StaffChoiceField, VersionedForm


class _DesignForm(ServiceModelForm):
    """A form for a program or a part of its design: it edits exactly the fields the service writes."""

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ProgramForm(_DesignForm):
    class Meta:
        model = Program
        fields = PROGRAM_FIELDS
        labels = {
            "target_population": "Who it is for",
            "purpose": "Purpose and problem it works on",
            "capacity": "Capacity (people at a time)",
            "starts_on": "Starts on",
            "ends_on": "Ends on",
        }
        help_texts = {
            "name": "How staff and clients know it, e.g. “Housing Stability”.",
            "description": "What it offers, in a line or two.",
            "status": "Only a running program takes new cases.",
            "target_population": "e.g. “Families with children under 5 at risk of eviction in Riverton”.",
            "capacity": "How many people it can serve at the same time. Leave empty if it has no set limit.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "target_population": forms.Textarea(attrs={"rows": 2}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
        }
        error_messages = {
            "name": {"unique": "A program with this name already exists."},
            "capacity": {"min_value": "Capacity is at least one person."},
        }


class ProgramEditForm(VersionedForm, ProgramForm):
    class Meta(ProgramForm.Meta):
        pass


class ProgramFilterForm(forms.Form):
    active = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "All programs"), ("yes", "Taking new cases"), ("no", "Not taking cases")],
    )


class StaffForm(ServiceForm):
    user = StaffChoiceField(label="Staff member", queryset=staff_choices(), with_role=True)
    role_in_program = forms.ChoiceField(
        label="Role in the program",
        choices=ProgramStaff.RoleInProgram.choices,
        initial=ProgramStaff.RoleInProgram.STAFF,
    )
    fte = forms.DecimalField(
        label="FTE",
        max_digits=3,
        decimal_places=2,
        initial=Decimal("1.00"),
        min_value=Decimal("0.01"),
        max_value=Decimal("1.00"),
        help_text="Share of a full-time post on this program, from 0.01 to 1.00 (0.5 is half-time).",
        error_messages={
            "min_value": "Enter a share above zero, e.g. 0.2.",
            "max_value": "A share is at most 1.00 (full time).",
        },
    )
    started_on = forms.DateField(label="On the program since", widget=DATE_INPUT, initial=timezone.localdate)


class LogicItemForm(_DesignForm):
    class Meta:
        model = LogicModelItem
        fields = ITEM_FIELDS
        labels = {
            "text": "What it is",
            "indicator": "Indicator (outcomes only)",
            "target_value": "Target",
        }
        help_texts = {
            "text": "e.g. “2 caseworkers”, “Weekly budgeting workshop”, “Families keep their tenancy”.",
            "indicator": "How you will know, e.g. “Households still housed 6 months after exit”.",
        }
        widgets = {"text": forms.TextInput()}


class LogicItemEditForm(VersionedForm, LogicItemForm):
    class Meta(LogicItemForm.Meta):
        pass


class BudgetLineForm(_DesignForm):
    class Meta:
        model = BudgetLine
        fields = BUDGET_FIELDS
        help_texts = {
            "funder": "Who pays for it, e.g. “City Housing Fund”.",
            "amount": "Above zero, e.g. 12500.00.",
        }
        error_messages = {
            "amount": {"min_value": "Enter an amount above zero."},
            "fiscal_year": {
                "min_value": "Enter a year from 2000 to 2100.",
                "max_value": "Enter a year from 2000 to 2100.",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("fiscal_year", timezone.localdate().year)


class BudgetLineEditForm(VersionedForm, BudgetLineForm):
    class Meta(BudgetLineForm.Meta):
        pass
