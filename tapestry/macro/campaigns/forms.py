"""Forms of campaigns: the campaign and each part of its work."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.access.models import User
from tapestry.macro.campaigns.models import Activity, Attendee, Campaign, Outreach, Supporter, Target
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, StaffChoiceField

TEXT = forms.Textarea(attrs={"rows": 3})


class CampaignForm(FieldSetup, ServiceForm):
    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=Campaign.Kind.choices)
    status = forms.ChoiceField(choices=Campaign.Status.choices, initial=Campaign.Status.PLANNING)
    summary = forms.CharField(max_length=300, required=False)
    goals = forms.CharField(widget=TEXT, help_text=gettext_lazy("What winning looks like."), max_length=4000)
    needs = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Needs it addresses"),
        queryset=Need.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Partner organisations"), queryset=Organisation.objects.none(), required=False
    )
    coalition = forms.ModelChoiceField(
        label=gettext_lazy("Run by the coalition"), queryset=None, required=False
    )
    lead = StaffChoiceField(label=gettext_lazy("Our lead"), queryset=User.objects.none(), required=False)
    starts_on = forms.DateField(
        label=gettext_lazy("Starts on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    ends_on = forms.DateField(label=gettext_lazy("Ends on"), widget=DATE_INPUT, required=False)
    outcome = forms.CharField(
        widget=TEXT, required=False, max_length=4000, help_text=gettext_lazy("Once it is over.")
    )
    revenue_goal = forms.DecimalField(
        label=gettext_lazy("Revenue goal (USD)"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"needs": "needs", "partners": "organisations", "coalition": "coalitions", "lead": "staff"}

    def fields_sent(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("version", "needs", "partners")}


class TargetForm(ServiceForm):
    given_name = forms.CharField(label=gettext_lazy("Given name"), max_length=100, required=False)
    family_name = forms.CharField(label=gettext_lazy("Family name"), max_length=100)
    title = forms.CharField(
        label=pgettext_lazy("job title", "Title"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Their office: Council member, District 3."),
    )
    organization = forms.CharField(label=gettext_lazy("Organization"), max_length=200, required=False)
    email = forms.EmailField(label=gettext_lazy("Email"), required=False)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=40, required=False)


class MilestoneForm(ServiceForm):
    milestone = forms.CharField(max_length=300)
    due_on = forms.DateField(label=gettext_lazy("Due on"), widget=DATE_INPUT)


class ActivityForm(ServiceForm):
    kind = forms.ChoiceField(choices=Activity.Kind.choices)
    held_on = forms.DateField(label=gettext_lazy("On"), widget=DATE_INPUT, initial=timezone.localdate)
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=TEXT, required=False, max_length=4000)
    reach = forms.IntegerField(
        min_value=0, required=False, help_text=gettext_lazy("About how many people it reached.")
    )
    attendance = forms.IntegerField(
        min_value=0, required=False, help_text=gettext_lazy("For an event: how many came.")
    )


class PetitionForm(FieldSetup, ServiceForm):
    title = forms.CharField(max_length=200)
    petition_text = forms.CharField(label=gettext_lazy("What it asks"), widget=TEXT, max_length=8000)
    target = forms.ModelChoiceField(queryset=Target.objects.none(), required=False)
    signature_goal = forms.IntegerField(min_value=1, required=False)

    choices_from = {"target": "targets"}


class SupporterFields(forms.Form):
    given_name = forms.CharField(label=gettext_lazy("Given name"), max_length=100)
    family_name = forms.CharField(label=gettext_lazy("Family name"), max_length=100, required=False)
    email = forms.EmailField(label=gettext_lazy("Email"), required=False)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=40, required=False)
    postal_code = forms.CharField(label=gettext_lazy("Postal code"), max_length=20, required=False)
    may_contact = forms.BooleanField(
        label=gettext_lazy("They agree to hear from us about campaigns"), required=False
    )


class SupporterForm(SupporterFields, ServiceForm):
    pass


class SignatureForm(FieldSetup, SupporterFields, ServiceForm):
    """Sign for a supporter already recorded, or record a new one with their signature."""

    supporter = forms.ModelChoiceField(
        label=gettext_lazy("A supporter already recorded"), queryset=Supporter.objects.none(), required=False
    )
    comments = forms.CharField(max_length=1000, required=False)

    choices_from = {"supporter": "supporters"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_name"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("supporter") and not data.get("given_name"):
            self.add_error(
                "given_name", gettext("Choose a supporter already recorded, or give a new one's name.")
            )
        return data

    def new_supporter(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in SupporterFields.base_fields}


class AttendeeForm(SignatureForm):
    """An answer to an event's invitation, for a supporter already recorded or a new one."""

    status = forms.ChoiceField(label=gettext_lazy("Their answer"), choices=Attendee.Status.choices)
    attended = forms.NullBooleanField(
        label=gettext_lazy("Did they come?"),
        required=False,
        widget=forms.Select(
            choices=[
                ("unknown", gettext_lazy("Not known yet")),
                ("true", gettext_lazy("Yes")),
                ("false", gettext_lazy("No")),
            ]
        ),
    )
    comment = forms.CharField(max_length=1000, required=False)

    field_order = ["supporter", "status", "attended", "comment"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["comments"]


class OutreachForm(FieldSetup, ServiceForm):
    target = forms.ModelChoiceField(queryset=Target.objects.none())
    type = forms.ChoiceField(choices=Outreach.Type.choices)
    supporter = forms.ModelChoiceField(
        queryset=Supporter.objects.none(), required=False, help_text=gettext_lazy("Empty: by us.")
    )
    made_on = forms.DateField(label=gettext_lazy("On"), widget=DATE_INPUT, initial=timezone.localdate)
    subject = forms.CharField(max_length=200, required=False)
    message = forms.CharField(widget=TEXT, required=False, max_length=8000)
    duration_minutes = forms.IntegerField(label=gettext_lazy("Minutes (a call)"), min_value=0, required=False)

    choices_from = {"target": "targets", "supporter": "supporters"}


class OsdiImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("OSDI JSON file"),
        help_text=gettext_lazy("One advocacy campaign, as exported by Tapestry or another OSDI system."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind of campaign"), choices=Campaign.Kind.choices)

    # An OSDI campaign document is text; a bigger file is not one.
    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(
                gettext("The file is over 5 MB; an OSDI campaign document is much smaller.")
            )
        try:
            return json.loads(upload.read().decode("utf-8-sig"))  # a byte-order mark is allowed
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(
                gettext("The file is not JSON: %(error)s.") % {"error": error}
            ) from error


class WonServiceForm(FieldSetup, ServiceForm):
    """The program a won campaign brought about, as the directory keeps a service."""

    organisation = forms.CharField(
        label=gettext_lazy("Organisation"),
        max_length=255,
        help_text=gettext_lazy("Who runs it; an organisation already listed is reused."),
    )
    name = forms.CharField(label=gettext_lazy("Service name"), max_length=255)
    description = forms.CharField(
        label=gettext_lazy("Description"), widget=TEXT, required=False, max_length=4000
    )
    needs = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Needs it meets"),
        queryset=Need.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=50, required=False)
    line1 = forms.CharField(label=gettext_lazy("Street address"), max_length=255, required=False)
    city = forms.CharField(label=gettext_lazy("City"), max_length=100, required=False)
    state = forms.CharField(label=gettext_lazy("State"), max_length=100, required=False)
    postcode = forms.CharField(
        label=gettext_lazy("ZIP code"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("Workers find it near their clients by it."),
    )

    choices_from = {"needs": "needs"}
