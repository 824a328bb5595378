"""Forms of crisis work: parse and check input; the services do the writes."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import User
from tapestry.micro.crisis.models import EmergencyContact, RiskLevel, RiskType, SafetyPlan
from tapestry.micro.crisis.services import EmergencyContactInput, FindingInput
from tapestry.web.forms import FieldSetup, ServiceForm
from tapestry.web.ids import renamed

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
LEVEL_CHOICES = [("", gettext_lazy("Choose a level")), *RiskLevel.choices]


def _text(
    label: Any = None, help_text: Any = "", *, required: bool = False, rows: int = 3
) -> forms.CharField:
    """A few lines of free text."""
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


def _now_local() -> datetime:
    return timezone.localtime().replace(second=0, microsecond=0)


class RiskRow:
    """One kind of risk as the form shows it: a level and the factors behind it."""

    def __init__(self, label: str, level: forms.BoundField, factors: forms.BoundField) -> None:
        self.label, self.level, self.factors = label, level, factors


class RiskAssessmentForm(ServiceForm):
    assessed_at = forms.DateTimeField(
        label=gettext_lazy("Assessed at"),
        widget=DATETIME_INPUT,
        help_text=gettext_lazy("When you spoke with the client."),
    )
    protective_factors = _text(
        help_text=gettext_lazy("What keeps the client safe: people, reasons, plans, treatment, faith.")
    )
    immediate_actions = _text(
        gettext_lazy("Immediate actions taken"), gettext_lazy("Required at high or imminent risk.")
    )
    from_assessment = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("assessed_at", _now_local())
        for value, label in RiskType.choices:
            self.fields[f"{value}_level"] = forms.ChoiceField(
                label=gettext("%(risk)s: level") % {"risk": label}, choices=LEVEL_CHOICES
            )
            self.fields[f"{value}_factors"] = _text(
                gettext("%(risk)s: risk factors") % {"risk": label},
                gettext("Required from moderate up."),
                rows=2,
            )

    @property
    def risk_rows(self) -> list[RiskRow]:
        return [
            RiskRow(label, self[f"{value}_level"], self[f"{value}_factors"])
            for value, label in RiskType.choices
        ]

    def findings(self) -> list[FindingInput]:
        data = self.cleaned_data
        return [
            FindingInput(value, data[f"{value}_level"], data[f"{value}_factors"]) for value in RiskType.values
        ]

    def show_service_errors(self, error: ValidationError) -> None:
        # The service names a risk by its place in the list it was given (risks.N.field).
        if hasattr(error, "error_dict"):
            by_field: dict[str, Any] = {}
            for name, messages in error.error_dict.items():
                match = re.fullmatch(r"risks\.(\d+)\.(\w+)", name)
                if match:
                    name = f"{RiskType.values[int(match[1])]}_{match[2]}"
                by_field.setdefault(name, []).extend(messages)
            error = ValidationError(by_field)
        super().show_service_errors(error)


class EmergencyContactForm(forms.Form):
    service = forms.ChoiceField(
        label=gettext_lazy("Emergency service"),
        required=False,
        choices=[("", gettext_lazy("None")), *EmergencyContact.Service.choices],
    )
    contacted_at = forms.DateTimeField(
        label=gettext_lazy("Contacted at"), required=False, widget=DATETIME_INPUT
    )
    reference = forms.CharField(
        label=gettext_lazy("Reference"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("Incident or call number given."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("service") and not data.get("contacted_at"):
            self.add_error("contacted_at", gettext("Say when you contacted them."))
        if not data.get("service") and (data.get("contacted_at") or data.get("reference")):
            self.add_error("service", gettext("Say which service you contacted."))
        return data

    def contact(self) -> EmergencyContactInput | None:
        data = self.cleaned_data
        if not data.get("service"):
            return None
        return EmergencyContactInput(data["service"], data["contacted_at"], data["reference"])


EmergencyContactFormSet = forms.formset_factory(EmergencyContactForm, extra=2, max_num=5)


class FollowUpForm(FieldSetup, ServiceForm):
    DUE_CHOICES = [
        ("4", gettext_lazy("Within 4 hours")),
        ("24", gettext_lazy("Within 24 hours")),
        ("72", gettext_lazy("Within 72 hours")),
        ("custom", gettext_lazy("At a time I choose")),
    ]

    title = forms.CharField(
        max_length=200, help_text=gettext_lazy("What must happen, e.g. “Call back to check on safety”.")
    )
    details = _text()
    due_within = forms.ChoiceField(label=gettext_lazy("Deadline"), choices=DUE_CHOICES, initial="24")
    due_at = forms.DateTimeField(
        label=gettext_lazy("Due at"),
        required=False,
        widget=DATETIME_INPUT,
        help_text=gettext_lazy("Only for “At a time I choose”."),
    )
    owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        help_text=gettext_lazy("If they miss the deadline, their supervisor is told."),
    )

    choices_from = {"owner": "owners"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("due_within") == "custom" and not data.get("due_at"):
            self.add_error("due_at", gettext("Choose the date and time it is due."))
        return data

    def deadline(self) -> datetime:
        data = self.cleaned_data
        if data["due_within"] == "custom":
            return data["due_at"]
        return timezone.now() + timedelta(hours=int(data["due_within"]))

    def show_service_errors(self, error: ValidationError) -> None:
        super().show_service_errors(renamed(error, {"owner_id": "owner"}))


class FollowUpCompleteForm(ServiceForm):
    outcome = _text(help_text=gettext_lazy("What happened: who you reached, what was agreed."), required=True)


ONE_PER_LINE = gettext_lazy("One per line.")
CONTACT_LINE = re.compile(r"^(?P<name>.+?)\s*:\s*(?P<phone>[^:]*)$")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _contacts(text: str, *, phone_required: bool) -> list[dict[str, str]]:
    contacts, problems = [], []
    for number, line in enumerate(_lines(text), start=1):
        match = CONTACT_LINE.match(line)
        name, phone = (match["name"].strip(), match["phone"].strip()) if match else (line, "")
        if phone_required and not re.search(r"\d{3}", phone):
            problems.append(
                gettext("Line %(number)s (“%(line)s”) needs a phone number after a colon.")
                % {"number": number, "line": line}
            )
        contacts.append({"name": name, "phone": phone})
    if problems:
        raise ValidationError(problems)
    return contacts


def _contact_text(contacts: list[dict[str, str]]) -> str:
    return "\n".join(f"{c['name']}: {c['phone']}" if c.get("phone") else c["name"] for c in contacts)


class SafetyPlanForm(ServiceForm):
    """The plan's seven steps; each is a few short lines, in the client's own words."""

    warning_signs = _text(
        gettext_lazy("1. Warning signs that a crisis may be coming"),
        gettext_lazy("Thoughts, images, moods, situations or behaviours. One per line."),
        required=True,
    )
    internal_coping = _text(
        gettext_lazy("2. Things I can do on my own to take my mind off my problems"), ONE_PER_LINE
    )
    social_distractions = _text(
        gettext_lazy("3. People and places that help me feel better or take my mind off things"), ONE_PER_LINE
    )
    help_contacts = _text(
        gettext_lazy("4. People I can ask for help"),
        gettext_lazy("One per line: name, a colon, then the phone number (“Ana, my sister: 555-0142”)."),
    )
    professional_contacts = _text(
        gettext_lazy("5. Professionals and agencies I can call in a crisis"),
        gettext_lazy("One per line with the phone number after a colon (“Crisis line: 988”)."),
        required=True,
    )
    means_safety = _text(
        gettext_lazy("6. Making my surroundings safer"),
        gettext_lazy("What will be removed, locked away or held by someone else. One per line."),
    )
    reasons_for_living = _text(
        gettext_lazy("7. What matters most to me and is worth living for"), ONE_PER_LINE
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, plan: SafetyPlan | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if plan is not None and not self.is_bound:
            for name in SafetyPlan.LIST_SECTIONS:
                self.initial[name] = "\n".join(getattr(plan, name))
            for name in SafetyPlan.CONTACT_SECTIONS:
                self.initial[name] = _contact_text(getattr(plan, name))
            self.initial["version"] = plan.version

    def clean_help_contacts(self) -> list[dict[str, str]]:
        return _contacts(self.cleaned_data["help_contacts"], phone_required=False)

    def clean_professional_contacts(self) -> list[dict[str, str]]:
        return _contacts(self.cleaned_data["professional_contacts"], phone_required=True)

    def sections(self) -> dict[str, Any]:
        data = self.cleaned_data
        sections: dict[str, Any] = {name: _lines(data[name]) for name in SafetyPlan.LIST_SECTIONS}
        sections.update({name: data[name] for name in SafetyPlan.CONTACT_SECTIONS})
        return sections
