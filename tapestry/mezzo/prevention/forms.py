"""Forms of prevention: a program, an activity delivered, an outcome measure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from tapestry.access.models import User
from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram
from tapestry.programs.models import Program
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, StaffChoiceField


class LinesField(forms.CharField):
    """A list typed one item per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value


class PreventionProgramForm(FieldSetup, ServiceForm):
    name = forms.CharField(max_length=150)
    program = forms.ModelChoiceField(
        queryset=Program.objects.none(),
        required=False,
        help_text=gettext_lazy("The agency program it belongs to, if any."),
    )
    focus = forms.ChoiceField(choices=PreventionProgram.Focus.choices)
    target_population = forms.CharField(
        label=gettext_lazy("Target population"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Who it is for."),
    )
    setting = forms.ChoiceField(choices=PreventionProgram.Setting.choices)
    risk_factors = LinesField(
        label=gettext_lazy("Risk factors"), required=False, help_text=gettext_lazy("One per line.")
    )
    protective_factors = LinesField(
        label=gettext_lazy("Protective factors"), required=False, help_text=gettext_lazy("One per line.")
    )
    starts_on = forms.DateField(
        label=gettext_lazy("Starts on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    ends_on = forms.DateField(label=gettext_lazy("Ends on"), widget=DATE_INPUT, required=False)
    lead = StaffChoiceField(with_role=True, queryset=User.objects.none())

    choices_from = {"program": "programs", "lead": "leads"}


class PreventionProgramEditForm(PreventionProgramForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _band(label: Promise) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, required=False)


class ActivityForm(ServiceForm):
    kind = forms.ChoiceField(choices=Activity.Kind.choices)
    held_on = forms.DateField(label=gettext_lazy("Held on"), widget=DATE_INPUT, initial=timezone.localdate)
    title = forms.CharField(max_length=200)
    location = forms.CharField(max_length=200, required=False, help_text=gettext_lazy("Setting or place."))
    delivered_by = forms.CharField(
        label=gettext_lazy("Delivered by"), max_length=200, help_text=gettext_lazy("Staff or partner.")
    )
    headcount = forms.IntegerField(
        min_value=0, help_text=gettext_lazy("How many took part. Participants are counted, never named.")
    )
    children = _band(gettext_lazy("Of whom children"))
    youth = _band(gettext_lazy("Of whom youth"))
    adults = _band(gettext_lazy("Of whom adults"))
    older_adults = _band(gettext_lazy("Of whom older adults"))
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MeasureForm(ServiceForm):
    name = forms.CharField(max_length=200, help_text=gettext_lazy("e.g. 'Pupils who felt safe at school'."))
    unit = forms.CharField(max_length=60, help_text=gettext_lazy("e.g. '% of pupils'."))
    direction = forms.ChoiceField(choices=OutcomeMeasure.Direction.choices)
    source = forms.ChoiceField(choices=OutcomeMeasure.Source.choices)
    before_value = forms.DecimalField(label=gettext_lazy("Before: value"), max_digits=12, decimal_places=2)
    before_n = forms.IntegerField(label=gettext_lazy("Before: based on how many"), min_value=1)
    before_on = forms.DateField(label=gettext_lazy("Before: measured on"), widget=DATE_INPUT)
    after_value = forms.DecimalField(label=gettext_lazy("After: value"), max_digits=12, decimal_places=2)
    after_n = forms.IntegerField(label=gettext_lazy("After: based on how many"), min_value=1)
    after_on = forms.DateField(label=gettext_lazy("After: measured on"), widget=DATE_INPUT)
