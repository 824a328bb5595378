"""Forms for groups: the group's facts, enrolling a client, registering a community member, an exit.

Forms parse input; the services hold the rules. A service's ValidationError is shown beside the
field it names (`show_service_errors`), the rest at the top of the form.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import Segment, User
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.services import GROUP_FIELDS
from tapestry.needs.models import Need
from tapestry.web.forms import DATE_INPUT, FieldSetup, ParsingForm, ServiceForm, StaffMultipleChoiceField


class GroupForm(FieldSetup, ParsingForm):
    """A group's facts, facilitators and focus needs; `version` guards against overwriting another edit."""

    facilitators = StaffMultipleChoiceField(
        with_role=True,
        queryset=User.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=gettext_lazy(
            "Staff who run the group; their role must include running groups. Hold Ctrl or ⌘ to pick several."
        ),
    )
    focus_needs = forms.ModelMultipleChoiceField(
        queryset=Need.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        label=gettext_lazy("Focus needs"),
        help_text=gettext_lazy("The needs the group works on, from the agency's shared list."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Group
        fields = list(GROUP_FIELDS)
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "eligibility": forms.Textarea(attrs={"rows": 2}),
            "first_session_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        labels = {
            "first_session_on": gettext_lazy("First session"),
            "start_time": gettext_lazy("Starts at"),
            "duration_minutes": gettext_lazy("Length (minutes)"),
            "session_count": gettext_lazy("Number of sessions"),
            "ends_on": gettext_lazy("Last date"),
            "missed_sessions_alert": gettext_lazy(
                "Alert the caseworker after this many missed sessions in a row"
            ),
            "segment": gettext_lazy("Sensitive segment"),
        }
        help_texts = {
            "purpose": gettext_lazy("What the group is for, in a few lines members would recognise."),
            "area": gettext_lazy("The area it meets in (places): where it is found by area."),
            "eligibility": gettext_lazy("Who may join, e.g. 'Adults bereaved in the last two years'."),
            "segment": gettext_lazy(
                "A recovery group under 42 CFR Part 2 belongs to the substance-use segment."
            ),
            "session_count": gettext_lazy(
                "Leave empty for a group that runs on; or set a last date instead."
            ),
            "capacity": gettext_lazy("Places; when they are taken, new members go on the waiting list."),
        }

    choices_from = {
        "facilitators": "facilitators",
        "focus_needs": "needs",
        "program": "programs",
        "area": "areas",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].empty_label = gettext("No program")
        self.fields["area"].empty_label = gettext("No area")
        self.fields["segment"].choices = [("", gettext("None (general)")), *Segment.choices]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["facilitators"].initial = [u.pk for u in self.instance.facilitators.all()]
            self.fields["focus_needs"].initial = [n.pk for n in self.instance.focus_needs.all()]

    def facts(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in GROUP_FIELDS}

    def relations(self) -> dict[str, Any]:
        """The facilitators and focus needs, which the services set apart from the facts."""
        return {name: self.cleaned_data[name] for name in ("facilitators", "focus_needs")}


# The two ways into a group (a client from their case, a community member) end with the same two
# fields; each form gets its own copy of them when it is made.
WAIT_LIST = forms.BooleanField(
    required=False, initial=True, label=gettext_lazy("If the group is full, put them on the waiting list")
)
JOINED_ON = forms.DateField(
    required=False,
    widget=DATE_INPUT,
    label=gettext_lazy("Joined on"),
    help_text=gettext_lazy(
        "Leave empty for today; give an earlier day when entering a sign-up sheet afterwards."
    ),
)


class EnrolFromCaseForm(FieldSetup, ServiceForm):
    group = forms.ModelChoiceField(queryset=Group.objects.none(), empty_label=gettext_lazy("Choose a group"))
    wait_list = WAIT_LIST
    joined_on = JOINED_ON

    choices_from = {"group": "groups"}


class CommunityMemberForm(ServiceForm):
    """A community member who is not a client; only what the group needs to reach them."""

    given_name = forms.CharField(max_length=100)
    family_name = forms.CharField(max_length=100)
    phone = forms.CharField(max_length=40, required=False)
    email = forms.EmailField(max_length=254, required=False)
    date_of_birth = forms.DateField(
        required=False, widget=DATE_INPUT, help_text=gettext_lazy("Leave empty if unknown.")
    )
    wait_list = WAIT_LIST
    joined_on = JOINED_ON


class ExitForm(ServiceForm):
    reason = forms.ChoiceField(
        choices=[("", gettext_lazy("Choose a reason")), *Membership.ExitReason.choices]
    )
    note = forms.CharField(
        max_length=255, required=False, help_text=gettext_lazy("Optional; no clinical detail.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
