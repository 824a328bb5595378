"""Forms of mediation: a dispute, a party, a session, an issue, an agreement and its follow-up."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import User
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, Party
from tapestry.people.forms import PersonChoiceField
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, StaffMultipleChoiceField


class DisputeForm(ServiceForm):
    title = forms.CharField(
        max_length=150, help_text=gettext_lazy("A short name the mediators will recognise.")
    )
    kind = forms.ChoiceField(choices=Dispute.Kind.choices)
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What the dispute is about: no more than the mediators need to know."),
    )
    opened_on = forms.DateField(
        widget=DATE_INPUT, initial=timezone.localdate, label=gettext_lazy("Opened on")
    )
    mediators = StaffMultipleChoiceField(
        with_role=True,
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Mediators"),
        help_text=gettext_lazy(
            "Staff who run groups and mediations. Include yourself or someone you supervise."
        ),
    )

    def __init__(self, *args: Any, mediators: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["mediators"]
        # Any active staff member is accepted, so naming one who may not mediate gets the service's
        # plain message; only those who may are offered.
        field.queryset = User.objects.filter(is_active=True)
        field.widget.choices = [(user.pk, field.label_from_instance(user)) for user in mediators]


class DisputeEditForm(DisputeForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class DisputeCloseForm(ServiceForm):
    status = forms.ChoiceField(
        label=gettext_lazy("How it ended"),
        choices=[(value, label) for value, label in Dispute.Status.choices if value in Dispute.CLOSED],
    )
    closed_on = forms.DateField(
        label=gettext_lazy("Closed on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    close_reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Why the dispute is closing."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PartyForm(FieldSetup, ServiceForm):
    person = PersonChoiceField(
        queryset=None,
        required=False,
        help_text=gettext_lazy(
            "A person you may open (your caseload or team). Leave empty for an organisation."
        ),
    )
    organisation = forms.ModelChoiceField(
        queryset=None, required=False, help_text=gettext_lazy("Or an organisation.")
    )
    role = forms.ChoiceField(choices=Party.Role.choices, initial=Party.Role.PARTY)

    choices_from = {"person": "persons", "organisation": "organisations"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("organisation")):
            self.add_error("person", gettext("Choose a person or an organisation: exactly one of the two."))
        return data


class SessionForm(FieldSetup, ServiceForm):
    held_on = forms.DateField(label=gettext_lazy("Held on"), widget=DATE_INPUT, initial=timezone.localdate)
    present = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Present"),
        queryset=Party.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    next_steps = forms.CharField(
        label=gettext_lazy("Next steps"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    choices_from = {"present": "parties"}


class IssueForm(ServiceForm):
    description = forms.CharField(
        max_length=500, help_text=gettext_lazy("One matter in dispute, in neutral words.")
    )


class IssueStatusForm(ServiceForm):
    status = forms.ChoiceField(choices=Issue.Status.choices)


class AgreementForm(FieldSetup, ServiceForm):
    terms = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), help_text=gettext_lazy("What each party agreed to do.")
    )
    reached_on = forms.DateField(
        label=gettext_lazy("Reached on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    issues = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Issues it settles"),
        queryset=Issue.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("They are marked resolved."),
    )
    follow_up_on = forms.DateField(
        label=gettext_lazy("Follow up on"),
        widget=DATE_INPUT,
        required=False,
        help_text=gettext_lazy("When to check the agreement held."),
    )

    choices_from = {"issues": "issues"}


class FollowUpForm(ServiceForm):
    follow_up_status = forms.ChoiceField(
        label=gettext_lazy("Was it kept?"), choices=Agreement.FollowUp.choices
    )
    follow_up_note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Needed when not kept."),
    )
    follow_up_on = forms.DateField(label=gettext_lazy("Follow up on"), widget=DATE_INPUT, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
