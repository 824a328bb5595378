"""Forms for treatment records: they parse input; the services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from tapestry.access.models import Consent
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan
from tapestry.micro.treatment.services import PLAN_FIELDS
from tapestry.people.models import Organisation
from tapestry.web.forms import DATE_INPUT, FieldSetup, ParsingForm, ServiceForm


class TreatmentPlanForm(ParsingForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = TreatmentPlan
        fields = list(PLAN_FIELDS)
        widgets = {
            "diagnosis": forms.Textarea(attrs={"rows": 2}),
            "problems": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 3}),
            "interventions": forms.Textarea(attrs={"rows": 3}),
            "review_on": DATE_INPUT,
        }
        labels = {"diagnosis": gettext_lazy("Diagnosis (in words)")}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PLAN_FIELDS}


class CheckinForm(ParsingForm):
    class Meta:
        model = MedicationCheckin
        fields = ["checked_on", "medication", "prescribed_by", "adherence", "side_effects", "note"]
        widgets = {
            "checked_on": DATE_INPUT,
            "side_effects": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"checked_on": gettext_lazy("Date"), "adherence": gettext_lazy("How it is being taken")}


class TeamNoteForm(ParsingForm):
    class Meta:
        model = TeamNote
        fields = ["discipline", "written_on", "text", "counselling_note"]
        widgets = {"written_on": DATE_INPUT, "text": forms.Textarea(attrs={"rows": 6})}
        labels = {
            "discipline": gettext_lazy("Your discipline"),
            "written_on": gettext_lazy("Date"),
            "text": gettext_lazy("Note"),
        }
        help_texts = {"text": gettext_lazy("Team notes are kept as written; to correct one, add another.")}


class ReleaseForm(FieldSetup, ServiceForm):
    recipient = forms.ModelChoiceField(
        label=gettext_lazy("Recipient organisation"),
        queryset=Organisation.objects.none(),
        empty_label=gettext_lazy("Choose the recipient"),
    )
    purpose = forms.ChoiceField(
        choices=[(value, label) for value, label in Consent.Purpose.choices if value != Consent.Purpose.TPO]
    )
    parts = forms.MultipleChoiceField(
        label=gettext_lazy("Parts of the record to release"),
        choices=Release.Part.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    choices_from = {"recipient": "recipients"}
