"""The indicator form: measures chosen from those the levels offer, targets written one per line."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import User
from tapestry.evidence.measures import Kind, PeriodMeasure, PeriodType
from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.evaluation.services import INDICATOR_FIELDS
from tapestry.programs.models import Program
from tapestry.web.forms import FieldSetup, ServiceForm, StaffChoiceField


def _measure_label(found: PeriodMeasure) -> str:
    kind = gettext(" (a total)") if found.kind == Kind.SUM else ""
    # The measure's title is English (marked where the measure is defined): shown in the reader's language.
    return f"{gettext(found.title)}{kind}: {found.name}"


def targets_text(targets: dict[str, float]) -> str:
    return "\n".join(f"{period}: {value:g}" for period, value in targets.items())


class IndicatorForm(FieldSetup, ServiceForm):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    definition = forms.CharField(
        label=gettext_lazy("Definition"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=gettext_lazy("What the indicator shows, in plain words a funder would follow."),
    )
    numerator = forms.ChoiceField(label=gettext_lazy("Numerator (measure)"))
    denominator = forms.ChoiceField(label=gettext_lazy("Denominator (measure)"), required=False)
    factor = forms.ChoiceField(
        label=gettext_lazy("Factor"), choices=Indicator.Factor.choices, initial=Indicator.Factor.PERCENT
    )
    period_type = forms.ChoiceField(
        label=gettext_lazy("Periods"), choices=PeriodType.choices, initial=PeriodType.QUARTER
    )
    breakdown = forms.ChoiceField(label=gettext_lazy("Broken down by"), required=False)
    program = forms.ModelChoiceField(
        queryset=Program.objects.none(),
        label=gettext_lazy("Program"),
        required=False,
        help_text=gettext_lazy("Leave empty for the whole agency."),
    )
    baseline_value = forms.DecimalField(
        label=gettext_lazy("Baseline value"), required=False, max_digits=12, decimal_places=2
    )
    baseline_period = forms.CharField(
        label=gettext_lazy("Baseline period"),
        required=False,
        max_length=10,
        help_text=gettext_lazy("Such as 2025, 2025-Q4 or 2025-12."),
    )
    target_value = forms.DecimalField(
        label=gettext_lazy("Target"),
        required=False,
        max_digits=12,
        decimal_places=2,
        help_text=gettext_lazy("The target for every period."),
    )
    targets = forms.CharField(
        label=gettext_lazy("Targets by period"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "One per line, such as 2026-Q1: 60. A target here overrides the one above for its period."
        ),
    )
    direction = forms.ChoiceField(
        label=gettext_lazy("Direction"),
        choices=Indicator.Direction.choices,
        initial=Indicator.Direction.HIGHER,
    )
    owner = StaffChoiceField(label=gettext_lazy("Owner"), queryset=User.objects.none(), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"program": "programs", "owner": "staff"}

    def __init__(
        self, *args: Any, measures: list[PeriodMeasure], editing: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        offered = [(found.name, _measure_label(found)) for found in measures]
        self.fields["numerator"].choices = [("", gettext("Choose a measure")), *offered]
        counts = [(found.name, _measure_label(found)) for found in measures if found.kind == Kind.COUNT]
        self.fields["denominator"].choices = [("", gettext("None (a count)")), *counts]
        breakdowns = dict(pair for found in measures for pair in found.breakdowns)
        self.fields["breakdown"].choices = [("", gettext("Period only")), *breakdowns.items()]
        if editing:
            self.fields["version"].required = True

    def clean_targets(self) -> dict[str, Decimal]:
        targets: dict[str, Decimal] = {}
        for number, line in enumerate(self.cleaned_data["targets"].splitlines(), start=1):
            if not line.strip():
                continue
            period, colon, value = line.partition(":")
            try:
                if not colon:
                    raise InvalidOperation
                targets[period.strip()] = Decimal(value.strip())
            except InvalidOperation:
                raise ValidationError(
                    gettext("Line %(number)s: write a period, a colon and a number, such as 2026-Q1: 60.")
                    % {"number": number}
                ) from None
        return targets

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in INDICATOR_FIELDS}
