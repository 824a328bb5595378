"""Forms for grants: they parse what an officer types, the services check and write it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from tapestry.macro.grants import selectors
from tapestry.macro.grants.models import (
    Application,
    Award,
    AwardProgram,
    Deliverable,
    Funder,
    FunderReport,
    Opportunity,
    ProposalVersion,
    ReportingDeadline,
    Stage,
)
from tapestry.macro.grants.services import (
    APPLICATION_FIELDS,
    AWARD_FIELDS,
    DELIVERABLE_FIELDS,
    FUNDER_FIELDS,
    FUNDER_REPORT_FIELDS,
    OPPORTUNITY_FIELDS,
    REPORT_FIELDS,
)
from tapestry.web.forms import DATE_INPUT, ParsingForm, ServiceForm, StaffChoiceField, VersionedForm

TEXT = forms.Textarea(attrs={"rows": 3})
LONG_TEXT = forms.Textarea(attrs={"rows": 8})


class _GrantForm(ParsingForm):
    """A form that hands the service exactly the fields it edits (the service validates the record)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lead", "owner"):
            if name in self.fields:
                self.fields[name] = StaffChoiceField(
                    queryset=selectors.staff_choices(), required=False, label=self.fields[name].label
                )

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class FunderForm(_GrantForm):
    class Meta:
        model = Funder
        fields = ("organisation", *FUNDER_FIELDS, "focus_needs")
        labels = {
            "kind": gettext_lazy("Kind of funder"),
            "focus_needs": gettext_lazy("Needs it funds"),
            "contact": gettext_lazy("Our contact there"),
        }
        help_texts = {
            "organisation": gettext_lazy(
                "Add the organisation under Organisations first if it is not listed."
            ),
            "focus": gettext_lazy("What they say they fund, e.g. “family stability in Demo County”."),
        }
        widgets = {"focus": TEXT, "notes": TEXT, "focus_needs": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = selectors.organisations_without_funder()
        self.fields["contact"].queryset = selectors.contacts()
        self.fields["focus_needs"].queryset = selectors.needs()


class FunderEditForm(VersionedForm, FunderForm):
    class Meta(FunderForm.Meta):
        fields = (*FUNDER_FIELDS, "focus_needs")


class OpportunityForm(_GrantForm):
    class Meta:
        model = Opportunity
        fields = (*OPPORTUNITY_FIELDS, "programs", "needs")
        labels = {
            "programs": gettext_lazy("Programs it would fund"),
            "needs": gettext_lazy("Needs it addresses"),
            "fit": gettext_lazy("Fit"),
        }
        help_texts = {
            "amount_min": gettext_lazy("For a fixed amount, give the same figure in both."),
            "deadline": gettext_lazy("When the application is due."),
        }
        widgets = {
            "deadline": DATE_INPUT,
            "fit_reason": TEXT,
            "eligibility": TEXT,
            "programs": forms.CheckboxSelectMultiple,
            "needs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = selectors.funders()
        self.fields["programs"].queryset = selectors.programs()
        self.fields["needs"].queryset = selectors.needs()


class OpportunityEditForm(VersionedForm, OpportunityForm):
    class Meta(OpportunityForm.Meta):
        pass


class ApplicationForm(_GrantForm):
    class Meta:
        model = Application
        fields = APPLICATION_FIELDS
        labels = {"lead": gettext_lazy("Who leads it")}
        help_texts = {"title": gettext_lazy("Leave empty to use the opportunity's title.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False


class ApplicationEditForm(VersionedForm, ApplicationForm):
    class Meta(ApplicationForm.Meta):
        pass


class MoveForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    stage = forms.ChoiceField(label=gettext_lazy("Move to"), choices=Stage.choices)
    on = forms.DateField(
        label=gettext_lazy("On"),
        widget=DATE_INPUT,
        required=False,
        help_text=gettext_lazy("Today if left empty."),
    )
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(s, Stage(s).label) for s in application.next_stages]
        if not self.is_bound:
            self.initial["version"] = application.version


class ProposalForm(_GrantForm):
    class Meta:
        model = ProposalVersion
        fields = (*ProposalVersion.SECTIONS, "change_note")
        widgets = {name: LONG_TEXT for name in ProposalVersion.SECTIONS}


class AwardForm(_GrantForm):
    class Meta:
        model = Award
        fields = AWARD_FIELDS
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT, "notes": TEXT}


class AwardEditForm(VersionedForm, AwardForm):
    class Meta(AwardForm.Meta):
        pass


class AllocationForm(_GrantForm):
    class Meta:
        model = AwardProgram
        fields = ("program", "amount")
        help_texts = {
            "amount": gettext_lazy("Leave empty if the funder does not split the award by program.")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = selectors.programs()


class DeliverableForm(_GrantForm):
    class Meta:
        model = Deliverable
        fields = DELIVERABLE_FIELDS
        widgets = {"due_on": DATE_INPUT, "done_on": DATE_INPUT}


class DeliverableEditForm(VersionedForm, DeliverableForm):
    class Meta(DeliverableForm.Meta):
        pass


class ReportForm(_GrantForm):
    class Meta:
        model = ReportingDeadline
        fields = REPORT_FIELDS
        widgets = {"due_on": DATE_INPUT, "submitted_on": DATE_INPUT}


class ReportEditForm(VersionedForm, ReportForm):
    class Meta(ReportForm.Meta):
        pass


class FunderReportForm(_GrantForm):
    """A funder report's period, the reporting deadline it answers, the indicators it gives and its narrative."""

    class Meta:
        model = FunderReport
        fields = (*FUNDER_REPORT_FIELDS, "indicators")
        labels = {"indicators": gettext_lazy("Indicators it reports")}
        help_texts = {
            "indicators": gettext_lazy(
                "Figures come from these evaluation indicators over the report's period; "
                "those of the programs the award funds are chosen to start with."
            ),
            "deadline": gettext_lazy("Submitting the report marks this deadline submitted."),
        }
        widgets = {
            "period_start": DATE_INPUT,
            "period_end": DATE_INPUT,
            "indicators": forms.CheckboxSelectMultiple,
            **{name: TEXT for name in FunderReport.SECTIONS},
        }

    def __init__(self, *args: Any, award: Award, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deadline"].queryset = selectors.deadline_choices(award)
        self.fields["indicators"].queryset = selectors.indicator_choices()
        self.fields["indicators"].label_from_instance = lambda row: (
            f"{row.name} ({row.program.name if row.program_id else gettext('whole agency')})"
        )


class FunderReportEditForm(VersionedForm, FunderReportForm):
    class Meta(FunderReportForm.Meta):
        pass


class SubmitReportForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    on = forms.DateField(
        label=gettext_lazy("Submitted on"),
        widget=DATE_INPUT,
        required=False,
        help_text=gettext_lazy("Today if left empty."),
    )

    def __init__(self, *args: Any, report: FunderReport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = report.version
