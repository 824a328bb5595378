"""Forms for programs, their staff, logic model and budget: they parse input, the services write."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
            "target_population": _("Who it is for"),
            "purpose": _("Purpose and problem it works on"),
            "capacity": _("Capacity (people at a time)"),
            "starts_on": _("Starts on"),
            "ends_on": _("Ends on"),
        }
        help_texts = {
            "name": _("How staff and clients know it, e.g. “Housing Stability”."),
            "description": _("What it offers, in a line or two."),
            "status": _("Only a running program takes new cases."),
            "target_population": _("e.g. “Families with children under 5 at risk of eviction in Riverton”."),
            "capacity": _(
                "How many people it can serve at the same time. Leave empty if it has no set limit."
            ),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "target_population": forms.Textarea(attrs={"rows": 2}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
        }
        error_messages = {
            "name": {"unique": _("A program with this name already exists.")},
            "capacity": {"min_value": _("Capacity is at least one person.")},
        }


class ProgramEditForm(VersionedForm, ProgramForm):
    class Meta(ProgramForm.Meta):
        pass


class ProgramFilterForm(forms.Form):
    active = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("All programs")), ("yes", _("Taking new cases")), ("no", _("Not taking cases"))],
    )


class StaffForm(ServiceForm):
    user = StaffChoiceField(label=_("Staff member"), queryset=staff_choices(), with_role=True)
    role_in_program = forms.ChoiceField(
        label=_("Role in the program"),
        choices=ProgramStaff.RoleInProgram.choices,
        initial=ProgramStaff.RoleInProgram.STAFF,
    )
    fte = forms.DecimalField(
        label=_("FTE"),
        max_digits=3,
        decimal_places=2,
        initial=Decimal("1.00"),
        min_value=Decimal("0.01"),
        max_value=Decimal("1.00"),
        help_text=_("Share of a full-time post on this program, from 0.01 to 1.00 (0.5 is half-time)."),
        error_messages={
            "min_value": _("Enter a share above zero, e.g. 0.2."),
            "max_value": _("A share is at most 1.00 (full time)."),
        },
    )
    started_on = forms.DateField(
        label=_("On the program since"), widget=DATE_INPUT, initial=timezone.localdate
    )


class LogicItemForm(_DesignForm):
    class Meta:
        model = LogicModelItem
        fields = ITEM_FIELDS
        labels = {
            "text": _("What it is"),
            "indicator": _("Indicator (outcomes only)"),
            "target_value": _("Target"),
        }
        help_texts = {
            "text": _("e.g. “2 caseworkers”, “Weekly budgeting workshop”, “Families keep their tenancy”."),
            "indicator": _("How you will know, e.g. “Households still housed 6 months after exit”."),
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
            "funder": _("Who pays for it, e.g. “City Housing Fund”."),
            "amount": _("Above zero, e.g. 12500.00."),
        }
        error_messages = {
            "amount": {"min_value": _("Enter an amount above zero.")},
            "fiscal_year": {
                "min_value": _("Enter a year from 2000 to 2100."),
                "max_value": _("Enter a year from 2000 to 2100."),
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("fiscal_year", timezone.localdate().year)


class BudgetLineEditForm(VersionedForm, BudgetLineForm):
    class Meta(BudgetLineForm.Meta):
        pass
