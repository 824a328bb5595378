"""Forms for programs."""

from __future__ import annotations

from django import forms

from tapestry.people.forms import ServiceForm


class ProgramForm(ServiceForm):
    name = forms.CharField(
        max_length=150, help_text="How staff and clients know it, e.g. “Housing Stability”."
    )
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Who it is for and what it offers.",
    )
    is_active = forms.BooleanField(label="Takes new cases", required=False, initial=True)


class ProgramFilterForm(forms.Form):
    active = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "All programs"), ("yes", "Running"), ("no", "Closed")],
    )
