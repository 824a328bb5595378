"""Forms of signals: the two ways to accept one (a draft group, a planning campaign) and dismissal."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tapestry.access.models import User
from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.mezzo.groups.models import Group
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, StaffChoiceField


def facilitator_choices() -> QuerySet[User]:
    """Active staff whose role may run groups."""
    roles = [role for role, held in ROLE_CAPABILITIES.items() if Capability.GROUP_RUN in held]
    return User.objects.filter(is_active=True, role__in=roles).order_by("last_name", "first_name", "username")


def _four_weeks_on():
    return timezone.localdate() + timedelta(weeks=4)


class GroupResponseForm(FieldSetup, ServiceForm):
    name = forms.CharField(label=_("Group name"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind"), choices=Group.Kind.choices, initial=Group.Kind.SUPPORT)
    facilitator = StaffChoiceField(
        label=_("Facilitator"),
        queryset=User.objects.none(),
        help_text=_("Someone who can run groups; they complete the details."),
    )
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=500, initial=12)
    first_session_on = forms.DateField(label=_("First session on"), widget=DATE_INPUT, initial=_four_weeks_on)
    start_time = forms.TimeField(
        label=_("Starts at"), initial="18:00", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    choices_from = {"facilitator": "facilitators"}


class CampaignResponseForm(ServiceForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    goals = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        label=_("Goals"),
        help_text=_("What winning looks like."),
    )


class DismissForm(ServiceForm):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        label=_("Reason"),
        help_text=_("Why nothing is to be done."),
    )
