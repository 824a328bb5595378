"""Forms: a group goal, choosing an instrument, recording or correcting a measure, using a case assessment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from tapestry.mezzo.group_outcomes.directions import outcome_instruments
from tapestry.mezzo.group_outcomes.models import GroupGoal
from tapestry.mezzo.group_outcomes.selectors import Candidate
from tapestry.micro.assessments.forms import AssessmentForm
from tapestry.web.forms import DATE_INPUT, ServiceForm, ServiceModelForm


class GoalForm(ServiceModelForm):
    class Meta:
        model = GroupGoal
        fields = ["description", "measure", "target", "status", "reviewed_on"]
        widgets = {"reviewed_on": DATE_INPUT}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class GoalEditForm(GoalForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class InstrumentChoiceForm(ServiceForm):
    instrument = forms.ChoiceField(label=gettext_lazy("Instrument"))

    def __init__(self, *args: Any, used: list[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [
            (instrument.code, f"{instrument.name}: {instrument.title}")
            for instrument in outcome_instruments()
            if instrument.code not in used
        ]


class MeasureForm(AssessmentForm):
    """The micro assessment form (one radio group per item, checked by the instrument), as a measure."""

    @property
    def other_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in {i.code for i in self.definition.items}]


class MeasureCorrectForm(MeasureForm):
    reason = forms.CharField(
        label=gettext_lazy("Why correct it"),
        max_length=255,
        help_text=gettext_lazy(
            "For example 'Answers to questions 3 and 4 were swapped'. Kept with the measure."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


_CANDIDATE = {
    "pre": gettext_lazy("As the pre measure: %(instrument)s on %(day)s, score %(score)s (%(band)s)"),
    "post": gettext_lazy("As the post measure: %(instrument)s on %(day)s, score %(score)s (%(band)s)"),
}


class FromAssessmentForm(ServiceForm):
    choice = forms.ChoiceField(label=gettext_lazy("Assessment to use"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, candidates: list[Candidate] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = {f"{c.phase}:{c.assessment.pk}": c for c in candidates}
        self.fields["choice"].choices = [
            (
                key,
                _CANDIDATE[c.phase]
                % {
                    "instrument": c.assessment.name,
                    "day": f"{c.assessment.administered_on:%Y-%m-%d}",
                    "score": c.assessment.total_score,
                    "band": c.assessment.severity_band,
                },
            )
            for key, c in self.candidates.items()
        ]

    def candidate(self) -> Candidate:
        return self.candidates[self.cleaned_data["choice"]]
