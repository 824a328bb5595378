"""Forms for child-welfare work; they parse input, the services decide and write."""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from tapestry.access.models import User
from tapestry.micro.child_welfare import services
from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    Investigation,
    InvestigationContact,
    PermanencyGoal,
    Placement,
    Report,
    ReportParticipant,
    SafetyAssessment,
    SafetyPlan,
    SafetyPlanAction,
    TerminationReview,
)
from tapestry.people.forms import PersonChoiceField
from tapestry.people.models import Person
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, ServiceModelForm, VersionedForm

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT = forms.Textarea(attrs={"rows": 3})


def _service_input(form: forms.BaseForm, kind: type, **renamed: str) -> Any:
    """The service's input record `kind` (a dataclass) from the form's fields of the same names;
    `renamed` maps a field of the record to the form field that holds it."""
    data = form.cleaned_data
    return kind(
        **{field.name: data[renamed.get(field.name, field.name)] for field in dataclasses.fields(kind)}
    )


class NestedErrors:
    """Shows a service's errors about a nested item (e.g. 'allegations.0.child') beside this form's field."""

    nested_prefix = ""
    nested_renames: dict[str, str] = {}

    def show_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict") and self.nested_prefix:
            renamed: dict[str, list] = {}
            for name, messages in error.error_dict.items():
                if name.startswith(self.nested_prefix):
                    name = name.removeprefix(self.nested_prefix)
                    name = self.nested_renames.get(name, name)
                renamed.setdefault(name, []).extend(messages)
            error = ValidationError(renamed)
        super().show_service_errors(error)


# Reports -------------------------------------------------------------------------------------------


