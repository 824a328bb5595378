"""Forms of the community needs assessment: assessment, survey, question (with its skip rule), asset,
and the indicator CSV upload. Responses are read straight from the POST by question (see views)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from tapestry.macro.community.models import Asset, Question
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class AssessmentForm(FieldSetup, ServiceForm):
    title = forms.CharField(max_length=150)
    area = forms.ModelChoiceField(
        queryset=None, help_text=gettext_lazy("The areas inside it are part of the assessment.")
    )
    purpose = forms.CharField(required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = forms.DateField(required=False, widget=DATE_INPUT)
    ends_on = forms.DateField(required=False, widget=DATE_INPUT)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"area": "areas"}

    def changes(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in ("title", "area", "purpose", "starts_on", "ends_on")
        }


class SurveyForm(ServiceForm):
    title = forms.CharField(max_length=150)
    introduction = forms.CharField(
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "What respondents read first: who asks, why, and that they need not give their name."
        ),
    )


class QuestionForm(FieldSetup, ServiceForm):
    text = forms.CharField(label=gettext_lazy("Question"), max_length=300)
    kind = forms.ChoiceField(choices=Question.Kind.choices)
    required = forms.BooleanField(required=False, help_text=gettext_lazy("Only when the question is shown."))
    choices = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("For a choice question: one choice per line."),
    )
    scale_min = forms.IntegerField(
        required=False, label=gettext_lazy("Scale from"), min_value=-100, max_value=100
    )
    scale_max = forms.IntegerField(
        required=False, label=gettext_lazy("Scale to"), min_value=-100, max_value=100
    )
    min_label = forms.CharField(
        required=False, max_length=60, label=gettext_lazy("Label of the lowest point")
    )
    max_label = forms.CharField(
        required=False, max_length=60, label=gettext_lazy("Label of the highest point")
    )
    show_if = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("Show only if the answer to"),
        help_text=gettext_lazy("An earlier choice or scale question; leave empty to always show this one."),
    )
    show_values = forms.CharField(
        required=False,
        label=gettext_lazy("is one of"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("The earlier question's answers that show this one, one per line."),
    )

    choices_from = {"show_if": "earlier"}

    def clean_choices(self) -> list[str]:
        return _lines(self.cleaned_data["choices"])

    def clean_show_values(self) -> list[str]:
        return _lines(self.cleaned_data["show_values"])

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class AssetForm(FieldSetup, ServiceForm):
    kind = forms.ChoiceField(choices=Asset.Kind.choices)
    name = forms.CharField(max_length=150)
    description = forms.CharField(required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    area = forms.ModelChoiceField(queryset=None, required=False, help_text=gettext_lazy("Where, if known."))
    service = forms.ModelChoiceField(queryset=None, required=False, label=gettext_lazy("Directory service"))
    organisation = forms.ModelChoiceField(queryset=None, required=False)

    choices_from = {"area": "areas", "service": "services", "organisation": "organisations"}

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class IndicatorImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Indicator data (CSV)"),
        help_text=gettext_lazy("Columns: area_code, indicator, period, value, margin_of_error, source."),
    )

    # A region's indicators are a few thousand rows; the file part of a form is outside the request-size limit.
    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(gettext("The file is over 5 MB; split it into smaller files."))
        return upload
