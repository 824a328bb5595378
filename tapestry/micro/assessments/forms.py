"""Forms: giving an assessment (one radio group per item) and the custom-form editor."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.assessments.instruments import Instrument
from tapestry.micro.assessments.models import CustomForm
from tapestry.micro.assessments.services import NOTE_MAX, BandSpec, QuestionSpec
from tapestry.web.forms import DATE_INPUT, ServiceForm, ServiceModelForm


def as_written(text: str) -> str:
    """An instrument's own English text on a page in another language: marked as English (for screen
    readers) and as not to be translated (for browser translators): a validated instrument's wording
    is changed only by its official translation."""
    if translation.get_language() in (None, "en"):
        return text
    return format_html('<span lang="en" translate="no">{}</span>', text)


class AssessmentForm(ServiceForm):
    """The instrument's items as radio groups; a missing answer is reported beside its item."""

    administered_on = forms.DateField(
        label=gettext_lazy("Date given"), widget=DATE_INPUT, initial=timezone.localdate
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Optional: anything that helps read the result (how the person was, who helped)."
        ),
    )

    def __init__(self, definition: Instrument, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.definition = definition
        for item in definition.items:
            # Required-ness depends on other answers (skip logic), so the instrument checks it in clean().
            # In Spanish the PHQ and GAD items and answers are the official Spanish version (their catalog
            # entries, instruments.py); the other instruments keep their English items and answers.
            official = definition.official_spanish
            shown = gettext if official else as_written
            self.fields[item.code] = forms.ChoiceField(
                label=shown(item.text),
                choices=[(choice.value, shown(choice.label)) for choice in item.choices],
                widget=forms.RadioSelect,
                required=False,
                help_text=gettext(item.help) if item.help else "",
            )
        self.order_fields([item.code for item in definition.items] + ["administered_on", "note"])

    @property
    def item_fields(self) -> list[forms.BoundField]:
        return [self[item.code] for item in self.definition.items]

    @property
    def other_fields(self) -> list[forms.BoundField]:
        return [self["administered_on"], self["note"]]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        answers = {item.code: cleaned.get(item.code) or "" for item in self.definition.items}
        for code, messages in self.definition.check(answers).items():
            if code in self.fields and code not in self.errors:
                self.add_error(code, messages)
        cleaned["answers"] = {code: value for code, value in answers.items() if value}
        return cleaned


class CustomFormCreateForm(ServiceModelForm):
    class Meta:
        model = CustomForm
        fields = ["name", "description", "instructions", "flag_at"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "instructions": forms.Textarea(attrs={"rows": 2}),
        }


class CustomFormSettingsForm(CustomFormCreateForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta(CustomFormCreateForm.Meta):
        fields = [*CustomFormCreateForm.Meta.fields, "is_active"]


def parse_choices(text: str) -> list[tuple[str, int]]:
    """'Label = points' per line, e.g. 'Never = 0'; a line without '=' scores 0."""
    choices: list[tuple[str, int]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        label, sep, points = line.rpartition("=")
        if not sep:
            label, points = line, "0"
        try:
            choices.append((label.strip(), int(points.strip())))
        except ValueError:
            problems.append(
                gettext("Line %(number)s: the points after '=' must be a whole number, like 'Never = 0'.")
                % {"number": number}
            )
    if problems:
        raise ValidationError(problems)
    return choices


class QuestionForm(ServiceForm):
    text = forms.CharField(label=gettext_lazy("Question"), max_length=300)
    help = forms.CharField(label=gettext_lazy("Help for the worker"), max_length=255, required=False)
    choices = forms.CharField(
        label=gettext_lazy("Answer choices"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("One per line, with its points after '=', for example 'Never = 0'."),
    )

    def clean_choices(self) -> list[tuple[str, int]]:
        choices = parse_choices(self.cleaned_data["choices"])
        if len(choices) < 2:
            raise ValidationError(gettext("Give at least two answer choices."))
        return choices

    def spec(self) -> QuestionSpec:
        data = self.cleaned_data
        return QuestionSpec(text=data["text"], help=data["help"], choices=data["choices"])


class ChoiceForm(ServiceForm):
    label = forms.CharField(label=gettext_lazy("New answer choice"), max_length=200)
    points = forms.IntegerField(label=gettext_lazy("Points"), initial=0, min_value=-100, max_value=100)


class BandForm(ServiceForm):
    low = forms.IntegerField(label=gettext_lazy("From score"))
    high = forms.IntegerField(label=gettext_lazy("To score"))
    label = forms.CharField(
        label=gettext_lazy("Band"),
        max_length=80,
        help_text=gettext_lazy("For example 'Low', 'Moderate', 'High'."),
    )
    next_step = forms.CharField(label=gettext_lazy("Proposed next step"), max_length=300, required=False)

    def spec(self) -> BandSpec:
        data = self.cleaned_data
        return BandSpec(low=data["low"], high=data["high"], label=data["label"], next_step=data["next_step"])


class InErrorForm(ServiceForm):
    reason = forms.CharField(
        label=gettext_lazy("Why was this assessment entered in error?"),
        max_length=255,
        help_text=gettext_lazy("For example: given to the wrong person, or answers typed in wrongly."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