class ReportForm(NestedErrors, FieldSetup, ServiceModelForm):
    """A report and its first allegation; more allegations and people are added on the report's page."""

    nested_prefix = "allegations.0."
    nested_renames = {"description": "allegation_description"}
    choices_from = {"child": "persons", "alleged_perpetrator": "persons", "parents": "persons"}

    child = PersonChoiceField(
        queryset=Person.objects.none(),
        help_text=gettext_lazy(
            "The child the report is about. Register the child first if they are not on record."
        ),
    )
    maltreatment = forms.ChoiceField(
        label=gettext_lazy("Alleged maltreatment"), choices=Allegation.Maltreatment.choices
    )
    alleged_perpetrator = PersonChoiceField(
        queryset=Person.objects.none(), required=False, help_text=gettext_lazy("Leave empty if not known.")
    )
    allegation_description = forms.CharField(
        label=gettext_lazy("What is alleged"),
        widget=TEXT,
        help_text=gettext_lazy("What is alleged to have happened to this child, when and where."),
    )
    parents = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Parents or caregivers involved"),
        queryset=Person.objects.none(),
        required=False,
        help_text=gettext_lazy("Hold Ctrl (or Cmd) to choose more than one."),
    )

    class Meta:
        model = Report
        fields = [
            "received_at",
            "received_via",
            "reporter_type",
            "reporter_name",
            "reporter_relationship",
            "reporter_contact",
            "reporter_confidential",
            "concerns",
            "response_priority",
        ]
        widgets = {"received_at": DATETIME_INPUT, "concerns": forms.Textarea(attrs={"rows": 5})}
        labels = {
            "reporter_type": gettext_lazy("Who reported"),
            "response_priority": gettext_lazy("Response priority"),
        }
        help_texts = {"reporter_name": gettext_lazy("Leave empty for an anonymous reporter.")}

    def __init__(self, *args: Any, child: Person | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if child is not None and not self.is_bound:
            self.initial["child"] = child.pk

    def report(self) -> dict[str, Any]:
        """The service's arguments: the report's fields, the first allegation and the parents named."""
        return {
            **{name: self.cleaned_data[name] for name in self.Meta.fields},
            "allegations": [self.allegation()],
            "participants": self.participants(),
        }

    def allegation(self) -> services.AllegationInput:
        return _service_input(self, services.AllegationInput, description="allegation_description")

    def participants(self) -> list[services.ParticipantInput]:
        return [
            services.ParticipantInput(person=person, role=ReportParticipant.Role.PARENT)
            for person in self.cleaned_data["parents"]
            if person != self.cleaned_data["child"]
        ]


class ScreeningForm(FieldSetup, VersionedForm):
    choices_from = {"referred_to": "organisations"}
    screening = forms.ChoiceField(
        label=gettext_lazy("Screening decision"),
        choices=[c for c in Report.Screening.choices if c[0] != Report.Screening.AWAITING],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Report
        fields = ["screening", "screening_reason", "referred_to", "response_priority"]
        widgets = {"screening_reason": TEXT}
        labels = {"screening_reason": gettext_lazy("Reason"), "referred_to": gettext_lazy("Referred to")}
        help_texts = {
            "screening_reason": gettext_lazy("Needed when the report is screened out or referred elsewhere."),
            "referred_to": gettext_lazy("Needed when the report is referred elsewhere."),
            "response_priority": gettext_lazy("How soon the investigation must make first contact."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["screening"] = ""


class AllegationForm(FieldSetup, ServiceModelForm):
    choices_from = {"child": "persons", "alleged_perpetrator": "persons"}

    class Meta:
        model = Allegation
        fields = ["child", "maltreatment", "alleged_perpetrator", "description"]
        field_classes = {"child": PersonChoiceField, "alleged_perpetrator": PersonChoiceField}
        widgets = {"description": TEXT}

    def allegation(self) -> services.AllegationInput:
        return services.AllegationInput(**self.cleaned_data)


class ParticipantForm(FieldSetup, ServiceModelForm):
    choices_from = {"person": "persons"}

    class Meta:
        model = ReportParticipant
        fields = ["person", "role", "note"]
        field_classes = {"person": PersonChoiceField}


# Investigation ---------------------------------------------------------------------------------------


class InvestigationStartForm(FieldSetup, ServiceModelForm):
    choices_from = {"worker": "workers"}

    class Meta:
        model = Investigation
        fields = ["worker", "started_on"]
        widgets = {"started_on": DATE_INPUT}
        labels = {"worker": gettext_lazy("Investigating worker")}
        help_texts = {"worker": gettext_lazy("Staff granted the child-welfare segment.")}

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["worker"] = actor.pk


class ContactForm(FieldSetup, ServiceModelForm):
    choices_from = {"person": "persons"}

    class Meta:
        model = InvestigationContact
        fields = ["contacted_at", "person", "collateral_name", "method", "summary"]
        field_classes = {"person": PersonChoiceField}
        widgets = {"contacted_at": DATETIME_INPUT, "summary": forms.Textarea(attrs={"rows": 4})}
        labels = {"contacted_at": gettext_lazy("When"), "person": gettext_lazy("Person contacted")}


class FindingForm(VersionedForm):
    finding = forms.ChoiceField(choices=Allegation.Finding.choices[1:], widget=forms.RadioSelect)

    class Meta:
        model = Allegation
        fields = ["finding", "finding_note", "found_on"]
        widgets = {"finding_note": TEXT, "found_on": DATE_INPUT}
        labels = {"found_on": gettext_lazy("Date of the finding")}


class InvestigationCloseForm(FieldSetup, VersionedForm):
    required_fields = ("closed_on", "conclusion")

    class Meta:
        model = Investigation
        fields = ["closed_on", "conclusion"]
        widgets = {"closed_on": DATE_INPUT, "conclusion": forms.Textarea(attrs={"rows": 4})}
        labels = {"closed_on": gettext_lazy("Closed on")}


# Safety --------------------------------------------------------------------------------------------


class SafetyAssessmentForm(FieldSetup, ServiceModelForm):
    choices_from = {"report": "reports"}
    threats = forms.MultipleChoiceField(
        label=gettext_lazy("Safety threats identified"),
        choices=SafetyAssessment.Threat.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Leave all unticked if no threat was found; the child is then safe."),
    )

    class Meta:
        model = SafetyAssessment
        fields = ["assessed_on", "report", "threats", "threats_note", "protective_capacities", "decision"]
        widgets = {
            "assessed_on": DATE_INPUT,
            "threats_note": TEXT,
            "protective_capacities": forms.Textarea(attrs={"rows": 4}),
            "decision": forms.RadioSelect,
        }
        labels = {"report": gettext_lazy("After report")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = SafetyAssessment.Decision.choices


class PlanActionForm(FieldSetup, ServiceModelForm):
    choices_from = {"responsible_person": "persons"}

    class Meta:
        model = SafetyPlanAction
        fields = ["action", "responsible_person", "responsible_name", "when"]
        field_classes = {"responsible_person": PersonChoiceField}
        labels = {"responsible_person": gettext_lazy("Responsible person")}

    def plan_action(self) -> services.PlanActionInput:
        return services.PlanActionInput(**self.cleaned_data)


class SafetyPlanForm(NestedErrors, FieldSetup, ServiceForm):
    """A safety plan and its first action; more actions are added on the assessment's page."""

    nested_prefix = "actions.0."
    choices_from = {"responsible_person": "persons"}

    monitoring = forms.CharField(widget=TEXT, help_text=SafetyPlan._meta.get_field("monitoring").help_text)
    review_on = forms.DateField(label=gettext_lazy("Review the plan on"), widget=DATE_INPUT)
    action = forms.CharField(label=gettext_lazy("First action"), max_length=255)
    responsible_person = PersonChoiceField(
        label=gettext_lazy("Responsible person"), queryset=Person.objects.none(), required=False
    )
    responsible_name = forms.CharField(
        label=gettext_lazy("Or someone not on record"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("For example: 'Health visitor', 'Neighbour (Mrs Patel)'."),
    )
    when = forms.CharField(
        max_length=150, required=False, help_text=gettext_lazy("For example: 'every evening'.")
    )

    def plan_action(self) -> services.PlanActionInput:
        return _service_input(self, services.PlanActionInput)


class SafetyPlanEditForm(VersionedForm):
    class Meta:
        model = SafetyPlan
        fields = ["monitoring", "review_on"]
        widgets = {"monitoring": TEXT, "review_on": DATE_INPUT}


# Placements and hearings --------------------------------------------------------------------------


class PlacementForm(FieldSetup, ServiceModelForm):
    choices_from = {"child": "children", "carer_person": "persons", "carer_organisation": "organisations"}
    end_current = forms.BooleanField(
        label=gettext_lazy("End the current placement on this start date"),
        required=False,
        help_text=gettext_lazy(
            "A child has one placement at a time: tick this when the child moves from one to the next."
        ),
    )
    change_reason = forms.CharField(
        label=gettext_lazy("Why the current placement ends"), widget=TEXT, required=False
    )

    class Meta:
        model = Placement
        fields = [
            "child",
            "placement_type",
            "carer_person",
            "carer_organisation",
            "started_on",
            "reason",
            "legal_authority",
            "authority_on",
            "authority_reference",
        ]
        field_classes = {"child": PersonChoiceField, "carer_person": PersonChoiceField}
        widgets = {"started_on": DATE_INPUT, "reason": TEXT, "authority_on": DATE_INPUT}
        labels = {"placement_type": gettext_lazy("Type of placement")}
        help_texts = {
            "carer_person": gettext_lazy("The foster carer, relative or adoptive parent, if on record.")
        }

    def _get_validation_exclusions(self) -> set[str]:
        # The one-open-placement rule is the service's: it can also end the current placement.
        return {*super()._get_validation_exclusions(), "child"}


class PlacementEndForm(FieldSetup, VersionedForm):
    required_fields = ("ended_on", "end_reason")

    class Meta:
        model = Placement
        fields = ["ended_on", "end_reason"]
        widgets = {"ended_on": DATE_INPUT, "end_reason": TEXT}
        labels = {"ended_on": gettext_lazy("Ended on"), "end_reason": gettext_lazy("Why it ended")}


class HearingForm(FieldSetup, ServiceModelForm):
    choices_from = {"court": "courts", "child": "children"}

    class Meta:
        model = Hearing
        fields = ["court", "hearing_type", "scheduled_at", "child"]
        field_classes = {"child": PersonChoiceField}
        widgets = {"scheduled_at": DATETIME_INPUT}
        labels = {"hearing_type": gettext_lazy("Type of hearing")}


class HearingOutcomeForm(FieldSetup, VersionedForm):
    required_fields = ("outcome",)

    class Meta:
        model = Hearing
        fields = ["outcome", "next_hearing_on"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 4}), "next_hearing_on": DATE_INPUT}
        labels = {"outcome": gettext_lazy("What the court decided")}


# Permanency -----------------------------------------------------------------------------------------


class PermanencyGoalForm(FieldSetup, ServiceModelForm):
    choices_from = {"child": "children"}

    class Meta:
        model = PermanencyGoal
        fields = ["child", "goal", "concurrent_goal", "set_on", "reason"]
        field_classes = {"child": PersonChoiceField}
        widgets = {"set_on": DATE_INPUT, "reason": TEXT}


class TerminationReviewForm(FieldSetup, ServiceModelForm):
    choices_from = {"child": "children"}

    class Meta:
        model = TerminationReview
        fields = ["child", "decision", "decided_on", "explanation"]
        field_classes = {"child": PersonChoiceField}
        widgets = {"decided_on": DATE_INPUT, "explanation": TEXT, "decision": forms.RadioSelect}
        labels = {"decision": gettext_lazy("What the agency did"), "decided_on": gettext_lazy("Date")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = TerminationReview.Decision.choices
