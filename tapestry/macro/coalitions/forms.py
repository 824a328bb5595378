"""Forms of coalitions: the coalition, a member, a goal, a meeting with its action items, an action item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import User
from tapestry.macro.coalitions.models import Coalition, Membership, SharedGoal
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, StaffChoiceField

TEXT = forms.Textarea(attrs={"rows": 3})
# A meeting form offers this many blank action-item rows.
ACTION_ROWS = 3


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return obj.organisation.name


class CoalitionForm(FieldSetup, ServiceForm):
    name = forms.CharField(max_length=200)
    purpose = forms.CharField(
        widget=TEXT, help_text=gettext_lazy("What the organisations came together to change.")
    )
    status = forms.ChoiceField(choices=Coalition.Status.choices, initial=Coalition.Status.ACTIVE)
    needs = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Needs it works on"),
        queryset=Need.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    our_lead = StaffChoiceField(label=gettext_lazy("Our lead"), queryset=User.objects.none(), required=False)
    formed_on = forms.DateField(
        label=gettext_lazy("Formed on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    ended_on = forms.DateField(label=gettext_lazy("Ended on"), widget=DATE_INPUT, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"needs": "needs", "our_lead": "staff"}

    def fields_sent(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name not in ("version", "needs")}


class MemberForm(FieldSetup, ServiceForm):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none())
    role = forms.ChoiceField(choices=Membership.Role.choices, initial=Membership.Role.MEMBER)
    commitments = forms.CharField(widget=TEXT, required=False, max_length=4000)
    joined_on = forms.DateField(
        label=gettext_lazy("Joined on"), widget=DATE_INPUT, initial=timezone.localdate
    )

    choices_from = {"organisation": "organisations"}


class GoalForm(ServiceForm):
    goal = forms.CharField(max_length=300, label=gettext_lazy("Shared goal"))
    target_date = forms.DateField(label=gettext_lazy("Target date"), widget=DATE_INPUT, required=False)


class GoalStatusForm(ServiceForm):
    status = forms.ChoiceField(choices=SharedGoal.Status.choices)


class MeetingForm(FieldSetup, ServiceForm):
    held_on = forms.DateField(label=gettext_lazy("Held on"), widget=DATE_INPUT, initial=timezone.localdate)
    place = forms.CharField(max_length=200, required=False)
    attending = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Members who came"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(widget=TEXT, required=False, max_length=8000)
    decisions = forms.CharField(
        widget=TEXT, required=False, max_length=8000, help_text=gettext_lazy("One decision a line.")
    )

    choices_from = {"attending": "members"}

    def __init__(self, *args: Any, members: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, members=members, **kwargs)
        self.fields["attending"].label_from_instance = lambda member: member.organisation.name
        for row in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{row}"] = forms.CharField(
                label=gettext("Action item %(row)s") % {"row": row}, max_length=300, required=False
            )
            self.fields[f"owner_{row}"] = MemberChoiceField(
                label=gettext("Owner of item %(row)s") % {"row": row}, queryset=members, required=False
            )
            self.fields[f"our_owner_{row}"] = StaffChoiceField(
                label=gettext("Our staff on item %(row)s") % {"row": row}, queryset=staff, required=False
            )
            self.fields[f"due_on_{row}"] = forms.DateField(
                label=gettext("Item %(row)s due on") % {"row": row}, widget=DATE_INPUT, required=False
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for row in range(1, ACTION_ROWS + 1):
            if data.get(f"action_{row}") and not data.get(f"due_on_{row}"):
                self.add_error(f"due_on_{row}", gettext("Say when this action item is due."))
        return data

    def meeting(self) -> dict[str, Any]:
        """The service's arguments: the meeting's fields and its filled action-item rows."""
        data = self.cleaned_data
        actions = [
            {
                "action": data[f"action_{row}"],
                "owner": data[f"owner_{row}"],
                "our_owner": data[f"our_owner_{row}"],
                "due_on": data[f"due_on_{row}"],
            }
            for row in range(1, ACTION_ROWS + 1)
            if data.get(f"action_{row}")
        ]
        fields = {name: data[name] for name in ("held_on", "place", "attending", "summary", "decisions")}
        return {**fields, "actions": actions}


class ActionForm(FieldSetup, ServiceForm):
    action = forms.CharField(max_length=300)
    owner = MemberChoiceField(
        label=gettext_lazy("Member organisation"), queryset=Membership.objects.none(), required=False
    )
    our_owner = StaffChoiceField(
        label=gettext_lazy("Our staff"), queryset=User.objects.none(), required=False
    )
    due_on = forms.DateField(label=gettext_lazy("Due on"), widget=DATE_INPUT)
    done_on = forms.DateField(label=gettext_lazy("Done on"), widget=DATE_INPUT, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"owner": "members", "our_owner": "staff"}

    def changes(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}
